using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Mail;

/// <summary>What one pass of the dispatcher did.</summary>
public sealed record DispatchResult(int Sent, int Failed, int GaveUp);

/// <summary>Sends what is due in the outbox. Each message is first claimed by a conditional update (only
/// one instance's update matches a free row, on SQLite and PostgreSQL alike), then sent, then marked sent;
/// a failure schedules the next attempt with a doubling backoff (1, 2, 4 … 60 minutes) until
/// <see cref="MailOptions.MaxAttempts"/>. A message older than <see cref="MailOptions.MaxAgeHours"/> is given up.
/// A crash between sending and marking leaves the claim to lapse and the message is sent again: delivery is
/// at least once, and each copy carries the same Message-ID so mail clients recognise it.</summary>
public sealed class MailDispatcher(Func<JalinDb> newDb, IMailTransport transport, MailOptions options, TimeProvider clock, string instance)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    public async Task<DispatchResult> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = newDb();
        var tooOld = now - TimeSpan.FromHours(options.MaxAgeHours);
        var gaveUp = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null && m.GaveUpAt == null && m.CreatedAt < tooOld && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.GaveUpAt, now)
                .SetProperty(m => m.LastError, $"Tidak terkirim dalam {options.MaxAgeHours} jam; tidak dicoba lagi."), ct);
        if (!options.Enabled) return new DispatchResult(0, 0, gaveUp);

        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(Math.Max(1, options.BatchSize)).ToListAsync(ct);
        int sent = 0, failed = 0;
        try
        {
            (sent, failed) = await SendAsync(db, due, ct);
        }
        finally
        {
            await transport.EndBatchAsync();
        }
        return new DispatchResult(sent, failed, gaveUp);
    }

    private async Task<(int Sent, int Failed)> SendAsync(JalinDb db, List<Guid> due, CancellationToken ct)
    {
        int sent = 0, failed = 0;
        foreach (var id in due)
        {
            ct.ThrowIfCancellationRequested();
            var claimNow = clock.GetUtcNow();
            var until = claimNow + Lease;
            var claimed = await db.Set<OutboxMessage>()
                .Where(m => m.Id == id && m.SentAt == null && m.GaveUpAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < claimNow))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, instance).SetProperty(m => m.ClaimedUntil, until), ct);
            if (claimed == 0) continue; // another instance took it
            var message = await db.Set<OutboxMessage>().AsNoTracking().FirstAsync(m => m.Id == id, ct);
            try
            {
                await transport.SendAsync(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var attempts = message.Attempts + 1;
                var at = clock.GetUtcNow();
                DateTimeOffset? giveUp = attempts >= options.MaxAttempts ? at : null;
                var error = Cut(e.Message, 1000);
                await db.Set<OutboxMessage>().Where(m => m.Id == id && m.ClaimedBy == instance)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, at + Backoff(attempts))
                        .SetProperty(m => m.LastError, error).SetProperty(m => m.GaveUpAt, giveUp)
                        .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
                failed++;
                continue;
            }
            var sentAt = clock.GetUtcNow();
            await db.Set<OutboxMessage>().Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.Attempts, message.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                    // Data minimisation: once sent, the text, link and attachment are not kept (a status link is a key).
                    .SetProperty(m => m.TextBody, "").SetProperty(m => m.Link, (string?)null).SetProperty(m => m.AttachmentContent, (byte[]?)null),
                    CancellationToken.None);
            sent++;
        }
        return (sent, failed);
    }

    /// <summary>Tries a given-up or waiting message again now (the administrator's "Kirim ulang").</summary>
    public static async Task<bool> RetryAsync(JalinDb db, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return await db.Set<OutboxMessage>().Where(m => m.Id == id && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.GaveUpAt, (DateTimeOffset?)null).SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.Attempts, 0).SetProperty(m => m.CreatedAt, now), ct) > 0;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
