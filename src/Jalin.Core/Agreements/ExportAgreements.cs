using System.Globalization;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Agreements;

/// <summary>"Unduh" on the agreement list: the rows of <see cref="SearchAgreements.Query"/> for the same filter and
/// order, every page of them, as XLSX or CSV (<see cref="ListExport"/>), counted and ready to write at once or in the background.</summary>
public static class ExportAgreements
{
    public const string ListName = "Daftar kerja sama";

    private static readonly Dictionary<string, string> SortLabels = new()
    {
        ["title"] = "judul", ["kind"] = "jenis", ["stage"] = "tahap", ["startsOn"] = "tanggal mulai", ["endsOn"] = "tanggal berakhir",
        ["value"] = "nilai", ["lead"] = "OPD pemrakarsa", ["updated"] = "terakhir diubah",
    };

    public static async Task<Result<ListExportPlan>> HandleAsync(JalinDb db, CurrentActor actor, AgreementFilter filter, ExportFormat format,
        ListExportOptions options, TimeProvider clock, CancellationToken ct = default)
    {
        var query = SearchAgreements.Query(db, actor, filter, clock);
        if (!query.Ok) return query.Error!;
        var q = query.Value!;
        var count = await q.CountAsync(ct);
        if (ListExport.CheckSize(count, options.MaxRows) is { } tooMany) return tooMany;

        var affairs = await db.GovernmentAffairs.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        ExportColumn<AgreementSummary>[] columns =
        [
            new("Judul", a => a.Title, Width: 60),
            new("Jenis", a => a.Kind.Label(), Width: 40),
            new("Tahap", a => a.StageLabel, Width: 28),
            new("Pihak lain", a => string.Join("; ", a.Partners), Width: 40),
            new("OPD pemrakarsa", a => a.LeadAgency, Width: 36),
            new("Urusan", a => a.AffairCode is { } c ? affairs.GetValueOrDefault(c, c) : null, Width: 30),
            new("Nilai (Rp)", a => a.Value, ExportCell.Amount),
            new("Mulai", a => a.StartsOn, ExportCell.Date),
            new("Berakhir", a => a.EndsOn, ExportCell.Date),
            new("Tenggat", a => a.DueOn, ExportCell.Date),
            new("Keterangan tenggat", a => a.DueLabel, Width: 36),
            new("Kode wilayah", a => a.RegionCode, Width: 14),
            new("ID", a => a.Id.ToString(), Width: 38),
        ];
        var info = new ExportInfo(ListName, "kerja-sama", Scope(actor), actor, clock.GetUtcNow(), await DescribeAsync(db, actor, filter, ct));
        var rows = ListExport.Batches((skip, take, token) => SearchAgreements.ReadAsync(q.Skip(skip).Take(take), token), options.MaxRows);
        return ListExport.Plan(format, info, columns, rows, count, options.MaxRows);
    }

    public static string Scope(CurrentActor actor) => actor.Role switch
    {
        Role.SupervisorNational => "Semua kerja sama daerah yang tercatat di Jalin",
        Role.SupervisorProvince => $"Kerja sama provinsi dan kabupaten/kota di wilayah {actor.RegionCode}",
        Role.AgencyUser => "Kerja sama yang dipimpin OPD Anda",
        Role.PartnerUser => "Kerja sama tempat mitra Anda menjadi pihak",
        Role.DprdViewer => "Kerja sama daerah Anda yang memerlukan persetujuan DPRD",
        _ => $"Kerja sama yang melibatkan daerah Anda ({actor.RegionCode})",
    } + ", sama dengan daftar kerja sama.";

    /// <summary>The filters as the list shows them, with names rather than codes. A partner the actor may not see is not
    /// named (the id alone, which the actor typed).</summary>
    public static async Task<IReadOnlyList<(string Label, string Value)>> DescribeAsync(JalinDb db, CurrentActor actor, AgreementFilter f, CancellationToken ct)
    {
        var list = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(f.Q)) list.Add(("Kata pencarian", f.Q.Trim()));
        if (f.Kind is { } kind) list.Add(("Jenis", kind.Label()));
        if (f.Stage is { } stage) list.Add(("Tahap", stage.Label()));
        if (f.PartnerId is { } partnerId)
        {
            var partner = await PartnerRegistry.GetAsync(db, actor, partnerId, ct);
            list.Add(("Mitra", partner.Ok ? partner.Value!.Name : partnerId.ToString()));
        }
        if (f.AgencyId is { } agencyId)
        {
            list.Add(("Perangkat daerah (OPD)", await Agencies.AgencyRegistry.VisibleNameAsync(db, actor, agencyId, ct) ?? agencyId.ToString()));
        }
        if (!string.IsNullOrWhiteSpace(f.AffairCode))
        {
            var affair = await db.GovernmentAffairs.AsNoTracking().Where(a => a.Code == f.AffairCode).Select(a => a.Name).FirstOrDefaultAsync(ct);
            list.Add(("Urusan pemerintahan", affair ?? f.AffairCode));
        }
        if (!string.IsNullOrWhiteSpace(f.RegionCode))
        {
            var region = await db.Regions.AsNoTracking().Where(r => r.Code == f.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
            list.Add(("Wilayah", region is null ? f.RegionCode : $"{region} ({f.RegionCode})"));
        }
        if (f.Year is { } year) list.Add(("Tahun mulai", year.ToString(CultureInfo.InvariantCulture)));
        if (f.EndingWithinDays is { } days) list.Add(("Berakhir dalam", $"{days} hari (tahap Pelaksanaan)"));
        if (f.Active is { } active) list.Add(("Status", active ? "Belum berakhir" : "Berakhir"));
        if (f.Sort is { } sort) list.Add(("Urutan", SortLabels.GetValueOrDefault(sort, sort) + (f.Descending ? ", menurun" : ", menaik")));
        return list;
    }
}
