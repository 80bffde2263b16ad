using System.Net;
using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Tkksd;

/// <summary>Issue #10 item 4 through the API, on SQLite and PostgreSQL: the demo team, bad input answered 4xx in
/// Indonesian, and the whole path from assignment to the kajian that meets the preparation prerequisite
/// (PP 28/2018 Pasal 6 ayat (1) huruf a; KAK dan kajian tim: praktik daerah).</summary>
public abstract class TkksdApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private static object Scores(int score, string recommendation = "Layak") => new
    {
        scores = Jalin.Core.Tkksd.TkksdCriteria.Defaults.Select(c => new { criterion = c.Name, score, note = $"Catatan {c.Name}" }).ToArray(),
        recommendation, remarks = "Catatan umum uji.",
    };

    [Fact]
    public async Task Demo_team_is_Cimahis_and_bad_input_gets_Indonesian_4xx()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var team = await officer.GetAsync("/api/v1/tkksd/team").OkJson();
        Assert.Contains(team["active"]!["members"]!.AsArray(), m => m!["roleLabel"]!.GetValue<string>() == "Ketua");
        Assert.Contains(team["active"]!["members"]!.AsArray(), m => m!["userName"]?.GetValue<string>() == "tkksd.cimahi");

        var bad = await officer.PutAsJsonAsync("/api/v1/tkksd/criteria", new { criteria = new[] { new { name = "A", weight = 60 }, new { name = "B", weight = 30 } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("tepat 100 persen", await bad.Content.ReadAsStringAsync());
        var noBody = await officer.PostAsync("/api/v1/tkksd/teams", new StringContent("", System.Text.Encoding.UTF8, "application/json"));
        Assert.True((int)noBody.StatusCode is >= 400 and < 500);
        var noDecree = await officer.PostAsJsonAsync("/api/v1/tkksd/teams", new { decreeNumber = "", periodStart = "2026-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, noDecree.StatusCode);
        Assert.Contains("Nomor Keputusan (SK)", await noDecree.Content.ReadAsStringAsync());
        var badRole = await officer.PostAsJsonAsync($"/api/v1/tkksd/teams/{team["active"]!["id"]}/members", new { name = "X", position = "Y", role = "Bendahara" });
        Assert.True((int)badRole.StatusCode is >= 400 and < 500);
        var garut = await app.ClientForAsync("kerjasama.garut");
        var foreign = await garut.PostAsJsonAsync($"/api/v1/tkksd/teams/{team["active"]!["id"]}/members", new { name = "X", position = "Y", role = "Anggota" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Member_assesses_officer_generates_kajian_and_preparation_can_complete()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var tkksd = await app.ClientForAsync("tkksd.cimahi");
        var id = await officer.CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji TKKSD: kajian pengelolaan air bersih " + Guid.NewGuid().ToString("N")[..6], budgetedInApbd = true,
            parties = new[] { new { regionCode = "32.17" } },
        });
        await officer.Upload(id, "TermsOfReference", TestApi.Pdf("KAK uji"), visibility: "Internal", title: "KAK").OkJson();
        var team = (await officer.GetAsync("/api/v1/tkksd/team").OkJson())["active"]!;
        var asep = team["members"]!.AsArray().First(m => m!["userName"]?.GetValue<string>() == "tkksd.cimahi")!["id"]!.GetValue<string>();
        var other = team["members"]!.AsArray().First(m => m!["role"]!.GetValue<string>() == "Anggota" && m["userName"] is null)!["id"]!.GetValue<string>();

        // Kajian before any assessment: refused (409).
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/v1/tkksd/agreements/{id}/kajian", null)).StatusCode);
        var pastDue = await officer.PostAsJsonAsync($"/api/v1/tkksd/agreements/{id}/assignments", new { memberIds = new[] { asep }, dueOn = "2000-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, pastDue.StatusCode);
        await officer.PostAsJsonAsync($"/api/v1/tkksd/agreements/{id}/assignments", new { memberIds = new[] { asep, other }, dueOn = "2099-12-31" }).OkJson();

        // The member may not assess for another member; a score of 6 is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await tkksd.PutAsJsonAsync($"/api/v1/tkksd/agreements/{id}/assessments/{other}", Scores(4))).StatusCode);
        var six = await tkksd.PutAsJsonAsync($"/api/v1/tkksd/agreements/{id}/assessments/{asep}", Scores(6));
        Assert.Equal(HttpStatusCode.BadRequest, six.StatusCode);
        Assert.Contains("harus dari 1 sampai 5", await six.Content.ReadAsStringAsync());
        await tkksd.PutAsJsonAsync($"/api/v1/tkksd/agreements/{id}/assessments/{asep}", Scores(4)).OkJson();
        var summary = await officer.PutAsJsonAsync($"/api/v1/tkksd/agreements/{id}/assessments/{other}", Scores(3, "LayakDenganPerbaikan")).OkJson();
        Assert.Equal("3,50", summary["averageScoreText"]!.GetValue<string>());
        Assert.Equal("4,00", summary["assessments"]!.AsArray().First(a => a!["memberId"]!.GetValue<string>() == asep)!["weightedScoreText"]!.GetValue<string>());

        // The team member reads but does not generate; the officer generates; the prerequisite is met.
        Assert.Equal(HttpStatusCode.Forbidden, (await tkksd.PostAsync($"/api/v1/tkksd/agreements/{id}/kajian", null)).StatusCode);
        var kajian = await officer.PostAsync($"/api/v1/tkksd/agreements/{id}/kajian", null).OkJson();
        var docs = (await officer.GetAsync($"/api/v1/agreements/{id}/documents").OkJson()).AsArray();
        Assert.Contains(docs, d => d!["kind"]!.GetValue<string>() == "Assessment" && d["id"]!.GetValue<string>() == kajian["documentId"]!.GetValue<string>());
        await officer.PostAsJsonAsync($"/api/v1/agreements/{id}/actions/complete-preparation", new { note = "Kajian TKKSD tersusun." }).OkJson();
    }

    /// <summary>The TKKSD on an usulan (praktik daerah): same routes under /proposals, the window after the Bagian Kerja
    /// Sama's verification, and the kajian filed as the usulan's attachment.</summary>
    [Fact]
    public async Task Proposal_routes_assess_and_file_the_kajian_as_an_attachment()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var tkksd = await app.ClientForAsync("tkksd.cimahi");
        var opd = await app.ClientForAsync("opd.cimahi");
        var created = await opd.PostAsJsonAsync("/api/v1/proposals", Proposals.ProposalWorld.Body("Uji TKKSD usulan " + Guid.NewGuid().ToString("N")[..6]), TestApi.Json).OkJson();
        var id = created["id"]!.GetValue<string>();
        var team = (await officer.GetAsync("/api/v1/tkksd/team").OkJson())["active"]!;
        var asep = team["members"]!.AsArray().First(m => m!["userName"]?.GetValue<string>() == "tkksd.cimahi")!["id"]!.GetValue<string>();

        // A draft: outside the window (409); the OPD reads its usulan but not the team's assessment (403); Garut sees nothing (404).
        var early = await officer.PostAsJsonAsync($"/api/v1/tkksd/proposals/{id}/assignments", new { memberIds = new[] { asep }, dueOn = "2099-12-31" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("diverifikasi", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await opd.GetAsync($"/api/v1/tkksd/proposals/{id}/assessments")).StatusCode);
        var garut = await app.ClientForAsync("kerjasama.garut");
        Assert.Equal(HttpStatusCode.NotFound, (await garut.GetAsync($"/api/v1/tkksd/proposals/{id}/assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/tkksd/proposals/{Guid.NewGuid()}/assessments")).StatusCode);

        await opd.PostAsJsonAsync($"/api/v1/proposals/{id}/actions/submit", new { note = "uji" }, TestApi.Json).OkJson();
        await officer.PostAsJsonAsync($"/api/v1/proposals/{id}/actions/verify", new { note = "uji" }, TestApi.Json).OkJson();
        // Bad input: no body, no members, an unknown recommendation.
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsync($"/api/v1/tkksd/proposals/{id}/assignments", new StringContent("", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        var none = await officer.PostAsJsonAsync($"/api/v1/tkksd/proposals/{id}/assignments", new { memberIds = Array.Empty<string>(), dueOn = "2099-12-31" });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("sedikitnya satu anggota", await none.Content.ReadAsStringAsync());
        await officer.PostAsJsonAsync($"/api/v1/tkksd/proposals/{id}/assignments", new { memberIds = new[] { asep }, dueOn = "2099-12-31" }).OkJson();
        var unknown = await tkksd.PutAsJsonAsync($"/api/v1/tkksd/proposals/{id}/assessments/{asep}", new { scores = Array.Empty<object>(), recommendation = "Mungkin" });
        Assert.True((int)unknown.StatusCode is >= 400 and < 500);
        var summary = await tkksd.PutAsJsonAsync($"/api/v1/tkksd/proposals/{id}/assessments/{asep}", Scores(4, "LayakDenganPerbaikan")).OkJson();
        Assert.Equal("Proposal", summary["subjectType"]!.GetValue<string>());
        Assert.Equal("4,00", summary["averageScoreText"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, (await tkksd.PostAsync($"/api/v1/tkksd/proposals/{id}/kajian", null)).StatusCode);
        var kajian = await officer.PostAsync($"/api/v1/tkksd/proposals/{id}/kajian", null).OkJson();
        var proposal = await officer.GetAsync($"/api/v1/proposals/{id}").OkJson();
        Assert.Contains(proposal["attachments"]!.AsArray(), a => a!["kind"]!.GetValue<string>() == "Assessment" && a["id"]!.GetValue<string>() == kajian["documentId"]!.GetValue<string>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTkksdApiTests(SqliteApp app) : TkksdApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTkksdApiTests(PostgresApp app) : TkksdApiTests<PostgresApp>(app);
