using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Notifications;

namespace Jalin.Core.Proposals;

/// <summary>Who hears of a move of an usulan (issue #10 item 9), called after the move is saved: a submitted
/// usulan goes to the Bagian Kerja Sama; a verified one to the TKKSD and back to the OPD; the TKKSD's result
/// to the Bagian Kerja Sama; a decision (recommended, returned, rejected) to the OPD. Only people who may
/// open the usulan get a row; the history row's id keeps a retried call from sending twice.</summary>
internal static class ProposalNotifications
{
    public static async Task SendAsync(JalinDb db, CurrentActor actor, Proposal p, ProposalAction action, ProposalHistory row, TimeProvider clock, CancellationToken ct)
    {
        var who = p.AgencyName ?? "perangkat daerah";
        var (kind, title, recipients) = action switch
        {
            ProposalAction.Submit => (NotificationKind.ProposalSubmitted, $"Usulan baru dari {who}: {p.Title}", Recipients.RoleIn(p.RegionCode, Role.CooperationOfficer)),
            ProposalAction.Verify => (NotificationKind.Decision, $"Usulan {p.Number} diverifikasi dan menunggu kajian TKKSD",
                Recipients.RoleIn(p.RegionCode, Role.TeamMember).And(Recipients.Agency(p.AgencyId))),
            ProposalAction.Assess => (NotificationKind.Decision, $"Hasil kajian TKKSD atas usulan {p.Number} tercatat",
                Recipients.RoleIn(p.RegionCode, Role.CooperationOfficer).And(Recipients.Agency(p.AgencyId))),
            ProposalAction.Recommend => (NotificationKind.Decision, $"Usulan {p.Number} direkomendasikan", Recipients.Agency(p.AgencyId)),
            ProposalAction.Return => (NotificationKind.Decision, $"Usulan {p.Number} dikembalikan untuk diperbaiki", Recipients.Agency(p.AgencyId)),
            ProposalAction.Reject => (NotificationKind.Decision, $"Usulan {p.Number} ditolak", Recipients.Agency(p.AgencyId)),
            _ => (NotificationKind.Decision, "", Recipients.None),
        };
        if (title.Length == 0) return;
        var message = new NotificationMessage(kind, title, row.Note, $"/app/usulan/{p.Id}", NotificationSubjects.Proposal, p.Id.ToString(), row.Id.ToString());
        await Notify.SendAsync(db, actor, message, recipients, clock, canSee: r => new[] { p }.AsQueryable().VisibleTo(r).Any(), ct: ct);
    }
}
