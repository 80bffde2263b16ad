using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Audit;

public sealed record LegacyRechainResult(string RegionCode, long Rows, bool Rechained, string? Problem);

/// <summary>One-time step after the keyed-chain migration (ADR 0007): each region whose rows still
/// carry plain SHA-256 hashes is checked as it was, and, when intact, re-chained with the current
/// HMAC key. A region whose old chain is already broken is left as it is, so the verifier keeps
/// reporting it instead of the re-chain laundering the damage.</summary>
public static class RechainLegacyAudit
{
    public static async Task<IReadOnlyList<LegacyRechainResult>> RunAsync(JalinDb db, CancellationToken ct = default)
    {
        var regions = await db.AuditEntries.AsNoTracking().Where(a => a.KeyId == null).Select(a => a.RegionCode).Distinct().ToListAsync(ct);
        if (regions.Count == 0) return [];
        var keys = db.AuditKeys;
        var results = new List<LegacyRechainResult>();
        foreach (var region in regions.Order(StringComparer.Ordinal))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var rows = await db.AuditEntries.Where(a => a.RegionCode == region).OrderBy(a => a.Sequence).ToListAsync(ct);
            var problem = CheckAsWritten(region, rows, keys);
            if (problem is not null)
            {
                results.Add(new LegacyRechainResult(region, rows.Count, false, problem));
                db.ChangeTracker.Clear();
                continue;
            }
            var previous = AuditInterceptor.Genesis(region);
            foreach (var row in rows)
            {
                var hash = AuditInterceptor.ComputeHash(keys.Current, row, previous);
                var entry = db.Entry(row);
                entry.Property(a => a.PreviousHash).CurrentValue = previous;
                entry.Property(a => a.Hash).CurrentValue = hash;
                entry.Property(a => a.KeyId).CurrentValue = keys.CurrentKeyId;
                previous = hash;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            results.Add(new LegacyRechainResult(region, rows.Count, true, null));
        }
        return results;
    }

    private static string? CheckAsWritten(string region, List<AuditEntry> rows, AuditKeyRing keys)
    {
        var previous = AuditInterceptor.Genesis(region);
        long expected = 0;
        foreach (var row in rows)
        {
            expected++;
            if (row.Sequence != expected) return $"urutan {row.Sequence} seharusnya {expected}";
            if (row.PreviousHash != previous) return $"tautan urutan {row.Sequence} tidak cocok";
            byte[]? key = null;
            if (row.KeyId is not null && !keys.TryGet(row.KeyId, out key)) return $"kunci audit '{row.KeyId}' tidak dikonfigurasi";
            if (AuditInterceptor.ComputeHash(key, row, previous) != row.Hash) return $"isi urutan {row.Sequence} telah diubah";
            previous = row.Hash;
        }
        return null;
    }
}
