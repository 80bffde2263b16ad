using System.Security.Claims;
using Jalin.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jalin.Web.Infrastructure;

/// <summary>Sessions follow the account: bearer tokens live an hour and are checked against the
/// security stamp on every request (<see cref="CurrentActorAccessor"/>); no refresh token is issued;
/// cookies have a sliding and an absolute lifetime and are re-validated against the stamp each
/// <c>Security:SessionRevalidationSeconds</c>; Blazor circuits re-validate on the same interval.</summary>
public static class SessionSecurity
{
    public const string AbsoluteExpiryItem = ".jalin.absolute";

    public static TimeSpan RevalidationInterval(IConfiguration config) =>
        TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Security:SessionRevalidationSeconds", 60), 1, 3600));

    public static TimeSpan AbsoluteLifetime(IConfiguration config) =>
        TimeSpan.FromHours(Math.Clamp(config.GetValue("Security:CookieAbsoluteHours", 12.0), 0.01, 24 * 7));

    public static TimeSpan TokenLifetime => TimeSpan.FromHours(1);

    /// <summary>Call after AddRazorComponents so the revalidating provider replaces the default one.</summary>
    public static IServiceCollection AddJalinSessionSecurity(this IServiceCollection services, IConfiguration config)
    {
        var interval = RevalidationInterval(config);
        var absolute = AbsoluteLifetime(config);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = interval);
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TokenLifetime);
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var validate = o.Events.OnValidatePrincipal;
            var signingIn = o.Events.OnSigningIn;
            o.Events.OnSigningIn = async ctx =>
            {
                // The absolute end is set once at sign-in and kept through sliding renewals and stamp refreshes.
                if (!ctx.Properties.Items.ContainsKey(AbsoluteExpiryItem))
                {
                    var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    ctx.Properties.Items[AbsoluteExpiryItem] = (now + absolute).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await signingIn(ctx);
            };
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (!ctx.Properties.Items.TryGetValue(AbsoluteExpiryItem, out var end) || !long.TryParse(end, out var seconds)
                    || now >= DateTimeOffset.FromUnixTimeSeconds(seconds))
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await validate(ctx);
            };
        });
        services.AddScoped<AuthenticationStateProvider, JalinRevalidatingAuthenticationStateProvider>();
        return services;
    }

    /// <summary>A bearer token without a refresh token: one hour, then sign in again. The same
    /// protector as the bearer handler, so the handler reads it as its own.</summary>
    public static IResult IssueBearerToken(HttpContext http, ClaimsPrincipal principal)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(principal, properties, $"{IdentityConstants.BearerScheme}:AccessToken");
        return TypedResults.Ok(new TokenResponse("Bearer", options.BearerTokenProtector.Protect(ticket), (long)options.BearerTokenExpiration.TotalSeconds));
    }

    /// <summary>The token answer. There is no refresh token: ask for a new token when this one ends.</summary>
    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn);
}

/// <summary>Blazor circuits re-check the signed-in user every interval: deactivated, unknown or a
/// changed security stamp (password reset, logout, 2FA change) turns the tab anonymous, and the
/// router sends it to the sign-in page.</summary>
public sealed class JalinRevalidatingAuthenticationStateProvider(ILoggerFactory logger, IServiceScopeFactory scopes, IConfiguration config)
    : RevalidatingServerAuthenticationStateProvider(logger)
{
    protected override TimeSpan RevalidationInterval => SessionSecurity.RevalidationInterval(config);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        await IsValidAsync(scopes, state.User, ct);

    public static async Task<bool> IsValidAsync(IServiceScopeFactory scopes, ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (status, _) = await scope.ServiceProvider.GetRequiredService<CurrentActorAccessor>().CheckAsync(user, ct);
        return status != SessionStatus.Ended;
    }
}
