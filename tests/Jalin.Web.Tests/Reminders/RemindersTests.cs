using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Core.Common;
using Jalin.Core.Lifecycle;
using Jalin.Core.Notifications;
using Jalin.Core.Reminders;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Reminders;

/// <summary>Issue #11 item 4 over the real app on both databases: two app instances running the reminder job at the
/// same moment send each step once per recipient (one notification, one outbox mail); the automatic ending at the end
/// date with its audit row; the personal calendar feed (unknown or revoked token 404, content limited to what the
/// user sees, parsed back with Ical.Net); the region's reminder settings.</summary>
public abstract class RemindersTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private DateOnly Today => Wib.Today(app.Clock);

    private async Task<(HttpClient client, Guid id, DateOnly endsOn)> ImplementationAsync(string user, string title)
    {
        var client = await app.ClientForAsync(user);
        var id = await client.CreateAgreement(new JsonObject
        {
            ["kind"] = "Sinergi", ["title"] = title, ["object"] = "Objek uji", ["affairCode"] = "2.11", ["fundingSource"] = "Apbd",
            ["budgetedInApbd"] = true, ["burdensPublic"] = false,
            ["parties"] = new JsonArray(new JsonObject { ["partnerId"] = (await client.PartnerOfKind("CentralGovernmentBody")).ToString() }),
        });
        await new LifecycleWalker(client, id, Today).WalkToAsync("Implementation");
        var end = DateOnly.Parse((await client.GetAsync($"/api/v1/agreements/{id}").OkJson())["endsOn"]!.GetValue<string>());
        return (client, id, end);
    }

    private static TestClock At(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));

    [Fact]
    public async Task Two_instances_running_the_job_at_once_send_one_notification_and_one_mail_per_recipient_per_step()
    {
        var (_, id, end) = await ImplementationAsync("kerjasama.cimahi", "Uji pengingat dua instansi " + Guid.NewGuid().ToString("N")[..6]);
        var clock = At(end.AddDays(-7));
        var runs = await Task.WhenAll(Task.Run(() => RunReminders.HandleAsync(app.NewDb, clock)), Task.Run(() => RunReminders.HandleAsync(app.NewDb, clock)),
            Task.Run(() => RunReminders.HandleAsync(app.NewDb, clock)));
        Assert.All(runs, r => Assert.True(r.Reminders > 0));

        await using var db = app.NewDb();
        // The expiry ladder (the progress report reminders of the same agreement: ProgressReminderTests).
        var rows = await db.Notifications.AsNoTracking().Where(n => n.SubjectId == id.ToString() && n.Kind == NotificationKind.Reminder && n.DedupeKey.StartsWith("pengingat:berakhir:")).ToListAsync();
        Assert.NotEmpty(rows);
        var officer = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "kerjasama.cimahi");
        Assert.Contains(rows, n => n.RecipientUserId == officer.Id);
        foreach (var perRecipient in rows.GroupBy(n => (n.RecipientUserId, n.DedupeKey)))
            Assert.Single(perRecipient);
        var keys = rows.Select(n => n.DedupeKey).Distinct().ToList();
        Assert.All(keys, k => Assert.StartsWith($"pengingat:berakhir:{end:yyyy-MM-dd}:", k));
        var mailKeys = rows.Select(n => $"notif:{n.Id:N}").ToList();
        var mails = await db.MailOutbox.AsNoTracking().Where(m => mailKeys.Contains(m.DedupeKey)).ToListAsync();
        var withAddress = await db.Users.AsNoTracking().Where(u => rows.Select(r => r.RecipientUserId).Contains(u.Id) && u.Email != null && !u.EmailNotificationsOff).CountAsync();
        Assert.Equal(withAddress, mails.Count);
        Assert.Equal(mails.Count, mails.Select(m => m.ToAddress).Distinct().Count());

        // A later pass on the same day (or a third instance) creates nothing more.
        Assert.Equal(0, (await RunReminders.HandleAsync(app.NewDb, clock)).NotificationsCreated);
        Assert.Equal(rows.Count, await db.Notifications.CountAsync(n => n.SubjectId == id.ToString() && n.Kind == NotificationKind.Reminder && n.DedupeKey.StartsWith("pengingat:berakhir:")));
    }

    [Fact]
    public async Task Automatic_ending_at_the_end_date_moves_the_agreement_to_ended_with_an_audit_row()
    {
        var (client, id, end) = await ImplementationAsync("kerjasama.cimahi", "Uji berakhir otomatis " + Guid.NewGuid().ToString("N")[..6]);
        var onEnd = await RunLifecycleClocks.HandleAsync(app.NewDb, At(end));
        Assert.DoesNotContain(onEnd, a => a.AgreementId == id);                    // still running on its last day
        var applied = await RunLifecycleClocks.HandleAsync(app.NewDb, At(end.AddDays(1)));
        Assert.Contains(applied, a => a.AgreementId == id && a.Action == "expire" && a.EndReason == EndReason.TermExpired);
        var details = await client.GetAsync($"/api/v1/agreements/{id}").OkJson();
        Assert.Equal(("Ended", "TermExpired"), (details["stage"]!.GetValue<string>(), details["endReason"]!.GetValue<string>()));
        await using var db = app.NewDb();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Agreement" && a.EntityId == id.ToString() && a.ActorUserId == Jalin.Core.Identity.CurrentActor.System.UserId).ToListAsync();
        Assert.Contains(audit, a => a.Action == "Modified" && a.After!.Contains("Ended"));
        Assert.Contains(await db.StageChanges.AsNoTracking().Where(h => h.AgreementId == id).ToListAsync(), h => h.Action == "expire" && h.ToStage == Stage.Ended);
        // A second pass does nothing more.
        Assert.DoesNotContain(await RunLifecycleClocks.HandleAsync(app.NewDb, At(end.AddDays(2))), a => a.AgreementId == id);
    }

    [Fact]
    public async Task Calendar_feed_lists_only_what_the_user_sees_and_a_wrong_or_revoked_token_is_404()
    {
        var title = "Uji kalender Cimahi " + Guid.NewGuid().ToString("N")[..6];
        var (cimahi, id, end) = await ImplementationAsync("kerjasama.cimahi", title);
        var garutTitle = "Uji kalender Garut " + Guid.NewGuid().ToString("N")[..6];
        await ImplementationAsync("kerjasama.garut", garutTitle);
        var anon = app.CreateClient();

        var created = await cimahi.PostAsync("/api/v1/account/calendar-feed", null).OkJson();
        var url = created["url"]!.GetValue<string>();
        Assert.Matches("^/kalender/[A-Za-z0-9_-]{40,}\\.ics$", url);
        Assert.True((await cimahi.GetAsync("/api/v1/account/calendar-feed").OkJson())["exists"]!.GetValue<bool>());
        Assert.Null((await cimahi.GetAsync("/api/v1/account/calendar-feed").OkJson())["url"]);   // the secret is shown once

        var response = await anon.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var summaries = calendar.Events.Select(e => e.Summary ?? "").ToList();
        var ending = Assert.Single(calendar.Events, e => e.Summary == $"Berakhir: {title}");
        Assert.Equal(end, DateOnly.FromDateTime(ending.Start!.Value));
        Assert.DoesNotContain(summaries, s => s.Contains(garutTitle));                        // Garut's own agreement is not Cimahi's to see
        await using (var db = app.NewDb())
        {
            var officer = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "kerjasama.cimahi");
            var visible = await Jalin.Core.Agreements.AgreementAccess.VisibleTo(db.Agreements.AsNoTracking(), officer.ToActor()).Select(a => a.Title).ToListAsync();
            Assert.All(summaries.Where(s => s.StartsWith("Berakhir: ")), s => Assert.Contains(s["Berakhir: ".Length..], visible));
            // The running period's progress report due date (the region's setting) is in the feed.
            var a = await db.Agreements.AsNoTracking().Include(x => x.Parties).SingleAsync(x => x.Id == id);
            var current = (await Jalin.Core.Monitoring.ReportingPeriods.ForAsync(db, a, Today, CancellationToken.None)).Last();
            var report = Assert.Single(calendar.Events, e => e.Summary == $"Laporan kemajuan triwulan {current.Number} jatuh tempo: {title}");
            Assert.Equal(current.DueOn, DateOnly.FromDateTime(report.Start!.Value));
        }

        await anon.GetAsync("/kalender/" + new string('A', 43) + ".ics").Expect(HttpStatusCode.NotFound);
        await anon.GetAsync(url[..^4]).Expect(HttpStatusCode.NotFound);
        // Regenerating retires the old address; revoking retires the new one.
        var again = (await cimahi.PostAsync("/api/v1/account/calendar-feed", null).OkJson())["url"]!.GetValue<string>();
        await anon.GetAsync(url).Expect(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync(again)).StatusCode);
        await cimahi.DeleteAsync("/api/v1/account/calendar-feed").OkJson();
        await anon.GetAsync(again).Expect(HttpStatusCode.NotFound);
        await cimahi.DeleteAsync("/api/v1/account/calendar-feed").Expect(HttpStatusCode.NotFound);
        await using (var db = app.NewDb())
            Assert.DoesNotContain(await db.Set<CalendarFeed>().AsNoTracking().Select(f => f.TokenHash).ToListAsync(), h => again.Contains(h));
    }

    [Fact]
    public async Task Reminder_settings_bad_input_is_400_in_Indonesian_with_nothing_stored_and_the_OPD_cannot_change_them()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var before = await officer.GetAsync("/api/v1/settings/reminders").OkJson();
        var bad = await (await officer.PutAsJsonAsync("/api/v1/settings/reminders", new { expiryLadderDays = new[] { 30, 30 }, kbWithoutPksMonths = 0 })
            .Expect(HttpStatusCode.BadRequest)).ReadJson();
        Assert.Contains("berulang", bad["errors"]!["expiryLadderDays"]![0]!.GetValue<string>());
        Assert.Contains("bulan", bad["errors"]!["kbWithoutPksMonths"]![0]!.GetValue<string>());
        Assert.Equal(before.ToJsonString(), (await officer.GetAsync("/api/v1/settings/reminders").OkJson()).ToJsonString());
        await (await app.ClientForAsync("opd.cimahi")).PutAsJsonAsync("/api/v1/settings/reminders", new { kbWithoutPksMonths = 3 }).Expect(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRemindersTests(SqliteApp app) : RemindersTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRemindersTests(PostgresApp app) : RemindersTests<PostgresApp>(app);
