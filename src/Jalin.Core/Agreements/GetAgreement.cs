using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Agreements;

public sealed record PartyView(Guid Id, int Order, string Name, string? RegionCode, Guid? PartnerId, Guid? LeadAgencyId, string? LeadAgencyName,
    string? DocumentNumber, string? SignatoryName, string? SignatoryOffice)
{
    /// <summary>For a Pj. or Plt. signatory of a region: that their powers are limited by law.</summary>
    public string? SignatoryNote => RegionCode is null ? null : Signatories.Note(SignatoryOffice);
}

public sealed record DocumentView(Guid Id, DocumentKind Kind, string KindLabel, string Title, Guid? ParentDocumentId, Stage Stage, string? Number,
    DateOnly? SignedOn, DocumentVisibility Visibility, string? FileName, string? ContentType, long? FileSize, string? Sha256, string? UploadedBy, DateTimeOffset CreatedAt,
    string? UploaderRegionCode = null, string? UploaderRegionName = null)
{
    /// <summary>A party region's own paper on the owner's record (its name in <see cref="UploaderRegionName"/>).</summary>
    public bool IsPartyDocument => UploaderRegionName is not null;
}

public sealed record HistoryView(long Id, string Action, Stage FromStage, Stage ToStage, string FromLabel, string ToLabel, string ActorName,
    DateTimeOffset At, string? Note, Guid? DocumentId, EndReason? EndReason, bool IsInternal);

public sealed record AgreementDetails(
    Guid Id, string RegionCode, string RegionName, CooperationKind Kind, string KindLabel, Stage Stage, string StageLabel, EndReason? EndReason,
    string Title, string? Object, string? Scope, string? AffairCode, string? AffairName, decimal? Value, FundingSource FundingSource,
    bool BudgetedInApbd, bool BurdensPublic, bool NeedsDprd, DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, Initiative? Initiative,
    bool IsForwarding, string? MappingReference, bool BorderingConfirmed, string? BorderingNote, string? TermBasis,
    DateOnly? DueOn, string? DueAction, string? DueLabel, int Version, bool IsOwnRegion, bool CanEdit,
    IReadOnlyList<PartyView> Parties, IReadOnlyList<DocumentView> Documents, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    KsdpkKind? KsdpkKind = null, string? KsdpkKindLabel = null, string? OwnRegimeBasis = null, string? SubAffairCode = null, string? SubAffairName = null,
    bool TermAndDprdFactsLocked = false, IReadOnlyList<string>? Warnings = null,
    IReadOnlyList<DocumentKind>? AttachableKinds = null, bool ChoosesVisibility = false, string? OwnSideName = null,
    Guid? SourceProposalId = null, string? SourceProposalNumber = null);

