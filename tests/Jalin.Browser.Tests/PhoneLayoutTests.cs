using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #9 item 5: a phone (390×844, touch) is a first-class screen. Every main page fits the
/// screen's width (no sideways scroll of the page, and no table scrolling sideways inside it), the menu
/// is a drawer that stays closed until asked for, and the agreement page puts the next steps first and
/// keeps the documents reachable.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex AgreementUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");
    private static readonly Regex DraftUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}/rancangan/[0-9a-f-]{36}$");

    protected override BrowserNewContextOptions ContextOptions() => new()
    {
        BaseURL = App.BaseUrl,
        ViewportSize = new() { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Locale = "id-ID",
    };

    /// <summary>Asserts that neither the page nor anything in it scrolls sideways at the phone's width; the
    /// failure names the elements that stick out.</summary>
    private async Task FitsTheScreen(string page)
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var json = await Page.EvaluateAsync<string>("""
            () => {
              // the phone's width: with a mobile viewport, content wider than the screen widens the layout viewport (and innerWidth)
              const w = Math.min(window.innerWidth, 390);
              const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).slice(0, 3).join('.') : '')
                + (e.dataset && e.dataset.testid ? '[' + e.dataset.testid + ']' : '');
              const all = [...document.querySelectorAll('body *')];
              const out = all.filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 0.5; })
                .slice(0, 10).map(e => name(e) + ' right=' + Math.round(e.getBoundingClientRect().right));
              const scrollers = all.filter(e => {
                  if (e.matches('input, textarea, select')) return false;
                  const s = getComputedStyle(e);
                  return (s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0;
                }).slice(0, 10).map(e => name(e) + ' scrollWidth=' + e.scrollWidth + ' clientWidth=' + e.clientWidth);
              return JSON.stringify({ w, doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, out, scrollers });
            }
            """);
        var r = JsonDocument.Parse(json).RootElement;
        var w = r.GetProperty("w").GetInt32();
        var inner = await Page.EvaluateAsync<int>("() => window.innerWidth");
        var detail = $"{page} at {w} px: html {r.GetProperty("doc").GetInt32()}, body {r.GetProperty("body").GetInt32()}\n"
            + "sticking out: " + string.Join("; ", r.GetProperty("out").EnumerateArray().Select(e => e.GetString())) + "\n"
            + "scrolling sideways: " + string.Join("; ", r.GetProperty("scrollers").EnumerateArray().Select(e => e.GetString()));
        Assert.True(inner <= 390, "the layout viewport grew wider than the phone: " + detail);
        Assert.True(r.GetProperty("doc").GetInt32() <= w, "the page scrolls sideways: " + detail);
        Assert.True(r.GetProperty("body").GetInt32() <= w, "the body scrolls sideways: " + detail);
        Assert.True(r.GetProperty("scrollers").GetArrayLength() == 0, "a part of the page scrolls sideways: " + detail);
        await Step("phone-" + page);
    }

    private async Task OpenAgreement(string words)
    {
        await Open("/app/kerja-sama?q=" + Uri.EscapeDataString(words));
        // On a phone the list shows cards (the table's links are hidden).
        var card = TestId("agreement-card").Locator("a");
        await Expect(card).ToHaveCountAsync(1);
        await card.ClickAsync();
        await At(AgreementUrl);
        await Interactive();
        await Expect(TestId("actions")).ToBeVisibleAsync();
    }

    [Fact]
    public Task Login_and_dashboard_fit_a_phone_and_the_menu_is_a_closed_drawer() => Run(async () =>
    {
        await Page.GotoAsync("/masuk");
        await FitsTheScreen("login");
        // the sign-in card keeps a margin from the screen's edges
        var card = await Page.Locator("#username").BoundingBoxAsync();
        Assert.True(card!.X >= 12 && card.X + card.Width <= 390 - 12, $"the user name field runs from x={card.X} to {card.X + card.Width}");
        await LogIn("kerjasama.cimahi");
        await FitsTheScreen("dashboard");

        // the menu does not take the phone's screen until opened, and closes again after a choice
        await Expect(Page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
        var main = await Page.Locator(".mud-main-content").BoundingBoxAsync();
        Assert.NotNull(main);
        Assert.True(main!.X < 1, $"the content starts at x={main.X}, beside a drawer");
        // (the menu button answers once the page's circuit is live: try again until it has)
        for (var i = 0; i < 20 && await Page.Locator(".mud-drawer--open").CountAsync() == 0; i++)
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
            await Page.WaitForTimeoutAsync(500);
        }
        await Expect(Page.Locator(".mud-drawer--open")).ToHaveCountAsync(1);
        await Step("phone-menu");
        await Page.Locator(".mud-navmenu a", new() { HasText = "Hari libur" }).ClickAsync();
        await At(new Regex("/app/pengaturan/hari-libur$"));
        await Expect(Page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Agreement_page_on_a_phone_puts_next_steps_first_and_reaches_the_documents() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await OpenAgreement("Pasokan Bawang Merah");
        await FitsTheScreen("agreement");

        // the next steps come before the agreement's data, drafts and documents on a phone
        var steps = await TestId("actions").BoundingBoxAsync();
        var data = await TestId("facts-card").BoundingBoxAsync();
        var documents = await TestId("documents-card").BoundingBoxAsync();
        Assert.True(steps!.Y < data!.Y, $"next steps at y={steps.Y}, the data at y={data.Y}");
        Assert.True(steps.Y < documents!.Y, $"next steps at y={steps.Y}, the documents at y={documents.Y}");
        Assert.True(steps.Y < 844, $"next steps start below the first screen (y={steps.Y})");
        Assert.True(documents.Width <= 390, $"the documents are {documents.Width} px wide");

        // the documents are reachable by scrolling, and each shows its file link inside the screen
        await TestId("documents-card").ScrollIntoViewIfNeededAsync();
        await Expect(TestId("documents-card")).ToBeInViewportAsync();
        var row = TestId("document-row").First;
        await row.ScrollIntoViewIfNeededAsync();
        await Expect(row).ToBeInViewportAsync();
        var link = row.Locator("a[href^='/app/berkas/']").First;
        var box = await link.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= 391, $"the file link runs from x={box.X} to {box.X + box.Width}");
        await Step("phone-agreement-documents");
        await TestId("drafts-card").ScrollIntoViewIfNeededAsync();
        await Expect(TestId("drafts-card")).ToBeInViewportAsync();

        // a dialog takes the phone's width and stays inside the screen
        await TestId("action-add-note").ClickAsync();
        var dialog = Page.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(Page.Locator("#action-note")).ToBeVisibleAsync();
        await Page.WaitForTimeoutAsync(400); // the dialog's opening animation
        var d = await dialog.BoundingBoxAsync();
        Assert.True(d!.X >= 0 && d.X + d.Width <= 391 && d.Width >= 370, $"the dialog runs from x={d.X} to {d.X + d.Width}");
        Assert.True(d.Y >= 0 && d.Y + d.Height <= 845, $"the dialog runs from y={d.Y} to {d.Y + d.Height}");
        await FitsTheScreen("agreement-dialog");
    });

    [Fact]
    public Task Draft_reading_commenting_and_signing_fit_a_phone() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await OpenAgreement("Program Kampung Iklim");
        await FitsTheScreen("agreement-kampung-iklim");
        await TestId("draft-link").First.ClickAsync();
        await At(DraftUrl);
        await Interactive();
        await Expect(TestId("shown-version")).ToBeVisibleAsync();
        await FitsTheScreen("draft");
        // the muatan checklist comes after every pasal on a phone: a link at the top reaches it
        await Expect(TestId("compliance-jump")).ToBeVisibleAsync();
        await Expect(TestId("compliance-jump")).ToContainTextAsync("Muatan naskah");
        await TestId("compliance-jump").Locator("a").ClickAsync();
        await Expect(TestId("compliance")).ToBeInViewportAsync();
        Assert.EndsWith("#muatan", Page.Url);
        await Page.GoBackAsync();
        await At(DraftUrl);

        // a comment on the first clause, written and read on the phone
        var first = TestId("clause").First;
        await first.Locator("[data-testid=toggle-comments]").ClickAsync();
        await first.Locator("textarea[id^=comment-]").FillAsync("Dari ponsel: mohon pasal ini dibaca ulang bersama bagian hukum.");
        await first.Locator("[data-testid=send-comment]").ClickAsync();
        await Expect(first.Locator("[data-testid=comment]").Last).ToContainTextAsync("Dari ponsel");
        await FitsTheScreen("draft-comments");

        // the comparison of two versions
        await TestId("compare-link").ClickAsync();
        await At(new Regex("/banding"));
        await Interactive();
        await Expect(TestId("compare-table")).ToBeVisibleAsync();
        await FitsTheScreen("draft-compare");
        await Page.GoBackAsync();
        await At(DraftUrl);

        await Page.GoBackAsync();
        await At(AgreementUrl);
        await OpenAgreement("Pasokan Bawang Merah");
        await TestId("draft-link").First.ClickAsync();
        await At(DraftUrl);
        await Interactive();
        await FitsTheScreen("draft-final");
        await TestId("signing-link").ClickAsync();
        await At(new Regex("/penandatanganan$"));
        await Interactive();
        await Expect(TestId("paraf-table")).ToBeVisibleAsync();
        await FitsTheScreen("signing");
    });

    [Fact]
    public Task Settings_and_admin_pages_fit_a_phone() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        foreach (var (name, path) in new[]
                 {
                     ("settings-naskah", "/app/pengaturan/naskah"), ("settings-tahapan", "/app/pengaturan/tahapan"),
                     ("settings-hari-libur", "/app/pengaturan/hari-libur"), ("partners", "/app/mitra"), ("agencies", "/app/opd"),
                     ("flow", "/app/alur"), ("account", "/app/akun"), ("new-agreement", "/app/kerja-sama/baru"),
                 })
        {
            await Page.GotoAsync(path);
            await FitsTheScreen(name);
        }

        await Context.ClearCookiesAsync();
        await LogIn("admin");
        await Page.GotoAsync("/app/pengguna");
        await FitsTheScreen("users");
    });

    // K (issue #9 bars on the issue #10 pages): proposals, mapping and the TKKSD fit a phone.
    [Fact]
    public Task Proposal_pages_fit_a_phone() => Run(async () =>
    {
        await LogIn("opd.cimahi");
        await Open("/app/usulan");
        await Expect(TestId("proposal-card").First).ToBeVisibleAsync();
        await FitsTheScreen("proposals");
        await TestId("proposal-card").First.Locator("a").First.ClickAsync();
        await At(new Regex(@"/app/usulan/[0-9a-f-]{36}$"));
        await Interactive();
        await Expect(TestId("proposal-title")).ToBeVisibleAsync();
        await FitsTheScreen("proposal");
        await Open("/app/usulan/baru");
        await Expect(Page.Locator("#field-title")).ToBeVisibleAsync();
        await FitsTheScreen("proposal-form");

        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await Open("/app/usulan");
        await Expect(TestId("proposal-card").First).ToBeVisibleAsync();
        await FitsTheScreen("proposals-officer");
        foreach (var i in new[] { 1, 2 })
        {
            await Open("/app/usulan");
            var card = TestId("proposal-card").Nth(i);
            if (await card.CountAsync() == 0) break;
            await card.Locator("a").First.ClickAsync();
            await At(new Regex(@"/app/usulan/[0-9a-f-]{36}$"));
            await Interactive();
            await Expect(TestId("proposal-title")).ToBeVisibleAsync();
            await FitsTheScreen("proposal-officer-" + i);
        }
    });

    [Fact]
    public Task Mapping_pages_fit_a_phone() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/pemetaan");
        await Expect(TestId("mapping-tabs")).ToBeVisibleAsync();
        await FitsTheScreen("mapping");
        var tabs = TestId("mapping-tabs").Locator(".mud-tab");
        // the three tabs fit the phone's width side by side (no tab hidden behind scroll arrows)
        await Expect(tabs).ToHaveCountAsync(3);
        for (var t = 0; t < 3; t++)
        {
            var box = await tabs.Nth(t).BoundingBoxAsync();
            Assert.True(box!.X >= 0 && box.X + box.Width <= 391, $"tab {t} runs from x={box.X} to {box.X + box.Width}");
        }
        await tabs.Nth(1).ClickAsync();
        await FitsTheScreen("mapping-needs");
        await tabs.Nth(2).ClickAsync();
        await Expect(TestId("round-open")).ToBeVisibleAsync();
        await FitsTheScreen("mapping-rounds");
        var round = Page.Locator("a[href^='/app/pemetaan/putaran/']").First;
        await round.ClickAsync();
        await At(new Regex("/app/pemetaan/putaran/"));
        await Expect(TestId("round-agencies")).ToBeVisibleAsync();
        await FitsTheScreen("mapping-round");

        await Open("/app/pemetaan");
        await TestId("mapping-items").Locator("a[href^='/app/pemetaan/butir/']").First.ClickAsync();
        await At(new Regex("/app/pemetaan/butir/"));
        await Interactive();
        await Expect(TestId("mapping-status")).ToBeVisibleAsync();
        await FitsTheScreen("mapping-item");
        await Open("/app/pemetaan/baru");
        await FitsTheScreen("mapping-new-item");
        await Open("/app/pemetaan/laporan");
        await FitsTheScreen("mapping-report");
    });

    [Fact]
    public Task Tkksd_pages_and_the_kajian_card_fit_a_phone() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/tkksd");
        await Expect(TestId("member-row").First).ToBeVisibleAsync();
        await FitsTheScreen("tkksd");
        await Open("/app/tkksd/kriteria");
        await FitsTheScreen("tkksd-criteria");
        await OpenAgreement("Penyusunan Dasbor Data Terpadu");
        await TestId("kajian-card").ScrollIntoViewIfNeededAsync();
        await Expect(TestId("kajian-card")).ToBeVisibleAsync();
        await FitsTheScreen("kajian-card");
        await Step("phone-kajian-card-in-view");

        await Context.ClearCookiesAsync();
        await LogIn("tkksd.cimahi");
        await Open("/app/tkksd");
        await FitsTheScreen("tkksd-member");
        await OpenAgreement("Penyusunan Dasbor Data Terpadu");
        await TestId("kajian-card").Locator("[data-testid='assess-open']").First.ClickAsync();
        await Expect(TestId("criterion-row").First).ToBeVisibleAsync();
        // each score's radio button reads its own number, 1 to 5
        await Expect(TestId("criterion-row").First.Locator(".mud-radio")).ToHaveTextAsync(["1", "2", "3", "4", "5"]);
        await FitsTheScreen("kajian-assess");
    });

    [Fact]
    public Task New_pages_say_what_to_do_first_when_empty() => Run(async () =>
    {
        // Kota Kupang has no proposals, mapping or TKKSD in the demo: each page says what to do first, with the button.
        await LogIn("kerjasama.kupang");
        await Open("/app/usulan");
        await Expect(TestId("proposals-empty")).ToBeVisibleAsync();
        await FitsTheScreen("proposals-empty");
        await Open("/app/pemetaan");
        await Expect(TestId("mapping-empty").First).ToBeVisibleAsync();
        await Expect(TestId("mapping-empty-action").First).ToHaveAttributeAsync("href", "/app/pemetaan/baru");
        await FitsTheScreen("mapping-empty");
        await Open("/app/tkksd");
        await Expect(TestId("no-team")).ToBeVisibleAsync();
        await Expect(TestId("no-team-action")).ToBeVisibleAsync();
        await FitsTheScreen("tkksd-empty");
    });

    [Fact]
    public Task Facilitation_queue_fits_a_phone() => Run(async () =>
    {
        // C (issue #10 item 7): the desk's queue as cards, the overdue chip inside the screen
        await LogIn("kerjasama.cimahi");
        await Open("/app/fasilitasi");
        await Expect(TestId("facilitation-link").First).ToBeVisibleAsync();
        await Expect(TestId("overdue").First).ToBeVisibleAsync();
        await FitsTheScreen("facilitation-queue");
        await TestId("facilitation-link").First.ClickAsync();
        await At(new Regex("/app/fasilitasi/[0-9a-f-]{36}$"));
        await Interactive();
        await FitsTheScreen("facilitation-detail");
    });

    // Issue #13: the import of a legacy register, list, mapping and preview with its problems and suggestions, on a phone.
    [Fact]
    public Task Import_pages_fit_a_phone() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/impor");
        await FitsTheScreen("import-list");
        await ChooseFiles("import-file", "import-file-name", "register-lama-kota-cimahi-tahun-2019-sampai-2024-versi-akhir.xlsx", new FilePayload
        {
            Name = "register-lama-kota-cimahi-tahun-2019-sampai-2024-versi-akhir.xlsx", MimeType = "application/octet-stream",
            Buffer = Jalin.Tests.Shared.LegacyRegisters.Messy("hp" + Guid.NewGuid().ToString("N")[..6]),
        });
        await TestId("import-upload-button").ClickAsync();
        await At(new Regex(@"/app/impor/[0-9a-f-]{36}$"));
        await Interactive();
        await Expect(TestId("mapping")).ToBeVisibleAsync();
        await FitsTheScreen("import-mapping");
        await TestId("mapping-save").ClickAsync();
        await Expect(TestId("count-errors")).ToHaveTextAsync("Galat: 3");
        await Expect(TestId("suggestion").First).ToBeVisibleAsync();
        await FitsTheScreen("import-preview");
        await TestId("row-edit").First.ClickAsync();
        await Expect(Page.Locator(".mud-dialog")).ToBeVisibleAsync();
        await FitsTheScreen("import-row-dialog");
    });
}
