using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jalin.Tests.Shared;

/// <summary>Real hostile files built in the test: Word packages with a macro, a remote template,
/// an embedded OLE object, a linked picture, a part that unpacks to ~300 MB, and image bombs.</summary>
public static class HostileFiles
{
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    /// <summary>A valid DOCX (with a header, so it could be a letterhead) whose bytes differ per label.</summary>
    public static byte[] Docx(string label, Action<MainDocumentPart>? change = null)
    {
        var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new Text("PEMERINTAH KABUPATEN CONTOH"))));
            var id = main.GetIdOfPart(header);
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("Pasal 1"))), new Paragraph(new Run(new Text("RUANG LINGKUP"))),
                new Paragraph(new Run(new Text("Isi " + label + " " + Guid.NewGuid()))),
                new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = id })));
            change?.Invoke(main);
        }
        return stream.ToArray();
    }

    /// <summary>A DOCX carrying a VBA project: word/vbaProject.bin, its relationship and the
    /// macro-enabled main content type (what Word writes for a .docm).</summary>
    public static byte[] WithMacro() => Rewrite(Docx("makro"), zip =>
    {
        Write(zip, "word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3]);
        Replace(zip, "[Content_Types].xml", t => t
            .Replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "application/vnd.ms-word.document.macroEnabled.main+xml")
            .Replace("</Types>", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>"));
        Replace(zip, "word/_rels/document.xml.rels", t => t.Replace("</Relationships>",
            $"<Relationship Id=\"rIdVba\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"vbaProject.bin\"/></Relationships>"));
    });

    /// <summary>A DOCX whose settings attach a template on a remote server (the template-injection trick).</summary>
    public static byte[] WithRemoteTemplate() => Docx("templat", main =>
    {
        var settings = main.AddNewPart<DocumentSettingsPart>();
        var rel = settings.AddExternalRelationship(Rel + "attachedTemplate", new Uri("http://192.0.2.10/templat.dotm"));
        settings.Settings = new Settings(new AttachedTemplate { Id = rel.Id });
    });

    /// <summary>A DOCX whose header shows a picture linked from a remote server (fetched when opened).</summary>
    public static byte[] WithLinkedPicture() => Docx("gambar-tertaut", main =>
        main.HeaderParts.First().AddExternalRelationship(Rel + "image", new Uri("http://192.0.2.10/logo.png")));

    /// <summary>A DOCX with an embedded OLE object (word/embeddings/oleObject1.bin).</summary>
    public static byte[] WithOleObject() => Docx("ole", main =>
    {
        var ole = main.AddEmbeddedObjectPart("application/vnd.openxmlformats-officedocument.oleObject");
        ole.FeedData(new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 9, 9, 9]));
    });

    /// <summary>A DOCX with one part of zeros that unpacks to <paramref name="megabytes"/> MB,
    /// written streaming (the test never holds the unpacked bytes).</summary>
    public static byte[] Bomb(int megabytes = 300)
    {
        var ms = new MemoryStream();
        ms.Write(Docx("bom"));
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        using (var s = zip.CreateEntry("word/media/isi.bin", CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++) s.Write(zeros);
        }
        return ms.ToArray();
    }

    /// <summary>A PNG header declaring <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] Png(uint width, uint height)
    {
        var png = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
        png.AddRange("IHDR"u8.ToArray());
        png.AddRange(BigEndian(width));
        png.AddRange(BigEndian(height));
        png.AddRange(new byte[] { 8, 6, 0, 0, 0, 0, 0, 0, 0 });
        png.AddRange(Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N")));
        return [.. png];
    }

    /// <summary>A JPEG (APP0 then SOF0) declaring <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] Jpeg(ushort width, ushort height) =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
        0xFF, 0xC0, 0x00, 0x11, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
        0xFF, 0xD9,
    ];

    private static byte[] BigEndian(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    private static byte[] Rewrite(byte[] docx, Action<ZipArchive> change)
    {
        var ms = new MemoryStream();
        ms.Write(docx);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true)) change(zip);
        return ms.ToArray();
    }

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(content);
    }

    private static void Replace(ZipArchive zip, string name, Func<string, string> change)
    {
        var entry = zip.GetEntry(name)!;
        string text;
        using (var r = new StreamReader(entry.Open())) text = r.ReadToEnd();
        entry.Delete();
        using var w = new StreamWriter(zip.CreateEntry(name).Open());
        w.Write(change(text));
    }
}
