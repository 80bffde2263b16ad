using System.Collections.Concurrent;
using System.Net;
using Jalin.Core.Identity;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jalin.Web.Infrastructure;

/// <summary>Failed sign-ins counted per user name, known or not, across client addresses (the
/// per-address limit is the rate limiter's). After Identity's lockout threshold of failures in its
/// lockout window the name is refused with the same message Identity's lockout gives, so an
/// unknown name and a real one look alike; an unknown name also costs one password hash, like a
/// real check. A full sign-in (password and, where on, the 2FA code) clears the count.</summary>
public sealed class LoginGuard(IOptions<IdentityOptions> identity, TimeProvider clock, IOptions<PasswordHasherOptions> hashing)
{
    public const string WrongCredentials = "Nama pengguna atau kata sandi salah.";
    public const string LockedOut = "Akun terkunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam 15 menit.";

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> _failures = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ApplicationUser Nobody = new() { UserName = "-" };
    // The same hasher and options Identity uses for real accounts (a singleton may not take Identity's scoped hasher),
    // so the work for an unknown name equals the work for a known one.
    private readonly PasswordHasher<ApplicationUser> hasher = new(hashing);
    private string? _dummyHash;
    private string DummyHash => _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N") + "#Aa1");

    private int Limit => identity.Value.Lockout.MaxFailedAccessAttempts;
    private TimeSpan Window => identity.Value.Lockout.DefaultLockoutTimeSpan;

    public bool IsBlocked(string userName)
    {
        if (!_failures.TryGetValue(Key(userName), out var f)) return false;
        if (clock.GetUtcNow() - f.Since >= Window) { _failures.TryRemove(Key(userName), out _); return false; }
        return f.Count >= Limit;
    }

    /// <summary>Counts a failure; true when the name is now blocked.</summary>
    public bool Failed(string userName)
    {
        var now = clock.GetUtcNow();
        var f = _failures.AddOrUpdate(Key(userName), _ => (1, now), (_, old) => now - old.Since >= Window ? (1, now) : (old.Count + 1, old.Since));
        if (_failures.Count > 100_000) Prune(now);
        return f.Count >= Limit;
    }

    public void Succeeded(string userName) => _failures.TryRemove(Key(userName), out _);

    /// <summary>The work of one password check, for a name that has no (active) account.</summary>
    public void SpendPasswordWork(string password) => hasher.VerifyHashedPassword(Nobody, DummyHash, password);

    private static string Key(string userName) => userName.Trim().ToUpperInvariant();

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, value) in _failures)
            if (now - value.Since >= Window) _failures.TryRemove(key, out _);
    }
}

public static class LoginGuardSetup
{
    public static IServiceCollection AddLoginGuard(this IServiceCollection services) => services.AddSingleton<LoginGuard>();

    /// <summary>X-Forwarded-For/-Proto are honoured only from the proxies in <c>Security:KnownProxies</c>
    /// (addresses) and <c>Security:KnownNetworks</c> (CIDR, e.g. 10.0.0.0/8). With neither set the
    /// headers are ignored and the client address is the connection's.</summary>
    public static IApplicationBuilder UseJalinForwardedHeaders(this IApplicationBuilder app)
    {
        var config = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var proxies = List(config, "Security:KnownProxies");
        var networks = List(config, "Security:KnownNetworks");
        if (proxies.Length == 0 && networks.Length == 0) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var p in proxies) options.KnownProxies.Add(IPAddress.Parse(p));
        foreach (var n in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        return app.UseForwardedHeaders(options);
    }

    private static string[] List(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        return section.Get<string[]>() ?? (section.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
