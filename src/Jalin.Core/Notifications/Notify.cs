using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Notifications;

/// <summary>What to tell: the same message goes to every recipient. <see cref="DedupeKey"/> names the
/// event (a history row's id, a comment's id) so that a retried call sends nothing twice.</summary>
public sealed record NotificationMessage(NotificationKind Kind, string Title, string? Body, string? Link, string SubjectType, string SubjectId, string DedupeKey = "");

/// <summary>Who receives it: users by id, the users of a role in a region ("the cooperation officers of
/// Kabupaten Garut"), or the users of an agency (OPD). Rules combine with <see cref="And"/>; each is
/// resolved to the active users it names when the notification is created.</summary>
public sealed record Recipients(IReadOnlyList<Recipients.Rule> Rules)
{
    public sealed record Rule(IReadOnlyList<string>? UserIds = null, string? RegionCode = null, Role? Role = null, Guid? AgencyId = null);

    public static Recipients Users(params IEnumerable<string> userIds) => new([new Rule(UserIds: userIds.ToList())]);
    public static Recipients RoleIn(string regionCode, Role role) => new([new Rule(RegionCode: regionCode, Role: role)]);
    /// <summary>The OPD's users (role <see cref="Role.AgencyUser"/> of that agency).</summary>
    public static Recipients Agency(Guid agencyId) => new([new Rule(AgencyId: agencyId)]);
    public static readonly Recipients None = new([]);

    public Recipients And(Recipients other) => new([.. Rules, .. other.Rules]);

    internal async Task<List<ApplicationUser>> ResolveAsync(JalinDb db, CancellationToken ct)
    {
        var found = new Dictionary<string, ApplicationUser>();
        foreach (var rule in Rules)
        {
            var q = db.Users.AsNoTracking().Where(u => u.IsActive);
            if (rule.UserIds is { } ids) { var list = ids.ToList(); q = q.Where(u => list.Contains(u.Id)); }
            if (rule.RegionCode is { } region) q = q.Where(u => u.RegionCode == region);
            if (rule.Role is { } role) q = q.Where(u => u.Role == role);
            if (rule.AgencyId is { } agency) q = q.Where(u => u.AgencyId == agency && u.Role == Role.AgencyUser);
            if (rule.UserIds is null && rule.RegionCode is null && rule.Role is null && rule.AgencyId is null) continue;
            foreach (var u in await q.ToListAsync(ct)) found.TryAdd(u.Id, u);
        }
        return found.Values.ToList();
    }
}

/// <summary>Creates notifications: the one entry point every slice calls after its own change is saved.
/// <list type="bullet">
/// <item>Resolves <see cref="Recipients"/> to active users now and stores one row per user.</item>
/// <item>Never notifies the actor about their own action.</item>
/// <item>Boundaries: for an <see cref="NotificationSubjects.Agreement"/> subject a user who cannot see the
/// agreement (<see cref="AgreementAccess.VisibleTo"/>) gets no row; <paramref name="canSee"/> narrows further
/// (an internal document, a draft only the owner reads). Other subjects must pass <paramref name="canSee"/>.</item>
/// <item>Idempotent per (subject, kind, recipient, dedupe key): a retry creates nothing new.</item>
/// </list>
/// Returns the number of rows created.</summary>
public static class Notify
{
    public static Task<Result<int>> ToUsers(JalinDb db, CurrentActor actor, NotificationMessage message, IEnumerable<string> userIds, TimeProvider clock,
        Func<CurrentActor, bool>? canSee = null, CancellationToken ct = default) =>
        SendAsync(db, actor, message, Recipients.Users(userIds), clock, canSee, ct);

    public static Task<Result<int>> ToRole(JalinDb db, CurrentActor actor, NotificationMessage message, string regionCode, Role role, TimeProvider clock,
        Func<CurrentActor, bool>? canSee = null, CancellationToken ct = default) =>
        SendAsync(db, actor, message, Recipients.RoleIn(regionCode, role), clock, canSee, ct);

    public static Task<Result<int>> ToAgency(JalinDb db, CurrentActor actor, NotificationMessage message, Guid agencyId, TimeProvider clock,
        Func<CurrentActor, bool>? canSee = null, CancellationToken ct = default) =>
        SendAsync(db, actor, message, Recipients.Agency(agencyId), clock, canSee, ct);

