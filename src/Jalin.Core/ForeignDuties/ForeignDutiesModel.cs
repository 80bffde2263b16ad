using Jalin.Core.Agreements;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jalin.Core.ForeignDuties;

public enum PlanStatus { Draft, Final }

/// <summary>How the final document of a yearly plan came about: generated from the rows, or a signed scan uploaded.</summary>
public enum PlanDocumentSource { Generated, SignedScan }

/// <summary>One party's share of the financing of an activity (Permendagri 25/2020 lampiran III: per pihak, sumber, jumlah).</summary>
public sealed record FundingLine(string Party, string Source, decimal Amount);

/// <summary>One activity of the yearly plan (Permendagri 25/2020 Pasal 26 and lampiran III).</summary>
public sealed record PlanRow(string Activity, string Executor, string Roles, string ExpectedResult, string Location, string Beneficiaries, IReadOnlyList<FundingLine> Funding);

/// <summary>The rencana kegiatan tahunan of a KSDPL/KSDLL for one year (Permendagri 25/2020 Pasal 26): draft rows, then final with its document.</summary>
public sealed class AnnualActivityPlan
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AgreementId { get; init; }
    public required string RegionCode { get; init; }
    public int Year { get; init; }
    public PlanStatus Status { get; set; }
    public List<PlanRow> Rows { get; set; } = [];
    public PlanDocumentSource? DocumentSource { get; set; }
    public string? FileSha256 { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public DateOnly? FinalizedOn { get; set; }
    public string? FinalizedBy { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The extension decision of a KSDPL/KSDLL (Permendagri 25/2020 Pasal 33): the request letter sent at least
/// 6 months before the end, or the region's record that it will not extend.</summary>
public sealed class ExtensionDecision
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AgreementId { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>The deadline it answered (end − 6 months at the time of recording).</summary>
    public DateOnly Deadline { get; set; }
    public bool WillExtend { get; set; }
    public string? LetterNumber { get; set; }
    public DateOnly? LetterDate { get; set; }
    public string? AddressedTo { get; set; }
    public string? Copies { get; set; }
    public string? Reason { get; set; }
    public string? FileSha256 { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public int Version { get; set; }
}

public enum SupervisionMethod { Monitoring, Evaluasi }

/// <summary>A visit to the region, or a desk review of its documents.</summary>
public enum SupervisionMode { Kunjungan, Dokumen }

/// <summary>One supervision (pengawasan) of a KSDPL/KSDLL by the Menteri (a province's) or the Gubernur (a kab/kota's),
/// by monitoring and evaluation (Permendagri 25/2020 Pasal 39 ayat (2) and (5)).</summary>
public sealed class ForeignSupervision
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AgreementId { get; init; }
    /// <summary>The supervised region (the agreement's owner).</summary>
    public required string RegionCode { get; init; }
    /// <summary>The supervising province's code, or null for the Menteri.</summary>
    public string? SupervisorRegionCode { get; init; }
    public DateOnly PlannedOn { get; set; }
    public SupervisionMethod Method { get; set; }
    public SupervisionMode Mode { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Findings { get; set; }
    public string? Recommendations { get; set; }
    public string? FollowUpRequested { get; set; }
    public string? FileSha256 { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public string ScheduledBy { get; init; } = "";
    public string? RecordedBy { get; set; }
    public string? RegionAnswer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; set; }
}

public sealed class ForeignDutiesConfiguration : IEntityTypeConfiguration<AnnualActivityPlan>, IEntityTypeConfiguration<ExtensionDecision>,
    IEntityTypeConfiguration<ForeignSupervision>
{
    public void Configure(EntityTypeBuilder<AnnualActivityPlan> e)
    {
        e.ToTable("AnnualActivityPlans");
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.DocumentSource).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.Rows).HasConversion(RowsConverter, RowsComparer);
        e.Property(x => x.FileSha256).HasMaxLength(64);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.FinalizedBy).HasMaxLength(200);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.AgreementId, x.Year }).IsUnique();
        e.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ExtensionDecision> e)
    {
        e.ToTable("ExtensionDecisions");
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.Property(x => x.LetterNumber).HasMaxLength(100);
        e.Property(x => x.AddressedTo).HasMaxLength(300);
        e.Property(x => x.Copies).HasMaxLength(500);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.FileSha256).HasMaxLength(64);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.AgreementId).IsUnique();
        e.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ForeignSupervision> e)
    {
        e.ToTable("ForeignSupervisions");
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.Property(x => x.SupervisorRegionCode).HasMaxLength(13);
        e.Property(x => x.Method).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.Mode).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.Findings).HasMaxLength(4000);
        e.Property(x => x.Recommendations).HasMaxLength(4000);
        e.Property(x => x.FollowUpRequested).HasMaxLength(4000);
        e.Property(x => x.RegionAnswer).HasMaxLength(4000);
        e.Property(x => x.FileSha256).HasMaxLength(64);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.ScheduledBy).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.AnsweredBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.AgreementId, x.PlannedOn });
        e.HasIndex(x => new { x.SupervisorRegionCode, x.PlannedOn });
        e.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
    private static string Write(List<PlanRow> v) => System.Text.Json.JsonSerializer.Serialize(v, Json);
    private static List<PlanRow> Read(string s) => System.Text.Json.JsonSerializer.Deserialize<List<PlanRow>>(s, Json) ?? [];
    private static readonly ValueConverter<List<PlanRow>, string> RowsConverter = new(v => Write(v), s => Read(s));
    private static readonly ValueComparer<List<PlanRow>> RowsComparer = new((x, y) => Write(x!) == Write(y!), v => Write(v).GetHashCode(), v => Read(Write(v)));
}
