using System.Net;
using System.Net.Http.Json;
using Jalin.Core.Identity;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jalin.Web.Tests.Account;

/// <summary>Helpers that create accounts straight through Identity's UserManager, as an admin would.</summary>
internal static class Accounts
{
    public static async Task<ApplicationUser> CreateAsync(JalinAppFactory app, string userName, Role role, string? region, bool demo = false)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, FullName = "Uji " + userName, Role = role, RegionCode = region, LockoutEnabled = true, IsDemo = demo };
        var created = await users.CreateAsync(user, JalinAppFactory.Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>Turns on TOTP the way the "Akun saya" page does and returns the Base32 key.</summary>
    public static async Task<string> EnableTotpAsync(JalinAppFactory app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Totp.Code(key, DateTimeOffset.UtcNow)),
            "the test's TOTP helper must agree with Identity's authenticator provider");
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return key;
    }

    public static Task<HttpResponseMessage> TokenAsync(this HttpClient client, string userName, string password, string? otp = null) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password, otp });

    public static async Task<string> DetailAsync(this HttpResponseMessage response) => (await response.ReadJson()).ToJsonString();
}

public abstract class TwoFactorTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private static string Unique(string prefix) => $"{prefix}.{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task Token_WithTotpOn_NeedsTheRightCode()
    {
        var name = Unique("uji.totp");
        await Accounts.CreateAsync(app, name, Role.Leader, "32.77");
        var key = await Accounts.EnableTotpAsync(app, name);
        var client = app.CreateClient();

        var missing = await client.TokenAsync(name, JalinAppFactory.Password).Expect(HttpStatusCode.BadRequest);
        var missingBody = await missing.ReadJson();
        Assert.Contains("kode OTP", missingBody["errors"]!["otp"]![0]!.GetValue<string>());

        var wrong = await client.TokenAsync(name, JalinAppFactory.Password, Totp.WrongCode(key, DateTimeOffset.UtcNow)).Expect(HttpStatusCode.Unauthorized);
        Assert.Contains("Kode OTP salah", await wrong.DetailAsync());

        var right = await client.TokenAsync(name, JalinAppFactory.Password, Totp.Code(key, DateTimeOffset.UtcNow)).OkJson();
        Assert.False(string.IsNullOrEmpty(right["accessToken"]!.GetValue<string>()));

        // A wrong password stays wrong even with a good code.
        var badPassword = await client.TokenAsync(name, "Salah#Sandi2026", Totp.Code(key, DateTimeOffset.UtcNow)).Expect(HttpStatusCode.Unauthorized);
        Assert.Contains("kata sandi salah", await badPassword.DetailAsync());
    }

    [Fact]
    public async Task Token_FiveWrongPasswords_LockTheAccount()
    {
        var name = Unique("uji.kunci");
        await Accounts.CreateAsync(app, name, Role.TeamMember, "32.77");
        var client = app.CreateClient();
        for (var i = 1; i <= 4; i++)
        {
            var r = await client.TokenAsync(name, $"Salah#Sandi{i:D4}").Expect(HttpStatusCode.Unauthorized);
            Assert.Contains("Nama pengguna atau kata sandi salah", await r.DetailAsync());
        }
        var fifth = await client.TokenAsync(name, "Salah#Sandi0005").Expect(HttpStatusCode.Unauthorized);
        Assert.Contains("terkunci", await fifth.DetailAsync());

        // Locked even with the right password now.
        var locked = await client.TokenAsync(name, JalinAppFactory.Password).Expect(HttpStatusCode.Unauthorized);
        Assert.Contains("Akun terkunci sementara", await locked.DetailAsync());

        var admin = await app.ClientForAsync("admin");
        var page = await admin.GetAsync($"/api/v1/users?q={name}").OkJson();
        Assert.True(page["items"]![0]!["lockedOut"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UsersApi_BadInput_Answers400WithFieldMessages_AndSavesNothing()
    {
        var admin = await app.ClientForAsync("admin");
        await using var db = app.NewDb();
        var before = await db.Users.CountAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "uji.salah.isian", fullName = "", email = "bukan-surel", role = "AgencyUser", regionCode = "99.99", password = JalinAppFactory.Password,
        }, TestApi.Json).Expect(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJson())["errors"]!;
        Assert.Contains("Nama lengkap wajib diisi", errors["fullName"]![0]!.GetValue<string>());
        Assert.Contains("surel tidak valid", errors["email"]![0]!.GetValue<string>());
        Assert.Contains("Kode wilayah tidak dikenal", errors["regionCode"]![0]!.GetValue<string>());
        Assert.Contains("Perangkat daerah wajib dipilih", errors["agencyId"]![0]!.GetValue<string>());

        var weak = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "uji.sandi.lemah", fullName = "Uji Sandi Lemah", role = "Leader", regionCode = "32.77", password = "pendek",
        }, TestApi.Json).Expect(HttpStatusCode.BadRequest);
        var weakErrors = (await weak.ReadJson())["errors"]!["password"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains(weakErrors, m => m.Contains("paling sedikit 12 karakter"));

        var badName = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "Bukan Nama", fullName = "Uji Nama", role = "Leader", regionCode = "32.77", password = JalinAppFactory.Password,
        }, TestApi.Json).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("Nama pengguna 3–60 karakter", (await badName.ReadJson())["errors"]!["userName"]![0]!.GetValue<string>());

        Assert.Equal(before, await db.Users.CountAsync());
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "uji.salah.isian" || u.UserName == "uji.sandi.lemah"));

        var officer = await app.ClientForAsync("kerjasama.cimahi");
        await officer.PostAsJsonAsync("/api/v1/users", new { userName = "uji.bukan.admin", fullName = "Uji", role = "Leader", regionCode = "32.77", password = JalinAppFactory.Password },
            TestApi.Json).Expect(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTwoFactorTests(SqliteApp app) : TwoFactorTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTwoFactorTests(PostgresApp app) : TwoFactorTests<PostgresApp>(app);

/// <summary>With the production rule on, privileged non-demo accounts get no token until they use TOTP.</summary>
public sealed class TwoFactorPolicyTests(TwoFactorRequiredApp app) : IClassFixture<TwoFactorRequiredApp>
{
    [Fact]
    public async Task NonDemoAdminWithout2fa_IsRefusedAToken_UntilTotpIsOn()
    {
        var name = $"uji.admin.{Guid.NewGuid().ToString("N")[..8]}";
        await Accounts.CreateAsync(app, name, Role.SystemAdmin, null);
        var client = app.CreateClient();

        var refused = await client.TokenAsync(name, JalinAppFactory.Password).Expect(HttpStatusCode.Forbidden);
        var body = await refused.ReadJson();
        Assert.Equal("Verifikasi dua langkah wajib", body["title"]!.GetValue<string>());
        Assert.Contains("Aktifkan di halaman Akun Saya", body["detail"]!.GetValue<string>());

        var key = await Accounts.EnableTotpAsync(app, name);
        await client.TokenAsync(name, JalinAppFactory.Password).Expect(HttpStatusCode.BadRequest);
        var token = await client.TokenAsync(name, JalinAppFactory.Password, Totp.Code(key, DateTimeOffset.UtcNow)).OkJson();
        Assert.False(string.IsNullOrEmpty(token["accessToken"]!.GetValue<string>()));
    }

    [Fact]
    public async Task DemoAccountsAndOtherRoles_AreNotBound()
    {
        await app.ClientForAsync("admin"); // demo admin: exempt so a demo can be tried at once
        var name = $"uji.anggota.{Guid.NewGuid().ToString("N")[..8]}";
        await Accounts.CreateAsync(app, name, Role.TeamMember, "32.77");
        await app.CreateClient().TokenAsync(name, JalinAppFactory.Password).OkJson();

        // Leaders, auditors and supervisors are bound too (issue #8), and a setting adds more roles.
        foreach (var role in new[] { Role.Leader, Role.Auditor, Role.SupervisorProvince, Role.SupervisorNational })
        {
            var bound = $"uji.wajib.{Guid.NewGuid().ToString("N")[..8]}";
            await Accounts.CreateAsync(app, bound, role, role == Role.SupervisorProvince ? "32" : role == Role.SupervisorNational ? null : "32.77");
            await app.CreateClient().TokenAsync(bound, JalinAppFactory.Password).Expect(HttpStatusCode.Forbidden);
        }

        var officer = $"uji.petugas.{Guid.NewGuid().ToString("N")[..8]}";
        await Accounts.CreateAsync(app, officer, Role.CooperationOfficer, "32.77");
        await app.CreateClient().TokenAsync(officer, JalinAppFactory.Password).Expect(HttpStatusCode.Forbidden);
    }
}
