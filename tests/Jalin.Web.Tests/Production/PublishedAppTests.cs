using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Tests.Production;

/// <summary>`dotnet publish` of Jalin.Web (once per test run, from the already built configuration)
/// started as a region's server runs it: ASPNETCORE_ENVIRONMENT=Production, a public https address,
/// a fresh SQLite database, no demo, on a loopback port.</summary>
public class PublishedApp : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jalin-published", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _log = new();
    private Process? _app;

    public string BaseUrl { get; private set; } = "";
    public string DatabaseFile => Path.Combine(_dir, "jalin.db");

    /// <summary>Extra environment for a variant of the published app (e.g. a mail server).</summary>
    protected virtual Task ConfigureAsync(ProcessStartInfo psi) => Task.CompletedTask;
    public string Log { get { lock (_log) return _log.ToString(); } }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var root = RepoRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
        var output = Path.Combine(_dir, "app");
        await Run("dotnet", ["publish", Path.Combine(root, "src", "Jalin.Web", "Jalin.Web.csproj"), "-c", configuration, "--no-build", "-o", output, "-nologo"], root);

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
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
        psi.Environment["Audit__Keys__prod"] = ProductionApp.SecretKey;
        psi.Environment["Audit__CurrentKeyId"] = "prod";
        psi.Environment["Audit__AnchorDirectory"] = Path.Combine(_dir, "anchors");
        psi.Environment["DataProtection__Key"] = ProductionApp.SecretKey;
        psi.Environment["DataProtection__KeysDirectory"] = Path.Combine(_dir, "keys");
        await ConfigureAsync(psi);
        _app = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        _app.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _app.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_app.HasExited) throw new InvalidOperationException($"published Jalin.Web exited with {_app.ExitCode}:\n{Log}");
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

    public virtual async Task DisposeAsync()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static async Task Run(string file, string[] args, string workingDirectory)
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

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jalin.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Jalin.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Issue #8 item 11: the published output in Production serves the login page, the
/// MudBlazor and Blazor assets, and the production header set (HSTS, CSP, Secure cookies).</summary>
public sealed class PublishedAppTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    [Fact]
    public async Task PublishedProductionApp_ServesLoginAssetsAndHeaders()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var page = await http.GetAsync("/masuk");
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"/masuk answered {(int)page.StatusCode}:\n{app.Log}");
        Assert.Contains("<form", html);

        Assert.Equal(SecurityHeaders.StrictTransportSecurity, page.Headers.GetValues("Strict-Transport-Security").Single());
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("connect-src 'self';", csp);
        Assert.DoesNotContain("ws:", csp);
        var cookies = page.Headers.TryGetValues("Set-Cookie", out var c) ? c.ToList() : [];
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("secure", cookie.ToLowerInvariant()));

        // The assets the page links (fingerprinted names from the publish manifest) all answer 200.
        var assets = Regex.Matches(html, "(?:href|src)=\"/?((?:_content/MudBlazor|_framework)/[^\"]+)\"").Select(m => "/" + m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.Contains("MudBlazor") && a.EndsWith(".css"));
        Assert.Contains(assets, a => a.Contains("MudBlazor") && a.EndsWith(".js"));
        Assert.Contains(assets, a => a.Contains("blazor.web"));
        foreach (var asset in assets)
            Assert.True((await http.GetAsync(asset)).StatusCode == HttpStatusCode.OK, $"{asset} did not answer 200");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/_content/MudBlazor/MudBlazor.min.css")).StatusCode);

        // Production defaults: no API reference, /health says only the status.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal("{\"status\":\"Healthy\"}", await http.GetStringAsync("/health"));
    }
}
