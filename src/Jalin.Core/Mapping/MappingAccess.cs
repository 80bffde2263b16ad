using Jalin.Core.Identity;

namespace Jalin.Core.Mapping;

/// <summary>Who sees and changes which mapping item: the one place the mapping boundaries are written.
/// <list type="bullet">
/// <item>Inside the region: the Bagian Kerja Sama, TKKSD, leaders and auditors read every item; an OPD user
/// reads its own OPD's items and the region's accepted ones.</item>
/// <item>Accepted potentials are what a region offers to partners: cooperation officers of every other region
/// read them. Needs, drafts and submitted items stay inside the region.</item>
/// <item>Supervisors read accepted items (potentials and needs) of the regions they supervise: the province its
/// kabupaten/kota and itself, the ministry all.</item>
/// </list></summary>
public static class MappingAccess
{
    private static readonly Role[] RegionReaders = [Role.CooperationOfficer, Role.TeamMember, Role.Leader, Role.Auditor];

    public static IQueryable<MappingItem> VisibleTo(this IQueryable<MappingItem> query, CurrentActor actor)
    {
        var region = actor.RegionCode;
        var province = region + ".";
        var agency = actor.AgencyId;
        return actor.Role switch
        {
            Role.System => query,
            Role.SupervisorNational => query.Where(i => i.Status == MappingStatus.Accepted),
            Role.SupervisorProvince when region is not null =>
                query.Where(i => i.Status == MappingStatus.Accepted && (i.RegionCode == region || i.RegionCode.StartsWith(province))),
            Role.AgencyUser when region is not null && agency is not null =>
                query.Where(i => i.RegionCode == region && (i.AgencyId == agency || i.Status == MappingStatus.Accepted)),
            Role.CooperationOfficer when region is not null =>
                query.Where(i => i.RegionCode == region || (i.Kind == MappingKind.Potential && i.Status == MappingStatus.Accepted)),
            _ when RegionReaders.Contains(actor.Role) && region is not null => query.Where(i => i.RegionCode == region),
            _ => query.Where(i => false),
        };
    }

    /// <summary>Whether the actor is one of the region's own people who read its mapping at all.</summary>
    public static bool IsInsider(CurrentActor actor, string regionCode) =>
        actor.RegionCode == regionCode && (RegionReaders.Contains(actor.Role) || actor.Role == Role.AgencyUser);

    /// <summary>The Bagian Kerja Sama of the region: opens rounds, accepts and returns items, sends reminders.</summary>
    public static bool IsOfficerOf(CurrentActor actor, string regionCode) =>
        actor.Role == Role.CooperationOfficer && actor.RegionCode == regionCode;

    /// <summary>Who writes an item: the owning OPD's users while it is a draft or returned; the region's officer
    /// until it is archived.</summary>
    public static bool CanEdit(CurrentActor actor, MappingItem item) =>
        (IsOfficerOf(actor, item.RegionCode) && item.Status != MappingStatus.Archived)
        || (actor.Role == Role.AgencyUser && actor.RegionCode == item.RegionCode && actor.AgencyId == item.AgencyId
            && item.Status is MappingStatus.Draft or MappingStatus.Returned);

    /// <summary>Who reads the report of a region: its insiders other than OPD users, and its supervisors.</summary>
    public static bool ReadsReport(CurrentActor actor, string regionCode) =>
        actor.Role is Role.System or Role.SupervisorNational
        || (actor.Role == Role.SupervisorProvince && actor.RegionCode is { } p && (regionCode == p || regionCode.StartsWith(p + ".", StringComparison.Ordinal)))
        || (actor.RegionCode == regionCode && RegionReaders.Contains(actor.Role));
}
