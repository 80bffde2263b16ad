using System.Data.Common;
using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace Jalin.Core.Backup;

/// <summary>`jalin restore`: an archive of <see cref="CreateBackup"/> into an empty instance, on
/// either provider (ADR 0012). Everything is checked before anything is written: every entry's
/// SHA-256 against the manifest, the target's migration and columns against the archive's, and
/// that the target holds no data beyond the reference tables `jalin seed` fills. Rows are then
/// inserted in ONE transaction in foreign-key order (PostgreSQL binary COPY, SQLite prepared
/// INSERTs), so a restore that fails or is interrupted leaves the target as it was.</summary>
public static class RestoreBackup
{
    public static async Task<Result<RestoreSummary>> RunAsync(JalinDb db, FileStore files, string path,
        IProgress<BackupProgress>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        if (!File.Exists(path)) return new RestoreRefused($"Berkas cadangan tidak ditemukan: {path}");
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        ZipArchive zip;
        try { zip = new ZipArchive(input, ZipArchiveMode.Read); }
        catch (InvalidDataException) { return new RestoreRefused($"{Path.GetFileName(path)} bukan arsip cadangan Jalin (bukan berkas zip yang utuh)."); }
        using var _ = zip;

        var read = await ReadManifestAsync(zip, ct);
        if (!read.Ok) return read.Error!;
        var manifest = read.Value!;
        if (manifest.Region is { } region)
            return new RestoreRefused($"{Path.GetFileName(path)} adalah ekspor data {manifest.RegionName ?? region}, bukan cadangan seluruh instans. " +
                "Masukkan ke instans lain dengan `jalin import`.");
        if (await VerifyEntriesAsync(zip, manifest, progress, ct) is { } damaged) return damaged;

        await DatabaseSetup.MigrateAsync(db, ct);
        var schema = BackupSchema.For(db);
        if (await CheckMigrationAsync(db, manifest, ct) is { } migrationError) return migrationError;
        if (CheckColumns(schema, manifest) is { } columnError) return columnError;

        await db.Database.OpenConnectionAsync(ct);
        var written = new List<string>();
        try
        {
            var conn = db.Database.GetDbConnection();
            if (await FirstNonEmptyAsync(conn, null, schema, ct) is { } occupied) return NotEmpty(occupied);

            var done = 0;
            foreach (var f in manifest.Files)
            {
                await using (var s = zip.GetEntry(BackupManifest.FileEntry(f.Sha256))!.Open())
                    if (await files.SaveVerifiedAsync(s, f.Sha256, ct)) written.Add(f.Sha256);
                progress?.Report(new BackupProgress("Menulis berkas", "berkas", ++done, manifest.Files.Count));
            }

            long rows = 0;
            await using (var tx = conn is SqliteConnection lite ? lite.BeginTransaction(deferred: false) : await conn.BeginTransactionAsync(ct))
            {
                if (conn is SqliteConnection) await ExecuteAsync(conn, tx, "PRAGMA defer_foreign_keys = ON", ct);
                if (await FirstNonEmptyAsync(conn, tx, schema, ct) is { } raced) return NotEmpty(raced);
                foreach (var table in schema.Tables.Reverse().Where(t => BackupSchema.ReplaceableTables.Contains(t.Name) || t.Name == BackupSchema.AuditTable))
                    await ExecuteAsync(conn, tx, $"DELETE FROM {BackupTable.Quote(table.Name)}", ct);
                var rebuild = conn is NpgsqlConnection ? await DropSecondaryIndexesAsync(conn, tx, schema, ct) : [];
                var expected = manifest.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
                foreach (var table in schema.Tables)
                {
                    var entry = zip.GetEntry(BackupManifest.TableEntry(table.Name))!;
                    var total = expected[table.Name].Rows;
                    var n = conn is NpgsqlConnection pg
                        ? await CopyAsync(pg, table, entry, total, progress, ct)
                        : await InsertAsync(conn, tx, table, entry, total, progress, ct);
                    if (n != total) throw new InvalidDataException($"Tabel {table.Name}: {n} baris terbaca, manifest mencatat {total}.");
                    rows += n;
                }
                for (var i = 0; i < rebuild.Count; i++)
                {
                    progress?.Report(new BackupProgress("Membangun indeks", rebuild[i].Table, i, rebuild.Count));
                    await ExecuteAsync(conn, tx, rebuild[i].Definition, ct);
                }
                if (conn is NpgsqlConnection) await ResetSequencesAsync(conn, tx, schema, ct);
                await tx.CommitAsync(ct);
            }
            written.Clear();
            return new RestoreSummary(rows, schema.Tables.Count, manifest.Files.Count, done, manifest.SourceProvider, manifest.CreatedAt, watch.Elapsed);
        }
        finally
        {
            // Files this restore added are referenced by nothing once its transaction is gone.
            foreach (var sha in written) files.DiscardNew(sha);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static RestoreRefused NotEmpty(string table) => new(
        $"Basis data tujuan tidak kosong: tabel {table} sudah berisi data. Pemulihan hanya ke instans kosong (boleh berisi data rujukan dari `jalin seed`); " +
        "siapkan basis data dan folder berkas baru, lalu ulangi.");

    internal static async Task<Result<BackupManifest>> ReadManifestAsync(ZipArchive zip, CancellationToken ct)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName);
        if (entry is null) return new RestoreRefused("Arsip tidak memuat manifest.json: bukan cadangan Jalin atau terpotong.");
        try
        {
            await using var s = entry.Open();
            var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(s, BackupManifest.Json, ct);
            if (manifest?.Tables is null || manifest.Files is null) return new RestoreRefused("manifest.json tidak lengkap.");
            if (manifest.FormatVersion > BackupManifest.CurrentFormat)
                return new RestoreRefused($"Arsip memakai format cadangan {manifest.FormatVersion} dari Jalin yang lebih baru ({manifest.AppVersion}); perbarui Jalin dulu.");
            return manifest;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return new RestoreRefused($"manifest.json rusak: {e.Message}");
        }
    }

