using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Drafting;

public enum CeremonyType { DeskToDesk, Ceremonial, Hybrid }

public static class CeremonyTypeLabels
{
    public static string Label(this CeremonyType t) => t switch
    {
        CeremonyType.DeskToDesk => "Dari meja ke meja (sirkuler)",
        CeremonyType.Ceremonial => "Seremonial (bersama dalam satu acara)",
        CeremonyType.Hybrid => "Hibrida (sebagian hadir, sebagian sirkuler)",
        _ => t.ToString(),
    };
}

/// <summary>One paraf on the final, in the order the region set (Kabag Kerja Sama, Kabag Hukum,
/// Asisten, Sekda, ...), then one per other party.</summary>
public sealed class ParafStep
{
    public int Order { get; set; }
    public string Office { get; set; } = "";
    public int PartyOrder { get; set; } = 1;
    public string? Name { get; set; }
    public DateTimeOffset? At { get; set; }
    public string? RecordedBy { get; set; }
}

/// <summary>Who signed for a party, as office holder on the signing date.</summary>
public sealed class SignatoryEntry
{
    public int PartyOrder { get; set; }
    public string Party { get; set; } = "";
    public string? Name { get; set; }
    public string? Office { get; set; }
}

/// <summary>The signing of one final (ISSUE #3 §7): paraf in order, then the signing itself with
/// its ceremony, the signed scan and the post-signing checklist. No signature is produced by
/// Jalin; an electronic-signature provider plugs in behind <see cref="IElectronicSignatureProvider"/>.</summary>
public sealed class SigningRecord
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid DraftId { get; init; }
    public Guid AgreementId { get; init; }
    public required string RegionCode { get; init; }
    public List<ParafStep> Paraf { get; set; } = [];
    public CeremonyType? Ceremony { get; set; }
    public DateOnly? SignedOn { get; set; }
    public string? Place { get; set; }
    public List<SignatoryEntry> Signatories { get; set; } = [];
    public Guid? SignedDocumentId { get; set; }
    public bool ParafOnEveryPage { get; set; }
    public bool Meterai { get; set; }
    public bool Stempel { get; set; }
    public string? RecordedBy { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; set; }

    public bool ParafComplete => Paraf.Count > 0 && Paraf.All(p => p.At is not null);
    public bool IsSigned => SignedDocumentId is not null;
}

/// <summary>The seam for certified electronic signatures (BSrE/BSSN or another PSrE). Jalin ships
/// none configured and never imitates a signature: without a provider the officer records a wet
/// signing with its scan.</summary>
public interface IElectronicSignatureProvider
{
    string Name { get; }
    bool IsConfigured { get; }
    Task<Result<byte[]>> SignAsync(byte[] pdf, string signerNik, string passphrase, CancellationToken ct);
}

public sealed class NoElectronicSignature : IElectronicSignatureProvider
{
    public string Name => "Tidak ada";
    public bool IsConfigured => false;

    public Task<Result<byte[]>> SignAsync(byte[] pdf, string signerNik, string passphrase, CancellationToken ct) =>
        Task.FromResult<Result<byte[]>>(new ServiceUnavailableError(
            "Tanda tangan elektronik tersertifikasi (BSrE) belum dikonfigurasi di server ini. Tandatangani secara basah lalu unggah pindaiannya."));
}

public sealed record ParafStepView(int Order, string Office, int PartyOrder, string? Name, DateTimeOffset? At, string? RecordedBy);

public sealed record SigningView(Guid DraftId, IReadOnlyList<ParafStepView> Paraf, bool ParafComplete, int? NextParaf, CeremonyType? Ceremony, string? CeremonyLabel,
    DateOnly? SignedOn, string? Place, IReadOnlyList<SignatoryEntry> Signatories, Guid? SignedDocumentId, bool ParafOnEveryPage, bool Meterai, bool Stempel,
    bool CanRecord, string ElectronicSignature, int Version, string? VerificationCode = null, SigningStage? Stage = null)
{
    /// <summary>The document being signed, so the page names its subject: the draft's title, its form, its number
    /// (once issued) and the agreement it belongs to.</summary>
    public SigningSubject? Subject { get; init; }
}

