using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AgreementJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex DetailUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");

    /// <summary>Fills the registration form for a KSDD sukarela with Kabupaten Sumedang (32.11) and saves.</summary>
    private async Task<string> RegisterKsddSukarela(string title)
    {
        await Open("/app/kerja-sama/baru");
        await Choose("field-kind", "KSDD sukarela");
        await Expect(TestId("kind-explanation")).ToContainTextAsync("antar-Daerah");
        await Page.Locator("#field-title").FillAsync(title);
        await Page.Locator("#field-object").FillAsync("Pengelolaan sampah regional");
        await Page.Locator("#field-value").FillAsync("1500000000");

        var region = Page.Locator("#party-0-region");
        await region.ClickAsync();
        // KSDD: the regions bordering Kota Cimahi are suggested before any typing, marked (PP 28/2018 Pasal 3 ayat (2))
        await Expect(Page.Locator(".mud-popover-open")).ToContainTextAsync("Kabupaten Bandung Barat");
        await Expect(Page.Locator(".mud-popover-open [data-testid=region-neighbour]").First).ToHaveTextAsync("berbatasan");
        await region.FillAsync("32.11");
        await Page.Locator(".mud-popover-open").GetByText("Sumedang").First.ClickAsync();
        await Page.Locator("#party-0-lead-agency").FillAsync("Dinas Lingkungan Hidup Kabupaten Sumedang");
        await Page.Locator("#party-0-document-number").FillAsync("660/12/DLH/2026");
        await Page.Locator("#party-0-signatory-name").FillAsync("Dony Ahmad Munir");
        await Page.Locator("#party-0-signatory-office").FillAsync("Bupati Sumedang");

        await TestId("save").ClickAsync();
        await At(DetailUrl);
        await Interactive();
        await Expect(TestId("agreement-title")).ToHaveTextAsync(title);
        return Page.Url;
    }

    private async Task Apply(string action, string note)
    {
        await TestId($"action-{action}").ClickAsync();
        await Page.Locator("#action-note").FillAsync(note);
        await Step("dialog-" + action);
        await TestId("confirm-action").ClickAsync();
        await Expect(TestId("confirm-action")).ToHaveCountAsync(0);
    }

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

    [Fact]
    public Task Officer_registers_an_agreement_and_moves_it_through_the_timeline() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        var title = "Uji peramban: pengelolaan sampah Cimahi–Sumedang " + Guid.NewGuid().ToString("N")[..6];
        await RegisterKsddSukarela(title);
        await Expect(TestId("stage")).ToContainTextAsync("Persiapan");
        await Expect(TestId("parties")).ToContainTextAsync("Sumedang");
        await Expect(TestId("value")).ToContainTextAsync("Rp 1.500.000.000,00");

        // 1) a note
        await Apply("add-note", "Rapat koordinasi pertama dengan Sumedang");
        var timeline = TestId("timeline");
        await Expect(timeline).ToContainTextAsync("Rapat koordinasi pertama dengan Sumedang");

        // 2) satisfy the preparation checklist through the page's upload form, then move on
        await Expect(TestId("action-complete-preparation")).ToBeDisabledAsync();
        await Upload("Kerangka Acuan Kerja (KAK)", "kak.pdf");
        await Upload("Kajian/telaahan TKKSD", "kajian.pdf");
        await Expect(TestId("action-complete-preparation")).ToBeEnabledAsync();
        await Apply("complete-preparation", "KAK dan kajian TKKSD lengkap");

        await Expect(TestId("stage")).ToContainTextAsync("Penawaran");
        await Expect(timeline).ToContainTextAsync("Selesaikan persiapan");
        await Expect(timeline).ToContainTextAsync("Persiapan → Penawaran");
        await Expect(timeline).ToContainTextAsync("KAK dan kajian TKKSD lengkap");
        await Expect(timeline).ToContainTextAsync("Rapat koordinasi pertama dengan Sumedang");
        // newest first
        await Expect(timeline.Locator("[data-testid=timeline-row]").First).ToHaveAttributeAsync("data-action", "complete-preparation");
        await Expect(timeline.Locator("[data-testid=timeline-row]").Last).ToHaveAttributeAsync("data-action", "register");

        await Step("detail-after-actions");

        // the list finds it by stage (as linked from the dashboard)
        await Open("/app/kerja-sama?stage=Offer");
        await Expect(TestId("agreement-table")).ToContainTextAsync(title);
        await Step("list-by-stage");
        await Open("/app/kerja-sama?kind=Ksdpl&q=" + Uri.EscapeDataString(title));
        await Expect(TestId("empty-state")).ToBeVisibleAsync();
        await Open("/app/kerja-sama?kind=KsddSukarela&q=" + Uri.EscapeDataString(title[^6..]));
        await Expect(TestId("agreement-link")).ToHaveCountAsync(1);
        await TestId("agreement-link").ClickAsync();
        await At(DetailUrl);
        await Expect(TestId("agreement-title")).ToHaveTextAsync(title);
    });

    [Fact]
    public Task Disallowed_action_is_disabled_and_says_why_and_form_shows_field_errors() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");

        // Saving an empty form shows the use case's Indonesian messages under the inputs.
        await Open("/app/kerja-sama/baru");
        await TestId("save").ClickAsync();
        await Expect(TestId("form-error")).ToContainTextAsync("belum benar");
        await Expect(Page.GetByText("Jenis kerja sama wajib dipilih.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Judul wajib diisi.")).ToBeVisibleAsync();
        await Step("form-errors");

        await RegisterKsddSukarela("Uji peramban: aksi terkunci " + Guid.NewGuid().ToString("N")[..6]);
        var button = TestId("action-complete-preparation");
        await Expect(button).ToBeDisabledAsync();
        await Expect(TestId("reasons-complete-preparation")).ToContainTextAsync("prasyarat belum terpenuhi");
        var checklist = TestId("checklist-complete-preparation");
        await Expect(checklist.Locator("li[data-met=false]", new() { HasText = "Dokumen Kerangka Acuan Kerja (KAK) terlampir" })).ToHaveCountAsync(1);
        await Expect(checklist.Locator("li[data-met=false]", new() { HasText = "Kajian/telaahan TKKSD" })).ToHaveCountAsync(1);
        await Expect(TestId("action-add-note")).ToBeEnabledAsync();
        await Expect(TestId("action-terminate")).ToBeDisabledAsync();
        await Expect(TestId("reasons-terminate")).ToContainTextAsync("prasyarat belum terpenuhi");

        // The officer edits the agreement; the change shows on the detail page.
        await TestId("edit-agreement").ClickAsync();
        await At(new Regex("/ubah$"));
        await Interactive();
        await Expect(Page.Locator("#field-title")).ToHaveValueAsync(new Regex("^Uji peramban: aksi terkunci"));
        await Expect(Page.Locator("#party-0-document-number")).ToHaveValueAsync("660/12/DLH/2026");
        await Page.Locator("#field-title").FillAsync("Uji peramban: judul diubah");
        await Page.Locator("#field-document-number").FillAsync("415.4/77/Pem");
        await Step("form-edit");
        await TestId("save").ClickAsync();
        await At(DetailUrl);
        await Interactive();
        await Expect(TestId("agreement-title")).ToHaveTextAsync("Uji peramban: judul diubah");
        await Expect(TestId("parties")).ToContainTextAsync("415.4/77/Pem");
        await Expect(TestId("version")).ToContainTextAsync("Versi 1");

        // Someone else changes it in another tab; this tab's confirm is refused as a conflict.
        var other = await Context.NewPageAsync();
        await other.GotoAsync(Page.Url);
        await other.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await other.Locator("[data-testid=action-add-note]").ClickAsync();
        await other.Locator("#action-note").FillAsync("Catatan dari tab lain");
        await other.Locator("[data-testid=confirm-action]").ClickAsync();
        await Expect(other.Locator("[data-testid=timeline]")).ToContainTextAsync("Catatan dari tab lain");
        await other.CloseAsync();

        await TestId("action-add-note").ClickAsync();
        await Page.Locator("#action-note").FillAsync("Catatan yang basi");
        await TestId("confirm-action").ClickAsync();
        await Expect(TestId("action-error")).ToContainTextAsync("diubah orang lain");
        await Step("dialog-conflict");
        await TestId("reload-after-conflict").ClickAsync();
        await Expect(TestId("timeline")).ToContainTextAsync("Catatan dari tab lain");
        await Expect(TestId("timeline")).Not.ToContainTextAsync("Catatan yang basi");

        // Termination asks for a reason (PP 28/2018 Ps 9); without one the use case's message shows under the select.
        await Upload("Surat/keputusan pengakhiran", "pengakhiran.pdf");
        await TestId("action-terminate").ClickAsync();
        await TestId("confirm-action").ClickAsync();
        await Expect(Page.Locator(".mud-dialog")).ToContainTextAsync("Alasan pengakhiran wajib dipilih");
        // only the law's reasons are offered (PP 28/2018 Ps 9(1)), plus, before anything is signed, the ends before an agreement
        await Choose("action-reason", "Tidak layak menurut kajian, sebelum ada kesepakatan");
        await Page.Locator("#action-note").FillAsync("Kajian menyatakan tidak layak");
        await Step("dialog-terminate");
        await TestId("confirm-action").ClickAsync();
        await Expect(TestId("confirm-action")).ToHaveCountAsync(0);
        await Expect(TestId("stage")).ToContainTextAsync("Berakhir");
        await Expect(TestId("timeline")).ToContainTextAsync("Persiapan → Berakhir (Tidak layak menurut kajian, sebelum ada kesepakatan)");
        await Expect(TestId("edit-agreement")).ToHaveCountAsync(0);
        await Expect(TestId("upload-form")).ToHaveCountAsync(0);
    });
}
