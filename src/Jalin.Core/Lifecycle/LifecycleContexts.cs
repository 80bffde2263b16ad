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

    /// <summary>The working-day calendar of a region: national holidays and cuti bersama plus the region's own holidays.</summary>
    public static async Task<WorkingDayCalendar> CalendarAsync(JalinDb db, LifecycleSettings settings, string regionCode, CancellationToken ct = default) =>
        new(await db.Holidays.AsNoTracking().Where(h => h.RegionCode == null || h.RegionCode == regionCode).ToListAsync(ct), settings.CutiBersamaIsHoliday);

    public static async Task<LifecycleContext> ForAsync(JalinDb db, Agreement agreement, TimeProvider clock, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(db, agreement.RegionCode, ct);
        return new LifecycleContext(agreement, settings, Wib.Today(clock), await CalendarAsync(db, settings, agreement.RegionCode, ct))
        {
            Drafts = await Drafting.DraftCompliance.ReadinessAsync(db, agreement, ct),
        };
    }
}
