using Jalin.Core.Evaluation;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Tkksd;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>Kota Cimahi's monev (issue #11 item 3): the default criteria stored as the region's, one finished evaluation
/// of the ADIARTA replication, and this year's monitoring round with two agreements assigned to tkksd.cimahi.</summary>
internal static class DemoEvaluation
{
    public const string Region = "32.77";
    public const string EvaluatedTitle = "Replikasi Inovasi Digitalisasi Arsip (ADIARTA) dari Kota Batu";
    public static readonly string[] AssignedTitles =
    [
        "Kesepakatan Bersama Pemerintah Kota Cimahi dan Pemerintah Kabupaten Garut tentang Kerja Sama Pasokan Cabai untuk Pengendalian Inflasi Daerah",
        "Perjanjian Kerja Sama Tridharma Perguruan Tinggi dengan Universitas Jenderal Achmad Yani",
    ];

    public static async Task SeedAsync(Func<JalinDb> newDb, DemoData.DemoClock clock, DateOnly today, IReadOnlyDictionary<string, CurrentActor> people, CancellationToken ct)
    {
        var officer = people["kerjasama.cimahi"];
        var tkksd = people["tkksd.cimahi"];
        clock.Now = DemoData.DemoClock.At(today.AddDays(-12));
        await using (var db = newDb())
        {
            var saved = await EvaluationCriteria.SetAsync(db, officer, new EvaluationSettingsInput
            {
                Criteria = EvaluationCriteria.Defaults.Select(c => new CriterionInput { Name = c.Name, Description = c.Description, Weight = c.Weight }).ToList(),
                BeforeEndDays = EvaluationCriteria.DefaultBeforeEndDays,
            }, ct);
            if (!saved.Ok) throw new InvalidOperationException("Demo monev criteria: " + saved.Error!.Message);
        }
        Dictionary<string, Guid> agreements;
        await using (var db = newDb())
            agreements = await db.Agreements.AsNoTracking().Where(a => a.RegionCode == Region && a.Stage == Stage.Implementation)
                .ToDictionaryAsync(a => a.Title, a => a.Id, ct);
        if (agreements.TryGetValue(EvaluatedTitle, out var evaluated))
        {
            int[] scores = [4, 4, 3, 4, 4, 4, 5, 3, 3, 5];
            await using var db = newDb();
            var done = await Evaluations.SubmitAsync(db, officer, evaluated, new EvaluationInput
            {
                Ratings = EvaluationCriteria.Defaults.Select((c, i) => new RatingInput
                {
                    Criterion = c.Name, Score = scores[i],
                    Note = c.Name switch
                    {
                        "Kelengkapan dokumen" => "Laporan keuangan semester I belum dilampirkan.",
                        "Inovasi dan manfaat" => "Arsip 14 perangkat daerah sudah terdigitalisasi.",
                        _ => null,
                    },
                }).ToList(),
                Findings = "Aplikasi ADIARTA berjalan di 14 perangkat daerah; pendampingan teknis dari Kota Batu selesai tepat waktu. "
                    + "Laporan keuangan semester I dan berita acara serah terima aplikasi belum lengkap. Perlu anggaran pemeliharaan server tahun berikutnya.",
                Recommendation = EvaluationRecommendation.Lanjutkan,
            }, clock, ct);
            if (!done.Ok) throw new InvalidOperationException("Demo monev evaluation: " + done.Error!.Message);
        }

        clock.Now = DemoData.DemoClock.At(today.AddDays(-3));
        MonitoringRoundView round;
        await using (var db = newDb())
        {
            var created = await MonitoringRounds.CreateAsync(db, officer, new MonitoringRoundInput(today.Year, today.AddDays(21), $"Monev TKKSD kerja sama daerah tahun {today.Year}"), clock, ct);
            round = created.Value ?? throw new InvalidOperationException("Demo monev round: " + created.Error!.Message);
        }
        Guid memberId;
        await using (var db = newDb())
            memberId = await db.TkksdMembers.Where(m => m.UserId == tkksd.UserId && m.IsActive).Select(m => m.Id).FirstAsync(ct);
        foreach (var title in AssignedTitles)
        {
            var row = round.Rows.FirstOrDefault(r => r.AgreementTitle == title);
            if (row is null) continue;
            await using var db = newDb();
            var assigned = await MonitoringRounds.AssignAsync(db, officer, round.Id, row.Id, new RoundAssignInput(memberId), clock, ct);
            if (!assigned.Ok) throw new InvalidOperationException("Demo monev assignment: " + assigned.Error!.Message);
        }
    }
}
