using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Jalin.Core.Files;

namespace Jalin.Core.Tests.Files;

public class FileTests
{
    private static byte[] Zip(params string[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write("<x/>");
            }
        return ms.ToArray();
    }

    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF");
    /// <summary>Image headers that declare a sane size (the upload checks declared dimensions).</summary>
    public static byte[] Png => Jalin.Tests.Shared.HostileFiles.Png(800, 600);
    public static byte[] Jpeg => Jalin.Tests.Shared.HostileFiles.Jpeg(800, 600);

    [Fact]
    public void Accepted_formats_are_recognised_by_content()
    {
        Assert.Same(FileSniffer.Pdf, FileSniffer.Detect(Pdf));
        Assert.Same(FileSniffer.Png, FileSniffer.Detect(Png));
        Assert.Same(FileSniffer.Jpeg, FileSniffer.Detect(Jpeg));
        Assert.Same(FileSniffer.Docx, FileSniffer.Detect(Zip("[Content_Types].xml", "word/document.xml", "word/styles.xml")));
        Assert.Equal(".jpg", FileSniffer.Jpeg.Extension);
        Assert.Equal("application/pdf", FileSniffer.Pdf.ContentType);
    }

    [Fact]
    public void Renamed_and_unknown_files_are_refused()
    {
        Assert.Null(FileSniffer.Detect(Encoding.UTF8.GetBytes("Ini berkas teks biasa, bukan PDF.")));         // surat.txt renamed surat.pdf
        Assert.Null(FileSniffer.Detect(Encoding.UTF8.GetBytes(" %PDF-1.7 with a leading space")));
        Assert.Null(FileSniffer.Detect(Zip("[Content_Types].xml", "xl/workbook.xml")));                            // an .xlsx is not a .docx
        Assert.Null(FileSniffer.Detect(Zip("word/document.xml")));
        Assert.Null(FileSniffer.Detect([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]));                                 // a broken zip
        Assert.Null(FileSniffer.Detect([0xFF, 0xD8, 0xFF]));                                                     // too short for a JPEG
        Assert.Null(FileSniffer.Detect([0x89, 0x50, 0x4E, 0x47]));                                               // truncated PNG signature
        Assert.Null(FileSniffer.Detect([]));
        Assert.Null(FileSniffer.Detect(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")));
    }

    [Fact]
    public async Task Store_is_content_addressed_and_refuses_odd_names()
    {
        var root = Path.Combine(Path.GetTempPath(), "jalin-core-tests", "files-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new FileStore(new FileStoreOptions { Root = root });
            var a = await store.SaveAsync(Pdf, FileSniffer.Pdf);
            var b = await store.SaveAsync(Pdf, FileSniffer.Pdf);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), a.Sha256);
            Assert.Equal(a, b);
            Assert.Equal(Pdf.LongLength, a.Size);
            Assert.Single(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
            Assert.Equal(Pdf, (await store.ReadAsync(a.Sha256)).Value);
            Assert.IsType<Jalin.Core.Common.NotFoundError>((await store.ReadAsync(new string('0', 64))).Error);
            Assert.IsType<Jalin.Core.Common.NotFoundError>((await store.ReadAsync("../../etc/passwd")).Error);
            Assert.IsType<Jalin.Core.Common.NotFoundError>((await store.ReadAsync(a.Sha256[..63] + "/")).Error);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }
}
