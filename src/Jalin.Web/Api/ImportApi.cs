using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Import;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>Import of legacy registers (issue #13 item 1): upload, map, preview, correct or skip rows, commit, and scans in
/// bulk. Only the region's Bagian Kerja Sama; a session of another region is 404.</summary>
public static class ImportApi
{
    public static void MapImportApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/imports").WithTags("Impor register");
        g.MapGet("", List).WithSummary("Daftar impor daerah Anda, terbaru dulu (page, pageSize).");
        g.MapPost("", Upload).DisableAntiforgery()
            .WithSummary("Unggah register lama (multipart: file .xlsx/.csv, target = Agreements | Partners | Agencies | Proposals). Berkas diperiksa dulu (ukuran, format, makro, bom zip); baris judul dicari dan pemetaan kolom disarankan.");
        g.MapGet("/{id:guid}", Get).WithSummary("Satu impor: status, pemetaan kolom, kemajuan (untuk melanjutkan dari halamannya).");
        g.MapGet("/{id:guid}/file", Download).WithSummary("Unduh berkas register yang diimpor (disimpan apa adanya).");
        g.MapPut("/{id:guid}/mapping", Map).WithSummary("Ubah pemetaan: sheetName, headerRow, fields (kode isian → nomor kolom mulai 0).");
        g.MapGet("/{id:guid}/rows", Rows).WithSummary("Pratinjau: setiap baris dengan nilai dan masalahnya (page, pageSize, onlyProblems, onlyErrors) dan jumlahnya.");
        g.MapPut("/{id:guid}/rows/{row:int}", Fix).WithSummary("Perbaiki nilai satu baris: values (kode isian → teks), createNewPartner, skip. Baris diperiksa lagi.");
        g.MapPut("/{id:guid}/rows/{row:int}/skip", (Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, int row, CancellationToken ct) => Skip(actor, db, files, clock, id, row, true, ct))
            .WithSummary("Lewati satu baris.");
        g.MapDelete("/{id:guid}/rows/{row:int}/skip", (Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, int row, CancellationToken ct) => Skip(actor, db, files, clock, id, row, false, ct))
            .WithSummary("Batalkan lewati baris.");
        g.MapPost("/{id:guid}/commit", Commit).WithSummary("Simpan impor: semua atau tidak sama sekali, dalam satu transaksi; ditolak bila masih ada baris bermasalah.");
        g.MapPost("/{id:guid}/scans", (Actor actor, JalinDb db, FileStore files, ImportOptions options, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct) =>
                Scans(actor, db, files, options, clock, id, request, ct)).DisableAntiforgery()
            .WithSummary("Lampirkan pindaian naskah kerja sama impor ini (multipart: files PDF atau satu ZIP); nama berkas = nomor naskah (180-2019-KB.pdf).");
        g.MapPost("/scans", (Actor actor, JalinDb db, FileStore files, ImportOptions options, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
                Scans(actor, db, files, options, clock, null, request, ct)).DisableAntiforgery()
            .WithSummary("Lampirkan pindaian naskah kerja sama daerah Anda (multipart: files PDF atau satu ZIP), dicocokkan dengan nomor naskah.");
    }

    private static async Task<IResult> List(Actor actor, JalinDb db, string? page, string? pageSize, CancellationToken ct)
    {
        var (p, size, error) = Paged(page, pageSize);
        if (error is not null) return Problems.From(error);
        return (await ImportSessions.ListAsync(db, actor, p, size, ct)).ToHttp();
    }

    private static async Task<IResult> Upload(Actor actor, JalinDb db, FileStore files, ImportOptions options, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        if (!ImportAccess.CanImportInto(actor, actor.Value.RegionCode)) return Problems.From(new ForbiddenError(ImportAccess.Forbidden));
        // Refused before the body is read: a 100 MB upload is not buffered.
        if (request.ContentLength > options.MaxBytes + 64 * 1024) return Problems.From(new TooLargeError(ImportFileCheck.TooLarge(options.MaxBytes)));
        if (!request.HasFormContentType)
            return Problems.From(ValidationError.Of("file", "Kirim sebagai multipart/form-data dengan bagian 'file' (.xlsx atau .csv) dan 'target'."));
        var form = await request.ReadFormAsync(ct);
        ImportTarget? target = null;
        if (Enum.TryParse<ImportTarget>(form["target"], ignoreCase: true, out var t) && Enum.IsDefined(t)) target = t;
        else if (form["target"].ToString().Length > 0)
            return Problems.From(ValidationError.Of("target", $"Isi register tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetNames<ImportTarget>())}."));
        var file = form.Files.GetFile("file");
        if (file is not null && file.Length > options.MaxBytes) return Problems.From(new TooLargeError(ImportFileCheck.TooLarge(options.MaxBytes)));
        byte[]? content = null;
        if (file is not null)
        {
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            content = ms.ToArray();
        }
        return (await ImportSessions.UploadAsync(db, files, options, actor, new UploadImportRequest(target, file?.FileName, content), clock, ct))
            .ToHttp(s => TypedResults.Created($"/api/v1/imports/{s.Id}", s));
    }

    private static async Task<IResult> Get(Actor actor, JalinDb db, FileStore files, Guid id, CancellationToken ct) =>
        (await ImportSessions.GetAsync(db, files, actor, id, ct)).ToHttp();

    private static async Task<IResult> Download(Actor actor, JalinDb db, FileStore files, Guid id, CancellationToken ct)
    {
        var session = await ImportSessions.GetAsync(db, files, actor, id, ct);
        if (!session.Ok) return Problems.From(session.Error!);
        var bytes = await files.ReadAsync(session.Value!.FileSha256, ct);
        if (!bytes.Ok) return Problems.From(bytes.Error!);
        var kind = session.Value.Format == ImportFileFormat.Xlsx ? ImportSessions.XlsxKind : ImportSessions.CsvKind;
        return TypedResults.File(bytes.Value!, kind.ContentType, session.Value.FileName);
    }

    private static async Task<IResult> Map(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, ImportMappingRequest? body, CancellationToken ct) =>
        (await ImportSessions.SetMappingAsync(db, files, actor, id, body, clock, ct)).ToHttp();

    private static async Task<IResult> Rows(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, string? page, string? pageSize,
        string? onlyProblems, string? onlyErrors, CancellationToken ct)
    {
        var (p, size, error) = Paged(page, pageSize);
        if (error is not null) return Problems.From(error);
        bool? Flag(string name, string? raw) => string.IsNullOrWhiteSpace(raw) ? false : bool.TryParse(raw, out var b) ? b : null;
        var problems = Flag("onlyProblems", onlyProblems);
        var errors = Flag("onlyErrors", onlyErrors);
        if (problems is null || errors is null) return Problems.From(ValidationError.Of(problems is null ? "onlyProblems" : "onlyErrors", "Isi true atau false."));
        return (await ImportSessions.PreviewAsync(db, files, actor, id, p, size, problems.Value, clock, errors.Value, ct)).ToHttp();
    }

    private static async Task<IResult> Fix(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, int row, ImportFixRequest? body, CancellationToken ct) =>
        (await ImportSessions.FixAsync(db, files, actor, id, row, body, clock, ct)).ToHttp();

    private static async Task<IResult> Skip(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, int row, bool skip, CancellationToken ct) =>
        (await ImportSessions.SkipAsync(db, files, actor, id, row, skip, clock, ct)).ToHttp();

    // The commit is not cancelled with the request: it is one transaction and ends by itself (in seconds), so a person who
    // leaves the page finds it done (or failed, with nothing written) when they come back.
    private static async Task<IResult> Commit(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id) =>
        (await ImportSessions.CommitAsync(db, files, actor, id, clock, null, CancellationToken.None)).ToHttp();

    private static async Task<IResult> Scans(Actor actor, JalinDb db, FileStore files, ImportOptions options, TimeProvider clock, Guid? id, HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > options.MaxBytes * 5) return Problems.From(new TooLargeError(ImportFileCheck.TooLarge(options.MaxBytes * 5)));
        if (!request.HasFormContentType) return Problems.From(ValidationError.Of("files", "Kirim sebagai multipart/form-data dengan bagian 'files' (PDF atau ZIP)."));
        var form = await request.ReadFormAsync(ct);
        var uploads = new List<ScanUpload>();
        foreach (var f in form.Files)
        {
            if (f.Length > options.MaxBytes) return Problems.From(new TooLargeError(ImportFileCheck.TooLarge(options.MaxBytes)));
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            uploads.Add(new ScanUpload(f.FileName, ms.ToArray()));
        }
        return (await BulkScans.AttachAsync(db, files, options, actor, id, uploads, clock, ct)).ToHttp();
    }

    private static (int? Page, int? Size, ValidationError? Error) Paged(string? page, string? pageSize)
    {
        int? p = null, s = null;
        if (!string.IsNullOrWhiteSpace(page))
        {
            if (int.TryParse(page, out var v) && v >= 1) p = v;
            else return (null, null, ValidationError.Of("page", "Halaman harus angka positif."));
        }
        if (!string.IsNullOrWhiteSpace(pageSize))
        {
            if (int.TryParse(pageSize, out var v) && v >= 1 && v <= Paging.MaxPageSize) s = v;
            else return (null, null, ValidationError.Of("pageSize", $"Ukuran halaman 1 sampai {Paging.MaxPageSize}."));
        }
        return (p, s, null);
    }
}
