using System.Text;
using Jalin.Core.Common;
using Jalin.Core.Identity;
using MiniExcelLibs;

namespace Jalin.Core.Tests.Common;

/// <summary>The list download writer (issue #13 part 3) without a database: CSV cells for Indonesian Excel with formulas
/// neutralised, the format and size checks, reading in batches of 1,000, and an empty list that still has its headers.</summary>
public class ListExportTests
{
    private sealed record Row(int N, string Text, decimal? Amount, DateOnly? Date);

    private static readonly ExportColumn<Row>[] Columns =
    [
        new("No", r => r.N, ExportCell.Number), new("Teks", r => r.Text), new("Nilai (Rp)", r => r.Amount, ExportCell.Amount),
        new("Tanggal", r => r.Date, ExportCell.Date),
    ];

    private static ExportInfo Info() => new("Daftar uji", "uji", "Semua baris uji", new CurrentActor("u1", "petugas.uji", "Petugas Uji", Role.CooperationOfficer, "32.77"),
        new DateTimeOffset(2026, 11, 30, 18, 30, 0, TimeSpan.Zero), [("Jenis", "KSDD sukarela")]);

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+62 22 1234", "'+62 22 1234")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tisi", "'\tisi")]
    [InlineData("\risi", "'\risi")]
    [InlineData("Kota Cimahi", "Kota Cimahi")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Text_a_spreadsheet_would_run_gets_an_apostrophe(string text, string expected) =>
        Assert.Equal(expected, ListExport.Neutralise(text));

    [Theory]
    [InlineData("biasa", "biasa")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("kata \"kutip\"", "\"kata \"\"kutip\"\"\"")]
    [InlineData("dua\nbaris", "\"dua\nbaris\"")]
    [InlineData("=1;2", "\"'=1;2\"")]
    public void Csv_text_cells_are_quoted_only_when_needed(string text, string expected) =>
        Assert.Equal(expected, ListExport.CsvCell(ExportCell.Text, text));

    [Fact]
    public void Csv_amounts_are_plain_digits_and_dates_day_month_year()
    {
        Assert.Equal("250000000", ListExport.CsvCell(ExportCell.Amount, 250_000_000m));
        Assert.Equal("1500000,5", ListExport.CsvCell(ExportCell.Amount, 1_500_000.50m));
        Assert.Equal("07/03/2026", ListExport.CsvCell(ExportCell.Date, new DateOnly(2026, 3, 7)));
        Assert.Equal("", ListExport.CsvCell(ExportCell.Date, null));
    }

    [Theory]
    [InlineData(null, ExportFormat.Xlsx)]
    [InlineData("", ExportFormat.Xlsx)]
    [InlineData("XLSX", ExportFormat.Xlsx)]
    [InlineData("csv", ExportFormat.Csv)]
    public void Known_formats(string? text, ExportFormat expected) => Assert.Equal(expected, ListExport.ParseFormat(text).Value);

    [Theory]
    [InlineData("pdf")]
    [InlineData("xls")]
    [InlineData("csv;")]
    public void Unknown_formats_name_the_choices(string text)
    {
        var error = Assert.IsType<ValidationError>(ListExport.ParseFormat(text).Error);
        Assert.Equal(["format"], error.Fields.Keys);
        Assert.Contains("xlsx atau csv", error.Fields["format"][0]);
    }

    [Fact]
    public void A_list_over_the_limit_is_refused_with_both_counts()
    {
        Assert.Null(ListExport.CheckSize(200_000, ListExportOptions.DefaultMaxRows));
        var error = ListExport.CheckSize(200_001, ListExportOptions.DefaultMaxRows);
        Assert.NotNull(error);
        Assert.Contains("200.001 baris", error.Message);
        Assert.Contains("paling banyak 200.000 baris", error.Message);
    }

    [Fact]
    public async Task Rows_are_read_a_thousand_at_a_time_and_written_in_order()
    {
        var source = Enumerable.Range(1, 2_500).Select(n => new Row(n, $"baris {n}", n * 1000m, new DateOnly(2026, 1, 1).AddDays(n % 300))).ToList();
        var reads = new List<(int Skip, int Take)>();
        Task<IReadOnlyList<Row>> Read(int skip, int take, CancellationToken _)
        {
            reads.Add((skip, take));
            return Task.FromResult<IReadOnlyList<Row>>(source.Skip(skip).Take(take).ToList());
        }

        var csv = await ListExport.WriteAsync(ExportFormat.Csv, Info(), Columns, ListExport.Batches<Row>(Read, 200_000), 200_000);
        Assert.Equal([(0, 1000), (1000, 1000), (2000, 1000)], reads);
        Assert.Equal(2_500, csv.Rows);
        Assert.Equal("uji-2026-12-01.csv", csv.FileName); // 18:30 UTC is 01:30 WIB the next day
        using (var reader = new StreamReader(csv.Content, Encoding.UTF8))
        {
            var lines = (await reader.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("No;Teks;Nilai (Rp);Tanggal", lines[0]);
            Assert.Equal(2_501, lines.Length);
            Assert.Equal("2500;baris 2500;2500000;" + source[^1].Date!.Value.ToString("dd/MM/yyyy"), lines[^1]);
        }

        reads.Clear();
        var xlsx = await ListExport.WriteAsync(ExportFormat.Xlsx, Info(), Columns, ListExport.Batches<Row>(Read, 200_000), 200_000);
        Assert.Equal(3, reads.Count);
        using var ms = new MemoryStream();
        await xlsx.Content.CopyToAsync(ms);
        await xlsx.Content.DisposeAsync();
        ms.Position = 0;
        var rows = MiniExcel.Query(ms, useHeaderRow: true, sheetName: "Daftar uji").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Enumerable.Range(1, 2_500).Select(n => (double)n), rows.Select(r => Convert.ToDouble(r["No"])));
        Assert.Equal(2_000_000d, Convert.ToDouble(rows[1999]["Nilai (Rp)"]));
        Assert.Equal(source[0].Date!.Value.ToDateTime(TimeOnly.MinValue), rows[0]["Tanggal"]);
        ms.Position = 0;
        var info = MiniExcel.Query(ms, useHeaderRow: true, sheetName: ListExport.InfoSheet).Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Keterangan"]!, r => Convert.ToString(r["Isi"]));
        Assert.Equal("2.500", info["Jumlah baris"]);
        Assert.Equal("01/12/2026 01:30 WIB", info["Waktu unduh"]);
        Assert.Equal("KSDD sukarela", info["Penyaring: Jenis"]);
        Assert.Equal("Petugas Uji (petugas.uji), Petugas Bagian Kerja Sama, kode wilayah 32.77", info["Diunduh oleh"]);
    }

    /// <summary>Records each report as it is made (Progress&lt;T&gt; would post them later, out of order).</summary>
    private sealed class Reports : IProgress<int>
    {
        public List<int> Values { get; } = [];
        public void Report(int value) => Values.Add(value);
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    public async Task The_rows_written_are_reported_every_hundred_rows_and_at_the_end(ExportFormat format)
    {
        var source = Enumerable.Range(1, 250).Select(n => new Row(n, $"baris {n}", null, null)).ToList();
        var plan = ListExport.Plan(format, Info(), Columns, ListExport.Of(source), source.Count, 200_000);
        Assert.Equal(250, plan.Rows);
        var reports = new Reports();
        using var output = new MemoryStream();
        Assert.Equal(250, await plan.WriteAsync(output, reports));
        Assert.Equal([100, 200, 250], reports.Values);
        Assert.True(output.Length > 0);

        // Capped at the row limit: the last report is the rows written, not the rows offered.
        var capped = new Reports();
        using var small = new MemoryStream();
        Assert.Equal(150, await ListExport.WriteAsync(small, format, Info(), Columns, ListExport.Of(source), 150, capped));
        Assert.Equal([100, 150], capped.Values);
    }

    [Fact]
    public async Task An_empty_list_still_has_its_header_row_and_a_row_count_of_zero()
    {
        var xlsx = await ListExport.WriteAsync(ExportFormat.Xlsx, Info(), Columns, ListExport.Of<Row>([]), 10);
        using var ms = new MemoryStream();
        await xlsx.Content.CopyToAsync(ms);
        ms.Position = 0;
        var first = (IDictionary<string, object?>)MiniExcel.Query(ms, useHeaderRow: false, sheetName: "Daftar uji").First();
        Assert.Equal(["No", "Teks", "Nilai (Rp)", "Tanggal"], first.Values.Select(v => Convert.ToString(v)));
        Assert.Equal(0, xlsx.Rows);

        var csv = await ListExport.WriteAsync(ExportFormat.Csv, Info(), Columns, ListExport.Of<Row>([]), 10);
        using var reader = new StreamReader(csv.Content);
        Assert.Equal("No;Teks;Nilai (Rp);Tanggal\r\n", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task The_temporary_file_is_gone_once_the_download_is_disposed()
    {
        var csv = await ListExport.WriteAsync(ExportFormat.Csv, Info(), Columns, ListExport.Of([new Row(1, "a", null, null)]), 10);
        var path = ((FileStream)csv.Content).Name;
        Assert.True(File.Exists(path));
        await csv.Content.DisposeAsync();
        Assert.False(File.Exists(path));
    }
}
