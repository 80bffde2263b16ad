// Jalin benchmark: generates N regions × M agreements on PostgreSQL, starts the real Jalin.Web
// (Release build) against that database on a loopback port, measures the agreement list/filter
// API under concurrent load (p50/p95/p99, requests per second), and prints the EXPLAIN ANALYZE
// plan of each query. Run through bench/run, which starts a throwaway PostgreSQL cluster.
//
//   dotnet run -c Release --project bench/Jalin.Bench -- [--agreements 100000] [--regions 100]
//       [--concurrency 16] [--seconds 15] [--out bench/RESULTS.md]
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Data.Seed;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;

if (args.Length > 0 && args[0] == "docx")
{
    var si = Array.IndexOf(args, "--seconds");
    return DocxBench.Run(si >= 0 && si + 1 < args.Length ? int.Parse(args[si + 1], CultureInfo.InvariantCulture) : 10);
}
if (args.Length > 0 && args[0] == "mail")
{
    var mi = Array.IndexOf(args, "--messages");
    var pg = Environment.GetEnvironmentVariable("JALIN_BENCH_PG") ?? Environment.GetEnvironmentVariable("JALIN_TEST_PG")
        ?? throw new InvalidOperationException("Set JALIN_BENCH_PG or JALIN_TEST_PG (a PostgreSQL server).");
    return await MailBench.RunAsync(pg, FindRoot(), mi >= 0 && mi + 1 < args.Length ? int.Parse(args[mi + 1], CultureInfo.InvariantCulture) : 2000);
}
if (args.Length > 0 && args[0] == "upward")
{
    var pr = Array.IndexOf(args, "--per-region");
    var oi = Array.IndexOf(args, "--out");
    var pg = Environment.GetEnvironmentVariable("JALIN_BENCH_PG") ?? Environment.GetEnvironmentVariable("JALIN_TEST_PG")
        ?? throw new InvalidOperationException("Set JALIN_BENCH_PG or JALIN_TEST_PG (a PostgreSQL server).");
    return await UpwardBench.RunAsync(pg, FindRoot(), pr >= 0 && pr + 1 < args.Length ? int.Parse(args[pr + 1], CultureInfo.InvariantCulture) : 20,
        oi >= 0 && oi + 1 < args.Length ? args[oi + 1] : null);
}
if (args.Length > 0 && args[0] == "reminders")
{
    var ai = Array.IndexOf(args, "--agreements");
    var pg = Environment.GetEnvironmentVariable("JALIN_BENCH_PG") ?? Environment.GetEnvironmentVariable("JALIN_TEST_PG")
        ?? throw new InvalidOperationException("Set JALIN_BENCH_PG or JALIN_TEST_PG (a PostgreSQL server).");
    return await RemindersBench.RunAsync(pg, ai >= 0 && ai + 1 < args.Length ? int.Parse(args[ai + 1], CultureInfo.InvariantCulture) : 1_000_000);
}
if (args.Length > 0 && args[0] == "backup")
{
    var ai = Array.IndexOf(args, "--agreements");
    var pg = Environment.GetEnvironmentVariable("JALIN_BENCH_PG") ?? Environment.GetEnvironmentVariable("JALIN_TEST_PG")
        ?? throw new InvalidOperationException("Set JALIN_BENCH_PG or JALIN_TEST_PG (a PostgreSQL server).");
    return await BackupBench.RunAsync(pg, ai >= 0 && ai + 1 < args.Length ? int.Parse(args[ai + 1], CultureInfo.InvariantCulture) : 1_000_000,
        args.Contains("--reuse"));
}
if (args.Length > 0 && args[0] == "import")
{
    var ri = Array.IndexOf(args, "--rows");
    var oi = Array.IndexOf(args, "--out");
    return await ImportBench.RunAsync(Environment.GetEnvironmentVariable("JALIN_BENCH_PG") ?? Environment.GetEnvironmentVariable("JALIN_TEST_PG"), FindRoot(),
        ri >= 0 && ri + 1 < args.Length ? int.Parse(args[ri + 1], CultureInfo.InvariantCulture) : 10_000, oi >= 0 && oi + 1 < args.Length ? args[oi + 1] : null);
}
if (args.Length > 0 && args[0] == "load")
{
    // Load on a running app, for profiling it: load --url http://127.0.0.1:5099 [--user pembina.kemendagri] [--concurrency 16] [--seconds 10] PATH...
    string? Str(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
    int Opt(string name, int fallback) => Str(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    var named = new[] { "--url", "--user", "--concurrency", "--seconds" };
    var paths = args.Skip(1).Where((a, i) => !named.Contains(a) && !named.Contains(args[i])).ToArray();
    return await PortalBench.LoadRunningAsync(Str("--url") ?? "http://127.0.0.1:5099", Str("--user"), paths, Opt("--concurrency", 16), Opt("--seconds", 10));
}
if (args.Length > 0 && args[0] == "portal")
{
    int Opt(string name, int fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback; }
    var oi = Array.IndexOf(args, "--out");
    var pg = Environment.GetEnvironmentVariable("JALIN_BENCH_PG") ?? Environment.GetEnvironmentVariable("JALIN_TEST_PG")
        ?? throw new InvalidOperationException("Set JALIN_BENCH_PG or JALIN_TEST_PG (a PostgreSQL server).");
    return await PortalBench.RunAsync(pg, FindRoot(), Opt("--agreements", 1_000_000), Opt("--concurrency", 16), Opt("--seconds", 10), Opt("--warmup", 60), args.Contains("--reuse"),
        oi >= 0 && oi + 1 < args.Length ? args[oi + 1] : null);
}
var options = Args.Parse(args);
var server = Environment.GetEnvironmentVariable("JALIN_BENCH_PG") ?? Environment.GetEnvironmentVariable("JALIN_TEST_PG")
    ?? throw new InvalidOperationException("Set JALIN_BENCH_PG (bench/run starts a throwaway PostgreSQL cluster and sets it).");
var root = FindRoot();
var report = new StringBuilder();
void Say(string line) { Console.WriteLine(line); report.AppendLine(line); }

const string dbName = "jalin_bench";
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {dbName} WITH (FORCE)", admin);
    await drop.ExecuteNonQueryAsync();
    await using var create = new NpgsqlCommand($"CREATE DATABASE {dbName}", admin);
    await create.ExecuteNonQueryAsync();
}
var cs = new NpgsqlConnectionStringBuilder(server) { Database = dbName, Pooling = true, MaxPoolSize = 100 }.ConnectionString;
var dbOptions = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs };
JalinDb NewDb(IInterceptor? extra = null)
{
    var b = new DbContextOptionsBuilder<JalinDb>();
    dbOptions.Configure(b, TimeProvider.System);
    if (extra is not null) b.AddInterceptors(extra);
    return new JalinDb(b.Options);
}

