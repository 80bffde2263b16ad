using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Notifications;

namespace Jalin.Core.Events;

/// <summary>In-app notifications of an event (issue #10 item 9): the invitation to each invited user (by name, by role
/// in a region, by OPD), the cancellation, a follow-up assigned. Only people who may open the event get a row.
/// Outside guests are told by e-mail through <see cref="GuestInvitations"/>, not here.</summary>
internal static class EventNotifications
{
    public const string Subject = "Event";

    private static Recipients Of(IEnumerable<EventInvitee> invitees)
    {
        var r = Recipients.None;
        foreach (var i in invitees)
            r = i.Kind switch
            {
                InviteeKind.User when i.UserId is not null => r.And(Recipients.Users(i.UserId)),
                InviteeKind.Role when i.InviteeRegionCode is not null && i.Role is { } role => r.And(Recipients.RoleIn(i.InviteeRegionCode, role)),
                InviteeKind.Agency when i.AgencyId is { } a => r.And(Recipients.Agency(a)),
                _ => r,
            };
        return r;
    }

    public static async Task InvitedAsync(JalinDb db, CurrentActor actor, CoordinationEvent e, IEnumerable<EventInvitee> invitees, TimeProvider clock, CancellationToken ct)
    {
        var message = new NotificationMessage(NotificationKind.EventInvitation, $"Undangan {e.Kind.Phrase()}: {e.Title}",
            $"{RegionTime.Range(e.RegionCode, e.StartsAt, e.EndsAt)}, {e.Place ?? e.OnlineLink}", $"/app/acara/{e.Id}", Subject, e.Id.ToString(), "invite");
        await Notify.SendAsync(db, actor, message, Of(invitees), clock, canSee: r => EventAccess.Sees(r, e), ct: ct);
    }

    public static async Task CancelledAsync(JalinDb db, CurrentActor actor, CoordinationEvent e, TimeProvider clock, CancellationToken ct)
    {
        var message = new NotificationMessage(NotificationKind.Decision, $"Kegiatan dibatalkan: {e.Title}", e.CancelReason, $"/app/acara/{e.Id}", Subject, e.Id.ToString(), "cancel");
        await Notify.SendAsync(db, actor, message, Of(e.Invitees), clock, canSee: r => EventAccess.Sees(r, e), ct: ct);
    }

    public static async Task FollowUpAsync(JalinDb db, CurrentActor actor, CoordinationEvent e, EventFollowUp f, TimeProvider clock, CancellationToken ct)
    {
        var message = new NotificationMessage(NotificationKind.Assigned, $"Tindak lanjut untuk Anda: {f.Title}",
            $"Dari {e.Title}; batas waktu {Drafting.IndonesianWords.Date(f.DueDate)}.", $"/app/acara/{e.Id}", Subject, e.Id.ToString(), "followup-" + f.Id);
        await Notify.SendAsync(db, actor, message, Recipients.Users(f.OwnerUserId!), clock, canSee: _ => true, ct: ct);
    }
}
