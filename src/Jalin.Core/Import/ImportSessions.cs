using System.Collections.Concurrent;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Import;

/// <summary>Who imports: the region's Bagian Kerja Sama (and Jalin itself, for the CLI). Everyone else does not see the
/// region's imports at all (404 for a session, 403 for the list and the upload).</summary>
public static class ImportAccess
{
    public const string NotFound = "Impor tidak ditemukan.";
    public const string Forbidden = "Hanya petugas Bagian Kerja Sama yang dapat mengimpor register lama ke daerahnya.";

    public static bool CanImportInto(CurrentActor actor, string? region) =>
        region is not null && (actor.Role == Role.System || (actor.Role == Role.CooperationOfficer && actor.RegionCode == region));

    internal static async Task<Result<ImportSession>> FindAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct)
    {
        var session = await db.ImportSessions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null || !CanImportInto(actor, session.RegionCode)) return new NotFoundError(NotFound);
        return session;
    }
}

public sealed record ImportFieldView(string Code, string Label, bool Required, int? Column, string? Header);

public sealed record ImportSessionView(
    Guid Id, string RegionCode, ImportTarget Target, string TargetLabel, ImportStatus Status, string StatusLabel, string NextStep,
    string FileName, string FileSha256, long FileSize, ImportFileFormat Format, IReadOnlyList<string> SheetNames, string? SheetName, int HeaderRow, int? SubHeaderRow,
    IReadOnlyList<string> Headers, IReadOnlyList<ImportFieldView> Fields, IReadOnlyList<string> MappingProblems,
    int RowsTotal, int RowsDone, int ErrorRows, int WarningRows, int SkippedRows, int CreatedCount, int PartnersCreated, bool IsRunning,
    string? Message, string CreatedBy, string CreatedByName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CommittedAt, int Version);

public sealed record ImportSummary(Guid Id, ImportTarget Target, string TargetLabel, ImportStatus Status, string StatusLabel, string FileName, int RowsTotal,
    int RowsDone, int ErrorRows, int CreatedCount, string CreatedByName, DateTimeOffset CreatedAt, DateTimeOffset? CommittedAt);

/// <summary>How far a running commit is (rows written of rows to write).</summary>
public sealed record ImportProgress(int Done, int Total);

public sealed record UploadImportRequest(ImportTarget? Target, string? FileName, byte[]? Content, string? RegionCode = null);

/// <summary>The import of a legacy register, step by step: upload, map columns, preview and correct rows, commit. Each
/// step is one file of this class (ImportSessions.*.cs); a Blazor page, the API and the CLI call the same methods.</summary>
public static partial class ImportSessions
{
    public static string Label(this ImportTarget t) => t switch
    {
        ImportTarget.Agreements => "Kerja sama",
        ImportTarget.Partners => "Mitra",
        ImportTarget.Agencies => "Perangkat daerah (OPD)",
        _ => "Usulan kerja sama",
    };

    public static string Label(this ImportStatus s) => s switch
    {
        ImportStatus.Uploaded => "Diunggah",
        ImportStatus.Mapped => "Kolom dipetakan",
        ImportStatus.Previewed => "Pratinjau diperiksa",
        ImportStatus.Committing => "Sedang disimpan",
        ImportStatus.Committed => "Selesai diimpor",
        _ => "Gagal",
    };

    private static string NextStep(ImportSession s, bool running, int mappingProblems) => s.Status switch
    {
        ImportStatus.Committed => "Impor selesai. Data telah tersimpan.",
        ImportStatus.Committing when running => "Impor sedang disimpan; halaman ini menampilkan kemajuannya.",
        ImportStatus.Committing => "Penyimpanan sebelumnya terputus dan tidak menyimpan apa pun. Simpan lagi.",
        ImportStatus.Failed => "Impor gagal dan tidak menyimpan apa pun. Periksa pesan, perbaiki, lalu simpan lagi.",
        _ when mappingProblems > 0 => "Petakan kolom wajib yang belum dipetakan.",
        ImportStatus.Uploaded => "Periksa pemetaan kolom yang disarankan, lalu lanjutkan ke pratinjau.",
        _ when s.ErrorRows > 0 => $"Perbaiki atau lewati {s.ErrorRows} baris bermasalah, lalu simpan.",
        _ => "Periksa pratinjau, lalu simpan impor.",
    };

