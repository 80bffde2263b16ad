using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #11 item 4: a user creates a personal calendar address on Akun saya, the address downloads a calendar
/// that Ical.Net parses (with the end dates of the user's agreements), and revoking it makes the address 404.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarFeedTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task A_user_creates_the_calendar_address_on_Akun_saya_and_it_downloads_a_parseable_calendar() => Run(async () =>
    {
        await LogIn("kerjasama.cimahi");
        await Page.GotoAsync("/app/akun");
        await Page.Locator("[data-testid=akun-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var card = TestId("calendar-feed");
        await Expect(card).ToContainTextAsync("Kalender pribadi (.ics)");
        await TestId("calendar-feed-create").ClickAsync();
        var link = TestId("calendar-feed-link");
        await Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/kalender/[A-Za-z0-9_-]+\\.ics$"));
        var url = (await link.GetAttributeAsync("href"))!;
        Assert.Equal(url, await card.Locator("input").First.InputValueAsync());
        await Step("calendar-feed-created");

        // A calendar app fetches it without the session.
        var anonymous = await App.Browser.NewContextAsync();
        var response = await anonymous.APIRequest.GetAsync(url);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/calendar", response.Headers["content-type"]);
        var calendar = Ical.Net.Calendar.Load(await response.TextAsync())!;
        Assert.Contains(calendar.Events, e => e.Summary!.StartsWith("Berakhir: "));

        await TestId("calendar-feed-revoke").ClickAsync();
        await Expect(TestId("calendar-feed-create")).ToContainTextAsync("Buat alamat kalender");
        Assert.Equal(404, (await anonymous.APIRequest.GetAsync(url)).Status);
        await anonymous.DisposeAsync();
    });
}
