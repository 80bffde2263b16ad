using Jalin.Core.Agencies;
using Jalin.Core.Common;
using Jalin.Core.Evaluation;
using Jalin.Core.Identity;
using Jalin.Core.Proposals;
using Jalin.Core.Tests.Infrastructure;
using Jalin.Core.Tkksd;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jalin.Core.Tests.Evaluation;

/// <summary>Issue #11 item 3 and the "evaluation overdue" flag: monev of an agreement, the schedule, the follow-up usulan
/// and the monitoring round with its report. The head of region supervises the perangkat daerah carrying out a kerja sama
/// (PP 28/2018 Pasal 44 ayat (3)); the criteria, schedule and rounds themselves are praktik daerah. Real SQLite, real migrations.</summary>
public sealed class EvaluationTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly CurrentActor Member = new("tkksd-eval", "tkksd.cimahi", "Dr. Asep Hidayat", Role.TeamMember, Actors.Cimahi);
    private static readonly CurrentActor Auditor = new("auditor-cimahi", "inspektorat.cimahi", "Inspektur", Role.Auditor, Actors.Cimahi);

    private static EvaluationInput Ratings(EvaluationRecommendation rec, params int[] scores) => new()
    {
        Ratings = EvaluationCriteria.Defaults.Select((c, i) => new RatingInput { Criterion = c.Name, Score = scores[i % scores.Length], Note = i == 0 ? "Sesuai naskah." : null }).ToList(),
        Findings = "Pengangkutan sampah berjalan, laporan triwulan III terlambat dua minggu.", Recommendation = rec,
    };

    [Fact]
    public void Default_criteria_keep_the_monev_form_and_weigh_100_and_the_score_is_weight_times_rating()
    {
        Assert.Equal(100, EvaluationCriteria.Defaults.Sum(c => c.Weight));
        Assert.Contains(EvaluationCriteria.Defaults, c => c.Name == "Kontribusi mitra");
        Assert.Contains(EvaluationCriteria.Defaults, c => c.Name == "Relevansi kebutuhan");
        // 15×5 + 10×4 + 10×3 + 10×2 + 15×1 + 10×5 + 5×4 + 10×3 + 5×2 + 10×1 = 75+40+30+20+15+50+20+30+10+10 = 300 → 3,00
        var scores = EvaluationCriteria.Defaults.Select((c, i) => new CriterionScore(c.Name, c.Weight, new[] { 5, 4, 3, 2, 1 }[i % 5], null)).ToList();
        Assert.Equal(3.00m, WeightedScore.Of(scores));
        var allFour = EvaluationCriteria.Defaults.Select(c => new CriterionScore(c.Name, c.Weight, 4, null));
        Assert.Equal("4,00", WeightedScore.Format(WeightedScore.Of(allFour)));
        // Validation: a rating out of 1–5, a criterion not in the set, a missing one, no findings, no recommendation.
        var bad = Evaluations.Validate(EvaluationCriteria.Defaults, new EvaluationInput
        {
            Ratings = [new RatingInput { Criterion = "Kesesuaian tujuan", Score = 6 }, new RatingInput { Criterion = "Kriteria asing", Score = 3 }],
            Findings = "pendek",
        });
        Assert.NotNull(bad);
        Assert.Contains("ratings[0].score", bad!.Fields.Keys);
        Assert.Contains("ratings[1].criterion", bad.Fields.Keys);
        Assert.Contains("findings", bad.Fields.Keys);
        Assert.Contains("recommendation", bad.Fields.Keys);
        var missing = Evaluations.Validate(EvaluationCriteria.Defaults, Ratings(EvaluationRecommendation.Lanjutkan, 4) with { Ratings = Ratings(EvaluationRecommendation.Lanjutkan, 4).Ratings!.Skip(1).ToList() });
        Assert.Contains("Kesesuaian tujuan", missing!.Fields["ratings"][0]);
    }

    [Fact]
    public void Schedule_is_yearly_from_the_start_and_once_before_the_end_across_year_boundaries()
    {
        var start = new DateOnly(2025, 11, 15);
        var end = new DateOnly(2028, 11, 14);
        // 180 days before 14 Nov 2028 = 18 May 2028; yearly anniversaries 15 Nov 2026 and 15 Nov 2027 come before it.
        var s = EvaluationSchedule.Compute(start, end, 180, [], new DateOnly(2026, 11, 15));
        Assert.Equal(3, s.Count);
        Assert.Equal(new DateOnly(2026, 11, 15), s[0].DueOn);
        Assert.Equal(DueState.Due, s[0].State);
        Assert.Equal(new DateOnly(2028, 5, 18), s[2].From);
        Assert.True(s[2].IsClosing);
        Assert.False(EvaluationSchedule.IsOverdue(s));
        // The day after the anniversary, across the year end: overdue on 16 Nov 2026 and still on 2 Jan 2027.
        Assert.True(EvaluationSchedule.IsOverdue(EvaluationSchedule.Compute(start, end, 180, [], new DateOnly(2026, 11, 16))));
        Assert.True(EvaluationSchedule.IsOverdue(EvaluationSchedule.Compute(start, end, 180, [], new DateOnly(2027, 1, 2))));
        // An evaluation on 28 Dec 2025 counts for year 1 (15 Nov 2025 – 15 Nov 2026): not overdue on 2 Jan 2027.
        var done = EvaluationSchedule.Compute(start, end, 180, [new DateOnly(2025, 12, 28)], new DateOnly(2027, 1, 2));
        Assert.Equal(DueState.Done, done[0].State);
        Assert.False(EvaluationSchedule.IsOverdue(done));
        // Not yet due 31 days before the anniversary; due 30 days before.
        Assert.Equal(DueState.NotYet, EvaluationSchedule.Compute(start, end, 180, [], new DateOnly(2026, 10, 15))[0].State);
        Assert.Equal(DueState.Due, EvaluationSchedule.Compute(start, end, 180, [], new DateOnly(2026, 10, 16))[0].State);
        // Closing window: due from 18 May 2028, met by an evaluation inside it; a yearly evaluation before it does not meet it.
        var closing = EvaluationSchedule.Compute(start, end, 180, [new DateOnly(2026, 11, 1), new DateOnly(2027, 11, 1)], new DateOnly(2028, 6, 1));
        Assert.Equal(DueState.Due, closing[2].State);
        Assert.Equal(closing[2], EvaluationSchedule.Current(closing));
        // A 29 February start: the anniversary in a common year is 28 February.
        Assert.Equal(new DateOnly(2025, 2, 28), EvaluationSchedule.Compute(new DateOnly(2024, 2, 29), new DateOnly(2030, 2, 28), 180, [], new DateOnly(2025, 1, 1))[0].DueOn);
        // A short agreement (one year) has only the closing evaluation.
        Assert.Single(EvaluationSchedule.Compute(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 180, [], Today));
    }

    private static async Task<(TestDb Db, Scenario S, TestClock Clock, Guid Agreement, TeamView Team, Guid Agency)> WorldAsync()
    {
        var clock = TestClock.At(Today);
        var database = await TestDb.CreateAsync(clock);
        var s = new Scenario(database, clock);
        var id = await s.KsddInImplementationAsync();
        var agency = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup", ShortName = "DLH" };
        await using (var db = database.NewDb())
        {
            foreach (var a in new[] { Member, Actors.Officer })
                db.Users.Add(new ApplicationUser { Id = a.UserId, UserName = a.UserName, NormalizedUserName = a.UserName.ToUpperInvariant(), FullName = a.FullName, Role = a.Role, RegionCode = a.RegionCode });
            db.Agencies.Add(agency);
            await db.ActingAs(CurrentActor.System).SaveChangesAsync();
            var owner = await db.AgreementParties.Where(p => p.AgreementId == id).OrderBy(p => p.Order).FirstAsync();
            owner.LeadAgencyId = agency.Id;
            owner.LeadAgencyName = agency.Name;
            await db.SaveChangesAsync();
        }
        TeamView team;
        await using (var db = database.NewDb())
            team = (await TkksdTeams.CreateAsync(db, Actors.Officer, new TeamInput
            {
                DecreeNumber = "100.3.3.2/Kep.45-Setda/2026", DecreeDate = new DateOnly(2026, 1, 8), PeriodStart = new DateOnly(2026, 1, 8), PeriodEnd = new DateOnly(2026, 12, 31),
            }, clock)).Value!;
        await using (var db = database.NewDb())
            team = (await TkksdTeams.AddMemberAsync(db, Actors.Officer, team.Id, new MemberInput { Name = "Dr. Asep Hidayat", Position = "Kepala Bappeda", Role = TeamRole.Anggota, UserId = Member.UserId })).Value!;
        await using (var db = database.NewDb())
            team = (await TkksdTeams.AddMemberAsync(db, Actors.Officer, team.Id, new MemberInput { Name = "Tanpa Akun", Position = "Kepala Bagian Hukum", Role = TeamRole.Anggota })).Value!;
        return (database, s, clock, id, team, agency.Id);
    }

    [Fact]
    public async Task Continue_before_expiry_opens_a_draft_usulan_prefilled_and_linked_both_ways()
    {
        var (database, _, clock, id, _, agency) = await WorldAsync();
        await using var _d = database;
        await using var db = database.NewDb();
        // Boundaries: another region sees nothing; the leader reads but does not evaluate; a member without an assignment does not evaluate.
        Assert.IsType<NotFoundError>((await Evaluations.CardAsync(db, Actors.Stranger, id, clock)).Error);
        Assert.IsType<NotFoundError>((await Evaluations.CardAsync(db, Actors.PartyOfficer, id, clock)).Error);
        Assert.True((await Evaluations.CardAsync(db, Actors.Leader, id, clock)).Ok);
        Assert.IsType<ForbiddenError>((await Evaluations.SubmitAsync(db, Actors.Leader, id, Ratings(EvaluationRecommendation.Lanjutkan, 4), clock)).Error);
        Assert.IsType<ForbiddenError>((await Evaluations.SubmitAsync(db, Member, id, Ratings(EvaluationRecommendation.Lanjutkan, 4), clock)).Error);
        Assert.IsType<ValidationError>((await Evaluations.SubmitAsync(db, Actors.Officer, id, Ratings(EvaluationRecommendation.Lanjutkan, 9), clock)).Error);
        Assert.Equal(0, await db.AgreementEvaluations.CountAsync());

        var stop = await Evaluations.SubmitAsync(db, Actors.Officer, id, Ratings(EvaluationRecommendation.Hentikan, 2), clock);
        Assert.True(stop.Ok, stop.Error?.Message);
        Assert.Equal(2.00m, stop.Value!.Score);
        Assert.IsType<ConflictError>((await Evaluations.OpenFollowUpAsync(db, Actors.Officer, stop.Value.Id, clock)).Error);

        var go = await Evaluations.SubmitAsync(db, Actors.Officer, id, Ratings(EvaluationRecommendation.Lanjutkan, 4, 5), clock);
        Assert.True(go.Ok, go.Error?.Message);
        Assert.True(go.Value!.CanOpenFollowUp);
        Assert.IsType<ForbiddenError>((await Evaluations.OpenFollowUpAsync(db, Actors.Leader, go.Value.Id, clock)).Error);
        var opened = await Evaluations.OpenFollowUpAsync(db, Actors.Officer, go.Value.Id, clock);
        Assert.True(opened.Ok, opened.Error?.Message);
        Assert.True(opened.Value!.Created);

        await using var check = database.NewDb();
        var proposal = await check.Proposals.SingleAsync(p => p.Id == opened.Value.ProposalId);
        var agreement = await check.Agreements.Include(a => a.Parties).SingleAsync(a => a.Id == id);
        Assert.Equal(ProposalStatus.Draft, proposal.Status); // nothing is submitted silently
        Assert.Equal(id, proposal.SourceAgreementId);
        Assert.Equal(opened.Value.ProposalId, (await check.AgreementEvaluations.SingleAsync(e => e.Id == go.Value.Id)).FollowUpProposalId);
        Assert.Equal("Perpanjangan " + agreement.Title, proposal.Title);
        Assert.Equal(agreement.AffairCode, proposal.AffairCode);
        Assert.Equal(Actors.KabBandung, proposal.PartnerRegionCode);
        Assert.Equal(agency, proposal.AgencyId);
        Assert.Contains("laporan triwulan III terlambat", proposal.Background);
        Assert.Equal(agreement.EndsOn!.Value.AddDays(1), proposal.PlannedStart);
        // A second call returns the same usulan.
        var again = await Evaluations.OpenFollowUpAsync(db, Actors.Officer, go.Value.Id, clock);
        Assert.Equal(opened.Value.ProposalId, again.Value!.ProposalId);
        Assert.False(again.Value.Created);
        Assert.Equal(1, await check.Proposals.CountAsync(p => p.SourceAgreementId == id));

        // After the end date no extension is opened from an evaluation any more.
        var amend = await Evaluations.SubmitAsync(db, Actors.Officer, id, Ratings(EvaluationRecommendation.Ubah, 3), clock);
        clock.SetDay(agreement.EndsOn!.Value.AddDays(1));
        await using var late = database.NewDb();
        Assert.IsType<ConflictError>((await Evaluations.OpenFollowUpAsync(late, Actors.Officer, amend.Value!.Id, clock)).Error);
    }

    [Fact]
    public async Task Round_proposes_active_agreements_assigns_a_member_and_the_report_totals_match_the_database()
    {
        var (database, s, clock, id, team, _) = await WorldAsync();
        await using var _d = database;
        var second = await s.KsddInImplementationAsync();
        await s.RegisterAsync(Scenario.Ksdd("Masih dalam persiapan")); // not active: not in the round
        await using var db = database.NewDb();
        Assert.IsType<ForbiddenError>((await MonitoringRounds.CreateAsync(db, Member, new MonitoringRoundInput(2026, Today.AddDays(14), null), clock)).Error);
        Assert.IsType<ValidationError>((await MonitoringRounds.CreateAsync(db, Actors.Officer, new MonitoringRoundInput(2026, Today.AddDays(-1), null), clock)).Error);
        var created = await MonitoringRounds.CreateAsync(db, Actors.Officer, new MonitoringRoundInput(2026, Today.AddDays(14), null), clock);
        Assert.True(created.Ok, created.Error?.Message);
        var round = created.Value!;
        Assert.Equal(2, round.Total);
        Assert.Equal(new[] { id, second }.Order(), round.Rows.Select(r => r.AgreementId).Order());
        Assert.Single(round.Members); // only the member with a Jalin account can be assigned
        Assert.IsType<NotFoundError>((await MonitoringRounds.GetAsync(db, Actors.Stranger, round.Id, clock)).Error);
        var noAccount = team.Members.Single(m => m.UserId is null);
        Assert.IsType<ValidationError>((await MonitoringRounds.AssignAsync(db, Actors.Officer, round.Id, round.Rows[0].Id, new RoundAssignInput(noAccount.Id), clock)).Error);

        var member = team.Members.Single(m => m.UserId == Member.UserId);
        foreach (var row in round.Rows)
            Assert.True((await MonitoringRounds.AssignAsync(db, Actors.Officer, round.Id, row.Id, new RoundAssignInput(member.Id), clock)).Ok);
        Assert.Equal(2, await db.Notifications.CountAsync(n => n.RecipientUserId == Member.UserId && n.Kind == Jalin.Core.Notifications.NotificationKind.Assigned));

        var card = (await Evaluations.CardAsync(db, Member, id, clock)).Value!;
        Assert.True(card.CanEvaluate);
        var submitted = await Evaluations.SubmitAsync(db, Member, id, Ratings(EvaluationRecommendation.Perluas, 5, 4), clock);
        Assert.True(submitted.Ok, submitted.Error?.Message);
        Assert.Equal(round.Id, submitted.Value!.RoundId);
        Assert.IsType<ForbiddenError>((await Evaluations.SubmitAsync(db, Member, id, Ratings(EvaluationRecommendation.Perluas, 5), clock)).Error); // assignment done

        // Past the deadline: the second one is late and its member is reminded.
        clock.SetDay(Today.AddDays(15));
        await using var later = database.NewDb();
        var view = (await MonitoringRounds.GetAsync(later, Actors.Officer, round.Id, clock)).Value!;
        Assert.Equal(1, view.Submitted);
        Assert.Equal(1, view.Late);
        Assert.Equal(1, (await MonitoringRounds.RemindAsync(later, Actors.Officer, round.Id, clock)).Value);
        Assert.Equal(0, (await MonitoringRounds.RemindAsync(later, Actors.Officer, round.Id, clock)).Value); // once a day

        var report = (await MonitoringRounds.ReportAsync(later, Auditor, round.Id, clock)).Value!;
        var xlsx = MonitoringReportExport.Xlsx(report);
        using var stream = new MemoryStream(xlsx.Content);
        var rows = stream.Query(useHeaderRow: true, sheetName: MonitoringReportExport.SheetRows).Cast<IDictionary<string, object>>().ToList();
        stream.Position = 0;
        var totals = stream.Query(useHeaderRow: true, sheetName: MonitoringReportExport.SheetTotals).Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["Rekomendasi"], r => Convert.ToInt32(r["Jumlah"]));
        Assert.Equal(2, rows.Count);
        var fromDb = await later.AgreementEvaluations.Where(e => e.RoundId == round.Id).GroupBy(e => e.Recommendation).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
        foreach (var rec in Enum.GetValues<EvaluationRecommendation>())
            Assert.Equal(fromDb.SingleOrDefault(x => x.Key == rec)?.N ?? 0, totals[rec.Label()]);
        Assert.Equal(1, totals["Diperluas"]);
        Assert.Equal(await later.MonitoringAssignments.CountAsync(a => a.RoundId == round.Id && a.EvaluationId == null), totals[MonitoringReportExport.NotEvaluatedLabel]);
        Assert.Equal(await later.MonitoringAssignments.CountAsync(a => a.RoundId == round.Id), totals["Jumlah"]);
        var scoreCell = rows.Single(r => (string)r["Rekomendasi"] == "Diperluas")["Nilai"];
        Assert.Equal((double)(await later.AgreementEvaluations.SingleAsync()).Score, Convert.ToDouble(scoreCell), 3);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(MonitoringReportExport.Docx(report)), false))
            Assert.Contains("Diperluas", docx.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public async Task Overdue_flag_lists_active_agreements_past_their_yearly_evaluation()
    {
        var (database, _, clock, id, _, _) = await WorldAsync();
        await using var _d = database;
        await using (var db = database.NewDb())
            Assert.Empty((await Evaluations.OverdueAsync(db, Actors.Officer, clock)).Value!); // started 1 Jan 2026, first due 1 Jan 2027
        clock.SetDay(new DateOnly(2027, 1, 5));
        await using (var db = database.NewDb())
        {
            var overdue = (await Evaluations.OverdueAsync(db, Actors.Leader, clock)).Value!;
            Assert.Equal(id, Assert.Single(overdue).AgreementId);
            Assert.Equal(4, overdue[0].DaysLate);
            Assert.IsType<ForbiddenError>((await Evaluations.OverdueAsync(db, Actors.Dprd, clock)).Error);
            Assert.True((await Evaluations.CardAsync(db, Actors.Officer, id, clock)).Value!.Overdue);
            Assert.True((await Evaluations.SubmitAsync(db, Actors.Officer, id, Ratings(EvaluationRecommendation.Lanjutkan, 4), clock)).Ok);
        }
        await using (var db = database.NewDb())
            Assert.Empty((await Evaluations.OverdueAsync(db, Actors.Officer, clock)).Value!);
    }
}
