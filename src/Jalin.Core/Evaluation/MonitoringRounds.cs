using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Notifications;
using Jalin.Core.Tkksd;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Evaluation;

public sealed record MonitoringRoundInput(int? Year, DateOnly? Deadline, string? Title);

public sealed record RoundAssignInput(Guid? MemberId);

public sealed record AssignmentRow(Guid Id, Guid AgreementId, string AgreementTitle, string Partners, DateOnly? EndsOn, Guid? MemberId, string? MemberName,
    Guid? EvaluationId, decimal? Score, string? ScoreText, EvaluationRecommendation? Recommendation, string? RecommendationLabel, string? EvaluatorName,
    DateOnly? EvaluatedOn, bool Late, bool Mine, int Version);

public sealed record AssignableMember(Guid Id, string Name, string Position);

public sealed record MonitoringRoundView(Guid Id, string RegionCode, int Year, string Title, DateOnly Deadline, bool IsOpen, int Total, int Assigned, int Submitted,
    int Late, IReadOnlyList<AssignmentRow> Rows, IReadOnlyList<AssignableMember> Members, bool CanManage);

public sealed record MonitoringRoundSummary(Guid Id, int Year, string Title, DateOnly Deadline, bool IsOpen, int Total, int Submitted, int Late);

public sealed record RecommendationTotal(EvaluationRecommendation Recommendation, string Label, int Count);

public sealed record MonitoringReport(Guid RoundId, string RegionCode, string RegionName, int Year, string Title, DateOnly Deadline, DateOnly GeneratedOn,
    IReadOnlyList<AssignmentRow> Rows, IReadOnlyList<RecommendationTotal> Totals, int Evaluated, int NotEvaluated, decimal? AverageScore);

/// <summary>Monitoring rounds: the TKKSD's yearly monev over all active agreements of a region (praktik daerah, as
/// Kabupaten Kutai Kartanegara runs it; the head of region supervises the perangkat daerah that carry out a kerja sama,
/// PP 28/2018 Pasal 44 ayat (3)). The officer opens a round, assigns each agreement to a TKKSD member with a Jalin
/// account, and reminds those late; the round's report totals the recommendations.</summary>
public static class MonitoringRounds
{
    private static readonly NotFoundError NotFound = new("Putaran monev tidak ditemukan.");
    private static readonly ForbiddenError NotOfficer = new("Putaran monev dikelola petugas Bagian Kerja Sama daerah.");