    public static async Task<Result<int>> SendAsync(JalinDb db, CurrentActor actor, NotificationMessage message, Recipients recipients, TimeProvider clock,
        Func<CurrentActor, bool>? canSee = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(message.Title)) return ValidationError.Of("title", "Judul pemberitahuan wajib diisi.");
        if (message.Link is { } link && (!link.StartsWith('/') || link.StartsWith("//")))
            return ValidationError.Of("link", "Tautan pemberitahuan harus alamat di dalam Jalin (diawali \"/\").");
        var users = (await recipients.ResolveAsync(db, ct)).Where(u => u.Id != actor.UserId).ToList();
        if (users.Count == 0) return 0;

        Agreement? agreement = null;
        if (message.SubjectType == NotificationSubjects.Agreement && Guid.TryParse(message.SubjectId, out var agreementId))
        {
            agreement = await db.Agreements.AsNoTracking().Include(a => a.Parties).FirstOrDefaultAsync(a => a.Id == agreementId, ct);
            if (agreement is null) return 0;
        }
        var actors = users.Select(u => u.ToActor())
            .Where(r => agreement is null || Sees(r, agreement))
            .Where(r => canSee is null || canSee(r))
            .ToList();
        if (actors.Count == 0) return 0;

        // Rows go in recipient order, so two concurrent senders of the same message lock the unique index in the same
        // order (one waits for the other, then finds its rows there) instead of deadlocking.
        actors = actors.OrderBy(a => a.UserId, StringComparer.Ordinal).ToList();
        var ids = actors.Select(a => a.UserId).ToList();
        var byId = users.ToDictionary(u => u.Id);
        for (var attempt = 1; ; attempt++)
        {
            var already = await db.Set<Notification>().AsNoTracking()
                .Where(n => ids.Contains(n.RecipientUserId) && n.SubjectType == message.SubjectType && n.SubjectId == message.SubjectId
                    && n.Kind == message.Kind && n.DedupeKey == message.DedupeKey)
                .Select(n => n.RecipientUserId).ToListAsync(ct);
            var now = clock.GetUtcNow();
            var rows = actors.Where(a => !already.Contains(a.UserId)).Select(a => new Notification
            {
                RecipientUserId = a.UserId, Kind = message.Kind, Title = Cut(message.Title.Trim(), 300), Body = message.Body is null ? null : Cut(message.Body.Trim(), 1000),
                Link = message.Link, SubjectType = message.SubjectType, SubjectId = message.SubjectId, DedupeKey = message.DedupeKey,
                ActorName = actor.Role == Role.System ? null : actor.FullName, CreatedAt = now,
            }).ToList();
            if (rows.Count == 0) return 0;
            db.Set<Notification>().AddRange(rows);
            // The e-mail copy is stored with the notification (the outbox sends it later, nothing lost when mail is down).
            foreach (var row in rows)
                if (Mail.MailOutbox.ForNotification(row, byId[row.RecipientUserId]) is { } mail) Mail.MailOutbox.Add(db, mail, now);
            try
            {
                await db.SaveChangesAsync(ct);
                return rows.Count;
            }
            catch (Exception e) when (e is DbUpdateException || e.InnerException is DbUpdateException)
            {
                // A concurrent sender stored some of the same rows first (the unique index), or the database chose this
                // save as a deadlock's victim (rolled back whole): forget this attempt and store what is still missing.
                foreach (var r in rows) db.Entry(r).State = EntityState.Detached;
                foreach (var m in db.ChangeTracker.Entries<Mail.OutboxMessage>().Where(x => x.State == EntityState.Added).ToList()) m.State = EntityState.Detached;
                if (attempt == 3) throw;
            }
        }
    }

    /// <summary>Whether the recipient sees the agreement, by the same rule every agreement query uses.</summary>
    public static bool Sees(CurrentActor recipient, Agreement agreement) =>
        recipient.Role != Role.SystemAdmin && new[] { agreement }.AsQueryable().VisibleTo(recipient).Any();

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
