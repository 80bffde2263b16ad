using Jalin.Core.Import;
using Jalin.Web.Components.Shared;
using MudBlazor;

namespace Jalin.Web.Components.Pages.Import;

/// <summary>How the import pages word and colour what the Core returns: a row's status, a scan's outcome, a status chip,
/// a column's letter, and numbers and instants the Indonesian way (1.234; 01/12/2026 10.30 WIB).</summary>
public static class ImportText
{
    public static string RowStatus(string status) => status switch
    {
        "ok" => "siap",
        "warning" => "peringatan",
        "error" => "galat",
        "skipped" => "dilewati",
        _ => status,
    };

    public static Color RowColor(string status) => status switch
    {
        "ok" => Color.Success,
        "warning" => Color.Warning,
        "error" => Color.Error,
        _ => Color.Default,
    };

    public static Color StatusColor(ImportStatus s) => s switch
    {
        ImportStatus.Committed => Color.Success,
        ImportStatus.Failed => Color.Error,
        ImportStatus.Committing => Color.Info,
        _ => Color.Default,
    };

    public static string Outcome(ScanOutcome o) => o switch
    {
        ScanOutcome.Matched => "cocok",
        ScanOutcome.Unmatched => "tidak cocok",
        ScanOutcome.Ambiguous => "ganda",
        ScanOutcome.Refused => "ditolak",
        _ => "sudah ada",
    };

    public static Color OutcomeColor(ScanOutcome o) => o switch
    {
        ScanOutcome.Matched => Color.Success,
        ScanOutcome.AlreadyAttached => Color.Info,
        ScanOutcome.Refused => Color.Error,
        _ => Color.Warning,
    };

    /// <summary>What the import creates, as a noun for "N … akan dibuat".</summary>
    public static string Records(ImportTarget t) => t switch
    {
        ImportTarget.Agreements => "kerja sama",
        ImportTarget.Partners => "mitra",
        ImportTarget.Agencies => "perangkat daerah",
        _ => "usulan (draf)",
    };

    /// <summary>Where the imported records are listed.</summary>
    public static (string Href, string Text) ListOf(ImportTarget t) => t switch
    {
        ImportTarget.Agreements => ("/app/kerja-sama", "Lihat daftar kerja sama"),
        ImportTarget.Partners => ("/app/mitra", "Lihat daftar mitra"),
        ImportTarget.Agencies => ("/app/opd", "Lihat daftar perangkat daerah"),
        _ => ("/app/usulan", "Lihat daftar usulan"),
    };

    public static string N(int n) => n.ToString("N0", Fmt.Id);

    public static string Bytes(long b) => b >= 1024 * 1024
        ? (b / 1024d / 1024d).ToString("0.#", Fmt.Id) + " MB"
        : Math.Max(1, b / 1024).ToString("N0", Fmt.Id) + " KB";

    /// <summary>Spreadsheet column letter of a 0-based index (0 → A, 26 → AA).</summary>
    public static string Letter(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    public static string Column(IReadOnlyList<string> headers, int index) =>
        $"{Letter(index)} · {(index < headers.Count && !string.IsNullOrWhiteSpace(headers[index]) ? headers[index] : "(tanpa judul)")}";
}
