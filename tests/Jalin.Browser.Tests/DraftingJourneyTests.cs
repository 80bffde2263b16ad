using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DraftingJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex AgreementUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");
    private static readonly Regex DraftUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}/rancangan/[0-9a-f-]{36}$");

    /// <summary>Polls the URL (Blazor navigates client-side, so there may be no navigation event to wait for).</summary>
    /// <summary>Opens a demo agreement of Kota Cimahi found by a words of its title.</summary>
    private async Task OpenAgreement(string words)
    {
        await Open("/app/kerja-sama?q=" + Uri.EscapeDataString(words));
        await Expect(TestId("agreement-link")).ToHaveCountAsync(1);
        await TestId("agreement-link").ClickAsync();
        await At(AgreementUrl);
        await Interactive();
        await Expect(TestId("agreement-title")).ToContainTextAsync(words);
    }

    /// <summary>Creates a PKS draft from the KSDPK template on the open agreement page; returns the draft page URL.</summary>
    private async Task<string> CreatePksDraft()
    {
        await TestId("new-draft").ClickAsync();
        await Choose("template-select", "Pihak Ketiga (KSDPK)");
        await Step("dialog-new-draft");
        await TestId("create-draft").ClickAsync();
        await At(DraftUrl);
        await Interactive();
        await Expect(TestId("shown-version")).ToHaveTextAsync("Versi 1 dari 1");
        return Page.Url;
    }

    private async Task SaveVersion(string note, int expected)
    {
        await Page.Locator("#draft-note").FillAsync(note);
        await Expect(TestId("unsaved")).ToBeVisibleAsync();
        await TestId("save-draft").ClickAsync();
        await Expect(TestId("shown-version")).ToHaveTextAsync($"Versi {expected} dari {expected}");
        await Expect(TestId("unsaved")).ToHaveCountAsync(0);
        await Expect(TestId("versions")).ToContainTextAsync(note);
    }

    [Fact]
    public Task Officer_drafts_a_pks_edits_a_clause_compares_versions_and_downloads_the_docx() => Run(async () =>
    {
        var token = "ujiperamban" + Guid.NewGuid().ToString("N")[..8];
        var sentence = $"Kalimat {token} ditambahkan dalam uji peramban.";

        await LogIn("kerjasama.cimahi");
        // Kampung Iklim already has a PKS draft in the demo data; the e-parking agreement has none.
        await OpenAgreement("Elektronifikasi Penarikan Retribusi Parkir");
        await Expect(TestId("drafts-card")).ToBeVisibleAsync();
        var draftUrl = await CreatePksDraft();

        // the muatan checklist of the new draft
        await Expect(TestId("compliance")).ToBeVisibleAsync();
        await Expect(TestId("compliance-summary")).ToBeVisibleAsync();
        await Expect(TestId("compliance-item").First).ToBeVisibleAsync();
        await Expect(TestId("compliance").Locator("[data-code='clause:Object'][data-met=true]")).ToHaveCountAsync(1);
        await Step("draft-v1");

        // edit the Objek clause (the third pasal of the PKS template) and save as version 2
        await Expect(Page.Locator("#clause-2-heading")).ToHaveValueAsync("Objek");
        var paragraph = Page.Locator("#clause-2-para-0");
        var text = await paragraph.InputValueAsync();
        await paragraph.FillAsync(text + " " + sentence);
        await SaveVersion("Menambah kalimat uji pada pasal Objek", 2);
        await Expect(Page.Locator("#clause-2-para-0")).ToHaveValueAsync(new Regex(Regex.Escape(token)));
        await Step("draft-v2");

        // the draft is listed on the agreement page
        await TestId("agreement-link").ClickAsync();
        await At(AgreementUrl);
        await Expect(TestId("drafts")).ToContainTextAsync("Perjanjian Kerja Sama");
        await Expect(TestId("drafts")).ToContainTextAsync("v2");
        await Open(draftUrl);

        // compare v1 -> v2: the sentence is an insertion
        await TestId("compare-link").ClickAsync();
        await At(new Regex(@"/banding\?dari=1&ke=2$"));
        await Interactive();
        var table = TestId("compare-table");
        await Expect(table.Locator("ins", new() { HasText = token })).ToHaveCountAsync(1);
        await Expect(table.Locator("del", new() { HasText = token })).ToHaveCountAsync(0);
        await Expect(TestId("compare-row").Filter(new() { HasText = token }).Locator("[data-testid=change-chip]").First).ToContainTextAsync("berubah");
        await TestId("only-changed").GetByText("Hanya yang berubah").ClickAsync();
        await Expect(TestId("compare-row")).ToHaveCountAsync(1);
        await Step("compare-v1-v2");

        // the DOCX of version 2 contains the sentence
        await Open(draftUrl);
        var download = await Page.RunAndWaitForDownloadAsync(() => TestId("download-docx").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"jalin-draft-{Guid.NewGuid():N}.docx");
        try
        {
            await download.SaveAsAsync(file);
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.Length > 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "the download is not a DOCX (zip): " + Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(200, bytes.Length))));
            using var zip = ZipFile.OpenRead(file);
            var entry = zip.GetEntry("word/document.xml");
            Assert.NotNull(entry);
            using var reader = new StreamReader(entry.Open());
            var xml = await reader.ReadToEndAsync();
            Assert.Contains(token, xml);
            reader.Dispose();
            zip.Dispose();

            // the partner edits that sentence in Word and sends the file back: imported as version 3
            var edited = token + "mitra";
            using (var update = ZipFile.Open(file, ZipArchiveMode.Update))
            {
                update.GetEntry("word/document.xml")!.Delete();
                await using var writer = new StreamWriter(update.CreateEntry("word/document.xml").Open());
                await writer.WriteAsync(xml.Replace(token, edited, StringComparison.Ordinal));
            }
            await TestId("import-file").Locator("input[type=file]").SetInputFilesAsync(file);
            await Expect(TestId("shown-version")).ToHaveTextAsync("Versi 3 dari 3");
            await Expect(TestId("import-notes")).ToContainTextAsync("para pihak");
            await Expect(Page.Locator("#clause-2-para-0")).ToHaveValueAsync(new Regex(Regex.Escape(edited)));
            await Expect(TestId("versions").Locator("[data-version='3']")).ToContainTextAsync("Diimpor dari berkas Word");
            await Step("draft-imported-v3");

            // the same Word file starts a new KB on another agreement: v1 the template, v2 the file
            await OpenAgreement("Kelas Khusus Vokasi Manufaktur");
            await TestId("new-draft").ClickAsync();
            await Choose("template-select", "Kesepakatan Bersama");
            await TestId("word-file").Locator("input[type=file]").SetInputFilesAsync(file);
            await Expect(TestId("word-file-name")).ToContainTextAsync(".docx");
            await TestId("create-draft").ClickAsync();
            await At(DraftUrl);
            await Interactive();
            await Expect(TestId("shown-version")).ToHaveTextAsync("Versi 2 dari 2");
            await Expect(TestId("versions").Locator("[data-version='2']")).ToContainTextAsync("Diimpor dari berkas Word");
            await Step("draft-from-word");
        }
        finally
        {
            File.Delete(file);
        }
    });

    [Fact]
    public Task Officer_sets_the_regions_font_in_the_drafting_settings() => Run(async () =>
    {
        // Kutai Kartanegara: a region no other browser test drafts for.
        await LogIn("kerjasama.kukar");
        await Open("/app/pengaturan/naskah");
        await Expect(TestId("font-origin")).ToHaveTextAsync("bawaan Jalin");
        await Choose("font-family", "Arial");
        await Choose("font-size", "11");
        await TestId("settings-save").ClickAsync();
        await Expect(TestId("font-origin")).ToHaveTextAsync("nilai daerah");
        await Open("/app/pengaturan/naskah");
        await Expect(TestId("font-origin")).ToHaveTextAsync("nilai daerah");
        await Expect(TestId("font-family").Locator("input")).ToHaveValueAsync("Arial");
        await Step("settings-font");
    });

    [Fact]
    public Task Leader_overrides_missing_muatan_and_the_page_shows_the_override() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await OpenAgreement("Koperasi Tahu Tempe");
        var draftUrl = await CreatePksDraft();

        // the officer deletes the sanctions clause (required for KSDPK) and saves
        var index = await Page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('input[id^=\"clause-\"][id$=\"-heading\"]')].findIndex(e => e.value === 'Sanksi')");
        Assert.True(index >= 0, "the KSDPK PKS template has a Sanksi clause");
        await TestId("clause").Nth(index).Locator("[data-testid=clause-delete]").ClickAsync();
        await Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Hapus" }).ClickAsync();
        await Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await SaveVersion("Pasal sanksi dihapus", 2);
        var sanctions = TestId("compliance").Locator("[data-code='ksdpk-sanctions']");
        await Expect(sanctions).ToHaveAttributeAsync("data-met", "false");
        await Expect(TestId("compliance-summary")).ToContainTextAsync("muatan wajib belum ada");
        await Expect(TestId("override-button")).ToHaveCountAsync(0);

        // the leader of Kota Cimahi records an override with a reason
        await Context.ClearCookiesAsync();
        await LogIn("pimpinan.cimahi");
        await Open(draftUrl);
        await Expect(TestId("save-draft")).ToHaveCountAsync(0);
        await TestId("override-button").ClickAsync();
        await Page.Locator("#override-reason").FillAsync("Terlalu singkat");
        await TestId("confirm-override").ClickAsync();
        await Expect(Page.Locator(".mud-dialog")).ToContainTextAsync("20 sampai 2000");
        var reason = "Sanksi diatur dalam peraturan wali kota yang dirujuk pasal pengakhiran; naskah tetap diteruskan.";
        await Page.Locator("#override-reason").FillAsync(reason);
        await Step("dialog-override");
        await TestId("confirm-override").ClickAsync();
        await Expect(TestId("confirm-override")).ToHaveCountAsync(0);
        var info = TestId("override-info");
        await Expect(info).ToContainTextAsync("versi 2");
        await Expect(info).ToContainTextAsync(reason);
        await Expect(info).ToContainTextAsync("Ngatiyana");
        await Expect(TestId("override-button")).ToHaveCountAsync(0);
        await Step("draft-override");
    });

    [Fact]
    public Task Editor_shows_field_errors_refuses_a_stale_save_keeps_comments_and_restores_a_version() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await OpenAgreement("Dasbor Data Terpadu");
        var draftUrl = await CreatePksDraft();

        // an empty heading: the use case's message shows under the field
        await Page.Locator("#clause-0-heading").FillAsync("");
        await TestId("save-draft").ClickAsync();
        await Expect(TestId("draft-error")).ToContainTextAsync("belum dapat disimpan");
        await Expect(TestId("draft-error")).ToContainTextAsync("pasal 1.");
        await Expect(TestId("clause").First).ToContainTextAsync("Judul pasal wajib diisi.");
        await Step("draft-field-error");
        await Page.Locator("#clause-0-heading").FillAsync("Dasar Hukum");

        // someone saves version 2 in another tab; this tab's save is refused and offers to reload
        var other = await Context.NewPageAsync();
        await other.GotoAsync(draftUrl);
        await other.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await other.Locator("#clause-1-para-0").FillAsync("Maksud yang ditulis di tab lain.");
        await other.Locator("#draft-note").FillAsync("Dari tab lain");
        await other.Locator("[data-testid=save-draft]").ClickAsync();
        await Expect(other.Locator("[data-testid=shown-version]")).ToHaveTextAsync("Versi 2 dari 2");
        await other.CloseAsync();

        await Page.Locator("#clause-3-para-0").FillAsync("Ruang lingkup yang basi.");
        await Page.Locator("#draft-note").FillAsync("Simpanan yang basi");
        await TestId("save-draft").ClickAsync();
        await Expect(TestId("draft-conflict")).ToContainTextAsync("versi terakhir 2");
        await Step("draft-conflict");
        await TestId("reload-draft").ClickAsync();
        await Expect(TestId("shown-version")).ToHaveTextAsync("Versi 2 dari 2");
        await Expect(Page.Locator("#clause-1-para-0")).ToHaveValueAsync("Maksud yang ditulis di tab lain.");
        await Expect(TestId("draft-conflict")).ToHaveCountAsync(0);

        // a comment on the first clause
        var first = TestId("clause").First;
        await first.Locator("[data-testid=toggle-comments]").ClickAsync();
        await first.Locator("textarea[id^=comment-]").FillAsync("Mohon dasar hukum ditambah Permendagri 22/2020.");
        await first.Locator("[data-testid=send-comment]").ClickAsync();
        await Expect(first.Locator("[data-testid=comment]")).ToContainTextAsync("Permendagri 22/2020");
        await Expect(first.Locator("[data-testid=comment]")).ToContainTextAsync("Rina Marlina");
        await Expect(first.Locator("[data-testid=comment-count]")).ToContainTextAsync("1");
        // answered in its thread, then marked resolved; the badge turns to "all resolved"
        await first.Locator("[data-testid=reply]").ClickAsync();
        await first.Locator("textarea[id^=reply-]").FillAsync("Sudah ditambahkan pada dasar hukum.");
        await first.Locator("[data-testid=send-reply]").ClickAsync();
        await Expect(first.Locator("[data-testid=comment-reply]")).ToContainTextAsync("Sudah ditambahkan");
        await first.Locator("[data-testid=resolve-thread]").ClickAsync();
        await Expect(first.Locator("[data-testid=comment-thread]")).ToHaveAttributeAsync("data-resolved", "true");
        await Expect(first.Locator("[data-testid=thread-resolved]")).ToBeVisibleAsync();
        await Expect(first.Locator("[data-testid=toggle-comments]")).ToHaveAttributeAsync("title", new Regex("semua utas selesai"));
        await Step("comment-thread-resolved");

        // version 1 read-only, then restored as version 3
        await TestId("versions").Locator("[data-version='1'] [data-testid=version-link]").ClickAsync();
        await At(new Regex(@"\?versi=1$"));
        await Expect(TestId("shown-version")).ToHaveTextAsync("Versi 1 dari 2");
        await Expect(TestId("past-version")).ToBeVisibleAsync();
        await Expect(Page.Locator("#clause-0-heading")).ToHaveAttributeAsync("readonly", new Regex(".*"));
        await Expect(TestId("save-draft")).ToHaveCountAsync(0);
        await TestId("restore-version").ClickAsync();
        await Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Pulihkan" }).ClickAsync();
        await Expect(TestId("shown-version")).ToHaveTextAsync("Versi 3 dari 3");
        await Expect(TestId("versions").Locator("[data-version='3']")).ToContainTextAsync("dipulihkan dari v1");
        await Expect(Page.Locator("#clause-1-para-0")).Not.ToHaveValueAsync("Maksud yang ditulis di tab lain.");
        await Step("draft-restored");
    });

    [Fact]
    public Task Officer_issues_a_final_records_the_first_paraf_and_the_public_page_verifies_its_code() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await OpenAgreement("Kelas Khusus Vokasi Manufaktur");
        await TestId("new-draft").ClickAsync();
        await Choose("template-select", "Surat penawaran");
        await TestId("create-draft").ClickAsync();
        await At(DraftUrl);
        await Interactive();

        // a letter has no muatan rules: it may be issued at once, after a confirmation
        await Expect(TestId("finalize")).ToBeEnabledAsync();
        await TestId("finalize").ClickAsync();
        await Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Terbitkan" }).ClickAsync();
        await At(new Regex(@"/penandatanganan$"));
        await Interactive();
        await Expect(TestId("paraf-table")).ToContainTextAsync("Kepala Bagian Kerja Sama");
        await TestId("paraf-name").Locator("input").FillAsync("Drs. Asep Kabag KS");
        await TestId("paraf-record").ClickAsync();
        await Expect(TestId("paraf-table")).ToContainTextAsync("Drs. Asep Kabag KS");
        var code = (await TestId("verify-link").InnerTextAsync()).Trim();
        Assert.Matches(new Regex("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$"), code);
        await Step("signing-paraf");

        // the public verification page, without an account
        await Page.Context.ClearCookiesAsync();
        await Open("/verifikasi/" + code.ToLowerInvariant().Replace("-", ""));
        await Expect(TestId("verify-record")).ToContainTextAsync("Surat penawaran");
        await Expect(TestId("verify-record")).ToContainTextAsync("Kelas Khusus Vokasi Manufaktur");
        await Step("verify-public");
    });
}
