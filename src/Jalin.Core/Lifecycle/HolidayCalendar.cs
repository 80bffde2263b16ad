using System.Globalization;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Lifecycle;

public sealed record HolidayView(int Id, DateOnly Date, string Type, string TypeLabel, string Name, string? RegionCode, string? DecreeReference, bool CanDelete);

/// <summary>One year of a region's calendar (national days plus the region's own), with the years
/// from this one on that still have no national data.</summary>
public sealed record HolidayCalendarView(int Year, string? RegionCode, string? RegionName, IReadOnlyList<HolidayView> Holidays,
    IReadOnlyList<int> UpcomingYearsWithoutData, string? MissingDataNote, bool CanEditNational, bool CanEditRegional);

public sealed record HolidayInput
{
    /// <summary>yyyy-MM-dd.</summary>
    public string? Date { get; init; }
    /// <summary>Libur or CutiBersama.</summary>
    public string? Type { get; init; }
    public string? Name { get; init; }
    /// <summary>The decree that set the day; required for a national day.</summary>
    public string? DecreeReference { get; init; }
    /// <summary>Empty: a national day (system administrator); a kode wilayah: that region's own day.</summary>
    public string? RegionCode { get; init; }
}

/// <summary>The holiday calendar: national holidays and cuti bersama (kept by the system
/// administrator, each with its decree) and each region's own holidays (kept by its Bagian Kerja
/// Sama officers). Working-day deadlines count on national days plus the agreement region's own.
/// Every change is audited (national days on the instance chain, regional days on the region's).</summary>
public static class HolidayCalendar
{
    public const int MinYear = 2000, MaxYear = 2100;
    /// <summary>How many years from this one the calendar page checks for missing national data.</summary>
    public const int YearsAhead = 2;

