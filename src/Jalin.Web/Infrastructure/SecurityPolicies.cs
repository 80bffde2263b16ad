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

    /// <summary>Sign-in attempts per client address per minute (token endpoint and login form).</summary>
    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = Math.Max(1, configuration.GetValue("Security:LoginRateLimitPerMinute", 20));
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "application/problem+json";
                await ctx.HttpContext.Response.WriteAsync(
                    """{"title":"Terlalu banyak percobaan","status":429,"detail":"Terlalu banyak percobaan masuk. Tunggu satu menit lalu coba lagi."}""", ct);
            };
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
