using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #10: the TKKSD on an usulan. A team member scores the demo Dishub usulan assigned to him on the
/// usulan's page; the officer generates the kajian and it appears among the usulan's attachments.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProposalTkksdJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Title = "Integrasi Angkutan Umum Cimahi–Kota Bandung";

    private async Task OpenProposal()
    {
        await Open("/app/usulan?status=Assessed");
        await TestId("proposal-table").GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await At(new Regex(@"/app/usulan/[0-9a-f-]{36}$"));
        await Interactive();
    }

    [Fact]
    public Task Member_scores_the_usulan_officer_files_the_kajian_as_an_attachment() => Run(async () =>
    {
        await LogIn("tkksd.cimahi");
        await OpenProposal();
        var card = TestId("kajian-card");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.Locator("[data-member='Ratna Wulandari, S.H.'] [data-testid='member-score']")).ToBeVisibleAsync();
        await card.Locator("[data-member='Dr. Asep Hidayat'] [data-testid='assess-open']").ClickAsync();
        var rows = TestId("criterion-row");
        await Expect(rows).ToHaveCountAsync(6);
        for (var i = 0; i < 6; i++)
            await rows.Nth(i).Locator(".mud-radio").Nth(3).ClickAsync(); // score 4
        await Expect(TestId("form-weighted")).ToContainTextAsync("4,00");
        await Choose("recommendation", "Layak");
        await TestId("assess-submit").ClickAsync();
        await Expect(TestId("kajian-done")).ToContainTextAsync("Penilaian tersimpan");
        await Expect(card.Locator("[data-member='Dr. Asep Hidayat'] [data-testid='member-score']")).ToHaveTextAsync("4,00");
        await Expect(TestId("kajian-generate")).ToHaveCountAsync(0); // a member does not file the kajian
        await Step("usulan-assessed");

        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.cimahi");
        await OpenProposal();
        await Expect(TestId("attachment").Filter(new() { HasText = "Kajian TKKSD" })).ToHaveCountAsync(0);
        await TestId("kajian-generate").ClickAsync();
        await Expect(TestId("kajian-done")).ToContainTextAsync("Dokumen kajian disusun", new() { Timeout = 120_000 });
        await Expect(TestId("attachment").Filter(new() { HasText = "Kajian TKKSD" })).ToHaveCountAsync(1);
        await Expect(TestId("attachment").Filter(new() { HasText = "Kajian TKKSD" })).ToContainTextAsync("Kajian/telaahan TKKSD");
        await Step("usulan-kajian");
    });
}
