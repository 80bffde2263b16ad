using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Events;

internal static class EventLoad
{
    public static Task<CoordinationEvent?> VisibleAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct) =>
        db.Events.VisibleTo(actor).Include(e => e.Invitees).Include(e => e.FollowUps).Include(e => e.Materials).AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id, ct);

    public static readonly NotFoundError NotFound = new("Kegiatan tidak ditemukan.");

    /// <summary>Loads an event the actor manages: 404 when it is not visible, 403 when the actor only reads it.</summary>
    public static async Task<Result<CoordinationEvent>> ManagedAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct)
    {
        var e = await VisibleAsync(db, actor, id, ct);
        if (e is null) return NotFound;
        if (!EventAccess.Manages(actor, e)) return new ForbiddenError(EventAccess.NotOrganiser);
        return e;
    }

    public static async Task<Error?> SaveAsync(JalinDb db, CurrentActor actor, CoordinationEvent e, TimeProvider clock, CancellationToken ct)
    {
        e.Touch(clock.GetUtcNow());
        db.ActingAs(actor);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("Kegiatan ini telah diubah orang lain. Muat ulang halaman lalu ulangi.");
        }
    }
}

/// <summary>Creates an event in Rencana for the actor's region (an OPD user: organised by its own OPD).</summary>
public static class CreateEvent
{
    public static async Task<Result<Guid>> HandleAsync(JalinDb db, CurrentActor actor, EventInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (!EventAccess.CanCreate(actor))
            return new ForbiddenError("Hanya petugas Bagian Kerja Sama dan perangkat daerah (OPD) yang dapat membuat kegiatan koordinasi.");
        var region = actor.RegionCode!;
        if (actor.Role == Role.AgencyUser) input = input with { OrganizerAgencyId = input.OrganizerAgencyId ?? actor.AgencyId };
        var (error, start, end) = await EventRules.ValidateAsync(db, actor, region, input, ct);
        if (error is not null) return error;
        var now = clock.GetUtcNow();
        var e = new CoordinationEvent
        {
            RegionCode = region, Title = input.Title!.Trim(), Status = EventStatus.Planned, CreatedBy = actor.UserName, CreatedByUserId = actor.UserId,
            CreatedAt = now, UpdatedAt = now,
        };
        await EventRules.ApplyAsync(db, e, input, start, end, ct);
        db.ActingAs(actor).Events.Add(e);
        await db.SaveChangesAsync(ct);
        return e.Id;
    }
}

/// <summary>Edits an event before it is held; refuses a stale version (409).</summary>
public static class UpdateEvent
{
    public static async Task<Result<int>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, int expectedVersion, EventInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var found = await EventLoad.ManagedAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var e = found.Value!;
        if (e.Status is not (EventStatus.Planned or EventStatus.Invited))
            return new ConflictError($"Kegiatan berstatus {e.Status.Label()}; hanya kegiatan berstatus Rencana atau Undangan terkirim yang dapat diubah.");
        if (e.Version != expectedVersion) return new ConflictError("Kegiatan ini telah diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.");
        if (actor.Role == Role.AgencyUser) input = input with { OrganizerAgencyId = e.OrganizerAgencyId };
        var (error, start, end) = await EventRules.ValidateAsync(db, actor, e.RegionCode, input, ct);
        if (error is not null) return error;
        await EventRules.ApplyAsync(db, e, input, start, end, ct);
        if (await EventLoad.SaveAsync(db, actor, e, clock, ct) is { } failed) return failed;
        return e.Version;
    }
}

public sealed record InviteeInput
{
    public InviteeKind? Kind { get; init; }
    public string? UserId { get; init; }
    public string? RegionCode { get; init; }
    public Role? Role { get; init; }
    public Guid? AgencyId { get; init; }
    [StringLength(200, ErrorMessage = "Nama paling banyak 200 karakter.")] public string? Name { get; init; }
    [StringLength(300, ErrorMessage = "Instansi paling banyak 300 karakter.")] public string? Institution { get; init; }
    [StringLength(200, ErrorMessage = "Alamat e-mail paling banyak 200 karakter.")] public string? Email { get; init; }
}

public sealed record InviteRequest
{
    public List<InviteeInput>? Invitees { get; init; }
}

/// <summary>Adds invitations: users (of any region), the users of a role in a region, the users of an OPD, outside guests
/// (name, institution, e-mail). Once the invitations were sent, new Jalin invitees are notified at once.</summary>
public static class InviteToEvent
{
    private static readonly Role[] InvitableRoles = [Role.CooperationOfficer, Role.AgencyUser, Role.TeamMember, Role.Leader, Role.DprdViewer, Role.SupervisorProvince];

