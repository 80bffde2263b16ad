using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Regions;

/// <summary>Writes a region's setting rows (not saved; the caller saves with its audit actor).</summary>
public static class RegionSettingRows
{
    public static async Task UpsertAsync(JalinDb db, string region, string key, string value, CancellationToken ct)
    {
        var row = await db.RegionSettings.FirstOrDefaultAsync(s => s.RegionCode == region && s.Key == key, ct);
        if (row is null) db.RegionSettings.Add(new RegionSetting { RegionCode = region, Key = key, Value = value });
        else row.Value = value;
    }

    public static async Task RemoveAsync(JalinDb db, string region, string key, CancellationToken ct) =>
        db.RegionSettings.RemoveRange(await db.RegionSettings.Where(s => s.RegionCode == region && s.Key == key).ToListAsync(ct));
}
