using Jalin.Core.Common;

namespace Jalin.Core.Events;

/// <summary>The kinds of coordination meeting a Bagian Kerja Sama holds (issue #10 items 4 and 8). The law does
/// not list them: praktik daerah (Cimahi's sosialisasi of KSDD wajib, KERABAT's FGD pemetaan, Kukar's TKKSD).</summary>
public enum EventKind { Sosialisasi, FgdPemetaan, RapatKoordinasi, Asistensi, RapatTkksd }

/// <summary>The event's state (<see cref="EventTable"/>).</summary>
public enum EventStatus { Planned, Invited, Held, MinutesFinal, Cancelled }

public enum EventAction { SendInvitations, MarkHeld, FinalizeMinutes, Cancel }

/// <summary>Who an invitation names: one user, the users of a role in a region, the users of an OPD, or an outside guest.</summary>
public enum InviteeKind { User, Role, Agency, Guest }

public enum Attendance { Unknown, Present, Absent, Represented }

public enum FollowUpStatus { Open, Done }

/// <summary>A coordination event of a region: sosialisasi, FGD pemetaan, rapat koordinasi, asistensi or rapat TKKSD,
/// with its agenda, invitations, attendance, materials, minutes (notulen) and follow-up tasks.</summary>
public sealed class CoordinationEvent
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public EventKind Kind { get; set; }
    public EventStatus Status { get; set; }
    public required string Title { get; set; }
    /// <summary>Start and end as instants; shown in the region's time zone (<see cref="RegionTime"/>).</summary>
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    /// <summary>Agenda items, one per line.</summary>
    public string? Agenda { get; set; }
    /// <summary>The OPD that organises it (null: the Bagian Kerja Sama).</summary>
    public Guid? OrganizerAgencyId { get; set; }
    public string? OrganizerAgencyName { get; set; }
    // what it serves (each optional)
    public Guid? MappingRoundId { get; set; }
    public Guid? ProposalId { get; set; }
    public Guid? AgreementId { get; set; }
    public Guid? TkksdTeamId { get; set; }
    // minutes (notulen)
    public string? MinutesPoints { get; set; }
    public string? MinutesDecisions { get; set; }
    public string? MinutesTakenBy { get; set; }
    public string? CancelReason { get; set; }
    /// <summary>The generated berita acara (stored file) once made.</summary>
    public string? BeritaAcaraSha256 { get; set; }
    public string? BeritaAcaraFileName { get; set; }
    public string? BeritaAcaraContentType { get; set; }
    public string CreatedBy { get; init; } = "";
    public string CreatedByUserId { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<EventInvitee> Invitees { get; init; } = [];
    public List<EventMaterial> Materials { get; init; } = [];
    public List<EventFollowUp> FollowUps { get; init; } = [];

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    public IEnumerable<string> AgendaItems => (Agenda ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One invitation, with the attendance the organiser records for it.</summary>
public sealed class EventInvitee
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EventId { get; init; }
    /// <summary>The event's region (kept on the row so the audit trail files it there).</summary>
    public required string RegionCode { get; init; }
    public InviteeKind Kind { get; init; }
    public string? UserId { get; init; }
    /// <summary>Role invitations: the region whose users of <see cref="Role"/> are invited (may be another region).</summary>
    public string? InviteeRegionCode { get; init; }
    public Identity.Role? Role { get; init; }
    public Guid? AgencyId { get; init; }
    /// <summary>Display name: the user's name, "Petugas Bagian Kerja Sama — Kabupaten Garut", the OPD, or the guest.</summary>
    public required string Name { get; init; }
    public string? Institution { get; init; }
    public string? Email { get; init; }
    /// <summary>Guests: when the invitation mail was handed to the outbox.</summary>
    public DateTimeOffset? SentAt { get; set; }
    public Attendance Attendance { get; set; }
    /// <summary>Represented: who came instead; Present: who signed in (for a role or an OPD).</summary>
    public string? AttendedBy { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class EventMaterial
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EventId { get; init; }
    public required string RegionCode { get; init; }
    public required string Title { get; set; }
    public required string FileSha256 { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long FileSize { get; init; }
    public string? UploadedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A follow-up task (tindak lanjut) with an owner: a Jalin user or a free-text name for a guest.</summary>
public sealed class EventFollowUp
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EventId { get; init; }
    public required string RegionCode { get; init; }
    public required string Title { get; set; }
    public string? OwnerUserId { get; set; }
    public required string OwnerName { get; set; }
    public DateOnly DueDate { get; set; }
    public FollowUpStatus Status { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool IsOverdue(DateOnly today) => Status == FollowUpStatus.Open && DueDate < today;
}

/// <summary>Indonesia's three time zones (UU/Keppres 41/1987): the zone of a region from its province code.</summary>
public static class RegionTime
{
    private static readonly string[] Wita = ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"];
    private static readonly string[] Wit = ["81", "82", "91", "92", "93", "94", "95", "96"];

    public static (string Label, string IanaId, TimeSpan Offset) ZoneOf(string regionCode)
    {
        var province = regionCode.Length >= 2 ? regionCode[..2] : regionCode;
        if (Wit.Contains(province)) return ("WIT", "Asia/Jayapura", TimeSpan.FromHours(9));
        if (Wita.Contains(province)) return ("WITA", "Asia/Makassar", TimeSpan.FromHours(8));
        return ("WIB", "Asia/Jakarta", TimeSpan.FromHours(7));
    }

    /// <summary>The instant of a local wall-clock time in the region (Indonesia keeps no daylight saving).</summary>
    public static DateTimeOffset ToInstant(string regionCode, DateOnly date, TimeOnly time) =>
        new DateTimeOffset(date.ToDateTime(time), ZoneOf(regionCode).Offset).ToUniversalTime();

    public static DateTime Local(string regionCode, DateTimeOffset instant) => instant.ToOffset(ZoneOf(regionCode).Offset).DateTime;

    public static DateOnly Today(string regionCode, TimeProvider clock) => DateOnly.FromDateTime(Local(regionCode, clock.GetUtcNow()));

    /// <summary>"30/11/2026 09.00 WIB".</summary>
    public static string Format(string regionCode, DateTimeOffset instant) =>
        Local(regionCode, instant).ToString("dd/MM/yyyy HH.mm", IndonesianFormat.Culture) + " " + ZoneOf(regionCode).Label;

    /// <summary>"30/11/2026 09.00–12.00 WIB" (the end's date shown when it differs).</summary>
    public static string Range(string regionCode, DateTimeOffset start, DateTimeOffset end)
    {
        var (s, e) = (Local(regionCode, start), Local(regionCode, end));
        var zone = ZoneOf(regionCode).Label;
        return s.Date == e.Date
            ? $"{s.ToString("dd/MM/yyyy HH.mm", IndonesianFormat.Culture)}–{e.ToString("HH.mm", IndonesianFormat.Culture)} {zone}"
            : $"{s.ToString("dd/MM/yyyy HH.mm", IndonesianFormat.Culture)} – {e.ToString("dd/MM/yyyy HH.mm", IndonesianFormat.Culture)} {zone}";
    }
}

public static class EventLabels
{
    public static string Label(this EventKind k) => k switch
    {
        EventKind.Sosialisasi => "Sosialisasi",
        EventKind.FgdPemetaan => "FGD pemetaan",
        EventKind.RapatKoordinasi => "Rapat koordinasi",
        EventKind.Asistensi => "Asistensi",
        EventKind.RapatTkksd => "Rapat TKKSD",
        _ => k.ToString(),
    };

    /// <summary>The kind inside a sentence: "sosialisasi", "FGD pemetaan", "rapat TKKSD".</summary>
    public static string Phrase(this EventKind k) => k switch
    {
        EventKind.FgdPemetaan => "FGD pemetaan",
        EventKind.RapatTkksd => "rapat TKKSD",
        _ => k.Label().ToLowerInvariant(),
    };

    public static string Label(this EventStatus s) => s switch
    {
        EventStatus.Planned => "Rencana",
        EventStatus.Invited => "Undangan terkirim",
        EventStatus.Held => "Berlangsung/selesai",
        EventStatus.MinutesFinal => "Notulen final",
        EventStatus.Cancelled => "Batal",
        _ => s.ToString(),
    };

    public static string Label(this EventAction a) => a switch
    {
        EventAction.SendInvitations => "Kirim undangan",
        EventAction.MarkHeld => "Tandai sudah dilaksanakan",
        EventAction.FinalizeMinutes => "Finalkan notulen",
        EventAction.Cancel => "Batalkan",
        _ => a.ToString(),
    };

    public static string Code(this EventAction a) => a switch
    {
        EventAction.SendInvitations => "send-invitations",
        EventAction.MarkHeld => "mark-held",
        EventAction.FinalizeMinutes => "finalize-minutes",
        EventAction.Cancel => "cancel",
        _ => a.ToString(),
    };

    public static EventAction? ParseAction(string code) =>
        Enum.GetValues<EventAction>().Cast<EventAction?>().FirstOrDefault(a => a!.Value.Code() == code?.Trim().ToLowerInvariant());

    public static string Label(this Attendance a) => a switch
    {
        Attendance.Unknown => "Belum dicatat",
        Attendance.Present => "Hadir",
        Attendance.Absent => "Tidak hadir",
        Attendance.Represented => "Diwakili",
        _ => a.ToString(),
    };

    public static string Label(this InviteeKind k) => k switch
    {
        InviteeKind.User => "Pengguna",
        InviteeKind.Role => "Peran di daerah",
        InviteeKind.Agency => "Perangkat daerah",
        InviteeKind.Guest => "Tamu luar",
        _ => k.ToString(),
    };

    public static string Label(this FollowUpStatus s) => s == FollowUpStatus.Done ? "Selesai" : "Terbuka";
}
