using Jalin.Tests.Shared;
using Jalin.Core.Agreements;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Mail;
using Jalin.Core.Notifications;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Mail;

/// <summary>Notifications by e-mail through the outbox: stored with the notification, sent by a real SMTP
/// server, retried with backoff when the server is down, given up after too many attempts or too long,
/// and never sent to a user who turned mail off.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private static readonly CurrentActor MutedOfficer = new("officer3-cimahi", "petugas3.cimahi", "Petugas Ketiga Cimahi", Role.CooperationOfficer, Actors.Cimahi);
    private static readonly CurrentActor NoMailOfficer = new("officer4-cimahi", "petugas4.cimahi", "Petugas Tanpa Surel", Role.CooperationOfficer, Actors.Cimahi);

    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private TestDb _db = null!;
    private Scenario _s = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
        await using var db = _db.NewDb();
        foreach (var a in new[] { Actors.Officer, Actors.PartyOfficer, MutedOfficer, NoMailOfficer })
            db.Users.Add(new ApplicationUser
            {
                Id = a.UserId, UserName = a.UserName, NormalizedUserName = a.UserName.ToUpperInvariant(), FullName = a.FullName, Role = a.Role,
                RegionCode = a.RegionCode, Email = a == NoMailOfficer ? null : a.UserName + "@contoh.go.id", EmailNotificationsOff = a == MutedOfficer,
            });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static MailOptions Options(int port = 1) => new() { Host = "127.0.0.1", Port = port, Security = MailSecurity.None, BaseUrl = "https://jalin.cimahikota.go.id", MaxAttempts = 4 };

    private MailDispatcher Dispatcher(IMailTransport transport, MailOptions options, string instance = "uji") => new(() => _db.NewDb(), transport, options, _clock, instance);

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = _db.NewDb();
        return await db.MailOutbox.AsNoTracking().OrderBy(m => m.ToAddress).ToListAsync();
    }

    private async Task<Guid> OfferSentToKabBandungAsync()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        await _s.AddDocAsync(id, DocumentKind.Assessment);
        await _s.MustApplyAsync(id, ActionCode.CompletePreparation);
        return id;
    }

    [Fact]
    public async Task A_notification_puts_its_mail_in_the_outbox_in_the_same_save_only_for_users_with_an_address_who_want_mail()
    {
        var id = await OfferSentToKabBandungAsync();
        await using (var db = _db.NewDb())
        {
            var rows = await db.Notifications.AsNoTracking().ToListAsync();
            // the party officer (offer received) and the two other Cimahi officers (stage moved) are told in the app
            Assert.Equal(new[] { MutedOfficer.UserId, NoMailOfficer.UserId, Actors.PartyOfficer.UserId }.Order(), rows.Select(r => r.RecipientUserId).Order());
        }
        var mail = Assert.Single(await OutboxAsync());            // only the party officer has an address and wants mail
        Assert.Equal("petugas.kabbdg@contoh.go.id", mail.ToAddress);
        Assert.Equal("[Jalin] Penawaran masuk: Penawaran kerja sama masuk dari Kota Cimahi", mail.Subject);
        Assert.Equal($"/app/kerja-sama/{id}", mail.Link);
        Assert.Equal(OutboxStatus.Pending, mail.Status);
        Assert.Contains("Akun saya", mail.TextBody);
    }

    [Fact]
    public async Task The_mail_is_really_received_by_an_SMTP_server_with_the_full_link()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var id = await OfferSentToKabBandungAsync();
        var result = await Dispatcher(new SmtpMailTransport(Options(smtp.Port)), Options(smtp.Port)).RunOnceAsync();
        Assert.Equal(1, result.Sent);

        var received = Assert.Single(smtp.Messages());
        Assert.Equal("petugas.kabbdg@contoh.go.id", received.To.Mailboxes.Single().Address);
        Assert.Equal("[Jalin] Penawaran masuk: Penawaran kerja sama masuk dari Kota Cimahi", received.Subject);
        Assert.Contains($"Buka di Jalin: https://jalin.cimahikota.go.id/app/kerja-sama/{id}", received.TextBody);
        Assert.Contains("Yth. Petugas Kab. Bandung", received.TextBody);
        var row = Assert.Single(await OutboxAsync());
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal($"{row.Id:N}@jalin", received.MessageId);

        // a second pass sends nothing again
        Assert.Equal(0, (await Dispatcher(new SmtpMailTransport(Options(smtp.Port)), Options(smtp.Port)).RunOnceAsync()).Sent);
        Assert.Single(smtp.Messages());
    }

    [Fact]
    public async Task While_the_mail_server_is_down_the_mail_waits_with_backoff_and_is_delivered_once_it_is_back()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var port = smtp.Port;
        await smtp.StopAsync();                                      // outage
        await OfferSentToKabBandungAsync();
        var transport = new SmtpMailTransport(Options(port));
        var dispatcher = Dispatcher(transport, Options(port));

        var first = await dispatcher.RunOnceAsync();
        Assert.Equal((0, 1), (first.Sent, first.Failed));
        var row = Assert.Single(await OutboxAsync());
        Assert.Equal(OutboxStatus.Retrying, row.Status);
        Assert.Equal(_clock.Now + TimeSpan.FromMinutes(1), row.NextAttemptAt);
        Assert.NotNull(row.LastError);

        Assert.Equal(0, (await dispatcher.RunOnceAsync()).Failed);   // not due yet: no attempt
        _clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Failed);   // second failure: next in 2 minutes
        Assert.Equal(_clock.Now + TimeSpan.FromMinutes(2), Assert.Single(await OutboxAsync()).NextAttemptAt);

        await smtp.StartAsync();                                     // the server is back on the same port
        _clock.Now += TimeSpan.FromMinutes(2);
        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Sent);
        Assert.Single(smtp.Messages());
        row = Assert.Single(await OutboxAsync());
        Assert.Equal((OutboxStatus.Sent, 3), (row.Status, row.Attempts));
        Assert.Null(row.LastError);
        Assert.Equal(("", null), (row.TextBody, row.Link));             // once sent, the text and link are not kept
    }

    [Fact]
    public async Task Backoff_doubles_up_to_an_hour_and_the_mail_is_given_up_after_the_last_attempt()
    {
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 8).Select(a => (int)MailDispatcher.Backoff(a).TotalMinutes));
        await OfferSentToKabBandungAsync();
        var dispatcher = Dispatcher(new FailingTransport(), Options());
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(1, (await dispatcher.RunOnceAsync()).Failed);
            _clock.Now += TimeSpan.FromHours(1);
        }
        var row = Assert.Single(await OutboxAsync());
        Assert.Equal((OutboxStatus.GaveUp, 4), (row.Status, row.Attempts));
        Assert.Equal(0, (await dispatcher.RunOnceAsync()).Failed);   // no fifth attempt

        // the administrator's "Kirim ulang" puts it back in the queue
        await using (var db = _db.NewDb())
            Assert.True((await OutboxAdmin.RetryAsync(db, new CurrentActor("admin", "admin", "Admin", Role.SystemAdmin, null), row.Id, _clock)).Ok);
        Assert.Equal(OutboxStatus.Pending, Assert.Single(await OutboxAsync()).Status);
    }

    [Fact]
    public async Task A_mail_not_sent_within_its_maximum_age_is_given_up_and_without_a_server_nothing_is_tried()
    {
        await OfferSentToKabBandungAsync();
        var transport = new FailingTransport();
        var disabled = new MailOptions { MaxAgeHours = 72 };           // no Mail:Host
        Assert.Equal(new DispatchResult(0, 0, 0), await Dispatcher(transport, disabled).RunOnceAsync());
        Assert.Equal(0, transport.Calls);
        Assert.Equal(OutboxStatus.Pending, Assert.Single(await OutboxAsync()).Status);

        _clock.Now += TimeSpan.FromHours(73);
        Assert.Equal(1, (await Dispatcher(transport, disabled).RunOnceAsync()).GaveUp);
        var row = Assert.Single(await OutboxAsync());
        Assert.Equal(OutboxStatus.GaveUp, row.Status);
        Assert.Contains("72 jam", row.LastError);
        Assert.Equal(0, transport.Calls);
    }

    [Fact]
    public async Task A_message_claimed_by_another_instance_is_not_sent_until_its_claim_lapses()
    {
        await OfferSentToKabBandungAsync();
        var row = Assert.Single(await OutboxAsync());
        await using (var db = _db.NewDb())
            await db.MailOutbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, "lain").SetProperty(m => m.ClaimedUntil, _clock.Now + MailDispatcher.Lease));
        var transport = new RecordingTransport();
        Assert.Equal(0, (await Dispatcher(transport, Options()).RunOnceAsync()).Sent);
        _clock.Now += MailDispatcher.Lease + TimeSpan.FromSeconds(1);   // the other instance died mid-send
        Assert.Equal(1, (await Dispatcher(transport, Options()).RunOnceAsync()).Sent);
        Assert.Single(transport.Sent);
    }

    [Fact]
    public async Task A_user_turns_the_mail_copy_off_and_on_for_themselves()
    {
        await using (var db = _db.NewDb())
        {
            var pref = (await MailPreferences.GetAsync(db, Actors.PartyOfficer)).Value!;
            Assert.True(pref.EmailNotifications);
            Assert.Equal("petugas.kabbdg@contoh.go.id", pref.Email);
            Assert.False((await MailPreferences.SetAsync(db, Actors.PartyOfficer, false)).Value!.EmailNotifications);
        }
        await OfferSentToKabBandungAsync();
        Assert.Empty(await OutboxAsync());
        await using (var db = _db.NewDb())
            Assert.False((await MailPreferences.GetAsync(db, NoMailOfficer)).Value!.HasValidAddress);
    }

    [Fact]
    public async Task Only_the_system_administrator_reads_the_outbox()
    {
        await OfferSentToKabBandungAsync();
        await using var db = _db.NewDb();
        Assert.IsType<Jalin.Core.Common.ForbiddenError>((await OutboxAdmin.ListAsync(db, Actors.Officer, null, null, null)).Error);
        var admin = new CurrentActor("admin", "admin", "Admin", Role.SystemAdmin, null);
        var page = (await OutboxAdmin.ListAsync(db, admin, "waiting", null, null)).Value!;
        Assert.Equal("Menunggu dikirim", Assert.Single(page.Items).StatusLabel);
        Assert.Equal(1, (await OutboxAdmin.SummaryAsync(db, admin)).Value!.Pending);
        Assert.IsType<Jalin.Core.Common.ValidationError>((await OutboxAdmin.ListAsync(db, admin, "semua", null, null)).Error);
    }

    private sealed class FailingTransport : IMailTransport
    {
        public int Calls;
        public Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            Calls++;
            throw new IOException("Koneksi ke server surel ditolak");
        }
    }

    private sealed class RecordingTransport : IMailTransport
    {
        public List<Guid> Sent { get; } = [];
        public Task SendAsync(OutboxMessage message, CancellationToken ct) { lock (Sent) Sent.Add(message.Id); return Task.CompletedTask; }
    }
}
