using Jalin.Core.Data;
using Jalin.Core.Lifecycle;
using Jalin.Core.Reminders;
using Jalin.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Infrastructure;

/// <summary>Applies due clock-driven actions (DPRD deemed approval, expiry) at start and hourly, then sends the
/// reminders due today (<see cref="RunReminders"/>), and deletes the search's old change records
/// (<see cref="SearchResultCache.PurgeChangesAsync"/>). A thin adapter: a plain BackgroundService is enough, since every pass
/// is idempotent and several app instances may run it at once (no scheduler library needed).</summary>
public sealed class LifecycleClockService(IDbContextFactory<JalinDb> dbs, TimeProvider clock, IConfiguration config, ILogger<LifecycleClockService> log) : BackgroundService
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
                var applied = await RunLifecycleClocks.HandleAsync(() => dbs.CreateDbContext(), clock, stoppingToken);
                if (applied.Count > 0) log.LogInformation("Tenggat otomatis: {Count} aksi dijalankan", applied.Count);
                var reminders = await RunReminders.HandleAsync(() => dbs.CreateDbContext(), clock, stoppingToken);
                if (reminders.NotificationsCreated > 0) log.LogInformation("Pengingat: {Count} pemberitahuan dibuat", reminders.NotificationsCreated);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Tenggat otomatis gagal");
            }
            // On its own: a failing clock must not keep the search's change records growing, nor the other way round.
            try
            {
                await using var db = await dbs.CreateDbContextAsync(stoppingToken);
                await SearchResultCache.PurgeChangesAsync(db, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Pembersihan catatan perubahan pencarian gagal");
            }
        } while (!stoppingToken.IsCancellationRequested && await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, CancellationToken.None));
    }
}
