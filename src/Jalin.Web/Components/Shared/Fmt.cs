using System.Globalization;

namespace Jalin.Web.Components.Shared;

/// <summary>Indonesian formatting for the UI: dates "24 Nov 2026", Rupiah "Rp1.500.000.000,00".</summary>
public static class Fmt
{
    public static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static string Date(DateOnly? d) => d is { } x ? x.ToString("d MMM yyyy", Id) : "—";

    public static string Instant(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Wib).ToString("d MMM yyyy HH:mm", Id) + " WIB";

    public static string Rupiah(decimal? v) => v is { } x ? "Rp" + x.ToString("N2", Id) : "—";

    private static readonly TimeZoneInfo Wib = FindWib();

    private static TimeZoneInfo FindWib()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB"); }
    }
}
