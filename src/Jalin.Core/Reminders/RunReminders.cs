using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Reminders;

/// <summary>What one pass of the reminder job did.</summary>
public sealed record ReminderRun(int Reminders, int NotificationsCreated);

/// <summary>The reminder job: computes every reminder due today (<see cref="ReminderRules"/>) from the data and the
/// region's settings and calendar, and sends each through <see cref="Notify"/> (in-app and the e-mail copy in the
/// outbox). Safe to run from several app instances at once: a reminder's rows are unique per (subject, kind,
/// recipient, dedupe key), so a second pass, concurrent or later, creates nothing.</summary>
public static class RunReminders
{
    public const string RegionSubject = "Region";

    /// <summary>Agreements read per batch (keyset-paged on the id, projected, untracked): a million agreements never sit in memory at once.</summary>
    public const int BatchSize = 5000;

    public static async Task<ReminderRun> HandleAsync(Func<JalinDb> newDb, TimeProvider clock, CancellationToken ct = default)
    {
        var reminders = 0;
        var created = 0;
        await ComputeAsync(newDb, clock, async (batch, token) =>
        {
            foreach (var r in batch)
            {
                reminders++;
                await using var db = newDb();
                var result = await Notify.SendAsync(db, CurrentActor.System, Message(r), RecipientsOf(r), clock, ct: token);
                if (result.Ok) created += result.Value;
            }
        }, ct);
        return new ReminderRun(reminders, created);
    }

    private sealed record RegionContext(ReminderSettings Settings, WorkingDayCalendar Calendar, int ReportDueWorkingDays);

    private sealed record Row(Guid Id, string RegionCode, CooperationKind Kind, Stage Stage, string Title, DateOnly? EndsOn, DateOnly? DueOn,
        string? DueAction, string? DueLabel, DateOnly? StartsOn, Guid? LeadAgencyId);

    /// <summary>Computes every reminder due today without sending: agreements are read in keyset-paged batches of
    /// <see cref="BatchSize"/>, each region's settings and calendar once, and each batch's reminders handed to
    /// <paramref name="sink"/> before the next batch is read.</summary>
    public static async Task ComputeAsync(Func<JalinDb> newDb, TimeProvider clock, Func<IReadOnlyList<DueReminder>, CancellationToken, Task> sink, CancellationToken ct = default)
    {
        var today = Wib.Today(clock);
        var contexts = new Dictionary<string, RegionContext>();
        async Task<RegionContext> ContextOf(string region)
        {
            if (contexts.TryGetValue(region, out var c)) return c;
            await using var db = newDb();
            c = new RegionContext(await ReminderSettings.ForRegionAsync(db, region, ct),
                await LifecycleContexts.CalendarAsync(db, await LifecycleContexts.SettingsAsync(db, region, ct), region, ct),
                await ReportingPeriods.DueWorkingDaysAsync(db, region, ct));
            contexts[region] = c;
            return c;
        }

        Guid? last = null;
        while (true)
        {
            List<Row> rows;
            Dictionary<Guid, ReportPeriod> plans;
            ILookup<Guid, (ReportPeriod Period, int Number)> submitted;
            await using (var db = newDb())
            {
                var q = db.Agreements.AsNoTracking()
                    .Where(a => a.Stage != Stage.Ended && ((a.Stage == Stage.Implementation && (a.EndsOn != null || a.StartsOn != null || a.SignedOn != null)) || a.DueOn != null));
                if (last is { } l) q = q.Where(a => a.Id > l);
                rows = await q.OrderBy(a => a.Id).Take(BatchSize)
                    .Select(a => new Row(a.Id, a.RegionCode, a.Kind, a.Stage, a.Title, a.EndsOn, a.DueOn, a.DueAction, a.DueLabel, a.StartsOn ?? a.SignedOn,
                        a.Parties.Where(p => p.RegionCode == a.RegionCode).OrderBy(p => p.Order).Select(p => p.LeadAgencyId).FirstOrDefault()))
                    .ToListAsync(ct);
                if (rows.Count == 0) break;
                var ids = rows.Where(r => r.Stage == Stage.Implementation && r.StartsOn != null).Select(r => r.Id).ToList();
                plans = ids.Count == 0 ? [] : await db.MonitoringPlans.AsNoTracking().Where(p => ids.Contains(p.AgreementId)).ToDictionaryAsync(p => p.AgreementId, p => p.Period, ct);
                submitted = ids.Count == 0 ? Array.Empty<(Guid, ReportPeriod, int)>().ToLookup(x => x.Item1, x => (x.Item2, x.Item3))
                    : (await db.ProgressReports.AsNoTracking()
                        .Where(r => ids.Contains(r.AgreementId) && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Resubmitted || r.Status == ReportStatus.Accepted))
                        .Select(r => new { r.AgreementId, r.Period, r.PeriodNumber }).ToListAsync(ct))
                        .ToLookup(r => r.AgreementId, r => (r.Period, r.PeriodNumber));
            }
            last = rows[^1].Id;
            var due = new List<DueReminder>();
            foreach (var r in rows)
            {
                var c = await ContextOf(r.RegionCode);
                var f = new ReminderFacts(r.Id, r.RegionCode, r.Kind, r.Stage, r.Title, r.EndsOn, r.DueOn, r.DueAction, r.DueLabel, r.LeadAgencyId);
                due.AddRange(ReminderRules.ForAgreement(f, c.Settings, today, c.Calendar));
                if (r.Stage == Stage.Implementation && r.StartsOn is not null)
                {
                    var period = plans.GetValueOrDefault(r.Id, ReportPeriod.Quarterly);
                    var done = submitted[r.Id].Where(x => x.Period == period).Select(x => x.Number).ToHashSet();
                    if (ProgressReportReminders.For(f, new ProgressFacts(r.StartsOn, period, done), c.ReportDueWorkingDays, today, c.Calendar) is { } p) due.Add(p);
                }
            }
            if (due.Count > 0) await sink(due, ct);
            if (rows.Count < BatchSize) break;
        }

