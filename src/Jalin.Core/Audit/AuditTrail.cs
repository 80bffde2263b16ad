using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jalin.Core.Audit;

/// <summary>Appends an audit row for every added, changed or deleted entity in the same
/// SaveChanges, chained per region by HMAC-SHA256 under a key kept outside the database
/// (ARCHITECTURE "Security by construction", ADR 0007).</summary>
public sealed class AuditInterceptor(TimeProvider clock, AuditKeyRing keys) : SaveChangesInterceptor
{
    public const string InstanceChain = "*";

    public AuditInterceptor(TimeProvider clock) : this(clock, AuditKeyRing.Development) { }

    public AuditKeyRing Keys => keys;

    /// <summary>The interceptor this context's saves pass through.</summary>
    public static AuditInterceptor Of(JalinDb db) =>
        ((Microsoft.EntityFrameworkCore.Infrastructure.IInfrastructure<IServiceProvider>)db).Instance
            .GetService(typeof(Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions)) is Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions o
        && o.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?.OfType<AuditInterceptor>().FirstOrDefault() is { } found
            ? found
            : throw new InvalidOperationException("Konteks basis data ini tidak memiliki jejak audit.");

    private static readonly HashSet<string> SecretProperties =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is JalinDb db) await AppendAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is JalinDb db) AppendAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task AppendAsync(JalinDb db, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry && !e.Metadata.IsOwned() && e.Metadata.ClrType != typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)
                && e.Metadata.ClrType != typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<string>)
                // Notifications are derived from audited changes and are each user's own inbox state.
                && e.Metadata.ClrType != typeof(Notifications.Notification)
                // Outbox mails are copies of audited changes; their text may carry a private link (the portal's status key).
                && e.Metadata.ClrType != typeof(Mail.OutboxMessage)
                // The search index is derived from audited rows and rebuilt at will.
                && e.Metadata.ClrType != typeof(Search.SearchEntry))
            .ToList();
        _deferred.Remove(db);
        if (entries.Count == 0) return;

        var now = Truncate(clock.GetUtcNow());
        var rows = new List<(string region, AuditDraft draft)>();
        var generated = new List<(int index, EntityEntry entry)>();
        // The tracked agreements' regions, read once per save: a lookup per party or history row would scan the
        // tracker (and detect changes) again for every row, quadratic in a bulk import (ADR 0013).
        Dictionary<Guid, string>? tracked = null;
        Dictionary<Guid, string> Tracked() => tracked ??= db.ChangeTracker.Entries<Agreement>().ToDictionary(e => e.Entity.Id, e => e.Entity.RegionCode);
        foreach (var entry in entries)
        {
            var region = await RegionOfAsync(db, entry, Tracked, ct) ?? InstanceChain;
            var action = entry.State switch { EntityState.Added => "Added", EntityState.Deleted => "Deleted", _ => "Modified" };
            var before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true);
            var after = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false);
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
            if (entry.State == EntityState.Added && entry.Metadata.FindPrimaryKey()!.Properties.Any(p => entry.Property(p.Name).IsTemporary))
                generated.Add((rows.Count, entry));
            rows.Add((region, new AuditDraft(entry.Metadata.ClrType.Name, key, action, before, after)));
        }

        if (generated.Count > 0 && db.Database.CurrentTransaction is not null)
        {
            // A key the database generates (history rows) is only known after the insert: the audit
            // rows are written right after it, in the transaction JalinDb.SaveChanges opened for it.
            _deferred.AddOrUpdate(db, new Deferred(rows, generated, now));
            return;
        }
        await AddRowsAsync(db, rows, now, ct);
    }

    private sealed record Deferred(List<(string region, AuditDraft draft)> Rows, List<(int index, EntityEntry entry)> Generated, DateTimeOffset Now);

    private readonly ConditionalWeakTable<DbContext, Deferred> _deferred = new();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not JalinDb db || !_deferred.TryGetValue(db, out var d)) return result;
        _deferred.Remove(db);
        foreach (var (index, entry) in d.Generated)
        {
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
            d.Rows[index] = (d.Rows[index].region, d.Rows[index].draft with { EntityId = key, After = Snapshot(entry, original: false) });
        }
        await AddRowsAsync(db, d.Rows, d.Now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    private async Task AddRowsAsync(JalinDb db, List<(string region, AuditDraft draft)> rows, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var group in rows.GroupBy(r => r.region))
        {
            var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.RegionCode == group.Key)
                .Select(e => e.Entity).OrderByDescending(e => e.Sequence).FirstOrDefault();
            foreach (var row in await ChainAsync(db, group.Key, pending, group.Select(g => g.draft), now, ct)) db.AuditEntries.Add(row);
        }
    }

    /// <summary>The audit chain of a bulk writer that inserts entities without the change tracker (ADR 0013): the heads of
    /// <paramref name="regions"/> are read now, inside the writer's transaction, and the rows of later batches are chained in
    /// memory after them (<see cref="BulkAuditChain.Added"/>), exactly as this interceptor chains tracked ones: same
    /// snapshot, same hash. So the rows can be built on another thread while the previous batch is being written. The
    /// caller writes them in the same transaction, in the order they were built.</summary>
    public async Task<BulkAuditChain> BulkChainAsync(JalinDb db, IEnumerable<string> regions, CancellationToken ct)
    {
        var heads = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var region in regions.Distinct()) heads[region] = await HeadAsync(db, region, ct);
        return new BulkAuditChain(this, db.Model, db.Actor, Truncate(clock.GetUtcNow()), heads);
    }

    /// <summary>One audit row for an event that is not a row's change (a region's data taken in from another instance),
    /// chained after the region's latest row; written by the caller inside its transaction.</summary>
    public async Task<AuditEntry> EventRowAsync(JalinDb db, string region, string entityType, string entityId, string action, string after, CancellationToken ct) =>
        (await ChainAsync(db, region, null, [new AuditDraft(entityType, entityId, action, null, after)], Truncate(clock.GetUtcNow()), ct))[0];

    /// <summary>The draft of a new entity's row: its snapshot as the interceptor takes it, under <paramref name="action"/>, with
    /// the rows it owns embedded as arrays of their snapshots (an imported agreement's parties and history), written by the
    /// entity type's compiled <see cref="SnapshotWriter"/>.</summary>
    internal static AuditDraft Draft(Microsoft.EntityFrameworkCore.Metadata.IModel model, object entity, string action = "Added",
        IReadOnlyList<(string Name, IEnumerable<object> Rows)>? embedded = null)
    {
        var writer = SnapshotWriter.For(model, entity.GetType());
        return new AuditDraft(writer.EntityType, writer.Key(entity), action, null, writer.Json(model, entity, embedded));
    }

    /// <summary>The region's latest sequence and hash in the database (0 and the genesis hash for a new chain).</summary>
    private static async Task<(long Sequence, string Hash)> HeadAsync(JalinDb db, string region, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == region)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        return last is null ? (0, Genesis(region)) : (last.Sequence, last.Hash);
    }

    private async Task<List<AuditEntry>> ChainAsync(JalinDb db, string region, AuditEntry? pending, IEnumerable<AuditDraft> drafts, DateTimeOffset now, CancellationToken ct)
    {
        var (sequence, previous) = pending is not null ? (pending.Sequence, pending.Hash) : await HeadAsync(db, region, ct);
        var rows = new List<AuditEntry>();
        Chain(db.Actor, region, ref sequence, ref previous, drafts, now, rows);
        return rows;
    }

    /// <summary>Chains <paramref name="drafts"/> after (<paramref name="sequence"/>, <paramref name="previous"/>) into
    /// <paramref name="rows"/>, and moves the head on.</summary>
    internal void Chain(CurrentActor actor, string region, ref long sequence, ref string previous, IEnumerable<AuditDraft> drafts, DateTimeOffset now,
        List<AuditEntry> rows)
    {
        foreach (var d in drafts)
        {
            sequence++;
            var hash = ComputeHash(keys.Current, previous, region, sequence, now, actor.UserId, actor.FullName, d.EntityType, d.EntityId, d.Action, d.Before, d.After);
            rows.Add(new AuditEntry
            {
                RegionCode = region, Sequence = sequence, At = now, ActorUserId = actor.UserId, ActorName = actor.FullName,
                EntityType = d.EntityType, EntityId = d.EntityId, Action = d.Action, Before = d.Before, After = d.After,
                PreviousHash = previous, Hash = hash, KeyId = keys.CurrentKeyId,
            });
            previous = hash;
        }
    }

    internal sealed record AuditDraft(string EntityType, string EntityId, string Action, string? Before, string? After);

    public static DateTimeOffset Truncate(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    public static string Genesis(string region) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("jalin-audit-genesis:" + region)));

    /// <summary>The row's HMAC-SHA256 under <paramref name="key"/>; a null key gives the plain
    /// SHA-256 of rows written before ADR 0007 (only the one-time re-chain reads those).</summary>
    public static string ComputeHash(byte[]? key, string previous, string region, long sequence, DateTimeOffset at, string actorId, string actorName,
        string entityType, string entityId, string action, string? before, string? after)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (key is null)
        {
            var text = string.Join("\u001f", previous, region, sequence.ToString(inv), at.UtcTicks.ToString(inv), actorId, actorName, entityType,
                entityId, action, before ?? "", after ?? "");
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
        // One HMAC context per thread and key, reset after each use: the one-shot HMACSHA256.HashData sets up a new
        // OpenSSL context per call, which cost an import of 10,000 rows a second of its commit (40,000 audit rows). The
        // fields are encoded one after another into one reused buffer, each as UTF-8 followed by the separator: the same
        // bytes as the joined text's, without building that text (a snapshot is kilobytes), hashed in one call.
        var hmac = t_hmac is { } cached && ReferenceEquals(t_hmacKey, key) ? cached : NewHmac(key);
        Span<char> number = stackalloc char[20];
        var length = 0;
        Field(ref length, previous); Field(ref length, region);
        Field(ref length, sequence.TryFormat(number, out var n, default, inv) ? number[..n] : sequence.ToString(inv));
        Field(ref length, at.UtcTicks.TryFormat(number, out n, default, inv) ? number[..n] : at.UtcTicks.ToString(inv));
        Field(ref length, actorId); Field(ref length, actorName); Field(ref length, entityType); Field(ref length, entityId); Field(ref length, action);
        Field(ref length, before);
        Field(ref length, after, last: true);
        hmac.AppendData(t_utf8!, 0, length);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Appends the field's UTF-8 bytes and, unless it is the last, the separator to this thread's buffer.</summary>
    private static void Field(ref int length, ReadOnlySpan<char> text, bool last = false)
    {
        var buffer = t_utf8 ??= new byte[8192];
        var need = length + Encoding.UTF8.GetMaxByteCount(text.Length) + 1;
        if (need > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(need, buffer.Length * 2));
            t_utf8 = buffer;
        }
        length += Encoding.UTF8.GetBytes(text, buffer.AsSpan(length));
        if (!last) buffer[length++] = 0x1f;
    }

    [ThreadStatic] private static byte[]? t_utf8;
    [ThreadStatic] private static IncrementalHash? t_hmac;
    [ThreadStatic] private static byte[]? t_hmacKey;

    private static IncrementalHash NewHmac(byte[] key)
    {
        t_hmac?.Dispose();
        t_hmacKey = key;
        return t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
    }

    public static string ComputeHash(byte[]? key, AuditEntry row, string previous) => ComputeHash(key, previous, row.RegionCode, row.Sequence, row.At,
        row.ActorUserId, row.ActorName, row.EntityType, row.EntityId, row.Action, row.Before, row.After);

    internal static string Snapshot(EntityEntry entry, bool original) =>
        Snapshot(entry.Properties.Select(p => (p.Metadata.Name, original ? p.OriginalValue : p.CurrentValue)),
            entry.Navigations.Where(n => n.Metadata.TargetEntityType.IsOwned()).Select(n => (n.Metadata.Name, n.CurrentValue)));

    private static string Snapshot(IEnumerable<(string Name, object? Value)> properties, IEnumerable<(string Name, object? Value)> owned) =>
        SnapshotJson(SnapshotValues(properties, owned));

    private static SortedDictionary<string, object?> SnapshotValues(IEnumerable<(string Name, object? Value)> properties, IEnumerable<(string Name, object? Value)> owned)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, v) in properties)
            if (!IsSecret(name)) values[name] = SnapshotValue(v);
        foreach (var (name, v) in owned)
            values[name] = v is null ? null : JsonSerializer.Serialize(v);
        return values;
    }

    /// <summary>True for a property whose value never enters the trail (password hash, security stamps).</summary>
    internal static bool IsSecret(string property) => SecretProperties.Contains(property);

    /// <summary>A property's value as a snapshot keeps it: instants as UTC round-trip text, amounts as invariant text (a JSON
    /// number would lose their trailing zeros), enums by name.</summary>
    internal static object? SnapshotValue(object? v) => v switch
    {
        DateTimeOffset d => d.UtcDateTime.ToString("O"),
        decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Enum en => en.ToString(),
        _ => v,
    };

    /// <summary>The JSON <see cref="JsonSerializer"/> writes for <paramref name="values"/> (same encoder, same order), with the
    /// common value types written directly: a snapshot is made for every audited row.</summary>
    internal static string SnapshotJson(SortedDictionary<string, object?> values)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, v) in values)
            {
                json.WritePropertyName(name);
                WriteSnapshotValue(json, v);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>One snapshot value (as <see cref="SnapshotValue"/> gave it) as <see cref="JsonSerializer"/> writes it.</summary>
    internal static void WriteSnapshotValue(Utf8JsonWriter json, object? v)
    {
        switch (v)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case Guid g: json.WriteStringValue(g); break;
            default: JsonSerializer.Serialize(json, v, v.GetType()); break;
        }
    }

    private static async Task<string?> RegionOfAsync(JalinDb db, EntityEntry entry, Func<Dictionary<Guid, string>> tracked, CancellationToken ct)
    {
        switch (entry.Entity)
        {
            case AgreementParty p: return await AgreementRegionAsync(db, p.AgreementId, tracked, ct);
            // a party region's own paper is recorded in that region's trail (its internal title never reaches the owner's auditors)
            case AgreementDocument d: return d.UploaderRegionCode ?? d.RegionCode ?? await AgreementRegionAsync(db, d.AgreementId, tracked, ct);
            case StageChange h: return await AgreementRegionAsync(db, h.AgreementId, tracked, ct);
            case DraftVersion v: return await DraftRegionAsync(db, v.DraftId, ct);
            case DraftComment c: return c.RegionCode ?? await DraftRegionAsync(db, c.DraftId, ct);
            case ApplicationUser u: return u.RegionCode;
            case Microsoft.AspNetCore.Identity.IdentityUserClaim<string> uc: return await UserRegionAsync(db, uc.UserId, ct);
            case Microsoft.AspNetCore.Identity.IdentityUserLogin<string> ul: return await UserRegionAsync(db, ul.UserId, ct);
            case Microsoft.AspNetCore.Identity.IdentityUserRole<string> ur: return await UserRegionAsync(db, ur.UserId, ct);
        }
        var prop = entry.Metadata.FindProperty("RegionCode");
        return prop is null ? null : entry.Property("RegionCode").CurrentValue as string;
    }

    private static async Task<string?> DraftRegionAsync(JalinDb db, Guid id, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<Draft>().FirstOrDefault(e => e.Entity.Id == id);
        if (tracked is not null) return tracked.Entity.RegionCode;
        return await db.Drafts.AsNoTracking().Where(d => d.Id == id).Select(d => d.RegionCode).FirstOrDefaultAsync(ct);
    }

    private static async Task<string?> UserRegionAsync(JalinDb db, string id, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<ApplicationUser>().FirstOrDefault(e => e.Entity.Id == id);
        if (tracked is not null) return tracked.Entity.RegionCode;
        return await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.RegionCode).FirstOrDefaultAsync(ct);
    }

    private static async Task<string?> AgreementRegionAsync(JalinDb db, Guid id, Func<Dictionary<Guid, string>> tracked, CancellationToken ct)
    {
        if (tracked().TryGetValue(id, out var region)) return region;
        return await db.Agreements.AsNoTracking().Where(a => a.Id == id).Select(a => a.RegionCode).FirstOrDefaultAsync(ct);
    }
}

