using Jalin.Core.Agreements;
using Jalin.Core.Identity;

namespace Jalin.Core.Proposals;

/// <summary>One move of an usulan: from which statuses, to which, who may make it, what it needs.</summary>
public sealed record ProposalMove(ProposalAction Action, ProposalStatus[] From, ProposalStatus To, Role[] Roles, string Who, string Basis, bool NoteRequired);

/// <summary>The usulan's lifecycle as one table. UU 23/2014 and PP 28/2018 do not set how an OPD's proposal
/// travels inside the region before a kerja sama is prepared; the table follows praktik daerah (SIKERJA
/// Samarinda, Banjar, Kutai Kartanegara: the OPD proposes, the Bagian Kerja Sama verifies, the TKKSD assesses
/// and recommends). Every text here says so in words.</summary>
public static class ProposalTable
{
    private const string Practice = "Praktik daerah (alur usulan tidak diatur dalam UU 23/2014 maupun PP 28/2018; mengikuti pengaturan daerah)";

    public static IReadOnlyList<ProposalMove> Moves { get; } =
    [
        new(ProposalAction.Submit, [ProposalStatus.Draft, ProposalStatus.NeedsRevision], ProposalStatus.Submitted,
            [Role.AgencyUser, Role.CooperationOfficer], "Perangkat daerah pemrakarsa atau petugas Bagian Kerja Sama", Practice + ": OPD pemrakarsa mengajukan usulan kepada Bagian Kerja Sama.", false),
        new(ProposalAction.Verify, [ProposalStatus.Submitted], ProposalStatus.Verified,
            [Role.CooperationOfficer], "Petugas Bagian Kerja Sama", Practice + ": Bagian Kerja Sama memeriksa kelengkapan usulan.", false),
        new(ProposalAction.Return, [ProposalStatus.Submitted, ProposalStatus.Verified, ProposalStatus.Assessed], ProposalStatus.NeedsRevision,
            [Role.CooperationOfficer], "Petugas Bagian Kerja Sama", Practice + ": usulan yang belum lengkap dikembalikan kepada OPD dengan catatan.", true),
        new(ProposalAction.Assess, [ProposalStatus.Verified], ProposalStatus.Assessed,
            [Role.CooperationOfficer, Role.TeamMember], "Anggota TKKSD atau petugas Bagian Kerja Sama", Practice + ": TKKSD mengkaji usulan (kewenangan, keselarasan dengan RPJMD/RKPD, manfaat dan biaya, risiko).", true),
        new(ProposalAction.Recommend, [ProposalStatus.Assessed], ProposalStatus.Recommended,
            [Role.CooperationOfficer], "Petugas Bagian Kerja Sama", Practice + ": rekomendasi TKKSD menetapkan jenis kerja sama atau menyatakan bukan kerja sama daerah.", false),
        new(ProposalAction.Reject, [ProposalStatus.Submitted, ProposalStatus.Verified, ProposalStatus.Assessed], ProposalStatus.Rejected,
            [Role.CooperationOfficer], "Petugas Bagian Kerja Sama", Practice + ": usulan yang tidak layak ditolak dengan alasan.", true),
    ];

    public static ProposalMove Of(ProposalAction action) => Moves.Single(m => m.Action == action);

    /// <summary>Null when the actor may make the move on the proposal now; otherwise why not ("belum ...", "hanya ...").</summary>
    public static string? Refusal(CurrentActor actor, Proposal p, ProposalAction action)
    {
        var move = Of(action);
        if (!move.Roles.Contains(actor.Role) || actor.RegionCode != p.RegionCode
            || (actor.Role == Role.AgencyUser && actor.AgencyId != p.AgencyId))
            return $"Hanya {move.Who.ToLowerInvariant()} yang dapat melakukan ini.";
        if (!move.From.Contains(p.Status))
            return $"Usulan berstatus {p.Status.Label()}; {action.Label().ToLowerInvariant()} hanya dari status {string.Join(" atau ", move.From.Select(s => s.Label()))}.";
        if (action == ProposalAction.Submit && MissingForSubmit(p) is { Count: > 0 } missing)
            return "Belum lengkap: " + string.Join(", ", missing) + ".";
        if (action == ProposalAction.Recommend && p.Assessment == AssessmentResult.NotFeasible)
            return "Hasil kajian TKKSD: tidak layak. Tolak usulan atau kembalikan untuk perbaikan.";
        return null;
    }

