using Jalin.Core.Data;
using Jalin.Core.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jalin.Web.Infrastructure;

public sealed class DatabaseHealthCheck(IDbContextFactory<JalinDb> dbs, DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var ok = await db.Database.CanConnectAsync(ct);
            var pending = ok ? (await db.Database.GetPendingMigrationsAsync(ct)).Count() : -1;
            var data = new Dictionary<string, object> { ["provider"] = options.Provider.ToString(), ["pendingMigrations"] = pending };
            return ok && pending == 0 ? HealthCheckResult.Healthy("Basis data tersambung", data)
                : ok ? HealthCheckResult.Degraded("Ada migrasi yang belum diterapkan", data: data)
                : HealthCheckResult.Unhealthy("Basis data tidak dapat dihubungi", data: data);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Basis data tidak dapat dihubungi", e);
        }
    }
}

public sealed class StorageHealthCheck(FileStoreOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var root = Path.GetFullPath(options.Root);
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, ".probe-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return Task.FromResult(HealthCheckResult.Healthy("Penyimpanan berkas dapat ditulis"));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Penyimpanan berkas tidak dapat ditulis", e));
        }
    }
}
