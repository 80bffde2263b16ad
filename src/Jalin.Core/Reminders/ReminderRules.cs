using System.Globalization;
using Jalin.Core.Agreements;
using Jalin.Core.Lifecycle;

namespace Jalin.Core.Reminders;

/// <summary>The reminder rules (issue #11 item 4). Each has a deadline and dated steps before it; the job sends the
/// latest step whose day has come, once per recipient (the dedupe key names the rule, the deadline and the step).</summary>
public enum ReminderRule
{
    /// <summary>The agreement's end date, on the region's ladder of days (pengaturan daerah).</summary>
    Expiry,
    /// <summary>KSDPL/KSDLL: the extension request is due at least 6 months before the end (Permendagri 25/2020 Pasal 33).</summary>
    ForeignExtension,
    /// <summary>The DPRD's answer window (PP 28/2018 Pasal 30 ayat (4) for foreign; a region setting for KSDD/KSDPK).</summary>
    DprdClock,
    /// <summary>A due date of the lifecycle table has passed (<see cref="Agreement.DueOn"/>).</summary>
    StageOverdue,
    /// <summary>The yearly report on KSDPL/KSDLL due in January (Permendagri 25/2020 Pasal 35 and 36).</summary>
    ForeignReport,
    /// <summary>The yearly report on KSDD/KSDPK: the date is the region's (pengaturan daerah).</summary>
    DomesticReport,
    /// <summary>The lead OPD's progress report of the last ended period is not submitted: its due date is the region's
    /// (monitoring.reportDueWorkingDays working days after the period; praktik daerah).</summary>
    ProgressReport,
}

/// <summary>Who hears of a reminder: the owner's Bagian Kerja Sama officers, its lead OPD, and the region's leader.</summary>
[Flags]
public enum ReminderAudience { Officers = 1, LeadAgency = 2, Leader = 4 }

/// <summary>The facts of one agreement a reminder rule reads.</summary>
public sealed record ReminderFacts(Guid AgreementId, string RegionCode, CooperationKind Kind, Stage Stage, string Title,
    DateOnly? EndsOn, DateOnly? DueOn, string? DueAction, string? DueLabel, Guid? LeadAgencyId);

/// <summary>A reminder whose step has come.</summary>
public sealed record DueReminder(ReminderRule Rule, string Step, DateOnly Deadline, DateOnly SendOn, string RegionCode, Guid? AgreementId,
    string Title, string Body, string Basis, ReminderAudience Audience, Guid? LeadAgencyId = null)
{
    /// <summary>Names the rule, its deadline and the step: the same reminder is never sent twice, and a new end date starts a new ladder.</summary>
    public string DedupeKey => $"pengingat:{Rule.Code()}:{Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{Step}";
}

/// <summary>One dated step of a rule: e.g. "30 hari sebelum tanggal berakhir". A <paramref name="Late"/> step (after
/// the deadline) is sent on the first working day on or after its day, never before the deadline has passed.</summary>
public sealed record ReminderStep(string Step, DateOnly On, string Text, bool Late = false);

public static class ReminderRules
{
    /// <summary>Foreign extension reminders: these calendar days before the 6-month deadline.</summary>
    public static readonly IReadOnlyList<int> ForeignExtensionSteps = [30, 7, 0];
    /// <summary>DPRD clock reminders: these working days before the last day of the DPRD's window.</summary>
    public static readonly IReadOnlyList<int> DprdWorkingDaySteps = [10, 5, 0];
    /// <summary>Upward report reminders: these calendar days before the January deadline.</summary>
    public static readonly IReadOnlyList<int> ReportSteps = [14, 3, 0];

    public static string Code(this ReminderRule rule) => rule switch
    {
        ReminderRule.Expiry => "berakhir",
        ReminderRule.ForeignExtension => "perpanjangan-ln",
        ReminderRule.DprdClock => "dprd",
        ReminderRule.StageOverdue => "tenggat",
        ReminderRule.ForeignReport => "laporan-ln",
        ReminderRule.ProgressReport => "laporan-kemajuan",
        _ => "laporan-dd",
    };

