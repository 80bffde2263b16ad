using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Lifecycle;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Jalin.Web.Api;

public static class AgreementsApi
{
    public static void MapAgreementsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/agreements").WithTags("Kerja sama");
        g.MapGet("", List).WithSummary("Daftar kerja sama yang boleh Anda lihat, dengan filter, urutan dan halaman.");
        g.MapPost("", Create).WithSummary("Daftarkan kerja sama baru di daerah Anda.");
        g.MapGet("/{id:guid}", Get).WithSummary("Rincian kerja sama: para pihak, dokumen, tenggat. Header ETag berisi versi.");
        g.MapPut("/{id:guid}", Update).WithSummary("Ubah kerja sama. Wajib If-Match: \"versi\" (atau ?version=); versi usang dijawab 409.");
        g.MapGet("/{id:guid}/history", History).WithSummary("Riwayat tahapan dan catatan.");
        g.MapGet("/{id:guid}/documents", Documents).WithSummary("Dokumen kerja sama.");
        g.MapPost("/{id:guid}/documents", Upload).WithSummary("Lampirkan dokumen (multipart: file, kind, title, number, signedOn, parentDocumentId, visibility).");
        g.MapGet("/{id:guid}/documents/{documentId:guid}/file", Download).WithSummary("Unduh berkas dokumen.");
        g.MapGet("/{id:guid}/actions", Actions).WithSummary("Aksi berikutnya yang tersedia bagi Anda, dan alasan bila tidak.");
        g.MapPost("/{id:guid}/actions/{action}", Apply).WithSummary("Jalankan aksi tahapan (lihat /api/v1/lifecycle/{kind}).");
        api.MapGet("/dashboard", DashboardView).WithTags("Kerja sama").WithSummary("Ringkasan: per tahap dan jenis, berakhir dalam 90 hari, menunggu tindakan Anda.");
    }

    private static async Task<IResult> List(Actor actor, JalinDb db, TimeProvider clock, [AsParameters] AgreementQuery q, CancellationToken ct)
    {
        var parse = q.ToFilter();
        if (parse.Error is not null) return Problems.From(parse.Error);
        return (await SearchAgreements.HandleAsync(db, actor, parse.Filter!, clock, ct)).ToHttp();
    }

    private static async Task<IResult> Create(Actor actor, JalinDb db, TimeProvider clock, AgreementInput? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        var result = await RegisterAgreement.HandleAsync(db, actor, body, clock, ct);
        return result.ToHttp(id => TypedResults.Created($"/api/v1/agreements/{id}", new { id }));
    }

    private static async Task<IResult> Get(Actor actor, JalinDb db, Guid id, HttpContext http, CancellationToken ct)
    {
        var result = await GetAgreement.HandleAsync(db, actor, id, ct);
        if (result.Ok) http.Response.Headers.ETag = $"\"{result.Value!.Version}\"";
        return result.ToHttp();
    }

    private static async Task<IResult> Update(Actor actor, JalinDb db, TimeProvider clock, Guid id, AgreementInput? body, HttpContext http, int? version, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        var expected = version;
        var ifMatch = http.Request.Headers.IfMatch.ToString().Trim().Trim('"');
        if (expected is null && int.TryParse(ifMatch.Replace("W/", "").Trim('"'), out var parsed)) expected = parsed;
        if (expected is null)
            return Problems.From(ValidationError.Of("version", "Sertakan versi yang Anda ubah: header If-Match: \"versi\" atau ?version=."));
        var result = await UpdateAgreement.HandleAsync(db, actor, id, expected.Value, body, clock, ct);
        if (result.Ok) http.Response.Headers.ETag = $"\"{result.Value}\"";
        return result.ToHttp(v => TypedResults.Ok(new { id, version = v }));
    }

    private static async Task<IResult> History(Actor actor, JalinDb db, Guid id, CancellationToken ct) =>
        (await GetAgreementHistory.HandleAsync(db, actor, id, ct)).ToHttp();

    private static async Task<IResult> Documents(Actor actor, JalinDb db, Guid id, CancellationToken ct) =>
        (await GetAgreement.HandleAsync(db, actor, id, ct)).ToHttp(a => TypedResults.Ok(a.Documents));

    private static async Task<IResult> Upload(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Problems.From(ValidationError.Of("file", "Kirim sebagai multipart/form-data dengan bagian 'file' dan 'kind'."));
        var form = await request.ReadFormAsync(ct);
        var fields = new Dictionary<string, string[]>();
        DocumentKind? kind = null;
        if (Enum.TryParse<DocumentKind>(form["kind"], ignoreCase: true, out var k) && Enum.IsDefined(k)) kind = k;
        else fields["kind"] = [$"Jenis dokumen tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetNames<DocumentKind>())}."];
        DateOnly? signedOn = null;
        if (form["signedOn"].ToString() is { Length: > 0 } s)
        {
            if (DateOnly.TryParseExact(s, "yyyy-MM-dd", out var d)) signedOn = d;
            else fields["signedOn"] = ["Tanggal penandatanganan dengan format YYYY-MM-DD."];
        }
        Guid? parent = null;
        if (form["parentDocumentId"].ToString() is { Length: > 0 } p)
        {
            if (Guid.TryParse(p, out var pg)) parent = pg;
            else fields["parentDocumentId"] = ["Dokumen induk tidak valid."];
        }
        var visibility = DocumentVisibility.Internal;
        if (form["visibility"].ToString() is { Length: > 0 } v && (!Enum.TryParse(v, ignoreCase: true, out visibility) || !Enum.IsDefined(visibility)))
            fields["visibility"] = ["Visibilitas: Shared atau Internal."];
        var file = form.Files.GetFile("file");
        byte[]? content = null;
        if (file is not null)
        {
            if (file.Length > files.MaxBytes) return Problems.From(new TooLargeError(FileStore.TooLargeText(files.MaxBytes)));
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            content = ms.ToArray();
        }
        if (fields.Count > 0) return Problems.From(new ValidationError("Data dokumen belum benar.", fields));
        var result = await AttachDocument.HandleAsync(db, files, actor, id, new AttachDocumentRequest
        {
            Kind = kind, Title = form["title"], Number = form["number"], SignedOn = signedOn, ParentDocumentId = parent, Visibility = visibility,
            Content = content, FileName = file?.FileName,
        }, clock, ct);
        return result.ToHttp(doc => TypedResults.Created($"/api/v1/agreements/{id}/documents/{doc.Id}/file", doc));
    }

    private static async Task<IResult> Download(Actor actor, JalinDb db, FileStore files, Guid id, Guid documentId, CancellationToken ct) =>
        (await DownloadDocument.HandleAsync(db, files, actor, id, documentId, ct))
            .ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));

    private static async Task<IResult> Actions(Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        (await AvailableActions.HandleAsync(db, actor, id, clock, ct)).ToHttp();

    private static async Task<IResult> Apply(Actor actor, JalinDb db, TimeProvider clock, Guid id, string action, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ActionRequest? body, CancellationToken ct) =>
        (await ApplyLifecycleAction.HandleAsync(db, actor, id, action, body ?? new ActionRequest(), clock, ct)).ToHttp();

    private static async Task<IResult> DashboardView(Actor actor, JalinDb db, TimeProvider clock, CancellationToken ct) =>
        (await Dashboard.HandleAsync(db, actor, clock, ct)).ToHttp();
}

