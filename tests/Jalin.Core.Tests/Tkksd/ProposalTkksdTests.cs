using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Proposals;
using Jalin.Core.Tests.Infrastructure;
using Jalin.Core.Tkksd;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Tkksd;

/// <summary>The TKKSD assessing an usulan (praktik daerah: the law sets no flow for an OPD's proposal) and its kajian
/// carried into the agreement, where the lifecycle asks for the team's kajian in preparation (PP 28/2018 Pasal 6
/// ayat (1) huruf a; the kajian itself: praktik daerah).</summary>
public sealed class ProposalTkksdTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly CurrentActor Member = new("tkksd-user", "tkksd.cimahi", "Anggota TKKSD", Role.TeamMember, Actors.Cimahi);
    private readonly TestClock _clock = TestClock.At(Today);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "jalin-core-tests", "usulan-kajian-" + Guid.NewGuid().ToString("N"));
    private TestDb _db = null!;
    private FileStore _files = null!;
    private CurrentActor _opd = null!;
    private Guid _bappeda, _hukum;
    private readonly PdfConverter _noPdf = new(new PdfOptions { SofficePath = "/nonexistent/soffice", SearchPath = false });

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _files = new FileStore(new FileStoreOptions { Root = _root });
        await using (var db = _db.NewDb())
        {
            var dlh = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup Kota Cimahi", ShortName = "DLH" };
            db.Agencies.Add(dlh);
            db.Users.Add(new ApplicationUser { Id = Member.UserId, UserName = Member.UserName, NormalizedUserName = Member.UserName.ToUpperInvariant(), FullName = Member.FullName, Role = Member.Role, RegionCode = Member.RegionCode });
            await db.SaveChangesAsync();
            _opd = new("opd-dlh", "opd.dlh", "Operator DLH", Role.AgencyUser, Actors.Cimahi, dlh.Id);
        }
        TeamView team;
        await using (var db = _db.NewDb())
            team = (await TkksdTeams.CreateAsync(db, Actors.Officer, new TeamInput
            {
                DecreeNumber = "100.3.3.2/Kep.1-Setda/2026", DecreeDate = new DateOnly(2026, 1, 5), PeriodStart = new DateOnly(2026, 1, 5), PeriodEnd = new DateOnly(2026, 12, 31),
            }, _clock)).Value!;
        foreach (var (n, p, r, u) in new (string, string, TeamRole, string?)[]
        {
            ("Sekda", "Sekretaris Daerah", TeamRole.Ketua, null), ("Kepala Bappeda", "Kepala Bappeda", TeamRole.Anggota, Member.UserId),
            ("Kabag Hukum", "Kepala Bagian Hukum", TeamRole.Anggota, null),
        })
            await using (var db = _db.NewDb())
                team = (await TkksdTeams.AddMemberAsync(db, Actors.Officer, team.Id, new MemberInput { Name = n, Position = p, Role = r, UserId = u })).Value!;
        _bappeda = team.Members.Single(m => m.UserId == Member.UserId).Id;
        _hukum = team.Members.Single(m => m.Name == "Kabag Hukum").Id;
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static ProposalInput Full() => new()
    {
        Title = "Pengelolaan sampah regional Cimahi–Kabupaten Bandung", AffairCode = "2.11", PartnerRegionCode = Actors.KabBandung, Background = "Volume sampah melampaui kapasitas TPS.",
        Aims = "Mengurangi sampah ke TPA 20%.", Object = "Pengolahan sampah bersama", Location = "TPST Sarimukti", Scope = "Pengangkutan dan pengolahan",
        PlannedStart = new DateOnly(2027, 1, 1), TermMonths = 36, FundingSource = FundingSource.Apbd, Amount = 1_250_000_000m, BudgetedInApbd = true,
        Contact1Name = "Dadang", Contact1Phone = "0812-1111-2222",
    };

    private async Task<Guid> DraftAsync()
    {
        await using var db = _db.NewDb();
        var r = await CreateProposal.HandleAsync(db, _opd, Full(), _clock);
        Assert.True(r.Ok, r.Error?.ToString());
        return r.Value;
    }

    private async Task MustAsync(Guid id, ProposalAction action, CurrentActor actor, ProposalActionRequest? request = null)
    {
        await using var db = _db.NewDb();
        var r = await ApplyProposalAction.HandleAsync(db, actor, id, action, request ?? new ProposalActionRequest { Note = "catatan uji" }, _clock);
        Assert.True(r.Ok, $"{action}: {r.Error}");
    }

    private async Task<Result<AssessmentSummary>> AssignAsync(Guid id, CurrentActor actor, params Guid[] members)
    {
        await using var db = _db.NewDb();
        return await TkksdAssessments.AssignAsync(db, actor, SubjectType.Proposal, id, new AssignInput { MemberIds = [.. members], DueOn = Today.AddDays(7) }, _clock);
    }

    private static AssessmentInput Scores(Recommendation r, params int[] v) => new()
    {
        Scores = TkksdCriteria.Defaults.Select((c, i) => new ScoreInput { Criterion = c.Name, Score = v[i] }).ToList(), Recommendation = r, Remarks = "Catatan anggota.",
    };

    [Fact]
    public async Task A_recorded_result_other_than_the_members_majority_is_kept_and_named_in_the_history()
    {
        var id = await DraftAsync();
        await MustAsync(id, ProposalAction.Submit, _opd);
        await MustAsync(id, ProposalAction.Verify, Actors.Officer);
        Assert.True((await AssignAsync(id, Actors.Officer, _bappeda, _hukum)).Ok);
        await using (var db = _db.NewDb())
        {
            Assert.True((await TkksdAssessments.SubmitAsync(db, Member, SubjectType.Proposal, id, _bappeda, Scores(Recommendation.TidakLayak, 2, 2, 2, 2, 2, 2), _clock)).Ok);
            Assert.True((await TkksdAssessments.SubmitAsync(db, Actors.Officer, SubjectType.Proposal, id, _hukum, Scores(Recommendation.TidakLayak, 1, 2, 2, 2, 2, 2), _clock)).Ok);
            Assert.Equal((AssessmentResult.NotFeasible, 2), await ProposalAssessment.TeamResultAsync(db, id));
        }
        // The officer records "Layak" after the team's discussion: allowed, and the history says it differs.
        await MustAsync(id, ProposalAction.Assess, Actors.Officer, new ProposalActionRequest { Result = AssessmentResult.Feasible, Note = "Diputuskan dalam rapat tim" });
        await using (var db = _db.NewDb())
        {
            var p = await db.Proposals.AsNoTracking().Include(x => x.History).SingleAsync(x => x.Id == id);
            Assert.Equal(AssessmentResult.Feasible, p.Assessment);
            var row = p.History.Single(h => h.Action == "assess");
            Assert.Contains("Berbeda dari mayoritas penilaian 2 anggota TKKSD (Tidak layak)", row.Note);
        }
        // The same result as the majority adds no such line.
        var other = await DraftAsync();
        await MustAsync(other, ProposalAction.Submit, _opd);
        await MustAsync(other, ProposalAction.Verify, Actors.Officer);
        Assert.True((await AssignAsync(other, Actors.Officer, _bappeda)).Ok);
        await using (var db = _db.NewDb())
            Assert.True((await TkksdAssessments.SubmitAsync(db, Member, SubjectType.Proposal, other, _bappeda, Scores(Recommendation.Layak, 4, 4, 4, 4, 4, 4), _clock)).Ok);
        await MustAsync(other, ProposalAction.Assess, Actors.Officer, new ProposalActionRequest { Result = AssessmentResult.Feasible, Note = "Sesuai penilaian" });
        await using (var db = _db.NewDb())
            Assert.DoesNotContain("Berbeda", (await db.Proposals.AsNoTracking().Include(x => x.History).SingleAsync(x => x.Id == other)).History.Single(h => h.Action == "assess").Note);
    }

    [Fact]
    public async Task Proposal_subject_other_region_is_404_an_OPD_403_and_outside_the_verified_to_assessed_window_409()
    {
        var id = await DraftAsync();
        await using (var db = _db.NewDb())
        {
            // Another region does not see the usulan at all; the initiating OPD sees it but is no TKKSD reader.
            Assert.IsType<NotFoundError>((await TkksdAssessments.SummaryAsync(db, Actors.Stranger, SubjectType.Proposal, id)).Error);
            Assert.IsType<ForbiddenError>((await TkksdAssessments.SummaryAsync(db, _opd, SubjectType.Proposal, id)).Error);
            Assert.IsType<NotFoundError>((await TkksdAssessments.SummaryAsync(db, Actors.Officer, SubjectType.Proposal, Guid.NewGuid())).Error);
            var draft = (await TkksdAssessments.SummaryAsync(db, Member, SubjectType.Proposal, id)).Value!;
            Assert.False(draft.StageAllowsAssignment);
        }
        // Draf and Diajukan: before the Bagian Kerja Sama's verification, no assignment.
        Assert.IsType<ConflictError>((await AssignAsync(id, Actors.Officer, _bappeda)).Error);
        await MustAsync(id, ProposalAction.Submit, _opd);
        var submitted = await AssignAsync(id, Actors.Officer, _bappeda);
        Assert.Contains("Diajukan", Assert.IsType<ConflictError>(submitted.Error).Message);
        await MustAsync(id, ProposalAction.Verify, Actors.Officer);
        Assert.IsType<ForbiddenError>((await AssignAsync(id, Member, _bappeda)).Error);
        Assert.IsType<NotFoundError>((await AssignAsync(id, Actors.Stranger, _bappeda)).Error);
        var assigned = await AssignAsync(id, Actors.Officer, _bappeda);
        Assert.True(assigned.Ok, assigned.Error?.Message);
        Assert.True(assigned.Value!.CanAssign);
        await MustAsync(id, ProposalAction.Assess, Member, new ProposalActionRequest { Result = AssessmentResult.Feasible, Note = "Layak" });
        Assert.True((await AssignAsync(id, Actors.Officer, _hukum)).Ok); // Dikaji TKKSD: still before the recommendation
        await MustAsync(id, ProposalAction.Recommend, Actors.Officer, new ProposalActionRequest { Kind = CooperationKind.KsddSukarela });
        await using (var db = _db.NewDb())
        {
            // Direkomendasikan: past the window; the member's assessment is refused too.
            var late = await TkksdAssessments.SubmitAsync(db, Member, SubjectType.Proposal, id, _bappeda, Scores(Recommendation.Layak, 4, 4, 4, 4, 4, 4), _clock);
            Assert.Contains("Direkomendasikan", Assert.IsType<ConflictError>(late.Error).Message);
        }
    }

    [Fact]
    public async Task Proposal_kajian_becomes_the_agreements_kajian_and_meets_the_preparation_prerequisite()
    {
        var id = await DraftAsync();
        await MustAsync(id, ProposalAction.Submit, _opd);
        await MustAsync(id, ProposalAction.Verify, Actors.Officer);
        Assert.True((await AssignAsync(id, Actors.Officer, _bappeda, _hukum)).Ok);
        AssessmentSummary summary;
        await using (var db = _db.NewDb())
        {
            Assert.IsType<ConflictError>((await GenerateKajian.HandleAsync(db, _files, _noPdf, Actors.Officer, SubjectType.Proposal, id, _clock)).Error); // nothing assessed yet
            Assert.True((await TkksdAssessments.SubmitAsync(db, Member, SubjectType.Proposal, id, _bappeda, Scores(Recommendation.LayakDenganPerbaikan, 4, 4, 3, 3, 2, 4), _clock)).Ok);
            summary = (await TkksdAssessments.SubmitAsync(db, Actors.Officer, SubjectType.Proposal, id, _hukum, Scores(Recommendation.Layak, 4, 4, 4, 4, 4, 4), _clock)).Value!;
        }
        // One Layak, one Layak dengan perbaikan: the tie goes to the more cautious result, proposed for the assess step.
        Assert.Equal(AssessmentResult.FeasibleWithRevision, ProposalAssessment.Suggested(summary));
        Assert.Contains("2 dari 2 anggota menilai", ProposalAssessment.Line(summary));
        await using (var db = _db.NewDb())
        {
            Assert.IsType<ForbiddenError>((await GenerateKajian.HandleAsync(db, _files, _noPdf, Member, SubjectType.Proposal, id, _clock)).Error);
            var made = await GenerateKajian.HandleAsync(db, _files, _noPdf, Actors.Officer, SubjectType.Proposal, id, _clock);
            Assert.True(made.Ok, made.Error?.Message);
        }
        await using (var db = _db.NewDb())
        {
            var kajian = await db.ProposalAttachments.AsNoTracking().SingleAsync(a => a.ProposalId == id);
            Assert.Equal(ProposalAttachmentKind.Assessment, kajian.Kind);
            var bytes = (await _files.ReadAsync(kajian.FileSha256)).Value!;
            using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("IDENTITAS USULAN KERJA SAMA", text);
            Assert.Contains("USL/2026/0001", text);
            Assert.Contains("Dinas Lingkungan Hidup Kota Cimahi", text);
            Assert.Contains("LAYAK DENGAN PERBAIKAN", text);
            Assert.True((await TkksdAssessments.SummaryAsync(db, Actors.Officer, SubjectType.Proposal, id)).Value!.HasKajian);
        }
        await MustAsync(id, ProposalAction.Assess, Actors.Officer, new ProposalActionRequest { Result = AssessmentResult.FeasibleWithRevision, Note = "Sesuai kajian tim" });
        await MustAsync(id, ProposalAction.Recommend, Actors.Officer, new ProposalActionRequest { Kind = CooperationKind.KsddSukarela });
        Guid agreementId;
        await using (var db = _db.NewDb())
        {
            var converted = await ConvertProposal.HandleAsync(db, Actors.Officer, id, new ConvertProposalRequest(), _clock);
            Assert.True(converted.Ok, converted.Error?.ToString());
            agreementId = converted.Value!.AgreementId;
            // After conversion the kajian is written on the agreement, not the usulan.
            Assert.IsType<ConflictError>((await GenerateKajian.HandleAsync(db, _files, _noPdf, Actors.Officer, SubjectType.Proposal, id, _clock)).Error);
        }
        await using (var db = _db.NewDb())
        {
            var a = await db.Agreements.AsNoTracking().Include(x => x.Parties).Include(x => x.Documents).AsSplitQuery().SingleAsync(x => x.Id == agreementId);
            var doc = a.RecordDocuments().Single(d => d.Kind == DocumentKind.Assessment); // the owning region's kajian
            Assert.Equal(DocumentVisibility.Internal, doc.Visibility);
            Assert.Equal(Actors.Cimahi, AgreementAccess.DocumentRegion(a, doc));
            // The lifecycle's prerequisite "doc:Assessment" of the first stage's completion is met without re-doing the kajian.
            var complete = LifecycleTable.For(a.Kind).Single(r => r.Action == ActionCode.CompletePreparation);
            var prerequisite = complete.Requires.Single(p => p.Code == $"doc:{DocumentKind.Assessment}");
            Assert.True(prerequisite.IsMet(await LifecycleContexts.ForAsync(db, a, _clock)));
        }
    }
}
