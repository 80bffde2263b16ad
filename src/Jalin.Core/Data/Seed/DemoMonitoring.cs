using Jalin.Core.Common;
using Jalin.Core.Identity;
using Jalin.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>Demo monitoring (issue #11 items 1–2) on Kota Cimahi's active "Penagihan Retribusi Persampahan melalui Rekening
/// Air Minum" (DLH with Perumda Air Minum Tirta Raharja): three obligations and two quarterly reports of DLH, one accepted
/// after a return, the next submitted after its due date (late) and waiting for review; a later ended quarter has no report
/// yet, so the dashboard flags it. Everything goes through the real use cases.</summary>
internal static class DemoMonitoring
{
    public const string AgreementTitle = "Penagihan Retribusi Persampahan melalui Rekening Air Minum";

    public static async Task SeedAsync(Func<JalinDb> newDb, DateOnly today, IReadOnlyDictionary<string, CurrentActor> people, CancellationToken ct)
    {
        var officer = people["kerjasama.cimahi"];
        var opd = people["opd.cimahi"];
        var clock = new DemoData.DemoClock(today);
        Guid id;
        List<Agreements.AgreementParty> parties;
        await using (var db = newDb())
        {
            var a = await db.Agreements.AsNoTracking().Include(x => x.Parties).FirstOrDefaultAsync(x => x.RegionCode == "32.77" && x.Title == AgreementTitle, ct);
            if (a is null) return;
            id = a.Id;
            parties = a.Parties.OrderBy(p => p.Order).ToList();
        }
        static T Must<T>(Result<T> r, string what) => r.Ok ? r.Value! : throw new InvalidOperationException($"Demo pemantauan {what}: {r.Error!.Message}");

        var owner = parties[0];
        var partner = parties[^1];
        var start = today.AddDays(-330);
        clock.Now = DemoData.DemoClock.At(start.AddDays(20));
        await using (var db = newDb())
        {
            Must(await ObligationUseCases.CreateAsync(db, officer, id, new ObligationInput
            {
                Title = "PIHAK KESATU menyerahkan data wajib retribusi persampahan per kelurahan kepada PIHAK KEDUA", PartyId = owner.Id, AgencyId = owner.LeadAgencyId,
                DueOn = start.AddDays(30), Status = ObligationStatus.Met, Note = "Data 15 kelurahan diserahkan dengan berita acara.",
            }, clock, ct), "kewajiban 1");
            Must(await ObligationUseCases.CreateAsync(db, officer, id, new ObligationInput
            {
                Title = "PIHAK KEDUA menagihkan retribusi persampahan bersama tagihan air minum dan menyetorkannya ke kas daerah", PartyId = partner.Id,
                Recurrence = Recurrence.Monthly, StartsOn = start.AddMonths(1),
            }, clock, ct), "kewajiban 2");
            Must(await ObligationUseCases.CreateAsync(db, officer, id, new ObligationInput
            {
                Title = "PIHAK KEDUA menyampaikan rekapitulasi penerimaan retribusi setiap triwulan", PartyId = partner.Id, AgencyId = owner.LeadAgencyId,
                Recurrence = Recurrence.Quarterly, StartsOn = start.AddMonths(3).AddDays(10),
            }, clock, ct), "kewajiban 3");
        }

        IReadOnlyList<ReportingPeriod> periods;
        await using (var db = newDb())
        {
            var a = await db.Agreements.AsNoTracking().Include(x => x.Parties).FirstAsync(x => x.Id == id, ct);
            periods = (await ReportingPeriods.ForAsync(db, a, today, ct)).Where(p => p.DueOn.AddDays(4) < today).ToList();
        }
        if (periods.Count < 2) return;
        var (onTime, late) = (periods[^2], periods[^1]);

        async Task<ProgressReportView> Write(ReportingPeriod p, string activities, decimal actual, decimal budget)
        {
            clock.Now = DemoData.DemoClock.At(p.End.AddDays(2));
            await using var db = newDb();
            var r = Must(await ProgressReports.CreateAsync(db, opd, id, p.Number, clock, ct), "laporan");
            return Must(await ProgressReports.SaveAsync(db, opd, id, r.Id, new ProgressReportInput
            {
                Activities = activities, BudgetRealisation = budget, Beneficiaries = "38.412 pelanggan rumah tangga dan 1.206 pelanggan niaga",
                Indicators =
                [
                    new IndicatorInput { Indicator = "Rekening air minum yang memuat retribusi persampahan", Unit = "rekening", Target = 40_000, Actual = actual },
                    new IndicatorInput { Indicator = "Tingkat penagihan retribusi", Unit = "persen", Target = 85, Actual = 78.5m },
                ],
                Obstacles = "Sebagian pelanggan belum memutakhirkan alamat; data kelurahan berbeda dengan data pelanggan.",
                FollowUp = "Pencocokan data bersama kelurahan pada triwulan berikutnya.",
            }, clock, ct), "isi laporan");
        }
        async Task Act(ProgressReportView r, CurrentActor who, ReportAction action, DateOnly on, string? note = null)
        {
            clock.Now = DemoData.DemoClock.At(on);
            await using var db = newDb();
            Must(await ProgressReports.ActAsync(db, who, id, r.Id, action, note, clock, ct), action.ToString());
        }

        var first = await Write(onTime, "Pencantuman retribusi persampahan pada rekening air minum; sosialisasi di 15 kelurahan.", 36_250, 42_500_000);
        await Act(first, opd, ReportAction.Submit, onTime.DueOn.AddDays(-3));
        await Act(first, officer, ReportAction.Return, onTime.DueOn.AddDays(-2), "Lampirkan rekapitulasi penerimaan dari Tirta Raharja.");
        await Act(first, opd, ReportAction.Submit, onTime.DueOn.AddDays(-1));
        await Act(first, officer, ReportAction.Accept, onTime.DueOn);
        var second = await Write(late, "Penagihan berjalan; pencocokan data pelanggan dengan data kelurahan dimulai.", 37_900, 47_250_000);
        await Act(second, opd, ReportAction.Submit, late.DueOn.AddDays(4));
    }
}
