namespace Jalin.Core.Evaluation;

public enum DueState { NotYet, Due, Overdue, Done }

/// <summary>One evaluation an agreement owes: a yearly one for each year of its term, or the closing one before it ends.
/// It is met by an evaluation dated within [<see cref="From"/>, <see cref="DueOn"/>].</summary>
public sealed record RequiredEvaluation(string Label, bool IsClosing, DateOnly From, DateOnly DueOn, DueState State);

/// <summary>The monev schedule (pengaturan daerah; no regulation sets one for a kerja sama daerah): an evaluation every
/// year of the term counted from the start date, and one within N days before the end date (region setting, default
/// 180). A yearly anniversary falling inside that closing window is covered by the closing evaluation.</summary>
public static class EvaluationSchedule
{
    /// <summary>How many days before its due date an evaluation shows as due.</summary>
    public const int DueSoonDays = 30;

    public static IReadOnlyList<RequiredEvaluation> Compute(DateOnly? startsOn, DateOnly? endsOn, int beforeEndDays, IEnumerable<DateOnly> evaluatedOn, DateOnly today)
    {
        if (startsOn is not { } start) return [];
        var dates = evaluatedOn.ToList();
        var list = new List<RequiredEvaluation>();
        var closingFrom = endsOn is { } end ? end.AddDays(-beforeEndDays) : (DateOnly?)null;
        for (var k = 1; k <= 100; k++)
        {
            var due = start.AddYears(k);
            if (closingFrom is { } cf && due >= cf) break;
            if (closingFrom is null && due > today.AddYears(1)) break;
            var from = start.AddYears(k - 1);
            list.Add(Make($"Evaluasi tahun ke-{k}", false, from, due, dates, today));
        }
        if (endsOn is { } e && closingFrom is { } c)
            list.Add(Make("Evaluasi menjelang berakhir", true, c < start ? start : c, e, dates, today));
        return list;
    }

    private static RequiredEvaluation Make(string label, bool closing, DateOnly from, DateOnly due, List<DateOnly> dates, DateOnly today)
    {
        var state = dates.Any(d => d >= from && d <= due) ? DueState.Done
            : today > due ? DueState.Overdue
            : today >= (closing ? from : due.AddDays(-DueSoonDays)) ? DueState.Due
            : DueState.NotYet;
        return new RequiredEvaluation(label, closing, from, due, state);
    }

    /// <summary>The evaluation the agreement should attend to now: the latest one overdue or due, else the next one.</summary>
    public static RequiredEvaluation? Current(IReadOnlyList<RequiredEvaluation> schedule) =>
        schedule.LastOrDefault(r => r.State is DueState.Overdue or DueState.Due && !schedule.Any(n => n.From > r.From && n.State == DueState.Done))
        ?? schedule.FirstOrDefault(r => r.State == DueState.NotYet);

    /// <summary>Overdue: the latest evaluation whose due date has passed was not made (a later one made covers it).</summary>
    public static bool IsOverdue(IReadOnlyList<RequiredEvaluation> schedule) =>
        schedule.LastOrDefault(r => r.State is DueState.Overdue or DueState.Done) is { State: DueState.Overdue };
}
