using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Proposals;

public sealed record ProposalHistoryView(long Id, string Action, ProposalStatus FromStatus, ProposalStatus ToStatus, string FromLabel, string ToLabel,
    string ActorName, string? ActorRole, string? ActorRegionCode, string? ActorAgencyName, DateTimeOffset At, string? Note);

/// <summary>A move the page may offer: whether this actor may make it now, and if not why (the "belum" reason).</summary>
public sealed record ProposalActionView(ProposalAction Action, string Code, string Label, bool Allowed, string? Reason, bool NoteRequired, string Basis);

public sealed record ProposalDetails(Guid Id, string RegionCode, string Number, ProposalStatus Status, string StatusLabel, string Title,
    string? AffairCode, string? AffairName, string? SubAffairCode, string? SubAffairName, Guid AgencyId, string? AgencyName,
    string? PartnerRegionCode, Guid? PartnerId, string? PartnerName, string PartnerKindLabel, ProposalInput Fields,
    AssessmentResult? Assessment, string? AssessmentLabel, string? AssessmentNote, CooperationKind? RecommendedKind, string? RecommendedKindLabel,
    bool NotRegionalCooperation, string? DecisionNote, Guid? AgreementId, string? AgreementTitle, int Version, bool CanEdit, string? EditRefusal,
    bool CanConvert, string? ConvertRefusal, IReadOnlyList<ProposalActionView> Actions, IReadOnlyList<ProposalAttachmentView> Attachments,
    IReadOnlyList<ProposalHistoryView> History, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    Guid? SourceAgreementId = null, string? SourceAgreementTitle = null);

public static class GetProposal
{
    public static async Task<Result<ProposalDetails>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        var p = await db.Proposals.AsNoTracking().VisibleTo(actor).Include(x => x.Attachments).Include(x => x.History).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new NotFoundError("Usulan tidak ditemukan.");
        var affair = p.AffairCode is null ? null : await db.GovernmentAffairs.AsNoTracking().Where(a => a.Code == p.AffairCode).Select(a => a.Name).FirstOrDefaultAsync(ct);
        var agreementTitle = p.AgreementId is { } aid ? await db.Agreements.AsNoTracking().Where(a => a.Id == aid).Select(a => a.Title).FirstOrDefaultAsync(ct) : null;
        // The agreement this usulan extends or amends (opened from an evaluation), when the actor sees it.
        var source = p.SourceAgreementId is { } sid ? await db.Agreements.AsNoTracking().VisibleTo(actor).Where(a => a.Id == sid).Select(a => a.Title).FirstOrDefaultAsync(ct) : null;
        // The moves from the current status, each with this actor's refusal ("belum …", "hanya …") when it may not make it now.
        var actions = ProposalTable.Moves.Where(m => m.From.Contains(p.Status)).Select(m => (Move: m, Refusal: ProposalTable.Refusal(actor, p, m.Action)))
            .Select(x => new ProposalActionView(x.Move.Action, x.Move.Action.Code(), x.Move.Action.Label(), x.Refusal is null, x.Refusal, x.Move.NoteRequired, x.Move.Basis))
            .ToList();
        var editRefusal = ProposalAccess.EditRefusal(actor, p);
        var convertRefusal = ProposalTable.ConvertRefusal(actor, p);
        return new ProposalDetails(p.Id, p.RegionCode, p.Number, p.Status, p.Status.Label(), p.Title, p.AffairCode, affair, p.SubAffairCode,
            AffairCompetence.Find(p.SubAffairCode)?.Name, p.AgencyId, p.AgencyName, p.PartnerRegionCode, p.PartnerId, p.PartnerName,
            p.PartnerRegionCode is not null ? "Daerah lain" : p.PartnerId is not null ? "Mitra terdaftar" : p.PartnerName is not null ? "Belum terdaftar" : "Belum diisi",
            ProposalInput.From(p), p.Assessment, p.Assessment?.Label(), p.AssessmentNote, p.RecommendedKind, p.RecommendedKind?.ShortLabel(),
            p.NotRegionalCooperation, p.DecisionNote, p.AgreementId, agreementTitle, p.Version, editRefusal is null, editRefusal,
            convertRefusal is null, convertRefusal, actions, p.Attachments.OrderBy(a => a.CreatedAt).Select(ToView).ToList(),
            p.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new ProposalHistoryView(h.Id, h.Action, h.FromStatus, h.ToStatus, h.FromStatus.Label(),
                h.ToStatus.Label(), h.ActorName, h.ActorRole, h.ActorRegionCode, h.ActorAgencyName, h.At, h.Note)).ToList(),
            p.CreatedBy, p.CreatedAt, p.UpdatedAt, source is null ? null : p.SourceAgreementId, source);
    }

    public static ProposalAttachmentView ToView(ProposalAttachment a) =>
        new(a.Id, a.Kind, a.Kind.Label(), a.Title, a.FileName, a.ContentType, a.FileSize, a.FileSha256, a.UploadedBy, a.CreatedAt);

    /// <summary>The usulan an agreement came from, when the actor may see it (the agreement page's "Berasal dari usulan").</summary>
    public static async Task<(Guid Id, string Number)?> SourceOfAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct) =>
        await db.Proposals.AsNoTracking().VisibleTo(actor).Where(p => p.AgreementId == agreementId)
            .Select(p => new { p.Id, p.Number }).FirstOrDefaultAsync(ct) is { } s ? (s.Id, s.Number) : null;
}

