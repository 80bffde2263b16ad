using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jalin.Core.Common;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Notifications;
using Jalin.Core.Reminders;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Reminders;

/// <summary>Issue #11 item 4 on both databases: the late progress report reminder sent once per recipient by two app
/// instances at once and no more once the report is submitted; the region's progress-report deadline
/// (monitoring.reportDueWorkingDays, praktik daerah) validated in Indonesian with nothing stored, changed only by the
/// region's own officer for the own region.</summary>
public abstract class ProgressReminderTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private DateOnly Today => Wib.Today(app.Clock);

    private static TestClock At(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));

    [Fact]
    public async Task A_late_progress_report_is_reminded_once_per_recipient_by_two_instances_and_not_after_it_is_submitted()
    {
        var client = await app.ClientForAsync("kerjasama.cimahi");
        var id = await client.CreateAgreement(new JsonObject
        {
            ["kind"] = "Sinergi", ["title"] = "Uji laporan kemajuan " + Guid.NewGuid().ToString("N")[..6], ["object"] = "Objek uji", ["affairCode"] = "2.11",
            ["fundingSource"] = "Apbd", ["budgetedInApbd"] = true, ["burdensPublic"] = false,
            ["parties"] = new JsonArray(new JsonObject { ["partnerId"] = (await client.PartnerOfKind("CentralGovernmentBody")).ToString() }),
        });
        await new LifecycleWalker(client, id, Today).WalkToAsync("Implementation");

        ReportingPeriod first;
        WorkingDayCalendar calendar;
        await using (var db = app.NewDb())
        {
            var a = await db.Agreements.AsNoTracking().Include(x => x.Parties).SingleAsync(x => x.Id == id);
            var start = ReportingPeriods.StartOf(a)!.Value;
            first = (await ReportingPeriods.ForAsync(db, a, start.AddMonths(4), CancellationToken.None)).First();
            calendar = await LifecycleContexts.CalendarAsync(db, await LifecycleContexts.SettingsAsync(db, a.RegionCode), a.RegionCode);
        }
        var late1 = At(calendar.AddWorkingDays(first.DueOn, 1));
        await Task.WhenAll(Task.Run(() => RunReminders.HandleAsync(app.NewDb, late1)), Task.Run(() => RunReminders.HandleAsync(app.NewDb, late1)));

        await using var check = app.NewDb();
        async Task<List<Notification>> Rows() => await check.Notifications.AsNoTracking()
            .Where(n => n.SubjectId == id.ToString() && n.DedupeKey.StartsWith("pengingat:laporan-kemajuan:")).ToListAsync();
        var rows = await Rows();
        var officer = await check.Users.AsNoTracking().SingleAsync(u => u.UserName == "kerjasama.cimahi");
        var mine = Assert.Single(rows, n => n.RecipientUserId == officer.Id);       // late: the Bagian Kerja Sama hears of it
        Assert.Equal($"pengingat:laporan-kemajuan:{first.DueOn:yyyy-MM-dd}:lewat1hk", mine.DedupeKey);
        Assert.Equal("/app/laporan-kemajuan", mine.Link);
        Assert.Contains("pengaturan daerah", mine.Body);
        foreach (var perRecipient in rows.GroupBy(n => (n.RecipientUserId, n.DedupeKey))) Assert.Single(perRecipient);

        // Submitted: the 10-working-days-late step is not sent.
        check.ProgressReports.Add(new ProgressReport
        {
            AgreementId = id, RegionCode = "32.77", AgencyId = Guid.Empty, AgencyName = "OPD uji", Period = ReportPeriod.Quarterly, PeriodNumber = first.Number,
            PeriodStart = first.Start, PeriodEnd = first.End, DueOn = first.DueOn, Status = ReportStatus.Submitted, CreatedBy = officer.Id,
            FirstSubmittedOn = late1.GetUtcNow().Date is var d ? DateOnly.FromDateTime(d) : null,
        });
        await check.SaveChangesAsync();
        await RunReminders.HandleAsync(app.NewDb, At(calendar.AddWorkingDays(first.DueOn, 10)));
        Assert.Equal(rows.Count, (await Rows()).Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    [InlineData("\"abc\"")]
    [InlineData("null")]
    public async Task Bad_progress_report_deadline_is_400_in_Indonesian_with_nothing_stored(string value)
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var before = await officer.GetAsync("/api/v1/settings/monitoring").OkJson();
        var response = await officer.PutAsync("/api/v1/settings/monitoring", new StringContent($"{{\"reportDueWorkingDays\":{value}}}", Encoding.UTF8, "application/json"))
            .Expect(HttpStatusCode.BadRequest);
        var text = (await response.ReadJson()).ToJsonString();
        Assert.True(text.Contains("hari kerja") || text.Contains("tidak valid") || text.Contains("Isi"), text);
        Assert.DoesNotContain("The JSON", text);
        Assert.Equal(before.ToJsonString(), (await officer.GetAsync("/api/v1/settings/monitoring").OkJson()).ToJsonString());
    }

    [Fact]
    public async Task Each_officer_sets_only_the_own_regions_deadline_and_the_OPD_cannot_and_the_example_follows_the_value()
    {
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var cimahiBefore = (await cimahi.GetAsync("/api/v1/settings/monitoring").OkJson())["reportDueWorkingDays"]!.GetValue<int>();
        var set = await garut.PutAsJsonAsync("/api/v1/settings/monitoring", new { reportDueWorkingDays = 60 }).OkJson();
        Assert.Equal(60, set["reportDueWorkingDays"]!.GetValue<int>());
        Assert.Contains("60 hari kerja", set["example"]!.GetValue<string>());
        Assert.Contains("triwulan I", set["example"]!.GetValue<string>());
        Assert.Equal(cimahiBefore, (await cimahi.GetAsync("/api/v1/settings/monitoring").OkJson())["reportDueWorkingDays"]!.GetValue<int>());
        await (await app.ClientForAsync("opd.cimahi")).PutAsJsonAsync("/api/v1/settings/monitoring", new { reportDueWorkingDays = 3 }).Expect(HttpStatusCode.Forbidden);
        await using var db = app.NewDb();
        Assert.Equal("60", await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == "32.05" && s.Key == ReportingPeriods.DueKey).Select(s => s.Value).SingleAsync());
        Assert.True(await db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityType == "RegionSetting" && a.After!.Contains(ReportingPeriods.DueKey)));
        await garut.PutAsJsonAsync("/api/v1/settings/monitoring", new { reportDueWorkingDays = 10 }).OkJson();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProgressReminderTests(SqliteApp app) : ProgressReminderTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresProgressReminderTests(PostgresApp app) : ProgressReminderTests<PostgresApp>(app);
