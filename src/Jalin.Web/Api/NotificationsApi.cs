using Jalin.Core.Data;
using Jalin.Core.Notifications;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>The caller's own notifications (issue #10 item 9). Every route reads or changes only the
/// caller's rows; another user's id answers 404.</summary>
public static class NotificationsApi
{
    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Pemberitahuan");
        g.MapGet("", List).WithSummary("Pemberitahuan Anda, yang belum dibaca lebih dulu lalu yang terbaru (page, pageSize).");
        g.MapGet("/unread-count", UnreadCount).WithSummary("Jumlah pemberitahuan Anda yang belum dibaca.");
        g.MapPost("/{id:guid}/read", MarkRead).WithSummary("Tandai satu pemberitahuan Anda telah dibaca.");
        g.MapPost("/read-all", MarkAllRead).WithSummary("Tandai semua pemberitahuan Anda telah dibaca.");
    }

    private static async Task<IResult> List(Actor actor, JalinDb db, int? page, int? pageSize, CancellationToken ct) =>
        (await Inbox.ListAsync(db, actor, page, pageSize, ct)).ToHttp();

    private static async Task<IResult> UnreadCount(Actor actor, JalinDb db, CancellationToken ct) =>
        (await Inbox.UnreadCountAsync(db, actor, ct)).ToHttp(n => TypedResults.Ok(new { unread = n }));

    private static async Task<IResult> MarkRead(Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        (await Inbox.MarkReadAsync(db, actor, id, clock, ct)).ToHttp();

    private static async Task<IResult> MarkAllRead(Actor actor, JalinDb db, TimeProvider clock, CancellationToken ct) =>
        (await Inbox.MarkAllReadAsync(db, actor, clock, ct)).ToHttp(n => TypedResults.Ok(new { marked = n }));
}
