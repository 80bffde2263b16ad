using Jalin.Core.Agreements;
using Jalin.Core.Regions;
using Jalin.Core.Tkksd;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jalin.Core.Evaluation;

/// <summary>The recommendation of a monev (praktik daerah: Samarinda's form asks "Dilanjutkan / Diperluas / Dihentikan";
/// Jalin adds "diubah" for an addendum).</summary>
public enum EvaluationRecommendation { Lanjutkan, Perluas, Ubah, Hentikan }

public static class EvaluationLabels
{
    public static string Label(this EvaluationRecommendation r) => r switch
    {
        EvaluationRecommendation.Lanjutkan => "Dilanjutkan",
        EvaluationRecommendation.Perluas => "Diperluas",
        EvaluationRecommendation.Ubah => "Diubah (addendum)",
        EvaluationRecommendation.Hentikan => "Dihentikan",
        _ => r.ToString(),
    };
}

/// <summary>One weighted criterion of a region's monev (weights in percent; the region's set sums to 100).</summary>
public sealed class EvaluationCriterion
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Weight { get; set; }
}

/// <summary>A finished evaluation (monev) of one agreement by the owning region's officer or an assigned TKKSD member.
/// The criteria are copied with their weights (<see cref="CriterionScore"/>), so a later change of the region's criteria
/// never changes an evaluation already made.</summary>
public sealed class AgreementEvaluation
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public Guid AgreementId { get; init; }
    /// <summary>The monitoring round it was made in, when assigned in one.</summary>
    public Guid? RoundId { get; init; }
    public DateOnly EvaluatedOn { get; init; }
    public List<CriterionScore> Scores { get; set; } = [];
    /// <summary>Σ weight × rating / 100 (1,00–5,00).</summary>
    public decimal Score { get; set; }
    public required string Findings { get; set; }
    public EvaluationRecommendation Recommendation { get; set; }
    public required string EvaluatorUserId { get; init; }
    public required string EvaluatorName { get; init; }
    public string? EvaluatorRole { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The usulan (perpanjangan or addendum) opened from this evaluation's recommendation.</summary>
    public Guid? FollowUpProposalId { get; set; }
}

/// <summary>The TKKSD's yearly monev over all active agreements of the region (praktik daerah, as Kabupaten Kutai
/// Kartanegara runs it): the officer opens it with a deadline and assigns each agreement to a member.</summary>
public sealed class MonitoringRound
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public int Year { get; init; }
    public required string Title { get; set; }
    public DateOnly Deadline { get; set; }
    public bool IsOpen { get; set; } = true;
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public List<MonitoringAssignment> Assignments { get; init; } = [];
}

/// <summary>One agreement of a round, its assigned member (with a Jalin account) and the evaluation once submitted.</summary>
public sealed class MonitoringAssignment
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid RoundId { get; init; }
    public required string RegionCode { get; init; }
    public Guid AgreementId { get; init; }
    public Guid? MemberId { get; set; }
    public string? EvaluatorUserId { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    public Guid? EvaluationId { get; set; }
    public int Version { get; set; }
}

public sealed class EvaluationConfiguration : IEntityTypeConfiguration<EvaluationCriterion>, IEntityTypeConfiguration<AgreementEvaluation>,
    IEntityTypeConfiguration<MonitoringRound>, IEntityTypeConfiguration<MonitoringAssignment>
{
    public void Configure(EntityTypeBuilder<EvaluationCriterion> e)
    {
        e.ToTable("EvaluationCriteria");
        e.Property(c => c.RegionCode).HasMaxLength(13);
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.Description).HasMaxLength(1000);
        e.HasIndex(c => new { c.RegionCode, c.Order });
        e.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AgreementEvaluation> e)
    {
        e.ToTable("AgreementEvaluations");
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.Property(x => x.Findings).HasMaxLength(4000);
        e.Property(x => x.Recommendation).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.EvaluatorUserId).HasMaxLength(450);
        e.Property(x => x.EvaluatorName).HasMaxLength(200);
        e.Property(x => x.EvaluatorRole).HasMaxLength(60);
        e.Property(x => x.Score).HasPrecision(5, 2);
        e.Property(x => x.Scores).HasConversion(ScoresConverter, ScoresComparer);
        e.HasIndex(x => new { x.AgreementId, x.EvaluatedOn });
        e.HasIndex(x => x.RoundId);
        e.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MonitoringRound> e)
    {
        e.ToTable("MonitoringRounds");
        e.Property(r => r.RegionCode).HasMaxLength(13);
        e.Property(r => r.Title).HasMaxLength(200);
        e.Property(r => r.CreatedBy).HasMaxLength(100);
        e.HasIndex(r => new { r.RegionCode, r.Year });
        e.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Assignments).WithOne().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MonitoringAssignment> e)
    {
        e.ToTable("MonitoringAssignments");
        e.Property(a => a.RegionCode).HasMaxLength(13);
        e.Property(a => a.EvaluatorUserId).HasMaxLength(450);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasIndex(a => new { a.RoundId, a.AgreementId }).IsUnique();
        e.HasIndex(a => a.EvaluatorUserId);
        e.HasOne<Agreement>().WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TkksdMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
    private static string Write(List<CriterionScore> v) => System.Text.Json.JsonSerializer.Serialize(v, Json);
    private static List<CriterionScore> Read(string s) => System.Text.Json.JsonSerializer.Deserialize<List<CriterionScore>>(s, Json) ?? [];
    private static readonly ValueConverter<List<CriterionScore>, string> ScoresConverter = new(v => Write(v), s => Read(s));
    private static readonly ValueComparer<List<CriterionScore>> ScoresComparer = new((x, y) => Write(x!) == Write(y!), v => Write(v).GetHashCode(), v => Read(Write(v)));
}
