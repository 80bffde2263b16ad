using System.Text;
using System.Text.RegularExpressions;
using Jalin.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #13 parts 1 and 2 in the browser: the Bagian Kerja Sama imports a messy legacy register (the one the Core
/// and HTTP tests use: a misspelled region, Indonesian dates, an impossible date, a partner already in the registry, a
/// totals row), fixes a row by clicking the suggested official name, corrects a date by hand, skips the totals row, saves
/// all or nothing after a confirmation, sees the summary, attaches scans and finds the agreement in the register. Others
/// get no menu entry and a clear refusal; hostile files are refused with the Core's Indonesian message.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex ImportUrl = new(@"/app/impor/[0-9a-f-]{36}$");
    private const string NotRegister = "Berkas bukan buku kerja Excel (.xlsx) atau CSV yang dapat dibaca. Simpan register dari Excel sebagai \"Excel Workbook (.xlsx)\" atau \"CSV UTF-8\", lalu unggah lagi.";
    private const string Bomb = "Isi buku kerja terlalu besar setelah dibuka atau terlalu rapat dimampatkan (paling besar 100 MB per bagian, 200 MB seluruhnya, rasio 200:1). Berkas ditolak.";
    private const string TooBig = "Berkas terlalu besar (paling besar 20 MB). Pecah register menjadi beberapa berkas, lalu impor satu per satu.";
    private const string Macro = "Buku kerja berisi makro (VBA) atau berformat .xlsm. Simpan sebagai \"Excel Workbook (.xlsx)\" tanpa makro, lalu unggah lagi.";

    private ILocator NavImport => Page.Locator(".mud-navmenu a", new() { HasText = "Impor register lama" });

    /// <summary>The preview's table row of sheet row <paramref name="n"/>.</summary>
    private ILocator Row(int n) => TestId("preview-rows").Locator("tr", new() { Has = Page.Locator($"[data-row='{n}']") });

    private async Task Upload(byte[] content, string name)
    {
        await ChooseFiles("import-file", "import-file-name", name, new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = content });
        await TestId("import-upload-button").ClickAsync();
    }

    [Fact]
    public Task Import_officer_maps_fixes_skips_commits_and_finds_the_agreement() => Run(async () =>
    {
        var tag = "ui" + Guid.NewGuid().ToString("N")[..6];
        var file = $"register-2019-{tag}.xlsx";
        await LogIn("kerjasama.cimahi");
        await Interactive(); // the dashboard's circuit is up: the menu link navigates inside it
        await NavImport.ClickAsync();
        await At(new Regex("/app/impor$"));
        await Interactive();
        await Choose("import-target", "Kerja sama");
        await Upload(LegacyRegisters.Messy(tag), file);

        // 2. Petakan kolom: the header under the register's title, the merged "Jangka Waktu" over Mulai/Berakhir, the suggested mapping.
        await At(ImportUrl);
        await Interactive();
        var importUrl = Page.Url;
        await Expect(TestId("import-title")).ToContainTextAsync(file);
        await Expect(TestId("map-header-row")).ToContainTextAsync("Baris judul kolom: 4, dengan sub-judul di baris 5");
        await Expect(TestId("map-startsOn")).ToContainTextAsync("Jangka Waktu Mulai");
        await Expect(TestId("map-partnerRegion")).ToContainTextAsync("Daerah Mitra");
        await Step("import-mapping");
        // A required field left unmapped is named at once; mapped again, the warning goes.
        await Choose("map-title", "tidak dipetakan");
        await Expect(TestId("mapping-problems")).ToContainTextAsync("Kolom wajib \"Judul / perihal\" belum dipetakan");
        await Choose("map-title", "C · Judul Kerja Sama");
        await Expect(TestId("mapping-problems")).ToHaveCountAsync(0);
        await TestId("mapping-save").ClickAsync();

        // 3. Pratinjau: the three rows in error, the Indonesian dates as written, the partner already registered.
        await Expect(TestId("preview")).ToBeVisibleAsync();
        await Expect(TestId("count-errors")).ToHaveTextAsync("Galat: 3");
        await Expect(TestId("count-ready")).ToHaveTextAsync("Siap: 2");
        await Expect(Row(6).GetByTestId("row-status")).ToHaveTextAsync("galat");
        await Expect(Row(6)).ToContainTextAsync("3 Desember 2019");
        await Expect(Row(6)).ToContainTextAsync("Daerah \"Kab. Bandng\" tidak ditemukan persis di daftar resmi.");
        await Expect(Row(10)).ToContainTextAsync("Tanggal 31 tidak ada pada bulan Februari 2023.");
        await Expect(Row(9)).ToContainTextAsync("Mitra sudah ada: \"Universitas Jenderal Achmad Yani\"");
        await Expect(Row(9).GetByTestId("partner-existing")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Row(9).GetByTestId("row-outcome")).ToContainTextAsync("Universitas Jenderal Achmad Yani (mitra yang ada)");
        // The same partner or a new one: the choice is the person's, and can be taken back.
        await Row(9).GetByTestId("partner-new").ClickAsync();
        await Expect(Row(9).GetByTestId("partner-new")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Row(9).GetByTestId("row-outcome")).ToContainTextAsync("Univ. Jenderal Achmad Yani (mitra baru)");
        await Row(9).GetByTestId("partner-existing").ClickAsync();
        await Expect(Row(9).GetByTestId("partner-existing")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Row(9).GetByTestId("row-outcome")).ToContainTextAsync("(mitra yang ada)");
        await Expect(Row(12)).ToContainTextAsync("Judul wajib diisi.");
        await Step("import-preview");

        // The suggested official name, clicked, is the fix.
        await Row(6).GetByTestId("suggestion").GetByText("Kabupaten Bandung", new() { Exact = true }).ClickAsync();
        await Expect(Row(6).GetByTestId("row-status")).ToHaveTextAsync("siap");
        await Expect(TestId("count-errors")).ToHaveTextAsync("Galat: 2");

        // The impossible date corrected by hand, in the Indonesian form.
        await Row(10).GetByTestId("row-edit").ClickAsync();
        var dialog = Page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("Ubah baris 10");
        await dialog.Locator("#fix-startsOn").FillAsync("28 Februari 2023");
        await dialog.GetByTestId("row-dialog-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Row(10).GetByTestId("row-status")).ToHaveTextAsync("siap");
        await Expect(TestId("count-errors")).ToHaveTextAsync("Galat: 1");
        await Expect(TestId("commit")).ToBeDisabledAsync();

        // The totals row skipped.
        await Row(12).GetByTestId("row-skip").ClickAsync();
        await Expect(Row(12).GetByTestId("row-status")).ToHaveTextAsync("dilewati");
        await Expect(TestId("count-errors")).ToHaveTextAsync("Galat: 0");
        await Expect(TestId("count-skipped")).ToHaveTextAsync("Dilewati: 1");
        await Expect(TestId("count-ready")).ToHaveTextAsync("Siap: 4");

        // "Only the rows with problems": row 6 is fixed and clean now, row 9 keeps its warning.
        await Page.GetByText("Hanya yang bermasalah").ClickAsync();
        await Expect(Row(6)).ToHaveCountAsync(0);
        await Expect(Row(9)).ToHaveCountAsync(1);
        await Page.GetByText("Hanya yang bermasalah").ClickAsync();
        await Expect(Row(6)).ToHaveCountAsync(1);

        // 4. Simpan: confirmed, all or nothing.
        await Expect(TestId("commit")).ToBeEnabledAsync();
        await TestId("commit").ClickAsync();
        await Expect(dialog).ToContainTextAsync("4 kerja sama akan dibuat");
        await Expect(dialog).ToContainTextAsync("semua atau tidak sama sekali");
        await Step("import-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Simpan semua" }).ClickAsync();
        await Expect(TestId("import-summary")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(TestId("summary-created")).ToHaveTextAsync("4 kerja sama dibuat");
        await Expect(TestId("summary-partners")).ToHaveTextAsync("1 mitra baru ditambahkan ke daftar mitra");
        await Expect(TestId("summary-linked")).ToHaveTextAsync("1 baris ditautkan ke mitra yang sudah ada");
        await Expect(TestId("summary-skipped")).ToHaveTextAsync("1 baris dilewati");
        await Step("import-summary");

        // Coming back to the import shows where it stands.
        await Open(importUrl);
        await Expect(TestId("import-summary")).ToBeVisibleAsync();
        await Expect(TestId("summary-created")).ToHaveTextAsync("4 kerja sama dibuat");
        await Expect(TestId("next-step")).ToContainTextAsync("Impor selesai.");

        // 5. Pindaian: one scan matches its number, one does not.
        await TestId("to-scans").ClickAsync();
        await ChooseFiles("scan-files", "scan-file-names", "2 berkas",
            new FilePayload { Name = $"180-{tag}-KB.pdf", MimeType = "application/pdf", Buffer = LegacyRegisters.Pdf("kb") },
            new FilePayload { Name = "tanpa-nomor.pdf", MimeType = "application/pdf", Buffer = LegacyRegisters.Pdf("x") });
        await TestId("scan-upload").ClickAsync();
        await Expect(TestId("scan-report").Locator("tbody tr")).ToHaveCountAsync(2);
        var matched = TestId("scan-report").Locator("tr", new() { HasText = $"180-{tag}-KB.pdf" });
        await Expect(matched.GetByTestId("scan-outcome")).ToHaveTextAsync("cocok");
        await Expect(matched).ToContainTextAsync($"180/{tag}/KB");
        var unmatched = TestId("scan-report").Locator("tr", new() { HasText = "tanpa-nomor.pdf" });
        await Expect(unmatched.GetByTestId("scan-outcome")).ToHaveTextAsync("tidak cocok");
        await Step("import-scans");

        // The list of imports names it, done.
        await Open("/app/impor");
        var listed = TestId("imports").Locator("tr", new() { HasText = file });
        await Expect(listed.GetByTestId("import-status")).ToHaveTextAsync("Selesai diimpor");
        await Expect(listed.GetByTestId("import-open")).ToHaveTextAsync("Lihat");

        // And the register has the imported agreement, with the new partner named in the sheet.
        await Open("/app/kerja-sama?q=" + Uri.EscapeDataString("Penyediaan Air Bersih Kawasan Industri"));
        await Expect(TestId("agreement-link")).ToHaveCountAsync(1);
        await TestId("agreement-link").ClickAsync();
        await At(new Regex(@"/app/kerja-sama/[0-9a-f-]{36}$"));
        await Interactive();
        await Expect(TestId("agreement-title")).ToHaveTextAsync("Penyediaan Air Bersih Kawasan Industri");
        await Expect(Page.Locator("body")).ToContainTextAsync($"PT. Tirta Raharja Abadi {tag}");
    });

    [Fact]
    public Task Import_is_not_offered_to_others_and_they_are_told_why() => Run(async () =>
    {
        await LogIn("opd.cimahi");
        await Expect(Page.Locator(".mud-navmenu a", new() { HasText = "Usulan" }).First).ToBeVisibleAsync();
        await Expect(NavImport).ToHaveCountAsync(0);
        await Open("/app/impor");
        await Expect(TestId("denied")).ToHaveTextAsync("Hanya petugas Bagian Kerja Sama yang dapat mengimpor register lama ke daerahnya.");
        await Expect(TestId("import-upload")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Import_refuses_a_file_that_is_not_a_workbook_with_the_reason() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/impor");
        await Upload(Encoding.UTF8.GetBytes("Catatan rapat, bukan register.\r\nNo;Judul\r\n"), "catatan.txt.xlsx");
        await Expect(TestId("import-upload-error")).ToHaveTextAsync(NotRegister);
        await Expect(Page).ToHaveURLAsync(new Regex("/app/impor$"));

        await Upload(LegacyRegisters.WithMacro(LegacyRegisters.Messy("makro")), "register-makro.xlsm");
        await Expect(TestId("import-upload-error")).ToHaveTextAsync(Macro);

        // A workbook with a part that unpacks to 120 MB (a zip bomb), and a file over the 20 MB limit.
        await Upload(LegacyRegisters.Bomb(LegacyRegisters.Messy("bom"), 120), "register-bom.xlsx");
        await Expect(TestId("import-upload-error")).ToHaveTextAsync(Bomb);
        var big = Path.Combine(Path.GetTempPath(), $"register-besar-{Guid.NewGuid():N}.xlsx");
        try
        {
            await File.WriteAllBytesAsync(big, new byte[21 * 1024 * 1024]);
            await ChooseFile("import-file", "import-file-name", Path.GetFileName(big), big);
            await TestId("import-upload-button").ClickAsync();
            await Expect(TestId("import-upload-error")).ToHaveTextAsync(TooBig);
        }
        finally { File.Delete(big); }
        foreach (var refused in new[] { "catatan.txt.xlsx", "register-makro.xlsm", "register-bom.xlsx", "register-besar-" })
            await Expect(TestId("imports").Locator("tr", new() { HasText = refused })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Import_commit_shows_progress_goes_on_when_the_page_is_left_and_resumes() => Run(async () =>
    {
        // Another region than the other journeys (Sumatera Barat), so its 1,200 agreements stay out of their lists.
        var tag = "besar" + Guid.NewGuid().ToString("N")[..6];
        var rows = new List<object?[]> { new object?[] { "Nomor Naskah", "Judul", "Nama Mitra", "Jenis", "Tgl. Mulai", "Tgl. Berakhir", "Nilai" } };
        for (var i = 1; i <= 1200; i++)
            rows.Add([$"{i}/{tag}/PKS", $"Kerja sama impor besar nomor {i}", $"PT Mitra Besar {i % 40} {tag}", "PKS", "1 Januari 2025", "31 Desember 2029", "Rp 10.000.000"]);
        var file = $"register-besar-{tag}.xlsx";
        await LogIn("kerjasama.sumbar");
        await Open("/app/impor");
        await Upload(LegacyRegisters.Xlsx(rows), file);
        await At(ImportUrl);
        await Interactive();
        var importUrl = Page.Url;
        await TestId("mapping-save").ClickAsync();
        await Expect(TestId("count-ready")).ToHaveTextAsync("Siap: 1.200");
        await Expect(TestId("count-errors")).ToHaveTextAsync("Galat: 0");
        await TestId("commit").ClickAsync();
        var dialog = Page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("1.200 kerja sama akan dibuat");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Simpan semua" }).ClickAsync();

        // The progress of the one transaction, polled from the server.
        await Expect(TestId("progress-text")).ToContainTextAsync("dari 1.200 baris");
        await Expect(TestId("progress")).ToBeVisibleAsync();
        await Step("import-progress");

        // Leaving the page does not stop the commit; the list says where it stands and the page picks it up again.
        await Open("/app/impor");
        var listed = TestId("imports").Locator("tr", new() { HasText = file });
        await Expect(listed.GetByTestId("import-status")).ToHaveTextAsync(new Regex("^(Sedang disimpan|Selesai diimpor)$"));
        await Open(importUrl);
        await Expect(TestId("import-summary")).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Expect(TestId("summary-created")).ToHaveTextAsync("1.200 kerja sama dibuat");
        await Expect(TestId("summary-partners")).ToHaveTextAsync("40 mitra baru ditambahkan ke daftar mitra");
        await Open("/app/impor");
        await Expect(TestId("imports").Locator("tr", new() { HasText = file }).GetByTestId("import-status")).ToHaveTextAsync("Selesai diimpor");
    });
}
