using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Offers;

public sealed record AnswerOfferRequest
{
    /// <summary>accept, decline or revise (<see cref="OfferDecisions"/>).</summary>
    public string? Decision { get; init; }
    /// <summary>Why it declines, or what the owner should change; required for those two.</summary>
    [StringLength(4000, ErrorMessage = "Alasan paling banyak 4000 karakter.")]
    public string? Reason { get; init; }
    [StringLength(100, ErrorMessage = "Nomor surat paling banyak 100 karakter.")]
    public string? LetterNumber { get; init; }
    public DateOnly? LetterDate { get; init; }
    public byte[]? Content { get; init; }
    public string? FileName { get; init; }
    public int? ExpectedVersion { get; init; }
}

public sealed record OfferAnswered(Guid AgreementId, Guid AnswerId, string Decision, string DecisionLabel, Stage From, Stage To, Guid? DocumentId, long HistoryId);

/// <summary>The party region an offer is addressed to answers it in Jalin (issue #10 item 5): its cooperation officer accepts,
/// declines with a reason, or asks for changes, under its own letter number and date, optionally with its answer letter (its
/// shared OfferAnswer document). The move is the lifecycle table's <see cref="ActionCode.AnswerOffer"/> row, applied by
/// <see cref="ApplyLifecycleAction"/> like every other move; the answer, the letter and the history row are stored together or not at all.</summary>
public static class AnswerOffer
{
    public static async Task<Result<OfferAnswered>> HandleAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, AnswerOfferRequest request,
        TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role == Role.SystemAdmin) return new NotFoundError("Kerja sama tidak ditemukan.");
        var agreement = await GetAgreement.LoadVisibleAsync(db, actor, agreementId, tracking: false, ct);
        if (agreement is null) return new NotFoundError("Kerja sama tidak ditemukan.");

        // Who answers first (a refused caller learns nothing of what it typed), then what it sent.
        var party = AgreementAccess.PartySide(actor, agreement);
        if (party is null)
            return new ForbiddenError(AgreementAccess.IsOwnerSide(actor, agreement)
                ? "Penawaran dijawab oleh daerah yang ditawari. Bila jawabannya datang dengan surat, catat dengan \"Catat penawaran diterima\" atau \"Catat penawaran ditolak\"."
                : "Hanya daerah yang ditawari yang menjawab penawaran ini.");
        if (actor.Role != Role.CooperationOfficer)
            return new ForbiddenError("Jawaban penawaran diberikan oleh petugas kerja sama daerah yang ditawari.");

        var today = Wib.Today(clock);
        var fields = new Dictionary<string, string[]>();
        foreach (var (field, text) in AgreementRules.Annotations(request)) fields[field] = [text];
        var decision = request.Decision?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(decision)) fields["decision"] = ["Pilih jawaban: terima, tolak, atau minta perubahan."];
        else if (!OfferDecisions.All.Contains(decision)) fields["decision"] = [$"Jawaban tidak dikenal. Pilih: {string.Join(", ", OfferDecisions.All)}."];
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            if (decision == OfferDecisions.Decline) fields["reason"] = ["Alasan penolakan wajib diisi."];
            else if (decision == OfferDecisions.Revise) fields["reason"] = ["Tuliskan bagian penawaran yang perlu diubah."];
        }
        if (string.IsNullOrWhiteSpace(request.LetterNumber)) fields["letterNumber"] = ["Nomor surat jawaban daerah Anda wajib diisi."];
        if (request.LetterDate is not { } letterDate) fields["letterDate"] = ["Tanggal surat jawaban wajib diisi."];
        else if (letterDate > today) fields["letterDate"] = ["Tanggal surat jawaban tidak boleh di masa depan."];
        if (fields.Count > 0) return new ValidationError("Jawaban penawaran belum lengkap atau tidak benar.", fields);

        // The table decides before anything is stored: the stage, the role, the prerequisites.
        var rule = LifecycleTable.Find(agreement.Kind, agreement.Stage, ActionCode.AnswerOffer);
        var ctx = await LifecycleContexts.ForAsync(db, agreement, clock, ct);
        var refusals = agreement.IsEnded ? [new Refusal(RefusalKind.WrongStage, "kerja sama telah berakhir")] : LifecycleEngine.Check(rule, ActionCode.AnswerOffer, actor.Role, ctx);
        if (refusals.Count > 0) return new LifecycleRefused(ActionCode.AnswerOffer, refusals);
        if (request.ExpectedVersion is { } v && v != agreement.Version)
            return new ConflictError("Kerja sama ini telah diubah orang lain. Muat ulang lalu ulangi.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Guid? documentId = null;
        if (request.Content is not null)
        {
            var attached = await AttachDocument.HandleAsync(db, files, actor, agreementId, new AttachDocumentRequest
            {
                Kind = DocumentKind.OfferAnswer, Title = $"Surat jawaban penawaran {party.Name}", Number = request.LetterNumber!.Trim(),
                Visibility = DocumentVisibility.Shared, Content = request.Content, FileName = request.FileName,
            }, clock, ct);
            if (!attached.Ok) return attached.Error!;
            documentId = attached.Value!.Id;
        }

        var reason = request.Reason?.Trim();
        var note = $"Jawaban {party.Name}: penawaran {OfferDecisions.Label(decision!)}. Surat nomor {request.LetterNumber!.Trim()} tanggal {request.LetterDate:dd/MM/yyyy}."
            + (string.IsNullOrEmpty(reason) ? "" : decision == OfferDecisions.Revise ? $" Perubahan yang diminta: {reason}" : $" Alasan: {reason}");
        var applied = await ApplyLifecycleAction.ApplyOfferAnswerAsync(db, actor, agreementId, new ActionRequest
        {
            Decision = decision, Note = note.Length > 4000 ? note[..4000] : note, DocumentId = documentId, ExpectedVersion = request.ExpectedVersion,
        }, clock, ct);
        if (!applied.Ok) return applied.Error!;

        var record = new OfferAnswerRecord
        {
            AgreementId = agreementId, RegionCode = party.RegionCode!, Decision = decision!, Reason = string.IsNullOrEmpty(reason) ? null : reason,
            LetterNumber = request.LetterNumber!.Trim(), LetterDate = request.LetterDate!.Value, DocumentId = documentId, StageChangeId = applied.Value!.HistoryId,
            AnsweredByUserId = actor.UserId, AnsweredByName = actor.FullName, AnsweredAt = clock.GetUtcNow(),
        };
        db.ActingAs(actor).OfferAnswers.Add(record);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        // The owner's officers hear of the answer itself (the stage move was told by ApplyLifecycleAction).
        var message = new NotificationMessage(NotificationKind.Decision, $"Jawaban penawaran dari {party.Name}: {OfferDecisions.Label(decision!)}",
            note, AgreementNotifications.Link(agreementId), NotificationSubjects.Agreement, agreementId.ToString(), "offer-answer:" + record.Id);
        await Notify.SendAsync(db, actor, message, Recipients.RoleIn(agreement.RegionCode, Role.CooperationOfficer), clock, ct: ct);

        var a = applied.Value!;
        return new OfferAnswered(agreementId, record.Id, decision!, OfferDecisions.Label(decision!), a.From, a.To, documentId, a.HistoryId);
    }
}
