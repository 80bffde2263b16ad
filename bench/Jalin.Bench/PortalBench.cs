using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jalin.Core.Data;
using Jalin.Core.Data.Seed;
using Jalin.Core.Files;
using Microsoft.EntityFrameworkCore;
using Npgsql;

/// <summary>Issue #12's figures: the public portal and search on a national data set (546 autonomous regions,
/// N agreements, the signed ones published) on PostgreSQL, C concurrent clients on this machine, each figure beside its
/// anchor measured in the same run:
/// - search p95 (portal /cari and back-office /api/v1/search) beside the agreement list's text filter, the back office's for
/// the national supervisor, a region's officer (Cimahi) and a province's supervisor (West Java);
/// - the register page p95 with the output cache off (a second app instance with Portal__OutputCache=false), and the
/// searches made for the first time in that instance (Search__ResultCache=false: every search matched and ranked again);
/// - the same searches repeated, with their second page and a facet (a third instance, the kept ranked matches on: what a
/// person paging and narrowing, or many people searching the same words, get), and the portal's while another connection
/// writes ten times a second to a table no search reads, then to one it reads;
/// - cached home and register pages' requests per second beside /robots.txt, a plain-text endpoint of the same app;
/// - bytes transferred for the first and a repeated visit of the register page (HTML + stylesheets, compressed as served).
/// Usage: <c>dotnet run -c Release --project bench/Jalin.Bench -- portal [--agreements 1000000] [--concurrency 16]
/// [--seconds 10] [--warmup 60] [--reuse] [--out file]</c>. Needs JALIN_BENCH_PG or JALIN_TEST_PG and a Release build of Jalin.Web.</summary>
static class PortalBench
{
    private const string DbName = "jalin_portal_bench";
    private static readonly string[] Words = ["sampah", "persampahan", "air minum", "pariwisata", "kerjasama pendidikan", "mangrove", "Bandng", "pelayanan kesehatan", "UMKM", "banjir"];

