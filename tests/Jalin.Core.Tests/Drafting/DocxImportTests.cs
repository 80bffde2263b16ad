using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Regions;
using Jalin.Core.Tests.Lifecycle;

namespace Jalin.Core.Tests.Drafting;

/// <summary>A Word draft read back into clauses: real DOCX files built with the Open XML SDK,
/// and every naskah template written by Jalin and imported again.</summary>
public class DocxImportTests
{
    // ------------------------------------------------------------------ a small DOCX builder

    /// <summary>Writes a DOCX paragraph by paragraph. Numbering: numId 1 is an ayat list "(1)"
    /// with letter items "a." on level 1; numId 2 is a plain letter list "a."; numId 3 numbers
    /// "Pasal 1", "Pasal 2" ...; the style "Ayat"
    /// is numbered through numId 1.</summary>
    private sealed class Word
    {
        private readonly List<OpenXmlElement> blocks = [];

        public Word P(params string[] lines)
        {
            foreach (var line in lines) blocks.Add(Para(line));
            return this;
        }

        public Word Numbered(string text, int numId = 1, int level = 0)
        {
            var p = Para(text);
            p.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })));
            blocks.Add(p);
            return this;
        }

        public Word Styled(string text, string style)
        {
            var p = Para(text);
            p.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            blocks.Add(p);
            return this;
        }

        public Word Table(params string[] cells)
        {
            var row = new TableRow(cells.Select(c => new TableCell(Para(c))));
            blocks.Add(new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }), new TableGrid(cells.Select(_ => new GridColumn { Width = "3000" })), row));
            return this;
        }

        /// <summary>A paragraph; "\n" in the text is a w:br, "\t" a w:tab.</summary>
        private static Paragraph Para(string text)
        {
            var run = new Run();
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) run.Append(new Break());
                var parts = lines[i].Split('\t');
                for (var j = 0; j < parts.Length; j++)
                {
                    if (j > 0) run.Append(new TabChar());
                    run.Append(new Text(parts[j]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
            return new Paragraph(run);
        }

        public byte[] Bytes()
        {
            using var stream = new MemoryStream();
            using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
            {
                var main = doc.AddMainDocumentPart();
                var numbering = main.AddNewPart<NumberingDefinitionsPart>();
                numbering.Numbering = new Numbering(
                    new AbstractNum(
                        new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "(%1)" }) { LevelIndex = 0 },
                        new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.LowerLetter }, new LevelText { Val = "%2." }) { LevelIndex = 1 })
                    { AbstractNumberId = 0 },
                    new AbstractNum(
                        new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.LowerLetter }, new LevelText { Val = "%1." }) { LevelIndex = 0 })
                    { AbstractNumberId = 1 },
                    new AbstractNum(
                        new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "Pasal %1" }) { LevelIndex = 0 })
                    { AbstractNumberId = 2 },
                    new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 },
                    new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 2 },
                    new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 3 });
                numbering.Numbering.Save();
                var styles = main.AddNewPart<StyleDefinitionsPart>();
                styles.Styles = new Styles(
                    new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
                    new Style(new StyleName { Val = "Ayat" }, new BasedOn { Val = "Normal" },
                        new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })))
                    { Type = StyleValues.Paragraph, StyleId = "Ayat" });
                styles.Styles.Save();
                main.Document = new Document(new Body(blocks.Select(b => b.CloneNode(true))));
                main.Document.Save();
            }
            return stream.ToArray();
        }

        public Result<ImportedDraft> Import(TemplateLayout layout = TemplateLayout.Naskah) => DocxImport.Parse(new MemoryStream(Bytes()), layout);
    }

    private static ImportedDraft Ok(Result<ImportedDraft> r)
    {
        Assert.True(r.Ok, r.Error?.Message);
        return r.Value!;
    }

    private static ValidationError Refused(Result<ImportedDraft> r)
    {
        Assert.False(r.Ok);
        var error = Assert.IsType<ValidationError>(r.Error);
        Assert.True(error.Fields.ContainsKey("file"));
        return error;
    }

    private static Word Preamble() => new Word().P(
        "KESEPAKATAN BERSAMA",
        "ANTARA",
        "PEMERINTAH KOTA CIMAHI",
        "DAN",
        "PEMERINTAH KABUPATEN BANDUNG BARAT",
        "NOMOR: 119/34/Bag.KS/2026",
        "Pada hari ini, Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam, bertempat di Cimahi, kami yang bertanda tangan di bawah ini:",
        "1. Ngatiyana, Wali Kota Cimahi, selanjutnya disebut PIHAK KESATU.",
        "2. Jeje Ritchie Ismail, Bupati Bandung Barat, selanjutnya disebut PIHAK KEDUA.",
        "PIHAK KESATU, PIHAK KEDUA yang selanjutnya secara bersama-sama disebut PARA PIHAK, sepakat untuk mengadakan Kesepakatan Bersama dengan ketentuan sebagai berikut:");

    private static Word Signature(Word w) => w
        .P("Demikian Kesepakatan Bersama ini dibuat dalam rangkap dua (2) asli, ditandatangani oleh PARA PIHAK pada hari, tanggal, bulan dan tahun tersebut di atas.")
        .Table("PIHAK KESATU,\nWALI KOTA CIMAHI\n\nNgatiyana", "PIHAK KEDUA,\nBUPATI BANDUNG BARAT\n\nJeje Ritchie Ismail");

    // ------------------------------------------------------------------ naskah

    [Fact]
    public void Classic_form_pasal_heading_ayat_and_letter_items()
    {
        var d = Ok(Signature(Preamble()
            .P("Pasal 1", "MAKSUD DAN TUJUAN",
                "(1) Maksud Kesepakatan Bersama ini adalah sebagai pedoman bagi PARA PIHAK dalam hal:",
                "a. pengelolaan sampah;",
                "b. penyediaan air bersih.",
                "(2) Tujuan Kesepakatan Bersama ini adalah meningkatkan pelayanan publik.")
            .P("Pasal 2", "HAK DAN KEWAJIBAN", "(1) PIHAK KESATU berhak:\n1) memperoleh laporan;\n2) melakukan evaluasi.", "(2) PIHAK KEDUA berkewajiban melapor.")
            .P("Pasal 3", "PENYELESAIAN PERSELISIHAN", "Perselisihan diselesaikan secara musyawarah untuk mufakat.")).Import());

        Assert.Equal(3, d.Clauses.Count);
        var purpose = d.Clauses[0];
        Assert.Equal("Maksud dan Tujuan", purpose.Heading);
        Assert.Equal(ClauseType.Purpose, purpose.Type);
        Assert.Equal(
        [
            "Maksud Kesepakatan Bersama ini adalah sebagai pedoman bagi PARA PIHAK dalam hal:\na. pengelolaan sampah;\nb. penyediaan air bersih.",
            "Tujuan Kesepakatan Bersama ini adalah meningkatkan pelayanan publik.",
        ], purpose.Paragraphs);
        Assert.Equal("Hak dan Kewajiban", d.Clauses[1].Heading);
        Assert.Equal(ClauseType.RightsAndObligations, d.Clauses[1].Type);
        Assert.Equal(["PIHAK KESATU berhak:\n1) memperoleh laporan;\n2) melakukan evaluasi.", "PIHAK KEDUA berkewajiban melapor."], d.Clauses[1].Paragraphs);
        Assert.Equal(ClauseType.DisputeResolution, d.Clauses[2].Type);
        Assert.Equal(["Perselisihan diselesaikan secara musyawarah untuk mufakat."], d.Clauses[2].Paragraphs);
        Assert.Equal(3, d.Clauses.Select(c => c.Key).Distinct().Count());
    }

    [Fact]
    public void Heading_on_the_pasal_line_after_a_dash_or_colon()
    {
        var d = Ok(new Word().P(
            "Pasal 1 – MAKSUD DAN TUJUAN", "Kerja sama ini dimaksudkan untuk pengelolaan sampah.",
            "Pasal 2 – Ruang Lingkup", "Ruang lingkup meliputi pengangkutan.", "Pengolahan dilakukan di TPPAS.",
            "Pasal 3: Jangka Waktu", "Berlaku lima tahun.",
            "Pasal 4 KEADAAN KAHAR", "Pasal 6 ayat (2) Peraturan Pemerintah berlaku.",
            "Pasal 5", "PENYELESAIAN\nPERSELISIHAN", "Musyawarah.").Import());
        Assert.Equal(["Maksud dan Tujuan", "Ruang Lingkup", "Jangka Waktu", "Keadaan Kahar", "Penyelesaian Perselisihan"], d.Clauses.Select(c => c.Heading));
        Assert.Equal([ClauseType.Purpose, ClauseType.Scope, ClauseType.Term, ClauseType.ForceMajeure, ClauseType.DisputeResolution], d.Clauses.Select(c => c.Type));
        Assert.Equal(["Musyawarah."], d.Clauses[4].Paragraphs);
        // A sentence starting with "Pasal 6 ayat (2)" is text, not a pasal.
        Assert.Equal(["Pasal 6 ayat (2) Peraturan Pemerintah berlaku."], d.Clauses[3].Paragraphs);
        // Without ayat markers every line is its own paragraph.
        Assert.Equal(["Ruang lingkup meliputi pengangkutan.", "Pengolahan dilakukan di TPPAS."], d.Clauses[1].Paragraphs);
    }

    [Fact]
    public void Roman_pasal_numbers_and_lowercase_pasal()
    {
        var d = Ok(new Word().P(
            "PASAL I", "DASAR HUKUM", "Undang-Undang Nomor 23 Tahun 2014.",
            "PASAL II", "PEMBIAYAAN", "Biaya ditanggung bersama.",
            "pasal III", "KETENTUAN LAIN-LAIN", "Hal lain diatur kemudian.",
            "Pasal ini berlaku juga bagi pihak ketiga.").Import());
        Assert.Equal(3, d.Clauses.Count);
        Assert.Equal(["Dasar Hukum", "Pembiayaan", "Ketentuan Lain-lain"], d.Clauses.Select(c => c.Heading));
        Assert.Equal([ClauseType.LegalBasis, ClauseType.Financing, ClauseType.Closing], d.Clauses.Select(c => c.Type));
        // "Pasal ini ..." is a sentence, not a new pasal.
        Assert.Equal(["Hal lain diatur kemudian.", "Pasal ini berlaku juga bagi pihak ketiga."], d.Clauses[2].Paragraphs);
    }

    [Fact]
    public void Word_numbered_ayat_and_items_through_numPr_and_through_a_style()
    {
        var d = Ok(new Word()
            .P("Pasal 1", "HAK DAN KEWAJIBAN")
            .Numbered("Hak PIHAK KESATU:")
            .Numbered("menerima laporan;", level: 1)
            .Numbered("melakukan evaluasi.", level: 1)
            .Numbered("Kewajiban PIHAK KESATU:")
            .Numbered("menyediakan data;", level: 1)
            .Numbered("memfasilitasi perizinan.", level: 1)
            .P("Pasal 2", "PENGAKHIRAN", "Kerja sama ini berakhir apabila:")
            .Numbered("jangka waktu berakhir;", numId: 2)
            .Numbered("tujuan telah tercapai.", numId: 2)
            .P("Pasal 3", "PERUBAHAN")
            .Styled("Perubahan dituangkan dalam addendum.", "Ayat")
            .Styled("Addendum merupakan bagian yang tidak terpisahkan.", "Ayat")
            .Import());
        Assert.Equal(
        [
            "Hak PIHAK KESATU:\na. menerima laporan;\nb. melakukan evaluasi.",
            "Kewajiban PIHAK KESATU:\na. menyediakan data;\nb. memfasilitasi perizinan.",
        ], d.Clauses[0].Paragraphs);
        Assert.Equal(["Kerja sama ini berakhir apabila:\na. jangka waktu berakhir;\nb. tujuan telah tercapai."], d.Clauses[1].Paragraphs);
        Assert.Equal(["Perubahan dituangkan dalam addendum.", "Addendum merupakan bagian yang tidak terpisahkan."], d.Clauses[2].Paragraphs);
        Assert.Equal(ClauseType.Amendment, d.Clauses[2].Type);
    }

    [Fact]
    public void Pasal_numbered_by_word_with_the_heading_on_the_same_or_the_next_paragraph()
    {
        var d = Ok(new Word()
            .Numbered("MAKSUD DAN TUJUAN", numId: 3).P("Kerja sama ini dimaksudkan untuk pengelolaan sampah.")
            .Numbered("", numId: 3).P("RUANG LINGKUP", "Ruang lingkup meliputi pengangkutan.")
            .Import());
        Assert.Equal(["Maksud dan Tujuan", "Ruang Lingkup"], d.Clauses.Select(c => c.Heading));
        Assert.Equal(["Ruang lingkup meliputi pengangkutan."], d.Clauses[1].Paragraphs);
    }

    [Fact]
    public void Preamble_is_not_imported_and_a_note_says_jalin_writes_it()
    {
        var d = Ok(Preamble().P("Pasal 1", "RUANG LINGKUP", "Ruang lingkup meliputi pengelolaan sampah.").Import());
        var clause = Assert.Single(d.Clauses);
        Assert.DoesNotContain(clause.Paragraphs, p => p.Contains("Pada hari ini") || p.Contains("PIHAK KEDUA"));
        Assert.Contains(d.Notes, n => n.Contains("Pada hari ini") && n.Contains("ditulis Jalin"));
    }

    [Fact]
    public void No_preamble_no_preamble_note()
    {
        var d = Ok(new Word().P("Pasal 1", "RUANG LINGKUP", "Ruang lingkup meliputi pengelolaan sampah.").Import());
        Assert.DoesNotContain(d.Notes, n => n.Contains("Pada hari ini"));
    }

    [Fact]
    public void Last_pasal_stops_at_the_closing_and_the_signature_section()
    {
        var closing = Ok(Signature(new Word().P("Pasal 1", "PENUTUP", "Naskah ini berlaku sejak ditandatangani.")).Import());
        Assert.Equal(["Naskah ini berlaku sejak ditandatangani."], Assert.Single(closing.Clauses).Paragraphs);
        Assert.Contains(closing.Notes, n => n.Contains("tanda tangan"));

        var parties = Ok(new Word().P("Pasal 1", "PENUTUP", "Naskah ini berlaku sejak ditandatangani.", "PIHAK KESATU,", "WALI KOTA CIMAHI", "Ngatiyana").Import());
        Assert.Equal(["Naskah ini berlaku sejak ditandatangani."], Assert.Single(parties.Clauses).Paragraphs);

        var place = Ok(new Word().P("Pasal 1", "PENUTUP", "Naskah ini berlaku sejak ditandatangani.", "Ditandatangani di Cimahi pada tanggal 23 November 2026.").Import());
        Assert.Equal(["Naskah ini berlaku sejak ditandatangani."], Assert.Single(place.Clauses).Paragraphs);

        var table = Ok(new Word().P("Pasal 1", "PENUTUP", "Naskah ini berlaku sejak ditandatangani.").Table("Ngatiyana", "Jeje").P("Lampiran: peta lokasi").Import());
        Assert.Equal(["Naskah ini berlaku sejak ditandatangani."], Assert.Single(table.Clauses).Paragraphs);
    }

    [Fact]
    public void Table_inside_a_pasal_is_not_clause_text_and_is_noted_with_its_pasal()
    {
        var d = Ok(new Word()
            .P("Pasal 1", "RUANG LINGKUP", "Ruang lingkup meliputi kegiatan berikut:")
            .P("Pasal 2", "PEMBIAYAAN", "(1) Rincian biaya sebagai berikut:")
            .Table("Kegiatan", "Rp1.000.000")
            .P("(2) Biaya dibayar bertahap.")
            .P("Pasal 3", "JANGKA WAKTU", "Berlaku lima tahun.")
            .Import());
        Assert.Equal(3, d.Clauses.Count);
        Assert.Equal(["Rincian biaya sebagai berikut:", "Biaya dibayar bertahap."], d.Clauses[1].Paragraphs);
        Assert.DoesNotContain(d.Clauses.SelectMany(c => c.Paragraphs), p => p.Contains("Rp1.000.000"));
        Assert.Contains(d.Notes, n => n.Contains("Tabel") && n.Contains("Pasal 2"));
        Assert.DoesNotContain(d.Notes, n => n.Contains("Tabel") && n.Contains("Pasal 1"));
    }

    [Fact]
    public void Bab_lines_and_their_titles_are_dropped_with_a_note()
    {
        var d = Ok(new Word()
            .P("BAB I", "KETENTUAN UMUM", "Pasal 1", "MAKSUD", "Kerja sama ini dimaksudkan untuk pengelolaan sampah.")
            .P("BAB II", "PELAKSANAAN", "Pasal 2", "PELAKSANAAN", "Dilaksanakan oleh dinas.")
            .Import());
        Assert.Equal(2, d.Clauses.Count);
        Assert.Equal(["Kerja sama ini dimaksudkan untuk pengelolaan sampah."], d.Clauses[0].Paragraphs);
        Assert.Contains(d.Notes, n => n.Contains("BAB"));
    }

    [Fact]
    public void Unknown_heading_has_no_type_and_a_note_names_the_pasal()
    {
        var d = Ok(new Word().P("Pasal 1", "RUANG LINGKUP", "Pengelolaan sampah.", "Pasal 2", "KERAHASIAAN", "Data dijaga kerahasiaannya.").Import());
        Assert.Equal(ClauseType.Scope, d.Clauses[0].Type);
        Assert.Null(d.Clauses[1].Type);
        Assert.Equal("Kerahasiaan", d.Clauses[1].Heading);
        Assert.Contains(d.Notes, n => n.Contains("Pasal 2") && n.Contains("Kerahasiaan") && n.Contains("tidak dikenali"));
        Assert.DoesNotContain(d.Notes, n => n.Contains("Pasal 1") && n.Contains("tidak dikenali"));
    }

    [Fact]
    public void A_pasal_without_heading_or_text_is_still_something_a_save_accepts()
    {
        var d = Ok(new Word().P("Pasal 1", "(1) Kerja sama ini dimaksudkan untuk pengelolaan sampah.", "(2) Tujuannya kebersihan.", "Pasal 2", "PENUTUP").Import());
        Assert.Equal("Pasal 1", d.Clauses[0].Heading);
        Assert.Equal(2, d.Clauses[0].Paragraphs.Count);
        Assert.Equal([DraftFields.Blank], d.Clauses[1].Paragraphs);
        var fields = new Dictionary<string, List<string>>();
        ClauseInputs.Validate(d.Clauses.Select(c => (ClauseInput?)new ClauseInput { Key = c.Key, Type = c.Type, Heading = c.Heading, Paragraphs = c.Paragraphs }).ToList(),
            TemplateLayout.Naskah, "Rancangan", fields);
        Assert.Empty(fields);
    }

    // ------------------------------------------------------------------ round trip through Jalin's own writer

    private static readonly Region Cimahi = new() { Code = "32.77", Name = "Kota Cimahi", Level = RegionLevel.City, ProvinceCode = "32" };

    private static DraftRender Render(TemplateDefinition t)
    {
        var a = Satisfier.BareAgreement(t.Kinds.Count > 0 ? t.Kinds[0] : CooperationKind.Ksdpk, Jalin.Core.Lifecycle.Stage.Implementation);
        a.Title = "Pengelolaan Sampah Terpadu Cimahi";
        a.Object = "pengangkutan dan pengolahan sampah rumah tangga";
        a.Scope = "pengangkutan, pemilahan dan pengolahan sampah di 15 kelurahan";
        a.Value = 1_500_000_000m;
        a.StartsOn = new DateOnly(2027, 1, 1);
        a.EndsOn = new DateOnly(2031, 12, 31);
        a.Parties[0].SignatoryName = "Ngatiyana";
        a.Parties[0].LeadAgencyName = "Dinas Lingkungan Hidup Kota Cimahi";
        a.Parties[1].SignatoryName = "Budi Santoso";
        var fields = DraftFields.From(a, Cimahi, new GovernmentAffair { Code = "1.05", Name = "Lingkungan Hidup" }, new DateOnly(2026, 11, 27));
        var clauses = t.Clauses.Select(c => new DraftClause
        {
            Type = c.Type, Heading = DraftFields.Fill(c.Heading, fields), Paragraphs = c.Paragraphs.Select(p => DraftFields.Fill(p, fields)).ToList(),
        }).ToList();
        return new DraftRender(t, a, Cimahi, clauses, "Cimahi", "7/KS/2026", new DateOnly(2026, 11, 23), fields);
    }

    public static TheoryData<string> Layouts(TemplateLayout layout) => new(DefaultTemplates.All.Where(t => t.Layout == layout).Select(t => t.Code));

    public static TheoryData<string> NaskahCodes() => Layouts(TemplateLayout.Naskah);

    [Theory, MemberData(nameof(NaskahCodes))]
    public void Every_naskah_template_written_by_jalin_imports_back_the_same(string code)
    {
        var render = Render(DefaultTemplates.Find(code)!);
        var d = Ok(DocxImport.Parse(new MemoryStream(DraftDocx.Write(render)), TemplateLayout.Naskah));
        Assert.Equal(render.Clauses.Count, d.Clauses.Count);
        for (var i = 0; i < render.Clauses.Count; i++)
        {
            Assert.Equal(render.Clauses[i].Heading, d.Clauses[i].Heading);
            Assert.Equal(render.Clauses[i].Type, d.Clauses[i].Type);
            Assert.Equal(render.Clauses[i].Paragraphs, d.Clauses[i].Paragraphs);
        }
        Assert.Contains(d.Notes, n => n.Contains("Pada hari ini"));
        Assert.DoesNotContain(d.Notes, n => n.Contains("tidak dikenali"));
    }

    [Fact]
    public void Items_on_their_own_lines_are_written_as_line_breaks_and_import_back()
    {
        var render = Render(DefaultTemplates.Find("kb")!);
        render.Clauses[0].Paragraphs[0] = "Maksud Kesepakatan Bersama ini adalah:\na. pedoman bagi PARA PIHAK;\nb. dasar penyusunan Perjanjian Kerja Sama.";
        render.Clauses[2].Paragraphs.RemoveRange(1, render.Clauses[2].Paragraphs.Count - 1);
        render.Clauses[2].Paragraphs[0] = "Pelaksanaan dilakukan oleh:\na. perangkat daerah;\nb. unit kerja.";
        var bytes = DraftDocx.Write(render);

        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            var body = doc.MainDocumentPart!.Document!.Body!;
            Assert.DoesNotContain(body.Descendants<Text>(), t => t.Text.Contains('\n'));
            Assert.True(body.Descendants<Break>().Count() >= 4);
        }
        var d = Ok(DocxImport.Parse(new MemoryStream(bytes), TemplateLayout.Naskah));
        Assert.Equal(render.Clauses[0].Paragraphs, d.Clauses[0].Paragraphs);
        Assert.Equal(["Pelaksanaan dilakukan oleh:\na. perangkat daerah;\nb. unit kerja."], d.Clauses[2].Paragraphs);
    }

    public static TheoryData<string> OutlineCodes() => Layouts(TemplateLayout.Outline);

    [Theory, MemberData(nameof(OutlineCodes))]
    public void Every_outline_template_imports_back_its_chapters(string code)
    {
        var render = Render(DefaultTemplates.Find(code)!);
        var d = Ok(DocxImport.Parse(new MemoryStream(DraftDocx.Write(render)), TemplateLayout.Outline));
        Assert.Equal(render.Clauses.Select(c => c.Heading), d.Clauses.Select(c => c.Heading));
        Assert.Equal(render.Clauses.Select(c => c.Paragraphs), d.Clauses.Select(c => c.Paragraphs));
    }

    public static TheoryData<string> LetterCodes() => Layouts(TemplateLayout.Letter);

    [Theory, MemberData(nameof(LetterCodes))]
    public void Every_letter_template_imports_back_its_body(string code)
    {
        var render = Render(DefaultTemplates.Find(code)!);
        var d = Ok(DocxImport.Parse(new MemoryStream(DraftDocx.Write(render)), TemplateLayout.Letter));
        var clause = Assert.Single(d.Clauses);
        Assert.Null(clause.Type);
        Assert.Equal("", clause.Heading);
        Assert.Equal(render.Clauses[0].Paragraphs, clause.Paragraphs);
        Assert.Contains(d.Notes, n => n.Contains("Kop"));
    }

    // ------------------------------------------------------------------ types

    [Fact]
    public void Every_template_and_library_heading_guesses_the_type_it_is_declared_with()
    {
        var declared = DefaultTemplates.All.SelectMany(t => t.Clauses).Where(c => c.Type is not null).Select(c => (c.Heading, c.Type))
            .Concat(ClauseLibrary.All.Select(w => (w.Heading, Type: (ClauseType?)w.Type))).Distinct().ToList();
        Assert.True(declared.Count > 20);
        var wrong = declared.Where(d => DocxImport.GuessType(d.Heading) != d.Type).Select(d => $"{d.Heading}: {DocxImport.GuessType(d.Heading)} ≠ {d.Type}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("KEADAAN MEMAKSA (FORCE MAJEURE)", ClauseType.ForceMajeure)]
    [InlineData("Lain-lain", ClauseType.Closing)]
    [InlineData("Berakhirnya Perjanjian", ClauseType.Termination)]
    [InlineData("Pendanaan", ClauseType.Financing)]
    [InlineData("Tim Koordinasi", ClauseType.JointWorkingGroup)]
    [InlineData("Domisili Hukum", ClauseType.Correspondence)]
    [InlineData("Monitoring dan Evaluasi", ClauseType.Monitoring)]
    [InlineData("Masa Berlaku", ClauseType.Term)]
    [InlineData("Amandemen", ClauseType.Amendment)]
    [InlineData("Penyelesaian Sengketa", ClauseType.DisputeResolution)]
    [InlineData("Barang Milik Daerah", ClauseType.AssetsAfterEnd)]
    [InlineData("Kerahasiaan", null)]
    [InlineData("", null)]
    public void Guess_type_from_indonesian_heading_words(string heading, ClauseType? expected) => Assert.Equal(expected, DocxImport.GuessType(heading));

    [Theory]
    [InlineData("MAKSUD DAN TUJUAN", "Maksud dan Tujuan")]
    [InlineData("HAK DAN/ATAU KEWAJIBAN PARA PIHAK", "Hak dan/atau Kewajiban Para Pihak")]
    [InlineData("PEMANTAUAN, EVALUASI DAN PELAPORAN", "Pemantauan, Evaluasi dan Pelaporan")]
    [InlineData("Maksud Dan Tujuan", "Maksud dan Tujuan")]
    [InlineData("  Ruang   Lingkup ", "Ruang Lingkup")]
    public void Headings_are_written_the_way_templates_write_them(string raw, string expected) => Assert.Equal(expected, DocxImport.NormalizeHeading(raw));

    // ------------------------------------------------------------------ keys across versions

    [Fact]
    public void Keep_keys_matches_by_heading_then_by_a_unique_type()
    {
        DraftClause C(ClauseType? type, string heading) => new() { Type = type, Heading = heading, Paragraphs = ["…"] };
        var purpose = C(ClauseType.Purpose, "Maksud dan Tujuan");
        var scope = C(ClauseType.Scope, "Ruang Lingkup");
        var financing = C(ClauseType.Financing, "Pembiayaan");
        var sanctions = C(ClauseType.Sanctions, "Sanksi");
        var impl1 = C(ClauseType.Implementation, "Pelaksanaan");
        var impl2 = C(ClauseType.Implementation, "Pelaksanaan Teknis");
        List<DraftClause> previous = [purpose, scope, financing, sanctions, impl1, impl2];

        List<DraftClause> imported =
        [
            C(ClauseType.Scope, "RUANG  LINGKUP"),          // reordered, other case and spaces
            C(ClauseType.Financing, "Biaya Pelaksanaan"),    // renamed, type occurs once on both sides
            C(null, "maksud dan tujuan"),                    // type unknown: taken from the match
            C(ClauseType.ForceMajeure, "Keadaan Kahar"),     // added
            C(ClauseType.Implementation, "Pelaksanaan Kegiatan"), // renamed, but the type occurs twice before
        ];
        var kept = DocxImport.KeepKeys(previous, imported);

        Assert.Equal(5, kept.Count);
        Assert.Equal(scope.Key, kept[0].Key);
        Assert.Equal(financing.Key, kept[1].Key);
        Assert.Equal(purpose.Key, kept[2].Key);
        Assert.Equal(ClauseType.Purpose, kept[2].Type);
        Assert.DoesNotContain(kept[3].Key, previous.Select(p => p.Key));
        Assert.DoesNotContain(kept[4].Key, previous.Select(p => p.Key));
        Assert.DoesNotContain(kept, k => k.Key == sanctions.Key);   // removed
        Assert.Equal(5, kept.Select(k => k.Key).Distinct().Count());
        Assert.Equal("RUANG  LINGKUP", kept[0].Heading);             // the imported text is kept
        Assert.Null(imported[2].Type);                               // the input is not changed
    }

    [Fact]
    public void Keep_keys_uses_each_previous_key_once()
    {
        var a = new DraftClause { Type = ClauseType.Scope, Heading = "Ruang Lingkup", Paragraphs = ["x"] };
        var kept = DocxImport.KeepKeys([a], [new() { Type = ClauseType.Scope, Heading = "Ruang Lingkup" }, new() { Type = ClauseType.Scope, Heading = "Ruang Lingkup" }]);
        Assert.Equal(a.Key, kept[0].Key);
        Assert.NotEqual(a.Key, kept[1].Key);
    }

    [Fact]
    public void Keep_keys_lines_up_a_partners_word_edit_with_version_compare()
    {
        var render = Render(DefaultTemplates.Find("kb")!);
        var edited = render.Clauses.Select(c => c.Copy()).ToList();
        edited[1].Paragraphs[0] = "Ruang lingkup Kesepakatan Bersama ini meliputi pengangkutan sampah saja.";
        edited.RemoveAt(6);
        var d = Ok(DocxImport.Parse(new MemoryStream(DraftDocx.Write(render with { Clauses = edited })), TemplateLayout.Naskah));
        var kept = DocxImport.KeepKeys(render.Clauses, d.Clauses);
        Assert.Equal(edited.Select(c => c.Key), kept.Select(c => c.Key));
    }

    // ------------------------------------------------------------------ bad input

    [Fact]
    public void Random_bytes_are_refused()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        Assert.Equal("Berkas bukan dokumen Word (.docx) yang dapat dibaca.", Refused(DocxImport.Parse(new MemoryStream(bytes), TemplateLayout.Naskah)).Message);
        Assert.Equal("Berkas kosong.", Refused(DocxImport.Parse(new MemoryStream([]), TemplateLayout.Naskah)).Message);
    }

    [Fact]
    public void A_zip_that_is_not_a_docx_is_refused()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        using (var w = new StreamWriter(zip.CreateEntry("hello.txt").Open())) w.Write("halo");
        Assert.Equal("Berkas bukan dokumen Word (.docx) yang dapat dibaca.", Refused(DocxImport.Parse(new MemoryStream(ms.ToArray()), TemplateLayout.Naskah)).Message);
    }

    [Fact]
    public void A_damaged_docx_is_refused()
    {
        var bytes = new Word().P("Pasal 1", "RUANG LINGKUP", "Isi.").Bytes();
        Refused(DocxImport.Parse(new MemoryStream(bytes[..(bytes.Length / 2)]), TemplateLayout.Naskah));
    }

    [Fact]
    public void An_encrypted_or_old_word_file_is_refused_with_its_own_message()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        Assert.Contains("kata sandi", Refused(DocxImport.Parse(new MemoryStream(ole), TemplateLayout.Naskah)).Message);
    }

    [Fact]
    public void An_empty_docx_is_refused()
    {
        Assert.Contains("tidak berisi teks", Refused(new Word().Import()).Message);
        Assert.Contains("tidak berisi teks", Refused(new Word().P("", " ").Import(TemplateLayout.Letter)).Message);
    }

    [Fact]
    public void A_naskah_without_pasal_is_refused()
    {
        var error = Refused(new Word().P("KESEPAKATAN BERSAMA", "Isi tanpa pasal.").Import());
        Assert.StartsWith("Tidak ditemukan \"Pasal 1\"", error.Message);
        Assert.Contains("\"Pasal N\"", error.Message);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused()
    {
        var error = Refused(DocxImport.Parse(new MemoryStream(new byte[DocxImport.MaxBytes + 1]), TemplateLayout.Naskah));
        Assert.Contains("terlalu besar", error.Message);
    }

    [Fact]
    public void A_zip_bomb_is_refused_by_its_unpacked_size()
    {
        var docx = new Word().P("Pasal 1", "RUANG LINGKUP", "Isi.").Bytes();
        using var ms = new MemoryStream();
        ms.Write(docx);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        using (var s = zip.CreateEntry("word/media/bomb.bin", CompressionLevel.Optimal).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i <= DocxImport.MaxPartBytes / zeros.Length; i++) s.Write(zeros);
        }
        Assert.True(ms.Length < DocxImport.MaxBytes);
        Assert.Contains("terlalu besar", Refused(DocxImport.Parse(new MemoryStream(ms.ToArray()), TemplateLayout.Naskah)).Message);
    }

    [Fact]
    public void Too_many_pasal_or_too_long_an_ayat_is_refused_with_the_save_limits()
    {
        var many = new Word();
        for (var i = 1; i <= ClauseInputs.MaxClauses + 1; i++) many.P($"Pasal {i}", "RUANG LINGKUP", "Isi.");
        Assert.Contains(ClauseInputs.MaxClauses.ToString(), Refused(many.Import()).Message);

        var atLimit = Ok(new Word().P("Pasal 1", "RUANG LINGKUP", new string('x', ClauseInputs.MaxParagraph)).Import());
        Assert.Equal(ClauseInputs.MaxParagraph, atLimit.Clauses[0].Paragraphs[0].Length);
        var error = Refused(new Word().P("Pasal 1", "RUANG LINGKUP", new string('x', ClauseInputs.MaxParagraph + 1)).Import());
        Assert.Contains("Pasal 1", error.Message);
    }
}
