using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Jalin.Web.Tests.Search;

/// <summary>Issue #12 item 3 through the API, the SAME assertions on SQLite and PostgreSQL: the back office finds the text
/// of uploaded PDFs and of drafts, each only for who may open that document or draft; the portal finds published good
/// practices and potentials besides agreements, and nothing unpublished. The marker words are made-up place names.</summary>
public abstract class SearchContentApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var y = 780.0;
        foreach (var line in lines)
        {
            page.AddText(line, 11, new PdfPoint(50, y), font);
            y -= 18;
        }
        return builder.Build();
    }

    private static List<Guid> Ids(JsonNode page) => page["hits"]!["items"]!.AsArray().Select(h => h!["subjectId"]!.GetValue<Guid>()).ToList();

    private static async Task<JsonNode> Search(HttpClient client, string q, bool portal = false) =>
        await client.GetAsync((portal ? "/api/v1/public/search?q=" : "/api/v1/search?q=") + Uri.EscapeDataString(q)).OkJson();

    [Fact]
    public async Task Uploaded_PDF_text_and_draft_clauses_are_found_only_by_who_may_open_them()
    {
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var province = await app.ClientForAsync("pembina.jabar");
        var anon = app.CreateClient();
        var id = await cimahi.CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji pencarian isi dokumen dan rancangan", budgetedInApbd = true,
            parties = new[] { new { regionCode = "32.05" } },
        });

        var @internal = (await cimahi.Upload(id, "FeasibilityStudy", Pdf("Kajian teknis persampahan Dayeuhluhurjaya", "Penyelenggaraan oleh kedua daerah."),
            visibility: "Internal", title: "Kajian kelayakan").OkJson())["id"]!.GetValue<Guid>();
        var shared = (await cimahi.Upload(id, "Other", Pdf("Rute angkutan Tegalwaringinsari"), visibility: "Shared", title: "Peta rute").OkJson())["id"]!.GetValue<Guid>();

        // The stem of "persampahan" is "sampah"; Dayeuhluhurjaya is only in the internal PDF.
        var found = await Search(cimahi, "sampah Dayeuhluhurjaya");
        Assert.Equal([@internal], Ids(found));
        var hit = found["hits"]!["items"]![0]!;
        Assert.Equal("DocumentText", hit["kind"]!.GetValue<string>());
        Assert.Equal("Isi dokumen", hit["kindLabel"]!.GetValue<string>());
        Assert.Equal(id, hit["agreementId"]!.GetValue<Guid>());
        Assert.Contains("<mark>persampahan</mark>", hit["snippetHtml"]!.GetValue<string>());
        Assert.Contains(found["kinds"]!.AsArray(), f => f!["key"]!.GetValue<string>() == "DocumentText" && f["label"]!.GetValue<string>() == "Isi dokumen" && f["count"]!.GetValue<int>() == 1);

        // Cimahi's internal paper: not the other party, not the province, never the public. Its shared one: the party and the province.
        Assert.Empty(Ids(await Search(garut, "Dayeuhluhurjaya")));
        Assert.Empty(Ids(await Search(province, "Dayeuhluhurjaya")));
        Assert.Empty(Ids(await Search(anon, "Dayeuhluhurjaya", portal: true)));
        Assert.Equal([shared], Ids(await Search(garut, "Tegalwaringinsari")));
        Assert.Equal([shared], Ids(await Search(province, "Tegalwaringinsari")));
        Assert.Empty(Ids(await Search(anon, "Tegalwaringinsari", portal: true)));

        // Drafts: the current version's clauses. A naskah (KB) is read by the other party; an offer letter only inside Cimahi.
        var kb = await cimahi.CreateDraft(id, "kb");
        var kbBody = Drafts.SaveBody(kb, note: "Tambahan armada");
        kbBody["clauses"]![0]!["paragraphs"]!.AsArray().Add("Armada persampahan berpangkalan di Cijambulaya.");
        await cimahi.PostAsJsonAsync(Drafts.Url(id, kb["id"]!.GetValue<Guid>(), "/versions"), kbBody, TestApi.Json).OkJson();
        var letter = await cimahi.CreateDraft(id, "surat-penawaran");
        var letterBody = Drafts.SaveBody(letter, note: "Tambahan");
        letterBody["clauses"]![0]!["paragraphs"]!.AsArray().Add("Penawaran ini menyebut Sumberjayaraya.");
        await cimahi.PostAsJsonAsync(Drafts.Url(id, letter["id"]!.GetValue<Guid>(), "/versions"), letterBody, TestApi.Json).OkJson();

        var draftHits = await Search(cimahi, "sampah Cijambulaya");
        Assert.Equal([kb["id"]!.GetValue<Guid>()], Ids(draftHits));
        Assert.Equal("Rancangan naskah", draftHits["hits"]!["items"]![0]!["kindLabel"]!.GetValue<string>());
        Assert.Equal([kb["id"]!.GetValue<Guid>()], Ids(await Search(garut, "Cijambulaya")));
        Assert.Equal([letter["id"]!.GetValue<Guid>()], Ids(await Search(cimahi, "Sumberjayaraya")));
        Assert.Empty(Ids(await Search(garut, "Sumberjayaraya")));
        Assert.Empty(Ids(await Search(anon, "Cijambulaya", portal: true)));
        // The kind filter takes the new kinds.
        Assert.Empty(Ids(await cimahi.GetAsync("/api/v1/search?q=Cijambulaya&kind=DocumentText").OkJson()));
        Assert.Single(Ids(await cimahi.GetAsync("/api/v1/search?q=Cijambulaya&kind=Draft").OkJson()));
    }

    [Fact]
    public async Task The_portal_finds_published_good_practices_and_potentials_and_nothing_unpublished()
    {
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var anon = app.CreateClient();
        var practice = await cimahi.PostAsJsonAsync("/api/v1/good-practices", new
        {
            title = "Bank sampah Mekarwangisari", affairCode = "2.11", problem = "Timbulan sampah rumah tangga tinggi.",
            actions = "Penyelenggaraan bank sampah di setiap RW.", results = new[] { new { indicator = "Sampah terpilah", figure = 12m, unit = "ton/bulan" } },
        }, TestApi.Json).OkJson();
        var pid = practice["id"]!.GetValue<Guid>();

        // A draft practice: its region's people only.
        Assert.Equal([pid], Ids(await Search(cimahi, "persampahan Mekarwangisari")));
        Assert.Empty(Ids(await Search(garut, "Mekarwangisari")));
        Assert.Empty(Ids(await Search(anon, "Mekarwangisari", portal: true)));

        await cimahi.PutAsync($"/api/v1/good-practices/{pid}/publication", null).OkJson();
        Assert.Equal([pid], Ids(await Search(garut, "Mekarwangisari")));
        var open = await Search(anon, "sampah Mekarwangisari", portal: true);
        Assert.Equal([pid], Ids(open));
        Assert.Equal("Praktik baik", open["hits"]!["items"]![0]!["kindLabel"]!.GetValue<string>());
        var html = await (await anon.GetAsync("/cari?q=Mekarwangisari")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/praktik-baik/{pid}\"", html);

        // The demo's published potential is found on the portal and links into /potensi; what the portal finds is published.
        await using (var db = app.NewDb())
        {
            var item = await Jalin.Core.GoodPractices.PublicCatalogue.PublishedItems(db).OrderBy(i => i.Title).FirstAsync();
            var word = item.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsLetter)).OrderByDescending(w => w.Length).First();
            var hits = (await Search(anon, word, portal: true))["hits"]!["items"]!.AsArray();
            Assert.Contains(hits, h => h!["subjectId"]!.GetValue<Guid>() == item.Id);
            var kinds = new[] { "Agreement", "GoodPractice", "Potential", "Need" };
            Assert.All(hits, h => Assert.Contains(h!["kind"]!.GetValue<string>(), kinds));
            var page = await (await anon.GetAsync("/cari?q=" + Uri.EscapeDataString(word))).Content.ReadAsStringAsync();
            Assert.Contains($"#butir-{item.Id}\"", page);
            var unpublished = await db.MappingItems.Where(i => i.PublishedAt == null).Select(i => i.Id).ToListAsync();
            var practicesDraft = await db.GoodPractices.Where(p => p.PublishedAt == null).Select(p => p.Id).ToListAsync();
            Assert.All(hits, h => Assert.DoesNotContain(h!["subjectId"]!.GetValue<Guid>(), unpublished.Concat(practicesDraft)));
        }

        await (cimahi.DeleteAsync($"/api/v1/good-practices/{pid}/publication")).OkJson();
        Assert.Empty(Ids(await Search(anon, "Mekarwangisari Bank", portal: true)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSearchContentApiTests(SqliteApp app) : SearchContentApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchContentApiTests(PostgresApp app) : SearchContentApiTests<PostgresApp>(app);
