using Jalin.Core.Proposals;

namespace Jalin.Core.Tkksd;

/// <summary>The usulan's "catat hasil kajian TKKSD" step fed by the members' assessments: the team's majority
/// recommendation (the more cautious one on a tie, as in the kajian) proposed as the result; the officer or member
/// who records the step still chooses it.</summary>
public static class ProposalAssessment
{
    public static AssessmentResult? Suggested(AssessmentSummary summary) => GenerateKajian.Conclusion(summary.Recommendations) switch
    {
        Recommendation.Layak => AssessmentResult.Feasible,
        Recommendation.LayakDenganPerbaikan => AssessmentResult.FeasibleWithRevision,
        Recommendation.TidakLayak => AssessmentResult.NotFeasible,
        _ => null,
    };

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
