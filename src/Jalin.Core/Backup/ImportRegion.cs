using System.Data.Common;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Jalin.Core.Audit;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jalin.Core.Backup;

/// <summary>Takes a region's export (<see cref="ExportRegion"/>) into an instance that may hold other regions already
/// (ADR 0014). Everything is checked before anything is written, as in a restore (every entry's SHA-256, the migration,
/// the columns), and further: the region is on the target's official list, the target holds no data of that region yet,
/// and no user name of the archive is taken. Rows then go in ONE transaction in foreign-key order:
/// <list type="bullet">
/// <item>the region's rows as they are, except database-generated integer keys (history and audit rows), which get the
/// target's next keys, with every pointer to them rewritten; the audit chain does not hash those keys, so it verifies
/// unchanged under the same audit key;</item>
/// <item>shared rows (a partner another region registered) only where the target does not have them already.</item>
/// </list>
/// A failure leaves the target as it was. The search index is then rebuilt in place.</summary>
public static class ImportRegion
{
    /// <summary>The audit trail's name for the event "this region's data was taken in from an export".</summary>
    public const string ImportedEntity = "RegionImport";

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(s, ct));
    }

    public static async Task<Result<RegionImportSummary>> RunAsync(JalinDb db, FileStore files, string path, TimeProvider clock,
        IProgress<BackupProgress>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        if (!File.Exists(path)) return new RestoreRefused($"Berkas ekspor tidak ditemukan: {path}");
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        ZipArchive zip;
        try { zip = new ZipArchive(input, ZipArchiveMode.Read); }
        catch (InvalidDataException) { return new RestoreRefused($"{Path.GetFileName(path)} bukan ekspor daerah Jalin (bukan berkas zip yang utuh)."); }
        using var _ = zip;

        var read = await RestoreBackup.ReadManifestAsync(zip, ct);
        if (!read.Ok) return read.Error!;
        var manifest = read.Value!;
        if (manifest.Region is not { } code)
            return new RestoreRefused($"{Path.GetFileName(path)} adalah cadangan seluruh instans, bukan ekspor satu daerah. Pulihkan ke instans kosong dengan `jalin restore`.");
        var name = manifest.RegionName ?? code;
        if (await RestoreBackup.VerifyEntriesAsync(zip, manifest, progress, ct) is { } damaged) return damaged;

        await DatabaseSetup.MigrateAsync(db, ct);
        var schema = BackupSchema.For(db);
        if (await RestoreBackup.CheckMigrationAsync(db, manifest, ct) is { } migrationError) return migrationError;
        if (RestoreBackup.CheckColumns(schema, manifest) is { } columnError) return columnError;
        if (!await db.Regions.AsNoTracking().AnyAsync(r => r.Code == code, ct))
            return new RestoreRefused($"Kode wilayah {code} ({name}) tidak ada di daftar wilayah instans ini. Jalankan `jalin seed` lebih dulu.");
        var scope = RegionScope.For(db, schema);
        var shared = (manifest.Shared ?? []).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var owned = manifest.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var unknown = owned.Values.FirstOrDefault(t => t.Rows > 0 && !scope.Exports(t.Name));
        if (unknown is not null) return new RestoreRefused($"Arsip memuat baris tabel {unknown.Name} yang bukan data daerah: arsip telah diubah atau bukan ekspor daerah.");

        await db.Database.OpenConnectionAsync(ct);
        var written = new List<string>();
        RegionImportSummary summary;
        try
        {
            var conn = db.Database.GetDbConnection();
            if (await OccupiedAsync(conn, null, scope, code, ct) is { } table) return Occupied(name, table);
            if (await TakenUserNamesAsync(conn, schema, zip, ct) is { Count: > 0 } taken)
                return new RestoreRefused($"Nama pengguna {string.Join(", ", taken.Take(5))}{(taken.Count > 5 ? $" dan {taken.Count - 5} lainnya" : "")} " +
                    "sudah dipakai di instans ini. Ganti atau nonaktifkan akun itu di salah satu instans, lalu ekspor dan impor lagi.");

            var done = 0;
            foreach (var f in manifest.Files)
            {
                await using (var s = zip.GetEntry(BackupManifest.FileEntry(f.Sha256))!.Open())
                    if (await files.SaveVerifiedAsync(s, f.Sha256, ct)) written.Add(f.Sha256);
                progress?.Report(new BackupProgress("Menulis berkas", "berkas", ++done, manifest.Files.Count));
            }

            long rows = 0, sharedAdded = 0, sharedPresent = 0;
            await using (var tx = conn is SqliteConnection lite ? lite.BeginTransaction(deferred: false) : await conn.BeginTransactionAsync(ct))
            {
                if (conn is SqliteConnection) await RestoreBackup.ExecuteAsync(conn, tx, "PRAGMA defer_foreign_keys = ON", ct);
                if (await OccupiedAsync(conn, tx, scope, code, ct) is { } raced) return Occupied(name, raced);
                var newKeys = new Dictionary<string, Dictionary<object, object>>(StringComparer.Ordinal);
                foreach (var t in schema.Tables)
                {
                    // Shared rows first: the region's rows may point to them.
                    if (shared.TryGetValue(t.Name, out var s) && s.Rows > 0)
                    {
                        var (added, present) = await InsertSharedAsync(conn, tx, t, zip.GetEntry(BackupManifest.SharedEntry(t.Name))!, s.Rows, progress, ct);
                        if (added + present != s.Rows) throw new InvalidDataException($"Tabel {t.Name} (bersama): {added + present} baris terbaca, manifest mencatat {s.Rows}.");
                        sharedAdded += added;
                        sharedPresent += present;
                    }
                    if (owned.TryGetValue(t.Name, out var o) && o.Rows > 0)
                    {
                        var n = await InsertOwnedAsync(conn, tx, t, scope, newKeys, zip.GetEntry(BackupManifest.TableEntry(t.Name))!, o.Rows, progress, ct);
                        if (n != o.Rows) throw new InvalidDataException($"Tabel {t.Name}: {n} baris terbaca, manifest mencatat {o.Rows}.");
                        rows += n;
                    }
                }
                // The import's own audit row, last in the region's chain: from which archive, made where and when, what it added.
                await db.Database.UseTransactionAsync(tx, ct);
                var evidence = JsonSerializer.Serialize(new
                {
                    Arsip = Path.GetFileName(path), Sha256 = await Sha256Async(path, ct), manifest.SourceProvider, manifest.AppVersion, DibuatPada = manifest.CreatedAt,
                    Baris = rows, BarisBersamaDitambahkan = sharedAdded, BarisBersamaSudahAda = sharedPresent, Berkas = manifest.Files.Count,
                    TanpaKataSandi = manifest.Credentials == false,
                });
                var row = await AuditInterceptor.Of(db).EventRowAsync(db, code, ImportedEntity, code, BulkAuditChain.ImportedAction, evidence, ct);
                await BulkInsert.WriteAsync(db, [row], ct);
                await db.Database.UseTransactionAsync(null, ct);
                await tx.CommitAsync(ct);
            }
            written.Clear();
            summary = new RegionImportSummary(code, name, rows, sharedAdded, sharedPresent, manifest.Files.Count, done, manifest.SourceProvider, manifest.CreatedAt, watch.Elapsed,
                manifest.Credentials == false);
        }
        catch (DbException e)
        {
            // A row the checks above could not foresee (a unique value another region already uses): nothing was kept.
            return new RestoreRefused($"Impor {name} dibatalkan, tidak ada data yang disimpan: sebuah baris bertabrakan dengan data instans ini ({e.Message}).");
        }
        catch (InvalidDataException e)
        {
            return new RestoreRefused($"Impor {name} dibatalkan, tidak ada data yang disimpan: {e.Message}");
        }
        finally
        {
            foreach (var sha in written) files.DiscardNew(sha);
            await db.Database.CloseConnectionAsync();
        }
        // The imported rows are committed; the index is rebuilt in place (search keeps answering meanwhile).
        progress?.Report(new BackupProgress("Membangun indeks pencarian", "indeks", 0, 1));
        await SearchIndexer.ReindexAllAsync(db, clock, files, ct);
        return summary with { Elapsed = watch.Elapsed };
    }

    private static RestoreRefused Occupied(string region, string table) => new(
        $"Instans ini sudah menyimpan data {region} (tabel {table}). Impor daerah hanya ke instans yang belum memiliki data daerah itu; " +
        "untuk mengganti seluruh instans, pulihkan cadangan ke instans kosong dengan `jalin restore`.");

    /// <summary>The first table that holds a row of the region already (reference data aside), or null.</summary>
    private static async Task<string?> OccupiedAsync(DbConnection conn, DbTransaction? tx, RegionScope scope, string code, CancellationToken ct)
    {
        foreach (var table in scope.ByRegionCode.Order(StringComparer.Ordinal))
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"SELECT 1 FROM {BackupTable.Quote(table)} WHERE {BackupTable.Quote("RegionCode")} = @r LIMIT 1";
            var p = cmd.CreateParameter(); p.ParameterName = "@r"; p.Value = code; cmd.Parameters.Add(p);
            if (await cmd.ExecuteScalarAsync(ct) is not null) return table;
        }
        return null;
    }

    private static async Task<List<string>> TakenUserNamesAsync(DbConnection conn, BackupSchema schema, ZipArchive zip, CancellationToken ct)
    {
        var users = schema.Tables.FirstOrDefault(t => t.Name == "AspNetUsers");
        var entry = zip.GetEntry(BackupManifest.TableEntry("AspNetUsers"));
        if (users is null || entry is null) return [];
        var names = new List<string>();
        await using (var s = entry.Open())
        using (var reader = new StreamReader(s))
            while (await reader.ReadLineAsync(ct) is { Length: > 0 } line)
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.TryGetProperty("NormalizedUserName", out var n) && n.GetString() is { } name) names.Add(name);
            }
        var taken = new List<string>();
        foreach (var chunk in names.Chunk(500))
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT {BackupTable.Quote("UserName")} FROM {BackupTable.Quote("AspNetUsers")} WHERE {BackupTable.Quote("NormalizedUserName")} IN ({string.Join(", ", chunk.Select((_, i) => "@u" + i))})";
            for (var i = 0; i < chunk.Length; i++) { var p = cmd.CreateParameter(); p.ParameterName = "@u" + i; p.Value = chunk[i]; cmd.Parameters.Add(p); }
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) taken.Add(reader.GetString(0));
        }
        return taken;
    }

    private static DbCommand Insert(DbConnection conn, DbTransaction tx, BackupTable table, string suffix, out DbParameter[] parameters)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {BackupTable.Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => BackupTable.Quote(c.Name)))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))}){suffix}";
        parameters = table.Columns.Select((c, i) => c.Mapping.CreateParameter(cmd, "@p" + i, null, nullable: true)).ToArray();
        cmd.Parameters.AddRange(parameters);
        cmd.Prepare();
        return cmd;
    }

    /// <summary>Rows another region owns: added where the target lacks their key, left as the target has them otherwise.</summary>
    private static async Task<(long Added, long Present)> InsertSharedAsync(DbConnection conn, DbTransaction tx, BackupTable table, ZipArchiveEntry entry,
        long total, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        var conflict = $" ON CONFLICT ({string.Join(", ", table.Key.Select(BackupTable.Quote))}) DO NOTHING";
        await using var cmd = Insert(conn, tx, table, conflict, out var parameters);
        long added = 0, present = 0;
        await RestoreBackup.ReadRowsAsync(table, entry, total, progress, values =>
        {
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            if (cmd.ExecuteNonQuery() > 0) added++;
            else present++;
        }, ct);
        return (added, present);
    }

    /// <summary>The region's rows of one table, with the target's next keys where the database generates them and every
    /// pointer to an earlier table's renumbered row rewritten.</summary>
    private static async Task<long> InsertOwnedAsync(DbConnection conn, DbTransaction tx, BackupTable table, RegionScope scope,
        Dictionary<string, Dictionary<object, object>> newKeys, ZipArchiveEntry entry, long total, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        var index = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var rewrites = scope.References.Where(r => r.Table == table.Name && (newKeys.ContainsKey(r.PrincipalTable) || (r.PrincipalTable == table.Name && scope.GeneratedKeys.ContainsKey(table.Name))))
            .Select(r => (Column: index[r.Column], r.PrincipalTable, Type: table.Columns[index[r.Column]].ProviderType)).ToList();
        int? keyColumn = null;
        long[] reserved = [];
        Dictionary<object, object>? map = null;
        if (scope.GeneratedKeys.TryGetValue(table.Name, out var key))
        {
            keyColumn = index[key];
            reserved = await BulkInsert.ReserveKeysAsync(conn, tx, table.Name, key, checked((int)total), ct);
            newKeys[table.Name] = map = [];
        }
        await using var cmd = Insert(conn, tx, table, "", out var parameters);
        var n = 0;
        await RestoreBackup.ReadRowsAsync(table, entry, total, progress, values =>
        {
            if (keyColumn is { } k && map is not null)
            {
                var renumbered = Convert.ChangeType(reserved[n], table.Columns[k].ProviderType, System.Globalization.CultureInfo.InvariantCulture);
                map[values[k]!] = renumbered;
                values[k] = renumbered;
            }
            foreach (var (column, principal, type) in rewrites)
            {
                if (values[column] is not { } old) continue;
                var lookup = Convert.ChangeType(old, type, System.Globalization.CultureInfo.InvariantCulture);
                if (!newKeys[principal].TryGetValue(lookup, out var renumbered))
                    throw new InvalidDataException($"Tabel {table.Name}: kolom {table.Columns[column].Name} menunjuk {principal} {old} yang tidak ada di arsip.");
                values[column] = renumbered;
            }
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            cmd.ExecuteNonQuery();
            n++;
        }, ct);
        return n;
    }
}
