using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Jalin.Core.Backup;

/// <summary>`jalin backup`: one consistent snapshot of every table (one read transaction:
/// PostgreSQL REPEATABLE READ READ ONLY, SQLite a deferred read transaction on the WAL snapshot),
/// streamed row by row into <c>tables/*.jsonl</c>, then every file-store blob the rows reference
/// (ADR 0012). Blobs are never overwritten or deleted, so copying them after the snapshot ends
/// still gives the bytes the rows point to.</summary>
public static class CreateBackup
{
    public static async Task<Result<BackupSummary>> RunAsync(JalinDb db, FileStore files, string path, TimeProvider clock,
        IProgress<BackupProgress>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var result = await WriteAsync(db, files, temp, clock, progress, ct);
            if (!result.Ok) return result.Error!;
            File.Move(temp, full, overwrite: true);
            var (rows, tables, fileCount, fileBytes, historyMissing) = result.Value;
            return new BackupSummary(full, rows, tables, fileCount, fileBytes, new FileInfo(full).Length, watch.Elapsed, historyMissing);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static async Task<Result<(long Rows, int Tables, int Files, long FileBytes, int HistoryMissing)>> WriteAsync(JalinDb db, FileStore files, string temp,
        TimeProvider clock, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        var schema = BackupSchema.For(db);
        var referenced = new SortedDictionary<string, string>(StringComparer.Ordinal); // sha → where it was first referenced
        var history = new HashSet<string>(StringComparer.Ordinal); // earlier versions' files, named only in audit snapshots
        var tables = new List<BackupManifestTable>();
        string? migration;
        long totalRows = 0;

        await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create);

        migration = await InSnapshotAsync(db, async (conn, tx) =>
        {
            // The first read fixes the snapshot; everything below sees the same committed state.
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var t in schema.Tables)
                counts[t.Name] = Convert.ToInt64(await Scalar(conn, tx, $"SELECT COUNT(*) FROM {BackupTable.Quote(t.Name)}", ct), System.Globalization.CultureInfo.InvariantCulture);

            foreach (var table in schema.Tables)
            {
                var (rows, sha) = await WriteTableAsync(zip, BackupManifest.TableEntry(table.Name), conn, tx, table, table.SelectSql(), [], referenced, history,
                    n => progress?.Report(new BackupProgress("Mencadangkan", table.Name, n, counts[table.Name])), ct);
                if (rows != counts[table.Name])
                    throw new InvalidOperationException($"Tabel {table.Name} berubah di tengah pencadangan ({counts[table.Name]} lalu {rows} baris): snapshot tidak konsisten.");
                totalRows += rows;
                progress?.Report(new BackupProgress("Mencadangkan", table.Name, rows, counts[table.Name]));
                tables.Add(ManifestTable(table, rows, sha));
            }
            return applied;
        }, ct);

        var copied = await CopyFilesAsync(zip, files, referenced, history, progress, ct);
        if (!copied.Ok) return copied.Error!;
        var (manifestFiles, fileBytes, historyMissing) = copied.Value;

