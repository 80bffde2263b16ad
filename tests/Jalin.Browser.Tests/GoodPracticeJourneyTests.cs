using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #12 item 1: Kabupaten Garut's officer finds Kota Cimahi's published good practice in the back office and
/// replicates it into a draft usulan of Garut, which carries the credit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GoodPracticeJourneyTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Garut_replicates_Cimahis_practice_into_an_usulan_with_the_credit() => Run(async () =>
    {
        await LogIn("kerjasama.garut");
        await Open("/app/praktik-baik");
        var row = TestId("gp-row").Filter(new() { HasText = "Cekungan Bandung" }).First;
        await Expect(row).ToContainTextAsync("Kota Cimahi");
        await row.ClickAsync();
        await Expect(TestId("gp-detail")).ToContainTextAsync("3.600");
        await Step("practice-opened");
        await Choose("gp-agency", "Dinas Lingkungan Hidup");
        await TestId("gp-replicate").ClickAsync();
        await At(new System.Text.RegularExpressions.Regex("/app/usulan/[0-9a-f-]{36}$"));
        await Expect(Page.GetByText("Direplikasi dari praktik baik Pengelolaan sampah regional bersama daerah tetangga di Cekungan Bandung (Kota Cimahi)").First).ToBeVisibleAsync();
        await Step("usulan-with-credit");
    });
}

/// <summary>The public catalogue read on a phone with JavaScript off: the GET form filters, the detail shows the figures.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GoodPracticePublicPhoneTests(AppFixture app) : BrowserTest(app)
{
    protected override BrowserNewContextOptions ContextOptions() =>
        new() { BaseURL = App.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, Locale = "id-ID", JavaScriptEnabled = false };

    [Fact]
    public Task The_public_catalogue_works_without_JavaScript_on_a_phone() => Run(async () =>
    {
        await Page.GotoAsync("/praktik-baik");
        await Expect(TestId("practice-row").First).ToBeVisibleAsync();
        await Page.Locator("select[name=urusan]").SelectOptionAsync(new SelectOptionValue { Value = "2.11" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Terapkan" }).ClickAsync();
        await At(new System.Text.RegularExpressions.Regex("urusan=2\\.11"));
        var row = TestId("practice-row").Filter(new() { HasText = "Cekungan Bandung" }).First;
        await row.Locator("a").ClickAsync();
        await Expect(TestId("practice-results")).ToContainTextAsync("3.600");
        var box = await TestId("practice-public").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box!.X + box.Width <= 390, $"the practice overflows the phone: {box.X + box.Width}px");
        await Step("practice-phone");
    });
}
