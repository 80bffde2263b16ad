using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Publication;

/// <summary>What the officer sends to publish: the fields kept confidential ("value", "scope", "object", "funding") and the
/// documents shown with the agreement.</summary>
public sealed record PublicationInput(IReadOnlyList<string>? ConfidentialFields, IReadOnlyList<Guid>? PublicDocumentIds);

public sealed record PublicationDocumentOption(Guid Id, string Title, string KindLabel, string? Number, DateOnly? SignedOn, bool IsPublic, bool CanBePublic, string? WhyNot);

/// <summary>The publication card of an agreement: whether it is public, what is hidden, which documents can be shown.</summary>
public sealed record PublicationState(Guid AgreementId, bool Published, DateTimeOffset? PublishedAt, string? PublishedBy, bool CanPublish, string? WhyNot,
    bool CanManage, IReadOnlyList<string> ConfidentialFields, IReadOnlyList<PublicationDocumentOption> Documents, string PortalPath);

/// <summary>Publication control (issue #12 item 2): nothing appears on the portal until the region's Bagian Kerja Sama
/// publishes it. The region chooses which fields stay confidential and which signed papers are shown; its internal papers
/// can never be chosen. Publishing and withdrawing are recorded in the agreement's history and the audit trail.</summary>
public static class PublishAgreement
{
    public const string NotOfficerText = "Publikasi di portal dilakukan petugas Bagian Kerja Sama daerah pemilik kerja sama.";
    public const string NotSignedText = "Kerja sama dipublikasikan setelah naskahnya ditandatangani (tahap Pelaksanaan atau sesudahnya).";
    private static readonly NotFoundError NotFound = new("Kerja sama tidak ditemukan.");

    public static bool CanManage(CurrentActor actor, Agreement a) => actor.Role == Role.CooperationOfficer && actor.RegionCode == a.RegionCode;

    /// <summary>Signed: in implementation, recorded under its own regime, ended after signing, or with a signed text attached.</summary>
    public static bool IsSigned(Agreement a) =>
        a.Stage is Stage.Implementation or Stage.Recording
        || (a.Stage == Stage.Ended && a.SignedOn is not null)
        || a.Documents.Any(d => d.Kind.IsNaskah() && d.IsSigned);

