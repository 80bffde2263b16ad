using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Agreements;

public sealed record CountBy(string Key, string Label, int Count);

public sealed record WaitingItem(Guid Id, string Title, string StageLabel, IReadOnlyList<string> Actions, DateOnly? DueOn, string? DueLabel);

public sealed record DashboardView(int Total, int Active, IReadOnlyList<CountBy> ByStage, IReadOnlyList<CountBy> ByKind,
    IReadOnlyList<AgreementSummary> EndingSoon, IReadOnlyList<WaitingItem> WaitingForMe);

/// <summary>The back office's first page: per stage and kind, ending within 90 days, waiting for my action.</summary>
public static class Dashboard
{
    public static async Task<Result<DashboardView>> HandleAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role == Role.SystemAdmin) return new ForbiddenError("Administrator sistem tidak membuka isi kerja sama.");
        var q = db.Agreements.AsNoTracking().VisibleTo(actor);
        var byStage = await q.GroupBy(a => a.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byKind = await q.GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var ending = await SearchAgreements.HandleAsync(db, actor, new AgreementFilter { EndingWithinDays = 90, Sort = "endsOn", PageSize = 20 }, clock, ct);

        var waiting = new List<WaitingItem>();
        if (actor.RegionCode is { } region && actor.Role is not (Role.PartnerUser or Role.Auditor or Role.SupervisorNational or Role.SupervisorProvince))
        {
            var candidates = await db.Agreements.VisibleTo(actor).AsNoTracking().Where(a => a.RegionCode == region && a.Stage != Stage.Ended)
                .Include(a => a.Parties).Include(a => a.Documents).AsSplitQuery().OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).Take(300).ToListAsync(ct);
            var settings = await LifecycleContexts.SettingsAsync(db, region, ct);
            var calendar = await LifecycleContexts.CalendarAsync(db, settings, region, ct);
            var today = Wib.Today(clock);
            foreach (var a in candidates)
            {
                var options = LifecycleEngine.Options(actor.Role, new LifecycleContext(a, settings, today, calendar))
                    .Where(o => o.Allowed && !ActionCode.AddNote.Is(o.Action) && !ActionCode.Terminate.Is(o.Action)).Select(o => o.Label).ToList();
                if (options.Count > 0) waiting.Add(new WaitingItem(a.Id, a.Title, a.Stage.Label(), options, a.DueOn, a.DueLabel));
                if (waiting.Count >= 20) break;
            }
        }
        return new DashboardView(byStage.Sum(s => s.Count), byStage.Where(s => s.Key != Stage.Ended).Sum(s => s.Count),
            byStage.OrderBy(s => s.Key).Select(s => new CountBy(s.Key.ToString(), s.Key.Label(), s.Count)).ToList(),
            byKind.OrderBy(s => s.Key).Select(s => new CountBy(s.Key.ToString(), s.Key.ShortLabel(), s.Count)).ToList(),
            ending.Ok ? ending.Value!.Items : [], waiting);
    }
}
