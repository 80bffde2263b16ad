using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Identity;
using Jalin.Core.Notifications;
using Jalin.Core.Reminders;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Reminders;

/// <summary>The reminder job on a real SQLite database with real migrations: each step reaches each recipient once
/// (officers, the lead OPD, the leader in the last 30 days), a second pass the same day sends nothing, and the
/// region's settings are validated in Indonesian with nothing stored.</summary>
public sealed class RunRemindersTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private TestDb _db = null!;
    private Scenario _s = null!;
    private Guid _agency;
    private CurrentActor _opd = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
        await using var db = _db.NewDb();
        var agency = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup", ShortName = "DLH", HeadTitle = "Kepala Dinas" };
        db.Agencies.Add(agency);
        _agency = agency.Id;
        _opd = new CurrentActor("opd-cimahi", "opd.cimahi", "OPD DLH Cimahi", Role.AgencyUser, Actors.Cimahi, AgencyId: _agency);
        foreach (var a in new[] { Actors.Officer, Actors.Leader, Actors.PartyOfficer, Actors.Stranger, _opd })
            db.Users.Add(new ApplicationUser
            {
                Id = a.UserId, UserName = a.UserName, NormalizedUserName = a.UserName.ToUpperInvariant(), FullName = a.FullName, Role = a.Role,
                RegionCode = a.RegionCode, AgencyId = a.AgencyId, IsActive = true, Email = a.UserName + "@contoh.go.id",
            });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<List<Notification>> RemindersOf(CurrentActor who)
    {
        await using var db = _db.NewDb();
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == who.UserId && n.Kind == NotificationKind.Reminder).ToListAsync();
    }

    [Fact]
    public async Task Every_ladder_step_reaches_each_recipient_exactly_once_and_a_second_pass_sends_nothing()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd() with { LeadAgencyId = _agency, EndsOn = new DateOnly(2027, 3, 31) });
        await using (var db = _db.NewDb())
        {
            var a = await db.Agreements.SingleAsync(x => x.Id == id);
            a.RestoreStage(Jalin.Core.Lifecycle.Stage.Implementation, null);
            await db.SaveChangesAsync();
        }
        var passes = 0;
        for (var day = new DateOnly(2026, 9, 25); day <= new DateOnly(2027, 4, 2); day = day.AddDays(1))
        {
            _clock.SetDay(day);
            await RunReminders.HandleAsync(_db.NewDb, _clock);
            passes++;
            if (day == new DateOnly(2027, 3, 1)) Assert.Equal(0, (await RunReminders.HandleAsync(_db.NewDb, _clock)).NotificationsCreated);
        }
        // Only the expiry ladder here (the agreement also owes progress reports: ProgressReport rule, tested below).
        var officer = (await RemindersOf(Actors.Officer)).Where(n => n.SubjectId == id.ToString() && n.DedupeKey.StartsWith("pengingat:berakhir:")).ToList();
        Assert.Equal(["180h", "90h", "60h", "30h", "7h", "0h"], officer.OrderBy(n => n.CreatedAt).Select(n => n.DedupeKey.Split(':')[^1]));
        Assert.All(officer, n => Assert.StartsWith("pengingat:berakhir:2027-03-31:", n.DedupeKey));
        Assert.Equal(6, (await RemindersOf(_opd)).Count(n => n.SubjectId == id.ToString() && n.DedupeKey.StartsWith("pengingat:berakhir:")));
        Assert.Equal(["30h", "7h", "0h"], (await RemindersOf(Actors.Leader)).Where(n => n.SubjectId == id.ToString() && n.DedupeKey.StartsWith("pengingat:berakhir:")).OrderBy(n => n.CreatedAt).Select(n => n.DedupeKey.Split(':')[^1]));
        Assert.Empty(await RemindersOf(Actors.Stranger));              // another region's officer never hears of it
        await using (var db = _db.NewDb())
        {
            // The e-mail copy of each reminder is in the outbox once per recipient with an address.
            var mails = await db.MailOutbox.AsNoTracking().Where(m => m.Link == AgreementNotifications.Link(id)).ToListAsync();
            Assert.Equal(6 + 6 + 3, mails.Count(m => m.Subject.Contains("berakhir")));
        }
    }

    [Fact]
    public async Task An_ended_agreement_gets_no_reminder()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd() with { LeadAgencyId = _agency, EndsOn = new DateOnly(2026, 12, 31) });
        await using (var db = _db.NewDb())
        {
            (await db.Agreements.SingleAsync(x => x.Id == id)).RestoreStage(Jalin.Core.Lifecycle.Stage.Ended, Jalin.Core.Lifecycle.EndReason.GoalAchieved);
            await db.SaveChangesAsync();
        }
        _clock.SetDay(new DateOnly(2026, 12, 1));
        await RunReminders.HandleAsync(_db.NewDb, _clock);
        Assert.DoesNotContain(await RemindersOf(Actors.Officer), n => n.SubjectId == id.ToString());
    }

    [Fact]
    public async Task Settings_refuse_bad_input_in_Indonesian_store_nothing_and_only_the_officer_changes_them()
    {
        await using var db = _db.NewDb();
        var bad = await RegionReminderSettings.SetAsync(db, Actors.Officer, new ReminderSettingsInput([30, 30], 0, 32));
        var e = Assert.IsType<ValidationError>(bad.Error);
        Assert.Contains("berulang", e.Fields["expiryLadderDays"][0]);
        Assert.Contains("bulan", e.Fields["kbWithoutPksMonths"][0]);
        Assert.Contains("Januari", e.Fields["domesticReportJanuaryDay"][0]);
        Assert.False(await db.RegionSettings.AnyAsync(s => s.Key.StartsWith("reminders.")));
        Assert.IsType<ValidationError>((await RegionReminderSettings.SetAsync(db, Actors.Officer, new ReminderSettingsInput(null, null, null))).Error);
        Assert.IsType<ForbiddenError>((await RegionReminderSettings.SetAsync(db, Actors.Leader, new ReminderSettingsInput([60], null, null))).Error);

        var ok = await RegionReminderSettings.SetAsync(db, Actors.Officer, new ReminderSettingsInput([7, 60, 0], 4, null));
        Assert.True(ok.Ok);
        Assert.Equal([60, 7, 0], ok.Value!.ExpiryLadderDays);
        Assert.True(ok.Value.LadderIsRegion && ok.Value.MonthsIsRegion && !ok.Value.ReportDayIsRegion);
        var read = await RegionReminderSettings.GetAsync(db, Actors.Leader);
        Assert.Equal((4, false), (read.Value!.KbWithoutPksMonths, read.Value.CanEdit));
        var back = await RegionReminderSettings.SetAsync(db, Actors.Officer, new ReminderSettingsInput([], null, null));
        Assert.Equal(ReminderSettings.Default.ExpiryLadderDays, back.Value!.ExpiryLadderDays);
    }

    [Fact]
    public async Task A_KB_signed_more_than_the_region_months_ago_without_a_signed_PKS_is_flagged_PP_28_2018_Pasal_6_ayat_1()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd("KB tanpa PKS") with { LeadAgencyId = _agency });
        await _s.AddDocAsync(id, DocumentKind.KesepakatanBersama, signed: true);      // signed 24 Nov 2026
        await using var db = _db.NewDb();
        _clock.SetDay(new DateOnly(2027, 5, 20));
        Assert.DoesNotContain((await KbWithoutPks.HandleAsync(db, Actors.Officer, _clock)).Value!.Items, i => i.AgreementId == id);
        _clock.SetDay(new DateOnly(2027, 5, 25));
        var flagged = Assert.Single((await KbWithoutPks.HandleAsync(db, Actors.Officer, _clock)).Value!.Items, i => i.AgreementId == id);
        Assert.Equal(6, flagged.MonthsSince);
        Assert.DoesNotContain((await KbWithoutPks.HandleAsync(db, Actors.Stranger, _clock)).Value!.Items, i => i.AgreementId == id);
        await _s.AddDocAsync(id, DocumentKind.PerjanjianKerjaSama, signed: true);
        Assert.DoesNotContain((await KbWithoutPks.HandleAsync(db, Actors.Officer, _clock)).Value!.Items, i => i.AgreementId == id);
    }

    [Fact]
    public async Task A_missing_progress_report_reminds_the_OPD_before_and_the_officers_after_its_due_date_once_each_and_stops_once_submitted()
    {
        // Quarterly periods from 18 Sep 2026: the first ends 17 Dec 2026; due 10 working days later (the region's setting, praktik daerah).
        var id = await _s.RegisterAsync(Scenario.Ksdd() with { LeadAgencyId = _agency, StartsOn = new DateOnly(2026, 9, 18), EndsOn = new DateOnly(2028, 9, 17) });
        await using (var db = _db.NewDb())
        {
            (await db.Agreements.SingleAsync(x => x.Id == id)).RestoreStage(Jalin.Core.Lifecycle.Stage.Implementation, null);
            await db.SaveChangesAsync();
        }
        List<Notification> Progress(List<Notification> all) => all.Where(n => n.DedupeKey.StartsWith("pengingat:laporan-kemajuan:")).ToList();
        var submittedOn = new DateOnly(2027, 1, 13);
        Guid report = Guid.Empty;
        for (var day = new DateOnly(2026, 12, 15); day <= new DateOnly(2027, 2, 15); day = day.AddDays(1))
        {
            _clock.SetDay(day);
            if (day == submittedOn)
            {
                await using var db = _db.NewDb();
                var r = new Jalin.Core.Monitoring.ProgressReport
                {
                    AgreementId = id, RegionCode = Actors.Cimahi, AgencyId = _agency, AgencyName = "DLH", Period = Jalin.Core.Monitoring.ReportPeriod.Quarterly,
                    PeriodNumber = 1, PeriodStart = new DateOnly(2026, 9, 18), PeriodEnd = new DateOnly(2026, 12, 17), DueOn = new DateOnly(2027, 1, 5),
                    Status = Jalin.Core.Monitoring.ReportStatus.Submitted, CreatedBy = _opd.UserId, FirstSubmittedOn = day, SubmittedOn = day,
                };
                db.ProgressReports.Add(r);
                await db.SaveChangesAsync();
                report = r.Id;
            }
            await RunReminders.HandleAsync(_db.NewDb, _clock);
        }
        var opd = Progress(await RemindersOf(_opd));
        var officer = Progress(await RemindersOf(Actors.Officer));
        // Before the due date: the OPD only (5 working days before, on the day); 1 working day late: also the officers.
        // Submitted on 13 Jan, before the 10-working-days-late step: nothing more.
        Assert.Equal(["5hk", "0hk", "lewat1hk"], opd.OrderBy(n => n.CreatedAt).Select(n => n.DedupeKey.Split(':')[^1]));
        Assert.Equal(["lewat1hk"], officer.Select(n => n.DedupeKey.Split(':')[^1]));
        Assert.Empty(Progress(await RemindersOf(Actors.Leader)));
        Assert.Empty(Progress(await RemindersOf(Actors.Stranger)));
        Assert.All(opd, n => Assert.Equal("/app/laporan-kemajuan", n.Link));
        Assert.All(opd, n => Assert.Contains("pengaturan daerah", n.Body));

        // Returned by the Bagian Kerja Sama: it counts as not submitted again, and the late step still owed is sent once.
        await using (var db = _db.NewDb())
        {
            (await db.ProgressReports.SingleAsync(r => r.Id == report)).Status = Jalin.Core.Monitoring.ReportStatus.Returned;
            await db.SaveChangesAsync();
        }
        _clock.SetDay(new DateOnly(2027, 2, 16));
        await RunReminders.HandleAsync(_db.NewDb, _clock);
        Assert.Equal(0, (await RunReminders.HandleAsync(_db.NewDb, _clock)).NotificationsCreated);
        Assert.Equal(["lewat1hk", "lewat10hk"], Progress(await RemindersOf(Actors.Officer)).OrderBy(n => n.CreatedAt).Select(n => n.DedupeKey.Split(':')[^1]));
        Assert.Equal(4, Progress(await RemindersOf(_opd)).Count);
    }
}
