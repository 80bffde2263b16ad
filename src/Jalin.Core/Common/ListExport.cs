using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Jalin.Core.Identity;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Jalin.Core.Common;

public enum ExportFormat { Xlsx, Csv }

/// <summary>How a column's value is written: text as is (CSV neutralises formulas), an amount in rupiah (a number with
/// thousands in XLSX, plain digits in CSV), a date (dd/MM/yyyy), or a whole number.</summary>
public enum ExportCell { Text, Amount, Date, Number }

/// <summary>One column of a list export: its Indonesian header and how to read it from a row.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value, ExportCell Kind = ExportCell.Text, double Width = 0);

/// <summary>What the "Keterangan" sheet says about an export: which list, the scope, who, when, and the filters as the
/// user chose them (label, value), in Indonesian.</summary>
public sealed record ExportInfo(string ListName, string FileBaseName, string Scope, CurrentActor Actor, DateTimeOffset At,
    IReadOnlyList<(string Label, string Value)> Filters);

/// <summary>A written export opened for sending: a temporary file that deletes itself when <see cref="Content"/> is disposed
/// (the HTTP result disposes it after sending), so the rows never sit in memory all at once, or a background job's kept file.</summary>
public sealed record ExportedList(Stream Content, string ContentType, string FileName, int Rows);

/// <summary>The list holds more rows than one download may carry.</summary>
public sealed record TooManyRowsError(string Message) : Error("terlalu_banyak_baris", Message);

/// <summary>Limits of the list downloads (Export:MaxRows) and when "Unduh" makes the file in the background
/// (Export:BackgroundFromRows, Export:Directory, Export:MaxRunningPerUser; <see cref="ListExportJobs"/>).</summary>
public sealed class ListExportOptions
{
    public const int DefaultMaxRows = 200_000;
    public const int DefaultBackgroundFromRows = 5_000;
    public const int DefaultMaxRunningPerUser = 2;

    public int MaxRows { get; set; } = DefaultMaxRows;

    /// <summary>A list with more rows than this is written in the background from the back office menu; up to it the browser downloads it at once.</summary>
    public int BackgroundFromRows { get; set; } = DefaultBackgroundFromRows;

    /// <summary>Where background downloads are written: Export:Directory, or "list-exports" beside the files folder.</summary>
    public string Directory { get; set; } = Path.Combine("data", "list-exports");

    /// <summary>A finished background download is kept this long; older files are deleted.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Background downloads one user may have running at once.</summary>
    public int MaxRunningPerUser { get; set; } = DefaultMaxRunningPerUser;

    /// <summary>A background download waits this long before writing (Export:StartPauseMs). Only the browser tests set it,
    /// so that a demo list, written in well under a second, is seen running.</summary>
    public TimeSpan StartPause { get; set; } = TimeSpan.Zero;
}

