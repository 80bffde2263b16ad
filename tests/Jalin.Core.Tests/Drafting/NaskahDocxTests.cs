using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Jalin.Core.Drafting;

namespace Jalin.Core.Tests.Drafting;

/// <summary>The generated DOCX is valid Open XML and, read back, says what the agreement says.</summary>
public class NaskahDocxTests
{
    private static NaskahModel SevenParties() => new(
        "Perjanjian Kerja Sama",
        "Pengelolaan Sampah di TPPAS Regional Legok Nangka",
        [
            new("Pemerintah Daerah Provinsi Jawa Barat", "658/01/PKS/2026", "Dedi Mulyadi", "Gubernur Jawa Barat", null),
            new("Pemerintah Kota Bandung", "415.4/12/Bag.KS/2026", "Muhammad Farhan", "Wali Kota Bandung", null),
            new("Pemerintah Kota Cimahi", "119/34/Bag.KS/2026", "Ngatiyana", "Wali Kota Cimahi", null),
            new("Pemerintah Kabupaten Bandung", "180/5/2026", "Dadang Supriatna", "Bupati Bandung", null),
            new("Pemerintah Kabupaten Bandung Barat", "180/6/2026", "Jeje Ritchie Ismail", "Bupati Bandung Barat", null),
            new("Pemerintah Kabupaten Sumedang", "180/7/2026", "Dony Ahmad Munir", "Bupati Sumedang", null),
            new("Pemerintah Kabupaten Garut", "180/8/2026", "Abdusy Syakur Amin", "Bupati Garut", null),
        ],
        new DateOnly(2026, 11, 23), "Bandung",
        [
            new("Maksud dan Tujuan", ["Maksud Perjanjian ini adalah pengelolaan sampah regional.", "Tujuan Perjanjian ini adalah mengurangi timbulan sampah ke TPA."]),
            new("Pembiayaan", [$"Biaya jasa pengolahan sampah (tipping fee) tahun pertama sebesar {IndonesianWords.RupiahWithWords(12_500_000_000m)}."]),
        ]);

    [Fact]
    public void Docx_is_valid_open_xml()
    {
        var bytes = NaskahDocx.Write(SevenParties());
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Docx_read_back_contains_the_agreement_in_legal_form()
    {
        var bytes = NaskahDocx.Write(SevenParties());
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("PERJANJIAN KERJA SAMA", text);
        Assert.Contains("PENGELOLAAN SAMPAH DI TPPAS REGIONAL LEGOK NANGKA", text);
        Assert.Contains("Pada hari ini, Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam, bertempat di Bandung", text);
        foreach (var number in new[] { "658/01/PKS/2026", "415.4/12/Bag.KS/2026", "180/8/2026" }) Assert.Contains("NOMOR: " + number, text);
        Assert.Contains("selanjutnya disebut PIHAK KESATU", text);
        Assert.Contains("selanjutnya disebut PIHAK KETUJUH", text);
        Assert.Contains("Pasal 1", text);
        Assert.Contains("Pasal 2", text);
        Assert.Contains("(2) Tujuan Perjanjian ini", text);
        Assert.Contains("Rp12.500.000.000,00 (dua belas miliar lima ratus juta rupiah)", text);
        Assert.Contains("rangkap 7 (tujuh) asli", text);
        Assert.Contains("WALI KOTA CIMAHI", text);
        Assert.Contains("Paraf", text);
    }

    [Theory]
    [InlineData(1, "PIHAK KESATU")]
    [InlineData(2, "PIHAK KEDUA")]
    [InlineData(3, "PIHAK KETIGA")]
    [InlineData(7, "PIHAK KETUJUH")]
    [InlineData(11, "PIHAK KESEBELAS")]
    public void Party_labels(int order, string expected) => Assert.Equal(expected, NaskahDocx.PartyLabel(order));
}
