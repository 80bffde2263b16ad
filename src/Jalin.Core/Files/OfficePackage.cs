using System.IO.Compression;
using System.Xml;

namespace Jalin.Core.Files;

/// <summary>The one check every Office (OOXML) package from outside goes through before Jalin keeps
/// or reads it: document uploads, the region's letterhead and the Word import. A package is refused
/// when it unpacks to too much (zip bomb), holds too many parts, carries macros (VBA project,
/// macro-enabled content types), embedded OLE objects or ActiveX controls, or points outside itself
/// (a relationship with <c>TargetMode="External"</c>: a remote template, a linked picture, a linked
/// object). Hyperlinks are the one external relationship kept: Office and LibreOffice never fetch
/// them on their own, and Word turns every typed address (e-mail in a kop surat) into one.
/// Only the ZIP directory, <c>[Content_Types].xml</c> and the <c>.rels</c> parts are read, each
/// through a bounded stream.</summary>
public static class OfficePackage
{
    /// <summary>The most parts (ZIP entries) in one package.</summary>
    public const int MaxEntries = 2000;
    /// <summary>The most uncompressed bytes of one part.</summary>
    public const long MaxPartBytes = 50L * 1024 * 1024;
    /// <summary>The most uncompressed bytes of the whole package.</summary>
    public const long MaxPackageBytes = 200L * 1024 * 1024;
    /// <summary>The most bytes of one XML part the inspector itself reads (content types, relationships).</summary>
    private const long MaxInspectedXml = 8L * 1024 * 1024;

    public const string HyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    public const string NotPackage = "Berkas bukan paket Office (DOCX) yang dapat dibaca.";

    /// <summary>Null when the package may be kept, else the Indonesian reason it is refused.</summary>
    public static string? Check(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
                return $"Paket Office berisi {zip.Entries.Count} bagian; paling banyak {MaxEntries} bagian.";
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length < 0 || entry.Length > MaxPartBytes || (total += entry.Length) > MaxPackageBytes)
                    return $"Isi berkas terlalu besar setelah dibuka (paling besar {MaxPartBytes / 1024 / 1024} MB per bagian dan {MaxPackageBytes / 1024 / 1024} MB seluruhnya). Berkas ditolak.";
                var name = entry.FullName.Replace('\\', '/');
                var file = name[(name.LastIndexOf('/') + 1)..];
                if (file.StartsWith("vbaProject", StringComparison.OrdinalIgnoreCase) || file.StartsWith("vbaData", StringComparison.OrdinalIgnoreCase))
                    return Macro;
                if (file.StartsWith("oleObject", StringComparison.OrdinalIgnoreCase)
                    || (name.Contains("/embeddings/", StringComparison.OrdinalIgnoreCase) && file.EndsWith(".bin", StringComparison.OrdinalIgnoreCase)))
                    return Ole;
                if (name.Contains("/activeX/", StringComparison.OrdinalIgnoreCase)) return ActiveX;
            }
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null) return NotPackage;
            if (CheckContentTypes(types) is { } typeError) return typeError;
            foreach (var rels in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
                if (CheckRelationships(rels) is { } relError) return relError;
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException or XmlException)
        {
            return NotPackage;
        }
    }

    private const string Macro = "Berkas berisi makro (VBA). Simpan sebagai dokumen tanpa makro (.docx), lalu unggah lagi.";
    private const string Ole = "Berkas berisi objek OLE tersemat (mis. berkas lain yang ditanam di dokumen). Hapus objek itu atau ganti dengan gambar, lalu unggah lagi.";
    private const string ActiveX = "Berkas berisi kontrol ActiveX. Hapus kontrol itu, lalu unggah lagi.";

    private static string? CheckContentTypes(ZipArchiveEntry entry)
    {
        foreach (var type in Attributes(entry, "ContentType"))
        {
            if (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || type.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)
                || type.Contains("vbaData", StringComparison.OrdinalIgnoreCase))
                return Macro;
            if (type.Contains("oleObject", StringComparison.OrdinalIgnoreCase)) return Ole;
            if (type.Contains("activeX", StringComparison.OrdinalIgnoreCase)) return ActiveX;
        }
        return null;
    }

    private static string? CheckRelationships(ZipArchiveEntry entry)
    {
        using var stream = new BoundedStream(entry.Open(), MaxInspectedXml);
        using var xml = XmlReader.Create(stream, Settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
            var type = xml.GetAttribute("Type") ?? "";
            var external = string.Equals(xml.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
            if (type.EndsWith("/vbaProject", StringComparison.OrdinalIgnoreCase)) return Macro;
            if (type.EndsWith("/oleObject", StringComparison.OrdinalIgnoreCase)) return Ole;
            if (type.EndsWith("/control", StringComparison.OrdinalIgnoreCase) || type.Contains("activeX", StringComparison.OrdinalIgnoreCase)) return ActiveX;
            if (!external || type == HyperlinkType) continue;
            return type.EndsWith("/attachedTemplate", StringComparison.OrdinalIgnoreCase)
                ? "Berkas memakai templat jarak jauh (attachedTemplate ke alamat di luar berkas). Lepaskan templat itu (Developer > Document Template), simpan, lalu unggah lagi."
                : "Berkas memuat tautan ke sumber di luar berkas (gambar, objek atau bingkai tertaut). Sematkan isinya ke dalam dokumen atau hapus tautannya, lalu unggah lagi.";
        }
        return null;
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxInspectedXml, IgnoreComments = true,
    };

    private static IEnumerable<string> Attributes(ZipArchiveEntry entry, string attribute)
    {
        using var stream = new BoundedStream(entry.Open(), MaxInspectedXml);
        using var xml = XmlReader.Create(stream, Settings);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.GetAttribute(attribute) is { } value)
                yield return value;
    }
}

/// <summary>Reads at most <paramref name="limit"/> bytes of a stream, then fails (an entry that
/// unpacks to more than its directory says).</summary>
internal sealed class BoundedStream(Stream inner, long limit) : Stream
{
    private long _read;
    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        if ((_read += n) > limit) throw new InvalidDataException("part larger than allowed");
        return n;
    }
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
