using Jalin.Core.Common;

namespace Jalin.Core.Tkksd;

/// <summary>Kedudukan dalam tim: the typical composition of a TKKSD (Keputusan Kepala Daerah; the
/// law sets no fixed list, so each region records its own team as data).</summary>
public enum TeamRole
{
    Pengarah,
    Ketua,
    WakilKetua,
    Sekretaris,
    Anggota,
    AnggotaInsidental,
}

/// <summary>The member's overall recommendation on a subject.</summary>
public enum Recommendation
{
    Layak,
    LayakDenganPerbaikan,
    TidakLayak,
}

/// <summary>What an assessment is about: an agreement being prepared, or an OPD's proposal (usulan).</summary>
public enum SubjectType
{
    Agreement,
    Proposal,
}

public static class TkksdLabels
{
    public static string Label(this TeamRole role) => role switch
    {
        TeamRole.Pengarah => "Pengarah",
        TeamRole.Ketua => "Ketua",
        TeamRole.WakilKetua => "Wakil Ketua",
        TeamRole.Sekretaris => "Sekretaris",
        TeamRole.Anggota => "Anggota",
        TeamRole.AnggotaInsidental => "Anggota insidental",
        _ => role.ToString(),
    };

    public static string Label(this Recommendation r) => r switch
    {
        Recommendation.Layak => "Layak",
        Recommendation.LayakDenganPerbaikan => "Layak dengan perbaikan",
        Recommendation.TidakLayak => "Tidak layak",
        _ => r.ToString(),
    };
}

/// <summary>A region's Tim Koordinasi Kerja Sama Daerah as formed by one Keputusan Kepala Daerah.
/// One team is active per region at a time; a new SK closes the previous period (praktik daerah:
/// the team is often re-formed every year).</summary>
public sealed class TkksdTeam
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public required string DecreeNumber { get; set; }
    public DateOnly DecreeDate { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public bool IsActive { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public int Version { get; set; }
    public List<TkksdMember> Members { get; init; } = [];
}

public sealed class TkksdMember
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid TeamId { get; init; }
    /// <summary>The team's region (kept on the row so the audit trail files it there).</summary>
    public required string RegionCode { get; init; }
    /// <summary>The member's Jalin account, when it has one (a TeamMember user of the region).</summary>
    public string? UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>Jabatan (e.g. "Sekretaris Daerah", "Kepala Bappeda").</summary>
    public required string Position { get; set; }
    public TeamRole Role { get; set; }
    public Guid? AgencyId { get; set; }
    public bool IsActive { get; set; } = true;
    public int Order { get; set; }
}

/// <summary>One weighted criterion of a region's assessment (weights in percent; the region's set sums to 100).</summary>
public sealed class TkksdCriterion
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Weight { get; set; }
}

/// <summary>A score as submitted: the criterion's name and weight are copied, so a later change of the
/// region's criteria never changes an assessment already submitted.</summary>
public sealed record CriterionScore(string Criterion, int Weight, int Score, string? Note);

/// <summary>A subject assigned to one team member, and that member's assessment once submitted.</summary>
public sealed class TkksdAssignment
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public SubjectType SubjectType { get; init; }
    public Guid SubjectId { get; init; }
    public Guid MemberId { get; init; }
    public DateOnly? DueOn { get; set; }
    public string AssignedBy { get; init; } = "";
    public DateTimeOffset AssignedAt { get; init; }
    public List<CriterionScore> Scores { get; set; } = [];
    public Recommendation? Recommendation { get; set; }
    public string? Remarks { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public int Version { get; set; }

    public bool IsSubmitted => SubmittedAt is not null;
}

/// <summary>The arithmetic of the weighted score: Σ weight × score / 100, exact in decimals.</summary>
public static class WeightedScore
{
    public static decimal Of(IEnumerable<CriterionScore> scores) => scores.Sum(s => (decimal)s.Weight * s.Score) / 100m;

    /// <summary>Average of the members' weighted scores, rounded half away from zero to two decimals.</summary>
    public static decimal? Average(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Sum() / list.Count, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>"3,75": two decimals, the Indonesian way.</summary>
    public static string Format(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", IndonesianFormat.Culture);
}
