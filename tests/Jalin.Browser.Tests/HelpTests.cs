using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #9 item 10, help where it is needed: the first-login tour of each role and
/// empty states that say what to do first.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HelpTests(AppFixture app) : BrowserTest(app)
{
    private ILocator Tour => TestId("tour");

    [Fact]
    public Task Tour_shows_on_first_login_stays_dismissed_after_reload_and_relogin_and_returns_from_akun() => Run(async () =>
    {
        // The auditor: no other browser test closes its tour.
        await LogIn("auditor.cimahi");
        await Expect(Tour).ToBeVisibleAsync();
        await Expect(Tour).ToContainTextAsync("Auditor/Inspektorat");
        await Expect(Tour).ToContainTextAsync("tidak mengubah data");
        await Expect(Tour.GetByRole(AriaRole.Link, new() { Name = "Daftar kerja sama" })).ToHaveAttributeAsync("href", "/app/kerja-sama");
        // Not a modal: the dashboard's figures are there and reachable next to it.
        await Expect(TestId("total")).ToBeVisibleAsync();
        await Step("tour-auditor");

        await TestId("tour-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await TestId("tour-close").ClickAsync();
        await Expect(Tour).ToHaveCountAsync(0);

        await Page.ReloadAsync();
        await Expect(TestId("total")).ToBeVisibleAsync();
        await Expect(Tour).ToHaveCountAsync(0);

        await Context.ClearCookiesAsync();
        await LogIn("auditor.cimahi");
        await Expect(TestId("total")).ToBeVisibleAsync();
        await Expect(Tour).ToHaveCountAsync(0);

        await Page.GotoAsync("/app/akun");
        await TestId("akun-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await TestId("tour-show-again").ClickAsync();
        await At(new Regex("/app/?$"));
        await Expect(Tour).ToBeVisibleAsync();
        await Expect(Tour).ToContainTextAsync("Auditor/Inspektorat");
    });

    [Theory]
    [InlineData("kerjasama.garut", "Petugas Bagian Kerja Sama", "Pendaftaran kerja sama")]
    [InlineData("opd.cimahi", "Pengguna Perangkat Daerah (OPD)", "petugas Bagian Kerja Sama Sekretariat Daerah")]
    [InlineData("tkksd.cimahi", "Anggota TKKSD", "Kajian/telaahan TKKSD")]
    [InlineData("pimpinan.cimahi", "Pimpinan (Sekda/Kepala Daerah)", "mengesampingkannya dengan alasan yang dicatat")]
    [InlineData("dprd.cimahi", "Sekretariat DPRD", "surat keputusan DPRD")]
    [InlineData("mitra.cimahi", "Penghubung Mitra", "surat jawaban mitra")]
    [InlineData("pembina.jabar", "Pembina Provinsi (Gubernur)", "kabupaten/kota di provinsi Anda")]
    [InlineData("pembina.kemendagri", "Pembina Nasional (Kemendagri)", "seluruh daerah")]
    [InlineData("admin", "Administrator Sistem", "akun pengguna")]
    public Task Each_role_sees_its_own_tour_on_the_dashboard(string user, string roleLabel, string expected) => Run(async () =>
    {
        await LogIn(user);
        await Expect(Tour).ToBeVisibleAsync();
        await Expect(Tour).ToContainTextAsync(roleLabel);
        await Expect(Tour).ToContainTextAsync(expected, new() { IgnoreCase = true });
        var points = await TestId("tour-points").Locator("li").CountAsync();
        Assert.InRange(points, 3, 5);
        // No maintainers' markers or action codes in what a person reads.
        await Expect(Tour).Not.ToContainTextAsync("[V");
        await Expect(Tour).Not.ToContainTextAsync("DOMAIN");
    });

    [Fact]
    public Task Tour_fits_a_phone_without_sideways_scroll() => Run(async () =>
    {
        await Page.SetViewportSizeAsync(390, 844);
        await LogIn("tkksd.cimahi");
        await Expect(Tour).ToBeVisibleAsync();
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the 390px screen with the tour shown");
        await Step("tour-phone");
    });

    [Fact]
    public Task Empty_holiday_year_says_what_to_do_and_the_button_leads_to_the_form() => Run(async () =>
    {
        await LogIn("kerjasama.kupang");
        await Open("/app/pengaturan/hari-libur");
        var year = int.Parse(await TestId("holiday-year").InnerTextAsync());
        // Jalin carries holidays for the current years only: eight years ahead is empty.
        for (var i = 0; i < 8; i++) await Page.GetByRole(AriaRole.Button, new() { Name = "Tahun berikutnya" }).ClickAsync();
        await Expect(TestId("holiday-year")).ToHaveTextAsync((year + 8).ToString());
        var empty = TestId("holidays-empty");
        await Expect(empty).ToContainTextAsync($"Belum ada hari libur tercatat untuk tahun {year + 8}.");
        await Expect(empty).ToContainTextAsync("Catat hari libur daerah Anda");
        await Step("empty-holidays");
        await TestId("holidays-empty-action").ClickAsync();
        await Expect(TestId("holiday-form")).ToBeInViewportAsync();
        await Expect(TestId("holiday-year")).ToHaveTextAsync((year + 8).ToString());
    });

    [Fact]
    public Task Agencies_page_for_the_admin_says_to_choose_a_region_first() => Run(async () =>
    {
        await LogIn("admin");
        await Page.GotoAsync("/app/opd");
        await Expect(TestId("agencies-empty")).ToContainTextAsync("Pilih daerah terlebih dahulu.");
        await Expect(TestId("agencies-empty")).ToContainTextAsync("Ketik nama provinsi atau kabupaten/kota");
    });
}
