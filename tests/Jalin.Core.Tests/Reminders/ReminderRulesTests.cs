using Jalin.Core.Agreements;
using Jalin.Core.Lifecycle;
using Jalin.Core.Reminders;

namespace Jalin.Core.Tests.Reminders;

/// <summary>Issue #11 item 4: the reminder rules computed from the data against a date (no wall clock), across
/// weekends, national holidays, cuti bersama and the turn of the year.</summary>
public sealed class ReminderRulesTests
{
    private static readonly WorkingDayCalendar YearEnd = new(
    [
        new Holiday { Date = new DateOnly(2026, 12, 24), Type = HolidayType.CutiBersama, Name = "Cuti bersama Hari Raya Natal" },
        new Holiday { Date = new DateOnly(2026, 12, 25), Type = HolidayType.Libur, Name = "Hari Raya Natal" },
        new Holiday { Date = new DateOnly(2027, 1, 1), Type = HolidayType.Libur, Name = "Tahun Baru 2027 Masehi" },
    ]);

    private static ReminderFacts Active(DateOnly ends, CooperationKind kind = CooperationKind.KsddSukarela) =>
        new(Guid.NewGuid(), "32.77", kind, Stage.Implementation, "Pengelolaan sampah regional", ends, ends, ActionCode.Expire.Value, "Jangka waktu kerja sama berakhir", null);

    /// <summary>Runs the rules on every day of a range and returns each reminder on the first day it is due.</summary>
    private static List<(DateOnly Day, DueReminder Reminder)> FirstFirings(ReminderFacts facts, DateOnly from, DateOnly to, WorkingDayCalendar calendar, ReminderSettings? settings = null)
    {
        var seen = new HashSet<string>();
        var fired = new List<(DateOnly, DueReminder)>();
        for (var day = from; day <= to; day = day.AddDays(1))
            foreach (var r in ReminderRules.ForAgreement(facts, settings ?? ReminderSettings.Default, day, calendar))
                if (seen.Add(r.Rule + r.DedupeKey)) fired.Add((day, r));
        return fired;
    }

    [Fact]
    public void Expiry_ladder_fires_each_step_once_and_moves_a_step_on_a_holiday_to_the_working_day_before_across_the_year_end()
    {
        var ends = new DateOnly(2027, 1, 3);                      // a Sunday, two days after the new year holiday
        var fired = FirstFirings(Active(ends), new DateOnly(2026, 6, 1), new DateOnly(2027, 1, 10), YearEnd)
            .Where(f => f.Reminder.Rule == ReminderRule.Expiry).ToList();

        Assert.Equal(["180h", "90h", "60h", "30h", "7h", "0h"], fired.Select(f => f.Reminder.Step));
        Assert.Equal(new DateOnly(2026, 7, 7), fired[0].Day);     // 180 days before: a Tuesday
        Assert.Equal(new DateOnly(2026, 10, 5), fired[1].Day);    // 90 days before: a Monday
        Assert.Equal(new DateOnly(2026, 12, 23), fired[4].Day);   // 7 days before = Sunday 27 Dec → Fri 25 (Natal) → Thu 24 (cuti bersama) → Wed 23
        Assert.Equal(new DateOnly(2026, 12, 31), fired[5].Day);   // the end day Sunday 3 Jan → Sat 2 → Fri 1 (Tahun Baru) → Thu 31 Dec
        Assert.All(fired, f => Assert.Equal(f.Day, f.Reminder.SendOn));
        Assert.Equal(6, fired.Select(f => f.Reminder.DedupeKey).Distinct().Count());
        Assert.All(fired, f => Assert.StartsWith("pengingat:berakhir:2027-01-03:", f.Reminder.DedupeKey));
        Assert.Empty(ReminderRules.ForAgreement(Active(ends), ReminderSettings.Default, ends.AddDays(1), YearEnd));
    }

