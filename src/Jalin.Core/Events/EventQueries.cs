using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Events;

public sealed record InviteeView(Guid Id, InviteeKind Kind, string KindLabel, string Name, string? Institution, string? Email, Attendance Attendance,
    string AttendanceLabel, string? AttendedBy, DateTimeOffset? SentAt);

public sealed record MaterialView(Guid Id, string Title, string FileName, string ContentType, long FileSize, string? UploadedBy, DateTimeOffset CreatedAt);

public sealed record FollowUpView(Guid Id, Guid EventId, string EventTitle, string Title, string? OwnerUserId, string OwnerName, DateOnly DueDate, FollowUpStatus Status,
    string StatusLabel, bool Overdue, bool CanChange);

public sealed record EventActionView(EventAction Action, string Code, string Label, bool Allowed, string? Reason, bool NoteRequired, string Basis);

public sealed record EventLink(string Type, Guid Id, string Label, string Href);

public sealed record EventDetails(Guid Id, string RegionCode, string RegionName, EventKind Kind, string KindLabel, EventStatus Status, string StatusLabel, string Title,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string WhenText, string TimeZone, string? Place, string? OnlineLink, IReadOnlyList<string> Agenda,
    Guid? OrganizerAgencyId, string Organizer, IReadOnlyList<EventLink> Links, EventInput Fields, IReadOnlyList<InviteeView> Invitees, IReadOnlyList<MaterialView> Materials,
    string? MinutesPoints, string? MinutesDecisions, string? MinutesTakenBy, string? CancelReason, IReadOnlyList<FollowUpView> FollowUps, bool HasBeritaAcara,
    bool CanManage, bool IsInvited, IReadOnlyList<EventActionView> Actions, int Version, string CreatedBy, DateTimeOffset CreatedAt);

public static class GetEvent
{
    public static async Task<Result<EventDetails>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        var e = await db.Events.AsNoTracking().VisibleTo(actor).Include(x => x.Invitees).Include(x => x.Materials).Include(x => x.FollowUps).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return new NotFoundError("Kegiatan tidak ditemukan.");
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == e.RegionCode, ct);
        var manages = EventAccess.Manages(actor, e);
        var now = clock.GetUtcNow();
        var today = RegionTime.Today(e.RegionCode, clock);
        var actions = EventTable.Moves.Where(m => m.From.Contains(e.Status)).Select(m => (Move: m, Refusal: EventTable.Refusal(actor, e, m.Action, now)))
            .Select(x => new EventActionView(x.Move.Action, x.Move.Action.Code(), x.Move.Action.Label(), x.Refusal is null, x.Refusal, x.Move.NoteRequired, x.Move.Basis)).ToList();
        return new EventDetails(e.Id, e.RegionCode, region.FullName, e.Kind, e.Kind.Label(), e.Status, e.Status.Label(), e.Title, e.StartsAt, e.EndsAt,
            RegionTime.Range(e.RegionCode, e.StartsAt, e.EndsAt), RegionTime.ZoneOf(e.RegionCode).Label, e.Place, e.OnlineLink, e.AgendaItems.ToList(),
            e.OrganizerAgencyId, e.OrganizerAgencyName ?? "Bagian Kerja Sama " + region.FullName, await LinksAsync(db, actor, e, ct), EventInput.From(e),
            e.Invitees.OrderBy(i => i.Kind).ThenBy(i => i.Name).Select(i => new InviteeView(i.Id, i.Kind, i.Kind.Label(), i.Name, i.Institution,
                manages ? i.Email : null, i.Attendance, i.Attendance.Label(), i.AttendedBy, manages ? i.SentAt : null)).ToList(),
            e.Materials.OrderBy(m => m.CreatedAt).Select(m => new MaterialView(m.Id, m.Title, m.FileName, m.ContentType, m.FileSize, m.UploadedBy, m.CreatedAt)).ToList(),
            e.MinutesPoints, e.MinutesDecisions, e.MinutesTakenBy, e.CancelReason,
            e.FollowUps.OrderBy(f => f.DueDate).Select(f => ToView(f, e.Title, today, manages || f.OwnerUserId == actor.UserId)).ToList(),
            e.BeritaAcaraSha256 is not null, manages, EventAccess.IsInvited(actor, e), actions, e.Version, e.CreatedBy, e.CreatedAt);
    }

    internal static FollowUpView ToView(EventFollowUp f, string eventTitle, DateOnly today, bool canChange) =>
        new(f.Id, f.EventId, eventTitle, f.Title, f.OwnerUserId, f.OwnerName, f.DueDate, f.Status, f.Status.Label(), f.IsOverdue(today), canChange);

    /// <summary>What the event serves, each named only when the actor may open it.</summary>
    private static async Task<List<EventLink>> LinksAsync(JalinDb db, CurrentActor actor, CoordinationEvent e, CancellationToken ct)
    {
        var links = new List<EventLink>();
        if (e.ProposalId is { } pid && await Proposals.ProposalAccess.VisibleTo(db.Proposals.AsNoTracking(), actor).Where(p => p.Id == pid)
                .Select(p => new { p.Number, p.Title }).FirstOrDefaultAsync(ct) is { } p)
            links.Add(new("proposal", pid, $"Usulan {p.Number}: {p.Title}", $"/app/usulan/{pid}"));
        if (e.AgreementId is { } aid && await Agreements.AgreementAccess.VisibleTo(db.Agreements.AsNoTracking(), actor).Where(a => a.Id == aid)
                .Select(a => a.Title).FirstOrDefaultAsync(ct) is { } at)
            links.Add(new("agreement", aid, $"Kerja sama: {at}", $"/app/kerja-sama/{aid}"));
        if (e.MappingRoundId is { } mid && actor.RegionCode == e.RegionCode
            && await db.MappingRounds.AsNoTracking().Where(r => r.Id == mid).Select(r => r.Title).FirstOrDefaultAsync(ct) is { } mt)
            links.Add(new("mappingRound", mid, $"Putaran pemetaan: {mt}", $"/app/pemetaan/putaran/{mid}"));
        if (e.TkksdTeamId is { } tid && actor.RegionCode == e.RegionCode
            && await db.TkksdTeams.AsNoTracking().Where(t => t.Id == tid).Select(t => t.DecreeNumber).FirstOrDefaultAsync(ct) is { } sk)
            links.Add(new("tkksdTeam", tid, $"Tim TKKSD (SK {sk})", "/app/tkksd"));
        return links;
    }
}

