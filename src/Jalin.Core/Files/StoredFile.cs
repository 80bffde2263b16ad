namespace Jalin.Core.Files;

/// <summary>A file in the content-addressed store, named by its SHA-256; never overwritten.</summary>
public sealed class StoredFile
{
    public required string Sha256 { get; init; }
    public long Size { get; init; }
    public required string ContentType { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