/// <summary>What is being signed: the naskah (title, form, number) and its agreement.</summary>
public sealed record SigningSubject(string DraftTitle, string FormLabel, string? Number, Guid AgreementId, string AgreementTitle);

/// <summary>What recording the signing did to the agreement's stage.</summary>
public sealed record SigningStage(bool Moved, string Message);

public sealed record ParafRequest
{
    [Required(ErrorMessage = "Urutan paraf wajib diisi.")]
    public int? Order { get; init; }
    [Required(ErrorMessage = "Nama pejabat yang memaraf wajib diisi.")]
    [StringLength(200, ErrorMessage = "Nama paling banyak 200 karakter.")]
    public string? Name { get; init; }
}

public sealed record RecordSigningRequest
{
    [Required(ErrorMessage = "Tanggal penandatanganan wajib diisi.")]
    public DateOnly? SignedOn { get; init; }
    [Required(ErrorMessage = "Tempat penandatanganan wajib diisi.")]
    [StringLength(200, ErrorMessage = "Tempat paling banyak 200 karakter.")]
    public string? Place { get; init; }
    [Required(ErrorMessage = "Cara penandatanganan wajib dipilih.")]
    public CeremonyType? Ceremony { get; init; }
    public bool ParafOnEveryPage { get; init; }
    public bool Meterai { get; init; }
    public bool Stempel { get; init; }
    public byte[]? Scan { get; init; }
    public string? FileName { get; init; }
}

public static class Signing
{
    public const string ParafOrderSetting = "drafting.parafOrder";

    /// <summary>The usual internal paraf chain of a Setda before the head signs [I]; a region sets its own.</summary>
    public static readonly string[] DefaultParafOrder = ["Kepala Bagian Kerja Sama", "Kepala Bagian Hukum", "Asisten Pemerintahan dan Kesejahteraan Rakyat", "Sekretaris Daerah"];

