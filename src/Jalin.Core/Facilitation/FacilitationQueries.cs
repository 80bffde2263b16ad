using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Facilitation;

public sealed record FacilitationRow(Guid Id, string Number, FacilitationKind Kind, string KindLabel, string Title, FacilitationStatus Status, string StatusLabel,
    string RegionCode, string? RegionName, string RequesterName, string? RequesterAgencyName, string? OfficerName, DateOnly SubmittedOn, DateOnly DueOn, bool Overdue, int Version);

public sealed record FacilitationHistoryView(string Action, string FromLabel, string ToLabel, string ActorName, DateTimeOffset At, string? Note);

public sealed record FacilitationView(Guid Id, string Number, FacilitationKind Kind, string KindLabel, string Title, string Description, FacilitationStatus Status, string StatusLabel,
    string RegionCode, string? RegionName, string RequesterName, string RequesterRoleLabel, string? RequesterRegionCode, string? RequesterAgencyName,
    string? OfficerUserId, string? OfficerName, DateOnly SubmittedOn, DateOnly DueOn, int TargetWorkingDays, string? DueNote, bool Overdue,
    Guid? AgreementId, Guid? ProposalId, Guid? MappingRoundId, string? CounterpartRegionCode, string? CounterpartRegionName,
    string? Outcome, string? CoordinationMapping, DateOnly? HeadsAgreementDate, string? HeadsAgreementReference, string? Basis,
    IReadOnlyList<string> Actions, bool IsDesk, bool IsRequester, int Version, IReadOnlyList<FacilitationHistoryView> History);

/// <summary>Which list: the desk's queue (the serving region's open requests by due date) or the requester's own ("Permohonan saya").</summary>
public enum FacilitationList { Queue, Mine }

public static class ListFacilitationRequests
{
    public static async Task<Result<IReadOnlyList<FacilitationRow>>> HandleAsync(JalinDb db, CurrentActor actor, FacilitationList list, bool includeClosed, TimeProvider clock,
        CancellationToken ct = default)
    {
        var today = Wib.Today(clock);
        var q = db.FacilitationRequests.AsNoTracking().VisibleTo(actor);
        if (list == FacilitationList.Queue)
        {
            if (actor.Role is not (Role.CooperationOfficer or Role.Leader) || actor.RegionCode is null)
                return new ForbiddenError("Antrean fasilitasi hanya untuk petugas Bagian Kerja Sama dan pimpinan daerah yang melayani.");
            var region = actor.RegionCode;
            q = q.Where(r => r.RegionCode == region);
        }
        else
        {
            var (user, agency, region) = (actor.UserId, actor.AgencyId, actor.RegionCode);
            q = actor.Role switch
            {
                Role.AgencyUser => q.Where(r => r.RequesterUserId == user || (r.RequesterAgencyId == agency && r.RequesterRole == Role.AgencyUser)),
                Role.CooperationOfficer => q.Where(r => r.RequesterUserId == user || (r.RequesterRole == Role.CooperationOfficer && r.RequesterRegionCode == region && r.RegionCode != region)),
                _ => q.Where(r => r.RequesterUserId == user),
            };
        }
        if (!includeClosed) q = q.Where(r => r.Status != FacilitationStatus.Completed && r.Status != FacilitationStatus.Rejected);
        var rows = await q.OrderBy(r => r.DueOn).ThenBy(r => r.NumberYear).ThenBy(r => r.NumberSequence).Take(500).ToListAsync(ct);
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(x => codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        return rows.Select(r => new FacilitationRow(r.Id, r.Number, r.Kind, r.Kind.Label(), r.Title, r.Status, r.Status.Label(), r.RegionCode, names.GetValueOrDefault(r.RegionCode),
            r.RequesterName, r.RequesterAgencyName, r.OfficerName, r.SubmittedOn, r.DueOn, r.IsOpen && r.DueOn < today, r.Version)).ToList();
    }
}

public static class GetFacilitationRequest
{
    public static async Task<Result<FacilitationView>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        var r = await db.FacilitationRequests.AsNoTracking().VisibleTo(actor).Include(x => x.History).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new NotFoundError("Permohonan fasilitasi tidak ditemukan.");
        var codes = new[] { r.RegionCode, r.CounterpartRegionCode }.OfType<string>().ToList();
        var names = await db.Regions.AsNoTracking().Where(x => codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        var today = Wib.Today(clock);
        return new FacilitationView(r.Id, r.Number, r.Kind, r.Kind.Label(), r.Title, r.Description, r.Status, r.Status.Label(), r.RegionCode, names.GetValueOrDefault(r.RegionCode),
            r.RequesterName, r.RequesterRole.Label(), r.RequesterRegionCode, r.RequesterAgencyName, r.OfficerUserId, r.OfficerName, r.SubmittedOn, r.DueOn, r.TargetWorkingDays, r.DueNote,
            r.IsOpen && r.DueOn < today, r.AgreementId, r.ProposalId, r.MappingRoundId, r.CounterpartRegionCode,
            r.CounterpartRegionCode is { } c ? names.GetValueOrDefault(c) : null, r.Outcome, r.CoordinationMapping, r.HeadsAgreementDate, r.HeadsAgreementReference,
            r.Kind == FacilitationKind.MandatoryCoordination ? FacilitationTable.CoordinationBasis : FacilitationTable.Practice,
            FacilitationTable.Available(actor, r).Select(a => a.Code()).ToList(), FacilitationTable.IsDesk(actor, r), FacilitationTable.IsRequester(actor, r), r.Version,
            r.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new FacilitationHistoryView(h.Action, h.FromStatus.Label(), h.ToStatus.Label(), h.ActorName, h.At, h.Note)).ToList());
    }
}