    /// <summary>What an usulan needs before the OPD submits it (the fields every verified form asks for).</summary>
    public static List<string> MissingForSubmit(Proposal p)
    {
        var missing = new List<string>();
        if (p.AffairCode is null) missing.Add("urusan pemerintahan");
        if (string.IsNullOrWhiteSpace(p.Background)) missing.Add("latar belakang");
        if (string.IsNullOrWhiteSpace(p.Aims)) missing.Add("maksud dan tujuan");
        if (string.IsNullOrWhiteSpace(p.Object)) missing.Add("objek/kegiatan");
        if (p.PartnerRegionCode is null && p.PartnerId is null && string.IsNullOrWhiteSpace(p.PartnerName)) missing.Add("calon mitra");
        if (p.TermMonths is null) missing.Add("jangka waktu");
        if (string.IsNullOrWhiteSpace(p.Contact1Name) || string.IsNullOrWhiteSpace(p.Contact1Phone)) missing.Add("narahubung pertama (nama dan telepon)");
        return missing;
    }

    /// <summary>"Jadikan kerja sama": null when the actor may convert the proposal now, else why not.</summary>
    public static string? ConvertRefusal(CurrentActor actor, Proposal p)
    {
        if (actor.Role != Role.CooperationOfficer || actor.RegionCode != p.RegionCode)
            return "Hanya petugas Bagian Kerja Sama yang dapat menjadikan usulan sebagai kerja sama.";
        if (p.AgreementId is not null) return "Usulan ini sudah dijadikan kerja sama.";
        if (p.Status != ProposalStatus.Recommended) return "Belum direkomendasikan TKKSD.";
        if (p.NotRegionalCooperation || p.RecommendedKind is null) return "Direkomendasikan sebagai bukan kerja sama daerah; tidak dijadikan kerja sama.";
        return null;
    }
}

/// <summary>Who sees and edits which proposal. The region's Bagian Kerja Sama, TKKSD and leaders read all of the
/// region's proposals; an OPD reads its own; nobody else sees them (404).</summary>
public static class ProposalAccess
{
    public static IQueryable<Proposal> VisibleTo(this IQueryable<Proposal> query, CurrentActor actor)
    {
        var region = actor.RegionCode;
        var agency = actor.AgencyId;
        return actor.Role switch
        {
            Role.System => query,
            Role.CooperationOfficer or Role.TeamMember or Role.Leader when region is not null => query.Where(p => p.RegionCode == region),
            Role.AgencyUser when region is not null && agency is not null => query.Where(p => p.RegionCode == region && p.AgencyId == agency),
            _ => query.Where(p => false),
        };
    }

    public static bool CanCreate(CurrentActor actor) =>
        actor.RegionCode is not null && (actor.Role == Role.CooperationOfficer || (actor.Role == Role.AgencyUser && actor.AgencyId is not null));

    /// <summary>Null when the actor may edit the proposal's fields and attachments now, else why not.</summary>
    public static string? EditRefusal(CurrentActor actor, Proposal p)
    {
        var mine = actor.RegionCode == p.RegionCode
            && (actor.Role == Role.CooperationOfficer || (actor.Role == Role.AgencyUser && actor.AgencyId == p.AgencyId));
        if (!mine) return "Hanya perangkat daerah pemrakarsa atau petugas Bagian Kerja Sama yang dapat mengubah usulan ini.";
        if (!p.IsEditable) return $"Usulan berstatus {p.Status.Label()}; hanya usulan berstatus Draf atau Perlu perbaikan yang dapat diubah.";
        return null;
    }
}
