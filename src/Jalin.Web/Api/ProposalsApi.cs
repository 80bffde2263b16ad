using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Proposals;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Jalin.Web.Api;

/// <summary>Usulan kerja sama from the OPDs: list, read, create, edit, move through the table, attach, convert.</summary>
public static class ProposalsApi
{
    public static void MapProposalsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/proposals").WithTags("Usulan");
        g.MapGet("", List).WithSummary("Daftar usulan yang boleh Anda lihat (status, OPD, tahun, q; halaman).");
        g.MapPost("", Create).WithSummary("Buat usulan baru (Draf) atas nama OPD Anda; petugas Bagian Kerja Sama memilih OPD-nya.");
        g.MapGet("/{id:guid}", Get).WithSummary("Rincian usulan: isian, lampiran, riwayat, tindakan yang tersedia. Header ETag berisi versi.");
        g.MapPut("/{id:guid}", Update).WithSummary("Ubah usulan berstatus Draf atau Perlu perbaikan. Wajib If-Match: \"versi\" (atau ?version=).");
        g.MapPost("/{id:guid}/actions/{action}", Act).WithSummary("Tindakan: submit, verify, return, assess, recommend, reject (isi: note, result, kind, notRegionalCooperation).");
        g.MapPost("/{id:guid}/attachments", Upload).WithSummary("Lampirkan berkas (multipart: file, kind = TermsOfReference|FeasibilityStudy|OfferLetter|Other, title).");
        g.MapGet("/{id:guid}/attachments/{attachmentId:guid}/file", Download).WithSummary("Unduh lampiran usulan.");
        g.MapPost("/{id:guid}/convert", Convert).WithSummary("Jadikan kerja sama: usulan yang direkomendasikan didaftarkan sebagai kerja sama (sekali saja).");
    }

    private static async Task<IResult> List(Actor actor, JalinDb db, [AsParameters] ProposalQuery query, CancellationToken ct)
    {
        var parse = query.ToFilter();
        if (parse.Error is not null) return Problems.From(parse.Error);
        return (await SearchProposals.HandleAsync(db, actor, parse.Filter!, ct)).ToHttp();
    }

    private static async Task<IResult> Create(Actor actor, JalinDb db, TimeProvider clock, ProposalInput? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await CreateProposal.HandleAsync(db, actor, body, clock, ct)).ToHttp(id => TypedResults.Created($"/api/v1/proposals/{id}", new { id }));
    }

    private static async Task<IResult> Get(Actor actor, JalinDb db, Guid id, HttpContext http, CancellationToken ct)
    {
        var result = await GetProposal.HandleAsync(db, actor, id, ct);
        if (result.Ok) http.Response.Headers.ETag = $"\"{result.Value!.Version}\"";
        return result.ToHttp();
    }

    private static async Task<IResult> Update(Actor actor, JalinDb db, TimeProvider clock, Guid id, ProposalInput? body, HttpContext http, int? version, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        var expected = version;
        if (expected is null && int.TryParse(http.Request.Headers.IfMatch.ToString().Replace("W/", "").Trim().Trim('"'), out var parsed)) expected = parsed;
        if (expected is null) return Problems.From(ValidationError.Of("version", "Sertakan versi yang Anda ubah: header If-Match: \"versi\" atau ?version=."));
        var result = await UpdateProposal.HandleAsync(db, actor, id, expected.Value, body, clock, ct);
        if (result.Ok) http.Response.Headers.ETag = $"\"{result.Value}\"";
        return result.ToHttp(v => TypedResults.Ok(new { id, version = v }));
    }

    private static async Task<IResult> Act(Actor actor, JalinDb db, TimeProvider clock, Guid id, string action,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ProposalActionRequest? body, CancellationToken ct)
    {
        if (!Enum.TryParse<ProposalAction>(action, true, out var a) || !Enum.IsDefined(a) || int.TryParse(action, out _))
            return Problems.From(new NotFoundError($"Tindakan usulan tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetValues<ProposalAction>().Select(x => x.Code()))}."));
        return (await ApplyProposalAction.HandleAsync(db, actor, id, a, body ?? new ProposalActionRequest(), clock, ct)).ToHttp();
    }

    private static async Task<IResult> Upload(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Problems.From(ValidationError.Of("file", "Kirim sebagai multipart/form-data dengan bagian 'file' dan 'kind'."));
        var form = await request.ReadFormAsync(ct);
        ProposalAttachmentKind? kind = Enum.TryParse<ProposalAttachmentKind>(form["kind"], true, out var k) && Enum.IsDefined(k) && !int.TryParse(form["kind"], out _) ? k : null;
        var file = form.Files.GetFile("file");
        byte[]? content = null;
        if (file is not null)
        {
            if (file.Length > files.MaxBytes) return Problems.From(new TooLargeError(FileStore.TooLargeText(files.MaxBytes)));
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            content = ms.ToArray();
        }
        var result = await AttachProposalFile.HandleAsync(db, files, actor, id, new AttachProposalFileRequest { Kind = kind, Title = form["title"], Content = content, FileName = file?.FileName }, clock, ct);
        return result.ToHttp(a => TypedResults.Created($"/api/v1/proposals/{id}/attachments/{a.Id}/file", a));
    }

    private static async Task<IResult> Download(Actor actor, JalinDb db, FileStore files, Guid id, Guid attachmentId, CancellationToken ct) =>
        (await DownloadProposalFile.HandleAsync(db, files, actor, id, attachmentId, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));

    private static async Task<IResult> Convert(Actor actor, JalinDb db, TimeProvider clock, Guid id,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ConvertProposalRequest? body, CancellationToken ct) =>
        (await ConvertProposal.HandleAsync(db, actor, id, body ?? new ConvertProposalRequest(), clock, ct))
            .ToHttp(c => TypedResults.Created($"/api/v1/agreements/{c.AgreementId}", c));
}

