using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #10 item 7: an OPD files a konsultasi with its Bagian Kerja Sama; the officer takes it, answers in the
/// thread with a PDF, asks the requester, the OPD responds, the officer completes it and the OPD sees "Selesai".
/// The desk's procedure is pengaturan daerah (the law sets none).</summary>
[Collection(BrowserCollection.Name)]
public sealed class FacilitationJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex RequestUrl = new(@"/app/fasilitasi/[0-9a-f-]{36}$");

    private async Task Act(string code, string? note = null)
    {
        await TestId($"action-{code}").ClickAsync();
        await Expect(TestId("dialog-submit")).ToBeVisibleAsync();
        if (note is not null) await Page.Locator("#dialog-note").FillAsync(note);
        await TestId("dialog-submit").ClickAsync();
        await Expect(TestId("dialog-submit")).ToHaveCountAsync(0);
    }

    private async Task Say(string text, FilePayload? file = null)
    {
        var compose = TestId("thread-compose");
        if (file is not null)
        {
            await compose.Locator("input[type=file]").Last.SetInputFilesAsync(file);
            await Expect(TestId("thread-file-names")).ToHaveTextAsync(file.Name);
        }
        await compose.Locator("textarea").FillAsync(text);
        var before = await TestId("thread-message").CountAsync();
        await TestId("thread-send").ClickAsync();
        await Expect(TestId("thread-message")).ToHaveCountAsync(before + 1);
    }

    [Fact]
    public Task Opd_files_a_konsultasi_officer_answers_with_a_pdf_asks_and_completes() => Run(async () =>
    {
        var title = "Uji peramban: konsultasi retribusi " + Guid.NewGuid().ToString("N")[..6];

        // the OPD files a konsultasi with its own region's Bagian Kerja Sama
        await LogIn("opd.cimahi");
        await Open("/app/fasilitasi");
        await Expect(TestId("list-heading")).ToContainTextAsync("Permohonan saya");
        await TestId("new-facilitation").ClickAsync();
        await At(new Regex("/app/fasilitasi/baru$"));
        await Interactive();
        // an empty form is refused with the Core's Indonesian messages, nothing filed
        await TestId("submit-facilitation").ClickAsync();
        await Expect(TestId("form-error")).ToContainTextAsync("Data permohonan belum benar");
        await Expect(Page.GetByText("Tulis judul permohonan")).ToBeVisibleAsync();
        await Page.Locator("#field-title").FillAsync(title);
        await Page.Locator("#field-description").FillAsync("Bolehkah retribusi pengolahan sampah dibagi per ton dalam KSDD?");
        await TestId("submit-facilitation").ClickAsync();
        await At(RequestUrl);
        await Interactive();
        var url = Page.Url;
        await Expect(TestId("facilitation-title")).ToHaveTextAsync(title);
        await Expect(TestId("facilitation-status")).ToHaveTextAsync("Diajukan");
        await Expect(TestId("facilitation-number")).ToContainTextAsync("FAS/");
        await Expect(TestId("facilitation-due")).ToContainTextAsync("Target 5 hari kerja:");
        await Expect(TestId("no-actions")).ToBeVisibleAsync();
        await Expect(TestId("thread-empty")).ToBeVisibleAsync();

        // the officer finds it in the queue (the demo's overdue konsultasi marked red) and takes it
        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await Open("/app/fasilitasi");
        await Expect(TestId("list-heading")).ToContainTextAsync("Antrean");
        await Expect(TestId("facilitation-link").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        await Expect(Page.Locator("tr", new() { HasText = "Konsultasi skema pembiayaan" }).Locator("[data-testid=overdue]")).ToHaveTextAsync("Lewat tenggat");
        await Open(url);
        await Act("take");
        await Expect(TestId("facilitation-status")).ToHaveTextAsync("Diproses");
        await Say("Boleh, asalkan dasar perhitungannya disepakati dalam naskah. Lihat contoh pasal terlampir.",
            new FilePayload { Name = "contoh-pasal-pembiayaan.pdf", MimeType = "application/pdf", Buffer = Pdf("contoh pasal") });
        var attachment = TestId("thread-attachment").Locator("a");
        await Expect(attachment).ToHaveTextAsync("contoh-pasal-pembiayaan.pdf");
        var href = await attachment.GetAttributeAsync("href");
        Assert.StartsWith("/app/berkas-diskusi/FacilitationRequest/", href);
        var download = await Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, download.Status);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await download.BodyAsync())[..4]);
        await Act("ask-requester", "Mohon kirim perkiraan tonase sampah per bulan.");
        await Expect(TestId("facilitation-status")).ToHaveTextAsync("Menunggu pemohon");
        await Step("facilitation-asked");

        // the OPD reads the answer and responds
        await Context.ClearCookiesAsync();
        await LogIn("opd.cimahi");
        await Open(url);
        await Expect(TestId("thread-attachment")).ToHaveCountAsync(1);
        await Say("Perkiraan kami 1.200 ton per bulan.");
        await Act("respond", "Tonase sudah kami kirim di diskusi.");
        await Expect(TestId("facilitation-status")).ToHaveTextAsync("Diproses");

        // the officer completes it: the outcome is required (an empty note is refused in Indonesian)
        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await Open(url);
        await TestId("action-complete").ClickAsync();
        await TestId("dialog-submit").ClickAsync();
        await Expect(TestId("dialog-error")).ToContainTextAsync("Data tindakan belum benar");
        await Page.Locator("#dialog-note").FillAsync("Pembagian per ton dapat dituangkan dalam pasal pembiayaan; contoh pasal sudah dikirim.");
        await TestId("dialog-submit").ClickAsync();
        await Expect(TestId("facilitation-status")).ToHaveTextAsync("Selesai");
        await Expect(TestId("thread-readonly")).ToContainTextAsync("diskusi ditutup");

        // the OPD sees it finished, also in "Permohonan saya"
        await Context.ClearCookiesAsync();
        await LogIn("opd.cimahi");
        await Open(url);
        await Expect(TestId("facilitation-status")).ToHaveTextAsync("Selesai");
        await Expect(TestId("history-row")).ToHaveCountAsync(5);
        await Open("/app/fasilitasi?status=Completed");
        await Expect(Page.Locator("tr", new() { HasText = title }).Locator("[data-testid=facilitation-status]")).ToHaveTextAsync("Selesai");
        await Step("facilitation-done");

        // another region's officer neither opens the request nor downloads its attachment
        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.garut");
        Assert.Equal(404, (await Context.APIRequest.GetAsync(href!)).Status);
        await Open(url);
        await Expect(TestId("detail-error")).ToContainTextAsync("tidak ditemukan");
    });

    [Fact]
    public Task Tkksd_discussion_beside_the_kajian_is_the_regions_own() => Run(async () =>
    {
        // issue #10 item 4: the officer writes in the TKKSD discussion of an usulan; the OPD that filed it does not see it
        const string proposal = "Pengolahan Sampah Organik menjadi Kompos bersama Kabupaten Bandung Barat";
        var text = "Uji peramban: perlu kajian biaya angkut " + Guid.NewGuid().ToString("N")[..6];
        await LogIn("kerjasama.cimahi");
        await Open("/app/usulan");
        await Page.Locator("a", new() { HasText = proposal }).First.ClickAsync();
        await At(new Regex(@"/app/usulan/[0-9a-f-]{36}$"));
        await Interactive();
        var url = Page.Url;
        var card = Page.Locator("[data-testid=thread-card][data-subject=TkksdProposal]");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("Diskusi TKKSD");
        await Say(text);
        await Expect(card.Locator("[data-testid=thread-text]").Last).ToHaveTextAsync(text);

        await Context.ClearCookiesAsync();
        await LogIn("opd.cimahi");
        await Open(url);
        await Expect(TestId("proposal-title")).ToHaveTextAsync(proposal);
        await Expect(TestId("thread-card")).ToHaveCountAsync(0);
        await Expect(Page.GetByText(text)).ToHaveCountAsync(0);
    });
}
