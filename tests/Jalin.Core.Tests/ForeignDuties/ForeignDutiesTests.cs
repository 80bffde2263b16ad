using DocumentFormat.OpenXml.Packaging;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Files;
using Jalin.Core.ForeignDuties;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Partners;
using Jalin.Core.Reminders;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.ForeignDuties;

/// <summary>Issue #11 item 6: the own duties of a KSDPL/KSDLL in implementation: the yearly activity plan (Permendagri
/// 25/2020 Pasal 26; its date is pengaturan daerah), the extension request at least 6 months before the end (Pasal 33),
/// and the supervision at least twice a year by the Menteri (a province's) or the Gubernur (a kab/kota's) (Pasal 39
/// ayat (2) and (5)). Real SQLite, real migrations.</summary>
public sealed class ForeignDutiesTests : IAsyncLifetime
{
    private static readonly CurrentActor Jabar = new("pembina-jabar", "pembina.jabar", "Biro Pemerintahan Jabar", Role.SupervisorProvince, "32");
    private static readonly CurrentActor Kemendagri = new("pembina-kemendagri", "pembina.kemendagri", "Ditjen Bina Adwil", Role.SupervisorNational, null);
    private static readonly CurrentActor Jatim = new("pembina-jatim", "pembina.jatim", "Biro Pemerintahan Jatim", Role.SupervisorProvince, "35");

    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 3, 2));
    private TestDb _db = null!;
    private Scenario _s = null!;
    private string _files = null!;
    private FileStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
        _files = Path.Combine(Path.GetTempPath(), "jalin-foreign-" + Guid.NewGuid().ToString("N"));
        _store = new FileStore(new FileStoreOptions { Root = _files, MaxBytes = 1024 * 1024 });
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_files, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task<Guid> ForeignAsync(string title, CurrentActor officer, DateOnly starts, DateOnly ends)
    {
        var partner = await _s.AddPartnerAsync(PartnerKind.ForeignLocalGovernment, "Kota Hamamatsu " + title, officer.RegionCode!);
        var id = await _s.RegisterAsync(new AgreementInput
        {
            Kind = CooperationKind.Ksdpl, Title = title, StartsOn = starts, EndsOn = ends, Parties = [new PartyInput { PartnerId = partner.Id }],
        }, officer);
        await using var db = _db.NewDb();
        (await db.Agreements.SingleAsync(x => x.Id == id)).RestoreStage(Stage.Implementation, null); // as if signed through the foreign route
        await db.SaveChangesAsync();
        return id;
    }

    private static PlanInput OnePlan(string amount = "250.000.000") => new(
    [
        new PlanRowInput("Pertukaran pelajar", "Dinas Pendidikan", "Cimahi: seleksi; Hamamatsu: akomodasi", "10 siswa", "Cimahi dan Hamamatsu", "Siswa SMK",
            [new FundingInput("Pemerintah Kota Cimahi", "APBD", amount), new FundingInput("Kota Hamamatsu", "Anggaran kota", "100.000.000")]),
    ]);

    [Fact]
    public void Plan_due_is_the_region_January_day_and_30_days_after_the_start_in_the_first_year_Permendagri25_Ps26()
    {
        var start = new DateOnly(2025, 8, 15);
        Assert.Equal(new DateOnly(2025, 9, 14), ForeignDutyRules.PlanDueOn(start, 2025, 31));   // first year: start + 30 days
        Assert.Equal(new DateOnly(2026, 1, 31), ForeignDutyRules.PlanDueOn(start, 2026, 31));   // default 31 Januari
        Assert.Equal(new DateOnly(2026, 1, 15), ForeignDutyRules.PlanDueOn(start, 2026, 15));   // region setting
        Assert.Equal([2025, 2026], ForeignDutyRules.PlanYears(start, new DateOnly(2030, 8, 14), new DateOnly(2026, 3, 1)));
        Assert.Equal([2025, 2026, 2027], ForeignDutyRules.PlanYears(start, new DateOnly(2027, 6, 30), new DateOnly(2029, 1, 1))); // not after the end year
        // Boundary: due day itself is not missed, the next day is.
        Assert.Equal(DutyState.Upcoming, ForeignDutyRules.PlanState(new DateOnly(2026, 1, 31), null, new DateOnly(2026, 1, 31)));
        Assert.Equal(DutyState.Missed, ForeignDutyRules.PlanState(new DateOnly(2026, 1, 31), PlanStatus.Draft, new DateOnly(2026, 2, 1)));
        Assert.Equal(DutyState.Done, ForeignDutyRules.PlanState(new DateOnly(2026, 1, 31), PlanStatus.Final, new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void Extension_deadline_is_six_months_before_the_end_from_the_reminder_rule_Permendagri25_Ps33()
    {
        var end = new DateOnly(2027, 8, 31);
        Assert.Equal(ReminderRules.ForeignExtensionDeadline(end), ForeignDutyRules.ExtensionDeadline(end));
        Assert.Equal(new DateOnly(2027, 2, 28), ForeignDutyRules.ExtensionDeadline(end));
        Assert.Equal(DutyState.Upcoming, ForeignDutyRules.ExtensionState(new DateOnly(2027, 2, 28), false, new DateOnly(2027, 2, 28)));
        Assert.Equal(DutyState.Missed, ForeignDutyRules.ExtensionState(new DateOnly(2027, 2, 28), false, new DateOnly(2027, 3, 1)));
        Assert.Equal(DutyState.Done, ForeignDutyRules.ExtensionState(new DateOnly(2027, 2, 28), true, new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void Supervision_at_least_twice_a_year_and_a_reminder_when_none_by_30_June_Permendagri25_Ps39_ayat5()
    {
        Assert.Null(ForeignDutyRules.SupervisionFlag(2026, 0, new DateOnly(2026, 6, 30)));
        Assert.Contains("praktik", ForeignDutyRules.SupervisionFlag(2026, 0, new DateOnly(2026, 7, 1)));
        Assert.Null(ForeignDutyRules.SupervisionFlag(2026, 1, new DateOnly(2026, 12, 31)));
        Assert.Contains("Pasal 39 ayat (5)", ForeignDutyRules.SupervisionFlag(2026, 1, new DateOnly(2027, 1, 1)));
        Assert.Null(ForeignDutyRules.SupervisionFlag(2026, 2, new DateOnly(2027, 1, 1)));
        // Who supervises whom (Pasal 39 ayat (2)).
        Assert.True(ForeignDutyRules.Supervises(Jabar, "32.77", CooperationKind.Ksdpl));
        Assert.False(ForeignDutyRules.Supervises(Jabar, "32", CooperationKind.Ksdpl));      // a province's: the Menteri's
        Assert.False(ForeignDutyRules.Supervises(Jatim, "32.77", CooperationKind.Ksdpl));   // another province's kab/kota
        Assert.True(ForeignDutyRules.Supervises(Kemendagri, "32", CooperationKind.Ksdll));
        Assert.False(ForeignDutyRules.Supervises(Kemendagri, "32.77", CooperationKind.Ksdpl));
        Assert.False(ForeignDutyRules.Supervises(Jabar, "32.77", CooperationKind.KsddSukarela)); // only foreign cooperation
    }

    [Fact]
    public async Task Officer_saves_the_yearly_plan_finalizes_it_into_a_docx_and_the_missed_flag_clears()
    {
        var id = await ForeignAsync("Kota kembar Cimahi–Hamamatsu", Actors.Officer, new DateOnly(2025, 10, 1), new DateOnly(2029, 9, 30));
        await using var db = _db.NewDb();
        // 2 March 2026: the 2025 plan (due 31 Oct 2025) and the 2026 plan (due 31 Jan 2026) are missed.
        var flags = await ForeignDutyUseCases.FlagsAsync(db, Actors.Officer, _clock);
        Assert.Equal(2, flags.Count(f => f.AgreementId == id && f.Text.Contains("rencana kegiatan")));
        Assert.Empty(await ForeignDutyUseCases.FlagsAsync(db, Actors.Stranger, _clock));   // Garut never sees Cimahi's

        // Bad input: nothing stored, Indonesian messages.
        var bad = Assert.IsType<ValidationError>((await ForeignDutyUseCases.SavePlanAsync(db, Actors.Officer, id, 2026, OnePlan("dua ratus juta"), _clock)).Error);
        Assert.Contains("rows[0].funding[0].amount", bad.Fields.Keys);
        Assert.IsType<ValidationError>((await ForeignDutyUseCases.SavePlanAsync(db, Actors.Officer, id, 2026, new PlanInput([]), _clock)).Error);
        Assert.IsType<ValidationError>((await ForeignDutyUseCases.SavePlanAsync(db, Actors.Officer, id, 2031, OnePlan(), _clock)).Error);
        Assert.Equal(0, await db.AnnualActivityPlans.CountAsync());
        // Only the owner's officer writes; Garut gets not found, the leader forbidden.
        Assert.IsType<NotFoundError>((await ForeignDutyUseCases.SavePlanAsync(db, Actors.Stranger, id, 2026, OnePlan(), _clock)).Error);
        Assert.IsType<ForbiddenError>((await ForeignDutyUseCases.SavePlanAsync(db, Actors.Leader, id, 2026, OnePlan(), _clock)).Error);
        Assert.IsType<NotFoundError>((await ForeignDutyUseCases.CardAsync(db, Actors.Stranger, id, _clock)).Error);

        var saved = await ForeignDutyUseCases.SavePlanAsync(db, Actors.Officer, id, 2026, OnePlan(), _clock);
        Assert.True(saved.Ok, saved.Error?.ToString());
        Assert.Equal(350_000_000m, saved.Value!.Total);
        Assert.Equal(PlanStatus.Draft, saved.Value.Status);
        var final = await ForeignDutyUseCases.FinalizePlanAsync(db, _store, Actors.Officer, id, 2026, _clock);
        Assert.True(final.Ok, final.Error?.ToString());
        Assert.Equal(DutyState.Done, final.Value!.State);
        Assert.IsType<ConflictError>((await ForeignDutyUseCases.SavePlanAsync(db, Actors.Officer, id, 2026, OnePlan(), _clock)).Error); // final is final

        var doc = await ForeignDutyUseCases.PlanDocumentAsync(db, _store, Actors.Leader, id, 2026);
        Assert.True(doc.Ok);
        using var ms = new MemoryStream();
        await doc.Value!.Content.CopyToAsync(ms);
        using (var word = WordprocessingDocument.Open(new MemoryStream(ms.ToArray()), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("RENCANA KEGIATAN TAHUNAN", text);
            Assert.Contains("Pertukaran pelajar", text);
            Assert.Contains("Rp 250.000.000", text);
            Assert.Contains("Rp 350.000.000", text);
            Assert.Contains("Permendagri 25/2020 Pasal 26", text);
        }
        flags = await ForeignDutyUseCases.FlagsAsync(db, Actors.Officer, _clock);
        Assert.Single(flags, f => f.AgreementId == id && f.Text.Contains("rencana kegiatan"));   // 2025 still missed

        // A signed scan for 2025 is content-checked: a text file pretending to be a PDF is refused.
        Assert.IsType<ValidationError>((await ForeignDutyUseCases.UploadPlanScanAsync(db, _store, Actors.Officer, id, 2025, "bukan pdf"u8.ToArray(), "scan.pdf", _clock)).Error);
        var pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();
        var scan = await ForeignDutyUseCases.UploadPlanScanAsync(db, _store, Actors.Officer, id, 2025, pdf, "rencana 2025.pdf", _clock);
        Assert.True(scan.Ok, scan.Error?.ToString());
        Assert.Equal(PlanDocumentSource.SignedScan, scan.Value!.Source);
        Assert.DoesNotContain(await ForeignDutyUseCases.FlagsAsync(db, Actors.Officer, _clock), f => f.AgreementId == id);

        // The region's January day (pengaturan daerah).
        Assert.IsType<ValidationError>((await ForeignDutyUseCases.SetPlanDayAsync(db, Actors.Officer, 32)).Error);
        Assert.Equal(15, (await ForeignDutyUseCases.SetPlanDayAsync(db, Actors.Officer, 15)).Value);
        var card = (await ForeignDutyUseCases.CardAsync(db, Actors.Leader, id, _clock)).Value!;
        Assert.Equal(new DateOnly(2026, 1, 15), card.Plans.Single(p => p.Year == 2026).DueOn);
        Assert.Equal(new DateOnly(2025, 10, 31), card.Plans.Single(p => p.Year == 2025).DueOn);
        Assert.False(card.CanEdit);
        Assert.Contains("minggu pertama Januari 2027", card.ReportText);
    }

    [Fact]
    public async Task Extension_request_or_decision_not_to_extend_clears_the_missed_deadline_Permendagri25_Ps33()
    {
        var id = await ForeignAsync("Kota kembar Cimahi–Kawasaki", Actors.Officer, new DateOnly(2022, 1, 1), new DateOnly(2026, 8, 31));
        await using var db = _db.NewDb();
        var card = (await ForeignDutyUseCases.CardAsync(db, Actors.Officer, id, _clock)).Value!;
        Assert.Equal(new DateOnly(2026, 2, 28), card.Extension!.Deadline);
        Assert.Equal(DutyState.Missed, card.Extension.State);
        Assert.Equal("Gubernur Jawa Barat; DPRD Kota Cimahi", card.Extension.SuggestedCopies);
        Assert.Contains(await ForeignDutyUseCases.FlagsAsync(db, Actors.Officer, _clock), f => f.AgreementId == id && f.Text.Contains("Pasal 33"));

        var bad = Assert.IsType<ValidationError>((await ForeignDutyUseCases.RecordExtensionAsync(db, Actors.Officer, id,
            new ExtensionInput(true, null, new DateOnly(2026, 4, 1), null, null, null), _clock)).Error);
        Assert.Contains("letterNumber", bad.Fields.Keys);
        Assert.Contains("letterDate", bad.Fields.Keys);   // after today
        Assert.Contains("addressedTo", bad.Fields.Keys);
        Assert.IsType<ValidationError>((await ForeignDutyUseCases.RecordExtensionAsync(db, Actors.Officer, id, new ExtensionInput(false, null, null, null, null, " "), _clock)).Error);
        Assert.Equal(0, await db.ExtensionDecisions.CountAsync());

        var no = await ForeignDutyUseCases.RecordExtensionAsync(db, Actors.Officer, id, new ExtensionInput(false, null, null, null, null, "Tujuan kerja sama telah tercapai."), _clock);
        Assert.True(no.Ok, no.Error?.ToString());
        Assert.Equal(DutyState.Done, no.Value!.State);
        Assert.DoesNotContain(await ForeignDutyUseCases.FlagsAsync(db, Actors.Officer, _clock), f => f.AgreementId == id && f.Text.Contains("Pasal 33"));
        var yes = await ForeignDutyUseCases.RecordExtensionAsync(db, Actors.Officer, id, new ExtensionInput(true, "000.7/123/Pem", new DateOnly(2026, 2, 20),
            "Menteri Dalam Negeri melalui Sekretaris Jenderal", "Gubernur Jawa Barat; DPRD Kota Cimahi", null), _clock);
        Assert.True(yes.Ok);
        Assert.Equal("000.7/123/Pem", yes.Value!.LetterNumber);
        Assert.Equal(1, await db.ExtensionDecisions.CountAsync());
    }

    [Fact]
    public async Task Governor_supervises_a_kab_kota_and_the_Minister_a_province_twice_a_year_Permendagri25_Ps39()
    {
        var cimahi = await ForeignAsync("Kota kembar Cimahi–Hamamatsu", Actors.Officer, new DateOnly(2025, 1, 1), new DateOnly(2029, 12, 31));
        var jabar = await ForeignAsync("Kerja sama Jawa Barat–Queensland", Actors.ProvinceOfficer, new DateOnly(2025, 1, 1), new DateOnly(2029, 12, 31));
        await using var db = _db.NewDb();
        var o = Actors.Officer;
        db.Users.Add(new ApplicationUser { Id = o.UserId, UserName = o.UserName, NormalizedUserName = o.UserName.ToUpperInvariant(), FullName = o.FullName, Role = o.Role, RegionCode = o.RegionCode });
        await db.ActingAs(CurrentActor.System).SaveChangesAsync();
        var list = (await ForeignSupervisions.OverviewAsync(db, Jabar, null, _clock)).Value!;
        Assert.Equal([cimahi], list.Agreements.Select(a => a.AgreementId));            // not the province's own
        Assert.Equal([jabar], (await ForeignSupervisions.OverviewAsync(db, Kemendagri, null, _clock)).Value!.Agreements.Select(a => a.AgreementId));
        Assert.IsType<ForbiddenError>((await ForeignSupervisions.OverviewAsync(db, Actors.Officer, null, _clock)).Error);

        var input = new ScheduleSupervisionInput(jabar, new DateOnly(2026, 3, 10), SupervisionMethod.Monitoring, SupervisionMode.Kunjungan);
        Assert.IsType<ForbiddenError>((await ForeignSupervisions.ScheduleAsync(db, Jabar, input, _clock)).Error);   // a province's: the Menteri's
        Assert.IsType<NotFoundError>((await ForeignSupervisions.ScheduleAsync(db, Jatim, input with { AgreementId = cimahi }, _clock)).Error);
        Assert.IsType<ValidationError>((await ForeignSupervisions.ScheduleAsync(db, Jabar, input with { AgreementId = cimahi, Method = null }, _clock)).Error);
        Assert.Equal(0, await db.ForeignSupervisions.CountAsync());
        Assert.True((await ForeignSupervisions.ScheduleAsync(db, Kemendagri, input, _clock)).Ok);

        var s = (await ForeignSupervisions.ScheduleAsync(db, Jabar, input with { AgreementId = cimahi, PlannedOn = new DateOnly(2026, 2, 20) }, _clock)).Value!;
        Assert.IsType<ValidationError>((await ForeignSupervisions.RecordAsync(db, Jabar, s.Id, new SupervisionResultInput(new DateOnly(2026, 3, 5), "Temuan", null, null), _clock)).Error); // future
        Assert.IsType<ForbiddenError>((await ForeignSupervisions.RecordAsync(db, Kemendagri, s.Id, new SupervisionResultInput(new DateOnly(2026, 2, 20), "Temuan", null, null), _clock)).Error);
        var done = await ForeignSupervisions.RecordAsync(db, Jabar, s.Id, new SupervisionResultInput(new DateOnly(2026, 2, 20), "Kegiatan pertukaran berjalan.", "Lanjutkan.", "Kirim daftar peserta."), _clock);
        Assert.True(done.Ok, done.Error?.ToString());
        // The officer was told of the schedule.
        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientUserId == Actors.Officer.UserId && n.DedupeKey == $"pengawasan-ln:{s.Id}:jadwal"));

        // The region reads its supervisions and answers; Garut sees nothing.
        var card = (await ForeignDutyUseCases.CardAsync(db, Actors.Officer, cimahi, _clock)).Value!;
        Assert.Equal(1, card.SupervisionsThisYear);
        Assert.True(card.CanAnswer);
        Assert.False(card.CanSupervise);
        Assert.True((await ForeignDutyUseCases.CardAsync(db, Jabar, cimahi, _clock)).Value!.CanSupervise);
        Assert.IsType<ForbiddenError>((await ForeignSupervisions.AnswerAsync(db, Actors.Leader, s.Id, new SupervisionAnswerInput("x"), _clock)).Error);
        Assert.IsType<NotFoundError>((await ForeignSupervisions.AnswerAsync(db, Actors.Stranger, s.Id, new SupervisionAnswerInput("x"), _clock)).Error);
        Assert.IsType<ValidationError>((await ForeignSupervisions.AnswerAsync(db, Actors.Officer, s.Id, new SupervisionAnswerInput(" "), _clock)).Error);
        Assert.True((await ForeignSupervisions.AnswerAsync(db, Actors.Officer, s.Id, new SupervisionAnswerInput("Daftar peserta terlampir."), _clock)).Ok);

        // Once in 2026: flagged on 1 January 2027 (fewer than two), not before.
        _clock.SetDay(new DateOnly(2026, 12, 31));
        Assert.Null((await ForeignSupervisions.OverviewAsync(db, Jabar, 2026, _clock)).Value!.Agreements.Single().Flag);
        _clock.SetDay(new DateOnly(2027, 1, 1));
        Assert.Contains("Pasal 39 ayat (5)", (await ForeignSupervisions.OverviewAsync(db, Jabar, 2026, _clock)).Value!.Agreements.Single().Flag);
    }
}
