using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tkksd;

public sealed record AssignInput
{
    public List<Guid>? MemberIds { get; init; }
    public DateOnly? DueOn { get; init; }
}

public sealed record ScoreInput
{
    public string? Criterion { get; init; }
    public int? Score { get; init; }
    public string? Note { get; init; }
}

public sealed record AssessmentInput
{
    public List<ScoreInput>? Scores { get; init; }
    public Recommendation? Recommendation { get; init; }
    public string? Remarks { get; init; }
}

public sealed record AssessmentView(Guid AssignmentId, Guid MemberId, string MemberName, string Position, string RoleLabel, DateOnly? DueOn, bool Submitted,
    IReadOnlyList<CriterionScore> Scores, decimal? WeightedScore, string? WeightedScoreText, Recommendation? Recommendation, string? RecommendationLabel,
    string? Remarks, DateTimeOffset? SubmittedAt, string? SubmittedBy, bool CanSubmit);

public sealed record RecommendationCount(Recommendation Recommendation, string Label, int Count);

public sealed record AssessmentSummary(SubjectType SubjectType, Guid SubjectId, string Title, bool CanAssign, bool CanGenerate, bool StageAllowsAssignment,
    IReadOnlyList<AssessmentView> Assessments, decimal? AverageScore, string? AverageScoreText, IReadOnlyList<RecommendationCount> Recommendations,
    IReadOnlyList<CriterionView> Criteria, IReadOnlyList<MemberView> AssignableMembers, bool HasKajian);

/// <summary>The subject of an assessment as the TKKSD sees it: an agreement being prepared or an OPD's usulan.
/// <see cref="Noun"/> names it in messages; <see cref="OutsideWindow"/> says why it is no longer (or not yet) assessed.
/// <see cref="RegionCode"/> is the assessing region: the owner's, or a party region's for its own assessment of an agreement offered to it.</summary>
internal sealed record Subject(SubjectType Type, Guid Id, string RegionCode, string Title, bool StageAllowsAssignment, Agreement? Agreement,
    Proposal? Proposal = null, string? PartyName = null)
{
    public string Noun => Type == SubjectType.Proposal ? "usulan" : "kerja sama";

    public string OutsideWindow => Proposal is { } p
        ? $"Penilaian TKKSD atas usulan dilakukan setelah usulan diverifikasi Bagian Kerja Sama dan sebelum rekomendasi; usulan ini berstatus {p.Status.Label()}."
        : PartyName is not null && Agreement?.Stage == Stage.Preparation
            ? "Penilaian TKKSD daerah pihak dilakukan setelah penawaran dikirim kepada daerah Anda; kerja sama ini sedang dipersiapkan daerah pemilik."
            : "Penilaian TKKSD dilakukan sebelum penandatanganan; kerja sama ini sudah melewati tahap itu.";
}

/// <summary>Assigning a subject to team members and their weighted assessments (issue #10 item 4).</summary>
public static class TkksdAssessments
{

    internal static async Task<Result<Subject>> SubjectAsync(JalinDb db, CurrentActor actor, SubjectType type, Guid id, CancellationToken ct)
    {
        if (!Enum.IsDefined(type)) return ValidationError.Of("subjectType", "Jenis subjek: Agreement atau Proposal.");
        if (type == SubjectType.Proposal) return await ProposalSubjectAsync(db, actor, id, ct);
        if (actor.Role == Role.SystemAdmin) return new NotFoundError("Kerja sama tidak ditemukan.");
        var a = await db.Agreements.VisibleTo(actor).Include(x => x.Parties).Include(x => x.Documents).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        // The TKKSD works inside one region: the owning region assesses its record; a party region the record offered to it
        // (issue #10 item 5: it runs its own assessment before answering). Each region's assignments and kajian are its own.
        var party = AgreementAccess.PartySide(actor, a);
        if (!TkksdAccess.Reads(actor) || (actor.RegionCode != a.RegionCode && party is null))
            return new ForbiddenError("Penilaian TKKSD atas kerja sama ini hanya dibaca petugas, pimpinan dan anggota TKKSD daerah pemilik atau daerah pihak.");
        // A party region assesses from the offer on (before that nothing is addressed to it) until the binding naskah is signed.
        var window = LifecycleTable.BeforeBindingSigning(a.Kind).Contains(a.Stage) && (party is null || a.Stage != Stage.Preparation);
        return new Subject(type, a.Id, actor.RegionCode!, a.Title, window, a, PartyName: party?.Name);
    }

