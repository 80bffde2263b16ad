using System.Net;
using System.Net.Http.Json;
using Jalin.Core.GoodPractices;
using Jalin.Core.Mapping;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.GoodPractices;

/// <summary>Issue #12 item 1 through the API and the public pages on both providers, on the demo data: Kota Cimahi's
/// published practice is read, replicated by Kabupaten Garut into its own draft usulan with the credit, and shown on the
/// portal; Garut's draft never is; bad input is refused in Indonesian with nothing stored.</summary>
public abstract class GoodPracticesApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private const string V1 = "/api/v1/good-practices";

    private async Task<GoodPractice> DemoAsync(string region, PracticeStatus status)
    {
        await using var db = app.NewDb();
        return await db.GoodPractices.AsNoTracking().Where(p => p.RegionCode == region && p.Status == status && p.CreatedBy == (region == "32.77" ? "kerjasama.cimahi" : "kerjasama.garut"))
            .OrderBy(p => p.CreatedAt).FirstAsync();
    }

    [Fact]
    public async Task Garut_replicates_Cimahis_published_practice_into_its_own_draft_usulan()
    {
        var practice = await DemoAsync("32.77", PracticeStatus.Published);
        var garut = await app.ClientForAsync("kerjasama.garut");
        var agencies = (await garut.GetAsync("/api/v1/regions/32.05/agencies").OkJson()).AsArray();
        var agencyId = agencies[0]!["id"]!.GetValue<string>();
        var before = practice.ReplicationCount;
        var response = await garut.PostAsJsonAsync($"{V1}/{practice.Id}/replicate", new { agencyId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJson();
        var proposalId = Guid.Parse(body["proposalId"]!.GetValue<string>());
        var proposal = await garut.GetAsync($"/api/v1/proposals/{proposalId}").OkJson();
        Assert.Equal("32.05", proposal["regionCode"]!.GetValue<string>());
        Assert.Equal("Draf", proposal["statusLabel"]!.GetValue<string>());
        Assert.StartsWith($"Direplikasi dari praktik baik {practice.Title} (Kota Cimahi)", proposal["fields"]!["background"]!.GetValue<string>());
        await using var db = app.NewDb();
        Assert.Equal(before + 1, (await db.GoodPractices.AsNoTracking().SingleAsync(p => p.Id == practice.Id)).ReplicationCount);
        // Cimahi's officer cannot replicate its own practice.
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        Assert.Equal(HttpStatusCode.Conflict, (await cimahi.PostAsJsonAsync($"{V1}/{practice.Id}/replicate", new { })).StatusCode);
    }

    [Fact]
    public async Task Other_regions_and_roles_cannot_change_a_practice_and_drafts_stay_in_their_region()
    {
        var cimahiPublished = await DemoAsync("32.77", PracticeStatus.Published);
        var garutDraft = await DemoAsync("32.05", PracticeStatus.Draft);
        var garut = await app.ClientForAsync("kerjasama.garut");
        var leader = await app.ClientForAsync("pimpinan.cimahi");
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        Assert.Equal(HttpStatusCode.Forbidden, (await garut.PutAsync($"{V1}/{cimahiPublished.Id}/publication", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.DeleteAsync($"{V1}/{cimahiPublished.Id}/publication")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cimahi.GetAsync($"{V1}/{garutDraft.Id}")).StatusCode);
        var list = (await cimahi.GetAsync(V1).OkJson()).AsArray();
        Assert.DoesNotContain(list, r => r!["id"]!.GetValue<string>() == garutDraft.Id.ToString());
        Assert.Contains(list, r => r!["id"]!.GetValue<string>() == cimahiPublished.Id.ToString());
        await using var db = app.NewDb();
        Assert.Equal(PracticeStatus.Published, (await db.GoodPractices.AsNoTracking().SingleAsync(p => p.Id == cimahiPublished.Id)).Status);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Indonesian_and_nothing_is_stored()
    {
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        int count;
        await using (var db = app.NewDb()) count = await db.GoodPractices.CountAsync();
        var empty = await ProblemAssert.IsValidationProblem(await cimahi.PostAsJsonAsync(V1, new { title = "", affairCode = "2.11", problem = "x", actions = "y" }), "title");
        Assert.Contains("wajib diisi", empty["errors"]!["title"]![0]!.GetValue<string>());
        var affair = await ProblemAssert.IsValidationProblem(await cimahi.PostAsJsonAsync(V1, new { title = "Praktik baik uji", affairCode = "9.99", problem = "x", actions = "y" }), "affairCode");
        Assert.Contains("tidak dikenal", affair["errors"]!["affairCode"]![0]!.GetValue<string>());
        await using (var db = app.NewDb()) Assert.Equal(count, await db.GoodPractices.CountAsync());

        // A renamed .exe is not a PDF.
        var practice = await DemoAsync("32.77", PracticeStatus.Published);
        int docs;
        await using (var db = app.NewDb()) docs = await db.GoodPracticeDocuments.CountAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]), "file", "laporan.pdf" } };
        var exe = await ProblemAssert.IsValidationProblem(await cimahi.PostAsync($"{V1}/{practice.Id}/documents", form), "file");
        Assert.Contains("PDF", exe["errors"]!["file"]![0]!.GetValue<string>());
        await using (var db = app.NewDb()) Assert.Equal(docs, await db.GoodPracticeDocuments.CountAsync());
    }

    [Fact]
    public async Task Public_pages_show_published_practices_and_potentials_only_without_persons_contact_data()
    {
        var published = await DemoAsync("32.77", PracticeStatus.Published);
        var draft = await DemoAsync("32.05", PracticeStatus.Draft);
        var anon = app.CreateClient();
        var list = await anon.GetAsync("/praktik-baik");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(published.Title), html);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(draft.Title), html);

        var detail = await anon.GetAsync($"/praktik-baik/{published.Id}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var page = await detail.Content.ReadAsStringAsync();
        Assert.Contains("3.600", page);
        Assert.Contains("Bagian Kerja Sama Setda Kota Cimahi", page);
        // No person: not the officer who wrote or published it, not a demo account's address.
        Assert.DoesNotContain("Rina Marlina", page);
        Assert.DoesNotContain("@demo.jalin.id", page);
        Assert.DoesNotContain("kerjasama.cimahi", page);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/praktik-baik/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/praktik-baik/{Guid.NewGuid()}")).StatusCode);

        await using var db = app.NewDb();
        var shown = await db.MappingItems.AsNoTracking().FirstAsync(i => i.PublishedAt != null && i.Status == MappingStatus.Accepted);
        var hidden = await db.MappingItems.AsNoTracking().FirstAsync(i => i.PublishedAt == null && i.RegionCode == "32.77");
        var potentials = await anon.GetAsync("/potensi");
        Assert.Equal(HttpStatusCode.OK, potentials.StatusCode);
        var p = await potentials.Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(shown.Title), p);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(hidden.Title), p);
        Assert.Equal(HttpStatusCode.BadRequest, (await anon.GetAsync("/potensi?jenis=lainnya")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteGoodPracticesApiTests(SqliteApp app) : GoodPracticesApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresGoodPracticesApiTests(PostgresApp app) : GoodPracticesApiTests<PostgresApp>(app);
