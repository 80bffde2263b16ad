using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jalin.Tests.Shared;

/// <summary>Legacy registers as regions keep them, built in the test with DocumentFormat.OpenXml (merged cells need it):
/// a title row merged across the table, a blank row, a two-row header with "Jangka Waktu" merged over "Mulai" and
/// "Berakhir", blank rows between records, Indonesian dates and amounts as text, a real date cell and an Excel serial
/// number, a misspelled region, a partner already in the registry, and a totals row. <paramref name="tag"/> makes the
/// numbers and the new partner unique per test.</summary>
public static class LegacyRegisters
{
    public static object?[][] MessyRows(string tag) =>
    [
        ["REGISTER KERJA SAMA PEMERINTAH KOTA CIMAHI", null, null, null, null, null, null, null, null, null],
        ["Keadaan per 31 Oktober 2026"],
        [],
        ["No.", "Nomor Perjanjian", "Judul Kerja Sama", "Nama Mitra", "Daerah Mitra", "Jenis", "Jangka Waktu", null, "Nilai Kontrak (Rp)", "OPD Pelaksana"],
        [null, null, null, null, null, null, "Mulai", "Berakhir", null, null],
        [1d, $"180/{tag}/KB", "Pengelolaan Sampah Regional Bersama", null, "Kab. Bandng", "KSDD", "3 Desember 2019", "03/12/2024", "Rp 1.500.000", "DLH"],
        [],
        [2d, $"415.4/{tag}/PKS", "Penyediaan Air Bersih Kawasan Industri", $"PT. Tirta Raharja Abadi {tag}", null, "PKS", new DateTime(2021, 3, 15), "14 Mar 2027", "Rp1.500.000.000,00", "Dinas PUPR"],
        [3d, $"027/{tag}/KSDPK", "Program Magang Mahasiswa Teknik", "Univ. Jenderal Achmad Yani", null, "Perjanjian Kerja Sama", 45292d, "31 Agt 2026", "1,5 juta", "Disdik"],
        [4d, $"119/{tag}/KB", "Kerja Sama Pariwisata Terpadu", null, "Kota Bandung", "KSDD", "31/02/2023", "2028-01-31", "2 M", "Disparbud"],
        [],
        ["Jumlah", null, null, null, null, null, null, null, 3501500000d, null],
    ];

    /// <summary>Merged ranges: the title across A–J, "Jangka Waktu" over G–H, and the one-row headers down over the sub-header row.</summary>
    public static readonly string[] MessyMerges = ["A1:J1", "G4:H4", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "I4:I5", "J4:J5"];

    public static byte[] Messy(string tag) => Xlsx(MessyRows(tag), MessyMerges);

    /// <summary>An XLSX of these rows: strings inline, doubles as numbers, DateTimes as serial numbers with a date format.</summary>
    public static byte[] Xlsx(IReadOnlyList<object?[]> rows, IEnumerable<string>? merges = null, string sheetName = "Register")
    {
        var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()), new CellStyleFormats(new CellFormat()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var v = rows[r][c];
                    if (v is null) continue;
                    var cell = new Cell { CellReference = Letter(c) + (r + 1) };
                    switch (v)
                    {
                        case string s: cell.DataType = CellValues.InlineString; cell.InlineString = new InlineString(new Text(s)); break;
                        case DateTime d: cell.CellValue = new CellValue(d.ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)); cell.StyleIndex = 1; break;
                        case double x: cell.CellValue = new CellValue(x.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
                        case decimal m: cell.CellValue = new CellValue(m.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
                        default: throw new ArgumentException(v.GetType().Name);
                    }
                    row.Append(cell);
                }
                data.Append(row);
            }
            var worksheet = new Worksheet(data);
            var list = merges?.ToList() ?? [];
            if (list.Count > 0) worksheet.Append(new MergeCells(list.Select(m => new MergeCell { Reference = m })));
            ws.Worksheet = worksheet;
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = sheetName }));
        }
        return ms.ToArray();
    }

    public static string Letter(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    /// <summary>A workbook made macro-enabled the way Excel saves a .xlsm: xl/vbaProject.bin and the macroEnabled content type.</summary>
    public static byte[] WithMacro(byte[] xlsx) => Rewrite(xlsx, zip =>
    {
        using (var s = zip.CreateEntry("xl/vbaProject.bin").Open()) s.Write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3]);
        var types = zip.GetEntry("[Content_Types].xml")!;
        string text;
        using (var r = new StreamReader(types.Open())) text = r.ReadToEnd();
        types.Delete();
        using var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
        w.Write(text.Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
    });

    /// <summary>A valid workbook plus one part of zeros that unpacks to <paramref name="megabytes"/> MB (written streaming).</summary>
    public static byte[] Bomb(byte[] xlsx, int megabytes) => Rewrite(xlsx, zip =>
    {
        using var s = zip.CreateEntry("xl/media/isi.bin", CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1024 * 1024];
        for (var i = 0; i < megabytes; i++) s.Write(zeros);
    });

    private static byte[] Rewrite(byte[] xlsx, Action<ZipArchive> change)
    {
        var ms = new MemoryStream();
        ms.Write(xlsx);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true)) change(zip);
        return ms.ToArray();
    }

    /// <summary>A small valid PDF whose bytes differ per label.</summary>
    public static byte[] Pdf(string label) => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% {label} {Guid.NewGuid()}\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static byte[] Zip(params (string Name, byte[] Content)[] files)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in files)
                using (var s = zip.CreateEntry(name).Open()) s.Write(content);
        return ms.ToArray();
    }
}
