using Jalin.Core.Data.Seed;
using Jalin.Core.Lifecycle;
using Jalin.Core.Tests.Infrastructure;

namespace Jalin.Core.Tests.Lifecycle;

/// <summary>Hari kerja with the seeded national holidays and cuti bersama (holidays-2026.csv).</summary>
public class WorkingDayCalendarTests
{
    private static readonly List<Holiday> Seeded = ReferenceData.Holidays().ToList();
    private static readonly WorkingDayCalendar Asn = new(Seeded);
    private static readonly WorkingDayCalendar LiburOnly = new(Seeded, cutiBersamaIsHoliday: false);

    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    [Fact]
    public void Seed_holds_the_2026_calendar()
    {
        var y2026 = Seeded.Where(h => h.Date.Year == 2026).ToList();
        Assert.Equal(25, y2026.Count);
        Assert.Equal(8, y2026.Count(h => h.Type == HolidayType.CutiBersama));
        Assert.Contains(y2026, h => h.Date == D(3, 21) && h.Type == HolidayType.Libur && h.Name.Contains("Idulfitri", StringComparison.Ordinal));
        Assert.Equal(Seeded.Count, Seeded.Select(h => h.Date).Distinct().Count());
    }

    [Theory]
    [InlineData(2026, 3, 17, 1, 2026, 3, 25)]   // Nyepi and Idul Fitri 1447 H with their cuti bersama: 18–24 March off
    [InlineData(2026, 3, 19, 1, 2026, 3, 25)]   // counting from a holiday (Nyepi)
    [InlineData(2026, 3, 21, 1, 2026, 3, 25)]   // counting from a Saturday that is also Idul Fitri
    [InlineData(2026, 3, 16, 45, 2026, 6, 3)]   // the DPRD window of the lifecycle tests
    [InlineData(2026, 12, 22, 5, 2026, 12, 31)] // 24 cuti, 25 Natal
    [InlineData(2026, 12, 22, 6, 2027, 1, 4)]   // across the year end: 1 Jan 2027 (Friday) off
    [InlineData(2026, 11, 27, 1, 2026, 11, 30)] // Friday + 1 = Monday
    [InlineData(2026, 11, 28, 1, 2026, 11, 30)] // Saturday + 1 = Monday
    [InlineData(2026, 11, 23, 5, 2026, 11, 30)] // a plain week
    [InlineData(2026, 8, 14, 1, 2026, 8, 18)]   // 17 August on a Monday
    [InlineData(2026, 5, 13, 1, 2026, 5, 18)]   // Kenaikan (Thu) + cuti (Fri)
    [InlineData(2026, 5, 26, 2, 2026, 6, 2)]    // Iduladha (Wed) + cuti (Thu), 29 May is the 1st, 1 June Pancasila
    public void Adds_working_days(int y, int m, int d, int days, int ey, int em, int ed)
    {
        var start = new DateOnly(y, m, d);
        var end = new DateOnly(ey, em, ed);
        Assert.Equal(end, Asn.AddWorkingDays(start, days));
        Assert.Equal(days, Asn.WorkingDaysBetween(start, end));
        Assert.True(Asn.IsWorkingDay(end));
    }

    [Fact]
    public void Zero_days_is_the_start_itself()
    {
        Assert.Equal(D(3, 21), Asn.AddWorkingDays(D(3, 21), 0));
        Assert.Equal(0, Asn.WorkingDaysBetween(D(3, 17), D(3, 24)));
    }

    [Fact]
    public void Weekends_and_holidays_are_not_working_days()
    {
        Assert.False(Asn.IsWorkingDay(D(11, 28))); // Saturday
        Assert.False(Asn.IsWorkingDay(D(11, 29))); // Sunday
        Assert.True(Asn.IsWorkingDay(D(11, 27)));
        Assert.False(Asn.IsWorkingDay(D(8, 17)));
        Assert.True(Asn.IsWorkingDay(D(8, 18)));
        Assert.False(Asn.IsWorkingDay(D(1, 1)));
        Assert.False(WorkingDayCalendar.WeekendsOnly.IsWorkingDay(D(11, 28)));
        Assert.True(WorkingDayCalendar.WeekendsOnly.IsWorkingDay(D(8, 17)));
    }

    [Fact]
    public void Cuti_bersama_counts_only_when_the_setting_says_so()
    {
        Assert.False(Asn.IsWorkingDay(D(3, 18)));
        Assert.True(LiburOnly.IsWorkingDay(D(3, 18)));
        Assert.False(LiburOnly.IsWorkingDay(D(3, 19)));
        Assert.Equal(D(3, 18), LiburOnly.AddWorkingDays(D(3, 17), 1));
        Assert.Equal(D(3, 20), LiburOnly.AddWorkingDays(D(3, 17), 2));
        Assert.Equal(D(3, 23), LiburOnly.AddWorkingDays(D(3, 17), 3));
        Assert.Equal(D(5, 22), LiburOnly.AddWorkingDays(D(3, 16), 45));
        Assert.Equal(D(5, 18), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(D(3, 16), 45));
    }

    [Fact]
    public void Year_2026_has_240_working_days_for_asn()
    {
        // 261 weekdays, 21 of the 25 holidays fall on a weekday (Idul Fitri 21–22 Mar, Paskah, Waisak on weekends)
        Assert.Equal(240, Asn.WorkingDaysBetween(D(12, 31, 2025), D(12, 31)));
        Assert.Equal(248, LiburOnly.WorkingDaysBetween(D(12, 31, 2025), D(12, 31)));
        Assert.Equal(261, WorkingDayCalendar.WeekendsOnly.WorkingDaysBetween(D(12, 31, 2025), D(12, 31)));
        Assert.Equal(0, Asn.WorkingDaysBetween(D(12, 31), D(12, 31)));
        Assert.Equal(0, Asn.WorkingDaysBetween(D(12, 31), D(12, 1)));
    }

