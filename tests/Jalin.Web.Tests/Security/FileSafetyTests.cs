using System.Net;
using System.Net.Http.Json;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Tests.Shared;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jalin.Web.Tests.Security;

/// <summary>Files from outside (issue #8 items 8–9) over the real API: hostile Office files are
/// refused with an Indonesian message and nothing stored, a stored file changed on disk is never
/// served.</summary>
public abstract class FileSafetyTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private async Task<(HttpClient Officer, Guid Id)> AgreementAsync()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var id = await officer.CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji berkas dari luar: pengelolaan air limbah " + Guid.NewGuid().ToString("N")[..6], budgetedInApbd = true,
            parties = new[] { new { regionCode = "32.17" } },
        });
        return (officer, id);
    }

    [Fact]
    public async Task Hostile_office_files_are_refused_on_upload_with_nothing_stored()
    {
        var (officer, id) = await AgreementAsync();
        var cases = new (string Name, byte[] Bytes, string Message)[]
        {
            ("macro", HostileFiles.WithMacro(), "makro (VBA)"),
            ("remote template", HostileFiles.WithRemoteTemplate(), "templat jarak jauh"),
            ("OLE object", HostileFiles.WithOleObject(), "objek OLE"),
            ("300 MB zip", HostileFiles.Bomb(), "terlalu besar setelah dibuka"),
        };
        foreach (var (name, bytes, message) in cases)
        {
            var response = await officer.Upload(id, "Other", bytes, fileName: "naskah.docx");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await ProblemAssert.IsValidationProblem(response, "file", name);
            Assert.Contains(message, problem["errors"]!["file"]![0]!.GetValue<string>());
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            await using var db = app.NewDb();
            Assert.False(await db.AgreementDocuments.AnyAsync(d => d.AgreementId == id), name);
            Assert.False(await db.StoredFiles.AnyAsync(f => f.Sha256 == sha), name);
            Assert.False(File.Exists(Path.Combine(app.FilesRoot, sha[..2], sha)), name);
        }
        // The same route takes a clean DOCX (the refusals above are about the content, not the route).
        await officer.Upload(id, "Other", HostileFiles.Docx("bersih"), fileName: "naskah.docx").OkJson();
    }

    [Fact]
    public async Task A_stored_file_changed_on_disk_is_detected_on_download_and_not_served()
    {
        var (officer, id) = await AgreementAsync();
        var pdf = Jalin.Web.Tests.Infrastructure.Api.Pdf("asli");
        var doc = await officer.Upload(id, "Other", pdf).OkJson();
        var url = $"/api/v1/agreements/{id}/documents/{doc["id"]}/file";
        Assert.Equal(pdf, await officer.GetByteArrayAsync(url));

        var sha = doc["sha256"]!.GetValue<string>();
        var path = Path.Combine(app.FilesRoot, sha[..2], sha);
        var altered = (byte[])pdf.Clone();
        altered[^3] = (byte)'X';
        await File.WriteAllBytesAsync(path, altered);
        try
        {
            var response = await officer.GetAsync(url);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = await ProblemAssert.IsProblem(response, "tampered file");
            Assert.Equal(FileStore.TamperedText, problem["detail"]!.GetValue<string>());
        }
        finally
        {
            await File.WriteAllBytesAsync(path, pdf);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteFileSafetyTests(SqliteApp app) : FileSafetyTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresFileSafetyTests(PostgresApp app) : FileSafetyTests<PostgresApp>(app);

/// <summary>The app with a converter that is a real long-running process (a script that sleeps),
/// one slot, no waiting room and one conversion per user.</summary>
public sealed class SlowConverterApp : JalinAppFactory
{
    public string Soffice { get; } = Path.Combine(Path.GetTempPath(), "jalin-slow-soffice-" + Guid.NewGuid().ToString("N"));

    public SlowConverterApp()
    {
        File.WriteAllText(Soffice, "#!/bin/sh\nexec sleep 30\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Soffice, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pdf:SofficePath", Soffice);
        builder.UseSetting("Pdf:MaxConcurrent", "1");
        builder.UseSetting("Pdf:MaxQueue", "0");
        builder.UseSetting("Pdf:PerUserConcurrent", "1");
        builder.UseSetting("Pdf:TimeoutSeconds", "6");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(Soffice);
    }
}

/// <summary>PDF conversion cannot be used to exhaust the server: while the one slot is busy, the
/// same user and then another user get 429 with an Indonesian message, at once.</summary>
public sealed class ConversionQueueTests(SlowConverterApp app) : IClassFixture<SlowConverterApp>
{
    [Fact]
    public async Task A_busy_converter_answers_429_per_user_and_when_the_queue_is_full()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var tkksd = await app.ClientForAsync("tkksd.cimahi");
        var id = await officer.CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji antrean PDF: pengelolaan air limbah " + Guid.NewGuid().ToString("N")[..6], budgetedInApbd = true,
            parties = new[] { new { regionCode = "32.17" } },
        });
        var draft = await officer.CreateDraft(id, "kb");
        var pdfUrl = Drafts.Url(id, draft["id"]!.GetValue<string>(), "/pdf");
        var converter = app.Services.GetRequiredService<PdfConverter>();

        var first = officer.GetAsync(pdfUrl);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (converter.Running == 0)
        {
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), "the first conversion never started");
            await Task.Delay(20);
        }

        var again = await officer.GetAsync(pdfUrl);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Contains("masih memiliki 1 konversi PDF", (await ProblemAssert.IsProblem(again, "same user"))["detail"]!.GetValue<string>());

        var other = await tkksd.GetAsync(pdfUrl);
        Assert.Equal(HttpStatusCode.TooManyRequests, other.StatusCode);
        Assert.Contains("Antrean konversi PDF sedang penuh", (await ProblemAssert.IsProblem(other, "queue full"))["detail"]!.GetValue<string>());

        // The sleeping converter is killed at the timeout: 503 in Indonesian, nothing of its output shown.
        var timedOut = await first;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, timedOut.StatusCode);
        Assert.Contains("tidak selesai dalam 6 detik", (await ProblemAssert.IsProblem(timedOut, "timeout"))["detail"]!.GetValue<string>());
        Assert.Equal(0, converter.Running);
    }
}
