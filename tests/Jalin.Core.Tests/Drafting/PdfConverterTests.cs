using System.Text.RegularExpressions;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using UglyToad.PdfPig;

namespace Jalin.Core.Tests.Drafting;

/// <summary>One real LibreOffice conversion of a stamped naskah, shared by the PDF assertions
/// (each soffice start costs seconds).</summary>
public sealed class StampedNaskahPdf : IAsyncLifetime
{
    public const string Code = "7K3M-QW9D-2HXA";
    public const string Url = "https://jalin.example.go.id/verifikasi/7K3M-QW9D-2HXA";

    public PdfConverter Converter { get; } = new(new PdfOptions());
    public Result<byte[]> Result { get; private set; }
    public TimeSpan Elapsed { get; private set; }

    public async Task InitializeAsync()
    {
        if (!Converter.IsAvailable) return;
        var docx = VerificationMark.Stamp(NaskahDocx.Write(VerificationMarkTests.TwoParties()), Code, Url);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Result = await Converter.ConvertDocxAsync(docx, CancellationToken.None);
        Elapsed = sw.Elapsed;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The PDF bytes; fails the calling test (never skips) when LibreOffice is missing.</summary>
    public byte[] Pdf()
    {
        Assert.True(Converter.IsAvailable,
            "LibreOffice (soffice) is not installed, so the PDF tests cannot run. Run scripts/install-test-deps (installs libreoffice-writer-nogui).");
        Assert.True(Result.Ok, $"Conversion failed: {Result.Error?.Message}");
        return Result.Value!;
    }

    /// <summary>All words of all pages, whitespace collapsed to single spaces.</summary>
    public string Text()
    {
        using var pdf = PdfDocument.Open(Pdf());
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text);
        return Regex.Replace(string.Join(" ", words), @"\s+", " ");
    }
}

