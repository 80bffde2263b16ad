using Jalin.Core.Agencies;
using Jalin.Core.Identity;
using Jalin.Core.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>Demo mapping: Cimahi's needs (chili and food supply), Garut's potentials (chili, agriculture), a few potentials of
/// Cimahi's bordering regions (Kabupaten Bandung Barat, Kabupaten Bandung), Cimahi's open round (deadline ahead; DLH,
/// Disdagin and Dishub not yet done, DLH reminded) and Garut's round past its deadline with Disparbud late.</summary>
internal static class DemoMapping
{
    private sealed record ItemSeed(string Region, string Agency, MappingKind Kind, string Affair, string Title, string Location, string? Program,
        MappingStatus Status, string? Description = null);

    private static IEnumerable<ItemSeed> Items()
    {
        const string C = "32.77", G = "32.05", KBB = "32.17", KB = "32.04", B = "32.73";
        yield return new(C, "DKPP", MappingKind.Need, "3.27", "Pasokan cabai merah dan rawit untuk stabilisasi harga", "Pasar Atas Baru dan Pasar Antri, Kota Cimahi",
            "Program Peningkatan Diversifikasi dan Ketahanan Pangan Masyarakat", MappingStatus.Accepted,
            "Kebutuhan rata-rata 35 ton cabai per bulan; harga melonjak menjelang hari besar keagamaan.");
        yield return new(C, "DKPP", MappingKind.Need, "2.09", "Pasokan beras dan sayuran untuk cadangan pangan daerah", "Gudang cadangan pangan Kota Cimahi",
            "Program Pengelolaan Sumber Daya Ekonomi untuk Kedaulatan dan Kemandirian Pangan", MappingStatus.Accepted);
        yield return new(C, "Diskominfo", MappingKind.Potential, "2.16", "Pusat data dan aplikasi layanan Cimahi Smart City", "Cimahi Techno Park",
            "Program Aplikasi Informatika", MappingStatus.Accepted);
        yield return new(C, "PUPR", MappingKind.Need, "1.03", "Pengendalian banjir Sungai Cimahi bagian hilir", "Kecamatan Cimahi Selatan",
            "Program Pengelolaan Sumber Daya Air", MappingStatus.Submitted);
        yield return new(C, "Disdagin", MappingKind.Potential, "3.31", "Sentra industri tekstil dan produk kreatif", "Kecamatan Cimahi Utara", null, MappingStatus.Draft);
        yield return new(G, "Distan", MappingKind.Potential, "3.27", "Sentra cabai merah Cikajang dan Pasirwangi", "Kecamatan Cikajang dan Pasirwangi, Kabupaten Garut",
            "Program Penyediaan dan Pengembangan Prasarana Pertanian", MappingStatus.Accepted, "Produksi cabai merah sekitar 900 ton per bulan dari kelompok tani binaan.");
        yield return new(G, "Distan", MappingKind.Potential, "2.09", "Pasokan sayuran dan cabai dari kelompok tani Garut", "Kabupaten Garut",
            "Program Peningkatan Diversifikasi dan Ketahanan Pangan Masyarakat", MappingStatus.Accepted);
        yield return new(G, "Disparbud", MappingKind.Potential, "3.26", "Agrowisata kebun kopi Gunung Papandayan", "Kecamatan Cisurupan, Kabupaten Garut",
            "Program Peningkatan Daya Tarik Destinasi Pariwisata", MappingStatus.Accepted);
        yield return new(G, "PUPR", MappingKind.Need, "1.03", "Penanganan longsor jalan kabupaten ruas Cikajang", "Kecamatan Cikajang, Kabupaten Garut",
            "Program Penyelenggaraan Jalan", MappingStatus.Accepted);
        yield return new(KBB, "DKPP", MappingKind.Potential, "2.09", "Sayuran dataran tinggi Lembang untuk pasar perkotaan", "Kecamatan Lembang, Kabupaten Bandung Barat",
            "Program Peningkatan Diversifikasi dan Ketahanan Pangan Masyarakat", MappingStatus.Accepted);
        yield return new(KB, "DKPP", MappingKind.Potential, "2.09", "Beras Ciparay dan Majalaya", "Kecamatan Ciparay, Kabupaten Bandung",
            "Program Pengelolaan Sumber Daya Ekonomi untuk Kedaulatan dan Kemandirian Pangan", MappingStatus.Accepted);
        yield return new(B, "Diskominfo", MappingKind.Potential, "2.16", "Bandung Command Center untuk pemantauan layanan kota", "Balai Kota Bandung",
            "Program Aplikasi Informatika", MappingStatus.Accepted);
    }

