using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Mapping;
using Jalin.Core.Tkksd;
using MiniExcelLibs;

namespace Jalin.Core.Evaluation;

/// <summary>The monitoring round's report as a workbook (sheet "Monev": one row per agreement; sheet "Rekap": totals by
/// recommendation) and as a DOCX rendered to PDF by LibreOffice, like the mapping report.</summary>
public static class MonitoringReportExport
{
    public const string SheetRows = "Monev";
    public const string SheetTotals = "Rekap";
    public static readonly string[] RowColumns = ["No", "Kerja Sama", "Mitra", "Berakhir", "Penilai", "Tanggal Evaluasi", "Nilai", "Rekomendasi"];
    public static readonly string[] TotalColumns = ["Rekomendasi", "Jumlah"];
    public const string NotEvaluatedLabel = "Belum dievaluasi";

    public static string BaseName(MonitoringReport r) => $"monev-{r.RegionCode}-{r.Year}-{r.GeneratedOn:yyyy-MM-dd}";

    public static ExportedFile Xlsx(MonitoringReport report)
    {
        var n = 0;
        var rows = report.Rows.Select(r => new Dictionary<string, object?>
        {
            [RowColumns[0]] = ++n, [RowColumns[1]] = r.AgreementTitle, [RowColumns[2]] = r.Partners,
            [RowColumns[3]] = r.EndsOn is { } e ? IndonesianFormat.FormatDateLong(e) : null, [RowColumns[4]] = r.EvaluatorName ?? r.MemberName,
            [RowColumns[5]] = r.EvaluatedOn is { } d ? IndonesianFormat.FormatDateLong(d) : null, [RowColumns[6]] = r.Score,
            [RowColumns[7]] = r.RecommendationLabel ?? NotEvaluatedLabel,
        }).ToList();
        var totals = report.Totals.Select(t => new Dictionary<string, object?> { [TotalColumns[0]] = t.Label, [TotalColumns[1]] = t.Count }).ToList();
        totals.Add(new() { [TotalColumns[0]] = NotEvaluatedLabel, [TotalColumns[1]] = report.NotEvaluated });
        totals.Add(new() { [TotalColumns[0]] = "Jumlah", [TotalColumns[1]] = report.Rows.Count });
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [SheetRows] = rows, [SheetTotals] = totals });
        return new ExportedFile(stream.ToArray(), MappingExport.XlsxType, BaseName(report) + ".xlsx");
    }

    public static byte[] Docx(MonitoringReport report)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Para("LAPORAN MONITORING DAN EVALUASI KERJA SAMA DAERAH", bold: true, size: 28, center: true));
            body.Append(Para(report.RegionName.ToUpperInvariant(), bold: true, size: 24, center: true));
            body.Append(Para(report.Title, center: true));
            body.Append(Para($"Keadaan per {IndonesianFormat.FormatDateLong(report.GeneratedOn)}; batas waktu evaluasi {IndonesianFormat.FormatDateLong(report.Deadline)}. "
                + $"{report.Evaluated} dari {report.Rows.Count} kerja sama telah dievaluasi"
                + (report.AverageScore is { } avg ? $", nilai rata-rata {WeightedScore.Format(avg)} (skala 1–5)." : "."), size: 20));
            var table = Table(RowColumns);
            var i = 0;
            foreach (var r in report.Rows)
                table.Append(TableRow([(++i).ToString(), r.AgreementTitle, r.Partners, r.EndsOn is { } e ? IndonesianFormat.FormatDateLong(e) : "—",
                    r.EvaluatorName ?? r.MemberName ?? "—", r.EvaluatedOn is { } d ? IndonesianFormat.FormatDateLong(d) : "—", r.ScoreText ?? "—",
                    r.RecommendationLabel ?? NotEvaluatedLabel]));
            body.Append(table);
            body.Append(Para("Rekapitulasi rekomendasi", bold: true, size: 22));
            var totals = Table(TotalColumns);
            foreach (var t in report.Totals) totals.Append(TableRow([t.Label, t.Count.ToString()]));
            totals.Append(TableRow([NotEvaluatedLabel, report.NotEvaluated.ToString()]));
            totals.Append(TableRow(["Jumlah", report.Rows.Count.ToString()], bold: true));
            body.Append(totals);
            body.Append(new SectionProperties(
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static async Task<Result<ExportedFile>> PdfAsync(MonitoringReport report, PdfConverter pdf, string? user, CancellationToken ct)
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
