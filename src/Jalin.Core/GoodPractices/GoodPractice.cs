using System.Text.Json;
using Jalin.Core.Proposals;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.GoodPractices;

/// <summary>Draft (only the region sees it) or published (every government user and the public portal).</summary>
public enum PracticeStatus { Draft, Published }

/// <summary>A result of the practice with its figure: "Sampah terangkut ke TPPAS", 1250, "ton/bulan".</summary>
public sealed record PracticeResult(string Indicator, decimal Figure, string Unit);

/// <summary>A good practice of regional cooperation (praktik baik kerja sama daerah, issue #12): what a region did, with
/// whom, and what came of it in figures, so other regions can learn from it and replicate it as their own usulan. The
/// catalogue is praktik daerah; PP 28/2018 does not set it. The contact is an office (Bagian Kerja Sama) and its office
/// e-mail, never a person's private data.</summary>
public sealed class GoodPractice
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public required string Title { get; set; }
    public required string AffairCode { get; set; }
    public required string Problem { get; set; }
    public required string Actions { get; set; }
    public string? Partners { get; set; }
    public List<PracticeResult> Results { get; set; } = [];
    public string? ContactOffice { get; set; }
    public string? ContactEmail { get; set; }
    public List<Guid> AgreementIds { get; set; } = [];
    /// <summary>Where the region learned it, when it replicated another region's practice.</summary>
    public string? SourceCredit { get; set; }
    public PracticeStatus Status { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    /// <summary>How many usulan other regions opened from this practice.</summary>
    public int ReplicationCount { get; set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<GoodPracticeDocument> Documents { get; init; } = [];
}

/// <summary>A PDF of the practice (a report, a leaflet), public with the practice once it is published.</summary>
public sealed class GoodPracticeDocument
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PracticeId { get; init; }
    public required string Title { get; set; }
    public required string FileSha256 { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long FileSize { get; init; }
    public string? UploadedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public static class PracticeLabels
{
    public static string Label(this PracticeStatus s) => s == PracticeStatus.Published ? "Dipublikasikan" : "Draf";
}

/// <summary>Entity configuration of the good-practice catalogue (applied from JalinDb).</summary>
public sealed class GoodPracticeConfiguration : IEntityTypeConfiguration<GoodPractice>, IEntityTypeConfiguration<GoodPracticeDocument>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static ValueComparer<List<T>> Comparer<T>() => new(
        (x, y) => JsonSerializer.Serialize(x, Json) == JsonSerializer.Serialize(y, Json),
        v => JsonSerializer.Serialize(v, Json).GetHashCode(),
        v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Json), Json) ?? new List<T>());

    public void Configure(EntityTypeBuilder<GoodPractice> e)
    {
        e.Property(p => p.RegionCode).HasMaxLength(13);
        e.Property(p => p.Title).HasMaxLength(300);
        e.Property(p => p.AffairCode).HasMaxLength(10);
        e.Property(p => p.Problem).HasMaxLength(4000);
        e.Property(p => p.Actions).HasMaxLength(4000);
        e.Property(p => p.Partners).HasMaxLength(1000);
        e.Property(p => p.ContactOffice).HasMaxLength(300);
        e.Property(p => p.ContactEmail).HasMaxLength(200);
        e.Property(p => p.SourceCredit).HasMaxLength(500);
        e.Property(p => p.PublishedBy).HasMaxLength(200);
        e.Property(p => p.CreatedBy).HasMaxLength(100);
        e.Property(p => p.UpdatedBy).HasMaxLength(100);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Results).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<List<PracticeResult>>(s, Json) ?? new List<PracticeResult>(), Comparer<PracticeResult>());
        e.Property(p => p.AgreementIds).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<List<Guid>>(s, Json) ?? new List<Guid>(), Comparer<Guid>());
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasIndex(p => new { p.Status, p.AffairCode });
        e.HasIndex(p => new { p.RegionCode, p.Status });
        e.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<GovernmentAffair>().WithMany().HasForeignKey(p => p.AffairCode).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<GoodPracticeDocument> e)
    {
        e.Property(d => d.Title).HasMaxLength(300);
        e.Property(d => d.FileSha256).HasMaxLength(64);
        e.Property(d => d.FileName).HasMaxLength(200);
        e.Property(d => d.ContentType).HasMaxLength(100);
        e.Property(d => d.UploadedBy).HasMaxLength(100);
    }
}
