using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using static Jalin.Core.Drafting.NaskahDocx;

namespace Jalin.Core.Tkksd;

/// <summary>What the kajian document shows.</summary>
public sealed record KajianModel(
    string RegionFullName, string Place, string Title, IReadOnlyList<(string Label, string Value)> Identity, TeamView Team,
    IReadOnlyList<AssessmentView> Assessments, string? AverageText, IReadOnlyList<RecommendationCount> Counts, Recommendation? Conclusion,
    DateOnly Date, DocumentFont? Font = null, string IdentityHeading = "I. IDENTITAS KERJA SAMA", string SubjectPhrase = "rencana kerja sama ini",
    string Purpose = KajianModel.OwnerPurpose)
{
    public const string OwnerPurpose = "Kajian ini menjadi bahan persiapan kerja sama daerah (PP 28/2018 Pasal 6 ayat (1) huruf a). Bentuk dan isi kajian tim koordinasi mengikuti praktik daerah.";

    /// <summary>The closing of a party region's own kajian: it weighs the offer it received; internal to that region.</summary>
    public static string PartyPurpose(string party, string owner) =>
        $"Kajian ini menjadi bahan pertimbangan {party} dalam menjawab penawaran kerja sama dari {owner} (PP 28/2018 Pasal 6 ayat (1) huruf b) dan merupakan dokumen internal {party}. Bentuk dan isi kajian tim koordinasi mengikuti praktik daerah.";
}

