using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>"Ekspor data daerah" as a person does it: Cimahi's cooperation officer opens it from the menu, reads what the
/// export holds, confirms, watches it finish, leaves and comes back to the same result, and downloads the archive (read
/// back: its manifest names Kota Cimahi and its agreements are all Cimahi's); on a phone nothing scrolls sideways. The
/// system administrator chooses the region; an OPD user has no menu entry and is told why on the address.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegionExportPageTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex PageUrl = new("/app/admin/ekspor-daerah");

    protected override BrowserNewContextOptions ContextOptions() =>
        new() { BaseURL = App.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "id-ID", AcceptDownloads = true };

    private ILocator NavExport => Page.Locator(".mud-navmenu a", new() { HasText = "Ekspor data daerah" });

    [Fact]
    public Task Officer_exports_the_region_with_confirmation_and_downloads_the_archive() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Interactive(); // the dashboard's circuit is up: the menu link navigates inside it
        await NavExport.ClickAsync();
        await At(PageUrl);
        await Interactive();
        await Expect(TestId("export-region")).ToHaveTextAsync("Kota Cimahi (32.77)");
        await Expect(TestId("export-explained")).ToContainTextAsync("jejak audit daerah itu");
        await Expect(Page.Locator("body")).ToContainTextAsync("jalin import BERKAS --yes");
        await Expect(Page.Locator("body")).ToContainTextAsync("Kata sandi dan kunci autentikator pengguna tidak ikut");
        await Expect(TestId("export-region-picker")).ToHaveCountAsync(0);

        // Cancelled: nothing starts.
        await TestId("export-start").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Buat ekspor data daerah?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Batal" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(TestId("export-progress")).ToHaveCountAsync(0);
        await Expect(TestId("export-done")).ToHaveCountAsync(0);

        await TestId("export-start").ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Buat ekspor" }).ClickAsync();
        await Expect(TestId("export-done")).ToContainTextAsync("Ekspor selesai", new() { Timeout = 120_000 });
        var done = await TestId("export-done").InnerTextAsync();
        Assert.Matches(@"Ekspor selesai \d{2}/\d{2}/\d{4} \d{2}\.\d{2} WIB \(dimulai oleh Rina Marlina, S\.H\.\)", done);
        // Indonesian numbers: thousands with a dot, decimals with a comma.
        await Expect(TestId("export-rows")).ToHaveTextAsync(new Regex(@"^\d{1,3}(\.\d{3})* baris data daerah"));
        await Expect(TestId("export-files")).ToHaveTextAsync(new Regex(@"^\d{1,3}(\.\d{3})* berkas \(\d+(,\d)? (KB|MB)\)$"));
        await Expect(TestId("export-size")).ToHaveTextAsync(new Regex(@"^Arsip \d+(,\d)? (KB|MB), dibuat dalam \d+,\d detik$"));
        var fileName = (await TestId("export-file-name").InnerTextAsync()).Trim();
        Assert.Matches(@"^jalin-daerah-32\.77-\d{8}-\d{4}\.jalin-daerah\.zip$", fileName);
        await Step("region-export-done");

        // Left and opened again: the last export is still there.
        await Open("/app/kerja-sama");
        await Open("/app/admin/ekspor-daerah");
        await Expect(TestId("export-done")).ToContainTextAsync("Ekspor selesai");
        await Expect(TestId("export-file-name")).ToHaveTextAsync(fileName);

        var download = await Page.RunAndWaitForDownloadAsync(() => TestId("export-download").ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        Assert.Matches(PageUrl, Page.Url); // the page stays
        using (var zip = ZipFile.OpenRead((await download.PathAsync())!))
        {
            await using (var manifest = zip.GetEntry("manifest.json")!.Open())
            {
                var m = JsonNode.Parse(manifest)!;
                Assert.Equal("32.77", m["region"]!.GetValue<string>());
                Assert.Equal("Kota Cimahi", m["regionName"]!.GetValue<string>());
                Assert.False(m["credentials"]!.GetValue<bool>()); // no password hashes or authenticator keys leave by the web
            }
            using var reader = new StreamReader(zip.GetEntry("tables/Agreements.jsonl")!.Open());
            var agreements = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(agreements);
            Assert.All(agreements, line => Assert.Equal("32.77", JsonNode.Parse(line)!["RegionCode"]!.GetValue<string>()));
        }

        // On a phone: the same result and button, nothing scrolls sideways.
        await Page.SetViewportSizeAsync(390, 844);
        await Page.ReloadAsync();
        await Interactive();
        await Expect(TestId("export-done")).ToBeVisibleAsync();
        await Expect(TestId("export-start")).ToBeVisibleAsync();
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways: {width} px");
        var button = await TestId("export-download").BoundingBoxAsync();
        Assert.True(button is not null && button.X + button.Width <= 390, $"the download button sticks out: {button?.X} + {button?.Width}");
        await Step("region-export-phone");
    });

    [Fact]
    public Task The_administrator_chooses_the_region() => Run(async () =>
    {
        await LogIn("admin");
        await Interactive();
        await Expect(NavExport).ToHaveCountAsync(1);
        await Open("/app/admin/ekspor-daerah");
        await Expect(TestId("export-empty")).ToContainTextAsync("Pilih daerah terlebih dahulu.");
        await TestId("export-region-picker").Locator("input").First.FillAsync("Garut");
        await Page.Locator(".mud-popover-open").GetByText("Kabupaten Garut (32.05)").First.ClickAsync();
        await At(new Regex(@"/app/admin/ekspor-daerah\?kode=32\.05$"));
        await Expect(TestId("export-region")).ToHaveTextAsync("Kabupaten Garut (32.05)");
        await Expect(TestId("export-start")).ToBeVisibleAsync();

        // An unknown code in the address is named, not an error page.
        await Open("/app/admin/ekspor-daerah?kode=99.99");
        await Expect(TestId("export-error")).ToContainTextAsync("Kode wilayah 99.99 tidak dikenal");
    });

    [Fact]
    public Task An_opd_user_has_no_menu_entry_and_is_told_why() => Run(async () =>
    {
        await LogIn("opd.cimahi");
        await Expect(Page.Locator(".mud-navmenu a", new() { HasText = "Usulan" }).First).ToBeVisibleAsync();
        await Expect(NavExport).ToHaveCountAsync(0);
        await Open("/app/admin/ekspor-daerah");
        await Expect(TestId("forbidden")).ToContainTextAsync("Hanya administrator sistem dan petugas Bagian Kerja Sama yang dapat mengekspor data daerah.");
        await Expect(TestId("export-start")).ToHaveCountAsync(0);

        // The download address refuses too.
        var response = await Page.APIRequest.GetAsync("/app/ekspor-daerah-unduh?kode=32.77");
        Assert.Equal(403, response.Status);
        Assert.Contains("Hanya administrator sistem", await response.TextAsync());
    });
}
