using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #10 item 4: a TKKSD member scores the agreement assigned to him, the officer generates the
/// kajian, and the agreement's next step shows the kajian prerequisite met.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TkksdJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Title = "Kerja Sama Penyusunan Dasbor Data Terpadu Kota";

    private async Task OpenAgreement()
    {
        await Open("/app/kerja-sama?q=" + Uri.EscapeDataString(Title));
        await TestId("agreement-link").First.ClickAsync();
        await At(new Regex(@"/app/kerja-sama/[0-9a-f-]{36}$"));
        await Interactive();
    }

    [Fact]
    public Task Member_scores_officer_generates_the_kajian_and_the_next_step_shows_it_met() => Run(async () =>
    {
        await LogIn("tkksd.cimahi");
        await Open("/app/tkksd");
        await Expect(TestId("decree")).ToContainTextAsync("2026");
        await Expect(TestId("member-row").First).ToBeVisibleAsync();
        await OpenAgreement();
        await Expect(TestId("kajian-card")).ToBeVisibleAsync();
        await Step("kajian-card-member");
        await TestId("kajian-card").Locator("[data-member='Dr. Asep Hidayat'] [data-testid='assess-open']").ClickAsync();
        var rows = TestId("criterion-row");
        await Expect(rows).ToHaveCountAsync(6);
        for (var i = 0; i < 6; i++)
            await rows.Nth(i).Locator(".mud-radio").Nth(3).ClickAsync(); // score 4
        await Expect(TestId("form-weighted")).ToContainTextAsync("4,00");
        await Choose("recommendation", "Layak dengan perbaikan");
        await TestId("remarks").Locator("textarea").FillAsync("Layak setelah klausul data pribadi ditambahkan.");
        await TestId("assess-submit").ClickAsync();
        await Expect(TestId("kajian-done")).ToContainTextAsync("Penilaian tersimpan");
        await Expect(TestId("kajian-card").Locator("[data-member='Dr. Asep Hidayat'] [data-testid='member-score']")).ToHaveTextAsync("4,00");
        await Expect(TestId("kajian-generate")).ToHaveCountAsync(0); // a member does not file the kajian
        await Step("assessed");

        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await OpenAgreement();
        var item = TestId("checklist-complete-preparation").Locator("[data-code='doc:Assessment']");
        await Expect(item).ToHaveAttributeAsync("data-met", "false");
        await TestId("kajian-generate").ClickAsync();
        await Expect(TestId("kajian-done")).ToContainTextAsync("Dokumen kajian disusun", new() { Timeout = 120_000 });
        await Expect(item).ToHaveAttributeAsync("data-met", "true");
        await Step("kajian-generated");
    });
}
