using Jalin.Core.Backup;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>"Ekspor data daerah": a region's whole export (<see cref="ExportRegion"/>, the same archive as `jalin export --region`)
/// made in the background from the back office by the system administrator (any region) or the region's cooperation officer,
/// followed while it runs and downloaded when it is done; another Jalin instance takes it in with `jalin import BERKAS --yes`.</summary>
public static class RegionExportApi
{
    public static void MapRegionExportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/regions/{code}/export", async (Actor actor, RegionExportJobs jobs, string code, CancellationToken ct) =>
                (await jobs.StartAsync(actor, code, ct)).ToHttp(s => Results.Accepted($"/api/v1/regions/{s.RegionCode}/export", s)))
            .WithTags("Ekspor data daerah")
            .WithSummary("Mulai ekspor seluruh data satu daerah di latar belakang (202): kerja sama, naskah, usulan, pemantauan, perangkat daerah, mitra, "
                + "pengguna, jejak audit daerah itu, dan berkasnya. Administrator sistem: daerah mana pun; petugas Bagian Kerja Sama: daerahnya sendiri. "
                + "409 bila ekspor daerah itu sedang berjalan.");
        api.MapGet("/regions/{code}/export", async (Actor actor, RegionExportJobs jobs, string code, CancellationToken ct) =>
                (await jobs.GetAsync(actor, code, ct)).ToHttp())
            .WithTags("Ekspor data daerah")
            .WithSummary("Ekspor terakhir daerah itu: kemajuan (persen, tahap), hasil (baris, berkas, ukuran) atau pesan gagal; 404 bila belum ada.");
        api.MapGet("/regions/{code}/export/file", async (Actor actor, RegionExportJobs jobs, string code, CancellationToken ct) =>
                await DownloadAsync(actor, jobs, code, ct))
            .WithTags("Ekspor data daerah")
            .WithSummary("Unduh arsip ekspor terakhir daerah itu (.jalin-daerah.zip, disimpan 24 jam); 404 bila belum selesai atau sudah dihapus.");
    }

    /// <summary>The same download for the signed-in back office (the page's "Unduh" link, with its cookie).</summary>
    public static void MapRegionExportDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/app/ekspor-daerah-unduh", async (HttpContext http, CurrentActorAccessor actors, RegionExportJobs jobs, string? kode, CancellationToken ct) =>
                await actors.GetAsync(http.User, ct) is { } actor ? await DownloadAsync(actor, jobs, kode, ct) : Results.Challenge())
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();

    private static async Task<IResult> DownloadAsync(Jalin.Core.Identity.CurrentActor actor, RegionExportJobs jobs, string? code, CancellationToken ct) =>
        (await jobs.OpenAsync(actor, code, ct)).ToHttp(f => TypedResults.File(f.Content, "application/zip", f.FileName));
}