    public static async Task<Result<HolidayCalendarView>> ListAsync(JalinDb db, CurrentActor actor, int year, string? regionCode, TimeProvider clock,
        CancellationToken ct = default)
    {
        if (year < MinYear || year > MaxYear) return ValidationError.Of("year", $"Tahun harus {MinYear} sampai {MaxYear}.");
        var region = string.IsNullOrWhiteSpace(regionCode) ? actor.Role == Role.PartnerUser ? null : actor.RegionCode : regionCode.Trim();
        string? regionName = null;
        if (region is not null)
        {
            regionName = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => r.Name).FirstOrDefaultAsync(ct);
            if (regionName is null) return new NotFoundError("Daerah tidak ditemukan.");
        }
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var rows = await db.Holidays.AsNoTracking()
            .Where(h => h.Date >= from && h.Date <= to && (h.RegionCode == null || h.RegionCode == region))
            .OrderBy(h => h.Date).ThenBy(h => h.RegionCode).ToListAsync(ct);
        var today = Wib.Today(clock).Year;
        var known = await db.Holidays.AsNoTracking().Where(h => h.RegionCode == null && h.Date >= new DateOnly(today, 1, 1) && h.Date <= new DateOnly(today + YearsAhead, 12, 31))
            .Select(h => h.Date.Year).Distinct().ToListAsync(ct);
        var missing = Enumerable.Range(today, YearsAhead + 1).Where(y => !known.Contains(y)).ToList();
        return new HolidayCalendarView(year, region, regionName,
            rows.Select(h => ToView(h, MayChange(actor, h.RegionCode))).ToList(), missing,
            missing.Count == 0 ? null : $"Kalender hari libur nasional tahun {Years(missing)} belum tersedia; tenggat hari kerja yang mencapai tahun itu dihitung tanpa hari libur. Tambahkan hari libur dan cuti bersama menurut SKB yang menetapkannya.",
            MayChange(actor, null), region is not null && MayChange(actor, region));
    }

    public static async Task<Result<HolidayView>> AddAsync(JalinDb db, CurrentActor actor, HolidayInput input, CancellationToken ct = default)
    {
        var region = string.IsNullOrWhiteSpace(input.RegionCode) ? null : input.RegionCode.Trim();
        if (region is null && !MayChange(actor, null))
            return new ForbiddenError("Hari libur nasional dan cuti bersama dicatat oleh administrator sistem.");
        if (region is not null)
        {
            if (!await db.Regions.AnyAsync(r => r.Code == region, ct)) return new NotFoundError("Daerah tidak ditemukan.");
            if (!MayChange(actor, region)) return new ForbiddenError("Hari libur daerah dicatat oleh petugas Bagian Kerja Sama daerah itu atau administrator sistem.");
        }

        var fields = new Dictionary<string, string[]>();
        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(input.Date)) fields["date"] = ["Isi tanggal hari libur."];
        else if (!DateOnly.TryParseExact(input.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            fields["date"] = ["Tanggal tidak dikenali; tulis sebagai TTTT-BB-HH, misalnya 2027-08-17."];
        else if (date.Year < MinYear || date.Year > MaxYear) fields["date"] = [$"Tahun harus {MinYear} sampai {MaxYear}."];
        HolidayType type = default;
        if (string.IsNullOrWhiteSpace(input.Type)) fields["type"] = ["Pilih jenis: hari libur (Libur) atau cuti bersama (CutiBersama)."];
        else if (!Enum.TryParse(input.Type.Trim(), true, out type) || !Enum.IsDefined(type) || int.TryParse(input.Type, out _))
            fields["type"] = ["Jenis tidak dikenal: pilih Libur atau CutiBersama."];
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) fields["name"] = ["Isi nama hari libur."];
        else if (name.Length is < 3 or > 200) fields["name"] = ["Nama hari libur 3 sampai 200 karakter."];
        var decree = string.IsNullOrWhiteSpace(input.DecreeReference) ? null : input.DecreeReference.Trim();
        if (decree is null && region is null)
            fields["decreeReference"] = ["Sebutkan keputusan yang menetapkan hari libur nasional ini, misalnya \"SKB 3 Menteri Nomor ... Tahun ...\" atau \"Keppres Nomor ... Tahun ...\"."];
        else if (decree is { Length: > 300 }) fields["decreeReference"] = ["Dasar penetapan paling banyak 300 karakter."];
        if (!fields.ContainsKey("date"))
        {
            var same = await db.Holidays.AsNoTracking().Where(h => h.Date == date && (h.RegionCode == null || h.RegionCode == region))
                .Select(h => new { h.Name, h.RegionCode }).FirstOrDefaultAsync(ct);
            if (same is not null)
                fields["date"] = [same.RegionCode is null
                    ? $"Tanggal {Fmt(date)} sudah tercatat sebagai hari libur nasional ({same.Name})."
                    : $"Tanggal {Fmt(date)} sudah tercatat sebagai hari libur daerah ini ({same.Name})."];
        }
        if (fields.Count > 0) return new ValidationError("Hari libur belum dapat dicatat.", fields);

        var holiday = new Holiday { Date = date, Type = type, Name = name!, RegionCode = region, DecreeReference = decree };
        db.ActingAs(actor).Holidays.Add(holiday);
        await db.SaveChangesAsync(ct);
        return ToView(holiday, true);
    }

    public static async Task<Result<Unit>> DeleteAsync(JalinDb db, CurrentActor actor, int id, CancellationToken ct = default)
    {
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (holiday is null || (holiday.RegionCode is not null && actor.Role != Role.SystemAdmin && actor.RegionCode != holiday.RegionCode))
            return new NotFoundError("Hari libur tidak ditemukan.");
        if (!MayChange(actor, holiday.RegionCode))
            return new ForbiddenError(holiday.RegionCode is null
                ? "Hari libur nasional dan cuti bersama dihapus oleh administrator sistem."
                : "Hari libur daerah dihapus oleh petugas Bagian Kerja Sama daerah itu atau administrator sistem.");
        db.ActingAs(actor).Holidays.Remove(holiday);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }

    /// <summary>National days: the system administrator; a region's own days: its officers and the administrator.</summary>
    public static bool MayChange(CurrentActor actor, string? regionCode) =>
        actor.Role == Role.SystemAdmin || (regionCode is not null && actor.Role == Role.CooperationOfficer && actor.RegionCode == regionCode);

    private static HolidayView ToView(Holiday h, bool canDelete) =>
        new(h.Id, h.Date, h.Type.ToString(), h.Type.Label(), h.Name, h.RegionCode, h.DecreeReference, canDelete);

    private static string Fmt(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));

    private static string Years(IReadOnlyList<int> years) =>
        years.Count == 1 ? years[0].ToString(CultureInfo.InvariantCulture) : $"{string.Join(", ", years.Take(years.Count - 1))} dan {years[^1]}";
}
