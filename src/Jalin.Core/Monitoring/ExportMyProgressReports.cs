using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;

namespace Jalin.Core.Monitoring;

/// <summary>"Unduh" on "Laporan kemajuan saya": the rows of <see cref="ProgressReports.MineAsync"/>, as XLSX or CSV. That list
/// is worked out per agreement from its reporting periods (not one query), for at most the 200 agreements it reads,
/// so it is written from memory rather than in batches.</summary>
public static class ExportMyProgressReports
{
    public const string ListName = "Laporan kemajuan saya";

    public static async Task<Result<ListExportPlan>> HandleAsync(JalinDb db, CurrentActor actor, ExportFormat format, ListExportOptions options,
        TimeProvider clock, CancellationToken ct = default)
    {
        var mine = await ProgressReports.MineAsync(db, actor, clock, ct);
        if (!mine.Ok) return mine.Error!;
        if (ListExport.CheckSize(mine.Value!.Count, options.MaxRows) is { } tooMany) return tooMany;

        ExportColumn<MyReportRow>[] columns =
        [
            new("Kerja sama", r => r.AgreementTitle, Width: 60),
            new("Periode", r => r.PeriodLabel, Width: 24),
            new("Akhir periode", r => r.PeriodEnd, ExportCell.Date, Width: 14),
            new("Tenggat", r => r.DueOn, ExportCell.Date),
            new("Status", r => r.StatusLabel, Width: 22),
            new("Terlambat", r => r.Late ? "Ya" : "Tidak", Width: 12),
            new("ID kerja sama", r => r.AgreementId.ToString(), Width: 38),
        ];
        var info = new ExportInfo(ListName, "laporan-kemajuan-saya",
            "Periode laporan kemajuan kerja sama yang dilaksanakan OPD Anda yang sudah berakhir dan laporannya belum diterima, sama dengan daftar.",
            actor, clock.GetUtcNow(), []);
        return ListExport.Plan(format, info, columns, ListExport.Of(mine.Value!), mine.Value!.Count, options.MaxRows);
    }
}
