using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jalin.Core.Audit;
using Jalin.Core.Backup;
using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Backup;

[Collection(BackupCollection.Name)]
public sealed class BackupRestoreTests(BackupSources sources)
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    public static TheoryData<DatabaseProvider, DatabaseProvider> Crossings => new()
    {
        { DatabaseProvider.Sqlite, DatabaseProvider.Postgres },
        { DatabaseProvider.Postgres, DatabaseProvider.Sqlite },
    };

    private static async Task<Jalin.Core.Common.Result<RestoreSummary>> RestoreAsync(BackupInstance target, string archive, IProgress<BackupProgress>? progress = null, CancellationToken ct = default)
    {
        await using var db = target.NewDb();
        return await RestoreBackup.RunAsync(db, target.Files, archive, progress, ct);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Restore_IntoFreshSeededInstance_GivesIdenticalRowsFilesAndAuditChain(DatabaseProvider provider)
    {
        var source = sources.Source(provider);
        using var target = BackupInstance.Create(provider);
        await target.SeedReferenceAsync(); // `jalin seed` already ran on the target: restore replaces those tables
        var indexes = await target.IndexesAsync();

        var result = await RestoreAsync(target, sources.Archive(provider));

        Assert.True(result.Ok, result.Error?.Message);
        // PostgreSQL's secondary indexes are dropped for the COPY and built again: every one is back, as defined.
        Assert.True(indexes.Count > 50, $"{indexes.Count} indexes");
        Assert.Equal(indexes, await target.IndexesAsync());
        var expected = await source.RawDumpAsync();
        var actual = await target.RawDumpAsync();
        Assert.True(expected["Agreements"].Count > 10, "the demo data has agreements");
        Assert.True(expected["AuditEntries"].Count > 100, "the demo data has an audit trail");
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (table, rows) in expected)
            Assert.True(rows.SequenceEqual(actual[table]), $"{table}: {rows.Count} rows in the source, {actual[table].Count} restored, first difference: " +
                rows.Zip(actual[table]).FirstOrDefault(p => p.First != p.Second));
        await AssertSameFilesAsync(source, target);
        await AssertAuditIntactAsync(target, expected["AuditEntries"].Count);
        await AssertUsableAsync(source, target);
    }

    [Theory]
    [MemberData(nameof(Crossings))]
    public async Task Restore_AcrossProviders_GivesTheSameDataFilesAndAuditChain(DatabaseProvider from, DatabaseProvider to)
    {
        var source = sources.Source(from);
        using var target = BackupInstance.Create(to);

        var result = await RestoreAsync(target, sources.Archive(from));

        Assert.True(result.Ok, result.Error?.Message);
        Assert.Equal(from.ToString(), result.Value!.SourceProvider);
        var expected = await source.DumpAsync();
        var actual = await target.DumpAsync();
        foreach (var (table, rows) in expected)
            Assert.True(rows.SequenceEqual(actual[table]), $"{table}: {rows.Count} rows in the source, {actual[table].Count} restored, first difference: " +
                rows.Zip(actual[table]).FirstOrDefault(p => p.First != p.Second));
        await AssertSameFilesAsync(source, target);
        await AssertAuditIntactAsync(target, expected["AuditEntries"].Count);
        await AssertUsableAsync(source, target);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Restore_IntoInstanceWithData_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        var target = sources.Source(provider == DatabaseProvider.Sqlite ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite);
        // The other provider's seeded source is a non-empty instance of this provider's archive's target kind.
        var before = await target.RawDumpAsync();

        var result = await RestoreAsync(target, sources.Archive(provider));

        Assert.False(result.Ok);
        var refused = Assert.IsType<RestoreRefused>(result.Error);
        Assert.Contains("tidak kosong", refused.Message);
        var after = await target.RawDumpAsync();
        foreach (var (table, rows) in before) Assert.True(rows.SequenceEqual(after[table]), table);
    }

    public static TheoryData<string, string> Tamperings => new()
    {
        { "row", "tidak cocok dengan sidik SHA-256 di manifest" },
        { "missing-file", "tidak memuat files/" },
        { "manifest-hash", "tidak cocok dengan sidik SHA-256 di manifest" },
        { "not-zip", "bukan arsip cadangan Jalin" },
        { "no-manifest", "tidak memuat manifest.json" },
        { "newer-migration", "Arsip lebih baru daripada Jalin ini" },
        { "older-migration", "Skema basis data tujuan lebih baru daripada arsip" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Restore_OfDamagedOrAlteredArchive_IsRefusedAndLeavesTargetEmpty(string tampering, string message)
    {
        using var target = BackupInstance.Create(DatabaseProvider.Sqlite);
        var archive = Path.Combine(target.Dir, "ubah" + BackupManifest.Extension);
        File.Copy(sources.SqliteArchive, archive);
        Tamper(archive, tampering);

        var result = await RestoreAsync(target, archive);

        Assert.False(result.Ok, tampering);
        Assert.Contains(message, Assert.IsType<RestoreRefused>(result.Error).Message);
        if (File.Exists(Path.Combine(target.Dir, "jalin.db"))) Assert.Equal(0, await target.NonReferenceRowsAsync());
        Assert.Empty(target.StoredFiles());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Restore_FailingMidway_LeavesTargetEmptyAndNoFiles(DatabaseProvider provider)
    {
        using var target = BackupInstance.Create(provider);
        await target.SeedReferenceAsync();
        var before = await target.RawDumpAsync();
        var indexes = await target.IndexesAsync();
        var tablesDone = new List<string>();
        var failing = new ReportNow<BackupProgress>(p =>
        {
            if (p.Phase != "Memulihkan") return;
            if (!tablesDone.Contains(p.Item)) tablesDone.Add(p.Item);
            if (p.Item == "Agreements" && p.Done > 0) throw new IOException("disk penuh (disimulasikan)");
        });

        var error = await Assert.ThrowsAsync<IOException>(() => RestoreAsync(target, sources.Archive(provider), failing));

        Assert.Contains("disk penuh", error.Message);
        Assert.True(tablesDone.Count > 3, "tables before Agreements were already inserted when the failure hit");
        var after = await target.RawDumpAsync(); // the seeded reference rows and their audit rows are back, nothing else
        Assert.True(before["Regions"].Count > 500);
        foreach (var (table, rows) in before) Assert.True(rows.SequenceEqual(after[table]), table);
        Assert.Equal(indexes, await target.IndexesAsync()); // the dropped indexes came back with the rollback
        Assert.Empty(target.StoredFiles());
    }

    [Fact]
    public async Task Restore_Cancelled_LeavesTargetEmpty()
    {
        using var target = BackupInstance.Create(DatabaseProvider.Postgres);
        using var cts = new CancellationTokenSource();
        var progress = new ReportNow<BackupProgress>(p => { if (p.Phase == "Memulihkan" && p.Item == "AuditEntries") cts.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RestoreAsync(target, sources.PostgresArchive, progress, cts.Token));

        Assert.Equal(0, await target.NonReferenceRowsAsync());
        Assert.Empty(target.StoredFiles());
    }

    [Fact]
    public void Archive_HoldsManifestTablesAndReferencedFiles()
    {
        using var zip = ZipFile.OpenRead(sources.SqliteArchive);
        var manifest = JsonSerializer.Deserialize<BackupManifest>(zip.GetEntry(BackupManifest.EntryName)!.Open(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal("Sqlite", manifest.SourceProvider);
        var latest = System.Reflection.Assembly.Load("Jalin.Migrations.Sqlite").GetTypes()
            .Select(t => System.Reflection.CustomAttributeExtensions.GetCustomAttribute<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>(t)?.Id)
            .OfType<string>().Max(StringComparer.Ordinal);
        Assert.Equal(latest, manifest.LatestMigration);
        Assert.Contains(manifest.Tables, t => t.Name == "Agreements" && t.Rows > 10);
        Assert.DoesNotContain(manifest.Tables, t => t.Name.StartsWith("SearchEntriesFts", StringComparison.Ordinal));
        Assert.NotEmpty(manifest.Files);
        Assert.All(manifest.Files, f => Assert.NotNull(zip.GetEntry(BackupManifest.FileEntry(f.Sha256))));
        Assert.Equal(sources.SqliteSummary.Files, manifest.Files.Count);
        // Instants keep their offset and 100 ns; Rupiah stay decimal (not SQLite's sen).
        using var reader = new StreamReader(zip.GetEntry(BackupManifest.TableEntry("Agreements"))!.Open());
        var first = JsonNode.Parse(reader.ReadLine()!)!.AsObject();
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}[+-]\d\d:\d\d$", (string)first["CreatedAt"]!);
        Assert.Matches(@"^[0-9a-f]{8}-[0-9a-f]{4}-", (string)first["Id"]!);
    }

    private static void Tamper(string archive, string how)
    {
        if (how == "not-zip")
        {
            File.WriteAllText(archive, "ini bukan zip");
            return;
        }
        using var zip = ZipFile.Open(archive, ZipArchiveMode.Update);
        var manifestEntry = zip.GetEntry(BackupManifest.EntryName)!;
        JsonObject manifest;
        using (var s = manifestEntry.Open()) manifest = JsonNode.Parse(s)!.AsObject();
        switch (how)
        {
            case "row":
            {
                var entry = zip.GetEntry(BackupManifest.TableEntry("Agreements"))!;
                string text;
                using (var r = new StreamReader(entry.Open())) text = r.ReadToEnd();
                var lines = text.Split('\n');
                var row = JsonNode.Parse(lines[0])!.AsObject();
                row["Title"] = "Judul yang diubah diam-diam";
                lines[0] = row.ToJsonString();
                entry.Delete();
                using var w = new StreamWriter(zip.CreateEntry(BackupManifest.TableEntry("Agreements")).Open());
                w.Write(string.Join('\n', lines));
                return;
            }
            case "missing-file":
                zip.GetEntry(BackupManifest.FileEntry((string)manifest["files"]![0]!["sha256"]!))!.Delete();
                return;
            case "no-manifest":
                manifestEntry.Delete();
                return;
            case "manifest-hash":
                manifest["tables"]![0]!["sha256"] = new string('0', 64);
                break;
            case "newer-migration":
                manifest["latestMigration"] = "29990101000000_DariMasaDepan";
                break;
            case "older-migration":
                manifest["latestMigration"] = "20261124231837_InitialCreate";
                break;
        }
        manifestEntry.Delete();
        using var mw = zip.CreateEntry(BackupManifest.EntryName).Open();
        using var writer = new Utf8JsonWriter(mw);
        manifest.WriteTo(writer);
    }

    /// <summary>Every file the source's rows mention comes back byte for byte; a file left behind is one no row mentions.</summary>
    private static async Task AssertSameFilesAsync(BackupInstance source, BackupInstance target)
    {
        var expected = source.StoredFiles();
        var actual = target.StoredFiles();
        Assert.True(actual.Count > 5, "the demo data has files");
        foreach (var (sha, bytes) in actual)
        {
            Assert.True(expected.ContainsKey(sha), $"restored file {sha} is not in the source store");
            Assert.True(bytes.AsSpan().SequenceEqual(expected[sha]), $"file {sha} differs");
        }
        var dump = await source.RawDumpAsync();
        foreach (var sha in expected.Keys.Except(actual.Keys))
            foreach (var (table, rows) in dump)
                foreach (var row in rows.Where(r => r.Contains(sha, StringComparison.OrdinalIgnoreCase)))
                    Assert.Fail($"file {sha} is mentioned by a row of {table} but was not restored: {row[..Math.Min(row.Length, 1500)]}");
    }

    private static async Task AssertAuditIntactAsync(BackupInstance target, int rows)
    {
        await using var db = target.NewDb();
        var reports = await VerifyAudit.RunAsync(db);
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.True(r.Intact, $"{r.RegionCode}: {r.Problem}"));
        Assert.Equal(rows, reports.Sum(r => r.Rows));
    }

    /// <summary>The restored instance works through EF (keys, types, generated ids): the same
    /// agreements load, and a new row gets a fresh generated id (sequences moved past the restored ids).</summary>
    private static async Task AssertUsableAsync(BackupInstance source, BackupInstance target)
    {
        List<(Guid, string)> Titles(JalinDb db) => db.Agreements.AsNoTracking().OrderBy(a => a.Title).Select(a => new ValueTuple<Guid, string>(a.Id, a.Title)).ToList();
        await using (var s = source.NewDb())
        await using (var t = target.NewDb())
        {
            Assert.Equal(Titles(s), Titles(t));
            var first = Titles(s)[0].Item1;
            Assert.NotNull(await t.Agreements.FindAsync(first));
        }
        // The search index comes back with its rows: SQLite's FTS5 table is filled by its trigger during the restore.
        await using (var t = target.NewDb())
        {
            var sql = target.Provider == DatabaseProvider.Sqlite
                ? "SELECT COUNT(*) AS \"Value\" FROM \"SearchEntriesFts\" WHERE \"SearchEntriesFts\" MATCH 'sampah'"
                : "SELECT COUNT(*) AS \"Value\" FROM \"SearchEntries\" WHERE to_tsvector('simple', \"Tokens\") @@ plainto_tsquery('simple', 'sampah')";
            Assert.True(await t.Database.SqlQueryRaw<int>(sql).SingleAsync() > 0, "full-text search finds 'sampah' after the restore");
        }
        await using (var db = target.NewDb())
        {
            db.Holidays.Add(new Jalin.Core.Lifecycle.Holiday { Date = new DateOnly(2030, 1, 2), Name = "Uji setelah pemulihan", Type = Jalin.Core.Lifecycle.HolidayType.Libur });
            await db.SaveChangesAsync();
        }
        await AssertAuditIntactAsync(target, (await target.RawDumpAsync())["AuditEntries"].Count);
    }
}

/// <summary>Reports on the caller's thread, so a throw inside it fails the restore at that point.</summary>
internal sealed class ReportNow<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
