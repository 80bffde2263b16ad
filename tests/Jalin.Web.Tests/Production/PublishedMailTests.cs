using System.Diagnostics;
using Jalin.Core.Data;
using Jalin.Core.Mail;
using Jalin.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Production;

/// <summary>The published app in Production with a mail server configured only through environment variables
/// (Mail__Host, Mail__Port, Mail__Security, Mail__BaseUrl) and its background jobs on, as a region runs it.</summary>
public sealed class PublishedMailApp : PublishedApp
{
    public SmtpTestServer Smtp { get; private set; } = null!;

    protected override async Task ConfigureAsync(ProcessStartInfo psi)
    {
        Smtp = await SmtpTestServer.StartNewAsync();
        psi.Environment["Jobs__Enabled"] = "true";
        psi.Environment["Mail__Host"] = "127.0.0.1";
        psi.Environment["Mail__Port"] = Smtp.Port.ToString();
        psi.Environment["Mail__Security"] = "None";
        psi.Environment["Mail__FromAddress"] = "jalin@cimahikota.go.id";
        psi.Environment["Mail__BaseUrl"] = "https://jalin.contoh.go.id";
        psi.Environment["Mail__PollSeconds"] = "1";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class PublishedMailTests(PublishedMailApp app) : IClassFixture<PublishedMailApp>
{
    [Fact]
    public async Task The_published_production_app_sends_what_waits_in_the_outbox()
    {
        var builder = new DbContextOptionsBuilder<JalinDb>();
        new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={app.DatabaseFile}", AuditKeys = Jalin.Core.Audit.AuditKeyRing.Development }
            .Configure(builder, TimeProvider.System);
        await using (var db = new JalinDb(builder.Options))
            Assert.True(await MailOutbox.AddAndSaveAsync(db, new OutgoingMail("published:uji", "petugas@cimahikota.go.id", "Petugas", "[Jalin] Uji terbitan",
                "Pemberitahuan uji dari aplikasi terbitan.\n", Link: "/app/notifikasi"), DateTimeOffset.UtcNow));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (app.Smtp.Messages().Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(250);
        var mail = Assert.Single(app.Smtp.Messages());
        Assert.Equal("[Jalin] Uji terbitan", mail.Subject);
        Assert.Equal("jalin@cimahikota.go.id", mail.From.Mailboxes.Single().Address);
        Assert.Contains("Buka di Jalin: https://jalin.contoh.go.id/app/notifikasi", mail.TextBody);
    }
}
