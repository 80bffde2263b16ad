using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Notifications;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.PartnerPortal;

public sealed record PortalRequestView(Guid Id, string Message, string RequestedBy, DateTimeOffset RequestedAt, string? AnswerText, string? AnswerFiles, DateTimeOffset? AnsweredAt);

public sealed record PortalEventView(DateTimeOffset At, string Text);

/// <summary>What the sender sees on /mitra/status/{token}: the state in words for an outsider, the history of
/// state changes (no internal notes, no names of officers), and the region's requests for more documents.</summary>
public sealed record PortalStatusView(string TrackingNumber, string RegionName, string OrganizationName, string Title, ProposalStatus Status,
    string StatusText, DateTimeOffset SubmittedAt, IReadOnlyList<string> Files, IReadOnlyList<PortalEventView> History, IReadOnlyList<PortalRequestView> Requests);

public static class PortalStatusText
{
    /// <summary>The usulan's state in words for someone outside the region's government.</summary>
    public static string ForPartner(this ProposalStatus s) => s switch
    {
        ProposalStatus.Draft or ProposalStatus.Submitted => "Diterima; menunggu pemeriksaan kelengkapan oleh Bagian Kerja Sama",
        ProposalStatus.Verified => "Lengkap; sedang dikaji oleh Tim Koordinasi Kerja Sama Daerah",
        ProposalStatus.Assessed => "Selesai dikaji; menunggu keputusan daerah",
        ProposalStatus.Recommended => "Diterima untuk ditindaklanjuti sebagai rencana kerja sama",
        ProposalStatus.NeedsRevision => "Perlu dilengkapi; lihat permintaan dari daerah di bawah",
        ProposalStatus.Rejected => "Tidak dilanjutkan oleh daerah",
        _ => s.Label(),
    };
}

/// <summary>The sender's status page: found only by the token's hash; a wrong token is 404.</summary>
public static class GetPortalStatus
{
    public static async Task<Result<PortalStatusView>> HandleAsync(JalinDb db, string? token, CancellationToken ct = default)
    {
        var s = await FindAsync(db, token, ct);
        if (s is null) return new NotFoundError("Tautan status tidak dikenal. Periksa kembali tautan yang Anda terima saat mengirim pengajuan.");
        var p = await db.Proposals.AsNoTracking().Include(x => x.Attachments).Include(x => x.History).AsSplitQuery().FirstAsync(x => x.Id == s.ProposalId, ct);
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == s.RegionCode).Select(r => r.Name).FirstAsync(ct);
        var history = p.History.OrderBy(h => h.At).ThenBy(h => h.Id)
            .Where(h => h.Action == "portal-submit" || h.FromStatus != h.ToStatus)
            .Select(h => new PortalEventView(h.At, h.Action == "portal-submit" ? "Pengajuan diterima" : h.ToStatus.ForPartner()))
            .Concat(s.Requests.Select(r => new PortalEventView(r.RequestedAt, "Daerah meminta dokumen tambahan")))
            .Concat(s.Requests.Where(r => r.AnsweredAt is not null).Select(r => new PortalEventView(r.AnsweredAt!.Value, "Anda menjawab permintaan dokumen")))
            .OrderBy(e => e.At).ToList();
        return new PortalStatusView(s.TrackingNumber, region, s.OrganizationName, p.Title, p.Status, p.Status.ForPartner(), s.CreatedAt,
            p.Attachments.Where(a => a.UploadedBy == "portal-mitra").OrderBy(a => a.CreatedAt).Select(a => $"{a.Title}: {a.FileName}").ToList(),
            history, s.Requests.OrderBy(r => r.RequestedAt).Select(ToView).ToList());
    }

    internal static async Task<PortalSubmission?> FindAsync(JalinDb db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length is < 20 or > 100) return null;
        var hash = PortalTokens.Hash(token.Trim());
        return await db.PortalSubmissions.Include(x => x.Requests).FirstOrDefaultAsync(x => x.TokenHash == hash, ct);
    }

    public static PortalRequestView ToView(PortalRequest r) => new(r.Id, r.Message, r.RequestedBy, r.RequestedAt, r.AnswerText, r.AnswerFiles, r.AnsweredAt);
}

