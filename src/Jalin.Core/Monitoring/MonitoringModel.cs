using Jalin.Core.Agreements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.Monitoring;

/// <summary>How often an obligation falls due: once (<see cref="Obligation.DueOn"/>) or repeatedly from
/// <see cref="Obligation.StartsOn"/> until <see cref="Obligation.EndsOn"/>.</summary>
public enum Recurrence { Once, Monthly, Quarterly, Semester, Yearly }

/// <summary>Dijadwalkan, terpenuhi, terpenuhi sebagian, tidak terpenuhi.</summary>
public enum ObligationStatus { Scheduled, Met, PartlyMet, NotMet }

/// <summary>The reporting period of an agreement's progress reports: triwulan or semester.</summary>
public enum ReportPeriod { Quarterly, Semester }

/// <summary>Draf → diajukan → diterima / dikembalikan (dengan catatan) → diajukan ulang → diterima / dikembalikan.</summary>
public enum ReportStatus { Draft, Submitted, Returned, Resubmitted, Accepted }

/// <summary>An obligation or milestone of a signed agreement (pelaksanaan), usually one item of the PKS's pasal
/// hak dan kewajiban: which party and which OPD answer for it, when it falls due, and whether it was met.</summary>
public sealed class Obligation
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AgreementId { get; init; }
    /// <summary>The agreement's (owning) region: tenancy of the row.</summary>
    public required string RegionCode { get; init; }
    public required string Title { get; set; }
    public Guid PartyId { get; set; }
    public required string PartyName { get; set; }
    public Guid? AgencyId { get; set; }
    public string? AgencyName { get; set; }
    public Recurrence Recurrence { get; set; }
    /// <summary>Once: the due date. Recurring: null (the dates follow from <see cref="StartsOn"/>/<see cref="EndsOn"/>).</summary>
    public DateOnly? DueOn { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public ObligationStatus Status { get; set; }
    public string? Note { get; set; }
    /// <summary>The pasal (draft clause key) it was taken from, when prefilled from the PKS.</summary>
    public Guid? SourceClauseKey { get; set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<MonitoringEvidence> Evidence { get; init; } = [];
}

/// <summary>An evidence file of an obligation or of a progress report (content-checked like every upload).</summary>
public sealed class MonitoringEvidence
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AgreementId { get; init; }
    public Guid? ObligationId { get; init; }
    public Guid? ReportId { get; init; }
    public required string FileSha256 { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long FileSize { get; init; }
    public required string UploadedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One output of a progress report measured against its indicator (target vs realisasi).</summary>
public sealed class ReportIndicator
{
    public string Indicator { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal Target { get; set; }
    public decimal Actual { get; set; }
}

/// <summary>The monitoring settings of one agreement: the reporting period of its progress reports.</summary>
public sealed class MonitoringPlan
{
    public Guid AgreementId { get; init; }
    public required string RegionCode { get; init; }
    public ReportPeriod Period { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The progress report (laporan kemajuan) of the executing OPD for one period of an agreement.</summary>
public sealed class ProgressReport
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AgreementId { get; init; }
    public required string RegionCode { get; init; }
    public Guid AgencyId { get; init; }
    public required string AgencyName { get; init; }
    public ReportPeriod Period { get; init; }
    /// <summary>1-based number of the period counted from the agreement's start date.</summary>
    public int PeriodNumber { get; init; }
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public DateOnly DueOn { get; init; }
    public string? DueNote { get; init; }
    public ReportStatus Status { get; set; }
    public string? Activities { get; set; }
    public List<ReportIndicator> Indicators { get; set; } = [];
    public decimal? BudgetRealisation { get; set; }
    public string? Beneficiaries { get; set; }
    public string? Obstacles { get; set; }
    public string? FollowUp { get; set; }
    /// <summary>The reviewer's note when returned (and, optionally, when accepted).</summary>
    public string? ReviewNote { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    /// <summary>The WIB date it was first submitted: a report first submitted after <see cref="DueOn"/> is late.</summary>
    public DateOnly? FirstSubmittedOn { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<MonitoringEvidence> Evidence { get; init; } = [];

    /// <summary>Submitted after its due date, or not yet submitted and past it.</summary>
    public bool IsLate(DateOnly today) => FirstSubmittedOn is { } s ? s > DueOn : today > DueOn;
}

public sealed class MonitoringConfiguration : IEntityTypeConfiguration<Obligation>, IEntityTypeConfiguration<MonitoringEvidence>,
    IEntityTypeConfiguration<ProgressReport>, IEntityTypeConfiguration<MonitoringPlan>
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Obligation> e)
    {
        e.ToTable("Obligations");
        e.Property(o => o.RegionCode).HasMaxLength(13);
        e.Property(o => o.Title).HasMaxLength(2000);
        e.Property(o => o.PartyName).HasMaxLength(300);
        e.Property(o => o.AgencyName).HasMaxLength(200);
        e.Property(o => o.Recurrence).HasConversion<string>().HasMaxLength(20);
        e.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(o => o.Note).HasMaxLength(4000);
        e.Property(o => o.CreatedBy).HasMaxLength(200);
        e.Property(o => o.Version).IsConcurrencyToken();
        e.HasOne<Agreement>().WithMany().HasForeignKey(o => o.AgreementId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(o => o.Evidence).WithOne().HasForeignKey(x => x.ObligationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(o => o.AgreementId);
    }

    public void Configure(EntityTypeBuilder<MonitoringEvidence> e)
    {
        e.ToTable("MonitoringEvidence");
        e.Property(x => x.FileSha256).HasMaxLength(64);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.UploadedBy).HasMaxLength(200);
        e.HasIndex(x => x.AgreementId);
    }

    public void Configure(EntityTypeBuilder<ProgressReport> e)
    {
        e.ToTable("ProgressReports");
        e.Property(r => r.RegionCode).HasMaxLength(13);
        e.Property(r => r.AgencyName).HasMaxLength(200);
        e.Property(r => r.Period).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.DueNote).HasMaxLength(300);
        e.Property(r => r.Activities).HasMaxLength(8000);
        e.Property(r => r.Beneficiaries).HasMaxLength(2000);
        e.Property(r => r.Obstacles).HasMaxLength(4000);
        e.Property(r => r.FollowUp).HasMaxLength(4000);
        e.Property(r => r.ReviewNote).HasMaxLength(4000);
        e.Property(r => r.ReviewedBy).HasMaxLength(200);
        e.Property(r => r.CreatedBy).HasMaxLength(200);
        e.Property(r => r.BudgetRealisation).HasPrecision(18, 2);
        e.Property(r => r.Indicators).HasConversion(
            v => System.Text.Json.JsonSerializer.Serialize(v, Json),
            s => System.Text.Json.JsonSerializer.Deserialize<List<ReportIndicator>>(s, Json) ?? new List<ReportIndicator>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<ReportIndicator>>(
                (x, y) => System.Text.Json.JsonSerializer.Serialize(x, Json) == System.Text.Json.JsonSerializer.Serialize(y, Json),
                v => System.Text.Json.JsonSerializer.Serialize(v, Json).GetHashCode(),
                v => System.Text.Json.JsonSerializer.Deserialize<List<ReportIndicator>>(System.Text.Json.JsonSerializer.Serialize(v, Json), Json) ?? new List<ReportIndicator>()));
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Evidence).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.AgreementId, r.Period, r.PeriodNumber }).IsUnique();
        e.HasIndex(r => new { r.AgencyId, r.Status });
    }

    public void Configure(EntityTypeBuilder<MonitoringPlan> e)
    {
        e.ToTable("MonitoringPlans");
        e.HasKey(p => p.AgreementId);
        e.Property(p => p.RegionCode).HasMaxLength(13);
        e.Property(p => p.Period).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Agreement>().WithOne().HasForeignKey<MonitoringPlan>(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class MonitoringLabels
{
    public static string Label(this Recurrence r) => r switch
    {
        Recurrence.Once => "Sekali",
        Recurrence.Monthly => "Setiap bulan",
        Recurrence.Quarterly => "Setiap triwulan",
        Recurrence.Semester => "Setiap semester",
        Recurrence.Yearly => "Setiap tahun",
        _ => r.ToString(),
    };

    public static string Label(this ObligationStatus s) => s switch
    {
        ObligationStatus.Scheduled => "Dijadwalkan",
        ObligationStatus.Met => "Terpenuhi",
        ObligationStatus.PartlyMet => "Terpenuhi sebagian",
        ObligationStatus.NotMet => "Tidak terpenuhi",
        _ => s.ToString(),
    };

    public static string Label(this ReportPeriod p) => p == ReportPeriod.Semester ? "Semester" : "Triwulan";

    public static string Label(this ReportStatus s) => s switch
    {
        ReportStatus.Draft => "Draf",
        ReportStatus.Submitted => "Diajukan",
        ReportStatus.Returned => "Dikembalikan",
        ReportStatus.Resubmitted => "Diajukan ulang",
        ReportStatus.Accepted => "Diterima",
        _ => s.ToString(),
    };
}
