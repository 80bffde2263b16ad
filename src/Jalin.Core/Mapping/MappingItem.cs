using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agencies;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.Mapping;

/// <summary>What a region offers (potensi) or lacks (kebutuhan): the catalogue a region maps before
/// it looks for partners (DOMAIN §6.1; the catalogue's form and rounds are pengaturan daerah, not set by PP 28/2018).</summary>
public enum MappingKind { Potential, Need }

/// <summary>Draft by the OPD → submitted → accepted by the Bagian Kerja Sama (or returned to the OPD) → archived.</summary>
public enum MappingStatus { Draft, Submitted, Returned, Accepted, Archived }

public static class MappingLabels
{
    public static string Label(this MappingKind k) => k == MappingKind.Potential ? "Potensi" : "Kebutuhan";

    public static string Label(this MappingStatus s) => s switch
    {
        MappingStatus.Draft => "Draf OPD",
        MappingStatus.Submitted => "Diajukan",
        MappingStatus.Returned => "Dikembalikan",
        MappingStatus.Accepted => "Diterima",
        MappingStatus.Archived => "Diarsipkan",
        _ => s.ToString(),
    };
}

public sealed class MappingItem
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public Guid? RoundId { get; set; }
    public MappingKind Kind { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    [MaxLength(4000)] public string? Description { get; set; }
    [MaxLength(10)] public required string AffairCode { get; set; }
    [MaxLength(40)] public string? SubAffairCode { get; set; }
    [MaxLength(300)] public string? Location { get; set; }
    public Guid AgencyId { get; set; }
    /// <summary>The RPJMD/RKPD program the item serves, as the region names it.</summary>
    [MaxLength(300)] public string? Program { get; set; }
    public MappingStatus Status { get; set; }
    [MaxLength(1000)] public string? ReturnNote { get; set; }
    [MaxLength(100)] public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    [MaxLength(100)] public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    /// <summary>Shown on the public catalogue of potentials and needs (/potensi) since; only an accepted item (issue #12).</summary>
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>A call to the OPDs to map their potentials and needs by a deadline.</summary>
public sealed class MappingRound
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public int Year { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    public DateOnly Deadline { get; set; }
    public bool IsOpen { get; set; } = true;
    [MaxLength(100)] public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<MappingRoundAgency> Agencies { get; set; } = [];
}

/// <summary>An OPD asked in a round, and when it marked its submission done.</summary>
public sealed class MappingRoundAgency
{
    public Guid RoundId { get; init; }
    public Guid AgencyId { get; init; }
    public required string RegionCode { get; init; }
    public DateTimeOffset? SubmittedAt { get; set; }
    [MaxLength(100)] public string? SubmittedBy { get; set; }
}

/// <summary>An in-app reminder to an OPD that has not submitted its mapping; shown on its users' dashboard.
/// Self-contained so it can later move to the general notifications.</summary>
public sealed class MappingReminder
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public Guid RoundId { get; init; }
    public Guid AgencyId { get; init; }
    [MaxLength(1000)] public required string Message { get; init; }
    [MaxLength(100)] public required string SentBy { get; init; }
    public DateTimeOffset SentAt { get; init; }
}

/// <summary>Entity configuration of the mapping slice (applied from JalinDb).</summary>
public sealed class MappingConfiguration : IEntityTypeConfiguration<MappingItem>, IEntityTypeConfiguration<MappingRound>,
    IEntityTypeConfiguration<MappingRoundAgency>, IEntityTypeConfiguration<MappingReminder>
{
    public void Configure(EntityTypeBuilder<MappingItem> e)
    {
        e.Property(i => i.RegionCode).HasMaxLength(13);
        e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasIndex(i => new { i.RegionCode, i.Kind, i.Status });
        e.HasIndex(i => new { i.AffairCode, i.Kind, i.Status });
        e.HasIndex(i => i.RoundId);
        e.HasOne<Region>().WithMany().HasForeignKey(i => i.RegionCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<GovernmentAffair>().WithMany().HasForeignKey(i => i.AffairCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<MappingRound>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MappingRound> e)
    {
        e.Property(r => r.RegionCode).HasMaxLength(13);
        e.HasIndex(r => new { r.RegionCode, r.Year });
        e.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Agencies).WithOne().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MappingRoundAgency> e)
    {
        e.HasKey(a => new { a.RoundId, a.AgencyId });
        e.Property(a => a.RegionCode).HasMaxLength(13);
        e.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MappingReminder> e)
    {
        e.Property(r => r.RegionCode).HasMaxLength(13);
        e.HasIndex(r => new { r.AgencyId, r.SentAt });
        e.HasOne<MappingRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