/// <summary>The sender answers an open request for more documents with text and files (checked by content; nothing is
/// stored when anything is refused). The files join the usulan's attachments; the officers are told.</summary>
public static class AnswerPortalRequest
{
    public const int MaxFiles = 3;

    public static async Task<Result<PortalRequestView>> HandleAsync(JalinDb db, FileStore files, string? token, Guid requestId, string? text,
        IReadOnlyList<(string? FileName, byte[] Content)> attachments, TimeProvider clock, CancellationToken ct = default)
    {
        var s = await GetPortalStatus.FindAsync(db, token, ct);
        if (s is null) return new NotFoundError("Tautan status tidak dikenal.");
        var r = s.Requests.FirstOrDefault(x => x.Id == requestId);
        if (r is null) return new NotFoundError("Permintaan dokumen tidak ditemukan.");
        if (r.AnsweredAt is not null) return new ConflictError("Permintaan ini sudah Anda jawab. Jika masih ada yang perlu dikirim, tunggu permintaan berikutnya dari daerah.");
        var answer = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (answer is null && attachments.Count == 0) return ValidationError.Of("answer", "Tulis jawaban atau lampirkan berkas yang diminta.");
        if (answer is { Length: > 4000 }) return ValidationError.Of("answer", "Jawaban paling banyak 4000 karakter.");
        if (attachments.Count > MaxFiles) return ValidationError.Of("files", $"Paling banyak {MaxFiles} berkas sekali jawab.");
        var kinds = new List<FileKind>();
        if (PortalRules.CheckFiles(attachments.Select(a => ("files", a.FileName, a.Content)), files.MaxBytes, kinds) is { } fileError) return fileError;

        var p = await db.Proposals.FirstAsync(x => x.Id == s.ProposalId, ct);
        var sender = PortalRules.Sender(s.TrackingNumber, s.ContactName, s.OrganizationName);
        var now = clock.GetUtcNow();
        var names = new List<string>();
        for (var i = 0; i < attachments.Count; i++)
        {
            var blob = await db.StoreAsync(files, attachments[i].Content, kinds[i], clock, ct);
            var name = AttachProposalFile.SafeName(attachments[i].FileName, blob.Extension);
            names.Add(name);
            db.ProposalAttachments.Add(new ProposalAttachment
            {
                ProposalId = p.Id, Kind = ProposalAttachmentKind.Other, Title = "Jawaban mitra atas permintaan dokumen", FileSha256 = blob.Sha256,
                FileName = name, ContentType = blob.ContentType, FileSize = blob.Size, UploadedBy = "portal-mitra", CreatedAt = now,
            });
        }
        r.AnswerText = answer;
        r.AnswerFiles = names.Count == 0 ? null : string.Join("; ", names);
        r.AnsweredAt = now;
        p.Touch(now);
        db.ActingAs(sender);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Pengajuan ini baru saja diubah. Muat ulang halaman lalu kirim lagi."); }
        var message = new NotificationMessage(NotificationKind.RequestAnswered, $"Mitra menjawab permintaan dokumen: {s.OrganizationName} ({s.TrackingNumber})",
            answer, $"/app/usulan/{p.Id}", NotificationSubjects.Proposal, p.Id.ToString(), "portal-answer-" + r.Id);
        await Notify.SendAsync(db, sender, message, Recipients.RoleIn(s.RegionCode, Role.CooperationOfficer), clock, ct: ct);
        return GetPortalStatus.ToView(r);
    }
}

public sealed record PortalDuplicateView(Guid PartnerId, string Name, string Reason);

/// <summary>The portal part of an usulan for the region's people: who sent it, the requests, probable duplicates of a
/// registered partner (the partner list's own check), and the partner account given to it.</summary>
public sealed record PortalInfo(Guid SubmissionId, string TrackingNumber, PartnerKind Kind, string KindLabel, string OrganizationName, string? Npwp, string? Nib,
    string? CountryCode, string? Address, string ContactName, string? ContactPosition, string Email, string Phone, DateTimeOffset CreatedAt,
    Guid? PartnerId, string? PartnerName, IReadOnlyList<PortalDuplicateView> Duplicates, IReadOnlyList<PortalRequestView> Requests,
    bool CanAct, IReadOnlyList<string> PartnerAccounts);