    public static string Label(this ReminderRule rule) => rule switch
    {
        ReminderRule.Expiry => "Jangka waktu berakhir",
        ReminderRule.ForeignExtension => "Batas pengajuan perpanjangan kerja sama luar negeri",
        ReminderRule.DprdClock => "Batas jawaban DPRD",
        ReminderRule.StageOverdue => "Tenggat tahapan terlewati",
        ReminderRule.ForeignReport => "Laporan pelaksanaan kerja sama luar negeri",
        ReminderRule.ProgressReport => "Laporan kemajuan OPD pelaksana",
        _ => "Laporan tahunan kerja sama daerah",
    };

    private static bool IsForeign(CooperationKind k) => k is CooperationKind.Ksdpl or CooperationKind.Ksdll;

    /// <summary>The day a step is sent: the step's own day, or the last working day before it when it falls on a
    /// weekend or holiday (the officer reads it at work, never after the day has passed).</summary>
    public static DateOnly SendOn(DateOnly day, WorkingDayCalendar calendar)
    {
        var d = day;
        for (var i = 0; i < 31 && !calendar.IsWorkingDay(d); i++) d = d.AddDays(-1);
        return d;
    }

    /// <summary>The first working day on or after <paramref name="day"/>.</summary>
    public static DateOnly SendOnOrAfter(DateOnly day, WorkingDayCalendar calendar)
    {
        var d = day;
        for (var i = 0; i < 31 && !calendar.IsWorkingDay(d); i++) d = d.AddDays(1);
        return d;
    }

    /// <summary>The working day <paramref name="n"/> working days before <paramref name="day"/>.</summary>
    public static DateOnly WorkingDaysBefore(DateOnly day, int n, WorkingDayCalendar calendar)
    {
        var d = day;
        for (var left = n; left > 0;)
        {
            d = d.AddDays(-1);
            if (calendar.IsWorkingDay(d)) left--;
        }
        return d;
    }

    /// <summary>The expiry ladder of an end date: one step per configured day count.</summary>
    public static IReadOnlyList<ReminderStep> ExpiryLadder(DateOnly endsOn, IReadOnlyList<int> days) =>
        days.OrderByDescending(d => d).Select(d => new ReminderStep($"{d}h", endsOn.AddDays(-d),
            d == 0 ? "hari terakhir jangka waktu" : $"{d} hari sebelum tanggal berakhir")).ToList();

    /// <summary>The last day to request a foreign extension: 6 months before the end (Permendagri 25/2020 Pasal 33).</summary>
    public static DateOnly ForeignExtensionDeadline(DateOnly endsOn) => LifecycleTable.ForeignExtensionLead.Before(endsOn);

    /// <summary>The step of <paramref name="steps"/> to send today: the latest whose send day has come. Earlier steps
    /// missed while the job was down are not sent late.</summary>
    public static (ReminderStep Step, DateOnly SendOn)? Current(IEnumerable<ReminderStep> steps, DateOnly today, WorkingDayCalendar calendar) =>
        steps.Select(s => (Step: s, SendOn: s.Late ? SendOnOrAfter(s.On, calendar) : SendOn(s.On, calendar))).Where(s => s.SendOn <= today)
            .OrderByDescending(s => s.SendOn).ThenByDescending(s => s.Step.On).Cast<(ReminderStep, DateOnly)?>().FirstOrDefault();

