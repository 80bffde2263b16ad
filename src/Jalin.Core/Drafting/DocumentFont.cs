using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Drafting;

/// <summary>The typeface and size of a region's documents. Regions set it in their tata naskah
/// dinas (Perkada), so it is a region setting [I]; Jalin's default is Bookman Old Style 12. The
/// choices are typefaces a government PC has and that LibreOffice renders with a metric-compatible
/// substitute on a server, so the PDF keeps the page breaks of the DOCX.</summary>
public sealed record DocumentFont(string Family, int Size)
{
    public const string SettingKey = "drafting.font";
    public const int MinSize = 10;
    public const int MaxSize = 14;

    public static readonly DocumentFont Default = new("Bookman Old Style", 12);
    public static readonly IReadOnlyList<string> Families = ["Bookman Old Style", "Arial", "Times New Roman", "Tahoma"];

    /// <summary>Size in half-points, as Word stores it.</summary>
    public string HalfPoints => (Size * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Label => $"{Family} {Size} pt";

    public string ToSetting() => $"{Family};{Size}";

    /// <summary>A stored setting back into a font; anything unreadable falls back to the default.</summary>
    public static DocumentFont Parse(string? setting)
    {
        var parts = (setting ?? "").Split(';');
        return parts.Length == 2 && Canonical(parts[0]) is { } family && int.TryParse(parts[1], out var size) && size is >= MinSize and <= MaxSize
            ? new DocumentFont(family, size) : Default;
    }

    /// <summary>The family as listed in <see cref="Families"/>, matched without regard to case; null when not offered.</summary>
    public static string? Canonical(string? family) =>
        Families.FirstOrDefault(f => string.Equals(f, family?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static async Task<(DocumentFont Font, bool IsRegionValue)> ForRegionAsync(JalinDb db, string regionCode, CancellationToken ct)
    {
        var value = await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == regionCode && s.Key == SettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return (Parse(value), value is not null);
    }
}
