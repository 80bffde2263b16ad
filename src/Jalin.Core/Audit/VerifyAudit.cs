using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Audit;

public sealed record AuditChainReport(string RegionCode, long Rows, AuditEntry? FirstBroken, string? Problem);

/// <summary>Walks every region's chain and reports the first row whose hash or link is wrong.</summary>
public static class VerifyAudit
{
    public static async Task<IReadOnlyList<AuditChainReport>> RunAsync(JalinDb db, string? region = null, CancellationToken ct = default)
    {
        var regions = await db.AuditEntries.AsNoTracking().Select(a => a.RegionCode).Distinct().ToListAsync(ct);
        var reports = new List<AuditChainReport>();
        foreach (var code in regions.Where(r => region is null || r == region).Order(StringComparer.Ordinal))
        {
            var previous = AuditInterceptor.Genesis(code);
            long expected = 0, count = 0;
            AuditEntry? broken = null;
            string? problem = null;
            await foreach (var row in db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == code).OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            {
                count++;
                expected++;
                if (broken is not null) continue;
                if (row.Sequence != expected) { broken = row; problem = $"urutan {row.Sequence} seharusnya {expected} (baris hilang atau disisipkan)"; continue; }
                if (row.PreviousHash != previous) { broken = row; problem = "tautan ke baris sebelumnya tidak cocok"; continue; }
                var hash = AuditInterceptor.ComputeHash(row.PreviousHash, row.RegionCode, row.Sequence, row.At, row.ActorUserId, row.ActorName,
                    row.EntityType, row.EntityId, row.Action, row.Before, row.After);
                if (hash != row.Hash) { broken = row; problem = "isi baris telah diubah (hash tidak cocok)"; continue; }
                previous = row.Hash;
            }
            reports.Add(new AuditChainReport(code, count, broken, problem));
        }
        return reports;
    }
}
