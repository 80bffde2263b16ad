using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #11 item 2: DLH (the executing OPD) writes a quarterly progress report on Cimahi's demo "Penagihan Retribusi
/// Persampahan melalui Rekening Air Minum" with an indicator typed the Indonesian way and an evidence PDF and submits it; the
/// Bagian Kerja Sama returns it with a note; DLH resubmits; the officer accepts it. The rhythm and deadline are praktik daerah.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitoringJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex ReportUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}/laporan/[0-9a-f-]{36}$");

    [Fact]
    public Task Opd_submits_a_quarterly_report_officer_returns_opd_resubmits_officer_accepts() => Run(async () =>
    {
        await LogIn("opd.cimahi");
        await Open("/app/laporan-kemajuan");
        // the demo's late report (submitted after its due date) is listed, marked late
        var row = Page.Locator("tr", new() { HasText = "Penagihan Retribusi Persampahan" }).First;
        await Expect(row.Locator("[data-testid=my-report-late]")).ToHaveTextAsync("Terlambat");
        var href = await row.Locator("[data-testid=my-report-link]").GetAttributeAsync("href");
        var agreementPath = Regex.Match(href!, @"/app/kerja-sama/[0-9a-f-]{36}").Value;
        Assert.NotEmpty(agreementPath);

        // the agreement's Pemantauan card: an ended quarter without a report
        await Open(agreementPath);
        await Interactive();
        await Expect(TestId("monitoring-card")).ToBeVisibleAsync();
        await Expect(TestId("obligation")).ToHaveCountAsync(3);
        var free = TestId("report-period-row").Filter(new() { Has = TestId("report-create") }).Last;
        await free.Locator("[data-testid=report-create]").ClickAsync();
        await At(ReportUrl);
        await Interactive();
        var url = Page.Url;
        await Expect(TestId("report-status")).ToHaveTextAsync("Draf");
        await Page.Locator("#activities").FillAsync("Pencocokan data pelanggan air minum dengan data kelurahan");
        await TestId("indicator-add").ClickAsync();
        await Page.Locator("#indicator-0").FillAsync("Rekening yang memuat retribusi persampahan");
        await Page.Locator("#unit-0").FillAsync("rekening");
        await Page.Locator("#target-0").FillAsync("40.000");
        await Page.Locator("#actual-0").FillAsync("36.250,5");
        await Page.Locator("#budget").FillAsync("12.500.000");
        await Page.Locator("#beneficiaries").ClickAsync();
        await Expect(TestId("indicator-achievement")).ToHaveTextAsync("90,6%");
        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "rekap-penerimaan.pdf", MimeType = "application/pdf", Buffer = Pdf("rekap penerimaan") });
        await Expect(TestId("evidence")).ToHaveTextAsync("rekap-penerimaan.pdf");
        await TestId("report-submit").ClickAsync();
        await Expect(TestId("report-status")).ToHaveTextAsync("Diajukan");
        await Expect(Page.Locator("#actual-0")).ToHaveValueAsync("36.250,5");
        await Step("report-submitted");

        // the officer returns it with a note
        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await Open(url);
        await Interactive();
        await Expect(TestId("review-panel")).ToBeVisibleAsync();
        await TestId("report-return").ClickAsync();
        await Expect(TestId("report-message")).ToContainTextAsync("Tulis catatan");
        await Page.Locator("#review-note").FillAsync("Tambahkan kendala dan tindak lanjutnya.");
        await TestId("report-return").ClickAsync();
        await Expect(TestId("report-status")).ToHaveTextAsync("Dikembalikan");

        // DLH reads the note, completes and resubmits
        await Context.ClearCookiesAsync();
        await LogIn("opd.cimahi");
        await Open(url);
        await Interactive();
        await Expect(TestId("review-note")).ToContainTextAsync("Tambahkan kendala");
        await Page.Locator("#obstacles").FillAsync("Alamat sebagian pelanggan belum mutakhir");
        await Page.Locator("#follow-up").FillAsync("Pencocokan bersama kelurahan pada triwulan berikutnya");
        await TestId("report-submit").ClickAsync();
        await Expect(TestId("report-status")).ToHaveTextAsync("Diajukan ulang");

        // the officer accepts
        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await Open(url);
        await Interactive();
        await TestId("report-accept").ClickAsync();
        await Expect(TestId("report-status")).ToHaveTextAsync("Diterima");
        await Expect(TestId("review-panel")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#obstacles")).ToHaveValueAsync("Alamat sebagian pelanggan belum mutakhir");
    });
}
