using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jalin.Core.Backup;

/// <summary>Where the back office's region exports are written and how long they are kept. RegionExport:Directory, or
/// "exports" beside the files folder (data/files → data/exports, /data/files → /data/exports in the container).</summary>
public sealed class RegionExportOptions
{
    public string Directory { get; set; } = Path.Combine("data", "exports");

    /// <summary>A finished export is downloadable this long; older ones are deleted when a new export starts.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromHours(24);

    public static string DirectoryFor(string? configured, string filesRoot) => FileStoreOptions.Beside(configured, filesRoot, "exports");
}

/// <summary>What a finished export wrote (the archive's path on the server stays on the server).</summary>
public sealed record RegionExportResult(long Rows, long SharedRows, int Files, long FileBytes, long ArchiveBytes, double Seconds, string FileName);

/// <summary>One region export started from the back office: who asked, when, how far it is, and what it wrote or why it failed.
/// <see cref="Percent"/>: reading the tables is the first 70 %, copying the files the rest.</summary>
public sealed record RegionExportStatus(Guid Id, string RegionCode, string RegionName, string RequestedById, string RequestedBy,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Phase, long Done, long Total, int TablesDone, int Tables, long RowsSoFar,
    RegionExportResult? Result, string? Error, bool Downloadable)
{
    public bool Running => FinishedAt is null;

    public int Percent => FinishedAt is not null ? 100
        : Phase == RegionExportJobs.CopyingFiles ? 70 + (Total == 0 ? 29 : (int)(29L * Done / Total))
        : Tables == 0 ? 0 : Math.Min(70, 70 * TablesDone / Tables);
}

/// <summary>A downloadable export: the archive opened for reading and the name the browser saves it under.</summary>
public sealed record RegionExportDownload(Stream Content, string FileName);

