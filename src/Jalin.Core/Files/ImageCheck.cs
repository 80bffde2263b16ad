using System.Buffers.Binary;

namespace Jalin.Core.Files;

/// <summary>Refuses image bombs: a small PNG or JPEG whose header declares more pixels than any
/// scan needs (a viewer or thumbnailer would allocate width × height × 4 bytes). The declared
/// dimensions are read from the header (PNG IHDR, JPEG SOFn); an image whose header cannot be
/// found is refused too.</summary>
public static class ImageCheck
{
    /// <summary>The most pixels of an accepted image: 50 megapixels (an A4 page scanned at 600 dpi is about 35).</summary>
    public const long MaxPixels = 50_000_000;
    /// <summary>The longest side of an accepted image.</summary>
    public const int MaxSide = 20_000;

    /// <summary>Null when the image may be kept, else the Indonesian reason it is refused.</summary>
    public static string? Check(ReadOnlySpan<byte> content, FileKind kind)
    {
        (int Width, int Height)? size = kind == FileSniffer.Png ? Png(content) : kind == FileSniffer.Jpeg ? Jpeg(content) : null;
        if (kind != FileSniffer.Png && kind != FileSniffer.Jpeg) return null;
        if (size is not { } s || s.Width <= 0 || s.Height <= 0)
            return $"Berkas gambar {kind.Name} rusak: ukuran gambarnya tidak dapat dibaca.";
        if (s.Width > MaxSide || s.Height > MaxSide || (long)s.Width * s.Height > MaxPixels)
            return $"Gambar terlalu besar: {s.Width} × {s.Height} piksel (paling besar {MaxPixels / 1_000_000} megapiksel, sisi terpanjang {MaxSide} piksel). Perkecil resolusinya, lalu unggah lagi.";
        return null;
    }

    private static (int, int)? Png(ReadOnlySpan<byte> c)
    {
        // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4).
        if (c.Length < 24 || !c.Slice(12, 4).SequenceEqual("IHDR"u8)) return null;
        var w = BinaryPrimitives.ReadUInt32BigEndian(c.Slice(16, 4));
        var h = BinaryPrimitives.ReadUInt32BigEndian(c.Slice(20, 4));
        return w > int.MaxValue || h > int.MaxValue ? (int.MaxValue, int.MaxValue) : ((int)w, (int)h);
    }

    private static (int, int)? Jpeg(ReadOnlySpan<byte> c)
    {
        var i = 2;
        while (i + 4 <= c.Length)
        {
            if (c[i] != 0xFF) return null;
            var marker = c[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0xD8 or 0x01 || marker is >= 0xD0 and <= 0xD7) { i += 2; continue; }
            if (marker is 0xD9 or 0xDA) return null; // end of image or start of scan before any frame header
            var length = BinaryPrimitives.ReadUInt16BigEndian(c.Slice(i + 2, 2));
            if (length < 2) return null;
            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
            {
                if (i + 9 > c.Length) return null;
                int h = BinaryPrimitives.ReadUInt16BigEndian(c.Slice(i + 5, 2));
                int w = BinaryPrimitives.ReadUInt16BigEndian(c.Slice(i + 7, 2));
                return (w, h);
            }
            i += 2 + length;
        }
        return null;
    }
}
