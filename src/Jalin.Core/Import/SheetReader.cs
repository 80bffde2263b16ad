using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Jalin.Core.Import;

/// <summary>One row of a sheet as read: its number as the spreadsheet shows it (1-based) and its cells (string, double,
/// DateTime, bool or null), in column order.</summary>
public sealed record SheetRow(int Number, object?[] Cells)
{
    public object? this[int column] => column < Cells.Length ? Cells[column] : null;

    public bool IsBlank => Cells.All(c => c is null || (c is string s && string.IsNullOrWhiteSpace(s)));
}

/// <summary>A sheet read into memory, with the header found in it.</summary>
public sealed record Sheet(IReadOnlyList<string> SheetNames, string? SheetName, IReadOnlyList<SheetRow> Rows, int ColumnCount);

/// <summary>Where the column names are: the header row, an optional sub-header row beneath merged header cells
/// ("Jangka Waktu" over "Mulai" / "Berakhir"), the names (one per column) and the first data row.</summary>
public sealed record SheetHeader(int HeaderRow, int? SubHeaderRow, IReadOnlyList<string> Names, int FirstDataRow);

/// <summary>Reads an XLSX (MiniExcel, merged cells filled so a merged header names every column it spans) or a CSV
/// (RFC 4180, UTF-8 or Windows-1252, ";" or "," detected) into rows, and finds the header row.</summary>
public static class SheetReader
{
    public static Sheet Read(byte[] content, ImportFileFormat format, string? sheetName)
    {
        if (format == ImportFileFormat.Csv)
        {
            var rows = Csv.Parse(ImportFileCheck.DecodeText(content));
            return new Sheet([], null, rows, rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Length));
        }
        using var stream = new MemoryStream(content, writable: false);
        var names = MiniExcel.GetSheetNames(stream);
        stream.Position = 0;
        var name = sheetName is not null && names.Contains(sheetName) ? sheetName : names.FirstOrDefault();
        var raw = new List<object?[]>();
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX))
            raw.Add(row.Values.ToArray());
        FillMerged(raw, MergedRanges(content, name));
        var list = new List<SheetRow>(raw.Count);
        var width = 0;
        for (var i = 0; i < raw.Count; i++)
        {
            var cells = raw[i];
            var last = cells.Length - 1;
            while (last >= 0 && (cells[last] is null || cells[last] is string { Length: 0 })) last--;
            if (last + 1 > width) width = last + 1;
            list.Add(new SheetRow(i + 1, last + 1 == cells.Length ? cells : cells[..(last + 1)]));
        }
        return new Sheet(names, name, list, width);
    }

    /// <summary>A merged range gives every cell it covers the value of its top-left cell: a merged header names each column
    /// it spans, and an OPD merged down over several records belongs to each of them.</summary>
    private static void FillMerged(List<object?[]> rows, IEnumerable<(int Row1, int Col1, int Row2, int Col2)> ranges)
    {
        foreach (var (r1, c1, r2, c2) in ranges)
        {
            if (r1 < 1 || r1 > rows.Count || c1 >= rows[r1 - 1].Length) continue;
            var value = rows[r1 - 1][c1];
            if (value is null) continue;
            for (var r = r1; r <= Math.Min(r2, rows.Count); r++)
            {
                if (rows[r - 1].Length <= c2) { var wider = new object?[c2 + 1]; rows[r - 1].CopyTo(wider, 0); rows[r - 1] = wider; }
                for (var c = c1; c <= c2; c++) rows[r - 1][c] ??= value;
            }
        }
    }

    /// <summary>The merged ranges of a sheet (1-based rows, 0-based columns), read from its XML with a streaming reader:
    /// workbook.xml names the sheet's relationship, the relationship its part.</summary>
    internal static List<(int, int, int, int)> MergedRanges(byte[] xlsx, string? sheetName)
    {
        var ranges = new List<(int, int, int, int)>();
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null };
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx, writable: false), System.IO.Compression.ZipArchiveMode.Read);
        string? relId = null;
        using (var xml = System.Xml.XmlReader.Create(zip.GetEntry("xl/workbook.xml")!.Open(), settings))
            while (xml.Read())
                if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "sheet" && (sheetName is null || xml.GetAttribute("name") == sheetName))
                {
                    relId = xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                    break;
                }
        string? target = null;
        if (relId is not null && zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
            using (var xml = System.Xml.XmlReader.Create(rels.Open(), settings))
                while (xml.Read())
                    if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") == relId)
                    {
                        target = xml.GetAttribute("Target");
                        break;
                    }
        if (target is null) return ranges;
        var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
        if (zip.GetEntry(path) is not { } part) return ranges;
        using (var xml = System.Xml.XmlReader.Create(part.Open(), settings))
            while (xml.Read())
                if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "mergeCell" && xml.GetAttribute("ref") is { } reference
                    && reference.Split(':') is [var from, var to] && Cell(from) is { } a && Cell(to) is { } b)
                    ranges.Add((a.Row, a.Col, b.Row, b.Col));
        return ranges;
    }

    private static (int Row, int Col)? Cell(string reference)
    {
        var col = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) col = col * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return col > 0 && int.TryParse(reference.AsSpan(i), out var row) ? (row, col - 1) : null;
    }

    /// <summary>The first row (of the first 30) with at least three different text cells is the header; title rows above
    /// it (one merged title, a date) are skipped. Beneath a header cell merged across columns, a row of text in those
    /// columns is a sub-header and each column is named "merged sub" ("Jangka Waktu Mulai").</summary>
    public static SheetHeader? FindHeader(Sheet sheet, int? headerRow = null)
    {
        SheetRow? header = null;
        if (headerRow is { } wanted) header = sheet.Rows.FirstOrDefault(r => r.Number == wanted);
        else
            foreach (var row in sheet.Rows.Take(30))
            {
                var texts = row.Cells.Select(Text).Where(t => t is not null && !LooksLikeData(t)).Distinct(StringComparer.OrdinalIgnoreCase).Count();
                if (texts >= 3) { header = row; break; }
            }
        if (header is null) return null;
        var width = sheet.ColumnCount;
        var top = Enumerable.Range(0, width).Select(i => Text(header[i]) ?? "").ToArray();
        var index = sheet.Rows.ToList().IndexOf(header);
        var below = index + 1 < sheet.Rows.Count ? sheet.Rows[index + 1] : null;
        var merged = Enumerable.Range(0, width).Select(i => top[i].Length > 0 && ((i > 0 && top[i - 1] == top[i]) || (i + 1 < width && top[i + 1] == top[i]))).ToArray();
        var sub = below is not null && merged.Any(m => m)
            && Enumerable.Range(0, width).Where(i => merged[i]).All(i => Text(below[i]) is { } t && !LooksLikeData(t) && t != top[i])
            ? below : null;
        var names = new string[width];
        for (var i = 0; i < width; i++)
        {
            var s = sub is null ? null : Text(sub[i]);
            names[i] = s is not null && s != top[i] ? (top[i].Length > 0 ? $"{top[i]} {s}" : s) : top[i];
            if (names[i].Length == 0) names[i] = $"Kolom {ColumnLetter(i)}";
        }
        // Two columns of the same name (a merged header without a sub-header) are told apart by a number.
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < width; i++)
            if (seen.TryGetValue(names[i], out var n)) { seen[names[i]] = n + 1; names[i] = $"{names[i]} ({n + 1})"; }
            else seen[names[i]] = 1;
        var last = sub ?? header;
        return new SheetHeader(header.Number, sub?.Number, names, last.Number + 1);
    }

    public static string ColumnLetter(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    /// <summary>A cell as trimmed text (null when empty); numbers in invariant form, dates as yyyy-MM-dd.</summary>
    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Replace('\u00A0', ' '),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double x => x.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim() is { Length: > 0 } t ? t : null,
    };

    private static bool LooksLikeData(string text) => text.Length > 0 && (char.IsDigit(text[0]) || text.StartsWith("Rp", StringComparison.OrdinalIgnoreCase)) && text.Length < 40;
}

