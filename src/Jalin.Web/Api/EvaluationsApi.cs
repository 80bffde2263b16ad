using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Evaluation;
using Jalin.Core.Mapping;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>Issue #11 item 3: evaluation (monev) of agreements, the region's criteria and schedule, follow-up usulan,
/// the overdue flag, and the TKKSD's monitoring rounds with their report (JSON, XLSX, PDF).</summary>
public static class EvaluationsApi
{
    private static IResult Empty() => Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));

    public static void MapEvaluationsApi(this RouteGroupBuilder api)
    {
        var e = api.MapGroup("/evaluations").WithTags("Monev");
        e.MapGet("/criteria", async (Actor actor, JalinDb db, CancellationToken ct) => (await EvaluationCriteria.GetAsync(db, actor, ct)).ToHttp())
            .WithSummary("Kriteria monev daerah (bobot persen, jumlah 100) dan jumlah hari evaluasi menjelang berakhir.");
        e.MapPut("/criteria", async (Actor actor, JalinDb db, EvaluationSettingsInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await EvaluationCriteria.SetAsync(db, actor, body, ct)).ToHttp())
            .WithSummary("Ganti kriteria monev dan/atau jumlah hari evaluasi menjelang berakhir (petugas Bagian Kerja Sama).");
        e.MapGet("/overdue", async (Actor actor, JalinDb db, TimeProvider clock, CancellationToken ct) => (await Evaluations.OverdueAsync(db, actor, clock, ct)).ToHttp())
            .WithSummary("Kerja sama yang sedang dilaksanakan dengan evaluasi terlambat.");
        e.MapGet("/agreements/{id:guid}", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await Evaluations.CardAsync(db, actor, id, clock, ct)).ToHttp())
            .WithSummary("Jadwal evaluasi (tahunan dan menjelang berakhir), evaluasi yang sudah dibuat dan kriteria daerah.");
        e.MapPost("/agreements/{id:guid}", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, EvaluationInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await Evaluations.SubmitAsync(db, actor, id, body, clock, ct)).ToHttp(v => TypedResults.Created($"/api/v1/evaluations/{v.Id}", v)))
            .WithSummary("Kirim evaluasi: nilai 1–5 per kriteria dengan catatan, temuan dan rekomendasi (Lanjutkan, Perluas, Ubah, Hentikan).");
        e.MapGet("/{id:guid}", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) => (await Evaluations.GetAsync(db, actor, id, clock, ct)).ToHttp());
        e.MapPost("/{id:guid}/follow-up-proposal", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await Evaluations.OpenFollowUpAsync(db, actor, id, clock, ct)).ToHttp(v => v.Created
                    ? TypedResults.Created($"/api/v1/proposals/{v.ProposalId}", v) : TypedResults.Ok(v)))
            .WithSummary("Buka draf usulan perpanjangan (dilanjutkan) atau addendum (diubah) yang terisi dari kerja sama dan temuan evaluasi; diajukan sendiri oleh petugas.");

        var r = api.MapGroup("/monitoring-rounds").WithTags("Monev");
        r.MapGet("", async (Actor actor, JalinDb db, TimeProvider clock, CancellationToken ct) => (await MonitoringRounds.ListAsync(db, actor, clock, ct)).ToHttp());
        r.MapPost("", async (Actor actor, JalinDb db, TimeProvider clock, MonitoringRoundInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await MonitoringRounds.CreateAsync(db, actor, body, clock, ct)).ToHttp(v => TypedResults.Created($"/api/v1/monitoring-rounds/{v.Id}", v)))
            .WithSummary("Buka putaran monev (tahun, batas waktu); semua kerja sama daerah yang sedang dilaksanakan diusulkan.");
        r.MapGet("/{id:guid}", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) => (await MonitoringRounds.GetAsync(db, actor, id, clock, ct)).ToHttp());
        r.MapPut("/{id:guid}/assignments/{assignmentId:guid}", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid assignmentId, RoundAssignInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await MonitoringRounds.AssignAsync(db, actor, id, assignmentId, body, clock, ct)).ToHttp())
            .WithSummary("Tugaskan kerja sama kepada anggota TKKSD yang memiliki akun Jalin (memberId kosong: batalkan penugasan); anggota diberi tahu.");
        r.MapPost("/{id:guid}/reminders", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await MonitoringRounds.RemindAsync(db, actor, id, clock, ct)).ToHttp(n => TypedResults.Ok(new { sent = n })))
            .WithSummary("Ingatkan anggota yang belum mengirim evaluasi (sekali sehari per penugasan).");
        r.MapPost("/{id:guid}/close", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) => (await MonitoringRounds.CloseAsync(db, actor, id, clock, ct)).ToHttp());
        r.MapGet("/{id:guid}/report", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) => (await MonitoringRounds.ReportAsync(db, actor, id, clock, ct)).ToHttp())
            .WithSummary("Laporan putaran: nilai, rekomendasi dan penilai per kerja sama; jumlah per rekomendasi.");
        r.MapGet("/{id:guid}/report/xlsx", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
            (await MonitoringRounds.ReportAsync(db, actor, id, clock, ct)).ToHttp(v => File(MonitoringReportExport.Xlsx(v))));
        r.MapGet("/{id:guid}/report/pdf", async (Actor actor, JalinDb db, TimeProvider clock, PdfConverter pdf, Guid id, CancellationToken ct) =>
        {
            var report = await MonitoringRounds.ReportAsync(db, actor, id, clock, ct);
            if (!report.Ok) return Problems.From(report.Error!);
            return (await MonitoringReportExport.PdfAsync(report.Value!, pdf, actor.Value.UserName, ct)).ToHttp(File);
        }).WithSummary("Laporan putaran sebagai PDF (LibreOffice; 503 bila tidak terpasang).");
    }

    /// <summary>The round report as XLSX or PDF for the signed-in back office (same checks as the API).</summary>
    public static void MapMonevDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/app/monev-unduh/{id:guid}/{format}", async (Guid id, string format, HttpContext http, CurrentActorAccessor actors, JalinDb db,
                PdfConverter pdf, TimeProvider clock, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(http.User, ct);
                if (actor is null) return Results.Challenge();
                if (format is not ("xlsx" or "pdf")) return Problems.From(new NotFoundError("Format tidak dikenal: pilih xlsx atau pdf."));
                var report = await MonitoringRounds.ReportAsync(db, actor, id, clock, ct);
                if (!report.Ok) return Problems.From(report.Error!);
                return format == "xlsx" ? File(MonitoringReportExport.Xlsx(report.Value!)) : (await MonitoringReportExport.PdfAsync(report.Value!, pdf, actor.UserName, ct)).ToHttp(File);
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();

    private static IResult File(ExportedFile f) => TypedResults.File(f.Content, f.ContentType, f.FileName);
}
