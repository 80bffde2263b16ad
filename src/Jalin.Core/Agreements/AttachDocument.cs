using System.ComponentModel.DataAnnotations;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Agreements;

public sealed record AttachDocumentRequest
{
    [Required(ErrorMessage = "Jenis dokumen wajib dipilih.")]
    public DocumentKind? Kind { get; init; }
    [StringLength(300, ErrorMessage = "Judul paling banyak 300 karakter.")]
    public string? Title { get; init; }
    public Guid? ParentDocumentId { get; init; }
    [StringLength(100, ErrorMessage = "Nomor paling banyak 100 karakter.")]
    public string? Number { get; init; }
    public DateOnly? SignedOn { get; init; }
    public DocumentVisibility Visibility { get; init; } = DocumentVisibility.Internal;
    public byte[]? Content { get; init; }
    public string? FileName { get; init; }
}

/// <summary>Attaches a document (and its file) to an agreement at its current stage: the owner's, or a party
/// region's own paper on its side (<see cref="AgreementAccess.UploaderRegion"/>), shared or internal to that region.</summary>
public static class AttachDocument
{
    public static async Task<Result<DocumentView>> HandleAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, AttachDocumentRequest request,
        TimeProvider clock, CancellationToken ct = default)
    {
        var agreement = await db.Agreements.VisibleTo(actor).Include(a => a.Documents).Include(a => a.Parties).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null || actor.Role == Role.SystemAdmin) return new NotFoundError("Kerja sama tidak ditemukan.");

        var fields = AgreementRules.Annotations(request).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        if (request.Kind is { } k && !Enum.IsDefined(k)) fields["kind"] = ["Jenis dokumen tidak dikenal."];
        if (!Enum.IsDefined(request.Visibility)) fields["visibility"] = ["Visibilitas: Shared atau Internal."];
        if (fields.Count > 0) return new ValidationError("Data dokumen belum benar.", fields);
        var kind = request.Kind!.Value;
        if (!AgreementAccess.MayAttach(actor, agreement, kind))
            return new ForbiddenError($"Peran Anda tidak berwenang melampirkan {kind.Label()} pada kerja sama ini.");
        if (agreement.IsEnded) return new ConflictError("Kerja sama telah berakhir; dokumen tidak dapat ditambahkan.");
        var visibility = AgreementAccess.ChoosesVisibility(actor) ? request.Visibility : DocumentVisibility.Shared;

        if (request.ParentDocumentId is { } parent && !agreement.Documents.Any(d => d.Id == parent && AgreementAccess.SeesDocument(actor, agreement, d)))
            return ValidationError.Of("parentDocumentId", "Dokumen induk tidak ditemukan pada kerja sama ini.");
        if (kind == DocumentKind.Addendum && request.ParentDocumentId is null)
            return ValidationError.Of("parentDocumentId", "Addendum harus merujuk KB atau PKS yang diubahnya.");
        if (request.SignedOn is { } signed && signed > Wib.Today(clock))
            return ValidationError.Of("signedOn", "Tanggal penandatanganan tidak boleh di masa depan.");

        StoredBlob? blob = null;
        if (request.Content is not null)
        {
            if (request.Content.Length == 0) return ValidationError.Of("file", "Berkas kosong. Unggah berkas PDF, DOCX, PNG atau JPEG.");
            if (request.Content.LongLength > files.MaxBytes)
                return new TooLargeError(FileStore.TooLargeText(files.MaxBytes));
            var type = FileSniffer.Detect(request.Content);
            if (type is null) return ValidationError.Of("file", "Jenis berkas tidak diterima. Isi berkas harus PDF, DOCX, PNG atau JPEG.");
            if (FileSniffer.Refusal(request.Content, type) is { } refused) return ValidationError.Of("file", refused);
            blob = await db.StoreAsync(files, request.Content, type, clock, ct);
        }
        else if (request.SignedOn is not null)
            return ValidationError.Of("file", "Dokumen yang ditandatangani harus disertai pindaian berkasnya.");

        var fileName = blob is null ? null : SafeName(request.FileName, blob.Extension);
        var document = new AgreementDocument
        {
            AgreementId = agreement.Id, Kind = kind, Title = string.IsNullOrWhiteSpace(request.Title) ? kind.Label() : request.Title.Trim(),
            ParentDocumentId = request.ParentDocumentId, Stage = agreement.Stage, Number = request.Number?.Trim(), SignedOn = request.SignedOn,
            Visibility = visibility, FileSha256 = blob?.Sha256, FileName = fileName, ContentType = blob?.ContentType, FileSize = blob?.Size,
            UploadedBy = actor.UserName, CreatedAt = clock.GetUtcNow(), RegionCode = agreement.RegionCode,
            UploaderRegionCode = AgreementAccess.UploaderRegion(actor, agreement),
        };
        db.ActingAs(actor).AgreementDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        await Notifications.AgreementNotifications.DocumentAttachedAsync(db, actor, agreement, document, clock, ct);
        return GetAgreement.ToView(document, agreement.RegionCode, await GetAgreement.RegionNamesAsync(db, [document], agreement.RegionCode, ct));
    }

    private static string SafeName(string? name, string extension)
    {
        var baseName = Path.GetFileNameWithoutExtension(name ?? "dokumen");
        var clean = new string(baseName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' ? c : '_').ToArray()).Trim();
        if (clean.Length == 0) clean = "dokumen";
        if (clean.Length > 120) clean = clean[..120];
        return clean + extension;
    }
}

public sealed record DownloadableFile(Stream Content, string FileName, string ContentType);

public static class DownloadDocument
{
    public static async Task<Result<DownloadableFile>> HandleAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, Guid documentId, CancellationToken ct = default)
    {
        if (actor.Role == Role.SystemAdmin) return new NotFoundError("Dokumen tidak ditemukan.");
        var agreement = await db.Agreements.VisibleTo(actor).AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null) return new NotFoundError("Dokumen tidak ditemukan.");
        var doc = await db.AgreementDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.AgreementId == agreementId, ct);
        if (doc is null || doc.FileSha256 is null || !AgreementAccess.SeesDocument(actor, agreement, doc))
            return new NotFoundError("Dokumen tidak ditemukan.");
        var bytes = await files.ReadAsync(doc.FileSha256, ct);
        if (!bytes.Ok) return bytes.Error!;
        return new DownloadableFile(new MemoryStream(bytes.Value!, writable: false), doc.FileName ?? "dokumen", doc.ContentType ?? "application/octet-stream");
    }
}
