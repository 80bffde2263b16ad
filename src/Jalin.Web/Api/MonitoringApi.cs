using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Monitoring;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Jalin.Web.Api;

/// <summary>Monitoring of an agreement in tahap Pelaksanaan: obligations (from the PKS's hak dan kewajiban) and the
/// executing OPD's progress reports reviewed by the Bagian Kerja Sama.</summary>
public static class MonitoringApi
{
    public sealed record PeriodInput(ReportPeriod? Period);
    public sealed record NewReportInput(int? PeriodNumber);

    public static void MapMonitoringApi(this RouteGroupBuilder api)
    {
        var o = api.MapGroup("/agreements/{id:guid}/obligations").WithTags("Pemantauan");
        o.MapGet("", Obligations).WithSummary("Kewajiban dan tonggak kerja sama (pihak dan OPD penanggung jawab, jatuh tempo atau pengulangan, status, bukti).");
        o.MapGet("/prefill", Prefill).WithSummary("Usulan kewajiban dari pasal hak dan kewajiban rancangan PKS, satu per butir; tidak menyimpan apa pun.");
        o.MapPost("", CreateObligation).WithSummary("Catat kewajiban (petugas Bagian Kerja Sama daerah pemilik; tahap Pelaksanaan).");
        o.MapPut("/{obligationId:guid}", UpdateObligation).WithSummary("Ubah kewajiban dan statusnya (terpenuhi sebagian/tidak terpenuhi wajib dengan catatan).");
        o.MapPost("/{obligationId:guid}/evidence", ObligationEvidence).WithSummary("Lampirkan bukti (multipart: file; PDF, DOCX, PNG atau JPEG diperiksa menurut isinya).");

        var r = api.MapGroup("/agreements/{id:guid}/progress-reports").WithTags("Pemantauan");
        r.MapGet("", Overview).WithSummary("Periode laporan kemajuan (triwulan/semester dari tanggal mulai), tenggatnya dan laporan tiap periode.");
        r.MapPut("/period", SetPeriod).WithSummary("Tetapkan periode laporan: Quarterly atau Semester (petugas; sebelum ada laporan).");
        r.MapPost("", CreateReport).WithSummary("Buat laporan kemajuan untuk satu periode (OPD pelaksana): periodNumber.");
        r.MapGet("/{reportId:guid}", GetReport).WithSummary("Rincian laporan kemajuan.");
        r.MapPut("/{reportId:guid}", SaveReport).WithSummary("Simpan isi laporan draf atau yang dikembalikan (OPD pelaksana).");
        r.MapPost("/{reportId:guid}/submit", Submit).WithSummary("Ajukan laporan kepada Bagian Kerja Sama (OPD pelaksana).");
        r.MapPost("/{reportId:guid}/review", Review).WithSummary("Telaah laporan: decision accept atau return (return wajib dengan note).");
        r.MapPost("/{reportId:guid}/evidence", ReportEvidence).WithSummary("Lampirkan bukti laporan (multipart: file).");

        api.MapGet("/agreements/{id:guid}/monitoring-evidence/{evidenceId:guid}", Download).WithTags("Pemantauan").WithSummary("Unduh berkas bukti pemantauan.");
        api.MapGet("/progress-reports/mine", Mine).WithTags("Pemantauan").WithSummary("Laporan kemajuan OPD Anda yang jatuh tempo atau terlambat.");
        api.MapGet("/progress-reports/missing", Missing).WithTags("Pemantauan").WithSummary("Kerja sama aktif tanpa laporan kemajuan yang diajukan untuk periode terakhir yang telah berakhir.");
    }

