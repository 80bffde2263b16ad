using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Jalin.Core.Drafting;

namespace Jalin.Core.Tests.Drafting;

/// <summary>Verification codes are random, readable and forgiving to type; the stamped DOCX stays
/// valid Open XML, carries the code and URL in every section's footer and keeps the body as it was.</summary>
public class VerificationMarkTests
{
    private const string Url = "https://jalin.jabarprov.go.id/verifikasi/7K3M-QW9D-2HXA";

    internal static NaskahModel TwoParties() => new(
        "Perjanjian Kerja Sama",
        "Pengelolaan Sampah Regional",
        [
            new("Pemerintah Kota Cimahi", "119/34/Bag.KS/2026", "Ngatiyana", "Wali Kota Cimahi", null),
            new("Pemerintah Kabupaten Bandung Barat", "180/6/2026", "Jeje Ritchie Ismail", "Bupati Bandung Barat", null),
        ],
        new DateOnly(2026, 11, 23), "Cimahi",
        [
            new("Maksud dan Tujuan", ["Maksud Perjanjian ini adalah pengelolaan sampah regional.", "Tujuan Perjanjian ini adalah mengurangi timbulan sampah ke TPA."]),
            new("Ruang Lingkup", ["Ruang lingkup Perjanjian ini meliputi pengangkutan, pengolahan dan pemrosesan akhir sampah."]),
            new("Pembiayaan", [$"Biaya jasa pengolahan sampah tahun pertama sebesar {IndonesianWords.RupiahWithWords(2_500_000_000m)}."]),
            new("Jangka Waktu", ["Perjanjian ini berlaku selama 5 (lima) tahun sejak ditandatangani."]),
        ]);

