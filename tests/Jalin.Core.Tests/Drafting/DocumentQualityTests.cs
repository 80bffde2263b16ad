using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jalin.Core.Agreements;
using Jalin.Core.Drafting;
using Jalin.Core.Lifecycle;
using Jalin.Core.Regions;
using Jalin.Core.Tests.Lifecycle;

namespace Jalin.Core.Tests.Drafting;

/// <summary>Issue #9 item 9: every default template filled with realistic agreements (the demo's
/// Cimahi–Garut chili agreement among them) reads as a person wrote it: no word or punctuation
/// doubled where a field meets the template, lists joined the Indonesian way, a missing signatory
/// left as a dotted blank and numbers written figure first ("rangkap 2 (dua)").</summary>
public partial class DocumentQualityTests
{
    private static readonly Region Cimahi = new() { Code = "32.77", Name = "Kota Cimahi", Level = RegionLevel.City, ProvinceCode = "32" };

    /// <summary>Agreements as officers enter them: whole document titles starting "Kesepakatan Bersama …
    /// tentang Kerja Sama …" or "Kerja Sama …", object and scope typed with a closing period, a
    /// partner's signatory not known yet (Garut: office only) or typed as the office itself.</summary>
    public static IEnumerable<(string Name, Agreement Agreement)> Agreements()
    {
        foreach (var kind in Enum.GetValues<CooperationKind>())
        {
            var chili = Satisfier.BareAgreement(kind, Stage.Implementation);
            chili.Title = "Kesepakatan Bersama Pemerintah Kota Cimahi dan Pemerintah Kabupaten Garut tentang Kerja Sama Pasokan Cabai untuk Pengendalian Inflasi Daerah";
            chili.Object = "Pasokan cabai merah dan rawit dari kelompok tani Garut ke pasar-pasar Kota Cimahi.";
            chili.Scope = "pasokan, pengangkutan dan pemantauan harga cabai.";
            chili.Value = 450_000_000m;
            chili.StartsOn = new DateOnly(2026, 1, 1);
            chili.EndsOn = new DateOnly(2028, 12, 31);
            chili.Parties[0].SignatoryName = "Ngatiyana";
            chili.Parties[0].LeadAgencyName = "Dinas Ketahanan Pangan dan Pertanian Kota Cimahi.";
            if (kind.IsBetweenRegions())
            {
                chili.Parties[1].RegionCode = "32.05";
                chili.Parties[1].Name = "Pemerintah Kabupaten Garut";
                chili.Parties[1].SignatoryOffice = "Bupati Garut";
                chili.Parties[1].SignatoryName = null;
            }
            yield return ($"chili {kind}", chili);

            var waste = Satisfier.BareAgreement(kind, Stage.Implementation);
            waste.Title = "Kerja Sama Pengelolaan Sampah Regional";
            waste.Object = "pengolahan sampah di TPPAS Regional";
            waste.Scope = "pengangkutan, pemilahan, dan pengolahan sampah";
            waste.Parties[1].SignatoryName = waste.Parties[1].SignatoryOffice; // the office typed into the name
            waste.Parties.Add(new AgreementParty { AgreementId = waste.Id, Order = 3, RegionCode = "32.17", Name = "Pemerintah Kabupaten Bandung Barat", SignatoryOffice = "Bupati Bandung Barat" });
            yield return ($"waste {kind}", waste);
        }
    }

    public static TheoryData<string> Codes() => new(DefaultTemplates.All.Select(t => t.Code));

    private static DraftRender Render(TemplateDefinition t, Agreement a)
    {
        var fields = DraftFields.From(a, Cimahi, new GovernmentAffair { Code = "2.09", Name = "Pangan" }, new DateOnly(2026, 11, 27));
        var clauses = t.Clauses.Select(c => c.ToDraftClause()).Select(c => new DraftClause
        {
            Key = c.Key, Type = c.Type, Heading = DraftFields.Fill(c.Heading, fields), Paragraphs = c.Paragraphs.Select(p => DraftFields.Fill(p, fields)).ToList(),
        }).ToList();
        return new DraftRender(t, a, Cimahi, clauses, "Cimahi", null, null, fields);
    }

    /// <summary>The paragraphs of a DOCX as a reader sees them, one a line.</summary>
    public static List<string> Paragraphs(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>()
            .Select(p => string.Concat(p.Descendants().Select(e => e switch { Text x => x.Text, Break => " ", TabChar => " ", _ => "" })))
            .Where(s => s.Trim().Length > 0).ToList();
    }

    // A word or a run of up to three words said twice in a row ("kerja sama Kerja Sama", "yang yang").
    [GeneratedRegex(@"(?<![\p{L}-])(\p{L}+(?:\s+\p{L}+){0,2})\s+\1(?![\p{L}-])", RegexOptions.IgnoreCase)]
    private static partial Regex DoubledWords();

    [GeneratedRegex(@"[.,;:]\s*[.,;:]")]
    private static partial Regex DoubledPunctuation();

