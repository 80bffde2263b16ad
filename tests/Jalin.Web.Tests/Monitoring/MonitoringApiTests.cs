using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Web.Tests.Infrastructure;
using Jalin.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Monitoring;

/// <summary>/api/v1/agreements/{id}/obligations and /progress-reports on both databases, on Cimahi's demo agreement led by DLH:
/// bad input 4xx in Indonesian with nothing stored; the walk draft → submitted → returned → resubmitted → accepted with an
/// indicator and an evidence PDF; who is refused. The report rhythm and deadline are praktik daerah (no pasal sets them).</summary>
public abstract class MonitoringApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private async Task<string> AgreementAsync(HttpClient officer)
    {
        var page = await officer.GetAsync($"/api/v1/agreements?q={Uri.EscapeDataString(MonitoringMatrix.Title)}").OkJson();
        return page["items"]!.AsArray()[0]!["id"]!.GetValue<string>();
    }

    private async Task<(int Obligations, int Reports, int Evidence)> CountsAsync()
    {
        await using var db = app.NewDb();
        return (await db.Obligations.CountAsync(), await db.ProgressReports.CountAsync(), await db.MonitoringEvidence.CountAsync());
    }

    private static MultipartFormDataContent File(byte[] content, string name = "bukti.pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static int FreePeriod(JsonNode overview) =>
        overview["periods"]!.AsArray().Where(p => p!["reportId"] is null && p["ended"]!.GetValue<bool>()).Select(p => p!["number"]!.GetValue<int>()).FirstOrDefault();

    [Fact]
    public async Task Bad_input_is_refused_in_Indonesian_and_nothing_is_stored()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var opd = await app.ClientForAsync("opd.cimahi");
        var id = await AgreementAsync(officer);
        var before = await CountsAsync();
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync($"/api/v1/agreements/{id}/obligations",
            new { title = "Menyediakan lahan", recurrence = "Quarterly" }, TestApi.Json), "partyId");
        var noDate = await officer.PostAsJsonAsync($"/api/v1/agreements/{id}/obligations", new { title = "Menyediakan lahan" }, TestApi.Json);
        await ProblemAssert.IsValidationProblem(noDate, "dueOn");
        await ProblemAssert.IsValidationProblem(await officer.PutAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/period", new { period = (string?)null }, TestApi.Json), "period");
        await ProblemAssert.IsValidationProblem(await opd.PostAsJsonAsync($"/api/v1/agreements/{id}/progress-reports", new { periodNumber = 0 }, TestApi.Json), "periodNumber");
        var review = await officer.PostAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/{Guid.NewGuid()}/review", new { decision = "setujui" }, TestApi.Json);
        await ProblemAssert.IsValidationProblem(review, "decision");
        var overview = await opd.GetAsync($"/api/v1/agreements/{id}/progress-reports").OkJson();
        var period = FreePeriod(overview);
        Assert.True(period > 0, "the demo leaves an ended period without a report");
        var report = await opd.PostAsJsonAsync($"/api/v1/agreements/{id}/progress-reports", new { periodNumber = period }, TestApi.Json).OkJson();
        var rid = report["id"]!.GetValue<string>();
        var afterCreate = await CountsAsync();
        await ProblemAssert.IsValidationProblem(await opd.PutAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/{rid}",
            new { indicators = new object[] { new { indicator = "", unit = "ton", target = -1, actual = 5 } } }, TestApi.Json), "indicators[0].indicator");
        await ProblemAssert.IsValidationProblem(await opd.PostAsync($"/api/v1/agreements/{id}/progress-reports/{rid}/evidence", File("bukan PDF"u8.ToArray())), "file");
        await ProblemAssert.IsValidationProblem(await opd.PostAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/{rid}/submit", new { }, TestApi.Json), "activities");
        Assert.Equal(afterCreate, await CountsAsync());
        Assert.Equal(before.Reports + 1, afterCreate.Reports);
        var stored = await opd.GetAsync($"/api/v1/agreements/{id}/progress-reports/{rid}").OkJson();
        Assert.Empty(stored["indicators"]!.AsArray());
        Assert.Equal("Draft", stored["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_OPD_reports_the_officer_returns_and_accepts_and_others_are_refused()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var opd = await app.ClientForAsync("opd.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var leader = await app.ClientForAsync("pimpinan.cimahi");
        var id = await AgreementAsync(officer);
        var overview = await opd.GetAsync($"/api/v1/agreements/{id}/progress-reports").OkJson();
        Assert.Equal("Quarterly", overview["period"]!.GetValue<string>());
        Assert.Contains(overview["periods"]!.AsArray(), p => p!["status"]?.GetValue<string>() == "Accepted");
        Assert.Contains(overview["periods"]!.AsArray(), p => p!["late"]!.GetValue<bool>() && p["status"]?.GetValue<string>() == "Submitted");
        Assert.Equal(HttpStatusCode.NotFound, (await garut.GetAsync($"/api/v1/agreements/{id}/progress-reports")).StatusCode);
        // the current period (started, not yet ended): the other test of this collection uses an ended one
        var period = overview["periods"]!.AsArray().Last()!["number"]!.GetValue<int>();
        Assert.False(overview["periods"]!.AsArray().Last()!["ended"]!.GetValue<bool>());
        var rid = (await opd.PostAsJsonAsync($"/api/v1/agreements/{id}/progress-reports", new { periodNumber = period }, TestApi.Json).OkJson())["id"]!.GetValue<string>();
        await opd.PutAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/{rid}", new
        {
            activities = "Pencocokan data pelanggan", budgetRealisation = 12_500_000.5m,
            indicators = new object[] { new { indicator = "Rekening yang memuat retribusi", unit = "rekening", target = 40000, actual = 36250.5 } },
        }, TestApi.Json).OkJson();
        var evidence = await opd.PostAsync($"/api/v1/agreements/{id}/progress-reports/{rid}/evidence", File(TestApi.Pdf("rekap penerimaan"))).OkJson();
        Assert.Equal("application/pdf", evidence["contentType"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/{rid}/submit", new { }, TestApi.Json)).StatusCode);
        await opd.PostAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/{rid}/submit", new { }, TestApi.Json).OkJson();
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/{rid}/review", new { decision = "accept" }, TestApi.Json)).StatusCode);
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/{rid}/review", new { decision = "return" }, TestApi.Json), "note");
        var returned = await officer.PostAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/{rid}/review", new { decision = "return", note = "Tambahkan kendala." }, TestApi.Json).OkJson();
        Assert.Equal("Returned", returned["status"]!.GetValue<string>());
        await opd.PutAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/{rid}", new { activities = "Pencocokan data pelanggan", obstacles = "Alamat pelanggan belum mutakhir" }, TestApi.Json).OkJson();
        var again = await opd.PostAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/{rid}/submit", new { }, TestApi.Json).OkJson();
        Assert.Equal("Resubmitted", again["status"]!.GetValue<string>());
        var accepted = await officer.PostAsJsonAsync($"/api/v1/agreements/{id}/progress-reports/{rid}/review", new { decision = "accept" }, TestApi.Json).OkJson();
        Assert.Equal("Accepted", accepted["status"]!.GetValue<string>());
        var read = await leader.GetAsync($"/api/v1/agreements/{id}/progress-reports/{rid}").OkJson();
        Assert.Empty(read["actions"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/v1/agreements/{id}/monitoring-evidence/{evidence["id"]!.GetValue<string>()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await garut.GetAsync($"/api/v1/agreements/{id}/monitoring-evidence/{evidence["id"]!.GetValue<string>()}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMonitoringApiTests(SqliteApp app) : MonitoringApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMonitoringApiTests(PostgresApp app) : MonitoringApiTests<PostgresApp>(app);
