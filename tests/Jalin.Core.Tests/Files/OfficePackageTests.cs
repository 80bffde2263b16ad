using System.Security.Cryptography;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Tests.Shared;

namespace Jalin.Core.Tests.Files;

/// <summary>The one package check (uploads, letterhead, Word import) on real hostile files, the
/// image-bomb check and the SHA-256 check on read.</summary>
public class OfficePackageTests
{
    [Fact]
    public void A_plain_docx_with_a_hyperlink_passes()
    {
        var docx = HostileFiles.Docx("biasa", m => m.AddHyperlinkRelationship(new Uri("mailto:setda@contoh.go.id"), true));
        Assert.Null(OfficePackage.Check(docx));
        Assert.Null(FileSniffer.Refusal(docx, FileSniffer.Docx));
    }

    [Fact]
    public void Macros_remote_templates_linked_pictures_ole_objects_and_bombs_are_refused_in_indonesian()
    {
        Assert.Contains("makro (VBA)", OfficePackage.Check(HostileFiles.WithMacro()));
        Assert.Contains("templat jarak jauh", OfficePackage.Check(HostileFiles.WithRemoteTemplate()));
        Assert.Contains("sumber di luar berkas", OfficePackage.Check(HostileFiles.WithLinkedPicture()));
        Assert.Contains("objek OLE", OfficePackage.Check(HostileFiles.WithOleObject()));
        var bomb = HostileFiles.Bomb();
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"bomb is {bomb.Length} bytes");
        Assert.Contains("terlalu besar setelah dibuka", OfficePackage.Check(bomb));
        Assert.Contains("bukan paket Office", OfficePackage.Check([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
    }

    [Fact]
    public void The_word_import_refuses_the_same_packages_and_text_over_the_cap()
    {
        foreach (var bad in new[] { HostileFiles.WithMacro(), HostileFiles.WithRemoteTemplate(), HostileFiles.WithOleObject() })
            Assert.IsType<ValidationError>(DocxImport.Parse(new MemoryStream(bad), TemplateLayout.Naskah).Error);
        // 3.2 million characters of text in ~30 KB of DOCX: refused while streaming, before the DOM is built.
        var longText = HostileFiles.Docx("panjang", m =>
        {
            var body = m.Document!.Body!;
            for (var i = 0; i < 32; i++)
                body.InsertAt(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(
                    new DocumentFormat.OpenXml.Wordprocessing.Text(new string('a', 100_000)))), 0);
        });
        var error = Assert.IsType<ValidationError>(DocxImport.Parse(new MemoryStream(longText), TemplateLayout.Naskah).Error);
        Assert.Contains("lebih dari 3 juta karakter", error.Message);
    }

    [Fact]
    public void Image_bombs_are_refused_by_their_declared_size()
    {
        Assert.Null(ImageCheck.Check(HostileFiles.Png(2480, 3508), FileSniffer.Png));        // A4 at 300 dpi
        Assert.Null(ImageCheck.Check(HostileFiles.Jpeg(4960, 7016), FileSniffer.Jpeg));      // A4 at 600 dpi
        Assert.Contains("Gambar terlalu besar", ImageCheck.Check(HostileFiles.Png(100_000, 100_000), FileSniffer.Png));
        Assert.Contains("Gambar terlalu besar", ImageCheck.Check(HostileFiles.Png(uint.MaxValue, 1), FileSniffer.Png));
        Assert.Contains("Gambar terlalu besar", ImageCheck.Check(HostileFiles.Jpeg(65_000, 65_000), FileSniffer.Jpeg));
        Assert.Contains("rusak", ImageCheck.Check([0xFF, 0xD8, 0xFF, 0xD9], FileSniffer.Jpeg));
        Assert.Contains("rusak", ImageCheck.Check(HostileFiles.Png(0, 10), FileSniffer.Png));
    }

    [Fact]
    public async Task A_stored_file_changed_on_disk_is_not_served()
    {
        var root = Path.Combine(Path.GetTempPath(), "jalin-core-tests", "files-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new FileStore(new FileStoreOptions { Root = root });
            var content = HostileFiles.Docx("asli");
            var blob = await store.SaveAsync(content, FileSniffer.Docx);
            Assert.Equal(content, (await store.ReadAsync(blob.Sha256)).Value);
            var path = Directory.GetFiles(root, blob.Sha256, SearchOption.AllDirectories).Single();
            var changed = (byte[])content.Clone();
            changed[^10] ^= 0xFF;
            await File.WriteAllBytesAsync(path, changed);
            var read = await store.ReadAsync(blob.Sha256);
            Assert.Equal(FileStore.TamperedText, Assert.IsType<ConflictError>(read.Error).Message);
            Assert.NotEqual(blob.Sha256, Convert.ToHexStringLower(SHA256.HashData(changed)));
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }
}
