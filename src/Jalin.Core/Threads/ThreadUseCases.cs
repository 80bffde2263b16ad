using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Facilitation;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Notifications;
using Jalin.Core.Proposals;
using Jalin.Core.Tkksd;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Threads;

/// <summary>A thread as its subject grants it: the region whose messages it holds, whether the actor may write now
/// (and why not), who takes part (notified of a new message), and the test a recipient must pass to be told.</summary>
public sealed record ThreadContext(ThreadSubjectType Type, Guid SubjectId, string RegionCode, string Title, string Link, string? PostRefusal,
    Recipients Participants, Func<CurrentActor, bool> CanSee);

public static class ThreadRules
{
    public const int MaxText = 4000;
    public const int MaxAttachments = 5;
}

/// <summary>Access to a thread is the subject's access: a facilitation request's (<see cref="FacilitationAccess"/>), or
/// for a TKKSD discussion the region's TKKSD readers of an agreement or usulan they can open. A TKKSD discussion is
/// internal to one region: the messages carry the region, and each region's TKKSD reads only its own (a party
/// region's team never sees the owner's discussion and vice versa).</summary>
public static class ThreadAccess
{
    public static async Task<Result<ThreadContext>> ResolveAsync(JalinDb db, CurrentActor actor, ThreadSubjectType type, Guid id, CancellationToken ct = default)
    {
        switch (type)
        {
            case ThreadSubjectType.FacilitationRequest:
            {
                var r = await db.FacilitationRequests.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
                if (r is null) return new NotFoundError("Permohonan fasilitasi tidak ditemukan.");
                var refusal = !r.IsOpen ? $"Permohonan sudah berstatus {r.Status.Label()}; diskusi ditutup."
                    : FacilitationTable.IsDesk(actor, r) || FacilitationTable.IsRequester(actor, r) ? null
                    : "Hanya pemohon dan petugas Bagian Kerja Sama yang melayani yang menulis di diskusi ini.";
                return new ThreadContext(type, id, r.RegionCode, $"{r.Number} · {r.Title}", $"/app/fasilitasi/{r.Id}", refusal,
                    FacilitationNotifications.Everyone(r), who => FacilitationNotifications.CanSee(r, who));
            }
            case ThreadSubjectType.TkksdAgreement:
            {
                if (actor.Role == Role.SystemAdmin) return new NotFoundError("Kerja sama tidak ditemukan.");
                var a = await db.Agreements.AsNoTracking().VisibleTo(actor).Include(x => x.Parties).FirstOrDefaultAsync(x => x.Id == id, ct);
                if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
                var region = actor.RegionCode;
                if (region is null || !TkksdAccess.Reads(actor) || a.Parties.All(p => p.RegionCode != region))
                    return new ForbiddenError("Diskusi TKKSD hanya dibaca petugas Bagian Kerja Sama, pimpinan dan anggota TKKSD daerah pihak kerja sama, masing-masing untuk daerahnya sendiri.");
                return await TkksdContextAsync(db, actor, type, id, region, a.Title, $"/app/kerja-sama/{a.Id}", ct);
            }
            case ThreadSubjectType.TkksdProposal:
            {
                var p = await db.Proposals.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
                if (p is null) return new NotFoundError("Usulan tidak ditemukan.");
                if (actor.RegionCode != p.RegionCode || !TkksdAccess.Reads(actor))
                    return new ForbiddenError("Diskusi TKKSD atas usulan hanya dibaca petugas Bagian Kerja Sama, pimpinan dan anggota TKKSD daerah.");
                return await TkksdContextAsync(db, actor, type, id, p.RegionCode, $"{p.Number} · {p.Title}", $"/app/usulan/{p.Id}", ct);
            }
            default:
                return ValidationError.Of("subjectType", $"Jenis subjek diskusi tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetNames<ThreadSubjectType>())}.");
        }
    }

