using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jalin.Core.Agreements;
using Jalin.Core.Regions;
using static Jalin.Core.Drafting.NaskahDocx;

namespace Jalin.Core.Drafting;

/// <summary>Everything needed to write one version of a draft as DOCX.</summary>
public sealed record DraftRender(TemplateDefinition Template, Agreement Agreement, Region Owner, IReadOnlyList<DraftClause> Clauses, string Place,
    string? Number, DateOnly? Date, IReadOnlyDictionary<string, string?> Fields, byte[]? Letterhead = null, DocumentFont? Font = null);

public static class DraftRenders
{
    /// <summary>Everything to write <paramref name="clauses"/> of an agreement's draft: the owner,
    /// the field values and, for letters, the region's letterhead.</summary>
    public static async Task<DraftRender> ForAsync(Data.JalinDb db, Files.FileStore files, TemplateDefinition template, Agreement a,
        IReadOnlyList<DraftClause> clauses, string place, string? number, DateOnly? date, DateOnly today, CancellationToken ct)
    {
        var (owner, values) = await DraftFields.ForAsync(db, a, today, ct);
        var letterhead = template.Layout == TemplateLayout.Letter ? await RegionTemplates.LetterheadBytesAsync(db, files, a.RegionCode, ct) : null;
        var (font, _) = await DocumentFont.ForRegionAsync(db, a.RegionCode, ct);
        return new DraftRender(template, a, owner, clauses, place, number, date, values, letterhead, font);
    }
}

/// <summary>Writes a draft in its layout: naskah (through <see cref="NaskahDocx"/>), letter
/// (kop, nomor, perihal, yth., body, signature of the regional head) or outline (BAB I, II ...).</summary>
public static class DraftDocx
{
    public static byte[] Write(DraftRender r) => r.Template.Layout switch
    {
        TemplateLayout.Naskah => NaskahDocx.Write(ToNaskah(r)),
        TemplateLayout.Letter => r.Letterhead is { } kop ? Jalin.Core.Drafting.Letterhead.Apply(Letter(r), kop) : Letter(r),
        _ => Outline(r),
    };

    public static NaskahModel ToNaskah(DraftRender r)
    {
        var owner = r.Agreement.RegionCode;
        // A region party is named as its government in the title and the identities ("PEMERINTAH KOTA CIMAHI").
        static string Named(Agreements.AgreementParty p) =>
            p.RegionCode is not null && !p.Name.StartsWith("Pemerintah", StringComparison.OrdinalIgnoreCase) ? "Pemerintah " + p.Name : p.Name;
        var parties = r.Agreement.Parties.OrderBy(p => p.Order).Select(p => new NaskahParty(Named(p),
            p.RegionCode == owner && r.Number is not null ? r.Number : p.DocumentNumber,
            p.SignatoryName, p.SignatoryOffice, Named(p))).ToList();
        var articles = r.Clauses.Select(c => new NaskahArticle(c.Heading, c.Paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).ToList())).ToList();
        return new NaskahModel(r.Template.FormTitle, r.Agreement.Title, parties, r.Date, r.Place, articles, Font: r.Font);
    }

    private static byte[] Letter(DraftRender r)
    {
        var subject = DraftFields.Fill(r.Template.Subject ?? "", r.Fields);
        var addressee = DraftFields.Fill(r.Template.Addressee ?? "", r.Fields);
        return Build(r.Font, body =>
        {
            if (r.Letterhead is null) Kop(body, r.Owner);
            if (r.Template.FormTitle.Length > 0)
            {
                body.Append(Centered(r.Template.FormTitle.ToUpperInvariant(), bold: true, size: 26));
                body.Append(Centered($"NOMOR: {r.Number ?? DraftFields.Blank}"));
            }
            else
            {
                body.Append(Right($"{r.Place}, {(r.Date is { } d ? IndonesianWords.Date(d) : DraftFields.Blank)}"));
                body.Append(Justified($"Nomor\t: {r.Number ?? DraftFields.Blank}"));
                body.Append(Justified("Sifat\t: Biasa"));
                body.Append(Justified("Lampiran\t: 1 (satu) berkas"));
                body.Append(Justified($"Perihal\t: {subject}"));
                body.Append(Justified($"Yth. {addressee}"));
                body.Append(Justified("di tempat", indent: 360));
            }
            foreach (var c in r.Clauses)
            {
                if (c.Heading.Length > 0) body.Append(Justified(c.Heading, indent: 0));
                foreach (var p in c.Paragraphs.Where(p => !string.IsNullOrWhiteSpace(p))) body.Append(Justified(p));
            }
            if (r.Template.FormTitle.Length > 0)
                body.Append(Right($"Ditetapkan di {r.Place}, {(r.Date is { } d2 ? IndonesianWords.Date(d2) : DraftFields.Blank)}"));
            var head = DraftFields.HeadOf(r.Owner).ToUpperInvariant();
            body.Append(Right(head + ",", bold: true));
            body.Append(Right(" "), Right(" "), Right(" "));
            var signer = r.Agreement.Parties.OrderBy(p => p.Order).FirstOrDefault();
            body.Append(Right(r.Template.Form == DocumentKind.PowerOfAttorney ? DraftFields.Blank : DraftFields.SignatoryName(signer?.SignatoryName, signer?.SignatoryOffice) ?? DraftFields.Blank, bold: true));
        });
    }

    private static byte[] Outline(DraftRender r) => Build(r.Font, body =>
    {
        body.Append(Centered(r.Template.FormTitle.ToUpperInvariant(), bold: true, size: 28));
        body.Append(Centered(DraftFields.Subject(r.Agreement.Title).ToUpperInvariant(), bold: true));
        body.Append(Centered(r.Owner.FullName.ToUpperInvariant()));
        for (var i = 0; i < r.Clauses.Count; i++)
        {
            var c = r.Clauses[i];
            body.Append(Centered($"BAB {Roman(i + 1)}", bold: true, keepNext: true));
            body.Append(Centered(c.Heading.ToUpperInvariant(), bold: true, keepNext: true));
            foreach (var p in c.Paragraphs.Where(p => !string.IsNullOrWhiteSpace(p))) body.Append(Justified(p));
        }
    });

    private static byte[] Build(DocumentFont? font, Action<Body> fill)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main, font);
            var body = new Body();
            fill(body);
            body.Append(A4());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void Kop(Body body, Region owner)
    {
        body.Append(Centered("PEMERINTAH " + owner.FullName.ToUpperInvariant(), bold: true, size: 28));
        var line = new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Double, Size = 6, Space = 1 }),
            new Justification { Val = JustificationValues.Center }), TextRun("SEKRETARIAT DAERAH", bold: true));
        body.Append(line);
    }

    private static Paragraph Right(string text, bool bold = false) =>
        new(new ParagraphProperties(new Indentation { Left = "4536" }), TextRun(text, bold));

    public static string Roman(int n)
    {
        var values = new[] { 10, 9, 5, 4, 1 };
        var symbols = new[] { "X", "IX", "V", "IV", "I" };
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < values.Length; i++)
            while (n >= values[i]) { sb.Append(symbols[i]); n -= values[i]; }
        return sb.ToString();
    }
}
