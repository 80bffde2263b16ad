using Jalin.Core.Agreements;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.Offers;

/// <summary>The answer a party region gave in Jalin to an offer addressed to it (<see cref="Lifecycle.ActionCode.AnswerOffer"/>):
/// its decision, its own letter number and date, the reason or the changes it asks for, and the history row that
/// moved the shared record. One row per answer; an offer revised and sent again gets a new answer.</summary>
public sealed class OfferAnswerRecord
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AgreementId { get; init; }
    /// <summary>The answering region (a party of the agreement, not its owner).</summary>
    public required string RegionCode { get; init; }
    /// <summary><see cref="Lifecycle.OfferDecisions"/>: accept, decline, revise.</summary>
    public required string Decision { get; init; }
    /// <summary>Why it declines, or what it asks to change (required for those two).</summary>
    public string? Reason { get; init; }
    public required string LetterNumber { get; init; }
    public DateOnly LetterDate { get; init; }
    /// <summary>The party's answer letter (its OfferAnswer document, shared), when one was uploaded.</summary>
    public Guid? DocumentId { get; init; }
    public long StageChangeId { get; init; }
    public required string AnsweredByUserId { get; init; }
    public required string AnsweredByName { get; init; }
    public DateTimeOffset AnsweredAt { get; init; }
}

/// <summary>A party region's own DPRD approval of a KSDD (PP 28/2018 Pasal 6 ayat (1) huruf e dan ayat (2)): whether its own
/// APBD and people make it needed, and when asked and decided; or why it is not needed. The owning region's DPRD approval is
/// a stage of the lifecycle; every other party region records its own here.</summary>
public sealed class PartyDprdApproval
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AgreementId { get; init; }
    public required string RegionCode { get; init; }
    public bool Needed { get; set; }
    public string? NotNeededReason { get; set; }
    public DateOnly? RequestedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecisionNumber { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Whether nothing more is awaited from this party's DPRD.</summary>
    public bool IsSettled => !Needed || DecidedOn is not null;
}

public sealed class OfferConfiguration : IEntityTypeConfiguration<OfferAnswerRecord>, IEntityTypeConfiguration<PartyDprdApproval>
{
    public void Configure(EntityTypeBuilder<OfferAnswerRecord> e)
    {
        e.ToTable("OfferAnswers");
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.Property(x => x.Decision).HasMaxLength(20);
        e.Property(x => x.Reason).HasMaxLength(4000);
        e.Property(x => x.LetterNumber).HasMaxLength(100);
        e.Property(x => x.AnsweredByUserId).HasMaxLength(450);
        e.Property(x => x.AnsweredByName).HasMaxLength(200);
        e.HasIndex(x => new { x.RegionCode, x.AnsweredAt });
        e.HasIndex(x => x.AgreementId);
        e.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PartyDprdApproval> e)
    {
        e.ToTable("PartyDprdApprovals");
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.Property(x => x.NotNeededReason).HasMaxLength(1000);
        e.Property(x => x.DecisionNumber).HasMaxLength(100);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.AgreementId, x.RegionCode }).IsUnique();
        e.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