        var manifest = new BackupManifest(BackupManifest.CurrentFormat, AppVersion(), db.Database.IsNpgsql() ? "Postgres" : "Sqlite", migration,
            clock.GetUtcNow(), tables, manifestFiles);
        var manifestEntry = zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Fastest);
        await using (var m = manifestEntry.Open())
            await JsonSerializer.SerializeAsync(m, manifest, BackupManifest.Json, ct);
        return (totalRows, tables.Count, manifestFiles.Count, fileBytes, historyMissing);
    }

    /// <summary>Runs <paramref name="body"/> in one read-only snapshot of the database (PostgreSQL REPEATABLE READ READ ONLY,
    /// SQLite a deferred read transaction on the WAL snapshot); EF queries on <paramref name="db"/> share it.</summary>
    internal static async Task<T> InSnapshotAsync<T>(JalinDb db, Func<DbConnection, DbTransaction, Task<T>> body, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = db.Database.GetDbConnection();
            await using DbTransaction tx = conn switch
            {
                NpgsqlConnection pg => await pg.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct),
                SqliteConnection lite => lite.BeginTransaction(deferred: true),
                _ => throw new InvalidOperationException("Penyedia basis data tidak dikenal."),
            };
            if (conn is NpgsqlConnection) await Execute(conn, tx, "SET TRANSACTION READ ONLY", ct);
            await db.Database.UseTransactionAsync(tx, ct);
            try
            {
                return await body(conn, tx);
            }
            finally
            {
                await tx.RollbackAsync(CancellationToken.None);
                await db.Database.UseTransactionAsync(null, CancellationToken.None);
            }
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    internal static BackupManifestTable ManifestTable(BackupTable table, long rows, string sha) =>
        new(table.Name, rows, sha, table.Columns.Select(c => new BackupManifestColumn(c.Name, c.PortableTypeName)).ToList());

    /// <summary>Streams the rows <paramref name="sql"/> selects (the table's columns in order) into one JSONL entry;
    /// collects the file-store hashes the rows (and audit snapshots) name. Returns the rows written and the entry's SHA-256.</summary>
    internal static Task<(long Rows, string Sha256)> WriteTableAsync(ZipArchive zip, string entryName, DbConnection conn, DbTransaction tx,
        BackupTable table, string sql, IReadOnlyList<DbParameter> parameters, SortedDictionary<string, string> referenced, HashSet<string> history,
        Action<long>? progress, CancellationToken ct) =>
        WriteTableAsync(zip, entryName, conn, tx, table, [(sql, parameters)], referenced, history, progress, ct);

    /// <summary>As above, with the rows of several queries one after the other in one entry.</summary>
    internal static async Task<(long Rows, string Sha256)> WriteTableAsync(ZipArchive zip, string entryName, DbConnection conn, DbTransaction tx,
        BackupTable table, IEnumerable<(string Sql, IReadOnlyList<DbParameter> Parameters)> queries, SortedDictionary<string, string> referenced,
        HashSet<string> history, Action<long>? progress, CancellationToken ct)
    {
        var shaColumns = table.Columns.Select((c, i) => (c, i))
            .Where(x => x.c.PortableType == typeof(string) && x.c.Name.EndsWith("Sha256", StringComparison.Ordinal)).ToList();
        var snapshotColumns = table.Name == BackupSchema.AuditTable
            ? table.Columns.Select((c, i) => (c, i)).Where(x => x.c.Name is "Before" or "After").Select(x => x.i).ToList()
            : [];
        var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest);
        long rows = 0;
        await using var raw = entry.Open();
        await using var hashing = new HashingStream(raw);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        await using var json = new Utf8JsonWriter(buffer);
        foreach (var (sql, parameters) in queries)
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            cmd.CommandTimeout = 0;
            foreach (var p in parameters) cmd.Parameters.Add(p);
            await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            var values = new object?[table.Columns.Count];
            while (await reader.ReadAsync(ct))
            {
                json.WriteStartObject();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var v = table.Columns[i].Read(reader, i);
                    values[i] = v;
                    json.WritePropertyName(table.Columns[i].Name);
                    BackupValues.Write(json, v);
                }
                json.WriteEndObject();
                json.Flush();
                json.Reset();
                buffer.Write("\n"u8);
                foreach (var (c, i) in shaColumns)
                    if (values[i] is string s && s.Length > 0) referenced.TryAdd(s.ToLowerInvariant(), $"{table.Name}.{c.Name}");
                foreach (var i in snapshotColumns)
                    if (values[i] is string snapshot) CollectFileHashes(snapshot, history);
                rows++;
                if (buffer.WrittenCount >= 1 << 16)
                {
                    await hashing.WriteAsync(buffer.WrittenMemory, ct);
                    buffer.ResetWrittenCount();
                }
                if ((rows & 0x3FFF) == 0) progress?.Invoke(rows);
            }
            cmd.Parameters.Clear();
        }
        await hashing.WriteAsync(buffer.WrittenMemory, ct);
        return (rows, hashing.Hash());
    }

    /// <summary>Copies every referenced file-store blob into <c>files/</c>, checking each against its hash, and the files
    /// audit snapshots name (earlier versions) where the store still has them.</summary>
    internal static async Task<Result<(List<BackupManifestFile> Files, long Bytes, int HistoryMissing)>> CopyFilesAsync(ZipArchive zip, FileStore files,
        SortedDictionary<string, string> referenced, HashSet<string> history, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        // The audit trail is evidence: the files its snapshots name (a report's earlier version, a replaced scan)
        // travel with it. The store never deletes, so they are there; one that is not is left out, not fatal.
        var historyMissing = 0;
        foreach (var sha in history.Where(h => !referenced.ContainsKey(h)))
        {
            await using var probe = files.OpenRead(sha);
            if (probe is null) historyMissing++;
            else referenced[sha] = $"{BackupSchema.AuditTable} (riwayat)";
        }

        var manifestFiles = new List<BackupManifestFile>();
        long fileBytes = 0;
        foreach (var (sha, where) in referenced)
        {
            await using var source = files.OpenRead(sha);
            if (source is null)
                return new BackupFailed($"Berkas {sha} yang dirujuk {where} tidak ada di penyimpanan berkas: cadangan tidak lengkap, tidak dibuat.");
            var entry = zip.CreateEntry(BackupManifest.FileEntry(sha), CompressionLevel.Fastest);
            long size;
            string actual;
            await using (var raw = entry.Open())
            await using (var hashing = new HashingStream(raw))
            {
                await source.CopyToAsync(hashing, ct);
                size = hashing.Length;
                actual = hashing.Hash();
            }
            if (actual != sha)
                return new BackupFailed($"Berkas {sha} (dirujuk {where}) di penyimpanan tidak cocok dengan sidik SHA-256-nya: isinya berubah di luar Jalin. Cadangan tidak dibuat.");
            fileBytes += size;
            manifestFiles.Add(new BackupManifestFile(sha, size));
            progress?.Report(new BackupProgress("Menyalin berkas", "berkas", manifestFiles.Count, referenced.Count));
        }

        return (manifestFiles, fileBytes, historyMissing);
    }

    /// <summary>Adds every "…Sha256": "&lt;64 hex&gt;" pair of an audit snapshot (JSON of the row's columns).</summary>
    internal static void CollectFileHashes(string snapshot, HashSet<string> into)
    {
        if (!snapshot.Contains("Sha256\"", StringComparison.Ordinal)) return;
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(snapshot));
            var wanted = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName) wanted = reader.GetString()!.EndsWith("Sha256", StringComparison.Ordinal);
                else if (wanted && reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: 64 } sha && sha.All(Uri.IsHexDigit))
                    into.Add(sha.ToLowerInvariant());
                else wanted = false;
            }
        }
        catch (JsonException) { } // a snapshot that is not JSON names no file
    }

    internal static string AppVersion() =>
        typeof(JalinDb).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    private static async Task Execute(DbConnection conn, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    internal static async Task<object?> Scalar(DbConnection conn, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return await cmd.ExecuteScalarAsync(ct);
    }
}

/// <summary>A write-only stream that hashes (SHA-256) and counts what passes through it.</summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _length;

    public string Hash() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        _length += buffer.Length;
        inner.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _hash.AppendData(buffer.Span);
        _length += buffer.Length;
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
