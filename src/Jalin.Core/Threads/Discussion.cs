using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.Threads;

/// <summary>What a discussion thread is attached to. A thread has no rights of its own: who reads and writes
/// it is decided by the subject (<see cref="ThreadAccess"/>), so a thread never widens who sees the subject.</summary>
public enum ThreadSubjectType
{
    /// <summary>A request to the facilitation desk (layanan fasilitasi).</summary>
    FacilitationRequest,
    /// <summary>The TKKSD's internal discussion of an agreement it assesses (inside the owning region).</summary>
    TkksdAgreement,
    /// <summary>The TKKSD's internal discussion of an OPD's usulan it assesses.</summary>
    TkksdProposal,
}

/// <summary>One message of a thread. Messages are never edited or deleted: a correction is a new message
/// (the thread is a record of who said what when, like a letter file; decided for issue #10).</summary>
public sealed class DiscussionMessage
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public ThreadSubjectType SubjectType { get; init; }
    public Guid SubjectId { get; init; }
    /// <summary>The region the subject belongs to (the audit trail files the row there).</summary>
    public required string RegionCode { get; init; }
    public required string AuthorUserId { get; init; }
    public required string AuthorName { get; init; }
    public string? AuthorRole { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<DiscussionAttachment> Attachments { get; init; } = [];
}

/// <summary>A file attached to a message, checked by content like every upload and stored by SHA-256.</summary>
public sealed class DiscussionAttachment
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid MessageId { get; init; }
    public required string RegionCode { get; init; }
    public required string FileSha256 { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long FileSize { get; init; }
}

public sealed class DiscussionConfiguration : IEntityTypeConfiguration<DiscussionMessage>, IEntityTypeConfiguration<DiscussionAttachment>
{
    public void Configure(EntityTypeBuilder<DiscussionMessage> e)
    {
        e.ToTable("DiscussionMessages");
        e.Property(m => m.SubjectType).HasConversion<string>().HasMaxLength(30);
        e.Property(m => m.RegionCode).HasMaxLength(13);
        e.Property(m => m.AuthorUserId).HasMaxLength(450);
        e.Property(m => m.AuthorName).HasMaxLength(200);
        e.Property(m => m.AuthorRole).HasMaxLength(100);
        e.Property(m => m.Text).HasMaxLength(ThreadRules.MaxText);
        e.HasIndex(m => new { m.SubjectType, m.SubjectId, m.CreatedAt });
        e.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DiscussionAttachment> e)
    {
        e.ToTable("DiscussionAttachments");
        e.Property(a => a.RegionCode).HasMaxLength(13);
        e.Property(a => a.FileSha256).HasMaxLength(64);
        e.Property(a => a.FileName).HasMaxLength(255);
        e.Property(a => a.ContentType).HasMaxLength(100);
    }
}

public static class ThreadLabels
{
    public static string Label(this ThreadSubjectType t) => t switch
    {
        ThreadSubjectType.FacilitationRequest => "Permohonan fasilitasi",
        ThreadSubjectType.TkksdAgreement => "Diskusi TKKSD atas kerja sama",
        ThreadSubjectType.TkksdProposal => "Diskusi TKKSD atas usulan",
        _ => t.ToString(),
    };
}
