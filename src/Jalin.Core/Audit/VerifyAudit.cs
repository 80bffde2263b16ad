using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Audit;

/// <summary>One region's chain as the verifier found it: <see cref="FirstBroken"/> names the first
/// row that fails; <see cref="Problem"/> is set for any failure, including a tail missing against
/// the last anchor (where no remaining row is wrong).</summary>
public sealed record AuditChainReport(string RegionCode, long Rows, AuditEntry? FirstBroken, string? Problem)
{
    public bool Intact => Problem is null;
}

/// <summary>Walks every region's chain and reports the first row whose HMAC, key or link is wrong,
/// and, given the anchor file, a tail cut off or a chain rewritten since the last anchor (ADR 0007).</summary>
public static class VerifyAudit
{
    public static Task<IReadOnlyList<AuditChainReport>> RunAsync(JalinDb db, string? region = null, CancellationToken ct = default) =>
        RunAsync(db, region, anchors: null, ct);

    public static async Task<IReadOnlyList<AuditChainReport>> RunAsync(JalinDb db, string? region, AuditAnchorLog? anchors, CancellationToken ct = default)
    {
        var keys = db.AuditKeys;
        var latest = anchors?.ReadLatest() ?? new Dictionary<string, AuditAnchor>();
        var regions = await db.AuditEntries.AsNoTracking().Select(a => a.RegionCode).Distinct().ToListAsync(ct);
        var reports = new List<AuditChainReport>();
        foreach (var code in regions.Union(latest.Keys).Where(r => region is null || r == region).Order(StringComparer.Ordinal))
        {
            var previous = AuditInterceptor.Genesis(code);
            long expected = 0, count = 0;
            AuditEntry? broken = null;
            string? problem = null;
            latest.TryGetValue(code, out var anchor);
            await foreach (var row in db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == code).OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            {
                count++;
                expected++;
                if (broken is not null) continue;
                problem = Check(row, expected, previous, keys, anchor);
                if (problem is not null) { broken = row; continue; }
                previous = row.Hash;
            }
            if (problem is null && anchor is not null && expected < anchor.Sequence)
                problem = $"ekor rantai terpotong: jangkar {anchor.At:yyyy-MM-dd HH:mm} UTC mencatat {anchor.Sequence} baris, basis data hanya memuat sampai urutan {expected}";
            reports.Add(new AuditChainReport(code, count, broken, problem));
        }
        return reports;
    }

    private static string? Check(AuditEntry row, long expected, string previous, AuditKeyRing keys, AuditAnchor? anchor)
    {
        if (row.Sequence != expected) return $"urutan {row.Sequence} seharusnya {expected} (baris hilang atau disisipkan)";
        if (row.PreviousHash != previous) return "tautan ke baris sebelumnya tidak cocok (baris dihapus, disisipkan atau diubah)";
        if (row.KeyId is null) return "baris tanpa kunci HMAC: hash SHA-256 biasa dapat dihitung ulang oleh siapa pun (rantai dihitung ulang di luar aplikasi)";
        if (!keys.TryGet(row.KeyId, out var key)) return $"kunci audit '{row.KeyId}' tidak dikonfigurasi: baris tidak dapat diperiksa";
        if (AuditInterceptor.ComputeHash(key, row, row.PreviousHash) != row.Hash) return "isi baris telah diubah (HMAC tidak cocok)";
        if (anchor is not null && row.Sequence == anchor.Sequence && row.Hash != anchor.Head)
            return $"rantai berbeda dengan jangkar {anchor.At:yyyy-MM-dd HH:mm} UTC pada urutan {anchor.Sequence} (ditulis ulang)";
        return null;
    }
}
