using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #13 part 3 as a person does it: on the agreement list the officer filters by stage, presses "Unduh" →
/// "Excel (.xlsx)", and the browser saves a workbook holding exactly the filtered rows in the list's order, with the filter
/// named on its "Keterangan" sheet; on a phone the same menu gives the CSV, and nothing scrolls sideways.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ListExportTests(AppFixture app) : BrowserTest(app)
{
    protected override Microsoft.Playwright.BrowserNewContextOptions ContextOptions() =>
        new() { BaseURL = App.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "id-ID", AcceptDownloads = true };

    private static int Total(string pagerInfo) => int.Parse(Regex.Match(pagerInfo, @"dari ([\d.]+)").Groups[1].Value.Replace(".", ""));

    private Microsoft.Playwright.ILocator MenuButton() =>
        Page.Locator("[data-testid='export-menu'] button, button[data-testid='export-menu']").First;

    [Fact]
    public Task Officer_downloads_only_the_filtered_agreements_as_excel_and_csv() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/kerja-sama");
        await Expect(TestId("agreement-row").First).ToBeVisibleAsync();
        var allText = await TestId("pager-info").InnerTextAsync();
        var all = Total(allText);

        await Choose("filter-stage", "Pelaksanaan");
        await At(new Regex(@"stage=Implementation"));
        await Expect(TestId("pager-info")).Not.ToHaveTextAsync(allText);
        await Expect(TestId("pager-info")).ToContainTextAsync(new Regex("^1–"));
        await Expect(TestId("agreement-row").First).ToContainTextAsync("Pelaksanaan");
        var filtered = Total(await TestId("pager-info").InnerTextAsync());
        Assert.True(filtered > 0 && filtered < all, $"the filter narrows the list ({filtered} of {all})");
        var shown = await Task.WhenAll((await TestId("agreement-link").AllAsync()).Select(l => l.GetAttributeAsync("title")));

        await MenuButton().ClickAsync();
        await Expect(TestId("export-xlsx")).ToBeVisibleAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() => TestId("export-xlsx").ClickAsync());
        Assert.Matches(@"^kerja-sama-\d{4}-\d{2}-\d{2}\.xlsx$", download.SuggestedFilename);
        Assert.EndsWith("/app/kerja-sama", new Uri(Page.Url).AbsolutePath); // the page stays
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        using (var stream = new MemoryStream(bytes))
        {
            var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Daftar kerja sama").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(filtered, rows.Count);
            Assert.All(rows, r => Assert.Equal("Pelaksanaan", Convert.ToString(r["Tahap"])));
            Assert.Equal(shown, rows.Take(shown.Length).Select(r => Convert.ToString(r["Judul"])));
            stream.Position = 0;
            var info = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Keterangan").Cast<IDictionary<string, object?>>()
                .ToDictionary(r => Convert.ToString(r["Keterangan"])!, r => Convert.ToString(r["Isi"]));
            Assert.Equal("Pelaksanaan", info["Penyaring: Tahap"]);
            Assert.Equal(filtered.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID")), info["Jumlah baris"]);
        }

        // On a phone: the same menu, the CSV, and the header row does not push the page sideways.
        await Page.SetViewportSizeAsync(390, 844);
        await Page.ReloadAsync();
        await Interactive();
        await Expect(TestId("agreement-card").First).ToBeVisibleAsync();
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways: {width} px");
        await MenuButton().ClickAsync();
        await Expect(TestId("export-csv")).ToBeVisibleAsync();
        await Step("export-menu-phone");
        var csv = await Page.RunAndWaitForDownloadAsync(() => TestId("export-csv").ClickAsync());
        Assert.Matches(@"^kerja-sama-\d{4}-\d{2}-\d{2}\.csv$", csv.SuggestedFilename);
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await csv.PathAsync())!));
        Assert.StartsWith("\uFEFFJudul;Jenis;Tahap;", text);
        Assert.Equal(filtered + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    });
}
