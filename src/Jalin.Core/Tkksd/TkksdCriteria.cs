using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tkksd;

public sealed record CriterionView(string Name, string? Description, int Weight);

public sealed record CriteriaView(IReadOnlyList<CriterionView> Criteria, int Total, bool IsRegionValue, bool CanEdit);

public sealed record CriterionInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public int? Weight { get; init; }
}

public sealed record CriteriaInput
{
    public List<CriterionInput>? Criteria { get; init; }
}

/// <summary>The region's weighted assessment criteria. No national format exists for a TKKSD kajian of a
/// KSDD or KSDPK; the defaults follow the aspects regions commonly weigh (pengaturan daerah).</summary>
public static class TkksdCriteria
{
    public static IReadOnlyList<CriterionView> Defaults { get; } =
    [
        new("Kewenangan dan urusan pemerintahan", "Apakah objek kerja sama termasuk urusan yang menjadi kewenangan daerah.", 20),
        new("Kesesuaian dengan RPJMD/RKPD", "Keterkaitan dengan program dan sasaran RPJMD dan RKPD.", 20),
        new("Manfaat dan biaya", "Manfaat bagi masyarakat dan daerah dibandingkan biaya dan beban anggaran.", 20),
        new("Risiko dan mitigasi", "Risiko pelaksanaan, hukum dan keuangan serta langkah mitigasinya.", 15),
        new("Legalitas mitra", "Akta, izin, domisili dan kewenangan penanda tangan pihak mitra.", 15),
        new("Kebutuhan persetujuan DPRD", "Apakah kerja sama membebani masyarakat atau belum dianggarkan dalam APBD sehingga memerlukan persetujuan DPRD.", 10),
    ];

    public const int MaxCriteria = 15;

    public static async Task<IReadOnlyList<CriterionView>> ForRegionAsync(JalinDb db, string regionCode, CancellationToken ct)
    {
        var rows = await db.TkksdCriteria.AsNoTracking().Where(c => c.RegionCode == regionCode).OrderBy(c => c.Order).ToListAsync(ct);
        return rows.Count == 0 ? Defaults : rows.Select(c => new CriterionView(c.Name, c.Description, c.Weight)).ToList();
    }

    public static async Task<Result<CriteriaView>> GetAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        if (!TkksdAccess.Reads(actor)) return TkksdAccess.NotReader;
        var stored = await db.TkksdCriteria.AsNoTracking().AnyAsync(c => c.RegionCode == actor.RegionCode, ct);
        var list = await ForRegionAsync(db, actor.RegionCode!, ct);
        return new CriteriaView(list, list.Sum(c => c.Weight), stored, TkksdAccess.Manages(actor));
    }

    /// <summary>Checks a set of criteria: 1 to 15 named criteria, each weighted 1–100 percent, together exactly 100.</summary>
    public static ValidationError? Validate(IReadOnlyList<CriterionInput>? criteria)
    {
        if (criteria is null || criteria.Count == 0) return ValidationError.Of("criteria", "Isi sedikitnya satu kriteria penilaian.");
        var f = new Dictionary<string, string[]>();
        if (criteria.Count > MaxCriteria) f["criteria"] = [$"Paling banyak {MaxCriteria} kriteria."];
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            if (c is null) { f[$"criteria[{i}]"] = ["Kriteria kosong."]; continue; }
            if (string.IsNullOrWhiteSpace(c.Name)) f[$"criteria[{i}].name"] = ["Nama kriteria wajib diisi."];
            else if (c.Name.Trim().Length > 200) f[$"criteria[{i}].name"] = ["Nama kriteria paling banyak 200 karakter."];
            if (c.Description is { Length: > 1000 }) f[$"criteria[{i}].description"] = ["Uraian kriteria paling banyak 1000 karakter."];
            if (c.Weight is not { } w || w < 1 || w > 100) f[$"criteria[{i}].weight"] = ["Bobot setiap kriteria harus bilangan bulat dari 1 sampai 100 persen."];
        }
        var names = criteria.Where(c => !string.IsNullOrWhiteSpace(c?.Name)).Select(c => c.Name!.Trim()).ToList();
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count) f["criteria"] = ["Nama kriteria yang sama tercantum dua kali."];
        if (f.Count == 0)
        {
            var total = criteria.Sum(c => c.Weight!.Value);
            if (total != 100) f["criteria"] = [$"Jumlah bobot harus tepat 100 persen; sekarang {total} persen."];
        }
        return f.Count > 0 ? new ValidationError("Kriteria penilaian belum dapat disimpan.", f) : null;
    }

    /// <summary>Replaces the region's criteria. Assessments already submitted keep the names and weights they were scored with.</summary>
    public static async Task<Result<CriteriaView>> SetAsync(JalinDb db, CurrentActor actor, CriteriaInput input, CancellationToken ct = default)
    {
        if (!TkksdAccess.Manages(actor)) return TkksdAccess.NotManager;
        if (Validate(input.Criteria) is { } error) return error;
        var region = actor.RegionCode!;
        db.TkksdCriteria.RemoveRange(await db.TkksdCriteria.Where(c => c.RegionCode == region).ToListAsync(ct));
        var order = 0;
        foreach (var c in input.Criteria!)
            db.TkksdCriteria.Add(new TkksdCriterion
            {
                RegionCode = region, Order = ++order, Name = c.Name!.Trim(), Weight = c.Weight!.Value,
                Description = string.IsNullOrWhiteSpace(c.Description) ? null : c.Description.Trim(),
            });
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor, ct);
    }
}
