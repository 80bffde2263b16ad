using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using static Jalin.Core.Drafting.NaskahDocx;

namespace Jalin.Core.Events;

public sealed record BeritaAcaraModel(string RegionFullName, string Place, string Title, string KindLabel, DateOnly Date, string TimeText, string Venue,
    string Organizer, IReadOnlyList<string> Agenda, IReadOnlyList<(string Name, string Institution, string Attendance)> Attendees, IReadOnlyList<string> Points,
    IReadOnlyList<string> Decisions, IReadOnlyList<(string Task, string Owner, string Due)> FollowUps, string? Chair, string? ChairPosition, string? Secretary,
    string? Subject, DocumentFont? Font = null)
{
    public string KindPhrase { get; init; } = KindLabel.ToLowerInvariant();
}

/// <summary>Writes the berita acara of a meeting as DOCX with the drafting engine's paragraphs and styles (as the kajian does).</summary>
public static class BeritaAcaraDocx
{
    public static byte[] Write(BeritaAcaraModel m)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main, m.Font);
            var body = new Body();
            body.Append(Centered("BERITA ACARA", bold: true, size: 28));
            body.Append(Centered(m.KindLabel.ToUpperInvariant(), bold: true));
            body.Append(Centered(m.RegionFullName.ToUpperInvariant(), bold: true));
            body.Append(Centered("TENTANG", bold: true));
            body.Append(Centered(m.Title.ToUpperInvariant(), bold: true));
            body.Append(Justified($"{IndonesianWords.Opening(m.Date)}, pukul {m.TimeText}, bertempat di {m.Venue}, telah dilaksanakan {m.KindPhrase} "
                + $"\"{m.Title}\" yang diselenggarakan oleh {m.Organizer}" + (m.Subject is null ? "." : $", dalam rangka {m.Subject}.")));
            if (m.Agenda.Count > 0)
            {
                body.Append(Heading("I. AGENDA"));
                for (var i = 0; i < m.Agenda.Count; i++) body.Append(Justified($"{i + 1}. {m.Agenda[i]}", indent: 360));
            }
            body.Append(Heading("II. DAFTAR HADIR"));
            body.Append(Table([600, 3200, 3400, 1800], m.Attendees.Select((a, i) => new[] { (i + 1).ToString(CultureInfo.InvariantCulture), a.Name, a.Institution, a.Attendance }).ToList(),
                ["No.", "Nama", "Instansi/Jabatan", "Kehadiran"]));
            body.Append(Heading("III. POKOK PEMBAHASAN"));
            Numbered(body, m.Points, "Tidak ada pokok pembahasan yang dicatat.");
            body.Append(Heading("IV. KESIMPULAN DAN KEPUTUSAN"));
            Numbered(body, m.Decisions, "Tidak ada keputusan yang dicatat.");
            body.Append(Heading("V. TINDAK LANJUT"));
            if (m.FollowUps.Count == 0) body.Append(Justified("Tidak ada tindak lanjut yang dicatat."));
            else body.Append(Table([600, 4400, 2400, 1600], m.FollowUps.Select((f, i) => new[] { (i + 1).ToString(CultureInfo.InvariantCulture), f.Task, f.Owner, f.Due }).ToList(),
                ["No.", "Tindak lanjut", "Penanggung jawab", "Batas waktu"]));
            body.Append(Justified("Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya. Bentuk berita acara rapat koordinasi mengikuti praktik daerah."));
            body.Append(new Paragraph(new ParagraphProperties(new Indentation { Left = "4536" }), TextRun($"{m.Place}, {IndonesianWords.Date(m.Date)}")));
            body.Append(Signatures(("Pimpinan Rapat", m.Chair, m.ChairPosition), ("Notulis", m.Secretary, null)));
            body.Append(A4());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void Numbered(Body body, IReadOnlyList<string> lines, string empty)
    {
        if (lines.Count == 0) body.Append(Justified(empty));
        for (var i = 0; i < lines.Count; i++) body.Append(Justified($"{i + 1}. {lines[i]}", indent: 360));
    }

    private static Paragraph Heading(string text) =>
        new(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240" }), TextRun(text, bold: true));

    private static Table Table(int[] widths, List<string[]> rows, string[] header)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(CultureInfo.InvariantCulture) }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(widths, header, bold: true));
        foreach (var r in rows) table.Append(Row(widths, r, bold: false));
        return table;
    }

    private static TableRow Row(int[] widths, string[] cells, bool bold)
    {
        var row = new TableRow();
        for (var i = 0; i < widths.Length; i++)
            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString(CultureInfo.InvariantCulture) }),
                new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), TextRun(i < cells.Length ? cells[i] : "", bold))));
        return row;
    }

    private static Table Signatures(params (string Title, string? Name, string? Position)[] blocks)
    {
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = "9000" }));
        table.Append(new TableGrid(blocks.Select(_ => new GridColumn { Width = (9000 / blocks.Length).ToString(CultureInfo.InvariantCulture) })));
        var row = new TableRow();
        foreach (var (title, name, position) in blocks)
            row.Append(new TableCell(Centered(title + ",", bold: true), Centered(" "), Centered(" "), Centered(" "),
                Centered(name ?? DraftFields.Blank, bold: true), Centered(position ?? "")));
        table.Append(row);
        return table;
    }
}

