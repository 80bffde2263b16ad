using System.Globalization;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Reminders;

/// <summary>A region's reminder values (pengaturan daerah; no regulation sets them): the days before an agreement's end
/// date on which its people are reminded, after how many months a signed KB without a signed PKS is flagged, and the
/// day of January by which the region's yearly report on KSDD/KSDPK is due (the law sets no date for it).</summary>
public sealed record ReminderSettings
{
    public const string LadderKey = "reminders.expiryLadderDays";
    public const string KbWithoutPksMonthsKey = "reminders.kbWithoutPksMonths";
    public const string DomesticReportDayKey = "reminders.domesticReportJanuaryDay";

    /// <summary>Days before the end date, largest first (Samarinda's practice is 90/60/30/7/0; Jalin adds 180).</summary>
    public IReadOnlyList<int> ExpiryLadderDays { get; init; } = [180, 90, 60, 30, 7, 0];
    public int KbWithoutPksMonths { get; init; } = 6;
    /// <summary>Day of January for the yearly KSDD/KSDPK report to the Governor or the Minister (pengaturan daerah).</summary>
    public int DomesticReportJanuaryDay { get; init; } = 31;

    public static readonly ReminderSettings Default = new();

    public const int MaxSteps = 8, MaxLadderDays = 730, MinMonths = 1, MaxMonths = 36;

    public static ReminderSettings From(IReadOnlyDictionary<string, string> values)
    {
        var s = Default;
        if (values.TryGetValue(LadderKey, out var l) && ParseLadder(l) is { } ladder && LadderProblem(ladder) is null) s = s with { ExpiryLadderDays = ladder };
        if (values.TryGetValue(KbWithoutPksMonthsKey, out var m) && int.TryParse(m, CultureInfo.InvariantCulture, out var mi) && mi is >= MinMonths and <= MaxMonths)
            s = s with { KbWithoutPksMonths = mi };
        if (values.TryGetValue(DomesticReportDayKey, out var d) && int.TryParse(d, CultureInfo.InvariantCulture, out var di) && di is >= 1 and <= 31)
            s = s with { DomesticReportJanuaryDay = di };
        return s;
    }

    public static List<int>? ParseLadder(string text)
    {
        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
            list.Add(n);
        }
        return list;
    }

    public static string Format(IEnumerable<int> ladder) => string.Join(",", ladder.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Why a ladder cannot be used, or null.</summary>
    public static string? LadderProblem(IReadOnlyList<int> ladder)
    {
        if (ladder.Count is < 1 or > MaxSteps) return $"Isi 1 sampai {MaxSteps} jarak hari pengingat.";
        if (ladder.Any(d => d is < 0 or > MaxLadderDays)) return $"Setiap jarak pengingat 0 sampai {MaxLadderDays} hari sebelum tanggal berakhir.";
        if (ladder.Distinct().Count() != ladder.Count) return "Jarak hari pengingat tidak boleh berulang.";
        return null;
    }

    public static async Task<ReminderSettings> ForRegionAsync(JalinDb db, string regionCode, CancellationToken ct = default) =>
        From(await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == regionCode && s.Key.StartsWith("reminders.")).ToDictionaryAsync(s => s.Key, s => s.Value, ct));
}

public sealed record ReminderSettingsView(IReadOnlyList<int> ExpiryLadderDays, bool LadderIsRegion, int KbWithoutPksMonths, bool MonthsIsRegion,
    int DomesticReportJanuaryDay, bool ReportDayIsRegion, bool CanEdit, IReadOnlyList<string> LawNotes);

public sealed record ReminderSettingsInput(IReadOnlyList<int>? ExpiryLadderDays, int? KbWithoutPksMonths, int? DomesticReportJanuaryDay);

