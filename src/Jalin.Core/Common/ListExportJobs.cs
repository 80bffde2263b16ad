using System.Diagnostics;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jalin.Core.Common;

/// <summary>Counts one list for its export and makes it ready to write (one of the Export* use cases with the list's
/// parsed filters and format), on the database context it is given. A background job keeps that context until the file is written.</summary>
public delegate Task<Result<ListExportPlan>> ListExportPlanner(JalinDb db, CancellationToken ct);

/// <summary>What a finished background download wrote.</summary>
public sealed record ListExportJobResult(int Rows, long Bytes, double Seconds);

/// <summary>One background list download of the current user: which list, how far (<see cref="RowsDone"/> of
/// <see cref="Rows"/>, the count the size check used), and what it wrote or why it failed. The file's path stays on the server.</summary>
public sealed record ListExportJobStatus(Guid Id, string ListName, ExportFormat Format, string FileName, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, int RowsDone, int Rows, ListExportJobResult? Result, string? Error, bool Downloadable)
{
    public bool Running => FinishedAt is null;

    public int Percent => FinishedAt is not null ? 100 : Rows == 0 ? 0 : (int)Math.Min(99, 100L * RowsDone / Rows);
}

/// <summary>"Unduh" of a large list (agreements, partners, proposals, the OPD's progress reports) made in the background of
/// this app instance: the list is counted and scoped to the starter when it starts (the same Export* use case as the direct
/// download, on a database context the job then keeps), and written to <see cref="ListExportOptions.Directory"/> while the
/// user follows the rows written, stays or leaves. A job belongs to the user who started it: to anyone else it does not
/// exist. Each user runs at most <see cref="ListExportOptions.MaxRunningPerUser"/> at once. Finished files are kept
/// <see cref="ListExportOptions.KeepFor"/>, then deleted by age, and the job is forgotten. Jobs live in memory: a restart
/// forgets them (their files are deleted by age when the next job starts).</summary>
public sealed class ListExportJobs(IDbContextFactory<JalinDb> dbs, ListExportOptions options, TimeProvider clock, ILogger<ListExportJobs> log)
{
    public const string NotFound = "Unduhan ini tidak ditemukan. Unduhan disimpan 24 jam; buat unduhan baru dari daftarnya.";
    public const string Failed = "Berkas unduhan gagal dibuat karena kesalahan sistem (sudah dicatat). Ulangi; bila terulang, hubungi administrator sistem.";
    private const string FilePrefix = "jalin-unduhan-";

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Job> _jobs = [];
    private long _started;
    private readonly KeptFiles _files = new(options.Directory, FilePrefix + "*", options.KeepFor, clock);

    /// <summary>A list of this many rows is made in the background from the back office; a smaller one is downloaded at once.</summary>
    public bool InBackground(int rows) => rows > options.BackgroundFromRows;

