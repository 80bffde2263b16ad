using DocumentFormat.OpenXml.Packaging;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Tests.Infrastructure;
using Jalin.Core.Tkksd;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Tkksd;

/// <summary>Issue #10 item 4: the TKKSD as data, weighted assessments and the kajian. The law sets no format for
/// the team's kajian of a KSDD/KSDPK (praktik daerah); the lifecycle asks for it in preparation
/// (PP 28/2018 Pasal 6 ayat (1) huruf a; KAK dan kajian tim: praktik daerah).</summary>
public class TkksdTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly CurrentActor Member = new("tkksd-user", "tkksd.cimahi", "Anggota TKKSD", Role.TeamMember, Actors.Cimahi);
    private static readonly CurrentActor OtherMember = new("tkksd-user-2", "tkksd2.cimahi", "Anggota Lain", Role.TeamMember, Actors.Cimahi);

    [Fact]
    public void Weighted_score_is_exact_in_decimals_and_written_with_a_comma()
    {
        CriterionScore[] scores = [new("A", 20, 4, null), new("B", 20, 4, null), new("C", 20, 3, null), new("D", 15, 3, null), new("E", 15, 2, null), new("F", 10, 4, null)];
        // 80 + 80 + 60 + 45 + 30 + 40 = 335 → 3,35
        Assert.Equal(3.35m, WeightedScore.Of(scores));
        Assert.Equal("3,35", WeightedScore.Format(WeightedScore.Of(scores)));
        Assert.Equal("3,75", WeightedScore.Format(WeightedScore.Of([new("A", 75, 4, null), new("B", 25, 3, null)])));
        Assert.Equal("5,00", WeightedScore.Format(WeightedScore.Of([new("A", 100, 5, null)])));
        // Average of 3,35 and 3,70 = 3,525 → rounded half away from zero to 3,53
        Assert.Equal(3.53m, WeightedScore.Average([3.35m, 3.70m]));
        Assert.Null(WeightedScore.Average([]));
    }

    [Fact]
    public void Default_criteria_sum_to_100_and_weights_must_sum_to_100()
    {
        Assert.Equal(100, TkksdCriteria.Defaults.Sum(c => c.Weight));
        Assert.Equal(6, TkksdCriteria.Defaults.Count);
        Assert.Null(TkksdCriteria.Validate([new() { Name = "A", Weight = 60 }, new() { Name = "B", Weight = 40 }]));
        var off = TkksdCriteria.Validate([new() { Name = "A", Weight = 60 }, new() { Name = "B", Weight = 30 }]);
        Assert.Contains("tepat 100 persen; sekarang 90 persen", off!.Fields["criteria"][0]);
        Assert.NotNull(TkksdCriteria.Validate([new() { Name = "A", Weight = 0 }, new() { Name = "B", Weight = 100 }])!.Fields["criteria[0].weight"]);
        Assert.NotNull(TkksdCriteria.Validate([new() { Name = "A", Weight = 101 }])!.Fields["criteria[0].weight"]);
        Assert.NotNull(TkksdCriteria.Validate([new() { Name = "A", Weight = 50 }, new() { Name = "a", Weight = 50 }])!.Fields["criteria"]);
        Assert.NotNull(TkksdCriteria.Validate([new() { Name = " ", Weight = 100 }])!.Fields["criteria[0].name"]);
        Assert.NotNull(TkksdCriteria.Validate([]));
    }

    [Fact]
    public void Conclusion_is_the_majority_and_the_more_cautious_on_a_tie()
    {
        RecommendationCount[] Counts(int l, int p, int t) =>
            [new(Recommendation.Layak, "", l), new(Recommendation.LayakDenganPerbaikan, "", p), new(Recommendation.TidakLayak, "", t)];
        Assert.Equal(Recommendation.Layak, GenerateKajian.Conclusion(Counts(2, 1, 0)));
        Assert.Equal(Recommendation.LayakDenganPerbaikan, GenerateKajian.Conclusion(Counts(1, 1, 0)));
        Assert.Null(GenerateKajian.Conclusion(Counts(0, 0, 0)));
    }

    private static async Task<(TestDb Db, Scenario S, TestClock Clock, TeamView Team)> WorldAsync()
    {
        var clock = TestClock.At(Today);
        var database = await TestDb.CreateAsync(clock);
        var s = new Scenario(database, clock);
        await using (var db = database.NewDb())
        {
            foreach (var a in new[] { Member, OtherMember })
                db.Users.Add(new ApplicationUser { Id = a.UserId, UserName = a.UserName, NormalizedUserName = a.UserName.ToUpperInvariant(), FullName = a.FullName, Role = a.Role, RegionCode = a.RegionCode });
            await db.SaveChangesAsync();
        }
        TeamView team;
        await using (var db = database.NewDb())
            team = (await TkksdTeams.CreateAsync(db, Actors.Officer, new TeamInput
            {
                DecreeNumber = "100.3.3.2/Kep.1-Setda/2026", DecreeDate = new DateOnly(2026, 1, 5), PeriodStart = new DateOnly(2026, 1, 5), PeriodEnd = new DateOnly(2026, 12, 31),
            }, clock)).Value!;
        (string, string, TeamRole, string?)[] members =
        [
            ("Sekda", "Sekretaris Daerah", TeamRole.Ketua, null), ("Kabag KS", "Kepala Bagian Kerja Sama", TeamRole.Sekretaris, null),
            ("Kepala Bappeda", "Kepala Bappeda", TeamRole.Anggota, Member.UserId), ("Kabag Hukum", "Kepala Bagian Hukum", TeamRole.Anggota, OtherMember.UserId),
        ];
        foreach (var (n, p, r, u) in members)
            await using (var db = database.NewDb())
                team = (await TkksdTeams.AddMemberAsync(db, Actors.Officer, team.Id, new MemberInput { Name = n, Position = p, Role = r, UserId = u })).Value!;
        return (database, s, clock, team);
    }

    private static AssessmentInput Scores(params int[] v) => new()
    {
        Scores = TkksdCriteria.Defaults.Select((c, i) => new ScoreInput { Criterion = c.Name, Score = v[i], Note = i == 0 ? $"Catatan nilai {v[i]}" : null }).ToList(),
        Recommendation = Recommendation.LayakDenganPerbaikan, Remarks = "Perbaiki klausul data.",
    };

    [Fact]
    public async Task One_active_team_per_region_a_new_decree_closes_the_old_period()
    {
        var (database, _, clock, team) = await WorldAsync();
        await using var _d = database;
        await using (var db = database.NewDb())
        {
            var earlier = await TkksdTeams.CreateAsync(db, Actors.Officer, new TeamInput { DecreeNumber = "lama", DecreeDate = new DateOnly(2025, 1, 1), PeriodStart = new DateOnly(2025, 1, 1) }, clock);
            Assert.Equal("periodStart", Assert.Single(((ValidationError)earlier.Error!).Fields).Key);
            var next = await TkksdTeams.CreateAsync(db, Actors.Officer, new TeamInput
            {
                DecreeNumber = "100.3.3.2/Kep.2-Setda/2026", DecreeDate = new DateOnly(2026, 10, 1), PeriodStart = new DateOnly(2026, 10, 1), CopyMembers = true,
            }, clock);
            Assert.True(next.Ok, next.Error?.Message);
            Assert.Equal(4, next.Value!.Members.Count);
        }
        await using (var db = database.NewDb())
        {
            var teams = await db.TkksdTeams.AsNoTracking().Where(t => t.RegionCode == Actors.Cimahi).ToListAsync();
            Assert.Single(teams, t => t.IsActive);
            var old = teams.Single(t => t.Id == team.Id);
            Assert.False(old.IsActive);
            Assert.Equal(new DateOnly(2026, 9, 30), old.PeriodEnd);
            var overview = (await TkksdTeams.GetAsync(db, Member)).Value!;
            Assert.Equal("100.3.3.2/Kep.2-Setda/2026", overview.Active!.DecreeNumber);
            Assert.False(overview.CanManage);
            // Boundaries: a member reads but does not keep the team; another region and an OPD see nothing.
            Assert.IsType<ForbiddenError>((await TkksdTeams.AddMemberAsync(db, Member, overview.Active.Id, new MemberInput { Name = "X", Position = "Y", Role = TeamRole.Anggota })).Error);
            Assert.IsType<ForbiddenError>((await TkksdTeams.GetAsync(db, Actors.Dprd)).Error);
            var garut = (await TkksdTeams.GetAsync(db, Actors.Stranger)).Value!;
            Assert.Null(garut.Active);
            Assert.IsType<NotFoundError>((await TkksdTeams.AddMemberAsync(db, Actors.Stranger, overview.Active.Id, new MemberInput { Name = "X", Position = "Y", Role = TeamRole.Anggota })).Error);
        }
    }

    [Fact]
    public async Task Only_assigned_members_assess_and_a_changed_weight_leaves_submitted_scores_alone()
    {
        var (database, s, clock, team) = await WorldAsync();
        await using var _d = database;
        var id = await s.RegisterAsync(Scenario.Ksdd());
        var bappeda = team.Members.Single(m => m.UserId == Member.UserId).Id;
        var hukum = team.Members.Single(m => m.UserId == OtherMember.UserId).Id;
        var sekda = team.Members.Single(m => m.Role == TeamRole.Ketua).Id;
        await using (var db = database.NewDb())
        {
            Assert.IsType<ForbiddenError>((await TkksdAssessments.AssignAsync(db, Member, SubjectType.Agreement, id, new AssignInput { MemberIds = [bappeda], DueOn = Today.AddDays(7) }, clock)).Error);
            Assert.Equal("dueOn", Assert.Single(((ValidationError)(await TkksdAssessments.AssignAsync(db, Actors.Officer, SubjectType.Agreement, id,
                new AssignInput { MemberIds = [bappeda], DueOn = Today.AddDays(-1) }, clock)).Error!).Fields).Key);
            var assigned = await TkksdAssessments.AssignAsync(db, Actors.Officer, SubjectType.Agreement, id, new AssignInput { MemberIds = [bappeda, hukum], DueOn = Today.AddDays(7) }, clock);
            Assert.True(assigned.Ok, assigned.Error?.Message);
        }
        await using (var db = database.NewDb())
        {
            // Each assigned member with an account hears of it once in the bell, with the due date and a link.
            foreach (var who in new[] { Member, OtherMember })
            {
                var bell = Assert.Single((await Jalin.Core.Notifications.Inbox.ListAsync(db, who, 1, 10)).Value!.Items);
                Assert.Equal(Jalin.Core.Notifications.NotificationKind.Assigned, bell.Kind);
                Assert.Equal($"/app/kerja-sama/{id}", bell.Link);
                Assert.Contains(IndonesianFormat.FormatDateLong(Today.AddDays(7)), bell.Body);
            }
            Assert.IsType<ConflictError>((await TkksdAssessments.AssignAsync(db, Actors.Officer, SubjectType.Agreement, id,
                new AssignInput { MemberIds = [bappeda], DueOn = Today.AddDays(7) }, clock)).Error);
            Assert.Single((await Jalin.Core.Notifications.Inbox.ListAsync(db, Member, 1, 10)).Value!.Items);
        }
        await using (var db = database.NewDb())
        {
            // Not assigned (the Ketua), and another member's assessment: refused.
            Assert.IsType<ForbiddenError>((await TkksdAssessments.SubmitAsync(db, Actors.Officer, SubjectType.Agreement, id, sekda, Scores(4, 4, 4, 4, 4, 4), clock)).Error);
            Assert.IsType<ForbiddenError>((await TkksdAssessments.SubmitAsync(db, Member, SubjectType.Agreement, id, hukum, Scores(4, 4, 4, 4, 4, 4), clock)).Error);
            // Boundaries of the scale: 0 and 6 refused, a missing criterion refused.
            var zero = await TkksdAssessments.SubmitAsync(db, Member, SubjectType.Agreement, id, bappeda, Scores(0, 4, 4, 4, 4, 6), clock);
            var fields = ((ValidationError)zero.Error!).Fields;
            Assert.Contains("scores[0].score", fields.Keys);
            Assert.Contains("scores[5].score", fields.Keys);
            var missing = Scores(4, 4, 4, 4, 4, 4) with { Scores = Scores(4, 4, 4, 4, 4, 4).Scores!.Take(5).ToList(), Recommendation = null };
            var missed = ((ValidationError)(await TkksdAssessments.SubmitAsync(db, Member, SubjectType.Agreement, id, bappeda, missing, clock)).Error!).Fields;
            Assert.Contains("scores[5].score", missed.Keys);
            Assert.Contains("recommendation", missed.Keys);
            var ok = await TkksdAssessments.SubmitAsync(db, Member, SubjectType.Agreement, id, bappeda, Scores(4, 4, 3, 3, 2, 4), clock);
            Assert.True(ok.Ok, ok.Error?.Message);
        }
        // The officer changes the weights; the submitted assessment keeps 20/20/20/15/15/10.
        await using (var db = database.NewDb())
        {
            var changed = await TkksdCriteria.SetAsync(db, Actors.Officer, new CriteriaInput
            {
                Criteria = TkksdCriteria.Defaults.Select((c, i) => new CriterionInput { Name = c.Name, Weight = i == 0 ? 50 : 10 }).ToList(),
            });
            Assert.True(changed.Ok, changed.Error?.Message);
            Assert.IsType<ForbiddenError>((await TkksdCriteria.SetAsync(db, Member, new CriteriaInput { Criteria = [new() { Name = "A", Weight = 100 }] })).Error);
        }
        await using (var db = database.NewDb())
        {
            var ok = await TkksdAssessments.SubmitAsync(db, Actors.Officer, SubjectType.Agreement, id, hukum, Scores(5, 3, 3, 3, 3, 3), clock); // on behalf of the member
            Assert.True(ok.Ok, ok.Error?.Message);
            var summary = (await TkksdAssessments.SummaryAsync(db, Member, SubjectType.Agreement, id)).Value!;
            var first = summary.Assessments.Single(a => a.MemberId == bappeda);
            Assert.Equal([20, 20, 20, 15, 15, 10], first.Scores.Select(x => x.Weight));
            Assert.Equal("3,35", first.WeightedScoreText);
            var second = summary.Assessments.Single(a => a.MemberId == hukum);
            Assert.Equal(50, second.Scores[0].Weight);
            Assert.Equal("4,00", second.WeightedScoreText); // 250 + 5×30 = 400
            Assert.Equal("3,68", summary.AverageScoreText); // (3,35 + 4,00) / 2 = 3,675 → 3,68
            Assert.Equal(2, summary.Recommendations.Single(r => r.Recommendation == Recommendation.LayakDenganPerbaikan).Count);
            Assert.Equal(Actors.Officer.UserName, second.SubmittedBy);
            // Another region does not see it; the party region of the agreement reads only its own TKKSD's (none here, and
            // in preparation nothing is offered to it yet), never the owner's team's assessment.
            var party = (await TkksdAssessments.SummaryAsync(db, Actors.PartyOfficer, SubjectType.Agreement, id)).Value!;
            Assert.Empty(party.Assessments);
            Assert.False(party.StageAllowsAssignment);
            Assert.IsType<NotFoundError>((await TkksdAssessments.SummaryAsync(db, Actors.Stranger, SubjectType.Agreement, id)).Error);
        }
    }

    [Fact]
    public async Task Generated_kajian_holds_scores_and_totals_and_meets_the_assessment_prerequisite()
    {
        var (database, s, clock, team) = await WorldAsync();
        await using var _d = database;
        var id = await s.RegisterAsync(Scenario.Ksdd());
        await s.AddDocAsync(id, DocumentKind.TermsOfReference);
        var bappeda = team.Members.Single(m => m.UserId == Member.UserId).Id;
        await using (var db = database.NewDb())
            Assert.True((await TkksdAssessments.AssignAsync(db, Actors.Officer, SubjectType.Agreement, id, new AssignInput { MemberIds = [bappeda], DueOn = Today }, clock)).Ok);
        await using (var db = database.NewDb())
            Assert.True((await TkksdAssessments.SubmitAsync(db, Member, SubjectType.Agreement, id, bappeda, Scores(4, 4, 3, 3, 2, 4), clock)).Ok);

        // Without the kajian, preparation cannot be completed (the TKKSD's kajian is asked in preparation).
        Assert.False((await s.ApplyAsync(id, ActionCode.CompletePreparation.Value)).Ok);

        var root = Path.Combine(Path.GetTempPath(), "jalin-kajian-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = new FileStore(new FileStoreOptions { Root = root });
            var noPdf = new PdfConverter(new PdfOptions { SofficePath = "/nonexistent/soffice", SearchPath = false });
            await using (var db = database.NewDb())
                Assert.IsType<ForbiddenError>((await GenerateKajian.HandleAsync(db, files, noPdf, Member, SubjectType.Agreement, id, clock)).Error);
            KajianResult made;
            await using (var db = database.NewDb())
            {
                var r = await GenerateKajian.HandleAsync(db, files, noPdf, Actors.Officer, SubjectType.Agreement, id, clock);
                Assert.True(r.Ok, r.Error?.Message);
                made = r.Value!;
            }
            Assert.Contains("DOCX", made.Warning);
            var a = await s.LoadAsync(id);
            var doc = a.Documents.Single(d => d.Kind == DocumentKind.Assessment);
            Assert.Equal(DocumentVisibility.Internal, doc.Visibility);
            var bytes = (await files.ReadAsync(doc.FileSha256!)).Value!;
            using (var word = WordprocessingDocument.Open(new MemoryStream(bytes), false))
            {
                var text = string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
                Assert.Contains("100.3.3.2/Kep.1-Setda/2026", text);
                Assert.Contains("Kewenangan dan urusan pemerintahan", text);
                Assert.Contains("3,35", text);               // the member's weighted total and the average
                Assert.Contains("Catatan nilai 4", text);     // the member's note
                Assert.Contains("LAYAK DENGAN PERBAIKAN", text);
                Assert.Contains("Sekda", text);                // Ketua's signature block
                Assert.Contains("Kabag KS", text);             // Sekretaris's
                var cells = word.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
                Assert.Contains("20%", cells);
                Assert.Contains("Nilai tertimbang", cells);
            }
            // The lifecycle action that needed the kajian is now allowed.
            await s.MustApplyAsync(id, ActionCode.CompletePreparation.Value);
        }
        finally { if (Directory.Exists(root)) Directory.Delete(root, true); }
    }
}
