using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Jalin.Web.Infrastructure;

/// <summary>Where the OpenAPI document and the Scalar API reference are served
/// (setting <c>Security:ApiReference</c>): <c>Public</c>, <c>Login</c> (signed-in users only) or
/// <c>Off</c>. Default: Public outside Production, Off in Production.</summary>
public enum ApiReferenceMode { Public, Login, Off }

/// <summary>Raised when a Production start is refused (demo accounts, a missing public address);
/// the message says what to do, in Indonesian.</summary>
public sealed class ProductionStartRefused(string message) : Exception(message);

/// <summary>Production hardening (Peraturan BSSN 4/2021 / OWASP ASVS V3, V14): Secure cookies,
/// HSTS, the allowed hosts, the API reference setting and the refused starts.</summary>
public static class ProductionHosting
{
    public const string ApiReferencePolicy = "api-reference";

    public static WebApplicationBuilder AddJalinHosting(this WebApplicationBuilder builder)
    {
        // A build (not a publish) run outside Development serves package assets (MudBlazor's
        // stylesheet) from the static web assets manifest too; a published folder has none, so this is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddOptions<CookiePolicyOptions>().Configure<IHostEnvironment>((o, env) =>
        {
            if (env.IsProduction()) o.Secure = CookieSecurePolicy.Always;
        });
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SecureAuthCookies>();
        // The antiforgery cookie gets Secure from the cookie policy: its own SecurePolicy=Always would
        // refuse every request Kestrel sees as plain http behind the TLS proxy.
        services.AddOptions<HostFilteringOptions>().PostConfigure<IHostEnvironment, IConfiguration>((o, env, config) =>
        {
            // Production with "AllowedHosts": "*" (the default file): only the public address's host
            // and the loopback names a local health check uses.
            if (!env.IsProduction() || o.AllowedHosts.Any(h => h != "*")) return;
            if (PublicBaseUri(config) is not { } uri) return;
            o.AllowedHosts = [uri.Host, "localhost", "127.0.0.1", "[::1]"];
        });
        services.AddAuthorizationBuilder().AddPolicy(ApiReferencePolicy, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme)
            .RequireAuthenticatedUser());
        return builder;
    }

    public static Uri? PublicBaseUri(IConfiguration config) =>
        Uri.TryCreate(config["Jalin:PublicBaseUrl"], UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null;

    public static ApiReferenceMode ApiReference(IConfiguration config, IHostEnvironment env) =>
        Enum.TryParse<ApiReferenceMode>(config["Security:ApiReference"], ignoreCase: true, out var mode) ? mode
        : env.IsProduction() ? ApiReferenceMode.Off : ApiReferenceMode.Public;

    /// <summary>Secure on every cookie in Production (the cookie policy covers cookies set by
    /// anything else, e.g. Identity's two-factor cookies).</summary>
    public static WebApplication UseJalinCookiePolicy(this WebApplication app)
    {
        if (app.Environment.IsProduction()) app.UseCookiePolicy();
        return app;
    }

    /// <summary>The OpenAPI document and the Scalar reference per <see cref="ApiReferenceMode"/>.</summary>
    public static WebApplication MapJalinApiReference(this WebApplication app)
    {
        var mode = ApiReference(app.Configuration, app.Environment);
        if (mode == ApiReferenceMode.Off) return app;
        var openApi = app.MapOpenApi("/openapi/{documentName}.json");
        var scalar = app.MapScalarApiReference(o => o.WithTitle("Jalin API"));
        if (mode == ApiReferenceMode.Login)
        {
            openApi.RequireAuthorization(ApiReferencePolicy);
            scalar.RequireAuthorization(ApiReferencePolicy);
        }
        return app;
    }

    /// <summary>A Production start needs a public https address (the QR code and verification
    /// links never take the Host header) and no demo: neither demo mode nor an active demo account.</summary>
    public static void CheckProductionSettings(WebApplication app)
    {
        if (!app.Environment.IsProduction()) return;
        if (PublicBaseUri(app.Configuration) is not { Scheme: "https" })
            throw new ProductionStartRefused(
                "Jalin tidak dijalankan: mode Produksi memerlukan alamat publik https di Jalin:PublicBaseUrl " +
                "(misalnya variabel lingkungan Jalin__PublicBaseUrl=https://jalin.contoh.go.id). Alamat ini dipakai untuk kode QR dan tautan verifikasi.");
        if (app.Configuration.GetValue("Demo:Enabled", false))
            throw new ProductionStartRefused(
                "Jalin tidak dijalankan: data contoh (Demo:Enabled) tidak boleh aktif dalam mode Produksi. Setel Demo__Enabled=false.");
    }

    public static async Task CheckNoActiveDemoAccountsAsync(WebApplication app, JalinDb db)
    {
        if (!app.Environment.IsProduction()) return;
        var active = await DeactivateDemoAccounts.ActiveAsync(db);
        if (active.Count > 0)
            throw new ProductionStartRefused(
                $"Jalin tidak dijalankan: {active.Count} akun demo masih aktif ({string.Join(", ", active.Take(5))}{(active.Count > 5 ? ", …" : "")}). " +
                "Akun demo memakai kata sandi yang diumumkan. Nonaktifkan semuanya dengan `jalin demo deactivate` " +
                "(dotnet run --project src/Jalin.Cli -- demo deactivate, dengan pengaturan basis data yang sama), lalu jalankan lagi.");
    }

    private sealed class SecureAuthCookies(IHostEnvironment env) : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (env.IsProduction()) options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        }
    }
}