    [Fact]
    public async Task Calendar_from_the_database_matches_the_seed_and_follows_the_region_setting()
    {
        var clock = TestClock.At(D(3, 16));
        await using var database = await TestDb.CreateAsync(clock);
        var scenario = new Scenario(database, clock);
        await using (var db = database.NewDb())
        {
            var settings = await LifecycleContexts.SettingsAsync(db, Actors.Cimahi);
            var calendar = await LifecycleContexts.CalendarAsync(db, settings, Actors.Cimahi);
            Assert.Equal(D(6, 3), calendar.AddWorkingDays(D(3, 16), 45));
        }
        await scenario.SetRegionSettingAsync("calendar.cutiBersamaIsHoliday", "false");
        await using (var db = database.NewDb())
        {
            var settings = await LifecycleContexts.SettingsAsync(db, Actors.Cimahi);
            Assert.False(settings.CutiBersamaIsHoliday);
            Assert.Equal(D(5, 22), (await LifecycleContexts.CalendarAsync(db, settings, Actors.Cimahi)).AddWorkingDays(D(3, 16), 45));
            // another region keeps the default
            Assert.True((await LifecycleContexts.SettingsAsync(db, "32.73")).CutiBersamaIsHoliday);
        }
    }

    [Fact]
    public void Seeded_days_carry_the_decree_that_set_them()
    {
        Assert.All(Seeded, h => Assert.False(string.IsNullOrWhiteSpace(h.DecreeReference)));
        Assert.All(Seeded, h => Assert.Null(h.RegionCode));
        Assert.Contains("Nomor 1497 Tahun 2025", Seeded.Single(h => h.Date == D(8, 17)).DecreeReference, StringComparison.Ordinal);
        Assert.Equal("Keputusan Presiden Nomor 10 Tahun 2024", Seeded.Single(h => h.Date == D(2, 14, 2024)).DecreeReference);
        Assert.Contains("Nomor 933 Tahun 2025", Seeded.Single(h => h.Date == D(8, 18, 2025)).DecreeReference, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regional_holiday_is_off_in_that_region_only()
    {
        // Hari jadi Kota Cimahi, Wednesday 21 October 2026, as a regional holiday of Cimahi.
        var regional = new Holiday { Date = D(10, 21), Type = HolidayType.Libur, Name = "Hari Jadi Kota Cimahi", RegionCode = "32.77" };
        var cimahi = new WorkingDayCalendar(Seeded.Append(regional));
        Assert.False(cimahi.IsWorkingDay(D(10, 21)));
        Assert.True(Asn.IsWorkingDay(D(10, 21)));
        Assert.Equal(D(10, 22), cimahi.AddWorkingDays(D(10, 20), 1));
        Assert.Equal(D(10, 21), Asn.AddWorkingDays(D(10, 20), 1));
        // a regional row alone does not make a year's calendar known
        Assert.False(new WorkingDayCalendar([regional]).HasDataFor(2026));
    }

    [Fact]
    public void Years_with_data_are_those_with_a_national_day()
    {
        Assert.Equal([2024, 2025, 2026, 2027], Asn.YearsWithData.Order());
        Assert.True(Asn.HasDataFor(2027));
        Assert.False(Asn.HasDataFor(2028));
        Assert.Equal([2028, 2029], Asn.YearsWithoutData(2026, 2029));
    }

    [Fact]
    public void A_count_inside_known_years_is_complete()
    {
        var r = Asn.AddWorkingDaysChecked(D(3, 16), 45);
        Assert.Equal(D(6, 3), r.Date);
        Assert.True(r.Complete);
        Assert.Null(r.Note);
        var across = Asn.AddWorkingDaysChecked(D(12, 22), 6); // into January 2027, which has data
        Assert.Equal((D(1, 4, 2027), true), (across.Date, across.Complete));
    }

    [Fact]
    public void A_count_reaching_a_year_without_data_says_so()
    {
        // 45 working days from 1 December 2027 end in February 2028; 2028 has no holiday rows:
        // counted on weekdays only there (1 January 2028 is a Saturday).
        var r = Asn.AddWorkingDaysChecked(new DateOnly(2027, 12, 1), 45);
        Assert.Equal(Asn.AddWorkingDays(new DateOnly(2027, 12, 1), 45), r.Date);
        Assert.Equal(2028, r.Date.Year);
        Assert.False(r.Complete);
        Assert.Equal([2028], r.YearsWithoutData);
        Assert.Equal("Kalender hari libur tahun 2028 belum tersedia; tenggat dihitung tanpa hari libur tahun itu.", r.Note);
    }

    [Fact]
    public void The_start_year_itself_is_checked_when_the_count_runs_in_it()
    {
        var r = Asn.AddWorkingDaysChecked(new DateOnly(2029, 12, 20), 20); // 2029 and 2030, both without data
        Assert.Equal([2029, 2030], r.YearsWithoutData);
        Assert.Equal("Kalender hari libur tahun 2029 dan 2030 belum tersedia; tenggat dihitung tanpa hari libur tahun-tahun itu.", r.Note);
        // counting from 31 December 2027 starts on 1 January 2028: 2027 is not part of the period
        Assert.Equal([2028], Asn.AddWorkingDaysChecked(new DateOnly(2027, 12, 31), 1).YearsWithoutData);
        Assert.Equal([2023], WorkingDayCalendar.WeekendsOnly.AddWorkingDaysChecked(new DateOnly(2023, 5, 5), 0).YearsWithoutData);
    }
}