Say($"# Jalin benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Say("");
Say($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {PgVersion(server)}.");
Say($"Data: {options.Agreements:N0} generated agreements over {options.Regions} regions (plus the demo data); load: one client for 3 s, then {options.Concurrency} concurrent clients for {options.Seconds} s per scenario; load generator, app and database share the machine.");
Say("");

var sw = Stopwatch.StartNew();
await using (var db = NewDb())
{
    await DatabaseSetup.MigrateAsync(db);
    await ReferenceData.SeedAsync(db);
}
var filesRoot = Path.Combine(Path.GetTempPath(), "jalin-bench-files");
await DemoData.SeedAsync(() => NewDb(), new FileStore(new FileStoreOptions { Root = filesRoot }), "Jalin#Demo2026", DateOnly.FromDateTime(DateTime.UtcNow));
Say($"- migrations, reference and demo data: {sw.Elapsed.TotalSeconds:F1} s");

sw.Restart();
var generated = await Generator.RunAsync(cs, options.Regions, options.Agreements);
await using (var conn = new NpgsqlConnection(cs))
{
    await conn.OpenAsync();
    await using var analyze = new NpgsqlCommand("ANALYZE", conn);
    await analyze.ExecuteNonQueryAsync();
}
Say($"- generated {generated.Agreements:N0} agreements and {generated.Parties:N0} parties with COPY in {sw.Elapsed.TotalSeconds:F1} s");
Say("");

// Start the real web app on a free loopback port.
var dll = Path.Combine(root, "src", "Jalin.Web", "bin", "Release", "net10.0", "Jalin.Web.dll");
if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} not found: build with `dotnet build src/Jalin.Web -c Release` (bench/run does).");
var port = FreePort();
var psi = new ProcessStartInfo("dotnet", [dll])
{
    WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
};
psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
psi.Environment["Urls"] = $"http://127.0.0.1:{port}";
psi.Environment["Database__Provider"] = "Postgres";
psi.Environment["ConnectionStrings__Jalin"] = cs;
psi.Environment["Files__Root"] = filesRoot;
psi.Environment["Demo__Enabled"] = "false";
psi.Environment["Jobs__Enabled"] = "false";
psi.Environment["Security__LoginRateLimitPerMinute"] = "100000";
psi.Environment["Logging__LogLevel__Default"] = "Warning";
using var app = Process.Start(psi)!;
app.OutputDataReceived += (_, _) => { };
app.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[web] " + e.Data); };
app.BeginOutputReadLine();
app.BeginErrorReadLine();
try
{
    var baseUrl = $"http://127.0.0.1:{port}";
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
    await WaitHealthy(http);
    var national = await Token(http, "pembina.kemendagri");
    var officer = await Token(http, "kerjasama.cimahi");

    var scenarios = new (string Name, string Token, string Query, CurrentActor Actor, AgreementFilter Filter)[]
    {
        ("national: newest first, page 1", national, "", Actor("pembina.kemendagri", Role.SupervisorNational, null), new AgreementFilter()),
        ("national: kind + stage filter", national, "kind=Ksdpk&stage=Implementation", Actor("pembina.kemendagri", Role.SupervisorNational, null),
            new AgreementFilter { Kind = CooperationKind.Ksdpk, Stage = Stage.Implementation }),
        ("national: one region, sorted by end date", national, "regionCode=32.73&sort=endsOn", Actor("pembina.kemendagri", Role.SupervisorNational, null),
            new AgreementFilter { RegionCode = "32.73", Sort = "endsOn" }),
        ("national: ending within 90 days", national, "endingWithinDays=90", Actor("pembina.kemendagri", Role.SupervisorNational, null),
            new AgreementFilter { EndingWithinDays = 90 }),
        ("national: text search 'sampah'", national, "q=sampah", Actor("pembina.kemendagri", Role.SupervisorNational, null), new AgreementFilter { Q = "sampah" }),
        ("region officer (Kota Cimahi): newest first", officer, "", Actor("kerjasama.cimahi", Role.CooperationOfficer, "32.77"), new AgreementFilter()),
        ("region officer: urusan + year", officer, "affairCode=2.11&year=2025", Actor("kerjasama.cimahi", Role.CooperationOfficer, "32.77"),
            new AgreementFilter { AffairCode = "2.11", Year = 2025 }),
    };

    Say("## Agreement list API (`GET /api/v1/agreements`, 25 per page (the default), with total count)");
    Say("");
    Say("| scenario | query | total rows | 1 client p50 ms | requests | req/s | p50 ms | p95 ms | p99 ms | errors |");
    Say("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var s in scenarios)
    {
        var single = await Load.RunAsync(http, s.Token, "/api/v1/agreements?" + s.Query, 1, TimeSpan.FromSeconds(3));
        var result = await Load.RunAsync(http, s.Token, "/api/v1/agreements?" + s.Query, options.Concurrency, TimeSpan.FromSeconds(options.Seconds));
        Say($"| {s.Name} | `{(s.Query.Length == 0 ? "—" : s.Query)}` | {result.Total:N0} | {single.P50:F1} | {result.Count:N0} | {result.PerSecond:F0} | {result.P50:F1} | {result.P95:F1} | {result.P99:F1} | {result.Errors} |");
    }
    Say("");

    Say("## Query plans (EXPLAIN ANALYZE, BUFFERS) of the SQL the list use case sends");
    Say("");
    foreach (var s in scenarios)
    {
        var capture = new CaptureCommands();
        await using (var db = NewDb(capture))
        {
            var users = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == (s.Actor.UserName));
            var r = await SearchAgreements.HandleAsync(db, users.ToActor(), s.Filter, TimeProvider.System);
            if (!r.Ok) throw new InvalidOperationException(r.Error!.Message);
        }
        Say($"### {s.Name}");
        Say("");
        foreach (var (sql, parameters) in capture.Commands)
        {
            Say("```");
            Say(await Explain(cs, sql, parameters));
            Say("```");
            Say("");
        }
    }
}
finally
{
    try { app.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
}

if (options.Out is { } outPath)
{
    var full = Path.IsPathRooted(outPath) ? outPath : Path.Combine(root, outPath);
    await File.WriteAllTextAsync(full, report.ToString());
    Console.WriteLine($"Written: {full}");
}
return 0;

static CurrentActor Actor(string userName, Role role, string? region) => new("", userName, userName, role, region, null, null);

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jalin.slnx"))) dir = dir.Parent;
    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

static int FreePort()
{
    var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    l.Start();
    var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    l.Stop();
    return port;
}

static string PgVersion(string server)
{
    using var conn = new NpgsqlConnection(server);
    conn.Open();
    using var cmd = new NpgsqlCommand("SHOW server_version", conn);
    return "PostgreSQL " + cmd.ExecuteScalar();
}

static async Task WaitHealthy(HttpClient http)
{
    for (var i = 0; i < 240; i++)
    {
        try
        {
            var r = await http.GetAsync("/health");
            if (r.IsSuccessStatusCode) return;
        }
        catch (HttpRequestException) { }
        await Task.Delay(500);
    }
    throw new InvalidOperationException("Jalin.Web did not become healthy in 120 s.");
}

static async Task<string> Token(HttpClient http, string user)
{
    var r = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = "Jalin#Demo2026" });
    var body = await r.Content.ReadAsStringAsync();
    if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"token for {user}: {(int)r.StatusCode} {body}");
    return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
}

