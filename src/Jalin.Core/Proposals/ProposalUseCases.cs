using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Proposals;

/// <summary>Creates an usulan in Draf for the actor's OPD (an officer names the OPD), numbered for the region and year.</summary>
public static class CreateProposal
{
    public static async Task<Result<Guid>> HandleAsync(JalinDb db, CurrentActor actor, ProposalInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (!ProposalAccess.CanCreate(actor))
            return new ForbiddenError("Hanya perangkat daerah (OPD) dan petugas Bagian Kerja Sama yang dapat membuat usulan kerja sama.");
        var region = actor.RegionCode!;
        if (actor.Role == Role.AgencyUser && input.AgencyId is { } other && other != actor.AgencyId)
            return ValidationError.Of("agencyId", "Perangkat daerah hanya dapat membuat usulan atas nama perangkat daerahnya sendiri.");
        var agencyId = actor.Role == Role.AgencyUser ? actor.AgencyId : input.AgencyId;
        if (agencyId is null) return ValidationError.Of("agencyId", "Pilih perangkat daerah pemrakarsa.");
        var error = await ProposalRules.ValidateAsync(db, region, input with { AgencyId = agencyId }, ct);
        if (error is not null) return error;

        var now = clock.GetUtcNow();
        var (number, year, sequence) = await ProposalNumbering.NextAsync(db, region, clock, ct);
        var proposal = new Proposal
        {
            RegionCode = region, Number = number, NumberYear = year, NumberSequence = sequence, Status = ProposalStatus.Draft, Title = input.Title!.Trim(),
            AgencyId = agencyId.Value, AgencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).FirstAsync(ct),
            CreatedBy = actor.UserName, CreatedAt = now, UpdatedAt = now,
        };
        await ProposalRules.ApplyAsync(db, proposal, input, ct);
        proposal.History.Add(ProposalHistories.Row(proposal, "create", ProposalStatus.Draft, ProposalStatus.Draft, actor, now, "Usulan dibuat"));
        db.ActingAs(actor).Proposals.Add(proposal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new ConflictError("Nomor usulan baru saja dipakai usulan lain. Simpan sekali lagi.");
        }
        return proposal.Id;
    }
}

/// <summary>Edits an usulan in Draf or Perlu perbaikan; refuses a stale version (409).</summary>
public static class UpdateProposal
{
    public static async Task<Result<int>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, int expectedVersion, ProposalInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var p = await db.Proposals.VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new NotFoundError("Usulan tidak ditemukan.");
        if (ProposalAccess.EditRefusal(actor, p) is { } refusal)
            return p.IsEditable ? new ForbiddenError(refusal) : new ConflictError(refusal);
        if (p.Version != expectedVersion) return new ConflictError("Usulan ini telah diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.");
        if (actor.Role == Role.AgencyUser && input.AgencyId is { } other && other != p.AgencyId)
            return ValidationError.Of("agencyId", "Perangkat daerah pemrakarsa tidak dapat diganti oleh OPD.");
        var agencyId = input.AgencyId ?? p.AgencyId;
        var error = await ProposalRules.ValidateAsync(db, p.RegionCode, input with { AgencyId = agencyId }, ct);
        if (error is not null) return error;
        await ProposalRules.ApplyAsync(db, p, input, ct);
        if (agencyId != p.AgencyId)
        {
            p.AgencyId = agencyId;
            p.AgencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).FirstAsync(ct);
        }
        p.Touch(clock.GetUtcNow());
        db.ActingAs(actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("Usulan ini telah diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.");
        }
        return p.Version;
    }
}

public sealed record ProposalActionRequest
{
    [StringLength(4000, ErrorMessage = "Catatan paling banyak 4000 karakter.")] public string? Note { get; init; }
    /// <summary>Assess: the TKKSD's result.</summary>
    public AssessmentResult? Result { get; init; }
    /// <summary>Recommend: the kind of cooperation.</summary>
    public CooperationKind? Kind { get; init; }
    /// <summary>Recommend: not a kerja sama daerah (with the reason in <see cref="Note"/>).</summary>
    public bool NotRegionalCooperation { get; init; }
}

public sealed record ProposalMoved(Guid Id, ProposalStatus Status, string StatusLabel, int Version);

