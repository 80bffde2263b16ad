using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Search;

public sealed record ReindexStatus(bool Running, int Done, int Total, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? StartedBy,
    int? Subjects, string? Error)
{
    public int Percent => Total == 0 ? (Running ? 0 : 100) : (int)(100L * Done / Total);
}

/// <summary>A rebuild of the whole search index started from the back office (the system administrator), running in the
/// background of this app instance: the page that started it can be left and opened again to follow it. The index stays
/// usable while it runs (entries are rebuilt in place, then those of deleted subjects removed). One at a time.</summary>
public sealed class SearchReindexJob(IDbContextFactory<JalinDb> dbs, FileStore files, TimeProvider clock)
{
    public const string Forbidden = "Hanya administrator sistem yang dapat membangun ulang indeks pencarian.";
    private readonly Lock _gate = new();
    private ReindexStatus _status = new(false, 0, 0, null, null, null, null, null);
    private Task? _running;

    public Result<ReindexStatus> Get(CurrentActor actor) => actor.Role != Role.SystemAdmin ? new ForbiddenError(Forbidden) : _status;

    /// <summary>The task of the running rebuild (tests wait on it).</summary>
    public Task Current => _running ?? Task.CompletedTask;

    public Result<ReindexStatus> Start(CurrentActor actor)
    {
        if (actor.Role != Role.SystemAdmin) return new ForbiddenError(Forbidden);
        lock (_gate)
        {
            if (_status.Running) return new ConflictError($"Indeks pencarian sedang dibangun ulang ({_status.Percent} %), dimulai oleh {_status.StartedBy}.");
            _status = new ReindexStatus(true, 0, 0, clock.GetUtcNow(), null, actor.FullName, null, null);
            _running = Task.Run(RunAsync);
            return _status;
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await using var db = await dbs.CreateDbContextAsync();
            var progress = new Progress(p => _status = _status with { Done = p.Done, Total = p.Total });
            var n = await SearchIndexer.ReindexAllAsync(db, clock, files, progress, CancellationToken.None);
            _status = _status with { Running = false, FinishedAt = clock.GetUtcNow(), Subjects = n, Done = _status.Total };
        }
        catch (Exception e)
        {
            _status = _status with { Running = false, FinishedAt = clock.GetUtcNow(), Error = $"Pembangunan ulang indeks gagal: {e.Message}" };
        }
    }

    private sealed class Progress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
