using System.Threading.RateLimiting;
using Jalin.Core.Identity;

namespace Jalin.Web.Infrastructure;

/// <summary>Two-factor rule (Peraturan BSSN 4/2021, autentikasi multifaktor for privileged access):
/// when <c>Security:RequireTwoFactorForPrivilegedRoles</c> is on (on in Production), the roles below
/// and those named in <c>Security:TwoFactorRoles</c> must use TOTP. Demo accounts are exempt only
/// outside Production, so the demo can be tried at once on a developer's machine.</summary>
public sealed class TwoFactorPolicy(IConfiguration configuration, IHostEnvironment environment)
{
    public static readonly IReadOnlySet<Role> DefaultRoles = new HashSet<Role>
    {
        Role.SystemAdmin, Role.CooperationOfficer, Role.Leader, Role.Auditor, Role.SupervisorProvince, Role.SupervisorNational,
    };

    public bool Required => configuration.GetValue("Security:RequireTwoFactorForPrivilegedRoles", false);

    /// <summary>The roles bound by the rule: the defaults plus <c>Security:TwoFactorRoles</c> (an array
    /// or a comma-separated list of role names).</summary>
    public IReadOnlySet<Role> Roles
    {
        get
        {
            var roles = new HashSet<Role>(DefaultRoles);
            var section = configuration.GetSection("Security:TwoFactorRoles");
            var names = section.Get<string[]>() ?? (section.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var name in names)
                if (Enum.TryParse<Role>(name, ignoreCase: true, out var role)) roles.Add(role);
            return roles;
        }
    }

    public bool MustUseTwoFactor(ApplicationUser user) =>
        Required && !(user.IsDemo && !environment.IsProduction()) && Roles.Contains(user.Role);

    /// <summary>Signed in with the password but not yet enrolled: only the enrolment page is open.</summary>
    public bool MustEnrol(ApplicationUser user) => MustUseTwoFactor(user) && !user.TwoFactorEnabled;
}

public static class LoginLimits
{
    public const string Policy = "login";
    /// <summary>Public verification (no account): lookups and file checks per client address per minute.</summary>
    public const string VerifyPolicy = "verify";
    /// <summary>Personal calendar feeds (no sign-in, a secret address): fetches per client address per minute.</summary>
    public const string CalendarFeedPolicy = "calendar-feed";

    /// <summary>Sign-in attempts per client address per minute (token endpoint and login form).</summary>
    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = Math.Max(1, configuration.GetValue("Security:LoginRateLimitPerMinute", 20));
        var verifyPerMinute = Math.Max(1, configuration.GetValue("Security:VerifyRateLimitPerMinute", 30));
        var feedPerMinute = Math.Max(1, configuration.GetValue("Security:CalendarFeedRateLimitPerMinute", 30));
        // Partner portal (no account): submissions and answers per client address per 10 minutes (low by default).
        var portalPer10Minutes = Math.Max(1, configuration.GetValue("Security:PartnerPortalSubmissionsPer10Minutes", 5));
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var request = ctx.HttpContext.Request;
                var what = request.Path.StartsWithSegments("/api/v1/verifikasi") || request.Path.StartsWithSegments("/verifikasi")
                    ? "pemeriksaan dokumen"
                    : HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/mitra") ? "pengiriman melalui portal mitra"
                    : request.Path.StartsWithSegments("/mitra") ? "pembukaan halaman status"
                    : request.Path.StartsWithSegments("/kalender") ? "permintaan kalender" : "percobaan masuk";
                var wait = HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/mitra")
                    ? "Pengajuan Anda belum disimpan. Tunggu sepuluh menit lalu kirim kembali."
                    : "Tunggu satu menit lalu muat ulang halaman ini.";
                if (!request.Path.StartsWithSegments("/api"))
                {
                    // A page (the public verification page): a short Indonesian page instead of JSON.
                    ctx.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                    await ctx.HttpContext.Response.WriteAsync(
                        $"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Terlalu banyak percobaan · Jalin</title></head><body style="font-family:sans-serif;margin:3rem"><h1>Terlalu banyak {what}</h1><p>{wait}</p></body></html>""", ct);
                    return;
                }
                ctx.HttpContext.Response.ContentType = "application/problem+json";
                await ctx.HttpContext.Response.WriteAsync(
                    $$"""{"title":"Terlalu banyak percobaan","status":429,"detail":"Terlalu banyak {{what}}. Tunggu satu menit lalu coba lagi."}""", ct);
            };
            // The sign-in and 2FA forms are Blazor pages (no endpoint of their own to attach a policy to):
            // their POSTs get the same per-address limit as the token endpoint (a budget of their own).
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && (http.Request.Path.Equals("/masuk") || http.Request.Path.Equals("/masuk/2fa"))
                    ? RateLimitPartition.GetFixedWindowLimiter("form:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/mitra")
                    ? RateLimitPartition.GetFixedWindowLimiter("mitra:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = portalPer10Minutes, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(CalendarFeedPolicy, http => RateLimitPartition.GetFixedWindowLimiter("kalender:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = feedPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(VerifyPolicy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = verifyPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        }).AddScoped(_ => new VerifyCircuitLimit(verifyPerMinute));
    }
}

/// <summary>The public verification page looks codes up and checks files inside its Blazor circuit,
/// where no HTTP request (and so no rate-limit middleware) is involved. Each circuit gets the same
/// budget per minute as a client of the API; opening a new circuit needs a page load, which the
/// <see cref="LoginLimits.VerifyPolicy"/> policy limits per client address.</summary>
public sealed class VerifyCircuitLimit(int perMinute) : IDisposable
{
    private readonly FixedWindowRateLimiter _limiter = new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
    });

    public const string Message = "Terlalu banyak pemeriksaan dokumen. Tunggu satu menit lalu coba lagi.";

    public bool TryTake()
    {
        using var lease = _limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
