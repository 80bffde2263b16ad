using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Notifications;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Facilitation;

public sealed record FacilitationInput
{
    /// <summary>The serving region (kode wilayah). Empty for an OPD: its own region.</summary>
    public string? RegionCode { get; init; }
    public FacilitationKind? Kind { get; init; }
    [StringLength(300, ErrorMessage = "Judul paling banyak 300 karakter.")] public string? Title { get; init; }
    [StringLength(4000, ErrorMessage = "Uraian paling banyak 4000 karakter.")] public string? Description { get; init; }
    public Guid? AgreementId { get; init; }
    public Guid? ProposalId { get; init; }
    public Guid? MappingRoundId { get; init; }
    /// <summary>Koordinasi teknis: the other kab/kota of the mandatory cooperation.</summary>
    public string? CounterpartRegionCode { get; init; }
}

/// <summary>The region's facilitation settings (pengaturan daerah): the target in working days.</summary>
public static class FacilitationSettings
{
    public const string TargetKey = "facilitation.targetWorkingDays";
    public const int DefaultTargetWorkingDays = 5;

    public static async Task<int> TargetWorkingDaysAsync(JalinDb db, string region, CancellationToken ct)
    {
        var raw = await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == region && s.Key == TargetKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 60 ? n : DefaultTargetWorkingDays;
    }
}

/// <summary>Files a request with a region's facilitation desk, numbered FAS/{year}/{seq} for that region, with a
/// target date counted in the serving region's working days (national holidays, cuti bersama and its own holidays).</summary>
public static class CreateFacilitationRequest
{
    public const string NumberPrefix = "FAS";

