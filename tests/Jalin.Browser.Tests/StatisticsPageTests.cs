using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #11 item 8 on a phone (390×844): the officer opens Statistik from the Dasbor, MudBlazor's charts render,
/// a chart's table opens with its headers, the year filter goes into the URL, one chart's XLSX downloads, nothing scrolls
/// the page sideways, and axe finds no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsPageTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app)
{
    protected override BrowserNewContextOptions ContextOptions() => new()
    {
        BaseURL = App.BaseUrl,
        ViewportSize = new() { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Locale = "id-ID",
        AcceptDownloads = true,
    };

    private async Task<List<string>> Axe()
    {
        var file = Path.Combine(AppFixture.RepoRoot(), ".test-deps", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(file)) throw new InvalidOperationException($"axe-core not found at {file}: run scripts/install-test-deps.");
        var script = await File.ReadAllBytesAsync(file);
        await Page.RouteAsync("**/__test/axe.min.js", r => r.FulfillAsync(new() { Status = 200, ContentType = "text/javascript", BodyBytes = script }));
        await Page.AddScriptTagAsync(new() { Url = "/__test/axe.min.js" });
        var json = await Page.EvaluateAsync<string>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.html || '').slice(0, 160)).join(' ; ')));
            }
            """);
        var found = JsonSerializer.Deserialize<List<string>>(json)!;
        foreach (var f in found) output.WriteLine(f);
        return found;
    }

    [Fact]
    public Task Officer_sees_the_charts_opens_a_table_filters_by_year_and_downloads_on_a_phone() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        // The Dasbor links the page (a click before the Dasbor's circuit is up may be lost: open the link's address).
        await Expect(TestId("to-statistics")).ToHaveAttributeAsync("href", "/app/statistik");
        await Open("/app/statistik");
        var kinds = TestId("stat-jenis");
        await Expect(kinds.Locator("[data-testid='stat-chart'] svg").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.True(await Page.Locator("[data-testid='stat-chart'] svg").CountAsync() >= 4, "the charts are drawn by MudChart");

        await kinds.Locator("[data-testid='stat-table-toggle']").ClickAsync();
        var table = kinds.Locator("[data-testid='stat-table']");
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.Locator("th[scope='col']").First).ToHaveTextAsync("Jenis");
        var total = await Page.Locator("[data-testid='stat-total-agreements']").InnerTextAsync();
        await Expect(table.Locator("[data-testid='stat-total']")).ToHaveTextAsync(total);
        await Expect(kinds.Locator("[data-testid='stat-table-toggle']")).ToHaveAttributeAsync("aria-expanded", "true");
        await Step("statistics-phone");
        if (Environment.GetEnvironmentVariable("JALIN_SCREENSHOTS") == "1") await Shot("statistics-phone-full");

        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways: {width} px");
        Assert.Empty(await Axe());

        var download = await Page.RunAndWaitForDownloadAsync(() => kinds.Locator("[data-testid='stat-xlsx']").ClickAsync());
        Assert.StartsWith("statistik-jenis-", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "the download is an XLSX (zip) file");

        await Open("/app/statistik?tahun=1990");
        await Interactive();
        await Expect(TestId("stat-total-agreements")).ToHaveTextAsync("0");
        await Expect(TestId("stat-scope")).ToContainTextAsync("mulai tahun 1990");
        await Open("/app/statistik?tahun=abad");
        await Expect(TestId("stat-error")).ToContainTextAsync("Tahun berupa angka");
    });
}