    private static IResult Empty() => Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));

    private static async Task<IResult> Obligations(Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        (await ObligationUseCases.ListAsync(db, actor, id, clock, ct)).ToHttp();

    private static async Task<IResult> Prefill(Actor actor, JalinDb db, Guid id, CancellationToken ct) =>
        (await ObligationPrefills.HandleAsync(db, actor, id, ct)).ToHttp();

    private static async Task<IResult> CreateObligation(Actor actor, JalinDb db, TimeProvider clock, Guid id, ObligationInput? body, CancellationToken ct) =>
        body is null ? Empty() : (await ObligationUseCases.CreateAsync(db, actor, id, body, clock, ct)).ToHttp(v => TypedResults.Created($"/api/v1/agreements/{id}/obligations/{v.Id}", v));

    private static async Task<IResult> UpdateObligation(Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid obligationId, ObligationInput? body, CancellationToken ct) =>
        body is null ? Empty() : (await ObligationUseCases.UpdateAsync(db, actor, id, obligationId, body, clock, ct)).ToHttp();

    private static async Task<(byte[]? Content, string? Name, IResult? Problem)> FileOf(HttpRequest request, FileStore files, CancellationToken ct)
    {
        if (!request.HasFormContentType) return (null, null, Problems.From(ValidationError.Of("file", "Kirim sebagai multipart/form-data dengan bagian 'file'.")));
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null) return (null, null, null);
        if (file.Length > files.MaxBytes) return (null, null, Problems.From(new TooLargeError(FileStore.TooLargeText(files.MaxBytes))));
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        return (ms.ToArray(), file.FileName, null);
    }

    private static async Task<IResult> ObligationEvidence(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, Guid obligationId, HttpRequest request, CancellationToken ct)
    {
        var (content, name, problem) = await FileOf(request, files, ct);
        if (problem is not null) return problem;
        return (await ObligationUseCases.AddEvidenceAsync(db, files, actor, id, obligationId, content, name, clock, ct)).ToHttp(v => TypedResults.Created($"/api/v1/agreements/{id}/monitoring-evidence/{v.Id}", v));
    }

    private static async Task<IResult> ReportEvidence(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, Guid reportId, HttpRequest request, CancellationToken ct)
    {
        var (content, name, problem) = await FileOf(request, files, ct);
        if (problem is not null) return problem;
        return (await ProgressReports.AddEvidenceAsync(db, files, actor, id, reportId, content, name, clock, ct)).ToHttp(v => TypedResults.Created($"/api/v1/agreements/{id}/monitoring-evidence/{v.Id}", v));
    }

    private static async Task<IResult> Download(Actor actor, JalinDb db, FileStore files, Guid id, Guid evidenceId, CancellationToken ct) =>
        (await Evidence.DownloadAsync(db, files, actor, id, evidenceId, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));

    private static async Task<IResult> Overview(Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        (await ProgressReports.OverviewAsync(db, actor, id, clock, ct)).ToHttp();

    private static async Task<IResult> SetPeriod(Actor actor, JalinDb db, TimeProvider clock, Guid id, PeriodInput? body, CancellationToken ct) =>
        body is null ? Empty() : (await ProgressReports.SetPeriodAsync(db, actor, id, body.Period, clock, ct)).ToHttp();

    private static async Task<IResult> CreateReport(Actor actor, JalinDb db, TimeProvider clock, Guid id, NewReportInput? body, CancellationToken ct) =>
        body is null ? Empty() : (await ProgressReports.CreateAsync(db, actor, id, body.PeriodNumber, clock, ct)).ToHttp(v => TypedResults.Created($"/api/v1/agreements/{id}/progress-reports/{v.Id}", v));

    private static async Task<IResult> GetReport(Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid reportId, CancellationToken ct) =>
        (await ProgressReports.GetAsync(db, actor, id, reportId, clock, ct)).ToHttp();

    private static async Task<IResult> SaveReport(Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid reportId, ProgressReportInput? body, CancellationToken ct) =>
        body is null ? Empty() : (await ProgressReports.SaveAsync(db, actor, id, reportId, body, clock, ct)).ToHttp();

    private static async Task<IResult> Submit(Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid reportId, CancellationToken ct) =>
        (await ProgressReports.ActAsync(db, actor, id, reportId, ReportAction.Submit, null, clock, ct)).ToHttp();

    private static async Task<IResult> Review(Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid reportId,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ReviewInput? body, CancellationToken ct)
    {
        var action = body?.Decision?.Trim().ToLowerInvariant() switch { "accept" => ReportAction.Accept, "return" => ReportAction.Return, _ => (ReportAction?)null };
        if (action is null) return Problems.From(ValidationError.Of("decision", "Pilih keputusan: accept (terima) atau return (kembalikan)."));
        return (await ProgressReports.ActAsync(db, actor, id, reportId, action.Value, body!.Note, clock, ct)).ToHttp();
    }

    private static async Task<IResult> Mine(Actor actor, JalinDb db, TimeProvider clock, CancellationToken ct) =>
        (await ProgressReports.MineAsync(db, actor, clock, ct)).ToHttp();

    private static async Task<IResult> Missing(Actor actor, JalinDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await MissingProgressReports.HandleAsync(db, actor, clock, ct));
}

/// <summary>A monitoring evidence file for the signed-in back office (same checks as the API).</summary>
public static class MonitoringDownloads
{
    public static void MapMonitoringDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/app/kerja-sama/{id:guid}/bukti/{evidenceId:guid}", async (Guid id, Guid evidenceId, HttpContext http, CurrentActorAccessor actors, JalinDb db, FileStore files, CancellationToken ct) =>
                await actors.GetAsync(http.User, ct) is { } actor
                    ? (await Evidence.DownloadAsync(db, files, actor, id, evidenceId, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName))
                    : Results.Challenge())
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();
}