    public static async Task<Result<Guid>> HandleAsync(JalinDb db, CurrentActor actor, FacilitationInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var fields = AgreementRules.Annotations(input).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            fields["kind"] = [$"Pilih jenis fasilitasi: {string.Join(", ", Enum.GetValues<FacilitationKind>().Select(k => $"{k} ({k.Label().ToLowerInvariant()})"))}."];
            kind = FacilitationKind.Consultation;
        }
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length < 5) fields.TryAdd("title", ["Tulis judul permohonan (paling sedikit 5 karakter)."]);
        if (string.IsNullOrWhiteSpace(input.Description)) fields.TryAdd("description", ["Uraikan apa yang Anda mohonkan."]);
        var region = string.IsNullOrWhiteSpace(input.RegionCode) ? actor.Role == Role.AgencyUser ? actor.RegionCode : null : input.RegionCode.Trim();
        if (region is null) fields["regionCode"] = ["Pilih daerah yang Anda mohon memberi fasilitasi."];
        else if (!await db.Regions.AnyAsync(r => r.Code == region, ct)) fields["regionCode"] = ["Daerah tidak dikenal."];
        if (fields.Count > 0) return new ValidationError("Data permohonan belum benar.", fields);
        if (FacilitationAccess.CreateRefusal(actor, region!, kind) is { } refusal) return new ForbiddenError(refusal);

        // links: only to what the requester may see
        if (input.AgreementId is { } aid && !await db.Agreements.VisibleTo(actor).AnyAsync(a => a.Id == aid, ct)) fields["agreementId"] = ["Kerja sama tidak ditemukan."];
        if (input.ProposalId is { } pid && !await db.Proposals.VisibleTo(actor).AnyAsync(p => p.Id == pid, ct)) fields["proposalId"] = ["Usulan tidak ditemukan."];
        if (input.MappingRoundId is { } mid && !await db.MappingRounds.AnyAsync(m => m.Id == mid && (m.RegionCode == actor.RegionCode || m.RegionCode == region), ct))
            fields["mappingRoundId"] = ["Putaran pemetaan tidak ditemukan."];
        string? counterpart = string.IsNullOrWhiteSpace(input.CounterpartRegionCode) ? null : input.CounterpartRegionCode.Trim();
        if (kind == FacilitationKind.MandatoryCoordination)
        {
            if (counterpart is null) fields["counterpartRegionCode"] = ["Pilih kabupaten/kota mitra kerja sama wajib yang dibahas dalam koordinasi teknis."];
            else if (counterpart == actor.RegionCode || !counterpart.StartsWith(region + ".", StringComparison.Ordinal) || !await db.Regions.AnyAsync(r => r.Code == counterpart, ct))
                fields["counterpartRegionCode"] = ["Mitra koordinasi teknis harus kabupaten/kota lain di provinsi yang sama (PP 28/2018 Pasal 5 ayat (2) huruf a)."];
            // Kerja sama wajib is between bordering regions (PP 28/2018 Pasal 3 ayat (2)). Regions with no land neighbour in the
            // bordering data (islands bordering by sea only) are not refused: the data cannot show their borders.
            else if (actor.RegionCode is { } own && !Regions.Borders.Border(own, counterpart)
                     && Regions.Borders.Neighbours(own).Count > 0 && Regions.Borders.Neighbours(counterpart).Count > 0)
            {
                var names = await db.Regions.AsNoTracking().Where(r => r.Code == own || r.Code == counterpart).ToDictionaryAsync(r => r.Code, r => r.FullName, ct);
                fields["counterpartRegionCode"] = [$"Kerja sama wajib dilaksanakan oleh daerah yang berbatasan (PP 28/2018 Pasal 3 ayat (2)); {names.GetValueOrDefault(own, own)} tidak berbatasan dengan {names.GetValueOrDefault(counterpart, counterpart)}. Pilih daerah yang berbatasan."];
            }
        }
        else if (counterpart is not null) fields["counterpartRegionCode"] = ["Daerah mitra hanya diisi untuk koordinasi teknis kerja sama wajib."];
        if (fields.Count > 0) return new ValidationError("Data permohonan belum benar.", fields);

        var now = clock.GetUtcNow();
        var today = Wib.Today(clock);
        var days = await FacilitationSettings.TargetWorkingDaysAsync(db, region!, ct);
        var settings = await LifecycleContexts.SettingsAsync(db, region!, ct);
        var due = (await LifecycleContexts.CalendarAsync(db, settings, region!, ct)).AddWorkingDaysChecked(today, days);
        var year = today.Year;
        var last = await db.FacilitationRequests.Where(r => r.RegionCode == region && r.NumberYear == year).MaxAsync(r => (int?)r.NumberSequence, ct) ?? 0;
        string? agencyName = actor.AgencyId is { } ag && actor.Role == Role.AgencyUser ? await db.Agencies.Where(a => a.Id == ag).Select(a => a.Name).FirstOrDefaultAsync(ct) : null;
        var request = new FacilitationRequest
        {
            RegionCode = region!, Number = $"{NumberPrefix}/{year}/{last + 1:0000}", NumberYear = year, NumberSequence = last + 1, Kind = kind,
            Status = FacilitationStatus.Submitted, Title = input.Title!.Trim(), Description = input.Description!.Trim(),
            RequesterUserId = actor.UserId, RequesterName = actor.FullName, RequesterRole = actor.Role, RequesterRegionCode = actor.RegionCode,
            RequesterAgencyId = actor.Role == Role.AgencyUser ? actor.AgencyId : null, RequesterAgencyName = agencyName,
            RequesterPartnerId = actor.Role == Role.PartnerUser ? actor.PartnerId : null,
            SubmittedOn = today, DueOn = due.Date, TargetWorkingDays = days, DueNote = due.Note,
            AgreementId = input.AgreementId, ProposalId = input.ProposalId, MappingRoundId = input.MappingRoundId, CounterpartRegionCode = counterpart,
            CreatedAt = now, UpdatedAt = now,
        };
        request.History.Add(FacilitationHistories.Row(request, "create", FacilitationStatus.Submitted, FacilitationStatus.Submitted, actor, now, "Permohonan diajukan"));
        db.ActingAs(actor).FacilitationRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new ConflictError("Nomor permohonan baru saja dipakai permohonan lain. Kirim sekali lagi.");
        }
        await FacilitationNotifications.SubmittedAsync(db, actor, request, clock, ct);
        return request.Id;
    }
}

public sealed record FacilitationActionRequest
{
    [StringLength(4000, ErrorMessage = "Catatan paling banyak 4000 karakter.")] public string? Note { get; init; }
    /// <summary>Take: the officer who handles it (a user id of the serving region's officers); empty: the actor.</summary>
    public string? OfficerUserId { get; init; }
    [StringLength(4000, ErrorMessage = "Pemetaan yang dibahas paling banyak 4000 karakter.")] public string? CoordinationMapping { get; init; }
    public DateOnly? HeadsAgreementDate { get; init; }
    [StringLength(200, ErrorMessage = "Nomor kesepakatan paling banyak 200 karakter.")] public string? HeadsAgreementReference { get; init; }
}