    internal static async Task<RestoreRefused?> VerifyEntriesAsync(ZipArchive zip, BackupManifest manifest, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal) { BackupManifest.EntryName };
        var total = manifest.Tables.Count + manifest.Files.Count;
        var done = 0;
        foreach (var t in manifest.Tables)
        {
            var name = BackupManifest.TableEntry(t.Name);
            known.Add(name);
            var (sha, _, error) = await HashEntryAsync(zip, name, ct);
            if (error is not null) return new RestoreRefused(error);
            if (sha != t.Sha256) return new RestoreRefused($"Isi {name} tidak cocok dengan sidik SHA-256 di manifest: arsip rusak atau telah diubah. Tidak ada yang dipulihkan.");
            progress?.Report(new BackupProgress("Memeriksa arsip", t.Name, ++done, total));
        }
        foreach (var t in manifest.Shared ?? [])
        {
            var name = BackupManifest.SharedEntry(t.Name);
            known.Add(name);
            var (sha, _, error) = await HashEntryAsync(zip, name, ct);
            if (error is not null) return new RestoreRefused(error);
            if (sha != t.Sha256) return new RestoreRefused($"Isi {name} tidak cocok dengan sidik SHA-256 di manifest: arsip rusak atau telah diubah. Tidak ada yang dipulihkan.");
        }
        foreach (var f in manifest.Files)
        {
            var name = BackupManifest.FileEntry(f.Sha256);
            known.Add(name);
            var (sha, size, error) = await HashEntryAsync(zip, name, ct);
            if (error is not null) return new RestoreRefused(error);
            if (sha != f.Sha256 || size != f.Size)
                return new RestoreRefused($"Berkas {name} tidak cocok dengan sidik SHA-256 atau ukurannya: arsip rusak atau telah diubah. Tidak ada yang dipulihkan.");
            progress?.Report(new BackupProgress("Memeriksa arsip", "berkas", ++done, total));
        }
        var extra = zip.Entries.FirstOrDefault(e => !known.Contains(e.FullName));
        return extra is null ? null : new RestoreRefused($"Arsip memuat {extra.FullName} yang tidak tercatat di manifest: arsip telah diubah. Tidak ada yang dipulihkan.");
    }

    private static async Task<(string? Sha, long Size, string? Error)> HashEntryAsync(ZipArchive zip, string name, CancellationToken ct)
    {
        var entry = zip.GetEntry(name);
        if (entry is null) return (null, 0, $"Arsip tidak memuat {name} yang tercatat di manifest: arsip tidak lengkap. Tidak ada yang dipulihkan.");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var s = entry.Open();
            var buffer = new byte[1 << 16];
            long size = 0;
            int n;
            while ((n = await s.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                size += n;
            }
            return (Convert.ToHexStringLower(hash.GetHashAndReset()), size, null);
        }
        catch (InvalidDataException e)
        {
            return (null, 0, $"{name} dalam arsip rusak ({e.Message}). Tidak ada yang dipulihkan.");
        }
    }

    internal static async Task<RestoreRefused?> CheckMigrationAsync(JalinDb db, BackupManifest manifest, CancellationToken ct)
    {
        var target = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
        var archiveName = BackupManifest.MigrationName(manifest.LatestMigration);
        var targetName = BackupManifest.MigrationName(target);
        if (archiveName == targetName) return null;
        var known = db.Database.GetMigrations().Select(BackupManifest.MigrationName).ToList();
        return known.Contains(archiveName)
            ? new RestoreRefused($"Skema basis data tujuan lebih baru daripada arsip: arsip pada migrasi {manifest.LatestMigration} (Jalin {manifest.AppVersion}), " +
                $"tujuan pada {target}. Pulihkan dengan versi Jalin yang membuat cadangan, lalu jalankan `jalin migrate`.")
            : new RestoreRefused($"Arsip lebih baru daripada Jalin ini: arsip pada migrasi {manifest.LatestMigration} (Jalin {manifest.AppVersion}), " +
                $"Jalin ini hanya sampai {target}. Perbarui Jalin dulu, lalu ulangi pemulihan.");
    }

    internal static RestoreRefused? CheckColumns(BackupSchema schema, BackupManifest manifest)
    {
        var archive = manifest.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var table in schema.Tables)
        {
            if (!archive.TryGetValue(table.Name, out var a))
                return new RestoreRefused($"Arsip tidak memuat tabel {table.Name}: arsip tidak lengkap atau dari versi Jalin lain.");
            var mine = string.Join(", ", table.Columns.Select(c => $"{c.Name}:{c.PortableTypeName}"));
            var theirs = string.Join(", ", a.Columns.Select(c => $"{c.Name}:{c.Type}"));
            if (mine != theirs) return new RestoreRefused($"Kolom tabel {table.Name} di arsip berbeda dengan basis data tujuan (arsip: {theirs}; tujuan: {mine}).");
        }
        var unknown = manifest.Tables.FirstOrDefault(t => schema.Tables.All(s => s.Name != t.Name));
        return unknown is null ? null : new RestoreRefused($"Arsip memuat tabel {unknown.Name} yang tidak dikenal Jalin ini.");
    }

    private static async Task<string?> FirstNonEmptyAsync(DbConnection conn, DbTransaction? tx, BackupSchema schema, CancellationToken ct)
    {
        foreach (var table in schema.Tables.Where(t => !BackupSchema.ReplaceableTables.Contains(t.Name)))
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            // Seeding reference data writes audit rows about it; any other audit row is data.
            cmd.CommandText = table.Name == BackupSchema.AuditTable
                ? $"SELECT 1 FROM {BackupTable.Quote(table.Name)} WHERE \"EntityType\" NOT IN ({string.Join(", ", schema.ReferenceEntities.Select(e => $"'{e}'"))}) LIMIT 1"
                : $"SELECT 1 FROM {BackupTable.Quote(table.Name)} LIMIT 1";
            if (await cmd.ExecuteScalarAsync(ct) is not null) return table.Name;
        }
        return null;
    }

    private static async Task<long> InsertAsync(DbConnection conn, DbTransaction tx, BackupTable table, ZipArchiveEntry entry, long total,
        IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {BackupTable.Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => BackupTable.Quote(c.Name)))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
        var parameters = table.Columns.Select((c, i) => c.Mapping.CreateParameter(cmd, "@p" + i, null, nullable: true)).ToArray();
        cmd.Parameters.AddRange(parameters);
        cmd.Prepare();
        return await ReadRowsAsync(table, entry, total, progress, values =>
        {
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }, ct);
    }

    private static async Task<long> CopyAsync(NpgsqlConnection conn, BackupTable table, ZipArchiveEntry entry, long total,
        IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        var columns = string.Join(", ", table.Columns.Select(c => BackupTable.Quote(c.Name)));
        await using var writer = await conn.BeginBinaryImportAsync($"COPY {BackupTable.Quote(table.Name)} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        var n = await ReadRowsAsync(table, entry, total, progress, values =>
        {
            writer.StartRow();
            for (var i = 0; i < values.Length; i++) BulkInsert.WritePg(writer, values[i], table.Columns[i].IsJson);
        }, ct);
        await writer.CompleteAsync(ct);
        return n;
    }

    /// <summary>Reads <c>tables/T.jsonl</c> line by line (never the whole table) and hands each
    /// row, as the values this provider stores in column order, to <paramref name="write"/>.</summary>
    internal static async Task<long> ReadRowsAsync(BackupTable table, ZipArchiveEntry entry, long total, IProgress<BackupProgress>? progress,
        Action<object?[]> write, CancellationToken ct)
    {
        await using var s = entry.Open();
        using var reader = new StreamReader(s, System.Text.Encoding.UTF8, false, 1 << 16);
        var values = new object?[table.Columns.Count];
        long n = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0) continue;
            using (var doc = JsonDocument.Parse(line))
            {
                var row = doc.RootElement;
                for (var i = 0; i < values.Length; i++)
                {
                    var c = table.Columns[i];
                    values[i] = row.TryGetProperty(c.Name, out var e) ? c.ToStored(BackupValues.Parse(e, c.PortableType)) : null;
                }
            }
            write(values);
            n++;
            if ((n & 0x3FFF) == 0) progress?.Report(new BackupProgress("Memulihkan", table.Name, n, total));
        }
        progress?.Report(new BackupProgress("Memulihkan", table.Name, n, total));
        return n;
    }

    /// <summary>PostgreSQL: drops the indexes of the restored tables that back no constraint (everything but primary keys and
    /// unique constraints) and returns their definitions, to be created again after the COPY, in the same transaction.
    /// Building an index once over the loaded rows is several times faster than maintaining it row by row (a national
    /// register has a dozen on its agreements alone); a unique index the rows violate fails the restore as before, and a
    /// failure rolls the drops back with everything else.</summary>
    private static async Task<List<(string Table, string Definition)>> DropSecondaryIndexesAsync(DbConnection conn, DbTransaction tx, BackupSchema schema,
        CancellationToken ct)
    {
        var list = new List<(string Table, string Index, string Definition)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                SELECT t.relname, c.relname, pg_get_indexdef(i.indexrelid)
                FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_class t ON t.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND t.relname = ANY(@tables)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                ORDER BY t.relname, c.relname
                """;
            cmd.Parameters.Add(new NpgsqlParameter("tables", schema.Tables.Select(t => t.Name).ToArray()));
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) list.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (_, index, _) in list) await ExecuteAsync(conn, tx, $"DROP INDEX {BackupTable.Quote(index)}", ct);
        // More memory for the index builds of this transaction only (the server default is 64 MB).
        if (list.Count > 0) await ExecuteAsync(conn, tx, "SET LOCAL maintenance_work_mem = '256MB'", ct);
        return [.. list.Select(x => (x.Table, x.Definition))];
    }

    private static async Task ResetSequencesAsync(DbConnection conn, DbTransaction tx, BackupSchema schema, CancellationToken ct)
    {
        foreach (var table in schema.Tables)
        {
            if (table.Key.Count != 1) continue;
            var key = table.Columns.First(c => c.Name == table.Key[0]);
            if (key.PortableType != typeof(int) && key.PortableType != typeof(long)) continue;
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT pg_get_serial_sequence(@t, @c)";
            cmd.Parameters.Add(new NpgsqlParameter("t", BackupTable.Quote(table.Name)));
            cmd.Parameters.Add(new NpgsqlParameter("c", key.Name));
            if (await cmd.ExecuteScalarAsync(ct) is not string sequence) continue;
            await ExecuteAsync(conn, tx,
                $"SELECT setval('{sequence.Replace("'", "''", StringComparison.Ordinal)}', (SELECT COALESCE(MAX({BackupTable.Quote(key.Name)}), 0) + 1 FROM {BackupTable.Quote(table.Name)}), false)", ct);
        }
    }

    internal static async Task ExecuteAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
