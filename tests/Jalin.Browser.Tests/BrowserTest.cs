using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Jalin.Browser.Tests;

/// <summary>Base of the browser tests: a fresh browser context per test, sign-in, MudBlazor
/// helpers, and a screenshot in TestResults/screenshots/&lt;test&gt;.png when a test fails.</summary>
public abstract class BrowserTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;
    protected IBrowserContext Context { get; private set; } = default!;
    protected IPage Page { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Context = await App.Browser.NewContextAsync(ContextOptions());
        Context.SetDefaultTimeout(20_000);
        Page = await Context.NewPageAsync();
    }

    /// <summary>The browser context of each test: a desktop window unless a test class asks for another (PhoneLayoutTests: a phone).</summary>
    protected virtual BrowserNewContextOptions ContextOptions() =>
        new() { BaseURL = App.BaseUrl, ViewportSize = new() { Width = 1400, Height = 1000 }, Locale = "id-ID" };

    public async Task DisposeAsync() => await Context.DisposeAsync();

    /// <summary>Runs the test's steps; on failure saves a full-page screenshot and the app's log tail.</summary>
    protected async Task Run(Func<Task> steps, [CallerMemberName] string name = "")
    {
        try
        {
            await steps();
            if (Environment.GetEnvironmentVariable("JALIN_SCREENSHOTS") == "1") await Shot(name + ".ok");
        }
        catch (Exception ex)
        {
            var file = await Shot(name);
            var log = App.AppLog;
            throw new Exception($"{ex.Message}\nScreenshot: {file}\nURL: {Page.Url}\nApp log (tail):\n{log[Math.Max(0, log.Length - 3000)..]}", ex);
        }
    }

    protected async Task<string> Shot(string name, bool fullPage = true)
    {
        var dir = Path.Combine(AppFixture.RepoRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, name + ".png");
        try { await Page.ScreenshotAsync(new() { Path = file, FullPage = fullPage }); }
        catch (PlaywrightException) { }
        return file;
    }

    /// <summary>With JALIN_SCREENSHOTS=1, saves a screenshot of a step for looking at the pages.</summary>
    protected async Task Step(string name)
    {
        if (Environment.GetEnvironmentVariable("JALIN_SCREENSHOTS") == "1") await Shot(name, fullPage: false);
    }

    protected async Task LogIn(string user)
    {
        await Page.GotoAsync("/masuk");
        await Page.Locator("#username").FillAsync(user);
        await Page.Locator("#password").FillAsync(AppFixture.Password);
        await Page.Locator("button[type=submit]").ClickAsync();
        await At(new Regex("/app/?$"));
    }

    /// <summary>Waits until the page's address matches. Polls the address rather than waiting for a
    /// navigation event: Blazor's in-circuit navigation (history.pushState) may already have
    /// happened, or happen as a same-document navigation, which a navigation wait can miss.</summary>
    protected Task At(Regex url) => Microsoft.Playwright.Assertions.Expect(Page).ToHaveURLAsync(url, new() { Timeout = 30_000 });

    /// <summary>Opens an interactive page and waits until the Blazor circuit has taken over.</summary>
    protected async Task Open(string path)
    {
        await Page.GotoAsync(path);
        await Interactive();
    }

    protected Task Interactive() => Page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    protected ILocator TestId(string id) => Page.Locator($"[data-testid='{id}']");

    /// <summary>Chooses an item of a MudSelect wrapped in (or carrying) <paramref name="testId"/>.</summary>
    /// <remarks>Under load a click can reach the item while the list is still rendering and be lost (the list stays open
    /// with the item only hovered): the item is clicked again while the list is still open.</remarks>
    protected async Task Choose(string testId, string itemText)
    {
        await TestId(testId).Locator(".mud-select, .mud-input-control").First.ClickAsync();
        var popover = Page.Locator(".mud-popover-open");
        for (var attempt = 1; ; attempt++)
        {
            await popover.GetByText(itemText, new() { Exact = false }).First.ClickAsync();
            try
            {
                await popover.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                if (await popover.CountAsync() == 0) return;
            }
        }
    }

    /// <summary>Chooses files in the MudFileUpload inside <paramref name="containerTestId"/> and waits until
    /// <paramref name="labelTestId"/> shows <paramref name="expected"/>. Blazor's InputFile listens only once its
    /// script has initialised the input (just after the component rendered interactively), so the files are chosen
    /// again until the page names them.</summary>
    protected Task ChooseFiles(string containerTestId, string labelTestId, string expected, params FilePayload[] files) =>
        ChooseFiles(containerTestId, labelTestId, expected, input => input.SetInputFilesAsync(files));

    /// <summary>As above, with a file on disk (a large one is read by the browser itself, not sent through Playwright).</summary>
    protected Task ChooseFile(string containerTestId, string labelTestId, string expected, string path) =>
        ChooseFiles(containerTestId, labelTestId, expected, input => input.SetInputFilesAsync(path));

    private async Task ChooseFiles(string containerTestId, string labelTestId, string expected, Func<ILocator, Task> choose)
    {
        for (var attempt = 1; ; attempt++)
        {
            await choose(TestId(containerTestId).Locator("input[type=file]:not(.d-none)").Last);
            try
            {
                await Microsoft.Playwright.Assertions.Expect(TestId(labelTestId)).ToContainTextAsync(expected, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5) { }
        }
    }

    protected static byte[] Pdf(string label) => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% {label} {Guid.NewGuid()}\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
