using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.Notifications;

/// <summary>What a notification is about. Each slice that notifies adds its kind here; the screens
/// show <see cref="NotificationKinds.Label"/>.</summary>
public enum NotificationKind
{
    /// <summary>An agreement moved to another stage (or a clock action ran).</summary>
    StageMoved,
    /// <summary>An offer of cooperation arrived from another region (the owner completed its preparation).</summary>
    OfferReceived,
    /// <summary>A note was added to an agreement's history.</summary>
    NoteAdded,
    /// <summary>A comment on a pasal of a draft.</summary>
    DraftComment,
    /// <summary>A party region attached a document on its side.</summary>
    DocumentAttached,
    // Kinds for the front door's other slices (issue #10 item 9).
    ProposalSubmitted,
    Assigned,
    Decision,
    RequestAnswered,
    EventInvitation,
    Reminder,
}

public static class NotificationKinds
{
    public static string Label(this NotificationKind kind) => kind switch
    {
        NotificationKind.StageMoved => "Perubahan tahap",
        NotificationKind.OfferReceived => "Penawaran masuk",
        NotificationKind.NoteAdded => "Catatan baru",
        NotificationKind.DraftComment => "Komentar rancangan",
        NotificationKind.DocumentAttached => "Dokumen baru",
        NotificationKind.ProposalSubmitted => "Usulan baru",
        NotificationKind.Assigned => "Penugasan",
        NotificationKind.Decision => "Keputusan",
        NotificationKind.RequestAnswered => "Permintaan dijawab",
        NotificationKind.EventInvitation => "Undangan kegiatan",
        NotificationKind.Reminder => "Pengingat",
        _ => kind.ToString(),
    };
}

/// <summary>The kinds of record a notification points to (<see cref="Notification.SubjectType"/>).</summary>
public static class NotificationSubjects
{
    public const string Agreement = "Agreement";
    public const string Draft = "Draft";
    public const string Proposal = "Proposal";
    public const string MappingRound = "MappingRound";
    public const string FacilitationRequest = "FacilitationRequest";
    public const string Thread = "Thread";
}

/// <summary>One notification for one user (a rule such as "the officers of region X" is resolved to
/// users when it is created, so a user who joins later does not inherit old items). Rows are the
/// recipient's own: only they list, count and mark them. Not audited (derived from audited changes).</summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RecipientUserId { get; init; }
    public NotificationKind Kind { get; init; }
    public required string Title { get; init; }
    public string? Body { get; init; }
    /// <summary>Relative app address of the subject ("/app/kerja-sama/{id}"), reachable by the recipient.</summary>
    public string? Link { get; init; }
    public required string SubjectType { get; init; }
    public required string SubjectId { get; init; }
    /// <summary>Makes a send idempotent: one row per (subject, kind, recipient, key). E.g. the history row's id.</summary>
    public string DedupeKey { get; init; } = "";
    public string? ActorName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(n => n.RecipientUserId).HasMaxLength(100);
        e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(n => n.Title).HasMaxLength(300);
        e.Property(n => n.Body).HasMaxLength(1000);
        e.Property(n => n.Link).HasMaxLength(500);
        e.Property(n => n.SubjectType).HasMaxLength(40);
        e.Property(n => n.SubjectId).HasMaxLength(100);
        e.Property(n => n.DedupeKey).HasMaxLength(100);
        e.Property(n => n.ActorName).HasMaxLength(200);
        e.HasIndex(n => new { n.RecipientUserId, n.SubjectType, n.SubjectId, n.Kind, n.DedupeKey }).IsUnique();
        e.HasIndex(n => new { n.RecipientUserId, n.ReadAt });
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
