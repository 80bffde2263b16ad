using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
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

    public static async Task<ReminderRun> HandleAsync(Func<JalinDb> newDb, TimeProvider clock, CancellationToken ct = default)
    {
        var today = Wib.Today(clock);
        List<ReminderFacts> facts;
        List<(string Region, bool Foreign)> running;
        Dictionary<string, bool> provinces;
        await using (var db = newDb())
        {
            facts = await db.Agreements.AsNoTracking()
                .Where(a => a.Stage != Stage.Ended && ((a.Stage == Stage.Implementation && a.EndsOn != null) || a.DueOn != null))
                .Select(a => new ReminderFacts(a.Id, a.RegionCode, a.Kind, a.Stage, a.Title, a.EndsOn, a.DueOn, a.DueAction, a.DueLabel,
                    a.Parties.Where(p => p.RegionCode == a.RegionCode).Select(p => p.LeadAgencyId).FirstOrDefault()))
                .ToListAsync(ct);
            running = (await db.Agreements.AsNoTracking().Where(a => a.Stage == Stage.Implementation)
                    .Select(a => new { a.RegionCode, Foreign = a.Kind == CooperationKind.Ksdpl || a.Kind == CooperationKind.Ksdll }).Distinct().ToListAsync(ct))
                .Select(x => (x.RegionCode, x.Foreign)).ToList();
            var codes = running.Select(r => r.Region).Distinct().ToList();
            provinces = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code))
                .ToDictionaryAsync(r => r.Code, r => r.Level == Regions.RegionLevel.Province, ct);
        }

        var due = new List<DueReminder>();
        var regions = facts.Select(f => f.RegionCode).Concat(running.Select(r => r.Region)).Distinct().ToList();
        foreach (var region in regions)
        {
            ReminderSettings settings;
            WorkingDayCalendar calendar;
            await using (var db = newDb())
            {
                settings = await ReminderSettings.ForRegionAsync(db, region, ct);
                calendar = await LifecycleContexts.CalendarAsync(db, await LifecycleContexts.SettingsAsync(db, region, ct), region, ct);
            }
            foreach (var f in facts.Where(f => f.RegionCode == region)) due.AddRange(ReminderRules.ForAgreement(f, settings, today, calendar));
            due.AddRange(ReminderRules.UpwardReports(region, provinces.GetValueOrDefault(region),
                running.Any(r => r.Region == region && r.Foreign), running.Any(r => r.Region == region && !r.Foreign), settings, today, calendar));
        }

        // A region that recorded its annual report as sent hears no more of that year's January reminders.
        await using (var db = newDb())
        {
            var sent = (await db.UpwardReports.AsNoTracking().Where(r => r.Status == UpwardReports.UpwardReportStatus.Sent && r.Year >= today.Year - 1)
                .Select(r => new { r.RegionCode, r.Year }).Distinct().ToListAsync(ct)).Select(r => (r.RegionCode, r.Year)).ToHashSet();
            due.RemoveAll(r => r.AgreementId is null && r.Rule is ReminderRule.ForeignReport or ReminderRule.DomesticReport
                && sent.Contains((r.RegionCode, r.Deadline.Year - 1)));
        }

        var created = 0;
        foreach (var r in due)
        {
            await using var db = newDb();
            var result = await Notify.SendAsync(db, CurrentActor.System, Message(r), RecipientsOf(r), clock, ct: ct);
            if (result.Ok) created += result.Value;
        }
        return new ReminderRun(due.Count, created);
    }

    public static NotificationMessage Message(DueReminder r) => r.AgreementId is { } id
        ? new(NotificationKind.Reminder, r.Title, $"{r.Body} Dasar: {r.Basis}.", AgreementNotifications.Link(id), NotificationSubjects.Agreement, id.ToString(), r.DedupeKey)
        : new(NotificationKind.Reminder, r.Title, $"{r.Body} Dasar: {r.Basis}.", "/app", RegionSubject, r.RegionCode, r.DedupeKey);

    public static Recipients RecipientsOf(DueReminder r)
    {
        var to = Recipients.RoleIn(r.RegionCode, Role.CooperationOfficer);
        if (r.Audience.HasFlag(ReminderAudience.LeadAgency) && r.LeadAgencyId is { } agency) to = to.And(Recipients.Agency(agency));
        if (r.Audience.HasFlag(ReminderAudience.Leader)) to = to.And(Recipients.RoleIn(r.RegionCode, Role.Leader));
        return to;
    }
}
