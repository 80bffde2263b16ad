using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>The search index page (issue #13 item 2): the system administrator confirms a rebuild, follows its progress
/// (the page may be left and opened again) and reads the result; anyone else is refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchIndexPageTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task The_administrator_rebuilds_the_index_with_confirmation_and_progress() => Run(async () =>
    {
        await LogIn("admin");
        await Open("/app/admin/indeks-pencarian");
        await Expect(TestId("index-entries")).ToContainTextAsync("Kerja sama:");
        await TestId("reindex-start").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Bangun ulang indeks pencarian?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Batal" }).ClickAsync();
        await Expect(TestId("reindex-done")).ToHaveCountAsync(0);

        await TestId("reindex-start").ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Bangun ulang" }).ClickAsync();
        await Expect(TestId("reindex-done")).ToContainTextAsync("subjek diindeks ulang", new() { Timeout = 60_000 });
        await Expect(TestId("reindex-done")).ToContainTextAsync("Administrator Sistem");
        await Step("rebuilt");

        // Left and opened again: the last run is still there.
        await Open("/app/kerja-sama");
        await Open("/app/admin/indeks-pencarian");
        await Expect(TestId("reindex-done")).ToContainTextAsync("subjek diindeks ulang");

        await LogIn("kerjasama.cimahi");
        await Open("/app/admin/indeks-pencarian");
        await Expect(TestId("forbidden")).ToContainTextAsync("Hanya administrator sistem");
    });
}
