using System.Diagnostics;
using Jalin.Core.Backup;
using Jalin.Core.Data;
using Jalin.Core.Data.Seed;
using Jalin.Core.Files;
using Microsoft.EntityFrameworkCore;
using Npgsql;

/// <summary>`dotnet run -c Release --project bench/Jalin.Bench -- backup [--agreements 1000000] [--reuse]` (PostgreSQL from
/// JALIN_BENCH_PG or JALIN_TEST_PG): the demo data plus N generated agreements (<see cref="Generator"/>, COPY) over the
/// 546 autonomous regions, then `jalin backup` of the whole database and file store (<see cref="CreateBackup"/>) and
/// `jalin restore` of that archive into a fresh database (<see cref="RestoreBackup"/>): times, archive size, rows/s.
/// --reuse keeps the generated database of an earlier run.</summary>
static class BackupBench
{
    private const string SourceDb = "jalin_bench_backup";
    private const string TargetDb = "jalin_bench_backup_restore";

    public static async Task<int> RunAsync(string server, int agreements, bool reuse)
    {
        var work = Path.Combine(Path.GetTempPath(), "jalin-bench-backup");
        var sourceFiles = new FileStore(new FileStoreOptions { Root = Path.Combine(work, "files") });
        var source = new NpgsqlConnectionStringBuilder(server) { Database = SourceDb, CommandTimeout = 0 }.ConnectionString;
        var target = new NpgsqlConnectionStringBuilder(server) { Database = TargetDb, CommandTimeout = 0 }.ConnectionString;
        var sw = Stopwatch.StartNew();
        if (!reuse || !await ExistsAsync(server, SourceDb))
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            await RecreateAsync(server, SourceDb);
            await using (var db = NewDb(source))
            {
                await DatabaseSetup.MigrateAsync(db);
                await ReferenceData.SeedAsync(db);
            }
            await DemoData.SeedAsync(() => NewDb(source), sourceFiles, "Jalin#Demo2026", DateOnly.FromDateTime(DateTime.UtcNow));
            var generated = await Generator.RunAsync(source, 546, agreements);
            await using (var conn = new NpgsqlConnection(source))
            {
                await conn.OpenAsync();
                await new NpgsqlCommand("ANALYZE", conn) { CommandTimeout = 0 }.ExecuteNonQueryAsync();
            }
            Console.WriteLine($"- data: demo data + {generated.Agreements:N0} agreements and {generated.Parties:N0} parties over 546 regions (COPY); {sw.Elapsed.TotalSeconds:F0} s");
        }
        else Console.WriteLine("- data: reused the database of an earlier run");

        var archive = Path.Combine(work, "bench" + BackupManifest.Extension);
        GC.Collect();
        sw.Restart();
        BackupSummary backup;
        await using (var db = NewDb(source))
        {
            var result = await CreateBackup.RunAsync(db, sourceFiles, archive, TimeProvider.System);
            if (!result.Ok) throw new InvalidOperationException(result.Error!.Message);
            backup = result.Value!;
        }
        var backupPeak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"- backup: {backup.Rows:N0} rows in {backup.Tables} tables, {backup.Files:N0} files ({backup.FileBytes / 1048576.0:F1} MB) → " +
                          $"archive {backup.ArchiveBytes / 1048576.0:F1} MB in {backup.Elapsed.TotalSeconds:F1} s ({backup.Rows / backup.Elapsed.TotalSeconds:N0} rows/s)");

        await RecreateAsync(server, TargetDb);
        var targetFiles = new FileStore(new FileStoreOptions { Root = Path.Combine(work, "files-restored") });
        RestoreSummary restore;
        await using (var db = NewDb(target))
        {
            var result = await RestoreBackup.RunAsync(db, targetFiles, archive);
            if (!result.Ok) throw new InvalidOperationException(result.Error!.Message);
            restore = result.Value!;
        }
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"- restore into a fresh database (migrations, archive check, binary COPY in one transaction, sequences): {restore.Rows:N0} rows, " +
                          $"{restore.Files:N0} files in {restore.Elapsed.TotalSeconds:F1} s ({restore.Rows / restore.Elapsed.TotalSeconds:N0} rows/s)");
        Console.WriteLine($"- peak working set: {backupPeak / 1048576.0:F0} MB after backup, {self.PeakWorkingSet64 / 1048576.0:F0} MB after restore");
        return 0;
    }

    private static JalinDb NewDb(string cs)
    {
        var b = new DbContextOptionsBuilder<JalinDb>();
        new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs, AuditKeys = Jalin.Core.Audit.AuditKeyRing.Development }.Configure(b, TimeProvider.System);
        return new JalinDb(b.Options);
    }

    private static async Task RecreateAsync(string server, string name)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
    }

    private static async Task<bool> ExistsAsync(string server, string name)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin);
        cmd.Parameters.AddWithValue("n", name);
        return await cmd.ExecuteScalarAsync() is not null;
    }
}
