using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Mapping;

public sealed record MappingReportRow(MappingKind Kind, string KindLabel, string Title, string AgencyName, string? Location, string? Program, string? SubAffairName);

/// <summary>One urusan of the report: its potentials first, then its needs.</summary>
public sealed record MappingReportAffair(string AffairCode, string AffairName, IReadOnlyList<MappingReportRow> Rows, int Potentials, int Needs);

public sealed record MappingReportAgency(string AgencyName, int Potentials, int Needs);

/// <summary>The mapping report a region sends upward: accepted potentials and needs per urusan (in the order of
/// UU 23/2014 Pasal 12), with totals per urusan and per OPD.</summary>
public sealed record MappingReport(string RegionCode, string RegionName, Guid? RoundId, string? RoundTitle, DateOnly GeneratedOn,
    IReadOnlyList<MappingReportAffair> Affairs, IReadOnlyList<MappingReportAgency> Agencies, int Potentials, int Needs);

public static class BuildMappingReport
{
    public static async Task<Result<MappingReport>> HandleAsync(JalinDb db, CurrentActor actor, string? regionCode, Guid? roundId, TimeProvider clock,
        CancellationToken ct = default)
    {
        var code = regionCode ?? actor.RegionCode;
        if (code is null) return ValidationError.Of("regionCode", "Sebutkan kode daerah (regionCode) laporan pemetaan.");
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null || !(MappingAccess.ReadsReport(actor, code) || MappingAccess.IsInsider(actor, code))) return new NotFoundError("Daerah tidak ditemukan.");
        if (!MappingAccess.ReadsReport(actor, code))
            return new ForbiddenError("Laporan pemetaan disusun oleh Bagian Kerja Sama dan dibaca pimpinan, TKKSD, auditor dan pembina.");
        string? roundTitle = null;
        if (roundId is { } rid)
        {
            roundTitle = await db.MappingRounds.AsNoTracking().Where(r => r.Id == rid && r.RegionCode == code).Select(r => r.Title).FirstOrDefaultAsync(ct);
            if (roundTitle is null) return ValidationError.Of("roundId", "Putaran pemetaan tidak ditemukan di daerah ini.");
        }
        var q = db.MappingItems.AsNoTracking().Where(i => i.RegionCode == code && i.Status == MappingStatus.Accepted);
        if (roundId is not null) q = q.Where(i => i.RoundId == roundId);
        var items = await q.ToListAsync(ct);
        var agencyIds = items.Select(i => i.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var affairs = await db.GovernmentAffairs.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        string Agency(Guid id) => agencies.GetValueOrDefault(id, "—");
        var groups = items.GroupBy(i => i.AffairCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MappingReportAffair(g.Key, affairs.GetValueOrDefault(g.Key, g.Key),
                g.OrderBy(i => i.Kind).ThenBy(i => Agency(i.AgencyId), StringComparer.Ordinal).ThenBy(i => i.Title, StringComparer.Ordinal)
                    .Select(i => new MappingReportRow(i.Kind, i.Kind.Label(), i.Title, Agency(i.AgencyId), i.Location, i.Program, AffairCompetence.Find(i.SubAffairCode)?.Name))
                    .ToList(),
                g.Count(i => i.Kind == MappingKind.Potential), g.Count(i => i.Kind == MappingKind.Need)))
            .ToList();
        var perAgency = items.GroupBy(i => Agency(i.AgencyId)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MappingReportAgency(g.Key, g.Count(i => i.Kind == MappingKind.Potential), g.Count(i => i.Kind == MappingKind.Need))).ToList();
        return new MappingReport(code, region.FullName, roundId, roundTitle, Wib.Today(clock), groups, perAgency,
            items.Count(i => i.Kind == MappingKind.Potential), items.Count(i => i.Kind == MappingKind.Need));
    }
}
