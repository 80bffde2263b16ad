using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Cli;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Web.Infrastructure;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Production;

/// <summary>Issue #8 item 2 and 5: no published password in Production, a public https address, the
/// header set, /health and the API reference (Peraturan BSSN 4/2021; OWASP ASVS V2.1, V3.4, V14.4).</summary>
public sealed class ProductionStartTests
{
    private const string AdminPassword = "Kuat#Sandi2026x";

    private static Exception StartFails(ProductionApp app) =>
        Assert.ThrowsAny<Exception>(() => { using var c = app.CreateClient(); });

    private static ProductionStartRefused Refusal(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is ProductionStartRefused r) return r;
        if (e is AggregateException a && a.InnerExceptions.OfType<ProductionStartRefused>().FirstOrDefault() is { } inner) return inner;
        throw new Xunit.Sdk.XunitException($"expected ProductionStartRefused, got {e}");
    }

    private static DatabaseOptions Sqlite(string cs) => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = cs };

    private static async Task<(int Code, string Out, string Err)> CreateAdmin(string cs, string stdin, params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await AdminCommands.CreateAdminAsync(["create-admin", .. args], Sqlite(cs), new StringReader(stdin), true, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void MissingOrPlainHttpPublicBaseUrl_RefusesProductionStart()
    {
        using var none = new ProductionApp(publicBaseUrl: null);
        Assert.Contains("Jalin:PublicBaseUrl", Refusal(StartFails(none)).Message);
        using var http = new ProductionApp(publicBaseUrl: "http://jalin.contoh.go.id");
        Assert.Contains("https", Refusal(StartFails(http)).Message);
    }

    [Fact]
    public async Task ActiveDemoAccount_RefusesProductionStart_UntilDemoDeactivate()
    {
        // A database that once ran the demo (Testing environment, demo data on), in a folder of the test's own.
        var dir = Path.Combine(Path.GetTempPath(), "jalin-tests", "prod-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var cs = $"Data Source={Path.Combine(dir, "jalin.db")}";
        using (var seeded = new ProductionApp(cs, publicBaseUrl: null, environment: "Testing"))
        {
            using (seeded.CreateClient()) { }
            await using var db = seeded.NewDb();
            Assert.True(await db.Users.AnyAsync(u => u.IsDemo && u.IsActive));
        }

        using (var refused = new ProductionApp(cs))
        {
            var message = Refusal(StartFails(refused)).Message;
            Assert.Contains("akun demo masih aktif", message);
            Assert.Contains("jalin demo deactivate", message);
        }

        var output = new StringWriter();
        Assert.Equal(0, await AdminCommands.DeactivateDemoAsync(["demo", "deactivate"], Sqlite(cs), output));
        Assert.Contains("akun demo dinonaktifkan", output.ToString());

        using var started = new ProductionApp(cs);
        var client = started.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        // A demo account cannot sign in any more.
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = JalinAppFactory.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    [Fact]
    public async Task CreateAdmin_WithPipedPassword_CreatesAnAdminWhoMustEnrolTwoFactor()
    {
        using var app = new ProductionApp();
        var client = app.CreateClient();

        var weak = await CreateAdmin(app.Db, "lemah\n", "--user", "admin.daerah", "--name", "Admin Daerah");
        Assert.Equal(AdminCommands.DataError, weak.Code);
        Assert.Contains("Kata sandi paling sedikit 12 karakter", weak.Err);
        var usage = await CreateAdmin(app.Db, AdminPassword + "\n", "--user", "admin.daerah");
        Assert.Equal(AdminCommands.UsageError, usage.Code);
        await using (var db = app.NewDb()) Assert.False(await db.Users.AnyAsync(u => u.Role == Role.SystemAdmin));

        var made = await CreateAdmin(app.Db, AdminPassword + "\n", "--user", "admin.daerah", "--name", "Admin Daerah");
        Assert.Equal(0, made.Code);
        Assert.Contains("Administrator sistem dibuat", made.Out);
        await using (var db = app.NewDb())
        {
            var admin = await db.Users.SingleAsync(u => u.UserName == "admin.daerah");
            Assert.Equal(Role.SystemAdmin, admin.Role);
            Assert.False(admin.IsDemo);
            Assert.False(admin.TwoFactorEnabled);
        }
        // The password works, and the account is sent to enrol two-factor before it gets a token.
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin.daerah", password = AdminPassword });
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        Assert.Contains("verifikasi dua langkah", (await token.Content.ReadAsStringAsync()).ToLowerInvariant());

        var again = await CreateAdmin(app.Db, AdminPassword + "\n", "--user", "admin.lain", "--name", "Admin Lain");
        Assert.Equal(AdminCommands.AlreadyExists, again.Code);
        var help = new StringWriter();
        Assert.Equal(0, await AdminCommands.CreateAdminAsync(["create-admin", "--help"], Sqlite(app.Db), new StringReader(""), true, help, new StringWriter()));
        Assert.Contains("Kode keluar", help.ToString());
    }

    [Fact]
    public async Task ProductionHeaders_HstsCspAndSecureCookies()
    {
        using var app = new ProductionApp();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetAsync("/masuk");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(SecurityHeaders.StrictTransportSecurity, page.Headers.GetValues("Strict-Transport-Security").Single());
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("connect-src 'self';", csp);
        Assert.DoesNotContain("ws:", csp);
        Assert.DoesNotContain("wss:", csp);
        var cookies = page.Headers.TryGetValues("Set-Cookie", out var c) ? c.ToList() : [];
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("secure", cookie.ToLowerInvariant()));

        // A Host header other than the public address is refused (AllowedHosts from Jalin:PublicBaseUrl).
        var foreign = new HttpRequestMessage(HttpMethod.Get, "/masuk");
        foreign.Headers.Host = "penyerang.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(foreign)).StatusCode);
    }

    [Fact]
    public async Task ApiReference_OffByDefaultInProduction_BehindLoginWhenSet()
    {
        using var off = new ProductionApp();
        var anon = off.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync("/scalar/v1")).StatusCode);

        using var login = new ProductionApp(publicBaseUrl: null, environment: "Testing", settings: new Dictionary<string, string> { ["Security:ApiReference"] = "Login" });
        var stranger = login.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync("/scalar/v1")).StatusCode);
        var officer = await login.ClientForAsync("kerjasama.cimahi");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/openapi/v1.json")).StatusCode);
    }
}

/// <summary>/health: status only for anyone, the checks for a SystemAdmin (OWASP ASVS V14.3: no
/// internal details to the public).</summary>
[Collection(SqliteCollection.Name)]
public sealed class HealthDetailTests(SqliteApp app)
{
    [Fact]
    public async Task Health_PublicSeesStatusOnly_SystemAdminSeesChecks()
    {
        var anon = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, anon.StatusCode);
        var pub = JsonNode.Parse(await anon.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["status"], pub.Select(p => p.Key).ToArray());
        Assert.Equal("Healthy", pub["status"]!.GetValue<string>());

        var officer = await (await app.ClientForAsync("kerjasama.cimahi")).GetAsync("/health");
        Assert.Equal(["status"], JsonNode.Parse(await officer.Content.ReadAsStringAsync())!.AsObject().Select(p => p.Key).ToArray());

        var admin = JsonNode.Parse(await (await app.ClientForAsync("admin")).GetStringAsync("/health"))!;
        Assert.Equal("Healthy", admin["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.NotNull(admin["checks"]!["storage"]);
    }
}