    [Fact]
    public void New_codes_are_three_groups_of_four_from_the_crockford_alphabet()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = VerificationMark.NewCode();
            Assert.Equal(14, code.Length);
            Assert.Equal('-', code[4]);
            Assert.Equal('-', code[9]);
            Assert.All(code.Replace("-", ""), c => Assert.Contains(c, VerificationMark.Alphabet));
            Assert.DoesNotContain(code, c => c is 'I' or 'L' or 'O' or 'U');
        }
    }

    [Fact]
    public void Thousand_new_codes_are_distinct() =>
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => VerificationMark.NewCode()).Distinct().Count());

    [Fact]
    public void New_codes_use_the_whole_alphabet()
    {
        var seen = Enumerable.Range(0, 300).SelectMany(_ => VerificationMark.NewCode().Replace("-", "")).ToHashSet();
        Assert.Equal(VerificationMark.Alphabet.Length, seen.Count);
    }

    [Fact]
    public void Normalize_round_trips_new_codes_typed_lowercase_or_without_dashes()
    {
        for (var i = 0; i < 100; i++)
        {
            var code = VerificationMark.NewCode();
            Assert.Equal(code, VerificationMark.Normalize(code));
            Assert.Equal(code, VerificationMark.Normalize(code.ToLowerInvariant()));
            Assert.Equal(code, VerificationMark.Normalize(code.Replace("-", "")));
            Assert.Equal(code, VerificationMark.Normalize("  " + code.Replace("-", " ").ToLowerInvariant() + " "));
        }
    }

    [Theory]
    [InlineData("7k3m-qw9d-2hxa", "7K3M-QW9D-2HXA")]
    [InlineData("7K3MQW9D2HXA", "7K3M-QW9D-2HXA")]
    [InlineData(" 7K3M QW9D 2HXA ", "7K3M-QW9D-2HXA")]
    [InlineData("O0O0-IiLl-1111", "0000-1111-1111")]
    public void Normalize_accepts_typing_variants(string input, string expected) =>
        Assert.Equal(expected, VerificationMark.Normalize(input));

    [Theory]
    [InlineData("")]
    [InlineData("7K3M-QW9D-2HX")]        // 11 characters
    [InlineData("7K3M-QW9D-2HXAB")]      // 13 characters
    [InlineData("7K3M-QW9D-2HXU")]       // U is not in the alphabet
    [InlineData("7K3M-QW9D-2HX*")]
    [InlineData("7K3-MQW9D-2HXA")]       // dash in the wrong place
    [InlineData("7K3M-QW9D-2HXA-")]
    public void Normalize_rejects_what_is_not_a_code(string input) => Assert.Null(VerificationMark.Normalize(input));

    [Fact]
    public void Qr_is_a_png()
    {
        var png = VerificationMark.QrPng(Url);
        Assert.True(png.Length > 100);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
    }

    [Fact]
    public void Stamped_docx_is_valid_open_xml()
    {
        var stamped = VerificationMark.Stamp(NaskahDocx.Write(TwoParties()), "7K3M-QW9D-2HXA", Url);
        using var doc = WordprocessingDocument.Open(new MemoryStream(stamped), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Stamped_docx_has_a_footer_with_code_url_and_qr_in_every_section_and_the_same_body()
    {
        var original = NaskahDocx.Write(TwoParties());
        var stamped = VerificationMark.Stamp(original, "7K3M-QW9D-2HXA", Url);

        string BodyText(byte[] bytes)
        {
            using var d = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            return string.Join("\n", d.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        }

        using var doc = WordprocessingDocument.Open(new MemoryStream(stamped), false);
        var main = doc.MainDocumentPart!;
        var footer = Assert.Single(main.FooterParts);
        var footerText = string.Join("\n", footer.Footer!.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("Kode verifikasi: 7K3M-QW9D-2HXA", footerText);
        Assert.Contains("Periksa keaslian dokumen di " + Url, footerText);

        var image = Assert.Single(footer.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        using (var s = image.GetStream()) Assert.Equal(0x89, s.ReadByte());
        var blip = Assert.Single(footer.Footer!.Descendants<DocumentFormat.OpenXml.Drawing.Blip>());
        Assert.Equal(footer.GetIdOfPart(image), blip.Embed!.Value);

        var sections = main.Document!.Body!.Descendants<SectionProperties>().ToList();
        Assert.NotEmpty(sections);
        var footerId = main.GetIdOfPart(footer);
        Assert.All(sections, s => Assert.Contains(s.Elements<FooterReference>(), r => r.Id == footerId && r.Type!.Value == HeaderFooterValues.Default));

        Assert.Equal(BodyText(original), BodyText(stamped));
        Assert.DoesNotContain("7K3M-QW9D-2HXA", BodyText(stamped));
    }

    [Fact]
    public void Stamp_adds_a_section_when_the_body_has_none_and_covers_every_section()
    {
        // strip the naskah's sectPr, then add two sections: one inside a paragraph, one at the end
        byte[] bytes;
        using (var ms = new MemoryStream())
        {
            ms.Write(NaskahDocx.Write(TwoParties()));
            ms.Position = 0;
            using (var d = WordprocessingDocument.Open(ms, true))
            {
                var body = d.MainDocumentPart!.Document!.Body!;
                body.Elements<SectionProperties>().Single().Remove();
                d.MainDocumentPart.Document.Save();
            }
            bytes = ms.ToArray();
        }
        var once = VerificationMark.Stamp(bytes, "AAAA-BBBB-CCCC", Url);
        using (var d = WordprocessingDocument.Open(new MemoryStream(once), false))
        {
            var body = d.MainDocumentPart!.Document!.Body!;
            var last = Assert.IsType<SectionProperties>(body.LastChild);
            Assert.Single(last.Elements<FooterReference>());
            var errors = new OpenXmlValidator().Validate(d).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        // a document with a section break in a paragraph: both sections get the footer
        using var two = new MemoryStream();
        two.Write(NaskahDocx.Write(TwoParties()));
        two.Position = 0;
        using (var d = WordprocessingDocument.Open(two, true))
        {
            var body = d.MainDocumentPart!.Document!.Body!;
            var firstParagraph = body.Elements<Paragraph>().First();
            var pPr = firstParagraph.ParagraphProperties ?? firstParagraph.PrependChild(new ParagraphProperties());
            pPr.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }));
            d.MainDocumentPart.Document.Save();
        }
        var stamped = VerificationMark.Stamp(two.ToArray(), "AAAA-BBBB-CCCC", Url);
        using var doc = WordprocessingDocument.Open(new MemoryStream(stamped), false);
        var sections = doc.MainDocumentPart!.Document!.Body!.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        Assert.All(sections, s => Assert.IsType<FooterReference>(s.FirstChild));
        var validation = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(validation.Count == 0, string.Join("\n", validation));
    }
}
