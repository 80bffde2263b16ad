using System.Globalization;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Reminders;

/// <summary>A region's deadline for the OPD's progress reports, with an example computed on the region's calendar.</summary>
public sealed record ReportDueSettingsView(int ReportDueWorkingDays, bool IsRegion, string Example, bool CanEdit, string Basis);

public sealed record ReportDueSettingsInput(int? ReportDueWorkingDays);

/// <summary>Reads and changes <see cref="ReportingPeriods.DueKey"/>: how many working days after a reporting period the
/// lead OPD's progress report is due. No regulation sets it (praktik daerah); read by the region's own users, changed by
/// its Bagian Kerja Sama officers, audited (RegionSetting rows). The late progress report reminders follow it.</summary>
public static class ReportDueSettings
{
    public const int Min = 1, Max = 60;

    public const string Basis = "Tenggat laporan kemajuan adalah pengaturan daerah (praktik daerah): PP 28/2018 tidak mengatur kapan perangkat daerah pelaksana melaporkan kemajuan kerja sama kepada Bagian Kerja Sama. Pengingat dikirim kepada perangkat daerah pelaksana 5 hari kerja sebelum dan pada hari jatuh tempo, lalu juga kepada petugas Bagian Kerja Sama 1 dan 10 hari kerja setelah terlambat.";

    private static bool CanRead(CurrentActor a) => a.RegionCode is not null && a.Role is Role.CooperationOfficer or Role.Leader or Role.TeamMember or Role.AgencyUser;

    /// <summary>"Laporan triwulan I 2027 jatuh tempo 15/04/2027": the first calendar quarter of the year after
    /// <paramref name="today"/> (or of this year while its report is still ahead), on the region's calendar.</summary>
    public static string Example(int workingDays, WorkingDayCalendar calendar, DateOnly today)
    {
        var year = today.Month <= 3 ? today.Year : today.Year + 1;
        var end = new DateOnly(year, 3, 31);
        var due = calendar.AddWorkingDaysChecked(end, workingDays);
        var text = $"Laporan triwulan I {year} (1/1/{year} – 31/3/{year}) jatuh tempo {due.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}, {workingDays} hari kerja setelah triwulan berakhir.";
        return due.Note is { } note ? $"{text} {note}" : text;
    }

    /// <summary>The example for a value the officer is typing, or the reason it cannot be used.</summary>
    public static async Task<string> ExplainAsync(JalinDb db, CurrentActor actor, int? workingDays, TimeProvider clock, CancellationToken ct = default)
    {
        if (workingDays is not { } n) return $"Isi {Min} sampai {Max} hari kerja.";
        if (Problem(n) is { } problem) return problem;
        var region = actor.RegionCode ?? "";
        var calendar = await LifecycleContexts.CalendarAsync(db, await LifecycleContexts.SettingsAsync(db, region, ct), region, ct);
        return Example(n, calendar, Wib.Today(clock));
    }

    public static string? Problem(int n) => n is < Min or > Max ? $"Tenggat laporan kemajuan {Min} sampai {Max} hari kerja setelah periode berakhir." : null;

    public static async Task<Result<ReportDueSettingsView>> GetAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        if (!CanRead(actor)) return new ForbiddenError("Pengaturan pemantauan milik daerah; peran Anda tidak memilikinya.");
        var region = actor.RegionCode!;
        var isRegion = await db.RegionSettings.AsNoTracking().AnyAsync(s => s.RegionCode == region && s.Key == ReportingPeriods.DueKey, ct);
        var n = await ReportingPeriods.DueWorkingDaysAsync(db, region, ct);
        var calendar = await LifecycleContexts.CalendarAsync(db, await LifecycleContexts.SettingsAsync(db, region, ct), region, ct);
        return new ReportDueSettingsView(n, isRegion, Example(n, calendar, Wib.Today(clock)), actor.Role == Role.CooperationOfficer, Basis);
    }

    /// <summary>The cooperation officer sets the value for the own region; the region comes from the actor, never from the request.</summary>
    public static async Task<Result<ReportDueSettingsView>> SetAsync(JalinDb db, CurrentActor actor, ReportDueSettingsInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role != Role.CooperationOfficer || actor.RegionCode is null)
            return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang mengubah tenggat laporan kemajuan daerahnya.");
        if (input.ReportDueWorkingDays is not { } n)
            return new ValidationError("Pengaturan pemantauan belum dapat disimpan.",
                new Dictionary<string, string[]> { ["reportDueWorkingDays"] = [$"Isi tenggat laporan kemajuan, {Min} sampai {Max} hari kerja."] });
        if (Problem(n) is { } problem)
            return new ValidationError("Pengaturan pemantauan belum dapat disimpan.", new Dictionary<string, string[]> { ["reportDueWorkingDays"] = [problem] });
        await RegionSettingRows.UpsertAsync(db, actor.RegionCode, ReportingPeriods.DueKey, n.ToString(CultureInfo.InvariantCulture), ct);
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor, clock, ct);
    }
}
