using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Web.Infrastructure;
using Jalin.Web.Tests.Account;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>The app as behind a reverse proxy at 10.9.9.9 with the two-factor rule on and a low
/// per-address sign-in limit. The test host has no sockets, so a startup filter sets the
/// connection's address from the test-only header X-Test-Peer (127.0.0.1 without it).</summary>
public abstract class SessionSecurityApp(DatabaseProvider provider) : JalinAppFactory(provider)
{
    public const string Proxy = "10.9.9.9";
    public const int PerAddressLimit = 6;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RequireTwoFactorForPrivilegedRoles", "true");
        builder.UseSetting("Security:KnownProxies", Proxy);
        builder.UseSetting("Security:LoginRateLimitPerMinute", PerAddressLimit.ToString());
        builder.UseSetting("Security:CookieAbsoluteHours", "12");
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, n) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(http.Request.Headers["X-Test-Peer"].FirstOrDefault() ?? "127.0.0.1");
                return n(http);
            });
            next(app);
        };
    }

    private static int _next;

    /// <summary>A client behind the configured proxy, with its own forwarded address (its own budget).</summary>
    public HttpClient ClientViaProxy(string? forwardedFor = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Peer", Proxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor ?? NextAddress());
        return client;
    }

    public static string NextAddress() => $"203.0.{113 + Interlocked.Increment(ref _next) / 250}.{Interlocked.Increment(ref _next) % 250 + 1}";
}

public sealed class SqliteSessionSecurityApp() : SessionSecurityApp(DatabaseProvider.Sqlite);
public sealed class PostgresSessionSecurityApp() : SessionSecurityApp(DatabaseProvider.Postgres);

