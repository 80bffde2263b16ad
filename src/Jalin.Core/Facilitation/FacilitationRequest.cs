using Jalin.Core.Identity;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.Facilitation;

/// <summary>What is asked of the facilitation desk (layanan fasilitasi).</summary>
public enum FacilitationKind
{
    /// <summary>Konsultasi.</summary>
    Consultation,
    /// <summary>Telaah rancangan naskah kerja sama.</summary>
    DraftReview,
    /// <summary>Pendampingan penandatanganan.</summary>
    SigningAssistance,
    /// <summary>Pendampingan pemetaan urusan.</summary>
    MappingAssistance,
    /// <summary>Koordinasi teknis kerja sama wajib di tingkat provinsi (PP 28/2018 Pasal 5 ayat (2) huruf a).</summary>
    MandatoryCoordination,
}

/// <summary>Status the requester follows: Diajukan → Diproses ⇄ Menunggu pemohon → Selesai / Ditolak (<see cref="FacilitationTable"/>).</summary>
public enum FacilitationStatus { Submitted, InProgress, AwaitingRequester, Completed, Rejected }

public enum FacilitationAction { Take, AskRequester, Respond, Complete, Reject }

/// <summary>A request to a region's facilitation desk from one of its OPDs, another region's Bagian Kerja Sama
/// or a partner; numbered per serving region and year (FAS/2026/0001).</summary>
public sealed class FacilitationRequest
{
    public Guid Id { get; init; } = Guid.NewGuid();
    /// <summary>The region whose Bagian Kerja Sama serves the request.</summary>
    public required string RegionCode { get; init; }
    public required string Number { get; init; }
    public int NumberYear { get; init; }
    public int NumberSequence { get; init; }
    public FacilitationKind Kind { get; init; }
    public FacilitationStatus Status { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    // the requester
    public required string RequesterUserId { get; init; }
    public required string RequesterName { get; init; }
    public Role RequesterRole { get; init; }
    public string? RequesterRegionCode { get; init; }
    public Guid? RequesterAgencyId { get; init; }
    public string? RequesterAgencyName { get; init; }
    public Guid? RequesterPartnerId { get; init; }
    // the desk
    public string? OfficerUserId { get; set; }
    public string? OfficerName { get; set; }
    public DateOnly SubmittedOn { get; init; }
    /// <summary>Target date: <see cref="TargetWorkingDays"/> working days after <see cref="SubmittedOn"/>.</summary>
    public DateOnly DueOn { get; init; }
    public int TargetWorkingDays { get; init; }
    /// <summary>Set when the holiday calendar lacks a year the count crossed.</summary>
    public string? DueNote { get; init; }
    // optional links
    public Guid? AgreementId { get; set; }
    public Guid? ProposalId { get; set; }
    public Guid? MappingRoundId { get; set; }
    /// <summary>For koordinasi teknis: the other kab/kota of the mandatory cooperation.</summary>
    public string? CounterpartRegionCode { get; set; }
    // the outcome
    public string? Outcome { get; set; }
    /// <summary>Koordinasi teknis: the mapping of urusan discussed (PP 28/2018 Pasal 5 ayat (2)).</summary>
    public string? CoordinationMapping { get; set; }
    /// <summary>Koordinasi teknis: the date the heads of the regions agreed the result (Pasal 5 ayat (3)).</summary>
    public DateOnly? HeadsAgreementDate { get; set; }
    /// <summary>Koordinasi teknis: the reference of that agreement (nomor berita acara/kesepakatan).</summary>
    public string? HeadsAgreementReference { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int Version { get; set; }
    public List<FacilitationHistory> History { get; init; } = [];

    public bool IsOpen => Status is not (FacilitationStatus.Completed or FacilitationStatus.Rejected);

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

public sealed class FacilitationHistory
{
    public long Id { get; init; }
    public Guid RequestId { get; init; }
    public required string RegionCode { get; init; }
    public required string Action { get; init; }
    public FacilitationStatus FromStatus { get; init; }
    public FacilitationStatus ToStatus { get; init; }
    public required string ActorUserId { get; init; }
    public required string ActorName { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Note { get; init; }
}

public sealed class FacilitationConfiguration : IEntityTypeConfiguration<FacilitationRequest>, IEntityTypeConfiguration<FacilitationHistory>
{
    public void Configure(EntityTypeBuilder<FacilitationRequest> e)
    {
        e.ToTable("FacilitationRequests");
        e.Property(r => r.RegionCode).HasMaxLength(13);
        e.Property(r => r.Number).HasMaxLength(40);
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Title).HasMaxLength(300);
        e.Property(r => r.Description).HasMaxLength(4000);
        e.Property(r => r.RequesterUserId).HasMaxLength(450);
        e.Property(r => r.RequesterName).HasMaxLength(200);
        e.Property(r => r.RequesterRole).HasConversion<string>().HasMaxLength(30);
        e.Property(r => r.RequesterRegionCode).HasMaxLength(13);
        e.Property(r => r.RequesterAgencyName).HasMaxLength(200);
        e.Property(r => r.OfficerUserId).HasMaxLength(450);
        e.Property(r => r.OfficerName).HasMaxLength(200);
        e.Property(r => r.DueNote).HasMaxLength(300);
        e.Property(r => r.CounterpartRegionCode).HasMaxLength(13);
        e.Property(r => r.Outcome).HasMaxLength(4000);
        e.Property(r => r.CoordinationMapping).HasMaxLength(4000);
        e.Property(r => r.HeadsAgreementReference).HasMaxLength(200);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.History).WithOne().HasForeignKey(h => h.RequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.RegionCode, r.NumberYear, r.NumberSequence }).IsUnique();
        e.HasIndex(r => new { r.RegionCode, r.Status, r.DueOn });
        e.HasIndex(r => r.RequesterUserId);
        e.HasIndex(r => r.RequesterAgencyId);
    }

    public void Configure(EntityTypeBuilder<FacilitationHistory> e)
    {
        e.ToTable("FacilitationHistory");
        e.Property(h => h.RegionCode).HasMaxLength(13);
        e.Property(h => h.Action).HasMaxLength(40);
        e.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(20);
        e.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(20);
        e.Property(h => h.ActorUserId).HasMaxLength(450);
        e.Property(h => h.ActorName).HasMaxLength(200);
        e.Property(h => h.Note).HasMaxLength(4000);
    }
}
