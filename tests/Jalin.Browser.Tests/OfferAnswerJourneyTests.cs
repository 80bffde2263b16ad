using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #10 item 5: Kota Cimahi offers a KSDD to Kabupaten Garut (PP 28/2018 Pasal 6 ayat (1) huruf b); Garut's officer
/// answers in Jalin: first asks for changes, Cimahi revises and sends again, then Garut accepts under its own letter with the
/// letter file. Cimahi sees the record at "Penyusunan Kesepakatan Bersama" and what waits on whom; Garut records its own
/// document number and its own DPRD approval (PP 28/2018 Pasal 6 ayat (2)). The queue fits a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfferAnswerJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex DetailUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");

    /// <summary>Yesterday in WIB: a letter date that is never in the future for the server.</summary>
    private static string LetterDate() => DateTime.UtcNow.AddHours(7).AddDays(-1).ToString("dd/MM/yyyy");

    private async Task Upload(string kindText, string fileName, bool shared = false)
    {
        await Choose("upload-kind", kindText);
        if (shared) await Choose("upload-visibility", "Bersama");
        await TestId("upload-form").Locator("input[type=file]:not(.d-none)").Last.SetInputFilesAsync(new FilePayload
        {
            Name = fileName, MimeType = "application/pdf", Buffer = Pdf(fileName),
        });
        await Expect(TestId("upload-file-name")).ToHaveTextAsync(fileName);
        await TestId("upload-submit").ClickAsync();
        await Expect(TestId("documents")).ToContainTextAsync(fileName); // the kind may already be listed (a revised letter)
    }

    private async Task SendOffer(string note)
    {
        await TestId("action-complete-preparation").ClickAsync();
        await Page.Locator("#action-note").FillAsync(note);
        await TestId("confirm-action").ClickAsync();
        await Expect(TestId("stage")).ToContainTextAsync("Penawaran");
    }

    private async Task<ILocator> OpenAnswerForm(string title)
    {
        await Open("/app/penawaran-masuk");
        var offer = TestId("incoming-offer").Filter(new() { HasText = title });
        await Expect(offer).ToHaveCountAsync(1);
        await Expect(offer).ToContainTextAsync("Kota Cimahi");
        await offer.Locator("[data-testid=answer-open]").ClickAsync();
        await Expect(offer.Locator("[data-testid=answer-form]")).ToBeVisibleAsync();
        return offer;
    }

    private async Task FillLetter(string number)
    {
        await Page.Locator("#answer-number").FillAsync(number);
        var date = Page.Locator("#answer-date");
        await date.FillAsync(LetterDate());
        await date.PressAsync("Enter");
    }

    [Fact]
    public Task Garut_asks_for_changes_then_accepts_and_records_its_own_number_and_DPRD() => Run(async () =>
    {
        // Cimahi's officer registers a KSDD with Garut and sends the offer.
        await LogIn("kerjasama.cimahi");
        var title = "Uji penawaran: air baku Garut–Cimahi " + Guid.NewGuid().ToString("N")[..6];
        await Open("/app/kerja-sama/baru");
        await Choose("field-kind", "KSDD sukarela");
        await Page.Locator("#field-title").FillAsync(title);
        await Page.Locator("#field-object").FillAsync("Penyediaan air baku dari Garut untuk Cimahi");
        var region = Page.Locator("#party-0-region");
        await region.ClickAsync();
        await region.FillAsync("32.05");
        await Page.Locator(".mud-popover-open").GetByText("Garut").First.ClickAsync();
        await TestId("save").ClickAsync();
        await At(DetailUrl);
        await Interactive();
        var detail = new Uri(Page.Url).AbsolutePath;
        await Upload("Kerangka Acuan Kerja (KAK)", "kak.pdf");
        await Upload("Kajian/telaahan TKKSD", "kajian.pdf");
        await SendOffer("Penawaran dikirim kepada Kabupaten Garut");
        // Garut answers Cimahi's offer letter: until it is attached the card says the record waits on Cimahi.
        await Expect(TestId("waiting-item").Filter(new() { HasText = "Kota Cimahi" })).ToContainTextAsync("Surat penawaran");
        await Upload("Surat penawaran", "surat-penawaran.pdf", shared: true);
        await Expect(TestId("waiting-item").Filter(new() { HasText = "Kota Cimahi" })).ToHaveCountAsync(0);

        // Garut's officer asks for changes, with the reason; a missing reason is refused first.
        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.garut");
        var offer = await OpenAnswerForm(title);
        await Step("offer-queue");
        await offer.GetByText("Minta perubahan").ClickAsync();
        await FillLetter("415.4/31/Pem-Garut");
        await TestId("answer-send").ClickAsync();
        await Expect(TestId("answer-error")).ToBeVisibleAsync();
        await Expect(offer).ToContainTextAsync("Tuliskan bagian penawaran yang perlu diubah.");
        await Page.Locator("#answer-reason").FillAsync("Volume air baku per bulan dan titik serah belum disebutkan.");
        await TestId("answer-send").ClickAsync();
        await Expect(TestId("answer-done")).ToContainTextAsync("diminta perubahan");
        await Expect(TestId("incoming-offer").Filter(new() { HasText = title })).ToHaveCountAsync(0);
        await Expect(TestId("answered-offers")).ToContainTextAsync(title);

        // Cimahi sees its record back in preparation with Garut's request, and sends the offer again.
        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await Open(detail);
        await Expect(TestId("stage")).ToContainTextAsync("Persiapan");
        await Expect(TestId("timeline")).ToContainTextAsync("titik serah belum disebutkan");
        await SendOffer("Penawaran diperbaiki: volume 50 liter/detik, titik serah di perbatasan");
        await Upload("Surat penawaran", "surat-penawaran-perbaikan.pdf", shared: true);

        // Garut accepts under its own letter, with the letter file (a MudFileUpload like the other upload forms).
        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.garut");
        offer = await OpenAnswerForm(title);
        await FillLetter("415.4/45/Pem-Garut");
        await offer.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "jawaban-garut.pdf", MimeType = "application/pdf", Buffer = Pdf("jawaban-garut"),
        });
        await Expect(TestId("answer-file-name")).ToHaveTextAsync("jawaban-garut.pdf");
        await Step("offer-answer-form");
        await TestId("answer-send").ClickAsync();
        await Expect(TestId("answer-done")).ToContainTextAsync("diterima");

        // Cimahi: the record is at drafting the Kesepakatan Bersama; the card says what waits on whom, Garut's letter is shared.
        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await Open(detail);
        await Expect(TestId("stage")).ToContainTextAsync("Penyusunan Kesepakatan Bersama");
        await Expect(TestId("documents")).ToContainTextAsync("Surat jawaban penawaran Kabupaten Garut");
        await Expect(TestId("documents")).ToContainTextAsync("jawaban-garut.pdf");
        var waiting = TestId("waiting-item").Filter(new() { HasText = "Kabupaten Garut" });
        await Expect(waiting.First).ToContainTextAsync("persetujuan DPRD daerah sendiri");
        await Expect(TestId("waiting-card").Locator("[data-testid=party-record-save]")).ToHaveCountAsync(0);
        await Step("owner-waiting-card");

        // Garut records its own document number and that its DPRD approval is not needed, on the card.
        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.garut");
        await Open(detail);
        await Expect(TestId("documents")).ToContainTextAsync("surat-penawaran-perbaikan.pdf"); // the letter Garut answered is shared
        await Page.Locator("#party-number").FillAsync("119/KSD/Pem/2026");
        await Choose("party-dprd", "Tidak diperlukan");
        await Page.Locator("#party-dprd-reason").FillAsync("Sudah dianggarkan dalam APBD Garut tahun berjalan dan tidak membebani masyarakat.");
        await TestId("party-record-save").ClickAsync();
        await Expect(TestId("party-record-message")).ToHaveTextAsync("Catatan pihak tersimpan.");
        await Expect(TestId("waiting-item").Filter(new() { HasText = "persetujuan DPRD daerah sendiri" })).ToHaveCountAsync(0);
        await Step("party-record-saved");
    });

    [Fact]
    public Task The_incoming_queue_fits_a_phone() => Run(async () =>
    {
        await using var phone = await App.Browser.NewContextAsync(new()
        {
            BaseURL = App.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true, Locale = "id-ID",
        });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/masuk");
        await page.Locator("#username").FillAsync("kerjasama.garut");
        await page.Locator("#password").FillAsync(AppFixture.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/app/?$"));
        await page.GotoAsync("/app/penawaran-masuk");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        // The demo's offer from Cimahi waits in Garut's queue; open its answer form too.
        await page.Locator("[data-testid=answer-open]").First.ClickAsync();
        await page.Locator("[data-testid=answer-form]").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var json = await page.EvaluateAsync<string>("""
            () => {
              const w = Math.min(window.innerWidth, 390);
              const out = [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 1; })
                .slice(0, 10).map(e => e.tagName.toLowerCase() + (e.dataset && e.dataset.testid ? '[' + e.dataset.testid + ']' : '') + ' right=' + Math.round(e.getBoundingClientRect().right));
              const scrollers = [...document.querySelectorAll('body *')].filter(e => {
                  if (e.matches('input, textarea, select')) return false;
                  const s = getComputedStyle(e);
                  return (s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0;
                }).slice(0, 10).map(e => e.tagName.toLowerCase() + '.' + String(e.className).slice(0, 60) + ' scrollWidth=' + e.scrollWidth);
              return JSON.stringify({ inner: window.innerWidth, doc: document.documentElement.scrollWidth, out, scrollers });
            }
            """);
        using var doc = JsonDocument.Parse(json);
        var inner = doc.RootElement.GetProperty("inner").GetInt32();
        var width = doc.RootElement.GetProperty("doc").GetInt32();
        Assert.True(inner <= 390 && width <= 390, "the queue scrolls sideways on a phone: " + json);
        Assert.True(doc.RootElement.GetProperty("out").GetArrayLength() == 0, "something sticks out of the phone's width: " + json);
        Assert.True(doc.RootElement.GetProperty("scrollers").GetArrayLength() == 0, "a part of the queue scrolls sideways: " + json);
        if (Environment.GetEnvironmentVariable("JALIN_SCREENSHOTS") == "1")
        {
            var dir = Path.Combine(AppFixture.RepoRoot(), "TestResults", "screenshots");
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "offer-queue-phone.png"), FullPage = true });
        }
    });
}