    public static async Task<Result<int>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, InviteRequest request, TimeProvider clock, CancellationToken ct = default)
    {
        var found = await EventLoad.ManagedAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var e = found.Value!;
        if (e.Status is EventStatus.Cancelled or EventStatus.MinutesFinal)
            return new ConflictError($"Kegiatan berstatus {e.Status.Label()}; undangan tidak dapat ditambah.");
        var items = request.Invitees ?? [];
        if (items.Count == 0) return ValidationError.Of("invitees", "Pilih sedikitnya satu peserta yang diundang.");
        if (items.Count > 200) return ValidationError.Of("invitees", "Paling banyak 200 undangan sekaligus.");
        var fields = new Dictionary<string, string[]>();
        var rows = new List<EventInvitee>();
        var now = clock.GetUtcNow();
        for (var n = 0; n < items.Count; n++)
        {
            var i = items[n];
            var key = $"invitees[{n}]";
            foreach (var (f, m) in AgreementRules.Annotations(i)) fields[$"{key}.{f}"] = [m];
            switch (i.Kind)
            {
                case InviteeKind.User:
                    var user = i.UserId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == i.UserId && u.IsActive, ct);
                    if (user is null) { fields[$"{key}.userId"] = ["Pengguna tidak ditemukan atau tidak aktif."]; continue; }
                    if (user.Role is Role.SystemAdmin or Role.PartnerUser) { fields[$"{key}.userId"] = ["Pengguna ini tidak dapat diundang ke kegiatan daerah."]; continue; }
                    if (e.Invitees.Concat(rows).Any(x => x.Kind == InviteeKind.User && x.UserId == user.Id)) continue;
                    var agencyName = user.AgencyId is { } ua ? await db.Agencies.Where(a => a.Id == ua).Select(a => a.Name).FirstOrDefaultAsync(ct) : null;
                    var regionName = user.RegionCode is { } ur ? await db.Regions.Where(r => r.Code == ur).Select(r => r.Name).FirstOrDefaultAsync(ct) : null;
                    rows.Add(new EventInvitee
                    {
                        EventId = e.Id, RegionCode = e.RegionCode, Kind = InviteeKind.User, UserId = user.Id, Name = user.FullName,
                        Institution = agencyName ?? (regionName is null ? null : $"{user.Role.Label()} — {regionName}"), Email = user.Email, CreatedAt = now,
                    });
                    break;
                case InviteeKind.Role:
                    var region = i.RegionCode is null ? null : await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == i.RegionCode, ct);
                    if (region is null) fields[$"{key}.regionCode"] = ["Daerah tidak ditemukan."];
                    if (i.Role is not { } role || !InvitableRoles.Contains(role))
                        fields[$"{key}.role"] = ["Pilih peran yang diundang: CooperationOfficer, AgencyUser, TeamMember, Leader, DprdViewer atau SupervisorProvince."];
                    if (region is null || i.Role is null || !InvitableRoles.Contains(i.Role.Value)) continue;
                    if (e.Invitees.Concat(rows).Any(x => x.Kind == InviteeKind.Role && x.InviteeRegionCode == region.Code && x.Role == i.Role)) continue;
                    rows.Add(new EventInvitee
                    {
                        EventId = e.Id, RegionCode = e.RegionCode, Kind = InviteeKind.Role, InviteeRegionCode = region.Code, Role = i.Role,
                        Name = $"{i.Role.Value.Label()} — {region.FullName}", Institution = region.FullName, CreatedAt = now,
                    });
                    break;
                case InviteeKind.Agency:
                    var agency = i.AgencyId is null ? null : await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == i.AgencyId, ct);
                    if (agency is null) { fields[$"{key}.agencyId"] = ["Perangkat daerah tidak ditemukan."]; continue; }
                    if (e.Invitees.Concat(rows).Any(x => x.Kind == InviteeKind.Agency && x.AgencyId == agency.Id)) continue;
                    rows.Add(new EventInvitee
                    {
                        EventId = e.Id, RegionCode = e.RegionCode, Kind = InviteeKind.Agency, AgencyId = agency.Id, InviteeRegionCode = agency.RegionCode,
                        Name = agency.Name, Institution = agency.Name, CreatedAt = now,
                    });
                    break;
                case InviteeKind.Guest:
                    var name = i.Name?.Trim();
                    var email = i.Email?.Trim();
                    if (string.IsNullOrWhiteSpace(name) || name.Length < 3) fields[$"{key}.name"] = ["Nama tamu wajib diisi."];
                    if (string.IsNullOrWhiteSpace(i.Institution)) fields[$"{key}.institution"] = ["Instansi tamu wajib diisi."];
                    if (string.IsNullOrWhiteSpace(email) || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.'))
                        fields[$"{key}.email"] = ["Alamat e-mail tamu tidak valid (contoh: nama@instansi.go.id)."];
                    if (fields.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal))) continue;
                    if (e.Invitees.Concat(rows).Any(x => x.Kind == InviteeKind.Guest && string.Equals(x.Email, email, StringComparison.OrdinalIgnoreCase))) continue;
                    rows.Add(new EventInvitee
                    {
                        EventId = e.Id, RegionCode = e.RegionCode, Kind = InviteeKind.Guest, Name = name!, Institution = i.Institution!.Trim(), Email = email, CreatedAt = now,
                    });
                    break;
                default:
                    fields[$"{key}.kind"] = ["Jenis undangan tidak dikenal. Pilih User, Role, Agency atau Guest."];
                    break;
            }
        }
        if (fields.Count > 0) return new ValidationError("Data undangan belum benar.", fields);
        db.EventInvitees.AddRange(rows);
        if (await EventLoad.SaveAsync(db, actor, e, clock, ct) is { } failed) return failed;
        if (e.Status is EventStatus.Invited or EventStatus.Held && rows.Any(r => r.Kind != InviteeKind.Guest))
            await EventNotifications.InvitedAsync(db, actor, e, rows, clock, ct);
        if (e.Status is EventStatus.Invited or EventStatus.Held && rows.Any(r => r.Kind == InviteeKind.Guest))
            await GuestInvitationMail.EnqueueAsync(db, clock, e.Id, ct);
        return rows.Count;
    }
}

