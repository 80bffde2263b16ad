using System.Net;
using System.Text;
using Jalin.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Jalin.Web.Tests.Exports;

/// <summary>What a list API returns, to compare a download with.</summary>
public static class ListPages
{
    /// <summary>Every id the list API returns for <paramref name="query"/>, page by page.</summary>
    public static async Task<List<Guid>> IdsAsync(HttpClient client, string path, string query, string idField = "id")
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var json = await client.GetAsync($"{path}?{query}{(query.Length > 0 ? "&" : "")}pageSize=200&page={page}").OkJson();
            var items = json["items"]!.AsArray();
            ids.AddRange(items.Select(i => i![idField]!.GetValue<Guid>()));
            if (ids.Count >= json["totalCount"]!.GetValue<int>() || items.Count == 0) return ids;
        }
    }
}

/// <summary>A downloaded list read back: XLSX with MiniExcel (data sheet and "Keterangan"), CSV with a small RFC 4180 reader
/// for ';' (so the test does not trust the writer's own code to read what it wrote).</summary>
public sealed record ListFile(string FileName, string ContentType, List<Dictionary<string, object?>> Rows, Dictionary<string, string> Info, byte[] Bytes)
{
    public List<string> Column(string header) => Rows.Select(r => Convert.ToString(r[header]) ?? "").ToList();

    public List<Guid> Ids(string header = "ID") => Rows.Select(r => Guid.Parse(Convert.ToString(r[header])!)).ToList();

    public static async Task<ListFile> ReadAsync(HttpResponseMessage response, string format, string? sheet = null)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {Encoding.UTF8.GetString(bytes)}");
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        var name = disposition!.FileNameStar ?? disposition.FileName!.Trim('"');
        var type = response.Content.Headers.ContentType!.ToString();
        return format == "xlsx" ? Xlsx(name, type, bytes, sheet!) : Csv(name, type, bytes);
    }

    private static ListFile Xlsx(string name, string type, byte[] bytes, string sheet)
    {
        Assert.True(bytes.Length > 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "an XLSX is a zip file");
        using var stream = new MemoryStream(bytes);
        Assert.Equal([sheet, "Keterangan"], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet)
            .Select(r => new Dictionary<string, object?>((IDictionary<string, object?>)r)).ToList();
        stream.Position = 0;
        var info = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Keterangan").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => Convert.ToString(r["Keterangan"])!, r => Convert.ToString(r["Isi"]) ?? "");
        return new ListFile(name, type, rows, info, bytes);
    }

    private static ListFile Csv(string name, string type, byte[] bytes)
    {
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "the CSV starts with the UTF-8 byte order mark");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var records = Parse(text);
        Assert.True(records.Count >= 1, "the CSV has a header row");
        var header = records[0];
        var rows = records.Skip(1).Select(cells =>
        {
            Assert.Equal(header.Count, cells.Count);
            return header.Select((h, i) => (h, cells[i])).ToDictionary(x => x.h, x => (object?)x.Item2);
        }).ToList();
        return new ListFile(name, type, rows, [], bytes);
    }

    /// <summary>RFC 4180 with ';' between cells and CRLF between records; a quoted cell may hold ';', CR, LF and doubled quotes.</summary>
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == ';') { record.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(cell.ToString()); cell.Clear();
                records.Add(record); record = [];
                i++;
            }
            else
            {
                Assert.False(c is '\r' or '\n', "a bare line break outside quotes");
                cell.Append(c);
            }
        }
        Assert.False(quoted, "an unterminated quoted cell");
        if (cell.Length > 0 || record.Count > 0) { record.Add(cell.ToString()); records.Add(record); }
        return records;
    }
}