/// <summary>Makes one move of <see cref="ProposalTable"/> and writes its history row.</summary>
public static class ApplyProposalAction
{
    public static async Task<Result<ProposalMoved>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, ProposalAction action, ProposalActionRequest request, TimeProvider clock, CancellationToken ct = default)
    {
        var p = await db.Proposals.VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new NotFoundError("Usulan tidak ditemukan.");
        if (!Enum.IsDefined(action)) return ValidationError.Of("action", "Aksi usulan tidak dikenal.");
        var move = ProposalTable.Of(action);
        if (ProposalTable.Refusal(actor, p, action) is { } refusal)
            return !move.Roles.Contains(actor.Role) || (actor.Role == Role.AgencyUser && actor.AgencyId != p.AgencyId)
                ? new ForbiddenError(refusal)
                : move.From.Contains(p.Status) ? ValidationError.Of("status", refusal) : new ConflictError(refusal);

        var fields = AgreementRules.Annotations(request).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (move.NoteRequired && note is null)
            fields["note"] = [action switch
            {
                ProposalAction.Return => "Tulis catatan perbaikan untuk perangkat daerah.",
                ProposalAction.Reject => "Tulis alasan penolakan.",
                _ => "Tulis ringkasan hasil kajian TKKSD.",
            }];
        if (action == ProposalAction.Assess && (request.Result is not { } r || !Enum.IsDefined(r)))
            fields["result"] = ["Pilih hasil kajian: Feasible (layak), FeasibleWithRevision (layak dengan perbaikan) atau NotFeasible (tidak layak)."];
        if (action == ProposalAction.Recommend)
        {
            if (request.NotRegionalCooperation)
            {
                if (request.Kind is not null) fields["kind"] = ["Pilih jenis kerja sama atau \"bukan kerja sama daerah\", tidak keduanya."];
                if (note is null) fields["note"] = ["Tulis alasan usulan ini bukan kerja sama daerah."];
            }
            else if (request.Kind is not { } k || !Enum.IsDefined(k))
                fields["kind"] = ["Pilih jenis kerja sama yang direkomendasikan (KSDD wajib/sukarela, KSDPK, KSDPL, KSDLL, Sinergi) atau nyatakan bukan kerja sama daerah."];
        }
        if (fields.Count > 0) return new ValidationError("Data tindakan belum benar.", fields);

        var now = clock.GetUtcNow();
        var from = p.Status;
        p.Status = move.To;
        var historyNote = note;
        switch (action)
        {
            case ProposalAction.Assess:
                p.Assessment = request.Result;
                p.AssessmentNote = note;
                historyNote = $"Hasil kajian: {request.Result!.Value.Label()}. {note}";
                // A result other than the members' majority stays visible in the history (the team's own decision is kept).
                if (await Tkksd.ProposalAssessment.TeamResultAsync(db, p.Id, ct) is { Result: { } team, Submitted: var n } && team != request.Result)
                    historyNote += $" Berbeda dari mayoritas penilaian {n} anggota TKKSD ({team.Label()}).";
                break;
            case ProposalAction.Recommend:
                p.NotRegionalCooperation = request.NotRegionalCooperation;
                p.RecommendedKind = request.NotRegionalCooperation ? null : request.Kind;
                p.DecisionNote = note;
                historyNote = (request.NotRegionalCooperation ? "Bukan kerja sama daerah" : "Direkomendasikan sebagai " + request.Kind!.Value.ShortLabel())
                    + (note is null ? "" : ". " + note);
                break;
            case ProposalAction.Reject or ProposalAction.Return:
                p.DecisionNote = note;
                break;
        }
        var history = ProposalHistories.Row(p, action.Code(), from, move.To, actor, now, historyNote ?? action.Label());
        db.ProposalHistories.Add(history);
        p.Touch(now);
        db.ActingAs(actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("Usulan ini telah diubah orang lain. Muat ulang halaman lalu ulangi.");
        }
        await ProposalNotifications.SendAsync(db, actor, p, action, history, clock, ct);
        return new ProposalMoved(p.Id, p.Status, p.Status.Label(), p.Version);
    }
}

internal static class ProposalHistories
{
    public static ProposalHistory Row(Proposal p, string action, ProposalStatus from, ProposalStatus to, CurrentActor actor, DateTimeOffset at, string? note,
        long id = 0) => new()
    {
        Id = id, ProposalId = p.Id, Action = action, FromStatus = from, ToStatus = to, ActorUserId = actor.UserId, ActorName = actor.FullName,
        ActorRole = actor.Role.Label(), ActorRegionCode = actor.RegionCode, At = at, Note = note,
        ActorAgencyName = actor.Role == Role.AgencyUser && actor.AgencyId == p.AgencyId ? p.AgencyName : null,
    };
}

