using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Jalin.Browser.Tests;

/// <summary>Issue #9 item 8: axe-core (npm, installed by scripts/install-test-deps into .test-deps/ and
/// injected with AddScriptTag) finds no serious or critical violation on the main pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app)
{
    private static readonly Regex AgreementUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}$");
    private static readonly Regex DraftUrl = new(@"/app/kerja-sama/[0-9a-f-]{36}/rancangan/[0-9a-f-]{36}$");

    private bool _routed;

    private static string AxeScript()
    {
        var file = Path.Combine(AppFixture.RepoRoot(), ".test-deps", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(file))
            throw new InvalidOperationException($"axe-core not found at {file}: run scripts/install-test-deps (it installs the pinned axe-core with npm).");
        return file;
    }

    /// <summary>Runs axe on the open page; returns "rule (impact): target — help" for each serious or critical violation.</summary>
    private async Task<List<string>> Axe(string page)
    {
        // Served from the app's own origin (a Playwright route), as the production CSP allows only 'self' scripts.
        if (!_routed)
        {
            var script = await File.ReadAllBytesAsync(AxeScript());
            await Page.RouteAsync("**/__test/axe.min.js", r => r.FulfillAsync(new() { Status = 200, ContentType = "text/javascript", BodyBytes = script }));
            _routed = true;
        }
        await Page.AddScriptTagAsync(new() { Url = "/__test/axe.min.js" });
        var json = await Page.EvaluateAsync<string>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' ' + (n.html || '').slice(0, 200) + (n.failureSummary ? ' | ' + n.failureSummary.replace(/\s+/g, ' ') : '')) })));
            }
            """);
        var found = new List<string>();
        foreach (var v in JsonDocument.Parse(json).RootElement.EnumerateArray())
        {
            var impact = v.GetProperty("impact").GetString();
            var nodes = v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()).ToList();
            output.WriteLine($"{page}: {v.GetProperty("id").GetString()} ({impact}) ×{nodes.Count}: {v.GetProperty("help").GetString()}");
            if (impact is "serious" or "critical")
                found.AddRange(nodes.Take(5).Select(n => $"{page}: {v.GetProperty("id").GetString()} ({impact}) {n}"));
        }
        return found;
    }

    [Fact]
    public Task Main_pages_have_no_serious_or_critical_axe_violations() => Run(async () =>
    {
        var all = new List<string>();
        await Page.GotoAsync("/masuk");
        all.AddRange(await Axe("login"));

        await LogIn("kerjasama.cimahi");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        all.AddRange(await Axe("dashboard"));

        await Open("/app/kerja-sama");
        await Expect(TestId("agreement-link").First).ToBeVisibleAsync();
        all.AddRange(await Axe("list"));

        await Open("/app/kerja-sama?q=" + Uri.EscapeDataString("Program Kampung Iklim"));
        await TestId("agreement-link").First.ClickAsync();
        await At(AgreementUrl);
        await Interactive();
        await Expect(TestId("drafts-card")).ToBeVisibleAsync();
        all.AddRange(await Axe("agreement"));

        await TestId("draft-link").First.ClickAsync();
        await At(DraftUrl);
        await Interactive();
        await Expect(TestId("shown-version")).ToBeVisibleAsync();
        all.AddRange(await Axe("draft"));

        foreach (var (name, path) in new[] { ("settings-naskah", "/app/pengaturan/naskah"), ("settings-tahapan", "/app/pengaturan/tahapan"), ("settings-hari-libur", "/app/pengaturan/hari-libur") })
        {
            await Open(path);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            all.AddRange(await Axe(name));
        }
        Assert.True(all.Count == 0, "serious/critical accessibility violations:\n" + string.Join("\n", all));
    });

    // K: the issue #10 pages (proposals, mapping, TKKSD) meet the same bar, seen by the roles that use them.
    [Fact]
    public Task Proposal_mapping_and_tkksd_pages_have_no_serious_or_critical_axe_violations() => Run(async () =>
    {
        var all = new List<string>();
        async Task Check(string name, string path)
        {
            await Open(path);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Step("wide-" + name);
            all.AddRange(await Axe(name));
        }

        await LogIn("kerjasama.cimahi");
        await Check("proposals", "/app/usulan");
        var proposal = await TestId("proposal-row").First.Locator("a").First.GetAttributeAsync("href");
        await Check("proposal", proposal!);
        await Check("mapping", "/app/pemetaan");
        var item = await TestId("mapping-items").Locator("a[href^='/app/pemetaan/butir/']").First.GetAttributeAsync("href");
        await Check("mapping-item", item!);
        await Check("mapping-new-item", "/app/pemetaan/baru");
        await Check("mapping-report", "/app/pemetaan/laporan");
        await Open("/app/pemetaan");
        await TestId("mapping-tabs").Locator(".mud-tab").Nth(2).ClickAsync();
        await Step("wide-mapping-rounds");
        all.AddRange(await Axe("mapping-rounds"));
        var round = await Page.Locator("a[href^='/app/pemetaan/putaran/']").First.GetAttributeAsync("href");
        await Check("mapping-round", round!);
        await Check("tkksd", "/app/tkksd");
        await Check("tkksd-criteria", "/app/tkksd/kriteria");
        await Open("/app/kerja-sama?q=" + Uri.EscapeDataString("Penyusunan Dasbor Data Terpadu"));
        await TestId("agreement-link").First.ClickAsync();
        await At(AgreementUrl);
        await Interactive();
        await Expect(TestId("kajian-card")).ToBeVisibleAsync();
        await TestId("kajian-card").ScrollIntoViewIfNeededAsync();
        await Step("wide-kajian-card");
        all.AddRange(await Axe("kajian-card"));

        await Context.ClearCookiesAsync();
        await LogIn("opd.cimahi");
        await Check("proposal-form", "/app/usulan/baru");
        await Context.ClearCookiesAsync();
        await LogIn("kerjasama.kupang");
        await Check("proposals-empty", "/app/usulan");
        await Check("mapping-empty", "/app/pemetaan");
        await Check("tkksd-empty", "/app/tkksd");
        Assert.True(all.Count == 0, "serious/critical accessibility violations:\n" + string.Join("\n", all));
    });

    // C: the facilitation desk's pages and the discussion card meet the same bar.
    [Fact]
    public Task Facilitation_pages_have_no_serious_or_critical_axe_violations() => Run(async () =>
    {
        var all = new List<string>();
        async Task Check(string name, string path)
        {
            await Open(path);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Step("wide-" + name);
            all.AddRange(await Axe(name));
        }

        await LogIn("kerjasama.cimahi");
        await Check("facilitation-queue", "/app/fasilitasi");
        var request = await TestId("facilitation-link").First.GetAttributeAsync("href");
        await Check("facilitation-request", request!);
        await Expect(TestId("thread-card")).ToBeVisibleAsync();
        await Context.ClearCookiesAsync();
        await LogIn("opd.cimahi");
        await Check("facilitation-mine", "/app/fasilitasi");
        await Check("facilitation-form", "/app/fasilitasi/baru");
        Assert.True(all.Count == 0, "serious/critical accessibility violations:\n" + string.Join("\n", all));
    });

    // Issue #13 part 2: a large list's download made in the background, its dialog and "Unduhan saya", meet the same bar.
    [Fact]
    public Task Background_download_pages_have_no_serious_or_critical_axe_violations() => Run(async () =>
    {
        var all = new List<string>();
        var marker = await ListExportJobPageTests.AgreementsAsync(App);
        await LogIn("kerjasama.jabar");
        await Open($"/app/kerja-sama?q={marker}");
        await Expect(TestId("agreement-row").First).ToBeVisibleAsync();
        await Page.Locator("[data-testid='export-menu'] button, button[data-testid='export-menu']").First.ClickAsync();
        await TestId("export-xlsx").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog).GetByTestId("export-job-progress")).ToBeVisibleAsync();
        all.AddRange(await Axe("export-job-dialog"));
        await Page.GetByRole(AriaRole.Dialog).GetByTestId("export-job-open-mine").ClickAsync();
        await At(new Regex("/app/unduhan$"));
        await Interactive();
        await Expect(TestId("export-job-download").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        all.AddRange(await Axe("my-downloads"));
        Assert.True(all.Count == 0, "serious/critical accessibility violations:\n" + string.Join("\n", all));
    });

    // Issue #13: the import pages (list and upload, column mapping, preview with problems, the row dialog) meet the same bar.
    [Fact]
    public Task Import_pages_have_no_serious_or_critical_axe_violations() => Run(async () =>
    {
        var all = new List<string>();
        await LogIn("kerjasama.cimahi");
        await Open("/app/impor");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        all.AddRange(await Axe("import-list"));
        await ChooseFiles("import-file", "import-file-name", "register-axe.xlsx", new FilePayload
        {
            Name = "register-axe.xlsx", MimeType = "application/octet-stream",
            Buffer = Jalin.Tests.Shared.LegacyRegisters.Messy("axe" + Guid.NewGuid().ToString("N")[..6]),
        });
        await TestId("import-upload-button").ClickAsync();
        await At(new Regex(@"/app/impor/[0-9a-f-]{36}$"));
        await Interactive();
        await Expect(TestId("mapping")).ToBeVisibleAsync();
        all.AddRange(await Axe("import-mapping"));
        await TestId("mapping-save").ClickAsync();
        await Expect(TestId("suggestion").First).ToBeVisibleAsync();
        all.AddRange(await Axe("import-preview"));
        await TestId("row-edit").First.ClickAsync();
        await Expect(Page.Locator(".mud-dialog")).ToBeVisibleAsync();
        all.AddRange(await Axe("import-row-dialog"));
        Assert.True(all.Count == 0, "serious/critical accessibility violations:\n" + string.Join("\n", all));
    });
}
