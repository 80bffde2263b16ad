using System.Collections.Concurrent;
using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Search;

/// <summary>The words of partner and region names, for typo tolerance ("Bandng" → "bandung"). Kept in memory per
/// process and database, dropped by the indexer when a partner changes.</summary>
public static class SearchVocabulary
{
    private static readonly ConcurrentDictionary<string, string[]> Cache = new();

    public static void Invalidate(JalinDb db) => Cache.TryRemove(Key(db), out _);

    private static string Key(JalinDb db) => db.Database.GetConnectionString() ?? "";

    public static async Task<string[]> WordsAsync(JalinDb db, CancellationToken ct = default)
    {
        var key = Key(db);
        if (Cache.TryGetValue(key, out var words)) return words;
        var names = await db.Partners.AsNoTracking().Select(p => p.Name).ToListAsync(ct);
        names.AddRange(await db.Regions.AsNoTracking().Select(r => r.Name).ToListAsync(ct));
        words = names.SelectMany(IndonesianText.Words).Where(w => w.Length >= 3 && !w.Any(char.IsDigit)).Distinct().Order(StringComparer.Ordinal).ToArray();
        Cache[key] = words;
        return words;
    }

    /// <summary>The nearest vocabulary word within Damerau-Levenshtein distance 1 (words of up to 5 letters) or 2 (longer);
    /// ties go to the alphabetically first, so the answer is the same everywhere.</summary>
    public static string? Nearest(string word, IEnumerable<string> vocabulary)
    {
        var max = word.Length <= 5 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in vocabulary)
        {
            if (Math.Abs(candidate.Length - word.Length) > max || candidate == word) continue;
            var d = Distance(word, candidate, max);
            if (d <= max && (d < bestDistance || (d == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions).</summary>
    public static int Distance(string a, string b, int max = int.MaxValue)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return rowMin;
        }
        return d[a.Length, b.Length];
    }
}
