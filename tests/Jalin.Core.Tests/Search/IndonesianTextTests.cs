using Jalin.Core.Search;

namespace Jalin.Core.Tests.Search;

public class IndonesianTextTests
{
    [Theory]
    [InlineData("persampahan", "sampah")]
    [InlineData("penyelenggaraan", "selenggara")]
    [InlineData("perjanjian", "janji")]
    public void Stems_derived_words_to_their_root(string word, string stem) =>
        Assert.Equal(stem, IndonesianText.Stem(word));

    [Fact]
    public void Tala_stemmer_does_not_restore_a_dropped_initial_letter()
    {
        // Lucene's stemmer (Tala 2003) strips "peng-" without restoring the k of "kelola" (ADR 0010): what matters
        // is that every form of the word in the index and in the query gets the same stem.
        Assert.Equal("elola", IndonesianText.Stem("pengelolaan"));
        Assert.Equal(IndonesianText.Stem("pengelolaan"), IndonesianText.Stem("pengelola"));
    }

    [Theory]
    [InlineData("kerjasama")]
    [InlineData("Kerja-Sama")]
    [InlineData("kerja sama")]
    [InlineData("KERJASAMA")]
    public void Solid_and_hyphenated_compounds_become_two_words(string text) =>
        Assert.Equal(["kerja", "sama"], IndonesianText.Words(text));

    [Fact]
    public void Diacritics_punctuation_and_stopwords_are_dropped()
    {
        Assert.Equal(["kafe", "bandung"], IndonesianText.Words("Kafé, Bandung!"));
        Assert.Equal(IndonesianText.Tokens("pengelolaan sampah"), IndonesianText.Tokens("Pengelolaan dan sampah"));
        Assert.Equal("tanda tangan janji", IndonesianText.TokenText("tandatangan perjanjian"));
    }

    [Theory]
    [InlineData("Kafé, Bandung! Kerja-sama  PT. Maju–Jaya (Persero) Tbk")]
    [InlineData("  \t\nRp 1.500.000,50 / tahun 2026; No. 100/1/PKS/2025 ")]
    [InlineData("Ñoño 🌏 emoji \ud800 lone surrogate, e\u0301 combining, ΑΒΓ, 中文, ١٢٣")]
    [InlineData("TANDATANGAN tanggungjawab mata-pencaharian HASILGUNA dayaguna")]
    [InlineData("...!!!")]
    [InlineData("x")]
    public void Words_split_as_the_plain_rule_says(string text) => AssertPlainRule(text);

    [Fact]
    public void Every_ascii_character_splits_as_the_plain_rule_says()
    {
        // The scan reads ASCII by a shortcut of its own: every one of the 128, between letters, in a row and alone.
        var all = Enumerable.Range(0, 128).Select(i => (char)i).ToArray();
        AssertPlainRule(string.Join("a", all));
        AssertPlainRule(new string(all));
        foreach (var c in all) AssertPlainRule($"X{c}y{c}Z");
    }

