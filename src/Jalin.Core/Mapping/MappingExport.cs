using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using MiniExcelLibs;

namespace Jalin.Core.Mapping;

public sealed record ExportedFile(byte[] Content, string ContentType, string FileName);

/// <summary>The mapping report as a workbook (sheet "Pemetaan": one row per item under its urusan with a total row per
/// urusan; sheet "Rekap OPD": totals per OPD) and as a DOCX table rendered to PDF by LibreOffice, like the naskah.</summary>
public static class MappingExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetItems = "Pemetaan";
    public const string SheetAgencies = "Rekap OPD";

    public static readonly string[] ItemColumns = ["No", "Kode Urusan", "Urusan", "Jenis", "Judul", "Sub-urusan", "Perangkat Daerah", "Lokasi", "Program RPJMD/RKPD"];
    public static readonly string[] AgencyColumns = ["Perangkat Daerah", "Potensi", "Kebutuhan", "Jumlah"];

    public static string BaseName(MappingReport r) => $"pemetaan-{r.RegionCode}-{r.GeneratedOn:yyyy-MM-dd}";

    public static ExportedFile Xlsx(MappingReport report)
    {
        var rows = new List<Dictionary<string, object?>>();
        var n = 0;
        foreach (var a in report.Affairs)
        {
            foreach (var r in a.Rows)
                rows.Add(Row(++n, a.AffairCode, a.AffairName, r.KindLabel, r.Title, r.SubAffairName, r.AgencyName, r.Location, r.Program));
            rows.Add(Row(null, a.AffairCode, a.AffairName, "Jumlah", $"{a.Potentials} potensi, {a.Needs} kebutuhan", null, null, null, null));
        }
        rows.Add(Row(null, null, "Jumlah seluruh urusan", "Jumlah", $"{report.Potentials} potensi, {report.Needs} kebutuhan", null, null, null, null));
        var agencies = report.Agencies.Select(a => new Dictionary<string, object?>
        {
            [AgencyColumns[0]] = a.AgencyName, [AgencyColumns[1]] = a.Potentials, [AgencyColumns[2]] = a.Needs, [AgencyColumns[3]] = a.Potentials + a.Needs,
        }).ToList();
        agencies.Add(new() { [AgencyColumns[0]] = "Jumlah", [AgencyColumns[1]] = report.Potentials, [AgencyColumns[2]] = report.Needs, [AgencyColumns[3]] = report.Potentials + report.Needs });
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [SheetItems] = rows, [SheetAgencies] = agencies });
        return new ExportedFile(stream.ToArray(), XlsxType, BaseName(report) + ".xlsx");
    }

    private static Dictionary<string, object?> Row(int? no, string? code, string? affair, string kind, string title, string? sub, string? agency, string? location, string? program) => new()
    {
        [ItemColumns[0]] = no, [ItemColumns[1]] = code, [ItemColumns[2]] = affair, [ItemColumns[3]] = kind, [ItemColumns[4]] = title,
        [ItemColumns[5]] = sub, [ItemColumns[6]] = agency, [ItemColumns[7]] = location, [ItemColumns[8]] = program,
    };

    /// <summary>The report as a landscape DOCX: title, one table per urusan with its total, and the OPD totals.</summary>
    public static byte[] Docx(MappingReport report)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Para($"LAPORAN PEMETAAN POTENSI DAN KEBUTUHAN KERJA SAMA DAERAH", bold: true, size: 28, center: true));
            body.Append(Para(report.RegionName.ToUpperInvariant(), bold: true, size: 24, center: true));
            if (report.RoundTitle is not null) body.Append(Para(report.RoundTitle, center: true));
            body.Append(Para($"Keadaan per {IndonesianFormat.FormatDateLong(report.GeneratedOn)}: {report.Potentials} potensi dan {report.Needs} kebutuhan yang diterima Bagian Kerja Sama, "
                + "dikelompokkan menurut urusan pemerintahan (UU 23/2014 Pasal 12).", size: 20));
            if (report.Affairs.Count == 0) body.Append(Para("Belum ada potensi atau kebutuhan yang diterima.", size: 20));
            foreach (var a in report.Affairs)
            {
                body.Append(Para($"Urusan {a.AffairCode} {a.AffairName}", bold: true, size: 22));
                var table = Table(["No", "Jenis", "Judul", "Perangkat Daerah", "Lokasi", "Program RPJMD/RKPD"]);
                var i = 0;
                foreach (var r in a.Rows)
                    table.Append(TableRow([(++i).ToString(), r.KindLabel, r.SubAffairName is null ? r.Title : $"{r.Title} ({r.SubAffairName})", r.AgencyName, r.Location ?? "—", r.Program ?? "—"]));
                table.Append(TableRow(["", "Jumlah", $"{a.Potentials} potensi, {a.Needs} kebutuhan", "", "", ""], bold: true));
                body.Append(table);
            }
            body.Append(Para("Rekapitulasi per perangkat daerah", bold: true, size: 22));
            var totals = Table(AgencyColumns);
            foreach (var a in report.Agencies) totals.Append(TableRow([a.AgencyName, a.Potentials.ToString(), a.Needs.ToString(), (a.Potentials + a.Needs).ToString()]));
            totals.Append(TableRow(["Jumlah", report.Potentials.ToString(), report.Needs.ToString(), (report.Potentials + report.Needs).ToString()], bold: true));
            body.Append(totals);
            body.Append(new SectionProperties(
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static async Task<Result<ExportedFile>> PdfAsync(MappingReport report, PdfConverter pdf, string? user, CancellationToken ct)
    {
        var converted = await pdf.ConvertDocxAsync(Docx(report), user, ct);
        if (!converted.Ok) return converted.Error!;
        return new ExportedFile(converted.Value!, "application/pdf", BaseName(report) + ".pdf");
    }

    private static Paragraph Para(string text, bool bold = false, int size = 20, bool center = false)
    {
        var props = new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = size.ToString() });
        if (bold) props.Append(new Bold());
        var p = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        p.PrependChild(new ParagraphProperties(new SpacingBetweenLines { After = "120" }, new Justification { Val = center ? JustificationValues.Center : JustificationValues.Left }));
        return p;
    }

    private static Table Table(IReadOnlyList<string> headers)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var t = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        t.Append(TableRow(headers, bold: true));
        return t;
    }

    private static TableRow TableRow(IReadOnlyList<string> cells, bool bold = false) =>
        new(cells.Select(c => new TableCell(Para(c, bold: bold, size: 18))));
}
