using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #9 item 6: every page has one title naming its subject ("… · Jalin"), deep pages have
/// breadcrumbs, the signing page names the document, its number and the agreement, a favicon is linked,
/// and the menu lights exactly one item.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageNamingTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex AgreementUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");
    private static readonly Regex DraftUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}/rancangan/[0-9a-f-]{36}$");

    private async Task OneTitle(string expected)
    {
        await Expect(Page).ToHaveTitleAsync(expected);
        // Retrying count: when the Blazor circuit takes over, HeadOutlet swaps the prerendered <title>
        // for its own, so for a moment there may be none; a second title left behind would still fail.
        await Expect(Page.Locator("title")).ToHaveCountAsync(1);
    }

    private ILocator ActiveNav => Page.Locator(".mud-navmenu a.active");

    [Fact]
    public Task Pages_name_their_subject_and_the_menu_lights_one_item() => Run(async () =>
    {
        await Page.GotoAsync("/masuk");
        await OneTitle("Masuk · Jalin");
        var icon = await Page.Locator("link[rel=icon]").GetAttributeAsync("href");
        Assert.NotNull(icon);
        var favicon = await Context.APIRequest.GetAsync("/" + icon!.TrimStart('/'));
        Assert.Equal(200, favicon.Status);
        Assert.StartsWith("image/svg+xml", favicon.Headers["content-type"]);

        await LogIn("kerjasama.cimahi");
        await OneTitle("Dasbor · Jalin");
        await Expect(ActiveNav).ToHaveCountAsync(1);
        await Expect(ActiveNav).ToHaveTextAsync("Dasbor");

        await Open("/app/kerja-sama");
        await OneTitle("Kerja sama · Jalin");
        await Expect(ActiveNav).ToHaveCountAsync(1);
        await Expect(ActiveNav).ToHaveTextAsync("Kerja sama");

        // The registration form lies under /app/kerja-sama: only its own item is lit.
        await Open("/app/kerja-sama/baru");
        await OneTitle("Daftarkan kerja sama · Jalin");
        await Expect(ActiveNav).ToHaveCountAsync(1);
        await Expect(ActiveNav).ToHaveTextAsync("Daftarkan kerja sama");

        // A record: its title names the agreement; the list's item stays lit.
        await Open("/app/kerja-sama?q=" + Uri.EscapeDataString("Pasokan Bawang Merah"));
        await Expect(TestId("agreement-link")).ToHaveCountAsync(1);
        await TestId("agreement-link").ClickAsync();
        await At(AgreementUrl);
        await Interactive();
        var agreementTitle = (await TestId("agreement-title").InnerTextAsync()).Trim();
        Assert.Contains("Pasokan Bawang Merah", agreementTitle);
        await OneTitle(agreementTitle + " · Jalin");
        await Expect(ActiveNav).ToHaveCountAsync(1);
        await Expect(ActiveNav).ToHaveTextAsync("Kerja sama");

        // The draft: breadcrumbs Kerja sama › agreement › draft.
        await TestId("draft-link").First.ClickAsync();
        await At(DraftUrl);
        await Interactive();
        var draftTitle = (await TestId("draft-title").InnerTextAsync()).Trim();
        await OneTitle(draftTitle + " · Jalin");
        var crumbs = TestId("breadcrumbs");
        await Expect(crumbs.Locator("li")).ToHaveCountAsync(3);
        await Expect(crumbs.Locator("a").Nth(1)).ToHaveTextAsync(agreementTitle);
        await Expect(crumbs.Locator("[aria-current=page]")).ToHaveTextAsync(draftTitle);

        // The paraf and signing page names the document, its number and the agreement.
        await TestId("signing-link").ClickAsync();
        await At(new Regex("/penandatanganan$"));
        await Interactive();
        await OneTitle($"Penandatanganan {draftTitle} · Jalin");
        await Expect(TestId("signing-subject")).ToContainTextAsync(draftTitle);
        await Expect(TestId("signing-number")).ToContainTextAsync("Nomor: ");
        await Expect(TestId("signing-number")).Not.ToContainTextAsync("belum diberikan");
        await Expect(TestId("signing-agreement")).ToHaveTextAsync(agreementTitle);
        await Expect(TestId("breadcrumbs").Locator("li")).ToHaveCountAsync(4);
        await Expect(TestId("breadcrumbs").Locator("a").Nth(2)).ToHaveTextAsync(draftTitle);
        await Step("signing-subject");
        await TestId("breadcrumbs").Locator("a").Nth(1).ClickAsync();
        await At(AgreementUrl);
    });

    // K: the issue #10 pages: one title naming the page, breadcrumbs on every page below a list, one menu item lit.
    [Fact]
    public Task Proposal_mapping_and_tkksd_pages_name_their_subject() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/usulan");
        await OneTitle("Usulan kerja sama · Jalin");
        await Expect(ActiveNav).ToHaveCountAsync(1);
        var link = TestId("proposal-row").First.Locator("a").First;
        var proposalTitle = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await At(new Regex(@"/app/usulan/[0-9a-f-]{36}$"));
        await Interactive();
        await OneTitle(proposalTitle + " · Jalin");
        await Expect(TestId("breadcrumbs").Locator("a").First).ToHaveTextAsync("Usulan kerja sama");
        await Expect(ActiveNav).ToHaveCountAsync(1);

        await Open("/app/pemetaan");
        await OneTitle("Pemetaan · Jalin");
        await Expect(ActiveNav).ToHaveCountAsync(1);
        var item = TestId("mapping-items").Locator("a[href^='/app/pemetaan/butir/']").First;
        var itemTitle = (await item.InnerTextAsync()).Trim();
        await item.ClickAsync();
        await At(new Regex("/app/pemetaan/butir/"));
        await Interactive();
        await OneTitle(itemTitle + " · Jalin");
        await Expect(TestId("breadcrumbs").Locator("a").First).ToHaveTextAsync("Pemetaan");
        await Expect(TestId("breadcrumbs").Locator("[aria-current=page]")).ToHaveTextAsync(itemTitle);
        await Expect(ActiveNav).ToHaveCountAsync(1);
        await Open("/app/pemetaan/laporan");
        await OneTitle("Laporan pemetaan · Jalin");
        await Expect(TestId("breadcrumbs").Locator("a").First).ToHaveTextAsync("Pemetaan");

        await Open("/app/tkksd");
        await OneTitle("TKKSD · Jalin");
        await Expect(ActiveNav).ToHaveCountAsync(1);
        await Open("/app/tkksd/kriteria");
        await OneTitle("Kriteria penilaian TKKSD · Jalin");
        await Expect(TestId("breadcrumbs").Locator("a[href='/app/tkksd']")).ToHaveTextAsync("TKKSD");
        await Expect(TestId("breadcrumbs").Locator("[aria-current=page]")).ToHaveTextAsync("Kriteria penilaian");
    });

    // Issue #13: the import pages, one title naming the page or the file, breadcrumbs back to the list, one menu item lit.
    [Fact]
    public Task Import_pages_name_their_subject() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/impor");
        await OneTitle("Impor register lama · Jalin");
        await Expect(ActiveNav).ToHaveCountAsync(1);
        await Expect(ActiveNav).ToHaveTextAsync("Impor register lama");
        var file = $"register-judul-{Guid.NewGuid().ToString("N")[..6]}.xlsx";
        await ChooseFiles("import-file", "import-file-name", file, new FilePayload
        {
            Name = file, MimeType = "application/octet-stream",
            Buffer = Jalin.Tests.Shared.LegacyRegisters.Messy("judul" + Guid.NewGuid().ToString("N")[..6]),
        });
        await TestId("import-upload-button").ClickAsync();
        await At(new Regex(@"/app/impor/[0-9a-f-]{36}$"));
        await Interactive();
        await OneTitle($"Impor {file} · Jalin");
        await Expect(TestId("breadcrumbs").Locator("a").First).ToHaveTextAsync("Impor register lama");
        await Expect(TestId("breadcrumbs").Locator("[aria-current=page]")).ToHaveTextAsync(file);
        await Expect(ActiveNav).ToHaveCountAsync(1);
        await Expect(ActiveNav).ToHaveTextAsync("Impor register lama");
    });
}