        // The January reports a region owes upward: one row per region and kind of what it carries out.
        List<(string Region, bool Foreign)> running;
        Dictionary<string, bool> provinces;
        await using (var db = newDb())
        {
            running = (await db.Agreements.AsNoTracking().Where(a => a.Stage == Stage.Implementation)
                    .Select(a => new { a.RegionCode, Foreign = a.Kind == CooperationKind.Ksdpl || a.Kind == CooperationKind.Ksdll }).Distinct().ToListAsync(ct))
                .Select(x => (x.RegionCode, x.Foreign)).ToList();
            var codes = running.Select(r => r.Region).Distinct().ToList();
            provinces = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code))
                .ToDictionaryAsync(r => r.Code, r => r.Level == Regions.RegionLevel.Province, ct);
        }
        var upward = new List<DueReminder>();
        foreach (var region in running.Select(r => r.Region).Distinct().Order(StringComparer.Ordinal))
        {
            var c = await ContextOf(region);
            upward.AddRange(ReminderRules.UpwardReports(region, provinces.GetValueOrDefault(region),
                running.Any(r => r.Region == region && r.Foreign), running.Any(r => r.Region == region && !r.Foreign), c.Settings, today, c.Calendar));
        }
        // A region that recorded its annual report as sent hears no more of that year's January reminders.
        if (upward.Count > 0)
        {
            await using var db = newDb();
            var sent = (await db.UpwardReports.AsNoTracking().Where(r => r.Status == UpwardReports.UpwardReportStatus.Sent && r.Year >= today.Year - 1)
                .Select(r => new { r.RegionCode, r.Year }).Distinct().ToListAsync(ct)).Select(r => (r.RegionCode, r.Year)).ToHashSet();
            upward.RemoveAll(r => r.AgreementId is null && r.Rule is ReminderRule.ForeignReport or ReminderRule.DomesticReport
                && sent.Contains((r.RegionCode, r.Deadline.Year - 1)));
        }
        if (upward.Count > 0) await sink(upward, ct);
    }

    public static NotificationMessage Message(DueReminder r) => r.AgreementId is { } id
        ? new(NotificationKind.Reminder, r.Title, $"{r.Body} Dasar: {r.Basis}.", r.Rule == ReminderRule.ProgressReport ? ProgressReportReminders.Link : AgreementNotifications.Link(id), NotificationSubjects.Agreement, id.ToString(), r.DedupeKey)
        : new(NotificationKind.Reminder, r.Title, $"{r.Body} Dasar: {r.Basis}.", "/app", RegionSubject, r.RegionCode, r.DedupeKey);

    public static Recipients RecipientsOf(DueReminder r)
    {
        var to = r.Audience.HasFlag(ReminderAudience.Officers) ? Recipients.RoleIn(r.RegionCode, Role.CooperationOfficer) : Recipients.None;
        if (r.Audience.HasFlag(ReminderAudience.LeadAgency) && r.LeadAgencyId is { } agency) to = to.And(Recipients.Agency(agency));
        if (r.Audience.HasFlag(ReminderAudience.Leader)) to = to.And(Recipients.RoleIn(r.RegionCode, Role.Leader));
        return to;
    }
}
