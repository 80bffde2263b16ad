using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #12 item 3: the officer searches "persampahan" in /app/cari and finds the demo's waste agreements with
/// the matched word marked, narrows by a facet, and opens a hit; the portal's /cari works with JavaScript switched off.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchPageTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Officer_searches_with_a_derived_word_narrows_by_kind_and_opens_a_hit() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Expect(Page.Locator("a[href='/app/cari']").First).ToBeVisibleAsync();
        await Open("/app/cari");
        await Page.Locator("#search-q").FillAsync("persampahan");
        await TestId("search-go").ClickAsync();
        await At(new Regex("/app/cari\\?q=persampahan$"));
        var hits = TestId("search-hit");
        await Expect(hits.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(hits.First.Locator("mark").First).ToHaveTextAsync(new Regex("[Ss]ampah"));

        // The agreements among the hits (documents' text hits open a file, drafts their drafting page).
        await Page.Locator("[data-testid='facet-jenis'][href*='jenis=Agreement']").First.ClickAsync();
        await At(new Regex("jenis=Agreement"));
        // The list is re-rendered after the address changes: wait until the first hit is an agreement.
        await Expect(hits.First.Locator("[data-testid='search-hit-link']")).ToHaveAttributeAsync("href", new Regex("^/app/kerja-sama/[0-9a-f-]{36}$"));
        var href = await hits.First.Locator("[data-testid='search-hit-link']").GetAttributeAsync("href");
        Assert.Matches("^/app/", href);
        await hits.First.Locator("[data-testid='search-hit-link']").ClickAsync();
        await At(new Regex(Regex.Escape(href!) + "$"));
    });

    [Fact]
    public async Task The_portal_search_works_without_JavaScript()
    {
        await using var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl, JavaScriptEnabled = false, Locale = "id-ID", ViewportSize = new() { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/cari");
        await page.Locator("#cari-q").FillAsync("sampah");
        await page.Locator("[data-testid='portal-search-go']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cari\\?q=sampah$"));
        await Expect(page.Locator("[data-testid='portal-search-count']")).ToHaveTextAsync(new Regex("^\\d+ hasil$"));
        await Expect(page.Locator("#cari-q")).ToHaveValueAsync("sampah");
    }
}
