using System.Globalization;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Evaluation;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Statistics;

/// <summary>What the numbers of a figure are: counts, Rupiah, or amounts in the indicator's own unit.</summary>
public enum StatUnit { Count, Rupiah, Amount }

/// <summary>How the page draws a figure (MudBlazor's own charts): a donut for a few shares, bars otherwise.</summary>
public enum StatChart { Donut, Bar }

/// <summary>One row of a figure: its label and one value per series (<see cref="StatFigure.Series"/>).</summary>
public sealed record StatRow(string Key, string Label, IReadOnlyList<decimal> Values);

/// <summary>One chart with its table: the first column is <see cref="LabelHeader"/>, then one column per series.</summary>
public sealed record StatFigure(string Key, string Title, StatChart Chart, StatUnit Unit, string LabelHeader, IReadOnlyList<string> Series,
    IReadOnlyList<StatRow> Rows, string? Note = null)
{
    public IReadOnlyList<decimal> Totals => Series.Select((_, i) => Rows.Sum(r => r.Values[i])).ToList();
}

/// <summary>The filters of the statistics page, as sent (year = the agreements' start year; kind; region only for supervisors).</summary>
public sealed record StatisticsFilter(int? Year, CooperationKind? Kind, string? Region);

public sealed record StatisticsView(StatisticsFilter Filter, DateOnly AsOf, string ScopeLabel, int Total, IReadOnlyList<StatFigure> Figures)
{
    public StatFigure? Figure(string key) => Figures.FirstOrDefault(f => f.Key == key);
}

/// <summary>The dashboard's charts: agreements by kind, stage, urusan, lead OPD, partner type and start year; expiring soon;
/// progress-report timeliness; evaluation scores and recommendations; realisation against targets. Everything is scoped by
/// <see cref="AgreementAccess.VisibleTo"/> (an officer its region, a provincial supervisor its province's regions, the national
/// supervisor all, an OPD user its own OPD's agreements) and counted with grouped queries in the database; monitoring and
/// evaluation figures only cover agreements whose monitoring the actor reads (<see cref="MonitoringAccess.CanRead"/>: the
/// owning region's side and the supervisors).</summary>
public static class AgreementStatistics
{
    public static readonly string[] FigureKeys =
        ["jenis", "tahap", "urusan", "opd", "mitra", "tahun", "berakhir", "ketepatan", "nilai", "rekomendasi", "indikator", "anggaran"];

    public static readonly int[] ExpiryWindows = [30, 90, 180];
    public const string NoValue = "Belum diisi";

    public static bool MayView(CurrentActor actor) => actor.Role is not (Role.SystemAdmin or Role.PartnerUser);

    public static bool IsSupervisor(CurrentActor actor) => actor.Role is Role.SupervisorNational or Role.SupervisorProvince;