public static class GetAgreement
{
    /// <summary>Loads an agreement the actor may see, with its parties and documents; another
    /// region's internal documents are left out.</summary>
    public static async Task<Agreement?> LoadVisibleAsync(JalinDb db, CurrentActor actor, Guid id, bool tracking, CancellationToken ct)
    {
        var query = db.Agreements.VisibleTo(actor).Include(a => a.Parties).Include(a => a.Documents).Include(a => a.History).AsSplitQuery();
        if (!tracking) query = query.AsNoTracking();
        return await query.FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    public static async Task<Result<AgreementDetails>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        if (actor.Role == Role.SystemAdmin) return new ForbiddenError("Administrator sistem tidak membuka isi kerja sama.");
        var a = await LoadVisibleAsync(db, actor, id, tracking: false, ct);
        if (a is null) return await OtherAgencyAsync(db, actor, id, ct) ?? (Error)new NotFoundError("Kerja sama tidak ditemukan.");
        var internalToo = AgreementAccess.SeesInternal(actor, a);
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == a.RegionCode).Select(r => r.Name).FirstAsync(ct);
        var affairRow = a.AffairCode is null ? null : await db.GovernmentAffairs.AsNoTracking().FirstOrDefaultAsync(x => x.Code == a.AffairCode, ct);
        var affair = affairRow?.Name;
        var documents = a.Documents.Where(d => AgreementAccess.SeesDocument(actor, a, d)).ToList();
        var names = await RegionNamesAsync(db, documents, a.RegionCode, ct);
        var warnings = new List<string>();
        // "Berasal dari usulan": shown to those who may open the proposal.
        var source = await Proposals.GetProposal.SourceOfAsync(db, actor, a.Id, ct);
        if (affairRow is not null && a.SubAffairCode is null && Regions.AffairCompetence.IsSplit(affairRow.Code))
        {
            var codes = a.Parties.Where(p => p.RegionCode is not null).Select(p => p.RegionCode!).Distinct().ToList();
            var levels = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToListAsync(ct);
            warnings.AddRange(levels.Select(l => Regions.AffairCompetence.Check(affairRow, null, l.Level, l.FullName))
                .Where(c => c.Verdict == Regions.CompetenceVerdict.AskSubAffair).Select(c => c.Message!).Take(1));
        }
        return new AgreementDetails(a.Id, a.RegionCode, region, a.Kind, a.Kind.Label(), a.Stage, a.Stage.Label(), a.EndReason, a.Title, a.Object, a.Scope,
            a.AffairCode, affair, a.Value, a.FundingSource, a.BudgetedInApbd, a.BurdensPublic, LifecycleEngine.NeedsDprd(a), a.SignedOn, a.StartsOn, a.EndsOn,
            a.Initiative, a.IsForwarding, a.MappingReference, a.BorderingConfirmed, internalToo ? a.BorderingNote : null, a.TermBasis,
            a.DueOn, a.DueAction, a.DueLabel, a.Version, AgreementAccess.IsOwnerSide(actor, a), AgreementAccess.CanManage(actor, a) && !a.IsEnded,
            a.Parties.OrderBy(p => p.Order).Select(p => new PartyView(p.Id, p.Order, p.Name, p.RegionCode, p.PartnerId, p.LeadAgencyId, p.LeadAgencyName,
                p.DocumentNumber, p.SignatoryName, p.SignatoryOffice)).ToList(),
            documents.OrderBy(d => d.CreatedAt).Select(d => ToView(d, a.RegionCode, names)).ToList(),
            a.CreatedAt, a.UpdatedAt, a.KsdpkKind, a.KsdpkKind?.Label(), a.OwnRegimeBasis, a.SubAffairCode, Regions.AffairCompetence.Find(a.SubAffairCode)?.Name,
            LockedFields.AreLocked(a), warnings, AgreementAccess.AttachableKinds(actor, a), AgreementAccess.ChoosesVisibility(actor),
            AgreementAccess.PartySide(actor, a) is { RegionCode: { } side } ? await RegionNameAsync(db, side, ct) : a.RegionCode == actor.RegionCode ? region : null,
            source?.Id, source?.Number);
    }

    /// <summary>For an agency user: the agreement exists with their region as a party but another OPD
    /// leads it there. Reads only the lead agency's name of that party, never the record.</summary>
    private static async Task<Error?> OtherAgencyAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (actor is not { Role: Role.AgencyUser, RegionCode: { } region }) return null;
        var party = await db.Agreements.AsNoTracking().Where(a => a.Id == id && a.Parties.Any(p => p.RegionCode == region))
            .Select(a => new { Lead = a.Parties.Where(p => p.RegionCode == region).Select(p => new { p.LeadAgencyId, p.LeadAgencyName }).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (party is null) return null;
        var name = party.Lead?.LeadAgencyId is { } agencyId
            ? await db.Agencies.AsNoTracking().Where(x => x.Id == agencyId).Select(x => x.Name).FirstOrDefaultAsync(ct)
            : null;
        name ??= party.Lead?.LeadAgencyName;
        return new OtherAgencyError(name is null
            ? "Kerja sama ini dikelola OPD lain di daerah Anda, bukan OPD Anda. Untuk membukanya, hubungi Bagian Kerja Sama."
            : $"Kerja sama ini dikelola {name}, bukan OPD Anda. Untuk membukanya, hubungi {name} atau Bagian Kerja Sama.", name);
    }

    /// <summary>A document as its readers see it; with the agreement's region and <see cref="RegionNamesAsync"/>,
    /// a party region's own paper carries that region's name.</summary>
    public static DocumentView ToView(AgreementDocument d, string? agreementRegion = null, IReadOnlyDictionary<string, string>? names = null)
    {
        var owner = d.UploaderRegionCode ?? agreementRegion;
        var partyName = owner is not null && agreementRegion is not null && owner != agreementRegion ? names?.GetValueOrDefault(owner) ?? owner : null;
        return new(d.Id, d.Kind, d.Kind.Label(), d.Title, d.ParentDocumentId, d.Stage, d.Number, d.SignedOn, d.Visibility, d.FileName, d.ContentType,
            d.FileSize, d.FileSha256, d.UploadedBy, d.CreatedAt, owner, partyName);
    }

    /// <summary>The names of the party regions whose own documents are among <paramref name="documents"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> RegionNamesAsync(JalinDb db, IEnumerable<AgreementDocument> documents, string agreementRegion,
        CancellationToken ct)
    {
        var codes = documents.Select(d => d.UploaderRegionCode).Where(c => c is not null && c != agreementRegion).Distinct().ToList();
        if (codes.Count == 0) return new Dictionary<string, string>();
        return await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }

    private static async Task<string?> RegionNameAsync(JalinDb db, string code, CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(ct);
}

public static class GetAgreementHistory
{
    public static async Task<Result<IReadOnlyList<HistoryView>>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        if (actor.Role == Role.SystemAdmin) return new ForbiddenError("Administrator sistem tidak membuka isi kerja sama.");
        var a = await db.Agreements.VisibleTo(actor).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var internalToo = AgreementAccess.SeesInternal(actor, a);
        var rows = await db.StageChanges.AsNoTracking().Where(h => h.AgreementId == id && (internalToo || !h.IsInternal)).OrderBy(h => h.Id).ToListAsync(ct);
        return rows.Select(h => new HistoryView(h.Id, h.Action, h.FromStage, h.ToStage, h.FromStage.Label(), h.ToStage.Label(), h.ActorName, h.At,
            h.Note, h.DocumentId, h.EndReason, h.IsInternal)).ToList();
    }
}
