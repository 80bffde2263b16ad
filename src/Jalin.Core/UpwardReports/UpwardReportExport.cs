using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Mapping;
using Jalin.Core.Tkksd;
using MiniExcelLibs;

namespace Jalin.Core.UpwardReports;

/// <summary>The annual report as a workbook (Ringkasan, Daftar kerja sama, Capaian indikator, Anggaran, Monev) and as a
/// formal DOCX (cover letter page, numbered sections, tables) rendered to PDF by LibreOffice, like the monev report.</summary>
public static class UpwardReportExport
{
    public const string SheetSummary = "Ringkasan";
    public const string SheetAgreements = "Daftar kerja sama";
    public const string SheetIndicators = "Capaian indikator";
    public const string SheetBudget = "Anggaran";
    public const string SheetMonev = "Monev";
    public static readonly string[] SummaryColumns = ["Uraian", "Nilai"];
    public static readonly string[] AgreementColumns = ["No", "Bagian", "Kerja Sama", "Jenis", "Para Pihak", "Jenis Mitra", "Urusan", "Status", "Jangka Waktu", "Nilai (Rp)", "Sumber Dana", "Laporan Tepat Waktu", "Laporan Terlambat", "Laporan Belum Masuk"];
    public static readonly string[] IndicatorColumns = ["No", "Kerja Sama", "Periode", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)"];
    public static readonly string[] BudgetColumns = ["No", "Kerja Sama", "Periode", "Sumber Dana", "Realisasi (Rp)"];
    public static readonly string[] MonevColumns = ["No", "Kerja Sama", "Tanggal Evaluasi", "Nilai", "Rekomendasi", "Temuan"];
    public const string TotalLabel = "Jumlah";
    public const string SheetRecap = "Rekap";
    public const string SheetRecapTotals = "Jumlah";
    public static readonly string[] RecapColumns = ["No", "Kode", "Daerah", "Batas", "Status", "Tanggal Kirim", "Nomor Surat", "Sumber Angka", "Kerja Sama",
        "Luar Negeri", "Dalam Negeri", "Baru", "Berakhir", "Nilai (Rp)", "Laporan Tepat Waktu", "Laporan Terlambat", "Indikator", "Indikator Tercapai",
        "Realisasi Anggaran (Rp)", "Evaluasi"];

