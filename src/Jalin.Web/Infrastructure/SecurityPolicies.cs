using System.Threading.RateLimiting;
using Jalin.Core.Identity;

namespace Jalin.Web.Infrastructure;

/// <summary>Two-factor rule: mandatory for SystemAdmin and CooperationOfficer when the setting is on
/// (on by default in production), never for demo accounts so a demo can be tried at once.</summary>
public sealed class TwoFactorPolicy(IConfiguration configuration)
{
    public bool Required => configuration.GetValue("Security:RequireTwoFactorForPrivilegedRoles", false);

    public bool MustUseTwoFactor(ApplicationUser user) =>
        Required && !user.IsDemo && user.Role is Role.SystemAdmin or Role.CooperationOfficer;
}

public static class LoginLimits
{
    public const string Policy = "login";
    /// <summary>Public verification (no account): lookups and file checks per client address per minute.</summary>
    public const string VerifyPolicy = "verify";

    /// <summary>Sign-in attempts per client address per minute (token endpoint and login form).</summary>
    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = Math.Max(1, configuration.GetValue("Security:LoginRateLimitPerMinute", 20));
        var verifyPerMinute = Math.Max(1, configuration.GetValue("Security:VerifyRateLimitPerMinute", 30));
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "application/problem+json";
                var what = ctx.HttpContext.Request.Path.StartsWithSegments("/api/v1/verifikasi") ? "pemeriksaan dokumen" : "percobaan masuk";
                await ctx.HttpContext.Response.WriteAsync(
                    $$"""{"title":"Terlalu banyak percobaan","status":429,"detail":"Terlalu banyak {{what}}. Tunggu satu menit lalu coba lagi."}""", ct);
            };
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(VerifyPolicy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = verifyPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