    /// <summary>Counts the list and starts writing it in the background; the planner's refusals (a bad filter, a list over the
    /// row limit, no right to the list) come back as they are, and a conflict when the user already runs their share.</summary>
    public async Task<Result<ListExportJobStatus>> StartAsync(CurrentActor actor, ListExportPlanner planner, CancellationToken ct = default)
    {
        ConflictError? busy;
        lock (_gate) busy = Busy(actor);
        if (busy is not null) return busy;
        var db = await dbs.CreateDbContextAsync(ct);
        try
        {
            var planned = await planner(db, ct);
            if (!planned.Ok)
            {
                await db.DisposeAsync();
                return planned.Error!;
            }
            var plan = planned.Value!;
            lock (_gate)
            {
                busy = Busy(actor);
                if (busy is null)
                {
                    var id = Guid.NewGuid();
                    var extension = plan.Format == ExportFormat.Xlsx ? ".xlsx" : ".csv";
                    var job = new Job(++_started, actor.UserId, _files.PathOf(FilePrefix + id.ToString("N") + extension),
                        new ListExportJobStatus(id, plan.ListName, plan.Format, plan.FileName, clock.GetUtcNow(), null, 0, plan.Rows, null, null, false));
                    _jobs[id] = job;
                    job.Task = Task.Run(() => RunAsync(job, db, plan));
                    return Snapshot(job);
                }
            }
            await db.DisposeAsync();
            return busy;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>The user's job, or not found (also when it is another user's).</summary>
    public Result<ListExportJobStatus> Get(CurrentActor actor, Guid id)
    {
        lock (_gate) return Mine(actor, id) is { } job ? Snapshot(job) : new NotFoundError(NotFound);
    }

    /// <summary>The user's jobs still kept, newest first.</summary>
    public IReadOnlyList<ListExportJobStatus> List(CurrentActor actor)
    {
        lock (_gate)
        {
            Forget();
            return _jobs.Values.Where(j => j.UserId == actor.UserId).OrderByDescending(j => j.Order).Select(Snapshot).ToList();
        }
    }

    /// <summary>The finished file opened for sending (its name and type for the browser).</summary>
    public Result<ExportedList> Open(CurrentActor actor, Guid id)
    {
        Job? job;
        lock (_gate) job = Mine(actor, id);
        if (job is null) return new NotFoundError(NotFound);
        var status = job.Status;
        if (status.Running) return new NotFoundError($"Berkas {status.FileName} belum selesai dibuat ({Rows(status.RowsDone)} dari {Rows(status.Rows)} baris). Unduh setelah selesai.");
        if (status.Result is null) return new NotFoundError($"Berkas {status.FileName} gagal dibuat, tidak ada yang dapat diunduh. Buat unduhan baru dari daftarnya.");
        if (_files.Expired(status.FinishedAt) || KeptFiles.OpenRead(job.Path) is not { } stream)
            return new NotFoundError($"Berkas {status.FileName} sudah dihapus (disimpan {options.KeepFor.TotalHours:0} jam). Buat unduhan baru dari daftarnya.");
        return new ExportedList(stream, ListExport.ContentType(status.Format), status.FileName, status.Result.Rows);
    }

    /// <summary>Every running job's task (tests and the authorization matrix wait on them).</summary>
    public Task Completion()
    {
        lock (_gate) return Task.WhenAll(_jobs.Values.Select(j => j.Task ?? Task.CompletedTask).ToList());
    }

    private static string Rows(int n) => n.ToString("N0", IndonesianFormat.Culture);

    /// <summary>A conflict when the user already runs their share of jobs (called under the lock).</summary>
    private ConflictError? Busy(CurrentActor actor)
    {
        var running = _jobs.Values.Count(j => j.UserId == actor.UserId && j.Status.Running);
        return running < options.MaxRunningPerUser ? null
            : new ConflictError($"Anda sedang membuat {running} berkas unduhan; paling banyak {options.MaxRunningPerUser} sekaligus. "
                + "Tunggu salah satunya selesai (lihat Unduhan saya), lalu unduh lagi.");
    }

    private Job? Mine(CurrentActor actor, Guid id) =>
        _jobs.TryGetValue(id, out var job) && job.UserId == actor.UserId && !_files.Expired(job.Status.FinishedAt) ? job : null;

    private ListExportJobStatus Snapshot(Job job) =>
        job.Status with { Downloadable = job.Status.Result is not null && !_files.Expired(job.Status.FinishedAt) && File.Exists(job.Path) };

    /// <summary>Drops the jobs whose files are past the keeping time (called under the lock).</summary>
    private void Forget()
    {
        foreach (var (id, _) in _jobs.Where(j => _files.Expired(j.Value.Status.FinishedAt)).ToList()) _jobs.Remove(id);
    }

    private async Task RunAsync(Job job, JalinDb db, ListExportPlan plan)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            int written;
            await using (db)
            {
                List<string> running;
                lock (_gate)
                {
                    Forget();
                    running = _jobs.Values.Where(j => j.Status.Running).Select(j => j.Path).ToList();
                }
                _files.DeleteOld(running);
                if (options.StartPause > TimeSpan.Zero) await Task.Delay(options.StartPause);
                await using var file = new FileStream(job.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                written = await plan.WriteAsync(file, new Progress(job, this), CancellationToken.None);
            }
            var finished = clock.GetUtcNow();
            _files.Finished(job.Path, finished);
            var result = new ListExportJobResult(written, new FileInfo(job.Path).Length, Math.Round(watch.Elapsed.TotalSeconds, 1));
            Update(job, s => s with { FinishedAt = finished, RowsDone = written, Result = result });
        }
        catch (Exception e)
        {
            log.LogError(e, "List export {Job} ({List}) failed", job.Status.Id, job.Status.ListName);
            KeptFiles.TryDelete(job.Path);
            Update(job, s => s with { FinishedAt = clock.GetUtcNow(), Error = Failed });
        }
    }

    private void Update(Job job, Func<ListExportJobStatus, ListExportJobStatus> change)
    {
        lock (_gate) job.Status = change(job.Status);
    }

    private sealed class Job(long order, string userId, string path, ListExportJobStatus status)
    {
        public long Order { get; } = order;
        public string UserId { get; } = userId;
        public string Path { get; } = path;
        public ListExportJobStatus Status { get; set; } = status;
        public Task? Task { get; set; }
    }

    private sealed class Progress(Job job, ListExportJobs jobs) : IProgress<int>
    {
        public void Report(int value) => jobs.Update(job, s => s with { RowsDone = value });
    }
}