public sealed record BeritaAcaraResult(Guid? DocumentId, string FileName, string ContentType, string? FiledAs, string? Warning);

/// <summary>"Susun berita acara": from the final minutes, the berita acara as DOCX (PDF where LibreOffice is installed), kept on the event;
/// for a rapat TKKSD on an usulan it is also filed as the usulan's attachment, on an agreement as the agreement's internal document
/// (kind <see cref="DocumentKind.BeritaAcara"/>) of the owning region.</summary>
public static class GenerateBeritaAcara
{
    public static async Task<BeritaAcaraModel> ModelAsync(JalinDb db, CoordinationEvent e, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == e.RegionCode, ct);
        var (font, _) = await DocumentFont.ForRegionAsync(db, e.RegionCode, ct);
        var local = RegionTime.Local(e.RegionCode, e.StartsAt);
        var end = RegionTime.Local(e.RegionCode, e.EndsAt);
        var zone = RegionTime.ZoneOf(e.RegionCode).Label;
        string? subject = null;
        if (e.ProposalId is { } pid && await db.Proposals.AsNoTracking().Where(p => p.Id == pid).Select(p => new { p.Number, p.Title }).FirstOrDefaultAsync(ct) is { } p)
            subject = $"pembahasan usulan kerja sama nomor {p.Number} tentang {p.Title}";
        else if (e.AgreementId is { } aid && await db.Agreements.AsNoTracking().Where(a => a.Id == aid).Select(a => a.Title).FirstOrDefaultAsync(ct) is { } at)
            subject = $"pembahasan kerja sama {at}";
        else if (e.MappingRoundId is { } mid && await db.MappingRounds.AsNoTracking().Where(r => r.Id == mid).Select(r => r.Title).FirstOrDefaultAsync(ct) is { } mt)
            subject = $"pemetaan kerja sama daerah ({mt})";
        string? chair = null, chairPosition = null;
        if (e.Kind == EventKind.RapatTkksd && e.TkksdTeamId is { } tid)
        {
            var ketua = await db.TkksdMembers.AsNoTracking().Where(m => m.TeamId == tid && m.IsActive && m.Role == Tkksd.TeamRole.Ketua)
                .Select(m => new { m.Name, m.Position }).FirstOrDefaultAsync(ct);
            (chair, chairPosition) = (ketua?.Name, ketua is null ? null : "Ketua TKKSD");
        }
        var attendees = e.Invitees.Where(i => i.Attendance is Attendance.Present or Attendance.Represented).OrderBy(i => i.Kind).ThenBy(i => i.Name)
            .Select(i => (i.AttendedBy is { } by && i.Kind != InviteeKind.User ? by : i.Name, i.Institution ?? i.Name,
                i.Attendance == Attendance.Represented ? $"Diwakili {i.AttendedBy}" : "Hadir")).ToList();
        static List<string> Lines(string? v) => (v ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new BeritaAcaraModel(region.FullName, DraftFields.PlaceOf(region), e.Title, e.Kind.Label(), DateOnly.FromDateTime(local),
            $"{local.ToString("HH.mm", CultureInfo.InvariantCulture)} sampai dengan {end.ToString("HH.mm", CultureInfo.InvariantCulture)} {zone}",
            string.Join(" dan ", new[] { e.Place, e.OnlineLink is null ? null : "secara daring (" + e.OnlineLink + ")" }.Where(x => x is not null)),
            e.OrganizerAgencyName ?? "Bagian Kerja Sama " + region.FullName, e.AgendaItems.ToList(), attendees, Lines(e.MinutesPoints), Lines(e.MinutesDecisions),
            e.FollowUps.OrderBy(f => f.DueDate).Select(f => (f.Title, f.OwnerName, IndonesianWords.Date(f.DueDate))).ToList(), chair, chairPosition, e.MinutesTakenBy,
            subject, font) { KindPhrase = e.Kind.Phrase() };
    }