    public static async Task<Result<IReadOnlyList<MonitoringRoundSummary>>> ListAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.RegionCode is not { } region || !EvaluationAccess.IsInsider(actor, region))
            return new ForbiddenError("Putaran monev dilihat Bagian Kerja Sama, TKKSD, pimpinan dan auditor daerah.");
        var today = Wib.Today(clock);
        var rounds = await db.MonitoringRounds.AsNoTracking().Include(r => r.Assignments).Where(r => r.RegionCode == region)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.CreatedAt).ToListAsync(ct);
        return rounds.Select(r => new MonitoringRoundSummary(r.Id, r.Year, r.Title, r.Deadline, r.IsOpen, r.Assignments.Count,
            r.Assignments.Count(a => a.EvaluationId is not null), r.Assignments.Count(a => IsLate(r, a, today)))).ToList();
    }

    public static bool IsLate(MonitoringRound r, MonitoringAssignment a, DateOnly today) => a.EvaluationId is null && today > r.Deadline;

    public static async Task<Result<MonitoringRoundView>> CreateAsync(JalinDb db, CurrentActor actor, MonitoringRoundInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.RegionCode is not { } region || !EvaluationAccess.IsOfficer(actor, region)) return NotOfficer;
        var today = Wib.Today(clock);
        var f = new Dictionary<string, string[]>();
        if (input.Year is not { } year || year < today.Year - 1 || year > today.Year + 1) f["year"] = [$"Tahun monev {today.Year - 1} sampai {today.Year + 1}."];
        if (input.Deadline is not { } deadline) f["deadline"] = ["Tentukan batas waktu evaluasi oleh anggota TKKSD."];
        else if (deadline < today) f["deadline"] = ["Batas waktu tidak boleh sebelum hari ini."];
        if (input.Title is { } t && (t.Trim().Length is > 0 and < 5 || t.Length > 200)) f["title"] = ["Judul putaran 5 sampai 200 karakter."];
        if (f.Count > 0) return new ValidationError("Data putaran monev belum benar.", f);
        var active = await db.Agreements.AsNoTracking().Where(a => a.RegionCode == region && a.Stage == Stage.Implementation).Select(a => a.Id).ToListAsync(ct);
        if (active.Count == 0) return ValidationError.Of("agreements", "Daerah ini belum memiliki kerja sama yang sedang dilaksanakan untuk dimonev.");
        if (await db.MonitoringRounds.AnyAsync(r => r.RegionCode == region && r.Year == input.Year && r.IsOpen, ct))
            return new ConflictError($"Putaran monev tahun {input.Year} masih terbuka; tutup putaran itu sebelum membuka yang baru.");
        var round = new MonitoringRound
        {
            RegionCode = region, Year = input.Year!.Value, Deadline = input.Deadline!.Value, CreatedBy = actor.UserName, CreatedAt = clock.GetUtcNow(),
            Title = string.IsNullOrWhiteSpace(input.Title) ? $"Monev kerja sama daerah tahun {input.Year}" : input.Title.Trim(),
        };
        round.Assignments.AddRange(active.Select(id => new MonitoringAssignment { RoundId = round.Id, RegionCode = region, AgreementId = id }));
        db.ActingAs(actor).MonitoringRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor, round.Id, clock, ct);
    }

    public static async Task<Result<MonitoringRoundView>> GetAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default) =>
        await ViewAsync(db, actor, id, clock, ct);

    /// <summary>Assigns (or, with no member, unassigns) an agreement of an open round to a TKKSD member with a Jalin account; the member is notified.</summary>
    public static async Task<Result<MonitoringRoundView>> AssignAsync(JalinDb db, CurrentActor actor, Guid roundId, Guid assignmentId, RoundAssignInput input, TimeProvider clock,
        CancellationToken ct = default)
    {
        var round = await db.MonitoringRounds.Include(r => r.Assignments).FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || !EvaluationAccess.IsInsider(actor, round.RegionCode)) return NotFound;
        if (!EvaluationAccess.IsOfficer(actor, round.RegionCode)) return NotOfficer;
        var row = round.Assignments.FirstOrDefault(a => a.Id == assignmentId);
        if (row is null) return new NotFoundError("Baris putaran monev tidak ditemukan.");
        if (!round.IsOpen) return new ConflictError("Putaran monev ini sudah ditutup.");
        if (row.EvaluationId is not null) return new ConflictError("Kerja sama ini sudah dievaluasi dalam putaran ini; penugasannya tidak dapat diganti.");
        TkksdMember? member = null;
        if (input.MemberId is { } memberId)
        {
            member = await db.TkksdMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.RegionCode == round.RegionCode && m.IsActive
                && db.TkksdTeams.Any(t => t.Id == m.TeamId && t.IsActive), ct);
            if (member is null) return ValidationError.Of("memberId", "Anggota TKKSD tidak ditemukan dalam tim aktif daerah ini.");
            if (member.UserId is null) return ValidationError.Of("memberId", $"{member.Name} belum memiliki akun Jalin; hubungkan akun pada halaman TKKSD lalu tugaskan.");
        }
        row.MemberId = member?.Id;
        row.EvaluatorUserId = member?.UserId;
        row.AssignedAt = member is null ? null : clock.GetUtcNow();
        row.Version++;
        await db.ActingAs(actor).SaveChangesAsync(ct);
        if (member is not null)
        {
            var title = await db.Agreements.Where(a => a.Id == row.AgreementId).Select(a => a.Title).FirstAsync(ct);
            await Notify.SendAsync(db, actor, new NotificationMessage(NotificationKind.Assigned, $"Tugas monev: {title}",
                $"{round.Title}: evaluasi kerja sama ini paling lambat {IndonesianFormat.FormatDateLong(round.Deadline)}.",
                $"/app/kerja-sama/{row.AgreementId}", NotificationSubjects.Agreement, row.AgreementId.ToString(), $"monev-assign:{row.Id}:{member.Id}"),
                Recipients.Users(member.UserId!), clock, ct: ct);
        }
        return await ViewAsync(db, actor, round.Id, clock, ct);
    }

    /// <summary>Reminds the assigned members who have not evaluated yet (once a day each).</summary>
    public static async Task<Result<int>> RemindAsync(JalinDb db, CurrentActor actor, Guid roundId, TimeProvider clock, CancellationToken ct = default)
    {
        var round = await db.MonitoringRounds.AsNoTracking().Include(r => r.Assignments).FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || !EvaluationAccess.IsInsider(actor, round.RegionCode)) return NotFound;
        if (!EvaluationAccess.IsOfficer(actor, round.RegionCode)) return NotOfficer;
        if (!round.IsOpen) return new ConflictError("Putaran monev ini sudah ditutup.");
        var today = Wib.Today(clock);
        var ids = round.Assignments.Select(a => a.AgreementId).ToList();
        var titles = await db.Agreements.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        var sent = 0;
        foreach (var a in round.Assignments.Where(a => a.EvaluationId is null && a.EvaluatorUserId is not null))
        {
            var late = today > round.Deadline;
            var r = await Notify.SendAsync(db, actor, new NotificationMessage(NotificationKind.Reminder, $"Pengingat monev: {titles[a.AgreementId]}",
                late ? $"Batas waktu {IndonesianFormat.FormatDateLong(round.Deadline)} sudah lewat; kirim evaluasi Anda segera."
                     : $"Kirim evaluasi Anda paling lambat {IndonesianFormat.FormatDateLong(round.Deadline)}.",
                $"/app/kerja-sama/{a.AgreementId}", NotificationSubjects.Agreement, a.AgreementId.ToString(), $"monev-remind:{a.Id}:{today:yyyyMMdd}"),
                Recipients.Users(a.EvaluatorUserId!), clock, ct: ct);
            if (r.Ok) sent += r.Value;
        }
        return sent;
    }

    public static async Task<Result<MonitoringRoundView>> CloseAsync(JalinDb db, CurrentActor actor, Guid roundId, TimeProvider clock, CancellationToken ct = default)
    {
        var round = await db.MonitoringRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || !EvaluationAccess.IsInsider(actor, round.RegionCode)) return NotFound;
        if (!EvaluationAccess.IsOfficer(actor, round.RegionCode)) return NotOfficer;
        if (!round.IsOpen) return new ConflictError("Putaran monev ini sudah ditutup.");
        round.IsOpen = false;
        await db.ActingAs(actor).SaveChangesAsync(ct);
        return await ViewAsync(db, actor, round.Id, clock, ct);
    }

    private static async Task<Result<MonitoringRoundView>> ViewAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var round = await db.MonitoringRounds.AsNoTracking().Include(r => r.Assignments).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null || !EvaluationAccess.IsInsider(actor, round.RegionCode)) return NotFound;
        var rows = await RowsAsync(db, actor, round, Wib.Today(clock), ct);
        var members = await db.TkksdMembers.AsNoTracking().Where(m => m.RegionCode == round.RegionCode && m.IsActive && m.UserId != null
                && db.TkksdTeams.Any(t => t.Id == m.TeamId && t.IsActive))
            .OrderBy(m => m.Order).Select(m => new AssignableMember(m.Id, m.Name, m.Position)).ToListAsync(ct);
        return new MonitoringRoundView(round.Id, round.RegionCode, round.Year, round.Title, round.Deadline, round.IsOpen, rows.Count, rows.Count(r => r.MemberId is not null),
            rows.Count(r => r.EvaluationId is not null), rows.Count(r => r.Late), rows, members, EvaluationAccess.IsOfficer(actor, round.RegionCode));
    }

    private static async Task<List<AssignmentRow>> RowsAsync(JalinDb db, CurrentActor actor, MonitoringRound round, DateOnly today, CancellationToken ct)
    {
        var ids = round.Assignments.Select(a => a.AgreementId).ToList();
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Parties).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var memberIds = round.Assignments.Where(a => a.MemberId != null).Select(a => a.MemberId!.Value).ToList();
        var members = await db.TkksdMembers.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var evalIds = round.Assignments.Where(a => a.EvaluationId != null).Select(a => a.EvaluationId!.Value).ToList();
        var evaluations = await db.AgreementEvaluations.AsNoTracking().Where(e => evalIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        return round.Assignments.Select(a =>
        {
            var ag = agreements[a.AgreementId];
            var e = a.EvaluationId is { } eid ? evaluations[eid] : null;
            var partners = string.Join("; ", ag.Parties.Where(p => p.RegionCode != ag.RegionCode || p.PartnerId != null).OrderBy(p => p.Order).Select(p => p.Name));
            return new AssignmentRow(a.Id, a.AgreementId, ag.Title, partners, ag.EndsOn, a.MemberId, a.MemberId is { } m ? members.GetValueOrDefault(m) : null,
                e?.Id, e?.Score, e is null ? null : WeightedScore.Format(e.Score), e?.Recommendation, e?.Recommendation.Label(), e?.EvaluatorName, e?.EvaluatedOn,
                IsLate(round, a, today), a.EvaluatorUserId == actor.UserId, a.Version);
        }).OrderBy(r => r.AgreementTitle, StringComparer.Ordinal).ToList();
    }

    /// <summary>The round's report: per agreement the score, recommendation and evaluator, totals by recommendation.</summary>
    public static async Task<Result<MonitoringReport>> ReportAsync(JalinDb db, CurrentActor actor, Guid roundId, TimeProvider clock, CancellationToken ct = default)
    {
        var round = await db.MonitoringRounds.AsNoTracking().Include(r => r.Assignments).FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || !EvaluationAccess.IsInsider(actor, round.RegionCode)) return NotFound;
        var today = Wib.Today(clock);
        var rows = await RowsAsync(db, actor, round, today, ct);
        var region = (await db.Regions.AsNoTracking().FirstAsync(r => r.Code == round.RegionCode, ct)).FullName;
        var totals = Enum.GetValues<EvaluationRecommendation>().Select(r => new RecommendationTotal(r, r.Label(), rows.Count(x => x.Recommendation == r))).ToList();
        var scores = rows.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToList();
        return new MonitoringReport(round.Id, round.RegionCode, region, round.Year, round.Title, round.Deadline, today, rows, totals, scores.Count,
            rows.Count - scores.Count, WeightedScore.Average(scores));
    }
}