/// <summary>Writes the TKKSD kajian as DOCX with the drafting engine's paragraphs and styles.</summary>
public static class KajianDocx
{
    public static byte[] Write(KajianModel m)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main, m.Font);
            var body = new Body();
            body.Append(Centered("KAJIAN TIM KOORDINASI KERJA SAMA DAERAH", bold: true, size: 28));
            body.Append(Centered(m.RegionFullName.ToUpperInvariant(), bold: true));
            body.Append(Centered("TENTANG", bold: true));
            body.Append(Centered(m.Title.ToUpperInvariant(), bold: true));

            body.Append(Heading(m.IdentityHeading));
            body.Append(Table([2800, 6200], m.Identity.Select(i => new[] { i.Label, i.Value }).ToList(), header: null));

            body.Append(Heading("II. TIM KOORDINASI KERJA SAMA DAERAH"));
            var period = m.Team.PeriodEnd is { } end ? $"{IndonesianWords.Date(m.Team.PeriodStart)} sampai dengan {IndonesianWords.Date(end)}" : $"sejak {IndonesianWords.Date(m.Team.PeriodStart)}";
            body.Append(Justified($"Dibentuk dengan Keputusan Nomor {m.Team.DecreeNumber} tanggal {IndonesianWords.Date(m.Team.DecreeDate)}, masa kerja {period}."));
            body.Append(Table([3000, 3600, 2400],
                m.Team.Members.Where(x => x.IsActive).Select(x => new[] { x.Name, x.Position + (x.AgencyName is { } a && !x.Position.Contains(a) ? $" ({a})" : ""), x.RoleLabel }).ToList(),
                header: ["Nama", "Jabatan", "Kedudukan dalam tim"]));

            body.Append(Heading("III. PENILAIAN TERHADAP KRITERIA"));
            var submitted = m.Assessments.Where(a => a.Submitted).ToList();
            body.Append(Justified("Setiap anggota memberi nilai 1 (sangat kurang) sampai 5 (sangat baik) untuk setiap kriteria. Nilai tertimbang = jumlah (bobot × nilai) ÷ 100. "
                + "Kriteria dan bobotnya ditetapkan daerah (pengaturan daerah); bobot yang tercantum adalah bobot pada saat penilaian disampaikan."));
            var criteria = submitted.SelectMany(a => a.Scores.Select(s => s.Criterion)).Distinct().ToList();
            var rows = new List<string[]>();
            for (var i = 0; i < criteria.Count; i++)
            {
                var c = criteria[i];
                var weights = submitted.SelectMany(a => a.Scores).Where(s => s.Criterion == c).Select(s => s.Weight).Distinct().Select(w => w + "%");
                var row = new List<string> { $"{i + 1}. {c}", string.Join(" / ", weights) };
                row.AddRange(submitted.Select(a => a.Scores.FirstOrDefault(s => s.Criterion == c)?.Score.ToString(IndonesianFormat.Culture) ?? "—"));
                rows.Add([.. row]);
            }
            rows.Add([.. new[] { "Nilai tertimbang", "100%" }.Concat(submitted.Select(a => a.WeightedScoreText ?? "—"))]);
            var memberWidth = submitted.Count == 0 ? 0 : Math.Max(900, 5000 / submitted.Count);
            body.Append(Table([3200, 1000, .. submitted.Select(_ => memberWidth)], rows,
                header: [.. new[] { "Kriteria", "Bobot" }.Concat(submitted.Select(a => a.MemberName))], boldLastRow: true));
            body.Append(Justified($"Rata-rata nilai tertimbang seluruh anggota: {m.AverageText ?? "—"} (skala 1–5)."));

            body.Append(Heading("IV. CATATAN ANGGOTA"));
            foreach (var a in submitted)
            {
                body.Append(new Paragraph(new ParagraphProperties(new KeepNext()), TextRun($"{a.MemberName} — {a.Position} ({a.RoleLabel})", bold: true)));
                foreach (var s in a.Scores.Where(s => s.Note is not null))
                    body.Append(Justified($"{s.Criterion} (nilai {s.Score}): {s.Note}", indent: 360));
                body.Append(Justified($"Rekomendasi: {a.RecommendationLabel}. Nilai tertimbang {a.WeightedScoreText}.", indent: 360));
                if (a.Remarks is { } r) body.Append(Justified($"Catatan umum: {r}", indent: 360));
            }

            body.Append(Heading("V. REKOMENDASI"));
            body.Append(Justified("Rekapitulasi rekomendasi anggota: " + string.Join("; ", m.Counts.Select(c => $"{c.Label} {c.Count} anggota")) + "."));
            body.Append(Justified(m.Conclusion is { } k
                ? $"Berdasarkan penilaian anggota tim, Tim Koordinasi Kerja Sama Daerah merekomendasikan bahwa {m.SubjectPhrase} {k.Label().ToUpperInvariant()}, dengan rata-rata nilai tertimbang {m.AverageText}."
                : "Belum ada penilaian anggota yang disampaikan."));
            body.Append(Justified(m.Purpose));

            body.Append(new Paragraph(new ParagraphProperties(new Indentation { Left = "4536" }), TextRun($"{m.Place}, {IndonesianWords.Date(m.Date)}")));
            var ketua = m.Team.Members.FirstOrDefault(x => x.IsActive && x.Role == TeamRole.Ketua);
            var sekretaris = m.Team.Members.FirstOrDefault(x => x.IsActive && x.Role == TeamRole.Sekretaris);
            body.Append(Signatures(("Ketua Tim", ketua), ("Sekretaris Tim", sekretaris)));
            body.Append(A4());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Heading(string text) =>
        new(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240" }), TextRun(text, bold: true));

    private static Table Table(int[] widths, List<string[]> rows, string[]? header, bool boldLastRow = false)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var grid = new TableGrid();
        foreach (var w in widths) grid.Append(new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        table.Append(grid);
        if (header is not null) table.Append(Row(widths, header, bold: true));
        for (var i = 0; i < rows.Count; i++) table.Append(Row(widths, rows[i], bold: boldLastRow && i == rows.Count - 1));
        return table;
    }

    private static TableRow Row(int[] widths, string[] cells, bool bold)
    {
        var row = new TableRow();
        for (var i = 0; i < widths.Length; i++)
            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), TextRun(i < cells.Length ? cells[i] : "", bold))));
        return row;
    }

    private static Table Signatures(params (string Title, MemberView? Member)[] blocks)
    {
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = "9000" }));
        table.Append(new TableGrid(blocks.Select(_ => new GridColumn { Width = (9000 / blocks.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        var row = new TableRow();
        foreach (var (title, member) in blocks)
            row.Append(new TableCell(
                Centered(title + ",", bold: true), Centered(" "), Centered(" "), Centered(" "),
                Centered(member?.Name ?? DraftFields.Blank, bold: true), Centered(member?.Position ?? "")));
        table.Append(row);
        return table;
    }
}

public sealed record KajianResult(Guid DocumentId, string FileName, string ContentType, string? Warning);

/// <summary>"Susun dokumen kajian": the kajian from the submitted assessments, written as DOCX (PDF where
/// LibreOffice is installed) and filed as the agreement's Assessment document, internal to the owning region,
/// which is what the lifecycle's kajian prerequisite looks for.</summary>
public static class GenerateKajian
{
    /// <summary>The team's conclusion: the recommendation most members gave; on a tie the more cautious one.</summary>
    public static Recommendation? Conclusion(IReadOnlyList<RecommendationCount> counts)
    {
        var max = counts.Count == 0 ? 0 : counts.Max(c => c.Count);
        return max == 0 ? null : counts.Where(c => c.Count == max).Max(c => c.Recommendation);
    }

    public static Task<KajianModel?> ModelAsync(JalinDb db, Agreement a, AssessmentSummary summary, DateOnly today, CancellationToken ct) =>
        ModelAsync(db, a, a.RegionCode, summary, today, ct);

    /// <summary>The kajian of an agreement by the TKKSD of <paramref name="regionCode"/>: the owner's, or a party region's own.</summary>
    public static async Task<KajianModel?> ModelAsync(JalinDb db, Agreement a, string regionCode, AssessmentSummary summary, DateOnly today, CancellationToken ct)
    {
        var affair = a.AffairCode is null ? null : await db.GovernmentAffairs.AsNoTracking().Where(g => g.Code == a.AffairCode).Select(g => g.Name).FirstOrDefaultAsync(ct);
        var lead = a.Parties.OrderBy(p => p.Order).FirstOrDefault(p => p.RegionCode == regionCode)?.LeadAgencyName;
        var identity = new List<(string, string)>
        {
            ("Judul", a.Title),
            ("Jenis kerja sama", a.Kind.Label()),
            ("Para pihak", DraftFields.JoinAnd(a.Parties.OrderBy(p => p.Order).Select(p => p.Name).ToList())),
            ("Urusan pemerintahan", affair ?? "—"),
            ("Perangkat daerah pengampu", lead ?? "—"),
            ("Objek", string.IsNullOrWhiteSpace(a.Object) ? "—" : a.Object),
            ("Nilai", a.Value is { } v ? IndonesianFormat.FormatRupiah(v) : "—"),
            ("Tahap saat dikaji", a.Stage.Label()),
        };
        if (regionCode == a.RegionCode) return await ModelAsync(db, regionCode, a.Title, identity, summary, today, ct);
        var owner = a.Parties.FirstOrDefault(p => p.RegionCode == a.RegionCode)?.Name ?? a.RegionCode;
        var party = a.Parties.FirstOrDefault(p => p.RegionCode == regionCode)?.Name ?? regionCode;
        identity.Insert(3, ("Daerah pemilik", owner));
        return await ModelAsync(db, regionCode, a.Title, identity, summary, today, ct) is { } m ? m with { Purpose = KajianModel.PartyPurpose(party, owner) } : null;
    }

    /// <summary>The kajian of an usulan: its identity fields as the OPD wrote them.</summary>
    public static async Task<KajianModel?> ModelAsync(JalinDb db, Proposal p, AssessmentSummary summary, DateOnly today, CancellationToken ct)
    {
        var affair = p.AffairCode is null ? null : await db.GovernmentAffairs.AsNoTracking().Where(g => g.Code == p.AffairCode).Select(g => g.Name).FirstOrDefaultAsync(ct);
        var partner = p.PartnerRegionCode is { } rc
            ? await db.Regions.AsNoTracking().Where(r => r.Code == rc).Select(r => r.FullName).FirstOrDefaultAsync(ct)
            : p.PartnerId is { } pid ? await db.Partners.AsNoTracking().Where(x => x.Id == pid).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        static string Or(string? v) => string.IsNullOrWhiteSpace(v) ? "—" : v;
        var identity = new List<(string, string)>
        {
            ("Nomor usulan", p.Number),
            ("Judul", p.Title),
            ("Perangkat daerah pemrakarsa", Or(p.AgencyName)),
            ("Calon mitra", Or(partner ?? p.PartnerName)),
            ("Urusan pemerintahan", affair is null ? "—" : $"{p.AffairCode} {affair}"),
            ("Maksud dan tujuan", Or(p.Aims)),
            ("Objek", Or(p.Object)),
            ("Lokasi", Or(p.Location)),
            ("Ruang lingkup", Or(p.Scope)),
            ("Jangka waktu", p.TermMonths is { } m ? $"{m} bulan" : "—"),
            ("Pembiayaan", $"{p.FundingSource.Label()}, {(p.Amount is { } v ? IndonesianFormat.FormatRupiah(v) : "nilai belum diisi")}, "
                + (p.BudgetedInApbd ? "sudah dianggarkan dalam APBD" : "belum dianggarkan dalam APBD")),
            ("Status saat dikaji", p.Status.Label()),
        };
        var model = await ModelAsync(db, p.RegionCode, p.Title, identity, summary, today, ct);
        return model is null ? null : model with { IdentityHeading = "I. IDENTITAS USULAN KERJA SAMA", SubjectPhrase = "usulan kerja sama ini" };
    }

    private static async Task<KajianModel?> ModelAsync(JalinDb db, string regionCode, string title, List<(string, string)> identity, AssessmentSummary summary, DateOnly today,
        CancellationToken ct)
    {
        var team = await TkksdTeams.ActiveAsync(db, regionCode, ct);
        if (team is null) return null;
        var teamView = (await TkksdTeams.ViewsAsync(db, [team], ct))[0];
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == regionCode, ct);
        var (font, _) = await DocumentFont.ForRegionAsync(db, regionCode, ct);
        return new KajianModel(region.FullName, DraftFields.PlaceOf(region), title, identity, teamView, summary.Assessments, summary.AverageScoreText,
            summary.Recommendations, Conclusion(summary.Recommendations), today, font);
    }

    /// <summary>Usulan statuses in which the kajian may be written: while the TKKSD assesses and until it is converted.</summary>
    private static readonly ProposalStatus[] KajianStatuses = [ProposalStatus.Verified, ProposalStatus.Assessed, ProposalStatus.Recommended];

    public static async Task<Result<KajianResult>> HandleAsync(JalinDb db, FileStore files, PdfConverter pdf, CurrentActor actor, SubjectType type, Guid id, TimeProvider clock,
        CancellationToken ct = default)
    {
        var summary = await TkksdAssessments.SummaryAsync(db, actor, type, id, ct);
        if (!summary.Ok) return summary.Error!;
        if (!TkksdAccess.Manages(actor)) return new ForbiddenError("Dokumen kajian disusun oleh petugas Bagian Kerja Sama daerah yang menilai.");
        Agreement? a = null;
        Proposal? p = null;
        if (type == SubjectType.Proposal)
        {
            p = await db.Proposals.VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (p is null) return new NotFoundError("Usulan tidak ditemukan.");
            if (p.AgreementId is not null) return new ConflictError("Usulan ini sudah dijadikan kerja sama; kajiannya sudah menjadi dokumen kerja sama itu.");
            if (!KajianStatuses.Contains(p.Status))
                return new ConflictError($"Kajian TKKSD atas usulan disusun setelah usulan diverifikasi Bagian Kerja Sama; usulan ini berstatus {p.Status.Label()}.");
        }
        else
        {
            a = await GetAgreement.LoadVisibleAsync(db, actor, id, tracking: true, ct);
            if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
            if (a.IsEnded) return new ConflictError("Kerja sama telah berakhir.");
        }
        if (!summary.Value!.Assessments.Any(x => x.Submitted))
            return new ConflictError("Belum ada penilaian anggota yang disampaikan; kajian disusun dari penilaian anggota tim.");
        var today = Wib.Today(clock);
        // The assessing region: the owner, or the party region assessing the offer made to it; its kajian is its own internal paper.
        var region = p?.RegionCode ?? AgreementAccess.PartySide(actor, a!)?.RegionCode ?? a!.RegionCode;
        var model = p is not null ? await ModelAsync(db, p, summary.Value!, today, ct) : await ModelAsync(db, a!, region, summary.Value!, today, ct);
        if (model is null) return new ConflictError("Daerah belum memiliki tim TKKSD yang aktif.");
        var docx = KajianDocx.Write(model);
        byte[] content = docx;
        var kind = FileSniffer.Docx;
        string? warning = null;
        if (pdf.IsAvailable)
        {
            var converted = await pdf.ConvertDocxAsync(docx, actor.UserName, ct);
            if (converted.Error is TooManyRequestsError) return converted.Error;
            if (converted.Ok) { content = converted.Value!; kind = FileSniffer.Pdf; }
            else warning = converted.Error!.Message + " Kajian disimpan sebagai DOCX.";
        }
        else warning = PdfConverter.NotInstalledMessage + " Kajian disimpan sebagai DOCX.";
        var blob = await db.StoreAsync(files, content, kind, clock, ct);
        var fileName = $"Kajian-TKKSD-{today:yyyy-MM-dd}{blob.Extension}";
        var title = $"Kajian TKKSD — disusun di Jalin ({IndonesianWords.Date(today)})";
        Guid documentId;
        if (p is not null)
        {
            // Filed as the usulan's attachment; ConvertProposal carries it as the agreement's kajian document of the owning region.
            var attachment = new ProposalAttachment
            {
                ProposalId = p.Id, Kind = ProposalAttachmentKind.Assessment, Title = title, FileSha256 = blob.Sha256, FileName = fileName, ContentType = blob.ContentType,
                FileSize = blob.Size, UploadedBy = actor.UserName, CreatedAt = clock.GetUtcNow(),
            };
            db.ProposalAttachments.Add(attachment);
            p.Touch(clock.GetUtcNow());
            documentId = attachment.Id;
        }
        else
        {
            var document = new AgreementDocument
            {
                AgreementId = a!.Id, Kind = DocumentKind.Assessment, Title = title, Stage = a.Stage,
                Visibility = DocumentVisibility.Internal, FileSha256 = blob.Sha256, FileName = fileName, ContentType = blob.ContentType, FileSize = blob.Size,
                UploadedBy = actor.UserName, CreatedAt = clock.GetUtcNow(), RegionCode = a.RegionCode, UploaderRegionCode = region,
            };
            db.AgreementDocuments.Add(document);
            a.Touch(clock.GetUtcNow());
            documentId = document.Id;
        }
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return new KajianResult(documentId, fileName, blob.ContentType, warning);
    }
}
