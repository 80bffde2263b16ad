using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jalin.Core.Backup;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jalin.Web.Tests.Backup;

/// <summary>"Ekspor data daerah" from the web, the SAME assertions on SQLite and PostgreSQL: a region's cooperation officer
/// exports their own region in the background, follows it and downloads the archive (the archive `jalin import` takes: its
/// manifest names the region, its agreements are exactly the region's, and it holds no password hash); the system administrator exports any region;
/// everyone else, another region's officer, an unknown code and a download before an export are refused in Indonesian;
/// a second export of a region while one runs is a conflict.</summary>
public abstract class RegionExportApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private const string Cimahi = "32.77";
    private const string Garut = "32.05";
    /// <summary>Kabupaten Bandung: exported by no test of this app.</summary>
    private const string NeverExported = "32.04";

    private RegionExportJobs Jobs => app.Services.GetRequiredService<RegionExportJobs>();

    /// <summary>Polls GET …/export as the page does until the export has finished.</summary>
    private static async Task<JsonNode> FinishedAsync(HttpClient client, string region)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var status = await client.GetAsync($"/api/v1/regions/{region}/export").OkJson();
            if (!status["running"]!.GetValue<bool>()) return status;
            Assert.True(DateTime.UtcNow < deadline, "the export did not finish in 3 minutes: " + status.ToJsonString());
            await Task.Delay(200);
        }
    }

    private static List<JsonObject> JsonLines(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }

    [Fact]
    public async Task Officer_exports_their_own_region_follows_it_and_downloads_the_archive()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        await Jobs.Completion(Cimahi); // an export of Cimahi another test started (the matrix) has finished

        var started = await officer.PostAsync($"/api/v1/regions/{Cimahi}/export", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/v1/regions/{Cimahi}/export", started.Headers.Location?.OriginalString);
        var job = await started.ReadJson();
        Assert.Equal(Cimahi, job["regionCode"]!.GetValue<string>());
        Assert.Equal("Kota Cimahi", job["regionName"]!.GetValue<string>());
        Assert.Equal("Rina Marlina, S.H.", job["requestedBy"]!.GetValue<string>());
        var id = job["id"]!.GetValue<Guid>();

        var done = await FinishedAsync(officer, Cimahi);
        Assert.Equal(id, done["id"]!.GetValue<Guid>());
        Assert.Null(done["error"]);
        Assert.Equal(100, done["percent"]!.GetValue<int>());
        Assert.Equal("Selesai", done["phase"]!.GetValue<string>());
        Assert.True(done["downloadable"]!.GetValue<bool>());
        var result = done["result"]!;
        Assert.True(result["rows"]!.GetValue<long>() > 100, done.ToJsonString());
        Assert.Matches(@"^jalin-daerah-32\.77-\d{8}-\d{4}\.jalin-daerah\.zip$", result["fileName"]!.GetValue<string>());
        Assert.DoesNotContain("path", done.AsObject().Select(p => p.Key.ToLowerInvariant()));

        var file = await officer.GetAsync($"/api/v1/regions/{Cimahi}/export/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/zip", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(result["fileName"]!.GetValue<string>(), file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal(result["archiveBytes"]!.GetValue<long>(), bytes.LongLength);

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using (var manifestStream = zip.GetEntry("manifest.json")!.Open())
        {
            var manifest = JsonNode.Parse(manifestStream)!;
            Assert.Equal(Cimahi, manifest["region"]!.GetValue<string>());
            Assert.Equal("Kota Cimahi", manifest["regionName"]!.GetValue<string>());
            Assert.Equal(result["files"]!.GetValue<int>(), manifest["files"]!.AsArray().Count);
            Assert.False(manifest["credentials"]!.GetValue<bool>()); // a download from the web carries no sign-in secrets
        }
        var users = JsonLines(zip, "tables/AspNetUsers.jsonl");
        Assert.Contains(users, u => u["UserName"]!.GetValue<string>() == "kerjasama.cimahi");
        Assert.All(users, u => Assert.Null(u["PasswordHash"]?.GetValue<string>()));
        Assert.Empty(JsonLines(zip, "tables/AspNetUserTokens.jsonl"));
        var agreements = JsonLines(zip, "tables/Agreements.jsonl");
        Assert.NotEmpty(agreements);
        Assert.All(agreements, a => Assert.Equal(Cimahi, a["RegionCode"]!.GetValue<string>()));
        await using (var db = app.NewDb())
            Assert.Equal(await db.Agreements.CountAsync(a => a.RegionCode == Cimahi), agreements.Count);
        Assert.True(zip.GetEntry("tables/SearchEntries.jsonl") is null || JsonLines(zip, "tables/SearchEntries.jsonl").Count == 0, "the search index is not exported");
    }

    [Fact]
    public async Task Only_the_administrator_and_the_regions_own_officer_may_export_follow_or_download()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var opd = await app.ClientForAsync("opd.cimahi");
        var leader = await app.ClientForAsync("pimpinan.cimahi");
        var admin = await app.ClientForAsync("admin");

        foreach (var path in new[] { $"/api/v1/regions/{Garut}/export", $"/api/v1/regions/{Garut}/export/file" })
        {
            var refused = await officer.GetAsync(path).Expect(HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblem(refused, "officer of Cimahi on Garut");
            Assert.Contains("daerahnya sendiri", (await refused.ReadJson())["detail"]!.GetValue<string>());
        }
        var otherRegion = await officer.PostAsync($"/api/v1/regions/{Garut}/export", null).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(RegionExportJobs.OtherRegion, (await otherRegion.ReadJson())["detail"]!.GetValue<string>());

        foreach (var (client, who) in new[] { (opd, "OPD"), (leader, "pimpinan") })
        {
            var refused = await client.PostAsync($"/api/v1/regions/{Cimahi}/export", null).Expect(HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblem(refused, who);
            Assert.Equal(RegionExportJobs.Forbidden, (await refused.ReadJson())["detail"]!.GetValue<string>());
            await client.GetAsync($"/api/v1/regions/{Cimahi}/export").Expect(HttpStatusCode.Forbidden);
            await client.GetAsync($"/api/v1/regions/{Cimahi}/export/file").Expect(HttpStatusCode.Forbidden);
        }

        // An unknown code, to those who may export at all.
        foreach (var client in new[] { officer, admin })
        {
            var unknown = await client.PostAsync("/api/v1/regions/99.99/export", null).Expect(HttpStatusCode.NotFound);
            await ProblemAssert.IsProblem(unknown, "unknown region");
            Assert.Contains("Kode wilayah 99.99 tidak dikenal", (await unknown.ReadJson())["detail"]!.GetValue<string>());
            await client.GetAsync("/api/v1/regions/99.99/export/file").Expect(HttpStatusCode.NotFound);
        }
        var tooLong = await admin.PostAsync("/api/v1/regions/" + new string('3', 40) + "/export", null).Expect(HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(tooLong, "a code too long");
        var blank = await admin.PostAsync("/api/v1/regions/%20/export", null).Expect(HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblem(blank, "a blank code");

        // Nothing exported yet: no status, no file, said in Indonesian.
        var none = await admin.GetAsync($"/api/v1/regions/{NeverExported}/export").Expect(HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(none, "no export yet");
        var noFile = await admin.GetAsync($"/api/v1/regions/{NeverExported}/export/file").Expect(HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(noFile, "no file yet");
        Assert.Contains("Belum ada ekspor data Kabupaten Bandung", (await noFile.ReadJson())["detail"]!.GetValue<string>());

        // Anonymous callers are not told anything.
        await app.CreateClient().PostAsync($"/api/v1/regions/{Cimahi}/export", null).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_administrator_exports_any_region()
    {
        var admin = await app.ClientForAsync("admin");
        await Jobs.Completion(Garut);
        var started = await admin.PostAsync($"/api/v1/regions/{Garut}/export", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var done = await FinishedAsync(admin, Garut);
        Assert.Null(done["error"]);
        Assert.Equal("Administrator Sistem", done["requestedBy"]!.GetValue<string>());

        var bytes = await admin.GetByteArrayAsync($"/api/v1/regions/{Garut}/export/file");
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var manifestStream = zip.GetEntry("manifest.json")!.Open();
        Assert.Equal(Garut, JsonNode.Parse(manifestStream)!["region"]!.GetValue<string>());
        Assert.All(JsonLines(zip, "tables/Agreements.jsonl"), a => Assert.Equal(Garut, a["RegionCode"]!.GetValue<string>()));

        // Garut's own officer follows and downloads the export the administrator made; Cimahi's does not.
        var garut = await app.ClientForAsync("kerjasama.garut");
        Assert.Equal(done["id"]!.GetValue<Guid>(), (await garut.GetAsync($"/api/v1/regions/{Garut}/export").OkJson())["id"]!.GetValue<Guid>());
        Assert.Equal(bytes, await garut.GetByteArrayAsync($"/api/v1/regions/{Garut}/export/file"));
    }

    /// <summary>The conflict, made deterministic: the export's own database work waits on a gate the test holds, so the
    /// first export is certainly running when the second is asked for (a fresh job service with its own folder; the HTTP
    /// answer of a <see cref="ConflictError"/> is 409 for every endpoint, Problems.From).</summary>
    [Fact]
    public async Task A_second_export_of_a_region_while_one_runs_is_a_conflict_and_another_region_is_not()
    {
        var dir = Path.Combine(Path.GetTempPath(), "jalin-region-export-test", Guid.NewGuid().ToString("N"));
        var gated = new GatedFactory(app.Services.GetRequiredService<IDbContextFactory<JalinDb>>());
        var jobs = new RegionExportJobs(gated, app.Services.GetRequiredService<FileStore>(), new RegionExportOptions { Directory = dir }, app.Clock,
            NullLogger<RegionExportJobs>.Instance);
        var officer = new CurrentActor("u-officer", "kerjasama.cimahi", "Petugas Uji", Role.CooperationOfficer, Cimahi);
        var admin = new CurrentActor("u-admin", "admin", "Admin Uji", Role.SystemAdmin, null);
        try
        {
            gated.Close();
            var first = await jobs.StartAsync(officer, Cimahi);
            Assert.True(first.Ok, first.Error?.Message);
            await gated.Waiting; // the export is inside its run, waiting for its database

            var second = await jobs.StartAsync(admin, Cimahi);
            var conflict = Assert.IsType<ConflictError>(second.Error);
            Assert.StartsWith("Ekspor data Kota Cimahi sedang berjalan (0 %), dimulai oleh Petugas Uji.", conflict.Message);
            Assert.True((await jobs.GetAsync(admin, Cimahi)).Value!.Running);
            var notYet = await jobs.OpenAsync(officer, Cimahi);
            Assert.Contains("belum selesai", Assert.IsType<NotFoundError>(notYet.Error).Message);

            gated.Open();
            var other = await jobs.StartAsync(admin, Garut); // another region runs alongside
            Assert.True(other.Ok, other.Error?.Message);
            await jobs.Completion(Cimahi);
            await jobs.Completion(Garut);
            var done = (await jobs.GetAsync(officer, Cimahi)).Value!;
            Assert.Null(done.Error);
            Assert.Equal(first.Value!.Id, done.Id);
            Assert.True(done.Downloadable);

            // Finished, a new export of the same region starts and replaces the previous archive.
            var again = await jobs.StartAsync(admin, Cimahi);
            Assert.True(again.Ok, again.Error?.Message);
            await jobs.Completion(Cimahi);
            Assert.NotEqual(done.Id, (await jobs.GetAsync(officer, Cimahi)).Value!.Id);
            Assert.Equal(2, Directory.GetFiles(dir, "*" + BackupManifest.RegionExtension).Length); // Cimahi's latest and Garut's
        }
        finally
        {
            gated.Open();
            await jobs.Completion(Cimahi);
            await jobs.Completion(Garut);
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Archives older than the keeping time are deleted when the next export starts; the old one's status says so.</summary>
    [Fact]
    public async Task An_archive_older_than_a_day_is_gone_and_the_status_says_so()
    {
        var dir = Path.Combine(Path.GetTempPath(), "jalin-region-export-test", Guid.NewGuid().ToString("N"));
        var clock = new TestClock(app.Clock.GetUtcNow());
        var jobs = new RegionExportJobs(app.Services.GetRequiredService<IDbContextFactory<JalinDb>>(), app.Services.GetRequiredService<FileStore>(),
            new RegionExportOptions { Directory = dir }, clock, NullLogger<RegionExportJobs>.Instance);
        var admin = new CurrentActor("u-admin", "admin", "Admin Uji", Role.SystemAdmin, null);
        try
        {
            Assert.True((await jobs.StartAsync(admin, Garut)).Ok);
            await jobs.Completion(Garut);
            var garutFile = Assert.Single(Directory.GetFiles(dir, "*" + BackupManifest.RegionExtension));
            var stray = Path.Combine(dir, "tersisa" + BackupManifest.RegionExtension + ".abc.tmp");
            await File.WriteAllTextAsync(stray, "sisa ekspor yang terputus");
            File.SetLastWriteTimeUtc(stray, clock.GetUtcNow().UtcDateTime);
            var mine = Path.Combine(dir, "bukan-ekspor.txt");
            await File.WriteAllTextAsync(mine, "bukan milik ekspor");
            File.SetLastWriteTimeUtc(mine, clock.GetUtcNow().UtcDateTime.AddDays(-3));

            clock.Advance(TimeSpan.FromHours(23));
            Assert.True((await jobs.GetAsync(admin, Garut)).Value!.Downloadable);
            clock.Advance(TimeSpan.FromHours(2));
            var old = (await jobs.GetAsync(admin, Garut)).Value!;
            Assert.False(old.Downloadable);
            Assert.Contains("sudah dihapus", Assert.IsType<NotFoundError>((await jobs.OpenAsync(admin, Garut)).Error).Message);

            Assert.True((await jobs.StartAsync(admin, Cimahi)).Ok);
            await jobs.Completion(Cimahi);
            Assert.False(File.Exists(garutFile));
            Assert.False(File.Exists(stray));
            Assert.True(File.Exists(mine), "a file not of the exports is left alone");
            Assert.Single(Directory.GetFiles(dir, "*" + BackupManifest.RegionExtension));
        }
        finally
        {
            await jobs.Completion(Cimahi);
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A database factory whose second context (the export's own, after the region check) is handed out only
    /// when the test opens the gate.</summary>
    private sealed class GatedFactory(IDbContextFactory<JalinDb> inner) : IDbContextFactory<JalinDb>
    {
        private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;
        private bool _closed;

        public Task Waiting => _waiting.Task;

        public void Close() { _closed = true; _gate = new(TaskCreationOptions.RunContinuationsAsynchronously); }

        public void Open() => _gate.TrySetResult();

        public JalinDb CreateDbContext() => inner.CreateDbContext();

        public async Task<JalinDb> CreateDbContextAsync(CancellationToken ct = default)
        {
            if (_closed && Interlocked.Increment(ref _calls) == 2)
            {
                _waiting.TrySetResult();
                await _gate.Task;
            }
            return await inner.CreateDbContextAsync(ct);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRegionExportApiTests(SqliteApp app) : RegionExportApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRegionExportApiTests(PostgresApp app) : RegionExportApiTests<PostgresApp>(app);
