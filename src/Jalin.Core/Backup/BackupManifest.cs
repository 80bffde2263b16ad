using System.Text.Json;
using System.Text.Json.Serialization;
using Jalin.Core.Common;

namespace Jalin.Core.Backup;

/// <summary><c>manifest.json</c> of a <c>.jalin-backup.zip</c> (ADR 0012) or of a region's export, a
/// <c>.jalin-daerah.zip</c> (ADR 0014): what the archive holds and the SHA-256 of every entry, checked before a
/// restore or an import writes anything. A region export names its <see cref="Region"/>; its <see cref="Shared"/>
/// tables hold the rows of others its rows point to (a partner registered by another region), which an import adds
/// only where the target does not have them.</summary>
public sealed record BackupManifest(
    int FormatVersion,
    string AppVersion,
    string SourceProvider,
    string? LatestMigration,
    DateTimeOffset CreatedAt,
    IReadOnlyList<BackupManifestTable> Tables,
    IReadOnlyList<BackupManifestFile> Files,
    string? Region = null,
    string? RegionName = null,
    IReadOnlyList<BackupManifestTable>? Shared = null,
    bool? Credentials = null)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";
    public const string Extension = ".jalin-backup.zip";
    public const string RegionExtension = ".jalin-daerah.zip";

    public static string TableEntry(string table) => $"tables/{table}.jsonl";
    public static string FileEntry(string sha256) => $"files/{sha256}";
    public static string SharedEntry(string table) => $"shared/{table}.jsonl";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The migration's name without its timestamp: the two providers' migration projects
    /// give the same migration different timestamps.</summary>
    public static string? MigrationName(string? id) => id is null ? null : id.IndexOf('_') is var i and >= 0 ? id[(i + 1)..] : id;
}

public sealed record BackupManifestTable(string Name, long Rows, string Sha256, IReadOnlyList<BackupManifestColumn> Columns);

public sealed record BackupManifestColumn(string Name, string Type);

public sealed record BackupManifestFile(string Sha256, long Size);

/// <summary>What a backup wrote. <see cref="HistoryFilesMissing"/>: files named only by audit snapshots
/// (earlier versions) that the store no longer has.</summary>
public sealed record BackupSummary(string Path, long Rows, int Tables, int Files, long FileBytes, long ArchiveBytes, TimeSpan Elapsed, int HistoryFilesMissing = 0);

/// <summary>What a restore wrote.</summary>
public sealed record RestoreSummary(long Rows, int Tables, int Files, int FilesWritten, string SourceProvider, DateTimeOffset CreatedAt, TimeSpan Elapsed);

/// <summary>What a region export wrote.</summary>
public sealed record RegionExportSummary(string Path, string Region, string RegionName, long Rows, long SharedRows, int Files, long FileBytes, long ArchiveBytes, TimeSpan Elapsed);

/// <summary>What a region import wrote: its rows, the shared rows it added and those the target already had.</summary>
public sealed record RegionImportSummary(string Region, string RegionName, long Rows, long SharedAdded, long SharedPresent, int Files, int FilesWritten,
    string SourceProvider, DateTimeOffset CreatedAt, TimeSpan Elapsed, bool WithoutPasswords = false);

/// <summary>Progress of a backup or restore: the phase, the table (or "berkas"), rows or files done of the total.</summary>
public sealed record BackupProgress(string Phase, string Item, long Done, long Total);

/// <summary>A restore refused before it wrote anything: the archive is damaged or altered, the
/// target is not empty, or the archive and the target are at different migrations.</summary>
public sealed record RestoreRefused(string Message) : Error("pemulihan_ditolak", Message);

/// <summary>A backup that cannot be made consistent (a referenced file missing or altered in the store).</summary>
public sealed record BackupFailed(string Message) : Error("cadangan_gagal", Message);
