using System.Net;
using System.Net.Http.Json;
using Jalin.Core.UpwardReports;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jalin.Web.Tests.UpwardReports;

/// <summary>Issue #11 item 7 through the API on both providers: the annual report of a kab/kota to the Gubernur
/// (Permendagri 25/2020 Pasal 35; PP 28/2018 Pasal 44 ayat (4)). Bad input is a 4xx with Indonesian messages and stores
/// nothing; the region's officer generates and sends, its other roles read, the supervisors read sent reports and the
/// recap, other regions get 404; the XLSX re-reads with totals equal to the report's figures.</summary>
public abstract class UpwardReportApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private const int Year = 2025;

    private async Task<(int Rows, int Sent)> CountAsync()
    {
        await using var db = app.NewDb();
        return (await db.UpwardReports.CountAsync(), await db.UpwardReports.CountAsync(r => r.Status == UpwardReportStatus.Sent));
    }

    [Fact]
    public async Task BadInput_Is4xxWithIndonesianMessages_AndNothingSaved()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var before = await CountAsync();
        var year = await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync("/api/v1/upward-reports", new { year = 1990 }), "year");
        Assert.Contains("Tahun laporan 2018 sampai", year["errors"]!["year"]![0]!.GetValue<string>());
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync("/api/v1/upward-reports", new { year = 2030 }), "year");
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync("/api/v1/upward-reports", new { }), "year");
        await officer.PostAsync("/api/v1/upward-reports", JsonContent.Create<object?>(null)).Expect(HttpStatusCode.BadRequest);
        Assert.InRange((int)(await officer.GetAsync("/api/v1/upward-reports/preview?year=dua")).StatusCode, 400, 499);
        await officer.GetAsync($"/api/v1/upward-reports/{Guid.NewGuid()}/xlsx").Expect(HttpStatusCode.NotFound);
        await officer.PostAsJsonAsync($"/api/v1/upward-reports/{Guid.NewGuid()}/send", new { letterNumber = "1", sentOn = "2026-01-05" }).Expect(HttpStatusCode.NotFound);
        // The demo's sent report: sending again is a conflict; a wrong format 404.
        var sent = (await officer.GetAsync($"/api/v1/upward-reports?year={Year}").OkJson()).AsArray().First(v => v!["status"]!.GetValue<string>() == "Sent")!["id"]!.GetValue<string>();
        await officer.PostAsJsonAsync($"/api/v1/upward-reports/{sent}/send", new { letterNumber = "X/1", sentOn = "2026-01-05" }).Expect(HttpStatusCode.Conflict);
        await officer.GetAsync($"/api/v1/upward-reports/{sent}/exe").Expect(HttpStatusCode.NotFound);
        Assert.Equal(before, await CountAsync());
        // A draft: missing letter number and a future date are refused, field by field, and it stays a draft.
        var draft = (await officer.PostAsJsonAsync("/api/v1/upward-reports", new { year = Year }).OkJson())["id"]!.GetValue<string>();
        var after = await CountAsync();
        var p = await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync($"/api/v1/upward-reports/{draft}/send", new { letterNumber = " ", sentOn = "2099-01-01" }), "letterNumber");
        Assert.Equal("Nomor surat pengantar wajib diisi.", p["errors"]!["letterNumber"]![0]!.GetValue<string>());
        Assert.Equal("Tanggal kirim tidak boleh setelah hari ini.", p["errors"]!["sentOn"]![0]!.GetValue<string>());
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync($"/api/v1/upward-reports/{draft}/send", new { letterNumber = "000/1" }), "sentOn");
        Assert.Equal(after, await CountAsync());
    }

    [Fact]
    public async Task OfficerGeneratesAndSends_SupervisorsReadAndRecap_OthersRefused_AndTheXlsxTotalsMatch()
    {
        var officer = await app.ClientForAsync("kerjasama.bandung");   // Kota Bandung (32.73): no demo report yet
        var prov = await app.ClientForAsync("pembina.jabar");
        var nat = await app.ClientForAsync("pembina.kemendagri");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var kupang = await app.ClientForAsync("kerjasama.kupang");
        var cimahiLeader = await app.ClientForAsync("pimpinan.cimahi");

        var preview = await officer.GetAsync($"/api/v1/upward-reports/preview?year={Year}").OkJson();
        Assert.Equal("Gubernur Jawa Barat", preview["data"]!["recipient"]!.GetValue<string>());
        var created = await officer.PostAsJsonAsync("/api/v1/upward-reports", new { year = Year });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var v = await Task.FromResult(created).OkJson();
        var id = v["id"]!.GetValue<string>();
        // Drafts are not for supervisors nor other regions.
        await prov.GetAsync($"/api/v1/upward-reports/{id}/xlsx").Expect(HttpStatusCode.NotFound);
        await garut.GetAsync($"/api/v1/upward-reports/{id}/xlsx").Expect(HttpStatusCode.NotFound);
        await garut.PostAsJsonAsync($"/api/v1/upward-reports/{id}/send", new { letterNumber = "X", sentOn = "2026-01-05" }).Expect(HttpStatusCode.NotFound);
        await cimahiLeader.PostAsJsonAsync("/api/v1/upward-reports", new { year = Year }).Expect(HttpStatusCode.Forbidden);

        var sent = await officer.PostAsJsonAsync($"/api/v1/upward-reports/{id}/send", new { letterNumber = "000.1.6/77/Tapem", sentOn = "2026-01-06" }).OkJson();
        Assert.Equal("Sent", sent["status"]!.GetValue<string>());
        var xlsx = await prov.GetAsync($"/api/v1/upward-reports/{id}/xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            var rows = stream.Query(useHeaderRow: true, sheetName: UpwardReportExport.SheetAgreements).Cast<IDictionary<string, object?>>().ToList();
            var figures = sent["figures"]!;
            Assert.Equal(figures["agreements"]!.GetValue<int>(), rows.Count(r => r["No"] is not null));
            Assert.Equal(figures["totalValue"]!.GetValue<decimal>(), Convert.ToDecimal(rows.Single(r => (string?)r["Kerja Sama"] == UpwardReportExport.TotalLabel)["Nilai (Rp)"] ?? 0m));
            await using var db = app.NewDb();
            var first = new DateOnly(Year, 1, 1); var last = new DateOnly(Year, 12, 31);
            var owned = await db.Agreements.Where(a => a.RegionCode == "32.73" && (a.Stage == Jalin.Core.Lifecycle.Stage.Implementation || a.Stage == Jalin.Core.Lifecycle.Stage.Ended)
                && (a.StartsOn ?? a.SignedOn) != null && (a.StartsOn ?? a.SignedOn) <= last && (a.EndsOn == null || a.EndsOn >= first)).CountAsync();
            Assert.Equal(owned, figures["agreements"]!.GetValue<int>());
        }
        await nat.GetAsync($"/api/v1/upward-reports/{id}/xlsx").Expect(HttpStatusCode.OK);
        await kupang.GetAsync($"/api/v1/upward-reports/{id}/xlsx").Expect(HttpStatusCode.NotFound);

        var recap = await prov.GetAsync($"/api/v1/upward-reports/recap?year={Year}").OkJson();
        var bandung = recap["rows"]!.AsArray().Single(r => r!["regionCode"]!.GetValue<string>() == "32.73")!;
        Assert.True(bandung["sent"]!.GetValue<bool>());
        Assert.Equal("000.1.6/77/Tapem", bandung["letterNumber"]!.GetValue<string>());
        Assert.True(recap["rows"]!.AsArray().Single(r => r!["regionCode"]!.GetValue<string>() == "32.77")!["sent"]!.GetValue<bool>()); // the demo's Cimahi
        Assert.All(recap["rows"]!.AsArray(), r => Assert.StartsWith("32.", r!["regionCode"]!.GetValue<string>()));
        var national = await nat.GetAsync($"/api/v1/upward-reports/recap?year={Year}").OkJson();
        Assert.Equal(38, national["rows"]!.AsArray().Count);
        await officer.GetAsync($"/api/v1/upward-reports/recap?year={Year}").Expect(HttpStatusCode.Forbidden);
        var forbidden = await cimahiLeader.GetAsync($"/api/v1/upward-reports/recap?year={Year}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("pembina", (await forbidden.Content.ReadAsStringAsync()));
        var recapXlsx = await prov.GetAsync($"/api/v1/upward-reports/recap/xlsx?year={Year}");
        Assert.Equal(HttpStatusCode.OK, recapXlsx.StatusCode);
        using var rs = new MemoryStream(await recapXlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(recap["rows"]!.AsArray().Count, rs.Query(useHeaderRow: true, sheetName: UpwardReportExport.SheetRecap).Count());
        // The supervisor was told.
        await using var db2 = app.NewDb();
        Assert.True(await db2.Notifications.AnyAsync(n => n.SubjectType == UpwardReporting.Subject && n.SubjectId == id && n.RecipientUserId == db2.Users.Single(u => u.UserName == "pembina.jabar").Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteUpwardReportApiTests(SqliteApp app) : UpwardReportApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresUpwardReportApiTests(PostgresApp app) : UpwardReportApiTests<PostgresApp>(app);