/// <summary>Query string of GET /agreements; parsed by hand so a bad value answers in Indonesian.</summary>
public sealed class AgreementQuery
{
    public string? Q { get; init; }
    public string? Kind { get; init; }
    public string? Stage { get; init; }
    public string? PartnerId { get; init; }
    public string? AgencyId { get; init; }
    public string? AffairCode { get; init; }
    public string? RegionCode { get; init; }
    public string? Year { get; init; }
    public string? EndingWithinDays { get; init; }
    public string? Active { get; init; }
    public string? Sort { get; init; }
    public string? Desc { get; init; }
    public string? Page { get; init; }
    public string? PageSize { get; init; }

    public (AgreementFilter? Filter, ValidationError? Error) ToFilter()
    {
        var fields = new Dictionary<string, string[]>();
        T? Parse<T>(string name, string? raw, Func<string, (bool, T)> parser, string message) where T : struct
        {
            if (string.IsNullOrWhiteSpace(raw)) return null;
            var (ok, value) = parser(raw);
            if (ok) return value;
            fields[name] = [message];
            return null;
        }
        var filter = new AgreementFilter
        {
            Q = Q,
            Kind = Parse("kind", Kind, s => (Enum.TryParse<CooperationKind>(s, true, out var v) && Enum.IsDefined(v), v), $"Jenis tidak dikenal: {string.Join(", ", Enum.GetNames<CooperationKind>())}."),
            Stage = Parse("stage", Stage, s => (Enum.TryParse<Stage>(s, true, out var v) && Enum.IsDefined(v), v), "Tahap tidak dikenal."),
            PartnerId = Parse("partnerId", PartnerId, s => (Guid.TryParse(s, out var v), v), "partnerId bukan GUID."),
            AgencyId = Parse("agencyId", AgencyId, s => (Guid.TryParse(s, out var v), v), "agencyId bukan GUID."),
            AffairCode = AffairCode,
            RegionCode = RegionCode,
            Year = Parse("year", Year, s => (int.TryParse(s, out var v), v), "Tahun harus angka."),
            EndingWithinDays = Parse("endingWithinDays", EndingWithinDays, s => (int.TryParse(s, out var v), v), "Jumlah hari harus angka."),
            Active = Parse("active", Active, s => (bool.TryParse(s, out var v), v), "active: true atau false."),
            Sort = Sort,
            Descending = Parse("desc", Desc, s => (bool.TryParse(s, out var v), v), "desc: true atau false.") ?? false,
            Page = Parse("page", Page, s => (int.TryParse(s, out var v) && v > 0, v), "Halaman harus angka positif."),
            PageSize = Parse("pageSize", PageSize, s => (int.TryParse(s, out var v) && v is > 0 and <= Paging.MaxPageSize, v), $"Ukuran halaman 1 sampai {Paging.MaxPageSize}."),
        };
        return fields.Count > 0 ? (null, new ValidationError("Parameter pencarian tidak valid.", fields)) : (filter, null);
    }
}
