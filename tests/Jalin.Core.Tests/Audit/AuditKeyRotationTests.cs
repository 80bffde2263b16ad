using Jalin.Core.Audit;
using Jalin.Core.Data;
using Jalin.Core.Lifecycle;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Audit;

/// <summary>ADR 0007: rotated keys, the configuration rules and the one-time re-chain of old rows.</summary>
public sealed class AuditKeyRotationTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private TestDb _db = null!;

    private static byte[] Bytes(byte b) => Enumerable.Repeat(b, 32).ToArray();
    private static readonly AuditKeyRing K1 = new("k1", new Dictionary<string, byte[]> { ["k1"] = Bytes(1) });
    private static readonly AuditKeyRing K1K2 = new("k2", new Dictionary<string, byte[]> { ["k1"] = Bytes(1), ["k2"] = Bytes(2) });
    private static readonly AuditKeyRing K2Only = new("k2", new Dictionary<string, byte[]> { ["k2"] = Bytes(2) });
    private const string Region = "32.77";

    public async Task InitializeAsync() => _db = await TestDb.CreateAsync(_clock);
    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task AddHolidayAsync(JalinDb db, int day)
    {
        await using (db)
        {
            db.Holidays.Add(new Holiday { Date = new DateOnly(2030, 1, day), Name = "Libur uji " + day, RegionCode = Region, Type = HolidayType.Libur });
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task RotatedKey_NewRowsUseIt_OldRowsVerifyWithTheirOwnKeyId()
    {
        await AddHolidayAsync(_db.NewDb(K1), 1);
        await AddHolidayAsync(_db.NewDb(K1K2), 2);
        await using var db = _db.NewDb(K1K2);
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == Region).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["k1", "k2"], rows.Select(r => r.KeyId));
        Assert.True(Assert.Single(await VerifyAudit.RunAsync(db, Region)).Intact);

        // The old key removed from configuration: its rows can no longer be checked, and the verifier says so.
        await using var without = _db.NewDb(K2Only);
        var report = Assert.Single(await VerifyAudit.RunAsync(without, Region));
        Assert.Equal(rows[0].Id, report.FirstBroken?.Id);
        Assert.Contains("'k1' tidak dikonfigurasi", report.Problem);
    }

    [Fact]
    public async Task LegacyUnkeyedChain_IsRechainedOnce_ABrokenOneIsLeftForTheVerifier()
    {
        await AddHolidayAsync(_db.NewDb(K1), 3);
        await AddHolidayAsync(_db.NewDb(K1), 4);
        await using var db = _db.NewDb(K1);
        // Turn the rows back into what ADR 0004 wrote: plain SHA-256, no key id.
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == Region).OrderBy(a => a.Sequence).ToListAsync();
        var previous = AuditInterceptor.Genesis(Region);
        foreach (var r in rows)
        {
            var hash = AuditInterceptor.ComputeHash(null, r, previous);
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"PreviousHash\" = {previous}, \"Hash\" = {hash}, \"KeyId\" = NULL WHERE \"Id\" = {r.Id}");
            previous = hash;
        }
        Assert.Contains("tanpa kunci", Assert.Single(await VerifyAudit.RunAsync(db, Region)).Problem);

        var result = Assert.Single(await RechainLegacyAudit.RunAsync(db), r => r.RegionCode == Region);
        Assert.True(result.Rechained);
        Assert.True(Assert.Single(await VerifyAudit.RunAsync(db, Region)).Intact);
        Assert.All(await db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == Region).ToListAsync(), r => Assert.Equal("k1", r.KeyId));
        Assert.Empty(await RechainLegacyAudit.RunAsync(db));

        // An old chain already edited is not laundered by the re-chain.
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"KeyId\" = NULL, \"After\" = 'diubah' WHERE \"Id\" = {rows[0].Id}");
        var broken = Assert.Single(await RechainLegacyAudit.RunAsync(db), r => r.RegionCode == Region);
        Assert.False(broken.Rechained);
        Assert.False(Assert.Single(await VerifyAudit.RunAsync(db, Region)).Intact);
    }

    [Fact]
    public void Configuration_KeysFromSettingsOrFile_ProductionNeedsOne()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, Convert.ToBase64String(Bytes(7)) + "\n");
        try
        {
            var ring = AuditKeyRing.FromConfiguration([new("Audit:Keys:k1", Convert.ToBase64String(Bytes(1))), new("Audit:KeyFiles:k2", file), new("Audit:CurrentKeyId", "k2")], requireConfigured: true);
            Assert.Equal("k2", ring.CurrentKeyId);
            Assert.Equal(Bytes(7), ring.Current);
            Assert.True(ring.TryGet("k1", out _));
        }
        finally { File.Delete(file); }
        Assert.Same(AuditKeyRing.Development, AuditKeyRing.FromConfiguration([], requireConfigured: false));
        Assert.Contains("belum dikonfigurasi", Assert.Throws<InvalidOperationException>(() => AuditKeyRing.FromConfiguration([], requireConfigured: true)).Message);
        Assert.Contains("terlalu pendek", Assert.Throws<InvalidOperationException>(() => AuditKeyRing.FromConfiguration([new("Audit:Keys:k1", "c2hvcnQ=")], true)).Message);
        Assert.Contains("CurrentKeyId", Assert.Throws<InvalidOperationException>(() => AuditKeyRing.FromConfiguration(
            [new("Audit:Keys:a", Convert.ToBase64String(Bytes(1))), new("Audit:Keys:b", Convert.ToBase64String(Bytes(2)))], true)).Message);
    }
}
