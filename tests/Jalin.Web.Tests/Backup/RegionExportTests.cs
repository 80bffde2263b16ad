using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jalin.Core.Audit;
using Jalin.Core.Backup;
using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Backup;

/// <summary>Issue #13 item 3: a region's full export (JSON lines and files) that another Jalin instance, holding other
/// regions already, takes in; on both databases and across them. The demo data's Kota Cimahi goes into an instance that
/// holds Kabupaten Garut (itself imported the same way), and comes out with the same rows, files, audit chain and search.</summary>
[Collection(BackupCollection.Name)]
public sealed class RegionExportTests(BackupSources sources)
{
    private const string Cimahi = "32.77";
    private const string Garut = "32.05";

    public static TheoryData<DatabaseProvider, DatabaseProvider> Pairs => new()
    {
        { DatabaseProvider.Sqlite, DatabaseProvider.Postgres },
        { DatabaseProvider.Postgres, DatabaseProvider.Sqlite },
    };

    private static async Task<(string Path, RegionExportSummary Summary)> ExportAsync(BackupInstance source, string region, string dir)
    {
        var path = Path.Combine(dir, $"daerah-{region}-{Guid.NewGuid():N}{BackupManifest.RegionExtension}");
        await using var db = source.NewDb();
        var result = await ExportRegion.RunAsync(db, source.Files, region, path, TimeProvider.System);
        Assert.True(result.Ok, result.Error?.Message);
        return (path, result.Value!);
    }

