using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Jalin.Web.Api;

/// <summary>Drafting (ISSUE #3): templates, drafts with versions, compare, comments, the muatan
/// checklist, override, DOCX/PDF, the final with its verification code; the public verification.</summary>
public static class DraftsApi
{
    public static void MapDraftsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/agreements/{id:guid}").WithTags("Penyusunan naskah");
        g.MapGet("/templates", Templates).WithSummary("Templat yang dapat dipakai untuk jenis kerja sama ini (bawaan atau salinan daerah).");
        g.MapGet("/drafts", List).WithSummary("Rancangan naskah kerja sama ini.");
        g.MapPost("/drafts", Create).WithSummary("Susun rancangan dari templat; isian diambil dari data kerja sama (versi 1).");
        g.MapGet("/drafts/{draftId:guid}", Get).WithSummary("Rancangan: pasal versi terpilih (?version=), daftar versi, komentar, daftar periksa muatan.");
        g.MapPost("/drafts/{draftId:guid}/versions", Save).WithSummary("Simpan sebagai versi baru (basedOnVersion wajib sama dengan versi terakhir, bila tidak 409).");
        g.MapPost("/drafts/import", CreateFromWord)
            .WithSummary("Rancangan baru dari berkas Word (multipart: templateCode, title, file .docx): versi 1 dari templat, versi 2 dari berkas.");
        g.MapPost("/drafts/{draftId:guid}/import", Import)
            .WithSummary("Impor berkas Word (multipart: file .docx, basedOnVersion, note) sebagai versi baru: pasal, ayat dan jenis muatan dibaca dari naskah.");
        g.MapPost("/drafts/{draftId:guid}/restore", Restore).WithSummary("Pulihkan versi lama sebagai versi baru.");
        g.MapGet("/drafts/{draftId:guid}/compare", Compare).WithSummary("Bandingkan dua versi (?from=&to=) pasal demi pasal, kata demi kata.");
        g.MapPost("/drafts/{draftId:guid}/comments", Comment).WithSummary("Komentar pada satu pasal (TKKSD, petugas, OPD, pimpinan, penghubung mitra, petugas daerah mitra).");
        g.MapPut("/drafts/{draftId:guid}/comments/{commentId:long}/resolved", ResolveComment)
            .WithSummary("Tandai utas komentar selesai ({\"resolved\": true}) atau buka kembali (false): penyusun rancangan atau penulis komentar.");
        g.MapPost("/drafts/{draftId:guid}/override", Override).WithSummary("Pimpinan daerah pemilik mengecualikan muatan wajib yang belum ada, dengan alasan tercatat.");
        g.MapGet("/drafts/{draftId:guid}/docx", Docx).WithSummary("Unduh DOCX sebuah versi (?version=).");
        g.MapGet("/drafts/{draftId:guid}/pdf", Pdf).WithSummary("Unduh PDF sebuah versi (LibreOffice; 503 bila tidak terpasang).");
        g.MapPost("/drafts/{draftId:guid}/finalize", IssueFinal).WithSummary("Terbitkan naskah final: nomor daerah, kode verifikasi dan QR, PDF; dilampirkan sebagai dokumen kerja sama.");

        g.MapGet("/drafts/{draftId:guid}/signing", Signing).WithSummary("Penandatanganan naskah final: urutan paraf, cara, penanda tangan, pindaian, daftar periksa.");
        g.MapPost("/drafts/{draftId:guid}/signing/paraf", Paraf).WithSummary("Catat paraf pejabat berikutnya (mengikuti urutan).");
        g.MapPost("/drafts/{draftId:guid}/signing", RecordSigning)
            .WithSummary("Catat penandatanganan (multipart: file PDF pindaian, signedOn, place, ceremony, parafOnEveryPage, meterai, stempel).");

