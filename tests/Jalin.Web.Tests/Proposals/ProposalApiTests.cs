using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Proposals;

/// <summary>/api/v1/proposals on both databases: bad input answers 4xx in Indonesian with nothing saved, the
/// walk through the table, conversion at most once, and the agreement naming its source.</summary>
public abstract class ProposalApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private async Task<(int Proposals, int Attachments, int History, int Agreements)> CountsAsync()
    {
        await using var db = app.NewDb();
        return (await db.Proposals.CountAsync(), await db.ProposalAttachments.CountAsync(), await db.ProposalHistories.CountAsync(), await db.Agreements.CountAsync());
    }

    [Fact]
    public async Task Bad_bodies_and_queries_are_refused_in_Indonesian_and_nothing_is_saved()
    {
        var opd = await app.ClientForAsync("opd.cimahi");
        var created = await opd.PostAsJsonAsync("/api/v1/proposals", ProposalWorld.Body("Usulan untuk uji isian salah"), TestApi.Json).OkJson();
        var id = created["id"]!.GetValue<string>();
        var before = await CountsAsync();

        await ProblemAssert.IsValidationProblem(await opd.PostAsJsonAsync("/api/v1/proposals", new { title = "ab" }, TestApi.Json), "title");
        await ProblemAssert.IsValidationProblem(await opd.PostAsJsonAsync("/api/v1/proposals", new { title = "Usulan dengan e-mail salah", contact1Email = "bukan-email" }, TestApi.Json), "contact1Email");
        await ProblemAssert.IsValidationProblem(await opd.PostAsJsonAsync("/api/v1/proposals", new { title = "Usulan dengan dua mitra", partnerRegionCode = "32.04", partnerName = "PT Lain" }, TestApi.Json), "partner");
        await ProblemAssert.IsValidationProblem(await opd.PostAsJsonAsync("/api/v1/proposals", new { title = "Usulan dengan urusan palsu", affairCode = "9.99" }, TestApi.Json), "affairCode");
        await ProblemAssert.IsValidationProblem(await opd.PostAsJsonAsync("/api/v1/proposals", new { title = "Usulan jangka waktu negatif", termMonths = -3 }, TestApi.Json), "termMonths");
        var broken = await opd.PostAsync("/api/v1/proposals", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        await ProblemAssert.IsProblem(broken);
        await ProblemAssert.IsValidationProblem(await opd.GetAsync("/api/v1/proposals?status=Palsu"), "status");
        await ProblemAssert.IsValidationProblem(await opd.GetAsync("/api/v1/proposals?pageSize=100000"), "pageSize");
        var unknown = await opd.PostAsJsonAsync($"/api/v1/proposals/{id}/actions/terbangkan", new { }, TestApi.Json);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await ProblemAssert.IsProblem(unknown);
        await ProblemAssert.IsValidationProblem(await opd.PutAsJsonAsync($"/api/v1/proposals/{id}", ProposalWorld.Body("Tanpa versi"), TestApi.Json), "version");
        var stale = await opd.PutAsJsonAsync($"/api/v1/proposals/{id}?version=99", ProposalWorld.Body("Versi usang"), TestApi.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await ProblemAssert.IsValidationProblem(await opd.PostAsync($"/api/v1/proposals/{id}/attachments", ProposalWorld.Form("TermsOfReference", "ini teks, bukan PDF"u8.ToArray())), "file");
        await ProblemAssert.IsValidationProblem(await opd.PostAsync($"/api/v1/proposals/{id}/attachments", ProposalWorld.Form("Palsu", TestApi.Pdf("KAK"))), "kind");
        await ProblemAssert.IsValidationProblem(await opd.PostAsync($"/api/v1/proposals/{id}/attachments", ProposalWorld.Form("TermsOfReference", null)), "file");
        // the assessment without a result, a recommendation without a kind: 4xx from the table (here: wrong status first)
        var early = await (await app.ClientForAsync("kerjasama.cimahi")).PostAsJsonAsync($"/api/v1/proposals/{id}/actions/recommend", new { kind = "KsddSukarela" }, TestApi.Json);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_OPD_drafts_and_submits_the_officer_recommends_and_converts_once_and_the_agreement_names_its_source()
    {
        var opd = await app.ClientForAsync("opd.cimahi");
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var tkksd = await app.ClientForAsync("tkksd.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var id = (await opd.PostAsJsonAsync("/api/v1/proposals", ProposalWorld.Body("Usulan uji alur penuh API"), TestApi.Json).OkJson())["id"]!.GetValue<string>();
        var kak = TestApi.Pdf("KAK uji alur");
        await opd.PostAsync($"/api/v1/proposals/{id}/attachments", ProposalWorld.Form("TermsOfReference", kak, "KAK.pdf")).OkJson();
        await opd.PostAsJsonAsync($"/api/v1/proposals/{id}/actions/submit", new { }, TestApi.Json).OkJson();
        Assert.Equal(HttpStatusCode.NotFound, (await garut.GetAsync($"/api/v1/proposals/{id}")).StatusCode);
        await officer.PostAsJsonAsync($"/api/v1/proposals/{id}/actions/verify", new { }, TestApi.Json).OkJson();
        await ProblemAssert.IsValidationProblem(await tkksd.PostAsJsonAsync($"/api/v1/proposals/{id}/actions/assess", new { note = "tanpa hasil" }, TestApi.Json), "result");
        await tkksd.PostAsJsonAsync($"/api/v1/proposals/{id}/actions/assess", new { result = "Feasible", note = "Sesuai RPJMD" }, TestApi.Json).OkJson();
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync($"/api/v1/proposals/{id}/actions/recommend", new { }, TestApi.Json), "kind");
        var rec = await officer.PostAsJsonAsync($"/api/v1/proposals/{id}/actions/recommend", new { kind = "KsddSukarela" }, TestApi.Json).OkJson();
        Assert.Equal("Recommended", rec["status"]!.GetValue<string>());

        var converted = await officer.PostAsJsonAsync($"/api/v1/proposals/{id}/convert", new { }, TestApi.Json);
        Assert.Equal(HttpStatusCode.Created, converted.StatusCode);
        var agreementId = (await Task.FromResult(converted).OkJson())["agreementId"]!.GetValue<string>();
        var again = await officer.PostAsJsonAsync($"/api/v1/proposals/{id}/convert", new { }, TestApi.Json);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await ProblemAssert.IsProblem(again);

        var agreement = await officer.GetAsync($"/api/v1/agreements/{agreementId}").OkJson();
        Assert.Equal("Usulan uji alur penuh API", agreement["title"]!.GetValue<string>());
        Assert.Equal("KsddSukarela", agreement["kind"]!.GetValue<string>());
        Assert.Equal(id, agreement["sourceProposalId"]!.GetValue<string>());
        Assert.StartsWith("USL/", agreement["sourceProposalNumber"]!.GetValue<string>());
        var doc = agreement["documents"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "TermsOfReference")!;
        var file = await officer.GetAsync($"/api/v1/agreements/{agreementId}/documents/{doc["id"]}/file");
        Assert.Equal(kak, await file.Content.ReadAsByteArrayAsync()); // the same stored file, not a re-upload
        var proposal = await opd.GetAsync($"/api/v1/proposals/{id}").OkJson();
        Assert.Equal(agreementId, proposal["agreementId"]!.GetValue<string>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProposalApiTests(SqliteApp app) : ProposalApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresProposalApiTests(PostgresApp app) : ProposalApiTests<PostgresApp>(app);