/// <summary>Removes an invitation before the event is held.</summary>
public static class RemoveInvitee
{
    public static async Task<Result<Unit>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, Guid inviteeId, TimeProvider clock, CancellationToken ct = default)
    {
        var found = await EventLoad.ManagedAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var e = found.Value!;
        var row = e.Invitees.FirstOrDefault(i => i.Id == inviteeId);
        if (row is null) return new NotFoundError("Undangan tidak ditemukan.");
        if (e.Status is not (EventStatus.Planned or EventStatus.Invited))
            return new ConflictError("Undangan hanya dapat dihapus sebelum kegiatan dilaksanakan.");
        db.EventInvitees.Remove(row);
        if (await EventLoad.SaveAsync(db, actor, e, clock, ct) is { } failed) return failed;
        return Unit.Value;
    }
}

public sealed record EventActionRequest
{
    [StringLength(2000, ErrorMessage = "Alasan paling banyak 2000 karakter.")] public string? Reason { get; init; }
}

public sealed record EventMoved(Guid Id, EventStatus Status, string StatusLabel, int Version);

/// <summary>Makes one move of <see cref="EventTable"/>: sending the invitations notifies the invited users;
/// cancelling notifies them with the reason.</summary>
public static class ApplyEventAction
{
    public static async Task<Result<EventMoved>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, EventAction action, EventActionRequest request, TimeProvider clock,
        CancellationToken ct = default)
    {
        var e = await EventLoad.VisibleAsync(db, actor, id, ct);
        if (e is null) return EventLoad.NotFound;
        if (!Enum.IsDefined(action)) return ValidationError.Of("action", "Aksi kegiatan tidak dikenal.");
        var move = EventTable.Of(action);
        var now = clock.GetUtcNow();
        if (EventTable.Refusal(actor, e, action, now) is { } refusal)
            return !EventAccess.Manages(actor, e) ? new ForbiddenError(refusal) : move.From.Contains(e.Status) ? ValidationError.Of("status", refusal) : new ConflictError(refusal);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (AgreementRules.Annotations(request).FirstOrDefault() is { field: var f, message: var m } && m is not null) return ValidationError.Of(f, m);
        if (move.NoteRequired && reason is null) return ValidationError.Of("reason", "Tulis alasan pembatalan kegiatan.");
        e.Status = move.To;
        if (action == EventAction.Cancel) e.CancelReason = reason;
        if (await EventLoad.SaveAsync(db, actor, e, clock, ct) is { } failed) return failed;
        if (action == EventAction.SendInvitations)
        {
            await EventNotifications.InvitedAsync(db, actor, e, e.Invitees, clock, ct);
            await GuestInvitationMail.EnqueueAsync(db, clock, e.Id, ct);
        }
        if (action == EventAction.Cancel) await EventNotifications.CancelledAsync(db, actor, e, clock, ct);
        return new EventMoved(e.Id, e.Status, e.Status.Label(), e.Version);
    }
}