public class PdfConverterTests(StampedNaskahPdf fixture) : IClassFixture<StampedNaskahPdf>
{
    [Fact]
    public void Converted_naskah_is_a_pdf_with_pages()
    {
        var bytes = fixture.Pdf();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 1, $"{pdf.NumberOfPages} pages");
    }

    [Fact]
    public void Converted_naskah_says_what_the_docx_says()
    {
        var text = fixture.Text();
        Assert.Contains("PERJANJIAN KERJA SAMA", text);
        Assert.Contains("PENGELOLAAN SAMPAH REGIONAL", text);
        Assert.Contains("PEMERINTAH KOTA CIMAHI", text);
        Assert.Contains("PEMERINTAH KABUPATEN BANDUNG BARAT", text);
        Assert.Contains("Pemerintah Kota Cimahi", text);
        Assert.Contains("Pemerintah Kabupaten Bandung Barat", text);
        Assert.Contains("Pasal 1", text);
        Assert.Contains("Pasal 4", text);
        Assert.Contains("PIHAK KESATU", text);
        Assert.Contains("PIHAK KEDUA", text);
    }

    [Fact]
    public void Converted_naskah_carries_the_verification_footer_on_every_page()
    {
        var bytes = fixture.Pdf();
        using var pdf = PdfDocument.Open(bytes);
        foreach (var page in pdf.GetPages())
        {
            var text = Regex.Replace(string.Join(" ", page.GetWords().Select(w => w.Text)), @"\s+", " ");
            Assert.Contains("Kode verifikasi: " + StampedNaskahPdf.Code, text);
            Assert.Contains("Periksa keaslian dokumen di", text);
            // the footer sits at the bottom of the page, the QR is about 2 cm (56.7 pt) square
            var code = Assert.Single(page.GetWords(), w => w.Text == StampedNaskahPdf.Code);
            Assert.True(code.BoundingBox.Top < page.Height * 0.12, $"code at y={code.BoundingBox.Top} of {page.Height}");
            var qr = Assert.Single(page.GetImages());
            Assert.InRange(qr.BoundingBox.Width, 50, 63);
            Assert.InRange(qr.BoundingBox.Height, 50, 63);
            Assert.True(qr.BoundingBox.Top < page.Height * 0.15, $"QR at y={qr.BoundingBox.Top} of {page.Height}");
        }
    }

    [Fact]
    public async Task Missing_soffice_is_a_service_unavailable_error_in_indonesian()
    {
        var converter = new PdfConverter(new PdfOptions { SofficePath = "/nonexistent/libreoffice/soffice", SearchPath = false });
        Assert.False(converter.IsAvailable);
        Assert.Null(converter.FindSoffice());
        var result = await converter.ConvertDocxAsync(NaskahDocx.Write(VerificationMarkTests.TwoParties()), CancellationToken.None);
        Assert.False(result.Ok);
        var error = Assert.IsType<ServiceUnavailableError>(result.Error);
        Assert.Equal("layanan_tidak_tersedia", error.Code);
        Assert.Contains("LibreOffice", error.Message);
        Assert.Equal(PdfConverter.NotInstalledMessage, error.Message);
    }

    [Fact]
    public void Configured_soffice_path_wins_and_search_finds_an_installed_soffice()
    {
        var installed = fixture.Converter.FindSoffice();
        Assert.True(installed is not null, "LibreOffice (soffice) is not installed. Run scripts/install-test-deps.");
        Assert.Equal(installed, new PdfConverter(new PdfOptions { SofficePath = installed, SearchPath = false }).FindSoffice());
    }

    [Fact]
    public async Task A_failing_soffice_is_a_service_unavailable_error()
    {
        // a stand-in "soffice" that exits with an error and writes nothing
        var dir = Directory.CreateTempSubdirectory("jalin-fake-soffice-");
        try
        {
            var fake = Path.Combine(dir.FullName, "soffice");
            await File.WriteAllTextAsync(fake, "#!/bin/sh\necho kaput >&2\nexit 3\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
            var docx = NaskahDocx.Write(VerificationMarkTests.TwoParties());
            var result = await new PdfConverter(new PdfOptions { SofficePath = fake, SearchPath = false }).ConvertDocxAsync(docx, CancellationToken.None);
            var error = Assert.IsType<ServiceUnavailableError>(result.Error);
            Assert.Contains("log server", error.Message);
            Assert.DoesNotContain("kaput", error.Message); // LibreOffice's output goes to the log, never to the user

            // Bytes that are not a Word package never reach soffice.
            var broken = await new PdfConverter(new PdfOptions { SofficePath = fake, SearchPath = false }).ConvertDocxAsync([1, 2, 3], CancellationToken.None);
            Assert.Contains("bukan berkas DOCX", Assert.IsType<ServiceUnavailableError>(broken.Error).Message);

            await File.WriteAllTextAsync(fake, "#!/bin/sh\nsleep 30\n");
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var slow = await new PdfConverter(new PdfOptions { SofficePath = fake, SearchPath = false, Timeout = TimeSpan.FromMilliseconds(300) })
                .ConvertDocxAsync(docx, CancellationToken.None);
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");
            Assert.Contains("tidak selesai dalam", Assert.IsType<ServiceUnavailableError>(slow.Error).Message);

            await File.WriteAllTextAsync(fake, "#!/bin/sh\nexit 0\n");
            var none = await new PdfConverter(new PdfOptions { SofficePath = fake, SearchPath = false }).ConvertDocxAsync(docx, CancellationToken.None);
            Assert.Contains("Konversi PDF gagal", Assert.IsType<ServiceUnavailableError>(none.Error).Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
    [Fact]
    public async Task Cancellation_kills_soffice_and_is_reported_as_cancelled()
    {
        var dir = Directory.CreateTempSubdirectory("jalin-fake-soffice-");
        try
        {
            var fake = Path.Combine(dir.FullName, "soffice");
            var pidFile = Path.Combine(dir.FullName, "pid");
            await File.WriteAllTextAsync(fake, $"#!/bin/sh\necho $$ > {pidFile}\nexec sleep 30\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            var sw = System.Diagnostics.Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                new PdfConverter(new PdfOptions { SofficePath = fake, SearchPath = false }).ConvertDocxAsync(NaskahDocx.Write(VerificationMarkTests.TwoParties()), cts.Token));
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");
            var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "), $"soffice stand-in {pid} still running");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task At_most_two_conversions_run_at_once()
    {
        var dir = Directory.CreateTempSubdirectory("jalin-fake-soffice-");
        try
        {
            var running = Directory.CreateDirectory(Path.Combine(dir.FullName, "running")).FullName;
            var log = Path.Combine(dir.FullName, "log");
            var fake = Path.Combine(dir.FullName, "soffice");
            await File.WriteAllTextAsync(fake,
                $"#!/bin/sh\ntouch {running}/$$\nls {running} | wc -l >> {log}\nsleep 0.4\nrm {running}/$$\nexit 1\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
            var converter = new PdfConverter(new PdfOptions { SofficePath = fake, SearchPath = false });
            var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => converter.ConvertDocxAsync(NaskahDocx.Write(VerificationMarkTests.TwoParties()), CancellationToken.None))));
            Assert.All(results, r => Assert.IsType<ServiceUnavailableError>(r.Error));
            var counts = (await File.ReadAllLinesAsync(log)).Select(l => int.Parse(l.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(5, counts.Count);
            Assert.True(counts.Max() <= 2, $"{counts.Max()} conversions at once");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
