using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #9 item 1: amounts and dates typed the Indonesian way, shown one way, and a
/// value that cannot be read kept with an Indonesian message (never dropped silently).</summary>
[Collection(BrowserCollection.Name)]
public sealed class IndonesianInputTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex DetailUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");

    /// <summary>Types a date into a DateField and leaves it (Tab), as an officer does.</summary>
    private async Task TypeDate(string inputId, string text)
    {
        var input = Page.Locator($"#{inputId}");
        await input.FillAsync(text);
        await input.PressAsync("Tab");
    }

    private ILocator FieldOf(string inputId) => Page.Locator(".mud-input-control").Filter(new() { Has = Page.Locator($"#{inputId}") });

    [Fact]
    public Task Agreement_form_reads_indonesian_amounts_and_dates_and_keeps_an_unreadable_date() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/kerja-sama/baru");
        await Choose("field-kind", "KSDD sukarela");
        var title = "Uji masukan Indonesia " + Guid.NewGuid().ToString("N")[..6];
        await Page.Locator("#field-title").FillAsync(title);

        var value = Page.Locator("#field-value");
        await value.FillAsync("Rp 1.500.000.000,50");
        await value.PressAsync("Tab");
        await Expect(FieldOf("field-value")).ToContainTextAsync("Rp 1.500.000.000,50");

        await TypeDate("field-starts-on", "1 Januari 2027");
        await Expect(Page.Locator("#field-starts-on")).ToHaveValueAsync("1 Januari 2027");
        // a date that does not exist: the text stays and the message says why, in Indonesian
        await TypeDate("field-ends-on", "31/02/2029");
        await Expect(Page.Locator("#field-ends-on")).ToHaveValueAsync("31/02/2029");
        await Expect(FieldOf("field-ends-on")).ToContainTextAsync("Tanggal 31 tidak ada pada bulan Februari 2029.");

        var region = Page.Locator("#party-0-region");
        await region.ClickAsync();
        await region.FillAsync("32.11");
        await Page.Locator(".mud-popover-open").GetByText("Sumedang").First.ClickAsync();
        await Page.Locator("#party-0-lead-agency").FillAsync("Dinas Lingkungan Hidup Kabupaten Sumedang");
        await Page.Locator("#party-0-signatory-name").FillAsync("Dony Ahmad Munir");
        await Page.Locator("#party-0-signatory-office").FillAsync("Bupati Sumedang");

        // the form refuses to save while a field cannot be read, and keeps the officer's text
        await TestId("save").ClickAsync();
        await Expect(TestId("form-error")).ToContainTextAsync("belum dapat dibaca");
        await Expect(Page).ToHaveURLAsync(new Regex("/baru$"));
        await Expect(Page.Locator("#field-ends-on")).ToHaveValueAsync("31/02/2029");
        await Step("form-unreadable-date");

        await TypeDate("field-ends-on", "31/12/2029");
        await Expect(FieldOf("field-ends-on")).Not.ToContainTextAsync("tidak ada pada bulan");
        await TestId("save").ClickAsync();
        await At(DetailUrl);
        await Interactive();
        await Expect(TestId("value")).ToHaveTextAsync("Rp 1.500.000.000,50");
        await Expect(Page.Locator("tr", new() { HasText = "Tanggal mulai" })).ToContainTextAsync("1 Januari 2027");
        await Expect(Page.Locator("tr", new() { HasText = "Tanggal berakhir" })).ToContainTextAsync("31 Desember 2029");
        await Step("record-dates-long");

        // the edit form shows the amount back with dots and a comma
        await TestId("edit-agreement").ClickAsync();
        await At(new Regex("/ubah$"));
        await Interactive();
        await Expect(Page.Locator("#field-value")).ToHaveValueAsync("1.500.000.000,50");
        await Expect(Page.Locator("#field-ends-on")).ToHaveValueAsync("31/12/2029");

        // the list shows the short form
        await Open("/app/kerja-sama?q=" + Uri.EscapeDataString(title));
        await Expect(TestId("agreement-table")).ToContainTextAsync("1 Jan 2027");
        await Expect(TestId("agreement-table")).ToContainTextAsync("31 Des 2029");
    });

    [Fact]
    public Task Attach_form_reads_the_signing_date_and_refuses_an_unreadable_one() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        // a demo agreement in implementation that no other test ends: the list's first row may be an ended one
        // (an imported register, a terminated agreement), and an ended agreement offers no attach form
        await Open("/app/kerja-sama?q=" + Uri.EscapeDataString("Pemanfaatan Data Registrasi Sosial Ekonomi"));
        await TestId("agreement-link").First.ClickAsync();
        await At(DetailUrl);
        await Interactive();

        await Choose("upload-kind", "Kerangka Acuan Kerja (KAK)");
        await TestId("upload-form").Locator("input[type=file]:not(.d-none)").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "kak-tanggal.pdf", MimeType = "application/pdf", Buffer = Pdf("kak-tanggal"),
        });
        await Page.Locator("#upload-number").FillAsync("KAK/77/2026");
        await TypeDate("upload-signed-on", "30 Foo 2026");
        await TestId("upload-submit").ClickAsync();
        await Expect(TestId("upload-error")).ToContainTextAsync("belum dapat dibaca");
        await Expect(Page.Locator("#upload-signed-on")).ToHaveValueAsync("30 Foo 2026");
        await Expect(FieldOf("upload-signed-on")).ToContainTextAsync("Bulan \"Foo\" tidak dikenal.");
        await Expect(Page.Locator("td", new() { HasText = "KAK/77/2026" })).ToHaveCountAsync(0);
        await Step("attach-unreadable-date");

        await TypeDate("upload-signed-on", "30-11-2026");
        await TestId("upload-submit").ClickAsync();
        var row = TestId("documents").Locator("tr", new() { HasText = "KAK/77/2026" });
        await Expect(row).ToContainTextAsync("30 Nov 2026");
    });

    [Fact]
    public Task Date_picker_and_mudblazor_labels_are_indonesian() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Open("/app/kerja-sama/baru");
        await TypeDate("field-starts-on", "15/03/2027");
        await FieldOf("field-starts-on").Locator("button[aria-label='Buka kalender']").ClickAsync();
        var picker = Page.Locator(".mud-popover-open .mud-picker-calendar-container, .mud-popover-open .mud-picker");
        await Expect(picker.First).ToContainTextAsync("Maret 2027");
        await Expect(picker.First).ToContainTextAsync("Sen");
        await Expect(picker.First).Not.ToContainTextAsync("March");
        await Step("picker-indonesian");
        await Page.Keyboard.PressAsync("Escape");

        await Open("/app/kerja-sama");
        await Expect(Page.Locator("button[aria-label='Halaman berikutnya']")).ToHaveCountAsync(1);
        await Expect(Page.Locator("button[aria-label='Halaman pertama']")).ToHaveCountAsync(1);
        await Expect(Page.Locator("button[aria-label='Next page']")).ToHaveCountAsync(0);
        await Expect(TestId("pager")).ToContainTextAsync("Baris per halaman"); // the list's own pager (issue #9 item 4)
        await Open("/app/kerja-sama?q=" + Uri.EscapeDataString("tidak-ada-" + Guid.NewGuid().ToString("N")[..6]));
        await Expect(TestId("empty-state")).ToContainTextAsync("Tidak ada kerja sama yang cocok dengan penyaring ini.");
    });
}
