using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.UpwardReports;

/// <summary>Draf (dibuat, belum dikirim) or Terkirim (dicatat dikirim dengan nomor dan tanggal surat).</summary>
public enum UpwardReportStatus { Draft, Sent }

/// <summary>What the report covers: both parts (A luar negeri, B dalam negeri) unless a region asks for one.</summary>
public enum UpwardReportScope { All, Foreign, Domestic }

public static class UpwardReportLabels
{
    public static string Label(this UpwardReportStatus s) => s == UpwardReportStatus.Sent ? "Terkirim" : "Draf";

    public static string Label(this UpwardReportScope s) => s switch
    {
        UpwardReportScope.Foreign => "Bagian A (luar negeri)",
        UpwardReportScope.Domestic => "Bagian B (dalam negeri)",
        _ => "Lengkap (bagian A dan B)",
    };
}

/// <summary>One version of a region's annual report on its kerja sama daerah ("Laporan Pelaksanaan Kerja Sama Daerah
/// Tahun N") to the Governor (kab/kota) or the Minister of Home Affairs (province). Generating stores a snapshot of the
/// files and of the figures; a sent version is never changed, generating again after sending makes a new version.</summary>
public sealed class UpwardReport
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public int Year { get; init; }
    /// <summary>1, 2, … per region and year.</summary>
    public int Number { get; init; }
    public UpwardReportScope Scope { get; set; }
    public UpwardReportStatus Status { get; set; }
    public required string Recipient { get; set; }
    /// <summary>The figures of the snapshot (JSON of <see cref="UpwardFigures"/>): what the supervisor's recap adds up.</summary>
    public required string FiguresJson { get; set; }
    public required string XlsxSha256 { get; set; }
    public required string DocxSha256 { get; set; }
    /// <summary>The PDF rendered when the snapshot was stored; null when the converter was not available then.</summary>
    public string? PdfSha256 { get; set; }
    public DateOnly GeneratedOn { get; set; }
    public string? LetterNumber { get; set; }
    public DateOnly? SentOn { get; set; }
    public string? SentBy { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class UpwardReportConfiguration : IEntityTypeConfiguration<UpwardReport>
{
    public void Configure(EntityTypeBuilder<UpwardReport> e)
    {
        e.ToTable("UpwardReports");
        e.Property(r => r.RegionCode).HasMaxLength(13);
        e.Property(r => r.Scope).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Recipient).HasMaxLength(300);
        e.Property(r => r.FiguresJson).HasMaxLength(8000);
        e.Property(r => r.XlsxSha256).HasMaxLength(64);
        e.Property(r => r.DocxSha256).HasMaxLength(64);
        e.Property(r => r.PdfSha256).HasMaxLength(64);
        e.Property(r => r.LetterNumber).HasMaxLength(100);
        e.Property(r => r.SentBy).HasMaxLength(200);
        e.Property(r => r.CreatedBy).HasMaxLength(200);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasIndex(r => new { r.RegionCode, r.Year, r.Number }).IsUnique();
        e.HasIndex(r => new { r.Year, r.Status });
        e.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
