using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Partners;

/// <summary>"Unduh" on the partner registry: the rows of <see cref="PartnerRegistry.Query"/> for the same search, as XLSX or CSV.</summary>
public static class ExportPartners
{
    public const string ListName = "Daftar mitra";

    public static async Task<Result<ListExportPlan>> HandleAsync(JalinDb db, CurrentActor actor, string? q, PartnerKind? kind, ExportFormat format,
        ListExportOptions options, TimeProvider clock, CancellationToken ct = default)
    {
        var query = PartnerRegistry.Query(db, actor, q, kind);
        if (!query.Ok) return query.Error!;
        var partners = query.Value!;
        var count = await partners.CountAsync(ct);
        if (ListExport.CheckSize(count, options.MaxRows) is { } tooMany) return tooMany;

        ExportColumn<PartnerView>[] columns =
        [
            new("Nama", p => p.Name, Width: 50),
            new("Bentuk hukum", p => p.LegalForm, Width: 20),
            new("Jenis", p => p.KindLabel, Width: 34),
            new("NIB", p => p.Nib, Width: 16),
            new("NPWP", p => p.Npwp, Width: 22),
            new("Negara", p => p.CountryCode, Width: 8),
            new("Kode wilayah mitra", p => p.PartnerRegionCode, Width: 14),
            new("Alamat", p => p.Address, Width: 50),
            new("Surel", p => p.Email, Width: 30),
            new("Telepon", p => p.Phone, Width: 18),
            new("Situs", p => p.Website, Width: 30),
            new("Penghubung", p => string.Join("; ", p.Contacts.Select(c => c.Position is { Length: > 0 } pos ? $"{c.Name} ({pos})" : c.Name)), Width: 40),
            new("Register daerah", p => p.RegionCode, Width: 14),
            new("ID", p => p.Id.ToString(), Width: 38),
        ];
        var filters = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(q)) filters.Add(("Kata pencarian", q.Trim()));
        if (kind is { } k) filters.Add(("Jenis", k.Label()));
        var info = new ExportInfo(ListName, "mitra", Scope(actor), actor, clock.GetUtcNow(), filters);
        var rows = ListExport.Batches((skip, take, token) => PartnerRegistry.ReadAsync(partners.Skip(skip).Take(take), token), options.MaxRows);
        return ListExport.Plan(format, info, columns, rows, count, options.MaxRows);
    }

    private static string Scope(CurrentActor actor) => actor.Role switch
    {
        Role.SupervisorNational => "Semua register mitra di Jalin",
        Role.SupervisorProvince => $"Register mitra provinsi dan kabupaten/kota di wilayah {actor.RegionCode}",
        Role.PartnerUser => "Mitra Anda sendiri",
        _ => $"Register mitra daerah Anda ({actor.RegionCode})",
    } + ", sama dengan daftar mitra.";
}
