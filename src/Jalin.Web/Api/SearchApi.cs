using Jalin.Core.Data;
using Jalin.Core.Search;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>Search (issue #12 item 3): the back office's over everything the caller may open, the portal's over public entries only.</summary>
public static class SearchApi
{
    public static void MapSearchApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/search-index").WithTags("Indeks pencarian (admin)");
        admin.MapGet("", (Actor actor, SearchReindexJob job) => job.Get(actor).ToHttp())
            .WithSummary("Status pembangunan ulang indeks pencarian: berjalan, subjek selesai dari seluruhnya, kapan dan oleh siapa.");
        admin.MapPost("/rebuild", (Actor actor, SearchReindexJob job) => job.Start(actor).ToHttp(s => Results.Accepted("/api/v1/admin/search-index", s)))
            .WithSummary("Bangun ulang seluruh indeks pencarian di latar belakang (pencarian tetap berjalan); 409 bila sedang berjalan.");
        MapSearch(api);
    }

    private static void MapSearch(RouteGroupBuilder api) =>
        api.MapGet("/search", async (Actor actor, JalinDb db, SearchResultCache cache, string? q, string? kind, string? region, int? year, string? cooperationKind, int? page, int? pageSize, CancellationToken ct) =>
                (await SiteSearch.ForActorAsync(db, actor, new SearchQuery { Q = q, Kind = kind, Region = region, Year = year, CooperationKind = cooperationKind, Page = page, PageSize = pageSize }, cache, ct)).ToHttp())
            .WithTags("Pencarian")
            .WithSummary("Cari kerja sama, rancangan naskah, isi dokumen yang diunggah (PDF, DOCX), mitra, usulan, potensi dan kebutuhan, serta "
                + "praktik baik yang boleh Anda buka. Kata dicocokkan menurut kata dasarnya (\"persampahan\" menemukan \"sampah\"); semua kata harus ada. "
                + "Filter: kind, region, year, cooperationKind; page mulai 1.");

    /// <summary>The portal's search, anonymous, over published entries only; output-cached per query (PortalCache).</summary>
    public static void MapPublicSearchApi(this RouteGroupBuilder api) =>
        api.MapGet("/public/search", async (JalinDb db, SearchResultCache cache, string? q, string? kind, string? region, int? year, int? page, CancellationToken ct) =>
                (await SiteSearch.PublicAsync(db, new SearchQuery { Q = q, Kind = kind, Region = region, Year = year, Page = page }, cache, ct)).ToHttp())
            .WithTags("Portal publik")
            .WithSummary("Pencarian publik: hanya kerja sama, praktik baik, serta potensi dan kebutuhan daerah yang telah diumumkan. Tanpa akun.")
            .AllowAnonymous()
            .RequireRateLimiting(LoginLimits.VerifyPolicy)
            // The portal's cache: vary by query, tag evicted by every publish and withdrawal.
            .CachedForPortal();
}