        var d = api.MapGroup("/drafting").WithTags("Penyusunan naskah");
        d.MapGet("/settings", Settings).WithSummary("Pengaturan penyusunan naskah daerah Anda: pola nomor, ketersediaan PDF.");
        d.MapPut("/settings", SetSettings).WithSummary("Ubah pola nomor naskah daerah Anda (petugas Bagian Kerja Sama).");
        d.MapGet("/templates", async (Actor actor, JalinDb db, CancellationToken ct) => (await RegionTemplates.ListAsync(db, actor, ct)).ToHttp())
            .WithSummary("Templat daerah Anda: bawaan Jalin atau salinan yang telah diubah.");
        d.MapGet("/templates/{code}", async (Actor actor, JalinDb db, string code, CancellationToken ct) => (await RegionTemplates.GetAsync(db, actor, code, ct)).ToHttp())
            .WithSummary("Isi templat (pasal dengan {{isian}}) dan muatan wajib yang belum ada.");
        d.MapPut("/templates/{code}", async (Actor actor, JalinDb db, TimeProvider clock, string code, RegionTemplateInput? body, CancellationToken ct) =>
                body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong.")) : (await RegionTemplates.SaveAsync(db, actor, code, body, clock, ct)).ToHttp())
            .WithSummary("Simpan salinan daerah dari templat (basedOnVersion: 0 bila masih bawaan).");
        d.MapDelete("/templates/{code}", async (Actor actor, JalinDb db, string code, CancellationToken ct) => (await RegionTemplates.ResetAsync(db, actor, code, ct)).ToHttp())
            .WithSummary("Kembalikan templat ke bawaan Jalin (salinan daerah dihapus).");
        d.MapGet("/letterhead", async (Actor actor, JalinDb db, CancellationToken ct) => (await RegionTemplates.LetterheadAsync(db, actor, ct)).ToHttp())
            .WithSummary("Kop surat daerah Anda.");
        d.MapPut("/letterhead", async (Actor actor, JalinDb db, FileStore files, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            if (!request.HasFormContentType) return Problems.From(ValidationError.Of("file", "Kirim sebagai multipart/form-data dengan bagian 'file' (DOCX)."));
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            if (file is null) return Problems.From(ValidationError.Of("file", "Unggah berkas DOCX berisi kop surat daerah."));
            if (file.Length > files.MaxBytes) return Problems.From(new TooLargeError(FileStore.TooLargeText(files.MaxBytes)));
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            return (await RegionTemplates.SetLetterheadAsync(db, files, actor, ms.ToArray(), clock, ct)).ToHttp();
        }).WithSummary("Unggah kop surat (DOCX dengan header) untuk surat-surat daerah Anda.");
        d.MapGet("/clauses", async (Actor actor, JalinDb db, CancellationToken ct) => (await RegionClauses.ListAsync(db, actor, ct)).ToHttp())
            .WithSummary("Pustaka klausul: rumusan bawaan Jalin dan rumusan daerah Anda, per muatan.");
        d.MapPost("/clauses", async (Actor actor, JalinDb db, TimeProvider clock, LibraryClauseInput? body, CancellationToken ct) =>
                body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                    : (await RegionClauses.SaveAsync(db, actor, null, body, clock, ct)).ToHttp(c => TypedResults.Created($"/api/v1/drafting/clauses/{c.Id}", c)))
            .WithSummary("Tambah rumusan pasal daerah Anda.");
        d.MapPut("/clauses/{clauseId:guid}", async (Actor actor, JalinDb db, TimeProvider clock, Guid clauseId, LibraryClauseInput? body, CancellationToken ct) =>
                body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong.")) : (await RegionClauses.SaveAsync(db, actor, clauseId, body, clock, ct)).ToHttp())
            .WithSummary("Ubah rumusan pasal daerah Anda.");
        d.MapDelete("/clauses/{clauseId:guid}", async (Actor actor, JalinDb db, Guid clauseId, CancellationToken ct) =>
                (await RegionClauses.DeleteAsync(db, actor, clauseId, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Hapus rumusan pasal daerah Anda (rancangan yang memakainya tidak berubah).");
        d.MapGet("/fields", (Actor actor) => TypedResults.Ok(DraftFields.Catalog.Select(f => new { name = "{{" + f.Name + "}}", description = f.Description })))
            .WithSummary("Isian templat yang diambil dari data kerja sama.");
    }

    /// <summary>Public (no account): what a verification code stands for, and the check of a file.</summary>
    public static void MapVerificationApi(this RouteGroupBuilder api)
    {
        var v = api.MapGroup("/verifikasi").WithTags("Verifikasi (publik)").AllowAnonymous().RequireRateLimiting(LoginLimits.VerifyPolicy);
        v.MapGet("/{code}", async (JalinDb db, string code, CancellationToken ct) => (await VerifyDocument.FindAsync(db, code, ct)).ToHttp())
            .WithSummary("Apa yang ditandatangani: judul, para pihak, nomor, tanggal, SHA-256 berkas.");
        v.MapPost("/{code}", async (JalinDb db, FileStore files, string code, HttpRequest request, CancellationToken ct) =>
        {
            if (!request.HasFormContentType) return Problems.From(ValidationError.Of("file", "Kirim sebagai multipart/form-data dengan bagian 'file'."));
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            if (file is null) return Problems.From(ValidationError.Of("file", "Pilih berkas dokumen yang akan diperiksa."));
            if (file.Length > files.MaxBytes) return Problems.From(new TooLargeError(FileStore.TooLargeText(files.MaxBytes)));
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            return (await VerifyDocument.CheckAsync(db, code, ms.ToArray(), files.MaxBytes, ct)).ToHttp();
        }).WithSummary("Periksa berkas (multipart 'file'): sama persis dengan yang tercatat atau tidak.");
    }

    private static async Task<IResult> Templates(Actor actor, JalinDb db, Guid id, CancellationToken ct) =>
        (await DraftUseCases.TemplatesAsync(db, actor, id, ct)).ToHttp();

    private static async Task<IResult> List(Actor actor, JalinDb db, Guid id, CancellationToken ct) =>
        (await DraftUseCases.ListAsync(db, actor, id, ct)).ToHttp();

    private static async Task<IResult> Create(Actor actor, JalinDb db, TimeProvider clock, Guid id, CreateDraftRequest? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await DraftUseCases.CreateAsync(db, actor, id, body, clock, ct))
            .ToHttp(dd => TypedResults.Created($"/api/v1/agreements/{id}/drafts/{dd.Id}", dd));
    }

    private static async Task<IResult> Get(Actor actor, JalinDb db, Guid id, Guid draftId, int? version, CancellationToken ct) =>
        (await DraftUseCases.GetAsync(db, actor, id, draftId, version, ct)).ToHttp();

    private static async Task<IResult> Save(Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid draftId, SaveDraftRequest? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await DraftUseCases.SaveAsync(db, actor, id, draftId, body, clock, ct))
            .ToHttp(dd => TypedResults.Created($"/api/v1/agreements/{id}/drafts/{draftId}?version={dd.LatestVersion}", dd));
    }

    private static async Task<IResult> Restore(Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid draftId, RestoreDraftRequest? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await DraftUseCases.RestoreAsync(db, actor, id, draftId, body, clock, ct))
            .ToHttp(dd => TypedResults.Created($"/api/v1/agreements/{id}/drafts/{draftId}?version={dd.LatestVersion}", dd));
    }

    private static async Task<IResult> Compare(Actor actor, JalinDb db, Guid id, Guid draftId, int? from, int? to, CancellationToken ct)
    {
        if (from is null || to is null)
            return Problems.From(new ValidationError("Sebutkan dua versi yang dibandingkan.", new Dictionary<string, string[]>
            {
                [from is null ? "from" : "to"] = ["Isi ?from= dan ?to= dengan nomor versi."],
            }));
        return (await DraftUseCases.CompareAsync(db, actor, id, draftId, from.Value, to.Value, ct)).ToHttp();
    }

    private static async Task<IResult> Comment(Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid draftId, CommentRequest? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await DraftUseCases.CommentAsync(db, actor, id, draftId, body, clock, ct)).ToHttp(c => TypedResults.Created((string?)null, c));
    }

