using Jalin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>The demo's notifications are those the walks and drafts created through the real use cases
/// (Garut's officer hears of Cimahi's shared agreements, Cimahi's officer of comments on its drafts). A demo
/// user has read all but the latest few, so the bell shows a handful unread at first run.</summary>
internal static class DemoNotifications
{
    public const int UnreadPerUser = 3;

    public static async Task SeedAsync(Func<JalinDb> newDb, CancellationToken ct)
    {
        await using var db = newDb();
        var rows = await db.Notifications.ToListAsync(ct);
        foreach (var mine in rows.GroupBy(n => n.RecipientUserId))
            foreach (var n in mine.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip(UnreadPerUser))
                n.ReadAt ??= n.CreatedAt.AddHours(2);
        await db.SaveChangesAsync(ct);
    }
}
