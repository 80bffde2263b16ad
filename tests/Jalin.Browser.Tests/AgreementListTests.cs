using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #9 item 4: the agreement list keeps its filters, sort and page in the address (reload and
/// Back restore them), a row's title stays on one line at 1366 px with the full title on hover, and on a
/// phone (390×844) the list is cards that never scroll sideways.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgreementListTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex DetailUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");

    private async Task<List<string>> RowTitles() => (await TestId("agreement-link").AllAsync()) is var links
        ? (await Task.WhenAll(links.Select(l => l.GetAttributeAsync("title")))).Select(t => t ?? "").ToList() : [];

    /// <summary>The rows' titles, read until they equal <paramref name="expected"/> (10 s): after a reload or Back the
    /// prerendered rows are replaced once the circuit starts, and a single read may fall between the two renders.</summary>
    private async Task ExpectTitles(List<string> expected)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        var actual = await RowTitles();
        while (!actual.SequenceEqual(expected) && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            actual = await RowTitles();
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public Task Filters_sort_and_page_live_in_the_address_and_survive_reload_and_back() => Run(async () =>
    {
        await Page.SetViewportSizeAsync(1366, 768);
        await LogIn("kerjasama.cimahi");
        await Open("/app/kerja-sama");
        await Expect(TestId("agreement-row").First).ToBeVisibleAsync();

        await TestId("page-size").SelectOptionAsync("10");
        await At(new Regex(@"[?&]size=10"));
        await TestId("sort-endsOn").ClickAsync();
        await At(new Regex(@"sort=endsOn"));
        await TestId("sort-endsOn").ClickAsync();
        await At(new Regex(@"sort=endsOn&dir=desc|dir=desc.*sort=endsOn"));
        await Expect(TestId("agreement-row")).ToHaveCountAsync(10);
        var info = await TestId("pager-info").InnerTextAsync();
        var total = int.Parse(Regex.Match(info, @"dari (\d+)").Groups[1].Value);
        Assert.True(total > 10, $"the demo data has more than 10 agreements for Cimahi ({info})");
        await Page.Locator(".jalin-pager .mud-pagination button").Filter(new() { HasTextRegex = new Regex("^2$") }).ClickAsync();
        await At(new Regex(@"[?&]page=2"));
        await Expect(TestId("pager-info")).ToContainTextAsync("11–");
        var page2 = await RowTitles();
        var url = Page.Url;
        Assert.Contains("size=10", url);
        await Step("list-page-2");

        // reload: same sort, page and rows
        await Page.ReloadAsync();
        await Interactive();
        await Expect(TestId("pager-info")).ToContainTextAsync("11–");
        await ExpectTitles(page2);
        await Expect(Page.Locator("th[aria-sort=descending]")).ToContainTextAsync("Berakhir");
        await Expect(TestId("sort-endsOn")).ToContainTextAsync("↓");

        // a filter: a new history entry, back to page 1
        await Choose("filter-stage", "Pelaksanaan");
        await At(new Regex(@"stage=Implementation"));
        Assert.DoesNotContain("page=2", Page.Url);
        await Expect(TestId("pager-info")).ToContainTextAsync(new Regex("^1–"));
        await Expect(TestId("agreement-row").First).ToContainTextAsync("Pelaksanaan");
        var filtered = Page.Url;
        var filteredTitles = await RowTitles();
        Assert.NotEmpty(filteredTitles);

        // into an agreement and Back: the same filtered list
        await TestId("agreement-link").First.ClickAsync();
        await At(DetailUrl);
        await Page.GoBackAsync();
        await At(new Regex(Regex.Escape(new Uri(filtered).Query)));
        await Interactive();
        await Expect(TestId("agreement-link").First).ToHaveAttributeAsync("title", filteredTitles[0]);
        await ExpectTitles(filteredTitles);

        // Back once more: the filter is gone and page 2 sorted by end date is back
        await Page.GoBackAsync();
        await At(new Regex(@"[?&]page=2"));
        await Expect(TestId("pager-info")).ToContainTextAsync("11–");
        await ExpectTitles(page2);

        // unreadable values in the address are ignored, never an error page
        await Open("/app/kerja-sama?stage=Bogus&kind=99&sort=judul;DROP&dir=x&page=-3&size=7&year=abc&partner=nope");
        await Expect(TestId("agreement-row").First).ToBeVisibleAsync();
        await Expect(TestId("pager-info")).ToContainTextAsync(new Regex($"^1–{Math.Min(total, 25)} dari {total}$")); // every filter dropped, page 1 of 25
        await Expect(TestId("page-size")).ToHaveValueAsync("25");
    });

    [Fact]
    public Task Typing_a_search_adds_one_history_entry_so_Back_returns_to_the_list_before_it() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/kerja-sama");
        await Expect(TestId("agreement-row").First).ToBeVisibleAsync();
        var before = await RowTitles();
        var box = Page.Locator("#filter-q");
        // three pauses while typing: each longer than the 400 ms debounce
        await box.PressSequentiallyAsync("sam");
        await At(new Regex(@"[?&]q=sam(&|$)"));
        await box.PressSequentiallyAsync("pa");
        await At(new Regex(@"[?&]q=sampa(&|$)"));
        await box.PressSequentiallyAsync("h");
        await At(new Regex(@"[?&]q=sampah(&|$)"));
        await Expect(TestId("agreement-row").First).ToContainTextAsync(new Regex("[Ss]ampah"));
        await Page.GoBackAsync();
        await At(new Regex(@"/app/kerja-sama$"));
        await Expect(TestId("agreement-row")).ToHaveCountAsync(before.Count);
        Assert.Equal(before, await RowTitles());
    });

    [Fact]
    public Task A_long_title_stays_on_one_line_at_1366_px_with_the_full_title_on_hover() => Run(async () =>
    {
        await Page.SetViewportSizeAsync(1366, 768);
        await LogIn("kerjasama.cimahi");
        await Open("/app/kerja-sama?size=100&sort=title");
        await Expect(TestId("agreement-row").First).ToBeVisibleAsync();
        var titles = await RowTitles();
        var longest = titles.OrderByDescending(t => t.Length).First();
        Assert.True(longest.Length > 90, $"the demo data has a long title ({longest.Length}: {longest})");
        var link = TestId("agreement-link").And(Page.Locator($"[title=\"{longest.Replace("\"", "\\\"")}\"]"));
        await link.ScrollIntoViewIfNeededAsync();
        await Expect(link).ToHaveAttributeAsync("title", longest);
        var box = await link.BoundingBoxAsync();
        var lineHeight = await link.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.5");
        Assert.True(box!.Height <= lineHeight * 1.3, $"title is {box.Height}px high, one line is {lineHeight}px");
        var clipped = await link.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth");
        Assert.True(clipped, "the long title is cut with an ellipsis, its full text is in the title attribute");
        await Step("list-1366");
    });

    [Fact]
    public Task On_a_phone_the_list_is_cards_without_sideways_scroll() => Run(async () =>
    {
        await Page.SetViewportSizeAsync(390, 844);
        await LogIn("kerjasama.cimahi");
        await Open("/app/kerja-sama");
        await Expect(TestId("agreement-card").First).ToBeVisibleAsync();
        await Expect(TestId("agreement-rows")).ToBeHiddenAsync();
        var card = TestId("agreement-card").First;
        Assert.True(await card.Locator(".jalin-chip").CountAsync() >= 2, "kind and stage chips");
        await Expect(card).ToContainTextAsync("Berakhir");
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"page is {widths[0]}px wide on a {widths[1]}px screen");
        await Step("list-phone");
    });

    [Fact]
    public Task Registering_a_title_close_to_an_existing_one_warns_without_blocking() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/kerja-sama/baru");
        var title = Page.Locator("#field-title");
        await title.FillAsync("kerjasama pengelolaan sampah di TPPAS regional Legok-Nangka");
        await title.PressAsync("Tab");
        var warning = TestId("similar-title");
        await Expect(warning).ToContainTextAsync("Judul mirip dengan kerja sama yang sudah ada:");
        await Expect(warning.Locator("[data-testid=similar-title-link]").First).ToContainTextAsync("Pengelolaan Sampah di TPPAS Regional Legok Nangka");
        await Expect(TestId("save")).ToBeEnabledAsync();
        await Step("similar-title");
        await title.FillAsync("Pelatihan pemandu wisata alam Cimahi " + Guid.NewGuid().ToString("N")[..6]);
        await title.PressAsync("Tab");
        await Expect(warning).ToHaveCountAsync(0);
    });
}