    private static async Task<ThreadContext> TkksdContextAsync(JalinDb db, CurrentActor actor, ThreadSubjectType type, Guid id, string region, string title, string link,
        CancellationToken ct)
    {
        var subjectType = type == ThreadSubjectType.TkksdProposal ? SubjectType.Proposal : SubjectType.Agreement;
        var memberIds = await db.TkksdAssignments.AsNoTracking().Where(x => x.SubjectType == subjectType && x.SubjectId == id && x.RegionCode == region).Select(x => x.MemberId).ToListAsync(ct);
        var users = await db.TkksdMembers.AsNoTracking().Where(m => memberIds.Contains(m.Id) && m.UserId != null).Select(m => m.UserId!).ToListAsync(ct);
        // Leaders read; the officers and the TKKSD members discuss.
        var refusal = actor.Role is Role.CooperationOfficer or Role.TeamMember ? null : "Diskusi TKKSD ditulis petugas Bagian Kerja Sama dan anggota TKKSD; pimpinan membacanya.";
        return new ThreadContext(type, id, region, title, link, refusal,
            Recipients.RoleIn(region, Role.CooperationOfficer).And(Recipients.Users(users)),
            who => who.RegionCode == region && TkksdAccess.Reads(who));
    }
}

public sealed record ThreadAttachmentView(Guid Id, string FileName, string ContentType, long FileSize, string DownloadUrl);

public sealed record ThreadMessageView(Guid Id, string AuthorName, string? AuthorRole, bool Mine, string Text, DateTimeOffset CreatedAt, IReadOnlyList<ThreadAttachmentView> Attachments);

public sealed record ThreadView(ThreadSubjectType SubjectType, Guid SubjectId, string Title, bool CanPost, string? PostRefusal, IReadOnlyList<ThreadMessageView> Messages);

public sealed record ThreadFile(byte[] Content, string? FileName);

public sealed record PostMessageRequest
{
    public string? Text { get; init; }
    public IReadOnlyList<ThreadFile>? Files { get; init; }
}

public static class ListThreadMessages
{
    public static async Task<Result<ThreadView>> HandleAsync(JalinDb db, CurrentActor actor, ThreadSubjectType type, Guid id, CancellationToken ct = default)
    {
        var c = await ThreadAccess.ResolveAsync(db, actor, type, id, ct);
        if (!c.Ok) return c.Error!;
        var ctx = c.Value!;
        var rows = await db.DiscussionMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.SubjectType == type && m.SubjectId == id && m.RegionCode == ctx.RegionCode).OrderBy(m => m.CreatedAt).Take(1000).ToListAsync(ct);
        return new ThreadView(type, id, ctx.Title, ctx.PostRefusal is null, ctx.PostRefusal, rows.OrderBy(m => m.CreatedAt).Select(m => ToView(m, actor)).ToList());
    }

    internal static ThreadMessageView ToView(DiscussionMessage m, CurrentActor actor) => new(m.Id, m.AuthorName, m.AuthorRole, m.AuthorUserId == actor.UserId, m.Text, m.CreatedAt,
        m.Attachments.OrderBy(a => a.FileName).Select(a => new ThreadAttachmentView(a.Id, a.FileName, a.ContentType, a.FileSize,
            $"/api/v1/threads/{m.SubjectType}/{m.SubjectId}/attachments/{a.Id}")).ToList());
}