static async Task<string> Explain(string cs, string sql, IReadOnlyList<(string Name, object? Value, NpgsqlDbType? Type)> parameters)
{
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, conn);
    foreach (var (name, value, type) in parameters)
    {
        var p = new NpgsqlParameter(name, value ?? DBNull.Value);
        if (type is { } t) p.NpgsqlDbType = t;
        cmd.Parameters.Add(p);
    }
    var lines = new List<string> { sql.Trim(), "" };
    await using var reader = await cmd.ExecuteReaderAsync();
    while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
    return string.Join('\n', lines);
}

sealed record Args(int Agreements, int Regions, int Concurrency, int Seconds, string? Out)
{
    public static Args Parse(string[] args)
    {
        int Int(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
        var o = Array.IndexOf(args, "--out");
        return new Args(Int("--agreements", 100_000), Int("--regions", 100), Int("--concurrency", 16), Int("--seconds", 15),
            o >= 0 && o + 1 < args.Length ? args[o + 1] : null);
    }
}

/// <summary>Captures the SQL and parameters EF sends, to EXPLAIN them.</summary>
sealed class CaptureCommands : DbCommandInterceptor
{
    public List<(string Sql, IReadOnlyList<(string Name, object? Value, NpgsqlDbType? Type)> Parameters)> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Capture(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Capture(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Capture(DbCommand command)
    {
        if (!command.CommandText.Contains("\"Agreements\"", StringComparison.Ordinal)) return;
        var ps = command.Parameters.Cast<NpgsqlParameter>().Select(p => (p.ParameterName, p.Value, (NpgsqlDbType?)p.NpgsqlDbType)).ToList();
        Commands.Add((command.CommandText, ps));
    }
}

sealed record LoadResult(int Count, int Errors, double PerSecond, double P50, double P95, double P99, long Total);

static class Load
{
    public static async Task<LoadResult> RunAsync(HttpClient http, string token, string path, int concurrency, TimeSpan duration)
    {
        // Warm-up.
        long total = 0;
        for (var i = 0; i < 5; i++)
        {
            using var warm = await Send(http, token, path);
            var text = await warm.Content.ReadAsStringAsync();
            if (!warm.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)warm.StatusCode} {text}");
            total = JsonDocument.Parse(text).RootElement.GetProperty("totalCount").GetInt64();
        }
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var deadline = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            latencies[w] = [];
            while (deadline.Elapsed < duration)
            {
                var t = Stopwatch.GetTimestamp();
                using var r = await Send(http, token, path);
                await r.Content.ReadAsByteArrayAsync();
                latencies[w].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!r.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = deadline.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).OrderBy(x => x).ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new LoadResult(all.Length, errors, all.Length / elapsed, P(0.50), P(0.95), P(0.99), total);
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, string token, string path)
    {
        var req = new HttpRequestMessage(HttpMethod.Get, path);
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(req);
    }
}

/// <summary>Bulk agreements with COPY: realistic mix of kinds, stages, urusan, dates and parties.</summary>
static class Generator
{
    private static readonly string[] Objects =
    [
        "Pengelolaan Sampah Regional", "Penyediaan Air Minum", "Pasokan Cabai untuk Pengendalian Inflasi", "Tridharma Perguruan Tinggi", "Elektronifikasi Retribusi Parkir",
        "Layanan Mal Pelayanan Publik", "Promosi Pariwisata Bersama", "Pemanfaatan Data Kependudukan", "Pengembangan Kota Cerdas", "Beasiswa Daerah",
        "Rehabilitasi Mangrove", "Penanganan Banjir Perbatasan", "Pemasaran Produk UMKM", "Pelayanan Rujukan Kesehatan", "Transportasi Antarwilayah",
    ];
    private static readonly string[] Affairs = ["2.11", "1.03", "2.09", "1.01", "2.15", "1.02", "3.26", "2.12", "2.16", "2.17", "3.27", "3.30"];

