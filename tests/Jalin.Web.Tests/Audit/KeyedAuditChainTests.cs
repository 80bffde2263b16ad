using Jalin.Core.Audit;
using Jalin.Core.Data;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Audit;

/// <summary>ADR 0007: the chain is keyed, anchored outside the database, and the verifier catches
/// each way a database administrator can tamper with it. Each tampering runs in a transaction that
/// is rolled back, so the shared database stays intact for the other tests.</summary>
public abstract class KeyedAuditChainTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private const string Region = "32.77";

    private static AuditAnchorLog TempAnchors() => new(Path.Combine(Path.GetTempPath(), "jalin-anchor-tests", Guid.NewGuid().ToString("N")));

    private async Task<List<AuditEntry>> ChainAsync(JalinDb db) =>
        await db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == Region).OrderBy(a => a.Sequence).ToListAsync();

    private static async Task<AuditChainReport> VerifyAsync(JalinDb db, AuditAnchorLog? anchors = null) =>
        Assert.Single(await VerifyAudit.RunAsync(db, Region, anchors));

    [Fact]
    public async Task Rows_AreKeyed_AndDraftVersionsChainInTheirRegion()
    {
        await using var db = app.NewDb();
        Assert.All(await ChainAsync(db), r => Assert.Equal(AuditKeyRing.DevelopmentKeyId, r.KeyId));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "DraftVersion"), "the demo data saves draft versions");
        Assert.False(await db.AuditEntries.AnyAsync(a => a.RegionCode == AuditInterceptor.InstanceChain && (a.EntityType == "DraftVersion" || a.EntityType == "DraftComment")));
        Assert.True((await VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task RecomputedChain_WithPlainSha256_IsDetected()
    {
        await using var db = app.NewDb();
        var chain = await ChainAsync(db);
        var k = chain.Count / 2;
        await using var tx = await db.Database.BeginTransactionAsync();
        // A DBA edits a row, then recomputes every hash from there on with SHA-256, as ADR 0004 allowed.
        var previous = chain[k].PreviousHash;
        for (var i = k; i < chain.Count; i++)
        {
            var row = chain[i];
            var after = i == k ? row.After?.Replace("Cimahi", "Cimahy") : row.After;
            var hash = AuditInterceptor.ComputeHash(null, previous, row.RegionCode, row.Sequence, row.At, row.ActorUserId, row.ActorName, row.EntityType, row.EntityId, row.Action, row.Before, after);
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"After\" = {after}, \"PreviousHash\" = {previous}, \"Hash\" = {hash} WHERE \"Id\" = {row.Id}");
            previous = hash;
        }
        var report = await VerifyAsync(db);
        Assert.Equal(chain[k].Id, report.FirstBroken?.Id);
        Assert.Contains("HMAC tidak cocok", report.Problem);

        // Dropping the key id to pass as an old unkeyed row is refused as well.
        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"KeyId\" = NULL WHERE \"RegionCode\" = {0}", Region);
        var unkeyed = await VerifyAsync(db);
        Assert.Equal(chain[0].Id, unkeyed.FirstBroken?.Id);
        Assert.Contains("tanpa kunci HMAC", unkeyed.Problem);
        await tx.RollbackAsync();
        Assert.True((await VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task InsertedRow_AtTheEnd_IsDetected()
    {
        await using var db = app.NewDb();
        var last = (await ChainAsync(db))[^1];
        await using var tx = await db.Database.BeginTransactionAsync();
        var seq = last.Sequence + 1;
        var at = last.At;
        const string empty = "{}";
        var hash = AuditInterceptor.ComputeHash(null, last.Hash, Region, seq, at, "system", "Sistem", "Agreement", "x", "Deleted", "{}", null);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "AuditEntries" ("RegionCode", "Sequence", "At", "ActorUserId", "ActorName", "EntityType", "EntityId", "Action", "Before", "After", "PreviousHash", "Hash", "KeyId")
            VALUES ({Region}, {seq}, {at}, 'system', 'Sistem', 'Agreement', 'x', 'Deleted', {empty}, NULL, {last.Hash}, {hash}, {last.KeyId})
            """);
        var report = await VerifyAsync(db);
        Assert.Equal(seq, report.FirstBroken?.Sequence);
        Assert.Contains("HMAC tidak cocok", report.Problem);
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task DeletedRow_InTheMiddle_IsDetected()
    {
        await using var db = app.NewDb();
        var chain = await ChainAsync(db);
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {chain[3].Id}");
        var report = await VerifyAsync(db);
        Assert.Equal(chain[4].Id, report.FirstBroken?.Id);
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task TruncatedTail_IsDetected_AgainstTheLastAnchor()
    {
        await using var db = app.NewDb();
        var anchors = TempAnchors();
        var written = await anchors.WriteAsync(db, app.Clock);
        var anchor = Assert.Single(written, a => a.RegionCode == Region);
        var chain = await ChainAsync(db);
        Assert.Equal(chain.Count, anchor.Rows);
        Assert.Equal(chain[^1].Hash, anchor.Head);
        Assert.True(File.Exists(anchors.FilePath));
        Assert.True((await VerifyAsync(db, anchors)).Intact);

        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEntries\" WHERE \"RegionCode\" = {Region} AND \"Sequence\" > {anchor.Sequence - 2}");
        // Without the anchor the shortened chain still links up; with it, the cut shows.
        Assert.True((await VerifyAsync(db)).Intact);
        var report = await VerifyAsync(db, anchors);
        Assert.False(report.Intact);
        Assert.Contains("terpotong", report.Problem);
        await tx.RollbackAsync();

        // A second anchor appends, never rewrites.
        var lines = File.ReadAllLines(anchors.FilePath).Length;
        await anchors.WriteAsync(db, app.Clock);
        Assert.Equal(lines * 2, File.ReadAllLines(anchors.FilePath).Length);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteKeyedAuditChainTests(SqliteApp app) : KeyedAuditChainTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresKeyedAuditChainTests(PostgresApp app) : KeyedAuditChainTests<PostgresApp>(app);