    [Fact]
    public void Without_holidays_only_weekends_move_a_step()
    {
        var fired = FirstFirings(Active(new DateOnly(2027, 1, 3)), new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 10), WorkingDayCalendar.WeekendsOnly)
            .Where(f => f.Reminder.Rule == ReminderRule.Expiry).ToList();
        Assert.Equal(new DateOnly(2026, 12, 25), fired.Single(f => f.Reminder.Step == "7h").Day);
        Assert.Equal(new DateOnly(2027, 1, 1), fired.Single(f => f.Reminder.Step == "0h").Day);
    }

    [Fact]
    public void A_step_missed_while_the_job_was_down_is_not_sent_late_only_the_current_one()
    {
        var ends = new DateOnly(2027, 3, 31);
        var due = ReminderRules.ForAgreement(Active(ends), ReminderSettings.Default, new DateOnly(2027, 3, 2), WorkingDayCalendar.WeekendsOnly).ToList();
        Assert.Equal("30h", Assert.Single(due, r => r.Rule == ReminderRule.Expiry).Step);
    }

    [Fact]
    public void A_region_ladder_replaces_the_default_and_the_leader_hears_only_in_the_last_30_days()
    {
        var settings = ReminderSettings.Default with { ExpiryLadderDays = [45, 14] };
        var fired = FirstFirings(Active(new DateOnly(2027, 6, 30)), new DateOnly(2027, 1, 1), new DateOnly(2027, 7, 1), WorkingDayCalendar.WeekendsOnly, settings)
            .Where(f => f.Reminder.Rule == ReminderRule.Expiry).ToList();
        Assert.Equal(["45h", "14h"], fired.Select(f => f.Reminder.Step));
        Assert.False(fired[0].Reminder.Audience.HasFlag(ReminderAudience.Leader));
        Assert.True(fired[1].Reminder.Audience.HasFlag(ReminderAudience.Leader));
    }

    [Fact]
    public void Foreign_extension_reminders_lead_to_the_day_6_months_before_the_end_Permendagri_25_2020_Pasal_33()
    {
        var ends = new DateOnly(2027, 9, 30);
        var fired = FirstFirings(Active(ends, CooperationKind.Ksdpl), new DateOnly(2027, 1, 1), new DateOnly(2027, 9, 30), WorkingDayCalendar.WeekendsOnly)
            .Where(f => f.Reminder.Rule == ReminderRule.ForeignExtension).ToList();
        Assert.Equal(["30h", "7h", "0h"], fired.Select(f => f.Reminder.Step));
        Assert.All(fired, f => Assert.Equal(new DateOnly(2027, 3, 30), f.Reminder.Deadline));
        Assert.Equal(new DateOnly(2027, 2, 26), fired[0].Day);   // 28 Feb is a Sunday
        Assert.All(fired, f => Assert.Contains("Permendagri 25/2020 Pasal 33", f.Reminder.Body));
        Assert.All(fired, f => Assert.True(f.Reminder.Audience.HasFlag(ReminderAudience.Leader)));
        // A domestic agreement has no such deadline.
        Assert.DoesNotContain(FirstFirings(Active(ends), new DateOnly(2027, 1, 1), ends, WorkingDayCalendar.WeekendsOnly), f => f.Reminder.Rule == ReminderRule.ForeignExtension);
    }

    [Fact]
    public void Dprd_clock_counts_working_days_back_across_holidays_PP_28_2018_Pasal_30_ayat_4()
    {
        var due = new DateOnly(2026, 12, 31);
        var facts = new ReminderFacts(Guid.NewGuid(), "32.77", CooperationKind.Ksdpl, Stage.DprdApproval, "Kota kembar Cimahi–Kawasaki",
            null, due, ActionCode.DprdDeemedApproved.Value, "Batas jawaban DPRD: 45 hari kerja sejak 23/10/2026", null);
        var fired = FirstFirings(facts, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 15), YearEnd);
        Assert.Equal(["10hk", "5hk", "0hk"], fired.Select(f => f.Reminder.Step));
        Assert.Equal(new DateOnly(2026, 12, 22), fired[1].Day);    // 5 working days before 31 Dec skip 24–27 Dec: 30, 29, 28, 23, 22
        Assert.All(fired, f => Assert.Contains("PP 28/2018 Pasal 30 ayat (4)", f.Reminder.Basis));
        // A KSDD with the region's clock: reminded again once the window has passed (no deemed approval unless the region sets it).
        var domestic = facts with { Kind = CooperationKind.KsddSukarela };
        var after = FirstFirings(domestic, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 15), YearEnd);
        Assert.Equal("lewat", after[^1].Reminder.Step);
        Assert.Contains("pengaturan daerah", after[^1].Reminder.Basis);
    }

    [Fact]
    public void A_stage_due_date_from_the_lifecycle_table_that_passed_is_reminded_once()
    {
        var facts = new ReminderFacts(Guid.NewGuid(), "32.77", CooperationKind.Ksdpl, Stage.Verification, "Kota kembar", null, new DateOnly(2027, 2, 10),
            null, "Gubernur meneruskan berkas: 5 hari kerja sejak 03/02/2027", null);
        var fired = FirstFirings(facts, new DateOnly(2027, 2, 1), new DateOnly(2027, 3, 1), WorkingDayCalendar.WeekendsOnly);
        var one = Assert.Single(fired);
        Assert.Equal((ReminderRule.StageOverdue, new DateOnly(2027, 2, 11)), (one.Reminder.Rule, one.Day));
    }

    [Fact]
    public void January_reports_kab_kota_first_week_province_second_week_Permendagri_25_2020_Pasal_35_36_and_domestic_by_region_setting()
    {
        List<(DateOnly Day, DueReminder R)> Run(bool province, bool foreign, bool domestic, ReminderSettings? s = null)
        {
            var seen = new HashSet<string>();
            var list = new List<(DateOnly, DueReminder)>();
            for (var d = new DateOnly(2026, 12, 1); d <= new DateOnly(2027, 2, 10); d = d.AddDays(1))
                foreach (var r in ReminderRules.UpwardReports("32.77", province, foreign, domestic, s ?? ReminderSettings.Default, d, YearEnd))
                    if (seen.Add(r.DedupeKey)) list.Add((d, r));
            return list;
        }
        var kabKota = Run(province: false, foreign: true, domestic: false);
        Assert.Equal(["14h", "3h", "0h"], kabKota.Select(f => f.R.Step));
        Assert.All(kabKota, f => Assert.Equal(new DateOnly(2027, 1, 7), f.R.Deadline));
        Assert.Equal(new DateOnly(2026, 12, 23), kabKota[0].Day);   // 24 Dec is cuti bersama: sent the day before, in the old year
        Assert.Contains("tahun 2026", kabKota[0].R.Title);
        Assert.All(kabKota, f => Assert.Contains("Permendagri 25/2020 Pasal 35", f.R.Basis));

        var province = Run(province: true, foreign: true, domestic: false);
        Assert.All(province, f => Assert.Equal(new DateOnly(2027, 1, 14), f.R.Deadline));

        var domestic = Run(province: false, foreign: false, domestic: true, ReminderSettings.Default with { DomesticReportJanuaryDay = 20 });
        Assert.All(domestic, f => Assert.Equal((ReminderRule.DomesticReport, new DateOnly(2027, 1, 20)), (f.R.Rule, f.R.Deadline)));
        Assert.All(domestic, f => Assert.Equal("pengaturan daerah", f.R.Basis));
        Assert.Empty(Run(province: false, foreign: false, domestic: false));
    }

    [Fact]
    public void Settings_parse_and_reject_bad_ladders()
    {
        Assert.Null(ReminderSettings.LadderProblem([90, 30, 0]));
        Assert.NotNull(ReminderSettings.LadderProblem([30, 30]));
        Assert.NotNull(ReminderSettings.LadderProblem([-1]));
        Assert.NotNull(ReminderSettings.LadderProblem([]));
        Assert.NotNull(ReminderSettings.LadderProblem([1, 2, 3, 4, 5, 6, 7, 8, 9]));
        Assert.Null(ReminderSettings.ParseLadder("90, x"));
        // A stored value that is no longer valid falls back to the default rather than breaking the job.
        var s = ReminderSettings.From(new Dictionary<string, string> { [ReminderSettings.LadderKey] = "30,30", [ReminderSettings.KbWithoutPksMonthsKey] = "99" });
        Assert.Equal(ReminderSettings.Default.ExpiryLadderDays, s.ExpiryLadderDays);
        Assert.Equal(6, s.KbWithoutPksMonths);
    }
}
