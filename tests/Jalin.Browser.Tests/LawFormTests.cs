using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #7 on screen: a KSDPK shows its kind, and during implementation the end date is
/// locked — changing it is refused with where to go instead, and a typing error is corrected with a
/// reason that the history shows.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LawFormTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex DetailUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");

    [Fact]
    public Task End_date_in_implementation_is_changed_only_with_a_recorded_correction() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/kerja-sama");
        await Page.Locator("#filter-q").FillAsync("Layanan Perbankan dan Penerimaan Pajak");
        await Expect(TestId("agreement-link")).ToHaveCountAsync(1);
        await TestId("agreement-link").ClickAsync();
        await At(DetailUrl);
        await Interactive();
        await Expect(TestId("stage")).ToContainTextAsync("Pelaksanaan");
        await Expect(TestId("ksdpk-kind")).ToContainTextAsync("Penyediaan pelayanan publik");

        await TestId("edit-agreement").ClickAsync();
        await At(new Regex("/ubah$"));
        await Interactive();
        await Expect(TestId("correction")).ToContainTextAsync("tahap Pelaksanaan");
        var ends = Page.Locator("#field-ends-on");
        await ends.FillAsync("29-12-2029");
        await ends.PressAsync("Enter");
        await TestId("save").ClickAsync();
        // refused: the end date moves through the extension action
        await Expect(Page.Locator(".mud-input-control").Filter(new() { Has = ends })).ToContainTextAsync("Catat perpanjangan");
        await Step("correction-refused");

        await Page.Locator("#field-correction-reason").FillAsync("Salah ketik tahun pada pendaftaran; PKS menyebut 29 Desember 2029.");
        await TestId("save").ClickAsync();
        await At(DetailUrl);
        await Interactive();
        await Expect(TestId("timeline")).ToContainTextAsync("Koreksi data");
        await Expect(TestId("timeline")).ToContainTextAsync("29/12/2029");
        await Expect(TestId("timeline")).ToContainTextAsync("Salah ketik tahun");
        await Step("correction-recorded");
    });
}