    /// <summary>The regions' imports, newest first (the officer's "Impor" list).</summary>
    public static async Task<Result<Page<ImportSummary>>> ListAsync(JalinDb db, CurrentActor actor, int? page, int? size, CancellationToken ct = default)
    {
        if (!ImportAccess.CanImportInto(actor, actor.RegionCode)) return new ForbiddenError(ImportAccess.Forbidden);
        var (pg, sz) = Paging.Normalize(page, size);
        var query = db.ImportSessions.AsNoTracking().Where(s => s.RegionCode == actor.RegionCode);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.CreatedAt).Skip((pg - 1) * sz).Take(sz).ToListAsync(ct);
        return new Page<ImportSummary>(rows.Select(s => new ImportSummary(s.Id, s.Target, s.Target.Label(), s.Status, s.Status.Label(), s.FileName, s.RowsTotal,
            Running.TryGetValue(s.Id, out var p) ? p.Done : s.RowsDone, s.ErrorRows, s.CreatedCount, s.CreatedByName, s.CreatedAt, s.CommittedAt)).ToList(), pg, sz, total);
    }

    /// <summary>One import with its mapping and where it stands (resume from here).</summary>
    public static async Task<Result<ImportSessionView>> GetAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        var found = await ImportAccess.FindAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var sheet = await ImportSheets.LoadAsync(files, found.Value!, ct);
        return View(found.Value!, sheet.Value?.SheetNames ?? []);
    }

    internal static ImportSessionView View(ImportSession s, IReadOnlyList<string> sheetNames)
    {
        var headers = s.Headers;
        var mapping = s.Mapping;
        var problems = ImportFields.Missing(s.Target, mapping);
        var running = Running.TryGetValue(s.Id, out var progress);
        return new ImportSessionView(s.Id, s.RegionCode, s.Target, s.Target.Label(), s.Status, s.Status.Label(), NextStep(s, running, problems.Count),
            s.FileName, s.FileSha256, s.FileSize, s.Format, sheetNames, s.SheetName, s.HeaderRow, s.SubHeaderRow, headers,
            ImportFields.For(s.Target).Select(f => new ImportFieldView(f.Code, f.Label, f.Required, mapping.TryGetValue(f.Code, out var c) ? c : null,
                mapping.TryGetValue(f.Code, out var c2) && c2 < headers.Count ? headers[c2] : null)).ToList(),
            problems, s.RowsTotal, running ? progress!.Done : s.RowsDone, s.ErrorRows, s.WarningRows, s.SkippedRows, s.CreatedCount, s.PartnersCreated, running,
            s.Message, s.CreatedBy, s.CreatedByName, s.CreatedAt, s.UpdatedAt, s.CommittedAt, s.Version);
    }

    /// <summary>Commits running in this process, with their progress (a commit is one transaction, so its rows are not
    /// visible to another connection until it ends; the page reads the progress from here).</summary>
    private static readonly ConcurrentDictionary<Guid, ImportProgress> Running = new();

    public static ImportProgress? ProgressOf(Guid id) => Running.TryGetValue(id, out var p) ? p : null;
}

/// <summary>The uploaded file read back from the store into rows, cached by its SHA-256 and sheet (the bytes never change),
/// so the preview, each correction and the commit do not parse the workbook again.</summary>
internal static class ImportSheets
{
    private static readonly ConcurrentDictionary<string, Sheet> Cache = new();
    private const int Capacity = 8;

    public static async Task<Result<Sheet>> LoadAsync(FileStore files, ImportSession session, CancellationToken ct)
    {
        var key = session.FileSha256 + "|" + session.SheetName;
        if (Cache.TryGetValue(key, out var cached)) return cached;
        var bytes = await files.ReadAsync(session.FileSha256, ct);
        if (!bytes.Ok) return bytes.Error!;
        var sheet = SheetReader.Read(bytes.Value!, session.Format, session.SheetName);
        if (Cache.Count >= Capacity) foreach (var k in Cache.Keys.Take(Cache.Count - Capacity + 1)) Cache.TryRemove(k, out _);
        Cache[key] = sheet;
        return sheet;
    }

    public static void Remember(ImportSession session, Sheet sheet) => Cache[session.FileSha256 + "|" + session.SheetName] = sheet;
}
