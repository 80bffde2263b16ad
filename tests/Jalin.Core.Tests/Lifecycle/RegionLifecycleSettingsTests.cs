using Jalin.Core.Common;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Lifecycle;

public class RegionLifecycleSettingsTests
{
    private static readonly CurrentActor Admin = new("admin", "admin", "Administrator", Role.SystemAdmin, null);
    private static readonly CurrentActor Auditor = new("auditor-cimahi", "auditor.cimahi", "Auditor Cimahi", Role.Auditor, Actors.Cimahi);

    [Fact]
    public async Task An_officer_sets_the_regions_values_audited_and_the_lifecycle_reads_them()
    {
        await using var database = await TestDb.CreateAsync(TestClock.At(new DateOnly(2026, 3, 16)));
        await using (var db = database.NewDb())
        {
            var first = (await RegionLifecycleSettings.GetAsync(db, Auditor, Actors.Cimahi)).Value!;
            Assert.False(first.CanEdit);
            Assert.False(first.Values.DprdDeemedApproval); // no deemed approval for KSDD/KSDPK unless the region decides so
            Assert.All(first.Items, i => Assert.False(i.IsRegionValue));
            var input = LifecycleSettingsInput.Of(LifecycleSettings.Default) with { DprdResponseWorkingDays = 30, DprdDeemedApproval = true, KsdllForwardingSkipsDprd = true };
            var saved = await RegionLifecycleSettings.SetAsync(db, Actors.Officer, Actors.Cimahi, input);
            Assert.True(saved.Ok, saved.Error?.Message);
            Assert.True(saved.Value!.CanEdit);
            Assert.All(saved.Value.Items, i => Assert.True(i.IsRegionValue));
        }
        await using (var db = database.NewDb())
        {
            var s = await LifecycleContexts.SettingsAsync(db, Actors.Cimahi);
            Assert.Equal((30, true, true), (s.DprdResponseWorkingDays, s.DprdDeemedApproval, s.KsdllForwardingSkipsDprd));
            Assert.Equal(LifecycleSettings.Default, await LifecycleContexts.SettingsAsync(db, "32.05"));
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "RegionSetting").ToListAsync();
            Assert.Equal(LifecycleSettings.Keys.Count, audit.Count);
            Assert.All(audit, a => Assert.Equal((Actors.Cimahi, Actors.Officer.UserId), (a.RegionCode, a.ActorUserId)));
            Assert.Contains(audit, a => a.After!.Contains("lifecycle.ksdllForwardingSkipsDprd", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Who_may_read_and_change()
    {
        await using var database = await TestDb.CreateAsync(TestClock.At(new DateOnly(2026, 3, 16)));
        await using var db = database.NewDb();
        var input = LifecycleSettingsInput.Of(LifecycleSettings.Default);
        Assert.IsType<NotFoundError>((await RegionLifecycleSettings.GetAsync(db, Actors.Stranger, Actors.Cimahi)).Error);
        Assert.IsType<NotFoundError>((await RegionLifecycleSettings.SetAsync(db, Actors.Stranger, Actors.Cimahi, input)).Error);
        Assert.IsType<ForbiddenError>((await RegionLifecycleSettings.SetAsync(db, Actors.Leader, Actors.Cimahi, input)).Error);
        Assert.IsType<NotFoundError>((await RegionLifecycleSettings.GetAsync(db, Admin, "99.99")).Error);
        Assert.True((await RegionLifecycleSettings.SetAsync(db, Admin, "32.05", input)).Ok);
        Assert.True((await RegionLifecycleSettings.GetAsync(db, Actors.Leader, Actors.Cimahi)).Ok);
        var bad = await RegionLifecycleSettings.SetAsync(db, Actors.Officer, Actors.Cimahi, input with { DprdResponseWorkingDays = 0 });
        Assert.Contains("1 sampai 180", Assert.IsType<ValidationError>(bad.Error).Fields["dprdResponseWorkingDays"][0], StringComparison.Ordinal);
        Assert.False(await db.RegionSettings.AnyAsync(s => s.RegionCode == Actors.Cimahi));
    }
}
