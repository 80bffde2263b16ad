using System.Text.Json.Serialization;
using Jalin.Core;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Web.Api;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace Jalin.Web;

public static class WebServiceCollectionExtensions
{
    public static WebApplicationBuilder AddJalinWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddJalinCore(config, builder.Environment.IsProduction());

        builder.AddJalinDataProtection();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = SessionSecurity.TokenLifetime)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/masuk";
            o.LogoutPath = "/keluar";
            o.AccessDeniedPath = "/masuk";
            o.Cookie.Name = "jalin.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = config.GetValue("Security:CookieSecureAlways", false) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                // Peraturan BSSN 4/2021: at least 12 characters mixing upper and lower case, digits and symbols.
                PasswordPolicy.Apply(o.Password);
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<JalinDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<IndonesianIdentityErrors>();
        services.AddScoped<IUserStore<ApplicationUser>, ProtectedTokenUserStore>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiGroups.ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        services.AddScoped<CurrentActorAccessor>();
        services.AddScoped<UiActor>();
        services.AddScoped<NotificationSignal>();
        services.AddSingleton<ListExportRequests>();
        services.AddSingleton<TwoFactorPolicy>();
        services.AddLoginRateLimit(config);

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var pd = ctx.ProblemDetails;
            pd.Title = pd.Status switch
            {
                400 when pd.Title is null or "Bad Request" => "Permintaan tidak valid",
                401 => "Tidak terautentikasi",
                403 when pd.Title is null or "Forbidden" => "Tidak berwenang",
                404 when pd.Title is null or "Not Found" => "Tidak ditemukan",
                405 => "Metode tidak diizinkan",
                413 when pd.Title is null or "Payload Too Large" => "Berkas terlalu besar",
                415 => "Jenis isi tidak didukung",
                _ => pd.Title,
            };
            pd.Detail ??= pd.Status switch
            {
                400 => "Isi permintaan tidak dapat dibaca: periksa format JSON dan tipe datanya.",
                401 => "Masuk terlebih dahulu: kirim header Authorization: Bearer <token> dari POST /api/v1/auth/token.",
                403 => "Peran Anda tidak berwenang untuk permintaan ini.",
                404 => "Alamat atau data tidak ditemukan.",
                405 => "Metode HTTP ini tidak tersedia untuk alamat tersebut.",
                413 => "Berkas atau isi permintaan terlalu besar.",
                415 => "Kirim isi sebagai application/json (atau multipart/form-data untuk unggahan).",
                _ => pd.Detail,
            };
        });
        // Unreadable bodies and parameters throw, so JalinExceptionHandler can name the field in Indonesian.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<JalinExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Jalin API";
            doc.Info.Description = "API kerja sama daerah. Ambil token dengan POST /api/v1/auth/token, lalu kirim Authorization: Bearer <token>.";
            doc.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<StorageHealthCheck>("storage").AddCheck<MailHealthCheck>("mail");
        services.AddSingleton(config.GetSection("Mail").Get<Jalin.Core.Mail.MailOptions>() ?? new Jalin.Core.Mail.MailOptions());
        services.AddSingleton(config.GetSection(Jalin.Core.OpenData.OpenDataOptions.Section).Get<Jalin.Core.OpenData.OpenDataOptions>() ?? new Jalin.Core.OpenData.OpenDataOptions());
        services.AddSingleton<Jalin.Core.Mail.IMailTransport, Jalin.Core.Mail.SmtpMailTransport>();
        services.AddHostedService<MailDispatchService>();
        services.AddHostedService<LifecycleClockService>();
        services.AddHostedService<AuditAnchorService>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddPortalCache(config.GetValue("Portal:OutputCache", true));
        services.AddSingleton(new Jalin.Core.Search.SearchResultCache(config.GetValue("Search:ResultCache", true)));
        services.AddPortalCompression();
        PortalAntiforgery.AddPortalAntiforgery(services);
        services.AddCascadingAuthenticationState();
        services.AddMudServices(o =>
        {
            // Bottom-left: messages never cover the actions panel on the right of an agreement page.
            o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft;
            o.SnackbarConfiguration.VisibleStateDuration = 4000;
            o.SnackbarConfiguration.PreventDuplicates = true;
        });
        services.AddIndonesianUi();
        services.AddHttpContextAccessor();
        builder.AddJalinHosting();
        services.AddJalinSessionSecurity(config);
        services.AddLoginGuard();
        return builder;
    }
}
