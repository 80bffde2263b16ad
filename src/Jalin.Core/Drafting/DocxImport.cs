using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jalin.Core.Common;

namespace Jalin.Core.Drafting;

/// <summary>What a Word file became: the clauses and what the officer should know about the
/// import (parts left out, pasal whose muatan type is unknown).</summary>
public sealed record ImportedDraft(IReadOnlyList<DraftClause> Clauses, IReadOnlyList<string> Notes);

/// <summary>Reads an existing Word draft (DOCX) into Jalin's clause model: "Pasal N" + heading +
/// ayat "(1) ..." for a naskah, "BAB I" chapters for an outline, the body for a letter. The
/// opening, the parties and the signature blocks are not imported: Jalin writes them from the
/// agreement's data. Never throws on bad input; the limits are those a save applies
/// (<see cref="ClauseInputs"/>), so an import is always something a save accepts.</summary>
public static partial class DocxImport
{
    /// <summary>The upload limit of the file store.</summary>
    public const long MaxBytes = Files.FileStoreOptions.DefaultMaxBytes;
    /// <summary>The most uncompressed XML read from one part (zip-bomb guard).</summary>
    public const long MaxPartBytes = Files.OfficePackage.MaxPartBytes;
    /// <summary>The most uncompressed bytes of the whole package.</summary>
    public const long MaxPackageBytes = Files.OfficePackage.MaxPackageBytes;
    /// <summary>The most characters of text in the document body, counted before the body is read into memory.</summary>
    public const long MaxTextCharacters = 3_000_000;
    public const int MaxHeading = 300;
    private const int MaxHeadingLine = 120;

    private const string NotWord = "Berkas bukan dokumen Word (.docx) yang dapat dibaca.";

    private static ValidationError Bad(string message) => ValidationError.Of("file", message);

