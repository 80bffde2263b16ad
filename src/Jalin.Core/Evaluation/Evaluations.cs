using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Notifications;
using Jalin.Core.Proposals;
using Jalin.Core.Tkksd;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Evaluation;

/// <summary>Who reads and makes evaluations. Read: the owning region's officer, TKKSD members, leader and auditor, and
/// the supervisors who see the agreement (UU 23/2014 Pasal 368; PP 28/2018 Pasal 44). Evaluate: the owning region's
/// officer, or the TKKSD member assigned to it in an open monitoring round. Everyone else: not found.</summary>
public static class EvaluationAccess
{
    public static bool IsInsider(CurrentActor a, string region) =>
        a.RegionCode == region && a.Role is Role.CooperationOfficer or Role.TeamMember or Role.Leader or Role.Auditor;

    public static bool Reads(CurrentActor a, Agreement agreement) =>
        a.Role is Role.System or Role.SupervisorNational or Role.SupervisorProvince || IsInsider(a, agreement.RegionCode);

    public static bool IsOfficer(CurrentActor a, string region) => a.Role == Role.CooperationOfficer && a.RegionCode == region;

    public static readonly NotFoundError AgreementNotFound = new("Kerja sama tidak ditemukan.");

    /// <summary>The agreement when the actor reads its evaluations: 404 outside, 403 for the owning region's other roles.</summary>
    public static async Task<Result<Agreement>> LoadAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct)
    {
        var a = await db.Agreements.AsNoTracking().VisibleTo(actor).Include(x => x.Parties).FirstOrDefaultAsync(x => x.Id == agreementId, ct);
        if (a is null) return AgreementNotFound;
        if (Reads(actor, a)) return a;
        return actor.RegionCode == a.RegionCode
            ? new ForbiddenError("Evaluasi kerja sama dibaca Bagian Kerja Sama, TKKSD, pimpinan dan auditor daerah pemilik.")
            : AgreementNotFound;
    }
}

public sealed record RatingInput
{
    public string? Criterion { get; init; }
    public int? Score { get; init; }
    public string? Note { get; init; }
}

public sealed record EvaluationInput
{
    public List<RatingInput>? Ratings { get; init; }
    public string? Findings { get; init; }
    public EvaluationRecommendation? Recommendation { get; init; }
}

public sealed record EvaluationSummary(Guid Id, DateOnly EvaluatedOn, decimal Score, string ScoreText, EvaluationRecommendation Recommendation, string RecommendationLabel,
    string EvaluatorName, Guid? RoundId, Guid? FollowUpProposalId);

public sealed record EvaluationView(Guid Id, Guid AgreementId, string AgreementTitle, DateOnly EvaluatedOn, IReadOnlyList<CriterionScore> Scores, decimal Score,
    string ScoreText, string Findings, EvaluationRecommendation Recommendation, string RecommendationLabel, string EvaluatorName, string? EvaluatorRole,
    Guid? RoundId, Guid? FollowUpProposalId, bool CanOpenFollowUp, string? FollowUpHint);

public sealed record EvaluationCard(Guid AgreementId, bool IsActive, IReadOnlyList<RequiredEvaluation> Schedule, RequiredEvaluation? Current, bool Overdue,
    IReadOnlyList<EvaluationSummary> Evaluations, IReadOnlyList<CriterionView> Criteria, bool CanEvaluate, string? EvaluateHint, Guid? AssignmentId);

public sealed record OverdueEvaluation(Guid AgreementId, string Title, string Label, DateOnly DueOn, int DaysLate);

public sealed record FollowUpOpened(Guid ProposalId, string Number, bool Created);

public static class Evaluations
{
    private static readonly NotFoundError NotFound = new("Evaluasi tidak ditemukan.");

    private static EvaluationSummary Summary(AgreementEvaluation e) => new(e.Id, e.EvaluatedOn, e.Score, WeightedScore.Format(e.Score), e.Recommendation,
        e.Recommendation.Label(), e.EvaluatorName, e.RoundId, e.FollowUpProposalId);

