using System.Runtime.CompilerServices;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Jalin.Core.Data;
using Jalin.Core.Files;
using UglyToad.PdfPig;

namespace Jalin.Core.Search;

/// <summary>The text of an uploaded PDF (PdfPig) or DOCX (Open XML) for the search index (kind
/// <see cref="SearchKind.DocumentText"/>). Bounded: files up to <see cref="MaxFileBytes"/>, the first
/// <see cref="MaxPages"/> pages, at most <see cref="SearchEntry.MaxBody"/> characters. A file that cannot be read
/// (damaged, encrypted, a scan without a text layer) gives an empty text, never an exception: the document is then
/// indexed by its title only.</summary>
public static class DocumentText
{
    public const long MaxFileBytes = 20L * 1024 * 1024;
    public const int MaxPages = 200;

    /// <summary>Whether files of this content type have text worth indexing.</summary>
    public static bool IsReadable(string? contentType) =>
        contentType == FileSniffer.Pdf.ContentType || contentType == FileSniffer.Docx.ContentType;

    /// <summary>The text of <paramref name="content"/>, by its magic bytes; "" when there is none or it cannot be read.</summary>
    public static string Extract(byte[] content)
    {
        if (content.LongLength == 0 || content.LongLength > MaxFileBytes) return "";
        var kind = FileSniffer.Detect(content);
        try
        {
            if (kind == FileSniffer.Pdf) return Pdf(content);
            if (kind == FileSniffer.Docx) return Docx(content);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or ThreadAbortException))
        {
            // A damaged or encrypted file: its title is what gets indexed.
        }
        return "";
    }

    private static string Pdf(byte[] content)
    {
        var sb = new StringBuilder();
        using var pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        if (pdf.IsEncrypted) return "";
        var pages = Math.Min(pdf.NumberOfPages, MaxPages);
        for (var i = 1; i <= pages && sb.Length < SearchEntry.MaxBody; i++)
        {
            foreach (var word in pdf.GetPage(i).GetWords())
            {
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(word.Text);
                if (sb.Length >= SearchEntry.MaxBody) break;
            }
        }
        return Cap(sb);
    }

    private static string Docx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart?.Document?.Body;
        if (body is null) return "";
        var sb = new StringBuilder();
        foreach (var p in body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>())
        {
            var text = p.InnerText;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(text.Trim());
            if (sb.Length >= SearchEntry.MaxBody) break;
        }
        return Cap(sb);
    }

    private static string Cap(StringBuilder sb) => (sb.Length > SearchEntry.MaxBody ? sb.ToString(0, SearchEntry.MaxBody) : sb.ToString()).Trim();

    private static readonly ConditionalWeakTable<JalinDb, Dictionary<string, byte[]>> Uploads = new();

    /// <summary>Keeps the bytes of a PDF or DOCX stored in this unit of work (<see cref="StoredFiles.StoreAsync"/>) so the
    /// index reads their text at the save that adds the document row, even where the indexer has no file store.</summary>
    internal static void Remember(JalinDb db, StoredBlob blob, byte[] content)
    {
        if (!IsReadable(blob.ContentType) || content.LongLength > MaxFileBytes) return;
        Uploads.GetValue(db, _ => new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase))[blob.Sha256] = content;
    }

    /// <summary>Drops the bytes kept for this unit of work (after its save, or when the save failed).</summary>
    internal static void Forget(JalinDb db) => Uploads.Remove(db);

    /// <summary>The text of the file stored under <paramref name="sha256"/>: from this unit of work's uploads or from the
    /// store; null when the bytes are not at hand (no store given, file missing or altered).</summary>
    internal static async Task<string?> OfStoredAsync(JalinDb db, FileStore? files, string sha256, long? size, CancellationToken ct)
    {
        if (size > MaxFileBytes) return "";
        if (Uploads.TryGetValue(db, out var kept) && kept.TryGetValue(sha256, out var bytes)) return Extract(bytes);
        if (files is null) return null;
        var read = await files.ReadAsync(sha256, ct);
        return read.Ok ? Extract(read.Value!) : null;
    }
}
