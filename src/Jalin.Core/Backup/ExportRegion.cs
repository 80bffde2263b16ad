using System.Data.Common;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Backup;

/// <summary>`jalin export --region KODE`: everything one region holds, as JSON lines and its files, in the backup
/// archive's format (ADR 0014), from one consistent snapshot. Another Jalin instance, holding other regions already,
/// takes it in with <see cref="ImportRegion"/>. <see cref="RegionScope"/> says which rows are the region's; the rows
/// they point to that are not (a partner another region registered) travel in <c>shared/</c>.</summary>
public static class ExportRegion
{
    private const int Chunk = 500;

    /// <summary>Sign-in secrets a download from the web leaves out (<c>withCredentials: false</c>): password hashes, the
    /// authenticator keys and recovery codes (AspNetUserTokens); the administrator of the instance that imports them gives
    /// each a new password on the users page, and they enrol their second factor again.</summary>
    private static readonly IReadOnlyDictionary<string, string> WithoutCredentials = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PasswordHash"] = "NULL", ["TwoFactorEnabled"] = "(1 = 0)",
    };

    public static async Task<Result<RegionExportSummary>> RunAsync(JalinDb db, FileStore files, string regionCode, string path, TimeProvider clock,
        IProgress<BackupProgress>? progress = null, CancellationToken ct = default, bool withCredentials = true)
    {
        var watch = Stopwatch.StartNew();
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => new { r.Code, r.Name }).FirstOrDefaultAsync(ct);
        if (region is null) return ValidationError.Of("region", $"Kode wilayah {regionCode} tidak dikenal (contoh: 32.77 untuk Kota Cimahi).");
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var result = await WriteAsync(db, files, region.Code, region.Name, temp, clock, withCredentials, progress, ct);
            if (!result.Ok) return result.Error!;
            File.Move(temp, full, overwrite: true);
            var (rows, shared, fileCount, fileBytes) = result.Value;
            return new RegionExportSummary(full, region.Code, region.Name, rows, shared, fileCount, fileBytes, new FileInfo(full).Length, watch.Elapsed);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static async Task<Result<(long Rows, long Shared, int Files, long FileBytes)>> WriteAsync(JalinDb db, FileStore files, string code, string name,
        string temp, TimeProvider clock, bool withCredentials, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        var schema = BackupSchema.For(db);
        var scope = RegionScope.For(db, schema);
        var referenced = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var history = new HashSet<string>(StringComparer.Ordinal);
        var tables = new List<BackupManifestTable>();
        var sharedTables = new List<BackupManifestTable>();
        long rows = 0, sharedRows = 0;

        await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create);
        var migration = await CreateBackup.InSnapshotAsync(db, async (conn, tx) =>
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
            var shared = await SharedKeysAsync(conn, tx, schema, scope, code, ct);
            var byName = schema.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
            foreach (var table in schema.Tables.Where(t => t.Name != RegionScope.StoredFilesTable))
            {
                var users = table.Name == "AspNetUsers" && !withCredentials;
                var columns = string.Join(", ", table.Columns.Select(c => users && WithoutCredentials.TryGetValue(c.Name, out var blank)
                    ? $"{blank} AS {BackupTable.Quote(c.Name)}" : BackupTable.Quote(c.Name)));
                var order = table.Key.Count > 0 ? " ORDER BY " + string.Join(", ", table.Key.Select(BackupTable.Quote)) : "";
                var sql = scope.Predicates.TryGetValue(table.Name, out var predicate) && !(table.Name == "AspNetUserTokens" && !withCredentials)
                    ? $"SELECT {columns} FROM {BackupTable.Quote(table.Name)} WHERE {predicate}{order}"
                    : $"SELECT {columns} FROM {BackupTable.Quote(table.Name)} WHERE 1 = 0";
                var (n, sha) = await CreateBackup.WriteTableAsync(zip, BackupManifest.TableEntry(table.Name), conn, tx, table, sql, [Region(conn, code)],
                    referenced, history, done => progress?.Report(new BackupProgress("Mengekspor", table.Name, done, 0)), ct);
                tables.Add(CreateBackup.ManifestTable(table, n, sha));
                rows += n;
                progress?.Report(new BackupProgress("Mengekspor", table.Name, n, n));
                if (shared.TryGetValue(table.Name, out var keys) && keys.Count > 0)
                {
                    var written = await WriteByKeysAsync(zip, conn, tx, table, scope.Keys[table.Name], keys, referenced, history, ct);
                    sharedTables.Add(written);
                    sharedRows += written.Rows;
                }
            }
            // The file list: the rows of the files the region's rows name (the target adds those it lacks).
            var storedFiles = byName[RegionScope.StoredFilesTable];
            tables.Add(CreateBackup.ManifestTable(storedFiles, 0, await EmptyEntryAsync(zip, BackupManifest.TableEntry(storedFiles.Name), ct)));
            var fileRows = await WriteByKeysAsync(zip, conn, tx, storedFiles, storedFiles.Key[0], referenced.Keys.Concat(history).Distinct().Cast<object>().ToList(),
                new SortedDictionary<string, string>(), [], ct);
            sharedTables.Add(fileRows);
            return applied;
        }, ct);

        var copied = await CreateBackup.CopyFilesAsync(zip, files, referenced, history, progress, ct);
        if (!copied.Ok) return copied.Error!;
        var (manifestFiles, fileBytes, _) = copied.Value;
        var order = schema.Tables.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, CreateBackup.AppVersion(), db.Database.IsNpgsql() ? "Postgres" : "Sqlite", migration,
            clock.GetUtcNow(), tables.OrderBy(t => order[t.Name]).ToList(), manifestFiles, code, name, sharedTables.OrderBy(t => order[t.Name]).ToList(),
            withCredentials ? null : false);
        var manifestEntry = zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Fastest);
        await using (var m = manifestEntry.Open())
            await JsonSerializer.SerializeAsync(m, manifest, BackupManifest.Json, ct);
        return (rows, sharedRows, manifestFiles.Count, fileBytes);
    }

    private static DbParameter Region(DbConnection conn, string code)
    {
        using var cmd = conn.CreateCommand();
        var p = cmd.CreateParameter();
        p.ParameterName = RegionScope.RegionParameter;
        p.Value = code;
        return p;
    }

    /// <summary>The keys of the rows the region's rows point to that are not the region's own, per table: gathered from
    /// the children down to their parents (a shared row's own parents are shared too), so the target can hold every
    /// row an imported row points to.</summary>
    private static async Task<Dictionary<string, List<object>>> SharedKeysAsync(DbConnection conn, DbTransaction tx, BackupSchema schema, RegionScope scope,
        string code, CancellationToken ct)
    {
        var byName = schema.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var shared = new Dictionary<string, HashSet<object>>(StringComparer.Ordinal);
        foreach (var table in schema.Tables.Reverse().Where(t => scope.Exports(t.Name)))
        {
            foreach (var r in scope.References.Where(r => r.Table == table.Name && r.PrincipalTable != r.Table && !scope.GeneratedKeys.ContainsKey(r.PrincipalTable)))
            {
                var column = byName[r.Table].Columns.First(c => c.Name == r.Column);
                var candidates = new HashSet<object>();
                await ReadAsync($"SELECT DISTINCT {BackupTable.Quote(r.Column)} FROM {BackupTable.Quote(r.Table)} WHERE {BackupTable.Quote(r.Column)} IS NOT NULL AND {scope.Predicates[r.Table]}",
                    [Region(conn, code)], column, candidates);
                if (shared.TryGetValue(r.Table, out var sharedChildren) && scope.Keys.TryGetValue(r.Table, out var childKey))
                    foreach (var chunk in sharedChildren.Chunk(Chunk))
                    {
                        var (list, parameters) = InList(conn, byName[r.Table].Columns.First(c => c.Name == childKey), chunk);
                        await ReadAsync($"SELECT {BackupTable.Quote(r.Column)} FROM {BackupTable.Quote(r.Table)} WHERE {BackupTable.Quote(r.Column)} IS NOT NULL AND {BackupTable.Quote(childKey)} IN ({list})",
                            parameters, column, candidates);
                    }
                if (candidates.Count == 0) continue;
                // Those that are the region's own travel in tables/ already.
                var principal = byName[r.PrincipalTable];
                var keyColumn = principal.Columns.First(c => c.Name == r.PrincipalColumn);
                var own = new HashSet<object>();
                foreach (var chunk in candidates.Chunk(Chunk))
                {
                    var (list, parameters) = InList(conn, keyColumn, chunk);
                    await ReadAsync($"SELECT {BackupTable.Quote(r.PrincipalColumn)} FROM {BackupTable.Quote(r.PrincipalTable)} WHERE {BackupTable.Quote(r.PrincipalColumn)} IN ({list}) AND {scope.Predicates[r.PrincipalTable]}",
                        [.. parameters, Region(conn, code)], keyColumn, own);
                }
                candidates.ExceptWith(own);
                if (candidates.Count == 0) continue;
                if (!shared.TryGetValue(r.PrincipalTable, out var set)) shared[r.PrincipalTable] = set = [];
                set.UnionWith(candidates);
            }
        }
        return shared.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal);

        async Task ReadAsync(string sql, IEnumerable<DbParameter> parameters, BackupColumn column, HashSet<object> into)
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            cmd.CommandTimeout = 0;
            foreach (var p in parameters) cmd.Parameters.Add(p);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                if (column.Read(reader, 0) is { } v) into.Add(v);
        }
    }

    private static (string List, List<DbParameter> Parameters) InList(DbConnection conn, BackupColumn column, IEnumerable<object> values)
    {
        using var cmd = conn.CreateCommand();
        var parameters = values.Select((v, i) => column.Mapping.CreateParameter(cmd, "@k" + i, column.ToStored(v), nullable: false)).ToList();
        return (string.Join(", ", parameters.Select(p => p.ParameterName)), parameters);
    }

    /// <summary>Writes the rows of <paramref name="keys"/> to <c>shared/T.jsonl</c>, in key order.</summary>
    private static async Task<BackupManifestTable> WriteByKeysAsync(ZipArchive zip, DbConnection conn, DbTransaction tx, BackupTable table, string key,
        IReadOnlyCollection<object> keys, SortedDictionary<string, string> referenced, HashSet<string> history, CancellationToken ct)
    {
        var keyColumn = table.Columns.First(c => c.Name == key);
        var columns = string.Join(", ", table.Columns.Select(c => BackupTable.Quote(c.Name)));
        var queries = keys.Order().Chunk(Chunk).Select(chunk =>
        {
            var (list, parameters) = InList(conn, keyColumn, chunk);
            return ($"SELECT {columns} FROM {BackupTable.Quote(table.Name)} WHERE {BackupTable.Quote(key)} IN ({list}) ORDER BY {BackupTable.Quote(key)}",
                (IReadOnlyList<DbParameter>)parameters);
        });
        var (n, sha) = await CreateBackup.WriteTableAsync(zip, BackupManifest.SharedEntry(table.Name), conn, tx, table, queries, referenced, history, null, ct);
        return CreateBackup.ManifestTable(table, n, sha);
    }

    private static async Task<string> EmptyEntryAsync(ZipArchive zip, string name, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var raw = entry.Open();
        await using var hashing = new HashingStream(raw);
        await hashing.FlushAsync(ct);
        return hashing.Hash();
    }
}
