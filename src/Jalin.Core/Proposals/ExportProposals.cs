using System.Globalization;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Proposals;

/// <summary>"Unduh" on the proposal list: the rows of <see cref="SearchProposals.Query"/> for the same filter, as XLSX or CSV.</summary>
public static class ExportProposals
{
    public const string ListName = "Daftar usulan kerja sama";

    public static async Task<Result<ListExportPlan>> HandleAsync(JalinDb db, CurrentActor actor, ProposalFilter filter, ExportFormat format,
        ListExportOptions options, TimeProvider clock, CancellationToken ct = default)
    {
        var query = SearchProposals.Query(db, actor, filter);
        if (!query.Ok) return query.Error!;
        var proposals = query.Value!;
        var count = await proposals.CountAsync(ct);
        if (ListExport.CheckSize(count, options.MaxRows) is { } tooMany) return tooMany;

        ExportColumn<ProposalSummary>[] columns =
        [
            new("Nomor", p => p.Number, Width: 18),
            new("Judul", p => p.Title, Width: 60),
            new("OPD", p => p.AgencyName, Width: 36),
            new("Mitra", p => p.PartnerName, Width: 36),
            new("Status", p => p.StatusLabel, Width: 22),
            new("Jenis yang direkomendasikan", p => p.RecommendedKind?.Label(), Width: 36),
            new("Asal", p => p.Source == ProposalSource.PartnerPortal ? "Portal mitra" : "Perangkat daerah", Width: 18),
            new("Jadi kerja sama", p => p.AgreementId is null ? "Tidak" : "Ya", Width: 14),
            new("Diperbarui", p => Wib.DateOf(p.UpdatedAt), ExportCell.Date),
            new("ID", p => p.Id.ToString(), Width: 38),
        ];
        var filters = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(filter.Q)) filters.Add(("Kata pencarian", filter.Q.Trim()));
        if (filter.Status is { } status) filters.Add(("Status", status.Label()));
        if (filter.AgencyId is { } agencyId)
        {
            filters.Add(("Perangkat daerah (OPD)", await Agencies.AgencyRegistry.VisibleNameAsync(db, actor, agencyId, ct) ?? agencyId.ToString()));
        }
        if (filter.Year is { } year) filters.Add(("Tahun usulan", year.ToString(CultureInfo.InvariantCulture)));
        var scope = actor.Role == Role.AgencyUser ? "Usulan OPD Anda" : $"Usulan daerah Anda ({actor.RegionCode})";
        var info = new ExportInfo(ListName, "usulan", scope + ", sama dengan daftar usulan.", actor, clock.GetUtcNow(), filters);
        var rows = ListExport.Batches((skip, take, token) => SearchProposals.ReadAsync(proposals.Skip(skip).Take(take), token), options.MaxRows);
        return ListExport.Plan(format, info, columns, rows, count, options.MaxRows);
    }
}