    // "Bupati Garut, Bupati Garut": the same phrase on both sides of a comma.
    [GeneratedRegex(@"(?<![\p{L}])(\p{L}[\p{L} ]{3,}), \1(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex RepeatAroundComma();

    [Theory, MemberData(nameof(Codes))]
    public void Every_template_reads_without_doubled_words_punctuation_or_repeated_offices(string code)
    {
        var t = DefaultTemplates.Find(code)!;
        var faults = new List<string>();
        var rendered = 0;
        foreach (var (name, a) in Agreements().Where(x => t.AppliesTo(x.Agreement.Kind)))
        {
            rendered++;
            foreach (var line in Paragraphs(DraftDocx.Write(Render(t, a))))
            {
                if (DoubledWords().Match(line) is { Success: true } w) faults.Add($"{name}: doubled \"{w.Value}\" in: {line}");
                if (DoubledPunctuation().Match(line) is { Success: true } p) faults.Add($"{name}: doubled \"{p.Value}\" in: {line}");
                if (RepeatAroundComma().Match(line) is { Success: true } r) faults.Add($"{name}: repeated \"{r.Value}\" in: {line}");
            }
        }
        Assert.True(rendered > 0, $"{code} applies to no test agreement");
        Assert.True(faults.Count == 0, string.Join("\n", faults.Distinct().Take(15)));
    }

    [Theory, MemberData(nameof(Codes))]
    public void Naskah_count_their_originals_figure_first(string code)
    {
        var t = DefaultTemplates.Find(code)!;
        if (t.Layout != TemplateLayout.Naskah) return;
        foreach (var (name, a) in Agreements().Where(x => t.AppliesTo(x.Agreement.Kind)))
        {
            var text = string.Join("\n", Paragraphs(DraftDocx.Write(Render(t, a))));
            var n = a.Parties.Count;
            Assert.True(text.Contains($"rangkap {n} ({IndonesianWords.Number(n)}) asli"), $"{name}: no \"rangkap {n} ({IndonesianWords.Number(n)})\"");
            Assert.DoesNotMatch(@"rangkap \p{L}+ \(\d+\)", text);
        }
    }

    [Fact]
    public void A_signatory_not_yet_known_is_a_dotted_blank_never_the_office_twice()
    {
        var (_, chili) = Agreements().First(x => x.Name == $"chili {CooperationKind.KsddSukarela}");
        var text = string.Join("\n", Paragraphs(DraftDocx.Write(Render(DefaultTemplates.Find("kb")!, chili))));
        Assert.Contains($"2. {DraftFields.Blank}, Bupati Garut, dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten Garut", text);
        Assert.DoesNotContain("Bupati Garut, Bupati Garut", text);
        // The signature block: office in capitals, then the dotted line where the name goes.
        var lines = Paragraphs(DraftDocx.Write(Render(DefaultTemplates.Find("kb")!, chili)));
        var office = lines.FindLastIndex(l => l == "BUPATI GARUT");
        Assert.True(office > 0, "no signature block for Garut");
        Assert.Equal(DraftFields.Blank, lines.Skip(office + 1).First(l => l.Trim().Length > 0));
    }

    [Fact]
    public void The_title_of_a_naskah_names_the_subject_once()
    {
        var (_, chili) = Agreements().First(x => x.Name == $"chili {CooperationKind.KsddSukarela}");
        var lines = Paragraphs(DraftDocx.Write(Render(DefaultTemplates.Find("kb")!, chili)));
        var about = lines.IndexOf("TENTANG");
        Assert.Equal("KERJA SAMA PASOKAN CABAI UNTUK PENGENDALIAN INFLASI DAERAH", lines[about + 1]);
        Assert.Contains(lines, l => l.Contains("melaksanakan kerja sama Pasokan Cabai untuk Pengendalian Inflasi Daerah.", StringComparison.Ordinal));
    }

    [Fact]
    public void Lists_are_joined_the_Indonesian_way()
    {
        Assert.Equal("A", DraftFields.JoinAnd(["A"]));
        Assert.Equal("A dan B", DraftFields.JoinAnd(["A", "B"]));
        Assert.Equal("A, B, dan C", DraftFields.JoinAnd(["A", "B", "C"]));
        var (_, waste) = Agreements().First(x => x.Name == $"waste {CooperationKind.KsddSukarela}");
        var text = string.Join("\n", Paragraphs(DraftDocx.Write(Render(DefaultTemplates.Find("kb")!, waste))));
        Assert.Contains("PIHAK KESATU, PIHAK KEDUA, dan PIHAK KETIGA yang selanjutnya secara bersama-sama disebut PARA PIHAK", text);
    }

    [Theory]
    [InlineData("Penawaran Kerja Sama {{judul}}", "Kerja Sama Pengelolaan Sampah", "Penawaran Kerja Sama Pengelolaan Sampah")]
    [InlineData("kerja sama {{judul}}.", "Kerja sama pasokan cabai.", "kerja sama pasokan cabai.")]
    [InlineData("Objek: {{objek}}.", "sampah rumah tangga.", "Objek: sampah rumah tangga.")]
    [InlineData("meliputi {{ruang_lingkup}};", "a, b, dan c.", "meliputi a, b, dan c;")]
    [InlineData("kerja sama {{judul}}", "Kerja Sama", "kerja sama Kerja Sama")] // nothing would be left: keep the value
    [InlineData("urusan {{judul}} dan", "Urusannya", "urusan Urusannya dan")]  // a longer word is not a repeat
    public void Fill_drops_what_the_template_already_says(string template, string value, string expected)
    {
        var field = DraftFields.Used(template)[0];
        Assert.Equal(expected, DraftFields.Fill(template, new Dictionary<string, string?> { [field] = value }));
    }
}
