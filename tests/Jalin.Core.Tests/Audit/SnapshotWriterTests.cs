using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jalin.Core.Agreements;
using Jalin.Core.Audit;
using Jalin.Core.Data;
using Jalin.Core.Lifecycle;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jalin.Core.Tests.Audit;

/// <summary>The compiled snapshot writer of a bulk import gives, for every entity type of the model, exactly the text the
/// interceptor's snapshot of the same entity gives (the text the chain hashes and auditors read); and the streamed HMAC equals
/// the HMAC of the joined fields.</summary>
public sealed class SnapshotWriterTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 12, 1));
    private TestDb _test = null!;
    private JalinDb _db = null!;

    public async Task InitializeAsync()
    {
        _test = await TestDb.CreateAsync(_clock);
        _db = _test.NewDb();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _test.DisposeAsync();
    }

    private IEnumerable<IEntityType> WritableTypes() => _db.Model.GetEntityTypes()
        .Where(t => !t.IsOwned() && !t.HasSharedClrType && !t.ClrType.IsAbstract && t.ClrType.GetConstructor(Type.EmptyTypes) is not null);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_entity_type_is_written_as_the_interceptor_writes_it(bool withNulls)
    {
        var types = WritableTypes().ToList();
        Assert.True(types.Count >= 40, $"only {types.Count} entity types");
        var n = 0;
        foreach (var type in types)
        {
            var entity = Filled(type, ++n, withNulls);
            var expected = AuditInterceptor.Snapshot(_db.Entry(entity), original: false);
            var draft = AuditInterceptor.Draft(_db.Model, entity);
            Assert.True(expected == draft.After, $"{type.ClrType.Name}:\nexpected {expected}\nactual   {draft.After}");
            Assert.Equal(type.ClrType.Name, draft.EntityType);
            Assert.Equal(string.Join(",", type.FindPrimaryKey()!.Properties.Select(p => _db.Entry(entity).Property(p.Name).CurrentValue?.ToString())), draft.EntityId);
        }
    }

    [Fact]
    public void Secrets_never_enter_the_snapshot()
    {
        var user = Filled(_db.Model.FindEntityType(typeof(Jalin.Core.Identity.ApplicationUser))!, 1, withNulls: false);
        var after = AuditInterceptor.Draft(_db.Model, user).After!;
        using var doc = JsonDocument.Parse(after);
        Assert.True(doc.RootElement.TryGetProperty("UserName", out _));
        foreach (var secret in new[] { "PasswordHash", "SecurityStamp", "ConcurrencyStamp" })
            Assert.False(doc.RootElement.TryGetProperty(secret, out _), secret);
    }

    [Fact]
    public void Embedded_rows_sit_in_name_order_as_arrays_of_their_own_snapshots()
    {
        var id = Guid.NewGuid();
        var a = new Agreement { Id = id, RegionCode = "32.77", Kind = CooperationKind.Ksdpk, Title = "Judul \"kutip\" é", CreatedAt = _clock.GetUtcNow(), UpdatedAt = _clock.GetUtcNow() };
        a.Parties.Add(new AgreementParty { AgreementId = id, Order = 1, RegionCode = "32.77", Name = "Pemerintah Kota Cimahi" });
        a.Parties.Add(new AgreementParty { AgreementId = id, Order = 2, Name = "PT <Mitra> & Co" });
        a.History.Add(new StageChange { Id = 7, AgreementId = id, Action = "import", ActorUserId = "u1", At = _clock.GetUtcNow(), ActorName = "Impor", Note = "dari berkas", ToStage = Stage.Implementation });

        var draft = AuditInterceptor.Draft(_db.Model, a, "Imported", [("Parties", a.Parties), ("History", a.History)]);

        // the reference: the interceptor's snapshot of each entity, put together by JsonSerializer in ordinal key order
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(AuditInterceptor.Snapshot(_db.Entry(a), original: false)))
            foreach (var p in doc.RootElement.EnumerateObject()) values[p.Name] = p.Value.Clone();
        values["Parties"] = a.Parties.Select(p => JsonDocument.Parse(AuditInterceptor.Snapshot(_db.Entry(p), original: false)).RootElement.Clone()).ToList();
        values["History"] = a.History.Select(h => JsonDocument.Parse(AuditInterceptor.Snapshot(_db.Entry(h), original: false)).RootElement.Clone()).ToList();
        Assert.Equal(JsonSerializer.Serialize(values), draft.After);
        Assert.Equal("Imported", draft.Action);
        Assert.Equal(id.ToString(), draft.EntityId);
        Assert.Contains("\"History\":[{", draft.After);
        Assert.True(draft.After!.IndexOf("\"History\"", StringComparison.Ordinal) < draft.After.IndexOf("\"Parties\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Streamed_hmac_equals_the_hmac_of_the_joined_fields()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var big = string.Concat(Enumerable.Repeat("Kerja sama é ’ 🌏 <&> ", 800)); // > the first buffer, multi-byte characters
        var cases = new (string? Before, string? After, string Actor)[]
        {
            (null, "{\"a\":1}", "Petugas"), ("{\"b\":\"x\"}", null, "Dewi Kartika Sari, S.IP."), (big, big + "!", "Ñoño 中文"), ("", "", ""),
            ("lone \ud800 surrogate", "\udc00 low", "x"),
        };
        var at = new DateTimeOffset(2026, 12, 1, 8, 9, 10, 123, TimeSpan.FromHours(7));
        foreach (var (before, after, actor) in cases)
        {
            var joined = string.Join("\u001f", "ab12", "32.77", "12345678901", at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "user-1", actor, "Agreement", "id-1", "Imported", before ?? "", after ?? "");
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(joined)));
            Assert.Equal(expected, AuditInterceptor.ComputeHash(key, "ab12", "32.77", 12345678901, at, "user-1", actor, "Agreement", "id-1", "Imported", before, after));
        }
        // the same context serves the next row: nothing of the previous one is left in it
        Assert.Equal(AuditInterceptor.ComputeHash(key, "p", "r", 1, at, "u", "n", "t", "i", "a", null, "z"),
            AuditInterceptor.ComputeHash(key, "p", "r", 1, at, "u", "n", "t", "i", "a", null, "z"));
    }

    /// <summary>An instance of <paramref name="type"/> with every mapped property set to a value of its type that is not the
    /// default: text that needs escaping, instants with an offset and sub-second ticks, amounts with trailing zeros, an enum
    /// value other than the first; nullable ones left empty when <paramref name="withNulls"/>.</summary>
    private static object Filled(IEntityType type, int seed, bool withNulls)
    {
        var entity = Activator.CreateInstance(type.ClrType)!;
        foreach (var p in type.GetProperties())
        {
            if (p.IsShadowProperty()) continue;
            var t = p.ClrType;
            var underlying = Nullable.GetUnderlyingType(t);
            object? value;
            if ((underlying is not null || (!t.IsValueType && p.IsNullable)) && withNulls) value = null;
            else value = Sample(underlying ?? t, p.Name, seed);
            if (value is null && !(withNulls && p.IsNullable)) continue;
            if (p.PropertyInfo is { CanWrite: true } pi) pi.SetValue(entity, value);
            else if (p.FieldInfo is { } fi) fi.SetValue(entity, value);
        }
        return entity;
    }

    private static object? Sample(Type t, string name, int seed)
    {
        if (t == typeof(string)) return $"{name} <\"{seed}\"> & ’é\n\\ 🌏";
        if (t == typeof(Guid)) return new Guid(seed, 2, 3, [4, 5, 6, 7, 8, 9, 10, (byte)name.Length]);
        if (t == typeof(int)) return seed * 7;
        if (t == typeof(long)) return 9_000_000_000L + seed;
        if (t == typeof(short)) return (short)seed;
        if (t == typeof(bool)) return true;
        if (t == typeof(decimal)) return 1_500_000.50m + seed;
        if (t == typeof(double)) return 0.1 + 0.2 + seed;
        if (t == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 11, 30, 23, 59, 58, TimeSpan.FromHours(7)).AddTicks(1234567 + seed);
        if (t == typeof(DateTime)) return new DateTime(2026, 11, 30, 1, 2, 3, DateTimeKind.Utc).AddTicks(seed);
        if (t == typeof(DateOnly)) return new DateOnly(2026, 11, 30).AddDays(seed);
        if (t == typeof(TimeOnly)) return new TimeOnly(8, 30).Add(TimeSpan.FromMinutes(seed));
        if (t == typeof(byte[])) return new byte[] { 1, 2, 250, (byte)seed };
        if (t.IsEnum)
        {
            var values = Enum.GetValues(t);
            return values.GetValue(Math.Min(1, values.Length - 1));
        }
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) && t.GetGenericArguments()[0] == typeof(string))
            return new List<string> { "2.11", name };
        return null;
    }
}
