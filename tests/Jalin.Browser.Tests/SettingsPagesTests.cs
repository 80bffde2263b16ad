using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SettingsPagesTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Officer_sets_the_dprd_clock_and_reads_what_stays_law() => Run(async () =>
    {
        // Kutai Kartanegara: no other browser test changes its lifecycle settings.
        await LogIn("kerjasama.kukar");
        await Open("/app/pengaturan/tahapan");
        await Expect(TestId("law-notes")).ToContainTextAsync("PP 28/2018 Pasal 30 ayat (4)");
        await Expect(TestId("law-notes")).ToContainTextAsync("Permendagri 25/2020 Pasal 17");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("[U]");
        var days = TestId("dprd-days").Locator("input");
        await days.FillAsync("200");
        await TestId("settings-save").ClickAsync();
        await Expect(Page.GetByText("Batas jawaban DPRD harus 1 sampai 180 hari kerja.")).ToBeVisibleAsync();
        await days.FillAsync("30");
        await TestId("settings-save").ClickAsync();
        await Expect(Page.GetByText("Pengaturan tahapan disimpan.")).ToBeVisibleAsync();
        await Open("/app/pengaturan/tahapan");
        await Expect(TestId("dprd-days").Locator("input")).ToHaveValueAsync("30");
        await Step("settings-lifecycle");
    });

    [Fact]
    public Task Holiday_page_lists_national_days_with_their_decree_and_warns_of_missing_years() => Run(async () =>
    {
        await LogIn("kerjasama.kukar");
        await Open("/app/pengaturan/hari-libur");
        var year = int.Parse(await TestId("holiday-year").InnerTextAsync());
        await Expect(TestId("holidays")).ToContainTextAsync("Proklamasi Kemerdekaan Republik Indonesia");
        await Expect(TestId("holidays")).ToContainTextAsync("SKB Menteri Agama");
        // national rows cannot be deleted by an officer
        await Expect(TestId("holiday-delete")).ToHaveCountAsync(0);
        if (year + 2 > 2027) await Expect(TestId("missing-years")).ToContainTextAsync("belum tersedia");
        await Expect(TestId("holiday-form")).ToContainTextAsync("Tambah hari libur daerah");
        await Step("settings-holidays");
    });
}
