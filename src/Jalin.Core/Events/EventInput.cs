using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Events;

/// <summary>The fields of an event as the form and the API send them. Times are the region's wall clock ("09.00" or "09:00").</summary>
public sealed record EventInput
{
    public EventKind? Kind { get; init; }
    [StringLength(300, ErrorMessage = "Judul paling banyak 300 karakter.")] public string? Title { get; init; }
    public DateOnly? Date { get; init; }
    public string? StartTime { get; init; }
    /// <summary>The last day when the event runs over several days (default: <see cref="Date"/>).</summary>
    public DateOnly? EndDate { get; init; }
    public string? EndTime { get; init; }
    [StringLength(300, ErrorMessage = "Tempat paling banyak 300 karakter.")] public string? Place { get; init; }
    [StringLength(500, ErrorMessage = "Tautan daring paling banyak 500 karakter.")] public string? OnlineLink { get; init; }
    [StringLength(4000, ErrorMessage = "Agenda paling banyak 4000 karakter.")] public string? Agenda { get; init; }
    public Guid? OrganizerAgencyId { get; init; }
    public Guid? MappingRoundId { get; init; }
    public Guid? ProposalId { get; init; }
    public Guid? AgreementId { get; init; }
    public Guid? TkksdTeamId { get; init; }

    public static EventInput From(CoordinationEvent e)
    {
        var (s, end) = (RegionTime.Local(e.RegionCode, e.StartsAt), RegionTime.Local(e.RegionCode, e.EndsAt));
        return new()
        {
            Kind = e.Kind, Title = e.Title, Date = DateOnly.FromDateTime(s), StartTime = s.ToString("HH.mm", CultureInfo.InvariantCulture),
            EndDate = DateOnly.FromDateTime(end), EndTime = end.ToString("HH.mm", CultureInfo.InvariantCulture), Place = e.Place, OnlineLink = e.OnlineLink,
            Agenda = e.Agenda, OrganizerAgencyId = e.OrganizerAgencyId, MappingRoundId = e.MappingRoundId, ProposalId = e.ProposalId,
            AgreementId = e.AgreementId, TkksdTeamId = e.TkksdTeamId,
        };
    }

    internal static TimeOnly? ParseTime(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var t = raw.Trim().Replace('.', ':');
        return TimeOnly.TryParseExact(t, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : null;
    }
}

internal static class EventRules
{
    public static async Task<(ValidationError? Error, DateTimeOffset Start, DateTimeOffset End)> ValidateAsync(JalinDb db, CurrentActor actor, string region, EventInput input,
        CancellationToken ct)
    {
        var fields = AgreementRules.Annotations(input).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            fields["kind"] = ["Pilih jenis kegiatan: Sosialisasi, FgdPemetaan, RapatKoordinasi, Asistensi atau RapatTkksd."];
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length < 5) fields["title"] = ["Judul kegiatan wajib diisi (paling sedikit 5 karakter)."];
        if (input.Date is null) fields["date"] = ["Tanggal kegiatan wajib diisi."];
        var start = EventInput.ParseTime(input.StartTime);
        var end = EventInput.ParseTime(input.EndTime);
        if (start is null) fields["startTime"] = ["Jam mulai wajib diisi dengan format JJ.MM, misalnya 09.00."];
        if (end is null) fields["endTime"] = ["Jam selesai wajib diisi dengan format JJ.MM, misalnya 12.00."];
        DateTimeOffset s = default, e = default;
        if (input.Date is { } d && start is { } st && end is { } en)
        {
            s = RegionTime.ToInstant(region, d, st);
            e = RegionTime.ToInstant(region, input.EndDate ?? d, en);
            if (e <= s) fields["endTime"] = ["Waktu selesai harus sesudah waktu mulai."];
            else if (e - s > TimeSpan.FromDays(14)) fields["endDate"] = ["Kegiatan paling lama 14 hari."];
        }
        if (string.IsNullOrWhiteSpace(input.Place) && string.IsNullOrWhiteSpace(input.OnlineLink))
            fields["place"] = ["Isi tempat kegiatan atau tautan rapat daring."];
        if (!string.IsNullOrWhiteSpace(input.OnlineLink)
            && (!Uri.TryCreate(input.OnlineLink.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            fields["onlineLink"] = ["Tautan rapat daring harus alamat web lengkap (diawali https://)."];
        if (input.OrganizerAgencyId is { } ag && !await db.Agencies.AnyAsync(a => a.Id == ag && a.RegionCode == region, ct))
            fields["organizerAgencyId"] = ["Perangkat daerah penyelenggara tidak ditemukan di daerah ini."];
        if (actor.Role == Role.AgencyUser && input.OrganizerAgencyId is { } own && own != actor.AgencyId)
            fields["organizerAgencyId"] = ["Perangkat daerah hanya dapat menyelenggarakan kegiatan atas nama perangkat daerahnya sendiri."];
        if (input.MappingRoundId is { } mr && !await db.MappingRounds.AnyAsync(r => r.Id == mr && r.RegionCode == region, ct))
            fields["mappingRoundId"] = ["Putaran pemetaan tidak ditemukan di daerah ini."];
        if (input.ProposalId is { } pid && !await db.Proposals.Where(p => p.RegionCode == region).VisibleTo(actor).AnyAsync(p => p.Id == pid, ct))
            fields["proposalId"] = ["Usulan tidak ditemukan di daerah ini."];
        if (input.AgreementId is { } aid && !await db.Agreements.VisibleTo(actor).AnyAsync(a => a.Id == aid && a.Parties.Any(p => p.RegionCode == region), ct))
            fields["agreementId"] = ["Kerja sama tidak ditemukan atau daerah ini bukan pihaknya."];
        if (input.TkksdTeamId is { } tid && !await db.TkksdTeams.AnyAsync(t => t.Id == tid && t.RegionCode == region, ct))
            fields["tkksdTeamId"] = ["Tim TKKSD tidak ditemukan di daerah ini."];
        return (fields.Count > 0 ? new ValidationError("Data kegiatan belum benar.", fields) : null, s, e);
    }

    public static async Task ApplyAsync(JalinDb db, CoordinationEvent e, EventInput input, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        e.Kind = input.Kind!.Value;
        e.Title = input.Title!.Trim();
        e.StartsAt = start;
        e.EndsAt = end;
        e.Place = Clean(input.Place);
        e.OnlineLink = Clean(input.OnlineLink);
        e.Agenda = input.Agenda is null ? null : string.Join('\n', input.Agenda.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (e.Agenda?.Length == 0) e.Agenda = null;
        e.OrganizerAgencyId = input.OrganizerAgencyId;
        e.OrganizerAgencyName = input.OrganizerAgencyId is { } ag ? await db.Agencies.Where(a => a.Id == ag).Select(a => a.Name).FirstAsync(ct) : null;
        e.MappingRoundId = input.MappingRoundId;
        e.ProposalId = input.ProposalId;
        e.AgreementId = input.AgreementId;
        e.TkksdTeamId = input.TkksdTeamId;
        // A rapat TKKSD without a named team is the region's active team's.
        if (e.Kind == EventKind.RapatTkksd && e.TkksdTeamId is null)
            e.TkksdTeamId = await db.TkksdTeams.Where(t => t.RegionCode == e.RegionCode && t.IsActive).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
    }
}
