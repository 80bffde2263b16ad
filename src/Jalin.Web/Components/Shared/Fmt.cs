using System.Globalization;
using Jalin.Core.Common;

namespace Jalin.Web.Components.Shared;

/// <summary>The one place the back office formats amounts, dates and instants for a person
/// (Indonesian forms from <see cref="IndonesianFormat"/>): "30 Nov 2026" in lists,
/// "30 November 2026" on a record, "Rp 1.500.000.000,50".</summary>
public static class Fmt
{
    public static readonly CultureInfo Id = IndonesianFormat.Culture;

    /// <summary>A date in a list, a chip or a caption: "30 Nov 2026".</summary>
    public static string Date(DateOnly? d) => d is { } x ? IndonesianFormat.FormatDateShort(x) : "—";

    /// <summary>A date on a record's own page: "30 November 2026".</summary>
    public static string DateLong(DateOnly? d) => d is { } x ? IndonesianFormat.FormatDateLong(x) : "—";

    /// <summary>An instant in digits, as forms and registers write it: "01/12/2026 10.30 WIB".</summary>
    public static string InstantNumeric(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Wib).ToString("dd/MM/yyyy HH.mm", Id) + " WIB";

    public static string Instant(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Wib).ToString("d MMM yyyy HH:mm", Id) + " WIB";

    public static string Rupiah(decimal? v) => v is { } x ? IndonesianFormat.FormatRupiah(x) : "—";

    /// <summary>A file size: "850 KB", "12,4 MB" (at least 1 KB for a file that is not empty).</summary>
    public static string Size(long bytes) =>
        bytes == 0 ? "0 KB" : bytes >= 1024 * 1024 ? $"{(bytes / 1024d / 1024d).ToString("N1", Id)} MB" : $"{Math.Max(1, (bytes + 1023) / 1024).ToString("N0", Id)} KB";

    /// <summary>A count of things: "12.500".</summary>
    public static string Count(long n) => n.ToString("N0", Id);

    private static readonly TimeZoneInfo Wib = FindWib();

    private static TimeZoneInfo FindWib()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB"); }
    }
}
