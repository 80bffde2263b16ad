using Jalin.Core.Common;
using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Regions;

public sealed record RegionView(string Code, string Name, string FullName, RegionLevel Level, string LevelLabel, string? ProvinceCode, bool IsAutonomous);

/// <summary>A region that borders another (<see cref="Borders"/>), with how it borders.</summary>
public sealed record NeighbourView(string Code, string Name, string FullName, RegionLevel Level, string LevelLabel, string? ProvinceCode, bool IsAutonomous,
    BorderKind Border, string BorderLabel);

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

    /// <summary>The regions that border <paramref name="code"/> under the KSDD wajib rule (Regions/Borders.cs).</summary>
    public static async Task<Result<List<NeighbourView>>> NeighboursAsync(JalinDb db, string code, CancellationToken ct = default)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == code, ct)) return new NotFoundError("Daerah tidak ditemukan.");
        var neighbours = Borders.Neighbours(code).ToDictionary(n => n.Code, n => n.Kind);
        var codes = neighbours.Keys.ToList();
        var rows = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).OrderBy(r => r.Code).ToListAsync(ct);
        return rows.Select(r => new NeighbourView(r.Code, r.Name, r.FullName, r.Level, r.LevelLabel, r.ProvinceCode, r.IsAutonomous,
            neighbours[r.Code], BorderLabel(neighbours[r.Code]))).ToList();
    }

    public static string BorderLabel(BorderKind kind) => kind switch
    {
        BorderKind.Line => "berbatasan darat",
        BorderKind.Point => "berbatasan darat di satu titik",
        _ => "kabupaten/kota dalam wilayah provinsi (UU 23/2014 Pasal 364 ayat (2) huruf b)",
    };

    /// <summary>Regions for a picker: those bordering <paramref name="neighboursOf"/> that match the text come first
    /// (all of them when the text is shorter than 2 characters), then up to 20 other matches.</summary>
    public static async Task<List<RegionView>> SuggestAsync(JalinDb db, string? text, RegionLevel? level, string? neighboursOf, CancellationToken ct = default)
    {
        var neighbours = neighboursOf is null ? [] : Borders.Neighbours(neighboursOf).Select(n => n.Code).ToList();
        var term = text?.Trim().ToLower() ?? "";
        var first = new List<RegionView>();
        if (neighbours.Count > 0)
        {
            var query = db.Regions.AsNoTracking().Where(r => neighbours.Contains(r.Code));
            if (term.Length > 0) query = query.Where(r => r.Name.ToLower().Contains(term) || r.Code.StartsWith(term));
            if (level is { } l) query = query.Where(r => r.Level == l);
            first = (await query.OrderBy(r => r.Code).ToListAsync(ct)).Select(ToView).ToList();
        }
        if (term.Length < 2) return first;
        var page = await ListAsync(db, text, level, null, 1, 20, ct);
        return [.. first, .. page.Value!.Items.Where(r => !neighbours.Contains(r.Code))];
    }

    public static RegionView ToView(Region r) => new(r.Code, r.Name, r.FullName, r.Level, r.LevelLabel, r.ProvinceCode, r.IsAutonomous);
}
