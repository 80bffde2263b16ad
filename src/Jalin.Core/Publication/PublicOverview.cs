using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Lifecycle;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Publication;

public sealed record PublicCount(string Key, string Label, int Count);

/// <summary>The portal home's figures: published agreements in total, running, ended and per kind.</summary>
public sealed record PublicOverviewView(int Total, int Running, int Ended, IReadOnlyList<PublicCount> ByKind, IReadOnlyList<PublicAgreementRow> Latest);

public sealed record PublicRegionRow(string Code, string Name, string LevelLabel, int Count);

public sealed record PublicRegionView(string Code, string Name, string LevelLabel, IReadOnlyList<PublicCount> ByStatus, IReadOnlyList<PublicCount> ByKind,
    IReadOnlyList<PublicAgreementRow> Agreements, int Total);

/// <summary>Figures and region pages of the public portal (issue #12 item 1), all computed over
/// <see cref="PublicAgreements.Published"/>: an unpublished agreement is never counted, listed or named.</summary>
public static class PublicOverview
{
    public static async Task<PublicOverviewView> HomeAsync(JalinDb db, int latest = 6, CancellationToken ct = default, PortalFigures? figures = null)
    {
        var rows = await (figures ?? PortalFigures.None).GetAsync("home", () => CountsAsync(PublicAgreements.Published(db), ct));
        var page = await PublicAgreements.SearchAsync(db, new PublicFilter { PageSize = latest }, ct, figures);
        return new PublicOverviewView(rows.Sum(r => r.Count),
            rows.Where(r => PublicStatus.Of(r.Stage) == PublicStatus.Running).Sum(r => r.Count),
            rows.Where(r => PublicStatus.Of(r.Stage) == PublicStatus.Ended).Sum(r => r.Count),
            ByKind(rows), page.Value?.Items ?? []);
    }

    private sealed record KindStageCount(CooperationKind Kind, Stage Stage, int Count);

    /// <summary>Published agreements per kind and stage, counted by the database (a national register has hundreds of
    /// thousands; they are not loaded to be counted).</summary>
    private static async Task<List<KindStageCount>> CountsAsync(IQueryable<Agreement> agreements, CancellationToken ct) =>
        (await agreements.GroupBy(a => new { a.Kind, a.Stage }).Select(g => new { g.Key.Kind, g.Key.Stage, Count = g.Count() }).ToListAsync(ct))
            .Select(r => new KindStageCount(r.Kind, r.Stage, r.Count)).ToList();

    /// <summary>Regions that run or are a party to a published agreement, with the number of those agreements (each agreement
    /// once per region, whether the region runs it, is a party, or both). Counted by the database.</summary>
    public static Task<IReadOnlyList<PublicRegionRow>> RegionsAsync(JalinDb db, CancellationToken ct = default, PortalFigures? figures = null) =>
        (figures ?? PortalFigures.None).GetAsync("regions", async () =>
        {
            var published = PublicAgreements.Published(db);
            var owners = published.Select(a => new { Code = a.RegionCode, AgreementId = a.Id });
            var parties = db.AgreementParties.AsNoTracking()
                .Where(p => p.RegionCode != null && published.Any(a => a.Id == p.AgreementId))
                .Select(p => new { Code = p.RegionCode!, p.AgreementId });
            var counts = await owners.Union(parties).GroupBy(x => x.Code).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var codes = counts.Keys.ToList();
            var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToListAsync(ct);
            return (IReadOnlyList<PublicRegionRow>)regions.Select(r => new PublicRegionRow(r.Code, r.FullName, r.LevelLabel, counts[r.Code]))
                .OrderBy(r => r.Code.Length).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        });

    /// <summary>A region's portal page, or null when the region is unknown or has no published agreement.</summary>
    public static async Task<PublicRegionView?> RegionAsync(JalinDb db, string code, CancellationToken ct = default)
    {
        code = code.Trim();
        if (code.Length is 0 or > 13) return null;
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null) return null;
        var filter = new PublicFilter { RegionCode = code };
        var rows = await CountsAsync(PublicAgreements.Filter(db, filter), ct);
        if (rows.Count == 0) return null;
        var page = await PublicAgreements.SearchAsync(db, filter with { PageSize = Common.Paging.MaxPageSize }, ct);
        var byStatus = rows.GroupBy(r => PublicStatus.Of(r.Stage)).OrderBy(g => g.Key).Select(g => new PublicCount(g.Key, PublicStatus.Label(g.Key), g.Sum(r => r.Count))).ToList();
        return new PublicRegionView(region.Code, region.FullName, region.LevelLabel, byStatus, ByKind(rows), page.Value?.Items ?? [], rows.Sum(r => r.Count));
    }

    private static List<PublicCount> ByKind(IEnumerable<KindStageCount> rows) =>
        rows.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => new PublicCount(g.Key.ToString(), g.Key.ShortLabel(), g.Sum(r => r.Count))).ToList();
}
