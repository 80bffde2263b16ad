using Jalin.Core.Data;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Jalin.Web.Tests.Production;

/// <summary>The app as a region runs it: ASPNETCORE_ENVIRONMENT=Production (appsettings.Production.json:
/// no demo, two-factor mandatory), a public https address, on the given SQLite database.</summary>
public sealed class ProductionApp(string? connectionString = null, string? publicBaseUrl = "https://jalin.contoh.go.id",
    IReadOnlyDictionary<string, string>? settings = null, string environment = "Production") : JalinAppFactory(DatabaseProvider.Sqlite)
{
    public string Db => connectionString ?? ConnectionString;

    /// <summary>A fixed 32-byte test key (base64) for the audit chain and the Data Protection key ring.</summary>
    public const string SecretKey = "dGVzdC1rZXktMzItYnl0ZXMtZm9yLWphbGluLXRlc3Q=";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Jalin", Db);
        builder.UseSetting("Demo:Enabled", environment == "Production" ? "false" : "true");
        builder.UseSetting("Jalin:PublicBaseUrl", publicBaseUrl ?? "");
        // Production also needs the audit key and encrypted Data Protection keys (ADR 0007); a test may override them.
        builder.UseSetting("Audit:Keys:prod", SecretKey);
        builder.UseSetting("Audit:CurrentKeyId", "prod");
        builder.UseSetting("DataProtection:Key", SecretKey);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }
}
