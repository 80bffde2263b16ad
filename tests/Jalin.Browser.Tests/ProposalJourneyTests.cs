using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #10 item 3: an OPD drafts and submits an usulan with its KAK, the Bagian Kerja Sama verifies it,
/// records the TKKSD's result and recommendation (KSDD sukarela) and turns it into an agreement that links back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProposalJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex ProposalUrl = new(@"/app/usulan/[0-9a-f-]{36}$");
    private static readonly Regex AgreementUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");

    [Fact]
    public Task Opd_drafts_and_submits_officer_verifies_recommends_and_converts() => Run(async () =>
    {
        var title = "Uji peramban: kompos bersama Bandung Barat " + Guid.NewGuid().ToString("N")[..6];
        await LogIn("opd.cimahi");
        await Open("/app/usulan");
        await TestId("new-proposal").ClickAsync();
        await At(new Regex("/app/usulan/baru$"));
        await Interactive();
        await Page.Locator("#field-title").FillAsync(title);
        await Choose("field-affair", "Lingkungan Hidup");
        var region = TestId("field-partner-region").Locator("input");
        await region.ClickAsync();
        await region.FillAsync("32.17");
        await Page.Locator(".mud-popover-open").GetByText("Bandung Barat").First.ClickAsync();
        await Page.Locator("#field-background").FillAsync("Sampah organik Cimahi melampaui kapasitas pengomposan.");
        await Page.Locator("#field-aims").FillAsync("Mengurangi sampah organik ke TPA 30%.");
        await Page.Locator("#field-object").FillAsync("Pengolahan sampah organik menjadi kompos");
        await Page.Locator("#field-term-months").FillAsync("24");
        await Page.Locator("#field-amount").FillAsync("450000000");
        await Page.Locator("#field-contact1-name").FillAsync("Dadang Supriatna");
        await Page.Locator("#field-contact1-phone").FillAsync("0812-2200-1100");
        await Step("proposal-form");
        await TestId("save-proposal").ClickAsync();
        await At(ProposalUrl);
        await Interactive();
        var proposalUrl = Page.Url;
        await Expect(TestId("proposal-title")).ToHaveTextAsync(title);
        await Expect(TestId("proposal-status")).ToContainTextAsync("Draf");
        await Expect(TestId("proposal-number")).ToContainTextAsync("USL/");

        // the KAK, checked by content like every upload
        await TestId("attachment-form").Locator("input[type=file]:not(.d-none)").Last.SetInputFilesAsync(new FilePayload { Name = "KAK-kompos.pdf", MimeType = "application/pdf", Buffer = Pdf("KAK kompos") });
        await Expect(TestId("attachment-file-name")).ToHaveTextAsync("KAK-kompos.pdf");
        await TestId("attachment-upload").ClickAsync();
        await Expect(TestId("attachment")).ToHaveCountAsync(1);

        // the OPD may submit, not verify
        await TestId("action-submit").ClickAsync();
        await Expect(TestId("proposal-status")).ToContainTextAsync("Diajukan");
        await Expect(TestId("action-verify")).ToBeDisabledAsync();
        await Step("proposal-submitted");

        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await Open(proposalUrl);
        await TestId("action-verify").ClickAsync();
        await Expect(TestId("proposal-status")).ToContainTextAsync("Diverifikasi");
        // no member assessed it in Jalin (a small region): the step stays open and the page says so
        await Expect(TestId("assess-tkksd-line")).ToContainTextAsync("Belum ada anggota TKKSD yang menilai usulan ini");
        await Choose("assessment-result", "Layak");
        await Page.Locator("#action-note").FillAsync("Sesuai RPJMD; kedua daerah berwenang atas urusan lingkungan hidup.");
        await TestId("action-assess").ClickAsync();
        await Expect(TestId("proposal-status")).ToContainTextAsync("Dikaji TKKSD");
        await Choose("recommend-kind", "KSDD sukarela");
        await TestId("action-recommend").ClickAsync();
        await Expect(TestId("proposal-status")).ToContainTextAsync("Direkomendasikan");
        await Step("proposal-recommended");

        await TestId("convert").ClickAsync();
        await At(AgreementUrl);
        await Interactive();
        await Expect(TestId("agreement-title")).ToHaveTextAsync(title);
        await Expect(TestId("source-proposal")).ToContainTextAsync("Berasal dari usulan USL/");
        await Expect(TestId("documents")).ToContainTextAsync("Kerangka Acuan Kerja (KAK)");
        await Step("agreement-from-proposal");
        await TestId("source-proposal").Locator("a").ClickAsync();
        await At(ProposalUrl);
        await Expect(TestId("converted")).ToContainTextAsync(title);
    });
}