    public static async Task<(int Agreements, int Parties)> RunAsync(string cs, int regionCount, int count)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var regions = new List<(string Code, string Name)>();
        await using (var cmd = new NpgsqlCommand("SELECT \"Code\", \"Name\" FROM \"Regions\" WHERE \"IsAutonomous\" ORDER BY \"Code\"", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) regions.Add((r.GetString(0), r.GetString(1)));
        var demo = new[] { "32.77", "32.73", "32.05", "53.71", "13", "64.02" };
        var owners = demo.Concat(regions.Select(r => r.Code).Where(c => !demo.Contains(c))).Take(regionCount).ToArray();
        var names = regions.ToDictionary(r => r.Code, r => r.Name);

        var rnd = new Random(20261127);
        var kinds = new[] { "Ksdpk", "Ksdpk", "Ksdpk", "Sinergi", "Sinergi", "KsddSukarela", "KsddWajib", "Ksdpl", "Ksdll" };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var parties = 0;
        var rows = new List<(Guid Id, string Owner, string Other, string OtherName, string Kind)>(count);
        await using (var writer = await conn.BeginBinaryImportAsync(
            "COPY \"Agreements\" (\"Id\", \"RegionCode\", \"Kind\", \"Stage\", \"EndReason\", \"Title\", \"Object\", \"AffairCode\", \"Value\", \"FundingSource\", " +
            "\"BudgetedInApbd\", \"BurdensPublic\", \"StartsOn\", \"EndsOn\", \"IsForwarding\", \"BorderingConfirmed\", \"DueOn\", \"DueLabel\", \"CreatedAt\", \"UpdatedAt\", \"Version\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var owner = owners[rnd.Next(owners.Length)];
                var kind = kinds[rnd.Next(kinds.Length)];
                var other = regions[rnd.Next(regions.Count)];
                var roll = rnd.NextDouble();
                var stage = roll < 0.60 ? "Implementation" : roll < 0.85 ? "Ended" : kind switch
                {
                    "Sinergi" => "Discussion",
                    "Ksdpl" or "Ksdll" => "Exploration",
                    _ => rnd.Next(3) switch { 0 => "Preparation", 1 => "DraftingKb", _ => "DraftingPks" },
                };
                var starts = today.AddDays(-rnd.Next(30, 2200));
                var ends = starts.AddYears(1 + rnd.Next(5));
                if (stage == "Implementation" && ends < today) ends = today.AddDays(rnd.Next(1, 900));
                var created = new DateTimeOffset(starts.AddDays(-rnd.Next(20, 200)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var updated = created.AddDays(rnd.Next(0, 600));
                var id = Guid.NewGuid();
                var obj = Objects[rnd.Next(Objects.Length)];
                var title = $"Kerja Sama {obj} {names[owner]} dan {other.Name} {i}";
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(owner, NpgsqlDbType.Varchar);
                await writer.WriteAsync(kind, NpgsqlDbType.Varchar);
                await writer.WriteAsync(stage, NpgsqlDbType.Varchar);
                if (stage == "Ended") await writer.WriteAsync(rnd.Next(4) == 0 ? "GoalAchieved" : "TermExpired", NpgsqlDbType.Varchar); else await writer.WriteNullAsync();
                await writer.WriteAsync(title, NpgsqlDbType.Varchar);
                await writer.WriteAsync(obj, NpgsqlDbType.Varchar);
                await writer.WriteAsync(Affairs[rnd.Next(Affairs.Length)], NpgsqlDbType.Varchar);
                await writer.WriteAsync((decimal)rnd.Next(10, 50_000) * 1_000_000m, NpgsqlDbType.Numeric);
                await writer.WriteAsync("Apbd", NpgsqlDbType.Varchar);
                await writer.WriteAsync(rnd.Next(3) > 0, NpgsqlDbType.Boolean);
                await writer.WriteAsync(rnd.Next(5) == 0, NpgsqlDbType.Boolean);
                await writer.WriteAsync(starts, NpgsqlDbType.Date);
                await writer.WriteAsync(ends, NpgsqlDbType.Date);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(kind == "KsddWajib", NpgsqlDbType.Boolean);
                if (stage == "Implementation") { await writer.WriteAsync(ends, NpgsqlDbType.Date); await writer.WriteAsync("Jangka waktu kerja sama berakhir", NpgsqlDbType.Varchar); }
                else { await writer.WriteNullAsync(); await writer.WriteNullAsync(); }
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(updated, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                rows.Add((id, owner, other.Code == owner ? regions[(rnd.Next(regions.Count))].Code : other.Code, other.Name, kind));
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await conn.BeginBinaryImportAsync(
            "COPY \"AgreementParties\" (\"Id\", \"AgreementId\", \"Order\", \"RegionCode\", \"Name\", \"LeadAgencyName\", \"DocumentNumber\") FROM STDIN (FORMAT BINARY)"))
        {
            var n = 0;
            foreach (var (id, owner, other, otherName, kind) in rows)
            {
                n++;
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(owner, NpgsqlDbType.Varchar);
                await writer.WriteAsync(names[owner], NpgsqlDbType.Varchar);
                await writer.WriteAsync("Sekretariat Daerah", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"119/{n}/Bag.KS", NpgsqlDbType.Varchar);
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(2, NpgsqlDbType.Integer);
                if (kind.StartsWith("Ksdd", StringComparison.Ordinal)) await writer.WriteAsync(other, NpgsqlDbType.Varchar); else await writer.WriteNullAsync();
                await writer.WriteAsync(kind.StartsWith("Ksdd", StringComparison.Ordinal) ? otherName : $"Mitra {n % 997}", NpgsqlDbType.Varchar);
                await writer.WriteNullAsync();
                await writer.WriteAsync($"PKS/{n}", NpgsqlDbType.Varchar);
                parties += 2;
            }
            await writer.CompleteAsync();
        }
        return (rows.Count, parties);
    }
}
