using System.Globalization;
using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Monitoring;

/// <summary>One reporting period of an agreement: its number (1, 2, ...), first and last WIB date, and the due date of its report.</summary>
public sealed record ReportingPeriod(int Number, DateOnly Start, DateOnly End, DateOnly DueOn, string? DueNote)
{
    public string Label(ReportPeriod kind) => $"{kind.Label()} {Number} ({Common.IndonesianFormat.FormatDateShort(Start)} – {Common.IndonesianFormat.FormatDateShort(End)})";
}

/// <summary>The reporting periods of an agreement and the due dates of their reports. No regulation sets the rhythm or
/// the deadline of an OPD's progress report to its Bagian Kerja Sama: both are praktik daerah (the agreement's own
/// period, triwulan or semester; the region's deadline, by default 10 working days after the period ends).</summary>
public static class ReportingPeriods
{
    public const string DueKey = "monitoring.reportDueWorkingDays";
    public const int DefaultDueWorkingDays = 10;
    public const string Practice = "Praktik daerah: periode dan tenggat laporan kemajuan tidak diatur dalam PP 28/2018; tenggat mengikuti pengaturan daerah.";

    public static int Months(ReportPeriod p) => p == ReportPeriod.Semester ? 6 : 3;

    /// <summary>The periods counted from <paramref name="start"/> in steps of 3 or 6 calendar months; the last one is cut at
    /// <paramref name="end"/> (inclusive). A period starting on 31 Oct runs to 30 Jan: months are added from the start date,
    /// not from the previous period, so the periods never drift.</summary>
    public static IReadOnlyList<ReportingPeriod> Compute(DateOnly start, DateOnly? end, ReportPeriod kind, WorkingDayCalendar calendar, int dueWorkingDays, DateOnly? until = null)
    {
        var months = Months(kind);
        var list = new List<ReportingPeriod>();
        var limit = end ?? until ?? start.AddYears(5);
        for (var i = 0; i < 400; i++)
        {
            var s = start.AddMonths(i * months);
            if (s > limit) break;
            var e = start.AddMonths((i + 1) * months).AddDays(-1);
            if (end is { } last && e > last) e = last;
            var due = calendar.AddWorkingDaysChecked(e, dueWorkingDays);
            list.Add(new ReportingPeriod(i + 1, s, e, due.Date, due.Note));
            if (until is { } u && s > u) break;
        }
        return list;
    }

    /// <summary>The start the periods count from: the agreement's start date, else its signing date.</summary>
    public static DateOnly? StartOf(Agreement a) => a.StartsOn ?? a.SignedOn;

    public static async Task<int> DueWorkingDaysAsync(JalinDb db, string region, CancellationToken ct)
    {
        var raw = await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == region && s.Key == DueKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 60 ? n : DefaultDueWorkingDays;
    }

    public static async Task<ReportPeriod> PeriodOfAsync(JalinDb db, Guid agreementId, CancellationToken ct) =>
        await db.MonitoringPlans.AsNoTracking().Where(p => p.AgreementId == agreementId).Select(p => (ReportPeriod?)p.Period).FirstOrDefaultAsync(ct) ?? ReportPeriod.Quarterly;

    /// <summary>The periods of an agreement with the region's calendar and deadline, up to and including the period that holds <paramref name="today"/>.</summary>
    public static async Task<IReadOnlyList<ReportingPeriod>> ForAsync(JalinDb db, Agreement a, DateOnly today, CancellationToken ct)
    {
        if (StartOf(a) is not { } start) return [];
        var settings = await LifecycleContexts.SettingsAsync(db, a.RegionCode, ct);
        var calendar = await LifecycleContexts.CalendarAsync(db, settings, a.RegionCode, ct);
        var kind = await PeriodOfAsync(db, a.Id, ct);
        return Compute(start, a.EndsOn, kind, calendar, await DueWorkingDaysAsync(db, a.RegionCode, ct), today).Where(p => p.Start <= today).ToList();
    }
}

