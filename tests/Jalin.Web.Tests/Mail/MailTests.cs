using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Core.Mail;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Mail;

/// <summary>E-mail copies of notifications over the real app on both databases: an offer from Cimahi puts a mail for
/// Garut's officer in the outbox; Garut turns mail off for itself; only the system administrator reads the outbox;
/// and two app instances dispatching the same outbox send every message exactly once.</summary>
public abstract class MailTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private static async Task<Guid> SendOfferToGarutAsync(HttpClient cimahi, string title)
    {
        var id = await cimahi.CreateAgreement(new { kind = "KsddSukarela", title, budgetedInApbd = true, parties = new[] { new { regionCode = "32.05" } } });
        await cimahi.Upload(id, "TermsOfReference", Jalin.Web.Tests.Infrastructure.Api.Pdf("kak")).Expect(HttpStatusCode.Created);
        await cimahi.Upload(id, "Assessment", Jalin.Web.Tests.Infrastructure.Api.Pdf("kajian")).Expect(HttpStatusCode.Created);
        await cimahi.Act(id, "complete-preparation").OkJson();
        return id;
    }

    private async Task<List<OutboxMessage>> MailsAboutAsync(Guid agreement)
    {
        await using var db = app.NewDb();
        var link = $"/app/kerja-sama/{agreement}";
        return await db.MailOutbox.AsNoTracking().Where(m => m.Link == link).ToListAsync();
    }

    [Fact]
    public async Task An_offer_puts_a_mail_for_Garuts_officer_in_the_outbox_until_Garut_turns_mail_off()
    {
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var first = await SendOfferToGarutAsync(cimahi, "Uji surel: pasokan cabai " + Guid.NewGuid().ToString("N")[..6]);
        var mail = Assert.Single(await MailsAboutAsync(first), m => m.ToAddress == "kerjasama.garut@demo.jalin.id");
        Assert.StartsWith("[Jalin] Penawaran masuk: ", mail.Subject);

        var pref = await garut.GetAsync("/api/v1/account/mail").OkJson();
        Assert.True(pref["emailNotifications"]!.GetValue<bool>());
        Assert.Equal("kerjasama.garut@demo.jalin.id", pref["email"]!.GetValue<string>());
        try
        {
            var off = await garut.PutAsJsonAsync("/api/v1/account/mail", new { emailNotifications = false }).OkJson();
            Assert.False(off["emailNotifications"]!.GetValue<bool>());
            var second = await SendOfferToGarutAsync(cimahi, "Uji surel: pasokan bawang " + Guid.NewGuid().ToString("N")[..6]);
            Assert.DoesNotContain(await MailsAboutAsync(second), m => m.ToAddress == "kerjasama.garut@demo.jalin.id");
        }
        finally
        {
            await garut.PutAsJsonAsync("/api/v1/account/mail", new { emailNotifications = true }).OkJson();
        }
    }

    [Fact]
    public async Task A_preference_without_a_value_is_a_400_in_Indonesian_and_changes_nothing()
    {
        var opd = await app.ClientForAsync("opd.cimahi");
        var problem = await (await opd.PutAsJsonAsync("/api/v1/account/mail", new { }).Expect(HttpStatusCode.BadRequest)).Content.ReadAsStringAsync();
        Assert.Contains("emailNotifications", problem);
        Assert.True((await opd.GetAsync("/api/v1/account/mail").OkJson())["emailNotifications"]!.GetValue<bool>());
        await app.CreateClient().GetAsync("/api/v1/account/mail").Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_the_system_administrator_reads_the_outbox_and_resends()
    {
        foreach (var user in new[] { "kerjasama.cimahi", "auditor.cimahi", "pembina.kemendagri" })
        {
            var c = await app.ClientForAsync(user);
            await c.GetAsync("/api/v1/admin/mail-outbox").Expect(HttpStatusCode.Forbidden);
            await c.PostAsJsonAsync($"/api/v1/admin/mail-outbox/{Guid.NewGuid()}/retry", new { }).Expect(HttpStatusCode.Forbidden);
        }
        var admin = await app.ClientForAsync("admin");
        var page = await admin.GetAsync("/api/v1/admin/mail-outbox?status=waiting&pageSize=5").OkJson();
        Assert.True(page["pageSize"]!.GetValue<int>() == 5);
        Assert.DoesNotContain("textBody", page.ToJsonString());       // the administrator never reads the regions' mail
        await admin.GetAsync("/api/v1/admin/mail-outbox?status=semua").Expect(HttpStatusCode.BadRequest);
        await admin.PostAsJsonAsync($"/api/v1/admin/mail-outbox/{Guid.NewGuid()}/retry", new { }).Expect(HttpStatusCode.NotFound);
        Assert.True((await admin.GetAsync("/api/v1/admin/mail-outbox/summary").OkJson())["pending"]!.GetValue<int>() >= 0);
    }

    [Fact]
    public async Task Two_app_instances_dispatching_one_outbox_send_each_message_exactly_once()
    {
        var clock = new TestClock(app.Clock.Now);
        var keys = Enumerable.Range(0, 60).Select(i => $"uji-dua-instansi:{Guid.NewGuid():N}:{i}").ToList();
        await using (var db = app.NewDb())
            foreach (var key in keys)
                Assert.True(await MailOutbox.AddAndSaveAsync(db, new OutgoingMail(key, "penerima@contoh.go.id", null, "Uji " + key, "Isi"), clock.Now));
        await using (var db = app.NewDb())
            Assert.False(await MailOutbox.AddAndSaveAsync(db, new OutgoingMail(keys[0], "penerima@contoh.go.id", null, "Lagi", "Isi"), clock.Now));

        var transport = new CountingTransport();
        var options = new MailOptions { Host = "127.0.0.1", BatchSize = 9 };
        var a = new MailDispatcher(() => app.NewDb(), transport, options, clock, "instansi-a");
        var b = new MailDispatcher(() => app.NewDb(), transport, options, clock, "instansi-b");
        async Task Drain(MailDispatcher d) { for (var i = 0; i < 40; i++) if ((await d.RunOnceAsync()).Sent == 0 && i > 3) break; }
        await Task.WhenAll(Drain(a), Drain(b));

        await using (var db = app.NewDb())
        {
            var mine = await db.MailOutbox.AsNoTracking().Where(m => keys.Contains(m.DedupeKey)).ToListAsync();
            Assert.Equal(60, mine.Count);
            Assert.All(mine, m => Assert.NotNull(m.SentAt));
            Assert.All(mine, m => Assert.Equal(1, transport.Count(m.Id)));
            Assert.True(transport.ByInstance.Count > 0);
        }
        Assert.DoesNotContain(transport.All, kv => kv.Value > 1);
    }

    private sealed class CountingTransport : IMailTransport
    {
        private readonly ConcurrentDictionary<Guid, int> _sent = new();
        public ConcurrentDictionary<string, int> ByInstance { get; } = new();
        public IReadOnlyDictionary<Guid, int> All => _sent;
        public int Count(Guid id) => _sent.TryGetValue(id, out var n) ? n : 0;

        public async Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            await Task.Delay(3, ct);                                     // a server round trip, so the instances overlap
            _sent.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
            ByInstance.AddOrUpdate(message.ClaimedBy ?? "?", 1, (_, n) => n + 1);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMailTests(SqliteApp app) : MailTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMailTests(PostgresApp app) : MailTests<PostgresApp>(app);
