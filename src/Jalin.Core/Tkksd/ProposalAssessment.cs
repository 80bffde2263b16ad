using Jalin.Core.Data;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tkksd;

/// <summary>The usulan's "catat hasil kajian TKKSD" step fed by the members' assessments: the team's majority
/// recommendation (the more cautious one on a tie, as in the kajian) proposed as the result; the officer or member
/// who records the step still chooses it.</summary>
public static class ProposalAssessment
{
    public static AssessmentResult? Suggested(AssessmentSummary summary) => AsResult(GenerateKajian.Conclusion(summary.Recommendations));

    private static AssessmentResult? AsResult(Recommendation? team) => team switch
    {
        Recommendation.Layak => AssessmentResult.Feasible,
        Recommendation.LayakDenganPerbaikan => AssessmentResult.FeasibleWithRevision,
        Recommendation.TidakLayak => AssessmentResult.NotFeasible,
        _ => null,
    };

    /// <summary>The team's majority result from the members' submitted assessments of an usulan (null when none
    /// submitted), read straight from the stored assessments so the step can compare what is recorded with it.</summary>
    public static async Task<(AssessmentResult? Result, int Submitted)> TeamResultAsync(JalinDb db, Guid proposalId, CancellationToken ct = default)
    {
        var recs = await db.TkksdAssignments.AsNoTracking()
            .Where(x => x.SubjectType == SubjectType.Proposal && x.SubjectId == proposalId && x.SubmittedAt != null && x.Recommendation != null)
            .Select(x => x.Recommendation!.Value).ToListAsync(ct);
        var counts = Enum.GetValues<Recommendation>().Select(r => new RecommendationCount(r, r.Label(), recs.Count(x => x == r))).ToList();
        return (AsResult(GenerateKajian.Conclusion(counts)), recs.Count);
    }

    /// <summary>One line for the page next to the step: how many members assessed, the average, the counts; or that none did.</summary>
    public static string Line(AssessmentSummary summary)
    {
        var submitted = summary.Assessments.Count(a => a.Submitted);
        if (submitted == 0)
            return summary.Assessments.Count == 0
                ? "Belum ada anggota TKKSD yang menilai usulan ini di Jalin; hasil kajian dicatat dari pembahasan tim."
                : $"Belum ada anggota TKKSD yang menyampaikan penilaian ({summary.Assessments.Count} ditugaskan); hasil kajian dicatat dari pembahasan tim.";
        var counts = string.Join(", ", summary.Recommendations.Where(r => r.Count > 0).Select(r => $"{r.Label} {r.Count}"));
        return $"{submitted} dari {summary.Assessments.Count} anggota menilai; rata-rata nilai tertimbang {summary.AverageScoreText}; {counts}.";
    }
}
