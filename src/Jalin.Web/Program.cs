using Jalin.Web;
using Jalin.Web.Api;
using Jalin.Web.Components;
using Jalin.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddJalinWeb();

var app = builder.Build();
await app.InitializeJalinAsync();

app.UseJalinForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseIndonesianUi();
app.UseJalinCookiePolicy();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseTwoFactorEnrolmentGate();
app.UseAntiforgery();
app.UseOutputCache();
app.UsePortalCompression();

app.MapStaticAssets();
app.MapJalinApiReference();
app.MapHealthChecks("/health", HealthResponse.Options);
app.MapJalinApi();
app.MapAccountEndpoints();
app.MapPortalEndpoints();
app.MapOpenData();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