    /// <summary>The open round assignment of this agreement to the actor (a TKKSD member), if any.</summary>
    private static Task<MonitoringAssignment?> OpenAssignmentAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct) =>
        db.MonitoringAssignments.FirstOrDefaultAsync(a => a.AgreementId == agreementId && a.EvaluatorUserId == actor.UserId && a.EvaluationId == null
            && db.MonitoringRounds.Any(r => r.Id == a.RoundId && r.IsOpen), ct);

    public static async Task<Result<EvaluationCard>> CardAsync(JalinDb db, CurrentActor actor, Guid agreementId, TimeProvider clock, CancellationToken ct = default)
    {
        var loaded = await EvaluationAccess.LoadAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var a = loaded.Value!;
        var list = await db.AgreementEvaluations.AsNoTracking().Where(e => e.AgreementId == a.Id).OrderByDescending(e => e.EvaluatedOn).ThenByDescending(e => e.CreatedAt).ToListAsync(ct);
        var days = await EvaluationCriteria.BeforeEndDaysAsync(db, a.RegionCode, ct);
        var today = Wib.Today(clock);
        var schedule = EvaluationSchedule.Compute(a.StartsOn, a.EndsOn, days, list.Select(e => e.EvaluatedOn), today);
        var active = a.Stage == Stage.Implementation;
        var assignment = actor.Role == Role.TeamMember ? await OpenAssignmentAsync(db, actor, a.Id, ct) : null;
        var can = active && (EvaluationAccess.IsOfficer(actor, a.RegionCode) || (assignment is not null && actor.RegionCode == a.RegionCode));
        var hint = can ? null
            : !active ? "Evaluasi dilakukan atas kerja sama yang sedang dilaksanakan."
            : EvaluationAccess.IsInsider(actor, a.RegionCode) && actor.Role == Role.TeamMember ? "Anggota TKKSD mengevaluasi kerja sama yang ditugaskan kepadanya dalam putaran monev."
            : null;
        return new EvaluationCard(a.Id, active, schedule, EvaluationSchedule.Current(schedule), active && EvaluationSchedule.IsOverdue(schedule),
            list.Select(Summary).ToList(), await EvaluationCriteria.ForRegionAsync(db, a.RegionCode, ct), can, hint, assignment?.Id);
    }

    /// <summary>Checks the ratings against the region's current criteria: every criterion rated once, 1–5, note ≤ 1000 characters.</summary>
    public static ValidationError? Validate(IReadOnlyList<CriterionView> criteria, EvaluationInput input)
    {
        var f = new Dictionary<string, string[]>();
        var ratings = input.Ratings ?? [];
        for (var i = 0; i < ratings.Count; i++)
        {
            var r = ratings[i];
            if (r is null) { f[$"ratings[{i}]"] = ["Penilaian kosong."]; continue; }
            if (string.IsNullOrWhiteSpace(r.Criterion) || criteria.All(c => !string.Equals(c.Name, r.Criterion.Trim(), StringComparison.OrdinalIgnoreCase)))
                f[$"ratings[{i}].criterion"] = [$"Kriteria \"{r.Criterion}\" tidak termasuk kriteria monev daerah ini."];
            if (r.Score is not { } s || s < 1 || s > 5) f[$"ratings[{i}].score"] = ["Nilai setiap kriteria harus bilangan bulat 1 sampai 5."];
            if (r.Note is { Length: > 1000 }) f[$"ratings[{i}].note"] = ["Catatan kriteria paling banyak 1000 karakter."];
        }
        var missing = criteria.Where(c => ratings.Count(r => r is not null && string.Equals(r.Criterion?.Trim(), c.Name, StringComparison.OrdinalIgnoreCase)) != 1).Select(c => c.Name).ToList();
        if (missing.Count > 0 && !f.Keys.Any(k => k.EndsWith(".criterion")))
            f["ratings"] = [$"Nilai setiap kriteria tepat satu kali; belum atau lebih dari sekali: {string.Join(", ", missing)}."];
        var findings = input.Findings?.Trim();
        if (string.IsNullOrEmpty(findings) || findings.Length < 10) f["findings"] = ["Tulis temuan evaluasi, paling sedikit 10 karakter."];
        else if (findings.Length > 4000) f["findings"] = ["Temuan paling banyak 4000 karakter."];
        if (input.Recommendation is not { } rec || !Enum.IsDefined(rec))
            f["recommendation"] = ["Pilih rekomendasi: Lanjutkan, Perluas, Ubah (addendum) atau Hentikan."];
        return f.Count > 0 ? new ValidationError("Evaluasi belum dapat disimpan. Periksa isian yang ditandai.", f) : null;
    }

    public static async Task<Result<EvaluationView>> SubmitAsync(JalinDb db, CurrentActor actor, Guid agreementId, EvaluationInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var loaded = await EvaluationAccess.LoadAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var a = loaded.Value!;
        var assignment = actor.Role == Role.TeamMember && actor.RegionCode == a.RegionCode ? await OpenAssignmentAsync(db, actor, a.Id, ct) : null;
        if (!EvaluationAccess.IsOfficer(actor, a.RegionCode) && assignment is null)
            return new ForbiddenError("Evaluasi dibuat petugas Bagian Kerja Sama daerah pemilik atau anggota TKKSD yang ditugaskan dalam putaran monev.");
        if (a.Stage != Stage.Implementation) return new ConflictError("Evaluasi dilakukan atas kerja sama yang sedang dilaksanakan; kerja sama ini belum atau sudah tidak dilaksanakan.");
        var criteria = await EvaluationCriteria.ForRegionAsync(db, a.RegionCode, ct);
        if (Validate(criteria, input) is { } error) return error;
        var scores = criteria.Select(c =>
        {
            var r = input.Ratings!.First(x => string.Equals(x.Criterion?.Trim(), c.Name, StringComparison.OrdinalIgnoreCase));
            return new CriterionScore(c.Name, c.Weight, r.Score!.Value, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim());
        }).ToList();
        var evaluation = new AgreementEvaluation
        {
            RegionCode = a.RegionCode, AgreementId = a.Id, RoundId = assignment?.RoundId, EvaluatedOn = Wib.Today(clock), Scores = scores,
            Score = WeightedScore.Of(scores), Findings = input.Findings!.Trim(), Recommendation = input.Recommendation!.Value,
            EvaluatorUserId = actor.UserId, EvaluatorName = actor.FullName, EvaluatorRole = actor.Role.Label(), CreatedAt = clock.GetUtcNow(),
        };
        db.ActingAs(actor).AgreementEvaluations.Add(evaluation);
        if (assignment is not null)
        {
            assignment.EvaluationId = evaluation.Id;
            assignment.Version++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("Penugasan ini baru saja berubah. Muat ulang halaman lalu ulangi.");
        }
        if (actor.Role == Role.TeamMember)
            await Notify.SendAsync(db, actor, new NotificationMessage(NotificationKind.Decision, $"Evaluasi dikirim: {a.Title}",
                $"{actor.FullName} menilai {WeightedScore.Format(evaluation.Score)} dengan rekomendasi {evaluation.Recommendation.Label()}.",
                $"/app/monev/evaluasi/{evaluation.Id}", NotificationSubjects.Agreement, a.Id.ToString(), "evaluation:" + evaluation.Id),
                Recipients.RoleIn(a.RegionCode, Role.CooperationOfficer), clock, ct: ct);
        return await GetAsync(db, actor, evaluation.Id, clock, ct);
    }

    public static async Task<Result<EvaluationView>> GetAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        var e = await db.AgreementEvaluations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return NotFound;
        var loaded = await EvaluationAccess.LoadAsync(db, actor, e.AgreementId, ct);
        if (!loaded.Ok) return loaded.Error is NotFoundError ? NotFound : loaded.Error!;
        var a = loaded.Value!;
        var hint = FollowUpRefusal(a, e, Wib.Today(clock));
        return new EvaluationView(e.Id, a.Id, a.Title, e.EvaluatedOn, e.Scores, e.Score, WeightedScore.Format(e.Score), e.Findings, e.Recommendation,
            e.Recommendation.Label(), e.EvaluatorName, e.EvaluatorRole, e.RoundId, e.FollowUpProposalId,
            hint is null && e.FollowUpProposalId is null && EvaluationAccess.IsOfficer(actor, a.RegionCode), hint);
    }

    /// <summary>Why no usulan can be opened from this evaluation, or null.</summary>
    public static string? FollowUpRefusal(Agreement a, AgreementEvaluation e, DateOnly today) =>
        e.Recommendation is not (EvaluationRecommendation.Lanjutkan or EvaluationRecommendation.Ubah)
            ? "Usulan perpanjangan atau addendum dibuka dari rekomendasi \"dilanjutkan\" atau \"diubah\"."
            : a.Stage != Stage.Implementation || (a.EndsOn is { } end && today > end)
                ? "Kerja sama ini sudah berakhir; usulan perpanjangan atau addendum dibuka sebelum tanggal berakhir."
                : null;

    /// <summary>Opens a Draf usulan for the extension (dilanjutkan) or addendum (diubah), pre-filled from the agreement and
    /// the evaluation's findings and linked both ways. Nothing is submitted: the officer reviews the draft and submits it.
    /// A second call returns the usulan already opened.</summary>
    public static async Task<Result<FollowUpOpened>> OpenFollowUpAsync(JalinDb db, CurrentActor actor, Guid evaluationId, TimeProvider clock, CancellationToken ct = default)
    {
        var e = await db.AgreementEvaluations.FirstOrDefaultAsync(x => x.Id == evaluationId, ct);
        if (e is null) return NotFound;
        var loaded = await EvaluationAccess.LoadAsync(db, actor, e.AgreementId, ct);
        if (!loaded.Ok) return loaded.Error is NotFoundError ? NotFound : loaded.Error!;
        var a = loaded.Value!;
        if (!EvaluationAccess.IsOfficer(actor, a.RegionCode))
            return new ForbiddenError("Usulan lanjutan dari hasil evaluasi dibuka oleh petugas Bagian Kerja Sama daerah pemilik.");
        if (e.FollowUpProposalId is { } existing)
            return new FollowUpOpened(existing, await db.Proposals.Where(p => p.Id == existing).Select(p => p.Number).FirstAsync(ct), false);
        if (FollowUpRefusal(a, e, Wib.Today(clock)) is { } refusal) return new ConflictError(refusal);
        var owner = a.Parties.OrderBy(p => p.Order).First();
        if (owner.LeadAgencyId is not { } agency)
            return ValidationError.Of("agencyId", "Kerja sama ini belum mencatat perangkat daerah pelaksana; lengkapi data kerja sama lalu ulangi.");
        var other = a.Parties.OrderBy(p => p.Order).FirstOrDefault(p => p.Order != owner.Order);
        var extend = e.Recommendation == EvaluationRecommendation.Lanjutkan;
        var title = (extend ? "Perpanjangan " : "Addendum ") + a.Title;
        var background = $"Usulan ini dibuka dari hasil evaluasi tanggal {IndonesianFormat.FormatDateLong(e.EvaluatedOn)} atas kerja sama \"{a.Title}\""
            + (a.EndsOn is { } ends ? $" yang berakhir {IndonesianFormat.FormatDateLong(ends)}" : "")
            + $" (nilai {WeightedScore.Format(e.Score)}; rekomendasi: {e.Recommendation.Label().ToLowerInvariant()}).\n\nTemuan evaluasi:\n{e.Findings}";
        var input = new ProposalInput
        {
            Title = title.Length > 500 ? title[..500] : title, AffairCode = a.AffairCode, SubAffairCode = a.SubAffairCode, AgencyId = agency,
            PartnerRegionCode = other?.RegionCode, PartnerId = other?.RegionCode is null ? other?.PartnerId : null,
            PartnerName = other is { RegionCode: null, PartnerId: null } ? other.Name : null,
            Background = background.Length > 4000 ? background[..4000] : background, Object = a.Object, Scope = a.Scope,
            FundingSource = a.FundingSource, Amount = a.Value, BudgetedInApbd = a.BudgetedInApbd,
            PlannedStart = extend && a.EndsOn is { } end ? end.AddDays(1) : null,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await CreateProposal.HandleAsync(db, actor, input, clock, ct);
        if (!created.Ok) return created.Error!;
        var proposal = await db.Proposals.FirstAsync(p => p.Id == created.Value, ct);
        proposal.SourceAgreementId = a.Id;
        e.FollowUpProposalId = proposal.Id;
        await db.ActingAs(actor).SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new FollowUpOpened(proposal.Id, proposal.Number, true);
    }

    /// <summary>The region's active agreements whose evaluation is overdue (the dashboard flag).</summary>
    public static async Task<Result<IReadOnlyList<OverdueEvaluation>>> OverdueAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.RegionCode is not { } region || !EvaluationAccess.IsInsider(actor, region))
            return new ForbiddenError("Daftar evaluasi terlambat dibaca Bagian Kerja Sama, TKKSD, pimpinan dan auditor daerah.");
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.RegionCode == region && a.Stage == Stage.Implementation && a.StartsOn != null)
            .Select(a => new { a.Id, a.Title, a.StartsOn, a.EndsOn }).ToListAsync(ct);
        var ids = agreements.Select(a => a.Id).ToList();
        var dates = (await db.AgreementEvaluations.AsNoTracking().Where(e => ids.Contains(e.AgreementId)).Select(e => new { e.AgreementId, e.EvaluatedOn }).ToListAsync(ct))
            .ToLookup(e => e.AgreementId, e => e.EvaluatedOn);
        var days = await EvaluationCriteria.BeforeEndDaysAsync(db, region, ct);
        var today = Wib.Today(clock);
        var result = new List<OverdueEvaluation>();
        foreach (var a in agreements)
        {
            var schedule = EvaluationSchedule.Compute(a.StartsOn, a.EndsOn, days, dates[a.Id], today);
            if (!EvaluationSchedule.IsOverdue(schedule)) continue;
            var late = schedule.Last(r => r.State == DueState.Overdue);
            result.Add(new OverdueEvaluation(a.Id, a.Title, late.Label, late.DueOn, today.DayNumber - late.DueOn.DayNumber));
        }
        return result.OrderByDescending(r => r.DaysLate).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
    }
}
