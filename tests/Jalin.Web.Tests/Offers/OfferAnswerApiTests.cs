using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Offers;

/// <summary>Issue #10 item 5 through the API: Cimahi sends a KSDD offer to Garut (PP 28/2018 Pasal 6 ayat (1) huruf b); Garut's
/// cooperation officer answers it in Jalin from its incoming queue, and nobody else may answer as Garut. Garut keeps its own
/// document number and DPRD approval (Pasal 6 ayat (2)); the waiting card says what is pending from whom.</summary>
public abstract class OfferAnswerApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private async Task<HttpClient> GarutUserAsync(string role, Guid? agency = null)
    {
        var admin = await app.ClientForAsync("admin");
        var userName = $"{role.ToLowerInvariant()}.garut." + Guid.NewGuid().ToString("N")[..8];
        await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, fullName = "Pengguna Garut " + role, role, regionCode = "32.05", agencyId = agency, password = "Uji#Garut2026!", email = "uji@garutkab.go.id",
        }).OkJson();
        return await app.ClientForAsync(userName, "Uji#Garut2026!");
    }

    /// <summary>A fresh Cimahi KSDD with Garut (its Dinas Pertanian leading on Garut's side), sent to Garut.</summary>
    private async Task<(Guid Id, Guid GarutLead)> SentOfferAsync(HttpClient cimahi, HttpClient garut, string title)
    {
        var agencies = (await garut.GetAsync("/api/v1/regions/32.05/agencies").OkJson()).AsArray();
        var lead = agencies.First(a => a!["name"]!.GetValue<string>().StartsWith("Dinas Pertanian"))!["id"]!.GetValue<Guid>();
        var id = await cimahi.CreateAgreement(new
        {
            kind = "KsddSukarela", title = $"{title} {Guid.NewGuid().ToString("N")[..6]}", budgetedInApbd = true,
            parties = new[] { new { regionCode = "32.05", leadAgencyId = lead } },
        });
        await cimahi.Upload(id, "TermsOfReference", TestApi.Pdf("KAK " + id)).OkJson();
        await cimahi.Upload(id, "Assessment", TestApi.Pdf("kajian " + id)).OkJson();
        await cimahi.Upload(id, "OfferLetter", TestApi.Pdf("surat penawaran " + id), visibility: "Shared").OkJson();
        await cimahi.Act(id, "complete-preparation").OkJson();
        return (id, lead);
    }

    private static Task<HttpResponseMessage> Answer(HttpClient client, Guid id, object body) => client.PostAsJsonAsync($"/api/v1/offers/{id}/answer", body, TestApi.Json);

    private static async Task<string> StageAsync(HttpClient client, Guid id) => (await client.GetAsync($"/api/v1/agreements/{id}").OkJson())["stage"]!.GetValue<string>();

    private static async Task<int> HistoryCountAsync(HttpClient client, Guid id) => (await client.GetAsync($"/api/v1/agreements/{id}/history").OkJson()).AsArray().Count;

    private static async Task<bool> WaitsInQueueAsync(HttpClient client, Guid id) =>
        (await client.GetAsync("/api/v1/offers/incoming").OkJson())["waiting"]!.AsArray().Any(o => o!["agreementId"]!.GetValue<Guid>() == id);

    [Fact]
    public async Task Garut_answers_Cimahis_offer_in_Jalin_and_no_one_else_answers_as_Garut()
    {
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var bandung = await app.ClientForAsync("kerjasama.bandung");
        var (id, lead) = await SentOfferAsync(cimahi, garut, "Uji jawaban penawaran: pasokan sayur Garut");
        Assert.True(await WaitsInQueueAsync(garut, id), "the offer waits in Garut's incoming queue");
        Assert.False(await WaitsInQueueAsync(cimahi, id), "Cimahi's own offer is not in Cimahi's incoming queue");
        var accept = new { decision = "accept", letterNumber = "500/123/Ekon", letterDate = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(-2)).ToString("yyyy-MM-dd") };

        // Refused, and nothing moves: the owner (it records a paper answer instead), another region, Garut's OPD and TKKSD member.
        var own = await Answer(cimahi, id, accept).Expect(HttpStatusCode.Forbidden);
        ProblemAssert.Indonesian((await own.ReadJson())["detail"]!.GetValue<string>(), "owner answering");
        await Answer(bandung, id, accept).Expect(HttpStatusCode.NotFound);
        await Answer(await GarutUserAsync("AgencyUser", lead), id, accept).Expect(HttpStatusCode.Forbidden);
        await Answer(await GarutUserAsync("TeamMember"), id, accept).Expect(HttpStatusCode.Forbidden);
        // Garut cannot run the answer through the generic action route without its letter, nor the owner's rows.
        await garut.Act(id, "answer-offer", new { decision = "accept" }).Expect(HttpStatusCode.BadRequest);
        await garut.Act(id, "accept-offer").Expect(HttpStatusCode.Forbidden);
        var before = await HistoryCountAsync(cimahi, id);

        // Decline without a reason, and a letter dated tomorrow: 400 in Indonesian, nothing stored.
        var noReason = await Answer(garut, id, new { decision = "decline", letterNumber = "500/124/Ekon", letterDate = accept.letterDate });
        var problem = await ProblemAssert.IsValidationProblem(noReason, "reason", "decline without reason");
        Assert.Contains("Alasan penolakan wajib diisi", problem.ToJsonString());
        var tomorrow = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(2)).ToString("yyyy-MM-dd");
        await ProblemAssert.IsValidationProblem(await Answer(garut, id, new { decision = "accept", letterNumber = "500/124/Ekon", letterDate = tomorrow }), "letterDate");
        await ProblemAssert.IsValidationProblem(await Answer(garut, id, new { decision = "accept", letterDate = accept.letterDate }), "letterNumber");
        Assert.Equal("Offer", await StageAsync(cimahi, id));
        Assert.Equal(before, await HistoryCountAsync(cimahi, id));
        Assert.True(await WaitsInQueueAsync(garut, id));

        // Garut asks for changes: back to preparation; Cimahi revises and sends again; Garut accepts with its letter file.
        var revise = await Answer(garut, id, new { decision = "revise", reason = "Volume pasokan per minggu disesuaikan dengan kapasitas panen.", letterNumber = "500/125/Ekon", letterDate = accept.letterDate }).OkJson();
        Assert.Equal("Preparation", revise["to"]!.GetValue<string>());
        var history = (await cimahi.GetAsync($"/api/v1/agreements/{id}/history").OkJson()).ToJsonString();
        Assert.Contains("Jawaban Kabupaten Garut: penawaran diminta perubahan", history);
        Assert.Contains("Volume pasokan per minggu", history);
        await cimahi.Act(id, "complete-preparation").OkJson();
        Assert.True(await WaitsInQueueAsync(garut, id), "the revised offer waits again");

        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("accept"), "decision");
        form.Add(new StringContent("500/126/Ekon"), "letterNumber");
        form.Add(new StringContent(accept.letterDate), "letterDate");
        var file = new ByteArrayContent(TestApi.Pdf("jawaban Garut " + id));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "jawaban-garut.pdf");
        var accepted = await garut.PostAsync($"/api/v1/offers/{id}/answer", form).OkJson();
        Assert.Equal("DraftingKb", accepted["to"]!.GetValue<string>());
        Assert.Equal("DraftingKb", await StageAsync(cimahi, id));
        var docs = (await cimahi.GetAsync($"/api/v1/agreements/{id}/documents").OkJson()).AsArray();
        Assert.Contains(docs, d => d!["kind"]!.GetValue<string>() == "OfferAnswer" && d["uploaderRegionCode"]?.GetValue<string>() == "32.05");
        var answered = (await garut.GetAsync("/api/v1/offers/incoming").OkJson())["answered"]!.AsArray();
        Assert.Contains(answered, o => o!["agreementId"]!.GetValue<Guid>() == id && o["decision"]!.GetValue<string>() == "accept");
        var inbox = (await cimahi.GetAsync("/api/v1/notifications?pageSize=50").OkJson()).ToJsonString();
        Assert.Contains("Jawaban penawaran dari Kabupaten Garut: diterima", inbox);

        // What waits on whom: Cimahi drafts the KB; Garut records whether its own DPRD must approve (PP 28/2018 Pasal 6 ayat (2)).
        var waiting = (await garut.GetAsync($"/api/v1/agreements/{id}/waiting").OkJson()).AsArray();
        Assert.Contains(waiting, w => w!["regionCode"]!.GetValue<string>() == "32.77" && w["what"]!.GetValue<string>().StartsWith("Finalkan rancangan KB"));
        Assert.Contains(waiting, w => w!["regionCode"]!.GetValue<string>() == "32.05" && w["what"]!.GetValue<string>().Contains("persetujuan DPRD"));
        await bandung.GetAsync($"/api/v1/agreements/{id}/waiting").Expect(HttpStatusCode.NotFound);

        var mine = $"/api/v1/agreements/{id}/party-records/mine";
        await ProblemAssert.IsValidationProblem(await garut.PutAsJsonAsync(mine, new { documentNumber = "415.4/77/Distan", dprdNeeded = false }), "notNeededReason");
        await cimahi.PutAsJsonAsync(mine, new { documentNumber = "X", dprdNeeded = false, notNeededReason = "x" }).Expect(HttpStatusCode.Forbidden);
        await garut.PutAsJsonAsync(mine, new { documentNumber = "415.4/77/Distan", dprdNeeded = false, notNeededReason = "Sudah dianggarkan dalam APBD Garut 2026 dan tidak membebani masyarakat." }).OkJson();
        waiting = (await cimahi.GetAsync($"/api/v1/agreements/{id}/waiting").OkJson()).AsArray();
        Assert.DoesNotContain(waiting, w => w!["regionCode"]!.GetValue<string>() == "32.05");
        var records = (await cimahi.GetAsync($"/api/v1/agreements/{id}/party-records").OkJson()).AsArray();
        Assert.Equal("415.4/77/Distan", Assert.Single(records)!["documentNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Garut_declines_with_a_reason_and_the_record_ends_as_declined_by_the_partner()
    {
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var (id, _) = await SentOfferAsync(cimahi, garut, "Uji tolak penawaran: pasokan beras Garut");
        var declined = await Answer(garut, id, new { decision = "decline", reason = "Produksi sudah terikat kontrak dengan daerah lain.", letterNumber = "500/200/Ekon",
            letterDate = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(-1)).ToString("yyyy-MM-dd") }).OkJson();
        Assert.Equal("Ended", declined["to"]!.GetValue<string>());
        var record = await cimahi.GetAsync($"/api/v1/agreements/{id}").OkJson();
        Assert.Equal("DeclinedByPartner", record["endReason"]!.GetValue<string>());
        // Answered once: a second answer is refused by the table (the record has ended).
        await Answer(garut, id, new { decision = "accept", letterNumber = "500/201/Ekon", letterDate = "2026-01-05" }).Expect(HttpStatusCode.Conflict);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOfferAnswerApiTests(SqliteApp app) : OfferAnswerApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOfferAnswerApiTests(PostgresApp app) : OfferAnswerApiTests<PostgresApp>(app);
