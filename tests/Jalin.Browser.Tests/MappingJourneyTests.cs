using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #10 items 1–2: an OPD adds a need in the open mapping round, the Bagian Kerja Sama accepts it and sees
/// Garut's chili (the demo's accepted potential) as the first match.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MappingJourneyTests(AppFixture app) : BrowserTest(app)
{
    private ILocator Input(string id) => Page.Locator($"[data-testid='{id}'] input, input[data-testid='{id}']").First;

    [Fact]
    public Task Opd_adds_a_need_officer_accepts_it_and_sees_garut_first() => Run(async () =>
    {
        var title = "Lahan pertanian untuk kompos sampah organik " + Guid.NewGuid().ToString("N")[..4];
        await LogIn("opd.cimahi");
        await Expect(TestId("mapping-reminder").First).ToContainTextAsync("Pengingat pemetaan");
        await Open("/app/pemetaan/baru");
        await Choose("item-kind", "Kebutuhan");
        await Input("item-title").FillAsync(title);
        await Choose("item-affair", "3.27 Pertanian");
        await Input("item-location").FillAsync("Kecamatan Cimahi Utara");
        await TestId("item-save").ClickAsync();
        await At(new Regex("/app/pemetaan/butir/"));
        await Interactive();
        await TestId("item-submit").ClickAsync();
        await Expect(TestId("mapping-status")).ToContainTextAsync("Diajukan");
        var url = Page.Url;
        await Step("mapping-opd-submitted");

        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await Open(url);
        await TestId("item-accept").ClickAsync();
        await Expect(TestId("mapping-status")).ToContainTextAsync("Diterima");
        await Expect(TestId("match-region").First).ToContainTextAsync("Garut");
        await Expect(TestId("match-title").First).ToContainTextAsync("cabai");
        await Expect(TestId("match-propose").First).ToHaveAttributeAsync("href", new Regex("^/app/usulan/baru\\?.*pihak=32.05"));
        await Step("mapping-officer-matches");

        // The match becomes the start of an usulan: the form comes prefilled with the need, the urusan and Garut.
        await TestId("match-propose").First.ClickAsync();
        await At(new Regex("/app/usulan/baru"));
        await Interactive();
        await Expect(Page.Locator("#field-title")).ToHaveValueAsync(new Regex("^Kerja Sama .* dengan Kabupaten Garut$"));
        await Expect(Page.Locator("#field-background")).ToHaveValueAsync(new Regex("Kebutuhan dari pemetaan: .*Potensi yang cocok: .*[Cc]abai"));
        await Expect(TestId("field-partner-region").Locator("input").First).ToHaveValueAsync(new Regex("Garut"));
        await Step("mapping-match-to-proposal");
    });
}
