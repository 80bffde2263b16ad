using Jalin.Core.Agencies;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.Events;

/// <summary>The event tables (their own configuration, applied by JalinDb).</summary>
public sealed class EventConfiguration : IEntityTypeConfiguration<CoordinationEvent>, IEntityTypeConfiguration<EventInvitee>,
    IEntityTypeConfiguration<EventMaterial>, IEntityTypeConfiguration<EventFollowUp>
{
    public void Configure(EntityTypeBuilder<CoordinationEvent> e)
    {
        e.ToTable("Events");
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Place).HasMaxLength(300);
        e.Property(x => x.OnlineLink).HasMaxLength(500);
        e.Property(x => x.Agenda).HasMaxLength(4000);
        e.Property(x => x.OrganizerAgencyName).HasMaxLength(200);
        e.Property(x => x.MinutesPoints).HasMaxLength(8000);
        e.Property(x => x.MinutesDecisions).HasMaxLength(8000);
        e.Property(x => x.MinutesTakenBy).HasMaxLength(200);
        e.Property(x => x.CancelReason).HasMaxLength(2000);
        e.Property(x => x.BeritaAcaraSha256).HasMaxLength(64);
        e.Property(x => x.BeritaAcaraFileName).HasMaxLength(255);
        e.Property(x => x.BeritaAcaraContentType).HasMaxLength(100);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.CreatedByUserId).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.OrganizerAgencyId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Mapping.MappingRound>().WithMany().HasForeignKey(x => x.MappingRoundId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Agreements.Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Tkksd.TkksdTeam>().WithMany().HasForeignKey(x => x.TkksdTeamId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Invitees).WithOne().HasForeignKey(i => i.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Materials).WithOne().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.FollowUps).WithOne().HasForeignKey(f => f.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.RegionCode, x.StartsAt });
        e.HasIndex(x => x.ProposalId);
        e.HasIndex(x => x.AgreementId);
        e.HasIndex(x => x.MappingRoundId);
    }

    public void Configure(EntityTypeBuilder<EventInvitee> e)
    {
        e.ToTable("EventInvitees");
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.UserId).HasMaxLength(100);
        e.Property(x => x.InviteeRegionCode).HasMaxLength(13);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Institution).HasMaxLength(300);
        e.Property(x => x.Email).HasMaxLength(200);
        e.Property(x => x.Attendance).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.AttendedBy).HasMaxLength(300);
        e.HasIndex(x => x.UserId);
        e.HasIndex(x => new { x.InviteeRegionCode, x.Role });
        e.HasIndex(x => x.AgencyId);
    }

    public void Configure(EntityTypeBuilder<EventMaterial> e)
    {
        e.ToTable("EventMaterials");
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.FileSha256).HasMaxLength(64);
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.UploadedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<EventFollowUp> e)
    {
        e.ToTable("EventFollowUps");
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.Property(x => x.Title).HasMaxLength(500);
        e.Property(x => x.OwnerUserId).HasMaxLength(100);
        e.Property(x => x.OwnerName).HasMaxLength(200);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        e.HasIndex(x => new { x.OwnerUserId, x.Status });
    }
}
