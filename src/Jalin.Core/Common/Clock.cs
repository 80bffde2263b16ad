namespace Jalin.Core.Common;

/// <summary>Dates are Asia/Jakarta (WIB) calendar days; instants are UTC offsets.</summary>
public static class Wib
{
    private static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB"); }
    }

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>The WIB calendar day of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The WIB wall-clock time of an instant.</summary>
    public static DateTime TimeOf(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;
}