    /// <summary>Usulan statuses in which the TKKSD assesses: verified by the Bagian Kerja Sama, not yet recommended
    /// (<see cref="ProposalTable"/>; praktik daerah).</summary>
    public static readonly IReadOnlySet<ProposalStatus> AssessableStatuses = new HashSet<ProposalStatus> { ProposalStatus.Verified, ProposalStatus.Assessed };

    public static bool InAssessWindow(Proposal p) => p.AgreementId is null && AssessableStatuses.Contains(p.Status);

    private static async Task<Result<Subject>> ProposalSubjectAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct)
    {
        // The proposal's own boundaries first: another region, another OPD, a supervisor see no proposal (404).
        var p = await db.Proposals.VisibleTo(actor).Include(x => x.Attachments).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new NotFoundError("Usulan tidak ditemukan.");
        if (actor.RegionCode != p.RegionCode || !TkksdAccess.Reads(actor))
            return new ForbiddenError("Penilaian TKKSD atas usulan ini hanya dibaca petugas, pimpinan dan anggota TKKSD daerah.");
        return new Subject(SubjectType.Proposal, p.Id, p.RegionCode, p.Title, InAssessWindow(p), null, p);
    }

    private static bool MaySubmit(CurrentActor actor, TkksdMember member) =>
        actor.Role == Role.CooperationOfficer || (actor.Role == Role.TeamMember && member.UserId == actor.UserId);

    public static async Task<Result<AssessmentSummary>> SummaryAsync(JalinDb db, CurrentActor actor, SubjectType type, Guid id, CancellationToken ct = default)
    {
        var s = await SubjectAsync(db, actor, type, id, ct);
        if (!s.Ok) return s.Error!;
        var subject = s.Value!;
        var rows = await db.TkksdAssignments.AsNoTracking().Where(x => x.SubjectType == type && x.SubjectId == id && x.RegionCode == subject.RegionCode).ToListAsync(ct);
        var memberIds = rows.Select(r => r.MemberId).ToList();
        var members = await db.TkksdMembers.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var views = rows.Select(r =>
        {
            var m = members[r.MemberId];
            var w = r.IsSubmitted ? WeightedScore.Of(r.Scores) : (decimal?)null;
            return new AssessmentView(r.Id, m.Id, m.Name, m.Position, m.Role.Label(), r.DueOn, r.IsSubmitted, r.Scores, w, w is { } v ? WeightedScore.Format(v) : null,
                r.Recommendation, r.Recommendation?.Label(), r.Remarks, r.SubmittedAt, r.SubmittedBy, subject.StageAllowsAssignment && MaySubmit(actor, m));
        }).OrderBy(v => members[v.MemberId].Role).ThenBy(v => members[v.MemberId].Order).ThenBy(v => v.MemberName).ToList();
        var avg = WeightedScore.Average(views.Where(v => v.WeightedScore is not null).Select(v => v.WeightedScore!.Value));
        var counts = Enum.GetValues<Recommendation>().Select(r => new RecommendationCount(r, r.Label(), views.Count(v => v.Recommendation == r))).ToList();
        var manages = TkksdAccess.Manages(actor);
        IReadOnlyList<MemberView> assignable = [];
        if (manages && await TkksdTeams.ActiveAsync(db, subject.RegionCode, ct) is { } team)
            assignable = (await TkksdTeams.ViewsAsync(db, [team], ct))[0].Members.Where(m => m.IsActive && views.All(v => v.MemberId != m.Id)).ToList();
        var hasKajian = subject.Agreement?.Documents.Any(d => d.Kind == DocumentKind.Assessment && AgreementAccess.DocumentRegion(subject.Agreement, d) == subject.RegionCode)
            ?? subject.Proposal?.Attachments.Any(x => x.Kind == ProposalAttachmentKind.Assessment) ?? false;
        return new AssessmentSummary(type, id, subject.Title, manages && subject.StageAllowsAssignment, manages && views.Any(v => v.Submitted),
            subject.StageAllowsAssignment, views, avg, avg is { } a ? WeightedScore.Format(a) : null, counts,
            await TkksdCriteria.ForRegionAsync(db, subject.RegionCode, ct), assignable, hasKajian);
    }

    public static async Task<Result<AssessmentSummary>> AssignAsync(JalinDb db, CurrentActor actor, SubjectType type, Guid id, AssignInput input, TimeProvider clock,
        CancellationToken ct = default)
    {
        var s = await SubjectAsync(db, actor, type, id, ct);
        if (!s.Ok) return s.Error!;
        var subject = s.Value!;
        if (!TkksdAccess.Manages(actor)) return TkksdAccess.NotManager;
        if (!subject.StageAllowsAssignment) return new ConflictError(subject.OutsideWindow);
        if (input.MemberIds is not { Count: > 0 }) return ValidationError.Of("memberIds", "Pilih sedikitnya satu anggota tim yang menilai.");
        if (input.DueOn is null) return ValidationError.Of("dueOn", "Batas waktu penilaian wajib diisi.");
        if (input.DueOn < Wib.Today(clock)) return ValidationError.Of("dueOn", "Batas waktu penilaian tidak boleh sebelum hari ini.");
        var team = await TkksdTeams.ActiveAsync(db, subject.RegionCode, ct);
        if (team is null) return new ConflictError("Daerah belum memiliki tim TKKSD yang aktif. Catat tim dan SK-nya di halaman TKKSD.");
        var ids = input.MemberIds.Distinct().ToList();
        if (ids.Any(m => !team.Members.Any(x => x.Id == m && x.IsActive)))
            return ValidationError.Of("memberIds", "Anggota yang dipilih bukan anggota aktif tim TKKSD yang berlaku.");
        var existing = await db.TkksdAssignments.Where(x => x.SubjectType == type && x.SubjectId == id && x.RegionCode == subject.RegionCode).Select(x => x.MemberId).ToListAsync(ct);
        var fresh = ids.Except(existing).ToList();
        if (fresh.Count == 0) return new ConflictError("Anggota yang dipilih sudah ditugaskan menilai.");
        foreach (var m in fresh)
            db.TkksdAssignments.Add(new TkksdAssignment
            {
                RegionCode = subject.RegionCode, SubjectType = type, SubjectId = id, MemberId = m, DueOn = input.DueOn, AssignedBy = actor.UserName, AssignedAt = clock.GetUtcNow(),
            });
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        await NotifyAssignedAsync(db, actor, subject, team.Members.Where(x => fresh.Contains(x.Id)), input.DueOn.Value, clock, ct);
        return await SummaryAsync(db, actor, type, id, ct);
    }

    /// <summary>The members given an assessment with their own account hear of it in the bell (members without an
    /// account are told by the Bagian Kerja Sama as before). One per member and subject: a repeat assignment sends nothing.</summary>
    private static async Task NotifyAssignedAsync(JalinDb db, CurrentActor actor, Subject subject, IEnumerable<TkksdMember> members, DateOnly due, TimeProvider clock,
        CancellationToken ct)
    {
        var users = members.Where(m => m.UserId is not null).Select(m => m.UserId!).ToList();
        if (users.Count == 0) return;
        var (subjectType, link) = subject.Type == SubjectType.Proposal
            ? (Notifications.NotificationSubjects.Proposal, $"/app/usulan/{subject.Id}")
            : (Notifications.NotificationSubjects.Agreement, $"/app/kerja-sama/{subject.Id}");
        var message = new Notifications.NotificationMessage(Notifications.NotificationKind.Assigned,
            $"Penugasan penilaian TKKSD: {subject.Title}", $"Mohon nilai {subject.Noun} ini paling lambat {IndonesianFormat.FormatDateLong(due)}.",
            link, subjectType, subject.Id.ToString(), "tkksd-assignment");
        await Notifications.Notify.ToUsers(db, actor, message, users, clock,
            canSee: r => r.RegionCode == subject.RegionCode && TkksdAccess.Reads(r), ct: ct);
    }

    /// <summary>A member's assessment: a score 1–5 and a note for each of the region's current criteria, an overall
    /// recommendation and remarks. Only an assigned member (its own account) or the officer on its behalf submits;
    /// the criteria's names and weights are stored with the scores.</summary>
    public static async Task<Result<AssessmentSummary>> SubmitAsync(JalinDb db, CurrentActor actor, SubjectType type, Guid id, Guid memberId, AssessmentInput input,
        TimeProvider clock, CancellationToken ct = default)
    {
        var s = await SubjectAsync(db, actor, type, id, ct);
        if (!s.Ok) return s.Error!;
        var subject = s.Value!;
        var assignment = await db.TkksdAssignments.FirstOrDefaultAsync(x => x.SubjectType == type && x.SubjectId == id && x.MemberId == memberId && x.RegionCode == subject.RegionCode, ct);
        var member = assignment is null ? null : await db.TkksdMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (assignment is null || member is null)
            return new ForbiddenError($"Hanya anggota tim yang ditugaskan menilai {subject.Noun} ini yang dapat menyampaikan penilaian.");
        if (!MaySubmit(actor, member))
            return new ForbiddenError("Penilaian disampaikan oleh anggota yang ditugaskan sendiri, atau oleh petugas Bagian Kerja Sama atas namanya.");
        if (!subject.StageAllowsAssignment) return new ConflictError(subject.OutsideWindow);

        var criteria = await TkksdCriteria.ForRegionAsync(db, subject.RegionCode, ct);
        var f = new Dictionary<string, string[]>();
        var given = input.Scores ?? [];
        var scores = new List<CriterionScore>();
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            var sc = given.FirstOrDefault(g => string.Equals(g?.Criterion?.Trim(), c.Name, StringComparison.OrdinalIgnoreCase));
            if (sc?.Score is not { } v) { f[$"scores[{i}].score"] = [$"Nilai untuk \"{c.Name}\" wajib diisi (1 sampai 5)."]; continue; }
            if (v < 1 || v > 5) { f[$"scores[{i}].score"] = [$"Nilai untuk \"{c.Name}\" harus dari 1 sampai 5."]; continue; }
            if (sc.Note is { Length: > 2000 }) { f[$"scores[{i}].note"] = ["Catatan per kriteria paling banyak 2000 karakter."]; continue; }
            scores.Add(new CriterionScore(c.Name, c.Weight, v, string.IsNullOrWhiteSpace(sc.Note) ? null : sc.Note.Trim()));
        }
        var unknown = given.Where(g => g is not null && !criteria.Any(c => string.Equals(g.Criterion?.Trim(), c.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(g => g.Criterion).ToList();
        if (unknown.Count > 0) f["scores"] = [$"Kriteria tidak dikenal di daerah ini: {string.Join(", ", unknown.Select(u => $"\"{u}\""))}."];
        if (input.Recommendation is null) f["recommendation"] = ["Rekomendasi wajib dipilih: Layak, Layak dengan perbaikan, atau Tidak layak."];
        else if (!Enum.IsDefined(input.Recommendation.Value)) f["recommendation"] = ["Rekomendasi tidak dikenal."];
        if (input.Remarks is { Length: > 4000 }) f["remarks"] = ["Catatan umum paling banyak 4000 karakter."];
        if (f.Count > 0) return new ValidationError("Penilaian belum lengkap.", f);

        assignment.Scores = scores;
        assignment.Recommendation = input.Recommendation;
        assignment.Remarks = string.IsNullOrWhiteSpace(input.Remarks) ? null : input.Remarks.Trim();
        assignment.SubmittedAt = clock.GetUtcNow();
        assignment.SubmittedBy = actor.UserName;
        assignment.Version++;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return await SummaryAsync(db, actor, type, id, ct);
    }
}
