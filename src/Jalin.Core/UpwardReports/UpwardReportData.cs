using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Evaluation;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Partners;
using Jalin.Core.Regions;
using Jalin.Core.Reminders;
using Jalin.Core.Tkksd;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.UpwardReports;

/// <summary>The figures of one report, the ones a supervisor's recap adds up. Stored as JSON with each snapshot.</summary>
public sealed record UpwardFigures
{
    public int Agreements { get; init; }
    public int Foreign { get; init; }
    public int Domestic { get; init; }
    public int New { get; init; }
    public int Ended { get; init; }
    public int Active { get; init; }
    public decimal TotalValue { get; init; }
    public int ReportsOnTime { get; init; }
    public int ReportsLate { get; init; }
    public int ReportsMissing { get; init; }
    public int Indicators { get; init; }
    public int IndicatorsMet { get; init; }
    public decimal BudgetRealisation { get; init; }
    public int Evaluations { get; init; }
    public decimal ScoreSum { get; init; }

    public decimal? AverageScore => Evaluations == 0 ? null : Math.Round(ScoreSum / Evaluations, 2, MidpointRounding.AwayFromZero);

    public static UpwardFigures Sum(IEnumerable<UpwardFigures> all)
    {
        var list = all.ToList();
        return new UpwardFigures
        {
            Agreements = list.Sum(f => f.Agreements), Foreign = list.Sum(f => f.Foreign), Domestic = list.Sum(f => f.Domestic), New = list.Sum(f => f.New),
            Ended = list.Sum(f => f.Ended), Active = list.Sum(f => f.Active), TotalValue = list.Sum(f => f.TotalValue), ReportsOnTime = list.Sum(f => f.ReportsOnTime),
            ReportsLate = list.Sum(f => f.ReportsLate), ReportsMissing = list.Sum(f => f.ReportsMissing), Indicators = list.Sum(f => f.Indicators),
            IndicatorsMet = list.Sum(f => f.IndicatorsMet), BudgetRealisation = list.Sum(f => f.BudgetRealisation), Evaluations = list.Sum(f => f.Evaluations),
            ScoreSum = list.Sum(f => f.ScoreSum),
        };
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Json);
    public static UpwardFigures FromJson(string json) => System.Text.Json.JsonSerializer.Deserialize<UpwardFigures>(json, Json) ?? new();
}

public sealed record CountRow(string Label, int Count);

public sealed record IndicatorLine(Guid AgreementId, string Agreement, bool Foreign, string Period, string Indicator, string Unit, decimal Target, decimal Actual)
{
    public bool Met => Actual >= Target;
    public decimal? Percent => Target == 0 ? null : Math.Round(Actual / Target * 100m, 1, MidpointRounding.AwayFromZero);
}

public sealed record BudgetLine(Guid AgreementId, string Agreement, bool Foreign, string Period, string Source, decimal Realisation);

public sealed record MonevLine(Guid AgreementId, string Agreement, bool Foreign, DateOnly EvaluatedOn, decimal Score, string Recommendation, string Findings);

public sealed record NoteLine(string Agreement, string Period, string Text);

/// <summary>One agreement of the year, with what its reports and evaluations say.</summary>
public sealed record AgreementLine(Guid Id, string Title, CooperationKind Kind, string KindLabel, bool Foreign, string Partners, string PartnerTypes,
    string? AffairName, string Status, DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, decimal? Value, string FundingSource, bool IsNew, bool EndedInYear,
    string? Object, string? Scope, IReadOnlyList<string> Activities, IReadOnlyList<string> Beneficiaries, IReadOnlyList<NoteLine> Obstacles,
    IReadOnlyList<NoteLine> FollowUps, int ReportsOnTime, int ReportsLate, int ReportsMissing)
{
    public string Term => ((StartsOn ?? SignedOn) is { } s ? IndonesianFormat.FormatDateLong(s) : "—") + " s.d. "
        + (EndsOn is { } e ? IndonesianFormat.FormatDateLong(e) : "tidak ditentukan");
}

/// <summary>The whole annual report of a region for a year, computed from the data.</summary>
public sealed record UpwardReportData(string RegionCode, string RegionName, bool IsProvince, string? ProvinceName, int Year, string Recipient,
    DateOnly Deadline, string DeadlineBasis, DateOnly GeneratedOn, UpwardFigures Figures, IReadOnlyList<AgreementLine> Agreements,
    IReadOnlyList<IndicatorLine> Indicators, IReadOnlyList<BudgetLine> Budget, IReadOnlyList<MonevLine> Monev,
    IReadOnlyList<CountRow> ByKind, IReadOnlyList<CountRow> ByStatus, IReadOnlyList<CountRow> ByAffair, IReadOnlyList<CountRow> ByPartnerType)
{
    public IEnumerable<AgreementLine> ForeignAgreements => Agreements.Where(a => a.Foreign);
    public IEnumerable<AgreementLine> DomesticAgreements => Agreements.Where(a => !a.Foreign);
}