public sealed record ProposalFilter
{
    public string? Q { get; init; }
    public ProposalStatus? Status { get; init; }
    public Guid? AgencyId { get; init; }
    public int? Year { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record ProposalSummary(Guid Id, string Number, string Title, ProposalStatus Status, string StatusLabel, Guid AgencyId, string? AgencyName,
    string? PartnerName, CooperationKind? RecommendedKind, Guid? AgreementId, DateTimeOffset UpdatedAt, ProposalSource Source = ProposalSource.Internal);

public static class SearchProposals
{
    public static async Task<Result<Page<ProposalSummary>>> HandleAsync(JalinDb db, CurrentActor actor, ProposalFilter f, CancellationToken ct = default)
    {
        var query = Query(db, actor, f);
        if (!query.Ok) return query.Error!;
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var total = await query.Value!.CountAsync(ct);
        var rows = await ReadAsync(query.Value!.Skip((page - 1) * size).Take(size), ct);
        return new Page<ProposalSummary>(rows, page, size, total);
    }

    /// <summary>The proposals the list shows for this filter, latest changed first (then by number and id): the ones the
    /// actor may see (<see cref="ProposalAccess.VisibleTo"/>), searched and filtered. The list and its download
    /// (<see cref="ExportProposals"/>) both read this query.</summary>
    public static Result<IQueryable<Proposal>> Query(JalinDb db, CurrentActor actor, ProposalFilter f)
    {
        if (f.Status is { } s && !Enum.IsDefined(s)) return ValidationError.Of("status", "Status usulan tidak dikenal.");
        var q = db.Proposals.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = f.Q.Trim().ToLower();
            q = q.Where(p => p.Title.ToLower().Contains(term) || p.Number.ToLower().Contains(term));
        }
        if (f.Status is { } status) q = q.Where(p => p.Status == status);
        if (f.AgencyId is { } agency) q = q.Where(p => p.AgencyId == agency);
        if (f.Year is { } year) q = q.Where(p => p.NumberYear == year);
        return Result<IQueryable<Proposal>>.From(
            q.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.NumberYear).ThenByDescending(p => p.NumberSequence).ThenBy(p => p.Id));
    }

    /// <summary>One page of <see cref="Query"/> as the list shows it.</summary>
    public static async Task<IReadOnlyList<ProposalSummary>> ReadAsync(IQueryable<Proposal> page, CancellationToken ct = default)
    {
        var rows = await page
            .Select(p => new { p.Id, p.Number, p.Title, p.Status, p.AgencyId, p.AgencyName, p.PartnerName, p.RecommendedKind, p.AgreementId, p.UpdatedAt, p.Source })
            .ToListAsync(ct);
        return rows.Select(r => new ProposalSummary(r.Id, r.Number, r.Title, r.Status, r.Status.Label(), r.AgencyId, r.AgencyName,
            r.PartnerName, r.RecommendedKind, r.AgreementId, r.UpdatedAt, r.Source)).ToList();
    }
}
