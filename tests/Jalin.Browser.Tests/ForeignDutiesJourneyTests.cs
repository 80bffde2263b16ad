using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #11 item 6: Kota Bandung's officer records this year's rencana kegiatan tahunan of the sister city
/// agreement with Braunschweig and makes it final (Permendagri 25/2020 Pasal 26); the Governor's office (pembina.jabar)
/// schedules and records a supervision of it (Pasal 39 ayat (2) and (5)), which Bandung then reads on the agreement page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ForeignDutiesJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Agreement = "Kota Kembar Bandung–Braunschweig";
    private static readonly Regex DetailUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");

    [Fact]
    public Task Officer_records_the_yearly_plan_and_the_governor_records_a_supervision() => Run(async () =>
    {
        var year = DateTime.UtcNow.AddHours(7).Year;
        await LogIn("kerjasama.bandung");
        await Open("/app/kerja-sama?q=" + Uri.EscapeDataString(Agreement));
        await TestId("agreement-link").First.ClickAsync();
        await At(DetailUrl);
        await Interactive();
        var agreementUrl = Page.Url;
        var card = TestId("foreign-duties-card");
        await Expect(card).ToBeVisibleAsync();
        var row = card.Locator($"[data-testid='plan-row'][data-year='{year}']");
        await row.Locator("[data-testid='plan-edit']").ClickAsync();
        await Expect(TestId("plan-editor")).ToBeVisibleAsync();
        await Page.Locator("#plan-0-activity").FillAsync("Pertukaran guru SMK bidang otomotif");
        await Page.Locator("#plan-0-executor").FillAsync("Dinas Pendidikan Kota Bandung");
        await Page.Locator("#plan-0-roles").FillAsync("Bandung: seleksi guru; Braunschweig: pelatihan di bengkel sekolah");
        await Page.Locator("#plan-0-result").FillAsync("6 guru tersertifikasi");
        await Page.Locator("#plan-0-location").FillAsync("Braunschweig");
        await Page.Locator("#plan-0-beneficiaries").FillAsync("Guru dan siswa SMK Kota Bandung");
        await Page.Locator("#plan-0-party-0").FillAsync("Pemerintah Kota Bandung");
        await Page.Locator("#plan-0-source-0").FillAsync("APBD Kota Bandung");
        var amount = Page.Locator("#plan-0-amount-0");
        await amount.FillAsync("250.000.000");
        await amount.PressAsync("Tab");
        await TestId("plan-save").ClickAsync();
        await Expect(TestId("foreign-duties-notice")).ToContainTextAsync("disimpan");
        await Expect(row).ToContainTextAsync("Rp 250.000.000");
        await Step("foreign-plan-draft");
        await TestId("plan-finalize").ClickAsync();
        await Expect(TestId("foreign-duties-notice")).ToContainTextAsync("final");
        await Expect(row.Locator("[data-testid='plan-state']")).ToContainTextAsync("Final");
        await Expect(row.Locator("[data-testid='plan-document']")).ToBeVisibleAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid='plan-document']").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "the plan is a DOCX (zip) file");
        await Step("foreign-plan-final");

        await Context.ClearCookiesAsync();
        await LogIn("pembina.jabar");
        await Open("/app/pengawasan-luar-negeri");
        await Interactive();
        await Page.Locator($"[data-testid='supervision-schedule'][data-agreement*='Braunschweig']").ClickAsync();
        await Choose("schedule-method", "Evaluasi");
        await TestId("schedule-save").ClickAsync();
        await Expect(TestId("supervision-notice")).ToContainTextAsync("dijadwalkan");
        var upcoming = TestId("upcoming-row").Filter(new() { HasText = "Braunschweig" }).First;
        await upcoming.Locator("[data-testid='result-start']").ClickAsync();
        await Page.Locator("#result-findings").FillAsync("Pertukaran guru berjalan sesuai rencana kegiatan tahunan.");
        await Page.Locator("#result-followup").FillAsync("Kirim laporan sertifikasi guru.");
        await TestId("result-save").ClickAsync();
        await Expect(TestId("supervision-notice")).ToContainTextAsync("dicatat");
        await Step("foreign-supervision-recorded");

        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.bandung");
        await Open(agreementUrl);
        await Interactive();
        await Expect(TestId("supervision-row").Filter(new() { HasText = "Pertukaran guru berjalan" })).ToBeVisibleAsync();
    });
}
