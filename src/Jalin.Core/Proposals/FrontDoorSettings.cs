using System.Globalization;
using System.Text.RegularExpressions;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Facilitation;
using Jalin.Core.Identity;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Proposals;

/// <summary>The region's settings of the front door (pengaturan daerah; no regulation sets them): how its usulan are
/// numbered and the target of its facilitation desk in working days.</summary>
public sealed record FrontDoorSettingsView(string ProposalNumberPattern, bool ProposalPatternIsRegion, string ProposalNumberExample,
    int FacilitationTargetWorkingDays, bool FacilitationTargetIsRegion, bool CanEdit, IReadOnlyList<string> Tokens);

public sealed record FrontDoorSettingsInput(string? ProposalNumberPattern, int? FacilitationTargetWorkingDays);

public static partial class FrontDoorSettings
{
    public static readonly IReadOnlyList<(string Token, string Meaning)> Tokens =
    [
        ("{urut4}", "nomor urut 4 angka (0001)"), ("{urut}", "nomor urut (1)"), ("{tahun}", "tahun"), ("{kode}", "kode wilayah daerah"),
    ];

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[A-Za-z0-9 ./_\-{}]+$")]
    private static partial Regex AllowedCharacters();

    /// <summary>Why a pattern cannot be used, or null.</summary>
    public static string? PatternProblem(string pattern)
    {
        var p = pattern.Trim();
        if (p.Length is < 3 or > 60) return "Pola nomor 3 sampai 60 karakter.";
        if (!AllowedCharacters().IsMatch(p)) return "Pola hanya boleh berisi huruf, angka, spasi, titik, garis miring, garis bawah, tanda hubung dan kode dalam kurung kurawal.";
        var unknown = TokenPattern().Matches(p).Select(m => m.Value).Where(t => Tokens.All(k => k.Token != t)).ToList();
        if (unknown.Count > 0) return $"Kode tidak dikenal: {string.Join(", ", unknown)}. Gunakan {string.Join(", ", Tokens.Select(t => t.Token))}.";
        if (!p.Contains("{urut}") && !p.Contains("{urut4}")) return "Pola wajib memuat {urut} atau {urut4} agar setiap usulan bernomor berbeda.";
        if (!p.Contains("{tahun}")) return "Pola wajib memuat {tahun}: nomor urut dimulai lagi setiap tahun.";
        return null;
    }

    private static bool CanRead(CurrentActor a) => a.RegionCode is not null && a.Role is Role.CooperationOfficer or Role.Leader or Role.TeamMember or Role.AgencyUser;

    public static async Task<Result<FrontDoorSettingsView>> GetAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        if (!CanRead(actor)) return new ForbiddenError("Pengaturan usulan dan fasilitasi milik daerah; peran Anda tidak memilikinya.");
        var region = actor.RegionCode!;
        var rows = await db.RegionSettings.AsNoTracking()
            .Where(s => s.RegionCode == region && (s.Key == ProposalNumbering.SettingKey || s.Key == FacilitationSettings.TargetKey))
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var pattern = rows.TryGetValue(ProposalNumbering.SettingKey, out var p) && PatternProblem(p) is null ? p : null;
        var days = await FacilitationSettings.TargetWorkingDaysAsync(db, region, ct);
        var year = Wib.Today(clock).Year;
        return new FrontDoorSettingsView(pattern ?? ProposalNumbering.DefaultPattern, pattern is not null,
            ProposalNumbering.Format(pattern ?? ProposalNumbering.DefaultPattern, 12, year, region),
            days, rows.ContainsKey(FacilitationSettings.TargetKey), actor.Role == Role.CooperationOfficer,
            Tokens.Select(t => $"{t.Token}: {t.Meaning}").ToList());
    }

    /// <summary>The cooperation officer sets either or both; an empty pattern returns to Jalin's default. Audited.</summary>
    public static async Task<Result<FrontDoorSettingsView>> SetAsync(JalinDb db, CurrentActor actor, FrontDoorSettingsInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role != Role.CooperationOfficer || actor.RegionCode is null)
            return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang mengubah pengaturan usulan dan fasilitasi daerahnya.");
        var fields = new Dictionary<string, string[]>();
        var pattern = input.ProposalNumberPattern?.Trim();
        if (!string.IsNullOrEmpty(pattern) && PatternProblem(pattern) is { } problem) fields["proposalNumberPattern"] = [problem];
        if (input.FacilitationTargetWorkingDays is { } d && d is < 1 or > 60) fields["facilitationTargetWorkingDays"] = ["Target layanan fasilitasi 1 sampai 60 hari kerja."];
        if (input.ProposalNumberPattern is null && input.FacilitationTargetWorkingDays is null)
            fields["proposalNumberPattern"] = ["Isi pola nomor usulan atau target hari kerja fasilitasi yang diubah."];
        if (fields.Count > 0) return new ValidationError("Pengaturan belum dapat disimpan.", fields);

        var region = actor.RegionCode;
        if (input.ProposalNumberPattern is not null)
        {
            if (string.IsNullOrEmpty(pattern)) await RegionSettingRows.RemoveAsync(db, region, ProposalNumbering.SettingKey, ct);
            else await RegionSettingRows.UpsertAsync(db, region, ProposalNumbering.SettingKey, pattern, ct);
        }
        if (input.FacilitationTargetWorkingDays is { } days)
            await RegionSettingRows.UpsertAsync(db, region, FacilitationSettings.TargetKey, days.ToString(CultureInfo.InvariantCulture), ct);
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor, clock, ct);
    }


}
