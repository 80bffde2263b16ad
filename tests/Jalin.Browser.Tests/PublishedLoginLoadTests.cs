using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jalin.Browser.Tests;

/// <summary>`dotnet publish` of Jalin.Web (from the configuration already built, --no-build) started in
/// Production as a region's server runs it (fresh SQLite, no demo, loopback port), and a headless
/// Chromium. Started once for <see cref="PublishedLoginLoadTests"/>; the Web tests' PublishedApp does the same.</summary>
public sealed class PublishedBrowserApp : IAsyncLifetime
{
    /// <summary>A 32-byte test key (base64) for the audit chain and data protection; never a real one.</summary>
    private const string TestKey = "dGVzdC1rZXktMzItYnl0ZXMtZm9yLWphbGluLXRlc3Q=";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jalin-published-browser", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _log = new();
    private Process? _app;

    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string Log { get { lock (_log) return _log.ToString(); } }

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("JALIN_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        if (!File.Exists(chromium)) throw new InvalidOperationException($"Chromium not found at '{chromium}'. Set JALIN_CHROMIUM or run scripts/install-test-deps.");
        Directory.CreateDirectory(_dir);
        var root = AppFixture.RepoRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
        var output = Path.Combine(_dir, "app");
        await RunAsync("dotnet", ["publish", Path.Combine(root, "src", "Jalin.Web", "Jalin.Web.csproj"), "-c", configuration, "--no-build", "-o", output, "-nologo"], root);

        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(output, "Jalin.Web.dll")])
        {
            WorkingDirectory = output, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_URLS"] = BaseUrl;
        psi.Environment["Urls"] = BaseUrl;
        psi.Environment["Database__Provider"] = "Sqlite";
        psi.Environment["ConnectionStrings__Jalin"] = $"Data Source={Path.Combine(_dir, "jalin.db")}";
        psi.Environment["Files__Root"] = Path.Combine(_dir, "files");
        psi.Environment["Jalin__PublicBaseUrl"] = "https://jalin.contoh.go.id";
        psi.Environment["Jobs__Enabled"] = "false";
        psi.Environment["Audit__Keys__prod"] = TestKey;
        psi.Environment["Audit__CurrentKeyId"] = "prod";
        psi.Environment["Audit__AnchorDirectory"] = Path.Combine(_dir, "anchors");
        psi.Environment["DataProtection__Key"] = TestKey;
        psi.Environment["DataProtection__KeysDirectory"] = Path.Combine(_dir, "keys");
        _app = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        _app.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _app.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        await WaitForHealthAsync();

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage"] });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_app!.HasExited) throw new InvalidOperationException($"published Jalin.Web exited with {_app.ExitCode}:\n{Log}");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"published Jalin.Web did not answer /health within 90 s:\n{Log}");
    }

    private static async Task RunAsync(string file, string[] args, string workingDirectory)
    {
        var psi = new ProcessStartInfo(file, args) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(cts.Token);
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>Issue #9 item 7, measured in a browser on the published app: the first load of /masuk is
/// under 250 KB on the wire, every CSS and JS file comes compressed, and a second visit downloads no
/// CSS or JS again (from the cache, or a bodiless 304 where the server revalidates).</summary>
public sealed class PublishedLoginLoadTests(PublishedBrowserApp app, ITestOutputHelper output) : IClassFixture<PublishedBrowserApp>
{
    private const double Budget = 250 * 1024;

    [Fact]
    public async Task Published_login_page_first_load_is_under_250_KB_compressed_and_a_second_visit_downloads_no_css_or_js()
    {
        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "id-ID" });
        var page = await context.NewPageAsync();
        var first = await NetworkLog.LoadAsync(context, page, app.BaseUrl + "/masuk");
        var total = first.Sum(h => h.Bytes);

        var report = new StringBuilder();
        report.AppendLine($"Published app (Production), first load of /masuk: {first.Count} responses, {total / 1024:0.0} KB transferred (budget 250 KB)");
        foreach (var h in first.OrderByDescending(h => h.Bytes))
            report.AppendLine($"  {h.Bytes / 1024,7:0.0} KB  {h.Status} {h.Encoding ?? "identity",-8} {h.Path}");

        // The published server's answer to a revalidation of each CSS/JS file (MudBlazor's are served by plain path, see App.razor).
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(app.BaseUrl) };
        var revalidates = new Dictionary<string, bool>();
        foreach (var a in first.Where(h => h.IsCssOrJs))
        {
            var response = await http.GetAsync(new Uri(a.Url).PathAndQuery);
            var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(a.Url).PathAndQuery);
            if (response.Headers.ETag is { } etag) conditional.Headers.IfNoneMatch.Add(etag);
            revalidates[a.Path] = (await http.SendAsync(conditional)).StatusCode == HttpStatusCode.NotModified;
        }

        var second = await NetworkLog.LoadAsync(context, page, app.BaseUrl + "/masuk");
        report.AppendLine($"Second load of /masuk: {second.Sum(h => h.Bytes) / 1024:0.0} KB transferred");
        foreach (var h in second.Where(h => h.IsCssOrJs))
            report.AppendLine($"  second: {h.Status} {(h.FromCache ? "cache" : "network"),-7} {h.Bytes / 1024,7:0.0} KB {h.Path} (server answers revalidation with 304: {(revalidates.GetValueOrDefault(h.Path) ? "yes" : "no")})");

        output.WriteLine(report.ToString());
        var file = Path.Combine(AppFixture.RepoRoot(), "TestResults", "login-first-load-published.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, report.ToString());

        var assets = first.Where(h => h.IsCssOrJs).ToList();
        Assert.Contains(assets, a => a.Path.Contains("/MudBlazor/") && a.Path.EndsWith(".css"));
        Assert.Contains(assets, a => a.Path.Contains("blazor.web"));
        foreach (var a in assets)
            Assert.True(a.Encoding is "br" or "gzip", $"{a.Path} was sent uncompressed by the published app");
        Assert.True(total < Budget, $"first load of /masuk is {total / 1024:0.0} KB, over the 250 KB budget:\n{report}");

        // Second visit: no CSS or JS over the network again: from the cache, or a bodiless 304. MudBlazor's
        // files count too when the published server answers their revalidation with 304.
        var downloaded = second.Where(h => h.IsCssOrJs && !h.FromCache && h.Status != 304
            && (!h.Path.Contains("/MudBlazor/") || revalidates.GetValueOrDefault(h.Path))).ToList();
        Assert.True(downloaded.Count == 0, "downloaded again: " + string.Join(", ", downloaded.Select(d => $"{d.Path} ({d.Status})")) + "\n" + report);
        Assert.True(second.Count(h => h.IsCssOrJs && h.FromCache) >= 2, "the fingerprinted blazor.web.js and app.css come from the cache\n" + report);
    }
}
