using System.Security.Cryptography;
using Jalin.Core.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jalin.Core.Files;

public sealed class FileStoreOptions
{
    public string Root { get; set; } = Path.Combine("data", "files");
    /// <summary>The upload limit when Files:MaxBytes is not configured.</summary>
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>A folder the server keeps beside the files folder: the configured one, or "data/files" → "data/<paramref name="folder"/>"
    /// ("/data/files" → "/data/<paramref name="folder"/>" in the container).</summary>
    public static string Beside(string? configured, string filesRoot, string folder) =>
        configured is { Length: > 0 } dir ? dir : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(filesRoot)) ?? ".", folder);
}

public sealed record StoredBlob(string Sha256, long Size, string ContentType, string Extension);

/// <summary>Content-addressed blob store on a local folder: files are named by SHA-256 and never
/// overwritten. An S3-compatible store can replace it behind the same methods.</summary>
public sealed class FileStore(FileStoreOptions options, ILogger<FileStore>? log = null)
{
    private readonly ILogger _log = log ?? NullLogger<FileStore>.Instance;

    /// <summary>The message when a stored file no longer matches the SHA-256 it was stored under.</summary>
    public const string TamperedText =
        "Berkas di penyimpanan tidak cocok dengan sidik SHA-256 yang tercatat: isinya telah berubah di luar Jalin, sehingga tidak disajikan. Hubungi administrator untuk memulihkannya dari cadangan.";

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

    /// <summary>The stored bytes, verified against the SHA-256 they are named by: a file altered
    /// on disk is never served (409, logged); a missing one is 404.</summary>
    public async Task<Result<byte[]>> ReadAsync(string sha256, CancellationToken ct = default)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) return new NotFoundError("Berkas tidak ada di penyimpanan.");
        var path = PathOf(sha256.ToLowerInvariant());
        if (!File.Exists(path)) return new NotFoundError("Berkas dokumen tidak ada di penyimpanan.");
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual == sha256.ToLowerInvariant()) return bytes;
        _log.LogError("Stored file {Path} does not match its SHA-256: expected {Expected}, found {Actual} ({Size} bytes); not served", path, sha256, actual, bytes.LongLength);
        return new ConflictError(TamperedText);
    }

    /// <summary>The stored bytes of <paramref name="sha256"/> as a stream (unverified: the caller
    /// hashes what it reads), or null when the store has no such file.</summary>
    public Stream? OpenRead(string sha256)
    {
        if (!IsSha(sha256)) return null;
        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Stores <paramref name="content"/> under <paramref name="sha256"/> after checking that
    /// the bytes hash to it. True when the file was new to the store, false when it was already there.</summary>
    public async Task<bool> SaveVerifiedAsync(Stream content, string sha256, CancellationToken ct = default)
    {
        if (!IsSha(sha256)) throw new InvalidDataException($"Nama berkas bukan sidik SHA-256: {sha256}");
        var path = PathOf(sha256);
        if (File.Exists(path)) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
            }
            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (actual != sha256) throw new InvalidDataException($"Isi berkas {sha256} tidak cocok dengan sidik SHA-256-nya (ditemukan {actual}).");
            try { File.Move(temp, path); }
            catch (IOException) when (File.Exists(path)) { return false; }
            return true;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Removes a file this process just added and nothing references (a restore that
    /// failed after copying its files); never used on files already in the store.</summary>
    public void DiscardNew(string sha256)
    {
        if (IsSha(sha256)) File.Delete(PathOf(sha256));
    }

    private static bool IsSha(string sha256) => sha256.Length == 64 && sha256.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

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

    /// <summary>Null when an upload of <paramref name="kind"/> may be stored, else the Indonesian
    /// reason it is refused: Office packages through <see cref="OfficePackage"/>, images through
    /// <see cref="ImageCheck"/>. Runs before anything is stored.</summary>
    public static string? Refusal(byte[] content, FileKind kind) =>
        kind == Docx ? OfficePackage.Check(content) : ImageCheck.Check(content, kind);

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