/// <summary>A bulk writer's audit chain (<see cref="AuditInterceptor.BulkChainAsync"/>): chains the "Added" rows of the entities
/// it inserts, batch after batch, in memory. Not thread-safe: one builder thread at a time.</summary>
public sealed class BulkAuditChain
{
    private readonly AuditInterceptor _audit;
    private readonly Microsoft.EntityFrameworkCore.Metadata.IModel _model;
    private readonly CurrentActor _actor;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<string, (long Sequence, string Hash)> _heads;

    internal BulkAuditChain(AuditInterceptor audit, Microsoft.EntityFrameworkCore.Metadata.IModel model, CurrentActor actor, DateTimeOffset now,
        Dictionary<string, (long, string)> heads) => (_audit, _model, _actor, _now, _heads) = (audit, model, actor, now, heads);

    /// <summary>The "Added" rows of these new entities, chained per region after the rows already built.</summary>
    public List<AuditEntry> Added(IEnumerable<(string Region, object Entity)> added)
    {
        var rows = new List<AuditEntry>();
        foreach (var group in added.GroupBy(a => a.Region)) Append(group.Key, group.Select(g => AuditInterceptor.Draft(_model, g.Entity)), rows);
        return rows;
    }

    /// <summary>One "Imported" row per record of an import, chained in <paramref name="region"/>: the record's snapshot with
    /// the rows it owns embedded under their names (an agreement's "Parties" and "History"), so the trail says in one row
    /// what came in, rather than one row per party and history row.</summary>
    public List<AuditEntry> Imported(string region, IEnumerable<(object Record, (string Name, IEnumerable<object> Rows)[] Owned)> records)
    {
        var rows = new List<AuditEntry>();
        Append(region, records.Select(r => AuditInterceptor.Draft(_model, r.Record, ImportedAction, r.Owned)), rows);
        return rows;
    }

    /// <summary>The action of an audit row for data taken in (an imported record, a region's data from another instance).</summary>
    public const string ImportedAction = "Imported";

    private void Append(string region, IEnumerable<AuditInterceptor.AuditDraft> drafts, List<AuditEntry> rows)
    {
        if (!_heads.TryGetValue(region, out var head))
            throw new InvalidOperationException($"Rantai audit {region} tidak dibaca sebelum penulisan massal.");
        var (sequence, previous) = head;
        _audit.Chain(_actor, region, ref sequence, ref previous, drafts, _now, rows);
        _heads[region] = (sequence, previous);
    }
}
