using System.Diagnostics;
using MimeKit;

namespace Jalin.Tests.Shared;

/// <summary>A real SMTP server on loopback: Node's smtp-server (scripts/smtp-test-server.mjs, installed by
/// scripts/install-test-deps), each received message kept as an .eml file and read back with MimeKit.
/// <see cref="StopAsync"/> and <see cref="StartAsync"/> on the same port make a mail-server outage.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private static readonly string Root = FindRoot();
    private Process? _process;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "jalin-smtp-" + Guid.NewGuid().ToString("N"));
    public int Port { get; private set; }

    public static async Task<SmtpTestServer> StartNewAsync()
    {
        var server = new SmtpTestServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var script = Path.Combine(Root, "scripts", "smtp-test-server.mjs");
        if (!File.Exists(Path.Combine(Root, ".test-deps", "node_modules", "smtp-server", "package.json")))
            throw new InvalidOperationException("smtp-server is not installed: run scripts/install-test-deps (scripts/test does).");
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(Directory);
        psi.ArgumentList.Add(Port.ToString());
        _process = Process.Start(psi) ?? throw new InvalidOperationException("node could not be started");
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (line is null || !line.StartsWith("listening ")) throw new InvalidOperationException("smtp-test-server did not start: " + await _process.StandardError.ReadToEndAsync());
        Port = int.Parse(line["listening ".Length..]);
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public IReadOnlyList<MimeMessage> Messages() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList()
            : [];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "smtp-test-server.mjs"))) return dir.FullName;
        throw new InvalidOperationException("repository root (scripts/smtp-test-server.mjs) not found");
    }
}
