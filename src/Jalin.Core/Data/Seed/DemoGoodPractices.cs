using Jalin.Core.GoodPractices;
using Jalin.Core.Identity;
using Jalin.Core.Mapping;
using Jalin.Core.Publication;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>Issue #12 item 1: Kota Cimahi publishes its regional waste cooperation as a good practice, with figures, linked to
/// its published waste agreement, and shows one accepted potential on the public catalogue; Kabupaten Garut keeps one
/// practice as a draft. The figures are demo figures of the seeded region, not official statistics.</summary>
internal static class DemoGoodPractices
{
    /// <summary>Runs after the mapping seed (the published potential must be accepted first).</summary>
    public static async Task SeedAsync(Func<JalinDb> newDb, DateOnly today, CancellationToken ct)
    {
        var clock = new DemoData.DemoClock(today);
        Dictionary<string, CurrentActor> people;
        await using (var db = newDb())
            people = await db.Users.AsNoTracking().Where(u => u.UserName == "kerjasama.cimahi" || u.UserName == "kerjasama.garut")
                .ToDictionaryAsync(u => u.UserName!, u => u.ToActor(), ct);
        if (people.TryGetValue("kerjasama.cimahi", out var cimahi))
        {
            List<Guid> linked;
            await using (var db = newDb())
            {
                linked = await PublicAgreements.Published(db).Where(a => a.RegionCode == cimahi.RegionCode && a.AffairCode == "2.11")
                    .OrderByDescending(a => a.Title.Contains("Legok Nangka")).ThenBy(a => a.Title).Select(a => a.Id).Take(1).ToListAsync(ct);
            }
            await using (var db = newDb())
            {
                var created = await GoodPracticeUseCases.CreateAsync(db, cimahi, new GoodPracticeInput
                {
                    Title = "Pengelolaan sampah regional bersama daerah tetangga di Cekungan Bandung", AffairCode = "2.11",
                    Problem = "Tempat pemrosesan akhir sampah di dalam kota sudah tidak dapat diperluas, sementara timbulan sampah rumah tangga terus bertambah "
                        + "seiring pertumbuhan penduduk. Lahan untuk tempat pemrosesan baru di wilayah kota tidak tersedia.",
                    Actions = "Pemerintah Kota Cimahi bersama Pemerintah Provinsi Jawa Barat dan kabupaten/kota di sekitarnya menyepakati pengolahan sampah di "
                        + "tempat pengolahan dan pemrosesan akhir sampah (TPPAS) regional. Dinas Lingkungan Hidup menata ulang rute pengangkutan dari tempat "
                        + "penampungan sementara, memilah sampah organik di tingkat kelurahan, dan melaporkan tonase yang diangkut setiap bulan.",
                    Partners = "Pemerintah Provinsi Jawa Barat; Kabupaten Bandung; Kabupaten Bandung Barat; Kota Bandung; Kabupaten Sumedang; Kabupaten Garut",
                    Results =
                    [
                        new("Sampah rumah tangga terangkut ke TPPAS regional", 3600m, "ton/bulan"),
                        new("Tempat penampungan sementara yang terlayani", 112m, "TPS"),
                        new("Sampah organik yang dipilah di kelurahan", 12.5m, "persen"),
                    ],
                    ContactOffice = "Bagian Kerja Sama Setda Kota Cimahi", ContactEmail = "kerjasama@cimahikota.go.id", AgreementIds = linked,
                }, clock, ct);
                if (!created.Ok) throw new InvalidOperationException($"Demo good practice Cimahi: {created.Error!.Message}");
                await GoodPracticeUseCases.PublishAsync(db, cimahi, created.Value!.Id, true, clock, ct);
            }
            await using (var db = newDb())
            {
                var potential = await db.MappingItems.AsNoTracking()
                    .Where(i => i.RegionCode == cimahi.RegionCode && i.Kind == MappingKind.Potential && i.Status == MappingStatus.Accepted)
                    .OrderBy(i => i.Title).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
                if (potential is { } pid) await MappingPublication.SetAsync(db, cimahi, pid, true, clock, ct);
            }
        }
        if (people.TryGetValue("kerjasama.garut", out var garut))
        {
            await using var db = newDb();
            var created = await GoodPracticeUseCases.CreateAsync(db, garut, new GoodPracticeInput
            {
                Title = "Pemasaran cabai petani Garut ke pasar kota mitra", AffairCode = "2.09",
                Problem = "Harga cabai di tingkat petani jatuh saat panen raya, sementara pasar di kota sekitar kekurangan pasokan.",
                Actions = "Dinas Pertanian mempertemukan kelompok tani dengan pengelola pasar kota mitra dan menyusun jadwal pasokan mingguan.",
                Partners = "Kota Cimahi", Results = [new("Cabai yang dipasok ke pasar kota mitra", 45m, "ton/bulan")],
                ContactOffice = "Bagian Kerja Sama Setda Kabupaten Garut",
            }, clock, ct);
            if (!created.Ok) throw new InvalidOperationException($"Demo good practice Garut: {created.Error!.Message}");
        }
    }
}
