using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #9 item 3 through the API: Kabupaten Garut, a party to a Cimahi KSDD, attaches its own papers,
/// shared with every party or internal to Garut. Cimahi (the owner) and the supervisors never read Garut's internal
/// papers; Garut's OPD attaches only when it leads the agreement on Garut's side; and Garut's kajian never completes
/// Cimahi's preparation.</summary>
public abstract class PartyDocumentsTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private static List<string> Ids(JsonNode docs) => docs.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();

    private async Task<HttpClient> GarutOpdUserAsync(Guid agency)
    {
        var admin = await app.ClientForAsync("admin");
        var userName = "opd.garut." + Guid.NewGuid().ToString("N")[..8];
        await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, fullName = "Pengguna OPD Garut", role = "AgencyUser", regionCode = "32.05", agencyId = agency,
            password = "Uji#Garut2026!", email = "opd@garutkab.go.id",
        }).OkJson();
        return await app.ClientForAsync(userName, "Uji#Garut2026!");
    }

    [Fact]
    public async Task Garut_attaches_internal_and_shared_papers_on_Cimahis_KSDD_and_Cimahi_reads_only_the_shared_ones()
    {
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var province = await app.ClientForAsync("pembina.jabar");
        var agencies = (await garut.GetAsync("/api/v1/regions/32.05/agencies").OkJson()).AsArray();
        var lead = agencies.First(a => a!["name"]!.GetValue<string>().StartsWith("Dinas Pertanian"))!["id"]!.GetValue<Guid>();
        var other = agencies.First(a => a!["name"]!.GetValue<string>().StartsWith("Dinas Lingkungan Hidup"))!["id"]!.GetValue<Guid>();
        var id = await cimahi.CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji dokumen pihak: pasokan cabai Garut " + Guid.NewGuid().ToString("N")[..6], budgetedInApbd = true,
            parties = new[] { new { regionCode = "32.05", leadAgencyId = lead } },
        });

        var @internal = (await garut.Upload(id, "Assessment", TestApi.Pdf("kajian Garut"), visibility: "Internal", title: "Kajian TKKSD Garut").OkJson())["id"]!.GetValue<string>();
        var shared = await garut.Upload(id, "OfferAnswer", TestApi.Pdf("jawaban Garut"), visibility: "Shared", title: "Surat jawaban Bupati Garut").OkJson();
        Assert.Equal("Kabupaten Garut", shared["uploaderRegionName"]!.GetValue<string>());
        Assert.Equal("32.05", shared["uploaderRegionCode"]!.GetValue<string>());

        // Garut reads and downloads its own internal kajian.
        Assert.Contains(@internal, Ids(await garut.GetAsync($"/api/v1/agreements/{id}/documents").OkJson()));
        await garut.GetAsync($"/api/v1/agreements/{id}/documents/{@internal}/file").Expect(HttpStatusCode.OK);

        // Cimahi, the owner, reads Garut's shared answer (named as Garut's) but not its internal kajian; nor does the province.
        var cimahiDocs = (await cimahi.GetAsync($"/api/v1/agreements/{id}/documents").OkJson()).AsArray();
        Assert.DoesNotContain(@internal, cimahiDocs.Select(d => d!["id"]!.GetValue<string>()));
        var answer = Assert.Single(cimahiDocs, d => d!["id"]!.GetValue<string>() == shared["id"]!.GetValue<string>())!;
        Assert.Equal("Kabupaten Garut", answer["uploaderRegionName"]!.GetValue<string>());
        await cimahi.GetAsync($"/api/v1/agreements/{id}/documents/{shared["id"]}/file").Expect(HttpStatusCode.OK);
        await cimahi.GetAsync($"/api/v1/agreements/{id}/documents/{@internal}/file").Expect(HttpStatusCode.NotFound);
        await province.GetAsync($"/api/v1/agreements/{id}/documents/{@internal}/file").Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain(@internal, Ids(await province.GetAsync($"/api/v1/agreements/{id}/documents").OkJson()));

        // Garut's OPD that leads the agreement on Garut's side attaches its KAK; another Garut OPD does not see the agreement.
        var leadOpd = await GarutOpdUserAsync(lead);
        var kak = (await leadOpd.Upload(id, "TermsOfReference", TestApi.Pdf("KAK Distan Garut"), visibility: "Internal", title: "KAK Distan Garut").OkJson())["id"]!.GetValue<string>();
        await leadOpd.Upload(id, "OfferLetter", TestApi.Pdf("bukan jenisnya"), visibility: "Shared").Expect(HttpStatusCode.Forbidden);
        var otherOpd = await GarutOpdUserAsync(other);
        await otherOpd.Upload(id, "TermsOfReference", TestApi.Pdf("KAK DLH Garut")).Expect(HttpStatusCode.NotFound);
        await garut.GetAsync($"/api/v1/agreements/{id}/documents/{kak}/file").Expect(HttpStatusCode.OK);
        await cimahi.GetAsync($"/api/v1/agreements/{id}/documents/{kak}/file").Expect(HttpStatusCode.NotFound);

        // Garut's kajian and KAK do not complete Cimahi's preparation (KAK and kajian of the owning region: praktik daerah).
        await cimahi.Act(id, "complete-preparation").Expect(HttpStatusCode.UnprocessableEntity);
        await cimahi.Upload(id, "TermsOfReference", TestApi.Pdf("KAK Cimahi")).OkJson();
        var refused = await cimahi.Act(id, "complete-preparation").Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Kajian", await refused.Content.ReadAsStringAsync());
        await cimahi.Upload(id, "Assessment", TestApi.Pdf("kajian Cimahi")).OkJson();
        await cimahi.Act(id, "complete-preparation").OkJson();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePartyDocumentsTests(SqliteApp app) : PartyDocumentsTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPartyDocumentsTests(PostgresApp app) : PartyDocumentsTests<PostgresApp>(app);
