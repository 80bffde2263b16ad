using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Monitoring;

/// <summary>Obligations and progress reports of an agreement in tahap Pelaksanaan. No regulation sets the OPD's report
/// rhythm or deadline: both are praktik daerah (region setting, default 10 working days after the period ends).</summary>
public sealed class MonitoringTests : IAsyncLifetime
{
    // Wednesday 15 April 2026, 10:00 WIB
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 4, 15));
    private readonly string _files = Path.Combine(Path.GetTempPath(), "jalin-core-tests", "mon-" + Guid.NewGuid().ToString("N"));
    private TestDb _db = null!;
    private Scenario _s = null!;
    private FileStore _store = null!;
    private CurrentActor _opd = null!, _otherOpd = null!;
    private Guid _agreement;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
        _store = new FileStore(new FileStoreOptions { Root = _files, MaxBytes = 1024 * 1024 });
        Agency dlh, dinkes;
        await using (var db = _db.NewDb())
        {
            dlh = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup Kota Cimahi", ShortName = "DLH" };
            dinkes = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Kesehatan Kota Cimahi", ShortName = "Dinkes" };
            db.Agencies.AddRange(dlh, dinkes);
            await db.SaveChangesAsync();
        }
        _opd = new("opd-dlh", "opd.dlh", "Operator DLH", Role.AgencyUser, Actors.Cimahi, dlh.Id);
        _otherOpd = new("opd-dinkes", "opd.dinkes", "Operator Dinkes", Role.AgencyUser, Actors.Cimahi, dinkes.Id);
        _agreement = await _s.RegisterAsync(Scenario.Ksdd() with { LeadAgencyId = dlh.Id });
        await ImplementingAsync(_agreement);
    }

    private async Task ImplementingAsync(Guid id)
    {
        await using var db = _db.NewDb();
        var a = await db.Agreements.SingleAsync(x => x.Id == id);
        a.RestoreStage(Stage.Implementation, null);
        a.SignedOn = new DateOnly(2026, 1, 1);
        await db.ActingAs(Actors.Officer).SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_files, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Quarterly_periods_cross_the_year_end_and_never_drift()
    {
        var p = ReportingPeriods.Compute(new DateOnly(2026, 8, 31), new DateOnly(2027, 6, 30), ReportPeriod.Quarterly, WorkingDayCalendar.WeekendsOnly, 10);
        Assert.Equal((new DateOnly(2026, 8, 31), new DateOnly(2026, 11, 29)), (p[0].Start, p[0].End));
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2027, 2, 27)), (p[1].Start, p[1].End));
        Assert.Equal((new DateOnly(2027, 2, 28), new DateOnly(2027, 5, 30)), (p[2].Start, p[2].End));
        // the last period is cut at the agreement's end date
        Assert.Equal((new DateOnly(2027, 5, 31), new DateOnly(2027, 6, 30)), (p[3].Start, p[3].End));
        Assert.Equal(4, p.Count);
    }

    [Fact]
    public void Semester_periods_run_six_months_from_the_start_date()
    {
        var p = ReportingPeriods.Compute(new DateOnly(2026, 7, 1), new DateOnly(2028, 6, 30), ReportPeriod.Semester, WorkingDayCalendar.WeekendsOnly, 10);
        Assert.Equal(4, p.Count);
        Assert.Equal(new DateOnly(2026, 12, 31), p[0].End);
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30)), (p[1].Start, p[1].End));
    }

    [Fact]
    public void The_report_due_date_skips_weekends_and_the_new_years_holiday()
    {
        // The quarter ends Thursday 31 Dec 2026; Friday 1 Jan 2027 is Tahun Baru (hari libur nasional).
        var calendar = new WorkingDayCalendar([
            new Holiday { Date = new DateOnly(2027, 1, 1), Name = "Tahun Baru 2027 Masehi", Type = HolidayType.Libur },
            new Holiday { Date = new DateOnly(2026, 12, 25), Name = "Kelahiran Yesus Kristus", Type = HolidayType.Libur },
        ]);
        var p = ReportingPeriods.Compute(new DateOnly(2026, 10, 1), new DateOnly(2027, 9, 30), ReportPeriod.Quarterly, calendar, 10);
        Assert.Equal(new DateOnly(2026, 12, 31), p[0].End);
        Assert.Equal(new DateOnly(2027, 1, 15), p[0].DueOn);
        // without the holiday the tenth working day is a day earlier
        var plain = ReportingPeriods.Compute(new DateOnly(2026, 10, 1), new DateOnly(2027, 9, 30), ReportPeriod.Quarterly, WorkingDayCalendar.WeekendsOnly, 10);
        Assert.Equal(new DateOnly(2027, 1, 14), plain[0].DueOn);
        Assert.NotNull(plain[0].DueNote);
    }

    [Fact]
    public async Task The_region_setting_changes_the_due_date_of_a_new_report()
    {
        await _s.SetRegionSettingAsync(ReportingPeriods.DueKey, "5");
        await using var db = _db.NewDb();
        var r = await ProgressReports.CreateAsync(db, _opd, _agreement, 1, _clock);
        Assert.True(r.Ok, r.Error?.ToString());
        // Q1 2026 ends Tuesday 31 March; the due date is five working days later on Cimahi's calendar (Jumat Agung 3 April 2026 included)
        var calendar = await LifecycleContexts.CalendarAsync(db, await LifecycleContexts.SettingsAsync(db, Actors.Cimahi), Actors.Cimahi);
        Assert.Equal(calendar.AddWorkingDays(new DateOnly(2026, 3, 31), 5), r.Value!.DueOn);
        Assert.NotEqual(calendar.AddWorkingDays(new DateOnly(2026, 3, 31), 10), r.Value.DueOn);
    }

    private async Task<ProgressReportView> MustAsync(Task<Result<ProgressReportView>> t)
    {
        var r = await t;
        Assert.True(r.Ok, r.Error?.ToString());
        return r.Value!;
    }

    [Fact]
    public async Task A_report_moves_draft_submitted_returned_resubmitted_accepted_by_the_right_roles_only()
    {
        await using var db = _db.NewDb();
        // the officer does not write the OPD's report; another OPD does not even see the agreement's monitoring
        Assert.IsType<ForbiddenError>((await ProgressReports.CreateAsync(db, Actors.Officer, _agreement, 1, _clock)).Error);
        Assert.IsType<NotFoundError>((await ProgressReports.CreateAsync(db, _otherOpd, _agreement, 1, _clock)).Error);
        // period 2 (Q2 2026) started on 1 April; period 3 has not started
        Assert.IsType<ValidationError>((await ProgressReports.CreateAsync(db, _opd, _agreement, 3, _clock)).Error);
        var r = await MustAsync(ProgressReports.CreateAsync(db, _opd, _agreement, 1, _clock));
        Assert.Equal(ReportStatus.Draft, r.Status);
        Assert.IsType<ConflictError>((await ProgressReports.CreateAsync(db, _opd, _agreement, 1, _clock)).Error);
        // empty report cannot be submitted
        Assert.IsType<ValidationError>((await ProgressReports.ActAsync(db, _opd, _agreement, r.Id, ReportAction.Submit, null, _clock)).Error);
        await MustAsync(ProgressReports.SaveAsync(db, _opd, _agreement, r.Id, new ProgressReportInput
        {
            Activities = "Pengangkutan sampah dari 3 TPS ke TPPAS Sarimukti", BudgetRealisation = 125_000_000.50m,
            Indicators = [new IndicatorInput { Indicator = "Sampah terangkut", Unit = "ton", Target = 1500, Actual = 1250.5m }],
        }, _clock));
        Assert.IsType<ForbiddenError>((await ProgressReports.ActAsync(db, Actors.Officer, _agreement, r.Id, ReportAction.Submit, null, _clock)).Error);
        Assert.IsType<ConflictError>((await ProgressReports.ActAsync(db, Actors.Officer, _agreement, r.Id, ReportAction.Accept, null, _clock)).Error);
        var submitted = await MustAsync(ProgressReports.ActAsync(db, _opd, _agreement, r.Id, ReportAction.Submit, null, _clock));
        Assert.Equal(ReportStatus.Submitted, submitted.Status);
        // the OPD cannot review its own report, nor edit it while submitted; the leader only reads
        Assert.IsType<ForbiddenError>((await ProgressReports.ActAsync(db, _opd, _agreement, r.Id, ReportAction.Accept, null, _clock)).Error);
        Assert.IsType<ForbiddenError>((await ProgressReports.ActAsync(db, Actors.Leader, _agreement, r.Id, ReportAction.Accept, null, _clock)).Error);
        Assert.IsType<ConflictError>((await ProgressReports.SaveAsync(db, _opd, _agreement, r.Id, new ProgressReportInput { Activities = "x" }, _clock)).Error);
        // returning needs a note
        Assert.IsType<ValidationError>((await ProgressReports.ActAsync(db, Actors.Officer, _agreement, r.Id, ReportAction.Return, " ", _clock)).Error);
        var returned = await MustAsync(ProgressReports.ActAsync(db, Actors.Officer, _agreement, r.Id, ReportAction.Return, "Lampirkan bukti penimbangan.", _clock));
        Assert.Equal(ReportStatus.Returned, returned.Status);
        Assert.Equal("Lampirkan bukti penimbangan.", returned.ReviewNote);
        var again = await MustAsync(ProgressReports.ActAsync(db, _opd, _agreement, r.Id, ReportAction.Submit, null, _clock));
        Assert.Equal(ReportStatus.Resubmitted, again.Status);
        var accepted = await MustAsync(ProgressReports.ActAsync(db, Actors.Officer, _agreement, r.Id, ReportAction.Accept, null, _clock));
        Assert.Equal(ReportStatus.Accepted, accepted.Status);
        // a party region (Kabupaten Bandung) does not see Cimahi's own monitoring
        Assert.IsType<NotFoundError>((await ProgressReports.GetAsync(db, Actors.PartyOfficer, _agreement, r.Id, _clock)).Error);
        Assert.True((await ProgressReports.GetAsync(db, Actors.Leader, _agreement, r.Id, _clock)).Value!.Actions.Count == 0);
        await using var check = _db.NewDb();
        var stored = await check.ProgressReports.SingleAsync(x => x.Id == r.Id);
        Assert.Equal(1250.5m, stored.Indicators.Single().Actual);
        Assert.Equal(125_000_000.50m, stored.BudgetRealisation);
        Assert.Equal(new DateOnly(2026, 4, 15), stored.FirstSubmittedOn);
    }

    [Fact]
    public async Task Submitting_tells_the_officers_and_returning_or_accepting_tells_the_OPD()
    {
        var secondOfficer = new CurrentActor("officer2-cimahi", "petugas2.cimahi", "Petugas Kedua Cimahi", Role.CooperationOfficer, Actors.Cimahi);
        await using var db = _db.NewDb();
        foreach (var a in new[] { secondOfficer, _opd, _otherOpd })
            db.Users.Add(new ApplicationUser { Id = a.UserId, UserName = a.UserName, NormalizedUserName = a.UserName.ToUpperInvariant(), FullName = a.FullName,
                Role = a.Role, RegionCode = a.RegionCode, AgencyId = a.AgencyId });
        await db.SaveChangesAsync();
        var r = await MustAsync(ProgressReports.CreateAsync(db, _opd, _agreement, 1, _clock));
        await MustAsync(ProgressReports.SaveAsync(db, _opd, _agreement, r.Id, new ProgressReportInput { Activities = "Pengangkutan sampah" }, _clock));
        await MustAsync(ProgressReports.ActAsync(db, _opd, _agreement, r.Id, ReportAction.Submit, null, _clock));
        var told = await db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientUserId == secondOfficer.UserId);
        Assert.StartsWith("Laporan kemajuan Dinas Lingkungan Hidup Kota Cimahi periode 1", told.Title);
        Assert.Equal($"/app/kerja-sama/{_agreement}/laporan/{r.Id}", told.Link);
        await MustAsync(ProgressReports.ActAsync(db, Actors.Officer, _agreement, r.Id, ReportAction.Return, "Lampirkan foto.", _clock));
        var back = await db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientUserId == _opd.UserId);
        Assert.Contains("dikembalikan", back.Title);
        Assert.Contains("Lampirkan foto.", back.Body);
        Assert.False(await db.Notifications.AnyAsync(n => n.RecipientUserId == _otherOpd.UserId));   // another OPD hears nothing
    }

    [Fact]
    public async Task A_report_submitted_after_its_due_date_is_late_and_the_dashboard_flags_a_missing_one()
    {
        await using var db = _db.NewDb();
        // Today is 15 April 2026: Q1 (Jan–Mar) has ended, its report is not in → flagged
        var flags = await MissingProgressReports.HandleAsync(db, Actors.Officer, _clock);
        Assert.Contains(flags, f => f.AgreementId == _agreement && f.PeriodLabel.StartsWith("Triwulan 1"));
        Assert.Empty(await MissingProgressReports.HandleAsync(db, Actors.PartyOfficer, _clock));
        var r = await MustAsync(ProgressReports.CreateAsync(db, _opd, _agreement, 1, _clock));
        await MustAsync(ProgressReports.SaveAsync(db, _opd, _agreement, r.Id, new ProgressReportInput { Activities = "Sosialisasi pemilahan sampah" }, _clock));
        _clock.SetDay(r.DueOn.AddDays(1));
        var late = await MustAsync(ProgressReports.ActAsync(db, _opd, _agreement, r.Id, ReportAction.Submit, null, _clock));
        Assert.True(late.Late);
        Assert.DoesNotContain(await MissingProgressReports.HandleAsync(db, Actors.Officer, _clock), f => f.AgreementId == _agreement);
        var mine = await ProgressReports.MineAsync(db, _opd, _clock);
        Assert.Contains(mine.Value!, m => m.ReportId == r.Id && m.Late);
        Assert.Empty((await ProgressReports.MineAsync(db, _otherOpd, _clock)).Value!);
    }

    [Fact]
    public async Task The_PKS_pasal_hak_dan_kewajiban_prefills_one_obligation_per_item_and_stores_nothing()
    {
        var wording = ClauseLibrary.All.Single(w => w.Id == "hak-kewajiban-rinci");
        await using (var db = _db.NewDb())
        {
            var draft = new Draft { AgreementId = _agreement, RegionCode = Actors.Cimahi, Form = DocumentKind.PerjanjianKerjaSama, Layout = TemplateLayout.Naskah,
                TemplateCode = "pks", Title = "PKS Pengelolaan Sampah", CreatedBy = "petugas.cimahi", LatestVersion = 1, Status = DraftStatus.Final };
            db.Drafts.Add(draft);
            db.DraftVersions.Add(new DraftVersion { DraftId = draft.Id, Number = 1, AuthorUserId = "officer-cimahi", AuthorName = "Petugas Cimahi", Clauses =
            [
                new DraftClause { Type = ClauseType.Object, Heading = "Objek", Paragraphs = ["Pengelolaan sampah regional."] },
                new DraftClause { Type = ClauseType.RightsAndObligations, Heading = wording.Heading, Paragraphs = [.. wording.Paragraphs] },
            ] });
            await db.SaveChangesAsync();
        }
        await using var db2 = _db.NewDb();
        Assert.IsType<ForbiddenError>((await ObligationPrefills.HandleAsync(db2, Actors.Leader, _agreement)).Error);
        var prefill = (await ObligationPrefills.HandleAsync(db2, Actors.Officer, _agreement)).Value!;
        // 3 + 3 + 2 + 3 lettered items in the four ayat
        Assert.Equal(11, prefill.Items.Count);
        var kedua = prefill.Items.Where(i => i.Title.StartsWith("Kewajiban PIHAK KEDUA")).ToList();
        Assert.Equal(3, kedua.Count);
        Assert.Contains(kedua, i => i.Title == "Kewajiban PIHAK KEDUA: menyampaikan laporan triwulanan dan laporan akhir");
        Assert.All(kedua, i => Assert.Equal("Kabupaten Bandung", i.PartyName));
        Assert.All(prefill.Items.Where(i => i.Title.StartsWith("Kewajiban PIHAK KESATU")), i => Assert.True(i.Suggested));
        Assert.All(prefill.Items.Where(i => i.Title.StartsWith("Hak ")), i => Assert.False(i.Suggested));
        Assert.Equal(0, await db2.Obligations.CountAsync());
        // the officer confirms one (edited) item: stored with its source clause
        var item = kedua[2];
        var created = await ObligationUseCases.CreateAsync(db2, Actors.Officer, _agreement, new ObligationInput
        {
            Title = item.Title + " kepada PIHAK KESATU", PartyId = item.PartyId, Recurrence = Recurrence.Quarterly, StartsOn = new DateOnly(2026, 4, 10), SourceClauseKey = item.ClauseKey,
        }, _clock);
        Assert.True(created.Ok, created.Error?.ToString());
        Assert.Equal(new DateOnly(2026, 7, 10), created.Value!.NextDueOn);
        Assert.Equal(new DateOnly(2028, 12, 31), created.Value.EndsOn);
    }

    [Fact]
    public void Items_split_lettered_lists_and_numbered_ayat()
    {
        var items = ObligationPrefills.Items(["(1) PIHAK KESATU wajib menyediakan lahan.", "(2) Kewajiban PIHAK KEDUA: a. membangun; b. merawat."]);
        Assert.Equal(3, items.Count);
        Assert.Equal(("PIHAK KESATU wajib menyediakan lahan.", (int?)1, false), items[0]);
        Assert.Equal("Kewajiban PIHAK KEDUA: merawat", items[2].Text);
    }

    [Fact]
    public async Task Obligations_are_managed_by_the_owning_officer_with_checked_evidence()
    {
        await using var db = _db.NewDb();
        var a = await _s.LoadAsync(_agreement);
        var party = a.Parties.Single(p => p.Order == 1).Id;
        var input = new ObligationInput { Title = "Menyediakan lahan TPS terpadu", PartyId = party, DueOn = new DateOnly(2026, 6, 30) };
        Assert.IsType<ForbiddenError>((await ObligationUseCases.CreateAsync(db, _opd, _agreement, input, _clock)).Error);
        Assert.IsType<NotFoundError>((await ObligationUseCases.CreateAsync(db, Actors.PartyOfficer, _agreement, input, _clock)).Error);
        var bad = await ObligationUseCases.CreateAsync(db, Actors.Officer, _agreement, input with { PartyId = Guid.NewGuid(), DueOn = null }, _clock);
        var v = Assert.IsType<ValidationError>(bad.Error);
        Assert.Contains("partyId", v.Fields.Keys);
        Assert.Contains("dueOn", v.Fields.Keys);
        var o = (await ObligationUseCases.CreateAsync(db, Actors.Officer, _agreement, input, _clock)).Value!;
        Assert.Equal(ObligationStatus.Scheduled, o.Status);
        // "not met" needs a note
        Assert.IsType<ValidationError>((await ObligationUseCases.UpdateAsync(db, Actors.Officer, _agreement, o.Id, input with { Status = ObligationStatus.NotMet }, _clock)).Error);
        var met = await ObligationUseCases.UpdateAsync(db, Actors.Officer, _agreement, o.Id, input with { Status = ObligationStatus.PartlyMet, Note = "Baru 60% lahan", Version = o.Version }, _clock);
        Assert.Equal(ObligationStatus.PartlyMet, met.Value!.Status);
        // evidence: a renamed text file is refused by its content; a PDF is kept
        var refused = await ObligationUseCases.AddEvidenceAsync(db, _store, Actors.Officer, _agreement, o.Id, "bukan pdf"u8.ToArray(), "bukti.pdf", _clock);
        Assert.IsType<ValidationError>(refused.Error);
        var pdf = "%PDF-1.4\n%%EOF"u8.ToArray();
        var ok = await ObligationUseCases.AddEvidenceAsync(db, _store, Actors.Officer, _agreement, o.Id, pdf, "berita acara serah terima.pdf", _clock);
        Assert.Equal("application/pdf", ok.Value!.ContentType);
        var down = await Evidence.DownloadAsync(db, _store, Actors.Leader, _agreement, ok.Value.Id);
        Assert.True(down.Ok);
        Assert.IsType<NotFoundError>((await Evidence.DownloadAsync(db, _store, _otherOpd, _agreement, ok.Value.Id)).Error);
    }

    [Fact]
    public async Task Nothing_is_recorded_before_the_agreement_is_carried_out()
    {
        var other = await _s.RegisterAsync(Scenario.Ksdd("Kerja sama belum ditandatangani"));
        var a = await _s.LoadAsync(other);
        await using var db = _db.NewDb();
        var r = await ObligationUseCases.CreateAsync(db, Actors.Officer, other, new ObligationInput { Title = "x", PartyId = a.Parties[0].Id, DueOn = new DateOnly(2026, 6, 1) }, _clock);
        Assert.IsType<ConflictError>(r.Error);
    }
}