/// <summary>Builds <see cref="UpwardReportData"/> from the database: the agreements the region owns that ran in the year (signed,
/// term overlapping the year), their progress reports of periods ending in the year (timeliness of all; activities,
/// indicators, budget, beneficiaries, obstacles and follow-up of the accepted ones) and the evaluations made in the year.</summary>
public static class UpwardReportBuilder
{
    /// <summary>Kab/kota report to the Governor; provinces to the Minister (Permendagri 25/2020 Pasal 35 and 36).</summary>
    public static string RecipientOf(Region region, Region? province) => region.Level == RegionLevel.Province
        ? "Menteri Dalam Negeri c.q. Direktur Jenderal Bina Administrasi Kewilayahan"
        : $"Gubernur {province?.Name ?? ""}".Trim();

    /// <summary>The deadline of the year's report: the Permendagri's for a region that ran a KSDPL/KSDLL, otherwise the region's own date.</summary>
    public static (DateOnly Deadline, string Basis) DeadlineOf(bool isProvince, bool hasForeign, int year, ReminderSettings settings) => hasForeign
        ? (ReminderRules.ForeignReportDeadline(year, isProvince), isProvince
            ? "minggu kedua Januari (Permendagri 25/2020 Pasal 36)" : "minggu pertama Januari (Permendagri 25/2020 Pasal 35)")
        : (ReminderRules.DomesticReportDeadline(year, settings), "pengaturan daerah (peraturan tidak menetapkan batas waktu laporan KSDD, KSDPK dan Sinergi)");