public sealed record AttachProposalFileRequest
{
    public ProposalAttachmentKind? Kind { get; init; }
    [StringLength(300, ErrorMessage = "Judul paling banyak 300 karakter.")] public string? Title { get; init; }
    public byte[]? Content { get; init; }
    public string? FileName { get; init; }
}

public sealed record ProposalAttachmentView(Guid Id, ProposalAttachmentKind Kind, string KindLabel, string Title, string FileName, string ContentType, long FileSize,
    string Sha256, string? UploadedBy, DateTimeOffset CreatedAt);

/// <summary>Attaches a KAK, studi kelayakan, surat penawaran or other paper to an editable usulan, with the
/// same content checks as an agreement document (<see cref="AttachDocument"/>).</summary>
public static class AttachProposalFile
{
    public static async Task<Result<ProposalAttachmentView>> HandleAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, AttachProposalFileRequest request, TimeProvider clock, CancellationToken ct = default)
    {
        var p = await db.Proposals.VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new NotFoundError("Usulan tidak ditemukan.");
        if (ProposalAccess.EditRefusal(actor, p) is { } refusal)
            return p.IsEditable ? new ForbiddenError(refusal) : new ConflictError(refusal);
        var fields = AgreementRules.Annotations(request).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
            fields["kind"] = [$"Jenis lampiran tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetNames<ProposalAttachmentKind>())}."];
        if (request.Content is null) fields["file"] = ["Pilih berkas lampiran (PDF, DOCX, PNG atau JPEG)."];
        if (fields.Count > 0) return new ValidationError("Data lampiran belum benar.", fields);
        if (request.Content!.Length == 0) return ValidationError.Of("file", "Berkas kosong. Unggah berkas PDF, DOCX, PNG atau JPEG.");
        if (request.Content.LongLength > files.MaxBytes) return new TooLargeError(FileStore.TooLargeText(files.MaxBytes));
        var type = FileSniffer.Detect(request.Content);
        if (type is null) return ValidationError.Of("file", "Jenis berkas tidak diterima. Isi berkas harus PDF, DOCX, PNG atau JPEG.");
        if (FileSniffer.Refusal(request.Content, type) is { } refused) return ValidationError.Of("file", refused);
        var blob = await db.StoreAsync(files, request.Content, type, clock, ct);
        var attachment = new ProposalAttachment
        {
            ProposalId = p.Id, Kind = request.Kind!.Value, Title = string.IsNullOrWhiteSpace(request.Title) ? request.Kind.Value.Label() : request.Title.Trim(),
            FileSha256 = blob.Sha256, FileName = SafeName(request.FileName, blob.Extension), ContentType = blob.ContentType, FileSize = blob.Size,
            UploadedBy = actor.UserName, CreatedAt = clock.GetUtcNow(),
        };
        db.ActingAs(actor).ProposalAttachments.Add(attachment);
        p.Touch(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return GetProposal.ToView(attachment);
    }

    internal static string SafeName(string? name, string extension)
    {
        var baseName = Path.GetFileNameWithoutExtension(name ?? "lampiran");
        var clean = new string(baseName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' ? c : '_').ToArray()).Trim();
        if (clean.Length == 0) clean = "lampiran";
        if (clean.Length > 120) clean = clean[..120];
        return clean + extension;
    }
}

public static class DownloadProposalFile
{
    public static async Task<Result<DownloadableFile>> HandleAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, Guid attachmentId, CancellationToken ct = default)
    {
        if (!await db.Proposals.VisibleTo(actor).AnyAsync(x => x.Id == id, ct)) return new NotFoundError("Lampiran tidak ditemukan.");
        var a = await db.ProposalAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.ProposalId == id, ct);
        if (a is null) return new NotFoundError("Lampiran tidak ditemukan.");
        var bytes = await files.ReadAsync(a.FileSha256, ct);
        if (!bytes.Ok) return bytes.Error!;
        return new DownloadableFile(new MemoryStream(bytes.Value!, writable: false), a.FileName, a.ContentType);
    }
}
