using Jalin.Core.Files;
using Jalin.Core.ForeignDuties;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>The own duties of Kota Bandung's sister city agreement with Braunschweig (issue #11 item 6): the yearly plans of
/// the past years final (this year's still missing, so the dashboard flags it), one supervision by the Governor recorded
/// with a follow-up and one scheduled; the Minister's supervision of Sumatera Barat's agreement with Negeri Sembilan scheduled.</summary>
internal static class DemoForeignDuties
{
    public const string BandungTitle = "Kota Kembar Bandung–Braunschweig: Pendidikan Vokasi dan Inovasi";
    public const string SumbarTitle = "Kerja Sama Provinsi Sumatera Barat dan Negeri Sembilan di Bidang Kebudayaan Minangkabau";

    public static async Task SeedAsync(Func<JalinDb> newDb, FileStore files, DemoData.DemoClock clock, DateOnly today, IReadOnlyDictionary<string, CurrentActor> people,
        CancellationToken ct)
    {
        Dictionary<string, (Guid Id, DateOnly? StartsOn)> agreements;
        await using (var db = newDb())
            agreements = (await db.Agreements.AsNoTracking().Where(a => (a.Title == BandungTitle || a.Title == SumbarTitle) && a.Stage == Stage.Implementation)
                .Select(a => new { a.Title, a.Id, a.StartsOn }).ToListAsync(ct)).ToDictionary(a => a.Title, a => (a.Id, a.StartsOn));
        if (agreements.TryGetValue(BandungTitle, out var bandung) && bandung.StartsOn is { } start)
        {
            var officer = people["kerjasama.bandung"];
            for (var year = start.Year; year < today.Year; year++)
            {
                clock.Now = DemoData.DemoClock.At(year == start.Year ? start.AddDays(20) : new DateOnly(year, 1, 20));
                await using var db = newDb();
                var saved = await ForeignDutyUseCases.SavePlanAsync(db, officer, bandung.Id, year, Plan(year), clock, ct);
                if (!saved.Ok) throw new InvalidOperationException("Demo rencana kegiatan: " + saved.Error!.Message);
                var final = await ForeignDutyUseCases.FinalizePlanAsync(db, files, officer, bandung.Id, year, clock, ct);
                if (!final.Ok) throw new InvalidOperationException("Demo rencana kegiatan final: " + final.Error!.Message);
            }
            var jabar = people["pembina.jabar"];
            var done = today.AddDays(-40);
            clock.Now = DemoData.DemoClock.At(done.AddDays(-14));
            await using (var db = newDb())
            {
                var s = await ForeignSupervisions.ScheduleAsync(db, jabar, new ScheduleSupervisionInput(bandung.Id, done, SupervisionMethod.Monitoring, SupervisionMode.Kunjungan), clock, ct);
                if (!s.Ok) throw new InvalidOperationException("Demo pengawasan: " + s.Error!.Message);
                clock.Now = DemoData.DemoClock.At(done);
                var r = await ForeignSupervisions.RecordAsync(db, jabar, s.Value!.Id, new SupervisionResultInput(done,
                    "Pertukaran 12 siswa SMK ke Braunschweig terlaksana; rencana magang industri belum memiliki mitra perusahaan.",
                    "Tetapkan mitra industri magang sebelum semester berikutnya.",
                    "Sampaikan daftar perusahaan mitra magang dan jadwal keberangkatan gelombang kedua."), clock, ct);
                if (!r.Ok) throw new InvalidOperationException("Demo hasil pengawasan: " + r.Error!.Message);
            }
            clock.Now = DemoData.DemoClock.At(today.AddDays(-2));
            await using (var db = newDb())
                await ForeignSupervisions.ScheduleAsync(db, jabar, new ScheduleSupervisionInput(bandung.Id, today.AddDays(20), SupervisionMethod.Evaluasi, SupervisionMode.Dokumen), clock, ct);
        }
        if (agreements.TryGetValue(SumbarTitle, out var sumbar))
        {
            clock.Now = DemoData.DemoClock.At(today.AddDays(-3));
            await using var db = newDb();
            await ForeignSupervisions.ScheduleAsync(db, people["pembina.kemendagri"], new ScheduleSupervisionInput(sumbar.Id, today.AddDays(30), SupervisionMethod.Evaluasi, SupervisionMode.Kunjungan), clock, ct);
        }
        clock.Now = DemoData.DemoClock.At(today);
    }

    private static PlanInput Plan(int year) => new(
    [
        new PlanRowInput($"Pertukaran siswa dan guru SMK bidang mekatronika tahun {year}", "Dinas Pendidikan Kota Bandung", "Kota Bandung: seleksi peserta dan biaya perjalanan; Braunschweig: penempatan di sekolah vokasi dan akomodasi",
            "12 siswa dan 4 guru mengikuti program 3 bulan", "SMKN 1 Bandung; Berufsbildende Schulen Braunschweig", "Siswa dan guru SMK Kota Bandung",
            [new FundingInput("Pemerintah Kota Bandung", "APBD Kota Bandung", "250.000.000"), new FundingInput("Stadt Braunschweig", "Anggaran Stadt Braunschweig", "180.000.000")]),
        new PlanRowInput("Lokakarya inovasi kota dan inkubasi usaha rintisan", "Bappelitbang Kota Bandung", "Kota Bandung: tuan rumah dan peserta; Braunschweig: narasumber dan mentor",
            "Dua lokakarya dan 10 usaha rintisan didampingi", "Bandung Creative Hub", "Pelaku usaha rintisan Kota Bandung",
            [new FundingInput("Pemerintah Kota Bandung", "APBD Kota Bandung", "75.000.000")]),
    ]);
}
