using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Files;

/// <summary>A file in the content-addressed store, named by its SHA-256; never overwritten.</summary>
public sealed class StoredFile
{
    public required string Sha256 { get; init; }
    public long Size { get; init; }
    public required string ContentType { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public static class StoredFiles
{
    /// <summary>Writes the bytes to the store and adds their <see cref="StoredFile"/> row to the
    /// context (saved with the caller's change) unless the same content is already recorded.</summary>
    public static async Task<StoredBlob> StoreAsync(this Data.JalinDb db, FileStore files, byte[] content, FileKind kind, TimeProvider clock, CancellationToken ct)
    {
        var blob = await files.SaveAsync(content, kind, ct);
        Search.DocumentText.Remember(db, blob, content);
        if (!await db.StoredFiles.AnyAsync(f => f.Sha256 == blob.Sha256, ct) && db.StoredFiles.Local.All(f => f.Sha256 != blob.Sha256))
            db.StoredFiles.Add(new StoredFile { Sha256 = blob.Sha256, Size = blob.Size, ContentType = blob.ContentType, CreatedAt = clock.GetUtcNow() });
        return blob;
    }
}
