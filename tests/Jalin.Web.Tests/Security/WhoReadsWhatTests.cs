using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #8 item 6, the content side of "who reads what" (the matrix checks the status of
/// every route for every role): what the DPRD secretariat, a partner's liaison, the national
/// supervisor and the system administrator read inside an answer they are allowed to get.</summary>
public abstract class WhoReadsWhatTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private static async Task<Guid> KsddAsync(HttpClient officer, bool budgeted, string title) => await officer.CreateAgreement(new
    {
        kind = "KsddSukarela", title = $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)], budgetedInApbd = budgeted, parties = new[] { new { regionCode = "32.17" } },
    });

    /// <summary>PP 28/2018 Ps 6(2): the DPRD reads the agreements that go to it (burdening or unbudgeted) and the letters
    /// addressed to it; not the region's other internal papers, and not agreements that never go to the DPRD.</summary>
    [Fact]
    public async Task Dprd_reads_the_agreements_that_go_to_the_dprd_and_its_letters_not_other_internal_papers()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var dprd = await app.ClientForAsync("dprd.cimahi");
        var unbudgeted = await KsddAsync(officer, budgeted: false, "Uji DPRD: angkutan aglomerasi");
        var request = (await officer.Upload(unbudgeted, "DprdRequest", TestApi.Pdf("permohonan DPRD"), visibility: "Internal", title: "Surat permohonan persetujuan").OkJson())["id"]!.GetValue<string>();
        var kak = (await officer.Upload(unbudgeted, "TermsOfReference", TestApi.Pdf("KAK"), visibility: "Internal", title: "KAK internal").OkJson())["id"]!.GetValue<string>();
        var shared = (await officer.Upload(unbudgeted, "Other", TestApi.Pdf("bersama"), visibility: "Shared", title: "Bahan bersama").OkJson())["id"]!.GetValue<string>();

        var docs = (await dprd.GetAsync($"/api/v1/agreements/{unbudgeted}/documents").OkJson()).AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(request, docs);
        Assert.Contains(shared, docs);
        Assert.DoesNotContain(kak, docs);
        await dprd.GetAsync($"/api/v1/agreements/{unbudgeted}/documents/{request}/file").Expect(HttpStatusCode.OK);
        await dprd.GetAsync($"/api/v1/agreements/{unbudgeted}/documents/{kak}/file").Expect(HttpStatusCode.NotFound);

        var budgeted = await KsddAsync(officer, budgeted: true, "Uji DPRD: pertukaran data");
        await dprd.GetAsync($"/api/v1/agreements/{budgeted}").Expect(HttpStatusCode.NotFound);
        var list = (await dprd.GetAsync("/api/v1/agreements?pageSize=100&q=Uji%20DPRD").OkJson())["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(unbudgeted.ToString(), list);
        Assert.DoesNotContain(budgeted.ToString(), list);
    }

    [Fact]
    public async Task A_partner_liaison_never_reads_the_regions_clause_library()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var mitra = await app.ClientForAsync("mitra.cimahi");
        var created = await officer.PostAsJsonAsync("/api/v1/drafting/clauses", AuthzWorld.RegionClause("uji mitra"), TestApi.Json).OkJson();
        var own = (await officer.GetAsync("/api/v1/drafting/clauses").OkJson()).AsArray();
        Assert.Contains(own, c => c!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>());
        var seen = (await mitra.GetAsync("/api/v1/drafting/clauses").OkJson()).AsArray();
        Assert.NotEmpty(seen); // Jalin's own library
        Assert.All(seen, c => Assert.False(c!["regionOwn"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task The_national_supervisor_reads_the_shared_record_not_internal_notes()
    {
        var w = await AuthzWorld.ForAsync(app);
        var history = (await w.Client("nat").GetAsync($"/api/v1/agreements/{w.Id("shared")}/history").OkJson()).AsArray();
        var notes = history.Select(h => h!["note"]?.GetValue<string>()).ToList();
        Assert.Contains(AuthzWorld.SharedNote, notes);
        Assert.DoesNotContain(AuthzWorld.InternalNote, notes);
        var details = await w.Client("nat").GetAsync($"/api/v1/agreements/{w.Id("shared")}").OkJson();
        Assert.Null(details["borderingNote"]);
        Assert.DoesNotContain(w.Ids["sharedInternalDoc"], details["documents"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));
        Assert.DoesNotContain(w.Ids["garutInternalDoc"], details["documents"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_system_administrator_reads_who_when_and_what_of_the_audit_trail_without_regional_content()
    {
        var admin = await app.ClientForAsync("admin");
        var auditor = await app.ClientForAsync("auditor.cimahi");
        var adminRows = (await admin.GetAsync("/api/v1/audit?regionCode=32.77&pageSize=20").OkJson())["items"]!.AsArray();
        Assert.NotEmpty(adminRows);
        Assert.All(adminRows, r =>
        {
            Assert.True(r!["contentHidden"]!.GetValue<bool>());
            Assert.Null(r["before"]);
            Assert.Null(r["after"]);
            Assert.False(string.IsNullOrEmpty(r["actorName"]!.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(r["entityType"]!.GetValue<string>()));
        });
        var auditorRows = (await auditor.GetAsync("/api/v1/audit?pageSize=20").OkJson())["items"]!.AsArray();
        Assert.Contains(auditorRows, r => r!["after"] is JsonValue or JsonObject && !r["contentHidden"]!.GetValue<bool>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWhoReadsWhatTests(SqliteApp app) : WhoReadsWhatTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresWhoReadsWhatTests(PostgresApp app) : WhoReadsWhatTests<PostgresApp>(app);
