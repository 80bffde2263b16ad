using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Offers;

/// <summary>One thing the record waits for, and from whom.</summary>
public sealed record WaitingItem(string RegionCode, string PartyName, string What, DateOnly? DueOn, string? Basis);

/// <summary>"What waits on whom" (issue #10 item 5), seen by every party: derived from the lifecycle table's rows at the current
/// stage (who acts on each, <see cref="LifecycleRule.Side"/>, and which of their prerequisites are unmet) and from each party's
/// own records (document number, its own DPRD approval), never written per page.</summary>
public static class WaitingOn
{
    public static async Task<Result<IReadOnlyList<WaitingItem>>> HandleAsync(JalinDb db, CurrentActor actor, Guid agreementId, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role == Role.SystemAdmin) return new NotFoundError("Kerja sama tidak ditemukan.");
        var a = await GetAgreement.LoadVisibleAsync(db, actor, agreementId, tracking: false, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var ctx = await LifecycleContexts.ForAsync(db, a, clock, ct);
        var approvals = await db.PartyDprdApprovals.AsNoTracking().Where(x => x.AgreementId == agreementId).ToListAsync(ct);
        return Result<IReadOnlyList<WaitingItem>>.From(For(ctx, approvals));
    }

    public static IReadOnlyList<WaitingItem> For(LifecycleContext ctx, IReadOnlyList<PartyDprdApproval> approvals)
    {
        var a = ctx.Agreement;
        if (a.IsEnded) return [];
        var items = new List<WaitingItem>();
        var owner = a.Parties.FirstOrDefault(p => p.RegionCode == a.RegionCode);
        var ownerName = owner?.Name ?? a.RegionCode;
        var others = a.Parties.Where(p => p.RegionCode is not null && p.RegionCode != a.RegionCode).OrderBy(p => p.Order).ToList();
        var rules = LifecycleTable.RulesAt(a.Kind, a.Stage)
            .Where(r => !r.IsSystemOnly && !r.Action.Equals(ActionCode.AddNote) && !r.Action.Equals(ActionCode.Terminate)).ToList();

        var partyRule = rules.FirstOrDefault(r => r.Side == ActingSide.AddressedParty);
        if (partyRule is not null && others.Count > 0)
        {
            // The addressed regions answer; the owner's rows at this stage only record a paper answer. The answer replies to the
            // owner's offer letter: while it is not attached, the owner is waited on first.
            var missing = partyRule.Requires.Where(p => p.Code != "none" && !p.IsMet(ctx)).Select(p => p.Label).ToList();
            if (missing.Count > 0) items.Add(new(a.RegionCode, ownerName, $"lampiran penawaran (belum: {string.Join("; ", missing)})", null, partyRule.Basis));
            foreach (var p in others)
                items.Add(new(p.RegionCode!, p.Name, partyRule.Label, a.DueOn, partyRule.Basis));
        }
        else if (rules.FirstOrDefault(r => r.MainPath && r.Side == ActingSide.Owner) is { } next)
        {
            var missing = next.Requires.Where(p => p.Code != "none" && p != Prerequisites.PartyNumbers && !p.IsMet(ctx)).Select(p => p.Label).ToList();
            var what = missing.Count == 0 ? next.Label : $"{next.Label} (belum: {string.Join("; ", missing)})";
            items.Add(new(a.RegionCode, ownerName, what, a.DueOn, next.Basis));
            // Each party gives its own number where the row asks for every party's number.
            if (next.Requires.Contains(Prerequisites.PartyNumbers))
                foreach (var p in a.Parties.Where(p => p.RegionCode is not null && string.IsNullOrWhiteSpace(p.DocumentNumber)))
                    items.Add(new(p.RegionCode!, p.Name, "nomor naskah dari daerah sendiri", null, null));
        }

        // A KSDD party region's own DPRD approval, from the accepted offer until the binding naskah is signed.
        if (a.Kind is CooperationKind.KsddWajib or CooperationKind.KsddSukarela && a.Stage is not (Stage.Preparation or Stage.Offer)
            && LifecycleTable.BeforeBindingSigning(a.Kind).Contains(a.Stage))
        {
            foreach (var p in others)
            {
                var d = approvals.FirstOrDefault(x => x.RegionCode == p.RegionCode);
                if (d is null) items.Add(new(p.RegionCode!, p.Name, "catat perlu tidaknya persetujuan DPRD daerah sendiri", null, PartyRecords.DprdBasis));
                else if (!d.IsSettled)
                    items.Add(new(p.RegionCode!, p.Name, d.RequestedOn is { } r ? $"keputusan DPRD (permohonan {r:dd/MM/yyyy})" : "permohonan persetujuan DPRD", null, PartyRecords.DprdBasis));
            }
        }
        return items;
    }
}