/// <summary>"Ekspor data daerah" from the back office: <see cref="ExportRegion"/> run in the background of this app instance
/// for the system administrator (any region) or a region's cooperation officer (their own), at most one at a time per
/// region. The page that started it may be left and opened again; the latest export of each region stays downloadable
/// for <see cref="RegionExportOptions.KeepFor"/>. The archive carries no sign-in secrets (<c>withCredentials: false</c>): the
/// importing instance's administrator gives the region's users new passwords. Jobs live in memory: a restart forgets them (their files are
/// deleted by age when the next export starts).</summary>
public sealed class RegionExportJobs(IDbContextFactory<JalinDb> dbs, FileStore files, RegionExportOptions options, TimeProvider clock,
    ILogger<RegionExportJobs> log)
{
    public const string Forbidden = "Hanya administrator sistem dan petugas Bagian Kerja Sama yang dapat mengekspor data daerah.";
    public const string OtherRegion = "Petugas Bagian Kerja Sama hanya dapat mengekspor data daerahnya sendiri.";
    public const string Preparing = "Menyiapkan";
    public const string ReadingData = "Membaca data";
    public const string CopyingFiles = "Menyalin berkas";
    public const string Finished = "Selesai";
    public const string Failed = "Gagal";
    private const string Extension = BackupManifest.RegionExtension;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Job> _latest = new(StringComparer.Ordinal);
    private readonly KeptFiles _files = new(options.Directory, "*" + Extension + "*", options.KeepFor, clock);

    /// <summary>Who may export at all: the system administrator and the cooperation officers (the menu asks this).</summary>
    public static bool MayExport(CurrentActor actor) => actor.Role is Role.SystemAdmin or Role.CooperationOfficer;

    /// <summary>Who may export, follow and download this region's data.</summary>
    public static bool MayExport(CurrentActor actor, string regionCode) =>
        actor.Role == Role.SystemAdmin || (actor.Role == Role.CooperationOfficer && actor.RegionCode == regionCode);

    /// <summary>The latest export of the region (running or finished).</summary>
    public async Task<Result<RegionExportStatus>> GetAsync(CurrentActor actor, string? code, CancellationToken ct = default)
    {
        var region = await CheckAsync(actor, code, ct);
        if (!region.Ok) return region.Error!;
        lock (_gate)
            return _latest.TryGetValue(region.Value.Code, out var job)
                ? Snapshot(job)
                : new NotFoundError($"Belum ada ekspor data {region.Value.Name} sejak aplikasi terakhir dijalankan. Buat ekspor baru.");
    }

    /// <summary>Starts an export of the region in the background; a conflict while one of the same region runs.</summary>
    public async Task<Result<RegionExportStatus>> StartAsync(CurrentActor actor, string? code, CancellationToken ct = default)
    {
        var region = await CheckAsync(actor, code, ct);
        if (!region.Ok) return region.Error!;
        var (regionCode, regionName) = region.Value;
        Job job;
        string? previous;
        lock (_gate)
        {
            if (_latest.TryGetValue(regionCode, out var running) && running.Status.Running)
                return new ConflictError($"Ekspor data {regionName} sedang berjalan ({running.Status.Percent} %), dimulai oleh {running.Status.RequestedBy}. "
                    + "Tunggu sampai selesai.");
            var id = Guid.NewGuid();
            var now = clock.GetUtcNow();
            previous = _latest.TryGetValue(regionCode, out var last) ? last.Path : null;
            job = new Job(_files.PathOf(id.ToString("N") + Extension),
                new RegionExportStatus(id, regionCode, regionName, actor.UserId, actor.FullName, now, null, Preparing, 0, 0, 0, 0, 0, null, null, false));
            _latest[regionCode] = job;
            job.Task = Task.Run(() => RunAsync(job, previous));
            return Snapshot(job);
        }
    }

    /// <summary>The archive of the region's latest export, when it finished and is still kept.</summary>
    public async Task<Result<RegionExportDownload>> OpenAsync(CurrentActor actor, string? code, CancellationToken ct = default)
    {
        var region = await CheckAsync(actor, code, ct);
        if (!region.Ok) return region.Error!;
        Job? job;
        lock (_gate) _latest.TryGetValue(region.Value.Code, out job);
        if (job is null) return new NotFoundError($"Belum ada ekspor data {region.Value.Name}. Buat ekspor terlebih dahulu.");
        var status = job.Status;
        if (status.Running) return new NotFoundError($"Ekspor data {region.Value.Name} belum selesai ({status.Percent} %). Unduh setelah selesai.");
        if (status.Result is null) return new NotFoundError($"Ekspor data {region.Value.Name} terakhir gagal, tidak ada berkas untuk diunduh. Buat ekspor baru.");
        var gone = new NotFoundError($"Berkas ekspor data {region.Value.Name} sudah dihapus (disimpan {options.KeepFor.TotalHours:0} jam). Buat ekspor baru.");
        if (_files.Expired(status.FinishedAt) || KeptFiles.OpenRead(job.Path) is not { } stream) return gone;
        return new RegionExportDownload(stream, status.Result.FileName);
    }

    /// <summary>The task of the region's latest export (tests wait on it; completed when there is none).</summary>
    public Task Completion(string regionCode)
    {
        lock (_gate) return _latest.TryGetValue(regionCode, out var job) ? job.Task ?? Task.CompletedTask : Task.CompletedTask;
    }

    private async Task<Result<(string Code, string Name)>> CheckAsync(CurrentActor actor, string? code, CancellationToken ct)
    {
        if (!MayExport(actor)) return new ForbiddenError(Forbidden);
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length == 0) return ValidationError.Of("code", "Isi kode wilayah daerah yang diekspor (contoh: 32.77 untuk Kota Cimahi).");
        if (trimmed.Length > 20) return new NotFoundError($"Kode wilayah \"{trimmed[..20]}…\" tidak dikenal (contoh: 32.77 untuk Kota Cimahi).");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == trimmed, ct);
        if (region is null) return new NotFoundError($"Kode wilayah {trimmed} tidak dikenal (contoh: 32.77 untuk Kota Cimahi).");
        if (!MayExport(actor, region.Code)) return new ForbiddenError(OtherRegion);
        return (region.Code, region.FullName);
    }

    private RegionExportStatus Snapshot(Job job) =>
        job.Status with { Downloadable = job.Status.Result is not null && !_files.Expired(job.Status.FinishedAt) && File.Exists(job.Path) };

    private async Task RunAsync(Job job, string? previous)
    {
        try
        {
            DeleteOld(previous);
            await using var db = await dbs.CreateDbContextAsync();
            var tables = BackupSchema.For(db).Tables.Select(t => t.Name).Where(n => n != RegionScope.StoredFilesTable).ToHashSet(StringComparer.Ordinal);
            Update(job, s => s with { Phase = ReadingData, Tables = tables.Count });
            var progress = new Progress(job, tables, this);
            // Never sign-in secrets from the web (password hashes, authenticator keys): the archive leaves the server as a download.
            var result = await ExportRegion.RunAsync(db, files, job.Status.RegionCode, job.Path, clock, progress, CancellationToken.None, withCredentials: false);
            var finished = clock.GetUtcNow();
            if (!result.Ok)
            {
                Update(job, s => s with { FinishedAt = finished, Phase = Failed, Error = $"Ekspor data daerah gagal: {result.Error!.Message}" });
                return;
            }
            var summary = result.Value!;
            _files.Finished(job.Path, finished);
            var name = $"jalin-daerah-{summary.Region}-{Wib.TimeOf(job.Status.StartedAt):yyyyMMdd-HHmm}{Extension}";
            Update(job, s => s with
            {
                FinishedAt = finished, Phase = Finished, TablesDone = s.Tables, RowsSoFar = summary.Rows,
                Result = new RegionExportResult(summary.Rows, summary.SharedRows, summary.Files, summary.FileBytes, summary.ArchiveBytes,
                    Math.Round(summary.Elapsed.TotalSeconds, 1), name),
            });
        }
        catch (Exception e)
        {
            log.LogError(e, "Region export {Job} of {Region} failed", job.Status.Id, job.Status.RegionCode);
            KeptFiles.TryDelete(job.Path);
            Update(job, s => s with
            {
                FinishedAt = clock.GetUtcNow(), Phase = Failed,
                Error = "Ekspor data daerah gagal karena kesalahan sistem (sudah dicatat). Ulangi; bila terulang, hubungi administrator sistem.",
            });
        }
    }

    /// <summary>Deletes the region's previous archive and every archive of this kind (or its unfinished temporary file) older
    /// than <see cref="RegionExportOptions.KeepFor"/> (the time written on each when it finished), except those of running exports.</summary>
    private void DeleteOld(string? previous)
    {
        if (previous is not null && File.Exists(previous)) File.Delete(previous);
        List<string> running;
        lock (_gate) running = _latest.Values.Where(j => j.Status.Running).Select(j => j.Path).ToList();
        _files.DeleteOld(running);
    }

    private void Update(Job job, Func<RegionExportStatus, RegionExportStatus> change)
    {
        lock (_gate) job.Status = change(job.Status);
    }

    private sealed class Job(string path, RegionExportStatus status)
    {
        public string Path { get; } = path;
        public RegionExportStatus Status { get; set; } = status;
        public Task? Task { get; set; }
    }

    /// <summary>Turns the export's reports into the job's progress: a report naming a table is the data being read (the
    /// tables counted as they start, the rows of finished ones summed), any other the files being copied.</summary>
    private sealed class Progress(Job job, IReadOnlySet<string> tables, RegionExportJobs jobs) : IProgress<BackupProgress>
    {
        private string? _table;
        private long _rowsBefore, _rowsInTable;
        private int _seen;

        public void Report(BackupProgress value)
        {
            if (tables.Contains(value.Item))
            {
                if (value.Item != _table)
                {
                    _rowsBefore += _rowsInTable;
                    _rowsInTable = 0;
                    _table = value.Item;
                    _seen++;
                }
                _rowsInTable = value.Done;
                var rows = _rowsBefore + _rowsInTable;
                var seen = _seen;
                jobs.Update(job, s => s with { Phase = ReadingData, TablesDone = seen, RowsSoFar = rows, Done = value.Done, Total = value.Total });
            }
            else
                jobs.Update(job, s => s with { Phase = CopyingFiles, TablesDone = s.Tables, Done = value.Done, Total = value.Total });
        }
    }
}