    private static async Task<IResult> CreateFromWord(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Problems.From(ValidationError.Of("file", "Kirim sebagai multipart/form-data dengan bagian 'templateCode' dan 'file' (DOCX)."));
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        var max = files.MaxBytes;
        if (file is not null && file.Length > max) return Problems.From(new TooLargeError(FileStore.TooLargeText(max)));
        await using var stream = file?.OpenReadStream();
        var body = new CreateDraftRequest
        {
            TemplateCode = form["templateCode"].ToString() is { Length: > 0 } t ? t : null, Title = form["title"].ToString() is { Length: > 0 } n ? n : null,
        };
        return (await ImportDraft.CreateAsync(db, actor, id, body, stream, file?.FileName, clock, ct))
            .ToHttp(r => TypedResults.Created($"/api/v1/agreements/{id}/drafts/{r.Draft.Id}", r));
    }

    private static async Task<IResult> Import(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, Guid draftId, HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Problems.From(ValidationError.Of("file", "Kirim sebagai multipart/form-data dengan bagian 'file' (DOCX) dan 'basedOnVersion'."));
        var form = await request.ReadFormAsync(ct);
        int? basedOn = null;
        if (form["basedOnVersion"].ToString() is { Length: > 0 } b)
        {
            if (int.TryParse(b, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)) basedOn = parsed;
            else return Problems.From(ValidationError.Of("basedOnVersion", "Versi dasar berupa bilangan bulat."));
        }
        var file = form.Files.GetFile("file");
        var max = files.MaxBytes;
        if (file is not null && file.Length > max) return Problems.From(new TooLargeError(FileStore.TooLargeText(max)));
        await using var stream = file?.OpenReadStream();
        var body = new ImportDraftRequest { BasedOnVersion = basedOn, Note = form["note"].ToString() is { Length: > 0 } n ? n : null };
        return (await ImportDraft.HandleAsync(db, actor, id, draftId, body, stream, file?.FileName, clock, ct)).ToHttp();
    }