public sealed record EventFilter
{
    public EventKind? Kind { get; init; }
    public EventStatus? Status { get; init; }
    public Guid? ProposalId { get; init; }
    public Guid? AgreementId { get; init; }
    public Guid? MappingRoundId { get; init; }
    public bool TkksdOnly { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record EventSummary(Guid Id, string RegionCode, EventKind Kind, string KindLabel, EventStatus Status, string StatusLabel, string Title,
    DateTimeOffset StartsAt, string WhenText, string? Place, bool Upcoming, bool Invited);

/// <summary>The events the actor sees: upcoming first (soonest first), then past ones (latest first).</summary>
public static class SearchEvents
{
    public static async Task<Result<Page<EventSummary>>> HandleAsync(JalinDb db, CurrentActor actor, EventFilter f, TimeProvider clock, CancellationToken ct = default)
    {
        if (f.Kind is { } k && !Enum.IsDefined(k)) return ValidationError.Of("kind", "Jenis kegiatan tidak dikenal.");
        if (f.Status is { } s && !Enum.IsDefined(s)) return ValidationError.Of("status", "Status kegiatan tidak dikenal.");
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var q = db.Events.AsNoTracking().VisibleTo(actor);
        if (f.Kind is { } kind) q = q.Where(e => e.Kind == kind);
        if (f.Status is { } status) q = q.Where(e => e.Status == status);
        if (f.ProposalId is { } p) q = q.Where(e => e.ProposalId == p);
        if (f.AgreementId is { } a) q = q.Where(e => e.AgreementId == a);
        if (f.MappingRoundId is { } m) q = q.Where(e => e.MappingRoundId == m);
        if (f.TkksdOnly) q = q.Where(e => e.Kind == EventKind.RapatTkksd || e.TkksdTeamId != null);
        var now = clock.GetUtcNow();
        var total = await q.CountAsync(ct);
        // Ordered in memory by instant (SQLite cannot order DateTimeOffset); a region holds a few hundred events a year.
        var rows = (await q.Include(e => e.Invitees).ToListAsync(ct))
            .OrderByDescending(e => e.EndsAt >= now && e.Status != EventStatus.Cancelled)
            .ThenBy(e => e.EndsAt >= now && e.Status != EventStatus.Cancelled ? e.StartsAt.UtcTicks : -e.StartsAt.UtcTicks)
            .Skip((page - 1) * size).Take(size).ToList();
        return new Page<EventSummary>(rows.Select(e => new EventSummary(e.Id, e.RegionCode, e.Kind, e.Kind.Label(), e.Status, e.Status.Label(), e.Title, e.StartsAt,
            RegionTime.Range(e.RegionCode, e.StartsAt, e.EndsAt), e.Place ?? (e.OnlineLink is null ? null : "Daring"), e.EndsAt >= now && e.Status != EventStatus.Cancelled,
            EventAccess.IsInvited(actor, e))).ToList(), page, size, total);
    }
}

/// <summary>"Tugas tindak lanjut saya": the follow-ups the actor owns, open ones first, overdue marked.</summary>
public static class MyFollowUps
{
    public static async Task<IReadOnlyList<FollowUpView>> HandleAsync(JalinDb db, CurrentActor actor, TimeProvider clock, bool openOnly = false, CancellationToken ct = default)
    {
        var q = db.EventFollowUps.AsNoTracking().Where(f => f.OwnerUserId == actor.UserId);
        if (openOnly) q = q.Where(f => f.Status == FollowUpStatus.Open);
        var rows = await q.Join(db.Events, f => f.EventId, e => e.Id, (f, e) => new { f, e.Title, e.RegionCode }).ToListAsync(ct);
        return rows.Select(r => GetEvent.ToView(r.f, r.Title, RegionTime.Today(r.RegionCode, clock), true))
            .OrderBy(v => v.Status).ThenBy(v => v.DueDate).ToList();
    }
}
