using Jalin.Core.Common;
using Jalin.Core.Mapping;
using MiniExcelLibs;

namespace Jalin.Core.Statistics;

/// <summary>The statistics as workbooks (MiniExcel, like the monev report): one sheet per figure with its table and a
/// "Jumlah" row, and a sheet "Keterangan" with the scope, the filters and the date. One figure or all of them ("semua").</summary>
public static class StatisticsExport
{
    public const string All = "semua";
    public const string InfoSheet = "Keterangan";
    public const string TotalLabel = "Jumlah";

    public static readonly IReadOnlyDictionary<string, string> SheetNames = new Dictionary<string, string>
    {
        ["jenis"] = "Jenis", ["tahap"] = "Tahap", ["urusan"] = "Urusan", ["opd"] = "OPD", ["mitra"] = "Jenis mitra", ["tahun"] = "Tahun mulai",
        ["berakhir"] = "Segera berakhir", ["ketepatan"] = "Ketepatan laporan", ["nilai"] = "Nilai evaluasi", ["rekomendasi"] = "Rekomendasi",
        ["indikator"] = "Indikator", ["anggaran"] = "Anggaran",
    };

    public static bool IsKnown(string figure) => figure == All || SheetNames.ContainsKey(figure);

    public static string FileName(StatisticsView v, string figure) =>
        $"statistik-{figure}-{(v.Filter.Region ?? "wilayah")}{(v.Filter.Year is { } y ? "-" + y : "")}{(v.Filter.Kind is { } k ? "-" + k.ToString().ToLowerInvariant() : "")}-{v.AsOf:yyyy-MM-dd}.xlsx";

    public static Result<ExportedFile> Xlsx(StatisticsView view, string figure)
    {
        var figures = figure == All ? view.Figures : view.Figures.Where(f => f.Key == figure).ToList();
        if (figures.Count == 0) return new NotFoundError($"Grafik \"{figure}\" tidak dikenal. Pilih salah satu: {string.Join(", ", SheetNames.Keys)} atau {All}.");
        var sheets = new Dictionary<string, object>();
        foreach (var f in figures) sheets[SheetNames[f.Key]] = Rows(f);
        sheets[InfoSheet] = new List<Dictionary<string, object?>>
        {
            new() { ["Keterangan"] = "Cakupan", ["Isi"] = view.ScopeLabel },
            new() { ["Keterangan"] = "Keadaan per", ["Isi"] = view.AsOf.ToString("dd/MM/yyyy", IndonesianFormat.Culture) },
            new() { ["Keterangan"] = "Jumlah kerja sama", ["Isi"] = view.Total.ToString("N0", IndonesianFormat.Culture) },
            new() { ["Keterangan"] = "Tahun", ["Isi"] = view.Filter.Year is { } y ? $"tahun mulai {y}" : "semua tahun" },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return new ExportedFile(stream.ToArray(), MappingExport.XlsxType, FileName(view, figure));
    }

    /// <summary>The table of a figure: label column, one numeric column per series, then the total row.</summary>
    public static List<Dictionary<string, object?>> Rows(StatFigure f)
    {
        var rows = f.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?> { [f.LabelHeader] = r.Label };
            for (var i = 0; i < f.Series.Count; i++) row[Header(f, i)] = r.Values[i];
            return row;
        }).ToList();
        var total = new Dictionary<string, object?> { [f.LabelHeader] = TotalLabel };
        for (var i = 0; i < f.Series.Count; i++) total[Header(f, i)] = f.Totals[i];
        if (f.Key != "berakhir") rows.Add(total);
        return rows;
    }

    public static string Header(StatFigure f, int series) => f.Unit == StatUnit.Rupiah ? f.Series[series] + " (Rp)" : f.Series[series];
}
