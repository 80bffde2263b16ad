using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #10 item 6 in a real browser: a partner without an account submits an offer to Kota Cimahi with
/// attachments, gets a tracking number and a private status link; the officer asks for a document; the partner answers
/// on the status page; the officer sees the answer on the usulan.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PartnerPortalJourneyTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Partner_submits_tracks_and_answers_a_document_request() => Run(async () =>
    {
        var title = "Uji peramban: penawaran pelatihan UMKM " + Guid.NewGuid().ToString("N")[..6];
        await Page.GotoAsync("/mitra");
        await Page.Locator("[data-testid='portal-region']", new() { HasText = "Kota Cimahi" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/mitra/ajukan\\?daerah=32.77$"));
        await Page.Locator("#kind").SelectOptionAsync("University");
        await TestId("in-organizationName").FillAsync("Universitas Peramban Nusantara");
        await TestId("in-address").FillAsync("Jl. Peramban No. 7, Cimahi");
        await TestId("in-contactName").FillAsync("Dewi Lestari");
        await TestId("in-email").FillAsync("dewi@peramban.ac.id");
        await TestId("in-phone").FillAsync("0812-7777-8888");
        await TestId("in-title").FillAsync(title);
        await TestId("in-background").FillAsync("UMKM Cimahi belum memakai pemasaran daring.");
        await TestId("in-aims").FillAsync("Meningkatkan penjualan daring UMKM.");
        await TestId("in-object").FillAsync("Pelatihan pemasaran digital");
        await TestId("in-termMonths").FillAsync("12");
        await TestId("file-offerLetter").SetInputFilesAsync(new FilePayload { Name = "surat-penawaran.pdf", MimeType = "application/pdf", Buffer = Pdf("surat penawaran") });
        await TestId("file-proposal").SetInputFilesAsync(new FilePayload { Name = "proposal.pdf", MimeType = "application/pdf", Buffer = Pdf("proposal") });
        await TestId("portal-consent").CheckAsync();
        await Step("portal-form");
        await TestId("portal-submit").ClickAsync();
        await Expect(TestId("tracking-number")).ToHaveTextAsync(new Regex(@"^MTR-\d{4}-\d{6}$"));
        var statusUrl = Page.Url;
        await Expect(TestId("status-text")).ToContainTextAsync("menunggu pemeriksaan");
        await Step("portal-receipt");

        await LogIn("kerjasama.cimahi");
        await Open("/app/usulan");
        var row = Page.Locator("[data-testid='proposal-row']", new() { HasText = title });
        await Expect(row.Locator("[data-testid='from-portal']")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Interactive();
        await Expect(TestId("portal-panel")).ToContainTextAsync("Universitas Peramban Nusantara");
        await Page.Locator("[data-testid='portal-panel'] textarea").First.FillAsync("Mohon kirim akta pendirian yayasan.");
        await TestId("portal-request-send").ClickAsync();
        await Expect(TestId("portal-officer-request")).ToContainTextAsync("Belum dijawab mitra");
        var proposalUrl = Page.Url;

        await Page.GotoAsync(statusUrl.Replace("?baru=1", ""));
        await Expect(TestId("request-message")).ToHaveTextAsync("Mohon kirim akta pendirian yayasan.");
        await TestId("answer-text").FillAsync("Akta terlampir.");
        await TestId("answer-files").SetInputFilesAsync(new FilePayload { Name = "akta.pdf", MimeType = "application/pdf", Buffer = Pdf("akta") });
        await TestId("answer-submit").ClickAsync();
        await Expect(TestId("answer-sent")).ToBeVisibleAsync();
        await Expect(TestId("request-answer")).ToContainTextAsync("Akta terlampir.");
        await Step("portal-answered");

        await Open(proposalUrl);
        await Expect(TestId("portal-officer-answer")).ToContainTextAsync("Akta terlampir.");
        await Expect(TestId("portal-officer-answer")).ToContainTextAsync("akta.pdf");
    });

    [Fact]
    public async Task The_submit_form_fits_a_phone_390x844()
    {
        var context = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/mitra/ajukan?daerah=32.77");
            await Expect(page.Locator("[data-testid='portal-submit']")).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"the form is {width}px wide on a 390px phone");
            var box = await page.Locator("[data-testid='in-title']").BoundingBoxAsync();
            Assert.True(box!.X >= 0 && box.X + box.Width <= 390, $"the title field runs from x={box.X} to {box.X + box.Width}");
        }
        finally { await context.DisposeAsync(); }
    }
}
