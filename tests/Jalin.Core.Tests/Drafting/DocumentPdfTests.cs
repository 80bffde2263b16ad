using Jalin.Core.Agreements;
using Jalin.Core.Drafting;
using Jalin.Core.Regions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Jalin.Core.Tests.Drafting;

/// <summary>The demo's Cimahi–Garut Kesepakatan Bersama converted by the real LibreOffice once per
/// typeface a region may choose (each soffice start costs seconds).</summary>
public sealed class DocumentPdfs : IAsyncLifetime
{
    public PdfConverter Converter { get; } = new(new PdfOptions());
    public Dictionary<string, Jalin.Core.Common.Result<byte[]>> Results { get; } = [];

    public static byte[] Docx(string family)
    {
        var (_, chili) = DocumentQualityTests.Agreements().First(x => x.Name == $"chili {CooperationKind.KsddSukarela}");
        var owner = new Region { Code = "32.77", Name = "Kota Cimahi", Level = RegionLevel.City, ProvinceCode = "32" };
        var t = DefaultTemplates.Find("kb")!;
        var fields = DraftFields.From(chili, owner, new GovernmentAffair { Code = "2.09", Name = "Pangan" }, new DateOnly(2026, 11, 27));
        var clauses = t.Clauses.Select(c => c.ToDraftClause()).Select(c => new DraftClause
        {
            Key = c.Key, Type = c.Type, Heading = DraftFields.Fill(c.Heading, fields), Paragraphs = c.Paragraphs.Select(p => DraftFields.Fill(p, fields)).ToList(),
        }).ToList();
        return DraftDocx.Write(new DraftRender(t, chili, owner, clauses, "Cimahi", null, null, fields, Font: new DocumentFont(family, 12)));
    }

    public async Task InitializeAsync()
    {
        if (!Converter.IsAvailable) return;
        await Task.WhenAll(DocumentFont.Families.Select(async f =>
        {
            var r = await Converter.ConvertDocxAsync(Docx(f), CancellationToken.None);
            lock (Results) Results[f] = r;
        }));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public byte[] Pdf(string family)
    {
        Assert.True(Converter.IsAvailable,
            "LibreOffice (soffice) is not installed, so the PDF tests cannot run. Run scripts/install-test-deps (installs libreoffice-writer-nogui).");
        Assert.True(Results[family].Ok, $"Conversion failed: {Results[family].Error?.Message}");
        return Results[family].Value!;
    }
}

/// <summary>Issue #9 item 9: the PDF is set in the region's typeface or its metric-compatible twin
/// (never DejaVu Sans), and the signature blocks span the text width in equal columns.</summary>
public class DocumentPdfTests(DocumentPdfs fixture) : IClassFixture<DocumentPdfs>
{
    [Theory]
    [InlineData("Bookman Old Style", "URWBookman")]
    [InlineData("Arial", "LiberationSans")]
    [InlineData("Times New Roman", "LiberationSerif")]
    [InlineData("Tahoma", "Tahoma")]
    public void The_pdf_embeds_the_region_typeface_or_its_metric_twin(string family, string expected)
    {
        using var pdf = PdfDocument.Open(fixture.Pdf(family));
        // PostScript names as embedded: "ABCDEF+URWBookman-Light", "LiberationSans-Bold", "WineTahoma".
        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => l.FontName?.Split('+').Last() ?? "").ToDictionary(g => g.Key, g => g.Count());
        var ours = fonts.Where(f => f.Key.Contains(expected, StringComparison.OrdinalIgnoreCase)).Sum(f => f.Value);
        var total = fonts.Values.Sum();
        Assert.True(ours > total * 0.95, $"{family}: {ours} of {total} letters in {expected}; fonts: {string.Join(", ", fonts.Select(f => $"{f.Key} ({f.Value})"))}");
        Assert.DoesNotContain(fonts.Keys, f => f.Contains("DejaVu", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Bookman Old Style")]
    [InlineData("Arial")]
    public void The_signature_table_spans_the_text_width_in_equal_columns(string family)
    {
        using var pdf = PdfDocument.Open(fixture.Pdf(family));
        var page = pdf.GetPages().Last(p => p.GetWords().Any(w => w.Text == "Ngatiyana"));
        var words = page.GetWords().ToList();
        const double twip = 1 / 20.0;
        var left = 1701 * twip;
        var width = NaskahDocx.TextWidth * twip;
        Assert.Equal(11906 * twip, page.Width, 1);

        // The names sit centred in the first and second half of the text width, each on one line.
        var first = words.Single(w => w.Text == "Ngatiyana");
        var garut = words.Where(w => w.Text == "GARUT").OrderBy(w => w.BoundingBox.Bottom).First(); // "BUPATI GARUT" in the block
        var bupati = words.Single(w => w.Text == "BUPATI" && Math.Abs(w.BoundingBox.Bottom - garut.BoundingBox.Bottom) < 1);
        var second = (bupati.BoundingBox.Left + garut.BoundingBox.Right) / 2;
        var firstCentre = first.BoundingBox.Centroid.X;
        Assert.InRange(firstCentre, left + width / 4 - 10, left + width / 4 + 10);
        Assert.InRange(second, left + width * 3 / 4 - 10, left + width * 3 / 4 + 10);
        Assert.DoesNotContain(words, w => w.Text is "Ngatiya" or "Ngati" or "na");
    }
}
