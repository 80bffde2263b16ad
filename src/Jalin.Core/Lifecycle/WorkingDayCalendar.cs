namespace Jalin.Core.Lifecycle;

public enum HolidayType { Libur, CutiBersama }

/// <summary>A national holiday or cuti bersama day (admin-maintained; seeded from shared/data/hari-libur).</summary>
public sealed class Holiday
{
    public DateOnly Date { get; init; }
    public HolidayType Type { get; set; }
    public required string Name { get; set; }
}

/// <summary>Hari kerja (UU 23/2014 Ps 1 angka 50): Monday–Friday less national holidays and,
/// by default, cuti bersama.</summary>
public sealed class WorkingDayCalendar(IEnumerable<Holiday> holidays, bool cutiBersamaIsHoliday = true)
{
    private readonly HashSet<DateOnly> _off = holidays
        .Where(h => h.Type == HolidayType.Libur || cutiBersamaIsHoliday)
        .Select(h => h.Date).ToHashSet();

    private readonly HashSet<int> _yearsWithData = holidays.Where(h => h.Type == HolidayType.Libur).Select(h => h.Date.Year).ToHashSet();
    private bool _ignoresData;

    /// <summary>Weekends only, knowingly (tests and estimates): reports no year as missing.</summary>
    public static readonly WorkingDayCalendar WeekendsOnly = new([]) { _ignoresData = true };

    /// <summary>The years between the two days (inclusive) for which no national holiday is
    /// recorded: a working-day count across them counts weekdays only and must say so.</summary>
    public IReadOnlyList<int> MissingYears(DateOnly from, DateOnly to) =>
        _ignoresData ? [] : Enumerable.Range(from.Year, Math.Max(0, to.Year - from.Year) + 1).Where(y => !_yearsWithData.Contains(y)).ToList();

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_off.Contains(day);

    /// <summary>The day on which a period of <paramref name="workingDays"/> counted from the day
    /// after <paramref name="start"/> ends.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var day = start;
        var left = workingDays;
        while (left > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }

    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var n = 0;
        for (var d = fromExclusive.AddDays(1); d <= toInclusive; d = d.AddDays(1))
            if (IsWorkingDay(d)) n++;
        return n;
    }
}