/// <summary>Reads and changes a region's reminder settings: read by the region's own users, changed by its Bagian Kerja
/// Sama officers. Every change is audited (RegionSetting rows).</summary>
public static class RegionReminderSettings
{
    /// <summary>What stays law whatever the region sets, shown next to the settings.</summary>
    public static readonly IReadOnlyList<string> LawNotes =
    [
        "Perpanjangan KSDPL dan KSDLL diajukan paling lambat 6 bulan sebelum jangka waktu berakhir (Permendagri 25/2020 Pasal 33); pengingatnya dikirim 30 hari, 7 hari dan pada hari batas itu.",
        "DPRD memberikan persetujuan atas rencana KSDPL dan KSDLL paling lama 45 hari kerja sejak menerima surat permohonan (PP 28/2018 Pasal 30 ayat (4) jo. Pasal 38).",
        "Laporan pelaksanaan KSDPL dan KSDLL: kabupaten/kota kepada gubernur paling lambat minggu pertama Januari, provinsi kepada Menteri paling lambat minggu kedua Januari (Permendagri 25/2020 Pasal 35 dan 36).",
    ];

    private static bool CanRead(CurrentActor a) => a.RegionCode is not null && a.Role is Role.CooperationOfficer or Role.Leader or Role.TeamMember or Role.AgencyUser;

    public static async Task<Result<ReminderSettingsView>> GetAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        if (!CanRead(actor)) return new ForbiddenError("Pengaturan pengingat milik daerah; peran Anda tidak memilikinya.");
        var region = actor.RegionCode!;
        var rows = await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == region && s.Key.StartsWith("reminders.")).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var s = ReminderSettings.From(rows);
        return new ReminderSettingsView(s.ExpiryLadderDays, rows.ContainsKey(ReminderSettings.LadderKey), s.KbWithoutPksMonths, rows.ContainsKey(ReminderSettings.KbWithoutPksMonthsKey),
            s.DomesticReportJanuaryDay, rows.ContainsKey(ReminderSettings.DomesticReportDayKey), actor.Role == Role.CooperationOfficer, LawNotes);
    }

    /// <summary>The cooperation officer sets any of the three; an empty ladder returns to Jalin's default. Audited.</summary>
    public static async Task<Result<ReminderSettingsView>> SetAsync(JalinDb db, CurrentActor actor, ReminderSettingsInput input, CancellationToken ct = default)
    {
        if (actor.Role != Role.CooperationOfficer || actor.RegionCode is null)
            return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang mengubah pengaturan pengingat daerahnya.");
        var fields = new Dictionary<string, string[]>();
        if (input.ExpiryLadderDays is { Count: > 0 } ladder && ReminderSettings.LadderProblem(ladder) is { } problem) fields["expiryLadderDays"] = [problem];
        if (input.KbWithoutPksMonths is { } m && m is < ReminderSettings.MinMonths or > ReminderSettings.MaxMonths)
            fields["kbWithoutPksMonths"] = [$"Batas KB tanpa PKS {ReminderSettings.MinMonths} sampai {ReminderSettings.MaxMonths} bulan."];
        if (input.DomesticReportJanuaryDay is { } d && d is < 1 or > 31) fields["domesticReportJanuaryDay"] = ["Tanggal batas laporan tahunan 1 sampai 31 Januari."];
        if (input.ExpiryLadderDays is null && input.KbWithoutPksMonths is null && input.DomesticReportJanuaryDay is null)
            fields["expiryLadderDays"] = ["Isi jarak hari pengingat, batas bulan KB tanpa PKS, atau tanggal batas laporan tahunan yang diubah."];
        if (fields.Count > 0) return new ValidationError("Pengaturan pengingat belum dapat disimpan.", fields);

        var region = actor.RegionCode;
        if (input.ExpiryLadderDays is { } days)
        {
            if (days.Count == 0) await RegionSettingRows.RemoveAsync(db, region, ReminderSettings.LadderKey, ct);
            else await RegionSettingRows.UpsertAsync(db, region, ReminderSettings.LadderKey, ReminderSettings.Format(days.OrderByDescending(x => x)), ct);
        }
        if (input.KbWithoutPksMonths is { } months) await RegionSettingRows.UpsertAsync(db, region, ReminderSettings.KbWithoutPksMonthsKey, months.ToString(CultureInfo.InvariantCulture), ct);
        if (input.DomesticReportJanuaryDay is { } day) await RegionSettingRows.UpsertAsync(db, region, ReminderSettings.DomesticReportDayKey, day.ToString(CultureInfo.InvariantCulture), ct);
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor, ct);
    }


}
