using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #11 item 7: Kabupaten Garut's officer builds last year's annual report, records it sent to the Gubernur
/// with the letter number and date, and pembina.jabar (the Governor's office, PP 28/2018 Pasal 44 ayat (4)) finds Garut
/// as sent in the recap next to the demo's Kota Cimahi.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UpwardReportJourneyTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Officer_generates_and_sends_the_annual_report_and_the_governors_office_sees_it_in_the_recap() => Run(async () =>
    {
        await LogIn("kerjasama.garut");
        await Open("/app/laporan-tahunan");
        await Expect(TestId("upward-summary")).ToContainTextAsync("Jumlah kerja sama");
        await Expect(Page.GetByText("Kepada Gubernur Jawa Barat")).ToBeVisibleAsync();
        await TestId("upward-generate").ClickAsync();
        await Expect(TestId("upward-notice")).ToContainTextAsync("tersimpan sebagai draf", new() { Timeout = 30_000 });
        await Expect(TestId("version-status").First).ToHaveTextAsync("Draf");
        await Step("upward-draft");

        // Sending without a letter number is refused in Indonesian.
        await TestId("upward-send-button").ClickAsync();
        await Expect(Page.GetByText("Nomor surat pengantar wajib diisi.").First).ToBeVisibleAsync();
        await Page.Locator("#upward-letter").FillAsync("000.1.6/321/Pem");
        var sentOn = Page.Locator("#upward-sent-on");
        await sentOn.FillAsync("06/01/" + DateTime.UtcNow.Year);
        await sentOn.PressAsync("Tab");
        await TestId("upward-send-button").ClickAsync();
        await Expect(TestId("upward-notice")).ToContainTextAsync("pembina diberi tahu", new() { Timeout = 120_000 }); // the PDF is rendered by LibreOffice
        await Expect(TestId("version-status").First).ToHaveTextAsync("Terkirim");
        await Step("upward-sent");

        await Context.ClearCookiesAsync();
        await LogIn("pembina.jabar");
        await Open("/app/laporan-tahunan/rekap");
        var garut = TestId("recap-rows").Locator("tr", new() { HasText = "Garut" });
        await Expect(garut).ToContainTextAsync("000.1.6/321/Pem");
        await Expect(garut.Locator("[data-testid='recap-status']")).ToHaveTextAsync(new Regex("Tepat waktu|Terlambat"));
        await Expect(TestId("recap-rows").Locator("tr", new() { HasText = "Cimahi" })).ToContainTextAsync("000.1.6/015/Pem");
        await Expect(TestId("recap-counts")).ToContainTextAsync("Kabupaten/kota di Provinsi Jawa Barat");
        await Step("upward-recap");
    });
}
