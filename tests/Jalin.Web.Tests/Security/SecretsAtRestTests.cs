using Jalin.Core.Identity;
using Jalin.Web.Infrastructure;
using Jalin.Web.Tests.Account;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jalin.Web.Tests.Security;

/// <summary>The app started with extra settings and another environment (the Production checks of ADR 0007 and Data Protection).</summary>
public sealed class ConfiguredApp(string environment, params (string Key, string Value)[] settings) : JalinAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
    }
}

public sealed class SecretsAtRestStartupTests
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static string StartupError(ConfiguredApp app)
    {
        var e = Assert.ThrowsAny<Exception>(() => app.Services);
        var messages = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException) messages.Add(x.Message);
        return string.Join(" | ", messages);
    }

    [Fact]
    public void Production_WithoutAuditKey_RefusesToStart()
    {
        using var app = new ConfiguredApp("Production", ("DataProtection:Key", Key));
        Assert.Contains("Kunci HMAC jejak audit belum dikonfigurasi", StartupError(app));
    }

    [Fact]
    public void Production_WithUnencryptedDataProtectionKeys_RefusesToStart()
    {
        using var app = new ConfiguredApp("Production", ("Audit:Keys:k1", Key));
        Assert.Contains("Kunci Data Protection harus dienkripsi", StartupError(app));
    }

    [Fact]
    public void DataProtectionKeys_AreWrittenEncrypted_ToTheConfiguredDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "jalin-dp-tests", Guid.NewGuid().ToString("N"));
        using (var app = new ConfiguredApp("Testing", ("DataProtection:KeysDirectory", dir), ("DataProtection:Key", Key)))
        {
            var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("uji");
            Assert.Equal("rahasia", protector.Unprotect(protector.Protect("rahasia")));
        }
        var xml = File.ReadAllText(Assert.Single(Directory.GetFiles(dir, "key-*.xml")));
        Assert.Contains("<encryptedKey", xml);
        Assert.DoesNotContain("<masterKey", xml);

        // The same key reads the ring back in a new process (new app).
        using var again = new ConfiguredApp("Testing", ("DataProtection:KeysDirectory", dir), ("DataProtection:Key", Key));
        var p2 = again.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("uji");
        Assert.Equal("x", p2.Unprotect(p2.Protect("x")));
        Assert.Single(Directory.GetFiles(dir, "key-*.xml"));
        Directory.Delete(dir, recursive: true);
    }
}

public abstract class ProtectedTotpTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    [Fact]
    public async Task AuthenticatorKey_AndRecoveryCodes_AreStoredProtected()
    {
        var name = "uji.dp." + Guid.NewGuid().ToString("N")[..8];
        var user = await Accounts.CreateAsync(app, name, Role.Leader, "32.77");
        var key = await Accounts.EnableTotpAsync(app, name);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var u = (await users.FindByNameAsync(name))!;
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(u, 3))!.ToList();

        await using var db = app.NewDb();
        var rows = await db.UserTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.StartsWith(ProtectedTokenUserStore.Prefix, r.Value));
        Assert.DoesNotContain(rows, r => r.Value!.Contains(key) || codes.Any(c => r.Value!.Contains(c)));

        // Still works: the key reads back, a recovery code redeems once.
        Assert.Equal(key, await users.GetAuthenticatorKeyAsync(u));
        Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(u, codes[0])).Succeeded);
        Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(u, codes[0])).Succeeded);
        Assert.Equal(2, await users.CountRecoveryCodesAsync(u));
    }

    [Fact]
    public async Task RawTokenRow_FromBeforeProtection_StillWorks_AndIsProtectedAtStart()
    {
        var name = "uji.raw." + Guid.NewGuid().ToString("N")[..8];
        var user = await Accounts.CreateAsync(app, name, Role.Leader, "32.77");
        const string rawKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await using (var db = app.NewDb())
        {
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = rawKey });
            await db.SaveChangesAsync();
        }
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal(rawKey, await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(name))!));

        await using (var db = app.NewDb())
        {
            Assert.True(await ProtectedTokenUserStore.ProtectExistingAsync(db, app.Services.GetRequiredService<IDataProtectionProvider>()) >= 1);
            var row = await db.UserTokens.AsNoTracking().SingleAsync(t => t.UserId == user.Id);
            Assert.StartsWith(ProtectedTokenUserStore.Prefix, row.Value);
        }
        using var scope2 = app.Services.CreateScope();
        var users2 = scope2.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal(rawKey, await users2.GetAuthenticatorKeyAsync((await users2.FindByNameAsync(name))!));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProtectedTotpTests(SqliteApp app) : ProtectedTotpTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresProtectedTotpTests(PostgresApp app) : ProtectedTotpTests<PostgresApp>(app);