/// <summary>Who does what in monitoring. Obligations and the review of reports: the owning region's Bagian Kerja Sama
/// (<see cref="AgreementAccess.CanManage"/>). Progress reports: the lead OPD of the owning region's side. Reading: everyone
/// <see cref="AgreementAccess.VisibleTo"/> lets see the agreement on the owning side (leaders, auditors, TKKSD, DPRD
/// secretariat, the lead OPD) and the supervisors (provincial, national), all read-only.
/// Decision: a party region (Garut on Cimahi's record) and partners do not see the owner's obligations and reports. They are
/// the owning region's own monitoring of its OPD (praktik daerah); each region monitors its own side, and what the parties
/// share is the agreement record and its shared documents.</summary>
public static class MonitoringAccess
{
    public static bool CanRead(CurrentActor actor, Agreement a) =>
        actor.Role is Role.System or Role.SupervisorNational or Role.SupervisorProvince
        || (actor.Role != Role.PartnerUser && actor.Role != Role.SystemAdmin && actor.RegionCode == a.RegionCode
            && (actor.Role != Role.AgencyUser || IsLeadAgency(actor, a)));

    public static bool CanManage(CurrentActor actor, Agreement a) => AgreementAccess.CanManage(actor, a);

    /// <summary>The executing OPD: the lead OPD of the owning region's party (party 1). Needs the parties loaded.</summary>
    public static AgreementParty? OwnerParty(Agreement a) => a.Parties.Where(p => p.RegionCode == a.RegionCode).OrderBy(p => p.Order).FirstOrDefault();

    public static bool IsLeadAgency(CurrentActor actor, Agreement a) =>
        actor.Role == Role.AgencyUser && actor.AgencyId is { } agency && actor.RegionCode == a.RegionCode && OwnerParty(a)?.LeadAgencyId == agency;

    /// <summary>Obligations and reports are kept while the agreement is carried out (tahap Pelaksanaan), i.e. after its
    /// PKS or naskah is signed.</summary>
    public static bool IsInImplementation(Agreement a) => a.Stage == Stage.Implementation;

    public const string NotImplementing = "Pemantauan dicatat setelah naskah kerja sama ditandatangani, pada tahap Pelaksanaan.";

    /// <summary>Loads the agreement when the actor may read its monitoring; null (404) otherwise.</summary>
    public static async Task<Agreement?> LoadAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct, bool track = false)
    {
        var q = db.Agreements.VisibleTo(actor).Include(a => a.Parties).AsQueryable();
        if (!track) q = q.AsNoTracking();
        var a = await q.FirstOrDefaultAsync(x => x.Id == agreementId, ct);
        return a is not null && CanRead(actor, a) ? a : null;
    }
}

/// <summary>Who moves a progress report: the lead OPD writes and submits; the Bagian Kerja Sama accepts or returns.</summary>
public enum ReportAction { Submit, Accept, Return }

public static class ReportTable
{
    public static ReportStatus[] EditableBy => [ReportStatus.Draft, ReportStatus.Returned];

    /// <summary>Null when allowed; else the message and whether the actor (403) or the status (409) refuses it.</summary>
    public static (string Message, bool Forbidden)? Refusal(CurrentActor actor, Agreement a, ProgressReport r, ReportAction action)
    {
        switch (action)
        {
            case ReportAction.Submit:
                if (!MonitoringAccess.IsLeadAgency(actor, a) || actor.AgencyId != r.AgencyId)
                    return ("Hanya OPD pelaksana kerja sama ini yang mengajukan laporan kemajuannya.", true);
                if (r.Status is not (ReportStatus.Draft or ReportStatus.Returned))
                    return ($"Laporan berstatus {r.Status.Label()}; hanya laporan draf atau yang dikembalikan yang dapat diajukan.", false);
                return null;
            default:
                if (!MonitoringAccess.CanManage(actor, a))
                    return ("Hanya petugas Bagian Kerja Sama daerah pemilik kerja sama yang menelaah laporan kemajuan.", true);
                if (r.Status is not (ReportStatus.Submitted or ReportStatus.Resubmitted))
                    return ($"Laporan berstatus {r.Status.Label()}; hanya laporan yang diajukan yang dapat diterima atau dikembalikan.", false);
                return null;
        }
    }

    public static bool CanEdit(CurrentActor actor, Agreement a, ProgressReport r) =>
        MonitoringAccess.IsLeadAgency(actor, a) && actor.AgencyId == r.AgencyId && r.Status is ReportStatus.Draft or ReportStatus.Returned;

    public static IReadOnlyList<string> Available(CurrentActor actor, Agreement a, ProgressReport r) =>
        Enum.GetValues<ReportAction>().Where(x => Refusal(actor, a, r, x) is null).Select(x => x.ToString().ToLowerInvariant()).ToList();
}
