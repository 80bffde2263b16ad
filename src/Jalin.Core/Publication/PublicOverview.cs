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
    public static async Task<PublicOverviewView> HomeAsync(JalinDb db, int latest = 6, CancellationToken ct = default)
    {
        var rows = await PublicAgreements.Published(db).Select(a => new { a.Kind, a.Stage }).ToListAsync(ct);
        var page = await PublicAgreements.SearchAsync(db, new PublicFilter { PageSize = latest }, ct);
        return new PublicOverviewView(rows.Count,
            rows.Count(r => PublicStatus.Of(r.Stage) == PublicStatus.Running),
            rows.Count(r => PublicStatus.Of(r.Stage) == PublicStatus.Ended),
            ByKind(rows.Select(r => r.Kind)), page.Value?.Items ?? []);
    }

    /// <summary>Regions that run or are a party to a published agreement, with the number of those agreements.</summary>
    public static async Task<IReadOnlyList<PublicRegionRow>> RegionsAsync(JalinDb db, CancellationToken ct = default)
    {
        var rows = await PublicAgreements.Published(db)
            .Select(a => new { a.Id, a.RegionCode, Parties = a.Parties.Where(p => p.RegionCode != null).Select(p => p.RegionCode!).ToList() })
            .ToListAsync(ct);
        var counts = rows.SelectMany(r => r.Parties.Append(r.RegionCode).Distinct().Select(c => (Code: c, r.Id)))
            .GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.Count());
        var codes = counts.Keys.ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToListAsync(ct);
        return regions.Select(r => new PublicRegionRow(r.Code, r.FullName, r.LevelLabel, counts[r.Code]))
            .OrderBy(r => r.Code.Length).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>A region's portal page, or null when the region is unknown or has no published agreement.</summary>
    public static async Task<PublicRegionView?> RegionAsync(JalinDb db, string code, CancellationToken ct = default)
    {
        code = code.Trim();
        if (code.Length is 0 or > 13) return null;
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null) return null;
        var filter = new PublicFilter { RegionCode = code };
        var rows = await PublicAgreements.Filter(db, filter).Select(a => new { a.Kind, a.Stage }).ToListAsync(ct);
        if (rows.Count == 0) return null;
        var page = await PublicAgreements.SearchAsync(db, filter with { PageSize = Common.Paging.MaxPageSize }, ct);
        var byStatus = rows.GroupBy(r => PublicStatus.Of(r.Stage)).OrderBy(g => g.Key).Select(g => new PublicCount(g.Key, PublicStatus.Label(g.Key), g.Count())).ToList();
        return new PublicRegionView(region.Code, region.FullName, region.LevelLabel, byStatus, ByKind(rows.Select(r => r.Kind)), page.Value?.Items ?? [], rows.Count);
    }

    private static List<PublicCount> ByKind(IEnumerable<CooperationKind> kinds) =>
        kinds.GroupBy(k => k).OrderBy(g => g.Key).Select(g => new PublicCount(g.Key.ToString(), g.Key.ShortLabel(), g.Count())).ToList();
}
