namespace Jalin.Core.Lifecycle;

public enum HolidayType { Libur, CutiBersama }

public static class HolidayTypeLabels
{
    public static string Label(this HolidayType t) => t == HolidayType.CutiBersama ? "Cuti bersama" : "Hari libur";
}

/// <summary>A non-working day: national (<see cref="RegionCode"/> null: hari libur nasional or cuti
/// bersama, set by Keppres/SKB) or a region's own (libur daerah, set by its kepala daerah). Seeded
/// from Data/Reference/holidays-*.csv; maintained in Jalin (HolidayCalendar).</summary>
public sealed class Holiday
{
    public int Id { get; init; }
    public DateOnly Date { get; init; }
    public HolidayType Type { get; set; }
    public required string Name { get; set; }
    /// <summary>Null for a national day; the kode wilayah of the region whose own holiday this is.</summary>
    public string? RegionCode { get; init; }
    /// <summary>The decree that set the day, e.g. "SKB 3 Menteri Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025".</summary>
    public string? DecreeReference { get; set; }
}

/// <summary>A working-day count with the years it crossed that have no national holiday data
/// (counted as if every weekday there were a working day).</summary>
public sealed record WorkingDayResult(DateOnly Date, IReadOnlyList<int> YearsWithoutData)
{
    public bool Complete => YearsWithoutData.Count == 0;

    /// <summary>What a person reads next to the date when the count is incomplete; null when complete.</summary>
    public string? Note => WorkingDayCalendar.MissingYearsNote(YearsWithoutData);
}

/// <summary>Hari kerja (UU 23/2014 Ps 1 angka 50): Monday–Friday less national holidays, the
/// region's own holidays and, by default, cuti bersama. Pass national days plus the region's own.</summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _off;
    private readonly HashSet<int> _years;

    public WorkingDayCalendar(IEnumerable<Holiday> holidays, bool cutiBersamaIsHoliday = true)
    {
        var list = holidays as IReadOnlyCollection<Holiday> ?? holidays.ToList();
        _off = list.Where(h => h.Type == HolidayType.Libur || cutiBersamaIsHoliday).Select(h => h.Date).ToHashSet();
        _years = list.Where(h => h.RegionCode is null).Select(h => h.Date.Year).ToHashSet();
    }

    /// <summary>Weekends only (unit tests and estimates): every year counts as without holiday data.</summary>
    public static readonly WorkingDayCalendar WeekendsOnly = new([]);

    /// <summary>Years with at least one national holiday row: the years whose calendar is known.</summary>
    public IReadOnlyCollection<int> YearsWithData => _years;

    public bool HasDataFor(int year) => _years.Contains(year);

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

    /// <summary><see cref="AddWorkingDays"/>, naming the years the count passed through (from the
    /// day after <paramref name="start"/> to the end date) that have no holiday data.</summary>
    public WorkingDayResult AddWorkingDaysChecked(DateOnly start, int workingDays)
    {
        var end = AddWorkingDays(start, workingDays);
        var first = workingDays > 0 ? start.AddDays(1).Year : end.Year;
        return new WorkingDayResult(end, YearsWithoutData(first, end.Year));
    }

    /// <summary>Of the years from <paramref name="from"/> to <paramref name="to"/>, those without holiday data.</summary>
    public IReadOnlyList<int> YearsWithoutData(int from, int to) =>
        Enumerable.Range(from, Math.Max(0, to - from + 1)).Where(y => !_years.Contains(y)).ToList();

    public static string? MissingYearsNote(IReadOnlyList<int> years) => years.Count switch
    {
        0 => null,
        1 => $"Kalender hari libur tahun {years[0]} belum tersedia; tenggat dihitung tanpa hari libur tahun itu.",
        _ => $"Kalender hari libur tahun {string.Join(", ", years.Take(years.Count - 1))} dan {years[^1]} belum tersedia; tenggat dihitung tanpa hari libur tahun-tahun itu.",
    };

    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var n = 0;
        for (var d = fromExclusive.AddDays(1); d <= toInclusive; d = d.AddDays(1))
            if (IsWorkingDay(d)) n++;
        return n;
    }
}