public sealed record AttendanceItem
{
    public Guid InviteeId { get; init; }
    public Attendance? Attendance { get; init; }
    [StringLength(300, ErrorMessage = "Nama yang hadir paling banyak 300 karakter.")] public string? AttendedBy { get; init; }
}

public sealed record AttendanceRequest
{
    public List<AttendanceItem>? Items { get; init; }
}

/// <summary>The organiser records who came (hadir, tidak hadir, diwakili — with who came instead): the daftar hadir.</summary>
public static class RecordAttendance
{
    public static async Task<Result<int>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, AttendanceRequest request, TimeProvider clock, CancellationToken ct = default)
    {
        var found = await EventLoad.ManagedAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var e = found.Value!;
        if (e.Status != EventStatus.Held)
            return new ConflictError($"Daftar hadir dicatat setelah kegiatan ditandai sudah dilaksanakan; kegiatan berstatus {e.Status.Label()}.");
        var items = request.Items ?? [];
        if (items.Count == 0) return ValidationError.Of("items", "Isi kehadiran sedikitnya satu peserta.");
        var fields = new Dictionary<string, string[]>();
        for (var n = 0; n < items.Count; n++)
        {
            var i = items[n];
            foreach (var (f, m) in AgreementRules.Annotations(i)) fields[$"items[{n}].{f}"] = [m];
            if (e.Invitees.All(x => x.Id != i.InviteeId)) fields[$"items[{n}].inviteeId"] = ["Peserta ini tidak ada dalam daftar undangan kegiatan."];
            if (i.Attendance is not { } a || !Enum.IsDefined(a)) fields[$"items[{n}].attendance"] = ["Pilih kehadiran: Present (hadir), Absent (tidak hadir) atau Represented (diwakili)."];
            else if (a == Attendance.Represented && string.IsNullOrWhiteSpace(i.AttendedBy)) fields[$"items[{n}].attendedBy"] = ["Tulis nama yang mewakili."];
        }
        if (fields.Count > 0) return new ValidationError("Daftar hadir belum benar.", fields);
        foreach (var i in items)
        {
            var row = e.Invitees.First(x => x.Id == i.InviteeId);
            row.Attendance = i.Attendance!.Value;
            row.AttendedBy = i.Attendance == Attendance.Absent || string.IsNullOrWhiteSpace(i.AttendedBy) ? null : i.AttendedBy.Trim();
        }
        if (await EventLoad.SaveAsync(db, actor, e, clock, ct) is { } failed) return failed;
        return items.Count;
    }
}

public sealed record MinutesRequest
{
    [StringLength(8000, ErrorMessage = "Pokok pembahasan paling banyak 8000 karakter.")] public string? Points { get; init; }
    [StringLength(8000, ErrorMessage = "Kesimpulan/keputusan paling banyak 8000 karakter.")] public string? Decisions { get; init; }
    [StringLength(200, ErrorMessage = "Nama notulis paling banyak 200 karakter.")] public string? TakenBy { get; init; }
}

/// <summary>The notulen: the points discussed and the decisions, one per line; kept while the event is held, fixed once final.</summary>
public static class SaveMinutes
{
    public static async Task<Result<int>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, MinutesRequest request, TimeProvider clock, CancellationToken ct = default)
    {
        var found = await EventLoad.ManagedAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var e = found.Value!;
        if (e.Status != EventStatus.Held)
            return new ConflictError(e.Status == EventStatus.MinutesFinal ? "Notulen sudah final dan tidak dapat diubah."
                : $"Notulen dicatat setelah kegiatan ditandai sudah dilaksanakan; kegiatan berstatus {e.Status.Label()}.");
        var fields = AgreementRules.Annotations(request).GroupBy(x => x.field).ToDictionary(g => g.Key, g => g.Select(x => x.message).ToArray());
        if (string.IsNullOrWhiteSpace(request.Points) && string.IsNullOrWhiteSpace(request.Decisions))
            fields["points"] = ["Isi pokok pembahasan atau kesimpulan rapat."];
        if (fields.Count > 0) return new ValidationError("Notulen belum benar.", fields);
        static string? Lines(string? v) => string.IsNullOrWhiteSpace(v) ? null
            : string.Join('\n', v.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        e.MinutesPoints = Lines(request.Points);
        e.MinutesDecisions = Lines(request.Decisions);
        e.MinutesTakenBy = string.IsNullOrWhiteSpace(request.TakenBy) ? actor.FullName : request.TakenBy.Trim();
        if (await EventLoad.SaveAsync(db, actor, e, clock, ct) is { } failed) return failed;
        return e.Version;
    }
}

