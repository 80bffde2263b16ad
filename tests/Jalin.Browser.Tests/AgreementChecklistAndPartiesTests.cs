using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #9 items 2 and 3: checklists lead to the fix; the other parties' view of a record;
/// an OPD told that an agreement belongs to another OPD.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgreementChecklistAndPartiesTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex DetailUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");
    private const string ChiliTitle = "Pasokan Cabai untuk Pengendalian Inflasi";

    /// <summary>A fresh KSDD sukarela of Kota Cimahi with Kabupaten Sumedang, registered through the form.</summary>
    private async Task RegisterKsdd(string title)
    {
        await Open("/app/kerja-sama/baru");
        await Choose("field-kind", "KSDD sukarela");
        await Page.Locator("#field-title").FillAsync(title);
        await Page.Locator("#field-object").FillAsync("Pengelolaan sampah regional");
        var region = Page.Locator("#party-0-region");
        await region.ClickAsync();
        await region.FillAsync("32.11");
        await Page.Locator(".mud-popover-open").GetByText("Sumedang").First.ClickAsync();
        await TestId("save").ClickAsync();
        await At(DetailUrl);
        await Interactive();
        await Expect(TestId("agreement-title")).ToHaveTextAsync(title);
    }

    /// <summary>Opens the demo agreement found by title from the list, as the logged-in user.</summary>
    private async Task<string> OpenFromList(string title)
    {
        await Open("/app/kerja-sama?q=" + Uri.EscapeDataString(title));
        await TestId("agreement-link").First.ClickAsync();
        await At(DetailUrl);
        await Interactive();
        return Page.Url;
    }

    private async Task AttachChosen(string fileName)
    {
        await TestId("upload-form").Locator("input[type=file]:not(.d-none)").Last.SetInputFilesAsync(new FilePayload
        {
            Name = fileName, MimeType = "application/pdf", Buffer = Pdf(fileName),
        });
        await Expect(TestId("upload-file-name")).ToHaveTextAsync(fileName);
        await TestId("upload-submit").ClickAsync();
        await Expect(TestId("upload-done")).ToBeVisibleAsync();
    }

    [Fact]
    public Task Checklist_link_opens_the_attach_form_with_the_kind_chosen_and_the_stage_moves_after_the_uploads() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await RegisterKsdd("Uji peramban: tautan daftar periksa " + Guid.NewGuid().ToString("N")[..6]);
        await Expect(TestId("stage")).ToContainTextAsync("Persiapan");

        // Not yet: calm words, the unmet items marked "belum" (never a tick) and each a link.
        await Expect(TestId("reasons-complete-preparation")).ToContainTextAsync("Belum dapat dilakukan");
        var checklist = TestId("checklist-complete-preparation");
        var kak = checklist.Locator("li[data-code='doc:TermsOfReference']");
        await Expect(kak).ToHaveAttributeAsync("data-met", "false");
        await Expect(kak).ToContainTextAsync("belum");
        await Expect(kak.Locator(".mud-icon-root")).ToHaveCountAsync(0);
        await Step("checklist-links");

        // The KAK link: the attach form with the KAK chosen; the kinds this stage asks for come first.
        await TestId("fix-complete-preparation-doc:TermsOfReference").ClickAsync();
        await Expect(TestId("upload-kind").Locator("input").First).ToHaveValueAsync("TermsOfReference");
        await Expect(TestId("upload-kind")).ToContainTextAsync("Kerangka Acuan Kerja (KAK) — diminta tahap ini");
        await Step("attach-preselected");
        await AttachChosen("kak.pdf");
        await Expect(kak).ToHaveAttributeAsync("data-met", "true");

        await TestId("fix-complete-preparation-doc:Assessment").ClickAsync();
        await Expect(TestId("upload-kind").Locator("input").First).ToHaveValueAsync("Assessment");
        await AttachChosen("kajian.pdf");

        await Expect(TestId("action-complete-preparation")).ToBeEnabledAsync();
        await TestId("action-complete-preparation").ClickAsync();
        await TestId("confirm-action").ClickAsync();
        await Expect(TestId("stage")).ToContainTextAsync("Penawaran");
    });

    [Fact]
    public Task Checklist_link_to_an_agreement_fact_opens_the_edit_form_at_that_field() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await RegisterKsdd("Uji peramban: tautan ke formulir " + Guid.NewGuid().ToString("N")[..6]);
        var id = Page.Url.Split('/').Last();
        // The edit anchor a "party-numbers" fix leads to (PrerequisiteFix.Fields.PartyNumbers).
        await Open($"/app/kerja-sama/{id}/ubah?isi=fix-party-numbers");
        var field = Page.Locator("#fix-party-numbers");
        await Expect(field).ToBeInViewportAsync();
        await Expect(field.Locator("#field-document-number")).ToHaveCountAsync(1);
    });

    [Fact]
    public Task Garut_sees_a_Cimahi_record_as_a_party_with_only_what_it_can_do() => Run(async () =>
    {
        await LogIn("kerjasama.garut");
        await OpenFromList(ChiliTitle);
        await Expect(TestId("managed-by")).ToHaveTextAsync("Dikelola oleh Kota Cimahi");
        var parties = TestId("parties");
        await Expect(parties.Locator("tr", new() { HasText = "Garut" }).Locator("[data-testid=party-us]")).ToHaveTextAsync("kita");
        await Expect(parties.Locator("tr", new() { HasText = "Kota Cimahi" })).ToHaveCountAsync(1);
        await Expect(parties.Locator("[data-testid=party-us]")).ToHaveCountAsync(1);
        await Expect(TestId("owner-runs-it")).ToContainTextAsync("dijalankan oleh Kota Cimahi");
        // No lifecycle buttons it could never press: the only button is "add a note".
        var buttons = TestId("actions").Locator("button");
        await Expect(buttons).ToHaveCountAsync(1);
        await Expect(TestId("action-add-note")).ToBeEnabledAsync();
        await Expect(TestId("edit-agreement")).ToHaveCountAsync(0);
        await Step("garut-view");

        var note = "Catatan Garut: jadwal pengiriman cabai minggu depan " + Guid.NewGuid().ToString("N")[..4];
        await TestId("action-add-note").ClickAsync();
        await Page.Locator("#action-note").FillAsync(note);
        await TestId("confirm-action").ClickAsync();
        await Expect(TestId("confirm-action")).ToHaveCountAsync(0);
        await Expect(TestId("timeline")).ToContainTextAsync(note);
    });

    /// <summary>Issue #9 item 3: Garut attaches its own kajian on Cimahi's record, internal to Garut, through the
    /// attach form; it shows with the "internal" chip and Garut named as its uploader, and Cimahi never sees it.</summary>
    [Fact]
    public Task Garut_attaches_an_internal_document_on_a_Cimahi_record_and_Cimahi_does_not_see_it() => Run(async () =>
    {
        var title = "Kajian internal Garut " + Guid.NewGuid().ToString("N")[..6];
        await LogIn("kerjasama.garut");
        var url = await OpenFromList(ChiliTitle);
        await Expect(TestId("owner-runs-it")).ToContainTextAsync("melampirkan dokumen Kabupaten Garut sendiri");
        await Expect(TestId("upload-party-hint")).ToContainTextAsync("Kota Cimahi tidak melihatnya");
        await Choose("upload-kind", "Kajian/telaahan TKKSD");
        // the owner's steps are not offered to a party region
        await TestId("upload-kind").Locator(".mud-select, .mud-input-control").First.ClickAsync();
        await Expect(Page.Locator(".mud-popover-open")).Not.ToContainTextAsync("Surat penawaran");
        await Page.Keyboard.PressAsync("Escape");
        await Page.Locator("#upload-title").FillAsync(title);
        await Choose("upload-visibility", "Internal Kabupaten Garut");
        await Expect(TestId("upload-visibility").Locator("input").First).ToHaveValueAsync("Internal");
        await Step("garut-attach-form");
        await AttachChosen("kajian-garut.pdf");

        var row = TestId("document-row").Filter(new() { HasText = title });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-testid=document-internal]")).ToHaveTextAsync("internal");
        await Expect(row.Locator("[data-testid=document-uploader]")).ToHaveTextAsync("diunggah oleh Kabupaten Garut");
        await Step("garut-internal-document");

        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await Page.GotoAsync(url);
        await Interactive();
        await Expect(TestId("agreement-title")).ToBeVisibleAsync();
        await Expect(Page.GetByText(title)).ToHaveCountAsync(0);
    });

    [Fact]
    public Task An_OPD_opening_another_OPDs_agreement_is_told_which_OPD_holds_it() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        var url = await OpenFromList(ChiliTitle);
        await Context.ClearCookiesAsync();

        await LogIn("opd.cimahi");
        await Page.GotoAsync(url);
        await Interactive();
        var error = TestId("detail-error");
        await Expect(error).ToContainTextAsync("Dinas Ketahanan Pangan dan Pertanian");
        await Expect(error).ToContainTextAsync("bukan OPD Anda");
        await Expect(error).Not.ToContainTextAsync("tidak ditemukan");
        await Expect(Page.GetByText(ChiliTitle)).ToHaveCountAsync(0);
        await Step("opd-other-agency");
    });
}