public static class GetPortalInfo
{
    /// <summary>Null when the usulan did not come from the portal; 404 when the actor may not see the usulan.</summary>
    public static async Task<Result<PortalInfo?>> HandleAsync(JalinDb db, CurrentActor actor, Guid proposalId, CancellationToken ct = default)
    {
        var p = await db.Proposals.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == proposalId, ct);
        if (p is null) return new NotFoundError("Usulan tidak ditemukan.");
        var s = await db.PortalSubmissions.AsNoTracking().Include(x => x.Requests).FirstOrDefaultAsync(x => x.ProposalId == proposalId, ct);
        if (s is null) return (PortalInfo?)null;
        var candidate = new Partner { Id = s.PartnerId ?? Guid.Empty, RegionCode = s.RegionCode, Name = s.OrganizationName, Nib = s.Nib, Npwp = s.Npwp };
        var duplicates = s.PartnerId is null
            ? (await PartnerRegistry.DuplicatesAsync(db, s.RegionCode, candidate, ct)).Select(d => new PortalDuplicateView(d.PartnerId, d.Name, d.Reason)).ToList()
            : [];
        var partnerName = s.PartnerId is { } pid ? await db.Partners.Where(x => x.Id == pid).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var accounts = s.PartnerId is { } id2
            ? await db.Users.AsNoTracking().Where(u => u.PartnerId == id2 && u.Role == Role.PartnerUser).Select(u => u.UserName!).ToListAsync(ct)
            : [];
        return new PortalInfo(s.Id, s.TrackingNumber, s.Kind, s.Kind.Label(), s.OrganizationName, s.Npwp, s.Nib, s.CountryCode, s.Address, s.ContactName,
            s.ContactPosition, s.Email, s.Phone, s.CreatedAt, s.PartnerId, partnerName, duplicates,
            s.Requests.OrderBy(r => r.RequestedAt).Select(GetPortalStatus.ToView).ToList(), PortalOfficer.Acts(actor, p), accounts);
    }
}

public sealed record PortalRequestInput
{
    [Required(ErrorMessage = "Tulis dokumen apa yang diminta."), StringLength(2000, MinimumLength = 5, ErrorMessage = "Permintaan 5 sampai 2000 karakter.")]
    public string? Message { get; init; }
}

public sealed record PortalLinkInput
{
    /// <summary>The registered partner to link; null with <see cref="Create"/> to create the partner from the submission.</summary>
    public Guid? PartnerId { get; init; }
    public bool Create { get; init; }
}

public sealed record PartnerAccountInput
{
    [Required(ErrorMessage = "Nama pengguna wajib diisi."), RegularExpression(@"^[a-z0-9][a-z0-9._-]{2,59}$", ErrorMessage = "Nama pengguna 3–60 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.")]
    public string? UserName { get; init; }
}

public sealed record PartnerAccountCreated(string UserName, string InitialPassword, Guid PartnerId);

/// <summary>The Bagian Kerja Sama's acts on a portal submission.</summary>
public static class PortalOfficer
{
    public static bool Acts(CurrentActor actor, Proposal p) => actor.Role == Role.CooperationOfficer && actor.RegionCode == p.RegionCode;