public sealed record FollowUpInput
{
    [StringLength(500, ErrorMessage = "Tindak lanjut paling banyak 500 karakter.")] public string? Title { get; init; }
    /// <summary>A Jalin user as owner; or <see cref="OwnerName"/> for a guest.</summary>
    public string? OwnerUserId { get; init; }
    [StringLength(200, ErrorMessage = "Nama penanggung jawab paling banyak 200 karakter.")] public string? OwnerName { get; init; }
    public DateOnly? DueDate { get; init; }
}

/// <summary>Adds a follow-up task with its owner and due date; a Jalin owner is notified and sees it under "Tugas tindak lanjut saya".</summary>
public static class AddFollowUp
{
    public static async Task<Result<Guid>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, FollowUpInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var found = await EventLoad.ManagedAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var e = found.Value!;
        if (e.Status is not (EventStatus.Held or EventStatus.MinutesFinal))
            return new ConflictError($"Tindak lanjut dicatat setelah kegiatan dilaksanakan; kegiatan berstatus {e.Status.Label()}.");
        var fields = AgreementRules.Annotations(input).GroupBy(x => x.field).ToDictionary(g => g.Key, g => g.Select(x => x.message).ToArray());
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length < 3) fields["title"] = ["Tulis tindak lanjutnya."];
        if (input.DueDate is null) fields["dueDate"] = ["Tanggal batas waktu wajib diisi."];
        string? ownerName = null;
        if (!string.IsNullOrWhiteSpace(input.OwnerUserId))
        {
            ownerName = await db.Users.Where(u => u.Id == input.OwnerUserId && u.IsActive).Select(u => u.FullName).FirstOrDefaultAsync(ct);
            if (ownerName is null) fields["ownerUserId"] = ["Pengguna penanggung jawab tidak ditemukan."];
        }
        else if (string.IsNullOrWhiteSpace(input.OwnerName)) fields["ownerName"] = ["Pilih pengguna atau tulis nama penanggung jawab."];
        else ownerName = input.OwnerName.Trim();
        if (fields.Count > 0) return new ValidationError("Tindak lanjut belum benar.", fields);
        var row = new EventFollowUp
        {
            EventId = e.Id, RegionCode = e.RegionCode, Title = input.Title!.Trim(), OwnerUserId = string.IsNullOrWhiteSpace(input.OwnerUserId) ? null : input.OwnerUserId,
            OwnerName = ownerName!, DueDate = input.DueDate!.Value, Status = FollowUpStatus.Open, CreatedAt = clock.GetUtcNow(),
        };
        db.EventFollowUps.Add(row);
        if (await EventLoad.SaveAsync(db, actor, e, clock, ct) is { } failed) return failed;
        if (row.OwnerUserId is not null) await EventNotifications.FollowUpAsync(db, actor, e, row, clock, ct);
        return row.Id;
    }
}

public sealed record FollowUpStatusRequest
{
    public FollowUpStatus? Status { get; init; }
}

/// <summary>The owner (or the organiser) marks a follow-up done or open again.</summary>
public static class SetFollowUpStatus
{
    public static async Task<Result<FollowUpStatus>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, Guid followUpId, FollowUpStatusRequest request, TimeProvider clock,
        CancellationToken ct = default)
    {
        var e = await EventLoad.VisibleAsync(db, actor, id, ct);
        var row = e?.FollowUps.FirstOrDefault(f => f.Id == followUpId);
        // The owner may not otherwise see the event (a user of another region named later): their own task is enough.
        if (row is null)
        {
            row = await db.EventFollowUps.FirstOrDefaultAsync(f => f.Id == followUpId && f.EventId == id && f.OwnerUserId == actor.UserId, ct);
            if (row is null) return new NotFoundError("Tindak lanjut tidak ditemukan.");
        }
        if (row.OwnerUserId != actor.UserId && (e is null || !EventAccess.Manages(actor, e)))
            return new ForbiddenError("Hanya penanggung jawab tindak lanjut atau penyelenggara kegiatan yang dapat mengubah statusnya.");
        if (request.Status is not { } s || !Enum.IsDefined(s)) return ValidationError.Of("status", "Pilih status: Open (terbuka) atau Done (selesai).");
        row.Status = s;
        row.DoneAt = s == FollowUpStatus.Done ? clock.GetUtcNow() : null;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return s;
    }
}

