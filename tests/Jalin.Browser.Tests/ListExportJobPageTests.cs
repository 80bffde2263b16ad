using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #13 part 2 as a person does it: the province's cooperation officer searches the agreement list down to 31
/// rows, more than this app makes at once (Export__BackgroundFromRows=30 in <see cref="AppFixture"/>), presses "Unduh" →
/// "Excel (.xlsx)" and sees the file being made ("n dari 31 baris" under a progress bar) with a way to "Unduhan saya"; there
/// the finished file is downloaded and read back (the 31 rows, the search named on "Keterangan"). On a phone nothing scrolls
/// sideways; the officer starts the CSV too, closes the dialog, stays on the list, and later finds it on "Unduhan saya".</summary>
[Collection(BrowserCollection.Name)]
public sealed class ListExportJobPageTests(AppFixture app) : BrowserTest(app)
{
    private const int Rows = 31;

    protected override BrowserNewContextOptions ContextOptions() =>
        new() { BaseURL = App.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "id-ID", AcceptDownloads = true };

    private ILocator MenuButton() => Page.Locator("[data-testid='export-menu'] button, button[data-testid='export-menu']").First;

    private ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    /// <summary><see cref="Rows"/> agreements of Provinsi Jawa Barat carrying a fresh marker, made through the API (a region no
    /// other browser test lists); the list searched for the marker is made in the background.</summary>
    public static async Task<string> AgreementsAsync(AppFixture app)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "kerjasama.jabar", password = AppFixture.Password });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new("Bearer", JsonNode.Parse(await token.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>());
        var marker = "Latar" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 1; i <= Rows; i++)
        {
            var created = await http.PostAsJsonAsync("/api/v1/agreements", new
            {
                kind = "KsddSukarela", title = $"{marker} kerja sama provinsi ke-{i:00}", budgetedInApbd = true, parties = new[] { new { regionCode = "36" } },
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }
        return marker;
    }

    [Fact]
    public Task Officer_makes_a_large_list_in_the_background_and_downloads_it_from_my_downloads() => Run(async () =>
    {
        var marker = await AgreementsAsync(App);
        await LogIn("kerjasama.jabar");
        await Open("/app/kerja-sama");
        await Expect(TestId("agreement-row").First).ToBeVisibleAsync();
        await Page.Locator("#filter-q").FillAsync(marker);
        await At(new Regex("q=" + marker));
        await Expect(TestId("pager-info")).ToHaveTextAsync($"1–25 dari {Rows}");

        await MenuButton().ClickAsync();
        await TestId("export-xlsx").ClickAsync();
        await Expect(Dialog).ToContainTextAsync("Berkas unduhan dibuat di latar belakang");
        await Expect(Dialog).ToContainTextAsync($"Daftar ini berisi {Rows} baris");
        await Expect(Dialog.GetByTestId("export-job-progress")).ToBeVisibleAsync();
        await Expect(Dialog.GetByTestId("export-job-rows")).ToHaveTextAsync(new Regex($@"^Sedang dibuat: \d+ dari {Rows} baris$"));
        await Step("list-export-job-dialog");
        Assert.EndsWith("/app/kerja-sama", new Uri(Page.Url).AbsolutePath); // no download, no navigation
        // The dialog follows the job to its end.
        await Expect(Dialog.GetByTestId("export-job-done")).ToContainTextAsync($"{Rows} baris", new() { Timeout = 60_000 });

        await Dialog.GetByTestId("export-job-open-mine").ClickAsync();
        await At(new Regex("/app/unduhan$"));
        await Interactive();
        await Expect(TestId("downloads-explained")).ToContainTextAsync("lebih dari 30 baris");
        var job = TestId("export-job").First;
        await Expect(job.GetByTestId("export-job-list")).ToHaveTextAsync("Daftar kerja sama (Excel)");
        await Expect(job.GetByTestId("export-job-done")).ToHaveTextAsync(
            new Regex($@"^Selesai \d{{2}}/\d{{2}}/\d{{4}} \d{{2}}\.\d{{2}} WIB: {Rows} baris, \d+ KB, dibuat dalam \d+,\d detik\.$"));
        var download = await Page.RunAndWaitForDownloadAsync(() => job.GetByTestId("export-job-download").ClickAsync());
        Assert.Matches(@"^kerja-sama-\d{4}-\d{2}-\d{2}\.xlsx$", download.SuggestedFilename);
        Assert.EndsWith("/app/unduhan", new Uri(Page.Url).AbsolutePath); // the page stays
        using (var stream = new MemoryStream(await File.ReadAllBytesAsync((await download.PathAsync())!)))
        {
            var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Daftar kerja sama").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(Rows, rows.Count);
            Assert.All(rows, r => Assert.StartsWith(marker + " kerja sama provinsi ke-", Convert.ToString(r["Judul"])));
            stream.Position = 0;
            var info = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Keterangan").Cast<IDictionary<string, object?>>()
                .ToDictionary(r => Convert.ToString(r["Keterangan"])!, r => Convert.ToString(r["Isi"]));
            Assert.Equal(marker, info["Penyaring: Kata pencarian"]);
            Assert.Equal(Rows.ToString(), info["Jumlah baris"]);
        }

        // On a phone: the list's CSV, the dialog closed, the officer stays on the list and finds the file later.
        await Page.SetViewportSizeAsync(390, 844);
        await Open($"/app/kerja-sama?q={marker}");
        await Expect(TestId("agreement-card").First).ToBeVisibleAsync();
        await MenuButton().ClickAsync();
        await TestId("export-csv").ClickAsync();
        await Expect(Dialog.GetByTestId("export-job-rows")).ToContainTextAsync($"dari {Rows} baris");
        await Step("list-export-job-dialog-phone");
        await Dialog.GetByTestId("export-job-close").ClickAsync();
        await Expect(Dialog).ToHaveCountAsync(0);
        Assert.EndsWith("/app/kerja-sama", new Uri(Page.Url).AbsolutePath);

        await Open("/app/unduhan");
        var csvJob = TestId("export-job").First; // newest first, above the Excel one
        await Expect(TestId("export-job").Nth(1).GetByTestId("export-job-list")).ToHaveTextAsync("Daftar kerja sama (Excel)");
        await Expect(csvJob.GetByTestId("export-job-list")).ToHaveTextAsync("Daftar kerja sama (CSV)");
        await Expect(csvJob.GetByTestId("export-job-download")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways: {width} px");
        var button = await csvJob.GetByTestId("export-job-download").BoundingBoxAsync();
        Assert.True(button is not null && button.X + button.Width <= 390, $"the download button sticks out: {button?.X} + {button?.Width}");
        await Step("my-downloads-phone");
        var csv = await Page.RunAndWaitForDownloadAsync(() => csvJob.GetByTestId("export-job-download").ClickAsync());
        Assert.Matches(@"^kerja-sama-\d{4}-\d{2}-\d{2}\.csv$", csv.SuggestedFilename);
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await csv.PathAsync())!));
        Assert.StartsWith("\uFEFFJudul;Jenis;Tahap;", text);
        Assert.Equal(Rows + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    });

    [Fact]
    public Task My_downloads_is_in_the_menu_and_says_what_it_holds_when_empty() => Run(async () =>
    {
        await LogIn("pimpinan.cimahi");
        await Interactive();
        await Page.Locator(".mud-navmenu a", new() { HasText = "Unduhan saya" }).ClickAsync();
        await At(new Regex("/app/unduhan$"));
        await Interactive();
        await Expect(Page).ToHaveTitleAsync("Unduhan saya · Jalin");
        await Expect(Page.Locator(".mud-navmenu a.active")).ToHaveTextAsync("Unduhan saya");
        await Expect(TestId("downloads-empty")).ToContainTextAsync("Belum ada unduhan dalam 24 jam terakhir.");
        await Expect(TestId("export-job")).ToHaveCountAsync(0);
    });
}