    /// <summary>The supervisor's recap as a workbook: one row per region and the totals (sheet "Jumlah": over the sent reports and over all regions).</summary>
    public static ExportedFile RecapXlsx(UpwardRecap recap)
    {
        var n = 0;
        var rows = recap.Rows.Select(r => new Dictionary<string, object?>
        {
            [RecapColumns[0]] = ++n, [RecapColumns[1]] = r.RegionCode, [RecapColumns[2]] = r.RegionName, [RecapColumns[3]] = IndonesianFormat.FormatDateLong(r.Deadline),
            [RecapColumns[4]] = r.Timeliness, [RecapColumns[5]] = r.SentOn is { } s ? IndonesianFormat.FormatDateLong(s) : null, [RecapColumns[6]] = r.LetterNumber,
            [RecapColumns[7]] = r.FromSnapshot ? "Laporan terkirim" : "Dihitung dari data Jalin", [RecapColumns[8]] = r.Figures.Agreements,
            [RecapColumns[9]] = r.Figures.Foreign, [RecapColumns[10]] = r.Figures.Domestic, [RecapColumns[11]] = r.Figures.New, [RecapColumns[12]] = r.Figures.Ended,
            [RecapColumns[13]] = r.Figures.TotalValue, [RecapColumns[14]] = r.Figures.ReportsOnTime, [RecapColumns[15]] = r.Figures.ReportsLate,
            [RecapColumns[16]] = r.Figures.Indicators, [RecapColumns[17]] = r.Figures.IndicatorsMet, [RecapColumns[18]] = r.Figures.BudgetRealisation,
            [RecapColumns[19]] = r.Figures.Evaluations,
        }).ToList();
        var totals = Summary(recap.SentTotals).Zip(Summary(recap.AllTotals)).Select(p => new Dictionary<string, object?>
            { ["Uraian"] = p.First.Label, ["Laporan terkirim"] = p.First.Value, ["Seluruh daerah"] = p.Second.Value }).ToList();
        totals.Insert(0, new() { ["Uraian"] = "Jumlah daerah", ["Laporan terkirim"] = recap.Sent, ["Seluruh daerah"] = recap.Rows.Count });
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [SheetRecap] = rows, [SheetRecapTotals] = totals });
        return new ExportedFile(stream.ToArray(), MappingExport.XlsxType, $"rekap-laporan-kerja-sama-{recap.Year}.xlsx");
    }

    public static string Title(UpwardReportData d) => $"Laporan Pelaksanaan Kerja Sama Daerah Tahun {d.Year}";

    public static string BaseName(UpwardReportData d) => $"laporan-kerja-sama-{d.RegionCode}-{d.Year}-{d.GeneratedOn:yyyy-MM-dd}";

    /// <summary>The summary rows (label, value): the same figures on the region page, in the workbook and in the PDF.</summary>
    public static IReadOnlyList<(string Label, object Value)> Summary(UpwardFigures f) =>
    [
        ("Jumlah kerja sama yang berjalan dalam tahun laporan", f.Agreements),
        ("Kerja sama luar negeri (KSDPL/KSDLL)", f.Foreign),
        ("Kerja sama dalam negeri (KSDD, KSDPK, Sinergi)", f.Domestic),
        ("Kerja sama baru (ditandatangani dalam tahun laporan)", f.New),
        ("Kerja sama berakhir dalam tahun laporan", f.Ended),
        ("Kerja sama masih berlaku pada akhir tahun", f.Active),
        ("Nilai kerja sama (Rp)", f.TotalValue),
        ("Laporan kemajuan tepat waktu", f.ReportsOnTime),
        ("Laporan kemajuan terlambat", f.ReportsLate),
        ("Laporan kemajuan belum masuk (lewat batas)", f.ReportsMissing),
        ("Indikator yang dilaporkan", f.Indicators),
        ("Indikator yang mencapai target", f.IndicatorsMet),
        ("Realisasi anggaran (Rp)", f.BudgetRealisation),
        ("Evaluasi (monev) dalam tahun laporan", f.Evaluations),
        ("Nilai rata-rata monev (skala 1–5)", f.AverageScore is { } a ? WeightedScore.Format(a) : "—"),
    ];

    public static ExportedFile Xlsx(UpwardReportData d)
    {
        var summary = new List<Dictionary<string, object?>>
        {
            new() { [SummaryColumns[0]] = "Daerah", [SummaryColumns[1]] = d.RegionName },
            new() { [SummaryColumns[0]] = "Tahun laporan", [SummaryColumns[1]] = d.Year },
            new() { [SummaryColumns[0]] = "Kepada", [SummaryColumns[1]] = d.Recipient },
            new() { [SummaryColumns[0]] = "Batas penyampaian", [SummaryColumns[1]] = $"{IndonesianFormat.FormatDateLong(d.Deadline)}, {d.DeadlineBasis}" },
        };
        summary.AddRange(Summary(d.Figures).Select(s => new Dictionary<string, object?> { [SummaryColumns[0]] = s.Label, [SummaryColumns[1]] = s.Value }));
        var n = 0;
        var agreements = d.Agreements.Select(a => new Dictionary<string, object?>
        {
            [AgreementColumns[0]] = ++n, [AgreementColumns[1]] = a.Foreign ? "A" : "B", [AgreementColumns[2]] = a.Title, [AgreementColumns[3]] = a.KindLabel,
            [AgreementColumns[4]] = a.Partners, [AgreementColumns[5]] = a.PartnerTypes, [AgreementColumns[6]] = a.AffairName, [AgreementColumns[7]] = a.Status,
            [AgreementColumns[8]] = a.Term, [AgreementColumns[9]] = a.Value, [AgreementColumns[10]] = a.FundingSource,
            [AgreementColumns[11]] = a.ReportsOnTime, [AgreementColumns[12]] = a.ReportsLate, [AgreementColumns[13]] = a.ReportsMissing,
        }).ToList();
        agreements.Add(new() { [AgreementColumns[2]] = TotalLabel, [AgreementColumns[9]] = d.Figures.TotalValue, [AgreementColumns[11]] = d.Figures.ReportsOnTime,
            [AgreementColumns[12]] = d.Figures.ReportsLate, [AgreementColumns[13]] = d.Figures.ReportsMissing });
        n = 0;
        var indicators = d.Indicators.Select(i => new Dictionary<string, object?>
        {
            [IndicatorColumns[0]] = ++n, [IndicatorColumns[1]] = i.Agreement, [IndicatorColumns[2]] = i.Period, [IndicatorColumns[3]] = i.Indicator,
            [IndicatorColumns[4]] = i.Unit, [IndicatorColumns[5]] = i.Target, [IndicatorColumns[6]] = i.Actual, [IndicatorColumns[7]] = i.Percent,
        }).ToList();
        n = 0;
        var budget = d.Budget.Select(b => new Dictionary<string, object?>
        {
            [BudgetColumns[0]] = ++n, [BudgetColumns[1]] = b.Agreement, [BudgetColumns[2]] = b.Period, [BudgetColumns[3]] = b.Source, [BudgetColumns[4]] = b.Realisation,
        }).ToList();
        budget.Add(new() { [BudgetColumns[1]] = TotalLabel, [BudgetColumns[4]] = d.Figures.BudgetRealisation });
        n = 0;
        var monev = d.Monev.Select(m => new Dictionary<string, object?>
        {
            [MonevColumns[0]] = ++n, [MonevColumns[1]] = m.Agreement, [MonevColumns[2]] = IndonesianFormat.FormatDateLong(m.EvaluatedOn),
            [MonevColumns[3]] = m.Score, [MonevColumns[4]] = m.Recommendation, [MonevColumns[5]] = m.Findings,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            [SheetSummary] = summary, [SheetAgreements] = Full(agreements, AgreementColumns), [SheetIndicators] = WithHeader(indicators, IndicatorColumns),
            [SheetBudget] = Full(budget, BudgetColumns), [SheetMonev] = WithHeader(monev, MonevColumns),
        });
        return new ExportedFile(stream.ToArray(), MappingExport.XlsxType, BaseName(d) + ".xlsx");
    }

    // MiniExcel takes the columns from the first row: every row (the totals too) carries every column.
    private static List<Dictionary<string, object?>> Full(List<Dictionary<string, object?>> rows, string[] columns)
    {
        foreach (var r in rows) foreach (var c in columns) r.TryAdd(c, null);
        return rows.Select(r => columns.ToDictionary(c => c, c => r[c])).ToList();
    }

    // MiniExcel writes no header for an empty list: an empty sheet still gets its column names.
    private static object WithHeader(List<Dictionary<string, object?>> rows, string[] columns) =>
        rows.Count > 0 ? rows : new List<Dictionary<string, object?>> { columns.ToDictionary(c => c, _ => (object?)null) };

    private static string Rp(decimal? v) => v is { } x ? IndonesianFormat.FormatRupiah(x) : "—";
    private static string Date(DateOnly? v) => v is { } x ? IndonesianFormat.FormatDateLong(x) : "—";

    public static byte[] Docx(UpwardReportData d)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            // Cover letter page.
            body.Append(Para(d.RegionName.ToUpperInvariant(), bold: true, size: 28, center: true));
            body.Append(Para($"Kepada Yth. {d.Recipient}", size: 22));
            body.Append(Para($"Perihal: {Title(d)}", bold: true, size: 22));
            body.Append(Para(d.IsProvince
                ? $"Dengan hormat, bersama ini kami sampaikan laporan pelaksanaan kerja sama daerah {d.RegionName} tahun {d.Year}. Laporan pelaksanaan kerja sama dengan pemerintah daerah di luar negeri dan lembaga di luar negeri disampaikan kepada Menteri (PP 28/2018 Pasal 43 ayat (1); Permendagri 25/2020 Pasal 36 dan Pasal 37). Laporan kerja sama dalam negeri disampaikan sebagai bahan pembinaan dan pengawasan oleh Menteri (PP 28/2018 Pasal 44 ayat (1)); formatnya praktik daerah."
                : $"Dengan hormat, bersama ini kami sampaikan laporan pelaksanaan kerja sama daerah {d.RegionName} tahun {d.Year}. Laporan pelaksanaan kerja sama dengan pemerintah daerah di luar negeri dan lembaga di luar negeri disampaikan kepada gubernur (Permendagri 25/2020 Pasal 35 dan Pasal 37). Laporan kerja sama dalam negeri disampaikan sebagai bahan pembinaan dan pengawasan oleh gubernur sebagai wakil Pemerintah Pusat (PP 28/2018 Pasal 44 ayat (4)); formatnya praktik daerah.", size: 22));
            body.Append(Para($"Batas penyampaian: {IndonesianFormat.FormatDateLong(d.Deadline)}, {d.DeadlineBasis}. Keadaan data per {IndonesianFormat.FormatDateLong(d.GeneratedOn)}.", size: 20));
            body.Append(Para("Demikian laporan ini disampaikan. Atas perhatian Bapak/Ibu kami ucapkan terima kasih.", size: 22));
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

            body.Append(Para(Title(d).ToUpperInvariant(), bold: true, size: 26, center: true));
            body.Append(Para(d.RegionName, bold: true, size: 24, center: true));
            body.Append(Para("I. RINGKASAN", bold: true, size: 22));
            var summary = Table(SummaryColumns);
            foreach (var (label, value) in Summary(d.Figures))
                summary.Append(TableRow([label, value is decimal m ? Rp(m) : value.ToString() ?? ""]));
            body.Append(summary);

            // Part A: Permendagri 25/2020 Pasal 37 and lampiran IV.
            body.Append(Para("II. BAGIAN A. KERJA SAMA DAERAH DENGAN PEMERINTAH DAERAH DI LUAR NEGERI DAN LEMBAGA DI LUAR NEGERI", bold: true, size: 22));
            body.Append(Para("Disusun menurut sistematika laporan Permendagri 25/2020 Pasal 37 dan Lampiran IV.", size: 18));
            var foreign = d.ForeignAgreements.ToList();
            if (foreign.Count == 0) body.Append(Para($"Tidak ada kerja sama luar negeri yang berjalan pada tahun {d.Year}.", size: 20));
            var k = 0;
            foreach (var a in foreign)
            {
                k++;
                body.Append(Para($"A.{k}. {a.Title}", bold: true, size: 22));
                body.Append(Para($"1. Judul: {a.Title} ({a.KindLabel}); mitra: {a.Partners}; jangka waktu {a.Term}.", size: 20));
                body.Append(Para($"2. Latar belakang: {a.Object ?? "belum dicatat"}.", size: 20));
                body.Append(Para($"3. Maksud, tujuan dan sasaran: {a.Object ?? "belum dicatat"}.", size: 20));
                body.Append(Para($"4. Ruang lingkup: {a.Scope ?? "belum dicatat"}.", size: 20));
                body.Append(Para("5. Perkembangan dan hasil pelaksanaan (termasuk kegiatan unggulan):", size: 20));
                if (a.Activities.Count == 0) body.Append(Para("Belum ada laporan kemajuan yang diterima untuk tahun ini.", size: 20));
                foreach (var act in a.Activities) body.Append(Para("– " + act, size: 20));
                var ind = d.Indicators.Where(i => i.AgreementId == a.Id).ToList();
                if (ind.Count > 0)
                {
                    var t = Table(["Periode", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)"]);
                    foreach (var i in ind) t.Append(TableRow([i.Period, i.Indicator, i.Unit, Num(i.Target), Num(i.Actual), i.Percent is { } p ? Num(p) : "—"]));
                    body.Append(t);
                }
                body.Append(Para($"6. Penerima manfaat: {(a.Beneficiaries.Count == 0 ? "belum dilaporkan" : string.Join("; ", a.Beneficiaries))}.", size: 20));
                var money = d.Budget.Where(b => b.AgreementId == a.Id).ToList();
                body.Append(Para($"7. Pendanaan: nilai kerja sama {Rp(a.Value)}, sumber {a.FundingSource}; realisasi per kegiatan:", size: 20));
                if (money.Count == 0) body.Append(Para("Belum ada realisasi anggaran yang dilaporkan.", size: 20));
                else
                {
                    var t = Table(["Periode", "Sumber Dana", "Realisasi"]);
                    foreach (var b in money) t.Append(TableRow([b.Period, b.Source, Rp(b.Realisation)]));
                    t.Append(TableRow([TotalLabel, "", Rp(money.Sum(b => b.Realisation))], bold: true));
                    body.Append(t);
                }
                body.Append(Para($"8. Hambatan dan tantangan: {(a.Obstacles.Count == 0 ? "tidak dilaporkan" : string.Join("; ", a.Obstacles.Select(o => $"{o.Period}: {o.Text}")))}.", size: 20));
                var ev = d.Monev.Where(m => m.AgreementId == a.Id).ToList();
                var analysis = ev.Count == 0 ? "belum dievaluasi pada tahun ini" : string.Join("; ", ev.Select(m => $"evaluasi {IndonesianFormat.FormatDateLong(m.EvaluatedOn)}: nilai {WeightedScore.Format(m.Score)}, rekomendasi {m.Recommendation}, temuan: {m.Findings}"));
                body.Append(Para($"9. Analisis dan rencana tindak lanjut: {analysis}. Tindak lanjut: {(a.FollowUps.Count == 0 ? "tidak dilaporkan" : string.Join("; ", a.FollowUps.Select(o => o.Text)))}.", size: 20));
            }

            // Part B: no national format (praktik daerah).
            body.Append(Para("III. BAGIAN B. KERJA SAMA DAERAH DALAM NEGERI (KSDD, KSDPK DAN SINERGI)", bold: true, size: 22));
            body.Append(Para("Peraturan tidak menetapkan format nasional laporan kerja sama dalam negeri; bagian ini praktik daerah, disampaikan sebagai bahan pembinaan dan pengawasan (PP 28/2018 Pasal 44).", size: 18));
            var domestic = d.DomesticAgreements.ToList();
            body.Append(Para("1. Jumlah kerja sama menurut jenis, status, urusan dan jenis mitra", size: 20));
            var counts = Table(["Pengelompokan", "Uraian", "Jumlah"]);
            foreach (var (group, rows) in new[] { ("Jenis", d.ByKind), ("Status", d.ByStatus), ("Urusan", d.ByAffair), ("Jenis mitra", d.ByPartnerType) })
                foreach (var c in rows) counts.Append(TableRow([group, c.Label, c.Count.ToString()]));
            counts.Append(TableRow([TotalLabel, "kerja sama dalam negeri", domestic.Count.ToString()], bold: true));
            body.Append(counts);
            body.Append(Para($"Baru pada tahun {d.Year}: {domestic.Count(a => a.IsNew)}; berakhir: {domestic.Count(a => a.EndedInYear)}; masih berlaku: {domestic.Count(a => !a.EndedInYear)}.", size: 20));
            body.Append(Para("2. Daftar kerja sama", size: 20));
            var list = Table(["No", "Kerja Sama", "Jenis", "Para Pihak", "Jangka Waktu", "Nilai"]);
            var j = 0;
            foreach (var a in domestic) list.Append(TableRow([(++j).ToString(), a.Title, a.KindLabel, a.Partners, a.Term, Rp(a.Value)]));
            list.Append(TableRow(["", TotalLabel, "", "", "", Rp(domestic.Sum(a => a.Value ?? 0m))], bold: true));
            body.Append(list);
            body.Append(Para($"3. Ketepatan waktu laporan kemajuan: tepat waktu {domestic.Sum(a => a.ReportsOnTime)}, terlambat {domestic.Sum(a => a.ReportsLate)}, belum masuk setelah batas {domestic.Sum(a => a.ReportsMissing)}.", size: 20));
            var dInd = d.Indicators.Where(i => !i.Foreign).ToList();
            body.Append(Para($"4. Realisasi indikator: {dInd.Count(i => i.Met)} dari {dInd.Count} indikator mencapai target.", size: 20));
            if (dInd.Count > 0)
            {
                var t = Table(["Kerja Sama", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)"]);
                foreach (var i in dInd) t.Append(TableRow([i.Agreement, i.Indicator, i.Unit, Num(i.Target), Num(i.Actual), i.Percent is { } p ? Num(p) : "—"]));
                body.Append(t);
            }
            var dBudget = d.Budget.Where(b => !b.Foreign).ToList();
            body.Append(Para($"5. Realisasi anggaran: {Rp(dBudget.Sum(b => b.Realisation))}.", size: 20));
            var dMonev = d.Monev.Where(m => !m.Foreign).ToList();
            body.Append(Para($"6. Hasil monev: {dMonev.Count} evaluasi.", size: 20));
            if (dMonev.Count > 0)
            {
                var t = Table(["Kerja Sama", "Tanggal", "Nilai", "Rekomendasi"]);
                foreach (var m in dMonev) t.Append(TableRow([m.Agreement, IndonesianFormat.FormatDateLong(m.EvaluatedOn), WeightedScore.Format(m.Score), m.Recommendation]));
                body.Append(t);
            }
            var obstacles = domestic.SelectMany(a => a.Obstacles).ToList();
            body.Append(Para("7. Hambatan:" + (obstacles.Count == 0 ? " tidak dilaporkan." : ""), size: 20));
            foreach (var o in obstacles) body.Append(Para($"– {o.Agreement} ({o.Period}): {o.Text}", size: 20));

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1418, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static async Task<Result<byte[]>> PdfBytesAsync(byte[] docx, PdfConverter pdf, string? user, CancellationToken ct) =>
        await pdf.ConvertDocxAsync(docx, user, ct);

    private static string Num(decimal v) => v.ToString("#,##0.##", IndonesianFormat.Culture);

    private static Paragraph Para(string text, bool bold = false, int size = 20, bool center = false)
    {
        var props = new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = size.ToString() });
        if (bold) props.Append(new Bold());
        var p = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        p.PrependChild(new ParagraphProperties(new SpacingBetweenLines { After = "120" }, new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both }));
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
