using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Mail;

/// <summary>The signed-in user's e-mail copy of notifications: the address it goes to and whether it is on.</summary>
public sealed record MailPreference(string? Email, bool EmailNotifications, bool HasValidAddress);

public static class MailPreferences
{
    public static async Task<Result<MailPreference>> GetAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId && u.IsActive)
            .Select(u => new { u.Email, u.EmailNotificationsOff }).FirstOrDefaultAsync(ct);
        if (user is null) return new NotFoundError("Pengguna tidak ditemukan.");
        return new MailPreference(user.Email, !user.EmailNotificationsOff, MailOutbox.IsValidAddress(user.Email));
    }

    /// <summary>Turns the e-mail copy on or off for the caller only (audited like any change of the user row).</summary>
    public static async Task<Result<MailPreference>> SetAsync(JalinDb db, CurrentActor actor, bool on, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId && u.IsActive, ct);
        if (user is null) return new NotFoundError("Pengguna tidak ditemukan.");
        if (user.EmailNotificationsOff == !on) return new MailPreference(user.Email, on, MailOutbox.IsValidAddress(user.Email));
        user.EmailNotificationsOff = !on;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return new MailPreference(user.Email, on, MailOutbox.IsValidAddress(user.Email));
    }
}

/// <summary>One row of the outbox as the system administrator sees it: who, what, when, how it went. Never the body.</summary>
public sealed record OutboxRow(Guid Id, string ToAddress, string Subject, string? RegionCode, DateTimeOffset CreatedAt, int Attempts,
    DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, DateTimeOffset? GaveUpAt, string? LastError, OutboxStatus Status, string StatusLabel);

public sealed record OutboxSummary(int Pending, int Retrying, int Sent, int GaveUp, DateTimeOffset? OldestWaiting);

/// <summary>The outbox for the system administrator (Jalin's operator): the state of delivery, and "Kirim ulang".</summary>
public static class OutboxAdmin
{
    private static Result<Unit> Guard(CurrentActor actor) =>
        actor.Role == Role.SystemAdmin ? Unit.Value : new ForbiddenError("Kotak keluar surel hanya untuk administrator sistem.");

    public static async Task<Result<Page<OutboxRow>>> ListAsync(JalinDb db, CurrentActor actor, string? status, int? page, int? pageSize, CancellationToken ct = default)
    {
        if (Guard(actor).Error is { } e) return e;
        var q = db.MailOutbox.AsNoTracking();
        switch (status)
        {
            case null or "": break;
            case "waiting": q = q.Where(m => m.SentAt == null && m.GaveUpAt == null); break;
            case "sent": q = q.Where(m => m.SentAt != null); break;
            case "failed": q = q.Where(m => m.GaveUpAt != null); break;
            default: return ValidationError.Of("status", "Status tidak dikenal. Pilih waiting, sent atau failed.");
        }
        var size = Math.Clamp(pageSize ?? 25, 1, 100);
        var total = await q.CountAsync(ct);
        var p = Math.Max(1, page ?? 1);
        var rows = await q.OrderByDescending(m => m.CreatedAt).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Page<OutboxRow>(rows.Select(m => new OutboxRow(m.Id, m.ToAddress, m.Subject, m.RegionCode, m.CreatedAt, m.Attempts, m.NextAttemptAt,
            m.SentAt, m.GaveUpAt, m.LastError, m.Status, m.Status.Label())).ToList(), p, size, total);
    }

    public static async Task<Result<OutboxSummary>> SummaryAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        if (Guard(actor).Error is { } e) return e;
        var q = db.MailOutbox.AsNoTracking();
        var waiting = q.Where(m => m.SentAt == null && m.GaveUpAt == null);
        var oldest = await waiting.OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        return new OutboxSummary(await waiting.CountAsync(m => m.Attempts == 0, ct), await waiting.CountAsync(m => m.Attempts > 0, ct),
            await q.CountAsync(m => m.SentAt != null, ct), await q.CountAsync(m => m.GaveUpAt != null, ct), oldest);
    }

    public static async Task<Result<Unit>> RetryAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        if (Guard(actor).Error is { } e) return e;
        return await MailDispatcher.RetryAsync(db, id, clock, ct) ? Unit.Value : new NotFoundError("Surel tidak ditemukan atau sudah terkirim.");
    }
}
