using System.Net;
using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jalin.Web.Tests.Mapping;

/// <summary>Issue #10 items 1–2 through the API on both providers: bad input is a 4xx with Indonesian messages and saves
/// nothing; the demo's Cimahi need for chili finds Garut's chili; the XLSX export re-reads as the JSON report.</summary>
public abstract class MappingApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private async Task<int> RowsAsync()
    {
        await using var db = app.NewDb();
        return await db.MappingItems.CountAsync() + await db.MappingRounds.CountAsync() + await db.MappingReminders.CountAsync();
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> Valid(HttpResponseMessage response, params string[] fields)
    {
        var json = await ProblemAssert.IsValidationProblem(response, fields[0]);
        foreach (var f in fields) Assert.True(json["errors"]!.AsObject().ContainsKey(f), $"no error for {f}: {json}");
        return json;
    }

    [Fact]
    public async Task BadInput_Is4xxWithIndonesianMessages_AndNothingSaved()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var before = await RowsAsync();

        var bad = await officer.PostAsJsonAsync("/api/v1/mapping/items", new { kind = "Need", title = "ab", affairCode = "9.99" });
        var problem = await Valid(bad, "title", "affairCode", "agencyId");
        Assert.Contains("Judul", problem["errors"]!["title"]![0]!.GetValue<string>());

        await officer.PostAsync("/api/v1/mapping/items", JsonContent.Create<object?>(null)).Expect(HttpStatusCode.BadRequest);
        (await officer.PostAsJsonAsync("/api/v1/mapping/items", new { kind = "Lainnya", title = "Pasokan cabai", affairCode = "2.09" })).StatusCode.Is4xx();
        await officer.GetAsync("/api/v1/mapping/items?kind=Lainnya").Expect(HttpStatusCode.BadRequest);
        await officer.GetAsync("/api/v1/mapping/items?status=7").Expect(HttpStatusCode.BadRequest);
        await officer.PutAsJsonAsync($"/api/v1/mapping/items/{Guid.NewGuid()}", new { kind = "Need", title = "Pasokan cabai", affairCode = "2.09" })
            .Expect(HttpStatusCode.BadRequest); // no ?version=
        await officer.GetAsync($"/api/v1/mapping/items/{Guid.NewGuid()}/matches").Expect(HttpStatusCode.NotFound);
        var round = await officer.PostAsJsonAsync("/api/v1/mapping/rounds", new { title = "Uji", year = 1990, deadline = "2000-01-01" });
        await Valid(round, "title", "year", "deadline");
        await officer.GetAsync($"/api/v1/mapping/report?regionCode=32.77&roundId={Guid.NewGuid()}").Expect(HttpStatusCode.BadRequest);
        Assert.Equal(before, await RowsAsync());

        // Returning without a reason: 400, the item stays submitted.
        var need = (await officer.GetAsync("/api/v1/mapping/items?kind=Need&status=Submitted").OkJson()).AsArray()[0]!;
        var id = need["id"]!.GetValue<string>();
        await Valid(await officer.PostAsJsonAsync($"/api/v1/mapping/items/{id}/return", new { note = "" }), "note");
        Assert.Equal("Submitted", (await officer.GetAsync($"/api/v1/mapping/items/{id}").OkJson())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task DemoNeedForChili_FindsGarutsChili_AndTheXlsxReReadsAsTheReport()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var needs = (await officer.GetAsync("/api/v1/mapping/items?kind=Need&status=Accepted&affairCode=3.27").OkJson()).AsArray();
        var need = needs.First(n => n!["title"]!.GetValue<string>().Contains("cabai"))!;
        var matches = (await officer.GetAsync($"/api/v1/mapping/items/{need["id"]}/matches").OkJson())["matches"]!.AsArray();
        Assert.Equal("32.05", matches[0]!["regionCode"]!.GetValue<string>());
        Assert.Contains("cabai", matches[0]!["title"]!.GetValue<string>());

        var report = await officer.GetAsync("/api/v1/mapping/report?regionCode=32.77").OkJson();
        var xlsx = await officer.GetAsync("/api/v1/mapping/report/xlsx?regionCode=32.77");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var titles = stream.Query(useHeaderRow: true, sheetName: "Pemetaan").Cast<IDictionary<string, object?>>()
            .Where(r => r["Jenis"] as string != "Jumlah").Select(r => (string)r["Judul"]!).ToList();
        var expected = report["affairs"]!.AsArray().SelectMany(a => a!["rows"]!.AsArray().Select(r => r!["title"]!.GetValue<string>())).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, titles);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMappingApiTests(SqliteApp app) : MappingApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMappingApiTests(PostgresApp app) : MappingApiTests<PostgresApp>(app);

internal static class StatusAssert
{
    public static void Is4xx(this HttpStatusCode status) => Assert.InRange((int)status, 400, 499);
}
