using System.Text.RegularExpressions;
using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Drafting;

/// <summary>Runs the muatan table over a draft: the clause types its version contains (a naskah's
/// layout itself writes the title, numbers, place, date and parties), plus the agreement's facts.</summary>
public static partial class DraftCompliance
{
    public static IReadOnlySet<ClauseType> Types(TemplateLayout layout, IEnumerable<DraftClause> clauses)
    {
        var set = clauses.Where(c => c.Type is not null && c.Paragraphs.Any(p => !string.IsNullOrWhiteSpace(p))).Select(c => c.Type!.Value).ToHashSet();
        if (layout == TemplateLayout.Naskah) { set.Add(ClauseType.Title); set.Add(ClauseType.Parties); }
        return set;
    }

    public static async Task<(GovernmentAffair? Affair, Dictionary<string, RegionLevel> Levels)> FactsAsync(JalinDb db, Agreement a, CancellationToken ct)
    {
        var affair = a.AffairCode is null ? null : await db.GovernmentAffairs.AsNoTracking().FirstOrDefaultAsync(x => x.Code == a.AffairCode, ct);
        var codes = a.Parties.Where(p => p.RegionCode != null).Select(p => p.RegionCode!).Distinct().ToList();
        var levels = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Level, ct);
        return (affair, levels);
    }

    public static IReadOnlyList<ComplianceItem> Check(Agreement a, DocumentKind form, TemplateLayout layout, IReadOnlyList<DraftClause> clauses,
        GovernmentAffair? affair, IReadOnlyDictionary<string, RegionLevel> levels)
    {
        DateOnly? loiUntil = null;
        if (form == DocumentKind.PernyataanKehendak && StatedDuration(clauses.Where(c => c.Type == ClauseType.Term)) is { } days)
            loiUntil = (a.StartsOn ?? DateOnly.FromDateTime(DateTime.UtcNow)).AddDays(days);
        var ctx = new MuatanContext(a, form, Types(layout, clauses), affair, levels, loiUntil);
        var items = Muatan.Check(ctx).ToList();
        var blanks = clauses.Sum(c => c.Paragraphs.Sum(p => CountBlanks(p)));
        if (blanks > 0)
            items.Add(new ComplianceItem("blanks", $"Isian kosong ({DraftFields.Blank}) masih ada di {blanks} tempat", false, false, "kelengkapan naskah"));
        return items;
    }

    /// <summary>Ready for signing: nothing required missing, or a leader overrode this very version.</summary>
    public static bool IsReady(Draft d, IReadOnlyList<ComplianceItem> items) => Muatan.IsComplete(items) || d.OverrideVersion == d.LatestVersion;

    private static int CountBlanks(string text)
    {
        var n = 0;
        for (var i = text.IndexOf(DraftFields.Blank, StringComparison.Ordinal); i >= 0; i = text.IndexOf(DraftFields.Blank, i + DraftFields.Blank.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    [GeneratedRegex(@"(\d+)\s*\([^)]*\)\s*(tahun|bulan|hari)", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    /// <summary>The longest duration a term clause states ("1 (satu) tahun", "6 (enam) bulan"), in days.</summary>
    public static int? StatedDuration(IEnumerable<DraftClause> termClauses)
    {
        int? longest = null;
        foreach (Match m in DurationPattern().Matches(string.Join("\n", termClauses.SelectMany(c => c.Paragraphs))))
        {
            var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var days = m.Groups[2].Value.ToLowerInvariant() switch { "tahun" => n * 365, "bulan" => n * 30, _ => n };
            longest = Math.Max(longest ?? 0, days);
        }
        return longest;
    }

    /// <summary>For the lifecycle: per naskah form, whether the agreement's latest Jalin draft of
    /// that form is ready for signing. Forms never drafted in Jalin are absent.</summary>
    public static async Task<IReadOnlyDictionary<DocumentKind, bool>> ReadinessAsync(JalinDb db, Agreement a, CancellationToken ct)
    {
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.AgreementId == a.Id).ToListAsync(ct);
        var result = new Dictionary<DocumentKind, bool>();
        if (drafts.Count == 0) return result;
        var (affair, levels) = await FactsAsync(db, a, ct);
        foreach (var d in drafts.GroupBy(d => d.Form).Select(g => g.OrderBy(d => d.CreatedAt).Last()))
        {
            var latest = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == d.Id && v.Number == d.LatestVersion).FirstAsync(ct);
            result[d.Form] = IsReady(d, Check(a, d.Form, d.Layout, latest.Clauses, affair, levels));
        }
        return result;
    }
}