    public static async Task<Result<BeritaAcaraResult>> HandleAsync(JalinDb db, FileStore files, PdfConverter pdf, CurrentActor actor, Guid id, TimeProvider clock,
        CancellationToken ct = default)
    {
        var found = await EventLoad.ManagedAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var e = found.Value!;
        if (e.Status != EventStatus.MinutesFinal)
            return new ConflictError($"Berita acara disusun dari notulen yang sudah final; kegiatan berstatus {e.Status.Label()}.");
        var docx = BeritaAcaraDocx.Write(await ModelAsync(db, e, ct));
        byte[] content = docx;
        var kind = FileSniffer.Docx;
        string? warning = null;
        if (pdf.IsAvailable)
        {
            var converted = await pdf.ConvertDocxAsync(docx, actor.UserName, ct);
            if (converted.Error is TooManyRequestsError) return converted.Error;
            if (converted.Ok) { content = converted.Value!; kind = FileSniffer.Pdf; }
            else warning = converted.Error!.Message + " Berita acara disimpan sebagai DOCX.";
        }
        else warning = PdfConverter.NotInstalledMessage + " Berita acara disimpan sebagai DOCX.";
        var blob = await db.StoreAsync(files, content, kind, clock, ct);
        var date = DateOnly.FromDateTime(RegionTime.Local(e.RegionCode, e.StartsAt));
        var fileName = $"Berita-Acara-{date:yyyy-MM-dd}{blob.Extension}";
        var title = $"Berita acara {e.Kind.Phrase()} — {IndonesianWords.Date(date)}";
        var now = clock.GetUtcNow();
        e.BeritaAcaraSha256 = blob.Sha256;
        e.BeritaAcaraFileName = fileName;
        e.BeritaAcaraContentType = blob.ContentType;
        Guid? documentId = null;
        string? filedAs = null;
        if (e.Kind == EventKind.RapatTkksd && e.ProposalId is { } pid
            && await db.Proposals.FirstOrDefaultAsync(p => p.Id == pid && p.RegionCode == e.RegionCode, ct) is { } proposal)
        {
            var a = new ProposalAttachment
            {
                ProposalId = proposal.Id, Kind = ProposalAttachmentKind.BeritaAcara, Title = title, FileSha256 = blob.Sha256, FileName = fileName,
                ContentType = blob.ContentType, FileSize = blob.Size, UploadedBy = actor.UserName, CreatedAt = now,
            };
            db.ProposalAttachments.Add(a);
            proposal.Touch(now);
            (documentId, filedAs) = (a.Id, $"lampiran usulan {proposal.Number}");
        }
        else if (e.Kind == EventKind.RapatTkksd && e.AgreementId is { } aid
            && await db.Agreements.FirstOrDefaultAsync(x => x.Id == aid && x.RegionCode == e.RegionCode, ct) is { } agreement)
        {
            var d = new AgreementDocument
            {
                AgreementId = agreement.Id, Kind = DocumentKind.BeritaAcara, Title = title, Stage = agreement.Stage, Visibility = DocumentVisibility.Internal,
                FileSha256 = blob.Sha256, FileName = fileName, ContentType = blob.ContentType, FileSize = blob.Size, UploadedBy = actor.UserName, CreatedAt = now,
                RegionCode = agreement.RegionCode, UploaderRegionCode = agreement.RegionCode,
            };
            db.AgreementDocuments.Add(d);
            agreement.Touch(now);
            (documentId, filedAs) = (d.Id, "dokumen internal kerja sama");
        }
        if (await EventLoad.SaveAsync(db, actor, e, clock, ct) is { } failed) return failed;
        return new BeritaAcaraResult(documentId, fileName, blob.ContentType, filedAs, warning);
    }
}
