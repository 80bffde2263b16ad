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

    /// <summary>For a province's supervisor, the province's code: they see the agreements of the province and of its
    /// kabupaten and kota (<see cref="VisibleTo"/>: the code itself, or one that starts with it and a dot); null for everyone else.</summary>
    public static string? ProvinceOf(CurrentActor actor) => actor.Role == Role.SupervisorProvince ? actor.RegionCode : null;

    /// <summary>Whether the actor sees most of a national register's agreements (<see cref="VisibleTo"/>: Jalin itself, the
    /// national supervisor, a province's supervisor) rather than a few (a region's people, its OPD and DPRD, a partner).
    /// The search and the agreement list's text filter choose their plans by it.</summary>
    public static bool SeesMany(CurrentActor actor) => actor.Role is Role.System or Role.SupervisorNational or Role.SupervisorProvince;

    /// <summary>Internal notes, drafts, TKKSD and DPRD letters are seen only inside the owning region
    /// (supervisors, provincial and national, read the shared record).</summary>
    public static bool SeesInternal(CurrentActor actor, Agreement agreement) =>
        actor.Role is Role.System
        || (actor.RegionCode == agreement.RegionCode && actor.Role is Role.CooperationOfficer or Role.TeamMember or Role.Leader
            or Role.Auditor or Role.AgencyUser);

    /// <summary>Whether the actor reads this document of an agreement it sees. Shared documents: everyone who
    /// sees the agreement. The owning region's internal ones: inside the owning region, and for the DPRD
    /// secretariat also the letters addressed to the DPRD and its own decisions, not the region's other
    /// internal papers. A party region's internal ones (<see cref="DocumentRegion"/> is that region): only
    /// that region's people (its DPRD secretariat only its DPRD letters), and Jalin itself; not the owning
    /// region, and not the supervisors, who read the shared record as they do for the owner's papers.</summary>
    public static bool SeesDocument(CurrentActor actor, Agreement agreement, AgreementDocument document)
    {
        if (document.Visibility == DocumentVisibility.Shared || actor.Role == Role.System) return true;
        var region = DocumentRegion(agreement, document);
        if (region != agreement.RegionCode)
            return actor.RegionCode == region && actor.Role != Role.PartnerUser
                && (RegionReaders.Contains(actor.Role) || actor.Role == Role.AgencyUser
                    || (actor.Role == Role.DprdViewer && document.Kind is DocumentKind.DprdRequest or DocumentKind.DprdDecision));
        return SeesInternal(actor, agreement)
            || (actor.Role == Role.DprdViewer && actor.RegionCode == agreement.RegionCode && document.Kind is DocumentKind.DprdRequest or DocumentKind.DprdDecision);
    }

    /// <summary>The region whose document it is (<see cref="AgreementDocument.UploaderRegionCode"/>; rows without one are the owner's).</summary>
    public static string DocumentRegion(Agreement agreement, AgreementDocument document) => document.UploaderRegionCode ?? agreement.RegionCode;

    /// <summary>The documents of the record itself: those of the owning region, its partners and Jalin. A party
    /// region's own papers, shared or internal, are left out: the owning region runs its process on its own
    /// documents (its kajian, its DPRD's decision, its signed scan), so a party's kajian or signed copy never
    /// meets the owner's prerequisite nor sets the record's signing date. The lifecycle, the muatan checks and
    /// the drafts read documents only through this.</summary>
    public static IEnumerable<AgreementDocument> RecordDocuments(this Agreement agreement) =>
        agreement.Documents.Where(d => DocumentRegion(agreement, d) == agreement.RegionCode);

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

    /// <summary>The party of the agreement that is the actor's own region when that region is a party but not
    /// the owner (Garut on Cimahi's record); null for the owning side, partners, supervisors and strangers.
    /// Needs the parties loaded.</summary>
    public static AgreementParty? PartySide(CurrentActor actor, Agreement agreement) =>
        actor.Role is Role.PartnerUser or Role.System or Role.SystemAdmin or Role.SupervisorProvince or Role.SupervisorNational
        || actor.RegionCode is not { } region || region == agreement.RegionCode
            ? null
            : agreement.Parties.FirstOrDefault(p => p.RegionCode == region);

    /// <summary>The region a new document of this actor belongs to (<see cref="AgreementDocument.UploaderRegionCode"/>):
    /// its own region on a party's side, otherwise the agreement's (the owner's people, partners, Jalin).</summary>
    public static string UploaderRegion(CurrentActor actor, Agreement agreement) => PartySide(actor, agreement)?.RegionCode ?? agreement.RegionCode;

    /// <summary>Whether the actor chooses between shared and internal when attaching: the regions' people, on the
    /// owner's side or a party's. A partner's liaison is not a region's staff: what it attaches is shared.</summary>
    public static bool ChoosesVisibility(CurrentActor actor) => actor.Role != Role.PartnerUser;

    /// <summary>A party region's cooperation officer attaches the papers of its own side: its answer to the offer,
    /// its kajian, its DPRD's letters, its surat kuasa, its own copy of a signed naskah, minutes, and what its
    /// OPD prepared (KAK, studies, plans, reports). Not the owner's own steps: the offer letter, the consultation
    /// with and answers of the ministries, the foreign route's papers, the termination letter.</summary>
    private static readonly DocumentKind[] PartyOfficerKinds =
    [
        DocumentKind.KesepakatanBersama, DocumentKind.PerjanjianKerjaSama, DocumentKind.Addendum, DocumentKind.OfferAnswer, DocumentKind.Assessment,
        DocumentKind.DprdRequest, DocumentKind.DprdDecision, DocumentKind.PowerOfAttorney, DocumentKind.MeetingMinutes, DocumentKind.TermsOfReference,
        DocumentKind.FeasibilityStudy, DocumentKind.AnnualActivityPlan, DocumentKind.ClosingReport, DocumentKind.Other,
    ];

    /// <summary>Which document kinds a role may attach. The owning region: its cooperation officer all; its OPD user
    /// (of the lead OPD, as <see cref="VisibleTo"/> lets only that one in) KAK, studies, plans, reports; its TKKSD the
    /// kajian; its DPRD secretariat the DPRD's decision. A party region attaches its own side's papers by the same
    /// division of work: its cooperation officer <see cref="PartyOfficerKinds"/>; its TKKSD member its kajian; its OPD
    /// user only when that OPD leads the agreement on the region's side, the OPD's kinds; its DPRD secretariat the
    /// decision of its own DPRD. A partner's liaison: its answer, its feasibility study, other papers (always shared).</summary>
    public static bool MayAttach(CurrentActor actor, Agreement agreement, DocumentKind kind)
    {
        if (actor.Role == Role.PartnerUser) return kind is DocumentKind.OfferAnswer or DocumentKind.FeasibilityStudy or DocumentKind.Other;
        if (actor.RegionCode is not null && actor.RegionCode == agreement.RegionCode) return OwnerMayAttach(actor.Role, kind);
        if (PartySide(actor, agreement) is not { } party) return false;
        return actor.Role switch
        {
            Role.CooperationOfficer => PartyOfficerKinds.Contains(kind),
            Role.AgencyUser => actor.AgencyId is not null && party.LeadAgencyId == actor.AgencyId && IsAgencyKind(kind),
            Role.TeamMember => kind is DocumentKind.Assessment or DocumentKind.Other,
            Role.DprdViewer => kind is DocumentKind.DprdDecision,
            _ => false,
        };
    }

    /// <summary>The kinds <see cref="MayAttach"/> allows this actor, in the enum's order (what the attach form offers).</summary>
    public static IReadOnlyList<DocumentKind> AttachableKinds(CurrentActor actor, Agreement agreement) =>
        agreement.IsEnded ? [] : Enum.GetValues<DocumentKind>().Where(k => MayAttach(actor, agreement, k)).ToList();

    private static bool OwnerMayAttach(Role role, DocumentKind kind) => role switch
    {
        Role.CooperationOfficer => true,
        Role.AgencyUser => IsAgencyKind(kind),
        Role.TeamMember => kind is DocumentKind.Assessment or DocumentKind.Other,
        Role.DprdViewer => kind is DocumentKind.DprdDecision,
        _ => false,
    };

    private static bool IsAgencyKind(DocumentKind kind) => kind is DocumentKind.TermsOfReference or DocumentKind.FeasibilityStudy
        or DocumentKind.ClosingReport or DocumentKind.AnnualActivityPlan or DocumentKind.Other;
}
