using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using Jalin.Core.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jalin.Core.Drafting;

/// <summary>Where LibreOffice lives and how long one conversion may take. Configuration key:
/// <c>Pdf:SofficePath</c>.</summary>
public sealed class PdfOptions
{
    /// <summary>Explicit path to <c>soffice</c>; used when the file exists.</summary>
    public string? SofficePath { get; set; }

    /// <summary>Also look for <c>soffice</c> on PATH and in the usual Debian locations.</summary>
    public bool SearchPath { get; set; } = true;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Conversions that run at once on the server (<c>Pdf:MaxConcurrent</c>).</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>Conversions that may wait for a free slot (<c>Pdf:MaxQueue</c>); one more is refused (429).</summary>
    public int MaxQueue { get; set; } = 8;

    /// <summary>How long a conversion waits for a slot before it is refused (<c>Pdf:QueueWaitSeconds</c>).</summary>
    public TimeSpan QueueWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Conversions one user may have running or waiting at once (<c>Pdf:PerUserConcurrent</c>).</summary>
    public int PerUserConcurrent { get; set; } = 2;

    /// <summary>Conversions one user may start in a minute (<c>Pdf:PerUserPerMinute</c>).</summary>
    public int PerUserPerMinute { get; set; } = 10;

    /// <summary>Run soffice without network (<c>unshare -rn</c>) where the platform allows it
    /// (<c>Pdf:IsolateNetwork</c>, default on; falls back to a plain start where unshare is missing or refused).</summary>
    public bool IsolateNetwork { get; set; } = true;
}

