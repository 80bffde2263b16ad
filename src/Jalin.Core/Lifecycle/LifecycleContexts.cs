using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Lifecycle;

/// <summary>Loads what a lifecycle check needs besides the agreement: the region's settings and the holiday calendar.</summary>
public static class LifecycleContexts
{
    public static async Task<LifecycleSettings> SettingsAsync(JalinDb db, string regionCode, CancellationToken ct = default)
    {
        var values = await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == regionCode).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return LifecycleSettings.From(values);
    }

    public static async Task<WorkingDayCalendar> CalendarAsync(JalinDb db, LifecycleSettings settings, CancellationToken ct = default) =>
        new(await db.Holidays.AsNoTracking().ToListAsync(ct), settings.CutiBersamaIsHoliday);

    public static async Task<LifecycleContext> ForAsync(JalinDb db, Agreement agreement, TimeProvider clock, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(db, agreement.RegionCode, ct);
        return new LifecycleContext(agreement, settings, Wib.Today(clock), await CalendarAsync(db, settings, ct))
        {
            Drafts = await Drafting.DraftCompliance.ReadinessAsync(db, agreement, ct),
        };
    }
}