    public static async Task<Result<PublicationState>> GetAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        if (actor.Role == Role.SystemAdmin) return new ForbiddenError("Administrator sistem tidak membuka isi kerja sama.");
        var a = await GetAgreement.LoadVisibleAsync(db, actor, id, tracking: false, ct);
        if (a is null) return NotFound;
        return StateOf(a, actor);
    }

    public static async Task<Result<PublicationState>> PublishAsync(JalinDb db, CurrentActor actor, Guid id, PublicationInput? input, TimeProvider clock, CancellationToken ct = default)
    {
        if (input is null) return ValidationError.Of("body", "Isi permintaan kosong.");
        var a = await GetAgreement.LoadVisibleAsync(db, actor, id, tracking: true, ct);
        if (a is null) return NotFound;
        if (!CanManage(actor, a)) return new ForbiddenError(NotOfficerText);
        if (!IsSigned(a)) return new ConflictError(NotSignedText);

        var hidden = ConfidentialFields.None;
        foreach (var key in input.ConfidentialFields ?? [])
        {
            if (ConfidentialFieldLabels.Parse(key) is not { } f)
                return ValidationError.Of("confidentialFields", $"Isian rahasia tidak dikenal: \"{Trim(key)}\". Pilih dari: {string.Join(", ", ConfidentialFieldLabels.All.Select(x => x.Key()))}.");
            hidden |= f;
        }
        var chosen = (input.PublicDocumentIds ?? []).Distinct().ToList();
        foreach (var docId in chosen)
        {
            var d = a.Documents.FirstOrDefault(x => x.Id == docId);
            if (d is null || !AgreementAccess.SeesDocument(actor, a, d))
                return ValidationError.Of("publicDocumentIds", "Dokumen yang dipilih bukan dokumen kerja sama ini.");
            if (WhyNotPublic(d) is { } why) return ValidationError.Of("publicDocumentIds", $"\"{d.Title}\" tidak dapat ditampilkan di portal: {why}");
        }

        var now = clock.GetUtcNow();
        var first = a.PublishedAt is null;
        a.PublishedAt ??= now;
        a.PublishedBy = actor.FullName;
        a.Confidential = hidden;
        foreach (var d in a.Documents) d.IsPublic = chosen.Contains(d.Id);
        a.UpdatedAt = now;
        a.History.Add(new StageChange
        {
            AgreementId = a.Id, Action = ActionCode.AddNote.Value, FromStage = a.Stage, ToStage = a.Stage, ActorUserId = actor.UserId, ActorName = actor.FullName,
            ActorRegionCode = actor.RegionCode, At = now,
            Note = (first ? "Dipublikasikan di portal publik" : "Publikasi di portal diperbarui")
                + $" ({chosen.Count} dokumen ditampilkan{(hidden == ConfidentialFields.None ? "" : "; dirahasiakan: " + string.Join(", ", ConfidentialFieldLabels.All.Where(f => hidden.HasFlag(f)).Select(f => f.Label().ToLowerInvariant())))}).",
        });
        await db.ActingAs(actor).SaveChangesAsync(ct);
        return StateOf(a, actor);
    }

    public static async Task<Result<PublicationState>> UnpublishAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        var a = await GetAgreement.LoadVisibleAsync(db, actor, id, tracking: true, ct);
        if (a is null) return NotFound;
        if (!CanManage(actor, a)) return new ForbiddenError(NotOfficerText);
        if (a.PublishedAt is null) return StateOf(a, actor);
        var now = clock.GetUtcNow();
        a.PublishedAt = null;
        a.PublishedBy = null;
        foreach (var d in a.Documents) d.IsPublic = false;
        a.UpdatedAt = now;
        a.History.Add(new StageChange
        {
            AgreementId = a.Id, Action = ActionCode.AddNote.Value, FromStage = a.Stage, ToStage = a.Stage, ActorUserId = actor.UserId, ActorName = actor.FullName,
            ActorRegionCode = actor.RegionCode, At = now, Note = "Ditarik dari portal publik.",
        });
        await db.ActingAs(actor).SaveChangesAsync(ct);
        return StateOf(a, actor);
    }

    public static string? WhyNotPublic(AgreementDocument d) =>
        !PublicDocuments.CanBePublic(d.Kind) ? $"{d.Kind.Label()} adalah dokumen internal daerah."
        : d.Visibility != DocumentVisibility.Shared ? "dokumen ini ditandai internal."
        : d.FileSha256 is null ? "belum ada berkasnya."
        : null;

    private static PublicationState StateOf(Agreement a, CurrentActor actor)
    {
        var signed = IsSigned(a);
        var docs = a.Documents.Where(d => AgreementAccess.SeesDocument(actor, a, d)).OrderBy(d => d.CreatedAt)
            .Select(d => new PublicationDocumentOption(d.Id, d.Title, d.Kind.Label(), d.Number, d.SignedOn, d.IsPublic && a.PublishedAt is not null, WhyNotPublic(d) is null, WhyNotPublic(d)))
            .ToList();
        return new PublicationState(a.Id, a.PublishedAt is not null, a.PublishedAt, a.PublishedBy, signed, signed ? null : NotSignedText, CanManage(actor, a),
            ConfidentialFieldLabels.All.Where(f => a.Confidential.HasFlag(f)).Select(f => f.Key()).ToList(), docs, PublicAgreements.PathOf(a.Id));
    }

    private static string Trim(string? s) => s is null ? "" : s.Length > 40 ? s[..40] + "…" : s;
}