public abstract class SessionSecurityTests<TApp>(TApp app) where TApp : SessionSecurityApp
{
    private static string Unique(string prefix) => $"{prefix}.{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Signs in through the real form (static SSR, antiforgery) and returns the last URL reached.</summary>
    private static async Task<(HttpResponseMessage Response, string Path)> FormLoginAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/masuk");
        var input = Regex.Match(page, "<input[^>]*__RequestVerificationToken[^>]*>").Value;
        var token = WebUtility.HtmlDecode(Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(token), "the sign-in form carries an antiforgery token: " + page[..Math.Min(page.Length, 3000)]);
        var response = await client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = userName, ["Input.Password"] = password,
        }));
        return (response, response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private static async Task<string> PathAfterGetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return response.RequestMessage!.RequestUri!.AbsolutePath;
    }

    /// <summary>Peraturan BSSN 4/2021 (autentikasi multifaktor untuk akses istimewa): an officer without
    /// TOTP gets, after the password, a session that opens only the enrolment page, and no API token.</summary>
    [Fact]
    public async Task UnenrolledOfficer_ReachesOnlyTheEnrolmentPage_AndGetsNoToken_UntilEnrolled()
    {
        var name = Unique("uji.petugas");
        await Accounts.CreateAsync(app, name, Role.CooperationOfficer, "32.77");
        var browser = app.ClientViaProxy();

        var (login, landed) = await FormLoginAsync(browser, name, JalinAppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("/app/akun", landed);
        Assert.Contains("wajib memakai verifikasi dua langkah", await login.Content.ReadAsStringAsync());
        foreach (var page in new[] { "/app", "/app/kerja-sama", "/app/pengaturan/hari-libur", $"/app/berkas/{Guid.NewGuid()}/{Guid.NewGuid()}" })
            Assert.Equal("/app/akun", await PathAfterGetAsync(browser, page));

        var api = app.ClientViaProxy();
        var refused = await api.TokenAsync(name, JalinAppFactory.Password).Expect(HttpStatusCode.Forbidden);
        var body = await refused.ReadJson();
        Assert.Equal("Verifikasi dua langkah wajib", body["title"]!.GetValue<string>());
        Assert.Contains("Akun Saya", body["detail"]!.GetValue<string>());

        // Enrolling gives a new security stamp: the enrolment-only session ends; signing in again needs the code.
        var key = await Accounts.EnableTotpAsync(app, name);
        var ended = await (await browser.GetAsync("/app/akun")).Content.ReadAsStringAsync();
        Assert.Contains("Sesi Anda berakhir", ended); // at once: the page's actor checks the stamp
        app.Clock.Advance(TimeSpan.FromSeconds(61));      // within a minute the cookie itself is refused
        Assert.Equal("/masuk", await PathAfterGetAsync(browser, "/app/akun"));
        var token = await api.TokenAsync(name, JalinAppFactory.Password, Totp.Code(key, DateTimeOffset.UtcNow)).OkJson();
        Assert.Null(token["refreshToken"]);
        Assert.Equal(3600, token["expiresIn"]!.GetValue<int>());
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/agreements")).StatusCode);
    }

    /// <summary>A deactivation, a role change (through the users API) and a password reset each end
    /// a bearer token on its next request.</summary>
    [Fact]
    public async Task Token_StopsAtOnce_OnDeactivation_RoleChange_AndPasswordReset()
    {
        async Task<(HttpClient client, ApplicationUser user)> SignedInAsync()
        {
            var name = Unique("uji.anggota");
            var user = await Accounts.CreateAsync(app, name, Role.TeamMember, "32.77");
            var client = app.ClientViaProxy();
            var token = await client.TokenAsync(name, JalinAppFactory.Password).OkJson();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/agreements")).StatusCode);
            return (client, user);
        }

        var admin = await app.ClientForAsync("admin"); // demo admin: exempt outside Production
        var (deactivated, u1) = await SignedInAsync();
        await admin.PutAsJsonAsync($"/api/v1/users/{u1.Id}", new { userName = u1.UserName, fullName = u1.FullName, role = "TeamMember", regionCode = "32.77", isActive = false }, TestApi.Json)
            .Expect(HttpStatusCode.OK);
        var gone = await deactivated.GetAsync("/api/v1/agreements").Expect(HttpStatusCode.Unauthorized);
        Assert.Contains("Akun tidak aktif", await gone.DetailAsync());

        var (moved, u2) = await SignedInAsync();
        await admin.PutAsJsonAsync($"/api/v1/users/{u2.Id}", new { userName = u2.UserName, fullName = u2.FullName, role = "DprdViewer", regionCode = "32.77", isActive = true }, TestApi.Json)
            .Expect(HttpStatusCode.OK);
        await moved.GetAsync("/api/v1/agreements").Expect(HttpStatusCode.Unauthorized);

        var (reset, u3) = await SignedInAsync();
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(u3.Id))!;
            var resetToken = await users.GeneratePasswordResetTokenAsync(user);
            Assert.True((await users.ResetPasswordAsync(user, resetToken, "Baru#Sandi20261")).Succeeded);
        }
        await reset.GetAsync("/api/v1/agreements").Expect(HttpStatusCode.Unauthorized);
    }

    /// <summary>An open Blazor circuit: the revalidating provider (every minute by default) turns the
    /// tab anonymous once the account is deactivated or its stamp changes (logout elsewhere), and the
    /// actor a page asks for is read afresh on every operation, so a role change shows at once.</summary>
    [Fact]
    public async Task OpenCircuit_LosesAccess_OnDeactivationOrLogout_AndReReadsTheActorPerOperation()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), SessionSecurity.RevalidationInterval(app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        var name = Unique("uji.tab");
        var created = await Accounts.CreateAsync(app, name, Role.TeamMember, "32.77");
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        System.Security.Claims.ClaimsPrincipal principal;
        using (var scope = app.Services.CreateScope())
        {
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
            principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(created.Id))!);
        }
        Assert.True(await JalinRevalidatingAuthenticationStateProvider.IsValidAsync(scopes, principal));

        await using var circuit = app.Services.CreateAsyncScope();
        var ui = new UiActor(new FixedState(principal), circuit.ServiceProvider.GetRequiredService<CurrentActorAccessor>());
        Assert.Equal(Role.TeamMember, (await ui.GetAsync())!.Role);

        // A role change through UserManager without a new stamp still shows on the next operation.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(created.Id))!;
            user.RegionCode = "32.73";
            await users.UpdateAsync(user);
        }
        Assert.Equal("32.73", (await ui.GetAsync())!.RegionCode);

        // Logout elsewhere (POST /keluar renews the stamp) ends this circuit at its next check.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(created.Id))!);
        }
        Assert.Null(await ui.GetAsync());
        Assert.False(await JalinRevalidatingAuthenticationStateProvider.IsValidAsync(scopes, principal));
    }

    private sealed class FixedState(System.Security.Claims.ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    /// <summary>OWASP ASVS 2.2.1 / 3.2.3: failures are counted per user name across forwarded client
    /// addresses; an unknown name and a real name with a wrong password read exactly the same, up to and
    /// including the lockout; a correct TOTP code clears the count.</summary>
    [Fact]
    public async Task LoginFailures_AreCountedPerUserName_AcrossForwardedAddresses_WithOneMessageForUnknownAndWrong()
    {
        var real = Unique("uji.nyata");
        await Accounts.CreateAsync(app, real, Role.TeamMember, "32.77");
        var unknown = Unique("uji.tidakada");
        for (var i = 1; i <= 5; i++)
        {
            var a = await app.ClientViaProxy().TokenAsync(real, $"Salah#Sandi{i:D4}").Expect(HttpStatusCode.Unauthorized);
            var b = await app.ClientViaProxy().TokenAsync(unknown, $"Salah#Sandi{i:D4}").Expect(HttpStatusCode.Unauthorized);
            var (ja, jb) = (await a.ReadJson(), await b.ReadJson());
            foreach (var field in new[] { "status", "title", "detail" })
                Assert.Equal(ja[field]!.ToJsonString(), jb[field]!.ToJsonString());
            Assert.Contains(i < 5 ? "Nama pengguna atau kata sandi salah" : "terkunci sementara", ja["detail"]!.GetValue<string>());
        }
        // The right password from yet another address: the name is still held.
        var held = await app.ClientViaProxy().TokenAsync(real, JalinAppFactory.Password).Expect(HttpStatusCode.Unauthorized);
        Assert.Contains("terkunci sementara", await held.DetailAsync());

        // The form says the same.
        var (form, _) = await FormLoginAsync(app.ClientViaProxy(), unknown, "Salah#Sandi0009");
        Assert.Contains("Akun terkunci sementara", await form.Content.ReadAsStringAsync());

        // A correct 2FA code resets the count: 4 failures, a full sign-in, then 4 more are still only "wrong".
        var totp = Unique("uji.totp");
        await Accounts.CreateAsync(app, totp, Role.Leader, "32.77");
        var key = await Accounts.EnableTotpAsync(app, totp);
        for (var i = 0; i < 4; i++) await app.ClientViaProxy().TokenAsync(totp, "Salah#Sandi0001").Expect(HttpStatusCode.Unauthorized);
        await app.ClientViaProxy().TokenAsync(totp, JalinAppFactory.Password, Totp.Code(key, DateTimeOffset.UtcNow)).OkJson();
        for (var i = 0; i < 4; i++)
        {
            var r = await app.ClientViaProxy().TokenAsync(totp, "Salah#Sandi0001").Expect(HttpStatusCode.Unauthorized);
            Assert.Contains("Nama pengguna atau kata sandi salah", await r.DetailAsync());
        }
    }

    /// <summary>X-Forwarded-For is honoured from the configured proxy only: through the proxy each
    /// client address has its own budget; from any other peer the header is ignored and all of its
    /// requests share the peer's budget (the limit then answers 429 in Indonesian).</summary>
    [Fact]
    public async Task ForwardedAddress_CountsOnlyFromTheConfiguredProxy()
    {
        var name = Unique("uji.batas");
        for (var i = 0; i < SessionSecurityApp.PerAddressLimit + 2; i++)
            await app.ClientViaProxy().TokenAsync(name + i, "Salah#Sandi0001").Expect(HttpStatusCode.Unauthorized);

        var peer = $"10.8.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}";
        HttpResponseMessage? last = null;
        for (var i = 0; i <= SessionSecurityApp.PerAddressLimit; i++)
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Add("X-Test-Peer", peer);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", SessionSecurityApp.NextAddress());
            last = await client.TokenAsync(name + "x" + i, "Salah#Sandi0001");
            if (i < SessionSecurityApp.PerAddressLimit) Assert.Equal(HttpStatusCode.Unauthorized, last.StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("percobaan masuk", await last.DetailAsync());

        // The sign-in form has the same per-address limit.
        var formPeer = $"10.7.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}";
        var browser = app.CreateClient();
        browser.DefaultRequestHeaders.Add("X-Test-Peer", formPeer);
        HttpResponseMessage? form = null;
        for (var i = 0; i <= SessionSecurityApp.PerAddressLimit; i++) (form, _) = await FormLoginAsync(browser, name + "f" + i, "Salah#Sandi0001");
        Assert.Equal(HttpStatusCode.TooManyRequests, form!.StatusCode);
        Assert.Contains("Terlalu banyak percobaan masuk", await form.Content.ReadAsStringAsync());
    }

    /// <summary>A cookie session ends 12 hours after sign-in even when it is used all the time (sliding 8 hours).</summary>
    [Fact]
    public async Task CookieSession_HasAnAbsoluteLifetime()
    {
        var name = Unique("uji.kuki");
        await Accounts.CreateAsync(app, name, Role.TeamMember, "32.77");
        var browser = app.ClientViaProxy();
        var (_, landed) = await FormLoginAsync(browser, name, JalinAppFactory.Password);
        Assert.Equal("/app", landed);
        var start = app.Clock.Now;
        try
        {
            for (var h = 1; h <= 11; h += 2)
            {
                app.Clock.Now = start + TimeSpan.FromHours(h);
                Assert.Equal("/app/akun", await PathAfterGetAsync(browser, "/app/akun"));
            }
            app.Clock.Now = start + TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1);
            Assert.Equal("/masuk", await PathAfterGetAsync(browser, "/app/akun"));
        }
        finally { app.Clock.Now = start; }
    }
}

[Collection("session-security-sqlite")]
public sealed class SqliteSessionSecurityTests(SqliteSessionSecurityApp app) : SessionSecurityTests<SqliteSessionSecurityApp>(app), IClassFixture<SqliteSessionSecurityApp>;

[Collection("session-security-postgres")]
public sealed class PostgresSessionSecurityTests(PostgresSessionSecurityApp app) : SessionSecurityTests<PostgresSessionSecurityApp>(app), IClassFixture<PostgresSessionSecurityApp>;
