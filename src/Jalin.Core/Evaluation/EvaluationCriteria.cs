using System.Globalization;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Regions;
using Jalin.Core.Tkksd;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Evaluation;

public sealed record EvaluationSettingsView(IReadOnlyList<CriterionView> Criteria, int Total, bool IsRegionValue, int BeforeEndDays, bool BeforeEndIsRegion, bool CanEdit);

public sealed record EvaluationSettingsInput
{
    public List<CriterionInput>? Criteria { get; init; }
    /// <summary>How many days before the end date the closing evaluation falls due (1–730).</summary>
    public int? BeforeEndDays { get; init; }
}

/// <summary>The region's monev criteria and schedule setting. No regulation sets the criteria of a monev of a kerja sama
/// daerah; the defaults keep the wording of Kota Samarinda's monev form (praktik daerah), weighted like the TKKSD's
/// criteria. The closing evaluation falls due <see cref="DefaultBeforeEndDays"/> days before the end (pengaturan daerah).</summary>
public static class EvaluationCriteria
{
    public const string BeforeEndKey = "evaluation.beforeEndDays";
    public const int DefaultBeforeEndDays = 180;

    public static IReadOnlyList<CriterionView> Defaults { get; } =
    [
        new("Kesesuaian tujuan", "Apakah kegiatan sesuai dengan tujuan dalam naskah kerja sama?", 15),
        new("Ketepatan waktu", "Apakah pelaksanaan sesuai rencana kerja dan jadwal?", 10),
        new("Kontribusi mitra", "Apakah mitra berkontribusi sesuai kesepakatan (dana, personel, sarana)?", 10),
        new("Tingkat koordinasi", "Koordinasi antara perangkat daerah dan mitra.", 10),
        new("Capaian indikator", "Apakah indikator keluaran/hasil dalam perjanjian tercapai?", 15),
        new("Dampak pelaksanaan", "Dampak nyata bagi pelayanan publik dan pembangunan.", 10),
        new("Inovasi dan manfaat", "Inovasi atau nilai tambah bagi daerah.", 5),
        new("Kelengkapan dokumen", "Apakah MoU, PKS, laporan kegiatan dan keuangan lengkap?", 10),
        new("Pelaporan berkala", "Apakah pelaporan berkala kepada Bagian Kerja Sama dilakukan?", 5),
        new("Relevansi kebutuhan", "Apakah kerja sama masih relevan dengan kebutuhan daerah?", 10),
    ];

    public static bool Reads(CurrentActor a) => a.RegionCode is not null && a.Role is Role.CooperationOfficer or Role.TeamMember or Role.Leader or Role.Auditor;

    public static async Task<IReadOnlyList<CriterionView>> ForRegionAsync(JalinDb db, string regionCode, CancellationToken ct)
    {
        var rows = await db.EvaluationCriteria.AsNoTracking().Where(c => c.RegionCode == regionCode).OrderBy(c => c.Order).ToListAsync(ct);
        return rows.Count == 0 ? Defaults : rows.Select(c => new CriterionView(c.Name, c.Description, c.Weight)).ToList();
    }

    public static async Task<int> BeforeEndDaysAsync(JalinDb db, string regionCode, CancellationToken ct)
    {
        var value = await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == regionCode && s.Key == BeforeEndKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 730 ? d : DefaultBeforeEndDays;
    }

    public static async Task<Result<EvaluationSettingsView>> GetAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        if (!Reads(actor)) return new ForbiddenError("Kriteria monev dibaca petugas Bagian Kerja Sama, anggota TKKSD, pimpinan dan auditor daerah itu.");
        var region = actor.RegionCode!;
        var stored = await db.EvaluationCriteria.AsNoTracking().AnyAsync(c => c.RegionCode == region, ct);
        var list = await ForRegionAsync(db, region, ct);
        var days = await BeforeEndDaysAsync(db, region, ct);
        var daysStored = await db.RegionSettings.AsNoTracking().AnyAsync(s => s.RegionCode == region && s.Key == BeforeEndKey, ct);
        return new EvaluationSettingsView(list, list.Sum(c => c.Weight), stored, days, daysStored, actor.Role == Role.CooperationOfficer);
    }

    /// <summary>The officer replaces the criteria and/or sets the days; evaluations already made keep what they were scored with.</summary>
    public static async Task<Result<EvaluationSettingsView>> SetAsync(JalinDb db, CurrentActor actor, EvaluationSettingsInput input, CancellationToken ct = default)
    {
        if (actor.Role != Role.CooperationOfficer || actor.RegionCode is null)
            return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang mengubah kriteria dan jadwal monev daerahnya.");
        if (input.Criteria is null && input.BeforeEndDays is null)
            return ValidationError.Of("criteria", "Isi kriteria monev atau jumlah hari evaluasi menjelang berakhir yang diubah.");
        if (input.Criteria is not null && TkksdCriteria.Validate(input.Criteria) is { } error)
            return new ValidationError("Kriteria monev belum dapat disimpan.", error.Fields);
        if (input.BeforeEndDays is { } d && d is < 1 or > 730)
            return ValidationError.Of("beforeEndDays", "Evaluasi menjelang berakhir 1 sampai 730 hari sebelum tanggal berakhir.");
        var region = actor.RegionCode;
        if (input.Criteria is not null)
        {
            db.EvaluationCriteria.RemoveRange(await db.EvaluationCriteria.Where(c => c.RegionCode == region).ToListAsync(ct));
            var order = 0;
            foreach (var c in input.Criteria)
                db.EvaluationCriteria.Add(new EvaluationCriterion
                {
                    RegionCode = region, Order = ++order, Name = c.Name!.Trim(), Weight = c.Weight!.Value,
                    Description = string.IsNullOrWhiteSpace(c.Description) ? null : c.Description.Trim(),
                });
        }
        if (input.BeforeEndDays is { } days)
        {
            var row = await db.RegionSettings.FirstOrDefaultAsync(s => s.RegionCode == region && s.Key == BeforeEndKey, ct);
            var value = days.ToString(CultureInfo.InvariantCulture);
            if (row is null) db.RegionSettings.Add(new RegionSetting { RegionCode = region, Key = BeforeEndKey, Value = value });
            else row.Value = value;
        }
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor, ct);
    }
}
