using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #10 items 4 and 8: the officer holds a rapat TKKSD on the demo Dishub usulan — creates it from the usulan's
/// "Acara terkait", invites a TKKSD member and an outside guest, sends the invitations, records attendance and minutes,
/// finalises them and generates the berita acara, which then appears among the usulan's attachments.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EventJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Proposal = "Integrasi Angkutan Umum Cimahi–Kota Bandung";

    private async Task TypeDate(string inputId, string text)
    {
        var input = Page.Locator($"#{inputId}");
        await input.FillAsync(text);
        await input.PressAsync("Tab");
    }

    [Fact]
    public Task Officer_holds_a_rapat_TKKSD_on_an_usulan_and_the_berita_acara_lands_among_its_attachments() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/usulan?status=Assessed");
        await TestId("proposal-table").GetByRole(AriaRole.Link, new() { Name = Proposal }).ClickAsync();
        await At(new Regex(@"/app/usulan/[0-9a-f-]{36}$"));
        var proposalUrl = Page.Url;
        await Interactive();
        await TestId("related-event-new").ClickAsync();
        await At(new Regex(@"/app/acara/baru\?"));
        await Interactive();
        await Expect(TestId("event-kind")).ToContainTextAsync("Rapat TKKSD");
        await Expect(TestId("event-proposal")).ToContainTextAsync(Proposal);
        var title = "Rapat TKKSD pembahasan usulan angkutan " + Guid.NewGuid().ToString("N")[..5];
        await Page.Locator("#event-title").FillAsync(title);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-1);
        await TypeDate("event-date", yesterday.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Page.Locator("#event-start").FillAsync("09.00");
        await Page.Locator("#event-end").FillAsync("11.00");
        await Page.Locator("#event-place").FillAsync("Ruang Rapat Sekda Kota Cimahi");
        await Page.Locator("#event-agenda").FillAsync("Pembukaan\nPembahasan usulan\nKesimpulan");
        await TestId("event-save").ClickAsync();
        await At(new Regex(@"/app/acara/[0-9a-f-]{36}$"));
        await Interactive();
        await Expect(TestId("event-title")).ToHaveTextAsync(title);
        await Expect(TestId("event-when")).ToContainTextAsync("09.00–11.00 WIB");
        await Expect(TestId("event-status")).ToHaveTextAsync("Rencana");

        // invite a user of the region and an outside guest
        await Choose("invite-user", "Dr. Asep Hidayat");
        await TestId("invite-add").ClickAsync();
        await Expect(TestId("invitee-row")).ToHaveCountAsync(1);
        await TestId("invite-kind").GetByText("Tamu luar").ClickAsync();
        await Page.Locator("#guest-name").FillAsync("Dr. Rina Wulandari");
        await Page.Locator("#guest-institution").FillAsync("Universitas Padjadjaran");
        await Page.Locator("#guest-email").FillAsync("rina@unpad.ac.id");
        await TestId("invite-add").ClickAsync();
        await Expect(TestId("invitee-row")).ToHaveCountAsync(2);
        await Expect(TestId("invitee-row").Filter(new() { HasText = "Dr. Rina Wulandari" })).ToContainTextAsync("e-mail belum terkirim");
        await TestId("action-send-invitations").ClickAsync();
        await Expect(TestId("event-status")).ToHaveTextAsync("Undangan terkirim");
        await TestId("action-mark-held").ClickAsync();
        await Expect(TestId("event-status")).ToHaveTextAsync("Berlangsung/selesai");
        await Step("acara-berlangsung");

        // daftar hadir
        for (var i = 0; i < 2; i++)
        {
            await TestId("invitee-row").Nth(i).Locator(".mud-select").First.ClickAsync();
            var popover = Page.Locator(".mud-popover-open");
            await popover.GetByText("Hadir", new() { Exact = true }).ClickAsync();
            await popover.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
        await TestId("attendance-save").ClickAsync();
        await Expect(TestId("event-done")).ToContainTextAsync("Daftar hadir disimpan");
        await Page.Locator("#minutes-points").FillAsync("Dishub memaparkan rencana integrasi trayek\nTKKSD menilai manfaat bagi warga dua daerah");
        await Page.Locator("#minutes-decisions").FillAsync("Usulan direkomendasikan untuk dilanjutkan dengan KSDD sukarela");
        await TestId("minutes-save").ClickAsync();
        await Expect(TestId("event-done")).ToContainTextAsync("Notulen disimpan");
        await TestId("action-finalize-minutes").ClickAsync();
        await Expect(TestId("event-status")).ToHaveTextAsync("Notulen final");
        await Expect(TestId("minutes-decisions-text")).ToContainTextAsync("KSDD sukarela");

        await TestId("berita-acara-generate").ClickAsync();
        await Expect(TestId("event-done")).ToContainTextAsync("dilampirkan sebagai lampiran usulan", new() { Timeout = 120_000 });
        await Expect(TestId("berita-acara-download")).ToBeVisibleAsync();
        await Step("acara-berita-acara");

        await Open(new Uri(proposalUrl).AbsolutePath);
        await Expect(TestId("attachment").Filter(new() { HasText = "Berita acara rapat TKKSD" })).ToHaveCountAsync(1);
        await Expect(TestId("related-event").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        await Step("usulan-berita-acara");
    });

    [Fact]
    public Task The_acara_list_shows_the_demo_events_and_my_follow_ups_on_a_phone() => Run(async () =>
    {
        await Page.SetViewportSizeAsync(390, 844);
        await LogIn("kerjasama.garut");
        await Open("/app/acara");
        await Expect(TestId("event-row").Filter(new() { HasText = "Sosialisasi kerja sama daerah wajib" })).ToHaveCountAsync(1);
        await Expect(TestId("my-follow-up").Filter(new() { HasText = "Kirim data kapasitas pasokan cabai" })).ToHaveCountAsync(1);
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"page is {width}px wide on a 390px phone");
        await Step("acara-ponsel");
    });
}