    private static string D(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));

    private static string Left(DateOnly today, DateOnly deadline) => (deadline.DayNumber - today.DayNumber) switch
    {
        0 => "hari ini",
        1 => "besok",
        var n => $"{n} hari lagi",
    };

    /// <summary>Every reminder of one agreement due today.</summary>
    public static IEnumerable<DueReminder> ForAgreement(ReminderFacts a, ReminderSettings settings, DateOnly today, WorkingDayCalendar calendar)
    {
        if (a.Stage == Stage.Ended) yield break;
        if (a.Stage == Stage.Implementation && a.EndsOn is { } end && today <= end
            && Current(ExpiryLadder(end, settings.ExpiryLadderDays), today, calendar) is { } expiry)
        {
            var audience = ReminderAudience.Officers | ReminderAudience.LeadAgency | (end.DayNumber - expiry.Step.On.DayNumber <= 30 ? ReminderAudience.Leader : 0);
            var what = IsForeign(a.Kind) ? "Perpanjangan kerja sama luar negeri harus sudah diajukan paling lambat 6 bulan sebelumnya (Permendagri 25/2020 Pasal 33)."
                : "Bila kerja sama akan dilanjutkan, siapkan perpanjangan dengan naskah perubahan sebelum tanggal itu.";
            yield return new DueReminder(ReminderRule.Expiry, expiry.Step.Step, end, expiry.SendOn, a.RegionCode, a.AgreementId,
                $"Kerja sama berakhir {Left(today, end)}: {a.Title}",
                $"{a.Title} berakhir pada {D(end)} ({expiry.Step.Text}). {what} Setelah tanggal itu Jalin mencatatnya berakhir karena jangka waktu.",
                "jarak pengingat: pengaturan daerah", audience, a.LeadAgencyId);
        }
        if (a.Stage == Stage.Implementation && IsForeign(a.Kind) && a.EndsOn is { } fend)
        {
            var deadline = ForeignExtensionDeadline(fend);
            var steps = ForeignExtensionSteps.Select(d => new ReminderStep($"{d}h", deadline.AddDays(-d), d == 0 ? "hari batas pengajuan" : $"{d} hari sebelum batas pengajuan"));
            if (today <= deadline && Current(steps, today, calendar) is { } ext)
                yield return new DueReminder(ReminderRule.ForeignExtension, ext.Step.Step, deadline, ext.SendOn, a.RegionCode, a.AgreementId,
                    $"Batas pengajuan perpanjangan {Left(today, deadline)}: {a.Title}",
                    $"Bila {a.Title} akan diperpanjang, permohonan tertulis disampaikan kepada Menteri melalui Sekretaris Jenderal paling lambat {D(deadline)}, 6 bulan sebelum berakhir pada {D(fend)} (Permendagri 25/2020 Pasal 33).",
                    "Permendagri 25/2020 Pasal 33", ReminderAudience.Officers | ReminderAudience.LeadAgency | ReminderAudience.Leader, a.LeadAgencyId);
        }
        if (a.DueOn is not { } due) yield break;
        if (a.Stage == Stage.DprdApproval && ActionCode.DprdDeemedApproved.Is(a.DueAction))
        {
            var basis = IsForeign(a.Kind)
                ? "PP 28/2018 Pasal 30 ayat (4)" + (a.Kind == CooperationKind.Ksdll ? " jo. Pasal 38" : "") + "; Permendagri 25/2020 Pasal 17"
                : "pengaturan daerah (PP 28/2018 tidak mengatur batas waktu DPRD untuk KSDD dan KSDPK)";
            var steps = DprdWorkingDaySteps.Select(n => new ReminderStep($"{n}hk", WorkingDaysBefore(due, n, calendar), n == 0 ? "hari terakhir" : $"{n} hari kerja sebelum batas"))
                .Append(new ReminderStep("lewat", due.AddDays(1), "batas terlewati", Late: true));
            if (Current(steps, today, calendar) is { } dprd && (dprd.Step.Step != "lewat" || !IsForeign(a.Kind)))
            {
                var after = dprd.Step.Step == "lewat";
                var tail = IsForeign(a.Kind)
                    ? "Bila DPRD tidak menjawab sampai batas itu, persetujuan dianggap diberikan (Permendagri 25/2020 Pasal 17)."
                    : after ? "Batas jawaban DPRD telah lewat; catat jawaban DPRD atau tindak lanjutnya." : "Batas ini pengaturan daerah.";
                yield return new DueReminder(ReminderRule.DprdClock, dprd.Step.Step, due, dprd.SendOn, a.RegionCode, a.AgreementId,
                    after ? $"Batas jawaban DPRD terlewati: {a.Title}" : $"Batas jawaban DPRD {Left(today, due)}: {a.Title}",
                    $"Batas jawaban DPRD atas permohonan persetujuan {a.Title}: {D(due)} ({dprd.Step.Text}). {tail}",
                    basis, ReminderAudience.Officers, a.LeadAgencyId);
            }
            yield break;
        }
        // Other due dates of the lifecycle table (the expiry clock is the ladder above).
        if (!ActionCode.Expire.Is(a.DueAction) && today >= SendOnOrAfter(due.AddDays(1), calendar))
            yield return new DueReminder(ReminderRule.StageOverdue, "lewat", due, SendOnOrAfter(due.AddDays(1), calendar), a.RegionCode, a.AgreementId,
                $"Tenggat terlewati: {a.Title}",
                $"{a.DueLabel ?? "Tenggat tahap " + a.Stage.Label()} jatuh pada {D(due)} dan telah terlewati; tahap saat ini: {a.Stage.Label()}.",
                "tabel tahapan kerja sama", ReminderAudience.Officers | ReminderAudience.LeadAgency, a.LeadAgencyId);
    }

    /// <summary>The January reports a region owes upward, due today. <paramref name="hasForeign"/>: it runs a KSDPL/KSDLL;
    /// <paramref name="hasDomestic"/>: it runs another kind. Kab/kota report foreign cooperation to the Governor by the
    /// first week of January, provinces to the Minister by the second (Permendagri 25/2020 Pasal 35 and 36); the date of
    /// the KSDD/KSDPK report is the region's (pengaturan daerah).</summary>
    public static IEnumerable<DueReminder> UpwardReports(string regionCode, bool isProvince, bool hasForeign, bool hasDomestic, ReminderSettings settings,
        DateOnly today, WorkingDayCalendar calendar)
    {
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            if (hasForeign)
            {
                var deadline = ForeignReportDeadline(year - 1, isProvince);
                var to = isProvince ? "Menteri melalui Sekretaris Jenderal (termasuk meneruskan laporan kabupaten/kota)" : "gubernur";
                var week = isProvince ? "minggu kedua" : "minggu pertama";
                if (Report(ReminderRule.ForeignReport, deadline, today, calendar) is { } step)
                    yield return new DueReminder(ReminderRule.ForeignReport, step.Step.Step, deadline, step.SendOn, regionCode, null,
                        $"Laporan pelaksanaan kerja sama luar negeri tahun {year - 1}: batas {D(deadline)}",
                        $"Laporan pelaksanaan KSDPL dan KSDLL tahun {year - 1} disampaikan kepada {to} paling lambat {week} Januari ({D(deadline)}). Tanpa laporan selama 1 tahun, rencana kerja sama berikutnya tidak disetujui.",
                        "Permendagri 25/2020 Pasal 35 dan Pasal 36; PP 28/2018 Pasal 43 ayat (1)", ReminderAudience.Officers | ReminderAudience.Leader);
            }
            if (hasDomestic)
            {
                var deadline = DomesticReportDeadline(year - 1, settings);
                var to = isProvince ? "Menteri" : "gubernur";
                if (Report(ReminderRule.DomesticReport, deadline, today, calendar) is { } step)
                    yield return new DueReminder(ReminderRule.DomesticReport, step.Step.Step, deadline, step.SendOn, regionCode, null,
                        $"Laporan tahunan kerja sama daerah tahun {year - 1}: batas {D(deadline)}",
                        $"Laporan pelaksanaan kerja sama daerah tahun {year - 1} kepada {to} dijadwalkan paling lambat {D(deadline)}. Tanggal ini pengaturan daerah; peraturan tidak menetapkan batas waktunya.",
                        "pengaturan daerah", ReminderAudience.Officers | ReminderAudience.Leader);
            }
        }
    }

    /// <summary>The last day of the report on KSDPL/KSDLL of <paramref name="reportYear"/>: kab/kota to the Governor by the
    /// first week of January, provinces to the Minister by the second (Permendagri 25/2020 Pasal 35 and 36).</summary>
    public static DateOnly ForeignReportDeadline(int reportYear, bool isProvince) => new(reportYear + 1, 1, isProvince ? 14 : 7);

    /// <summary>The last day of the KSDD/KSDPK report of <paramref name="reportYear"/>: a January day set by the region (pengaturan daerah).</summary>
    public static DateOnly DomesticReportDeadline(int reportYear, ReminderSettings settings) =>
        new(reportYear + 1, 1, Math.Clamp(settings.DomesticReportJanuaryDay, 1, 31));

    private static (ReminderStep Step, DateOnly SendOn)? Report(ReminderRule rule, DateOnly deadline, DateOnly today, WorkingDayCalendar calendar) =>
        today > deadline ? null
            : Current(ReportSteps.Select(d => new ReminderStep($"{d}h", deadline.AddDays(-d), d == 0 ? "hari batas" : $"{d} hari sebelum batas")), today, calendar);
}
