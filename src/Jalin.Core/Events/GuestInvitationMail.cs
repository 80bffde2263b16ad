using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Events;

/// <summary>Outside guests' invitations go by e-mail through the outbox, each with its .ics: the mail is stored and the
/// guest marked sent in one save, right after the invitations are sent (or a guest is added to an event already
/// announced), and by the mail dispatcher's sweep for anything left. A guest is never mailed twice (the outbox key).</summary>
public static class GuestInvitationMail
{
    public static async Task<int> EnqueueAsync(JalinDb db, TimeProvider clock, Guid? eventId = null, CancellationToken ct = default)
    {
        var pending = await GuestInvitations.PendingAsync(db, clock, eventId, ct);
        if (pending.Count == 0) return 0;
        var ids = pending.Select(p => p.InviteeId).ToList();
        var invitees = await db.EventInvitees.Where(i => ids.Contains(i.Id) && i.SentAt == null).ToDictionaryAsync(i => i.Id, ct);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var m in pending)
        {
            if (!invitees.TryGetValue(m.InviteeId, out var invitee)) continue;
            var mail = new OutgoingMail($"event-guest:{m.EventId:N}:{m.InviteeId:N}", m.To, m.ToName, m.Subject, m.Body, RegionCode: invitee.RegionCode,
                AttachmentName: m.IcsFileName, AttachmentContentType: "text/calendar; charset=utf-8", AttachmentContent: m.IcsContent);
            if (!MailOutbox.Add(db, mail, now)) continue;
            invitee.SentAt = now;
            added++;
        }
        if (added == 0) return 0;
        db.ActingAs(CurrentActor.System);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance's sweep stored the same invitations first: nothing is sent twice.
            db.ChangeTracker.Clear();
            return 0;
        }
        return added;
    }
}
