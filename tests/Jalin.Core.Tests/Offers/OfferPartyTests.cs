using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Offers;
using Jalin.Core.Tests.Infrastructure;
using Jalin.Core.Tkksd;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Offers;

/// <summary>Issue #10 item 5: the region a KSDD offer is addressed to (here Kabupaten Bandung, 32.04, on Kota Cimahi's record)
/// answers it itself (PP 28/2018 Pasal 6 ayat (1) huruf b) and may first run its own TKKSD assessment; its kajian is its own
/// internal paper, never seen by the owner nor counted for the owner's kajian prerequisite.</summary>
public sealed class OfferPartyTests : IAsyncLifetime
{
    private static readonly CurrentActor PartyLeader = new("leader-kabbdg", "pimpinan.kabbdg", "Sekda Kab. Bandung", Role.Leader, Actors.KabBandung);
    private static readonly CurrentActor PartyTkksd = new("tkksd-kabbdg", "tkksd.kabbdg", "Anggota TKKSD Kab. Bandung", Role.TeamMember, Actors.KabBandung);
    private static readonly CurrentActor PartyOpd = new("opd-kabbdg", "opd.kabbdg", "OPD Kab. Bandung", Role.AgencyUser, Actors.KabBandung, AgencyId: Guid.NewGuid());
    private static readonly CurrentActor OwnerTkksd = new("tkksd-cimahi", "tkksd.cimahi", "Anggota TKKSD Cimahi", Role.TeamMember, Actors.Cimahi);
    private static readonly CurrentActor KotaBandung = new("officer-kotabdg", "petugas.kotabdg", "Petugas Kota Bandung", Role.CooperationOfficer, "32.73");
    private static readonly CurrentActor National = new("pembina-nasional", "pembina.kemendagri", "Pembina Nasional", Role.SupervisorNational, null);
    private static readonly CurrentActor Province = new("pembina-jabar", "pembina.jabar", "Pembina Jawa Barat", Role.SupervisorProvince, "32");

    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private readonly string _files = Path.Combine(Path.GetTempPath(), "jalin-core-tests", "offer-files-" + Guid.NewGuid().ToString("N"));
    private TestDb _db = null!;
    private Scenario _s = null!;
    private FileStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
        _store = new FileStore(new FileStoreOptions { Root = _files, MaxBytes = 1024 * 1024 });
        await using var db = _db.NewDb();
        foreach (var a in new[] { Actors.Officer, Actors.PartyOfficer, PartyLeader, PartyTkksd, OwnerTkksd, Actors.Stranger, KotaBandung })
            db.Users.Add(new ApplicationUser
            {
                Id = a.UserId, UserName = a.UserName, NormalizedUserName = a.UserName.ToUpperInvariant(), FullName = a.FullName, Role = a.Role, RegionCode = a.RegionCode, IsActive = true,
            });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_files, recursive: true); } catch (IOException) { }
    }

    /// <summary>A KSDD of Cimahi with Kab. Bandung, offered (preparation completed) with its offer letter attached.</summary>
    private async Task<Guid> OfferedAsync()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd("Uji penawaran " + Guid.NewGuid().ToString("N")[..6]));
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        await _s.AddDocAsync(id, DocumentKind.Assessment);
        await _s.MustApplyAsync(id, ActionCode.CompletePreparation.Value);
        await _s.AddDocAsync(id, DocumentKind.OfferLetter);
        return id;
    }

    private async Task<Result<OfferAnswered>> AnswerAsync(CurrentActor who, Guid id, string decision, string? reason = null)
    {
        await using var db = _db.NewDb();
        return await AnswerOffer.HandleAsync(db, _store, who, id, new AnswerOfferRequest
        {
            Decision = decision, Reason = reason, LetterNumber = "415.4/77/Tapem", LetterDate = new DateOnly(2026, 11, 23),
        }, _clock);
    }

    [Fact]
    public async Task Answer_offer_is_the_addressed_party_officers_and_refused_to_the_owner_a_third_region_and_the_partys_other_roles()
    {
        // PP 28/2018 Pasal 6 ayat (1) huruf b: the region the offer is addressed to answers it.
        var id = await OfferedAsync();
        Assert.IsType<ForbiddenError>((await AnswerAsync(Actors.Officer, id, OfferDecisions.Accept)).Error);
        Assert.IsType<NotFoundError>((await AnswerAsync(Actors.Stranger, id, OfferDecisions.Accept)).Error);
        Assert.IsType<ForbiddenError>((await AnswerAsync(PartyLeader, id, OfferDecisions.Accept)).Error);
        Assert.IsType<ForbiddenError>((await AnswerAsync(PartyTkksd, id, OfferDecisions.Accept)).Error);
        Assert.False((await AnswerAsync(PartyOpd, id, OfferDecisions.Accept)).Ok);
        Assert.Equal(Stage.Offer, (await _s.LoadAsync(id)).Stage);
        // The generic action path refuses the party's answer without its letter (it goes through AnswerOffer).
        Assert.False((await _s.ApplyAsync(id, ActionCode.AnswerOffer.Value, Actors.PartyOfficer, new ActionRequest { Decision = OfferDecisions.Accept })).Ok);

        var ok = await AnswerAsync(Actors.PartyOfficer, id, OfferDecisions.Accept);
        Assert.True(ok.Ok, ok.Error?.Message);
        Assert.Equal(Stage.DraftingKb, (await _s.LoadAsync(id)).Stage);
    }

    [Fact]
    public async Task The_answer_waits_for_the_owners_offer_letter_and_the_queue_and_waiting_card_say_so()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd("Tanpa surat penawaran"));
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        await _s.AddDocAsync(id, DocumentKind.Assessment);
        await _s.MustApplyAsync(id, ActionCode.CompletePreparation.Value);
        await using (var db = _db.NewDb())
        {
            var queue = (await ListIncomingOffers.HandleAsync(db, Actors.PartyOfficer)).Value!;
            var offer = Assert.Single(queue.Waiting);
            Assert.False(offer.MayAnswer);
            Assert.Contains("Surat penawaran dari Kota Cimahi belum dilampirkan", offer.NotYet);
            var waiting = (await WaitingOn.HandleAsync(db, Actors.Officer, id, _clock)).Value!;
            Assert.Contains(waiting, w => w.RegionCode == Actors.Cimahi && w.What.Contains("Surat penawaran"));
            Assert.Contains(waiting, w => w.RegionCode == Actors.KabBandung && w.What == "Jawab penawaran");
        }
        Assert.IsType<LifecycleRefused>((await AnswerAsync(Actors.PartyOfficer, id, OfferDecisions.Accept)).Error);
        await _s.AddDocAsync(id, DocumentKind.OfferLetter);
        await using (var db = _db.NewDb())
        {
            Assert.True(Assert.Single((await ListIncomingOffers.HandleAsync(db, Actors.PartyOfficer)).Value!.Waiting).MayAnswer);
            var waiting = (await WaitingOn.HandleAsync(db, Actors.PartyOfficer, id, _clock)).Value!;
            var only = Assert.Single(waiting);
            Assert.Equal(Actors.KabBandung, only.RegionCode);
        }
    }

    [Fact]
    public async Task Decline_ends_the_record_as_declined_by_the_partner()
    {
        var id = await OfferedAsync();
        Assert.IsType<ValidationError>((await AnswerAsync(Actors.PartyOfficer, id, OfferDecisions.Decline)).Error); // a reason is required
        var r = await AnswerAsync(Actors.PartyOfficer, id, OfferDecisions.Decline, "Belum dianggarkan tahun ini.");
        Assert.True(r.Ok, r.Error?.Message);
        var a = await _s.LoadAsync(id);
        Assert.Equal(Stage.Ended, a.Stage);
        Assert.Equal(EndReason.DeclinedByPartner, a.EndReason);
        await using var db = _db.NewDb();
        Assert.Empty((await WaitingOn.HandleAsync(db, Actors.Officer, id, _clock)).Value!);
    }

    [Fact]
    public async Task Ask_for_changes_sends_the_record_back_to_preparation_and_the_resent_offer_waits_again()
    {
        var id = await OfferedAsync();
        var r = await AnswerAsync(Actors.PartyOfficer, id, OfferDecisions.Revise, "Sebutkan volume sampah per hari.");
        Assert.True(r.Ok, r.Error?.Message);
        Assert.Equal(Stage.Preparation, (await _s.LoadAsync(id)).Stage);
        await using (var db = _db.NewDb())
        {
            var q = (await ListIncomingOffers.HandleAsync(db, Actors.PartyOfficer)).Value!;
            Assert.Empty(q.Waiting);
            Assert.Equal(OfferDecisions.Revise, Assert.Single(q.Answered).Decision);
            // Preparation waits on the owner only.
            Assert.All((await WaitingOn.HandleAsync(db, Actors.PartyOfficer, id, _clock)).Value!, w => Assert.Equal(Actors.Cimahi, w.RegionCode));
        }
        await _s.MustApplyAsync(id, ActionCode.CompletePreparation.Value);
        await using (var db = _db.NewDb())
            Assert.True(Assert.Single((await ListIncomingOffers.HandleAsync(db, Actors.PartyOfficer)).Value!.Waiting).MayAnswer);
        Assert.True((await AnswerAsync(Actors.PartyOfficer, id, OfferDecisions.Accept)).Ok);
        await using (var db = _db.NewDb())
        {
            // After acceptance each party owes its own DPRD record (PP 28/2018 Pasal 6 ayat (2)); the owner the KB draft.
            var waiting = (await WaitingOn.HandleAsync(db, Actors.Officer, id, _clock)).Value!;
            Assert.Contains(waiting, w => w.RegionCode == Actors.Cimahi && w.What.StartsWith("Finalkan rancangan KB"));
            Assert.Contains(waiting, w => w.RegionCode == Actors.KabBandung && w.What.Contains("persetujuan DPRD daerah sendiri"));
        }
    }

    private async Task<TeamView> TeamAsync(CurrentActor officer, CurrentActor member, string decree)
    {
        TeamView team;
        await using (var db = _db.NewDb())
            team = (await TkksdTeams.CreateAsync(db, officer, new TeamInput
            {
                DecreeNumber = decree, DecreeDate = new DateOnly(2026, 1, 5), PeriodStart = new DateOnly(2026, 1, 5), PeriodEnd = new DateOnly(2026, 12, 31),
            }, _clock)).Value!;
        await using (var db = _db.NewDb())
            team = (await TkksdTeams.AddMemberAsync(db, officer, team.Id, new MemberInput { Name = "Ketua " + decree, Position = "Sekretaris Daerah", Role = TeamRole.Ketua })).Value!;
        await using (var db = _db.NewDb())
            team = (await TkksdTeams.AddMemberAsync(db, officer, team.Id, new MemberInput { Name = member.FullName, Position = "Kepala Bappeda", Role = TeamRole.Anggota, UserId = member.UserId })).Value!;
        return team;
    }

    private static AssessmentInput Scores() => new()
    {
        Scores = TkksdCriteria.Defaults.Select(c => new ScoreInput { Criterion = c.Name, Score = 4 }).ToList(), Recommendation = Recommendation.Layak,
    };

    [Fact]
    public async Task The_party_region_assesses_the_offer_with_its_own_TKKSD_and_its_kajian_is_its_internal_paper_only()
    {
        var party = await TeamAsync(Actors.PartyOfficer, PartyTkksd, "SK-KABBDG");
        var owner = await TeamAsync(Actors.Officer, OwnerTkksd, "SK-CIMAHI");
        var partyMember = party.Members.Single(m => m.UserId == PartyTkksd.UserId).Id;
        var ownerMember = owner.Members.Single(m => m.UserId == OwnerTkksd.UserId).Id;
        var id = await _s.RegisterAsync(Scenario.Ksdd("Uji TKKSD pihak"));

        // In preparation nothing is offered to the party yet: its TKKSD does not assess.
        await using (var db = _db.NewDb())
            Assert.IsType<ConflictError>((await TkksdAssessments.AssignAsync(db, Actors.PartyOfficer, SubjectType.Agreement, id,
                new AssignInput { MemberIds = [partyMember], DueOn = new DateOnly(2026, 12, 1) }, _clock)).Error);
        await using (var db = _db.NewDb())
            Assert.True((await TkksdAssessments.AssignAsync(db, Actors.Officer, SubjectType.Agreement, id,
                new AssignInput { MemberIds = [ownerMember], DueOn = new DateOnly(2026, 12, 1) }, _clock)).Ok);
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        var ownerKajian = await _s.AddDocAsync(id, DocumentKind.Assessment);
        await _s.MustApplyAsync(id, ActionCode.CompletePreparation.Value);

        // At the offer: the party's officer assigns its own member; a member of the owner's team is not in its team.
        await using (var db = _db.NewDb())
        {
            Assert.IsType<ValidationError>((await TkksdAssessments.AssignAsync(db, Actors.PartyOfficer, SubjectType.Agreement, id,
                new AssignInput { MemberIds = [ownerMember], DueOn = new DateOnly(2026, 12, 1) }, _clock)).Error);
            var assigned = await TkksdAssessments.AssignAsync(db, Actors.PartyOfficer, SubjectType.Agreement, id,
                new AssignInput { MemberIds = [partyMember], DueOn = new DateOnly(2026, 12, 1) }, _clock);
            Assert.True(assigned.Ok, assigned.Error?.Message);
            Assert.Equal(partyMember, Assert.Single(assigned.Value!.Assessments).MemberId); // Cimahi's assignment is not listed
        }
        await using (var db = _db.NewDb())
        {
            Assert.IsType<ForbiddenError>((await TkksdAssessments.SubmitAsync(db, PartyTkksd, SubjectType.Agreement, id, ownerMember, Scores(), _clock)).Error);
            var submitted = await TkksdAssessments.SubmitAsync(db, PartyTkksd, SubjectType.Agreement, id, partyMember, Scores(), _clock);
            Assert.True(submitted.Ok, submitted.Error?.Message);
        }
        await using (var db = _db.NewDb())
        {
            // Each side reads only its own assessments; other readers none.
            var mine = (await TkksdAssessments.SummaryAsync(db, Actors.Officer, SubjectType.Agreement, id)).Value!;
            Assert.Equal(ownerMember, Assert.Single(mine.Assessments).MemberId);
            Assert.True(mine.HasKajian);
            var theirs = (await TkksdAssessments.SummaryAsync(db, PartyLeader, SubjectType.Agreement, id)).Value!;
            Assert.Equal(partyMember, Assert.Single(theirs.Assessments).MemberId);
            Assert.False(theirs.HasKajian); // Cimahi's kajian is not Kab. Bandung's
            Assert.IsType<NotFoundError>((await TkksdAssessments.SummaryAsync(db, KotaBandung, SubjectType.Agreement, id)).Error);
            Assert.IsType<ForbiddenError>((await TkksdAssessments.SummaryAsync(db, National, SubjectType.Agreement, id)).Error);
            Assert.IsType<ForbiddenError>((await TkksdAssessments.SummaryAsync(db, Province, SubjectType.Agreement, id)).Error);
        }

        // The party's kajian: its own internal document.
        var noPdf = new PdfConverter(new PdfOptions { SofficePath = "/nonexistent/soffice", SearchPath = false });
        KajianResult made;
        await using (var db = _db.NewDb())
        {
            Assert.IsType<ForbiddenError>((await GenerateKajian.HandleAsync(db, _store, noPdf, PartyTkksd, SubjectType.Agreement, id, _clock)).Error);
            var r = await GenerateKajian.HandleAsync(db, _store, noPdf, Actors.PartyOfficer, SubjectType.Agreement, id, _clock);
            Assert.True(r.Ok, r.Error?.Message);
            made = r.Value!;
        }
        var a = await _s.LoadAsync(id);
        var doc = a.Documents.Single(d => d.Id == made.DocumentId);
        Assert.Equal(Actors.KabBandung, AgreementAccess.DocumentRegion(a, doc));
        Assert.Equal(DocumentVisibility.Internal, doc.Visibility);
        Assert.DoesNotContain(a.RecordDocuments(), d => d.Id == doc.Id);
        // its closing says what it is for: the party's answer to the offer (PP 28/2018 Pasal 6 ayat (1) huruf b), internal to it
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream((await _store.ReadAsync(doc.FileSha256!)).Value!), false))
        {
            var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("dalam menjawab penawaran kerja sama dari Kota Cimahi (PP 28/2018 Pasal 6 ayat (1) huruf b) dan merupakan dokumen internal", text);
            Assert.DoesNotContain("bahan persiapan kerja sama daerah", text);
        }
        Assert.True(AgreementAccess.SeesDocument(Actors.PartyOfficer, a, doc));
        Assert.True(AgreementAccess.SeesDocument(PartyTkksd, a, doc));
        Assert.False(AgreementAccess.SeesDocument(Actors.Officer, a, doc));
        Assert.False(AgreementAccess.SeesDocument(OwnerTkksd, a, doc));
        Assert.False(AgreementAccess.SeesDocument(National, a, doc));
        Assert.False(AgreementAccess.SeesDocument(Province, a, doc));
        await using (var db = _db.NewDb())
        {
            Assert.Null(await db.Agreements.VisibleTo(KotaBandung).FirstOrDefaultAsync(x => x.Id == id)); // Kota Bandung sees nothing at all
            Assert.True((await TkksdAssessments.SummaryAsync(db, PartyLeader, SubjectType.Agreement, id)).Value!.HasKajian);
            // Cimahi's kajian prerequisite is met only by Cimahi's own kajian: without it, the party's does not count.
            db.AgreementDocuments.Remove(await db.AgreementDocuments.SingleAsync(d => d.Id == ownerKajian.Id));
            await db.SaveChangesAsync();
        }
        await using (var db = _db.NewDb())
        {
            var loaded = await GetAgreement.LoadVisibleAsync(db, CurrentActor.System, id, tracking: false, CancellationToken.None);
            var ctx = await LifecycleContexts.ForAsync(db, loaded!, _clock);
            Assert.False(Prerequisites.Doc(DocumentKind.Assessment).IsMet(ctx));
            Assert.False((await TkksdAssessments.SummaryAsync(db, Actors.Officer, SubjectType.Agreement, id)).Value!.HasKajian);
        }
    }
}
