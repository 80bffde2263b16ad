using System.Text.Json;
using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Audit;

/// <summary>The head of one region's chain at a moment: its row count, last sequence and last hash,
/// written outside the database so a truncated or rewritten chain shows (ADR 0007).</summary>
public sealed record AuditAnchor(DateTimeOffset At, string RegionCode, long Rows, long Sequence, string Head, string? KeyId);

/// <summary>An append-only JSON-lines file of <see cref="AuditAnchor"/>s in a configured directory
/// (<c>Audit:AnchorDirectory</c>). The hourly job and <c>jalin audit anchor</c> append to it; the
/// verifier compares each chain with its region's latest anchor.</summary>
public sealed class AuditAnchorLog(string directory)
{
    public const string FileName = "audit-anchors.jsonl";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string Directory { get; } = Path.GetFullPath(directory);
    public string FilePath => Path.Combine(Directory, FileName);

    /// <summary>Appends the current head of every region's chain and returns what it wrote.</summary>
    public async Task<IReadOnlyList<AuditAnchor>> WriteAsync(JalinDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var heads = await db.AuditEntries.AsNoTracking().GroupBy(a => a.RegionCode)
            .Select(g => new { Region = g.Key, Rows = g.LongCount(), Last = g.Max(a => a.Sequence) }).ToListAsync(ct);
        var at = AuditInterceptor.Truncate(clock.GetUtcNow());
        var anchors = new List<AuditAnchor>();
        foreach (var h in heads.OrderBy(h => h.Region, StringComparer.Ordinal))
        {
            var row = await db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == h.Region && a.Sequence == h.Last)
                .Select(a => new { a.Hash, a.KeyId }).SingleAsync(ct);
            anchors.Add(new AuditAnchor(at, h.Region, h.Rows, h.Last, row.Hash, row.KeyId));
        }
        if (anchors.Count == 0) return anchors;
        System.IO.Directory.CreateDirectory(Directory);
        await Gate.WaitAsync(ct);
        try
        {
            // Append only: the file is never rewritten (an operator can add `chattr +a` on Linux).
            await using var file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read);
            await using var writer = new StreamWriter(file);
            foreach (var a in anchors) await writer.WriteLineAsync(JsonSerializer.Serialize(a, Json));
            await writer.FlushAsync(ct);
            file.Flush(flushToDisk: true);
        }
        finally { Gate.Release(); }
        return anchors;
    }

    /// <summary>The latest anchor of each region (the last line naming it); empty when no file.</summary>
    public IReadOnlyDictionary<string, AuditAnchor> ReadLatest()
    {
        var latest = new Dictionary<string, AuditAnchor>(StringComparer.Ordinal);
        if (!File.Exists(FilePath)) return latest;
        using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            AuditAnchor? a;
            try { a = JsonSerializer.Deserialize<AuditAnchor>(line, Json); }
            catch (JsonException) { continue; }
            if (a is not null) latest[a.RegionCode] = a;
        }
        return latest;
    }
}
