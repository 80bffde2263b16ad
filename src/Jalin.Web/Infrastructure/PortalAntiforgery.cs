using Microsoft.AspNetCore.Antiforgery;

namespace Jalin.Web.Infrastructure;

/// <summary>Portal pages set no cookie (issue #12): Blazor's static rendering asks for an antiforgery token on every page,
/// which stores the antiforgery cookie and makes the response uncacheable for the output cache. Portal pages post nothing
/// (their forms are GET), so on a portal GET the token is generated without storing the cookie; every other page and every
/// POST keeps the normal behaviour and validation.</summary>
public sealed class PortalAntiforgery(IAntiforgery inner) : IAntiforgery
{
    private static bool Portal(HttpContext http) => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
        ? PortalPaths.IsPortal(http.Request.Path) : false;

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        Portal(httpContext) ? inner.GetTokens(httpContext) : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);
    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);
    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);
    public void SetCookieTokenAndHeader(HttpContext httpContext) { if (!Portal(httpContext)) inner.SetCookieTokenAndHeader(httpContext); }

    /// <summary>Wraps the registered <see cref="IAntiforgery"/> (call after AddRazorComponents, which adds antiforgery).</summary>
    public static IServiceCollection AddPortalAntiforgery(IServiceCollection services)
    {
        var original = services.Last(s => s.ServiceType == typeof(IAntiforgery));
        services.Remove(original);
        services.AddSingleton<IAntiforgery>(sp => new PortalAntiforgery(original.ImplementationFactory is { } f ? (IAntiforgery)f(sp)
            : original.ImplementationInstance as IAntiforgery ?? (IAntiforgery)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
        return services;
    }
}
