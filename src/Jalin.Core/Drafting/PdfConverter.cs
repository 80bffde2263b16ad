using System.Diagnostics;
using Jalin.Core.Common;

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
}

/// <summary>DOCX → PDF through headless LibreOffice (<c>soffice --convert-to pdf</c>). Each
/// conversion runs in its own temporary directory with its own LibreOffice user profile, so
/// conversions do not block each other; at most two run at once on the server.</summary>
public sealed class PdfConverter(PdfOptions options)
{
    public const string NotInstalledMessage =
        "Konversi PDF tidak tersedia: LibreOffice (soffice) tidak terpasang di server. Pasang paket libreoffice-writer-nogui atau unduh DOCX.";

    private static readonly SemaphoreSlim Slots = new(2, 2);

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

    public async Task<Result<byte[]>> ConvertDocxAsync(byte[] docx, CancellationToken ct)
    {
        var soffice = FindSoffice();
        if (soffice is null) return new ServiceUnavailableError(NotInstalledMessage);

        await Slots.WaitAsync(ct);
        var dir = Path.Combine(Path.GetTempPath(), "jalin-pdf-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            var input = Path.Combine(dir, "naskah.docx");
            await File.WriteAllBytesAsync(input, docx, ct);

            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                WorkingDirectory = dir,
            };
            foreach (var arg in new[]
                     {
                         "--headless", "--norestore", "--nologo", "--nolockcheck",
                         "-env:UserInstallation=" + new Uri(Path.Combine(dir, "profile")).AbsoluteUri,
                         "--convert-to", "pdf", "--outdir", dir, input,
                     })
                start.ArgumentList.Add(arg);

            using var process = new Process { StartInfo = start };
            try
            {
                if (!process.Start()) return new ServiceUnavailableError("Konversi PDF gagal: LibreOffice (soffice) tidak dapat dijalankan.");
            }
            catch (System.ComponentModel.Win32Exception)
            {
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
                return new ServiceUnavailableError(
                    $"Konversi PDF dihentikan: LibreOffice tidak selesai dalam {options.Timeout.TotalSeconds:0} detik. Coba lagi nanti atau unduh DOCX.");
            }
            var output = (await stdout + "\n" + await stderr).Trim();

            var pdf = Path.Combine(dir, "naskah.pdf");
            if (process.ExitCode != 0)
                return new ServiceUnavailableError(
                    $"Konversi PDF gagal: LibreOffice berhenti dengan kode {process.ExitCode}. Unduh DOCX sebagai gantinya.{Detail(output)}");
            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
                return new ServiceUnavailableError($"Konversi PDF gagal: LibreOffice tidak menghasilkan berkas PDF. Unduh DOCX sebagai gantinya.{Detail(output)}");
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            Slots.Release();
            try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
            catch (IOException) { /* a killed soffice may still hold a file for a moment */ }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static string Detail(string output) =>
        output.Length == 0 ? "" : " Keluaran: " + (output.Length > 300 ? output[..300] + "…" : output);

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
