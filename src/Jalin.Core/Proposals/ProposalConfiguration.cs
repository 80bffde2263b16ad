using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.Proposals;

/// <summary>The usulan tables (their own configuration, applied by JalinDb).</summary>
public sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>, IEntityTypeConfiguration<ProposalAttachment>, IEntityTypeConfiguration<ProposalHistory>
{
    public void Configure(EntityTypeBuilder<Proposal> e)
    {
        e.Property(p => p.RegionCode).HasMaxLength(13);
        e.Property(p => p.Number).HasMaxLength(100);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Source).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Title).HasMaxLength(500);
        e.Property(p => p.AffairCode).HasMaxLength(10);
        e.Property(p => p.SubAffairCode).HasMaxLength(40);
        e.Property(p => p.AgencyName).HasMaxLength(200);
        e.Property(p => p.PartnerRegionCode).HasMaxLength(13);
        e.Property(p => p.PartnerName).HasMaxLength(300);
        e.Property(p => p.Background).HasMaxLength(4000);
        e.Property(p => p.LegalBasis).HasMaxLength(2000);
        e.Property(p => p.Aims).HasMaxLength(4000);
        e.Property(p => p.Object).HasMaxLength(2000);
        e.Property(p => p.Location).HasMaxLength(500);
        e.Property(p => p.Scope).HasMaxLength(4000);
        e.Property(p => p.Roles).HasMaxLength(4000);
        e.Property(p => p.TermJustification).HasMaxLength(2000);
        e.Property(p => p.Benefits).HasMaxLength(4000);
        e.Property(p => p.SocialImpact).HasMaxLength(2000);
        e.Property(p => p.EconomicImpact).HasMaxLength(2000);
        e.Property(p => p.EnvironmentalImpact).HasMaxLength(2000);
        e.Property(p => p.FundingSource).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Amount).HasPrecision(18, 2);
        e.Property(p => p.PlanProgram).HasMaxLength(500);
        e.Property(p => p.PlanTarget).HasMaxLength(500);
        e.Property(p => p.Contact1Name).HasMaxLength(200);
        e.Property(p => p.Contact1Position).HasMaxLength(200);
        e.Property(p => p.Contact1Phone).HasMaxLength(40);
        e.Property(p => p.Contact1Email).HasMaxLength(200);
        e.Property(p => p.Contact2Name).HasMaxLength(200);
        e.Property(p => p.Contact2Position).HasMaxLength(200);
        e.Property(p => p.Contact2Phone).HasMaxLength(40);
        e.Property(p => p.Contact2Email).HasMaxLength(200);
        e.Property(p => p.Assessment).HasConversion<string>().HasMaxLength(30);
        e.Property(p => p.AssessmentNote).HasMaxLength(4000);
        e.Property(p => p.RecommendedKind).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.DecisionNote).HasMaxLength(4000);
        e.Property(p => p.CreatedBy).HasMaxLength(100);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<GovernmentAffair>().WithMany().HasForeignKey(p => p.AffairCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Agreement>().WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(p => p.Attachments).WithOne().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.History).WithOne().HasForeignKey(h => h.ProposalId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => new { p.RegionCode, p.NumberYear, p.NumberSequence }).IsUnique();
        e.HasIndex(p => new { p.RegionCode, p.Status });
        e.HasIndex(p => p.AgencyId);
        // at most one proposal per agreement (a proposal converts at most once)
        e.HasIndex(p => p.AgreementId).IsUnique();
        e.HasOne<Agreement>().WithMany().HasForeignKey(p => p.SourceAgreementId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => p.SourceAgreementId);
    }

    public void Configure(EntityTypeBuilder<ProposalAttachment> e)
    {
        e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(a => a.Title).HasMaxLength(300);
        e.Property(a => a.FileSha256).HasMaxLength(64);
        e.Property(a => a.FileName).HasMaxLength(255);
        e.Property(a => a.ContentType).HasMaxLength(100);
        e.Property(a => a.UploadedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<ProposalHistory> e)
    {
        e.Property(h => h.Action).HasMaxLength(40);
        e.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(20);
        e.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(20);
        e.Property(h => h.ActorUserId).HasMaxLength(100);
        e.Property(h => h.ActorName).HasMaxLength(200);
        e.Property(h => h.ActorRole).HasMaxLength(100);
        e.Property(h => h.ActorRegionCode).HasMaxLength(13);
        e.Property(h => h.ActorAgencyName).HasMaxLength(200);
        e.Property(h => h.Note).HasMaxLength(4000);
    }
}
