using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.ForeignDuties;

/// <summary>Issue #11 item 6 through the API on both providers, on the demo sister city Bandung–Braunschweig: the yearly
/// plan (Permendagri 25/2020 Pasal 26), the extension decision (Pasal 33) and the supervision by the Governor (Pasal 39
/// ayat (2)). Bad input is a 4xx with Indonesian messages and stores nothing; the owner, the supervisors and strangers
/// are allowed or refused.</summary>
public abstract class ForeignDutiesApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private const string Braunschweig = "Bandung–Braunschweig";

    private async Task<int> RowsAsync()
    {
        await using var db = app.NewDb();
        return await db.AnnualActivityPlans.CountAsync() + await db.ExtensionDecisions.CountAsync() + await db.ForeignSupervisions.CountAsync()
            + await db.ForeignSupervisions.CountAsync(s => s.DoneOn != null) + await db.ForeignSupervisions.CountAsync(s => s.RegionAnswer != null);
    }

    private DateOnly Today() => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(7));

    private static async Task<string> AgreementAsync(HttpClient c, string q) =>
        (await c.GetAsync($"/api/v1/agreements?q={Uri.EscapeDataString(q)}").OkJson())["items"]!.AsArray()[0]!["id"]!.GetValue<string>();

    private static object Plan(string amount) => new
    {
        rows = new[]
        {
            new
            {
                activity = "Magang industri siswa SMK", executor = "Dinas Pendidikan", roles = "Bandung: seleksi; Braunschweig: penempatan", expectedResult = "8 siswa magang",
                location = "Braunschweig", beneficiaries = "Siswa SMK", funding = new[] { new { party = "Pemerintah Kota Bandung", source = "APBD", amount } },
            },
        },
    };

    [Fact]
    public async Task BadInput_Is4xxWithIndonesianMessages_AndNothingSaved()
    {
        var bandung = await app.ClientForAsync("kerjasama.bandung");
        var jabar = await app.ClientForAsync("pembina.jabar");
        var id = await AgreementAsync(bandung, Braunschweig);
        var year = Today().Year;
        var before = await RowsAsync();

        var bad = await bandung.PutAsJsonAsync($"/api/v1/agreements/{id}/foreign-duties/plans/{year}", Plan("dua ratus juta"));
        var problem = await ProblemAssert.IsValidationProblem(bad, "rows[0].funding[0].amount");
        Assert.Contains("rupiah", problem["errors"]!["rows[0].funding[0].amount"]![0]!.GetValue<string>());
        await ProblemAssert.IsValidationProblem(await bandung.PutAsJsonAsync($"/api/v1/agreements/{id}/foreign-duties/plans/{year}", new { rows = Array.Empty<object>() }), "rows");
        await ProblemAssert.IsValidationProblem(await bandung.PutAsJsonAsync($"/api/v1/agreements/{id}/foreign-duties/plans/1990", Plan("1.000")), "year");
        await bandung.PutAsync($"/api/v1/agreements/{id}/foreign-duties/plans/{year}", JsonContent.Create<object?>(null)).Expect(HttpStatusCode.BadRequest);
        var ext = await ProblemAssert.IsValidationProblem(await bandung.PutAsJsonAsync($"/api/v1/agreements/{id}/foreign-duties/extension", new { willExtend = true }), "letterNumber");
        Assert.Contains("Sekretaris Jenderal", ext["errors"]!["addressedTo"]![0]!.GetValue<string>());
        var form = new MultipartFormDataContent { { new ByteArrayContent("bukan pdf"u8.ToArray()), "file", "rencana.pdf" } };
        await ProblemAssert.IsValidationProblem(await bandung.PostAsync($"/api/v1/agreements/{id}/foreign-duties/plans/{year}/scan", form), "file");
        await ProblemAssert.IsValidationProblem(await jabar.PostAsJsonAsync("/api/v1/foreign-supervisions", new { agreementId = id, plannedOn = "2026-12-01" }), "method");
        Assert.InRange((int)(await jabar.PostAsJsonAsync("/api/v1/foreign-supervisions", new { agreementId = id, plannedOn = "2026-12-01", method = "Inspeksi", mode = "Dokumen" })).StatusCode, 400, 499);
        var upcoming = (await jabar.GetAsync("/api/v1/foreign-supervisions").OkJson())["upcoming"]!.AsArray()[0]!["id"]!.GetValue<string>();
        await ProblemAssert.IsValidationProblem(await jabar.PutAsJsonAsync($"/api/v1/foreign-supervisions/{upcoming}/result", new { doneOn = "2020-01-01" }), "findings");
        await ProblemAssert.IsValidationProblem(await bandung.PutAsJsonAsync("/api/v1/foreign-duties/settings", new { planJanuaryDay = 40 }), "planJanuaryDay");
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task OwnerRecords_GovernorSupervisesKabKota_MinisterNot_StrangersGet404()
    {
        var bandung = await app.ClientForAsync("kerjasama.bandung");
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var jabar = await app.ClientForAsync("pembina.jabar");
        var kemendagri = await app.ClientForAsync("pembina.kemendagri");
        var id = await AgreementAsync(bandung, Braunschweig);

        var card = await bandung.GetAsync($"/api/v1/agreements/{id}/foreign-duties").OkJson();
        Assert.True(card["canEdit"]!.GetValue<bool>());
        Assert.Contains("minggu pertama Januari", card["reportText"]!.GetValue<string>());
        var finalYear = card["plans"]!.AsArray().First(p => p!["fileName"] is not null)!["year"]!.GetValue<int>();
        var doc = await jabar.GetAsync($"/api/v1/agreements/{id}/foreign-duties/plans/{finalYear}/document");
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await doc.Content.ReadAsByteArrayAsync())[..2]));
        await cimahi.GetAsync($"/api/v1/agreements/{id}/foreign-duties").Expect(HttpStatusCode.NotFound);
        await garut.GetAsync($"/api/v1/agreements/{id}/foreign-duties/plans/{finalYear}/document").Expect(HttpStatusCode.NotFound);
        await jabar.PutAsJsonAsync($"/api/v1/agreements/{id}/foreign-duties/extension", new { willExtend = false, reason = "x" }).Expect(HttpStatusCode.Forbidden);

        var nextYear = card["plans"]!.AsArray().Select(p => p!["year"]!.GetValue<int>()).Max() + 1;
        var saved = await bandung.PutAsJsonAsync($"/api/v1/agreements/{id}/foreign-duties/plans/{nextYear}", Plan("250.000.000")).OkJson();
        Assert.Equal(250_000_000m, saved["total"]!.GetValue<decimal>());
        var final = await bandung.PostAsync($"/api/v1/agreements/{id}/foreign-duties/plans/{nextYear}/finalize", null).OkJson();
        Assert.Equal("Final", final["status"]!.GetValue<string>());
        await bandung.PutAsJsonAsync($"/api/v1/agreements/{id}/foreign-duties/plans/{nextYear}", Plan("1.000")).Expect(HttpStatusCode.Conflict);

        // Supervision: the Governor over Kota Bandung's (Pasal 39 ayat (2)); the Minister supervises provinces, not this one.
        var body = new { agreementId = id, plannedOn = Today().ToString("yyyy-MM-dd"), method = "Evaluasi", mode = "Dokumen" };
        await kemendagri.PostAsJsonAsync("/api/v1/foreign-supervisions", body).Expect(HttpStatusCode.Forbidden);
        await bandung.PostAsJsonAsync("/api/v1/foreign-supervisions", body).Expect(HttpStatusCode.Forbidden);
        var created = await jabar.PostAsJsonAsync("/api/v1/foreign-supervisions", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var sid = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var done = await jabar.PutAsJsonAsync($"/api/v1/foreign-supervisions/{sid}/result", new
        {
            doneOn = Today().ToString("yyyy-MM-dd"), findings = "Laporan kegiatan lengkap.", followUpRequested = "Kirim jadwal magang.",
        }).OkJson();
        Assert.NotNull(done["doneOn"]);
        await jabar.PutAsJsonAsync($"/api/v1/foreign-supervisions/{sid}/answer", new { answer = "x" }).Expect(HttpStatusCode.Forbidden);
        await garut.PutAsJsonAsync($"/api/v1/foreign-supervisions/{sid}/answer", new { answer = "x" }).Expect(HttpStatusCode.NotFound);
        var answered = await bandung.PutAsJsonAsync($"/api/v1/foreign-supervisions/{sid}/answer", new { answer = "Jadwal magang terlampir." }).OkJson();
        Assert.Equal("Jadwal magang terlampir.", answered["regionAnswer"]!.GetValue<string>());
        var list = await jabar.GetAsync("/api/v1/foreign-supervisions").OkJson();
        var row = list["agreements"]!.AsArray().Single(a => a!["agreementId"]!.GetValue<string>() == id)!;
        Assert.True(row["doneThisYear"]!.GetValue<int>() >= 1);
        Assert.DoesNotContain(list["agreements"]!.AsArray(), a => !a!["regionCode"]!.GetValue<string>().StartsWith("32."));
        Assert.DoesNotContain((await kemendagri.GetAsync("/api/v1/foreign-supervisions").OkJson())["agreements"]!.AsArray(), a => a!["regionCode"]!.GetValue<string>().Contains('.'));
        await bandung.GetAsync("/api/v1/foreign-supervisions").Expect(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteForeignDutiesApiTests(SqliteApp app) : ForeignDutiesApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresForeignDutiesApiTests(PostgresApp app) : ForeignDutiesApiTests<PostgresApp>(app);
