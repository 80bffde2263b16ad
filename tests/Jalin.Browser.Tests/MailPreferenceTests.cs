using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>E-mail copies of notifications: a user turns them off and on on Akun saya (kept after a reload), and the
/// system administrator reads the outbox's state without the mails' text.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MailPreferenceTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task A_user_turns_mail_off_and_on_and_the_administrator_reads_the_outbox() => Run(async () =>
    {
        await LogIn("dprd.cimahi");
        await Page.GotoAsync("/app/akun");
        await Page.Locator("[data-testid=akun-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var card = TestId("mail-preference");
        await Expect(card).ToContainTextAsync("dprd.cimahi@demo.jalin.id");
        await Expect(card).ToContainTextAsync("Kirim pemberitahuan ke surel: ya");
        await card.Locator("input[type=checkbox]").ClickAsync();
        await Expect(card).ToContainTextAsync("Kirim pemberitahuan ke surel: tidak");
        await Step("mail-off");

        await Page.ReloadAsync();
        await Page.Locator("[data-testid=akun-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(TestId("mail-preference")).ToContainTextAsync("Kirim pemberitahuan ke surel: tidak");
        await TestId("mail-preference").Locator("input[type=checkbox]").ClickAsync();
        await Expect(TestId("mail-preference")).ToContainTextAsync("Kirim pemberitahuan ke surel: ya");

        await LogIn("admin");
        await Open("/app/admin/surel");
        await Expect(TestId("mail-summary")).ToContainTextAsync("Terkirim:");
        await Expect(TestId("mail-not-configured")).ToContainTextAsync("Mail__Host");
        await Expect(TestId("mail-outbox")).ToBeVisibleAsync();
        await Step("outbox");

        await LogIn("kerjasama.cimahi");
        await Open("/app/admin/surel");
        await Expect(TestId("forbidden")).ToContainTextAsync("Hanya administrator sistem");
    });
}
