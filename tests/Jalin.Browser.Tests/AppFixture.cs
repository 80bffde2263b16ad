using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace Jalin.Browser.Tests;

/// <summary>Starts the real Jalin.Web (the built dll, as a child <c>dotnet</c> process) on a free
/// loopback port with a fresh SQLite database and the demo data, and a headless Chromium.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string Password = "Jalin#Demo2026";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jalin-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _log = new();
    private Process? _app;

    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public string AppLog
    {
        get { lock (_log) return _log.ToString(); }
    }

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("JALIN_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException(
                $"Chromium not found at '{chromium}'. Install it (scripts/install-test-deps does) or set JALIN_CHROMIUM to the chromium executable.");

        Directory.CreateDirectory(_dir);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var webDir = WebOutputDirectory();
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(webDir, "Jalin.Web.dll")])
        {
            WorkingDirectory = webDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["ConnectionStrings__Jalin"] = $"Data Source={Path.Combine(_dir, "jalin.db")}";
        psi.Environment["Database__Provider"] = "Sqlite";
        psi.Environment["Files__Root"] = Path.Combine(_dir, "files");
        psi.Environment["Urls"] = BaseUrl;
        psi.Environment["ASPNETCORE_URLS"] = BaseUrl;
        psi.Environment["Jobs__Enabled"] = "false";
        psi.Environment["Demo__Enabled"] = "true";
        psi.Environment["Security__LoginRateLimitPerMinute"] = "1000";
        // A large import's commit pauses 1.5 s after each 500 rows, so the progress tests see it running (it takes well under a second otherwise).
        psi.Environment["Import__CommitStepPauseMs"] = "1500";
        // Lists over 30 rows are made in the background (ListExportJobPageTests makes 31 agreements; the demo lists other tests
        // download stay under it), and each background download waits 2.5 s before writing, so the page sees it running.
        psi.Environment["Export__BackgroundFromRows"] = "30";
        psi.Environment["Export__StartPauseMs"] = "2500";
        // MapStaticAssets sends "no-cache" on every asset in Development (for hot reload); this asks for the
        // production caching headers (fingerprinted assets immutable for a year), which AssetDeliveryTests checks.
        psi.Environment["EnableStaticAssetsDevelopmentCaching"] = "true";
        _app = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        _app.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _app.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        await WaitForHealthAsync();

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
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
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_app!.HasExited)
                throw new InvalidOperationException($"Jalin.Web exited with code {_app.ExitCode} before it was healthy:\n{AppLog}");
            try
            {
                var response = await http.GetAsync(BaseUrl + "/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"Jalin.Web did not answer {BaseUrl}/health within 120 s:\n{AppLog}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jalin.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Jalin.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>src/Jalin.Web/bin/&lt;same configuration as this test build&gt;/net10.0.</summary>
    private static string WebOutputDirectory()
    {
        var root = RepoRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
        var candidates = new[] { configuration, "Release", "Debug" }.Distinct()
            .Select(c => Path.Combine(root, "src", "Jalin.Web", "bin", c, "net10.0"))
            .Where(d => File.Exists(Path.Combine(d, "Jalin.Web.dll")))
            .ToList();
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException($"Jalin.Web is not built (looked for src/Jalin.Web/bin/{configuration}/net10.0/Jalin.Web.dll); build the solution first.");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "browser";
}
