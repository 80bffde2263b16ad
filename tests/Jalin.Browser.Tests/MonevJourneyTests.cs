using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #11 item 3: the officer opens next year's monitoring round, assigns the parking e-retribution PKS to
/// tkksd.cimahi, the member evaluates it from the round page, and the officer downloads the round's XLSX report.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MonevJourneyTests(AppFixture app) : BrowserTest(app)
{
    private ILocator Input(string id) => Page.Locator($"[data-testid='{id}'] input, input[data-testid='{id}']").First;

    [Fact]
    public Task Officer_opens_a_round_assigns_the_member_who_evaluates_and_the_officer_downloads_the_xlsx() => Run(async () =>
    {
        const string agreement = "Elektronifikasi Penarikan Retribusi Parkir";
        await LogIn("kerjasama.cimahi");
        await Open("/app/monev");
        var year = int.Parse(await Input("round-year").InputValueAsync()) + 1; // this year's round is the demo's
        await Input("round-year").FillAsync(year.ToString());
        await TestId("round-create").ClickAsync();
        await At(new Regex("/app/monev/putaran/"));
        await Interactive();
        var roundUrl = Page.Url;
        await Expect(TestId("round-progress")).ToContainTextAsync("0 dari");
        var select = Page.Locator($"[data-testid='assign-select'][data-agreement*='{agreement}']");
        await select.Locator(".mud-select, .mud-input-control").First.ClickAsync();
        var popover = Page.Locator(".mud-popover-open");
        await popover.GetByText("Asep Hidayat").First.ClickAsync();
        await Expect(TestId("round-notice")).ToContainTextAsync("ditugaskan");
        await Step("monev-assigned");

        await Context.ClearCookiesAsync();
        await LogIn("tkksd.cimahi");
        await Open(roundUrl);
        await TestId("row-evaluate").First.ClickAsync();
        await At(new Regex("/evaluasi$"));
        await Interactive();
        var rows = TestId("rating-row");
        await Expect(rows.First).ToBeVisibleAsync();
        var count = await rows.CountAsync();
        Assert.True(count >= 5);
        for (var i = 0; i < count; i++) await rows.Nth(i).Locator(".mud-radio").Nth(3).ClickAsync(); // 4 on every criterion
        await Expect(TestId("evaluation-score")).ToContainTextAsync("4,00");
        await Page.Locator("[data-testid='evaluation-findings'] textarea").First.FillAsync("Transaksi non-tunai parkir naik; laporan bulanan mitra tepat waktu.");
        await Choose("evaluation-recommendation", "Diperluas");
        await TestId("evaluation-save").ClickAsync();
        await At(new Regex("/app/monev/evaluasi/"));
        await Expect(TestId("evaluation-score")).ToHaveTextAsync("4,00");
        await Expect(TestId("evaluation-recommendation")).ToHaveTextAsync("Diperluas");
        await Step("monev-evaluated");

        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await Open(roundUrl);
        await Expect(TestId("row-result").First).ToContainTextAsync("4,00 · Diperluas");
        var download = await Page.RunAndWaitForDownloadAsync(() => TestId("report-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "the download is an XLSX (zip) file");
        await Step("monev-report");
    });
}