/// <summary>A small RFC 4180 reader: quoted fields with doubled quotes and line breaks, CRLF or LF, the separator (";" as
/// Excel writes for id-ID, or ",") detected from the first lines outside quotes.</summary>
public static class Csv
{
    public static List<SheetRow> Parse(string text)
    {
        var separator = Detect(text);
        var rows = new List<SheetRow>();
        var cells = new List<object?>();
        var field = new StringBuilder();
        var quoted = false;
        var number = 1;
        var i = 0;
        void EndField() { cells.Add(field.Length == 0 ? null : field.ToString()); field.Clear(); }
        void EndRow() { EndField(); rows.Add(new SheetRow(number++, [.. cells])); cells.Clear(); }
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    quoted = false; i++; continue;
                }
                field.Append(c); i++; continue;
            }
            if (c == '"' && field.Length == 0) { quoted = true; i++; continue; }
            if (c == separator) { EndField(); i++; continue; }
            if (c is '\r' or '\n')
            {
                EndRow();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            field.Append(c); i++;
        }
        if (field.Length > 0 || cells.Count > 0) EndRow();
        return rows;
    }

    public static char Detect(string text)
    {
        int semi = 0, comma = 0, lines = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ';') semi++;
            else if (!quoted && c == ',') comma++;
            else if (!quoted && c == '\n' && ++lines >= 20) break;
        }
        return semi >= comma && semi > 0 ? ';' : ',';
    }
}
