using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Lifecycle;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Lifecycle;

/// <summary><see cref="ApplyLifecycleAction"/> and <see cref="RunLifecycleClocks"/> on a real,
/// migrated SQLite database.</summary>
public sealed class ApplyLifecycleActionTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 3, 16); // a Monday, just before Nyepi and Idul Fitri 2026
    private readonly TestClock _clock = TestClock.At(Day);
    private TestDb _db = null!;
    private Scenario _s = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private sealed record Snapshot(Stage Stage, int Version, int History, int Audit, DateOnly? DueOn, string? DueAction);

    private async Task<Snapshot> SnapshotAsync(Guid id)
    {
        await using var db = _db.NewDb();
        var a = await db.Agreements.AsNoTracking().SingleAsync(x => x.Id == id);
        return new Snapshot(a.Stage, a.Version, await db.StageChanges.CountAsync(h => h.AgreementId == id), await db.AuditEntries.CountAsync(), a.DueOn, a.DueAction);
    }

    private async Task AssertRefusedAsync(Guid id, string action, RefusalKind kind, Jalin.Core.Identity.CurrentActor? actor = null, string? prerequisite = null, ActionRequest? request = null)
    {
        var before = await SnapshotAsync(id);
        var result = await _s.ApplyAsync(id, action, actor, request);
        Assert.False(result.Ok);
        var refused = Assert.IsType<LifecycleRefused>(result.Error);
        Assert.Equal(action, refused.Action);
        Assert.Equal(kind, refused.Primary);
        if (prerequisite is not null)
            Assert.Contains(refused.Reasons, r => r.Kind == RefusalKind.MissingPrerequisite && r.Prerequisite == prerequisite);
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task Registration_starts_at_the_first_stage_with_one_history_row()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        var a = await _s.LoadAsync(id);
        Assert.Equal(Stage.Preparation, a.Stage);
        var row = Assert.Single(a.History);
        Assert.Equal("register", row.Action);
        Assert.Equal(2, a.Parties.Count);
        Assert.Equal("Kota Cimahi", a.Parties.Single(p => p.Order == 1).Name);
        await using var db = _db.NewDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Agreement) && e.EntityId == id.ToString() && e.Action == "Added" && e.ActorUserId == Actors.Officer.UserId));
    }

    [Fact]
    public async Task Refusals_are_typed_and_write_nothing()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        // missing prerequisites: no KAK, no assessment
        await AssertRefusedAsync(id, "complete-preparation", RefusalKind.MissingPrerequisite, prerequisite: $"doc:{DocumentKind.TermsOfReference}");
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        await AssertRefusedAsync(id, "complete-preparation", RefusalKind.MissingPrerequisite, prerequisite: $"doc:{DocumentKind.Assessment}");
        await _s.AddDocAsync(id, DocumentKind.Assessment);
        // wrong role (same region, allowed to see it)
        await AssertRefusedAsync(id, "complete-preparation", RefusalKind.WrongRole, Actors.Leader);
        await AssertRefusedAsync(id, "complete-preparation", RefusalKind.WrongRole, Actors.Dprd);
        // wrong stage, unknown action, a clock action by a person
        await AssertRefusedAsync(id, "finalize-pks", RefusalKind.WrongStage);
        await AssertRefusedAsync(id, "record-minister-review", RefusalKind.UnknownAction);
        await AssertRefusedAsync(id, "no-such-action", RefusalKind.UnknownAction);

        var applied = await _s.MustApplyAsync(id, "complete-preparation");
        Assert.Equal(Stage.Offer, applied.To);
        await AssertRefusedAsync(id, "complete-preparation", RefusalKind.WrongStage);
    }

    [Fact]
    public async Task A_legal_move_writes_one_history_row_and_audit_rows()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        var assessment = await _s.AddDocAsync(id, DocumentKind.Assessment);
        var before = await SnapshotAsync(id);

        _clock.Now = _clock.Now.AddHours(1);
        var applied = await _s.MustApplyAsync(id, "complete-preparation",
            request: new ActionRequest { Note = "  KAK dan telaahan TKKSD lengkap  ", DocumentId = assessment.Id, ExpectedVersion = before.Version });

        Assert.Equal((Stage.Preparation, Stage.Offer, before.Version + 1), (applied.From, applied.To, applied.Version));
        var after = await SnapshotAsync(id);
        Assert.Equal(Stage.Offer, after.Stage);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(before.History + 1, after.History);

        var a = await _s.LoadAsync(id);
        var row = a.History.Single(h => h.Action == "complete-preparation");
        Assert.Equal(applied.HistoryId, row.Id);
        Assert.Equal((Stage.Preparation, Stage.Offer), (row.FromStage, row.ToStage));
        Assert.Equal((Actors.Officer.UserId, Actors.Officer.FullName, Actors.Cimahi), (row.ActorUserId, row.ActorName, row.ActorRegionCode));
        Assert.Equal("KAK dan telaahan TKKSD lengkap", row.Note);
        Assert.Equal(assessment.Id, row.DocumentId);
        Assert.Equal(_clock.Now, row.At);
        Assert.Null(row.EndReason);
        Assert.Equal(_clock.Now, a.UpdatedAt);

        await using var db2 = _db.NewDb();
        var audit = await db2.AuditEntries.AsNoTracking().Where(e => e.Sequence > 0).OrderByDescending(e => e.Id).Take(after.Audit - before.Audit).ToListAsync();
        Assert.True(after.Audit - before.Audit >= 2);
        Assert.All(audit, e => Assert.Equal(Actors.Officer.UserId, e.ActorUserId));
        Assert.All(audit, e => Assert.Equal(Actors.Cimahi, e.RegionCode));
        var historyAudit = Assert.Single(audit, e => e.EntityType == nameof(StageChange));
        // the history row's audit names its real (database-generated) id, not EF's temporary one
        Assert.Equal(("Added", row.Id.ToString()), (historyAudit.Action, historyAudit.EntityId));
        Assert.Contains($"\"Id\":{row.Id}", historyAudit.After);
        Assert.Contains("complete-preparation", historyAudit.After);
        Assert.Contains(audit, e => e.EntityType == nameof(Agreement) && e.Action == "Modified" && e.EntityId == id.ToString() && e.After!.Contains("Offer"));
    }

    [Fact]
    public async Task Other_regions_cannot_move_it_stale_versions_conflict_and_inputs_are_validated()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        await _s.AddDocAsync(id, DocumentKind.Assessment);
        await _s.AddDocAsync(id, DocumentKind.TerminationLetter);
        var before = await SnapshotAsync(id);

        Assert.IsType<ForbiddenError>((await _s.ApplyAsync(id, "complete-preparation", Actors.PartyOfficer)).Error);
        Assert.IsType<NotFoundError>((await _s.ApplyAsync(id, "complete-preparation", Actors.Stranger)).Error);
        Assert.IsType<ConflictError>((await _s.ApplyAsync(id, "complete-preparation", request: new ActionRequest { ExpectedVersion = before.Version - 1 })).Error);
        // terminate needs a reason code allowed for the kind
        var noReason = Assert.IsType<ValidationError>((await _s.ApplyAsync(id, ActionCode.Terminate)).Error);
        Assert.Contains("reasonCode", noReason.Fields.Keys);
        var ksdpkOnly = Assert.IsType<ValidationError>((await _s.ApplyAsync(id, ActionCode.Terminate, request: new ActionRequest { ReasonCode = EndReason.PartnerBankrupt })).Error);
        Assert.Contains("reasonCode", ksdpkOnly.Fields.Keys);
        Assert.Equal(before, await SnapshotAsync(id));

        // a party region may add a note (without moving the stage)
        var note = await _s.MustApplyAsync(id, ActionCode.AddNote, Actors.PartyOfficer, new ActionRequest { Note = "Kab. Bandung siap", Internal = true });
        Assert.Equal((Stage.Preparation, Stage.Preparation), (note.From, note.To));
        var row = (await _s.LoadAsync(id)).History.Single(h => h.Id == note.HistoryId);
        Assert.False(row.IsInternal); // only the owning region writes internal notes
        Assert.Equal(Actors.KabBandung, row.ActorRegionCode);

        var ended = await _s.MustApplyAsync(id, ActionCode.Terminate, request: new ActionRequest { ReasonCode = EndReason.MutualAgreement });
        Assert.Equal((Stage.Ended, EndReason.MutualAgreement), (ended.To, ended.EndReason));
        Assert.Equal(EndReason.MutualAgreement, (await _s.LoadAsync(id)).History.Single(h => h.Id == ended.HistoryId).EndReason);
        await AssertRefusedAsync(id, ActionCode.AddNote, RefusalKind.WrongStage);
    }

    [Fact]
    public async Task Dprd_request_sets_a_due_date_in_working_days_skipping_2026_holidays()
    {
        var id = await _s.KsddAtDprdApprovalAsync();
        await AssertRefusedAsync(id, "record-dprd-approval", RefusalKind.MissingPrerequisite, Actors.Dprd, "dprd-requested");
        await AssertRefusedAsync(id, "request-dprd-approval", RefusalKind.MissingPrerequisite, prerequisite: $"doc:{DocumentKind.DprdRequest}");
        await _s.AddDocAsync(id, DocumentKind.DprdRequest);
        await AssertRefusedAsync(id, "request-dprd-approval", RefusalKind.WrongRole, Actors.Dprd);
        var future = await _s.ApplyAsync(id, "request-dprd-approval", request: new ActionRequest { ReceivedOn = Day.AddDays(1) });
        Assert.Contains("receivedOn", Assert.IsType<ValidationError>(future.Error).Fields.Keys);

        var applied = await _s.MustApplyAsync(id, "request-dprd-approval", request: new ActionRequest { ReceivedOn = Day });
        // Counted by hand from holidays-2026.csv, from Tue 17 March: 17 (1); 18 cuti Nyepi, 19 Nyepi,
        // 20 cuti Idulfitri, 23–24 cuti Idulfitri; 25–27 (2–4); 30 Mar–2 Apr (5–8), 3 Apr Wafat Yesus;
        // 6–24 Apr (9–23); 27–30 Apr (24–27), 1 May; 4–8 May (28–32); 11–13 May (33–35), 14 Kenaikan,
        // 15 cuti; 18–22 May (36–40); 25–26 May (41–42), 27 Iduladha, 28 cuti; 29 May (43);
        // 1 June Pancasila; 2–3 June (44–45).
        var expected = new DateOnly(2026, 6, 3);
        Assert.Equal(Stage.DprdApproval, applied.To);
        Assert.Equal(expected, applied.DueOn);
        var a = await _s.LoadAsync(id);
        Assert.Equal((expected, "dprd-deemed-approved"), (a.DueOn, a.DueAction));
        Assert.Contains("45 hari kerja", a.DueLabel);

        // the DPRD answers by itself → DraftingPks, the clock cleared
        await _s.AddDocAsync(id, DocumentKind.DprdDecision);
        var approved = await _s.MustApplyAsync(id, "record-dprd-approval", Actors.Dprd);
        Assert.Equal(Stage.DraftingPks, approved.To);
        Assert.Null(approved.DueOn);
        Assert.Null((await _s.LoadAsync(id)).DueAction);
    }

    [Fact]
    public async Task Region_setting_shortens_the_dprd_clock()
    {
        await _s.SetRegionSettingAsync("lifecycle.dprdResponseWorkingDays", "5");
        var id = await _s.KsddAtDprdApprovalAsync();
        await _s.AddDocAsync(id, DocumentKind.DprdRequest);
        var applied = await _s.MustApplyAsync(id, "request-dprd-approval");
        // Tue 17 (1), 18–24 off, 25 (2), 26 (3), 27 (4), 30 (5)
        Assert.Equal(new DateOnly(2026, 3, 30), applied.DueOn);
        Assert.Contains("5 hari kerja", applied.DueLabel);
    }

    [Fact]
    public async Task Clocks_apply_deemed_approval_only_when_due()
    {
        // For KSDD deemed approval is the region's choice (PP 28/2018 Pasal 6 ayat (2) sets no DPRD deadline); off by default.
        await _s.SetRegionSettingAsync("lifecycle.dprdDeemedApproval", "true");
        var id = await _s.KsddAtDprdApprovalAsync();
        await _s.AddDocAsync(id, DocumentKind.DprdRequest);
        await _s.MustApplyAsync(id, "request-dprd-approval");
        await AssertRefusedAsync(id, "dprd-deemed-approved", RefusalKind.WrongRole); // a person cannot press it

        _clock.SetDay(new DateOnly(2026, 6, 3)); // the last day of the window
        _clock.Now = _clock.Now.AddHours(13.5); // 16:30 UTC = 23:30 WIB, still 3 June
        Assert.Empty(await RunLifecycleClocks.HandleAsync(_db.NewDb, _clock));
        await AssertRefusedAsync(id, "dprd-deemed-approved", RefusalKind.NotDue, Jalin.Core.Identity.CurrentActor.System);
        Assert.Equal(Stage.DprdApproval, (await _s.LoadAsync(id)).Stage);

        _clock.Now = _clock.Now.AddHours(1); // 00:30 WIB on 4 June
        var applied = Assert.Single(await RunLifecycleClocks.HandleAsync(_db.NewDb, _clock));
        Assert.Equal((id, "dprd-deemed-approved", Stage.DprdApproval, Stage.DraftingPks), (applied.AgreementId, applied.Action, applied.From, applied.To));
        var a = await _s.LoadAsync(id);
        Assert.Equal(Stage.DraftingPks, a.Stage);
        var row = a.History.Single(h => h.Action == "dprd-deemed-approved");
        Assert.Equal("system", row.ActorUserId);
        Assert.NotNull(row.Note);
        Assert.Null(a.DueOn);
        Assert.Empty(await RunLifecycleClocks.HandleAsync(_db.NewDb, _clock)); // nothing twice
    }

    [Fact]
    public async Task Deemed_approval_off_in_the_region_leaves_the_agreement_waiting()
    {
        await _s.SetRegionSettingAsync("lifecycle.dprdDeemedApproval", "false");
        var id = await _s.KsddAtDprdApprovalAsync();
        await _s.AddDocAsync(id, DocumentKind.DprdRequest);
        await _s.MustApplyAsync(id, "request-dprd-approval");
        _clock.SetDay(new DateOnly(2026, 7, 1));
        Assert.Empty(await RunLifecycleClocks.HandleAsync(_db.NewDb, _clock));
        Assert.Equal(Stage.DprdApproval, (await _s.LoadAsync(id)).Stage);
        await AssertRefusedAsync(id, "dprd-deemed-approved", RefusalKind.MissingPrerequisite, Jalin.Core.Identity.CurrentActor.System, "deemed-approval-setting");
    }

    [Fact]
    public async Task Clocks_expire_an_agreement_only_after_its_end_date()
    {
        var id = await _s.KsddInImplementationAsync();
        var a = await _s.LoadAsync(id);
        Assert.Equal(Stage.Implementation, a.Stage);
        Assert.Equal((new DateOnly(2028, 12, 31), "expire"), (a.DueOn, a.DueAction));
        Assert.Equal(Day, a.SignedOn);

        _clock.SetDay(new DateOnly(2028, 12, 31));
        Assert.Empty(await RunLifecycleClocks.HandleAsync(_db.NewDb, _clock));
        Assert.Equal(Stage.Implementation, (await _s.LoadAsync(id)).Stage);

        _clock.SetDay(new DateOnly(2029, 1, 1));
        var applied = Assert.Single(await RunLifecycleClocks.HandleAsync(_db.NewDb, _clock));
        Assert.Equal((Stage.Ended, EndReason.TermExpired), (applied.To, applied.EndReason));
        a = await _s.LoadAsync(id);
        Assert.Equal((Stage.Ended, EndReason.TermExpired, (DateOnly?)null), (a.Stage, a.EndReason, a.DueOn));
        Assert.Equal(EndReason.TermExpired, a.History.Single(h => h.Action == "expire").EndReason);
    }

    [Fact]
    public async Task Extension_moves_the_end_date_and_the_expiry_clock()
    {
        var id = await _s.KsddInImplementationAsync();
        await AssertRefusedAsync(id, "extend", RefusalKind.MissingPrerequisite, prerequisite: "signed-addendum");
        var pks = (await _s.LoadAsync(id)).Documents.Single(d => d.Kind == DocumentKind.PerjanjianKerjaSama);
        await _s.AddDocAsync(id, DocumentKind.Addendum, signed: true, parent: pks.Id);
        var missing = Assert.IsType<ValidationError>((await _s.ApplyAsync(id, "extend")).Error);
        Assert.Contains("newEndDate", missing.Fields.Keys);
        var tooLong = Assert.IsType<ValidationError>((await _s.ApplyAsync(id, "extend", request: new ActionRequest { NewEndDate = new DateOnly(2031, 6, 30) })).Error);
        Assert.Contains("newEndDate", tooLong.Fields.Keys);

        var applied = await _s.MustApplyAsync(id, "extend", request: new ActionRequest { NewEndDate = new DateOnly(2030, 12, 31) });
        Assert.Equal(Stage.Implementation, applied.To);
        Assert.Equal(new DateOnly(2030, 12, 31), applied.DueOn);
        var a = await _s.LoadAsync(id);
        Assert.Equal((new DateOnly(2030, 12, 31), "expire"), (a.EndsOn, a.DueAction));
        // the same addendum does not carry a second extension
        await AssertRefusedAsync(id, "extend", RefusalKind.MissingPrerequisite, prerequisite: "signed-addendum", request: new ActionRequest { NewEndDate = new DateOnly(2030, 12, 31) });
    }

    [Fact]
    public async Task Dprd_rejection_asks_for_a_decision()
    {
        var id = await _s.KsddAtDprdApprovalAsync();
        await _s.AddDocAsync(id, DocumentKind.DprdRequest);
        await _s.MustApplyAsync(id, "request-dprd-approval");
        await _s.AddDocAsync(id, DocumentKind.DprdDecision);
        var noDecision = Assert.IsType<ValidationError>((await _s.ApplyAsync(id, "record-dprd-rejection", Actors.Dprd)).Error);
        Assert.Contains("decision", noDecision.Fields.Keys);
        Assert.IsType<ValidationError>((await _s.ApplyAsync(id, "record-dprd-rejection", Actors.Dprd, new ActionRequest { Decision = "maybe" })).Error);
        var revised = await _s.MustApplyAsync(id, "record-dprd-rejection", Actors.Dprd, new ActionRequest { Decision = "revise" });
        Assert.Equal(Stage.DraftingKb, revised.To);
        Assert.Null(revised.DueOn);
    }

    [Fact]
    public async Task Budgeted_agreement_skips_dprd()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd() with { BudgetedInApbd = true });
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        await _s.AddDocAsync(id, DocumentKind.Assessment);
        await _s.MustApplyAsync(id, "complete-preparation");
        await _s.AddDocAsync(id, DocumentKind.OfferLetter);
        await _s.AddDocAsync(id, DocumentKind.OfferAnswer);
        await _s.MustApplyAsync(id, "accept-offer");
        await _s.AddDocAsync(id, DocumentKind.KesepakatanBersama, signed: true);
        await _s.MustApplyAsync(id, "finalize-kb");
        var signed = await _s.MustApplyAsync(id, "record-kb-signing");
        Assert.Equal(Stage.DraftingPks, signed.To);
    }

    [Fact]
    public async Task Audit_chain_stays_intact_and_names_every_history_row()
    {
        var id = await _s.KsddInImplementationAsync();
        _clock.SetDay(new DateOnly(2029, 1, 1));
        Assert.Single(await RunLifecycleClocks.HandleAsync(_db.NewDb, _clock));

        await using var db = _db.NewDb();
        var report = Assert.Single(await Jalin.Core.Audit.VerifyAudit.RunAsync(db, Actors.Cimahi));
        Assert.Null(report.FirstBroken);
        var history = await db.StageChanges.AsNoTracking().Where(h => h.AgreementId == id).Select(h => h.Id.ToString()).ToListAsync();
        Assert.True(history.Count >= 9);
        var audited = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(StageChange)).Select(e => e.EntityId).ToListAsync();
        Assert.Equal(history.Order(), audited.Order());
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(StageChange) && e.ActorUserId == "system"));
    }

    [Fact]
    public async Task A_failed_save_writes_no_audit_rows_and_leaves_no_transaction_open()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        var before = await SnapshotAsync(id);
        await using var db1 = _db.NewDb();
        await using var db2 = _db.NewDb();
        var first = await db1.Agreements.SingleAsync(a => a.Id == id);
        var second = await db2.Agreements.SingleAsync(a => a.Id == id);
        first.Touch(_clock.GetUtcNow());
        await db1.ActingAs(Actors.Officer).SaveChangesAsync();

        second.Touch(_clock.GetUtcNow());
        db2.StageChanges.Add(new StageChange { AgreementId = id, Action = ActionCode.AddNote, ActorUserId = "x", ActorName = "x", FromStage = second.Stage, ToStage = second.Stage });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.ActingAs(Actors.Officer).SaveChangesAsync());
        Assert.Null(db2.Database.CurrentTransaction);

        var after = await SnapshotAsync(id);
        Assert.Equal(before.History, after.History);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(before.Audit + 1, after.Audit); // only db1's change of the agreement
        await _s.MustApplyAsync(id, ActionCode.AddNote, request: new ActionRequest { Note = "masih bisa menulis" });
    }

    private async Task<Guid> ForeignAtDraftingRksAsync(CooperationKind kind, bool forwarding = false)
    {
        var partner = kind == CooperationKind.Ksdpl
            ? await _s.AddPartnerAsync(Jalin.Core.Partners.PartnerKind.ForeignLocalGovernment, "Kota Hamamatsu")
            : await _s.AddPartnerAsync(Jalin.Core.Partners.PartnerKind.ForeignInstitution, "JICA");
        var id = await _s.RegisterAsync(new AgreementInput
        {
            Kind = kind, Title = "Kerja sama luar negeri Cimahi", StartsOn = new DateOnly(2027, 1, 1), EndsOn = new DateOnly(2031, 12, 31),
            IsForwarding = forwarding, Parties = [new PartyInput { PartnerId = partner.Id }],
        });
        Assert.Equal(Stage.Initiative, (await _s.LoadAsync(id)).Stage);
        await _s.MustApplyAsync(id, "start-exploration");
        await _s.AddDocAsync(id, DocumentKind.ForeignStudy);
        await _s.MustApplyAsync(id, "complete-study");
        await _s.AddDocAsync(id, DocumentKind.ConsultationLetter);
        await _s.AddDocAsync(id, DocumentKind.MinisterAnswer);
        await _s.MustApplyAsync(id, "record-consultation-answer");
        await _s.AddDocAsync(id, DocumentKind.PernyataanKehendak, signed: true);
        var loi = await _s.MustApplyAsync(id, "record-loi-signing");
        Assert.Equal((Stage.DraftingRks, (DateOnly?)Day.AddYears(1)), (loi.To, loi.DueOn)); // LoI valid one year from its signing
        await _s.AddDocAsync(id, DocumentKind.RencanaKerjaSama);
        return id;
    }

    [Fact]
    public async Task Foreign_dprd_clock_is_45_working_days_and_deemed_approval_is_law_whatever_the_region_says()
    {
        await _s.SetRegionSettingAsync("lifecycle.dprdResponseWorkingDays", "5");
        await _s.SetRegionSettingAsync("lifecycle.dprdDeemedApproval", "false");
        var id = await ForeignAtDraftingRksAsync(CooperationKind.Ksdpl);
        var rks = await _s.MustApplyAsync(id, "finalize-rks");
        Assert.Equal((Stage.DprdApproval, (DateOnly?)Day.AddYears(1)), (rks.To, rks.DueOn)); // the LoI clock is kept

        await _s.AddDocAsync(id, DocumentKind.DprdRequest);
        var requested = await _s.MustApplyAsync(id, "request-dprd-approval", request: new ActionRequest { ReceivedOn = Day });
        Assert.Equal(new DateOnly(2026, 6, 3), requested.DueOn);
        Assert.DoesNotContain("pengaturan daerah", requested.DueLabel);

        _clock.SetDay(new DateOnly(2026, 6, 4));
        var deemed = Assert.Single(await RunLifecycleClocks.HandleAsync(_db.NewDb, _clock));
        Assert.Equal(Stage.Verification, deemed.To);

        var sent = await _s.MustApplyAsync(id, "send-for-verification");
        // the Governor forwards within 5 working days: Fri 5, Mon 8 … Thu 11 June
        Assert.Equal((Stage.Verification, (DateOnly?)new DateOnly(2026, 6, 11)), (sent.To, sent.DueOn));
        await _s.AddDocAsync(id, DocumentKind.MinisterReview);
        var review = Assert.IsType<ValidationError>((await _s.ApplyAsync(id, "record-minister-review")).Error);
        Assert.Contains("decision", review.Fields.Keys);
        var proceed = await _s.MustApplyAsync(id, "record-minister-review", request: new ActionRequest { Decision = "proceed" });
        Assert.Equal((Stage.DraftingNaskah, (DateOnly?)null), (proceed.To, proceed.DueOn));
    }

    /// <summary>PP 28/2018 Ps 38 applies Ps 30–31 (DPRD approval) to every KSDLL: a penerusan goes to the DPRD by default,
    /// and the history says which rule applied.</summary>
    [Fact]
    public async Task Forwarding_ksdll_goes_to_dprd_by_default_PP28_Ps38()
    {
        var id = await ForeignAtDraftingRksAsync(CooperationKind.Ksdll, forwarding: true);
        var rks = await _s.MustApplyAsync(id, "finalize-rks");
        Assert.Equal(Stage.DprdApproval, rks.To);
        Assert.Contains("PP 28/2018 Pasal 38", (await _s.LoadAsync(id)).History.Single(h => h.Id == rks.HistoryId).Note);
    }

    /// <summary>A region may follow Permendagri 25/2020 Ps 16, which names only the other KSDLL for the DPRD.</summary>
    [Fact]
    public async Task Forwarding_ksdll_skips_dprd_where_the_region_follows_Permendagri25_Ps16()
    {
        await _s.SetRegionSettingAsync("lifecycle.ksdllForwardingSkipsDprd", "true");
        var id = await ForeignAtDraftingRksAsync(CooperationKind.Ksdll, forwarding: true);
        var rks = await _s.MustApplyAsync(id, "finalize-rks");
        Assert.Equal(Stage.Verification, rks.To);
        Assert.Contains("Permendagri 25/2020 Pasal 16", (await _s.LoadAsync(id)).History.Single(h => h.Id == rks.HistoryId).Note);
        var sent = await _s.MustApplyAsync(id, "send-for-verification");
        Assert.Equal(Stage.Verification, sent.To);
    }

    [Fact]
    public async Task Non_forwarding_ksdll_goes_to_dprd_and_cannot_be_verified_without_it()
    {
        var id = await ForeignAtDraftingRksAsync(CooperationKind.Ksdll);
        Assert.Equal(Stage.DprdApproval, (await _s.MustApplyAsync(id, "finalize-rks")).To);
        await AssertRefusedAsync(id, "send-for-verification", RefusalKind.WrongStage);
    }

    [Fact]
    public async Task Available_actions_explain_what_is_missing_and_who_may_act()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        await using var db = _db.NewDb();

        var mine = (await AvailableActions.HandleAsync(db, Actors.Officer, id, _clock)).Value!;
        Assert.Equal(["add-note", "complete-preparation", "terminate"], mine.Select(o => o.Action).Order());
        var prep = mine.Single(o => o.Action == "complete-preparation");
        Assert.False(prep.Allowed);
        Assert.Equal([("doc:TermsOfReference", true), ("doc:Assessment", false)], prep.Checklist.Select(c => (c.Code, c.Met)));
        Assert.Equal(RefusalKind.MissingPrerequisite, Assert.Single(prep.Reasons).Kind);
        Assert.True(mine.Single(o => o.Action == "add-note").Allowed);
        Assert.True(mine.Single(o => o.Action == "terminate").NeedsReasonCode);

        await _s.AddDocAsync(id, DocumentKind.Assessment);
        Assert.True((await AvailableActions.HandleAsync(db, Actors.Officer, id, _clock)).Value!.Single(o => o.Action == "complete-preparation").Allowed);
        var party = (await AvailableActions.HandleAsync(db, Actors.PartyOfficer, id, _clock)).Value!;
        Assert.True(party.Single(o => o.Action == "add-note").Allowed);
        var partyPrep = party.Single(o => o.Action == "complete-preparation");
        Assert.False(partyPrep.Allowed);
        Assert.Contains("daerah pemilik", Assert.Single(partyPrep.Reasons).Message);
        // Issue #9: every process step is one the party can never take, even one still missing a
        // prerequisite (terminate): screens hide them all and keep "add a note".
        Assert.Equal(["complete-preparation", "terminate"], party.Where(AvailableActions.OnlyOwnerMay).Select(o => o.Action).Order());
        Assert.DoesNotContain(mine, AvailableActions.OnlyOwnerMay);
        // The checklist says where each prerequisite is met (PrerequisiteFix), for the API too.
        Assert.Equal(new FixTarget.AttachDocument(DocumentKind.Assessment, false), prep.Checklist.Single(c => c.Code == "doc:Assessment").Fix);

        var dprd = (await AvailableActions.HandleAsync(db, Actors.Dprd, id, _clock)).Value!;
        Assert.Contains(dprd.Single(o => o.Action == "complete-preparation").Reasons, r => r.Kind == RefusalKind.WrongRole);

        var admin = new Jalin.Core.Identity.CurrentActor("admin", "admin", "Admin", Jalin.Core.Identity.Role.SystemAdmin, null);
        Assert.IsType<NotFoundError>((await AvailableActions.HandleAsync(db, admin, id, _clock)).Error);
        Assert.IsType<NotFoundError>((await AvailableActions.HandleAsync(db, Actors.Stranger, id, _clock)).Error);
    }

    /// <summary>During implementation the end date moves only through the law's actions; a typing error is
    /// corrected with a recorded reason (koreksi data), and the expiry clock follows it.</summary>
    [Fact]
    public async Task End_date_is_locked_in_implementation_and_a_correction_is_recorded_with_its_reason()
    {
        var id = await _s.KsddInImplementationAsync();
        var a = await _s.LoadAsync(id);
        var newEnd = new DateOnly(2028, 6, 30);
        var input = Scenario.Ksdd() with { StartsOn = a.StartsOn, EndsOn = newEnd, BudgetedInApbd = a.BudgetedInApbd, BurdensPublic = a.BurdensPublic };
        var before = await SnapshotAsync(id);
        await using (var db = _db.NewDb())
        {
            var locked = Assert.IsType<ValidationError>((await UpdateAgreement.HandleAsync(db, Actors.Officer, id, a.Version, input, _clock)).Error);
            Assert.Contains("Catat perpanjangan", Assert.Single(locked.Fields["endsOn"]));
            Assert.Equal(["endsOn"], locked.Fields.Keys);
            var tooShort = Assert.IsType<ValidationError>((await UpdateAgreement.HandleAsync(db, Actors.Officer, id, a.Version, input with { CorrectionReason = "salah" }, _clock)).Error);
            Assert.Contains("correctionReason", tooShort.Fields.Keys);
        }
        Assert.Equal(before, await SnapshotAsync(id));
        await using (var db = _db.NewDb())
        {
            var result = await UpdateAgreement.HandleAsync(db, Actors.Officer, id, a.Version,
                input with { CorrectionReason = "Salah ketik tahun pada saat pendaftaran; naskah PKS menyebut 30 Juni 2028." }, _clock);
            Assert.True(result.Ok, result.Error?.Message);
        }
        a = await _s.LoadAsync(id);
        Assert.Equal((newEnd, newEnd, "expire"), (a.EndsOn, a.DueOn, a.DueAction));
        var row = a.History.Single(h => h.Action == "correct-data");
        Assert.Contains("Tanggal berakhir", row.Note);
        Assert.Contains("30/06/2028", row.Note);
        Assert.Contains("Salah ketik tahun", row.Note);
    }
}
