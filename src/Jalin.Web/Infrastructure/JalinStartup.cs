using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Data.Seed;
using Jalin.Core.Files;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Infrastructure;

/// <summary>First start: migrations, reference data and (in demo mode) the demo region data and
/// accounts; then the URL and the accounts are printed.</summary>
public static class JalinStartup
{
    public const string DefaultDemoPassword = "Jalin#Demo2026";

    public static async Task InitializeJalinAsync(this WebApplication app)
    {
        var config = app.Configuration;
        ProductionHosting.CheckProductionSettings(app);
        var dbs = app.Services.GetRequiredService<IDbContextFactory<JalinDb>>();
        await using (var db = await dbs.CreateDbContextAsync())
        {
            await DatabaseSetup.MigrateAsync(db);
            await ReferenceData.SeedAsync(db);
            await ProductionHosting.CheckNoActiveDemoAccountsAsync(app, db);
            var protectedTokens = await ProtectedTokenUserStore.ProtectExistingAsync(db, app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>());
            if (protectedTokens > 0) app.Logger.LogInformation("{Count} rahasia autentikator/kode pemulihan kini dilindungi Data Protection.", protectedTokens);
        }
        var demo = config.GetValue("Demo:Enabled", false);
        var password = config["Demo:Password"] is { Length: > 0 } p ? p : DefaultDemoPassword;
        if (demo)
        {
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var seeded = await DemoData.SeedAsync(() => dbs.CreateDbContext(), app.Services.GetRequiredService<FileStore>(), password, Wib.Today(clock));
            if (seeded) app.Logger.LogInformation("Data contoh dibuat.");
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
            var provider = app.Services.GetRequiredService<DatabaseOptions>().Provider;
            Console.WriteLine();
            Console.WriteLine("  Jalin berjalan / Jalin is running");
            Console.WriteLine($"  Buka / open:     {url}/app   (kantor / back office)");
            Console.WriteLine($"  Portal publik:   {url}/");
            if (ProductionHosting.ApiReference(config, app.Environment) != ApiReferenceMode.Off)
                Console.WriteLine($"  API:             {url}/scalar/v1   (OpenAPI: {url}/openapi/v1.json)");
            Console.WriteLine($"  Basis data:      {provider}");
            if (demo)
            {
                Console.WriteLine($"  Akun demo (kata sandi / password: {password}):");
                foreach (var a in DemoData.Accounts)
                    Console.WriteLine($"    {a.UserName,-22} {a.Role,-20} {a.RegionCode ?? "-",-6} {a.FullName}");
            }
            Console.WriteLine();
        });
    }
}
