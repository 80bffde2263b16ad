using System.Net;
using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jalin.Web.Tests.Evaluation;

/// <summary>Issue #11 item 3 through the API on both providers: bad input is a 4xx with Indonesian messages and stores
/// nothing; the owning region's roles are allowed or refused; the demo round's XLSX re-reads with totals equal to the database.</summary>
public abstract class EvaluationApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private async Task<int> RowsAsync()
    {
        await using var db = app.NewDb();
        return await db.AgreementEvaluations.CountAsync() + await db.MonitoringRounds.CountAsync() + await db.EvaluationCriteria.CountAsync()
            + await db.MonitoringAssignments.CountAsync(a => a.MemberId != null);
    }

    private static async Task<string> AgreementAsync(HttpClient c, string q) =>
        (await c.GetAsync($"/api/v1/agreements?q={Uri.EscapeDataString(q)}").OkJson())["items"]!.AsArray()[0]!["id"]!.GetValue<string>();

    [Fact]
    public async Task BadInput_Is4xxWithIndonesianMessages_AndNothingSaved()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var chili = await AgreementAsync(officer, "Pasokan Cabai untuk Pengendalian Inflasi");
        var before = await RowsAsync();

        var bad = await officer.PostAsJsonAsync($"/api/v1/evaluations/agreements/{chili}", new
        {
            ratings = new object[] { new { criterion = "Kesesuaian tujuan", score = 7 }, new { criterion = "Kriteria karangan", score = 3 } }, findings = "x",
        });
        var problem = await ProblemAssert.IsValidationProblem(bad, "findings");
        Assert.Contains("1 sampai 5", problem["errors"]!["ratings[0].score"]![0]!.GetValue<string>());
        Assert.Contains("tidak termasuk kriteria", problem["errors"]!["ratings[1].criterion"]![0]!.GetValue<string>());
        Assert.Contains("Pilih rekomendasi", problem["errors"]!["recommendation"]![0]!.GetValue<string>());
        Assert.InRange((int)(await officer.PostAsJsonAsync($"/api/v1/evaluations/agreements/{chili}", new { recommendation = "Teruskan" })).StatusCode, 400, 499);
        await officer.PostAsync($"/api/v1/evaluations/agreements/{chili}", JsonContent.Create<object?>(null)).Expect(HttpStatusCode.BadRequest);
        await officer.GetAsync($"/api/v1/evaluations/agreements/{Guid.NewGuid()}").Expect(HttpStatusCode.NotFound);

        var criteria = await officer.PutAsJsonAsync("/api/v1/evaluations/criteria", new { criteria = new[] { new { name = "A", weight = 60 }, new { name = "B", weight = 30 } } });
        Assert.Contains("tepat 100 persen", (await ProblemAssert.IsValidationProblem(criteria, "criteria"))["errors"]!["criteria"]![0]!.GetValue<string>());
        await ProblemAssert.IsValidationProblem(await officer.PutAsJsonAsync("/api/v1/evaluations/criteria", new { beforeEndDays = 0 }), "beforeEndDays");
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync("/api/v1/monitoring-rounds", new { year = 1990, deadline = "2000-01-01" }), "year");
        var round = (await officer.GetAsync("/api/v1/monitoring-rounds").OkJson()).AsArray()[0]!["id"]!.GetValue<string>();
        // A second open round for the same year is a conflict.
        var year = (await officer.GetAsync($"/api/v1/monitoring-rounds/{round}").OkJson())["year"]!.GetValue<int>();
        await officer.PostAsJsonAsync("/api/v1/monitoring-rounds", new { year, deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd") }).Expect(HttpStatusCode.Conflict);
        var row = (await officer.GetAsync($"/api/v1/monitoring-rounds/{round}").OkJson())["rows"]!.AsArray().First(r => r!["memberId"] is null)!["id"]!.GetValue<string>();
        await ProblemAssert.IsValidationProblem(await officer.PutAsJsonAsync($"/api/v1/monitoring-rounds/{round}/assignments/{row}", new { memberId = Guid.NewGuid() }), "memberId");
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task OwningRegionManagesAndReads_PartyAndOthersGet404_AndTheXlsxTotalsMatchTheDatabase()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var leader = await app.ClientForAsync("pimpinan.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var province = await app.ClientForAsync("pembina.jabar");
        var chili = await AgreementAsync(officer, "Pasokan Cabai untuk Pengendalian Inflasi");
        var adiarta = await AgreementAsync(officer, "ADIARTA");

        await garut.GetAsync($"/api/v1/evaluations/agreements/{chili}").Expect(HttpStatusCode.NotFound); // a party region: internal to Cimahi
        var card = await province.GetAsync($"/api/v1/evaluations/agreements/{adiarta}").OkJson();
        var evaluation = card["evaluations"]!.AsArray()[0]!;
        Assert.Equal("Lanjutkan", evaluation["recommendation"]!.GetValue<string>());
        await leader.PostAsJsonAsync($"/api/v1/evaluations/agreements/{chili}", new { findings = "Pasokan lancar sepanjang tahun." }).Expect(HttpStatusCode.Forbidden);
        await leader.PostAsync($"/api/v1/evaluations/{evaluation["id"]}/follow-up-proposal", null).Expect(HttpStatusCode.Forbidden);

        // The officer opens the extension usulan: a draft linked both ways, the second call returns the same one.
        var opened = await officer.PostAsync($"/api/v1/evaluations/{evaluation["id"]}/follow-up-proposal", null);
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        var proposalId = (await opened.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["proposalId"]!.GetValue<string>();
        var proposal = await officer.GetAsync($"/api/v1/proposals/{proposalId}").OkJson();
        Assert.Equal("Draft", proposal["status"]!.GetValue<string>());
        Assert.Equal(adiarta, proposal["sourceAgreementId"]!.GetValue<string>());
        Assert.StartsWith("Perpanjangan ", proposal["title"]!.GetValue<string>());
        var again = await officer.PostAsync($"/api/v1/evaluations/{evaluation["id"]}/follow-up-proposal", null).OkJson();
        Assert.Equal(proposalId, again["proposalId"]!.GetValue<string>());
        Assert.Equal(proposalId, (await officer.GetAsync($"/api/v1/evaluations/{evaluation["id"]}").OkJson())["followUpProposalId"]!.GetValue<string>());

        var rounds = (await officer.GetAsync("/api/v1/monitoring-rounds").OkJson()).AsArray();
        var round = rounds[0]!["id"]!.GetValue<string>();
        await garut.GetAsync($"/api/v1/monitoring-rounds/{round}").Expect(HttpStatusCode.NotFound);
        await province.GetAsync($"/api/v1/monitoring-rounds/{round}").Expect(HttpStatusCode.NotFound);
        await leader.PostAsync($"/api/v1/monitoring-rounds/{round}/reminders", null).Expect(HttpStatusCode.Forbidden);
        var view = await leader.GetAsync($"/api/v1/monitoring-rounds/{round}").OkJson();
        Assert.Equal(2, view["assigned"]!.GetValue<int>());

        var xlsx = await officer.GetAsync($"/api/v1/monitoring-rounds/{round}/report/xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, sheetName: "Monev").ToList();
        stream.Position = 0;
        var totals = stream.Query(useHeaderRow: true, sheetName: "Rekap").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Rekomendasi"]!, r => Convert.ToInt32(r["Jumlah"]));
        await using var db = app.NewDb();
        var roundId = Guid.Parse(round);
        var total = await db.MonitoringAssignments.CountAsync(a => a.RoundId == roundId);
        Assert.Equal(total, rows.Count);
        Assert.Equal(total, totals["Jumlah"]);
        Assert.Equal(await db.MonitoringAssignments.CountAsync(a => a.RoundId == roundId && a.EvaluationId == null), totals["Belum dievaluasi"]);
        Assert.Equal(await db.AgreementEvaluations.CountAsync(e => e.RoundId == roundId), totals.Where(t => t.Key is not ("Jumlah" or "Belum dievaluasi")).Sum(t => t.Value));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEvaluationApiTests(SqliteApp app) : EvaluationApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresEvaluationApiTests(PostgresApp app) : EvaluationApiTests<PostgresApp>(app);
