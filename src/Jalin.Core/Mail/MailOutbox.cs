using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Jalin.Core.Mail;

/// <summary>A mail to put in the outbox. <paramref name="DedupeKey"/> names what it tells, so adding the same
/// mail twice (a retried request) stores it once.</summary>
public sealed record OutgoingMail(string DedupeKey, string ToAddress, string? ToName, string Subject, string TextBody,
    string? Link = null, string? RegionCode = null, string? AttachmentName = null, string? AttachmentContentType = null, byte[]? AttachmentContent = null);

/// <summary>Puts mail in the outbox. <see cref="Add"/> only adds to the context: the caller's own
/// <c>SaveChanges</c> stores the mail together with the change it tells about, or neither.</summary>
public static class MailOutbox
{
    public static bool IsValidAddress(string? address) =>
        !string.IsNullOrWhiteSpace(address) && address.Length <= 320 && MailboxAddress.TryParse(address, out var parsed)
        && parsed.Address.Contains('@') && !parsed.Address.StartsWith('@') && !parsed.Address.EndsWith('@');

    /// <summary>Adds the mail (not saved). Returns false, adding nothing, for an address that is not an e-mail address
    /// or a key already added in this context.</summary>
    public static bool Add(JalinDb db, OutgoingMail mail, DateTimeOffset now)
    {
        if (!IsValidAddress(mail.ToAddress)) return false;
        if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.DedupeKey == mail.DedupeKey)) return false;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            DedupeKey = Cut(mail.DedupeKey, 200), ToAddress = mail.ToAddress.Trim(), ToName = mail.ToName is null ? null : Cut(mail.ToName, 200),
            Subject = Cut(mail.Subject.ReplaceLineEndings(" "), 300), TextBody = Cut(mail.TextBody, 20000), Link = mail.Link, RegionCode = mail.RegionCode,
            AttachmentName = mail.AttachmentName, AttachmentContentType = mail.AttachmentContentType, AttachmentContent = mail.AttachmentContent,
            CreatedAt = now, NextAttemptAt = now,
        });
        return true;
    }

    /// <summary>Adds and saves, ignoring a mail whose key is already in the outbox. Returns whether it was stored.</summary>
    public static async Task<bool> AddAndSaveAsync(JalinDb db, OutgoingMail mail, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.Set<OutboxMessage>().AnyAsync(m => m.DedupeKey == mail.DedupeKey, ct)) return false;
        if (!Add(db, mail, now)) return false;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            foreach (var e in db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList()) e.State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>The mail copy of an in-app notification, for a user who has an e-mail address and has not turned mail off.</summary>
    public static OutgoingMail? ForNotification(Notification row, ApplicationUser user)
    {
        if (user.EmailNotificationsOff || !IsValidAddress(user.Email)) return null;
        var body = new System.Text.StringBuilder();
        body.AppendLine($"Yth. {user.FullName},").AppendLine();
        body.AppendLine(row.Title);
        if (!string.IsNullOrWhiteSpace(row.Body)) body.AppendLine().AppendLine(row.Body);
        if (row.ActorName is { } who) body.AppendLine().AppendLine($"Oleh: {who}");
        body.AppendLine().AppendLine("—")
            .AppendLine($"Surel ini dikirim otomatis oleh Jalin kepada {user.Role.Label()}. Pemberitahuan yang sama ada di lonceng Jalin.")
            .AppendLine("Untuk berhenti menerima pemberitahuan lewat surel, matikan \"Kirim pemberitahuan ke surel\" di halaman Akun saya.");
        return new OutgoingMail($"notif:{row.Id:N}", user.Email!, user.FullName, $"[Jalin] {row.Kind.Label()}: {row.Title}", body.ToString(),
            Link: row.Link, RegionCode: user.RegionCode);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
