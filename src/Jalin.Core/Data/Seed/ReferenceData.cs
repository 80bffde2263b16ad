using System.Reflection;
using Jalin.Core.Lifecycle;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>Regions (kode wilayah, ODbL: see Data/Reference/WILAYAH-README.md), the 32 urusan and
/// national holidays. Idempotent: inserts what is missing, never overwrites admin edits.</summary>
public static class ReferenceData
{
    public static IEnumerable<Region> Regions()
    {
        foreach (var line in ReadCsv("provinces.csv"))
            yield return new Region { Code = line[0], Name = line[1], Level = RegionLevel.Province };
        foreach (var line in ReadCsv("regencies.csv"))
        {
            var name = line[2];
            var isCity = name.StartsWith("Kota", StringComparison.Ordinal);
            yield return new Region
            {
                Code = line[0], ProvinceCode = line[1], Name = name,
                Level = isCity ? RegionLevel.City : RegionLevel.Regency,
                // DKI Jakarta's five kota administrasi and one kabupaten administrasi are not autonomous.
                IsAutonomous = !(line[1] == "31" && name.Contains("Administrasi", StringComparison.Ordinal)),
            };
        }
    }

    public static IEnumerable<Holiday> Holidays()
    {
        foreach (var year in new[] { 2024, 2025, 2026, 2027 })
            foreach (var line in ReadCsv($"holidays-{year}.csv"))
                yield return new Holiday
                {
                    Date = DateOnly.ParseExact(line[0], "yyyy-MM-dd"),
                    Type = line[1] == "cuti_bersama" ? HolidayType.CutiBersama : HolidayType.Libur,
                    Name = line[2],
                };
    }

    public static IReadOnlyList<GovernmentAffair> Affairs { get; } =
    [
        A("1.01", "Pendidikan", AffairGroup.WajibPelayananDasar),
        A("1.02", "Kesehatan", AffairGroup.WajibPelayananDasar),
        A("1.03", "Pekerjaan Umum dan Penataan Ruang", AffairGroup.WajibPelayananDasar),
        A("1.04", "Perumahan Rakyat dan Kawasan Permukiman", AffairGroup.WajibPelayananDasar),
        A("1.05", "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat", AffairGroup.WajibPelayananDasar),
        A("1.06", "Sosial", AffairGroup.WajibPelayananDasar),
        A("2.07", "Tenaga Kerja", AffairGroup.WajibNonPelayananDasar),
        A("2.08", "Pemberdayaan Perempuan dan Pelindungan Anak", AffairGroup.WajibNonPelayananDasar),
        A("2.09", "Pangan", AffairGroup.WajibNonPelayananDasar),
        A("2.10", "Pertanahan", AffairGroup.WajibNonPelayananDasar),
        A("2.11", "Lingkungan Hidup", AffairGroup.WajibNonPelayananDasar),
        A("2.12", "Administrasi Kependudukan dan Pencatatan Sipil", AffairGroup.WajibNonPelayananDasar),
        A("2.13", "Pemberdayaan Masyarakat dan Desa", AffairGroup.WajibNonPelayananDasar),
        A("2.14", "Pengendalian Penduduk dan Keluarga Berencana", AffairGroup.WajibNonPelayananDasar),
        A("2.15", "Perhubungan", AffairGroup.WajibNonPelayananDasar),
        A("2.16", "Komunikasi dan Informatika", AffairGroup.WajibNonPelayananDasar),
        A("2.17", "Koperasi, Usaha Kecil, dan Menengah", AffairGroup.WajibNonPelayananDasar),
        A("2.18", "Penanaman Modal", AffairGroup.WajibNonPelayananDasar),
        A("2.19", "Kepemudaan dan Olah Raga", AffairGroup.WajibNonPelayananDasar),
        A("2.20", "Statistik", AffairGroup.WajibNonPelayananDasar),
        A("2.21", "Persandian", AffairGroup.WajibNonPelayananDasar),
        A("2.22", "Kebudayaan", AffairGroup.WajibNonPelayananDasar),
        A("2.23", "Perpustakaan", AffairGroup.WajibNonPelayananDasar),
        A("2.24", "Kearsipan", AffairGroup.WajibNonPelayananDasar),
        A("3.25", "Kelautan dan Perikanan", AffairGroup.Pilihan, provincialOnly: true),
        A("3.26", "Pariwisata", AffairGroup.Pilihan),
        A("3.27", "Pertanian", AffairGroup.Pilihan),
        A("3.28", "Kehutanan", AffairGroup.Pilihan, provincialOnly: true),
        A("3.29", "Energi dan Sumber Daya Mineral", AffairGroup.Pilihan, provincialOnly: true),
        A("3.30", "Perdagangan", AffairGroup.Pilihan),
        A("3.31", "Perindustrian", AffairGroup.Pilihan),
        A("3.32", "Transmigrasi", AffairGroup.Pilihan),
    ];

    private static GovernmentAffair A(string code, string name, AffairGroup group, bool provincialOnly = false) =>
        new() { Code = code, Name = name, Group = group, ProvincialOnly = provincialOnly };

    public static async Task SeedAsync(JalinDb db, CancellationToken ct = default)
    {
        var regions = await db.Regions.Select(r => r.Code).ToHashSetAsync(ct);
        db.Regions.AddRange(Regions().Where(r => !regions.Contains(r.Code)));
        var affairs = await db.GovernmentAffairs.Select(a => a.Code).ToHashSetAsync(ct);
        db.GovernmentAffairs.AddRange(Affairs.Where(a => !affairs.Contains(a.Code))
            .Select(a => new GovernmentAffair { Code = a.Code, Name = a.Name, Group = a.Group, ProvincialOnly = a.ProvincialOnly }));
        var holidays = await db.Holidays.Select(h => h.Date).ToHashSetAsync(ct);
        db.Holidays.AddRange(Holidays().Where(h => !holidays.Contains(h.Date)));
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<string[]> ReadCsv(string name)
    {
        var asm = typeof(ReferenceData).Assembly;
        var resource = asm.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var stream = asm.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            yield return line.Split(',', 3);
        }
    }
}
