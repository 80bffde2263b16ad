using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Microsoft.EntityFrameworkCore;
using static Jalin.Core.Drafting.NaskahDocx;

namespace Jalin.Core.ForeignDuties;

public sealed record PlanDocxModel(string RegionFullName, string AgreementTitle, string Partners, int Year, IReadOnlyList<PlanRow> Rows, DocumentFont? Font);

/// <summary>The rencana kegiatan tahunan as DOCX in the form of Permendagri 25/2020 lampiran III: per activity the uraian
/// kegiatan (with the unit/OPD), peran para pihak, hasil yang diharapkan (lokasi, penerima manfaat) and rencana pembiayaan
/// (pihak, sumber, jumlah).</summary>
public static class PlanDocx
{
    public static async Task<PlanDocxModel> ModelAsync(JalinDb db, Agreement a, AnnualActivityPlan p, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == a.RegionCode, ct);
        var (font, _) = await DocumentFont.ForRegionAsync(db, a.RegionCode, ct);
        var partners = await db.Set<AgreementParty>().AsNoTracking().Where(x => x.AgreementId == a.Id && x.RegionCode != a.RegionCode).OrderBy(x => x.Order).Select(x => x.Name).ToListAsync(ct);
        return new PlanDocxModel(region.FullName, a.Title, string.Join(", ", partners), p.Year, p.Rows, font);
    }

    public static byte[] Write(PlanDocxModel m)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main, m.Font);
            var body = new Body();
            body.Append(Centered("RENCANA KEGIATAN TAHUNAN", bold: true, size: 28));
            body.Append(Centered($"TAHUN {m.Year}", bold: true));
            body.Append(Centered(m.AgreementTitle.ToUpperInvariant(), bold: true));
            body.Append(Centered($"{m.RegionFullName.ToUpperInvariant()}" + (m.Partners.Length > 0 ? $" DENGAN {m.Partners.ToUpperInvariant()}" : ""), bold: true));
            body.Append(Justified("Disusun berdasarkan rencana kerja sama sebagai pelaksanaan kerja sama daerah dengan pemerintah daerah di luar negeri / lembaga di luar negeri (Permendagri 25/2020 Pasal 26 dan lampiran III)."));
            var rows = new List<string[]>();
            for (var i = 0; i < m.Rows.Count; i++)
            {
                var r = m.Rows[i];
                rows.Add([
                    (i + 1).ToString(CultureInfo.InvariantCulture),
                    $"{r.Activity}\nPelaksana: {r.Executor}",
                    r.Roles,
                    $"{r.ExpectedResult}\nLokasi: {r.Location}\nPenerima manfaat: {r.Beneficiaries}",
                    string.Join("\n", r.Funding.Select(f => $"{f.Party}: {f.Source}, {ForeignDutyRules.Rupiah(f.Amount)}")),
                ]);
            }
            body.Append(Table([500, 2600, 2000, 2300, 2200], rows, ["No.", "Uraian Kegiatan", "Peran Para Pihak", "Hasil yang Diharapkan", "Rencana Pembiayaan"]));
            var total = m.Rows.Sum(r => r.Funding.Sum(f => f.Amount));
            body.Append(Justified($"Jumlah rencana pembiayaan: {ForeignDutyRules.Rupiah(total)}."));
            foreach (var g in m.Rows.SelectMany(r => r.Funding).GroupBy(f => f.Party))
                body.Append(Justified($"{g.Key}: {ForeignDutyRules.Rupiah(g.Sum(f => f.Amount))}", indent: 360));
            body.Append(new Paragraph(new ParagraphProperties(new Indentation { Left = "4536" }), TextRun(m.RegionFullName.StartsWith("Provinsi") ? "GUBERNUR," : "KEPALA DAERAH,", bold: true)));
            body.Append(new Paragraph(TextRun(" ")));
            body.Append(new Paragraph(new ParagraphProperties(new Indentation { Left = "4536" }), TextRun(DraftFields.Blank, bold: true)));
            body.Append(A4());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

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
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString(CultureInfo.InvariantCulture) }));
            foreach (var line in (i < cells.Length ? cells[i] : "").Split('\n'))
                cell.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), TextRun(line, bold)));
            row.Append(cell);
        }
        return row;
    }
}