/// <summary>Query string of GET /proposals (and its download); parsed by hand so a bad value answers in Indonesian.</summary>
public sealed class ProposalQuery
{
    public string? Q { get; init; }
    public string? Status { get; init; }
    public string? AgencyId { get; init; }
    public string? Year { get; init; }
    public string? Page { get; init; }
    public string? PageSize { get; init; }

    public (ProposalFilter? Filter, ValidationError? Error) ToFilter()
    {
        var fields = new Dictionary<string, string[]>();
        ProposalStatus? s = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (Enum.TryParse<ProposalStatus>(Status, true, out var v) && Enum.IsDefined(v)) s = v;
            else fields["status"] = [$"Status tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetNames<ProposalStatus>())}."];
        }
        Guid? agency = null;
        if (!string.IsNullOrWhiteSpace(AgencyId))
        {
            if (Guid.TryParse(AgencyId, out var a)) agency = a;
            else fields["agencyId"] = ["agencyId bukan GUID."];
        }
        int? Int(string name, string? raw, int min, int max, string message)
        {
            if (string.IsNullOrWhiteSpace(raw)) return null;
            if (int.TryParse(raw, out var n) && n >= min && n <= max) return n;
            fields[name] = [message];
            return null;
        }
        var y = Int("year", Year, 1945, 2200, "Tahun tidak valid.");
        var p = Int("page", Page, 1, int.MaxValue, "Halaman harus angka positif.");
        var size = Int("pageSize", PageSize, 1, Paging.MaxPageSize, $"Ukuran halaman 1 sampai {Paging.MaxPageSize}.");
        if (fields.Count > 0) return (null, new ValidationError("Parameter pencarian tidak valid.", fields));
        return (new ProposalFilter { Q = Q, Status = s, AgencyId = agency, Year = y, Page = p, PageSize = size }, null);
    }
}
