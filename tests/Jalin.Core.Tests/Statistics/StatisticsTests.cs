using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Evaluation;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Statistics;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Statistics;

/// <summary>The dashboard's figures are counted in the database, scoped as <see cref="AgreementAccess.VisibleTo"/>: a region's
/// officer never gets another region's numbers, a provincial supervisor only its province (PP 28/2018 Pasal 44 ayat (4): the
/// Governor supervises the kab/kota of its province).</summary>
public sealed class StatisticsTests : IAsyncLifetime
{
    // Wednesday 15 April 2026
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 4, 15));
    private TestDb _db = null!;
    private Scenario _s = null!;
    private Guid _running, _draft, _garut, _kupang;
    private Agency _dlh = null!;

    private static readonly CurrentActor Garut = Actors.Stranger;
    private static readonly CurrentActor Kupang = new("officer-kupang", "petugas.kupang", "Petugas Kupang", Role.CooperationOfficer, "53.71");
    private static readonly CurrentActor Jabar = new("pembina-jabar", "pembina.jabar", "Biro Pemerintahan Jabar", Role.SupervisorProvince, "32");
    private static readonly CurrentActor National = new("pembina-pusat", "pembina.kemendagri", "Kemendagri", Role.SupervisorNational, null);

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
        await using (var db = _db.NewDb())
        {
            _dlh = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup Kota Cimahi", ShortName = "DLH" };
            db.Agencies.Add(_dlh);
            await db.SaveChangesAsync();
        }
        _running = await _s.RegisterAsync(Scenario.Ksdd() with { LeadAgencyId = _dlh.Id, Value = 250_000_000m, EndsOn = new DateOnly(2026, 6, 30) });
        _draft = await _s.RegisterAsync(Scenario.Ksdd("Pelatihan aparatur Cimahi–Kabupaten Bandung") with { StartsOn = new DateOnly(2025, 3, 1) });
        _garut = await _s.RegisterAsync(Scenario.Ksdd("Pengembangan agrowisata Garut–Kabupaten Bandung") with { StartsOn = new DateOnly(2026, 2, 1) }, Garut);
        _kupang = await _s.RegisterAsync(Scenario.Ksdd("Air bersih Kota Kupang–Kabupaten Kupang") with
        {
            Parties = [new PartyInput { RegionCode = "53.01", DocumentNumber = "1/2026", SignatoryName = "Bupati", SignatoryOffice = "Bupati Kupang" }],
        }, Kupang);

        await using (var db = _db.NewDb())
        {
            var a = await db.Agreements.SingleAsync(x => x.Id == _running);
            a.RestoreStage(Stage.Implementation, null);
            a.SignedOn = new DateOnly(2026, 1, 1);
            a.AffairCode = await db.GovernmentAffairs.Select(g => g.Code).OrderBy(c => c).FirstAsync();
            var g = await db.Agreements.SingleAsync(x => x.Id == _garut);
            g.RestoreStage(Stage.Implementation, null);
            g.EndsOn = new DateOnly(2026, 5, 1);
            // Quarter 1 of the running agreement (1 Jan – 31 Mar 2026) reported late; nothing else reported.
            db.ProgressReports.Add(new ProgressReport
            {
                AgreementId = _running, RegionCode = Actors.Cimahi, AgencyId = _dlh.Id, AgencyName = _dlh.Name, Period = ReportPeriod.Quarterly,
                PeriodNumber = 1, PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 3, 31), DueOn = new DateOnly(2026, 4, 8),
                Status = ReportStatus.Accepted, FirstSubmittedOn = new DateOnly(2026, 4, 10), SubmittedOn = new DateOnly(2026, 4, 10), BudgetRealisation = 40_000_000m,
                Indicators = [new ReportIndicator { Indicator = "Sampah terangkut", Unit = "ton", Target = 120m, Actual = 95.5m }],
                CreatedBy = "opd.dlh", CreatedAt = _clock.GetUtcNow(), UpdatedAt = _clock.GetUtcNow(),
            });
            db.AgreementEvaluations.AddRange(
                Evaluation(_running, 3.6m, EvaluationRecommendation.Lanjutkan), Evaluation(_running, 4.4m, EvaluationRecommendation.Perluas),
                Evaluation(_garut, 2.0m, EvaluationRecommendation.Hentikan, "32.05"));
            await db.ActingAs(Actors.Officer).SaveChangesAsync();
        }
    }

    private AgreementEvaluation Evaluation(Guid id, decimal score, EvaluationRecommendation rec, string region = Actors.Cimahi) => new()
    {
        AgreementId = id, RegionCode = region, EvaluatedOn = new DateOnly(2026, 4, 1), Score = score, Findings = "Berjalan", Recommendation = rec,
        EvaluatorUserId = "u", EvaluatorName = "Penilai", CreatedAt = _clock.GetUtcNow(),
    };

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<StatisticsView> ViewAsync(CurrentActor actor, string? year = null, string? kind = null, string? region = null)
    {
        await using var db = _db.NewDb();
        var filter = await AgreementStatistics.ParseAsync(db, actor, year, kind, region);
        Assert.True(filter.Ok, filter.Error?.ToString());
        var view = await AgreementStatistics.HandleAsync(db, actor, filter.Value!, _clock);
        Assert.True(view.Ok, view.Error?.ToString());
        return view.Value!;
    }

    private static decimal Sum(StatisticsView v, string key, int series = 0) => v.Figure(key)!.Totals[series];

    [Fact]
    public async Task Counts_equal_a_direct_count_of_what_the_officer_sees()
    {
        var v = await ViewAsync(Actors.Officer);
        await using var db = _db.NewDb();
        var visible = db.Agreements.VisibleTo(Actors.Officer);
        Assert.Equal(await visible.CountAsync(), v.Total);
        Assert.Equal(2, v.Total);
        foreach (var key in new[] { "jenis", "tahap", "urusan", "opd", "tahun" }) Assert.Equal(v.Total, Sum(v, key));
        Assert.Equal(await visible.CountAsync(a => a.Stage == Stage.Implementation), v.Figure("tahap")!.Rows.Single(r => r.Key == nameof(Stage.Implementation)).Values[0]);
        Assert.Equal(1, v.Figure("tahun")!.Rows.Single(r => r.Key == "2025").Values[0]);
        Assert.Equal(1, v.Figure("opd")!.Rows.Single(r => r.Label == _dlh.Name).Values[0]);
        Assert.Equal(2, v.Figure("mitra")!.Rows.Single(r => r.Key == nameof(Jalin.Core.Partners.PartnerKind.Region)).Values[0]);
        // ends 30 Jun 2026: 76 days from 15 Apr
        Assert.Equal([0m, 1m, 1m], v.Figure("berakhir")!.Rows.Select(r => r.Values[0]));
    }

    [Fact]
    public async Task Monitoring_and_evaluation_figures_come_from_the_reports_and_evaluations()
    {
        var v = await ViewAsync(Actors.Officer);
        var t = v.Figure("ketepatan")!;
        var q1 = t.Rows.Single(r => r.Label == "Triwulan I 2026");
        Assert.Equal([0m, 1m, 0m], q1.Values);
        // the 2025-starting agreement is not running: no missing periods; the running one has only Q1 due by 15 Apr
        Assert.Equal(1m, t.Totals.Sum());
        Assert.Equal([0m, 0m, 0m, 2m, 0m], v.Figure("nilai")!.Rows.Select(r => r.Values[0]));
        Assert.Equal(1m, v.Figure("rekomendasi")!.Rows.Single(r => r.Key == nameof(EvaluationRecommendation.Perluas)).Values[0]);
        Assert.Equal(0m, v.Figure("rekomendasi")!.Rows.Single(r => r.Key == nameof(EvaluationRecommendation.Hentikan)).Values[0]);
        var ind = v.Figure("indikator")!.Rows.Single();
        Assert.Equal([120m, 95.5m], ind.Values);
        var budget = v.Figure("anggaran")!.Rows.Single(r => r.Label == _dlh.Name);
        Assert.Equal([250_000_000m, 40_000_000m], budget.Values);
    }

    [Fact]
    public async Task Cimahi_never_gets_Garuts_numbers()
    {
        var cimahi = await ViewAsync(Actors.Officer);
        var garut = await ViewAsync(Garut);
        Assert.Equal(1, garut.Total);
        Assert.Equal(2, cimahi.Total);
        Assert.Equal(2m, Sum(cimahi, "rekomendasi"));
        Assert.Equal(1m, Sum(garut, "rekomendasi"));
        Assert.Equal(1m, garut.Figure("rekomendasi")!.Rows.Single(r => r.Key == nameof(EvaluationRecommendation.Hentikan)).Values[0]);
        // Garut's running agreement (from 1 Feb 2026) owes its first quarter on 30 Apr: nothing missing yet on 15 Apr
        Assert.Equal(0m, garut.Figure("ketepatan")!.Totals.Sum());
    }

    [Fact]
    public async Task The_provincial_supervisor_sees_only_Jawa_Barat_PP_28_2018_Pasal_44_ayat_4()
    {
        var jabar = await ViewAsync(Jabar);
        var all = await ViewAsync(National);
        Assert.Equal(3, jabar.Total);
        Assert.Equal(4, all.Total);
        Assert.Equal(3m, Sum(jabar, "rekomendasi"));
        var garutOnly = await ViewAsync(Jabar, region: "32.05");
        Assert.Equal(1, garutOnly.Total);
        var kupangOnly = await ViewAsync(National, region: "53");
        Assert.Equal(1, kupangOnly.Total);
    }

    [Fact]
    public async Task Filters_narrow_by_start_year_and_kind()
    {
        Assert.Equal(1, (await ViewAsync(Actors.Officer, year: "2025")).Total);
        Assert.Equal(2, (await ViewAsync(Actors.Officer, kind: "KsddSukarela")).Total);
        Assert.Equal(0, (await ViewAsync(Actors.Officer, kind: "Ksdpl")).Total);
    }

    [Fact]
    public async Task Bad_filters_are_refused_in_Indonesian()
    {
        await using var db = _db.NewDb();
        var bad = await AgreementStatistics.ParseAsync(db, Actors.Officer, "20x6", "Apa", "32.05");
        var error = Assert.IsType<ValidationError>(bad.Error);
        Assert.Equal(["kind", "region", "year"], error.Fields.Keys.Order());
        Assert.Contains("Tahun", error.Fields["year"][0]);
        var outside = await AgreementStatistics.ParseAsync(db, Jabar, null, null, "53.71");
        Assert.Contains("di luar provinsi", Assert.IsType<ValidationError>(outside.Error).Fields["region"][0]);
        var unknown = await AgreementStatistics.ParseAsync(db, National, null, null, "99.99");
        Assert.Contains("tidak dikenal", Assert.IsType<ValidationError>(unknown.Error).Fields["region"][0]);
        var admin = new CurrentActor("admin", "admin", "Admin", Role.SystemAdmin, null);
        Assert.IsType<ForbiddenError>((await AgreementStatistics.HandleAsync(db, admin, new StatisticsFilter(null, null, null), _clock)).Error);
    }
}