    private static void AssertPlainRule(string text)
    {
        // the rule, written the slow way: drop combining marks, lowercase letters and digits, anything else is a space,
        // then split and cut the solid compounds in two
        var sb = new System.Text.StringBuilder();
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var compounds = new Dictionary<string, string[]>
        {
            ["kerjasama"] = ["kerja", "sama"], ["tandatangan"] = ["tanda", "tangan"], ["matapencaharian"] = ["mata", "pencaharian"],
            ["tanggungjawab"] = ["tanggung", "jawab"], ["dayaguna"] = ["daya", "guna"], ["hasilguna"] = ["hasil", "guna"],
        };
        var expected = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => compounds.TryGetValue(w, out var two) ? two : [w]);
        Assert.Equal(expected, IndonesianText.Words(text));
        Assert.Equal(IndonesianText.Words(text + " " + new string('a', 3000)).Take(IndonesianText.Words(text).Count), IndonesianText.Words(text)); // a long text
    }

    [Theory]
    [InlineData("Kafé, Bandung! Kerja-sama  PT. Maju–Jaya (Persero) Tbk dan yang di ke")]
    [InlineData("  \t\nRp 1.500.000,50 / tahun 2026; No. 100/1/PKS/2025 ")]
    [InlineData("Ñoño 🌏 emoji \ud800 lone surrogate, e\u0301 combining, ΑΒΓ, 中文, ١٢٣")]
    [InlineData("TANDATANGAN tanggungjawab mata-pencaharian HASILGUNA dayaguna the of and")]
    [InlineData("...!!!")]
    [InlineData("")]
    public void Token_count_is_the_number_of_tokens(string text) =>
        Assert.Equal(IndonesianText.Tokens(text).Count, IndonesianText.TokenCount(text));

    [Fact]
    public void Score_counts_the_title_in_the_stored_tokens_as_the_plain_rule_does()
    {
        // the rule, written the slow way: the title tokenised again, the stored tokens split into strings
        static double Reference(string title, string tokens, IReadOnlyCollection<string> stems)
        {
            var titleTokens = IndonesianText.Tokens(title);
            var all = tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var score = 0.0;
            foreach (var s in stems)
            {
                var inTitle = titleTokens.Count(t => t == s);
                var inText = Math.Max(0, all.Count(t => t == s) - inTitle);
                score += 4 * Math.Min(inTitle, 2) + (inText > 0 ? 1 + Math.Log(inText) : 0);
            }
            score /= 1 + Math.Log(1 + all.Length / 200.0);
            return Math.Round(score, 6);
        }
        var body = string.Join(" ", Enumerable.Range(0, 400).Select(i => i % 7 == 0 ? "pengelolaan sampah" : i % 5 == 0 ? "kerjasama Kafé" : "air minum daerah"));
        var cases = new (string Title, string Body)[]
        {
            ("Pengelolaan Sampah Sampah sampah Regional", "sampah di TPA"), ("Kerjasama Air Minum dan Sanitasi", body), ("Kafé, Bandung!", ""),
            ("Penyediaan air minum", "Penyediaan air minum, termasuk sampah"), ("yang dan di", "sampah"), ("", "sampah sampah"),
            ("Tanda-tangan naskah pengelolaan", "tandatangan " + body),
        };
        var n = 0;
        foreach (var (title, text) in cases)
        {
            var entry = SearchIndexer.Entry(SearchKind.Agreement, Guid.NewGuid(), "32.77", null, null, 2026, title, text, false, DateTimeOffset.UnixEpoch);
            var words = IndonesianText.Tokens(title + " " + text).Distinct().ToList();
            foreach (var stems in new[] { words.Take(1).ToList(), words.Take(3).ToList(), words, ["tidakada"], [.. words.Take(2), "tidakada"] })
            {
                Assert.Equal(Reference(entry.Title, entry.Tokens, stems), SiteSearch.Score(entry.Title, entry.Tokens, stems));
                n++;
            }
        }
        Assert.Equal(35, n);
        Assert.True(SiteSearch.Score("Pengelolaan Sampah Sampah sampah Regional", IndonesianText.TokenText("Pengelolaan Sampah Sampah sampah Regional sampah"), ["sampah"]) > 0);
    }

    [Fact]
    public void A_remembered_stem_is_the_stemmer_s_own()
    {
        var first = IndonesianText.Stem("pemberdayaan");
        Assert.Equal(first, IndonesianText.Stem("pemberdayaan"));
        Assert.Equal("daya", first);
    }

    [Fact]
    public void Typo_distance_counts_a_swap_as_one_edit()
    {
        Assert.Equal(1, SearchVocabulary.Distance("braunschwieg", "braunschweig"));
        Assert.Equal(1, SearchVocabulary.Distance("bandng", "bandung"));
        Assert.Equal("bandung", SearchVocabulary.Nearest("bandng", ["bandung", "garut", "cimahi"]));
        Assert.Equal("cimahi", SearchVocabulary.Nearest("cimahy", ["bandung", "garut", "cimahi"]));
        // Five letters or fewer: one edit only.
        Assert.Null(SearchVocabulary.Nearest("grtx", ["garut"]));
    }

    [Fact]
    public void Snippets_encode_everything_but_the_marks()
    {
        var stems = new HashSet<string> { IndonesianText.Stem("sampah") };
        var html = SiteSearch.Highlight("<script>alert(1)</script> Persampahan & sampah", stems);
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Persampahan</mark> &amp; <mark>sampah</mark>", html);
        Assert.DoesNotContain("<script>", SiteSearch.Snippet(new string('x', 10) + " <script> sampah", stems));
    }

    [Fact]
    public void Ranking_puts_title_hits_above_text_hits_and_breaks_ties_by_title()
    {
        var stems = IndonesianText.Tokens("persampahan");
        var inTitle = SiteSearch.Score("Pengelolaan sampah regional", IndonesianText.TokenText("Pengelolaan sampah regional bersama"), stems);
        var inText = SiteSearch.Score("Penyediaan air minum", IndonesianText.TokenText("Penyediaan air minum, termasuk sampah"), stems);
        Assert.True(inTitle > inText, $"{inTitle} <= {inText}");
        var ranked = SiteSearch.Rank([
            new SiteSearch.Candidate(1, SearchKind.Agreement, Guid.NewGuid(), null, "32.77", null, null, "B air sampah", IndonesianText.TokenText("B air sampah")),
            new SiteSearch.Candidate(2, SearchKind.Agreement, Guid.NewGuid(), null, "32.77", null, null, "A air sampah", IndonesianText.TokenText("A air sampah")),
            new SiteSearch.Candidate(3, SearchKind.Agreement, Guid.NewGuid(), null, "32.77", null, null, "Air minum", IndonesianText.TokenText("Air minum sampah")),
        ], stems);
        Assert.Equal(["A air sampah", "B air sampah", "Air minum"], ranked.Select(r => r.Entry.Title));
    }
}