/// <summary>Posts a message (text, up to <see cref="ThreadRules.MaxAttachments"/> files checked by content like every
/// upload) and notifies the participants other than the author. Messages are not edited afterwards.</summary>
public static class PostThreadMessage
{
    public static async Task<Result<ThreadMessageView>> HandleAsync(JalinDb db, FileStore files, CurrentActor actor, ThreadSubjectType type, Guid id, PostMessageRequest request,
        TimeProvider clock, CancellationToken ct = default)
    {
        var c = await ThreadAccess.ResolveAsync(db, actor, type, id, ct);
        if (!c.Ok) return c.Error!;
        var ctx = c.Value!;
        if (ctx.PostRefusal is { } refusal)
            return type == ThreadSubjectType.FacilitationRequest && refusal.StartsWith("Permohonan sudah", StringComparison.Ordinal) ? new ConflictError(refusal) : new ForbiddenError(refusal);
        var text = request.Text?.Trim();
        var list = request.Files ?? [];
        if (string.IsNullOrEmpty(text)) return ValidationError.Of("text", "Pesan kosong: tulis isi pesan yang akan dikirim.");
        if (text.Length > ThreadRules.MaxText) return ValidationError.Of("text", $"Pesan paling banyak {ThreadRules.MaxText} karakter.");
        if (list.Count > ThreadRules.MaxAttachments) return ValidationError.Of("files", $"Paling banyak {ThreadRules.MaxAttachments} lampiran per pesan.");
        var kinds = new List<FileKind>();
        foreach (var f in list)
        {
            if (f.Content.Length == 0) return ValidationError.Of("files", "Berkas kosong. Unggah berkas PDF, DOCX, PNG atau JPEG.");
            if (f.Content.LongLength > files.MaxBytes) return new TooLargeError(FileStore.TooLargeText(files.MaxBytes));
            var kind = FileSniffer.Detect(f.Content);
            if (kind is null) return ValidationError.Of("files", $"Jenis berkas {f.FileName} tidak diterima. Isi berkas harus PDF, DOCX, PNG atau JPEG.");
            if (FileSniffer.Refusal(f.Content, kind) is { } bad) return ValidationError.Of("files", bad);
            kinds.Add(kind);
        }
        var now = clock.GetUtcNow();
        var message = new DiscussionMessage
        {
            SubjectType = type, SubjectId = id, RegionCode = ctx.RegionCode, AuthorUserId = actor.UserId, AuthorName = actor.FullName, AuthorRole = actor.Role.Label(),
            Text = text, CreatedAt = now,
        };
        for (var i = 0; i < list.Count; i++)
        {
            var blob = await db.StoreAsync(files, list[i].Content, kinds[i], clock, ct);
            message.Attachments.Add(new DiscussionAttachment
            {
                MessageId = message.Id, RegionCode = ctx.RegionCode, FileSha256 = blob.Sha256, FileName = AttachProposalFile.SafeName(list[i].FileName, blob.Extension),
                ContentType = blob.ContentType, FileSize = blob.Size,
            });
        }
        db.ActingAs(actor).DiscussionMessages.Add(message);
        await db.SaveChangesAsync(ct);
        var preview = text.Length > 200 ? text[..200] + "…" : text;
        var note = new NotificationMessage(NotificationKind.RequestAnswered, $"Pesan baru dari {actor.FullName}: {ctx.Title}", preview, ctx.Link,
            NotificationSubjects.Thread, $"{type}:{id}", message.Id.ToString());
        await Notify.SendAsync(db, actor, note, ctx.Participants, clock, ctx.CanSee, ct);
        return ListThreadMessages.ToView(message, actor);
    }
}

public static class DownloadThreadAttachment
{
    public static async Task<Result<DownloadableFile>> HandleAsync(JalinDb db, FileStore files, CurrentActor actor, ThreadSubjectType type, Guid id, Guid attachmentId,
        CancellationToken ct = default)
    {
        var c = await ThreadAccess.ResolveAsync(db, actor, type, id, ct);
        if (!c.Ok) return c.Error is ValidationError ? c.Error : new NotFoundError("Lampiran tidak ditemukan.");
        var region = c.Value!.RegionCode;
        var a = await (from att in db.DiscussionAttachments.AsNoTracking()
                       join m in db.DiscussionMessages.AsNoTracking() on att.MessageId equals m.Id
                       where att.Id == attachmentId && m.SubjectType == type && m.SubjectId == id && m.RegionCode == region
                       select att).FirstOrDefaultAsync(ct);
        if (a is null) return new NotFoundError("Lampiran tidak ditemukan.");
        var bytes = await files.ReadAsync(a.FileSha256, ct);
        if (!bytes.Ok) return bytes.Error!;
        return new DownloadableFile(new MemoryStream(bytes.Value!, writable: false), a.FileName, a.ContentType);
    }
}
