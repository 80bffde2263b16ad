using Jalin.Core.Agreements;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Reminders;

namespace Jalin.Core.Tests.Reminders;

/// <summary>Issue #11 item 4: the late progress report reminder against a date, across Natal, cuti bersama and the new
/// year. The due date is the region's setting (praktik daerah: no regulation sets when an OPD reports to its Bagian Kerja Sama).</summary>
public sealed class ProgressReportRemindersTests
{
    private static readonly WorkingDayCalendar YearEnd = new(
    [
        new Holiday { Date = new DateOnly(2026, 12, 24), Type = HolidayType.CutiBersama, Name = "Cuti bersama Hari Raya Natal" },
        new Holiday { Date = new DateOnly(2026, 12, 25), Type = HolidayType.Libur, Name = "Hari Raya Natal" },
        new Holiday { Date = new DateOnly(2027, 1, 1), Type = HolidayType.Libur, Name = "Tahun Baru 2027 Masehi" },
    ]);

    private static readonly Guid Agency = Guid.NewGuid();

    // Quarterly periods from 18 Sep 2026: the first ends on Thursday 17 Dec 2026, just before Christmas.
    private static ReminderFacts Active() =>
        new(Guid.NewGuid(), "32.77", CooperationKind.KsddSukarela, Stage.Implementation, "Pengelolaan sampah regional", new DateOnly(2028, 9, 17), null, null, null, Agency);

    private static List<(DateOnly Day, DueReminder Reminder)> Firings(ProgressFacts p, int dueDays, DateOnly from, DateOnly to, ReminderFacts? facts = null)
    {
        var a = facts ?? Active();
        var seen = new HashSet<string>();
        var fired = new List<(DateOnly, DueReminder)>();
        for (var day = from; day <= to; day = day.AddDays(1))
            if (ProgressReportReminders.For(a, p, dueDays, day, YearEnd) is { } r && seen.Add(r.DedupeKey)) fired.Add((day, r));
        return fired;
    }

    [Fact]
    public void Due_ten_working_days_after_the_period_skips_Natal_cuti_bersama_and_new_year_and_steps_fire_once_each()
    {
        var fired = Firings(new ProgressFacts(new DateOnly(2026, 9, 18), ReportPeriod.Quarterly, []), 10, new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 28));

        Assert.Equal(["5hk", "0hk", "lewat1hk", "lewat10hk"], fired.Select(f => f.Reminder.Step));
        // 10 working days after Thu 17 Dec: 18, 21, 22, 23, (24 cuti bersama, 25 Natal), 28, 29, 30, 31, (1 Jan), 4, 5 → Tue 5 Jan 2027.
        Assert.All(fired, f => Assert.Equal(new DateOnly(2027, 1, 5), f.Reminder.Deadline));
        Assert.Equal(new DateOnly(2026, 12, 28), fired[0].Day);   // 5 working days before: 4 Jan, 31, 30, 29, 28 Dec
        Assert.Equal(new DateOnly(2027, 1, 5), fired[1].Day);
        Assert.Equal(new DateOnly(2027, 1, 6), fired[2].Day);
        Assert.Equal(new DateOnly(2027, 1, 19), fired[3].Day);    // 10 working days late
        Assert.Equal(ReminderAudience.LeadAgency, fired[0].Reminder.Audience);          // before the due date: the OPD only
        Assert.Equal(ReminderAudience.LeadAgency, fired[1].Reminder.Audience);
        Assert.Equal(ReminderAudience.LeadAgency | ReminderAudience.Officers, fired[2].Reminder.Audience);   // late: also the Bagian Kerja Sama
        Assert.Equal(ReminderAudience.LeadAgency | ReminderAudience.Officers, fired[3].Reminder.Audience);
        Assert.All(fired, f => Assert.StartsWith("pengingat:laporan-kemajuan:2027-01-05:", f.Reminder.DedupeKey));
        Assert.Contains("pengaturan daerah", fired[0].Reminder.Basis);
        Assert.Contains("praktik daerah", fired[0].Reminder.Basis);
        Assert.Contains("terlambat", fired[2].Reminder.Title);
        Assert.Contains("5 Januari 2027", fired[2].Reminder.Body);
    }

    [Fact]
    public void The_regions_setting_moves_the_due_date_a_step_on_a_holiday_moves_to_the_working_day_before()
    {
        // 5 working days after 17 Dec: 18, 21, 22, 23, 28 Dec. 5 working days before 28 Dec is 17 Dec, the period's
        // last day: the first reminder goes out the day after the period ends.
        var fired = Firings(new ProgressFacts(new DateOnly(2026, 9, 18), ReportPeriod.Quarterly, []), 5, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31));
        Assert.Equal(new DateOnly(2026, 12, 28), fired[0].Reminder.Deadline);
        Assert.Equal(new DateOnly(2026, 12, 18), fired[0].Day);
        Assert.Equal("5hk", fired[0].Reminder.Step);
        Assert.Equal(new DateOnly(2026, 12, 29), fired.Single(f => f.Reminder.Step == "lewat1hk").Day);
        // 10 working days after 28 Dec: 29, 30, 31, 4, 5, 6, 7, 8, 11, 12 Jan.
        Assert.Equal(new DateOnly(2027, 1, 12), fired.Single(f => f.Reminder.Step == "lewat10hk").Day);
    }

    [Fact]
    public void A_submitted_report_stops_the_reminders_a_returned_one_does_not_and_semester_periods_count_six_months()
    {
        var start = new DateOnly(2026, 9, 18);
        Assert.Empty(Firings(new ProgressFacts(start, ReportPeriod.Quarterly, [1]), 10, new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 28)));
        // Semester: the first period ends 17 Mar 2027, so nothing is owed in December.
        var semester = Firings(new ProgressFacts(start, ReportPeriod.Semester, []), 10, new DateOnly(2026, 12, 1), new DateOnly(2027, 4, 30));
        Assert.All(semester, f => Assert.True(f.Reminder.Deadline > new DateOnly(2027, 3, 17)));
        Assert.NotEmpty(semester);
        // Not in implementation, or no start date: nothing.
        Assert.Empty(Firings(new ProgressFacts(start, ReportPeriod.Quarterly, []), 10, new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 28), Active() with { Stage = Stage.SigningPks }));
        Assert.Empty(Firings(new ProgressFacts(null, ReportPeriod.Quarterly, []), 10, new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 28)));
    }

    [Fact]
    public void The_last_period_is_cut_at_the_end_date()
    {
        var p = ProgressReportReminders.LastEnded(new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 15), ReportPeriod.Quarterly, new DateOnly(2026, 6, 1), YearEnd, 10);
        Assert.NotNull(p);
        Assert.Equal(2, p.Number);
        Assert.Equal(new DateOnly(2026, 5, 15), p.End);
    }
}
