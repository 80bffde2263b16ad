using System.Globalization;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;

namespace Jalin.Core.Reminders;

/// <summary>What the progress-report rule reads of one agreement besides <see cref="ReminderFacts"/>: the day its periods
/// count from, its period (triwulan or semester) and the period numbers whose report is submitted (diajukan, diajukan
/// ulang or diterima; a returned report counts as not submitted).</summary>
public sealed record ProgressFacts(DateOnly? StartsOn, ReportPeriod Period, IReadOnlyCollection<int> SubmittedPeriods);

/// <summary>The late progress report reminder (issue #11 item 4). No regulation sets when an OPD reports its progress to
/// the Bagian Kerja Sama: the due date is the region's setting, N working days after the period ends (praktik daerah).
/// Before the due date the lead OPD is reminded (5 working days before, on the day); after it (1 and 10 working days
/// late) the lead OPD and the region's Bagian Kerja Sama officers. Nothing is sent once the report is submitted.</summary>
public static class ProgressReportReminders
{
    /// <summary>Working days before the due date (sent to the lead OPD).</summary>
    public static readonly IReadOnlyList<int> BeforeSteps = [5, 0];
    /// <summary>Working days after the due date (sent to the lead OPD and the officers).</summary>
    public static readonly IReadOnlyList<int> LateSteps = [1, 10];

    public const string Link = "/app/laporan-kemajuan";

    /// <summary>The last period of the agreement that has ended before <paramref name="today"/>, or null.</summary>
    public static ReportingPeriod? LastEnded(DateOnly start, DateOnly? end, ReportPeriod kind, DateOnly today, WorkingDayCalendar calendar, int dueWorkingDays)
    {
        var months = ReportingPeriods.Months(kind);
        var elapsed = (today.Year - start.Year) * 12 + today.Month - start.Month;
        for (var i = Math.Max(0, elapsed / months + 1); i >= 0; i--)
        {
            var s = start.AddMonths(i * months);
            if (end is { } last && s > last) continue;
            var e = start.AddMonths((i + 1) * months).AddDays(-1);
            if (end is { } l && e > l) e = l;
            if (e >= today) continue;
            var due = calendar.AddWorkingDaysChecked(e, dueWorkingDays);
            return new ReportingPeriod(i + 1, s, e, due.Date, due.Note);
        }
        return null;
    }

    private static string D(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));

    /// <summary>The progress-report reminder of one agreement due today, or null.</summary>
    public static DueReminder? For(ReminderFacts a, ProgressFacts p, int dueWorkingDays, DateOnly today, WorkingDayCalendar calendar)
    {
        if (a.Stage != Stage.Implementation || p.StartsOn is not { } start) return null;
        if (LastEnded(start, a.EndsOn, p.Period, today, calendar, dueWorkingDays) is not { } period) return null;
        if (p.SubmittedPeriods.Contains(period.Number)) return null;
        var due = period.DueOn;
        var steps = BeforeSteps.Select(n => new ReminderStep($"{n}hk", ReminderRules.WorkingDaysBefore(due, n, calendar),
                n == 0 ? "hari jatuh tempo" : $"{n} hari kerja sebelum jatuh tempo"))
            .Concat(LateSteps.Select(n => new ReminderStep($"lewat{n}hk", calendar.AddWorkingDays(due, n), $"terlambat {n} hari kerja", Late: true)));
        if (ReminderRules.Current(steps, today, calendar) is not { } step) return null;
        var late = step.Step.Late;
        var what = $"Laporan kemajuan {p.Period.Label().ToLowerInvariant()} {period.Number} ({IndonesianDates(period)}) atas {a.Title}";
        var basis = $"tenggat {dueWorkingDays} hari kerja setelah periode berakhir adalah pengaturan daerah (praktik daerah; PP 28/2018 tidak mengatur laporan kemajuan OPD)";
        return new DueReminder(ReminderRule.ProgressReport, step.Step.Step, due, step.SendOn, a.RegionCode, a.AgreementId,
            late ? $"Laporan kemajuan terlambat: {a.Title}" : $"Laporan kemajuan jatuh tempo {D(due)}: {a.Title}",
            late ? $"{what} jatuh tempo pada {D(due)} dan belum diajukan ({step.Step.Text}). Ajukan melalui menu Laporan kemajuan saya."
                 : $"{what} jatuh tempo pada {D(due)} ({step.Step.Text}). Ajukan melalui menu Laporan kemajuan saya.",
            basis, late ? ReminderAudience.Officers | ReminderAudience.LeadAgency : ReminderAudience.LeadAgency, a.LeadAgencyId);
    }

    private static string IndonesianDates(ReportingPeriod p) => $"{Common.IndonesianFormat.FormatDateShort(p.Start)} – {Common.IndonesianFormat.FormatDateShort(p.End)}";
}