public sealed record FacilitationMoved(Guid Id, FacilitationStatus Status, string StatusLabel, int Version);

/// <summary>Makes one move of <see cref="FacilitationTable"/>, writes its history row and tells the other side.</summary>
public static class ApplyFacilitationAction
{
    public static async Task<Result<FacilitationMoved>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, FacilitationAction action, FacilitationActionRequest request,
        TimeProvider clock, CancellationToken ct = default)
    {
        var r = await db.FacilitationRequests.VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new NotFoundError("Permohonan fasilitasi tidak ditemukan.");
        if (!Enum.IsDefined(action)) return ValidationError.Of("action", "Tindakan tidak dikenal.");
        if (FacilitationTable.Refusal(actor, r, action) is { } refusal)
            return refusal.Forbidden ? new ForbiddenError(refusal.Message) : new ConflictError(refusal.Message);
        var move = FacilitationTable.Of(action);
        var fields = AgreementRules.Annotations(request).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (move.NoteRequired && note is null)
            fields.TryAdd("note", [action switch
            {
                FacilitationAction.Reject => "Tulis alasan penolakan.",
                FacilitationAction.AskRequester => "Tulis apa yang Anda perlukan dari pemohon.",
                _ => "Tulis hasil fasilitasi.",
            }]);
        string? officerId = null, officerName = null;
        if (action == FacilitationAction.Take)
        {
            officerId = string.IsNullOrWhiteSpace(request.OfficerUserId) ? actor.UserId : request.OfficerUserId.Trim();
            officerName = officerId == actor.UserId ? actor.FullName
                : await db.Users.Where(u => u.Id == officerId && u.IsActive && u.Role == Role.CooperationOfficer && u.RegionCode == r.RegionCode).Select(u => u.FullName).FirstOrDefaultAsync(ct);
            if (officerName is null) fields["officerUserId"] = ["Petugas harus petugas Bagian Kerja Sama aktif di daerah yang melayani permohonan ini."];
        }
        var mapping = string.IsNullOrWhiteSpace(request.CoordinationMapping) ? null : request.CoordinationMapping.Trim();
        var reference = string.IsNullOrWhiteSpace(request.HeadsAgreementReference) ? null : request.HeadsAgreementReference.Trim();
        if (action == FacilitationAction.Complete && r.Kind == FacilitationKind.MandatoryCoordination)
        {
            // PP 28/2018 Pasal 5 ayat (2)-(3): the mapping discussed and the heads' agreement on it.
            if (mapping is null) fields.TryAdd("coordinationMapping", ["Tulis pemetaan urusan yang dibahas dalam koordinasi teknis (PP 28/2018 Pasal 5 ayat (2))."]);
            if (request.HeadsAgreementDate is not { } date) fields["headsAgreementDate"] = ["Isi tanggal kesepakatan kepala daerah atas hasil koordinasi teknis (PP 28/2018 Pasal 5 ayat (3))."];
            else if (date > Wib.Today(clock)) fields["headsAgreementDate"] = ["Tanggal kesepakatan kepala daerah tidak boleh di masa depan."];
            if (reference is null) fields.TryAdd("headsAgreementReference", ["Isi nomor atau rujukan kesepakatan kepala daerah."]);
        }
        else if (mapping is not null || request.HeadsAgreementDate is not null || reference is not null)
            fields["coordinationMapping"] = ["Pemetaan dan kesepakatan kepala daerah hanya dicatat saat menyelesaikan koordinasi teknis kerja sama wajib."];
        if (fields.Count > 0) return new ValidationError("Data tindakan belum benar.", fields);

        var now = clock.GetUtcNow();
        var from = r.Status;
        r.Status = move.To;
        switch (action)
        {
            case FacilitationAction.Take:
                r.OfficerUserId = officerId;
                r.OfficerName = officerName;
                note ??= $"Ditangani {officerName}";
                break;
            case FacilitationAction.Complete:
                r.Outcome = note;
                r.CoordinationMapping = mapping;
                r.HeadsAgreementDate = request.HeadsAgreementDate;
                r.HeadsAgreementReference = reference;
                r.ClosedAt = now;
                if (r.OfficerUserId is null) (r.OfficerUserId, r.OfficerName) = (actor.UserId, actor.FullName);
                break;
            case FacilitationAction.Reject:
                r.Outcome = note;
                r.ClosedAt = now;
                break;
        }
        var row = FacilitationHistories.Row(r, action.Code(), from, move.To, actor, now, note ?? action.Label());
        db.FacilitationHistory.Add(row);
        r.Touch(now);
        db.ActingAs(actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("Permohonan ini telah diubah orang lain. Muat ulang halaman lalu ulangi.");
        }
        await FacilitationNotifications.MovedAsync(db, actor, r, action, row, clock, ct);
        return new FacilitationMoved(r.Id, r.Status, r.Status.Label(), r.Version);
    }
}