    public static async Task<int> RunAsync(string server, string root, int agreements, int concurrency, int seconds, int warmup, bool reuse, string? outFile)
    {
        var report = new StringBuilder();
        void Say(string line) { Console.WriteLine(line); report.AppendLine(line); }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = DbName, Pooling = true, MaxPoolSize = 100 }.ConnectionString;
        var filesRoot = Path.Combine(Path.GetTempPath(), "jalin-portal-bench-files");
        Say($"## Portal and search on a national data set (issue #12) — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say("");
        Say($"`dotnet run -c Release --project bench/Jalin.Bench -- portal --agreements {agreements}`: {Environment.ProcessorCount} cores, .NET {Environment.Version}, "
            + $"PostgreSQL on loopback; {concurrency} concurrent clients for {seconds} s per scenario, measured after {warmup} s of the same load (a server's steady state: "
            + "the app's compiler and each pooled connection's prepared statements warm up under load; the uncached register page served 322 requests "
            + "a second after 20 s of load and 560 after 60 s); "
            + "load generator, app and database share the machine.");
        Say("");

        var sw = Stopwatch.StartNew();
        if (!reuse || !await ExistsAsync(server))
        {
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {DbName} WITH (FORCE)", admin).ExecuteNonQueryAsync();
                await new NpgsqlCommand($"CREATE DATABASE {DbName}", admin).ExecuteNonQueryAsync();
            }
            var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs };
            JalinDb NewDb()
            {
                var b = new DbContextOptionsBuilder<JalinDb>();
                options.Configure(b, TimeProvider.System);
                return new JalinDb(b.Options);
            }
            await using (var db = NewDb())
            {
                await DatabaseSetup.MigrateAsync(db);
                await ReferenceData.SeedAsync(db);
            }
            await DemoData.SeedAsync(NewDb, new FileStore(new FileStoreOptions { Root = filesRoot }), "Jalin#Demo2026", DateOnly.FromDateTime(DateTime.UtcNow));
            // No command timeout while loading: COPY of millions of rows outlasts the default 30 s on a busy machine.
            var generated = await Generator.RunAsync(new NpgsqlConnectionStringBuilder(cs) { CommandTimeout = 0 }.ConnectionString, 546, agreements);
            await using (var conn = new NpgsqlConnection(cs))
            {
                await conn.OpenAsync();
                // The signed ones are published, as a region that adopted the portal would.
                var published = await new NpgsqlCommand("UPDATE \"Agreements\" SET \"PublishedAt\" = \"UpdatedAt\" WHERE \"PublishedAt\" IS NULL AND \"Stage\" IN ('Implementation', 'Ended')", conn)
                    { CommandTimeout = 0 }.ExecuteNonQueryAsync();
                await new NpgsqlCommand("ANALYZE", conn) { CommandTimeout = 0 }.ExecuteNonQueryAsync();
                Say($"- data: {generated.Agreements:N0} agreements and {generated.Parties:N0} parties over 546 regions generated with COPY, {published:N0} published; {sw.Elapsed.TotalSeconds:F0} s");
            }
            sw.Restart();
            var indexed = await IndexAsync(root, cs, filesRoot);
            Say($"- search index built: {indexed}; {sw.Elapsed.TotalSeconds:F0} s");
        }
        else Say("- data: reused the database of an earlier run");
        Say("");

        Say($"Load average of the machine before the measurements (1, 5, 15 min): {LoadAverage()}.");
        Say("");
        Say("| scenario | requests | errors | req/s | p50 ms | p95 ms | p99 ms | anchor |");
        Say("|---|---:|---:|---:|---:|---:|---:|---|");
        await using (var cached = await App.StartAsync(root, cs, filesRoot, outputCache: true))
        {
            // The cached pages are read as a browser receives them (brotli) without decompressing them in the load generator,
            // which shares the machine: decompressing 7,000 register pages a second took the generator a core the app then lacked.
            using var raw = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, AutomaticDecompression = DecompressionMethods.None })
            { BaseAddress = cached.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            raw.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
            var plain = await Load(raw, null, ["/robots.txt"], concurrency, seconds, warmup);
            Say(Row("plain-text endpoint /robots.txt (anchor)", plain, ""));
            var home = await Load(raw, null, ["/"], concurrency, seconds, warmup);
            Say(Row("home / (output cache, brotli, not decompressed by the client)", home, $"{home.Rps / plain.Rps:P0} of /robots.txt (goal ≥ 40 %)"));
            var register = await Load(raw, null, ["/kerja-sama"], concurrency, seconds, warmup);
            Say(Row("register /kerja-sama (output cache, brotli, not decompressed by the client)", register, $"{register.Rps / plain.Rps:P0} of /robots.txt (goal ≥ 40 %)"));
            var (first, repeat) = await WeightAsync(cached.Http, "/kerja-sama");
            Say("");
            Say($"Register page weight as served (Accept-Encoding: br, gzip): first visit {first / 1024.0:F1} KB (HTML and stylesheets), "
                + $"repeated visit {repeat / 1024.0:F1} KB (HTML; fingerprinted stylesheets come from the browser cache). Goal: under 100 KB.");
            Say("");
        }
        Say("| scenario | requests | errors | req/s | p50 ms | p95 ms | p99 ms | anchor |");
        Say("|---|---:|---:|---:|---:|---:|---:|---|");
        await using (var fresh = await App.StartAsync(root, cs, filesRoot, outputCache: false, resultCache: false))
        {
            var national = await TokenAsync(fresh.Http, "pembina.kemendagri");
            var pages = Enumerable.Range(1, 50).Select(p => $"/kerja-sama?hal={p}").Prepend("/kerja-sama").ToArray();
            var register = await Load(fresh.Http, null, pages, concurrency, seconds, warmup);
            Say(Row("register /kerja-sama, pages 1–50, output cache off", register, "goal p95 ≤ 30 ms"));
            var portalSearch = await Load(fresh.Http, null, Words.Select(w => "/cari?q=" + Uri.EscapeDataString(w)).ToArray(), concurrency, seconds, warmup);
            Say(Row("portal search /cari (10 queries incl. a typo), output cache off, each search made anew", portalSearch, "goal p95 ≤ 50 ms"));
            var search = await Load(fresh.Http, national, Words.Select(w => "/api/v1/search?q=" + Uri.EscapeDataString(w)).ToArray(), concurrency, seconds, warmup);
            Say(Row("back-office search /api/v1/search (national supervisor)", search, "goal p95 ≤ 50 ms"));
            var list = await Load(fresh.Http, national, Words.Select(w => "/api/v1/agreements?q=" + Uri.EscapeDataString(w)).ToArray(), concurrency, seconds, warmup);
            Say(Row("agreement list with text filter /api/v1/agreements?q= (national)", list, "before: substring search p95 ≈ 6 s at this size"));
            // A region's officer (Cimahi: about 2,000 of the million agreements) and a province's supervisor (West Java: 27
            // regions, about 50,000) see few and some of them: the search and the list choose their plans by that.
            foreach (var (user, who) in new[] { ("kerjasama.cimahi", "a region's officer, Cimahi"), ("pembina.jabar", "a province's supervisor, West Java") })
            {
                var token = await TokenAsync(fresh.Http, user);
                var theirSearch = await Load(fresh.Http, token, Words.Select(w => "/api/v1/search?q=" + Uri.EscapeDataString(w)).ToArray(), concurrency, seconds, warmup);
                Say(Row($"back-office search /api/v1/search ({who})", theirSearch, "goal p95 ≤ 50 ms"));
                var theirList = await Load(fresh.Http, token, Words.Select(w => "/api/v1/agreements?q=" + Uri.EscapeDataString(w)).ToArray(), concurrency, seconds, warmup);
                Say(Row($"agreement list with text filter ({who})", theirList, ""));
            }
        }
        // The same searches with the kept ranked matches on (SearchResultCache): each word's first page, its second page and
        // its first facet, as a person paging and narrowing does. The database does not change meanwhile.
        await using (var kept = await App.StartAsync(root, cs, filesRoot, outputCache: false, resultCache: true))
        {
            string[] Session(string path) => Words.SelectMany(w => new[] { $"{path}={Uri.EscapeDataString(w)}", $"{path}={Uri.EscapeDataString(w)}&{(path.StartsWith("/cari") ? "hal" : "page")}=2",
                $"{path}={Uri.EscapeDataString(w)}&{(path.StartsWith("/cari") ? "jenis" : "kind")}=Agreement" }).ToArray();
            var portal = await Load(kept.Http, null, Session("/cari?q"), concurrency, seconds, warmup);
            Say(Row("portal search /cari repeated (the 10 queries, their page 2 and a facet), output cache off, ranked matches kept", portal, "goal p95 ≤ 50 ms"));
            foreach (var (user, who) in new[] { ("pembina.kemendagri", "national supervisor"), ("kerjasama.cimahi", "a region's officer, Cimahi"), ("pembina.jabar", "a province's supervisor, West Java") })
            {
                var token = await TokenAsync(kept.Http, user);
                var theirs = await Load(kept.Http, token, Session("/api/v1/search?q"), concurrency, seconds, warmup);
                Say(Row($"back-office search repeated ({who}), ranked matches kept", theirs, "goal p95 ≤ 50 ms"));
            }
            // A back office at work writes: the same repeated portal searches while another connection writes ten times a
            // second, first to a table no search reads (a person's account, as a sign-in does), then to one it reads (a
            // statement on the regions, as an edit of an agreement does): the kept matches outlive the first, not the second.
            foreach (var (sql, what) in new[]
            {
                ("UPDATE \"AspNetUsers\" SET \"AccessFailedCount\" = 0 WHERE \"UserName\" = 'pembina.kemendagri'", "a person's account"),
                ("DELETE FROM \"Regions\" WHERE false", "a table the search reads"),
            })
            {
                using var stop = new CancellationTokenSource();
                var writes = WriteEveryAsync(cs, sql, TimeSpan.FromMilliseconds(100), stop.Token);
                var busy = await Load(kept.Http, null, Session("/cari?q"), concurrency, seconds, warmup);
                await stop.CancelAsync();
                var written = await writes;
                Say(Row($"portal search /cari repeated, ranked matches kept, while {written:N0} writes to {what} run (10 a second)", busy, "goal p95 ≤ 50 ms"));
            }
        }
        Say("");
        Say($"Load average of the machine at the end of the run (1, 5, 15 min): {LoadAverage()}.");
        if (outFile is not null)
        {
            var path = Path.IsPathRooted(outFile) ? outFile : Path.Combine(root, outFile);
            await File.AppendAllTextAsync(path, "\n" + report);
        }
        return 0;
    }

    /// <summary>The bench's load on an app already running (the <c>load</c> command), to profile it under the same load.</summary>
    public static async Task<int> LoadRunningAsync(string url, string? user, string[] paths, int concurrency, int seconds)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, AutomaticDecompression = DecompressionMethods.All })
        { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var token = user is null ? null : await TokenAsync(http, user);
        var figures = await Load(http, token, paths, concurrency, seconds);
        Console.WriteLine(Row(string.Join(" ", paths), figures, ""));
        return figures.Errors == 0 ? 0 : 1;
    }

    /// <summary>Runs <paramref name="sql"/> every <paramref name="every"/> on a connection of its own until stopped; how many ran.</summary>
    private static async Task<int> WriteEveryAsync(string cs, string sql, TimeSpan every, CancellationToken stop)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync(CancellationToken.None);
        var n = 0;
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await using var cmd = new NpgsqlCommand(sql, conn);
                await cmd.ExecuteNonQueryAsync(CancellationToken.None);
                n++;
            }
        }
        catch (OperationCanceledException) { }
        return n;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Row(string name, LoadFigures r, string anchor) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {r.Requests:N0} | {r.Errors} | {r.Rps:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {anchor} |");

    private static async Task<bool> ExistsAsync(string server)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        return await new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{DbName}'", admin).ExecuteScalarAsync() is not null;
    }

    /// <summary>Builds the search index the way an operator would after an import: the CLI's reindex command.</summary>
    private static async Task<string> IndexAsync(string root, string cs, string filesRoot)
    {
        var dll = Path.Combine(root, "src", "Jalin.Cli", "bin", "Release", "net10.0", "jalin.dll");
        if (!File.Exists(dll)) return "skipped (build src/Jalin.Cli in Release)";
        var psi = new ProcessStartInfo("dotnet", [dll, "reindex"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["Database__Provider"] = "Postgres";
        psi.Environment["ConnectionStrings__Jalin"] = cs;
        psi.Environment["Files__Root"] = filesRoot;
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return p.ExitCode == 0 ? output.Trim().Split('\n').LastOrDefault() ?? "done" : $"reindex failed ({p.ExitCode}): {error.Trim()}";
    }

    private static async Task<string> TokenAsync(HttpClient http, string user)
    {
        var r = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = "Jalin#Demo2026" });
        var body = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"token for {user}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    private sealed record LoadFigures(int Requests, int Errors, double Rps, double P50, double P95, double P99);

    private static async Task<LoadFigures> Load(HttpClient http, string? token, string[] paths, int concurrency, int seconds, int warmup = 0)
    {
        if (warmup > 0) await Load(http, token, paths, concurrency, warmup);
        foreach (var path in paths.Take(10))
        {
            using var warm = await Send(http, token, path);
            if (!warm.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)warm.StatusCode} {await warm.Content.ReadAsStringAsync()}");
        }
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var duration = TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            latencies[w] = [];
            var i = w;
            while (clock.Elapsed < duration)
            {
                var t = Stopwatch.GetTimestamp();
                using var r = await Send(http, token, paths[i++ % paths.Length]);
                await r.Content.ReadAsByteArrayAsync();
                latencies[w].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!r.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new LoadFigures(all.Length, errors, all.Length / elapsed, P(0.50), P(0.95), P(0.99));
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, string? token, string path)
    {
        var req = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(req);
    }

    /// <summary>Bytes on the wire for a first visit (the page and its stylesheets) and a repeated one (the page only:
    /// fingerprinted assets are cached by the browser for a year), as a phone browser asks for them (br, gzip).</summary>
    private static async Task<(long First, long Repeat)> WeightAsync(HttpClient http, string path)
    {
        using var raw = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = http.BaseAddress };
        async Task<(long Bytes, string Text)> Get(string p)
        {
            var req = new HttpRequestMessage(HttpMethod.Get, p);
            req.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var r = await raw.SendAsync(req);
            var bytes = await r.Content.ReadAsByteArrayAsync();
            var text = r.Content.Headers.ContentEncoding.Count == 0 ? Encoding.UTF8.GetString(bytes) : "";
            if (text.Length == 0)
            {
                using var plain = await http.GetAsync(p);
                text = await plain.Content.ReadAsStringAsync();
            }
            return (bytes.LongLength + r.Headers.ToString().Length + r.Content.Headers.ToString().Length, text);
        }
        var page = await Get(path);
        long first = page.Bytes;
        foreach (Match m in Regex.Matches(page.Text, "<link[^>]+rel=\"stylesheet\"[^>]+href=\"([^\"]+)\""))
            first += (await Get("/" + m.Groups[1].Value.TrimStart('/'))).Bytes;
        return (first, page.Bytes);
    }

    private sealed class App : IAsyncDisposable
    {
        private readonly Process _process;
        public HttpClient Http { get; }

        private App(Process process, HttpClient http) { _process = process; Http = http; }

        public static async Task<App> StartAsync(string root, string cs, string filesRoot, bool outputCache, bool resultCache = true)
        {
            var dll = Path.Combine(root, "src", "Jalin.Web", "bin", "Release", "net10.0", "Jalin.Web.dll");
            if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} not found: build with `dotnet build src/Jalin.Web -c Release`.");
            var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            var psi = new ProcessStartInfo("dotnet", [dll])
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            // Staging: Production's pipeline without its start checks, which refuse the demo accounts the bench signs in with.
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
            psi.Environment["Urls"] = $"http://127.0.0.1:{port}";
            psi.Environment["Database__Provider"] = "Postgres";
            psi.Environment["ConnectionStrings__Jalin"] = cs;
            psi.Environment["Files__Root"] = filesRoot;
            psi.Environment["Demo__Enabled"] = "false";
            // Production requires the audit chain's HMAC key outside the database; a throwaway one for the run.
            psi.Environment["Audit__Keys__bench"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            psi.Environment["Audit__CurrentKeyId"] = "bench";
            psi.Environment["Audit__AnchorDirectory"] = Path.Combine(filesRoot, "anchors");
            psi.Environment["DataProtection__Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            psi.Environment["DataProtection__KeysDirectory"] = Path.Combine(filesRoot, "keys");
            psi.Environment["Jalin__PublicBaseUrl"] = "https://jalin.contoh.go.id";
            psi.Environment["Jobs__Enabled"] = "false";
            psi.Environment["Portal__OutputCache"] = outputCache ? "true" : "false";
            psi.Environment["Search__ResultCache"] = resultCache ? "true" : "false";
            psi.Environment["Security__LoginRateLimitPerMinute"] = "100000";
            // The public search shares the anti-abuse limit of document verification (per address per minute); the bench
            // is one address sending thousands.
            psi.Environment["Security__VerifyRateLimitPerMinute"] = "10000000";
            psi.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(psi)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[web] " + e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, AutomaticDecompression = DecompressionMethods.All })
            { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            for (var i = 0; i < 240; i++)
            {
                try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) return new App(process, http); }
                catch (HttpRequestException) { }
                await Task.Delay(500);
            }
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("Jalin.Web did not become healthy in 120 s.");
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
