using System.Security.Cryptography;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using QRCoder;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Jalin.Core.Drafting;

/// <summary>The verification mark on an issued naskah: a random code (Crockford base32,
/// <c>XXXX-XXXX-XXXX</c>), a QR code for the verification URL, and a footer with both on every
/// page of the DOCX.</summary>
public static class VerificationMark
{
    /// <summary>Crockford base32: digits and letters without I, L, O and U.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private const int Length = 12;

    /// <summary>QR image side in the footer: 2 cm in EMU.</summary>
    private const long QrEmu = 720_000L;

    /// <summary>A fresh random code, 60 bits from <see cref="RandomNumberGenerator"/>, e.g. <c>7K3M-QW9D-2HXA</c>.</summary>
    public static string NewCode() => Format(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>A code as a person might type it (lowercase, spaces, without dashes, O for 0,
    /// I or L for 1) in canonical form; null when it is not a code.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null) return null;
        Span<char> chars = stackalloc char[Length];
        var n = 0;
        var trimmed = input.Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = char.ToUpperInvariant(trimmed[i]);
            if (char.IsWhiteSpace(c)) continue;
            if (c == '-')
            {
                // dashes only between groups of four
                if (n == 0 || n % 4 != 0 || n == Length) return null;
                continue;
            }
            c = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (Alphabet.IndexOf(c) < 0 || n == Length) return null;
            chars[n++] = c;
        }
        return n == Length ? Format(chars) : null;
    }

    private static string Format(ReadOnlySpan<char> c) => $"{c[..4]}-{c[4..8]}-{c[8..]}";

    /// <summary>PNG of a QR code (error correction M) for <paramref name="url"/>.</summary>
    public static byte[] QrPng(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }

    /// <summary>A copy of <paramref name="docx"/> whose every section has a default footer with the
    /// QR code of <paramref name="url"/>, "Kode verifikasi: …" and "Periksa keaslian dokumen di …".</summary>
    public static byte[] Stamp(byte[] docx, string code, string url)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        stream.Position = 0;
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var main = doc.MainDocumentPart ?? throw new InvalidDataException("DOCX tanpa bagian dokumen utama.");
            var body = main.Document?.Body ?? throw new InvalidDataException("DOCX tanpa isi dokumen.");

            var footerPart = main.AddNewPart<FooterPart>();
            var image = footerPart.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(QrPng(url))) image.FeedData(png);
            var pictureId = NextDrawingId(doc);
            footerPart.Footer = Footer(footerPart.GetIdOfPart(image), pictureId, code, url);
            footerPart.Footer.Save();
            var footerId = main.GetIdOfPart(footerPart);

            var sections = body.Descendants<SectionProperties>().ToList();
            if (sections.Count == 0 || body.Elements<SectionProperties>().LastOrDefault() is null)
            {
                var last = new SectionProperties();
                body.Append(last);
                sections.Add(last);
            }
            foreach (var section in sections)
            {
                foreach (var old in section.Elements<FooterReference>().Where(f => f.Type is null || f.Type.Value == HeaderFooterValues.Default).ToList())
                    old.Remove();
                var reference = new FooterReference { Type = HeaderFooterValues.Default, Id = footerId };
                // header/footer references come first in w:sectPr; keep them together
                var lastReference = section.Elements().LastOrDefault(e => e is HeaderReference or FooterReference);
                if (lastReference is null) section.PrependChild(reference);
                else lastReference.InsertAfterSelf(reference);
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static uint NextDrawingId(WordprocessingDocument doc)
    {
        var roots = new List<OpenXmlPartRootElement>();
        if (doc.MainDocumentPart?.Document is { } d) roots.Add(d);
        foreach (var h in doc.MainDocumentPart?.HeaderParts ?? []) if (h.Header is { } x) roots.Add(x);
        foreach (var f in doc.MainDocumentPart?.FooterParts ?? []) if (f.Footer is { } x) roots.Add(x);
        var max = roots.SelectMany(r => r.Descendants<DW.DocProperties>()).Select(p => p.Id?.Value ?? 0U).DefaultIfEmpty(0U).Max();
        return max + 1;
    }

    private static Footer Footer(string imageId, uint pictureId, string code, string url)
    {
        const int qrCell = 1300; // twips, a little more than 2 cm
        const int textCell = 7465; // the rest of the 8765-twip text width of an A4 naskah
        var noBorder = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = (qrCell + textCell).ToString(), Type = TableWidthUnitValues.Dxa },
                noBorder,
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 113, Type = TableWidthValues.Dxa })),
            new TableGrid(new GridColumn { Width = qrCell.ToString() }, new GridColumn { Width = textCell.ToString() }),
            new TableRow(
                new TableCell(
                    new TableCellProperties(new TableCellWidth { Width = qrCell.ToString(), Type = TableWidthUnitValues.Dxa }),
                    new Paragraph(
                        new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }),
                        new Run(Picture(imageId, pictureId)))),
                new TableCell(
                    new TableCellProperties(
                        new TableCellWidth { Width = textCell.ToString(), Type = TableWidthUnitValues.Dxa },
                        new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                    Small($"Kode verifikasi: {code}", bold: true),
                    Small($"Periksa keaslian dokumen di {url}", bold: false))));
        return new Footer(table, new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" })));
    }

    private static Paragraph Small(string text, bool bold)
    {
        var props = new RunProperties();
        if (bold) props.Append(new Bold());
        props.Append(new FontSize { Val = "16" });
        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "40" }),
            new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Drawing Picture(string imageId, uint pictureId) =>
        new(new DW.Inline(
                new DW.Extent { Cx = QrEmu, Cy = QrEmu },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = pictureId, Name = $"QR verifikasi {pictureId}", Description = "Kode QR verifikasi dokumen" },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                        new PIC.Picture(
                            new PIC.NonVisualPictureProperties(
                                new PIC.NonVisualDrawingProperties { Id = 0U, Name = "qr-verifikasi.png" },
                                new PIC.NonVisualPictureDrawingProperties()),
                            new PIC.BlipFill(
                                new A.Blip { Embed = imageId },
                                new A.Stretch(new A.FillRectangle())),
                            new PIC.ShapeProperties(
                                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = QrEmu, Cy = QrEmu }),
                                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
}
