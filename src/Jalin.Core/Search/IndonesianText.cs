using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Id;

namespace Jalin.Core.Search;

/// <summary>Indonesian text for search: lowercased, without punctuation and diacritics, compounds written
/// solid split into their words ("kerjasama" → "kerja sama"), stopwords dropped, every word stemmed with
/// Lucene.Net's Indonesian stemmer (Tala's algorithm: "persampahan" → "sampah", "perjanjian" → "janji").
/// The stemming runs here, in .NET, for both databases, so SQLite and PostgreSQL index and match the same tokens.</summary>
public static class IndonesianText
{
    /// <summary>Compounds that Indonesian writes as two words (KBBI: "kerja sama", "tanda tangan", "mata pencaharian",
    /// "tanggung jawab", "daya guna", "hasil guna") but people often type solid or hyphenated.</summary>
    private static readonly Dictionary<string, string> Compounds = new(StringComparer.Ordinal)
    {
        ["kerjasama"] = "kerja sama",
        ["tandatangan"] = "tanda tangan",
        ["matapencaharian"] = "mata pencaharian",
        ["tanggungjawab"] = "tanggung jawab",
        ["dayaguna"] = "daya guna",
        ["hasilguna"] = "hasil guna",
    };

    /// <summary>Function words that carry no meaning in a search (a small list: the common conjunctions and prepositions).</summary>
    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "dan", "atau", "yang", "di", "ke", "dari", "dengan", "untuk", "pada", "dalam", "oleh", "ini", "itu", "serta",
        "tentang", "bagi", "para", "akan", "adalah", "sebagai", "the", "of", "and",
    };

    public static bool IsStopword(string word) => Stopwords.Contains(word);

    /// <summary>Lowercase, no diacritics, punctuation to spaces, compounds split; words kept in order.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var words = new List<string>();
        foreach (var w in sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Compounds.TryGetValue(w, out var split)) words.AddRange(split.Split(' '));
            else words.Add(w);
        }
        return words;
    }

    /// <summary>The stem of one normalised word ("penyelenggaraan" → "selenggara"); numbers and short words stay.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit)) return word;
        // The stemmer keeps state per call (syllable count, removed affixes): one instance per use.
        var chars = word.ToCharArray();
        var length = new IndonesianStemmer().Stem(chars, chars.Length, stemDerivational: true);
        return length <= 0 ? word : new string(chars, 0, length);
    }

    /// <summary>The search tokens of a text: its words without stopwords, each stemmed.</summary>
    public static IReadOnlyList<string> Tokens(string? text) =>
        Words(text).Where(w => !Stopwords.Contains(w)).Select(Stem).ToList();

    /// <summary>The tokens joined by spaces: what the index stores and the full-text engines match.</summary>
    public static string TokenText(string? text) => string.Join(' ', Tokens(text));
}
