using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Events;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Notifications;
using EventStatus = Jalin.Core.Events.EventStatus;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Reminders;

/// <summary>The personal calendar (RFC 5545, built with Ical.Net) behind a feed token: the end dates of the agreements
/// the user sees (<see cref="AgreementAccess.VisibleTo"/>), their stages' due dates, the reminder days of the expiry
/// ladder and the foreign extension deadline, the progress report due dates still ahead, and the coordination events the user is invited to. Nothing else.</summary>
public static class CalendarFeedIcs
{
    public const int MaxAgreements = 2000;

    public static async Task<Result<string>> ForTokenAsync(JalinDb db, string token, TimeProvider clock, CancellationToken ct = default)
    {
        var actor = await CalendarFeeds.OwnerAsync(db, token, ct);
        if (actor is null) return new NotFoundError("Alamat kalender tidak dikenal atau sudah dicabut.");
        return await ForActorAsync(db, actor, clock, ct);
    }

    public static async Task<string> ForActorAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        var today = Wib.Today(clock);
        var calendar = new Calendar { ProductId = "-//Jalin//Kalender Kerja Sama Daerah//ID" };
        calendar.AddProperty("X-WR-CALNAME", "Jalin — " + actor.FullName);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Jakarta");

        var agreements = await db.Agreements.AsNoTracking().VisibleTo(actor)
            .Where(a => a.Stage != Stage.Ended && (a.EndsOn != null || a.DueOn != null))
            .OrderBy(a => a.EndsOn).Take(MaxAgreements)
            .Select(a => new { a.Id, a.Title, a.RegionCode, a.Kind, a.Stage, a.EndsOn, a.DueOn, a.DueAction, a.DueLabel, Start = a.StartsOn ?? a.SignedOn })
            .ToListAsync(ct);
        var settings = new Dictionary<string, ReminderSettings>();
        var running = agreements.Where(a => a.Stage == Stage.Implementation && a.Start != null).Select(a => a.Id).ToList();
        var plans = await db.MonitoringPlans.AsNoTracking().Where(p => running.Contains(p.AgreementId)).ToDictionaryAsync(p => p.AgreementId, p => p.Period, ct);
        var reportContexts = new Dictionary<string, (WorkingDayCalendar Calendar, int Days)>();
        foreach (var a in agreements)
        {
            var link = AgreementNotifications.Link(a.Id);
            if (a.EndsOn is { } end)
            {
                calendar.Events.Add(AllDay($"berakhir-{a.Id:N}-{end:yyyyMMdd}", end, $"Berakhir: {a.Title}", $"Jangka waktu kerja sama berakhir. {link}"));
                if (a.Stage == Stage.Implementation)
                {
                    if (!settings.TryGetValue(a.RegionCode, out var s)) settings[a.RegionCode] = s = await ReminderSettings.ForRegionAsync(db, a.RegionCode, ct);
                    foreach (var step in ReminderRules.ExpiryLadder(end, s.ExpiryLadderDays).Where(x => x.On >= today && x.On < end))
                        calendar.Events.Add(AllDay($"pengingat-{a.Id:N}-{end:yyyyMMdd}-{step.Step}", step.On, $"Pengingat ({step.Text}): {a.Title}",
                            $"Tanggal berakhir {end:dd/MM/yyyy}. Jarak pengingat: pengaturan daerah. {link}"));
                    if (a.Kind is CooperationKind.Ksdpl or CooperationKind.Ksdll)
                    {
                        var deadline = ReminderRules.ForeignExtensionDeadline(end);
                        calendar.Events.Add(AllDay($"perpanjangan-{a.Id:N}-{deadline:yyyyMMdd}", deadline, $"Batas pengajuan perpanjangan: {a.Title}",
                            $"Permohonan perpanjangan paling lambat 6 bulan sebelum berakhir (Permendagri 25/2020 Pasal 33). {link}"));
                    }
                }
            }
            // The progress report due dates still ahead (the region's setting, praktik daerah).
            if (a.Stage == Stage.Implementation && a.Start is { } start)
            {
                if (!reportContexts.TryGetValue(a.RegionCode, out var rc))
                    reportContexts[a.RegionCode] = rc = (await LifecycleContexts.CalendarAsync(db, await LifecycleContexts.SettingsAsync(db, a.RegionCode, ct), a.RegionCode, ct),
                        await Monitoring.ReportingPeriods.DueWorkingDaysAsync(db, a.RegionCode, ct));
                var kind = plans.GetValueOrDefault(a.Id, Monitoring.ReportPeriod.Quarterly);
                foreach (var p in Monitoring.ReportingPeriods.Compute(start, a.EndsOn, kind, rc.Calendar, rc.Days, today).Where(p => p.DueOn >= today))
                    calendar.Events.Add(AllDay($"laporan-kemajuan-{a.Id:N}-{p.Number}", p.DueOn, $"Laporan kemajuan {kind.Label().ToLowerInvariant()} {p.Number} jatuh tempo: {a.Title}",
                        $"Laporan kemajuan periode {p.Start:dd/MM/yyyy} – {p.End:dd/MM/yyyy}, {rc.Days} hari kerja setelah periode berakhir (pengaturan daerah). /app/laporan-kemajuan"));
            }
            if (a.DueOn is { } due && !ActionCode.Expire.Is(a.DueAction))
                calendar.Events.Add(AllDay($"tenggat-{a.Id:N}-{due:yyyyMMdd}", due, $"{a.DueLabel?.Split(':')[0] ?? "Tenggat tahap"}: {a.Title}",
                    $"{a.DueLabel} (tahap {a.Stage.Label()}). {link}"));
        }

        // Coordination events the user is invited to (as a person, through the role in the region, or through the OPD).
        var user = actor.UserId;
        var region = actor.RegionCode;
        var agency = actor.AgencyId;
        var role = actor.Role;
        var events = await db.Events.AsNoTracking().VisibleTo(actor)
            .Where(e => e.Status != EventStatus.Planned && e.Invitees.Any(i => (i.Kind == InviteeKind.User && i.UserId == user)
                || (i.Kind == InviteeKind.Role && i.InviteeRegionCode == region && i.Role == role)
                || (i.Kind == InviteeKind.Agency && agency != null && i.AgencyId == agency && role == Role.AgencyUser)))
            .OrderByDescending(e => e.StartsAt).Take(500).ToListAsync(ct);
        foreach (var e in events)
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{e.Id}@jalin",
                Summary = $"{e.Kind.Label()}: {e.Title}",
                Start = new CalDateTime(e.StartsAt.UtcDateTime, "UTC"),
                End = new CalDateTime(e.EndsAt.UtcDateTime, "UTC"),
                Location = string.Join(" — ", new[] { e.Place, e.OnlineLink }.Where(x => !string.IsNullOrWhiteSpace(x))),
                Status = e.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
                Sequence = e.Version,
            });
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent AllDay(string uid, DateOnly day, string summary, string description) => new()
    {
        Uid = uid + "@jalin",
        Summary = summary,
        Description = description,
        Start = new CalDateTime(day.Year, day.Month, day.Day),
        End = new CalDateTime(day.AddDays(1).Year, day.AddDays(1).Month, day.AddDays(1).Day),
        Transparency = "TRANSPARENT",
    };
}
