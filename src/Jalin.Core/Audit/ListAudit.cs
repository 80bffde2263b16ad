using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Audit;

/// <summary>One audit row as a reader may see it. <see cref="ContentHidden"/>: the row's before and
/// after values are a region's records, which the system administrator does not read.</summary>
public sealed record AuditRowView(long Id, string RegionCode, long Sequence, DateTimeOffset At, string ActorUserId, string ActorName, string EntityType,
    string EntityId, string Action, string? Before, string? After, bool ContentHidden, string PreviousHash, string Hash);

/// <summary>The audit trail for those who read it (DOMAIN roles): a region's Auditor reads its own
/// region's rows with their content; the SystemAdmin reads every chain's who, when and what (entity
/// and action) but not the content of regional records — only of the instance-wide rows (users,
/// instance settings) that are the administrator's own work.</summary>
public static class ListAudit
{
    public static async Task<Result<Page<AuditRowView>>> HandleAsync(JalinDb db, CurrentActor actor, string? regionCode, int? page, int? pageSize,
        CancellationToken ct = default)
    {
        if (actor.Role is not (Role.SystemAdmin or Role.Auditor)) return new ForbiddenError("Jejak audit hanya untuk auditor dan administrator sistem.");
        if (actor.Role == Role.Auditor && regionCode is not null && regionCode != actor.RegionCode)
            return new ForbiddenError("Auditor hanya membuka jejak audit daerahnya.");
        var region = actor.Role == Role.Auditor ? actor.RegionCode : regionCode;
        var (pg, sz) = Paging.Normalize(page, pageSize);
        var q = db.AuditEntries.AsNoTracking();
        if (region is not null) q = q.Where(x => x.RegionCode == region);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.Id).Skip((pg - 1) * sz).Take(sz).ToListAsync(ct);
        return new Page<AuditRowView>(rows.Select(r =>
        {
            var hidden = actor.Role == Role.SystemAdmin && r.RegionCode != AuditInterceptor.InstanceChain;
            return new AuditRowView(r.Id, r.RegionCode, r.Sequence, r.At, r.ActorUserId, r.ActorName, r.EntityType, r.EntityId, r.Action,
                hidden ? null : r.Before, hidden ? null : r.After, hidden, r.PreviousHash, r.Hash);
        }).ToList(), pg, sz, total);
    }
}
