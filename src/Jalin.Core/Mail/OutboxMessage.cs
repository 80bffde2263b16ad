using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.Mail;

/// <summary>One e-mail waiting to be sent, sent, or given up on. Written in the same transaction as the
/// change it tells about (a notification, an invitation), so nothing is lost when the mail server is down:
/// the dispatcher (<see cref="MailDispatcher"/>) sends it later, retrying with backoff. Rows are claimed
/// by one app instance at a time (<see cref="ClaimedBy"/>/<see cref="ClaimedUntil"/>), so two instances
/// on one database never send the same message twice.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.NewGuid();
    /// <summary>Names what the mail tells ("notif:{id}", "event:{id}:{guest}"): one message per key.</summary>
    public required string DedupeKey { get; init; }
    public required string ToAddress { get; init; }
    public string? ToName { get; init; }
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    /// <summary>Relative app address ("/app/usulan/…"); the mail shows it after the configured base address.</summary>
    public string? Link { get; init; }
    public string? AttachmentName { get; init; }
    public string? AttachmentContentType { get; init; }
    public byte[]? AttachmentContent { get; init; }
    /// <summary>The region whose work the mail is about (null for Jalin's own).</summary>
    public string? RegionCode { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Set when Jalin stopped trying (too many failures, or older than the mail's maximum age).</summary>
    public DateTimeOffset? GaveUpAt { get; set; }
    public string? LastError { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }

    public OutboxStatus Status => SentAt is not null ? OutboxStatus.Sent : GaveUpAt is not null ? OutboxStatus.GaveUp : Attempts > 0 ? OutboxStatus.Retrying : OutboxStatus.Pending;
}

public enum OutboxStatus { Pending, Retrying, Sent, GaveUp }

public static class OutboxStatusLabels
{
    public static string Label(this OutboxStatus s) => s switch
    {
        OutboxStatus.Pending => "Menunggu dikirim",
        OutboxStatus.Retrying => "Dicoba ulang",
        OutboxStatus.Sent => "Terkirim",
        OutboxStatus.GaveUp => "Tidak terkirim",
        _ => s.ToString(),
    };
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("MailOutbox");
        e.Property(m => m.DedupeKey).HasMaxLength(200);
        e.HasIndex(m => m.DedupeKey).IsUnique();
        e.Property(m => m.ToAddress).HasMaxLength(320);
        e.Property(m => m.ToName).HasMaxLength(200);
        e.Property(m => m.Subject).HasMaxLength(300);
        e.Property(m => m.TextBody).HasMaxLength(20000);
        e.Property(m => m.Link).HasMaxLength(500);
        e.Property(m => m.AttachmentName).HasMaxLength(200);
        e.Property(m => m.AttachmentContentType).HasMaxLength(100);
        e.Property(m => m.RegionCode).HasMaxLength(13);
        e.Property(m => m.LastError).HasMaxLength(1000);
        e.Property(m => m.ClaimedBy).HasMaxLength(100);
        e.HasIndex(m => new { m.SentAt, m.GaveUpAt, m.NextAttemptAt });
        e.Ignore(m => m.Status);
    }
}
