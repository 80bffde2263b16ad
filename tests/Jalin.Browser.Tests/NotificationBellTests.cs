using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #10 item 9: Cimahi's officer sends an offer to Garut (PP 28/2018 Pasal 6 ayat (1) huruf a–b);
/// Garut's officer sees the bell's count go up, opens the bell, follows the item to the agreement, and the
/// count goes down.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationBellTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex DetailUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");

    private async Task Upload(string kindText, string fileName)
    {
        await Choose("upload-kind", kindText);
        await TestId("upload-form").Locator("input[type=file]:not(.d-none)").Last.SetInputFilesAsync(new FilePayload
        {
            Name = fileName, MimeType = "application/pdf", Buffer = Pdf(fileName),
        });
        await Expect(TestId("upload-file-name")).ToHaveTextAsync(fileName);
        await TestId("upload-submit").ClickAsync();
        await Expect(TestId("documents")).ToContainTextAsync(kindText);
    }

    private async Task<int> UnreadAsync()
    {
        await Expect(TestId("bell")).ToBeVisibleAsync();
        return int.Parse(await TestId("bell").GetAttributeAsync("data-unread") ?? "0");
    }

    [Fact]
    public Task Garuts_officer_sees_the_offer_from_Cimahi_in_the_bell_and_opens_it() => Run(async () =>
    {
        // Cimahi's officer registers a KSDD with Garut and sends the offer (completes the preparation).
        await LogIn("kerjasama.cimahi");
        var title = "Uji lonceng: pasokan beras Cimahi–Garut " + Guid.NewGuid().ToString("N")[..6];
        await Open("/app/kerja-sama/baru");
        await Choose("field-kind", "KSDD sukarela");
        await Page.Locator("#field-title").FillAsync(title);
        await Page.Locator("#field-object").FillAsync("Pasokan beras dari Garut ke Cimahi");
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
        await TestId("action-complete-preparation").ClickAsync();
        await Page.Locator("#action-note").FillAsync("Penawaran dikirim kepada Kabupaten Garut");
        await TestId("confirm-action").ClickAsync();
        await Expect(TestId("stage")).ToContainTextAsync("Penawaran");

        // Garut's officer signs in: the bell counts the offer.
        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.garut");
        await TestId("bell-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var before = await UnreadAsync();
        Assert.True(before >= 1);
        await Expect(TestId("bell")).ToHaveAttributeAsync("aria-label", $"Notifikasi, {before} belum dibaca");
        await Step("bell-badge");

        await TestId("bell").ClickAsync();
        var item = TestId("bell-item").Filter(new() { HasText = title });
        await Expect(item).ToContainTextAsync("Penawaran kerja sama masuk dari Kota Cimahi");
        await Expect(TestId("bell-all")).ToBeVisibleAsync();
        await Step("bell-open");
        await item.ClickAsync();

        await At(new Regex(Regex.Escape(detail) + "$"));
        await Interactive();
        await Expect(TestId("agreement-title")).ToHaveTextAsync(title);
        await Expect(TestId("bell")).ToHaveAttributeAsync("data-unread", (before - 1).ToString());
        await Expect(TestId("bell")).ToHaveAttributeAsync("aria-label", $"Notifikasi, {before - 1} belum dibaca");

        // The page lists it read; "Tandai semua dibaca" empties the count.
        await Open("/app/notifikasi");
        await Expect(TestId("notification").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        await TestId("mark-all-read").ClickAsync();
        await Expect(TestId("unread-summary")).ToHaveTextAsync("Semua pemberitahuan telah dibaca.");
        await Expect(TestId("bell")).ToHaveAttributeAsync("data-unread", "0");
        await Step("page-all-read");
    });
}
