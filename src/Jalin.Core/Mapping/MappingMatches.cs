using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Mapping;

/// <summary>How close the region offering a potential is to the region with the need.</summary>
public enum MatchProximity { Bordering, SameProvince, Other }

public sealed record MappingMatch(Guid ItemId, string RegionCode, string RegionName, MatchProximity Proximity, string ProximityLabel, string AgencyName,
    string Title, string? Description, string AffairCode, string? SubAffairCode, string? Location);

public sealed record MappingMatches(Guid NeedId, string NeedTitle, string AffairCode, IReadOnlyList<MappingMatch> Matches);

/// <summary>Matchmaking: for a need of one region, the accepted potentials of other regions in the same urusan (and
/// sub-urusan when both name one). Bordering regions first (UU 23/2014 Pasal 364 ayat (1) names kerja sama between
/// bordering regions; the bordering data of <see cref="Borders"/>), then the same province, then the rest; within
/// each, by region name and title.</summary>
public static class FindMappingMatches
{
    public static async Task<Result<MappingMatches>> HandleAsync(JalinDb db, CurrentActor actor, Guid needId, CancellationToken ct = default)
    {
        var need = await db.MappingItems.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(i => i.Id == needId, ct);
        if (need is null) return new NotFoundError("Butir pemetaan tidak ditemukan.");
        if (!MappingAccess.IsOfficerOf(actor, need.RegionCode))
            return new ForbiddenError("Pencocokan antardaerah dijalankan oleh petugas Bagian Kerja Sama daerah pemilik kebutuhan.");
        if (need.Kind != MappingKind.Need) return ValidationError.Of("id", "Pencocokan dicari untuk kebutuhan, bukan potensi.");
        var candidates = await db.MappingItems.AsNoTracking()
            .Where(i => i.Kind == MappingKind.Potential && i.Status == MappingStatus.Accepted && i.AffairCode == need.AffairCode && i.RegionCode != need.RegionCode)
            .ToListAsync(ct);
        if (need.SubAffairCode is { } sub) candidates = candidates.Where(c => c.SubAffairCode is null || c.SubAffairCode == sub).ToList();
        var codes = candidates.Select(c => c.RegionCode).Distinct().ToList();
        var agencyIds = candidates.Select(c => c.AgencyId).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var matches = candidates
            .Select(c => (Item: c, Proximity: ProximityOf(need.RegionCode, c.RegionCode), Name: regions.TryGetValue(c.RegionCode, out var r) ? r.FullName : c.RegionCode))
            .OrderBy(x => x.Proximity).ThenBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Item.Title, StringComparer.Ordinal)
            .Select(x => new MappingMatch(x.Item.Id, x.Item.RegionCode, x.Name, x.Proximity, Label(x.Proximity), agencies.GetValueOrDefault(x.Item.AgencyId, "—"),
                x.Item.Title, x.Item.Description, x.Item.AffairCode, x.Item.SubAffairCode, x.Item.Location))
            .ToList();
        return new MappingMatches(need.Id, need.Title, need.AffairCode, matches);
    }

    public static MatchProximity ProximityOf(string needRegion, string offerRegion) =>
        Borders.Border(needRegion, offerRegion) ? MatchProximity.Bordering
        : ProvinceOf(needRegion) == ProvinceOf(offerRegion) ? MatchProximity.SameProvince
        : MatchProximity.Other;

    private static string ProvinceOf(string code) => code.Length >= 2 ? code[..2] : code;

    public static string Label(MatchProximity p) => p switch
    {
        MatchProximity.Bordering => "Berbatasan",
        MatchProximity.SameProvince => "Satu provinsi",
        _ => "Daerah lain",
    };
}
