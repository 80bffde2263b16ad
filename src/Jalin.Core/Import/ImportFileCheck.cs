using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Jalin.Core.Import;

/// <summary>The limits of an import, from configuration (Import:MaxBytes, Import:MaxRows) with working defaults.</summary>
public sealed class ImportOptions
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;
    public const int DefaultMaxRows = 50_000;

    public long MaxBytes { get; set; } = DefaultMaxBytes;
    public int MaxRows { get; set; } = DefaultMaxRows;
    /// <summary>The most bytes one workbook part may unpack to (the sheet XML of 50,000 rows is well under it).</summary>
    public long MaxPartBytes { get; set; } = 100L * 1024 * 1024;
    /// <summary>The most bytes the whole workbook may unpack to.</summary>
    public long MaxUnpackedBytes { get; set; } = 200L * 1024 * 1024;
    /// <summary>The highest compression ratio of a large part: sheets of text compress about 5–20 times; a bomb thousands.</summary>
    public int MaxCompressionRatio { get; set; } = 200;
}

/// <summary>The checks every uploaded register goes through BEFORE it is parsed or kept: size, that it really is an XLSX
/// workbook (a ZIP with <c>[Content_Types].xml</c> and <c>xl/workbook.xml</c>) or a text CSV, no macros, and no zip bomb
/// (declared sizes and compression ratio of every entry, read from the ZIP directory, never by unpacking). Messages are
/// Indonesian and tell the person what to do.</summary>
public static class ImportFileCheck
{
    public const string NotRegister = "Berkas bukan buku kerja Excel (.xlsx) atau CSV yang dapat dibaca. Simpan register dari Excel sebagai \"Excel Workbook (.xlsx)\" atau \"CSV UTF-8\", lalu unggah lagi.";
    public const string Macro = "Buku kerja berisi makro (VBA) atau berformat .xlsm. Simpan sebagai \"Excel Workbook (.xlsx)\" tanpa makro, lalu unggah lagi.";
    public const string Empty = "Berkas kosong.";

    public static string TooLarge(long max) => $"Berkas terlalu besar (paling besar {max / 1024 / 1024} MB). Pecah register menjadi beberapa berkas, lalu impor satu per satu.";

    public static string Bomb(ImportOptions o) =>
        $"Isi buku kerja terlalu besar setelah dibuka atau terlalu rapat dimampatkan (paling besar {o.MaxPartBytes / 1024 / 1024} MB per bagian, {o.MaxUnpackedBytes / 1024 / 1024} MB seluruhnya, rasio {o.MaxCompressionRatio}:1). Berkas ditolak.";

    /// <summary>The format, or the Indonesian reason the file is refused.</summary>
    public static (ImportFileFormat? Format, string? Refusal) Check(byte[] content, string? fileName, ImportOptions options)
    {
        if (content.Length == 0) return (null, Empty);
        if (content.LongLength > options.MaxBytes) return (null, TooLarge(options.MaxBytes));
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (ext is ".xlsm" or ".xlsb" or ".xltm" or ".xlam") return (null, Macro);
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return CheckWorkbook(content, options);
        if (content.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            return (null, "Berkas berformat Excel lama (.xls). Buka di Excel lalu simpan sebagai \"Excel Workbook (.xlsx)\", lalu unggah lagi.");
        if (ext is ".xlsx") return (null, NotRegister);
        return IsText(content) ? (ImportFileFormat.Csv, null) : (null, NotRegister);
    }

    private static (ImportFileFormat?, string?) CheckWorkbook(byte[] content, ImportOptions o)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > 10_000) return (null, Bomb(o));
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                var file = name[(name.LastIndexOf('/') + 1)..];
                if (file.StartsWith("vbaProject", StringComparison.OrdinalIgnoreCase) || file.StartsWith("vbaData", StringComparison.OrdinalIgnoreCase)) return (null, Macro);
                if (entry.Length < 0 || entry.Length > o.MaxPartBytes || (total += entry.Length) > o.MaxUnpackedBytes) return (null, Bomb(o));
                // A small part may compress well (an empty sheet); a large one at a bomb's ratio is refused.
                if (entry.Length > 1024 * 1024 && entry.Length / Math.Max(1, entry.CompressedLength) > o.MaxCompressionRatio) return (null, Bomb(o));
            }
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || zip.GetEntry("xl/workbook.xml") is null) return (null, NotRegister);
            if (ContentTypesMention(types, "macroEnabled") || ContentTypesMention(types, "vbaProject")) return (null, Macro);
            return (ImportFileFormat.Xlsx, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or NotSupportedException or ArgumentException)
        {
            return (null, NotRegister);
        }
    }

    private static bool ContentTypesMention(ZipArchiveEntry entry, string word)
    {
        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 4_000_000 });
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.GetAttribute("ContentType") is { } t && t.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Text: no NUL bytes and no other control characters besides tab, CR and LF in the first 64 KB, and either
    /// valid UTF-8 or a single-byte text (read as Windows-1252).</summary>
    public static bool IsText(byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 64 * 1024));
        foreach (var b in head)
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D)) return false;
        return true;
    }

    static ImportFileCheck() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The text of a CSV: UTF-8 (with or without BOM) when it decodes as UTF-8, otherwise Windows-1252 (what Excel
    /// on Indonesian Windows writes for "CSV (Comma delimited)").</summary>
    public static string DecodeText(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) span = span[3..];
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(span);
        }
    }
}