    private static async Task<Jalin.Core.Common.Result<RegionImportSummary>> ImportAsync(BackupInstance target, string archive, IProgress<BackupProgress>? progress = null)
    {
        await using var db = target.NewDb();
        return await ImportRegion.RunAsync(db, target.Files, archive, TimeProvider.System, progress);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Region_export_goes_into_an_instance_holding_another_region_with_the_same_rows_files_audit_and_search(DatabaseProvider from, DatabaseProvider to)
    {
        var source = sources.Source(from);
        using var target = BackupInstance.Create(to);
        await target.SeedReferenceAsync();
        var (garut, _) = await ExportAsync(source, Garut, target.Dir);
        var first = await ImportAsync(target, garut);
        Assert.True(first.Ok, first.Error?.Message);
        var garutRows = await RegionRowsAsync(target, Garut);

        var (cimahi, exported) = await ExportAsync(source, Cimahi, target.Dir);
        var result = await ImportAsync(target, cimahi);

        Assert.True(result.Ok, result.Error?.Message);
        Assert.Equal(("32.77", "Kota Cimahi"), (result.Value!.Region, result.Value.RegionName));
        Assert.Equal(exported.Rows, result.Value.Rows);
        var expected = await RegionRowsAsync(source, Cimahi);
        var actual = await RegionRowsAsync(target, Cimahi);
        // The import's own audit row closes the region's chain: which archive, from where, what it added.
        var imported = Assert.Single(actual["AuditEntries"], r => r.Contains($"EntityType={ImportRegion.ImportedEntity}|", StringComparison.Ordinal));
        Assert.Contains($"\"Baris\":{exported.Rows},", imported);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(cimahi))), imported);
        actual["AuditEntries"].Remove(imported);
        Assert.True(expected["Agreements"].Count > 5, "Cimahi has agreements in the demo data");
        Assert.True(expected["AuditEntries"].Count > 50, "Cimahi has an audit trail");
        Assert.True(expected["StageChanges"].Count > 5, "Cimahi has generated-key history rows");
        Assert.True(expected["AspNetUsers"].Count > 3, "Cimahi has users");
        foreach (var (table, rows) in expected)
            Assert.True(rows.SequenceEqual(actual[table]), $"{table}: {rows.Count} rows in the source, {actual[table].Count} imported, first difference: " +
                rows.Zip(actual[table]).FirstOrDefault(p => p.First != p.Second));
        // Garut's rows are as they were.
        var garutAfter = await RegionRowsAsync(target, Garut);
        foreach (var (table, rows) in garutRows) Assert.True(rows.SequenceEqual(garutAfter[table]), $"Garut's {table} changed");

        // Every file a Cimahi row names came along, byte for byte.
        var sourceFiles = source.StoredFiles();
        var targetFiles = target.StoredFiles();
        await using (var db = target.NewDb())
        {
            var shas = await db.AgreementDocuments.AsNoTracking().Where(d => d.FileSha256 != null && db.Agreements.Any(a => a.Id == d.AgreementId && a.RegionCode == Cimahi))
                .Select(d => d.FileSha256!).ToListAsync();
            Assert.NotEmpty(shas);
            foreach (var sha in shas) Assert.Equal(sourceFiles[sha], targetFiles[sha]);

            // The audit chains verify under the same key (history keys renumbered: the chain does not hash them).
            var reports = await VerifyAudit.RunAsync(db);
            Assert.Contains(reports, r => r.RegionCode == Cimahi && r.Rows == expected["AuditEntries"].Count + 1);
            Assert.All(reports, r => Assert.True(r.Intact, $"{r.RegionCode}: {r.Problem}"));

            // Search finds Cimahi's agreements (the index was rebuilt), and a new history row gets a fresh key.
            var agreement = await db.Agreements.AsNoTracking().Where(a => a.RegionCode == Cimahi).OrderBy(a => a.Id).FirstAsync();
            Assert.True(await db.SearchEntries.AnyAsync(e => e.SubjectId == agreement.Id && e.RegionCode == Cimahi));
            var maxHistory = await db.StageChanges.MaxAsync(h => h.Id);
            Assert.Equal(expected["StageChanges"].Count + garutRows["StageChanges"].Count, await db.StageChanges.CountAsync());
            Assert.True(maxHistory >= await db.StageChanges.CountAsync());
        }
        // Every shared row the export wrote was either added or found already here (the import also reads the file-list rows).
        Assert.True(result.Value.SharedAdded + result.Value.SharedPresent >= exported.SharedRows, $"{result.Value.SharedAdded} + {result.Value.SharedPresent} < {exported.SharedRows}");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Import_of_a_region_the_target_already_holds_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        var source = sources.Source(provider);
        var dir = Path.Combine(Path.GetTempPath(), "jalin-tests", "region-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var (archive, _) = await ExportAsync(source, Cimahi, dir);
        var before = await source.RawDumpAsync();

        var result = await ImportAsync(source, archive);

        Assert.False(result.Ok);
        Assert.Contains("sudah menyimpan data Kota Cimahi", Assert.IsType<RestoreRefused>(result.Error).Message);
        var after = await source.RawDumpAsync();
        foreach (var (table, rows) in before) Assert.True(rows.SequenceEqual(after[table]), table);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task A_full_backup_and_a_region_export_are_each_refused_by_the_other_command()
    {
        using var target = BackupInstance.Create(DatabaseProvider.Sqlite);
        await target.SeedReferenceAsync();
        var (archive, _) = await ExportAsync(sources.Sqlite, Cimahi, target.Dir);
        var seeded = await target.NonReferenceRowsAsync();

        var asRegion = await ImportAsync(target, sources.SqliteArchive);
        Assert.Contains("cadangan seluruh instans", Assert.IsType<RestoreRefused>(asRegion.Error).Message);
        await using var db = target.NewDb();
        var asBackup = await RestoreBackup.RunAsync(db, target.Files, archive);
        Assert.Contains("ekspor data Kota Cimahi", Assert.IsType<RestoreRefused>(asBackup.Error).Message);
        Assert.Equal(seeded, await target.NonReferenceRowsAsync());
    }

    [Fact]
    public async Task Unknown_region_code_is_refused_with_an_example()
    {
        await using var db = sources.Sqlite.NewDb();
        var result = await ExportRegion.RunAsync(db, sources.Sqlite.Files, "99.99", Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".zip"), TimeProvider.System);
        Assert.False(result.Ok);
        Assert.Contains("Kode wilayah 99.99 tidak dikenal", result.Error!.Message);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Import_failing_midway_or_with_a_taken_user_name_leaves_the_target_as_it_was(DatabaseProvider provider)
    {
        using var target = BackupInstance.Create(provider);
        await target.SeedReferenceAsync();
        var (archive, _) = await ExportAsync(sources.Source(provider), Cimahi, target.Dir);
        var before = await target.RawDumpAsync();

        var failing = new ReportNow<BackupProgress>(p => { if (p.Item == "Agreements" && p.Done > 0) throw new IOException("disk penuh (disimulasikan)"); });
        await Assert.ThrowsAsync<IOException>(() => ImportAsync(target, archive, failing));
        var after = await target.RawDumpAsync();
        foreach (var (table, rows) in before) Assert.True(rows.SequenceEqual(after[table]), table);
        Assert.Empty(target.StoredFiles());

        // A user name of the archive already taken here (a national account of the same name): refused before writing.
        await using (var db = target.NewDb())
        {
            db.Users.Add(new Jalin.Core.Identity.ApplicationUser { Id = Guid.NewGuid().ToString(), UserName = "kerjasama.cimahi", NormalizedUserName = "KERJASAMA.CIMAHI", FullName = "Akun lain" });
            await db.SaveChangesAsync();
        }
        var taken = await ImportAsync(target, archive);
        Assert.Contains("kerjasama.cimahi sudah dipakai", Assert.IsType<RestoreRefused>(taken.Error).Message);
        Assert.Equal(0, await target.CountAsync("Agreements"));
    }

    [Fact]
    public async Task The_archive_holds_only_the_regions_rows_and_the_rows_they_point_to()
    {
        var dir = Path.Combine(Path.GetTempPath(), "jalin-tests", "region-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var (archive, summary) = await ExportAsync(sources.Sqlite, Cimahi, dir);
        using var zip = ZipFile.OpenRead(archive);
        var manifest = JsonSerializer.Deserialize<BackupManifest>(zip.GetEntry(BackupManifest.EntryName)!.Open(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal((Cimahi, "Kota Cimahi"), (manifest.Region, manifest.RegionName));
        Assert.Equal(summary.Rows, manifest.Tables.Sum(t => t.Rows));
        foreach (var name in new[] { "Agreements", "Agencies", "AuditEntries", "AspNetUsers", "Partners" })
            foreach (var line in Lines(zip, BackupManifest.TableEntry(name)))
                Assert.Equal(Cimahi, (string?)JsonNode.Parse(line)!["RegionCode"]);
        Assert.Empty(Lines(zip, BackupManifest.TableEntry("SearchEntries")));
        Assert.Empty(Lines(zip, BackupManifest.TableEntry("MailOutbox")));
        Assert.Empty(Lines(zip, BackupManifest.TableEntry("Regions")));
        // Every party's agreement is Cimahi's, whatever region the party is.
        var agreements = Lines(zip, BackupManifest.TableEntry("Agreements")).Select(l => (string)JsonNode.Parse(l)!["Id"]!).ToHashSet();
        var parties = Lines(zip, BackupManifest.TableEntry("AgreementParties")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.All(parties, p => Assert.Contains((string)p["AgreementId"]!, agreements));
        Assert.Contains(parties, p => (string?)p["RegionCode"] != Cimahi);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Export_and_import_through_the_cli_with_exit_codes()
    {
        using var target = BackupInstance.Create(DatabaseProvider.Postgres);
        await target.SeedReferenceAsync();
        var archive = Path.Combine(target.Dir, "cimahi" + BackupManifest.RegionExtension);
        var source = BackupCliTests.EnvFor(sources.Sqlite);

        var export = await BackupCliTests.JalinAsync(source, "export", "--region", Cimahi, "--out", archive);
        var again = await BackupCliTests.JalinAsync(source, "export", "--region", Cimahi, "--out", archive);
        var unknown = await BackupCliTests.JalinAsync(source, "export", "--region", "99.99", "--out", archive + ".x");
        var noRegion = await BackupCliTests.JalinAsync(source, "export", "--out", archive);
        Assert.True(export.Code == 0, export.Err);
        Assert.Contains("Data Kota Cimahi (32.77) diekspor", export.Out);
        Assert.Equal((2, 2, 64), (again.Code, unknown.Code, noRegion.Code));
        Assert.Contains("sudah ada", again.Err);
        Assert.Contains("Kode wilayah 99.99 tidak dikenal", unknown.Err);

        var env = BackupCliTests.EnvFor(target);
        var unconfirmed = await BackupCliTests.JalinAsync(env, "import", archive);
        Assert.Equal(64, unconfirmed.Code);
        var import = await BackupCliTests.JalinAsync(env, "import", archive, "--yes");
        Assert.True(import.Code == 0, import.Err + import.Out);
        Assert.Contains("Data Kota Cimahi (32.77) dimasukkan", import.Out);
        var verify = await BackupCliTests.JalinAsync(env, "audit", "verify", "--region", Cimahi);
        Assert.True(verify.Code == 0, verify.Out + verify.Err);
        var twice = await BackupCliTests.JalinAsync(env, "import", archive, "--yes");
        Assert.Equal(2, twice.Code);
        Assert.Contains("sudah menyimpan data Kota Cimahi", twice.Err);
        await using var db = target.NewDb();
        await using var sourceDb = sources.Sqlite.NewDb();
        Assert.Equal(await sourceDb.Agreements.CountAsync(a => a.RegionCode == Cimahi), await db.Agreements.CountAsync());
    }

    [Fact]
    public async Task An_export_without_credentials_carries_no_password_hash_or_authenticator_key_and_the_import_says_so()
    {
        using var target = BackupInstance.Create(DatabaseProvider.Sqlite);
        await target.SeedReferenceAsync();
        var path = Path.Combine(target.Dir, "tanpa-sandi" + BackupManifest.RegionExtension);
        await using (var db = sources.Sqlite.NewDb())
            Assert.True((await ExportRegion.RunAsync(db, sources.Sqlite.Files, Cimahi, path, TimeProvider.System, withCredentials: false)).Ok);
        using (var zip = ZipFile.OpenRead(path))
        {
            var users = Lines(zip, BackupManifest.TableEntry("AspNetUsers")).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.NotEmpty(users);
            Assert.All(users, u => Assert.Null((string?)u["PasswordHash"]));
            Assert.All(users, u => Assert.False((bool)u["TwoFactorEnabled"]!));
            Assert.Empty(Lines(zip, BackupManifest.TableEntry("AspNetUserTokens")));
            var manifest = JsonSerializer.Deserialize<BackupManifest>(zip.GetEntry(BackupManifest.EntryName)!.Open(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            Assert.False(manifest.Credentials);
        }
        await using var sourceDb = sources.Sqlite.NewDb();
        Assert.True(await sourceDb.Users.AnyAsync(u => u.RegionCode == Cimahi && u.PasswordHash != null), "the source users have passwords");

        var result = await ImportAsync(target, path);
        Assert.True(result.Ok, result.Error?.Message);
        Assert.True(result.Value!.WithoutPasswords);
        await using var targetDb = target.NewDb();
        Assert.False(await targetDb.Users.AnyAsync(u => u.PasswordHash != null));
    }

    private static List<string> Lines(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>The region's rows of every exported table in portable form, without the keys a database generates (an
    /// import renumbers them) and the pointers to them, sorted: equal on any instance that holds the same region data.</summary>
    private static async Task<Dictionary<string, List<string>>> RegionRowsAsync(BackupInstance instance, string region)
    {
        await using var db = instance.NewDb();
        var schema = BackupSchema.For(db);
        var scope = RegionScope.For(db, schema);
        await db.Database.OpenConnectionAsync();
        var dump = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in schema.Tables.Where(t => scope.Exports(t.Name)))
        {
            var skip = scope.References.Where(r => r.Table == table.Name && scope.GeneratedKeys.ContainsKey(r.PrincipalTable)).Select(r => r.Column)
                .Concat(scope.GeneratedKeys.TryGetValue(table.Name, out var k) ? [k] : []).ToHashSet(StringComparer.Ordinal);
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => BackupTable.Quote(c.Name)))} FROM {BackupTable.Quote(table.Name)} WHERE {scope.Predicates[table.Name]}";
            var p = cmd.CreateParameter(); p.ParameterName = RegionScope.RegionParameter; p.Value = region; cmd.Parameters.Add(p);
            var rows = new List<string>();
            await using (var reader = await cmd.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                {
                    var sb = new StringBuilder();
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        if (skip.Contains(table.Columns[i].Name)) continue;
                        sb.Append(table.Columns[i].Name).Append('=').Append(BackupInstance.Portable(table.Columns[i], reader, i)).Append('|');
                    }
                    rows.Add(sb.ToString());
                }
            rows.Sort(StringComparer.Ordinal);
            dump[table.Name] = rows;
        }
        return dump;
    }
}
