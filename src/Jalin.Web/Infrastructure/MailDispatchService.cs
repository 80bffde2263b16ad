using Jalin.Core.Data;
using Jalin.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jalin.Web.Infrastructure;

/// <summary>Sends the outbox every <see cref="MailOptions.PollSeconds"/> (a thin adapter over <see cref="MailDispatcher"/>).
/// Each app instance runs one; the dispatcher's claims keep two instances from sending the same message.</summary>
public sealed class MailDispatchService(IDbContextFactory<JalinDb> dbs, IMailTransport transport, MailOptions options, TimeProvider clock,
    IConfiguration config, ILogger<MailDispatchService> log) : BackgroundService
{
    public string Instance { get; } = Cut($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");

    private static string Cut(string s) => s.Length <= 100 ? s : s[^100..];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Mail:DispatchEnabled", config.GetValue("Jobs:Enabled", true))) return;
        var dispatcher = new MailDispatcher(() => dbs.CreateDbContext(), transport, options, clock, Instance);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.PollSeconds)));
        do
        {
            try
            {
                await using (var db = await dbs.CreateDbContextAsync(stoppingToken))
                    await Jalin.Core.Events.GuestInvitationMail.EnqueueAsync(db, clock, ct: stoppingToken);
                var r = await dispatcher.RunOnceAsync(stoppingToken);
                if (r.Sent + r.Failed + r.GaveUp > 0)
                    log.LogInformation("Kotak keluar surel: {Sent} terkirim, {Failed} gagal (dicoba lagi), {GaveUp} tidak dicoba lagi", r.Sent, r.Failed, r.GaveUp);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Kotak keluar surel gagal diproses");
            }
        } while (!stoppingToken.IsCancellationRequested && await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, CancellationToken.None));
    }
}

/// <summary>/health: whether mail is configured and flowing (messages waiting longer than 30 minutes, or given up, degrade it).</summary>
public sealed class MailHealthCheck(IDbContextFactory<JalinDb> dbs, MailOptions options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!options.Enabled) return HealthCheckResult.Healthy("Surel belum diatur (Mail:Host kosong); pemberitahuan hanya di aplikasi");
        try
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var late = clock.GetUtcNow() - TimeSpan.FromMinutes(30);
            var waiting = await db.MailOutbox.CountAsync(m => m.SentAt == null && m.GaveUpAt == null && m.CreatedAt < late, ct);
            var data = new Dictionary<string, object> { ["waitingOver30Minutes"] = waiting };
            return waiting == 0 ? HealthCheckResult.Healthy("Surel terkirim", data)
                : HealthCheckResult.Degraded($"{waiting} surel menunggu lebih dari 30 menit; periksa server surel", data: data);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Degraded("Kotak keluar surel tidak dapat dibaca", e);
        }
    }
}
