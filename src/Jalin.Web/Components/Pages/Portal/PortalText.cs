using System.Globalization;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Partners;
using Jalin.Core.Publication;

namespace Jalin.Web.Components.Pages.Portal;

/// <summary>How the portal writes numbers, amounts and dates ("250.000.000", "Rp 250.000.000", "30 November 2026") and
/// reads the register's query string (Indonesian parameter names) into a <see cref="PublicFilter"/>.</summary>
public static class PortalText
{
    public static string Number(int n) => n.ToString("N0", IndonesianFormat.Culture);
    public static string Rupiah(decimal v) => "Rp " + IndonesianFormat.FormatRupiahInput(v);
    public static string Date(DateOnly? d) => d is { } x ? IndonesianFormat.FormatDateLong(x) : "—";
    public static string Period(DateOnly? from, DateOnly? to) => from is null && to is null ? "—" : $"{Date(from)} – {Date(to)}";

    public static readonly PartnerKind[] PartnerKinds = Enum.GetValues<PartnerKind>();

    /// <summary>The register's filters from the query string; a value that cannot be read is a 400 with its reason.</summary>
    public static Result<PublicFilter> Parse(string? wilayah, string? jenis, string? urusan, string? mitra, string? status, string? tahun, string? urut, string? hal)
    {
        CooperationKind? kind = null;
        if (!string.IsNullOrWhiteSpace(jenis))
        {
            if (!Enum.TryParse<CooperationKind>(jenis.Trim(), true, out var k) || !Enum.IsDefined(k) || int.TryParse(jenis, out _))
                return ValidationError.Of("jenis", $"Jenis kerja sama tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetValues<CooperationKind>().Select(x => x.ShortLabel()))}.");
            kind = k;
        }
        PartnerKind? partner = null;
        if (!string.IsNullOrWhiteSpace(mitra))
        {
            if (!Enum.TryParse<PartnerKind>(mitra.Trim(), true, out var p) || !Enum.IsDefined(p) || int.TryParse(mitra, out _))
                return ValidationError.Of("mitra", "Jenis mitra tidak dikenal.");
            partner = p;
        }
        int? year = null;
        if (!string.IsNullOrWhiteSpace(tahun))
        {
            if (!int.TryParse(tahun.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return ValidationError.Of("tahun", "Tahun berupa angka, misalnya 2026.");
            year = y;
        }
        int? page = null;
        if (!string.IsNullOrWhiteSpace(hal))
        {
            if (!int.TryParse(hal.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return ValidationError.Of("hal", "Halaman berupa angka, mulai dari 1.");
            page = n;
        }
        var filter = new PublicFilter
        {
            RegionCode = Blank(wilayah), Kind = kind, AffairCode = Blank(urusan), PartnerKind = partner, Status = Blank(status)?.ToLowerInvariant(),
            Year = year, Sort = Blank(urut)?.ToLowerInvariant(), Page = page, PageSize = 20,
        };
        return PublicAgreements.Validate(filter);
    }

    /// <summary>Answers the page with this status and its own Indonesian text (status code pages stay out of the way).</summary>
    public static void SetStatus(Microsoft.AspNetCore.Http.HttpContext http, int status)
    {
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        // Set as the response starts: Blazor drops the rendered body of a page whose status is already 404 when it
        // finishes rendering (it leaves the body to a not-found page), and the portal's 404 carries its own text.
        http.Response.OnStarting(() => { http.Response.StatusCode = status; return Task.CompletedTask; });
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string SortLabel(string key) => key switch
    {
        "terbaru" => "Terbaru dipublikasikan",
        "judul" => "Judul (A–Z)",
        "mulai" => "Tanggal mulai",
        "berakhir" => "Tanggal berakhir",
        "nilai" => "Nilai terbesar",
        _ => key,
    };
}
