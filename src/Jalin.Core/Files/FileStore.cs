using System.Security.Cryptography;

namespace Jalin.Core.Files;

public sealed class FileStoreOptions
{
    public string Root { get; set; } = Path.Combine("data", "files");
    /// <summary>The upload limit when Files:MaxBytes is not configured.</summary>
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public long MaxBytes { get; set; } = DefaultMaxBytes;
}

public sealed record StoredBlob(string Sha256, long Size, string ContentType, string Extension);

/// <summary>Content-addressed blob store on a local folder: files are named by SHA-256 and never
/// overwritten. An S3-compatible store can replace it behind the same methods.</summary>
public sealed class FileStore(FileStoreOptions options)
{
    public long MaxBytes => options.MaxBytes;

    /// <summary>The message for an upload over <paramref name="maxBytes"/>, the same everywhere.</summary>
    public static string TooLargeText(long maxBytes) => $"Berkas terlalu besar (paling besar {maxBytes / 1024 / 1024} MB).";

    public async Task<StoredBlob> SaveAsync(byte[] content, FileKind kind, CancellationToken ct = default)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(sha);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temp, content, ct);
            try { File.Move(temp, path); }
            catch (IOException) when (File.Exists(path)) { File.Delete(temp); }
        }
        return new StoredBlob(sha, content.LongLength, kind.ContentType, kind.Extension);
    }

    public Stream? Open(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) return null;
        var path = PathOf(sha256);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    private string PathOf(string sha) => Path.Combine(Path.GetFullPath(options.Root), sha[..2], sha);
}

public sealed record FileKind(string Name, string ContentType, string Extension);

/// <summary>Recognises accepted uploads by their content (magic bytes), never by name or header.</summary>
public static class FileSniffer
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly FileKind Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileKind Png = new("PNG", "image/png", ".png");
    public static readonly FileKind Jpeg = new("JPEG", "image/jpeg", ".jpg");

    public static FileKind? Detect(ReadOnlySpan<byte> c)
    {
        if (c.StartsWith("%PDF-"u8)) return Pdf;
        if (c.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Png;
        if (c.Length > 3 && c[0] == 0xFF && c[1] == 0xD8 && c[2] == 0xFF) return Jpeg;
        if (c.StartsWith("PK\u0003\u0004"u8) && IsDocx(c)) return Docx;
        return null;
    }

    private static bool IsDocx(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content.ToArray()), System.IO.Compression.ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException) { return false; }
    }
}