    public static async Task<UpwardReportData> BuildAsync(JalinDb db, string regionCode, int year, DateOnly today, CancellationToken ct = default)
    {
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == regionCode, ct);
        var province = region.ProvinceCode is { } pc ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == pc, ct) : null;
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Parties)
            .Where(a => a.RegionCode == regionCode && (a.Stage == Stage.Implementation || a.Stage == Stage.Ended)
                && (a.StartsOn ?? a.SignedOn) != null && (a.StartsOn ?? a.SignedOn) <= last && (a.EndsOn == null || a.EndsOn >= first))
            .ToListAsync(ct);
        agreements = agreements.OrderBy(a => a.Kind.IsForeign() ? 0 : 1).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
        var ids = agreements.Select(a => a.Id).ToList();
        var reports = await db.ProgressReports.AsNoTracking().Where(r => ids.Contains(r.AgreementId) && r.PeriodEnd >= first && r.PeriodEnd <= last).ToListAsync(ct);
        var evaluations = await db.AgreementEvaluations.AsNoTracking().Where(e => ids.Contains(e.AgreementId) && e.EvaluatedOn >= first && e.EvaluatedOn <= last).ToListAsync(ct);
        var affairCodes = agreements.Where(a => a.AffairCode != null).Select(a => a.AffairCode!).Distinct().ToList();
        var affairs = await db.GovernmentAffairs.AsNoTracking().Where(g => affairCodes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Name, ct);
        var partnerIds = agreements.SelectMany(a => a.Parties).Where(p => p.PartnerId != null).Select(p => p.PartnerId!.Value).Distinct().ToList();
        var partnerKinds = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Kind, ct);
        var settings = await ReminderSettings.ForRegionAsync(db, regionCode, ct);

        string PartnerType(AgreementParty p) => p.PartnerId is { } id && partnerKinds.TryGetValue(id, out var k) ? k.Label()
            : p.RegionCode is not null ? "Pemerintah daerah" : "Lainnya";
        static string PeriodOf(ProgressReport r) => $"{r.Period.Label()} {r.PeriodNumber} ({IndonesianFormat.FormatDateShort(r.PeriodStart)}–{IndonesianFormat.FormatDateShort(r.PeriodEnd)})";

        var lines = new List<AgreementLine>();
        var indicators = new List<IndicatorLine>();
        var budget = new List<BudgetLine>();
        foreach (var a in agreements)
        {
            var others = a.Parties.Where(p => !(p.RegionCode == a.RegionCode && p.PartnerId == null)).OrderBy(p => p.Order).ToList();
            var mine = reports.Where(r => r.AgreementId == a.Id).OrderBy(r => r.PeriodStart).ToList();
            var accepted = mine.Where(r => r.Status == ReportStatus.Accepted).ToList();
            var foreign = a.Kind.IsForeign();
            foreach (var r in accepted)
            {
                indicators.AddRange(r.Indicators.Select(i => new IndicatorLine(a.Id, a.Title, foreign, PeriodOf(r), i.Indicator, i.Unit, i.Target, i.Actual)));
                if (r.BudgetRealisation is { } b) budget.Add(new BudgetLine(a.Id, a.Title, foreign, PeriodOf(r), a.FundingSource.Label(), b));
            }
            var endedInYear = a.EndsOn is { } end && end >= first && end <= last || (a.Stage == Stage.Ended && a.EndsOn is null);
            var startedOn = a.SignedOn ?? a.StartsOn;
            lines.Add(new AgreementLine(a.Id, a.Title, a.Kind, a.Kind.Label(), foreign, string.Join("; ", others.Select(p => p.Name)),
                string.Join("; ", others.Select(PartnerType).Distinct()), a.AffairCode is { } ac ? affairs.GetValueOrDefault(ac, ac) : null,
                a.Stage == Stage.Ended || endedInYear ? "Berakhir" : "Berlaku", a.SignedOn, a.StartsOn, a.EndsOn, a.Value, a.FundingSource.Label(),
                startedOn is { } s && s.Year == year, endedInYear, a.Object, a.Scope,
                accepted.Where(r => !string.IsNullOrWhiteSpace(r.Activities)).Select(r => $"{PeriodOf(r)}: {r.Activities!.Trim()}").ToList(),
                accepted.Where(r => !string.IsNullOrWhiteSpace(r.Beneficiaries)).Select(r => r.Beneficiaries!.Trim()).Distinct().ToList(),
                accepted.Where(r => !string.IsNullOrWhiteSpace(r.Obstacles)).Select(r => new NoteLine(a.Title, PeriodOf(r), r.Obstacles!.Trim())).ToList(),
                accepted.Where(r => !string.IsNullOrWhiteSpace(r.FollowUp)).Select(r => new NoteLine(a.Title, PeriodOf(r), r.FollowUp!.Trim())).ToList(),
                mine.Count(r => r.FirstSubmittedOn is { } f && f <= r.DueOn), mine.Count(r => r.FirstSubmittedOn is { } f && f > r.DueOn),
                mine.Count(r => r.FirstSubmittedOn is null && today > r.DueOn)));
        }
        var titles = agreements.ToDictionary(a => a.Id, a => a);
        var monev = evaluations.OrderBy(e => e.EvaluatedOn).Select(e => new MonevLine(e.AgreementId, titles[e.AgreementId].Title, titles[e.AgreementId].Kind.IsForeign(),
            e.EvaluatedOn, e.Score, e.Recommendation.Label(), e.Findings)).ToList();

        var figures = new UpwardFigures
        {
            Agreements = lines.Count, Foreign = lines.Count(l => l.Foreign), Domestic = lines.Count(l => !l.Foreign), New = lines.Count(l => l.IsNew),
            Ended = lines.Count(l => l.EndedInYear), Active = lines.Count(l => !l.EndedInYear), TotalValue = lines.Sum(l => l.Value ?? 0m),
            ReportsOnTime = lines.Sum(l => l.ReportsOnTime), ReportsLate = lines.Sum(l => l.ReportsLate), ReportsMissing = lines.Sum(l => l.ReportsMissing),
            Indicators = indicators.Count, IndicatorsMet = indicators.Count(i => i.Met), BudgetRealisation = budget.Sum(b => b.Realisation),
            Evaluations = monev.Count, ScoreSum = monev.Sum(m => m.Score),
        };
        var domestic = lines.Where(l => !l.Foreign).ToList();
        static List<CountRow> Count(IEnumerable<string> keys) => keys.GroupBy(k => k).Select(g => new CountRow(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
        var (deadline, basis) = DeadlineOf(region.Level == RegionLevel.Province, lines.Any(l => l.Foreign), year, settings);
        return new UpwardReportData(region.Code, region.FullName, region.Level == RegionLevel.Province, province?.FullName, year, RecipientOf(region, province),
            deadline, basis, today, figures, lines, indicators, budget, monev,
            Count(domestic.Select(l => l.KindLabel)), Count(domestic.Select(l => l.Status)), Count(domestic.Select(l => l.AffairName ?? "Belum dicatat")),
            Count(domestic.SelectMany(l => l.PartnerTypes.Split("; ", StringSplitOptions.RemoveEmptyEntries))));
    }
}
