using System.Net;
using Jalin.Core.Monitoring;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jalin.Web.Tests.Statistics;

/// <summary>Issue #11 item 8 through the API on both providers, on the demo data: the figures equal a direct count of what
/// each account sees (Cimahi never gets Garut's numbers; the Governor's bureau only Jawa Barat, PP 28/2018 Pasal 44 ayat (4)), bad
/// filters are a 400 in Indonesian, and the workbook re-read with MiniExcel carries the same totals.</summary>
public abstract class StatisticsApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private static decimal Total(System.Text.Json.Nodes.JsonNode view, string key, int series = 0) =>
        view["figures"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == key)!["rows"]!.AsArray().Sum(r => r!["values"]![series]!.GetValue<decimal>());

    [Fact]
    public async Task Figures_equal_a_direct_count_of_what_each_account_sees()
    {
        await using var db = app.NewDb();
        var cimahi = await (await app.ClientForAsync("kerjasama.cimahi")).GetAsync("/api/v1/statistics").OkJson();
        var cimahiCount = await db.Agreements.CountAsync(a => a.Parties.Any(p => p.RegionCode == "32.77"));
        Assert.Equal(cimahiCount, cimahi["total"]!.GetValue<int>());
        Assert.Equal(cimahiCount, Total(cimahi, "jenis"));
        Assert.Equal(cimahiCount, Total(cimahi, "tahap"));
        Assert.Equal(cimahiCount, Total(cimahi, "tahun"));
        var cimahiEvaluations = await db.AgreementEvaluations.CountAsync(e => db.Agreements.Any(a => a.Id == e.AgreementId && a.RegionCode == "32.77"));
        Assert.True(cimahiEvaluations > 0, "the demo has evaluations in Cimahi");
        Assert.Equal(cimahiEvaluations, Total(cimahi, "rekomendasi"));
        Assert.Equal(cimahiEvaluations, Total(cimahi, "nilai"));
        var realised = await db.ProgressReports.Where(r => r.RegionCode == "32.77" && r.Status == ReportStatus.Accepted && r.BudgetRealisation != null)
            .Select(r => r.BudgetRealisation!.Value).ToListAsync();
        Assert.Equal(realised.Sum(), Total(cimahi, "anggaran", 1));

        var garut = await (await app.ClientForAsync("kerjasama.garut")).GetAsync("/api/v1/statistics").OkJson();
        var garutCount = await db.Agreements.CountAsync(a => a.Parties.Any(p => p.RegionCode == "32.05"));
        Assert.Equal(garutCount, garut["total"]!.GetValue<int>());
        // Garut sees the shared agreements with Cimahi, never Cimahi's evaluations of them.
        var garutEvaluations = await db.AgreementEvaluations.CountAsync(e => db.Agreements.Any(a => a.Id == e.AgreementId && a.RegionCode == "32.05"));
        Assert.Equal(garutEvaluations, Total(garut, "rekomendasi"));

        var jabar = await (await app.ClientForAsync("pembina.jabar")).GetAsync("/api/v1/statistics").OkJson();
        var jabarCount = await db.Agreements.CountAsync(a => a.RegionCode == "32" || a.RegionCode.StartsWith("32."));
        Assert.Equal(jabarCount, jabar["total"]!.GetValue<int>());
        var all = await (await app.ClientForAsync("pembina.kemendagri")).GetAsync("/api/v1/statistics").OkJson();
        Assert.Equal(await db.Agreements.CountAsync(), all["total"]!.GetValue<int>());
        Assert.True(all["total"]!.GetValue<int>() > jabarCount, "the demo has agreements outside Jawa Barat");
        var garutOnly = await (await app.ClientForAsync("pembina.jabar")).GetAsync("/api/v1/statistics?region=32.05").OkJson();
        Assert.Equal(await db.Agreements.CountAsync(a => a.RegionCode == "32.05"), garutOnly["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Refused_and_bad_filters_are_4xx_in_Indonesian()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var bad = await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/statistics?year=20x6&kind=Apa"), "year");
        Assert.Contains("Tahun berupa angka", bad["errors"]!["year"]![0]!.GetValue<string>());
        Assert.Contains("Jenis kerja sama tidak dikenal", bad["errors"]!["kind"]![0]!.GetValue<string>());
        var region = await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/statistics?region=32.05"), "region");
        Assert.Contains("hanya untuk pembina", region["errors"]!["region"]![0]!.GetValue<string>());
        var outside = await ProblemAssert.IsValidationProblem(await (await app.ClientForAsync("pembina.jabar")).GetAsync("/api/v1/statistics?region=53.71"), "region");
        Assert.Contains("di luar provinsi", outside["errors"]!["region"]![0]!.GetValue<string>());
        await (await app.ClientForAsync("admin")).GetAsync("/api/v1/statistics").Expect(HttpStatusCode.Forbidden);
        await (await app.ClientForAsync("mitra.cimahi")).GetAsync("/api/v1/statistics/semua/xlsx").Expect(HttpStatusCode.Forbidden);
        await officer.GetAsync("/api/v1/statistics/karangan/xlsx").Expect(HttpStatusCode.NotFound);
        await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/statistics/jenis/xlsx?year=1800"), "year");
    }

    [Fact]
    public async Task The_workbook_re_reads_with_the_totals_of_the_table()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var view = await officer.GetAsync("/api/v1/statistics").OkJson();
        var response = await officer.GetAsync("/api/v1/statistics/semua/xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("statistik-semua-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Jenis", stream.GetSheetNames());
        Assert.Contains("Anggaran", stream.GetSheetNames());
        stream.Position = 0;
        var kinds = stream.Query(useHeaderRow: true, sheetName: "Jenis").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Jumlah", kinds[^1]["Jenis"]);
        Assert.Equal(view["total"]!.GetValue<int>(), Convert.ToInt32(kinds[^1]["Jumlah"]));
        Assert.Equal(Convert.ToInt32(kinds[^1]["Jumlah"]), kinds[..^1].Sum(r => Convert.ToInt32(r["Jumlah"])));
        stream.Position = 0;
        var budget = stream.Query(useHeaderRow: true, sheetName: "Anggaran").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Total(view, "anggaran", 1), Convert.ToDecimal(budget[^1]["Realisasi (Rp)"]));
        Assert.Equal(Total(view, "anggaran", 0), Convert.ToDecimal(budget[^1]["Nilai kerja sama (Rp)"]));

        var one = await officer.GetAsync("/api/v1/statistics/rekomendasi/xlsx");
        using var single = new MemoryStream(await one.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Rekomendasi", "Keterangan"], single.GetSheetNames());
        single.Position = 0;
        var recs = single.Query(useHeaderRow: true, sheetName: "Rekomendasi").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Total(view, "rekomendasi"), Convert.ToDecimal(recs[^1]["Jumlah"]));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteStatisticsApiTests(SqliteApp app) : StatisticsApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresStatisticsApiTests(PostgresApp app) : StatisticsApiTests<PostgresApp>(app);