    /// <summary>Reads the filters as typed in the URL or the API; every wrong value gets its own Indonesian message.</summary>
    public static async Task<Result<StatisticsFilter>> ParseAsync(JalinDb db, CurrentActor actor, string? year, string? kind, string? region, CancellationToken ct = default)
    {
        var fields = new Dictionary<string, string[]>();
        int? y = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1945 and <= 2100) y = n;
            else fields["year"] = ["Tahun berupa angka empat digit antara 1945 dan 2100, misalnya 2026."];
        }
        CooperationKind? k = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (Enum.TryParse<CooperationKind>(kind.Trim(), true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _)) k = parsed;
            else fields["kind"] = [$"Jenis kerja sama tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetValues<CooperationKind>())}."];
        }
        string? r = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            r = region.Trim();
            if (!IsSupervisor(actor)) fields["region"] = ["Filter wilayah hanya untuk pembina (provinsi atau nasional); Anda melihat wilayah Anda sendiri."];
            else if (r.Length > 13 || !await db.Regions.AnyAsync(x => x.Code == r, ct)) fields["region"] = ["Kode wilayah tidak dikenal, misalnya 32.77 untuk Kota Cimahi."];
            else if (actor.Role == Role.SupervisorProvince && r != actor.RegionCode && !r.StartsWith(actor.RegionCode + ".", StringComparison.Ordinal))
                fields["region"] = ["Wilayah itu di luar provinsi yang Anda bina."];
        }
        if (fields.Count > 0) return new ValidationError("Filter statistik tidak valid.", fields);
        return new StatisticsFilter(y, k, r);
    }

    /// <summary>The agreements the actor sees, narrowed by the filters.</summary>
    public static IQueryable<Agreement> Scope(JalinDb db, CurrentActor actor, StatisticsFilter f)
    {
        var q = db.Agreements.AsNoTracking().VisibleTo(actor);
        if (f.Year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            q = q.Where(a => a.StartsOn >= from && a.StartsOn <= to);
        }
        if (f.Kind is { } k) q = q.Where(a => a.Kind == k);
        if (f.Region is { } r)
        {
            var prefix = r + ".";
            q = q.Where(a => a.RegionCode == r || a.RegionCode.StartsWith(prefix));
        }
        return q;
    }

    /// <summary>The agreements of <see cref="Scope"/> whose monitoring and evaluations the actor reads (the owning side).</summary>
    public static IQueryable<Agreement> MonitoringScope(JalinDb db, CurrentActor actor, StatisticsFilter f)
    {
        var q = Scope(db, actor, f);
        if (actor.Role is Role.System || IsSupervisor(actor)) return q;
        var region = actor.RegionCode;
        q = q.Where(a => a.RegionCode == region);
        if (actor.Role == Role.AgencyUser)
        {
            var agency = actor.AgencyId;
            q = q.Where(a => a.Parties.Any(p => p.Order == 1 && p.LeadAgencyId == agency));
        }
        return q;
    }

    public static async Task<Result<StatisticsView>> HandleAsync(JalinDb db, CurrentActor actor, StatisticsFilter filter, TimeProvider clock, CancellationToken ct = default)
    {
        if (!MayView(actor)) return new ForbiddenError("Statistik kerja sama dibuka oleh pengguna pemerintah daerah dan pembina.");
        var today = Wib.Today(clock);
        var q = Scope(db, actor, filter);
        var m = MonitoringScope(db, actor, filter);
        var ids = m.Select(a => a.Id);
        var figures = new List<StatFigure>();

        var byKind = await q.GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        figures.Add(Counts("jenis", "Kerja sama per jenis", StatChart.Donut, "Jenis",
            byKind.OrderBy(x => x.Key).Select(x => (x.Key.ToString(), x.Key.ShortLabel(), x.Count))));

        var byStage = await q.GroupBy(a => a.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        figures.Add(Counts("tahap", "Kerja sama per tahap", StatChart.Bar, "Tahap",
            byStage.OrderBy(x => x.Key).Select(x => (x.Key.ToString(), x.Key.Label(), x.Count))));

        var byAffair = await q.GroupBy(a => a.AffairCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var affairCodes = byAffair.Where(x => x.Key != null).Select(x => x.Key!).ToList();
        var affairNames = await db.GovernmentAffairs.AsNoTracking().Where(x => affairCodes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        figures.Add(Counts("urusan", "Kerja sama per urusan pemerintahan", StatChart.Bar, "Urusan",
            byAffair.OrderByDescending(x => x.Count).ThenBy(x => x.Key).Select(x => (x.Key ?? "", x.Key is null ? NoValue : affairNames.GetValueOrDefault(x.Key, x.Key), x.Count))));

        // The lead OPD of the owning region's party (the owner is always party 1, RegisterAgreement).
        var byAgency = await q.SelectMany(a => a.Parties.Where(p => p.Order == 1),
                (a, p) => new { a.Id, p.LeadAgencyName })
            .GroupBy(x => x.LeadAgencyName).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        figures.Add(Counts("opd", "Kerja sama per OPD pengampu", StatChart.Bar, "OPD pengampu",
            byAgency.OrderByDescending(x => x.Count).ThenBy(x => x.Key).Select(x => (x.Key ?? "", x.Key ?? NoValue, x.Count))));

        // The other parties: another region, or a registry partner by its kind; an agreement counts once per type.
        var byPartnerType = await q.SelectMany(a => a.Parties.Where(p => p.Order > 1), (a, p) => new { a.Id, p.RegionCode, p.PartnerId })
            .GroupJoin(db.Partners, x => x.PartnerId, p => (Guid?)p.Id, (x, ps) => new { x, ps })
            .SelectMany(t => t.ps.DefaultIfEmpty(), (t, p) => new { t.x.Id, Kind = t.x.RegionCode != null ? (PartnerKind?)PartnerKind.Region : p == null ? null : (PartnerKind?)p.Kind })
            .Distinct()
            .GroupBy(x => x.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        figures.Add(Counts("mitra", "Kerja sama per jenis mitra", StatChart.Donut, "Jenis mitra",
            byPartnerType.OrderBy(x => x.Key is null).ThenBy(x => x.Key).Select(x => (x.Key?.ToString() ?? "", x.Key?.Label() ?? NoValue, x.Count))));

        var byYear = await q.GroupBy(a => a.StartsOn == null ? 0 : a.StartsOn.Value.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        figures.Add(Counts("tahun", "Kerja sama per tahun mulai", StatChart.Bar, "Tahun mulai",
            byYear.OrderBy(x => x.Key == 0).ThenBy(x => x.Key).Select(x => (x.Key.ToString(CultureInfo.InvariantCulture), x.Key == 0 ? NoValue : x.Key.ToString(CultureInfo.InvariantCulture), x.Count))));

        var expiring = new List<(string, string, int)>();
        foreach (var days in ExpiryWindows)
        {
            var until = today.AddDays(days);
            var n = await q.CountAsync(a => a.Stage != Stage.Ended && a.EndsOn != null && a.EndsOn >= today && a.EndsOn <= until, ct);
            expiring.Add((days.ToString(CultureInfo.InvariantCulture), $"≤ {days} hari", n));
        }
        figures.Add(Counts("berakhir", "Kerja sama yang segera berakhir", StatChart.Bar, "Berakhir dalam", expiring,
            $"Kerja sama yang belum berakhir dengan tanggal berakhir dari {IndonesianFormat.FormatDateShort(today)}; setiap baris mencakup baris sebelumnya."));

        figures.Add(await TimelinessAsync(db, m, today, ct));

        var scores = await db.AgreementEvaluations.AsNoTracking().Where(e => ids.Contains(e.AgreementId))
            .GroupBy(e => e.Score).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var buckets = new int[6];
        foreach (var s in scores) buckets[Math.Clamp((int)Math.Round(s.Key, MidpointRounding.AwayFromZero), 1, 5)] += s.Count;
        figures.Add(Counts("nilai", "Sebaran nilai evaluasi (skala 1–5)", StatChart.Bar, "Nilai",
            Enumerable.Range(1, 5).Select(i => (i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture), buckets[i])),
            "Nilai akhir evaluasi (jumlah bobot × nilai kriteria) dibulatkan ke bilangan bulat terdekat."));

        var recs = await db.AgreementEvaluations.AsNoTracking().Where(e => ids.Contains(e.AgreementId))
            .GroupBy(e => e.Recommendation).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        figures.Add(Counts("rekomendasi", "Rekomendasi evaluasi", StatChart.Donut, "Rekomendasi",
            Enum.GetValues<EvaluationRecommendation>().Select(r => (r.ToString(), r.Label(), recs.Where(x => x.Key == r).Sum(x => x.Count)))));

        figures.Add(await IndicatorsAsync(db, ids, ct));
        figures.Add(await BudgetAsync(db, m, ids, ct));

        var total = await q.CountAsync(ct);
        return new StatisticsView(filter, today, await ScopeLabelAsync(db, actor, filter, ct), total, figures);
    }

    private static StatFigure Counts(string key, string title, StatChart chart, string header, IEnumerable<(string Key, string Label, int Count)> rows, string? note = null) =>
        new(key, title, chart, StatUnit.Count, header, ["Jumlah"], rows.Select(r => new StatRow(r.Key, r.Label, [r.Count])).ToList(), note);

    /// <summary>Per calendar quarter in which a reporting period ended: reports first submitted by their due date, after it, and
    /// periods whose due date passed with no submitted report (agreements in tahap Pelaksanaan; the periods and due dates of
    /// Core/Monitoring with the region's working-day calendar; praktik daerah).</summary>
    private static async Task<StatFigure> TimelinessAsync(JalinDb db, IQueryable<Agreement> m, DateOnly today, CancellationToken ct)
    {
        var ids = m.Select(a => a.Id);
        // On time and late: grouped in the database by the month the period ended.
        var submitted = await db.ProgressReports.AsNoTracking().Where(r => ids.Contains(r.AgreementId) && r.FirstSubmittedOn != null)
            .GroupBy(r => new { r.PeriodEnd.Year, r.PeriodEnd.Month, Late = r.FirstSubmittedOn > r.DueOn })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Late, Count = g.Count() }).ToListAsync(ct);
        var rows = new SortedDictionary<int, decimal[]>();
        decimal[] Bucket(int year, int month) => rows.TryGetValue(year * 10 + (month - 1) / 3 + 1, out var v) ? v : rows[year * 10 + (month - 1) / 3 + 1] = new decimal[3];
        foreach (var s in submitted) Bucket(s.Year, s.Month)[s.Late ? 1 : 0] += s.Count;

        // Missing: the periods of the agreements being carried out whose due date passed without a first submission.
        var running = await m.Where(a => a.Stage == Stage.Implementation && (a.StartsOn != null || a.SignedOn != null))
            .Select(a => new { a.Id, a.RegionCode, Start = a.StartsOn ?? a.SignedOn, a.EndsOn }).ToListAsync(ct);
        if (running.Count > 0)
        {
            var runningIds = running.Select(a => a.Id).ToList();
            var plans = await db.MonitoringPlans.AsNoTracking().Where(p => runningIds.Contains(p.AgreementId)).ToDictionaryAsync(p => p.AgreementId, p => p.Period, ct);
            var done = (await db.ProgressReports.AsNoTracking().Where(r => runningIds.Contains(r.AgreementId) && r.FirstSubmittedOn != null)
                .Select(r => new { r.AgreementId, r.Period, r.PeriodNumber }).ToListAsync(ct)).Select(r => (r.AgreementId, r.Period, r.PeriodNumber)).ToHashSet();
            var calendars = new Dictionary<string, (WorkingDayCalendar Calendar, int Due)>();
            foreach (var a in running)
            {
                if (!calendars.TryGetValue(a.RegionCode, out var c))
                {
                    var settings = await LifecycleContexts.SettingsAsync(db, a.RegionCode, ct);
                    c = calendars[a.RegionCode] = (await LifecycleContexts.CalendarAsync(db, settings, a.RegionCode, ct), await ReportingPeriods.DueWorkingDaysAsync(db, a.RegionCode, ct));
                }
                var kind = plans.TryGetValue(a.Id, out var k) ? k : ReportPeriod.Quarterly;
                foreach (var p in ReportingPeriods.Compute(a.Start!.Value, a.EndsOn, kind, c.Calendar, c.Due, today))
                    if (p.DueOn < today && !done.Contains((a.Id, kind, p.Number))) Bucket(p.End.Year, p.End.Month)[2]++;
            }
        }
        string[] roman = ["I", "II", "III", "IV"];
        return new StatFigure("ketepatan", "Ketepatan waktu laporan kemajuan", StatChart.Bar, StatUnit.Count, "Periode berakhir",
            ["Tepat waktu", "Terlambat", "Belum ada"],
            rows.Select(r => new StatRow(r.Key.ToString(CultureInfo.InvariantCulture), $"Triwulan {roman[r.Key % 10 - 1]} {r.Key / 10}", r.Value)).ToList(),
            ReportingPeriods.Practice + " Tepat waktu: pertama diajukan paling lambat pada tenggatnya.");
    }

    /// <summary>Output indicators of accepted progress reports, target and realisation summed per indicator name and unit.</summary>
    private static async Task<StatFigure> IndicatorsAsync(JalinDb db, IQueryable<Guid> ids, CancellationToken ct)
    {
        // The indicators are one JSON column per report: only that column of the accepted reports is read.
        var lists = await db.ProgressReports.AsNoTracking().Where(r => ids.Contains(r.AgreementId) && r.Status == ReportStatus.Accepted)
            .Select(r => r.Indicators).ToListAsync(ct);
        var rows = lists.SelectMany(l => l)
            .GroupBy(i => (Name: i.Indicator.Trim(), Unit: i.Unit.Trim()))
            .Select(g => new StatRow($"{g.Key.Name}|{g.Key.Unit}", string.IsNullOrEmpty(g.Key.Unit) ? g.Key.Name : $"{g.Key.Name} ({g.Key.Unit})",
                [g.Sum(i => i.Target), g.Sum(i => i.Actual)]))
            .OrderByDescending(r => r.Values[0]).ThenBy(r => r.Label).Take(15).ToList();
        return new StatFigure("indikator", "Target dan realisasi indikator keluaran", StatChart.Bar, StatUnit.Amount, "Indikator", ["Target", "Realisasi"], rows,
            "Dari laporan kemajuan yang diterima; dijumlahkan per nama indikator dan satuan (15 terbesar).");
    }

    /// <summary>Per lead OPD: the agreements' value (planned) against the budget realisation of their accepted progress reports.</summary>
    private static async Task<StatFigure> BudgetAsync(JalinDb db, IQueryable<Agreement> m, IQueryable<Guid> ids, CancellationToken ct)
    {
        var planned = await m.Where(a => a.Value != null)
            .SelectMany(a => a.Parties.Where(p => p.Order == 1),
                (a, p) => new { p.LeadAgencyName, a.Value })
            .GroupBy(x => x.LeadAgencyName).Select(g => new { g.Key, Sum = g.Sum(x => x.Value) }).ToListAsync(ct);
        var realised = await db.ProgressReports.AsNoTracking().Where(r => ids.Contains(r.AgreementId) && r.Status == ReportStatus.Accepted && r.BudgetRealisation != null)
            .GroupBy(r => r.AgencyName).Select(g => new { g.Key, Sum = g.Sum(x => x.BudgetRealisation) }).ToListAsync(ct);
        var names = planned.Select(p => p.Key ?? NoValue).Union(realised.Select(r => r.Key)).Distinct().ToList();
        var rows = names.Select(n => new StatRow(n, n, [planned.Where(p => (p.Key ?? NoValue) == n).Sum(p => p.Sum ?? 0), realised.Where(r => r.Key == n).Sum(r => r.Sum ?? 0)]))
            .OrderByDescending(r => r.Values[0]).ThenBy(r => r.Label).ToList();
        return new StatFigure("anggaran", "Nilai kerja sama dan realisasi anggaran per OPD", StatChart.Bar, StatUnit.Rupiah, "OPD", ["Nilai kerja sama", "Realisasi"], rows,
            "Realisasi dari laporan kemajuan yang diterima.");
    }

    private static async Task<string> ScopeLabelAsync(JalinDb db, CurrentActor actor, StatisticsFilter f, CancellationToken ct)
    {
        var code = f.Region ?? (actor.Role == Role.SupervisorNational ? null : actor.RegionCode);
        var name = code is null ? "Seluruh Indonesia" : await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? code;
        if (actor.Role == Role.SupervisorProvince && f.Region is null) name += " beserta kabupaten/kota";
        if (actor.Role == Role.AgencyUser) name += ", OPD Anda";
        var parts = new List<string> { name };
        if (f.Year is { } y) parts.Add($"mulai tahun {y}");
        if (f.Kind is { } k) parts.Add(k.ShortLabel());
        return string.Join(" · ", parts);
    }

    /// <summary>Indonesian numbers for the table: 1.234; Rp 250.000.000; amounts with a comma for decimals.</summary>
    public static string Format(decimal v, StatUnit unit) => unit switch
    {
        StatUnit.Rupiah => "Rp " + v.ToString(v == decimal.Truncate(v) ? "N0" : "N2", IndonesianFormat.Culture),
        _ => v.ToString(v == decimal.Truncate(v) ? "N0" : "N2", IndonesianFormat.Culture),
    };
}
