using DocumentFormat.OpenXml.Packaging;
using Jalin.Core.Common;
using Jalin.Core.Drafting;

namespace Jalin.Core.Tests.Drafting;

/// <summary>The PDF converter's one queue and each user's share of it, with a real long-running
/// process as the converter (a shell script that sleeps), so the code path is the real one.</summary>
public sealed class PdfQueueTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("jalin-pdf-queue-");
    private static readonly byte[] Docx = NaskahDocx.Write(VerificationMarkTests.TwoParties());

    private string Fake(string script)
    {
        var path = Path.Combine(_dir.FullName, "soffice-" + Guid.NewGuid().ToString("N")[..6]);
        File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        return path;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), "condition not reached");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_full_queue_refuses_at_once_with_429_in_indonesian()
    {
        var converter = new PdfConverter(new PdfOptions { SofficePath = Fake("exec sleep 30"), SearchPath = false, MaxConcurrent = 1, MaxQueue = 0 });
        using var cts = new CancellationTokenSource();
        var first = converter.ConvertDocxAsync(Docx, "a", cts.Token);
        await WaitUntil(() => converter.Running == 1);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var refused = await converter.ConvertDocxAsync(Docx, "b", CancellationToken.None);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(2), $"took {sw.Elapsed}");
        Assert.Contains("Antrean konversi PDF sedang penuh", Assert.IsType<TooManyRequestsError>(refused.Error).Message);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(0, converter.Running);
    }

    [Fact]
    public async Task A_wait_longer_than_the_setting_is_refused()
    {
        var converter = new PdfConverter(new PdfOptions
        {
            SofficePath = Fake("exec sleep 30"), SearchPath = false, MaxConcurrent = 1, MaxQueue = 1, QueueWait = TimeSpan.FromMilliseconds(400),
        });
        using var cts = new CancellationTokenSource();
        var first = converter.ConvertDocxAsync(Docx, "a", cts.Token);
        await WaitUntil(() => converter.Running == 1);
        var waited = await converter.ConvertDocxAsync(Docx, "b", CancellationToken.None);
        Assert.Contains("menunggu antrean lebih dari", Assert.IsType<TooManyRequestsError>(waited.Error).Message);
        Assert.Equal(0, converter.Waiting);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    [Fact]
    public async Task One_user_cannot_take_the_whole_queue_nor_convert_without_end()
    {
        var converter = new PdfConverter(new PdfOptions
        {
            SofficePath = Fake("exec sleep 30"), SearchPath = false, MaxConcurrent = 2, MaxQueue = 4, PerUserConcurrent = 1,
        });
        using var cts = new CancellationTokenSource();
        var first = converter.ConvertDocxAsync(Docx, "petugas.a", cts.Token);
        await WaitUntil(() => converter.Running == 1);
        var again = await converter.ConvertDocxAsync(Docx, "PETUGAS.A", CancellationToken.None);
        Assert.Contains("masih memiliki 1 konversi PDF", Assert.IsType<TooManyRequestsError>(again.Error).Message);
        var other = converter.ConvertDocxAsync(Docx, "petugas.b", cts.Token);
        await WaitUntil(() => converter.Running == 2); // another user still gets a slot
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => other);

        var fast = new PdfConverter(new PdfOptions { SofficePath = Fake("exit 1"), SearchPath = false, PerUserPerMinute = 2 });
        Assert.IsType<ServiceUnavailableError>((await fast.ConvertDocxAsync(Docx, "petugas.a", CancellationToken.None)).Error);
        Assert.IsType<ServiceUnavailableError>((await fast.ConvertDocxAsync(Docx, "petugas.a", CancellationToken.None)).Error);
        var third = await fast.ConvertDocxAsync(Docx, "petugas.a", CancellationToken.None);
        Assert.Contains("dalam satu menit terakhir", Assert.IsType<TooManyRequestsError>(third.Error).Message);
        Assert.IsType<ServiceUnavailableError>((await fast.ConvertDocxAsync(Docx, "petugas.b", CancellationToken.None)).Error);
    }

    [Fact]
    public async Task Soffice_runs_in_its_own_network_namespace_where_unshare_works()
    {
        var seen = Path.Combine(_dir.FullName, "ns");
        var converter = new PdfConverter(new PdfOptions { SofficePath = Fake($"readlink /proc/self/ns/net > {seen}\nexit 1"), SearchPath = false });
        await converter.ConvertDocxAsync(Docx, CancellationToken.None);
        var own = new FileInfo("/proc/self/ns/net").LinkTarget;
        var theirs = (await File.ReadAllTextAsync(seen)).Trim();
        Assert.NotEqual(own, theirs);

        var plain = new PdfConverter(new PdfOptions { SofficePath = Fake($"readlink /proc/self/ns/net > {seen}\nexit 1"), SearchPath = false, IsolateNetwork = false });
        await plain.ConvertDocxAsync(Docx, CancellationToken.None);
        Assert.Equal(own, (await File.ReadAllTextAsync(seen)).Trim());
    }

    [Fact]
    public void External_links_other_than_hyperlinks_are_stripped_before_conversion()
    {
        var stream = new MemoryStream();
        stream.Write(Docx);
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var main = doc.MainDocumentPart!;
            main.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", new Uri("http://192.0.2.1/logo.png"));
            main.AddHyperlinkRelationship(new Uri("https://jdih.example.go.id/"), true);
            var settings = main.DocumentSettingsPart ?? main.AddNewPart<DocumentSettingsPart>();
            settings.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate", new Uri("http://192.0.2.1/t.dotm"));
        }
        var stripped = PdfConverter.StripExternalLinks(stream.ToArray())!;
        using var result = WordprocessingDocument.Open(new MemoryStream(stripped), false);
        var main2 = result.MainDocumentPart!;
        Assert.Empty(main2.ExternalRelationships);
        Assert.Empty(main2.DocumentSettingsPart!.ExternalRelationships);
        Assert.Single(main2.HyperlinkRelationships);
        Assert.Null(Jalin.Core.Files.OfficePackage.Check(stripped));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
