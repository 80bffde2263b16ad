using System.Globalization;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Partners;
using Jalin.Core.Publication;

namespace Jalin.Core.OpenData;

/// <summary>The register's filters as the open-data addresses take them (query parameters wilayah, jenis, urusan,
/// jenisMitra, status, tahun), checked with Indonesian messages before anything is read.</summary>
public static class OpenDataQuery
{
    public static Result<PublicFilter> Parse(string? wilayah, string? jenis, string? urusan, string? jenisMitra, string? status, string? tahun)
    {
        var errors = new Dictionary<string, string[]>();
        CooperationKind? kind = null;
        if (!string.IsNullOrWhiteSpace(jenis))
        {
            if (Enum.TryParse<CooperationKind>(jenis.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(jenis, out _)) kind = k;
            else errors["jenis"] = [$"Jenis kerja sama tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetValues<CooperationKind>())}."];
        }
        PartnerKind? partnerKind = null;
        if (!string.IsNullOrWhiteSpace(jenisMitra))
        {
            if (Enum.TryParse<PartnerKind>(jenisMitra.Trim(), ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(jenisMitra, out _)) partnerKind = p;
            else errors["jenisMitra"] = [$"Jenis mitra tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetValues<PartnerKind>())}."];
        }
        int? year = null;
        if (!string.IsNullOrWhiteSpace(tahun))
        {
            if (int.TryParse(tahun.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) year = y;
            else errors["tahun"] = ["Tahun berupa angka empat digit, misalnya 2026."];
        }
        var filter = new PublicFilter
        {
            RegionCode = string.IsNullOrWhiteSpace(wilayah) ? null : wilayah.Trim(),
            Kind = kind,
            AffairCode = string.IsNullOrWhiteSpace(urusan) ? null : urusan.Trim(),
            PartnerKind = partnerKind,
            Status = string.IsNullOrWhiteSpace(status) ? null : status.Trim().ToLowerInvariant(),
            Year = year,
        };
        if (errors.Count == 0)
        {
            var valid = PublicAgreements.Validate(filter);
            if (!valid.Ok) return Rename(valid.Error!);
            return filter;
        }
        return new ValidationError("Filter data terbuka tidak valid: " + string.Join(" ", errors.Values.SelectMany(v => v)), errors);
    }

    // The register names its fields in English (year, region); the open-data addresses take Indonesian names.
    private static Error Rename(Error e)
    {
        if (e is not ValidationError v) return e;
        var names = new Dictionary<string, string> { ["year"] = "tahun", ["region"] = "wilayah", ["status"] = "status", ["urusan"] = "urusan" };
        return new ValidationError(v.Message, v.Fields.ToDictionary(f => names.GetValueOrDefault(f.Key, f.Key), f => f.Value));
    }
}
