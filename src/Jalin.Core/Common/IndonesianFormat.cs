using System.Globalization;
using System.Text.RegularExpressions;

namespace Jalin.Core.Common;

/// <summary>Reads and writes amounts and dates the way Indonesian officers type and read them:
/// <c>Rp 250.000.000,00</c> (thousands with dots, decimals with a comma) and
/// <c>30/11/2026</c>, <c>30-11-2026</c>, <c>30 November 2026</c>, <c>30 Nov 2026</c>.
/// The one place the Web project formats amounts and dates (through <c>Fmt</c>).</summary>
public static partial class IndonesianFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("id-ID");

    public const string RupiahExpected = "Tulis nilai dalam rupiah dengan titik sebagai pemisah ribuan dan koma untuk sen, misalnya 250.000.000 atau Rp 250.000.000,00.";
    public const string DateExpected = "Tulis tanggal sebagai 30/11/2026, 30-11-2026 atau 30 November 2026.";

    private static readonly string[] Months =
        ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"];

    /// <summary>Short forms officers write besides the first three letters (Agt for Agustus, Des for Desember, Okt, Sept, Nop).</summary>
    private static readonly Dictionary<string, int> MonthAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["agt"] = 8, ["ags"] = 8, ["agu"] = 8, ["sept"] = 9, ["okt"] = 10, ["nop"] = 11, ["nov"] = 11, ["des"] = 12, ["peb"] = 2, ["feb"] = 2,
    };

    /// <summary>Reads an amount in rupiah. Empty text is no amount (null). Accepts an optional
    /// "Rp"/"Rp." prefix, dots between groups of three digits, and up to two decimals after a comma.</summary>
    public static Result<decimal?> ParseRupiah(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (decimal?)null;
        var s = text.Trim().Replace('\u00A0', ' ');
        if (s.StartsWith("rp", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..].TrimStart('.').Trim();
        }
        if (s.StartsWith('-')) return ValidationError.Of("value", "Nilai tidak boleh negatif.");
        var m = RupiahPattern().Match(s);
        if (!m.Success) return ValidationError.Of("value", $"\"{text.Trim()}\" tidak dapat dibaca sebagai nilai rupiah. {RupiahExpected}");
        var whole = m.Groups["whole"].Value.Replace(".", "");
        var cents = m.Groups["cents"].Success ? m.Groups["cents"].Value : "";
        var number = cents.Length > 0 ? $"{whole}.{cents}" : whole;
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || v > 999_999_999_999_999m)
        {
            return ValidationError.Of("value", "Nilai terlalu besar.");
        }
        return (decimal?)v;
    }

    /// <summary>Formats an amount as "Rp 1.500.000.000,50" (two decimals).</summary>
    public static string FormatRupiah(decimal v) => "Rp " + v.ToString("N2", Culture);

    /// <summary>Formats an amount for an input: "1.500.000.000" or "1.500.000.000,50" (decimals only when there are cents).</summary>
    public static string FormatRupiahInput(decimal v) => v.ToString(v == decimal.Truncate(v) ? "N0" : "N2", Culture);

    /// <summary>Reads a date: <c>30/11/2026</c>, <c>30-11-2026</c>, <c>30.11.2026</c>,
    /// <c>30 November 2026</c>, <c>30 Nov 2026</c> (Indonesian month names, any case), and the
    /// ISO form <c>2026-11-30</c>. Empty text is no date (null).</summary>
    public static Result<DateOnly?> ParseDate(string? text, string field = "date")
    {
        if (string.IsNullOrWhiteSpace(text)) return (DateOnly?)null;
        var s = text.Trim();
        int day, month, year;
        var numeric = NumericDate().Match(s);
        var iso = IsoDate().Match(s);
        var named = NamedDate().Match(s);
        if (numeric.Success)
        {
            day = int.Parse(numeric.Groups["d"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(numeric.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        else if (iso.Success)
        {
            year = int.Parse(iso.Groups["y"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(iso.Groups["m"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(iso.Groups["d"].Value, CultureInfo.InvariantCulture);
        }
        else if (named.Success)
        {
            day = int.Parse(named.Groups["d"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(named.Groups["y"].Value, CultureInfo.InvariantCulture);
            var name = named.Groups["m"].Value.TrimEnd('.');
            month = MonthOf(name);
            if (month == 0)
            {
                return ValidationError.Of(field, $"Bulan \"{name}\" tidak dikenal. Tulis nama bulan dalam bahasa Indonesia, misalnya 30 November 2026 atau 30 Nov 2026.");
            }
        }
        else
        {
            return ValidationError.Of(field, $"\"{s}\" tidak dapat dibaca sebagai tanggal. {DateExpected}");
        }
        if (year < 1900 || year > 2200) return ValidationError.Of(field, $"Tahun {year} di luar rentang yang dapat dicatat (1900–2200). Tulis tahun dengan empat angka.");
        if (month is < 1 or > 12) return ValidationError.Of(field, $"Bulan {month} tidak ada; bulan ditulis 1 sampai 12. {DateExpected}");
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return ValidationError.Of(field, $"Tanggal {day} tidak ada pada bulan {Culture.DateTimeFormat.GetMonthName(month)} {year}.");
        }
        return (DateOnly?)new DateOnly(year, month, day);
    }

    private static int MonthOf(string name)
    {
        var lower = name.ToLowerInvariant();
        for (var i = 0; i < Months.Length; i++)
        {
            if (Months[i] == lower || (lower.Length >= 3 && Months[i].StartsWith(lower, StringComparison.Ordinal))) return i + 1;
        }
        return MonthAliases.TryGetValue(lower, out var m) ? m : 0;
    }

    /// <summary>A date in a list: "30 Nov 2026".</summary>
    public static string FormatDateShort(DateOnly d) => d.ToString("d MMM yyyy", Culture);

    /// <summary>A date on a record: "30 November 2026".</summary>
    public static string FormatDateLong(DateOnly d) => d.ToString("d MMMM yyyy", Culture);

    [GeneratedRegex(@"^(?<whole>\d{1,3}(\.\d{3})+|\d+)(,(?<cents>\d{1,2}))?$")]
    private static partial Regex RupiahPattern();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s*[/\-.]\s*(?<m>\d{1,2})\s*[/\-.]\s*(?<y>\d{4})$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>\d{1,2})[\s\-]+(?<m>[A-Za-z]+\.?)[\s\-]+(?<y>\d{4})$")]
    private static partial Regex NamedDate();
}
