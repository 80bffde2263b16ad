using System.Globalization;
using System.Text;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Agreements;

public sealed record SimilarAgreement(Guid Id, string Title, string StageLabel);

/// <summary>Agreements of the actor's own region whose title is close to a title being typed, so the
/// registration form can warn of a likely duplicate (a warning, never a refusal). Two titles are
/// "mirip" when, after both are made uniform (lower case, punctuation dropped, "kerjasama" read as
/// "kerja sama", repeated spaces collapsed):
/// <list type="bullet">
/// <item>they differ by at most a few letters (edit distance ≤ 10% of the longer title, at least 2), or</item>
/// <item>they use the same meaningful words (longer than 2 letters, not "kerja", "sama", "tentang",
/// "dan", …), or, when the shorter title has at least 3 of them, at least 80% of those appear in the other.</item>
/// </list>
/// Only agreements the actor can see are compared.</summary>
public static class FindSimilarAgreements
{
    public const int MaxResults = 5;
    private const int MinLength = 8;

    private static readonly HashSet<string> Filler =
    [
        "kerja", "sama", "tentang", "dan", "dengan", "antara", "dalam", "untuk", "bidang", "pemerintah", "daerah", "yang", "atas", "serta", "oleh", "pada",
    ];

    public static async Task<Result<IReadOnlyList<SimilarAgreement>>> HandleAsync(JalinDb db, CurrentActor actor, string? title, Guid? exceptId = null, CancellationToken ct = default)
    {
        if (actor.Role == Role.SystemAdmin) return new ForbiddenError("Administrator sistem tidak membuka isi kerja sama.");
        if (actor.RegionCode is not { } region) return Array.Empty<SimilarAgreement>();
        var wanted = Normalize(title);
        if (wanted.Length < MinLength) return Array.Empty<SimilarAgreement>();

        // One region's titles are a few hundred short strings: comparing them here keeps the rule the
        // same on SQLite and PostgreSQL and easy to explain.
        var candidates = await db.Agreements.AsNoTracking().VisibleTo(actor)
            .Where(a => a.RegionCode == region && a.Id != exceptId)
            .Select(a => new { a.Id, a.Title, a.Stage })
            .ToListAsync(ct);
        return candidates
            .Select(c => (c, score: Score(wanted, Normalize(c.Title))))
            .Where(x => x.score > 0)
            .OrderByDescending(x => x.score).ThenBy(x => x.c.Title, StringComparer.Ordinal)
            .Take(MaxResults)
            .Select(x => new SimilarAgreement(x.c.Id, x.c.Title, x.c.Stage.Label()))
            .ToList();
    }

    /// <summary>True when the two titles are "mirip" by the rule above.</summary>
    public static bool AreSimilar(string? a, string? b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        return x.Length >= MinLength && y.Length >= MinLength && Score(x, y) > 0;
    }

    /// <summary>Lower case, letters and digits only (diacritics dropped), "kerjasama" → "kerja sama", single spaces.</summary>
    public static string Normalize(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return "";
        var sb = new StringBuilder(title.Length);
        foreach (var ch in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w == "kerjasama" ? "kerja sama" : w);
        return string.Join(' ', words);
    }

    /// <summary>0 when not similar; higher is closer (1 = same after normalising).</summary>
    private static double Score(string x, string y)
    {
        if (x.Length == 0 || y.Length == 0) return 0;
        if (x == y) return 1;
        var longer = Math.Max(x.Length, y.Length);
        var allowed = Math.Max(2, longer / 10);
        if (Math.Abs(x.Length - y.Length) <= allowed)
        {
            var d = Distance(x, y, allowed);
            if (d <= allowed) return 1 - (double)d / longer;
        }
        var a = Words(x);
        var b = Words(y);
        if (a.Count == 0 || b.Count == 0) return 0;
        if (a.SetEquals(b)) return 0.6; // the same words in another order or with other filler words
        if (Math.Min(a.Count, b.Count) < 3) return 0;
        var overlap = (double)a.Intersect(b).Count() / Math.Min(a.Count, b.Count);
        return overlap >= 0.8 ? 0.5 * overlap : 0; // edit-distance matches (≥ 0.9) rank first
    }

    private static HashSet<string> Words(string normalized) =>
        normalized.Split(' ').Where(w => w.Length > 2 && !Filler.Contains(w)).ToHashSet();

    /// <summary>Levenshtein distance, stopping early once every path exceeds <paramref name="limit"/>.</summary>
    private static int Distance(string s, string t, int limit)
    {
        var prev = new int[t.Length + 1];
        var cur = new int[t.Length + 1];
        for (var j = 0; j <= t.Length; j++) prev[j] = j;
        for (var i = 1; i <= s.Length; i++)
        {
            cur[0] = i;
            var best = cur[0];
            for (var j = 1; j <= t.Length; j++)
            {
                var cost = s[i - 1] == t[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                best = Math.Min(best, cur[j]);
            }
            if (best > limit) return limit + 1;
            (prev, cur) = (cur, prev);
        }
        return prev[t.Length];
    }
}
