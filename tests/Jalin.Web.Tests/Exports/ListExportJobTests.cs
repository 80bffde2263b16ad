using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Web.Tests.Infrastructure;
using Jalin.Web.Tests.Proposals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Exports;

/// <summary>Issue #13 part 2, list downloads in the background, the SAME assertions on SQLite and PostgreSQL: a job is started
/// (202, Location), followed until its rows written reach the list's count, and its XLSX and CSV hold exactly the rows the list
/// API returns for the same filters, read as the starter sees them; the job is nobody else's (404 to a colleague of the same
/// region, another region and the administrator, the same answer as an unknown id); bad input and a list over the row limit
/// get the direct download's refusals; a user's third running job is a conflict; below the threshold the old endpoint still
/// streams the file; and a finished file is deleted after a day.</summary>
public abstract class ListExportJobTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private static readonly string[] Formats = ["xlsx", "csv"];

    private ListExportJobs Jobs => app.Services.GetRequiredService<ListExportJobs>();

    private ListExportOptions Options => app.Services.GetRequiredService<ListExportOptions>();

    private string Today => Wib.DateOf(app.Clock.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><paramref name="count"/> Cimahi agreements carrying a fresh marker (the first two led by DLH, whose OPD user
    /// sees them) and one of Kota Bandung with the same marker.</summary>
    private async Task<(string Marker, List<Guid> Cimahi, Guid Bandung)> AgreementsAsync(int count)
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var dlh = (await officer.GetAsync("/api/v1/regions/32.77/agencies").OkJson()).AsArray()
            .First(a => a!["name"]!.GetValue<string>().StartsWith("Dinas Lingkungan Hidup"))!["id"]!.GetValue<Guid>();
        var marker = "Latar" + Guid.NewGuid().ToString("N")[..8];
        var cimahi = new List<Guid>();
        for (var i = 1; i <= count; i++)
            cimahi.Add(await officer.CreateAgreement(new
            {
                kind = "KsddSukarela", title = $"{marker} kerja sama ke-{i:00}", budgetedInApbd = true, value = i * 1_000_000m,
                leadAgencyId = i <= 2 ? dlh : (Guid?)null, parties = new[] { new { regionCode = "32.17" } },
            }));
        var bandung = await (await app.ClientForAsync("kerjasama.bandung")).CreateAgreement(new
        {
            kind = "KsddSukarela", title = $"{marker} air baku Bandung", budgetedInApbd = true, parties = new[] { new { regionCode = "32.04" } },
        });
        return (marker, cimahi, bandung);
    }

    /// <summary>Polls the job's status (as "Unduhan saya" does) until it has finished.</summary>
    private static async Task<JsonNode> FinishedAsync(HttpClient client, string location)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var status = await client.GetAsync(location).OkJson();
            var done = status["rowsDone"]!.GetValue<int>();
            Assert.InRange(done, 0, status["rows"]!.GetValue<int>());
            if (!status["running"]!.GetValue<bool>()) return status;
            Assert.True(DateTime.UtcNow < deadline, "the job did not finish in 2 minutes: " + status.ToJsonString());
            await Task.Delay(100);
        }
    }

    /// <summary>Starts a job and answers its Location, checking the 202.</summary>
    private static async Task<(string Location, JsonNode Started)> StartAsync(HttpClient client, string path)
    {
        var response = await client.PostAsync(path, null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {path}: {body}");
        var started = JsonNode.Parse(body)!;
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"/api/v1/export-jobs/{started["id"]!.GetValue<Guid>()}", location);
        return (location, started);
    }

    private async Task<CurrentActor> ActorOfAsync(string userName)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName);
        return new CurrentActor(user!.Id, user.UserName!, user.FullName, user.Role, user.RegionCode);
    }

    [Fact]
    public async Task A_started_job_is_followed_to_the_end_and_its_xlsx_and_csv_hold_the_lists_rows()
    {
        var (marker, cimahi, _) = await AgreementsAsync(7);
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var query = $"q={marker}&sort=value&desc=true";
        var listed = await ListPages.IdsAsync(officer, "/api/v1/agreements", query);
        Assert.Equal(Enumerable.Reverse(cimahi), listed);

        foreach (var format in Formats)
        {
            var (location, started) = await StartAsync(officer, $"/api/v1/agreements/export?format={format}&{query}");
            Assert.Equal("Daftar kerja sama", started["listName"]!.GetValue<string>());
            Assert.Equal(format == "xlsx" ? "Xlsx" : "Csv", started["format"]!.GetValue<string>());
            Assert.Equal($"kerja-sama-{Today}.{format}", started["fileName"]!.GetValue<string>());
            Assert.Equal(7, started["rows"]!.GetValue<int>()); // N: the count the size check used
            Assert.DoesNotContain(started.AsObject(), p => p.Key.Contains("path", StringComparison.OrdinalIgnoreCase) || p.Key.Contains("user", StringComparison.OrdinalIgnoreCase));

            var done = await FinishedAsync(officer, location);
            Assert.Null(done["error"]);
            Assert.Equal(7, done["rowsDone"]!.GetValue<int>());
            Assert.Equal(100, done["percent"]!.GetValue<int>());
            Assert.True(done["downloadable"]!.GetValue<bool>());
            Assert.Equal(7, done["result"]!["rows"]!.GetValue<int>());

            var file = await ListFile.ReadAsync(await officer.GetAsync(location + "/file"), format, "Daftar kerja sama");
            Assert.Equal($"kerja-sama-{Today}.{format}", file.FileName);
            Assert.Equal(listed, file.Ids());
            Assert.Equal(done["result"]!["bytes"]!.GetValue<long>(), file.Bytes.LongLength);
            if (format == "xlsx")
            {
                Assert.Equal("7", file.Info["Jumlah baris"]);
                Assert.Equal(marker, file.Info["Penyaring: Kata pencarian"]);
                Assert.Equal(7_000_000d, Convert.ToDouble(file.Rows[0]["Nilai (Rp)"]));
            }
            else Assert.Equal("7000000", file.Rows[0]["Nilai (Rp)"]);

            // "Unduhan saya" lists it, newest first.
            var mine = (await officer.GetAsync("/api/v1/export-jobs").OkJson()).AsArray();
            Assert.Equal(done["id"]!.GetValue<Guid>(), mine[0]!["id"]!.GetValue<Guid>());
        }
    }

    [Fact]
    public async Task A_job_holds_only_the_rows_its_starter_sees()
    {
        var (marker, cimahi, bandung) = await AgreementsAsync(3);
        var who = new (string User, Guid[] Expected)[]
        {
            ("kerjasama.bandung", [bandung]),
            ("opd.cimahi", [cimahi[0], cimahi[1]]),
            ("kerjasama.garut", []),
            ("pembina.kemendagri", [.. cimahi, bandung]),
        };
        foreach (var (user, expected) in who)
        {
            var client = await app.ClientForAsync(user);
            var (location, started) = await StartAsync(client, $"/api/v1/agreements/export?format=csv&q={marker}");
            Assert.Equal(expected.Length, started["rows"]!.GetValue<int>());
            await FinishedAsync(client, location);
            var file = await ListFile.ReadAsync(await client.GetAsync(location + "/file"), "csv");
            Assert.True(expected.Order().SequenceEqual(file.Ids().Order()), $"{user}: {file.Ids().Count} rows");
            Assert.Equal(await ListPages.IdsAsync(client, "/api/v1/agreements", $"q={marker}"), file.Ids());
        }
    }

    [Fact]
    public async Task Another_user_of_the_same_region_or_another_gets_404_for_the_status_and_the_file()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var (location, started) = await StartAsync(officer, "/api/v1/partners/export?format=xlsx");
        var id = started["id"]!.GetValue<Guid>();
        await FinishedAsync(officer, location);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(location + "/file")).StatusCode);

        var unknown = await ProblemAssert.IsProblem(await officer.GetAsync($"/api/v1/export-jobs/{Guid.NewGuid()}").Expect(HttpStatusCode.NotFound));
        foreach (var user in new[] { "tkksd.cimahi", "opd.cimahi", "kerjasama.bandung", "admin", "pembina.jabar" })
        {
            var other = await app.ClientForAsync(user);
            var status = await ProblemAssert.IsProblem(await other.GetAsync(location).Expect(HttpStatusCode.NotFound), user);
            Assert.Equal(unknown["detail"]!.GetValue<string>(), status["detail"]!.GetValue<string>()); // the same answer as an id that never was
            Assert.Equal(ListExportJobs.NotFound, status["detail"]!.GetValue<string>());
            await ProblemAssert.IsProblem(await other.GetAsync(location + "/file").Expect(HttpStatusCode.NotFound), user + " file");
            Assert.DoesNotContain(id, (await other.GetAsync("/api/v1/export-jobs").OkJson()).AsArray().Select(j => j!["id"]!.GetValue<Guid>()));
        }
        await app.CreateClient().GetAsync(location).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_input_no_right_and_a_list_over_the_limit_are_refused_as_by_the_direct_download()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var before = (await officer.GetAsync("/api/v1/export-jobs").OkJson()).AsArray().Count;
        foreach (var path in new[] { "/api/v1/agreements/export", "/api/v1/partners/export", "/api/v1/proposals/export" })
        {
            var bad = await ProblemAssert.IsValidationProblem(await officer.PostAsync(path + "?format=pdf", null), "format", path);
            Assert.Equal(ListExport.FormatExpected, bad["errors"]!["format"]![0]!.GetValue<string>());
        }
        await ProblemAssert.IsValidationProblem(await officer.PostAsync("/api/v1/agreements/export?format=csv&year=dua-ribu", null), "year");
        await ProblemAssert.IsValidationProblem(await officer.PostAsync("/api/v1/agreements/export?kind=KsddPalsu", null), "kind");
        await ProblemAssert.IsValidationProblem(await officer.PostAsync("/api/v1/agreements/export?sort=warna", null), "sort");
        await ProblemAssert.IsValidationProblem(await officer.PostAsync("/api/v1/partners/export?kind=Alien", null), "kind");
        await ProblemAssert.IsValidationProblem(await officer.PostAsync("/api/v1/proposals/export?status=Selesai", null), "status");
        await ProblemAssert.IsValidationProblem(await officer.PostAsync("/api/v1/proposals/export?agencyId=bukan-guid", null), "agencyId");
        await ProblemAssert.IsValidationProblem(await (await app.ClientForAsync("opd.cimahi")).PostAsync("/api/v1/progress-reports/mine/export?format=docx", null), "format");
        await ProblemAssert.IsProblem(await officer.PostAsync("/api/v1/progress-reports/mine/export", null).Expect(HttpStatusCode.Forbidden));
        await ProblemAssert.IsProblem(await (await app.ClientForAsync("admin")).PostAsync("/api/v1/agreements/export", null).Expect(HttpStatusCode.Forbidden));
        await app.CreateClient().PostAsync("/api/v1/agreements/export", null).Expect(HttpStatusCode.Unauthorized);

        var (marker, _, _) = await AgreementsAsync(3);
        Options.MaxRows = 2; // tests of one collection run one at a time, so the shared limit touches no other test
        try
        {
            var refused = await ProblemAssert.IsProblem(await officer.PostAsync($"/api/v1/agreements/export?format=xlsx&q={marker}", null).Expect(HttpStatusCode.BadRequest));
            Assert.Contains("berisi 3 baris", refused["detail"]!.GetValue<string>());
            Assert.Contains("paling banyak 2 baris", refused["detail"]!.GetValue<string>());
        }
        finally
        {
            Options.MaxRows = ListExportOptions.DefaultMaxRows;
        }
        Assert.Equal(before, (await officer.GetAsync("/api/v1/export-jobs").OkJson()).AsArray().Count); // no refusal started a job
    }

    /// <summary>Made deterministic: two jobs of the officer wait on a gate the test holds, so both are certainly running when
    /// the third is asked for over HTTP.</summary>
    [Fact]
    public async Task A_users_third_running_job_is_a_conflict_and_another_users_is_not()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ListExportPlanner held = (_, _) => Task.FromResult<Result<ListExportPlan>>(
            new ListExportPlan("Daftar uji", ExportFormat.Csv, "uji.csv", 10, async (_, _, _) => { await gate.Task; return 10; }));
        var actor = await ActorOfAsync("kerjasama.cimahi");
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        await Jobs.Completion();
        try
        {
            Assert.True((await Jobs.StartAsync(actor, held)).Ok);
            var second = await Jobs.StartAsync(actor, held);
            Assert.True(second.Ok, second.Error?.Message);
            Assert.True((await officer.GetAsync($"/api/v1/export-jobs/{second.Value!.Id}").OkJson())["running"]!.GetValue<bool>());

            var conflict = await ProblemAssert.IsProblem(await officer.PostAsync("/api/v1/agreements/export?format=csv", null).Expect(HttpStatusCode.Conflict));
            Assert.Equal("Anda sedang membuat 2 berkas unduhan; paling banyak 2 sekaligus. Tunggu salah satunya selesai (lihat Unduhan saya), lalu unduh lagi.",
                conflict["detail"]!.GetValue<string>());
            var notYet = await ProblemAssert.IsProblem(await officer.GetAsync($"/api/v1/export-jobs/{second.Value.Id}/file").Expect(HttpStatusCode.NotFound));
            Assert.Contains("belum selesai dibuat (0 dari 10 baris)", notYet["detail"]!.GetValue<string>());

            var bandung = await app.ClientForAsync("kerjasama.bandung");
            var (location, _) = await StartAsync(bandung, "/api/v1/agreements/export?format=csv");
            await FinishedAsync(bandung, location);

            gate.SetResult();
            await Jobs.Completion();
            var (again, _) = await StartAsync(officer, "/api/v1/agreements/export?format=csv");
            Assert.Null((await FinishedAsync(officer, again))["error"]);
        }
        finally
        {
            gate.TrySetResult();
            await Jobs.Completion();
        }
    }

    [Fact]
    public async Task Below_the_threshold_the_old_endpoint_still_streams_the_file_and_starts_no_job()
    {
        var (marker, _, _) = await AgreementsAsync(3);
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var jobs = (await officer.GetAsync("/api/v1/export-jobs").OkJson()).AsArray().Count;
        Options.BackgroundFromRows = 5;
        try
        {
            Assert.False(Jobs.InBackground(3));
            Assert.False(Jobs.InBackground(5));
            Assert.True(Jobs.InBackground(6));
            foreach (var format in Formats)
            {
                var response = await officer.GetAsync($"/api/v1/agreements/export?format={format}&q={marker}");
                var file = await ListFile.ReadAsync(response, format, "Daftar kerja sama");
                Assert.Equal(3, file.Rows.Count);
            }
            Assert.Equal(jobs, (await officer.GetAsync("/api/v1/export-jobs").OkJson()).AsArray().Count);
        }
        finally
        {
            Options.BackgroundFromRows = ListExportOptions.DefaultBackgroundFromRows;
        }
    }

    /// <summary>A job service of its own (its folder, a clock the test moves) writing a real proposal list.</summary>
    [Fact]
    public async Task A_finished_file_is_kept_a_day_then_deleted_and_the_job_forgotten()
    {
        var dir = Path.Combine(Path.GetTempPath(), "jalin-list-export-test", Guid.NewGuid().ToString("N"));
        var clock = new TestClock(app.Clock.GetUtcNow());
        var options = new ListExportOptions { Directory = dir };
        var jobs = new ListExportJobs(app.Services.GetRequiredService<IDbContextFactory<JalinDb>>(), options, clock, NullLogger<ListExportJobs>.Instance);
        var actor = await ActorOfAsync("kerjasama.cimahi");
        var proposals = new Jalin.Web.Api.ListExportRequests(options, clock).Proposals(actor, "xlsx", new Jalin.Web.Api.ProposalQuery()).Value!;
        try
        {
            var first = (await jobs.StartAsync(actor, proposals)).Value!;
            await jobs.Completion();
            var done = jobs.Get(actor, first.Id).Value!;
            Assert.Null(done.Error);
            Assert.Equal(done.Rows, done.Result!.Rows);
            var file = Assert.Single(Directory.GetFiles(dir));
            var stranger = Path.Combine(dir, "bukan-unduhan.txt");
            await File.WriteAllTextAsync(stranger, "bukan milik unduhan");
            File.SetLastWriteTimeUtc(stranger, clock.GetUtcNow().UtcDateTime.AddDays(-3));

            clock.Advance(TimeSpan.FromHours(23));
            Assert.True(jobs.Get(actor, first.Id).Value!.Downloadable);
            using (var stream = jobs.Open(actor, first.Id).Value!.Content) Assert.True(stream.Length > 0);

            clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(ListExportJobs.NotFound, Assert.IsType<NotFoundError>(jobs.Get(actor, first.Id).Error).Message);
            Assert.IsType<NotFoundError>(jobs.Open(actor, first.Id).Error);
            Assert.Empty(jobs.List(actor));

            var next = (await jobs.StartAsync(actor, proposals)).Value!;
            await jobs.Completion();
            Assert.False(File.Exists(file), "the day-old file is deleted when the next job starts");
            Assert.True(File.Exists(stranger), "a file not of the downloads is left alone");
            Assert.Equal([next.Id], jobs.List(actor).Select(j => j.Id));
        }
        finally
        {
            await jobs.Completion();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteListExportJobTests(SqliteApp app) : ListExportJobTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresListExportJobTests(PostgresApp app) : ListExportJobTests<PostgresApp>(app);