/// <summary>DOCX → PDF through headless LibreOffice (<c>soffice --convert-to pdf</c>). Each
/// conversion runs in its own temporary directory with its own LibreOffice user profile. One queue
/// for the server: <see cref="PdfOptions.MaxConcurrent"/> run, <see cref="PdfOptions.MaxQueue"/>
/// wait at most <see cref="PdfOptions.QueueWait"/>, and each user has a share of it
/// (<see cref="PdfOptions.PerUserConcurrent"/>, <see cref="PdfOptions.PerUserPerMinute"/>); beyond
/// that a <see cref="TooManyRequestsError"/> (429). External relationships other than hyperlinks
/// are stripped from the DOCX first, soffice runs without network where <c>unshare</c> allows,
/// and what LibreOffice prints goes to the log, never into a user's message.</summary>
public sealed class PdfConverter(PdfOptions options, ILogger<PdfConverter>? log = null)
{
    private readonly ILogger _log = log ?? NullLogger<PdfConverter>.Instance;
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.MaxConcurrent), Math.Max(1, options.MaxConcurrent));
    private int _waiting;
    private readonly Dictionary<string, UserShare> _users = new(StringComparer.OrdinalIgnoreCase);
    private bool? _unshare;

    private sealed class UserShare
    {
        public int Active;
        public readonly Queue<long> Starts = new();
    }

    /// <summary>Conversions waiting for a slot now (for tests and health).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Conversions running now.</summary>
    public int Running => Math.Max(1, options.MaxConcurrent) - _slots.CurrentCount;

    public const string NotInstalledMessage =
        "Konversi PDF tidak tersedia: LibreOffice (soffice) tidak terpasang di server. Pasang paket libreoffice-writer-nogui atau unduh DOCX.";

    private static readonly string[] KnownLocations = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"];

    public bool IsAvailable => FindSoffice() is not null;

    /// <summary>The <c>soffice</c> executable to run, or null when LibreOffice is not installed.</summary>
    public string? FindSoffice()
    {
        if (options.SofficePath is { Length: > 0 } configured && File.Exists(configured)) return configured;
        if (!options.SearchPath) return null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "soffice");
            if (File.Exists(candidate)) return candidate;
        }
        return KnownLocations.FirstOrDefault(File.Exists);
    }

    /// <summary>A conversion outside any user's share (the server's own work).</summary>
    public Task<Result<byte[]>> ConvertDocxAsync(byte[] docx, CancellationToken ct) => ConvertDocxAsync(docx, null, ct);

    /// <summary>Converts within <paramref name="user"/>'s share of the queue.</summary>
    public async Task<Result<byte[]>> ConvertDocxAsync(byte[] docx, string? user, CancellationToken ct)
    {
        var soffice = FindSoffice();
        if (soffice is null) return new ServiceUnavailableError(NotInstalledMessage);
        if (TakeUserShare(user) is { } refused) return refused;
        try
        {
            if (!_slots.Wait(0))
            {
                if (Interlocked.Increment(ref _waiting) > Math.Max(0, options.MaxQueue))
                {
                    Interlocked.Decrement(ref _waiting);
                    _log.LogWarning("PDF conversion refused for {User}: queue full ({Waiting} waiting)", user, options.MaxQueue);
                    return new TooManyRequestsError("Antrean konversi PDF sedang penuh. Coba lagi beberapa saat lagi, atau unduh DOCX.");
                }
                bool entered;
                try { entered = await _slots.WaitAsync(options.QueueWait, ct); }
                finally { Interlocked.Decrement(ref _waiting); }
                if (!entered)
                {
                    _log.LogWarning("PDF conversion refused for {User}: no slot within {Wait}", user, options.QueueWait);
                    return new TooManyRequestsError(
                        $"Konversi PDF menunggu antrean lebih dari {options.QueueWait.TotalSeconds:0} detik dan dibatalkan. Coba lagi beberapa saat lagi, atau unduh DOCX.");
                }
            }
            try { return await RunAsync(soffice, docx, ct); }
            finally { _slots.Release(); }
        }
        finally
        {
            if (user is not null)
                lock (_users)
                    if (_users.TryGetValue(user, out var share)) share.Active--;
        }
    }

    private TooManyRequestsError? TakeUserShare(string? user)
    {
        if (user is null) return null;
        var now = Environment.TickCount64;
        lock (_users)
        {
            if (!_users.TryGetValue(user, out var share)) _users[user] = share = new UserShare();
            while (share.Starts.Count > 0 && now - share.Starts.Peek() > 60_000) share.Starts.Dequeue();
            if (share.Active >= Math.Max(1, options.PerUserConcurrent))
                return new TooManyRequestsError(
                    $"Anda masih memiliki {share.Active} konversi PDF yang berjalan atau menunggu. Tunggu hingga selesai, lalu coba lagi.");
            if (share.Starts.Count >= Math.Max(1, options.PerUserPerMinute))
                return new TooManyRequestsError(
                    $"Anda telah meminta {share.Starts.Count} konversi PDF dalam satu menit terakhir (paling banyak {options.PerUserPerMinute}). Coba lagi sebentar lagi.");
            share.Active++;
            share.Starts.Enqueue(now);
            return null;
        }
    }

    private const string Failed = "Konversi PDF gagal: LibreOffice tidak dapat mengubah naskah ini. Rinciannya dicatat di log server; unduh DOCX sebagai gantinya.";

    private async Task<Result<byte[]>> RunAsync(string soffice, byte[] docx, CancellationToken ct)
    {
        var stripped = StripExternalLinks(docx);
        if (stripped is null) return new ServiceUnavailableError("Konversi PDF gagal: naskah bukan berkas DOCX yang dapat dibaca. Unduh DOCX sebagai gantinya.");
        var dir = Path.Combine(Path.GetTempPath(), "jalin-pdf-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            var input = Path.Combine(dir, "naskah.docx");
            await File.WriteAllBytesAsync(input, stripped, ct);

            var isolated = options.IsolateNetwork && CanUnshare();
            var start = new ProcessStartInfo(isolated ? "unshare" : soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                WorkingDirectory = dir,
            };
            // unshare -r -n: a new user namespace mapping the caller to root (so no privilege is needed) and a network namespace with no interface but a down loopback.
            if (isolated) foreach (var arg in new[] { "-r", "-n", "--", soffice }) start.ArgumentList.Add(arg);
            foreach (var arg in new[]
                     {
                         "--headless", "--norestore", "--nologo", "--nolockcheck",
                         "-env:UserInstallation=" + new Uri(Path.Combine(dir, "profile")).AbsoluteUri,
                         "--convert-to", "pdf", "--outdir", dir, input,
                     })
                start.ArgumentList.Add(arg);

            // The region's typeface or its metric-compatible twin, never fontconfig's first guess (DejaVu Sans).
            var fontsConf = Path.Combine(dir, "fonts.conf");
            await File.WriteAllTextAsync(fontsConf, FontConfig(Path.Combine(dir, "fontcache")), ct);
            start.Environment["FONTCONFIG_FILE"] = fontsConf;

            using var process = new Process { StartInfo = start };
            try
            {
                if (!process.Start()) return new ServiceUnavailableError("Konversi PDF gagal: LibreOffice (soffice) tidak dapat dijalankan.");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                _log.LogError(e, "soffice {Soffice} could not be started", soffice);
                return new ServiceUnavailableError("Konversi PDF gagal: LibreOffice (soffice) tidak dapat dijalankan.");
            }
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                ct.ThrowIfCancellationRequested();
                _log.LogWarning("soffice killed after {Timeout}", options.Timeout);
                return new ServiceUnavailableError(
                    $"Konversi PDF dihentikan: LibreOffice tidak selesai dalam {options.Timeout.TotalSeconds:0} detik. Coba lagi nanti atau unduh DOCX.");
            }
            var output = (await stdout + "\n" + await stderr).Trim();

            var pdf = Path.Combine(dir, "naskah.pdf");
            if (process.ExitCode != 0)
            {
                _log.LogError("soffice exited with {Code} (network isolated: {Isolated}): {Output}", process.ExitCode, isolated, Clip(output));
                return new ServiceUnavailableError(Failed);
            }
            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                _log.LogError("soffice wrote no PDF (network isolated: {Isolated}): {Output}", isolated, Clip(output));
                return new ServiceUnavailableError(Failed);
            }
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
            catch (IOException) { /* a killed soffice may still hold a file for a moment */ }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Each typeface a region may choose (<see cref="DocumentFont.Families"/>) and the free
    /// font with the same metrics that scripts/install-test-deps installs, so the PDF keeps the
    /// DOCX's line and page breaks: Bookman Old Style → URW Bookman (fonts-urw-base35), Arial →
    /// Liberation Sans and Times New Roman → Liberation Serif (fonts-liberation2), Tahoma → the Wine
    /// project's Tahoma (fonts-wine), drawn to Tahoma's widths as a drop-in for Windows programs.</summary>
    public static readonly IReadOnlyList<(string Family, string Substitute)> Substitutes =
    [
        ("Bookman Old Style", "URW Bookman"), ("Bookman", "URW Bookman"), ("ITC Bookman", "URW Bookman"),
        ("Arial", "Liberation Sans"), ("Helvetica", "Liberation Sans"),
        ("Times New Roman", "Liberation Serif"), ("Times", "Liberation Serif"),
        ("Tahoma", "Tahoma"),
    ];

    /// <summary>Where Debian's fonts-wine puts its Tahoma (outside fontconfig's default directories).</summary>
    public const string WineFontsDirectory = "/usr/share/wine/fonts";

    /// <summary>The fontconfig file LibreOffice gets through FONTCONFIG_FILE: the system's
    /// configuration plus strong aliases from each region typeface to its metric-compatible font.</summary>
    public static string FontConfig(string cacheDirectory)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("<?xml version=\"1.0\"?>");
        sb.AppendLine("<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">");
        sb.AppendLine("<fontconfig>");
        sb.AppendLine("  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>");
        sb.AppendLine($"  <dir>{System.Security.SecurityElement.Escape(WineFontsDirectory)}</dir>");
        sb.AppendLine($"  <cachedir>{System.Security.SecurityElement.Escape(cacheDirectory)}</cachedir>");
        foreach (var (family, substitute) in Substitutes)
        {
            sb.AppendLine("  <match target=\"pattern\">");
            sb.AppendLine($"    <test qual=\"any\" name=\"family\"><string>{family}</string></test>");
            sb.AppendLine($"    <edit name=\"family\" mode=\"assign\" binding=\"strong\"><string>{substitute}</string></edit>");
            sb.AppendLine("  </match>");
        }
        sb.AppendLine("</fontconfig>");
        return sb.ToString();
    }

    private static string Clip(string output) => output.Length > 2000 ? output[..2000] + "…" : output;

    /// <summary>A copy of <paramref name="docx"/> without external relationships other than
    /// hyperlinks (linked pictures, remote templates, linked objects and frames), so LibreOffice
    /// fetches nothing while it converts; null when the bytes are not a Word package.</summary>
    public static byte[]? StripExternalLinks(byte[] docx)
    {
        try
        {
            var stream = new MemoryStream();
            stream.Write(docx);
            using (var doc = WordprocessingDocument.Open(stream, true, new OpenSettings { AutoSave = true }))
            {
                var seen = new HashSet<OpenXmlPartContainer>();
                Strip(doc, seen);
            }
            return stream.ToArray();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or ArgumentException
                                     or InvalidOperationException or FileFormatException)
        {
            return null;
        }
    }

    private static void Strip(OpenXmlPartContainer container, HashSet<OpenXmlPartContainer> seen)
    {
        if (!seen.Add(container)) return;
        foreach (var rel in container.ExternalRelationships.Where(r => r.RelationshipType != Files.OfficePackage.HyperlinkType).ToList())
            container.DeleteExternalRelationship(rel);
        foreach (var child in container.Parts.Select(p => p.OpenXmlPart).ToList()) Strip(child, seen);
    }

    /// <summary>Whether <c>unshare -r -n</c> works here (tried once: a container may forbid new namespaces).</summary>
    private bool CanUnshare()
    {
        if (_unshare is { } known) return known;
        var works = false;
        try
        {
            using var p = Process.Start(new ProcessStartInfo("unshare", ["-r", "-n", "--", "true"])
            {
                UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, CreateNoWindow = true,
            });
            works = p is not null && p.WaitForExit(5000) && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { }
        if (!works) _log.LogWarning("unshare -r -n is not available here: LibreOffice runs with the server's network access");
        _unshare = works;
        return works;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }
}
