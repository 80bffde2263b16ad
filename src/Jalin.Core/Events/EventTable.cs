using Jalin.Core.Identity;

namespace Jalin.Core.Events;

public sealed record EventMove(EventAction Action, EventStatus[] From, EventStatus To, string Basis, bool NoteRequired);

/// <summary>The event's lifecycle as one table: rencana → undangan terkirim → berlangsung/selesai → notulen final;
/// batal (with the reason) before it is held. The law sets no procedure for coordination meetings: praktik daerah.</summary>
public static class EventTable
{
    private const string Practice = "Praktik daerah (tata cara rapat koordinasi tidak diatur dalam UU 23/2014 maupun PP 28/2018)";

    public static IReadOnlyList<EventMove> Moves { get; } =
    [
        new(EventAction.SendInvitations, [EventStatus.Planned], EventStatus.Invited, Practice + ": undangan disampaikan kepada peserta.", false),
        new(EventAction.MarkHeld, [EventStatus.Invited], EventStatus.Held, Practice + ": kegiatan dilaksanakan; daftar hadir dan notulen dicatat.", false),
        new(EventAction.FinalizeMinutes, [EventStatus.Held], EventStatus.MinutesFinal, Practice + ": notulen ditetapkan dan dituangkan dalam berita acara.", false),
        new(EventAction.Cancel, [EventStatus.Planned, EventStatus.Invited], EventStatus.Cancelled, Practice + ": kegiatan yang batal dicatat dengan alasannya.", true),
    ];

    public static EventMove Of(EventAction action) => Moves.Single(m => m.Action == action);

    /// <summary>Null when the actor may make the move now; otherwise why not.</summary>
    public static string? Refusal(CurrentActor actor, CoordinationEvent e, EventAction action, DateTimeOffset now)
    {
        var move = Of(action);
        if (!EventAccess.Manages(actor, e)) return EventAccess.NotOrganiser;
        if (!move.From.Contains(e.Status))
            return $"Kegiatan berstatus {e.Status.Label()}; {action.Label().ToLowerInvariant()} hanya dari status {string.Join(" atau ", move.From.Select(s => s.Label()))}.";
        switch (action)
        {
            case EventAction.SendInvitations when e.Invitees.Count == 0:
                return "Belum ada undangan: tambahkan peserta (pengguna, peran, perangkat daerah atau tamu) terlebih dahulu.";
            case EventAction.MarkHeld when now < e.StartsAt:
                return "Kegiatan belum dimulai; tandai sudah dilaksanakan setelah waktu mulai.";
            case EventAction.FinalizeMinutes:
                var missing = new List<string>();
                if (e.Invitees.All(i => i.Attendance == Attendance.Unknown)) missing.Add("daftar hadir");
                if (string.IsNullOrWhiteSpace(e.MinutesPoints)) missing.Add("pokok pembahasan");
                if (string.IsNullOrWhiteSpace(e.MinutesDecisions)) missing.Add("kesimpulan/keputusan");
                if (missing.Count > 0) return "Belum lengkap: " + string.Join(", ", missing) + ".";
                break;
        }
        return null;
    }
}

/// <summary>Who sees and manages which event. An event belongs to its region: the region's Bagian Kerja Sama,
/// TKKSD, leaders and auditors read all of them; an OPD reads those its agency organises or is invited to; users of
/// another region read only the events they (their role, their OPD) are invited to; supervisors read their
/// regions' events. Managing: the region's Bagian Kerja Sama, or the organising OPD.</summary>
public static class EventAccess
{
    public const string NotOrganiser = "Hanya petugas Bagian Kerja Sama daerah penyelenggara atau perangkat daerah penyelenggara yang dapat mengelola kegiatan ini.";

    public static IQueryable<CoordinationEvent> VisibleTo(this IQueryable<CoordinationEvent> query, CurrentActor actor)
    {
        var region = actor.RegionCode;
        var province = region + ".";
        var agency = actor.AgencyId;
        var user = actor.UserId;
        var role = actor.Role;
        if (actor.Role is Role.System or Role.SupervisorNational) return query;
        if (actor.Role == Role.SupervisorProvince && region is not null)
            return query.Where(e => e.RegionCode == region || e.RegionCode.StartsWith(province));
        if (region is null) return query.Where(e => false);
        var ownRegionReader = actor.Role is Role.CooperationOfficer or Role.TeamMember or Role.Leader or Role.Auditor;
        return query.Where(e =>
            (ownRegionReader && e.RegionCode == region)
            || (role == Role.AgencyUser && agency != null && e.OrganizerAgencyId == agency)
            || e.Invitees.Any(i => (i.Kind == InviteeKind.User && i.UserId == user)
                || (i.Kind == InviteeKind.Role && i.InviteeRegionCode == region && i.Role == role)
                || (i.Kind == InviteeKind.Agency && agency != null && i.AgencyId == agency && role == Role.AgencyUser)));
    }

    public static bool Sees(CurrentActor actor, CoordinationEvent e) => new[] { e }.AsQueryable().VisibleTo(actor).Any();

    public static bool CanCreate(CurrentActor actor) =>
        actor.RegionCode is not null && (actor.Role == Role.CooperationOfficer || (actor.Role == Role.AgencyUser && actor.AgencyId is not null));

    public static bool Manages(CurrentActor actor, CoordinationEvent e) =>
        actor.RegionCode == e.RegionCode
        && (actor.Role == Role.CooperationOfficer || (actor.Role == Role.AgencyUser && actor.AgencyId is not null && actor.AgencyId == e.OrganizerAgencyId));

    /// <summary>Whether the actor was invited (by name, by role in their region, or through their OPD).</summary>
    public static bool IsInvited(CurrentActor actor, CoordinationEvent e) =>
        e.Invitees.Any(i => (i.Kind == InviteeKind.User && i.UserId == actor.UserId)
            || (i.Kind == InviteeKind.Role && i.InviteeRegionCode == actor.RegionCode && i.Role == actor.Role)
            || (i.Kind == InviteeKind.Agency && actor.Role == Role.AgencyUser && i.AgencyId == actor.AgencyId));
}