internal static class FacilitationHistories
{
    public static FacilitationHistory Row(FacilitationRequest r, string action, FacilitationStatus from, FacilitationStatus to, CurrentActor actor, DateTimeOffset at, string? note) => new()
    {
        RequestId = r.Id, RegionCode = r.RegionCode, Action = action, FromStatus = from, ToStatus = to, ActorUserId = actor.UserId, ActorName = actor.FullName, At = at, Note = note,
    };
}

/// <summary>Who hears of a request: a new one goes to the serving region's Bagian Kerja Sama; every move to the
/// other side (the desk's moves to the requester; the requester's answer to the officer). Never the actor.</summary>
internal static class FacilitationNotifications
{
    public static Recipients Requester(FacilitationRequest r) => r.RequesterRole switch
    {
        Role.AgencyUser when r.RequesterAgencyId is { } a => Recipients.Users(r.RequesterUserId).And(Recipients.Agency(a)),
        Role.CooperationOfficer when r.RequesterRegionCode is { } reg => Recipients.Users(r.RequesterUserId).And(Recipients.RoleIn(reg, Role.CooperationOfficer)),
        _ => Recipients.Users(r.RequesterUserId),
    };

    public static Recipients Desk(FacilitationRequest r) =>
        r.OfficerUserId is { } o ? Recipients.Users(o) : Recipients.RoleIn(r.RegionCode, Role.CooperationOfficer);

    public static Recipients Everyone(FacilitationRequest r) => Requester(r).And(Desk(r));

    public static bool CanSee(FacilitationRequest r, CurrentActor who) => new[] { r }.AsQueryable().VisibleTo(who).Any();

    public static async Task SubmittedAsync(JalinDb db, CurrentActor actor, FacilitationRequest r, TimeProvider clock, CancellationToken ct)
    {
        var message = new NotificationMessage(NotificationKind.Assigned, $"Permohonan fasilitasi baru {r.Number}: {r.Title}", $"{r.Kind.Label()} dari {r.RequesterAgencyName ?? r.RequesterName}",
            $"/app/fasilitasi/{r.Id}", NotificationSubjects.FacilitationRequest, r.Id.ToString(), "create");
        await Notify.SendAsync(db, actor, message, Recipients.RoleIn(r.RegionCode, Role.CooperationOfficer), clock, who => CanSee(r, who), ct);
    }

    public static async Task MovedAsync(JalinDb db, CurrentActor actor, FacilitationRequest r, FacilitationAction action, FacilitationHistory row, TimeProvider clock, CancellationToken ct)
    {
        var (kind, title, to) = action switch
        {
            FacilitationAction.Take => (NotificationKind.Decision, $"Permohonan {r.Number} diproses oleh {r.OfficerName}", Requester(r).And(Recipients.Users(r.OfficerUserId!))),
            FacilitationAction.AskRequester => (NotificationKind.RequestAnswered, $"Petugas menunggu tanggapan Anda atas permohonan {r.Number}", Requester(r)),
            FacilitationAction.Respond => (NotificationKind.RequestAnswered, $"Pemohon menanggapi permohonan {r.Number}", Desk(r)),
            FacilitationAction.Complete => (NotificationKind.Decision, $"Permohonan {r.Number} selesai", Requester(r)),
            _ => (NotificationKind.Decision, $"Permohonan {r.Number} ditolak", Requester(r)),
        };
        var message = new NotificationMessage(kind, title, row.Note, $"/app/fasilitasi/{r.Id}", NotificationSubjects.FacilitationRequest, r.Id.ToString(), row.Id.ToString());
        await Notify.SendAsync(db, actor, message, to, clock, who => CanSee(r, who), ct);
    }
}
