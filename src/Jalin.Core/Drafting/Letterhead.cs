using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jalin.Core.Drafting;

/// <summary>A region's kop surat: the default header of a DOCX the officer uploads, copied (with
/// its logo images) into every letter Jalin writes for the region.</summary>
public static class Letterhead
{
    public static bool HasHeader(byte[] docx)
    {
        try
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
            return HeaderOf(doc) is not null;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException)
        {
            return false;
        }
    }

    private static HeaderPart? HeaderOf(WordprocessingDocument doc)
    {
        var main = doc.MainDocumentPart;
        if (main is null) return null;
        var refs = main.Document?.Body?.Descendants<HeaderReference>().ToList() ?? [];
        var id = refs.FirstOrDefault(r => r.Type?.Value == HeaderFooterValues.First)?.Id?.Value
                 ?? refs.FirstOrDefault(r => r.Type is null || r.Type.Value == HeaderFooterValues.Default)?.Id?.Value;
        var part = id is not null ? main.GetPartById(id) as HeaderPart : main.HeaderParts.FirstOrDefault();
        return part?.Header?.HasChildren == true ? part : null;
    }

    /// <summary>A copy of <paramref name="docx"/> whose every section shows the letterhead's header.</summary>
    public static byte[] Apply(byte[] docx, byte[] letterhead)
    {
        using var source = WordprocessingDocument.Open(new MemoryStream(letterhead), false);
        var header = HeaderOf(source) ?? throw new InvalidOperationException("letterhead has no header");
        var stream = new MemoryStream();
        stream.Write(docx);
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var main = doc.MainDocumentPart!;
            var copy = main.AddPart(header);
            var id = main.GetIdOfPart(copy);
            var body = main.Document!.Body!;
            var sections = body.Descendants<SectionProperties>().ToList();
            if (sections.Count == 0) body.Append(sections.AddAndReturn(new SectionProperties()));
            foreach (var s in sections)
            {
                foreach (var old in s.Elements<HeaderReference>().ToList()) old.Remove();
                s.PrependChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = id });
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static T AddAndReturn<T>(this List<T> list, T item)
    {
        list.Add(item);
        return item;
    }
}
