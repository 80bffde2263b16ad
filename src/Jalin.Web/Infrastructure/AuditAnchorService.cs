using Jalin.Core.Audit;
using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Infrastructure;

/// <summary>Writes each region's audit chain head to the anchor file outside the database at start
/// and hourly (ADR 0007), on the same Jobs switch as <see cref="LifecycleClockService"/>.</summary>
public sealed class AuditAnchorService(IDbContextFactory<JalinDb> dbs, AuditAnchorLog anchors, TimeProvider clock, IConfiguration config, ILogger<AuditAnchorService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Jobs:Enabled", true)) return;
        await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await using var db = await dbs.CreateDbContextAsync(stoppingToken);
                var written = await anchors.WriteAsync(db, clock, stoppingToken);
                log.LogInformation("Jangkar jejak audit: {Count} rantai ditulis ke {File}", written.Count, anchors.FilePath);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Jangkar jejak audit gagal ditulis");
            }
        } while (!stoppingToken.IsCancellationRequested && await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, CancellationToken.None));
    }
}