    private static async Task<IResult> ResolveComment(Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid draftId, long commentId,
        ResolveCommentRequest? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await DraftUseCases.ResolveCommentAsync(db, actor, id, draftId, commentId, body, clock, ct)).ToHttp();
    }

    private static async Task<IResult> Override(Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid draftId, OverrideRequest? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await DraftUseCases.OverrideAsync(db, actor, id, draftId, body, clock, ct)).ToHttp();
    }

    private static async Task<IResult> Docx(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, Guid draftId, int? version, CancellationToken ct) =>
        (await DraftUseCases.DocxAsync(db, files, actor, id, draftId, version, clock, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));

    private static async Task<IResult> Pdf(Actor actor, JalinDb db, FileStore files, PdfConverter pdf, TimeProvider clock, Guid id, Guid draftId, int? version,
        CancellationToken ct) =>
        (await DraftPdf.HandleAsync(db, files, pdf, actor, id, draftId, version, clock, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));

    private static async Task<IResult> IssueFinal(Actor actor, JalinDb db, FileStore files, PdfConverter pdf, TimeProvider clock, IConfiguration config, HttpContext http,
        Guid id, Guid draftId, FinalizeDraftRequest? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await FinalizeDraft.HandleAsync(db, files, pdf, actor, id, draftId, body, PublicBaseUrl(config, http), clock, ct)).ToHttp();
    }

    private static async Task<IResult> Signing(Actor actor, JalinDb db, IElectronicSignatureProvider esign, Guid id, Guid draftId, CancellationToken ct) =>
        (await Jalin.Core.Drafting.Signing.GetAsync(db, esign, actor, id, draftId, ct)).ToHttp();

    private static async Task<IResult> Paraf(Actor actor, JalinDb db, IElectronicSignatureProvider esign, TimeProvider clock, Guid id, Guid draftId, ParafRequest? body,
        CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await Jalin.Core.Drafting.Signing.ParafAsync(db, esign, actor, id, draftId, body, clock, ct)).ToHttp();
    }

    private static async Task<IResult> RecordSigning(Actor actor, JalinDb db, FileStore files, IElectronicSignatureProvider esign, TimeProvider clock, Guid id, Guid draftId,
        HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Problems.From(ValidationError.Of("file", "Kirim sebagai multipart/form-data dengan bagian 'file', 'signedOn', 'place' dan 'ceremony'."));
        var form = await request.ReadFormAsync(ct);
        var fields = new Dictionary<string, string[]>();
        DateOnly? signedOn = null;
        if (form["signedOn"].ToString() is { Length: > 0 } s)
        {
            if (DateOnly.TryParseExact(s, "yyyy-MM-dd", out var parsed)) signedOn = parsed;
            else fields["signedOn"] = ["Tanggal penandatanganan dengan format YYYY-MM-DD."];
        }
        CeremonyType? ceremony = null;
        if (form["ceremony"].ToString() is { Length: > 0 } c)
        {
            if (Enum.TryParse<CeremonyType>(c, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) ceremony = parsed;
            else fields["ceremony"] = ["Cara penandatanganan tidak dikenal. Pilih salah satu: DeskToDesk (dari meja ke meja), Ceremonial (seremonial), Hybrid (hibrida)."];
        }
        bool Flag(string name)
        {
            var v = form[name].ToString();
            if (v.Length == 0) return false;
            if (bool.TryParse(v, out var b)) return b;
            fields[name] = ["Isi true atau false."];
            return false;
        }
        var paraf = Flag("parafOnEveryPage");
        var meterai = Flag("meterai");
        var stempel = Flag("stempel");
        var file = form.Files.GetFile("file");
        byte[]? content = null;
        if (file is not null)
        {
            if (file.Length > files.MaxBytes) return Problems.From(new TooLargeError(FileStore.TooLargeText(files.MaxBytes)));
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            content = ms.ToArray();
        }
        if (fields.Count > 0) return Problems.From(new ValidationError("Penandatanganan belum dapat dicatat.", fields));
        return (await Jalin.Core.Drafting.Signing.RecordAsync(db, files, esign, actor, id, draftId, new RecordSigningRequest
        {
            SignedOn = signedOn, Place = form["place"], Ceremony = ceremony, ParafOnEveryPage = paraf, Meterai = meterai, Stempel = stempel,
            Scan = content, FileName = file?.FileName,
        }, clock, ct)).ToHttp();
    }

    private static async Task<IResult> Settings(Actor actor, JalinDb db, PdfConverter pdf, TimeProvider clock, CancellationToken ct) =>
        (await DraftingSettings.GetAsync(db, pdf, actor, clock, ct)).ToHttp();

    private static async Task<IResult> SetSettings(Actor actor, JalinDb db, PdfConverter pdf, TimeProvider clock, DraftingSettingsInput? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await DraftingSettings.SetAsync(db, pdf, actor, body, clock, ct)).ToHttp();
    }

    /// <summary>The address printed under the QR code: Jalin:PublicBaseUrl, or this request's own origin.</summary>
    public static string PublicBaseUrl(IConfiguration config, HttpContext http) =>
        PublicBaseUrl(config, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}");

    /// <summary>The same for the back office, where the page's own base address is the fallback.</summary>
    public static string PublicBaseUrl(IConfiguration config, string fallback) =>
        (config["Jalin:PublicBaseUrl"] is { Length: > 0 } configured ? configured : fallback).TrimEnd('/');
}
