using Jalin.Core.Common;
using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Regions;

public sealed record RegionView(string Code, string Name, string FullName, RegionLevel Level, string LevelLabel, string? ProvinceCode, bool IsAutonomous);

/// <summary>The region reference list is public data (Kepmendagri kode wilayah); anyone signed in reads it.</summary>
public static class RegionQueries
{
    public static async Task<Result<Page<RegionView>>> ListAsync(JalinDb db, string? q, RegionLevel? level, string? provinceCode, int? page, int? size, CancellationToken ct = default)
    {
        var query = db.Regions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLower();
            query = query.Where(r => r.Name.ToLower().Contains(term) || r.Code.StartsWith(term));
        }
        if (level is { } l) query = query.Where(r => r.Level == l);
        if (!string.IsNullOrWhiteSpace(provinceCode)) query = query.Where(r => r.ProvinceCode == provinceCode);
        var (pg, sz) = Paging.Normalize(page, size);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.Code).Skip((pg - 1) * sz).Take(sz).ToListAsync(ct);
        return new Page<RegionView>(rows.Select(ToView).ToList(), pg, sz, total);
    }

    public static async Task<Result<RegionView>> GetAsync(JalinDb db, string code, CancellationToken ct = default)
    {
        var r = await db.Regions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        return r is null ? new NotFoundError("Daerah tidak ditemukan.") : ToView(r);
    }

    public static RegionView ToView(Region r) => new(r.Code, r.Name, r.FullName, r.Level, r.LevelLabel, r.ProvinceCode, r.IsAutonomous);
}
