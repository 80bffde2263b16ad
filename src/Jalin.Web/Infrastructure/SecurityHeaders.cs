namespace Jalin.Web.Infrastructure;

/// <summary>Security headers on every response (BSSN 4/2021 / OWASP ASVS V14).</summary>
public static class SecurityHeaders
{
    /// <summary><c>connect-src 'self'</c> covers the Blazor Server websocket to the same origin
    /// (CSP Level 3 matches ws:/wss: of the same host for 'self'); no ws:/wss: wildcard.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var env = app.ApplicationServices.GetRequiredService<IHostEnvironment>();
        var config = app.ApplicationServices.GetRequiredService<IConfiguration>();
        // Production behind a TLS proxy: the public address is https, so HSTS goes on every response
        // (a browser only honours it over https; Kestrel itself may see plain http from the proxy).
        var hsts = env.IsProduction() && ProductionHosting.PublicBaseUri(config) is { Scheme: "https" };
        return app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var h = http.Response.Headers;
                h["X-Content-Type-Options"] = "nosniff";
                h["X-Frame-Options"] = "DENY";
                // The partner portal's status link carries its private token in the path: never sent on as Referer.
                h["Referrer-Policy"] = http.Request.Path.StartsWithSegments("/mitra/status") ? "no-referrer" : "strict-origin-when-cross-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                if (hsts || (env.IsProduction() && http.Request.IsHttps)) h["Strict-Transport-Security"] = StrictTransportSecurity;
                if (!http.Request.Path.StartsWithSegments("/scalar"))
                    h["Content-Security-Policy"] = ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