    public static async Task<IReadOnlyList<string>> ParafOrderAsync(JalinDb db, string regionCode, CancellationToken ct)
    {
        var value = await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == regionCode && s.Key == ParafOrderSetting).Select(s => s.Value).FirstOrDefaultAsync(ct);
        var list = value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return list is { Count: > 0 } ? list : DefaultParafOrder;
    }

    /// <summary>The paraf chain for a final: the owner's officials in order, then each other party's signatory office.</summary>
    public static List<ParafStep> Chain(IReadOnlyList<string> ownerOrder, Agreement a, bool otherParties)
    {
        var steps = ownerOrder.Select((office, i) => new ParafStep { Order = i + 1, Office = office, PartyOrder = 1 }).ToList();
        foreach (var p in a.Parties.OrderBy(p => p.Order).Where(p => otherParties && p.Order > 1))
            steps.Add(new ParafStep { Order = steps.Count + 1, Office = $"{p.SignatoryOffice ?? "Pejabat"} ({p.Name})", PartyOrder = p.Order });
        return steps;
    }

    private static SigningView View(SigningRecord r, CurrentActor actor, Agreement a, IElectronicSignatureProvider esign) => new(r.DraftId,
        r.Paraf.OrderBy(p => p.Order).Select(p => new ParafStepView(p.Order, p.Office, p.PartyOrder, p.Name, p.At, p.RecordedBy)).ToList(), r.ParafComplete,
        r.Paraf.OrderBy(p => p.Order).FirstOrDefault(p => p.At is null)?.Order, r.Ceremony, r.Ceremony?.Label(), r.SignedOn, r.Place, r.Signatories, r.SignedDocumentId,
        r.ParafOnEveryPage, r.Meterai, r.Stempel, AgreementAccess.CanManage(actor, a) && !r.IsSigned && !a.IsEnded,
        esign.IsConfigured ? esign.Name : "belum dikonfigurasi (tanda tangan basah dan pindaian)", r.Version);

    private static async Task<SigningView> ViewAsync(JalinDb db, SigningRecord r, CurrentActor actor, Agreement a, IElectronicSignatureProvider esign, CancellationToken ct)
    {
        var code = await db.DocumentVerifications.AsNoTracking().Where(v => v.DraftId == r.DraftId).Select(v => v.Code).FirstOrDefaultAsync(ct);
        var d = await db.Drafts.AsNoTracking().Where(x => x.Id == r.DraftId).Select(x => new { x.Title, x.Form, x.Number }).FirstAsync(ct);
        var subject = new SigningSubject(d.Title, d.Form.Label(), d.Number, a.Id, a.Title);
        return View(r, actor, a, esign) with { VerificationCode = code, Subject = subject };
    }

    private static async Task<(Agreement? a, SigningRecord? r, Error? e)> LoadAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid draftId, bool tracking, CancellationToken ct)
    {
        if (actor.Role == Role.SystemAdmin) return (null, null, new NotFoundError("Kerja sama tidak ditemukan."));
        var a = await GetAgreement.LoadVisibleAsync(db, actor, agreementId, tracking, ct);
        if (a is null) return (null, null, new NotFoundError("Kerja sama tidak ditemukan."));
        var form = await db.Drafts.Where(d => d.Id == draftId && d.AgreementId == a.Id).Select(d => (DocumentKind?)d.Form).FirstOrDefaultAsync(ct);
        if (form is null || !DraftAccess.CanSee(actor, a, form.Value)) return (a, null, new NotFoundError("Rancangan tidak ditemukan."));
        var q = db.SigningRecords.Where(s => s.DraftId == draftId && s.AgreementId == a.Id);
        var r = await (tracking ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (r is null)
        {
            return (a, null, new NotFoundError("Penandatanganan dimulai setelah naskah final diterbitkan."));
        }
        return (a, r, null);
    }

    public static async Task<Result<SigningView>> GetAsync(JalinDb db, IElectronicSignatureProvider esign, CurrentActor actor, Guid agreementId, Guid draftId,
        CancellationToken ct = default)
    {
        var (a, r, e) = await LoadAsync(db, actor, agreementId, draftId, false, ct);
        if (e is not null) return e;
        return await ViewAsync(db, r!, actor, a!, esign, ct);
    }

    public static async Task<Result<SigningView>> ParafAsync(JalinDb db, IElectronicSignatureProvider esign, CurrentActor actor, Guid agreementId, Guid draftId,
        ParafRequest request, TimeProvider clock, CancellationToken ct = default)
    {
        var (a, r, e) = await LoadAsync(db, actor, agreementId, draftId, true, ct);
        if (e is not null) return e;
        if (!AgreementAccess.CanManage(actor, a!)) return new ForbiddenError("Paraf dicatat oleh petugas Bagian Kerja Sama daerah pemilik.");
        var fields = AgreementRules.Annotations(request).GroupBy(x => x.field).ToDictionary(g => g.Key, g => g.Select(x => x.message).ToArray());
        if (fields.Count > 0) return new ValidationError("Paraf belum dapat dicatat.", fields);
        var step = r!.Paraf.FirstOrDefault(p => p.Order == request.Order);
        if (step is null) return ValidationError.Of("order", $"Tidak ada paraf urutan {request.Order}.");
        if (r.IsSigned || a!.IsEnded) return new ConflictError("Naskah ini sudah ditandatangani.");
        if (step.At is not null) return new ConflictError($"Paraf urutan {step.Order} ({step.Office}) sudah dicatat.");
        var before = r.Paraf.Where(p => p.Order < step.Order && p.At is null).OrderBy(p => p.Order).FirstOrDefault();
        if (before is not null) return new ConflictError($"Paraf mengikuti urutan: tunggu paraf urutan {before.Order} ({before.Office}).");
        step.Name = request.Name!.Trim();
        step.At = clock.GetUtcNow();
        step.RecordedBy = actor.UserName;
        r.Version++;
        db.ActingAs(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Paraf ini dicatat orang lain pada saat yang sama. Muat ulang lalu ulangi."); }
        return await ViewAsync(db, r, actor, a, esign, ct);
    }

    /// <summary>Who signed for each party on <paramref name="on"/>: for a partner, its registered
    /// signatory in office that day (the registry keeps from/until); otherwise the party's recorded signatory.</summary>
    public static async Task<List<SignatoryEntry>> SignatoriesOnAsync(JalinDb db, Agreement a, DateOnly on, CancellationToken ct)
    {
        var partnerIds = a.Parties.Where(p => p.PartnerId is not null).Select(p => p.PartnerId!.Value).ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return a.Parties.OrderBy(p => p.Order).Select(p =>
        {
            var inOffice = p.PartnerId is { } pid && partners.TryGetValue(pid, out var partner)
                ? partner.Signatories.Where(s => (s.From is null || s.From <= on) && (s.Until is null || s.Until >= on))
                    .OrderByDescending(s => s.Office == p.SignatoryOffice).ThenByDescending(s => s.From).FirstOrDefault()
                : null;
            return new SignatoryEntry { PartyOrder = p.Order, Party = p.Name, Name = inOffice?.Name ?? p.SignatoryName, Office = inOffice?.Office ?? p.SignatoryOffice };
        }).ToList();
    }

    public static async Task<Result<SigningView>> RecordAsync(JalinDb db, FileStore files, IElectronicSignatureProvider esign, CurrentActor actor, Guid agreementId,
        Guid draftId, RecordSigningRequest request, TimeProvider clock, CancellationToken ct = default)
    {
        var (a, r, e) = await LoadAsync(db, actor, agreementId, draftId, true, ct);
        if (e is not null) return e;
        if (!AgreementAccess.CanManage(actor, a!)) return new ForbiddenError("Penandatanganan dicatat oleh petugas Bagian Kerja Sama daerah pemilik.");
        var fields = AgreementRules.Annotations(request).GroupBy(x => x.field).ToDictionary(g => g.Key, g => g.Select(x => x.message).ToList());
        void Add(string f, string m) { if (!fields.TryGetValue(f, out var l)) fields[f] = l = []; l.Add(m); }
        if (request.Ceremony is { } c && !Enum.IsDefined(c)) Add("ceremony", "Cara penandatanganan tidak dikenal.");
        if (request.SignedOn is { } on && on > Wib.Today(clock)) Add("signedOn", "Tanggal penandatanganan tidak boleh di masa depan.");
        if (!request.ParafOnEveryPage) Add("parafOnEveryPage", "Pastikan setiap halaman naskah telah diparaf para pihak.");
        if (!request.Meterai && a!.Parties.Any(p => p.PartnerId is not null)) Add("meterai", "Naskah dengan pihak ketiga dibubuhi meterai; pastikan meterai telah dibubuhkan.");
        if (!request.Stempel) Add("stempel", "Pastikan cap dinas/stempel telah dibubuhkan di samping tanda tangan.");
        FileKind? type = null;
        if (request.Scan is null || request.Scan.Length == 0) Add("file", "Unggah pindaian naskah yang telah ditandatangani (PDF).");
        else if (request.Scan.LongLength > files.MaxBytes) return new TooLargeError(FileStore.TooLargeText(files.MaxBytes));
        else if ((type = FileSniffer.Detect(request.Scan)) is null || type != FileSniffer.Pdf) Add("file", "Pindaian naskah harus berkas PDF.");
        if (fields.Count > 0) return new ValidationError("Penandatanganan belum dapat dicatat.", fields.ToDictionary(f => f.Key, f => f.Value.ToArray()));
        if (r!.IsSigned || a!.IsEnded) return new ConflictError("Penandatanganan naskah ini sudah dicatat.");
        if (!r.ParafComplete)
        {
            var next = r.Paraf.OrderBy(p => p.Order).First(p => p.At is null);
            return new ConflictError($"Paraf belum lengkap: menunggu paraf urutan {next.Order} ({next.Office}).");
        }

        var draft = await db.Drafts.FirstAsync(d => d.Id == draftId, ct);
        var final = await db.AgreementDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == draft.FinalDocumentId, ct);
        var blob = await db.StoreAsync(files, request.Scan!, type!, clock, ct);
        var signed = new AgreementDocument
        {
            AgreementId = a.Id, Kind = draft.Form, Title = $"{draft.Form.Label()} — ditandatangani", ParentDocumentId = final?.ParentDocumentId ?? final?.Id,
            Stage = a.Stage, Number = draft.Number, SignedOn = request.SignedOn, Visibility = final?.Visibility ?? DocumentVisibility.Shared,
            FileSha256 = blob.Sha256, FileName = $"{DocumentNumbering.Abbreviation(draft.Form)}-ditandatangani.pdf", ContentType = blob.ContentType, FileSize = blob.Size,
            UploadedBy = actor.UserName, CreatedAt = clock.GetUtcNow(), RegionCode = a.RegionCode, UploaderRegionCode = a.RegionCode,
        };
        db.AgreementDocuments.Add(signed);
        r.SignedOn = request.SignedOn;
        r.Place = request.Place!.Trim();
        r.Ceremony = request.Ceremony;
        r.Signatories = await SignatoriesOnAsync(db, a, request.SignedOn!.Value, ct);
        r.ParafOnEveryPage = request.ParafOnEveryPage;
        r.Meterai = request.Meterai;
        r.Stempel = request.Stempel;
        r.SignedDocumentId = signed.Id;
        r.RecordedBy = actor.UserName;
        r.Version++;
        var verification = await db.DocumentVerifications.FirstOrDefaultAsync(v => v.DraftId == draftId, ct);
        if (verification is not null)
        {
            verification.SignedOn = request.SignedOn;
            verification.SignedSha256 = blob.Sha256;
        }
        a.Touch(clock.GetUtcNow());
        db.ActingAs(actor);
        // The signing and the stage move it stands for commit together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Penandatanganan ini dicatat orang lain pada saat yang sama. Muat ulang lalu ulangi."); }
        var stage = await MoveStageAsync(db, actor, a, draft, signed.Id, clock, ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(db, r, actor, a, esign, ct) with { Stage = stage };
    }

    /// <summary>After the signing is recorded, applies the lifecycle action it stands for ("Catat
    /// penandatanganan KB" …) with the signed document, so the officer does not record it twice.
    /// The signing record stands even when the agreement is not at that stage; the message says why
    /// the stage did not move.</summary>
    private static async Task<SigningStage?> MoveStageAsync(JalinDb db, CurrentActor actor, Agreement a, Draft draft, Guid signedDocumentId, TimeProvider clock,
        CancellationToken ct)
    {
        // The lifecycle table names the action that records a signed naskah of this form.
        var rule = LifecycleTable.For(a.Kind).Where(x => x.RecordsSigning == draft.Form).OrderByDescending(x => x.Stage == a.Stage).FirstOrDefault();
        if (rule is null) return null;
        var action = rule.Action;
        if (rule.Stage != a.Stage)
            return new(false, $"Tahap kerja sama tidak berpindah: \"{rule.Label}\" berlaku pada tahap {rule.Stage.Label()}, sedangkan kerja sama ini pada tahap {a.Stage.Label()}.");
        var from = a.Stage;
        var moved = await ApplyLifecycleAction.HandleAsync(db, actor, a.Id, action, new ActionRequest
        {
            DocumentId = signedDocumentId, Note = $"Dicatat dari penandatanganan naskah {draft.Number ?? draft.Title}.",
        }, clock, ct);
        return moved.Ok
            ? new(true, $"Tahap kerja sama berpindah: {from.Label()} → {moved.Value!.To.Label()}.")
            : new(false, $"Tahap kerja sama tidak berpindah: {moved.Error!.Message}");
    }
}
