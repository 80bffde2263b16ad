namespace Jalin.Core.Files;

/// <summary>A folder of files that background jobs write for a later download (region exports, list downloads). A finished
/// file's last write time is the moment it finished; it is kept <c>keepFor</c> after that and deleted by age, with any
/// leftover of an interrupted job, when a job of the same kind starts. Only names matching <c>pattern</c> are touched, so
/// other files in the folder are left alone.</summary>
public sealed class KeptFiles(string directory, string pattern, TimeSpan keepFor, TimeProvider clock)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public TimeSpan KeepFor => keepFor;

    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>A job that finished at <paramref name="finishedAt"/> has had its file deleted (or soon will).</summary>
    public bool Expired(DateTimeOffset? finishedAt) => finishedAt is { } at && clock.GetUtcNow() - at > keepFor;

    /// <summary>Stamps a finished file with the moment it finished, the age <see cref="DeleteOld"/> reads.</summary>
    public void Finished(string path, DateTimeOffset at) => File.SetLastWriteTimeUtc(path, at.UtcDateTime);

    /// <summary>Deletes every file of this kind older than the keeping time, except those whose path starts with one of
    /// <paramref name="running"/> (a running job's file and its temporary companions).</summary>
    public void DeleteOld(IReadOnlyCollection<string> running)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var limit = clock.GetUtcNow().UtcDateTime - keepFor;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, pattern))
        {
            if (running.Any(r => file.StartsWith(r, StringComparison.Ordinal)) || File.GetLastWriteTimeUtc(file) >= limit) continue;
            TryDelete(file);
        }
    }

    /// <summary>The file opened for sending, or null when it is gone.</summary>
    public static Stream? OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
