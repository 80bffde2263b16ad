using Jalin.Web;
using Jalin.Web.Api;
using Jalin.Web.Components;
using Jalin.Web.Infrastructure;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddJalinWeb();

var app = builder.Build();
await app.InitializeJalinAsync();

app.UseJalinForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseTwoFactorEnrolmentGate();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference(o => o.WithTitle("Jalin API"));
app.MapHealthChecks("/health", HealthResponse.Options);
app.MapJalinApi();
app.MapAccountEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
