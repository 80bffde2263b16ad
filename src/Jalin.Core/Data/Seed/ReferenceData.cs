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

    /// <summary>The decree behind each seeded year (Data/Reference/HARI-LIBUR-README.md), and the
    /// dates set by another decree than the year's SKB.</summary>
    private static readonly Dictionary<int, string> YearDecrees = new()
    {
        [2024] = "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 855 Tahun 2023, Nomor 3 Tahun 2023, Nomor 4 Tahun 2023 sebagaimana diubah dengan SKB Nomor 236 Tahun 2024, Nomor 1 Tahun 2024, Nomor 2 Tahun 2024",
        [2025] = "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024",
        [2026] = "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025",
        [2027] = "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1205 Tahun 2026, Nomor 3 Tahun 2026, Nomor 2 Tahun 2026",
    };

    private static readonly Dictionary<DateOnly, string> DateDecrees = new()
    {
        [new DateOnly(2024, 2, 14)] = "Keputusan Presiden Nomor 10 Tahun 2024",
        [new DateOnly(2024, 11, 27)] = "Keputusan Presiden Nomor 33 Tahun 2024",
        [new DateOnly(2025, 8, 18)] = "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 933 Tahun 2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025",
    };

    public static IEnumerable<Holiday> Holidays()
    {
        foreach (var (year, decree) in YearDecrees)
            foreach (var line in ReadCsv($"holidays-{year}.csv"))
            {
                var date = DateOnly.ParseExact(line[0], "yyyy-MM-dd");
                yield return new Holiday
                {
                    Date = date,
                    Type = line[1] == "cuti_bersama" ? HolidayType.CutiBersama : HolidayType.Libur,
                    Name = line[2],
                    DecreeReference = DateDecrees.GetValueOrDefault(date, decree),
                };
            }
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
        // A year is seeded only while it has no national day at all, so a day the administrator
        // deleted does not come back; seeded days still without their decree get it.
        var national = await db.Holidays.Where(h => h.RegionCode == null).ToListAsync(ct);
        var years = national.Select(h => h.Date.Year).ToHashSet();
        var seed = Holidays().ToList();
        db.Holidays.AddRange(seed.Where(h => !years.Contains(h.Date.Year)));
        foreach (var h in national.Where(h => h.DecreeReference is null))
            if (seed.FirstOrDefault(x => x.Date == h.Date && x.Name == h.Name) is { } known) h.DecreeReference = known.DecreeReference;
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
