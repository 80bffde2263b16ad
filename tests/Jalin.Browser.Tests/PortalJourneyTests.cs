using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #12 item 1 on a phone (390×844) with JavaScript switched off: a visitor opens the portal home, filters
/// the register with its GET form, opens a published agreement and downloads its public document; nothing scrolls the
/// page sideways; axe (in a context with JavaScript, only to run axe) finds no serious or critical violation on the home
/// page and the register.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app)
{
    private static BrowserNewContextOptions Phone(bool js) => new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        Locale = "id-ID",
        AcceptDownloads = true,
        JavaScriptEnabled = js,
    };

    protected override BrowserNewContextOptions ContextOptions()
    {
        var o = Phone(js: false);
        o.BaseURL = App.BaseUrl;
        return o;
    }

    private async Task NoSidewaysScroll(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"{page.Url} scrolls sideways: {widths[0]} > {widths[1]}");
    }

    [Fact]
    public Task Visitor_without_JavaScript_filters_the_register_opens_an_agreement_and_downloads_its_document_on_a_phone() => Run(async () =>
    {
        await Page.GotoAsync("/");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Kerja sama daerah yang dipublikasikan");
        Assert.Equal(0, await Page.Locator("script").CountAsync());
        await NoSidewaysScroll(Page);

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigasi portal" }).GetByRole(AriaRole.Link, new() { Name = "Kerja sama", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/kerja-sama$"));
        await Page.Locator("select[name=status]").SelectOptionAsync("berjalan");
        await Page.Locator("select[name=urut]").SelectOptionAsync("judul");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Terapkan" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("status=berjalan.*urut=judul|urut=judul.*status=berjalan"));
        await Expect(Page.Locator("[data-testid=portal-total]")).ToContainTextAsync("kerja sama ditemukan");
        await NoSidewaysScroll(Page);

        var links = await Page.Locator("[data-testid=portal-agreements] h3 a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.NotEmpty(links);
        var downloaded = false;
        foreach (var href in links)
        {
            await Page.GotoAsync(href);
            await Expect(Page.Locator("h1")).ToBeVisibleAsync();
            var docs = Page.Locator("[data-testid=public-documents] a");
            if (await docs.CountAsync() == 0) continue;
            await NoSidewaysScroll(Page);
            var download = await Page.RunAndWaitForDownloadAsync(() => docs.First.ClickAsync());
            var path = await download.PathAsync();
            Assert.True(new FileInfo(path!).Length > 0, "the document has content");
            output.WriteLine($"{href}: {download.SuggestedFilename}");
            downloaded = true;
            break;
        }
        Assert.True(downloaded, "a published agreement in the register shows a public document");
    });

    [Fact]
    public Task Axe_finds_no_serious_violation_on_the_home_page_and_the_register() => Run(async () =>
    {
        var options = Phone(js: true);
        options.BaseURL = App.BaseUrl;
        await using var context = await App.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        var file = Path.Combine(AppFixture.RepoRoot(), ".test-deps", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(file)) throw new InvalidOperationException($"axe-core not found at {file}: run scripts/install-test-deps.");
        var script = await File.ReadAllBytesAsync(file);
        await page.RouteAsync("**/__test/axe.min.js", r => r.FulfillAsync(new() { Status = 200, ContentType = "text/javascript", BodyBytes = script }));
        var found = new List<string>();
        foreach (var url in new[] { "/", "/kerja-sama", "/kerja-sama?status=berjalan" })
        {
            await page.GotoAsync(url);
            await page.AddScriptTagAsync(new() { Url = "/__test/axe.min.js" });
            var json = await page.EvaluateAsync<string>("""
                async () => {
                  const r = await axe.run(document, { resultTypes: ['violations'] });
                  return JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.html || '').slice(0, 160)).join(' ; ')));
                }
                """);
            foreach (var f in JsonSerializer.Deserialize<List<string>>(json)!) { output.WriteLine($"{url}: {f}"); found.Add($"{url}: {f}"); }
        }
        Assert.Empty(found);
    });
}
