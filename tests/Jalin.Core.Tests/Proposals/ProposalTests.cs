using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Proposals;
using Jalin.Core.Tests.Files;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Proposals;

/// <summary>The usulan's table (praktik daerah: the law sets no flow for an OPD's proposal), its boundaries,
/// and its conversion into an agreement through RegisterAgreement.</summary>
public sealed class ProposalTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private readonly string _files = Path.Combine(Path.GetTempPath(), "jalin-core-tests", "usulan-" + Guid.NewGuid().ToString("N"));
    private TestDb _db = null!;
    private FileStore _store = null!;
    private Guid _dlh, _dinkes;
    private CurrentActor _opd = null!, _otherOpd = null!;
    private static readonly CurrentActor Tkksd = new("tkksd-cimahi", "tkksd.cimahi", "TKKSD Cimahi", Role.TeamMember, Actors.Cimahi);

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _store = new FileStore(new FileStoreOptions { Root = _files, MaxBytes = 1024 * 1024 });
        await using var db = _db.NewDb();
        var dlh = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup Kota Cimahi", ShortName = "DLH" };
        var dinkes = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Kesehatan Kota Cimahi", ShortName = "Dinkes" };
        db.Agencies.AddRange(dlh, dinkes);
        await db.SaveChangesAsync();
        (_dlh, _dinkes) = (dlh.Id, dinkes.Id);
        _opd = new("opd-dlh", "opd.dlh", "Operator DLH", Role.AgencyUser, Actors.Cimahi, dlh.Id);
        _otherOpd = new("opd-dinkes", "opd.dinkes", "Operator Dinkes", Role.AgencyUser, Actors.Cimahi, dinkes.Id);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_files, recursive: true); } catch (IOException) { }
    }

    private static ProposalInput Full(string title = "Pengelolaan sampah regional Cimahi–Kabupaten Bandung") => new()
    {
        Title = title, AffairCode = "2.11", PartnerRegionCode = Actors.KabBandung, Background = "Volume sampah melampaui kapasitas TPS.",
        LegalBasis = "PP 28/2018", Aims = "Mengurangi sampah ke TPA 20%.", Object = "Pengolahan sampah bersama", Location = "TPST Sarimukti",
        Scope = "Pengangkutan dan pengolahan", Roles = "Cimahi menyediakan armada; Kabupaten Bandung menyediakan lahan.",
        PlannedStart = new DateOnly(2027, 1, 1), TermMonths = 36, TermJustification = "Masa RPJMD", Benefits = "Biaya per ton turun",
        SocialImpact = "Lingkungan bersih", EconomicImpact = "Hemat anggaran", EnvironmentalImpact = "Emisi metana turun",
        FundingSource = FundingSource.Apbd, Amount = 1_250_000_000m, BudgetedInApbd = true, PlanProgram = "Program Pengelolaan Persampahan",
        PlanTarget = "Sampah tertangani 90%", Contact1Name = "Dadang", Contact1Position = "Kabid Persampahan", Contact1Phone = "0812-1111-2222",
        Contact1Email = "dadang@cimahikota.go.id", Contact2Name = "Rina", Contact2Position = "Analis", Contact2Phone = "0812-3333-4444", Contact2Email = "rina@cimahikota.go.id",
    };

    private async Task<Guid> CreateAsync(CurrentActor actor, ProposalInput input)
    {
        await using var db = _db.NewDb();
        var r = await CreateProposal.HandleAsync(db, actor, input, _clock);
        Assert.True(r.Ok, r.Error?.ToString());
        return r.Value;
    }

    private async Task<Result<ProposalMoved>> ActAsync(Guid id, ProposalAction action, CurrentActor actor, ProposalActionRequest? request = null)
    {
        await using var db = _db.NewDb();
        return await ApplyProposalAction.HandleAsync(db, actor, id, action, request ?? new ProposalActionRequest { Note = "catatan uji" }, _clock);
    }

    private async Task MustAsync(Guid id, ProposalAction action, CurrentActor actor, ProposalActionRequest? request = null)
    {
        var r = await ActAsync(id, action, actor, request);
        Assert.True(r.Ok, $"{action}: {r.Error}");
    }

    private async Task<Proposal> LoadAsync(Guid id)
    {
        await using var db = _db.NewDb();
        return await db.Proposals.AsNoTracking().Include(p => p.History).Include(p => p.Attachments).SingleAsync(p => p.Id == id);
    }

    private async Task<Guid> RecommendedAsync(CooperationKind kind = CooperationKind.KsddSukarela, ProposalInput? input = null)
    {
        var id = await CreateAsync(_opd, input ?? Full());
        await MustAsync(id, ProposalAction.Submit, _opd);
        await MustAsync(id, ProposalAction.Verify, Actors.Officer);
        await MustAsync(id, ProposalAction.Assess, Tkksd, new ProposalActionRequest { Result = AssessmentResult.Feasible, Note = "Sesuai RPJMD" });
        await MustAsync(id, ProposalAction.Recommend, Actors.Officer, new ProposalActionRequest { Kind = kind });
        return id;
    }

    [Fact]
    public async Task Numbers_run_per_region_and_year_as_USL_year_sequence()
    {
        var a = await CreateAsync(_opd, Full());
        var b = await CreateAsync(Actors.Officer, Full("Usulan kedua dari Bagian Kerja Sama") with { AgencyId = _dinkes });
        Assert.Equal("USL/2026/0001", (await LoadAsync(a)).Number);
        Assert.Equal("USL/2026/0002", (await LoadAsync(b)).Number);
        Assert.Equal(_dinkes, (await LoadAsync(b)).AgencyId);
        // a region's own pattern (pengaturan daerah)
        await using (var db = _db.NewDb())
        {
            db.RegionSettings.Add(new Regions.RegionSetting { RegionCode = Actors.Cimahi, Key = ProposalNumbering.SettingKey, Value = "{urut}/USL-KS/{tahun}" });
            await db.SaveChangesAsync();
        }
        Assert.Equal("3/USL-KS/2026", (await LoadAsync(await CreateAsync(_opd, Full("Usulan ketiga dengan pola daerah")))).Number);
    }

    [Fact]
    public async Task The_whole_table_walks_with_the_right_roles_and_writes_history_with_actor_and_note()
    {
        var id = await RecommendedAsync();
        var p = await LoadAsync(id);
        Assert.Equal(ProposalStatus.Recommended, p.Status);
        Assert.Equal(CooperationKind.KsddSukarela, p.RecommendedKind);
        Assert.Equal(AssessmentResult.Feasible, p.Assessment);
        var moves = p.History.OrderBy(h => h.Id).ToList();
        Assert.Equal(["create", "submit", "verify", "assess", "recommend"], moves.Select(h => h.Action));
        Assert.Equal(ProposalStatus.Draft, moves[1].FromStatus);
        Assert.Equal(ProposalStatus.Submitted, moves[1].ToStatus);
        Assert.Equal("Operator DLH", moves[1].ActorName);
        Assert.Equal("Dinas Lingkungan Hidup Kota Cimahi", moves[1].ActorAgencyName);
        Assert.Equal(Actors.Cimahi, moves[2].ActorRegionCode);
        Assert.Equal(Role.TeamMember.Label(), moves[3].ActorRole);
        Assert.Contains("Sesuai RPJMD", moves[3].Note);
        Assert.Contains("KSDD sukarela", moves[4].Note);
    }

    [Fact]
    public async Task Each_move_notifies_the_next_actor_once_never_the_actor_and_never_another_OPD_or_region()
    {
        await using (var db = _db.NewDb())
        {
            foreach (var u in new[] { _opd, _otherOpd, Actors.Officer, Tkksd, Actors.PartyOfficer })
                db.Users.Add(new ApplicationUser
                {
                    Id = u.UserId, UserName = u.UserName, NormalizedUserName = u.UserName.ToUpperInvariant(), FullName = u.FullName, Role = u.Role,
                    RegionCode = u.RegionCode, AgencyId = u.AgencyId, IsActive = true,
                });
            await db.SaveChangesAsync();
        }
        async Task<List<(Jalin.Core.Notifications.NotificationKind Kind, string Title, string? Link)>> InboxAsync(CurrentActor who)
        {
            await using var db = _db.NewDb();
            return (await Jalin.Core.Notifications.Inbox.ListAsync(db, who, 1, 50)).Value!.Items.Select(n => (n.Kind, n.Title, n.Link)).ToList();
        }

        var id = await CreateAsync(_opd, Full());
        await MustAsync(id, ProposalAction.Submit, _opd);
        var officer = await InboxAsync(Actors.Officer);
        var submitted = Assert.Single(officer);
        Assert.Equal(Jalin.Core.Notifications.NotificationKind.ProposalSubmitted, submitted.Kind);
        Assert.Contains("Dinas Lingkungan Hidup Kota Cimahi", submitted.Title);
        Assert.Equal($"/app/usulan/{id}", submitted.Link);
        Assert.Empty(await InboxAsync(_opd)); // never the actor

        await MustAsync(id, ProposalAction.Verify, Actors.Officer);
        Assert.Contains(await InboxAsync(Tkksd), n => n.Title.Contains("menunggu kajian TKKSD"));
        Assert.Contains(await InboxAsync(_opd), n => n.Title.Contains("diverifikasi"));
        await MustAsync(id, ProposalAction.Assess, Tkksd, new ProposalActionRequest { Result = AssessmentResult.Feasible, Note = "Sesuai RPJMD" });
        Assert.Contains(await InboxAsync(Actors.Officer), n => n.Title.Contains("Hasil kajian TKKSD"));
        await MustAsync(id, ProposalAction.Recommend, Actors.Officer, new ProposalActionRequest { Kind = CooperationKind.KsddSukarela });
        Assert.Contains(await InboxAsync(_opd), n => n.Title.Contains("direkomendasikan"));

        // Another OPD of the same region and another region's officer hear nothing of this usulan.
        Assert.Empty(await InboxAsync(_otherOpd));
        Assert.Empty(await InboxAsync(Actors.PartyOfficer));
        Assert.Equal(2, (await InboxAsync(Actors.Officer)).Count);
    }

    [Fact]
    public async Task Moves_are_refused_to_the_wrong_role_region_agency_and_status()
    {
        var id = await CreateAsync(_opd, Full());
        // another OPD, another region, a leader: the proposal does not exist for the stranger and the other OPD
        Assert.IsType<NotFoundError>((await ActAsync(id, ProposalAction.Submit, _otherOpd)).Error);
        Assert.IsType<NotFoundError>((await ActAsync(id, ProposalAction.Submit, Actors.Stranger)).Error);
        Assert.IsType<ForbiddenError>((await ActAsync(id, ProposalAction.Submit, Actors.Leader)).Error);
        // verify before it is submitted: wrong status
        Assert.IsType<ConflictError>((await ActAsync(id, ProposalAction.Verify, Actors.Officer)).Error);
        await MustAsync(id, ProposalAction.Submit, _opd);
        // the OPD cannot verify its own proposal; the TKKSD cannot verify, only assess
        Assert.IsType<ForbiddenError>((await ActAsync(id, ProposalAction.Verify, _opd)).Error);
        Assert.IsType<ForbiddenError>((await ActAsync(id, ProposalAction.Verify, Tkksd)).Error);
        // submitted proposals are no longer edited
        await using (var db = _db.NewDb())
            Assert.IsType<ConflictError>((await UpdateProposal.HandleAsync(db, _opd, id, (await LoadAsync(id)).Version, Full("Judul diubah setelah diajukan"), _clock)).Error);
        // return needs a note; the OPD edits and resubmits
        Assert.Contains("note", Assert.IsType<ValidationError>((await ActAsync(id, ProposalAction.Return, Actors.Officer, new ProposalActionRequest())).Error).Fields.Keys);
        await MustAsync(id, ProposalAction.Return, Actors.Officer, new ProposalActionRequest { Note = "Lengkapi KAK" });
        Assert.Equal(ProposalStatus.NeedsRevision, (await LoadAsync(id)).Status);
        await using (var db = _db.NewDb())
            Assert.True((await UpdateProposal.HandleAsync(db, _opd, id, (await LoadAsync(id)).Version, Full("Judul diperbaiki sesudah catatan"), _clock)).Ok);
        await MustAsync(id, ProposalAction.Submit, _opd);
        await MustAsync(id, ProposalAction.Verify, Actors.Officer);
        // recommend needs an assessment first; assess needs a result
        Assert.IsType<ConflictError>((await ActAsync(id, ProposalAction.Recommend, Actors.Officer, new ProposalActionRequest { Kind = CooperationKind.Ksdpk })).Error);
        Assert.Contains("result", Assert.IsType<ValidationError>((await ActAsync(id, ProposalAction.Assess, Tkksd)).Error).Fields.Keys);
        await MustAsync(id, ProposalAction.Assess, Tkksd, new ProposalActionRequest { Result = AssessmentResult.NotFeasible, Note = "Bukan kewenangan" });
        // a "not feasible" assessment is not recommended; it is rejected with a reason
        Assert.IsType<ValidationError>((await ActAsync(id, ProposalAction.Recommend, Actors.Officer, new ProposalActionRequest { Kind = CooperationKind.Ksdpk })).Error);
        Assert.Contains("note", Assert.IsType<ValidationError>((await ActAsync(id, ProposalAction.Reject, Actors.Officer, new ProposalActionRequest())).Error).Fields.Keys);
        await MustAsync(id, ProposalAction.Reject, Actors.Officer, new ProposalActionRequest { Note = "Tidak layak" });
        Assert.Equal(ProposalStatus.Rejected, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task An_incomplete_draft_is_not_submitted_and_says_what_is_missing()
    {
        var id = await CreateAsync(_opd, new ProposalInput { Title = "Usulan yang belum lengkap" });
        var error = Assert.IsType<ValidationError>((await ActAsync(id, ProposalAction.Submit, _opd)).Error);
        Assert.Contains("latar belakang", error.Message);
        Assert.Contains("calon mitra", error.Message);
    }

    [Fact]
    public async Task Visibility_region_team_and_leader_see_all_an_OPD_its_own_others_nothing()
    {
        var id = await CreateAsync(_opd, Full());
        async Task<bool> Sees(CurrentActor a) { await using var db = _db.NewDb(); return (await GetProposal.HandleAsync(db, a, id)).Ok; }
        Assert.True(await Sees(_opd));
        Assert.True(await Sees(Actors.Officer));
        Assert.True(await Sees(Tkksd));
        Assert.True(await Sees(Actors.Leader));
        Assert.False(await Sees(_otherOpd));
        Assert.False(await Sees(Actors.Stranger));
        Assert.False(await Sees(Actors.Dprd));
        Assert.False(await Sees(new CurrentActor("admin", "admin", "Admin", Role.SystemAdmin, null)));
        // an OPD cannot create for another OPD
        await using var db = _db.NewDb();
        Assert.Contains("agencyId", Assert.IsType<ValidationError>((await CreateProposal.HandleAsync(db, _opd, Full() with { AgencyId = _dinkes }, _clock)).Error).Fields.Keys);
        Assert.IsType<ForbiddenError>((await CreateProposal.HandleAsync(db, Tkksd, Full(), _clock)).Error);
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_like_agreement_documents()
    {
        var id = await CreateAsync(_opd, Full());
        await using var db = _db.NewDb();
        var text = await AttachProposalFile.HandleAsync(db, _store, _opd, id, new AttachProposalFileRequest { Kind = ProposalAttachmentKind.TermsOfReference, Content = "bukan pdf"u8.ToArray(), FileName = "kak.pdf" }, _clock);
        Assert.Contains("file", Assert.IsType<ValidationError>(text.Error).Fields.Keys);
        Assert.IsType<TooLargeError>((await AttachProposalFile.HandleAsync(db, _store, _opd, id, new AttachProposalFileRequest { Kind = ProposalAttachmentKind.TermsOfReference, Content = [.. FileTests.Pdf, .. new byte[1024 * 1024]] }, _clock)).Error);
        Assert.Empty((await LoadAsync(id)).Attachments);
        Assert.True((await AttachProposalFile.HandleAsync(db, _store, _opd, id, new AttachProposalFileRequest { Kind = ProposalAttachmentKind.TermsOfReference, Content = FileTests.Pdf, FileName = "KAK.pdf" }, _clock)).Ok);
        Assert.Single((await LoadAsync(id)).Attachments);
    }

    [Fact]
    public async Task Conversion_carries_every_field_and_attachment_and_happens_at_most_once()
    {
        var id = await CreateAsync(_opd, Full());
        await using (var db = _db.NewDb())
        {
            Assert.True((await AttachProposalFile.HandleAsync(db, _store, _opd, id, new AttachProposalFileRequest { Kind = ProposalAttachmentKind.TermsOfReference, Content = FileTests.Pdf, FileName = "KAK.pdf" }, _clock)).Ok);
            Assert.True((await AttachProposalFile.HandleAsync(db, _store, _opd, id, new AttachProposalFileRequest { Kind = ProposalAttachmentKind.FeasibilityStudy, Content = [.. FileTests.Pdf, 1, 2], FileName = "FS.pdf" }, _clock)).Ok);
        }
        // the OPD cannot convert before recommendation, nor after
        await using (var db = _db.NewDb())
            Assert.IsType<ForbiddenError>((await ConvertProposal.HandleAsync(db, _opd, id, new ConvertProposalRequest(), _clock)).Error);
        await MustAsync(id, ProposalAction.Submit, _opd);
        await MustAsync(id, ProposalAction.Verify, Actors.Officer);
        await using (var db = _db.NewDb())
            Assert.IsType<ConflictError>((await ConvertProposal.HandleAsync(db, Actors.Officer, id, new ConvertProposalRequest(), _clock)).Error);
        await MustAsync(id, ProposalAction.Assess, Tkksd, new ProposalActionRequest { Result = AssessmentResult.Feasible, Note = "Layak" });
        await MustAsync(id, ProposalAction.Recommend, Actors.Officer, new ProposalActionRequest { Kind = CooperationKind.KsddSukarela });

        Result<ProposalConverted> converted;
        await using (var db = _db.NewDb())
            converted = await ConvertProposal.HandleAsync(db, Actors.Officer, id, new ConvertProposalRequest(), _clock);
        Assert.True(converted.Ok, converted.Error?.ToString());
        var proposal = await LoadAsync(id);
        Assert.Equal(converted.Value!.AgreementId, proposal.AgreementId);
        Assert.Contains(proposal.History, h => h.Action == "convert");

        await using (var db = _db.NewDb())
        {
            var a = await db.Agreements.AsNoTracking().Include(x => x.Parties).Include(x => x.Documents).Include(x => x.History).SingleAsync(x => x.Id == proposal.AgreementId);
            var input = Full();
            Assert.Equal(input.Title, a.Title);
            Assert.Equal(CooperationKind.KsddSukarela, a.Kind);
            Assert.Equal(Agreement.FirstStage(CooperationKind.KsddSukarela), a.Stage);
            Assert.Equal("2.11", a.AffairCode);
            Assert.Equal(1_250_000_000m, a.Value);
            Assert.Equal(FundingSource.Apbd, a.FundingSource);
            Assert.True(a.BudgetedInApbd);
            Assert.Equal(new DateOnly(2027, 1, 1), a.StartsOn);
            Assert.Equal(new DateOnly(2029, 12, 31), a.EndsOn); // 36 months
            Assert.StartsWith(input.Object!, a.Object);
            Assert.Contains(input.Location!, a.Object);
            Assert.Equal(input.Scope, a.Scope);
            Assert.Equal(_dlh, a.Parties.Single(p => p.Order == 1).LeadAgencyId);
            Assert.Equal(Actors.KabBandung, a.Parties.Single(p => p.Order == 2).RegionCode);
            // the attachments became documents on the same stored files
            Assert.Equal(proposal.Attachments.Select(x => x.FileSha256).Order(), a.Documents.Select(d => d.FileSha256!).Order());
            Assert.Contains(a.Documents, d => d.Kind == DocumentKind.TermsOfReference && d.FileName == "KAK.pdf");
            Assert.Contains(a.Documents, d => d.Kind == DocumentKind.FeasibilityStudy);
            Assert.All(a.Documents, d => Assert.Equal(Actors.Cimahi, d.RegionCode));
            Assert.Contains(a.History, h => h.Action == ActionCode.Register);
            // the agreement names its source
            var details = await GetAgreement.HandleAsync(db, Actors.Officer, a.Id);
            Assert.Equal(proposal.Number, details.Value!.SourceProposalNumber);
            Assert.Equal(id, details.Value.SourceProposalId);
        }
        // at most once
        await using (var db = _db.NewDb())
            Assert.IsType<ConflictError>((await ConvertProposal.HandleAsync(db, Actors.Officer, id, new ConvertProposalRequest(), _clock)).Error);
        await using (var db = _db.NewDb())
            Assert.Equal(1, await db.Agreements.CountAsync());
    }

    [Fact]
    public async Task A_free_text_partner_or_a_not_KSD_recommendation_does_not_convert_and_nothing_is_written()
    {
        var id = await RecommendedAsync(CooperationKind.Ksdpk, Full() with { PartnerRegionCode = null, PartnerName = "PT Belum Terdaftar" });
        await using (var db = _db.NewDb())
            Assert.Contains("partnerId", Assert.IsType<ValidationError>((await ConvertProposal.HandleAsync(db, Actors.Officer, id, new ConvertProposalRequest(), _clock)).Error).Fields.Keys);
        // a KSDD candidate with a registered partner that is not a region: RegisterAgreement's own rule refuses, in one transaction
        var partner = await new Scenario(_db, _clock).AddPartnerAsync(Jalin.Core.Partners.PartnerKind.PrivateCompany, "PT Sampah Bersih");
        await using (var db = _db.NewDb())
        {
            var r = await ConvertProposal.HandleAsync(db, Actors.Officer, id, new ConvertProposalRequest { PartnerId = partner.Id }, _clock);
            Assert.True(r.Ok, r.Error?.ToString()); // KSDPK with a company fits
        }
        var other = await RecommendedAsync(CooperationKind.KsddSukarela, Full("Usulan KSDD dengan mitra perusahaan") with { PartnerRegionCode = null, PartnerId = partner.Id });
        await using (var db = _db.NewDb())
            Assert.IsType<ValidationError>((await ConvertProposal.HandleAsync(db, Actors.Officer, other, new ConvertProposalRequest(), _clock)).Error);
        Assert.Null((await LoadAsync(other)).AgreementId);

        var notKsd = await CreateAsync(_opd, Full("Usulan hibah yang bukan kerja sama daerah"));
        await MustAsync(notKsd, ProposalAction.Submit, _opd);
        await MustAsync(notKsd, ProposalAction.Verify, Actors.Officer);
        await MustAsync(notKsd, ProposalAction.Assess, Tkksd, new ProposalActionRequest { Result = AssessmentResult.Feasible, Note = "Hibah biasa" });
        Assert.Contains("note", Assert.IsType<ValidationError>((await ActAsync(notKsd, ProposalAction.Recommend, Actors.Officer, new ProposalActionRequest { NotRegionalCooperation = true })).Error).Fields.Keys);
        await MustAsync(notKsd, ProposalAction.Recommend, Actors.Officer, new ProposalActionRequest { NotRegionalCooperation = true, Note = "Hibah barang; bukan kerja sama daerah" });
        await using (var db = _db.NewDb())
            Assert.IsType<ConflictError>((await ConvertProposal.HandleAsync(db, Actors.Officer, notKsd, new ConvertProposalRequest(), _clock)).Error);
        await using (var db = _db.NewDb())
            Assert.Equal(1, await db.Agreements.CountAsync());
    }
}
