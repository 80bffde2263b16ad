using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Jalin.Web.Tests.Infrastructure;

/// <summary>Checks that a 4xx answer is RFC 7807 ProblemDetails written in Bahasa Indonesia,
/// and, for validation failures, carries an <c>errors</c> map of Indonesian field messages.</summary>
public static partial class ProblemAssert
{
    private static readonly HashSet<string> IndonesianWords =
    [
        "tidak", "yang", "dan", "atau", "harus", "wajib", "isian", "permintaan", "ditemukan", "berwenang", "berkas", "kerja", "sama", "data",
        "masuk", "peran", "aksi", "ditolak", "konflik", "terlalu", "besar", "kosong", "pilih", "diisi", "paling", "daerah", "dokumen", "kata",
        "sandi", "nama", "pengguna", "terautentikasi", "isi", "halaman", "tanggal", "jenis", "versi", "sertakan", "urutan", "belum", "benar",
        "dapat", "muat", "ulang", "mitra", "perangkat", "jejak", "hanya", "sistem", "dikenal", "valid", "karakter", "angka", "lebih", "setelah",
        "sebelum", "sudah", "telah", "pihak", "berkas", "kirim", "diubah", "orang", "lain", "alasan", "keputusan", "catatan", "banyak", "tahun",
        "jangka", "waktu", "negara", "kode", "wilayah", "akun", "tahapan", "dijalankan", "pemilik", "sebagai", "bukan", "alamat",
        "pasal", "ayat", "ganda", "rancangan", "naskah", "templat", "komentar", "verifikasi", "muatan", "pola", "nomor",
    ];

    private static readonly string[] EnglishMarkers =
    [
        "the field", "must be", "is required", "error occurred", "is invalid", "not found", "forbidden", "unauthorized", "bad request",
        "one or more", "could not", "unexpected", "exception", "payload too large",
    ];

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    /// <summary>Fails unless <paramref name="text"/> reads as Bahasa Indonesia (a crude but useful check).</summary>
    public static void Indonesian(string? text, string what)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), $"{what} is empty");
        var lower = text!.ToLowerInvariant();
        var english = EnglishMarkers.FirstOrDefault(lower.Contains);
        Assert.True(english is null, $"{what} looks English ('{english}'): {text}");
        Assert.True(Words().Matches(lower).Any(m => IndonesianWords.Contains(m.Value)), $"{what} does not look Indonesian: {text}");
    }

    /// <summary>Asserts the response is ProblemDetails with an Indonesian title and detail; returns the body.</summary>
    public static async Task<JsonObject> IsProblem(HttpResponseMessage response, string context = "")
    {
        var body = await response.Content.ReadAsStringAsync();
        var where = $"{context} {(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}";
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{where}: expected application/problem+json, got '{response.Content.Headers.ContentType}': {body}");
        var json = JsonNode.Parse(body) as JsonObject;
        Assert.True(json is not null, $"{where}: body is not a JSON object: {body}");
        Assert.True(json!["status"]?.GetValue<int>() == (int)response.StatusCode, $"{where}: status member differs: {body}");
        Indonesian(json["title"]?.GetValue<string>(), $"{where} title");
        Indonesian(json["detail"]?.GetValue<string>(), $"{where} detail");
        if (json["errors"] is JsonObject errors)
            foreach (var (field, messages) in errors)
                foreach (var m in messages!.AsArray())
                    Indonesian(m!.GetValue<string>(), $"{where} errors.{field}");
        return json;
    }

    /// <summary>Asserts a 400 ValidationProblemDetails naming <paramref name="field"/> (when given) among its errors.</summary>
    public static async Task<JsonObject> IsValidationProblem(HttpResponseMessage response, string? field, string context = "")
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 400, $"{context}: expected 400, got {(int)response.StatusCode}: {body}");
        var json = await IsProblem(response, context);
        if (field is null) return json;
        var errors = json["errors"] as JsonObject;
        Assert.True(errors is not null, $"{context}: no 'errors' member: {body}");
        Assert.True(errors!.ContainsKey(field), $"{context}: expected an error for '{field}', got [{string.Join(", ", errors.Select(e => e.Key))}]: {body}");
        return json;
    }
}
