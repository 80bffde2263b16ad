using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Reminders;

public sealed record KbWithoutPksItem(Guid AgreementId, string Title, string RegionCode, DateOnly KbSignedOn, int MonthsSince);

public sealed record KbWithoutPksView(int Months, IReadOnlyList<KbWithoutPksItem> Items);

/// <summary>Dashboard flag (issue #11 item 5): a KB (kesepakatan bersama) signed more than N months ago (pengaturan
/// daerah, default 6) while no PKS has been signed. PP 28/2018 Pasal 6 ayat (1) places the PKS after the KB; the law
/// sets no time between them, so the threshold is the region's. Lists only agreements the actor sees; the months
/// are those of the actor's region (or the default for readers without one).</summary>
public static class KbWithoutPks
{
    public static async Task<Result<KbWithoutPksView>> HandleAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role is Role.PartnerUser) return new ForbiddenError("Penanda dasbor hanya untuk pengguna pemerintah daerah dan pembina.");
        var settings = actor.RegionCode is { } region ? await ReminderSettings.ForRegionAsync(db, region, ct) : ReminderSettings.Default;
        var today = Wib.Today(clock);
        var before = today.AddMonths(-settings.KbWithoutPksMonths);
        var rows = await db.Agreements.AsNoTracking().VisibleTo(actor)
            .Where(a => a.Stage != Stage.Ended)
            .Select(a => new
            {
                a.Id, a.Title, a.RegionCode,
                Kb = a.Documents.Where(d => d.Kind == DocumentKind.KesepakatanBersama && d.SignedOn != null && d.FileSha256 != null).Min(d => d.SignedOn),
                Pks = a.Documents.Any(d => d.Kind == DocumentKind.PerjanjianKerjaSama && d.SignedOn != null && d.FileSha256 != null),
            })
            .Where(x => x.Kb != null && x.Kb < before && !x.Pks)
            .OrderBy(x => x.Kb).Take(200).ToListAsync(ct);
        var items = rows.Select(x => new KbWithoutPksItem(x.Id, x.Title, x.RegionCode, x.Kb!.Value, MonthsBetween(x.Kb!.Value, today))).ToList();
        return new KbWithoutPksView(settings.KbWithoutPksMonths, items);
    }

    public static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);
}
