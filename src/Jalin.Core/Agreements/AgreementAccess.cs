using Jalin.Core.Identity;

namespace Jalin.Core.Agreements;

/// <summary>Who sees and changes which agreement: the one place region, agency and partner
/// boundaries are written (DOMAIN "Roles"). Every agreement query goes through
/// <see cref="VisibleTo"/>; every change checks <see cref="CanManage"/> or the lifecycle roles.</summary>
public static class AgreementAccess
{
    private static readonly Role[] RegionReaders =
        [Role.CooperationOfficer, Role.TeamMember, Role.Leader, Role.Auditor];

    public static IQueryable<Agreement> VisibleTo(this IQueryable<Agreement> query, CurrentActor actor)
    {
        var region = actor.RegionCode;
        var province = region + ".";
        var agency = actor.AgencyId;
        var partner = actor.PartnerId;
        return actor.Role switch
        {
            Role.System or Role.SupervisorNational => query,
            Role.SupervisorProvince when region is not null => query.Where(a => a.RegionCode == region || a.RegionCode.StartsWith(province)),
            Role.AgencyUser when region is not null && agency is not null =>
                query.Where(a => a.Parties.Any(p => p.LeadAgencyId == agency && (p.RegionCode == region || a.RegionCode == region))),
            Role.PartnerUser when partner is not null => query.Where(a => a.Parties.Any(p => p.PartnerId == partner)),
            // The DPRD secretariat reads the agreements of its region that went or go to the DPRD: every
            // foreign one (PP 28/2018 Ps 30, 38) and a KSDD/KSDPK that burdens the public or is not
            // budgeted in this year's APBD (Ps 6(2)).
            Role.DprdViewer when region is not null => query.Where(a => a.Parties.Any(p => p.RegionCode == region)
                && (a.Kind == CooperationKind.Ksdpl || a.Kind == CooperationKind.Ksdll || a.BurdensPublic || !a.BudgetedInApbd)),
            // The owner is always party 1 with its region code, so "a party is my region" covers
            // both owned and shared agreements and lets the database use the parties index.
            _ when RegionReaders.Contains(actor.Role) && region is not null =>
                query.Where(a => a.Parties.Any(p => p.RegionCode == region)),
            _ => query.Where(a => false),
        };
    }

    /// <summary>Internal notes, drafts, TKKSD and DPRD letters are seen only inside the owning region
    /// (supervisors, provincial and national, read the shared record).</summary>
    public static bool SeesInternal(CurrentActor actor, Agreement agreement) =>
        actor.Role is Role.System
        || (actor.RegionCode == agreement.RegionCode && actor.Role is Role.CooperationOfficer or Role.TeamMember or Role.Leader
            or Role.Auditor or Role.AgencyUser);

    /// <summary>Whether the actor reads this document of an agreement it sees: shared ones; internal ones
    /// inside the owning region; and for the DPRD secretariat also the letters addressed to the DPRD and
    /// its own decisions, not the region's other internal papers.</summary>
    public static bool SeesDocument(CurrentActor actor, Agreement agreement, AgreementDocument document) =>
        document.Visibility == DocumentVisibility.Shared || SeesInternal(actor, agreement)
        || (actor.Role == Role.DprdViewer && actor.RegionCode == agreement.RegionCode && document.Kind is DocumentKind.DprdRequest or DocumentKind.DprdDecision);

    /// <summary>Create, edit and run the process: the owning region's cooperation officers.</summary>
    public static bool CanManage(CurrentActor actor, Agreement agreement) =>
        actor.Role == Role.CooperationOfficer && actor.RegionCode == agreement.RegionCode;

    public static bool CanCreateIn(CurrentActor actor, string regionCode) =>
        actor.Role == Role.CooperationOfficer && actor.RegionCode == regionCode;

    /// <summary>Lifecycle moves are made by the owning region's people (or Jalin itself); notes also by party regions and partners.</summary>
    public static bool ActsForOwner(CurrentActor actor, Agreement agreement) =>
        actor.Role == Role.System || IsOwnerSide(actor, agreement);

    /// <summary>The owning region's own people. A partner's liaison may be filed under the region
    /// that registered its partner, but it is not the region's staff: what it writes is shared.</summary>
    public static bool IsOwnerSide(CurrentActor actor, Agreement agreement) =>
        actor.Role != Role.PartnerUser && actor.RegionCode == agreement.RegionCode;

    /// <summary>Which document kinds a role may attach, besides the officer who may attach all.</summary>
    public static bool MayAttach(CurrentActor actor, Agreement agreement, DocumentKind kind) => actor.Role switch
    {
        Role.CooperationOfficer => actor.RegionCode == agreement.RegionCode,
        Role.AgencyUser => actor.RegionCode == agreement.RegionCode && kind is DocumentKind.TermsOfReference or DocumentKind.FeasibilityStudy
            or DocumentKind.ClosingReport or DocumentKind.AnnualActivityPlan or DocumentKind.Other,
        Role.TeamMember => actor.RegionCode == agreement.RegionCode && kind is DocumentKind.Assessment or DocumentKind.Other,
        Role.DprdViewer => actor.RegionCode == agreement.RegionCode && kind is DocumentKind.DprdDecision,
        Role.PartnerUser => kind is DocumentKind.OfferAnswer or DocumentKind.FeasibilityStudy or DocumentKind.Other,
        _ => false,
    };
}
