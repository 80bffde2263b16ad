using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Lifecycle;
using Jalin.Core.Partners;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Law;

/// <summary>Each correction of issue #7 through the real use cases on a migrated SQLite database;
/// each test names the pasal it enforces.</summary>
public sealed class LawCorrectionsTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 3, 16);
    private readonly TestClock _clock = TestClock.At(Day);
    private TestDb _db = null!;
    private Scenario _s = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<int> HistoryCountAsync(Guid id)
    {
        await using var db = _db.NewDb();
        return await db.StageChanges.CountAsync(h => h.AgreementId == id);
    }

    // ---- termination (PP 28/2018 Ps 9, Ps 22; Permendagri 25/2020 Ps 34) ----

    [Fact]
    public async Task TermExpired_is_refused_before_the_end_date_and_accepted_after_it_PP28_Ps9_1_a()
    {
        var id = await _s.KsddInImplementationAsync(); // ends 31/12/2028
        await _s.AddDocAsync(id, DocumentKind.TerminationLetter);
        var history = await HistoryCountAsync(id);
        var early = Assert.IsType<ValidationError>((await _s.ApplyAsync(id, ActionCode.Terminate, request: new ActionRequest { ReasonCode = EndReason.TermExpired })).Error);
        Assert.Contains("31/12/2028", Assert.Single(early.Fields["reasonCode"]));
        _clock.SetDay(new DateOnly(2028, 12, 31)); // the last day: still in force
        Assert.False((await _s.ApplyAsync(id, ActionCode.Terminate, request: new ActionRequest { ReasonCode = EndReason.TermExpired })).Ok);
        Assert.Equal(history, await HistoryCountAsync(id));

        _clock.SetDay(new DateOnly(2029, 1, 2));
        var ended = await _s.MustApplyAsync(id, ActionCode.Terminate, request: new ActionRequest { ReasonCode = EndReason.TermExpired });
        Assert.Equal((Stage.Ended, EndReason.TermExpired), (ended.To, ended.EndReason));
    }

    [Fact]
    public async Task A_reason_of_another_kind_is_refused_with_the_laws_list_PP28_Ps9_Permendagri25_Ps34()
    {
        var id = await _s.KsddInImplementationAsync();
        await _s.AddDocAsync(id, DocumentKind.TerminationLetter);
        // KSDPK-only (Ps 22(2)) and foreign-only (Permendagri 25/2020 Ps 34) reasons are not KSDD reasons
        foreach (var reason in new[] { EndReason.PartnerBankrupt, EndReason.CourtDecision, EndReason.ReplacedByNewAgreement })
        {
            var refused = Assert.IsType<ValidationError>((await _s.ApplyAsync(id, ActionCode.Terminate, request: new ActionRequest { ReasonCode = reason })).Error);
            var message = Assert.Single(refused.Fields["reasonCode"]);
            Assert.Contains("PP 28/2018 Pasal 9 ayat (1)", message);
            Assert.Contains(EndReason.ObjectLost.Label(), message);
        }
        // once signed, an agreement cannot end as "declined" or "rejected in assessment": those are ends before any agreement
        Assert.IsType<ValidationError>((await _s.ApplyAsync(id, ActionCode.Terminate, request: new ActionRequest { ReasonCode = EndReason.DeclinedByPartner })).Error);
        var ended = await _s.MustApplyAsync(id, ActionCode.Terminate, request: new ActionRequest { ReasonCode = EndReason.PolicyChange, Note = "Urusan beralih kewenangan" });
        Assert.Equal(EndReason.PolicyChange, ended.EndReason);
    }

    [Fact]
    public async Task Before_anything_is_signed_the_never_agreed_ends_are_allowed()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        await _s.AddDocAsync(id, DocumentKind.TerminationLetter);
        var ended = await _s.MustApplyAsync(id, ActionCode.Terminate, request: new ActionRequest { ReasonCode = EndReason.RejectedInAssessment });
        Assert.Equal(EndReason.RejectedInAssessment, ended.EndReason);
    }

    // ---- who signs (PP 28/2018 Ps 2, Ps 13) ----

    private async Task<Guid> KsddAtSigningKbAsync(string ownerOffice)
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd() with { BudgetedInApbd = true, SignatoryOffice = ownerOffice, SignatoryName = "Pejabat Cimahi" });
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        await _s.AddDocAsync(id, DocumentKind.Assessment);
        await _s.MustApplyAsync(id, ActionCode.CompletePreparation);
        await _s.AddDocAsync(id, DocumentKind.OfferLetter);
        await _s.AddDocAsync(id, DocumentKind.OfferAnswer);
        await _s.MustApplyAsync(id, ActionCode.AcceptOffer);
        await _s.AddDocAsync(id, DocumentKind.KesepakatanBersama, signed: true);
        await _s.MustApplyAsync(id, ActionCode.FinalizeKb);
        return id;
    }

    private async Task SetOwnerSignatoryAsync(Guid id, string office)
    {
        var a = await _s.LoadAsync(id);
        await using var db = _db.NewDb();
        var result = await UpdateAgreement.HandleAsync(db, Actors.Officer, id, a.Version,
            Scenario.Ksdd() with { BudgetedInApbd = true, SignatoryOffice = office, SignatoryName = "Pejabat Cimahi" }, _clock);
        Assert.True(result.Ok, result.Error?.ToString());
    }

    [Fact]
    public async Task A_kuasa_is_refused_on_the_KB_and_accepted_on_the_PKS_PP28_Ps2_2_and_a_Pj_signs_as_head()
    {
        var id = await KsddAtSigningKbAsync("Sekretaris Daerah Kota Cimahi");
        await _s.AddDocAsync(id, DocumentKind.PowerOfAttorney, signed: true);
        // the KB is signed by the heads of region themselves: a surat kuasa does not help (Ps 2(2) is for the PKS)
        var refused = Assert.IsType<LifecycleRefused>((await _s.ApplyAsync(id, ActionCode.RecordKbSigning)).Error);
        Assert.Contains(refused.Reasons, r => r.Prerequisite == "kb-signatories");
        // a Plh. is not the head either
        await SetOwnerSignatoryAsync(id, "Plh. Wali Kota Cimahi");
        Assert.False((await _s.ApplyAsync(id, ActionCode.RecordKbSigning)).Ok);

        // a Penjabat counts as the head, with a note on the record that his powers are limited
        await SetOwnerSignatoryAsync(id, "Pj. Wali Kota Cimahi");
        var signed = await _s.MustApplyAsync(id, ActionCode.RecordKbSigning);
        Assert.Equal(Stage.DraftingPks, signed.To);
        var row = (await _s.LoadAsync(id)).History.Single(h => h.Id == signed.HistoryId);
        Assert.Contains("Pj. Wali Kota Cimahi bertindak sebagai kepala daerah", row.Note);
        Assert.Contains("dibatasi peraturan perundang-undangan", row.Note);

        // the PKS may be signed by an official of a perangkat daerah under a surat kuasa
        await SetOwnerSignatoryAsync(id, "Kepala Dinas Lingkungan Hidup Kota Cimahi");
        var kb = (await _s.LoadAsync(id)).Documents.First(d => d.Kind == DocumentKind.KesepakatanBersama);
        await _s.AddDocAsync(id, DocumentKind.PerjanjianKerjaSama, signed: true, parent: kb.Id);
        await _s.MustApplyAsync(id, ActionCode.FinalizePks);
        await using (var db = _db.NewDb())
        {
            await db.AgreementDocuments.Where(d => d.AgreementId == id && d.Kind == DocumentKind.PowerOfAttorney).ExecuteDeleteAsync();
        }
        var noKuasa = Assert.IsType<LifecycleRefused>((await _s.ApplyAsync(id, ActionCode.RecordPksSigning)).Error);
        Assert.Contains(noKuasa.Reasons, r => r.Prerequisite == "power-of-attorney");
        await _s.AddDocAsync(id, DocumentKind.PowerOfAttorney, signed: true);
        Assert.Equal(Stage.Implementation, (await _s.MustApplyAsync(id, ActionCode.RecordPksSigning)).To);
    }

    [Fact]
    public async Task A_Plt_counts_as_the_head_of_region_UU23_Ps65_66()
    {
        var id = await KsddAtSigningKbAsync("Plt. Wali Kota Cimahi");
        Assert.Equal(Stage.DraftingPks, (await _s.MustApplyAsync(id, ActionCode.RecordKbSigning)).To);
    }

    // ---- KSDPK kinds (PP 28/2018 Ps 15) ----

    [Fact]
    public async Task A_KSDPK_of_kind_aset_is_recorded_without_the_PP28_stages_Ps15_3()
    {
        var company = await _s.AddPartnerAsync(PartnerKind.PrivateCompany, "PT Graha Niaga Cimahi");
        var input = new AgreementInput
        {
            Kind = CooperationKind.Ksdpk, KsdpkKind = KsdpkKind.Asset, Title = "Kerja sama pemanfaatan gedung eks-pasar Atas", Initiative = Initiative.ThirdParty,
            BudgetedInApbd = true, StartsOn = new DateOnly(2026, 4, 1), EndsOn = new DateOnly(2031, 3, 31),
            SignatoryOffice = "Wali Kota Cimahi", Parties = [new PartyInput { PartnerId = company.Id, DocumentNumber = "01/GNC/2026" }],
        };
        await using (var db = _db.NewDb())
        {
            var refused = Assert.IsType<ValidationError>((await RegisterAgreement.HandleAsync(db, Actors.Officer, input, _clock)).Error);
            Assert.Contains("barang milik daerah", Assert.Single(refused.Fields["ownRegimeBasis"]));
        }
        var id = await _s.RegisterAsync(input with { OwnRegimeBasis = "PP 27/2014 jo. PP 28/2020; Kerja Sama Pemanfaatan barang milik daerah" });
        Assert.Equal(Stage.Recording, (await _s.LoadAsync(id)).Stage);
        await using (var db = _db.NewDb())
        {
            var options = (await AvailableActions.HandleAsync(db, Actors.Officer, id, _clock)).Value!;
            Assert.DoesNotContain(options, o => ActionCode.CompletePreparation.Is(o.Action));
            var record = options.Single(o => ActionCode.RecordOwnRegimeAgreement.Is(o.Action));
            Assert.False(record.Allowed); // the signed contract is not attached yet
        }
        await _s.AddDocAsync(id, DocumentKind.PerjanjianKerjaSama, signed: true);
        var applied = await _s.MustApplyAsync(id, ActionCode.RecordOwnRegimeAgreement);
        Assert.Equal((Stage.Recording, Stage.Implementation, (DateOnly?)new DateOnly(2031, 3, 31)), (applied.From, applied.To, applied.DueOn));
        Assert.Equal(Day, (await _s.LoadAsync(id)).SignedOn);
    }

    // ---- dates move only through the law's actions (Permendagri 25/2020 Ps 32–33) ----

    [Fact]
    public async Task A_foreign_extension_request_records_its_new_end_date_Permendagri25_Ps33()
    {
        var partner = await _s.AddPartnerAsync(PartnerKind.ForeignLocalGovernment, "Kota Hamamatsu");
        var id = await _s.RegisterAsync(new AgreementInput
        {
            Kind = CooperationKind.Ksdpl, Title = "Kota kembar Cimahi–Hamamatsu", StartsOn = new DateOnly(2025, 1, 1), EndsOn = new DateOnly(2029, 12, 31),
            Parties = [new PartyInput { PartnerId = partner.Id }],
        });
        await using (var db = _db.NewDb())
        {
            var a = await db.Agreements.SingleAsync(x => x.Id == id);
            a.RestoreStage(Stage.Implementation, null); // as if signed through the foreign route
            await db.SaveChangesAsync();
        }
        await _s.AddDocAsync(id, DocumentKind.AnnualActivityPlan);
        var tooLong = Assert.IsType<ValidationError>((await _s.ApplyAsync(id, ActionCode.RequestExtension,
            request: new ActionRequest { NewEndDate = new DateOnly(2035, 1, 1) })).Error);
        Assert.Contains("Permendagri 25/2020 Pasal 32", Assert.Single(tooLong.Fields["newEndDate"]));
        var applied = await _s.MustApplyAsync(id, ActionCode.RequestExtension, request: new ActionRequest { NewEndDate = new DateOnly(2034, 12, 31) });
        var after = await _s.LoadAsync(id);
        Assert.Equal((new DateOnly(2034, 12, 31), (DateOnly?)new DateOnly(2034, 12, 31), "expire"), (after.EndsOn!.Value, after.DueOn, after.DueAction));
        Assert.Equal(Stage.Implementation, applied.To);
    }

    // ---- region settings ----

    [Fact]
    public async Task The_offer_answer_deadline_setting_sets_a_due_date_in_working_days()
    {
        var plain = await _s.RegisterAsync(Scenario.Ksdd());
        await _s.AddDocAsync(plain, DocumentKind.TermsOfReference);
        await _s.AddDocAsync(plain, DocumentKind.Assessment);
        Assert.Null((await _s.MustApplyAsync(plain, ActionCode.CompletePreparation)).DueOn); // no deadline by default

        await _s.SetRegionSettingAsync("lifecycle.offerAnswerWorkingDays", "10");
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        await _s.AddDocAsync(id, DocumentKind.Assessment);
        var offered = await _s.MustApplyAsync(id, ActionCode.CompletePreparation);
        // from Mon 16 March 2026: 17 (1), 18–24 off (Nyepi, Idul Fitri, cuti bersama), 25, 26, 27, 30, 31 March (6), 1, 2 April (8), 3 off (Good Friday), 6, 7 April (10)
        Assert.Equal(new DateOnly(2026, 4, 7), offered.DueOn);
        Assert.Contains("Batas jawaban penawaran", offered.DueLabel);
        Assert.Contains("pengaturan daerah", offered.DueLabel);
    }

    // ---- holidays (UU 23/2014 Ps 1 angka 50: hari kerja) ----

    [Fact]
    public async Task A_working_day_count_into_a_year_without_holiday_data_says_so()
    {
        _clock.SetDay(new DateOnly(2027, 12, 1)); // the seed has 2024–2027
        var id = await _s.KsddAtDprdApprovalAsync();
        await _s.AddDocAsync(id, DocumentKind.DprdRequest);
        var requested = await _s.MustApplyAsync(id, ActionCode.RequestDprdApproval);
        Assert.Equal(2028, requested.DueOn!.Value.Year);
        Assert.Contains("Kalender hari libur tahun 2028 belum tersedia", requested.DueLabel);
        Assert.Contains("pengaturan daerah", requested.DueLabel); // the KSDD DPRD clock is the region's setting
    }
}
