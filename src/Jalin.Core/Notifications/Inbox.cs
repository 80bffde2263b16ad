using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Notifications;

public sealed record NotificationView(Guid Id, NotificationKind Kind, string KindLabel, string Title, string? Body, string? Link, string SubjectType, string SubjectId,
    string? ActorName, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>The signed-in user's own notifications: list (unread first, newest first), unread count,
/// mark one read, mark all read. Another user's row is "not found".</summary>
public static class Inbox
{
    private static IQueryable<Notification> Mine(JalinDb db, CurrentActor actor) =>
        db.Set<Notification>().Where(n => n.RecipientUserId == actor.UserId);

    public static async Task<Result<Page<NotificationView>>> ListAsync(JalinDb db, CurrentActor actor, int? page, int? size, CancellationToken ct = default)
    {
        var (p, s) = Paging.Normalize(page, size);
        var q = Mine(db, actor).AsNoTracking();
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Page<NotificationView>(rows.Select(View).ToList(), p, s, total);
    }

    public static async Task<Result<int>> UnreadCountAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default) =>
        await Mine(db, actor).CountAsync(n => n.ReadAt == null, ct);

    public static async Task<Result<NotificationView>> MarkReadAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        var n = await Mine(db, actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return new NotFoundError("Pemberitahuan tidak ditemukan.");
        if (n.ReadAt is null)
        {
            n.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        return View(n);
    }

    /// <summary>Marks every unread row of the caller read; returns how many were unread.</summary>
    public static async Task<Result<int>> MarkAllReadAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var unread = await Mine(db, actor).Where(n => n.ReadAt == null).ToListAsync(ct);
        foreach (var n in unread) n.ReadAt = now;
        if (unread.Count > 0) await db.SaveChangesAsync(ct);
        return unread.Count;
    }

    public static NotificationView View(Notification n) =>
        new(n.Id, n.Kind, n.Kind.Label(), n.Title, n.Body, n.Link, n.SubjectType, n.SubjectId, n.ActorName, n.CreatedAt, n.ReadAt);
}