public sealed record EventMaterialRequest
{
    [StringLength(300, ErrorMessage = "Judul paling banyak 300 karakter.")] public string? Title { get; init; }
    public byte[]? Content { get; init; }
    public string? FileName { get; init; }
}

/// <summary>Attaches a material (bahan paparan, undangan, daftar hadir bertanda tangan) with the same content checks as every upload.</summary>
public static class AttachEventMaterial
{
    public static async Task<Result<Guid>> HandleAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, EventMaterialRequest request, TimeProvider clock,
        CancellationToken ct = default)
    {
        var found = await EventLoad.ManagedAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var e = found.Value!;
        if (e.Status == EventStatus.Cancelled) return new ConflictError("Kegiatan sudah dibatalkan.");
        var fields = AgreementRules.Annotations(request).GroupBy(x => x.field).ToDictionary(g => g.Key, g => g.Select(x => x.message).ToArray());
        if (request.Content is null) fields["file"] = ["Pilih berkas bahan (PDF, DOCX, PNG atau JPEG)."];
        if (fields.Count > 0) return new ValidationError("Data bahan belum benar.", fields);
        if (request.Content!.Length == 0) return ValidationError.Of("file", "Berkas kosong. Unggah berkas PDF, DOCX, PNG atau JPEG.");
        if (request.Content.LongLength > files.MaxBytes) return new TooLargeError(FileStore.TooLargeText(files.MaxBytes));
        var type = FileSniffer.Detect(request.Content);
        if (type is null) return ValidationError.Of("file", "Jenis berkas tidak diterima. Isi berkas harus PDF, DOCX, PNG atau JPEG.");
        if (FileSniffer.Refusal(request.Content, type) is { } refused) return ValidationError.Of("file", refused);
        var blob = await db.StoreAsync(files, request.Content, type, clock, ct);
        var row = new EventMaterial
        {
            EventId = e.Id, RegionCode = e.RegionCode, Title = string.IsNullOrWhiteSpace(request.Title) ? "Bahan kegiatan" : request.Title.Trim(),
            FileSha256 = blob.Sha256, FileName = Proposals.AttachProposalFile.SafeName(request.FileName, blob.Extension), ContentType = blob.ContentType, FileSize = blob.Size,
            UploadedBy = actor.UserName, CreatedAt = clock.GetUtcNow(),
        };
        db.EventMaterials.Add(row);
        if (await EventLoad.SaveAsync(db, actor, e, clock, ct) is { } failed) return failed;
        return row.Id;
    }
}

/// <summary>Downloads a material or the berita acara of an event the actor sees.</summary>
public static class DownloadEventFile
{
    public static async Task<Result<DownloadableFile>> MaterialAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, Guid materialId, CancellationToken ct = default)
    {
        if (!await db.Events.VisibleTo(actor).AnyAsync(e => e.Id == id, ct)) return new NotFoundError("Bahan tidak ditemukan.");
        var m = await db.EventMaterials.AsNoTracking().FirstOrDefaultAsync(x => x.Id == materialId && x.EventId == id, ct);
        if (m is null) return new NotFoundError("Bahan tidak ditemukan.");
        var bytes = await files.ReadAsync(m.FileSha256, ct);
        if (!bytes.Ok) return bytes.Error!;
        return new DownloadableFile(new MemoryStream(bytes.Value!, writable: false), m.FileName, m.ContentType);
    }

    public static async Task<Result<DownloadableFile>> BeritaAcaraAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        var e = await db.Events.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return EventLoad.NotFound;
        if (e.BeritaAcaraSha256 is null) return new NotFoundError("Berita acara belum disusun.");
        var bytes = await files.ReadAsync(e.BeritaAcaraSha256, ct);
        if (!bytes.Ok) return bytes.Error!;
        return new DownloadableFile(new MemoryStream(bytes.Value!, writable: false), e.BeritaAcaraFileName ?? "berita-acara", e.BeritaAcaraContentType ?? "application/octet-stream");
    }
}
