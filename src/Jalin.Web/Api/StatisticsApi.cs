using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Mapping;
using Jalin.Core.Statistics;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>The dashboard's statistics (issue #11 item 8): JSON and XLSX, scoped like the agreement list.</summary>
public static class StatisticsApi
{
    public static void MapStatisticsApi(this RouteGroupBuilder api)
    {
        var s = api.MapGroup("/statistics").WithTags("Statistik");
        s.MapGet("", async (Actor actor, JalinDb db, TimeProvider clock, string? year, string? kind, string? region, CancellationToken ct) =>
                (await ViewAsync(db, actor, year, kind, region, clock, ct)).ToHttp())
            .WithSummary("Statistik kerja sama yang Anda lihat: per jenis, tahap, urusan, OPD, jenis mitra, tahun mulai; segera berakhir; ketepatan laporan "
                + "kemajuan; nilai dan rekomendasi evaluasi; target dan realisasi. Filter: year (tahun mulai), kind, region (hanya pembina).");
        s.MapGet("/{figure}/xlsx", async (Actor actor, JalinDb db, TimeProvider clock, string figure, string? year, string? kind, string? region, CancellationToken ct) =>
                await XlsxAsync(db, actor, figure, year, kind, region, clock, ct))
            .WithSummary("Tabel satu grafik sebagai XLSX (figure: jenis, tahap, urusan, opd, mitra, tahun, berakhir, ketepatan, nilai, rekomendasi, indikator, anggaran; semua: seluruh grafik).");
    }

    private static async Task<Result<StatisticsView>> ViewAsync(JalinDb db, CurrentActor actor, string? year, string? kind, string? region, TimeProvider clock, CancellationToken ct)
    {
        if (!AgreementStatistics.MayView(actor)) return new ForbiddenError("Statistik kerja sama dibuka oleh pengguna pemerintah daerah dan pembina.");
        var filter = await AgreementStatistics.ParseAsync(db, actor, year, kind, region, ct);
        if (!filter.Ok) return filter.Error!;
        return await AgreementStatistics.HandleAsync(db, actor, filter.Value!, clock, ct);
    }

    private static async Task<IResult> XlsxAsync(JalinDb db, CurrentActor actor, string figure, string? year, string? kind, string? region, TimeProvider clock, CancellationToken ct)
    {
        if (!AgreementStatistics.MayView(actor)) return Problems.From(new ForbiddenError("Statistik kerja sama dibuka oleh pengguna pemerintah daerah dan pembina."));
        if (!StatisticsExport.IsKnown(figure)) return Problems.From(new NotFoundError($"Grafik \"{figure}\" tidak dikenal. Pilih salah satu: {string.Join(", ", StatisticsExport.SheetNames.Keys)} atau {StatisticsExport.All}."));
        var view = await ViewAsync(db, actor, year, kind, region, clock, ct);
        if (!view.Ok) return Problems.From(view.Error!);
        return StatisticsExport.Xlsx(view.Value!, figure).ToHttp(File);
    }

    /// <summary>The XLSX downloads for the signed-in back office (same checks as the API).</summary>
    public static void MapStatisticsDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/app/statistik-unduh/{figure}", async (string figure, string? year, string? kind, string? region, HttpContext http,
                CurrentActorAccessor actors, JalinDb db, TimeProvider clock, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(http.User, ct);
                if (actor is null) return Results.Challenge();
                return await XlsxAsync(db, actor, figure, year, kind, region, clock, ct);
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();

    private static IResult File(ExportedFile f) => TypedResults.File(f.Content, f.ContentType, f.FileName);
}
