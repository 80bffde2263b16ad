using System.Net;
using System.Text.Json.Nodes;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jalin.Web.Tests.Search;

/// <summary>Issue #12 item 3 through the API, the SAME assertions on SQLite and PostgreSQL: Indonesian stemming finds the
/// derived forms, typos in partner and region names are corrected, the order is fixed by the one .NET ranking, and each
/// account sees only what it may open.</summary>
public abstract class SearchApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    /// <summary>A made-up place name so the assertions see only this test's agreements.</summary>
    private const string Marker = "Sindangkasih";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<string, Dictionary<string, Guid>> Seeded = [];

    private async Task<Dictionary<string, Guid>> SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            var key = typeof(TApp).Name;
            if (Seeded.TryGetValue(key, out var ids)) return ids;
            var cimahi = await app.ClientForAsync("kerjasama.cimahi");
            async Task<Guid> Create(string title, string obj) => await cimahi.CreateAgreement(new
            {
                kind = "KsddSukarela", title, @object = obj, budgetedInApbd = true,
                parties = new[] { new { regionCode = "32.04" } },
            });
            ids = new Dictionary<string, Guid>
            {
                ["sampah"] = await Create($"Pengelolaan sampah terpadu {Marker}", "Persampahan rumah tangga dan sampah pasar"),
                ["air"] = await Create($"Penyediaan air bersih {Marker}", "Termasuk pengangkutan sampah dari instalasi"),
                ["pasar"] = await Create($"Penyelenggaraan pasar rakyat {Marker}", "Pasar tradisional"),
                ["didik"] = await Create($"Kerja sama pendidikan vokasi {Marker}", "Pelatihan guru"),
            };
            Seeded[key] = ids;
            return ids;
        }
        finally { Once.Release(); }
    }

    private static List<Guid> Ids(JsonNode page) => page["hits"]!["items"]!.AsArray().Select(h => h!["subjectId"]!.GetValue<Guid>()).ToList();

    [Fact]
    public async Task Stemmed_queries_find_the_derived_forms_in_one_fixed_order()
    {
        var ids = await SeedAsync();
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");

        var sampah = await cimahi.GetAsync($"/api/v1/search?q=persampahan+{Marker}").OkJson();
        // Title hit first, text-only hit second: the same on both databases.
        Assert.Equal([ids["sampah"], ids["air"]], Ids(sampah));
        var first = sampah["hits"]!["items"]![0]!;
        Assert.Contains("<mark>sampah</mark>", first["titleHtml"]!.GetValue<string>());
        Assert.Contains("<mark>Persampahan</mark>", first["snippetHtml"]!.GetValue<string>());

        Assert.Equal([ids["pasar"]], Ids(await cimahi.GetAsync($"/api/v1/search?q=selenggara+{Marker}").OkJson()));
        Assert.Equal([ids["pasar"]], Ids(await cimahi.GetAsync($"/api/v1/search?q=penyelenggaraan+{Marker}&kind=Agreement").OkJson()));
        // "kerjasama" and "kerja-sama" are "kerja sama".
        Assert.Equal([ids["didik"]], Ids(await cimahi.GetAsync($"/api/v1/search?q=kerjasama+{Marker}").OkJson()));
        Assert.Equal([ids["didik"]], Ids(await cimahi.GetAsync($"/api/v1/search?q=Kerja-Sama+{Marker}").OkJson()));

        // The agreement list's free text goes through the same index.
        var list = await cimahi.GetAsync($"/api/v1/agreements?q=persampahan+{Marker}").OkJson();
        Assert.Equal(new[] { ids["air"], ids["sampah"] }.Order(), list["items"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).Order());
    }

    [Fact]
    public async Task Typos_in_partner_and_region_names_are_corrected()
    {
        await SeedAsync();
        var national = await app.ClientForAsync("pembina.kemendagri");
        var braunschweig = await national.GetAsync("/api/v1/search?q=Braunschwieg").OkJson();
        Assert.Equal("braunschweig", braunschweig["corrections"]![0]!["used"]!.GetValue<string>());
        Assert.Contains(braunschweig["hits"]!["items"]!.AsArray(), h => h!["title"]!.GetValue<string>().Contains("Braunschweig"));

        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        var bandung = await cimahi.GetAsync($"/api/v1/search?q=Bandng+{Marker}").OkJson();
        Assert.Equal("bandung", bandung["corrections"]![0]!["used"]!.GetValue<string>());
        Assert.Equal(4, Ids(bandung).Count);
        var cimahy = await cimahi.GetAsync($"/api/v1/search?q=Cimahy+{Marker}").OkJson();
        Assert.Equal("cimahi", cimahy["corrections"]![0]!["used"]!.GetValue<string>());
        Assert.Equal(4, Ids(cimahy).Count);
    }

    [Fact]
    public async Task Nobody_finds_what_they_could_not_open()
    {
        await SeedAsync();
        // Garut is no party: Cimahi's internal records never show, not even through a corrected word.
        var garut = await app.ClientForAsync("kerjasama.garut");
        Assert.Empty(Ids(await garut.GetAsync($"/api/v1/search?q={Marker}").OkJson()));
        Assert.Empty(Ids(await garut.GetAsync("/api/v1/search?q=persampahan+Sindangkasi").OkJson()));
        // The province's supervisor sees them (PP 28/2018 Pasal 44 ayat (4)); the public does not (not published).
        Assert.Equal(4, Ids(await (await app.ClientForAsync("pembina.jabar")).GetAsync($"/api/v1/search?q={Marker}").OkJson()).Count);
        var anon = app.CreateClient();
        Assert.Empty(Ids(await anon.GetAsync($"/api/v1/public/search?q={Marker}").OkJson()));
    }

    [Fact]
    public async Task A_province_supervisor_finds_the_province_s_agreements_and_no_other_province_s()
    {
        var ids = await SeedAsync();
        // On PostgreSQL a province's supervisor reads the entries of the province's agreements through the index of words
        // and provinces (SiteSearch.MatchingInProvince); the same hits as on SQLite, and none for another province.
        var jabar = new Jalin.Core.Identity.CurrentActor("pembina-jabar", "pembina.jabar", "Biro Pemerintahan Jabar", Jalin.Core.Identity.Role.SupervisorProvince, "32");
        var jateng = jabar with { UserId = "pembina-jateng", UserName = "pembina.jateng", RegionCode = "33" };
        await using var db = app.NewDb();
        var found = await Jalin.Core.Search.SiteSearch.ForActorAsync(db, jabar, new Jalin.Core.Search.SearchQuery { Q = $"persampahan {Marker}" });
        Assert.Equal([ids["sampah"], ids["air"]], found.Value!.Hits.Items.Select(h => h.SubjectId));
        Assert.Empty((await Jalin.Core.Search.SiteSearch.ForActorAsync(db, jateng, new Jalin.Core.Search.SearchQuery { Q = $"persampahan {Marker}" })).Value!.Hits.Items);
        // The agreement list's text filter, from the index's side: the same.
        var list = await Jalin.Core.Agreements.SearchAgreements.HandleAsync(db, jabar, new Jalin.Core.Agreements.AgreementFilter { Q = $"persampahan {Marker}" }, app.Clock);
        Assert.Equal(new[] { ids["sampah"], ids["air"] }.Order(), list.Value!.Items.Select(a => a.Id).Order());
        Assert.Empty((await Jalin.Core.Agreements.SearchAgreements.HandleAsync(db, jateng, new Jalin.Core.Agreements.AgreementFilter { Q = $"persampahan {Marker}" }, app.Clock)).Value!.Items);
    }

    [Fact]
    public async Task The_portal_page_works_without_an_account_and_shows_no_unpublished_agreement()
    {
        await SeedAsync();
        var anon = app.CreateClient();
        var empty = await anon.GetAsync("/cari");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("<form method=\"get\" action=\"/cari\"", await empty.Content.ReadAsStringAsync());
        var page = await anon.GetAsync($"/cari?q=persampahan+{Marker}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("0 hasil", html);
        Assert.DoesNotContain(Marker, html.Replace($"value=\"persampahan {Marker}\"", ""));
        Assert.Equal(HttpStatusCode.BadRequest, (await anon.GetAsync("/cari?q=" + new string('a', 201))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anon.GetAsync("/cari?q=sampah&hal=0")).StatusCode);
    }

    [Fact]
    public async Task The_public_search_finds_published_subjects_and_nothing_else()
    {
        await SeedAsync();
        await using var db = app.NewDb();
        var published = await Jalin.Core.Publication.PublicAgreements.Published(db).Select(a => new { a.Id, a.Title }).ToListAsync();
        Assert.NotEmpty(published);
        var sample = published.OrderBy(a => a.Title, StringComparer.Ordinal).First();
        var word = sample.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsLetter)).OrderByDescending(w => w.Length).First();
        var anon = app.CreateClient();
        var found = Ids(await anon.GetAsync("/api/v1/public/search?q=" + Uri.EscapeDataString(word)).OkJson());
        Assert.Contains(sample.Id, found);
        // Published agreements, good practices and potentials and needs: nothing else is public.
        var publishedIds = published.Select(a => a.Id)
            .Concat(await Jalin.Core.GoodPractices.PublicCatalogue.PublishedPractices(db).Select(p => p.Id).ToListAsync())
            .Concat(await Jalin.Core.GoodPractices.PublicCatalogue.PublishedItems(db).Select(i => i.Id).ToListAsync()).ToHashSet();
        // Every word of every title of the region: whatever the public finds is published.
        foreach (var title in await db.Agreements.Where(a => a.RegionCode == "32.77").Select(a => a.Title).Take(30).ToListAsync())
        {
            var q = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4 && w.All(char.IsLetter)).FirstOrDefault();
            if (q is null) continue;
            var hits = Ids(await anon.GetAsync("/api/v1/public/search?q=" + Uri.EscapeDataString(q)).OkJson());
            Assert.All(hits, id => Assert.Contains(id, publishedIds));
        }
        var html = await (await anon.GetAsync("/cari?q=" + Uri.EscapeDataString(word))).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/kerja-sama/{sample.Id}\"", html);
    }

    [Fact]
    public async Task Markup_in_a_title_is_escaped_in_the_highlight()
    {
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        await cimahi.CreateAgreement(new
        {
            kind = "KsddSukarela", title = "<script>alert(1)</script> Cikapundung sampah", budgetedInApbd = true,
            parties = new[] { new { regionCode = "32.04" } },
        });
        var hit = (await cimahi.GetAsync("/api/v1/search?q=Cikapundung").OkJson())["hits"]!["items"]![0]!;
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Cikapundung</mark> sampah", hit["titleHtml"]!.GetValue<string>());
    }

    [Fact]
    public async Task Kept_matches_serve_the_next_page_and_never_another_person_or_a_changed_database()
    {
        // Its own marker: this test adds agreements, the others count theirs.
        const string marker = "Walangsungsang";
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        async Task<Guid> Create(string title) => await cimahi.CreateAgreement(new
        {
            kind = "KsddSukarela", title, @object = "Uji pencarian", budgetedInApbd = true, parties = new[] { new { regionCode = "32.04" } },
        });
        var made = new List<Guid>();
        for (var i = 0; i < 3; i++) made.Add(await Create($"Pengelolaan sampah ke-{i + 1} {marker}"));
        var cache = app.Services.GetRequiredService<Jalin.Core.Search.SearchResultCache>();
        var hitsBefore = cache.Hits;

        // The next page and a facet read the same ranking as one long page.
        var all = Ids(await cimahi.GetAsync($"/api/v1/search?q=sampah+{marker}&pageSize=10").OkJson());
        Assert.Equal(made.Order(), all.Order());
        var first = await cimahi.GetAsync($"/api/v1/search?q=sampah+{marker}&pageSize=2").OkJson();
        var second = await cimahi.GetAsync($"/api/v1/search?q=sampah+{marker}&pageSize=2&page=2").OkJson();
        Assert.Equal(all, Ids(first).Concat(Ids(second)));
        Assert.Equal(3, first["hits"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(all, Ids(await cimahi.GetAsync($"/api/v1/search?q=sampah+{marker}&kind=Agreement&region=32.77").OkJson()));

        // Another region's officer searching the same words right after gets their own answer: nothing of Cimahi's.
        var garut = await app.ClientForAsync("kerjasama.garut");
        Assert.Empty(Ids(await garut.GetAsync($"/api/v1/search?q=sampah+{marker}").OkJson()));

        // A change saved by the application is seen at once...
        made.Add(await Create($"Pengelolaan sampah ke-4 {marker}"));
        Assert.Equal(made.Order(), Ids(await cimahi.GetAsync($"/api/v1/search?q=sampah+{marker}&pageSize=10").OkJson()).Order());
        // ...and so is one written behind its back (another process, a restore, a script): no eviction is needed.
        await using (var db = app.NewDb())
            await db.SearchEntries.Where(e => e.SubjectId == made[0]).ExecuteUpdateAsync(u => u.SetProperty(e => e.Title, $"Judul diganti sampah {marker}"));
        var renamed = await cimahi.GetAsync($"/api/v1/search?q=sampah+{marker}&pageSize=10").OkJson();
        Assert.Contains(renamed["hits"]!["items"]!.AsArray(), h => h!["title"]!.GetValue<string>() == $"Judul diganti sampah {marker}");

        // On PostgreSQL the same search made again is served from what was kept (other tests writing to the tables a search
        // reads between two requests make it run in full, so a few tries); SQLite keeps nothing.
        await using var probe = app.NewDb();
        if (probe.Database.IsNpgsql())
        {
            var served = false;
            for (var i = 0; i < 20 && !served; i++)
            {
                var before = cache.Hits;
                await cimahi.GetAsync($"/api/v1/search?q=sampah+{marker}&pageSize=1").OkJson();
                await cimahi.GetAsync($"/api/v1/search?q=sampah+{marker}&pageSize=1&page=2").OkJson();
                served = cache.Hits > before;
            }
            Assert.True(served, "Pencarian yang sama tidak pernah dilayani dari hasil yang disimpan.");
        }
        else Assert.Equal(hitsBefore, cache.Hits);
    }

    [Theory]
    [InlineData("/api/v1/search", "q", "wajib diisi")]
    [InlineData("/api/v1/search?q=%20", "q", "wajib diisi")]
    [InlineData("/api/v1/search?q=sampah&page=0", "page", "mulai dari 1")]
    [InlineData("/api/v1/search?q=sampah&kind=Surat", "kind", "tidak dikenal")]
    [InlineData("/api/v1/public/search?q=dan", "q", "kata sambung")]
    public async Task Bad_input_is_a_400_in_Indonesian(string url, string field, string message)
    {
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        var problem = await ProblemAssert.IsValidationProblem(await cimahi.GetAsync(url), field);
        Assert.Contains(message, problem["errors"]![field]![0]!.GetValue<string>());
        var tooLong = await ProblemAssert.IsValidationProblem(await cimahi.GetAsync("/api/v1/search?q=" + new string('a', 201)), "q");
        Assert.Contains("paling panjang 200", tooLong["errors"]!["q"]![0]!.GetValue<string>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSearchApiTests(SqliteApp app) : SearchApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchApiTests(PostgresApp app) : SearchApiTests<PostgresApp>(app);