/// <summary>A list export counted, checked against the limit and ready to write: to a temporary file for a direct download
/// (<see cref="ToTemporaryFileAsync"/>) or to a kept file by a background job (<see cref="WriteAsync"/>, which reports the
/// rows written so far). <see cref="Rows"/> is the count the size check used.</summary>
public sealed class ListExportPlan(string listName, ExportFormat format, string fileName, int rows,
    Func<Stream, IProgress<int>?, CancellationToken, Task<int>> write)
{
    public string ListName { get; } = listName;
    public ExportFormat Format { get; } = format;
    public string FileName { get; } = fileName;
    public int Rows { get; } = rows;
    public string ContentType => ListExport.ContentType(Format);

    /// <summary>Writes the file to <paramref name="output"/>; returns the rows written.</summary>
    public Task<int> WriteAsync(Stream output, IProgress<int>? progress, CancellationToken ct = default) => write(output, progress, ct);

    /// <summary>Writes the file to a temporary file that deletes itself when the returned content is disposed.</summary>
    public async Task<ExportedList> ToTemporaryFileAsync(CancellationToken ct = default)
    {
        var file = new FileStream(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"jalin-unduh-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var count = await WriteAsync(file, null, ct);
            file.Position = 0;
            return new ExportedList(file, ContentType, FileName, count);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}

/// <summary>Writes any list the user sees (agreements, partners, proposals, progress reports) as XLSX or CSV. The caller
/// gives the columns and the rows, read from the same visibility-scoped query as the list, in batches
/// (<see cref="Batches{T}"/>). XLSX (MiniExcel, like the statistics and the upward report): amounts are numbers shown
/// as #,##0, dates are dates shown as dd/mm/yyyy, and a second sheet "Keterangan" tells what was exported by whom,
/// when and with which filters. CSV for Indonesian Excel: UTF-8 with BOM, ';' between cells, CRLF, quotes where
/// needed, and text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) starts with an apostrophe.</summary>
public static class ListExport
{
    public const int BatchSize = 1000;
    public const string InfoSheet = "Keterangan";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";
    public const char CsvSeparator = ';';
    public const string DateFormat = "dd/MM/yyyy";

    public static readonly string FormatExpected = "Format unduhan tidak dikenal: pilih xlsx atau csv.";

    /// <summary>xlsx (also when empty) or csv, any case; anything else is a 400 naming the choices.</summary>
    public static Result<ExportFormat> ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "xlsx" => ExportFormat.Xlsx,
        "csv" => ExportFormat.Csv,
        _ => ValidationError.Of("format", FormatExpected),
    };

    /// <summary>Refuses a list larger than one download (before anything is written).</summary>
    public static TooManyRowsError? CheckSize(int rows, int maxRows) => rows <= maxRows ? null
        : new TooManyRowsError($"Daftar ini berisi {Thousands(rows)} baris; satu unduhan paling banyak {Thousands(maxRows)} baris. "
            + "Persempit penyaring (misalnya jenis, tahap, status atau tahun), lalu unduh lagi.");

    /// <summary>Reads an ordered query page by page (<see cref="BatchSize"/> rows a time), so memory holds one batch.
    /// <paramref name="read"/> gets skip and take and reads that page, e.g. the list's own projection of
    /// <c>query.Skip(skip).Take(take)</c>; the query's order must end with a unique key so pages neither overlap nor skip.</summary>
    public static async IAsyncEnumerable<T> Batches<T>(Func<int, int, CancellationToken, Task<IReadOnlyList<T>>> read, int maxRows,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var skip = 0; skip < maxRows; skip += BatchSize)
        {
            var batch = await read(skip, Math.Min(BatchSize, maxRows - skip), ct);
            foreach (var row in batch) yield return row;
            if (batch.Count < BatchSize) yield break;
        }
    }

    public static async IAsyncEnumerable<T> Of<T>(IEnumerable<T> rows)
    {
        await Task.CompletedTask;
        foreach (var row in rows) yield return row;
    }

    public static string FileName(ExportInfo info, ExportFormat format) =>
        $"{info.FileBaseName}-{Wib.DateOf(info.At).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{(format == ExportFormat.Xlsx ? "xlsx" : "csv")}";

    public static string ContentType(ExportFormat format) => format == ExportFormat.Xlsx ? XlsxType : CsvType;

    /// <summary>The export ready to write, for <paramref name="rows"/> counted by the caller's size check. <paramref name="read"/>
    /// must not hold a request's cancellation token: a background job writes the plan after the request that made it has ended
    /// (it passes its own token to <see cref="ListExportPlan.WriteAsync"/>).</summary>
    public static ListExportPlan Plan<T>(ExportFormat format, ExportInfo info, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> read,
        int rows, int maxRows) =>
        new(info.ListName, format, FileName(info, format), Math.Min(rows, maxRows),
            (output, progress, ct) => WriteAsync(output, format, info, columns, read, maxRows, progress, ct));

    /// <summary>Writes the list to a temporary file that deletes itself when <see cref="ExportedList.Content"/> is disposed.</summary>
    public static Task<ExportedList> WriteAsync<T>(ExportFormat format, ExportInfo info, IReadOnlyList<ExportColumn<T>> columns,
        IAsyncEnumerable<T> rows, int maxRows, CancellationToken ct = default) =>
        Plan(format, info, columns, rows, maxRows, maxRows).ToTemporaryFileAsync(ct);

    /// <summary>Writes the list to <paramref name="output"/> and returns the rows written; <paramref name="progress"/> hears the
    /// rows written so far every <see cref="ProgressEvery"/> rows and once at the end.</summary>
    public static Task<int> WriteAsync<T>(Stream output, ExportFormat format, ExportInfo info, IReadOnlyList<ExportColumn<T>> columns,
        IAsyncEnumerable<T> rows, int maxRows, IProgress<int>? progress, CancellationToken ct = default) =>
        format == ExportFormat.Xlsx
            ? WriteXlsxAsync(output, info, columns, rows, maxRows, progress, ct)
            : WriteCsvAsync(output, columns, rows, maxRows, progress, ct);

    public const int ProgressEvery = 100;

    private static async Task<int> WriteCsvAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, int maxRows,
        IProgress<int>? progress, CancellationToken ct)
    {
        var count = 0;
        await using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await w.WriteLineAsync(string.Join(CsvSeparator, columns.Select(c => Quote(Neutralise(c.Header)))));
        var line = new StringBuilder();
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (count == maxRows) break;
            line.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0) line.Append(CsvSeparator);
                line.Append(CsvCell(columns[i].Kind, columns[i].Value(row)));
            }
            await w.WriteLineAsync(line, ct);
            if (++count % ProgressEvery == 0) progress?.Report(count);
        }
        await w.FlushAsync(ct);
        progress?.Report(count);
        return count;
    }

    /// <summary>A cell as Indonesian Excel reads it: amounts as plain digits (a decimal comma only for sen), dates dd/MM/yyyy.</summary>
    public static string CsvCell(ExportCell kind, object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.##", IndonesianFormat.Culture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString(DateFormat, CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString(DateFormat, CultureInfo.InvariantCulture),
        _ => Quote(kind == ExportCell.Text ? Neutralise(Convert.ToString(value, IndonesianFormat.Culture) ?? "") : Convert.ToString(value, IndonesianFormat.Culture) ?? ""),
    };

    /// <summary>Text a spreadsheet would take as a formula (OWASP "CSV injection") gets a leading apostrophe.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    public static string Quote(string text) =>
        text.IndexOfAny([CsvSeparator, '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static async Task<int> WriteXlsxAsync<T>(Stream output, ExportInfo info, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows,
        int maxRows, IProgress<int>? progress, CancellationToken ct)
    {
        var count = 0;
        var e = rows.GetAsyncEnumerator(ct);
        try
        {
            var first = await e.MoveNextAsync();
            // An empty list still gets its header row: MiniExcel names the columns from the first row, or from a DataTable.
            object data = first ? Dictionaries() : EmptyTable(columns);
            var sheets = new Dictionary<string, object> { [SheetName(info.ListName)] = data, [InfoSheet] = Info() };
            var config = new OpenXmlConfiguration
            {
                DynamicColumns = columns.Select(c => new DynamicExcelColumn(c.Header)
                {
                    Format = c.Kind switch { ExportCell.Amount => "#,##0", ExportCell.Date => "dd/mm/yyyy", _ => null },
                    Width = c.Width > 0 ? c.Width : c.Kind switch { ExportCell.Text => 30, ExportCell.Amount => 18, _ => 12 },
                }).ToArray(),
            };
            // MiniExcel writes synchronously from an IEnumerable; the rows come from the database a batch at a time,
            // so the workbook is written on a worker thread that waits for each batch.
            await Task.Run(() => output.SaveAs(sheets, configuration: config), ct);
        }
        finally
        {
            await e.DisposeAsync();
        }
        progress?.Report(count);
        return count;

        IEnumerable<Dictionary<string, object?>> Dictionaries()
        {
            do
            {
                if (count == maxRows) yield break;
                var row = new Dictionary<string, object?>(columns.Count);
                foreach (var c in columns) row[c.Header] = XlsxCell(c.Value(e.Current));
                yield return row;
                if (++count % ProgressEvery == 0) progress?.Report(count);
            }
            while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult());
        }

        // Enumerated after the data sheet, so the row count is the one written.
        IEnumerable<Dictionary<string, object?>> Info()
        {
            foreach (var (label, value) in Describe(info, count)) yield return new() { ["Keterangan"] = label, ["Isi"] = value };
        }
    }

    private static object? XlsxCell(object? value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        _ => value,
    };

    private static DataTable EmptyTable<T>(IReadOnlyList<ExportColumn<T>> columns)
    {
        var table = new DataTable();
        foreach (var c in columns) table.Columns.Add(c.Header, typeof(string));
        return table;
    }

    /// <summary>Sheet names are at most 31 characters and may not hold : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return clean.Length <= 31 ? clean : clean[..31];
    }

    /// <summary>The "Keterangan" rows: list, scope, who, when (WIB), each filter, row count.</summary>
    public static IEnumerable<(string Label, string Value)> Describe(ExportInfo info, int rows)
    {
        var who = info.Actor;
        yield return ("Daftar", info.ListName);
        yield return ("Cakupan", info.Scope);
        yield return ("Diunduh oleh", $"{who.FullName} ({who.UserName}), {who.Role.Label()}{(who.RegionCode is { } r ? ", kode wilayah " + r : "")}");
        yield return ("Waktu unduh", Wib.TimeOf(info.At).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " WIB");
        if (info.Filters.Count == 0) yield return ("Penyaring", "Tanpa penyaring");
        foreach (var (label, value) in info.Filters) yield return ("Penyaring: " + label, value);
        yield return ("Jumlah baris", Thousands(rows));
    }

    private static string Thousands(int n) => n.ToString("N0", IndonesianFormat.Culture);
}
