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
        var sink = new WordList { Words = [] };
        Scan(text, ref sink);
        return sink.Words;
    }

    /// <summary>How many tokens <see cref="Tokens"/> gives for <paramref name="text"/> (its words less the stopwords, a solid
    /// compound counting as its two words), without building them: the ranking counts a title's tokens for every candidate.</summary>
    public static int TokenCount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        var sink = new TokenCounter();
        Scan(text, ref sink);
        return sink.Count;
    }

    private interface IWordSink
    {
        void Word(ReadOnlySpan<char> word);
    }

    /// <summary>The one pass both read: letters and digits lowercased into the current word, anything else ends it, combining
    /// marks (diacritics once decomposed) dropped.</summary>
    private static void Scan<TSink>(string text, ref TSink sink) where TSink : struct, IWordSink
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var buffer = decomposed.Length <= 1024 ? stackalloc char[decomposed.Length] : new char[decomposed.Length];
        var length = 0;
        foreach (var c in decomposed)
        {
            // ASCII first (nearly every character of a register): the same answers as the general rules below, without
            // looking the character up in Unicode's tables. The ranking scans every candidate's title this way.
            if (char.IsAscii(c))
            {
                if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) buffer[length++] = c;
                else if (char.IsAsciiLetterUpper(c)) buffer[length++] = (char)(c | 0x20);
                else if (length > 0)
                {
                    sink.Word(buffer[..length]);
                    length = 0;
                }
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) buffer[length++] = char.ToLowerInvariant(c);
            else if (length > 0)
            {
                sink.Word(buffer[..length]);
                length = 0;
            }
        }
        if (length > 0) sink.Word(buffer[..length]);
    }

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CompoundsBySpan = Compounds.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopwordsBySpan = Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();

    private struct WordList : IWordSink
    {
        public List<string> Words;

        public void Word(ReadOnlySpan<char> word)
        {
            if (CompoundsBySpan.TryGetValue(word, out var split)) Words.AddRange(split.Split(' '));
            else Words.Add(new string(word));
        }
    }

    private struct TokenCounter : IWordSink
    {
        public int Count;

        public void Word(ReadOnlySpan<char> word)
        {
            if (CompoundsBySpan.TryGetValue(word, out var split))
            {
                foreach (var part in split.Split(' ')) if (!Stopwords.Contains(part)) Count++;
            }
            else if (!StopwordsBySpan.Contains(word)) Count++;
        }
    }

    /// <summary>Stems already worked out: the stemmer is deterministic, and a register repeats the same few thousand words
    /// (an import of 10,000 agreements stems each of them many times). Bounded, so odd input cannot grow it without end.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Stems = new(StringComparer.Ordinal);

    private const int MaxStems = 100_000;

    /// <summary>The stem of one normalised word ("penyelenggaraan" → "selenggara"); numbers and short words stay.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit)) return word;
        if (Stems.TryGetValue(word, out var known)) return known;
        // The stemmer keeps state per call (syllable count, removed affixes): one instance per use.
        var chars = word.ToCharArray();
        var length = new IndonesianStemmer().Stem(chars, chars.Length, stemDerivational: true);
        var stem = length <= 0 ? word : new string(chars, 0, length);
        if (Stems.Count < MaxStems) Stems.TryAdd(word, stem);
        return stem;
    }

    /// <summary>The search tokens of a text: its words without stopwords, each stemmed.</summary>
    public static IReadOnlyList<string> Tokens(string? text) =>
        Words(text).Where(w => !Stopwords.Contains(w)).Select(Stem).ToList();

    /// <summary>The tokens joined by spaces: what the index stores and the full-text engines match.</summary>
    public static string TokenText(string? text) => string.Join(' ', Tokens(text));
}
