using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Publication;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.OpenData;

/// <summary>The published register as open data (issue #12 item 4): CSV and JSON with the same fields, read only through
/// <see cref="PublicAgreements"/> (published agreements, whitelisted fields, confidential fields already blanked).</summary>
public static class OpenDataExport
{
    public static readonly string[] Columns =
        ["id", "ocid", "judul", "kode_wilayah", "nama_wilayah", "jenis", "status", "kode_urusan", "urusan", "mitra", "tanggal_mulai", "tanggal_berakhir", "nilai", "mata_uang", "tautan"];

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The public views of every published agreement that passes the filter, in a stable order (region, title, id).</summary>
    public static async Task<Result<List<PublicAgreementView>>> LoadAsync(JalinDb db, PublicFilter filter, CancellationToken ct = default)
    {
        var valid = PublicAgreements.Validate(filter);
        if (!valid.Ok) return valid.Error!;
        var ids = await PublicAgreements.Filter(db, valid.Value!).Select(a => a.Id).ToListAsync(ct);
        var views = new List<PublicAgreementView>(ids.Count);
        foreach (var id in ids)
        {
            var view = await PublicAgreements.GetAsync(db, id, ct);
            if (view.Ok) views.Add(view.Value!);
        }
        return views.OrderBy(v => v.RegionCode, StringComparer.Ordinal).ThenBy(v => v.Title, StringComparer.Ordinal).ThenBy(v => v.Id).ToList();
    }

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    public static string Amount(decimal? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>One row per agreement: the values of <see cref="Columns"/>. The value is empty when the region keeps it confidential.</summary>
    public static string[] Row(PublicAgreementView v, OpenDataOptions options, string baseUrl) =>
    [
        v.Id.ToString(), options.OcidOf(v.Id), v.Title, v.RegionCode, v.RegionName, v.KindLabel, v.StatusLabel, v.AffairCode ?? "", v.AffairName ?? "",
        string.Join("; ", Partners(v)), Date(v.StartsOn), Date(v.EndsOn), Amount(v.Value), v.Value is null ? "" : "IDR", baseUrl.TrimEnd('/') + v.Path,
    ];

    public static IEnumerable<string> Partners(PublicAgreementView v) => v.Parties.Where(p => p.Order > 1).OrderBy(p => p.Order).Select(p => p.Name);

    /// <summary>RFC 4180 CSV (comma, CRLF, fields with a comma, quote or line break in double quotes, quotes doubled),
    /// UTF-8 with a byte-order mark so spreadsheet programs read the Indonesian text correctly.</summary>
    public static byte[] Csv(IEnumerable<PublicAgreementView> views, OpenDataOptions options, string baseUrl)
    {
        var sb = new StringBuilder();
        Line(sb, Columns);
        foreach (var v in views) Line(sb, Row(v, options, baseUrl));
        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(sb.ToString());
        return [.. preamble, .. body];
    }

    private static void Line(StringBuilder sb, IEnumerable<string> fields)
    {
        sb.Append(string.Join(",", fields.Select(Quote)));
        sb.Append("\r\n");
    }

    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    /// <summary>The same fields as the CSV, as JSON: a small envelope (licence, count, when) and the rows.</summary>
    public static JsonObject JsonDocument(IReadOnlyCollection<PublicAgreementView> views, OpenDataOptions options, string baseUrl, DateTimeOffset generatedAt)
    {
        var rows = new JsonArray();
        foreach (var v in views)
        {
            var o = new JsonObject
            {
                ["id"] = v.Id.ToString(),
                ["ocid"] = options.OcidOf(v.Id),
                ["judul"] = v.Title,
                ["wilayah"] = new JsonObject { ["kode"] = v.RegionCode, ["nama"] = v.RegionName },
                ["jenis"] = v.KindLabel,
                ["jenisKode"] = v.Kind.ToString(),
                ["status"] = v.Status,
                ["statusLabel"] = v.StatusLabel,
                ["urusan"] = v.AffairCode is null ? null : new JsonObject { ["kode"] = v.AffairCode, ["nama"] = v.AffairName },
                ["mitra"] = new JsonArray(Partners(v).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
                ["tanggalMulai"] = v.StartsOn is null ? null : Date(v.StartsOn),
                ["tanggalBerakhir"] = v.EndsOn is null ? null : Date(v.EndsOn),
                ["nilai"] = v.Value,
                ["mataUang"] = v.Value is null ? null : "IDR",
                ["tautan"] = baseUrl.TrimEnd('/') + v.Path,
            };
            rows.Add(o);
        }
        return new JsonObject
        {
            ["judul"] = "Daftar kerja sama daerah yang dipublikasikan",
            ["dibuat"] = Ocds.DateTime(generatedAt),
            ["lisensi"] = new JsonObject { ["nama"] = options.LicenceName, ["url"] = options.Licence },
            ["kebijakan"] = baseUrl.TrimEnd('/') + "/data/kebijakan",
            ["jumlah"] = views.Count,
            ["kerjaSama"] = rows,
        };
    }
}
