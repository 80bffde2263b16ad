using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jalin.Core.Drafting;

/// <summary>One party as it appears in a naskah: "PIHAK KESATU" and so on.</summary>
public sealed record NaskahParty(string Name, string? DocumentNumber, string? SignatoryName, string? SignatoryOffice, string? ActingFor);

/// <summary>A pasal with its ayat; a single ayat is written without a number.</summary>
public sealed record NaskahArticle(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>Everything a KB/PKS/NK/naskah needs to be written out in Indonesian legal form.</summary>
public sealed record NaskahModel(string FormTitle, string Title, IReadOnlyList<NaskahParty> Parties, DateOnly? SignedOn, string Place,
    IReadOnlyList<NaskahArticle> Articles, string? Closing = null, DocumentFont? Font = null);

/// <summary>Writes a naskah as DOCX (Open XML SDK): title and every party's number, the opening
/// "Pada hari ini, ..." in words, PIHAK KESATU/KEDUA/KETIGA... for any number of parties,
/// numbered Pasal and ayat, and signature blocks with a paraf column.</summary>
public static class NaskahDocx
{
    /// <summary>"PIHAK KESATU", "PIHAK KEDUA", ... "PIHAK KESEBELAS".</summary>
    public static string PartyLabel(int order) =>
        "PIHAK KE" + (order == 1 ? "SATU" : IndonesianWords.Number(order).ToUpperInvariant());

    public static byte[] Write(NaskahModel model)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main, model.Font);
            var body = new Body();

            body.Append(Centered(model.FormTitle.ToUpperInvariant(), bold: true, size: 28));
            body.Append(Centered("ANTARA", bold: true));
            for (var i = 0; i < model.Parties.Count; i++)
            {
                if (i > 0) body.Append(Centered(i == model.Parties.Count - 1 ? "DAN" : "DENGAN", bold: true));
                body.Append(Centered(model.Parties[i].Name.ToUpperInvariant(), bold: true));
            }
            body.Append(Centered("TENTANG", bold: true));
            body.Append(Centered(DraftFields.Subject(model.Title).ToUpperInvariant(), bold: true));
            foreach (var p in model.Parties)
                body.Append(Centered($"NOMOR: {p.DocumentNumber ?? "…………"}"));

            var opening = model.SignedOn is { } on ? IndonesianWords.Opening(on) : "Pada hari ini, ………… tanggal ………… bulan ………… tahun …………";
            body.Append(Justified($"{opening}, bertempat di {(string.IsNullOrWhiteSpace(model.Place) ? "…………" : model.Place)}, kami yang bertanda tangan di bawah ini:"));
            for (var i = 0; i < model.Parties.Count; i++)
            {
                var p = model.Parties[i];
                var who = $"{i + 1}. {DraftFields.SignatoryName(p.SignatoryName, p.SignatoryOffice) ?? DraftFields.Blank}, {(string.IsNullOrWhiteSpace(p.SignatoryOffice) ? DraftFields.Blank : p.SignatoryOffice.Trim())}, dalam hal ini bertindak untuk dan atas nama {p.ActingFor ?? p.Name}, "
                          + $"selanjutnya disebut {PartyLabel(i + 1)}.";
                body.Append(Justified(who, indent: 360));
            }
            var all = DraftFields.JoinAnd(model.Parties.Select((_, i) => PartyLabel(i + 1)).ToList());
            body.Append(Justified($"{all} yang selanjutnya secara bersama-sama disebut PARA PIHAK, sepakat untuk mengadakan {model.FormTitle} dengan ketentuan sebagai berikut:"));

            for (var a = 0; a < model.Articles.Count; a++)
            {
                var article = model.Articles[a];
                body.Append(Centered($"Pasal {a + 1}", bold: true, keepNext: true));
                body.Append(Centered(article.Heading.ToUpperInvariant(), bold: true, keepNext: true));
                if (article.Paragraphs.Count == 1) body.Append(Justified(article.Paragraphs[0]));
                else
                    for (var p = 0; p < article.Paragraphs.Count; p++)
                        body.Append(Justified($"({p + 1}) {article.Paragraphs[p]}", indent: 360));
            }

            body.Append(Justified(model.Closing ?? $"Demikian {model.FormTitle} ini dibuat dalam rangkap {model.Parties.Count} ({IndonesianWords.Number(model.Parties.Count)}) asli, "
                + "masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama, ditandatangani oleh PARA PIHAK pada hari, tanggal, bulan dan tahun tersebut di atas."));
            body.Append(SignatureTable(model.Parties));
            // Two tables with nothing between them are one table to Word and LibreOffice: the paraf
            // grid (2000 + 1000 twips) would squeeze the signature blocks into a third of the page.
            body.Append(new Paragraph());
            body.Append(Paraf(model.Parties));

            body.Append(A4());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    internal static SectionProperties A4() => new(
        new PageSize { Width = (uint)PageWidth, Height = 16838U },
        new PageMargin { Top = 1440, Bottom = 1440, Left = LeftMargin, Right = (uint)RightMargin, Header = 708, Footer = 708, Gutter = 0U });

    internal static void AddStyles(MainDocumentPart main, DocumentFont? font = null)
    {
        var f = font ?? DocumentFont.Default;
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunProperties(
                    new RunFonts { Ascii = f.Family, HighAnsi = f.Family, ComplexScript = f.Family },
                    new FontSize { Val = f.HalfPoints }, new Languages { Val = "id-ID" })),
                new ParagraphPropertiesDefault(new ParagraphProperties(
                    new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }

    internal static Paragraph Centered(string text, bool bold = false, int? size = null, bool keepNext = false)
    {
        var props = new ParagraphProperties();
        if (keepNext) props.Append(new KeepNext());
        props.Append(new Justification { Val = JustificationValues.Center });
        return new Paragraph(props, TextRun(text, bold, size));
    }

    internal static Paragraph Justified(string text, int indent = 0)
    {
        var props = new ParagraphProperties();
        if (indent > 0) props.Append(new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        props.Append(new Justification { Val = JustificationValues.Both });
        return new Paragraph(props, TextRun(text));
    }

    /// <summary>A run of <paramref name="text"/>; each "\n" in it becomes a line break (w:br).</summary>
    internal static Run TextRun(string text, bool bold = false, int? size = null)
    {
        var rp = new RunProperties();
        if (bold) rp.Append(new Bold());
        if (size is { } s) rp.Append(new FontSize { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var run = new Run();
        if (rp.HasChildren) run.Append(rp);
        // A "\n" inside a paragraph (list items a., b. inside an ayat) is a line break, not literal text.
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    /// <summary>The A4 page of every document Jalin writes, in twips: 210 mm wide, margins 3 cm left and 2.54 cm right.</summary>
    internal const int PageWidth = 11906, LeftMargin = 1701, RightMargin = 1440;

    /// <summary>The width between the margins (twips): what a table at 100 % spans.</summary>
    public const int TextWidth = PageWidth - LeftMargin - RightMargin;

    /// <summary>The signature blocks: a borderless table across the whole text width in equal
    /// columns (up to three a row), given both as 100 % and in twips with a fixed layout so Word and
    /// LibreOffice draw the same columns.</summary>
    private static Table SignatureTable(IReadOnlyList<NaskahParty> parties)
    {
        var columns = Math.Clamp(parties.Count, 1, 3);
        var width = TextWidth / columns;
        var w = width.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var table = new Table(new TableProperties(
            new TableWidth { Width = (width * columns).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })));
        var grid = new TableGrid();
        for (var c = 0; c < columns; c++) grid.Append(new GridColumn { Width = w });
        table.Append(grid);
        for (var start = 0; start < parties.Count; start += columns)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < columns; c++)
            {
                var i = start + c;
                var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = w, Type = TableWidthUnitValues.Dxa }));
                if (i < parties.Count)
                {
                    var p = parties[i];
                    cell.Append(Centered(PartyLabel(i + 1) + ",", bold: true));
                    cell.Append(Centered((p.SignatoryOffice ?? "").ToUpperInvariant(), bold: true));
                    cell.Append(Centered(" "), Centered(" "), Centered(" "));
                    cell.Append(Centered(DraftFields.SignatoryName(p.SignatoryName, p.SignatoryOffice) ?? DraftFields.Blank, bold: true));
                }
                else cell.Append(new Paragraph());
                row.Append(cell);
            }
            table.Append(row);
        }
        return table;
    }

    /// <summary>The paraf column: one initial box per party official, as on every page of the original.</summary>
    private static Table Paraf(IReadOnlyList<NaskahParty> parties)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = "3000", Type = TableWidthUnitValues.Dxa }, border));
        table.Append(new TableGrid(new GridColumn { Width = "2000" }, new GridColumn { Width = "1000" }));
        table.Append(new TableRow(Cell("Paraf", 2000, bold: true), Cell("", 1000)));
        for (var i = 0; i < parties.Count; i++)
            table.Append(new TableRow(Cell(PartyLabel(i + 1), 2000), Cell("", 1000)));
        return table;

        static TableCell Cell(string text, int width, bool bold = false) =>
            new(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(TextRun(text, bold, 18)));
    }
}