    public static Result<ImportedDraft> Parse(Stream docx, TemplateLayout layout)
    {
        byte[] bytes;
        try
        {
            if (docx is null || !docx.CanRead) return Bad(NotWord);
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = docx.Read(buffer, 0, buffer.Length)) > 0)
            {
                copy.Write(buffer, 0, read);
                if (copy.Length > MaxBytes) return Bad(Files.FileStore.TooLargeText(MaxBytes));
            }
            bytes = copy.ToArray();
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            return Bad(NotWord);
        }
        if (bytes.Length == 0) return Bad("Berkas kosong.");
        // An encrypted (password-protected) DOCX, like an old .doc, is an OLE compound file, not a ZIP.
        if (bytes.Length >= 8 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
            return Bad("Berkas terenkripsi (dilindungi kata sandi) atau berformat Word lama (.doc). Simpan sebagai .docx tanpa kata sandi, lalu unggah lagi.");
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K') return Bad(NotWord);
        if (CheckPackage(bytes) is { } packageError) return packageError;

        List<Item> items;
        try
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { MaxCharactersInPart = MaxPartBytes, AutoSave = false });
            var body = doc.MainDocumentPart?.Document?.Body;
            if (body is null) return Bad(NotWord);
            items = new Reader(doc.MainDocumentPart!).Read(body);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Bad(NotWord);
        }
        if (!items.Any(i => i is Line)) return Bad("Dokumen Word tidak berisi teks.");

        var result = layout switch
        {
            TemplateLayout.Naskah => Naskah(items),
            TemplateLayout.Outline => Outline(items),
            _ => Letter(items),
        };
        if (!result.Ok) return result;
        return Check(result.Value!, layout);
    }

    /// <summary>Refuses what is not a Word package through the one package check every Office
    /// file from outside goes through (<see cref="Files.OfficePackage"/>: size, parts, macros,
    /// OLE objects, external relationships), then a document whose text is longer than
    /// <see cref="MaxTextCharacters"/>, counted while streaming the XML, before any of it is built
    /// into memory.</summary>
    private static ValidationError? CheckPackage(byte[] bytes)
    {
        if (Files.OfficePackage.Check(bytes) is { } refused) return Bad(refused == Files.OfficePackage.NotPackage ? NotWord : refused);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var document = zip.GetEntry("word/document.xml");
            if (document is null) return Bad(NotWord);
            using var stream = document.Open();
            using var xml = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings
            {
                DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxPartBytes,
            });
            long text = 0;
            while (xml.Read())
                if (xml.NodeType is System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.SignificantWhitespace or System.Xml.XmlNodeType.CDATA
                    && (text += xml.Value.Length) > MaxTextCharacters)
                    return Bad($"Teks dokumen Word terlalu panjang (lebih dari {MaxTextCharacters / 1_000_000} juta karakter). Pecah dokumen itu, lalu impor bagian yang diperlukan.");
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or NotSupportedException)
        {
            return Bad(NotWord);
        }
    }

    /// <summary>The limits a save applies (<see cref="ClauseInputs"/>), checked on the import.</summary>
    private static Result<ImportedDraft> Check(ImportedDraft d, TemplateLayout layout)
    {
        var what = layout == TemplateLayout.Outline ? "bab" : "pasal";
        if (d.Clauses.Count > ClauseInputs.MaxClauses)
            return Bad($"Dokumen berisi {d.Clauses.Count} {what}; paling banyak {ClauseInputs.MaxClauses} {what}.");
        for (var i = 0; i < d.Clauses.Count; i++)
        {
            var c = d.Clauses[i];
            var name = layout == TemplateLayout.Letter ? "Isi surat" : $"{Title(what)} {i + 1}";
            if (c.Heading.Length > MaxHeading) return Bad($"Judul {name} lebih dari {MaxHeading} karakter.");
            for (var p = 0; p < c.Paragraphs.Count; p++)
                if (c.Paragraphs[p].Length > ClauseInputs.MaxParagraph)
                    return Bad($"{name}, paragraf ke-{p + 1}, lebih dari {ClauseInputs.MaxParagraph} karakter. Pecah paragraf itu menjadi beberapa ayat.");
        }
        var unknown = d.Clauses.SelectMany(c => c.Paragraphs.Append(c.Heading)).SelectMany(DraftFields.Unknown).Distinct().ToList();
        if (unknown.Count > 0)
            return new ImportedDraft(d.Clauses, [.. d.Notes,
                "Teks berisi isian yang tidak dikenal Jalin: " + string.Join(", ", unknown.Select(u => "{{" + u + "}}")) + ". Ganti atau hapus sebelum menyimpan."]);
        return d;
    }

    // ------------------------------------------------------------------ reading the body

    /// <summary>Word's automatic numbering of a paragraph: format ("decimal", "lowerLetter"...),
    /// level and the level's text ("(%1)", "%1.", "Pasal %1").</summary>
    private sealed record NumberInfo(int NumId, int Level, string Format, string LevelText);

    private abstract record Item;
    /// <summary>One line of a paragraph (a paragraph split at w:br). <see cref="Continues"/>: not
    /// the paragraph's first line. Only the first line carries the paragraph's numbering.</summary>
    private sealed record Line(string Text, NumberInfo? Number, bool Continues) : Item;
    private sealed record TableItem(bool HasText) : Item;

    private sealed class Reader(MainDocumentPart main)
    {
        private readonly Styles? styles = main.StyleDefinitionsPart?.Styles;
        private readonly DocumentFormat.OpenXml.Wordprocessing.Numbering? numbering = main.NumberingDefinitionsPart?.Numbering;

        public List<Item> Read(Body body)
        {
            var items = new List<Item>();
            Blocks(body, items);
            return items;
        }

        private void Blocks(OpenXmlElement parent, List<Item> items)
        {
            foreach (var e in parent.ChildElements)
                switch (e)
                {
                    case Paragraph p:
                        var text = TextOf(p);
                        var lines = text.Split('\n').Select(Clean).ToList();
                        var first = true;
                        var number = NumberOf(p);
                        // "Pasal %1" / "BAB %1" numbering with no text: the number alone is the line.
                        if (lines.All(l => l.Length == 0) && number is { } n
                            && (n.LevelText.TrimStart().StartsWith("Pasal", StringComparison.OrdinalIgnoreCase) || n.LevelText.TrimStart().StartsWith("BAB", StringComparison.OrdinalIgnoreCase)))
                            items.Add(new Line("", number, false));
                        foreach (var l in lines)
                        {
                            if (l.Length == 0) continue;
                            items.Add(new Line(l, first ? number : null, !first));
                            first = false;
                        }
                        break;
                    case Table t:
                        items.Add(new TableItem(t.Descendants<Paragraph>().Any(p => Clean(TextOf(p).Replace('\n', ' ')).Length > 0)));
                        break;
                    case SdtBlock sdt:
                        if (sdt.SdtContentBlock is { } content) Blocks(content, items);
                        break;
                    case CustomXmlBlock custom:
                        Blocks(custom, items);
                        break;
                }
        }

        /// <summary>The visible text of a paragraph: runs' text, tab as space, break as newline;
        /// deleted text and field codes are not text; text boxes and shapes are left out.</summary>
        private static string TextOf(OpenXmlElement p)
        {
            var sb = new StringBuilder();
            Walk(p);
            return sb.ToString();

            void Walk(OpenXmlElement e)
            {
                foreach (var c in e.ChildElements)
                    switch (c)
                    {
                        case Text t: sb.Append(t.Text); break;
                        case TabChar or PositionalTab: sb.Append(' '); break;
                        case Break or CarriageReturn: sb.Append('\n'); break;
                        case NoBreakHyphen: sb.Append('-'); break;
                        case SoftHyphen: break;
                        case TextBoxContent or AlternateContent or Drawing or Picture or DeletedRun or MoveFromRun: break;
                        case ParagraphProperties or RunProperties: break;
                        default: if (c.HasChildren) Walk(c); break;
                    }
            }
        }

        private NumberInfo? NumberOf(Paragraph p)
        {
            var pPr = p.ParagraphProperties;
            int? numId = pPr?.NumberingProperties?.NumberingId?.Val?.Value;
            int? level = pPr?.NumberingProperties?.NumberingLevelReference?.Val?.Value;
            var styleId = pPr?.ParagraphStyleId?.Val?.Value;
            for (var depth = 0; numId is null && styleId is not null && depth < 10; depth++)
            {
                var style = styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
                if (style is null) break;
                var sNum = style.StyleParagraphProperties?.NumberingProperties;
                if (sNum?.NumberingId?.Val?.Value is { } sId) { numId = sId; level ??= sNum.NumberingLevelReference?.Val?.Value; }
                styleId = style.BasedOn?.Val?.Value;
            }
            if (numId is not { } id || id == 0) return null;
            var lvl = level ?? 0;
            var instance = numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == id);
            if (instance is null) return new NumberInfo(id, lvl, "decimal", "%1.");
            var overrideLevel = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == lvl)?.Level;
            var abstractId = instance.AbstractNumId?.Val?.Value;
            var definition = overrideLevel ?? numbering!.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)
                ?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == lvl);
            var format = definition?.NumberingFormat?.Val?.HasValue == true ? definition.NumberingFormat.Val.InnerText ?? "decimal" : "decimal";
            return new NumberInfo(id, lvl, format, definition?.LevelText?.Val?.Value ?? "");
        }
    }

    private static string Clean(string s) => Spaces().Replace(s.Replace('\u00A0', ' ').Replace("\u200B", ""), " ").Trim();

    // ------------------------------------------------------------------ naskah

    private static bool IsPasal(Line l, out string? rest)
    {
        rest = null;
        if (l.Continues is false && l.Number is { } n && n.LevelText.TrimStart().StartsWith("Pasal", StringComparison.OrdinalIgnoreCase))
        {
            rest = l.Text;
            return true;
        }
        var m = PasalLine().Match(l.Text);
        if (m.Success)
        {
            rest = m.Groups["rest"].Value.Trim();
            return true;
        }
        // "Pasal 1 MAKSUD DAN TUJUAN": a heading in capitals without a separator (a sentence
        // starting "Pasal 6 ayat (2) ..." has lowercase letters and is not a pasal).
        m = PasalCapitals().Match(l.Text);
        if (!m.Success || m.Groups["rest"].Value.Length > MaxHeadingLine || m.Groups["rest"].Value.Any(char.IsLower)) return false;
        rest = m.Groups["rest"].Value.Trim();
        return true;
    }

    private static bool IsBab(Line l, out string? rest)
    {
        rest = null;
        if (l.Continues is false && l.Number is { } n && n.LevelText.TrimStart().StartsWith("BAB", StringComparison.OrdinalIgnoreCase))
        {
            rest = l.Text;
            return true;
        }
        var m = BabLine().Match(l.Text);
        if (!m.Success) return false;
        rest = m.Groups["rest"].Value.Trim();
        return true;
    }

    private static bool IsSignature(string text) => SignatureLine().IsMatch(text) || ClosingLine().IsMatch(text);

    private static bool IsMarked(Line l) => l.Number is not null || AyatMarker().IsMatch(l.Text) || ItemMarker().IsMatch(l.Text);

    /// <summary>The line after "Pasal N" is its heading when it is short, not numbered and does not
    /// read like a sentence.</summary>
    private static bool IsHeadingLine(Line l) =>
        !l.Continues && l.Text.Length <= MaxHeadingLine && !IsMarked(l) && !IsPasal(l, out _) && !IsBab(l, out _)
        && !IsSignature(l.Text) && !".;,:".Contains(l.Text[^1]);

    private static Result<ImportedDraft> Naskah(List<Item> items)
    {
        var notes = new List<string>();
        var pasal = new List<int>();
        for (var i = 0; i < items.Count; i++)
            if (items[i] is Line l && IsPasal(l, out _)) pasal.Add(i);
        if (pasal.Count == 0)
            return Bad("Tidak ditemukan \"Pasal 1\" dalam dokumen: pastikan setiap pasal diawali baris \"Pasal N\".");

        // The last pasal ends at the closing formula or the signature section; failing those, at the
        // first table after it (the signature table).
        var end = items.Count;
        for (var i = pasal[^1] + 1; i < items.Count; i++)
            if (items[i] is Line l && IsSignature(l.Text)) { end = i; break; }
        if (end == items.Count)
            for (var i = pasal[^1] + 1; i < items.Count; i++)
                if (items[i] is TableItem) { end = i; break; }
        if (items.Take(pasal[0]).Any(i => i is Line))
            notes.Add("Judul, pembukaan (\"Pada hari ini …\") dan identitas para pihak sebelum Pasal 1 tidak diimpor: bagian itu ditulis Jalin dari data kerja sama.");
        if (items.Skip(end).Any(i => i is Line or TableItem { HasText: true }))
            notes.Add("Kalimat penutup (\"Demikian …\") dan blok tanda tangan setelah pasal terakhir tidak diimpor: bagian itu ditulis Jalin dari data para pihak.");

        var clauses = new List<DraftClause>();
        var dropped = false;
        for (var k = 0; k < pasal.Count; k++)
        {
            var number = k + 1;
            var start = pasal[k];
            var stop = k + 1 < pasal.Count ? pasal[k + 1] : end;
            IsPasal((Line)items[start], out var heading);
            var i = start + 1;
            if (string.IsNullOrEmpty(heading) && i < stop && items[i] is Line next && IsHeadingLine(next))
            {
                heading = next.Text;
                // A heading broken over two lines of one paragraph ("MAKSUD" / "DAN TUJUAN").
                for (i++; i < stop && items[i] is Line { Continues: true } more && heading.Length + more.Text.Length < MaxHeadingLine; i++)
                    heading += " " + more.Text;
            }
            var lines = new List<Line>();
            var table = false;
            for (; i < stop; i++)
            {
                switch (items[i])
                {
                    case TableItem t:
                        table |= t.HasText;
                        break;
                    case Line l when IsBab(l, out var babRest):
                        dropped = true;
                        // The chapter's title on the next line goes with it.
                        if (string.IsNullOrEmpty(babRest) && i + 1 < stop && items[i + 1] is Line title && IsHeadingLine(title)) i++;
                        break;
                    case Line l:
                        lines.Add(l);
                        break;
                }
            }
            if (table) notes.Add($"Tabel di dalam Pasal {number} tidak diimpor; salin isinya ke pasal itu secara manual.");
            var clause = new DraftClause { Heading = NormalizeHeading(heading ?? ""), Paragraphs = Ayat(lines) };
            if (clause.Heading.Length == 0)
            {
                clause.Heading = $"Pasal {number}";
                notes.Add($"Pasal {number} tidak berjudul; judulnya untuk sementara \"Pasal {number}\".");
            }
            else clause.Type = GuessType(clause.Heading);
            if (clause.Type is null)
                notes.Add($"Jenis muatan Pasal {number} (\"{clause.Heading}\") tidak dikenali; pilih jenisnya secara manual.");
            if (clause.Paragraphs.Count == 0)
            {
                clause.Paragraphs.Add(DraftFields.Blank);
                notes.Add($"Pasal {number} tidak berisi ayat; isinya untuk sementara \"{DraftFields.Blank}\".");
            }
            clauses.Add(clause);
        }
        if (dropped)
            notes.Add("Judul bab (\"BAB I\" dan seterusnya) tidak diimpor: Jalin menyusun naskah per pasal.");
        return new ImportedDraft(clauses, notes);
    }

    /// <summary>The ayat of one pasal: "(n)" and Word-numbered ayat start a paragraph; list items
    /// (a., 1., a), auto-numbered letters) join the current ayat on their own line.</summary>
    private static List<string> Ayat(List<Line> lines)
    {
        static bool AutoLetter(NumberInfo n) => n.Level > 0 || n.Format.Contains("Letter", StringComparison.OrdinalIgnoreCase);
        var usesAyat = lines.Any(l => AyatMarker().IsMatch(l.Text)
                                      || (l.Number is { } n && !ItemMarker().IsMatch(l.Text) && !AutoLetter(n)));
        var paragraphs = new List<string>();
        var counters = new int[9];
        var afterAyat = false;

        void Start(string text)
        {
            paragraphs.Add(text);
            Array.Clear(counters);
        }
        void Append(string text)
        {
            if (paragraphs.Count == 0) paragraphs.Add(text);
            else paragraphs[^1] += "\n" + text;
        }

        foreach (var l in lines)
        {
            if (AyatMarker().Match(l.Text) is { Success: true } ayat)
            {
                Start(l.Text[ayat.Length..].Trim());
                afterAyat = true;
            }
            else if (ItemMarker().IsMatch(l.Text)) Append(l.Text);
            else if (l.Number is { } n)
            {
                var isAyat = n.LevelText.Contains("(%", StringComparison.Ordinal)
                             || (!AutoLetter(n) && !(paragraphs.Count > 0 && paragraphs[^1].EndsWith(':')));
                if (isAyat)
                {
                    Start(l.Text);
                    afterAyat = true;
                }
                else
                {
                    var level = Math.Clamp(n.Level, 0, counters.Length - 1);
                    var count = ++counters[level];
                    for (var d = level + 1; d < counters.Length; d++) counters[d] = 0;
                    Append(Marker(n.Format, count) + " " + l.Text);
                }
            }
            else if (l.Continues && paragraphs.Count > 0) Append(l.Text);
            else if (usesAyat && afterAyat) Append(l.Text);
            else Start(l.Text);
        }
        return paragraphs.Where(p => p.Length > 0).ToList();
    }

    private static string Marker(string format, int n)
    {
        if (format.Equals("decimal", StringComparison.OrdinalIgnoreCase) || format.Contains("Decimal", StringComparison.OrdinalIgnoreCase))
            return n.ToString(CultureInfo.InvariantCulture) + ".";
        var letters = "";
        for (var x = n; x > 0; x = (x - 1) / 26) letters = (char)('a' + (x - 1) % 26) + letters;
        return (format.StartsWith("upper", StringComparison.OrdinalIgnoreCase) ? letters.ToUpperInvariant() : letters) + ".";
    }

    // ------------------------------------------------------------------ outline and letter

    private static Result<ImportedDraft> Outline(List<Item> items)
    {
        var notes = new List<string>();
        var clauses = new List<DraftClause>();
        var preamble = false;
        var table = false;
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case Line l when IsBab(l, out var rest):
                    var heading = rest;
                    if (string.IsNullOrEmpty(heading) && i + 1 < items.Count && items[i + 1] is Line next && IsHeadingLine(next))
                    {
                        heading = next.Text;
                        i++;
                    }
                    clauses.Add(new DraftClause { Heading = NormalizeHeading(heading ?? "") });
                    if (clauses[^1].Heading.Length == 0) clauses[^1].Heading = $"Bab {clauses.Count}";
                    break;
                case Line l when clauses.Count == 0:
                    preamble = true;
                    break;
                case Line l:
                    var c = clauses[^1];
                    if (l.Continues && c.Paragraphs.Count > 0) c.Paragraphs[^1] += "\n" + l.Text;
                    else c.Paragraphs.Add(l.Text);
                    break;
                case TableItem { HasText: true } when clauses.Count > 0:
                    table = true;
                    break;
            }
        }
        if (clauses.Count == 0)
            return Bad("Tidak ditemukan \"BAB I\" dalam dokumen: pastikan setiap bab diawali baris \"BAB\" dengan angka Romawi.");
        if (preamble) notes.Add("Judul dokumen sebelum BAB I tidak diimpor: judul ditulis Jalin dari data kerja sama.");
        if (table) notes.Add("Isi tabel tidak diimpor; salin isinya secara manual.");
        foreach (var c in clauses.Where(c => c.Paragraphs.Count == 0)) c.Paragraphs.Add(DraftFields.Blank);
        return new ImportedDraft(clauses, notes);
    }

    private static Result<ImportedDraft> Letter(List<Item> items)
    {
        var lines = items.OfType<Line>().ToList();
        var start = lines.FindIndex(l => Addressee().IsMatch(l.Text));
        if (start >= 0)
        {
            start++;
            // "di tempat" / "di Bandung" under the addressee.
            while (start < lines.Count && lines[start].Text.Length <= 60 && lines[start].Text.StartsWith("di ", StringComparison.OrdinalIgnoreCase)) start++;
        }
        else
        {
            var number = lines.FindIndex(l => l.Text.StartsWith("NOMOR", StringComparison.OrdinalIgnoreCase) && l.Text.Contains(':'));
            start = number >= 0 ? number + 1 : 0;
        }
        var paragraphs = new List<string>();
        for (var i = start; i < lines.Count; i++)
        {
            var l = lines[i];
            // The signature: "Ditetapkan di ...", or the signer's office in capitals ("WALI KOTA CIMAHI,").
            if (l.Text.StartsWith("Ditetapkan di", StringComparison.OrdinalIgnoreCase)) break;
            if (l.Text.EndsWith(',') && l.Text.Any(char.IsLetter) && !l.Text.Any(char.IsLower) && paragraphs.Count > 0) break;
            if (l.Continues && paragraphs.Count > 0) paragraphs[^1] += "\n" + l.Text;
            else paragraphs.Add(l.Text);
        }
        if (paragraphs.Count == 0) return Bad("Isi surat tidak ditemukan dalam dokumen.");
        return new ImportedDraft([new DraftClause { Type = null, Heading = "", Paragraphs = paragraphs }],
            ["Kop surat, nomor, sifat, lampiran, perihal, alamat tujuan dan tanda tangan tidak diimpor: bagian itu ditulis Jalin dari data kerja sama; hanya isi surat yang diimpor."]);
    }

    // ------------------------------------------------------------------ headings and types

    private static readonly HashSet<string> SmallWords = ["dan", "atau", "dan/atau", "di", "ke", "dari", "yang", "dengan", "untuk", "pada"];

    private static string Title(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>A heading as Jalin's templates write it: "MAKSUD DAN TUJUAN" → "Maksud dan Tujuan".
    /// A heading already in mixed case keeps its words, only the small words go lowercase.</summary>
    public static string NormalizeHeading(string heading)
    {
        var text = Clean(heading).TrimEnd('.', ':');
        if (text.Length == 0) return text;
        var allCaps = !text.Any(char.IsLower);
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            var lower = w.ToLower(CultureInfo.InvariantCulture);
            var bare = lower.Trim(',', ';', '(', ')');
            if (i > 0 && SmallWords.Contains(bare)) words[i] = lower;
            else if (allCaps)
            {
                var first = lower.IndexOf(lower.FirstOrDefault(char.IsLetter));
                words[i] = first < 0 ? lower : lower[..first] + char.ToUpperInvariant(lower[first]) + lower[(first + 1)..];
            }
            else if (i == 0) words[i] = Title(w);
        }
        return string.Join(' ', words);
    }

    private static readonly (Regex Pattern, ClauseType Type)[] TypeWords =
    [
        (Words("berlakunya"), ClauseType.Term),
        (Words("keadaan kahar", "kahar", "force majeure", "keadaan memaksa", "overmacht"), ClauseType.ForceMajeure),
        (Words("hak", "kewajiban"), ClauseType.RightsAndObligations),
        (Words("perselisihan", "sengketa"), ClauseType.DisputeResolution),
        (Words("sanksi"), ClauseType.Sanctions),
        (new Regex(@"(?<![\p{L}\d])(rencana\s+kerja(?!\s+sama)|rencana\s+aksi|rencana\s+kegiatan)(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), ClauseType.WorkPlanAnnex),
        (Words("aset", "barang milik", "kepemilikan"), ClauseType.AssetsAfterEnd),
        (Words("pengakhiran", "berakhirnya", "pemutusan"), ClauseType.Termination),
        (Words("kelompok kerja", "tim koordinasi", "joint working group", "pokja", "tim kerja"), ClauseType.JointWorkingGroup),
        (Words("korespondensi", "pemberitahuan", "domisili", "alamat"), ClauseType.Correspondence),
        (Words("perubahan", "addendum", "adendum", "amandemen", "amendemen"), ClauseType.Amendment),
        (Words("pembiayaan", "biaya", "pendanaan", "anggaran"), ClauseType.Financing),
        (Words("jangka waktu", "masa berlaku", "berlaku", "masa kerja sama"), ClauseType.Term),
        (Words("pemantauan", "evaluasi", "pelaporan", "monitoring", "laporan", "monev"), ClauseType.Monitoring),
        (Words("dasar hukum", "landasan hukum"), ClauseType.LegalBasis),
        (Words("latar belakang"), ClauseType.Background),
        (Words("maksud", "tujuan"), ClauseType.Purpose),
        (Words("objek", "obyek"), ClauseType.Object),
        (Words("ruang lingkup", "lingkup", "bidang kerja sama"), ClauseType.Scope),
        (Words("pelaksanaan", "program", "kegiatan"), ClauseType.Implementation),
        (Words("subjek", "subyek", "para pihak", "identitas"), ClauseType.Parties),
        (Words("penutup", "lain-lain", "ketentuan lain"), ClauseType.Closing),
    ];

    private static Regex Words(params string[] words) =>
        new(@"(?<![\p{L}\d])(" + string.Join("|", words.Select(Regex.Escape)) + @")(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The muatan a heading names ("Maksud dan Tujuan" → Purpose); null when no known word is in it.</summary>
    public static ClauseType? GuessType(string heading)
    {
        if (string.IsNullOrWhiteSpace(heading)) return null;
        var text = Clean(heading);
        foreach (var (pattern, type) in TypeWords)
            if (pattern.IsMatch(text)) return type;
        return null;
    }

    // ------------------------------------------------------------------ versions

    private static string Key(string heading) => Clean(heading).ToLowerInvariant();

    /// <summary>The imported clauses with the keys of <paramref name="previous"/>: a clause keeps
    /// the key of the previous clause with the same heading (case and spaces aside), else of the
    /// previous clause of the same type when that type occurs once on both sides. Each key is used
    /// once; the rest keep fresh keys. So a partner's Word edits compare pasal by pasal.</summary>
    public static List<DraftClause> KeepKeys(IReadOnlyList<DraftClause> previous, IReadOnlyList<DraftClause> imported)
    {
        var result = imported.Select(c => c.Copy()).ToList();
        var matched = new DraftClause?[result.Count];
        var used = new HashSet<int>();
        for (var i = 0; i < result.Count; i++)
        {
            var key = Key(result[i].Heading);
            if (key.Length == 0) continue;
            for (var j = 0; j < previous.Count; j++)
                if (!used.Contains(j) && Key(previous[j].Heading) == key) { matched[i] = previous[j]; used.Add(j); break; }
        }
        for (var i = 0; i < result.Count; i++)
        {
            if (matched[i] is not null || result[i].Type is not { } type) continue;
            if (result.Count(c => c.Type == type) != 1 || previous.Count(c => c.Type == type) != 1) continue;
            var j = previous.ToList().FindIndex(c => c.Type == type);
            if (used.Add(j)) matched[i] = previous[j];
        }
        var seen = new HashSet<Guid>();
        for (var i = 0; i < result.Count; i++)
        {
            if (matched[i] is { } p)
            {
                result[i].Key = p.Key;
                result[i].Type ??= p.Type;
            }
            else if (previous.Any(c => c.Key == result[i].Key) || !seen.Add(result[i].Key)) result[i].Key = Guid.NewGuid();
            seen.Add(result[i].Key);
        }
        return result;
    }

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();
    [GeneratedRegex(@"^(?i:pasal)\s+(\d{1,3}|[IVXLC]{1,8})(?![\p{L}\d])\s*(?:[–—\-:.]\s*(?<rest>.*))?$")]
    private static partial Regex PasalLine();
    [GeneratedRegex(@"^(?i:pasal)\s+(\d{1,3}|[IVXLC]{1,8})\s+(?<rest>\p{Lu}.*)$")]
    private static partial Regex PasalCapitals();
    [GeneratedRegex(@"^(?i:bab)\s+([IVXLC]{1,8}|\d{1,2})(?![\p{L}\d])\s*(?:[–—\-:.]\s*(?<rest>.*))?$")]
    private static partial Regex BabLine();
    [GeneratedRegex(@"^\(\d{1,3}\)\s*")]
    private static partial Regex AyatMarker();
    [GeneratedRegex(@"^([a-zA-Z]|\d{1,2})[.)]\s+\S")]
    private static partial Regex ItemMarker();
    [GeneratedRegex(@"^(PIHAK\s+KE[A-Z]+|PARA\s+PIHAK)\s*[,:]?$")]
    private static partial Regex SignatureLine();
    [GeneratedRegex(@"^(Demikian\b.*\b(dibuat|ditandatangani)\b|(Dibuat|Ditandatangani)\s+di\s)", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingLine();
    [GeneratedRegex(@"^(Yth\.|Kepada\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Addressee();
}