    private static async Task<(Proposal? P, PortalSubmission? S, Error? E)> LoadAsync(JalinDb db, CurrentActor actor, Guid proposalId, CancellationToken ct)
    {
        var p = await db.Proposals.VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == proposalId, ct);
        if (p is null) return (null, null, new NotFoundError("Usulan tidak ditemukan."));
        var s = await db.PortalSubmissions.Include(x => x.Requests).FirstOrDefaultAsync(x => x.ProposalId == proposalId, ct);
        if (s is null) return (null, null, new NotFoundError("Usulan ini tidak berasal dari portal mitra."));
        if (!Acts(actor, p)) return (null, null, new ForbiddenError("Hanya petugas Bagian Kerja Sama daerah tujuan yang dapat menindaklanjuti pengajuan portal mitra."));
        return (p, s, null);
    }

    /// <summary>Asks the sender for more documents; the request shows on the sender's status page.</summary>
    public static async Task<Result<PortalRequestView>> RequestDocumentsAsync(JalinDb db, CurrentActor actor, Guid proposalId, PortalRequestInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var (p, s, e) = await LoadAsync(db, actor, proposalId, ct);
        if (e is not null) return e;
        var fields = AgreementRules.Annotations(input).GroupBy(x => x.field).ToDictionary(g => g.Key, g => g.Select(x => x.message).ToArray());
        if (fields.Count > 0) return new ValidationError("Permintaan dokumen belum benar.", fields);
        if (p!.Status is ProposalStatus.Rejected or ProposalStatus.Recommended)
            return new ConflictError($"Usulan berstatus {p.Status.Label()}; permintaan dokumen tidak dikirim lagi.");
        if (s!.Requests.Any(r => r.AnsweredAt is null)) return new ConflictError("Masih ada permintaan yang belum dijawab mitra. Tunggu jawabannya sebelum meminta lagi.");
        var now = clock.GetUtcNow();
        var request = new PortalRequest { SubmissionId = s.Id, Message = input.Message!.Trim(), RequestedBy = actor.FullName, RequestedAt = now };
        db.PortalRequests.Add(request);
        db.ProposalHistories.Add(ProposalHistories.Row(p, "portal-request", p.Status, p.Status, actor, now, "Meminta dokumen tambahan kepada mitra: " + request.Message));
        p.Touch(now);
        Mail.MailOutbox.Add(db, PortalMail.DocumentsRequested(s, request, await PortalMail.RegionNameAsync(db, s.RegionCode, ct)), now);
        db.ActingAs(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Usulan ini telah diubah orang lain. Muat ulang halaman lalu ulangi."); }
        return GetPortalStatus.ToView(request);
    }

    /// <summary>Links the submission (and the usulan's partner candidate) to a registered partner of the region, or creates the
    /// partner from the submission's data through the partner registry.</summary>
    public static async Task<Result<Guid>> LinkPartnerAsync(JalinDb db, CurrentActor actor, Guid proposalId, PortalLinkInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var (p, s, e) = await LoadAsync(db, actor, proposalId, ct);
        if (e is not null) return e;
        if (input.Create == (input.PartnerId is not null)) return ValidationError.Of("partnerId", "Pilih mitra terdaftar atau buat mitra baru dari pengajuan ini, salah satu.");
        Guid partnerId;
        if (input.Create)
        {
            var created = await PartnerRegistry.CreateAsync(db, actor, new PartnerInput
            {
                Kind = s!.Kind, Name = s.OrganizationName, Nib = s.Nib, Npwp = s.Npwp, CountryCode = s.CountryCode ?? (s.Kind.IsForeign() ? null : "ID"),
                Address = s.Address, Email = s.Email, Phone = s.Phone,
                PartnerRegionCode = s.Kind == PartnerKind.Region ? null : null,
                Contacts = [new PartnerContact { Name = s.ContactName, Position = s.ContactPosition, Phone = s.Phone, Email = s.Email }],
            }, clock, ct);
            if (!created.Ok) return created.Error!.Message.Contains("Pilih daerah")
                ? ValidationError.Of("partnerId", "Pengaju daerah lain: tambahkan daerahnya di daftar mitra, lalu tautkan.") : created.Error!;
            partnerId = created.Value!.Partner.Id;
        }
        else
        {
            partnerId = input.PartnerId!.Value;
            if (!await db.Partners.AnyAsync(x => x.Id == partnerId && x.RegionCode == p!.RegionCode, ct)) return ValidationError.Of("partnerId", "Mitra tidak ditemukan di daftar mitra daerah ini.");
        }
        var name = await db.Partners.Where(x => x.Id == partnerId).Select(x => x.Name).FirstAsync(ct);
        s!.PartnerId = partnerId;
        p!.PartnerId = partnerId;
        p.PartnerName = name;
        var now = clock.GetUtcNow();
        db.ProposalHistories.Add(ProposalHistories.Row(p, "portal-link", p.Status, p.Status, actor, now, $"Pengaju ditautkan ke mitra terdaftar {name}."));
        p.Touch(now);
        db.ActingAs(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Usulan ini telah diubah orang lain. Muat ulang halaman lalu ulangi."); }
        return partnerId;
    }
}