    private static readonly Dictionary<string, string> ExtraAgencies = new()
    {
        ["32.17"] = "Dinas Ketahanan Pangan dan Pertanian Kabupaten Bandung Barat",
        ["32.04"] = "Dinas Ketahanan Pangan dan Pertanian Kabupaten Bandung",
    };

    public static async Task SeedAsync(Func<JalinDb> newDb, DateOnly today, CancellationToken ct)
    {
        await using var db = newDb();
        db.ActingAs(CurrentActor.System);
        if (await db.MappingItems.AnyAsync(ct)) return;
        foreach (var (region, name) in ExtraAgencies)
            if (!await db.Agencies.AnyAsync(a => a.RegionCode == region && a.Name == name, ct))
                db.Agencies.Add(new Agency { RegionCode = region, Name = name, ShortName = "DKPP", HeadTitle = "Kepala Dinas" });
        await db.SaveChangesAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ShortName != null).ToListAsync(ct);
        Guid Agency(string region, string shortName) => agencies.First(a => a.RegionCode == region && a.ShortName == shortName).Id;
        var at = new DateTimeOffset(today.AddDays(-20).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

        var cimahi = Round("32.77", $"Pemetaan Potensi dan Kebutuhan Kerja Sama Daerah Tahun {today.Year}", today.Year, today.AddDays(10), at,
            agencies.Where(a => a.RegionCode == "32.77" && a.IsActive).Select(a => a.Id), ["DLH", "Disdagin", "Dishub"], agencies);
        var garut = Round("32.05", $"Pemetaan Kerja Sama Kabupaten Garut Tahun {today.Year}", today.Year, today.AddDays(-3), at,
            agencies.Where(a => a.RegionCode == "32.05" && a.ShortName is "Distan" or "PUPR" or "Disparbud").Select(a => a.Id), ["Disparbud"], agencies);
        // Garut's Disparbud mapped its agrowisata before the round; its submission for the round is what is late.
        db.MappingRounds.AddRange(cimahi, garut);
        foreach (var s in Items())
        {
            var round = s.Region == "32.77" ? cimahi : s.Region == "32.05" && s.Agency != "Disparbud" ? garut : null;
            db.MappingItems.Add(new MappingItem
            {
                RegionCode = s.Region, RoundId = round?.Id, Kind = s.Kind, Title = s.Title, Description = s.Description, AffairCode = s.Affair, Location = s.Location,
                AgencyId = Agency(s.Region, s.Agency), Program = s.Program, Status = s.Status, CreatedBy = "demo", CreatedAt = at, UpdatedBy = "demo", UpdatedAt = at,
            });
        }
        var dlh = Agency("32.77", "DLH");
        db.MappingReminders.Add(new MappingReminder
        {
            RegionCode = "32.77", RoundId = cimahi.Id, AgencyId = dlh, SentBy = "Rina Marlina, S.H.", SentAt = at.AddDays(15),
            Message = $"Mohon lengkapi potensi dan kebutuhan Dinas Lingkungan Hidup untuk pemetaan tahun {today.Year} lalu nyatakan selesai sebelum batas waktu.",
        });
        await db.SaveChangesAsync(ct);
    }

    private static MappingRound Round(string region, string title, int year, DateOnly deadline, DateTimeOffset at, IEnumerable<Guid> asked, string[] pending,
        List<Agency> agencies)
    {
        var round = new MappingRound { RegionCode = region, Title = title, Year = year, Deadline = deadline, CreatedBy = "demo", CreatedAt = at };
        var pendingIds = agencies.Where(a => a.RegionCode == region && pending.Contains(a.ShortName)).Select(a => a.Id).ToHashSet();
        round.Agencies.AddRange(asked.Select(id => new MappingRoundAgency
        {
            RoundId = round.Id, AgencyId = id, RegionCode = region,
            SubmittedAt = pendingIds.Contains(id) ? null : at.AddDays(5), SubmittedBy = pendingIds.Contains(id) ? null : "demo",
        }));
        return round;
    }
}
