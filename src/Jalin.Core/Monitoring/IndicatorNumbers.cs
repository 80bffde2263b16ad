using System.Globalization;
using Jalin.Core.Common;

namespace Jalin.Core.Monitoring;

/// <summary>Target and realisasi of an indicator, typed and shown the Indonesian way: "1.250,5" (dots between thousands,
/// a comma before decimals). Plain "1250" and "1250,5" are read too.</summary>
public static class IndicatorNumbers
{
    public const string Expected = "Tulis angka dengan titik sebagai pemisah ribuan dan koma untuk desimal, misalnya 1.250 atau 78,5.";

    public static Result<decimal?> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (decimal?)null;
        var s = text.Trim().Replace(" ", "").Replace('\u00A0', ' ').Trim();
        if (s.StartsWith('-')) return ValidationError.Of("value", "Angka tidak boleh negatif.");
        var parts = s.Split(',');
        if (parts.Length > 2) return ValidationError.Of("value", $"\"{text.Trim()}\" tidak dapat dibaca sebagai angka. {Expected}");
        var whole = parts[0];
        var groups = whole.Split('.');
        var ok = whole.Length > 0 && groups.All(g => g.Length > 0 && g.All(char.IsAsciiDigit))
            && (groups.Length == 1 || (groups[0].Length <= 3 && groups.Skip(1).All(g => g.Length == 3)));
        if (parts.Length == 2 && (parts[1].Length is 0 or > 4 || !parts[1].All(char.IsAsciiDigit))) ok = false;
        if (!ok) return ValidationError.Of("value", $"\"{text.Trim()}\" tidak dapat dibaca sebagai angka. {Expected}");
        var number = whole.Replace(".", "") + (parts.Length == 2 ? "." + parts[1] : "");
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || v > 1_000_000_000_000m)
            return ValidationError.Of("value", "Angka terlalu besar.");
        return (decimal?)v;
    }

    /// <summary>"1.250,5", "40.000", "78,5".</summary>
    public static string Format(decimal v) => v.ToString(v == decimal.Truncate(v) ? "N0" : "#,##0.####", IndonesianFormat.Culture);

    /// <summary>Realisasi as a share of target, "83,4%"; "—" when the target is 0.</summary>
    public static string Achievement(decimal target, decimal actual) => target == 0 ? "—" : (actual / target * 100m).ToString("0.#", IndonesianFormat.Culture) + "%";
}
