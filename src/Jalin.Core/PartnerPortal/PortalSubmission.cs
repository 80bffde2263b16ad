using System.Security.Cryptography;
using System.Text;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.PartnerPortal;

/// <summary>An offer or proposal a third party (badan usaha, perguruan tinggi, ormas, another region without Jalin,
/// a foreign partner) sent through the partner portal without an account. It lands in the region's usulan queue as
/// <see cref="Proposal"/> with <see cref="ProposalSource.PartnerPortal"/>; the sender follows it through a private
/// link whose token is stored only as a SHA-256 hash.</summary>
public sealed class PortalSubmission
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProposalId { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>MTR-2026-000123: readable, given to the sender.</summary>
    public required string TrackingNumber { get; init; }
    public int Year { get; init; }
    public int Sequence { get; init; }
    /// <summary>SHA-256 (hex) of the status link's token; the token itself is never stored.</summary>
    public required string TokenHash { get; init; }
    public PartnerKind Kind { get; init; }
    public required string OrganizationName { get; init; }
    public string? Npwp { get; init; }
    public string? Nib { get; init; }
    public string? CountryCode { get; init; }
    public string? Address { get; init; }
    public required string ContactName { get; init; }
    public string? ContactPosition { get; init; }
    public required string Email { get; init; }
    public required string Phone { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The registered partner the officer linked this submission to (or created from it).</summary>
    public Guid? PartnerId { get; set; }
    public List<PortalRequest> Requests { get; init; } = [];
}

/// <summary>A request for more documents the Bagian Kerja Sama sent to the partner, answered on the status page.</summary>
public sealed class PortalRequest
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid SubmissionId { get; init; }
    public required string Message { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public string? AnswerText { get; set; }
    public string? AnswerFiles { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

public static class PortalTokens
{
    /// <summary>A fresh unguessable token (256 bits, URL-safe).</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Format(int year, int sequence) => $"MTR-{year}-{sequence:000000}";
}

/// <summary>The portal's tables (their own configuration, applied by JalinDb).</summary>
public sealed class PortalConfiguration : IEntityTypeConfiguration<PortalSubmission>, IEntityTypeConfiguration<PortalRequest>
{
    public void Configure(EntityTypeBuilder<PortalSubmission> e)
    {
        e.ToTable("PortalSubmissions");
        e.Property(s => s.RegionCode).HasMaxLength(13);
        e.Property(s => s.TrackingNumber).HasMaxLength(20);
        e.Property(s => s.TokenHash).HasMaxLength(64);
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(s => s.OrganizationName).HasMaxLength(300);
        e.Property(s => s.Npwp).HasMaxLength(25);
        e.Property(s => s.Nib).HasMaxLength(13);
        e.Property(s => s.CountryCode).HasMaxLength(2);
        e.Property(s => s.Address).HasMaxLength(500);
        e.Property(s => s.ContactName).HasMaxLength(200);
        e.Property(s => s.ContactPosition).HasMaxLength(200);
        e.Property(s => s.Email).HasMaxLength(200);
        e.Property(s => s.Phone).HasMaxLength(40);
        e.HasOne<Proposal>().WithOne().HasForeignKey<PortalSubmission>(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(s => s.Requests).WithOne().HasForeignKey(r => r.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => s.TokenHash).IsUnique();
        e.HasIndex(s => s.TrackingNumber).IsUnique();
        e.HasIndex(s => new { s.Year, s.Sequence }).IsUnique();
        e.HasIndex(s => s.ProposalId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PortalRequest> e)
    {
        e.ToTable("PortalRequests");
        e.Property(r => r.Message).HasMaxLength(2000);
        e.Property(r => r.RequestedBy).HasMaxLength(200);
        e.Property(r => r.AnswerText).HasMaxLength(4000);
        e.Property(r => r.AnswerFiles).HasMaxLength(2000);
    }
}
