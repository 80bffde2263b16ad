using System.Globalization;
using Jalin.Core.Agreements;
using Jalin.Core.Identity;
using Jalin.Core.Reminders;

namespace Jalin.Core.ForeignDuties;

public enum DutyState { Upcoming, Done, Missed }

/// <summary>The due dates and flags of a KSDPL/KSDLL's own duties, as pure functions (tested against fixed dates).</summary>
public static class ForeignDutyRules
{
    /// <summary>Region setting: the day of January the yearly plan is due (pengaturan daerah; the law says yearly, no date).</summary>
    public const string PlanDayKey = "foreignDuties.planJanuaryDay";
    public const int DefaultPlanJanuaryDay = 31;
    /// <summary>First year: the plan is due this many days after the agreement starts (pengaturan daerah).</summary>
    public const int FirstYearDays = 30;

    public static bool IsForeign(CooperationKind kind) => kind is CooperationKind.Ksdpl or CooperationKind.Ksdll;

    /// <summary>Due date of the yearly plan for <paramref name="year"/>: the region's January day, or, in the year the
    /// agreement starts, <see cref="FirstYearDays"/> days after its start (Permendagri 25/2020 Pasal 26 sets no date).</summary>
    public static DateOnly PlanDueOn(DateOnly startsOn, int year, int januaryDay)
    {
        if (year == startsOn.Year) return startsOn.AddDays(FirstYearDays);
        return new DateOnly(year, 1, Math.Clamp(januaryDay, 1, 31));
    }

    /// <summary>The years a plan is owed: from the start year to the end year, up to <paramref name="today"/>'s year.</summary>
    public static IReadOnlyList<int> PlanYears(DateOnly? startsOn, DateOnly? endsOn, DateOnly today)
    {
        if (startsOn is not { } s) return [];
        var last = Math.Min(endsOn?.Year ?? today.Year, today.Year);
        return Enumerable.Range(s.Year, Math.Max(0, last - s.Year + 1)).ToList();
    }

    public static DutyState PlanState(DateOnly due, PlanStatus? status, DateOnly today) =>
        status == PlanStatus.Final ? DutyState.Done : today > due ? DutyState.Missed : DutyState.Upcoming;

    /// <summary>The last day to request an extension (Permendagri 25/2020 Pasal 33): the reminder rule's own function.</summary>
    public static DateOnly ExtensionDeadline(DateOnly endsOn) => ReminderRules.ForeignExtensionDeadline(endsOn);

    public static DutyState ExtensionState(DateOnly deadline, bool recorded, DateOnly today) =>
        recorded ? DutyState.Done : today > deadline ? DutyState.Missed : DutyState.Upcoming;

    /// <summary>The province of a region code ("32.77" → "32"); a province is its own.</summary>
    public static string ProvinceOf(string regionCode) => regionCode.Split('.')[0];

    public static bool IsProvince(string regionCode) => !regionCode.Contains('.');

    /// <summary>Who supervises a region's foreign cooperation (Permendagri 25/2020 Pasal 39 ayat (2)): the Menteri a
    /// province's (null), the Gubernur a kab/kota's (the province's code).</summary>
    public static string? SupervisorOf(string regionCode) => IsProvince(regionCode) ? null : ProvinceOf(regionCode);

    /// <summary>Whether the actor supervises this agreement: pembina nasional over a province's, pembina provinsi over
    /// its kab/kota's; only KSDPL/KSDLL.</summary>
    public static bool Supervises(CurrentActor actor, string agreementRegion, CooperationKind kind) =>
        IsForeign(kind) && actor.Role switch
        {
            Role.SupervisorNational => IsProvince(agreementRegion),
            Role.SupervisorProvince => actor.RegionCode is { } p && IsProvince(p) && !IsProvince(agreementRegion) && ProvinceOf(agreementRegion) == p,
            _ => false,
        };

    /// <summary>The required number of supervisions a year: "paling sedikit 2 (dua) kali dalam 1 (satu) tahun" (Permendagri 25/2020 Pasal 39 ayat (5)).</summary>
    public const int PerYear = 2;

    /// <summary>The supervision flag of one agreement for <paramref name="year"/>, or null. After the year ends with fewer
    /// than two: missed (the law). From 1 July with none done yet: a reminder (the split per semester is practice, not law).</summary>
    public static string? SupervisionFlag(int year, int doneInYear, DateOnly today)
    {
        if (today.Year > year && doneInYear < PerYear)
            return $"Pengawasan tahun {year} tercatat {doneInYear} kali; paling sedikit 2 (dua) kali dalam 1 (satu) tahun (Permendagri 25/2020 Pasal 39 ayat (5)).";
        if (today.Year == year && today > new DateOnly(year, 6, 30) && doneInYear == 0)
            return $"Belum ada pengawasan tahun {year} sampai 30 Juni; satu pengawasan per semester adalah praktik, peraturan menetapkan paling sedikit 2 (dua) kali dalam 1 (satu) tahun.";
        return null;
    }

    /// <summary>The addressee and copies of the extension request (Permendagri 25/2020 Pasal 33).</summary>
    public static (string To, string Copies) ExtensionAddress(string regionCode, string regionName, string provinceName) =>
        IsProvince(regionCode)
            ? ("Menteri Dalam Negeri melalui Sekretaris Jenderal", $"DPRD Provinsi {provinceName}")
            : ("Menteri Dalam Negeri melalui Sekretaris Jenderal", $"Gubernur {provinceName}; DPRD {regionName}");

    /// <summary>The January deadline of the yearly implementation report (text only; the report itself is the upward reports').</summary>
    public static string ReportDeadlineText(string regionCode, int year) =>
        IsProvince(regionCode)
            ? $"Laporan pelaksanaan tahun {year - 1} disampaikan kepada Menteri melalui Sekretaris Jenderal paling lambat minggu kedua Januari {year} (Permendagri 25/2020 Pasal 36)."
            : $"Laporan pelaksanaan tahun {year - 1} disampaikan kepada gubernur paling lambat minggu pertama Januari {year} (Permendagri 25/2020 Pasal 35).";

    public static string Label(this SupervisionMethod m) => m == SupervisionMethod.Monitoring ? "Monitoring" : "Evaluasi";
    public static string Label(this SupervisionMode m) => m == SupervisionMode.Kunjungan ? "Kunjungan lapangan" : "Telaah dokumen";
    public static string Label(this PlanStatus s) => s == PlanStatus.Final ? "Final" : "Draf";
    public static string Label(this DutyState s) => s switch { DutyState.Done => "Selesai", DutyState.Missed => "Terlewat", _ => "Belum jatuh tempo" };

    public static string Rupiah(decimal v) => "Rp " + v.ToString(v == decimal.Truncate(v) ? "N0" : "N2", CultureInfo.GetCultureInfo("id-ID"));
}
