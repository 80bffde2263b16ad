using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Lifecycle;

/// <summary>One setting as a screen shows it: the stored value and whether the region set it.</summary>
public sealed record LifecycleSettingItem(string Key, string Label, string Basis, string Value, bool IsRegionValue);

public sealed record LifecycleSettingsView(string RegionCode, string RegionName, LifecycleSettings Values, IReadOnlyList<LifecycleSettingItem> Items,
    IReadOnlyList<string> LawNotes, bool CanEdit);

/// <summary>A region's choice for every lifecycle setting (PUT replaces them all).</summary>
public sealed record LifecycleSettingsInput
{
    public int? DprdResponseWorkingDays { get; init; }
    public bool? DprdDeemedApproval { get; init; }
    public int? TermLimitYears { get; init; }
    /// <summary>Null: the partner's answer to an offer has no deadline.</summary>
    public int? OfferAnswerWorkingDays { get; init; }
    public bool? CutiBersamaIsHoliday { get; init; }
    public bool? KsdllForwardingSkipsDprd { get; init; }

    public static LifecycleSettingsInput Of(LifecycleSettings s) => new()
    {
        DprdResponseWorkingDays = s.DprdResponseWorkingDays, DprdDeemedApproval = s.DprdDeemedApproval, TermLimitYears = s.TermLimitYears,
        OfferAnswerWorkingDays = s.OfferAnswerWorkingDays, CutiBersamaIsHoliday = s.CutiBersamaIsHoliday, KsdllForwardingSkipsDprd = s.KsdllForwardingSkipsDprd,
    };
}

/// <summary>Reads and changes a region's lifecycle settings (the values the law leaves to the region).
/// Read by the region's own users, its supervisors and the system administrator; changed by the
/// region's Bagian Kerja Sama officers and the system administrator. Every change is audited
/// (RegionSetting rows, chained to the region).</summary>
public static class RegionLifecycleSettings
{
    private const string NotFound = "Daerah tidak ditemukan.";

    public static bool MayRead(CurrentActor actor, string regionCode) =>
        actor.Role is Role.SystemAdmin or Role.SupervisorNational
        || (actor.Role is not Role.PartnerUser && actor.RegionCode == regionCode)
        || (actor.Role == Role.SupervisorProvince && regionCode.StartsWith(actor.RegionCode + ".", StringComparison.Ordinal));

    public static bool MayEdit(CurrentActor actor, string regionCode) =>
        actor.Role == Role.SystemAdmin || (actor.Role == Role.CooperationOfficer && actor.RegionCode == regionCode);

    public static async Task<Result<LifecycleSettingsView>> GetAsync(JalinDb db, CurrentActor actor, string regionCode, CancellationToken ct = default)
    {
        if (!MayRead(actor, regionCode)) return new NotFoundError(NotFound);
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == regionCode, ct);
        if (region is null) return new NotFoundError(NotFound);
        return await ViewAsync(db, actor, region, ct);
    }

    public static async Task<Result<LifecycleSettingsView>> SetAsync(JalinDb db, CurrentActor actor, string regionCode, LifecycleSettingsInput input, CancellationToken ct = default)
    {
        if (!MayRead(actor, regionCode)) return new NotFoundError(NotFound);
        if (!MayEdit(actor, regionCode))
            return new ForbiddenError("Pengaturan tahapan diubah oleh petugas Bagian Kerja Sama daerah itu atau administrator sistem.");
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == regionCode, ct);
        if (region is null) return new NotFoundError(NotFound);
        var checkedInput = Validate(input);
        if (!checkedInput.Ok) return checkedInput.Error!;

        var keys = LifecycleSettings.Keys.Select(k => k.Key).ToList();
        var rows = await db.RegionSettings.Where(s => s.RegionCode == regionCode && keys.Contains(s.Key)).ToListAsync(ct);
        foreach (var (key, value) in checkedInput.Value!.ToValues())
        {
            var row = rows.FirstOrDefault(r => r.Key == key);
            if (row is null) db.RegionSettings.Add(new RegionSetting { RegionCode = regionCode, Key = key, Value = value });
            else if (row.Value != value) row.Value = value;
        }
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor, region, ct);
    }

    /// <summary>The input as settings, or the Indonesian field messages of what is wrong.</summary>
    public static Result<LifecycleSettings> Validate(LifecycleSettingsInput input)
    {
        var fields = new Dictionary<string, string[]>();
        var (min, max) = (LifecycleSettings.MinWorkingDays, LifecycleSettings.MaxWorkingDays);
        if (input.DprdResponseWorkingDays is not { } dprd) fields["dprdResponseWorkingDays"] = ["Isi batas jawaban DPRD (hari kerja)."];
        else if (dprd < min || dprd > max) fields["dprdResponseWorkingDays"] = [$"Batas jawaban DPRD harus {min} sampai {max} hari kerja."];
        if (input.TermLimitYears is not { } term) fields["termLimitYears"] = ["Isi batas jangka waktu kerja sama (tahun)."];
        else if (term < LifecycleSettings.MinTermYears || term > LifecycleSettings.MaxTermYears)
            fields["termLimitYears"] = [$"Batas jangka waktu harus {LifecycleSettings.MinTermYears} sampai {LifecycleSettings.MaxTermYears} tahun."];
        if (input.OfferAnswerWorkingDays is { } offer && (offer < min || offer > max))
            fields["offerAnswerWorkingDays"] = [$"Batas jawaban penawaran harus {min} sampai {max} hari kerja, atau dikosongkan bila tanpa batas."];
        if (input.DprdDeemedApproval is null) fields["dprdDeemedApproval"] = ["Pilih apakah persetujuan DPRD dianggap diberikan bila tidak dijawab."];
        if (input.CutiBersamaIsHoliday is null) fields["cutiBersamaIsHoliday"] = ["Pilih apakah cuti bersama dihitung bukan hari kerja."];
        if (input.KsdllForwardingSkipsDprd is null) fields["ksdllForwardingSkipsDprd"] = ["Pilih apakah KSDLL penerusan diteruskan tanpa persetujuan DPRD."];
        if (fields.Count > 0) return new ValidationError("Pengaturan tahapan belum dapat disimpan.", fields);
        return new LifecycleSettings
        {
            DprdResponseWorkingDays = input.DprdResponseWorkingDays!.Value, DprdDeemedApproval = input.DprdDeemedApproval!.Value,
            TermLimitYears = input.TermLimitYears!.Value, OfferAnswerWorkingDays = input.OfferAnswerWorkingDays,
            CutiBersamaIsHoliday = input.CutiBersamaIsHoliday!.Value, KsdllForwardingSkipsDprd = input.KsdllForwardingSkipsDprd!.Value,
        };
    }

    private static async Task<LifecycleSettingsView> ViewAsync(JalinDb db, CurrentActor actor, Region region, CancellationToken ct)
    {
        var stored = await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == region.Code).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var settings = LifecycleSettings.From(stored);
        var values = settings.ToValues();
        var items = LifecycleSettings.Keys.Select(k => new LifecycleSettingItem(k.Key, k.Label, k.Basis, Describe(k.Key, values[k.Key]), stored.ContainsKey(k.Key))).ToList();
        return new LifecycleSettingsView(region.Code, region.FullName, settings, items, LifecycleSettings.LawNotes, MayEdit(actor, region.Code));
    }

    private static string Describe(string key, string value) => value switch
    {
        "true" => "ya",
        "false" => "tidak",
        "" => "tanpa batas",
        _ => key == LifecycleSettings.TermLimitYearsKey ? $"{value} tahun" : $"{value} hari kerja",
    };
}
