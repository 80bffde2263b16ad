using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Events;

/// <summary>The iCalendar (.ics, RFC 5545) file of an event, built with Ical.Net.</summary>
public static class EventIcs
{
    public static string Write(CoordinationEvent e, string regionName, string? attendeeEmail = null, string? attendeeName = null)
    {
        var calendar = new Calendar { ProductId = "-//Jalin//Kerja Sama Daerah//ID" };
        calendar.AddProperty("METHOD", "REQUEST");
        var ev = new CalendarEvent
        {
            Uid = $"{e.Id}@jalin",
            Summary = $"{e.Kind.Label()}: {e.Title}",
            Start = new CalDateTime(e.StartsAt.UtcDateTime, "UTC"),
            End = new CalDateTime(e.EndsAt.UtcDateTime, "UTC"),
            Location = string.Join(" — ", new[] { e.Place, e.OnlineLink }.Where(x => !string.IsNullOrWhiteSpace(x))),
            Description = Description(e, regionName),
            Sequence = e.Version,
            Status = e.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
        };
        if (attendeeEmail is not null) ev.Attendees.Add(new Attendee("mailto:" + attendeeEmail) { CommonName = attendeeName });
        calendar.Events.Add(ev);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    internal static string Description(CoordinationEvent e, string regionName)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{e.Kind.Label()} — penyelenggara: {e.OrganizerAgencyName ?? "Bagian Kerja Sama " + regionName}");
        sb.AppendLine($"Waktu: {RegionTime.Range(e.RegionCode, e.StartsAt, e.EndsAt)}");
        if (e.Place is not null) sb.AppendLine($"Tempat: {e.Place}");
        if (e.OnlineLink is not null) sb.AppendLine($"Tautan daring: {e.OnlineLink}");
        var agenda = e.AgendaItems.ToList();
        if (agenda.Count > 0)
        {
            sb.AppendLine("Agenda:");
            for (var i = 0; i < agenda.Count; i++) sb.AppendLine($"{i + 1}. {agenda[i]}");
        }
        return sb.ToString().TrimEnd();
    }

    public static string FileName(CoordinationEvent e) => $"undangan-{e.StartsAt.UtcDateTime:yyyyMMdd}.ics";

    /// <summary>The .ics of an event the actor sees (each invitee can add it to a calendar).</summary>
    public static async Task<Result<(string FileName, byte[] Content)>> ForActorAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        var e = await db.Events.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return new NotFoundError("Kegiatan tidak ditemukan.");
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == e.RegionCode).Select(r => r.Name).FirstAsync(ct);
        return (FileName(e), Encoding.UTF8.GetBytes(Write(e, region)));
    }
}

/// <summary>An invitation mail for an outside guest, ready for the outbox: to, subject, an Indonesian plain-text body and the .ics.</summary>
public sealed record GuestInvitationMessage(Guid EventId, Guid InviteeId, string To, string ToName, string Subject, string Body, string IcsFileName, byte[] IcsContent);

/// <summary>Outside guests are invited by e-mail. Jalin does not send mail here: the outbox asks <see cref="PendingAsync"/> for the
/// messages of guests not yet sent (events whose invitations were sent and that have not ended or been cancelled) and, once it has
/// taken them, calls <see cref="MarkSentAsync"/>.</summary>
public static class GuestInvitations
{
    public static async Task<IReadOnlyList<GuestInvitationMessage>> PendingAsync(JalinDb db, TimeProvider clock, Guid? eventId = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var q = db.Events.AsNoTracking().Include(e => e.Invitees)
            .Where(e => (e.Status == EventStatus.Invited || e.Status == EventStatus.Held) && e.Invitees.Any(i => i.Kind == InviteeKind.Guest && i.SentAt == null));
        if (eventId is { } id) q = q.Where(e => e.Id == id);
        var events = (await q.ToListAsync(ct)).Where(e => e.EndsAt > now).ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => events.Select(e => e.RegionCode).Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.FullName, ct);
        var list = new List<GuestInvitationMessage>();
        foreach (var e in events)
            foreach (var g in e.Invitees.Where(i => i.Kind == InviteeKind.Guest && i.SentAt == null && i.Email is not null))
            {
                var region = regions[e.RegionCode];
                var body = new StringBuilder()
                    .AppendLine($"Yth. {g.Name}")
                    .AppendLine(g.Institution)
                    .AppendLine()
                    .AppendLine($"Dengan hormat, {e.OrganizerAgencyName ?? "Bagian Kerja Sama " + region} mengundang Bapak/Ibu untuk menghadiri {e.Kind.Phrase()} \"{e.Title}\".")
                    .AppendLine()
                    .AppendLine(EventIcs.Description(e, region))
                    .AppendLine()
                    .AppendLine("Undangan kalender terlampir (berkas .ics). Atas perhatian dan kehadiran Bapak/Ibu kami ucapkan terima kasih.")
                    .AppendLine()
                    .AppendLine($"Pemerintah {region}")
                    .ToString();
                var subject = $"Undangan {e.Kind.Phrase()}: {e.Title} — {RegionTime.Format(e.RegionCode, e.StartsAt)}";
                list.Add(new GuestInvitationMessage(e.Id, g.Id, g.Email!, g.Name, subject, body, EventIcs.FileName(e),
                    Encoding.UTF8.GetBytes(EventIcs.Write(e, region, g.Email, g.Name))));
            }
        return list;
    }

    /// <summary>Marks the guests' invitations as handed to the outbox; returns how many were newly marked.</summary>
    public static async Task<int> MarkSentAsync(JalinDb db, IEnumerable<Guid> inviteeIds, TimeProvider clock, CancellationToken ct = default)
    {
        var ids = inviteeIds.ToList();
        var rows = await db.EventInvitees.Where(i => ids.Contains(i.Id) && i.Kind == InviteeKind.Guest && i.SentAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var r in rows) r.SentAt = now;
        db.ActingAs(CurrentActor.System);
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}
