using Jalin.Core.Common;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Lifecycle;

/// <summary>The holiday calendar use case on a migrated, seeded SQLite database.</summary>
public class HolidayCalendarTests
{
    private static readonly CurrentActor Admin = new("admin", "admin", "Administrator", Role.SystemAdmin, null);
    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    private static HolidayInput Regional(string date = "2026-10-21", string region = Actors.Cimahi) =>
        new() { Date = date, Type = "Libur", Name = "Hari Jadi Kota Cimahi", RegionCode = region, DecreeReference = "Keputusan Wali Kota Cimahi Nomor 1 Tahun 2026" };

    [Fact]
    public async Task A_regional_holiday_moves_that_regions_deadlines_only_and_is_audited()
    {
        var clock = TestClock.At(D(10, 1));
        await using var database = await TestDb.CreateAsync(clock);
        await using (var db = database.NewDb())
        {
            var added = await HolidayCalendar.AddAsync(db, Actors.Officer, Regional());
            Assert.True(added.Ok, added.Error?.Message);
        }
        await using (var db = database.NewDb())
        {
            var settings = await LifecycleContexts.SettingsAsync(db, Actors.Cimahi);
            Assert.Equal(D(10, 22), (await LifecycleContexts.CalendarAsync(db, settings, Actors.Cimahi)).AddWorkingDays(D(10, 20), 1));
            Assert.Equal(D(10, 21), (await LifecycleContexts.CalendarAsync(db, settings, "32.05")).AddWorkingDays(D(10, 20), 1));
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Holiday) && a.ActorUserId != "system").ToListAsync();
            var row = Assert.Single(audit);
            Assert.Equal((Actors.Cimahi, "Added", Actors.Officer.UserId), (row.RegionCode, row.Action, row.ActorUserId));

            var view = (await HolidayCalendar.ListAsync(db, Actors.Officer, 2026, null, clock)).Value!;
            Assert.Contains(view.Holidays, h => h.Date == D(10, 21) && h.RegionCode == Actors.Cimahi && h.CanDelete);
            Assert.Contains(view.Holidays, h => h.Date == D(8, 17) && h.RegionCode == null && !h.CanDelete);
            Assert.DoesNotContain((await HolidayCalendar.ListAsync(db, Actors.Stranger, 2026, null, clock)).Value!.Holidays, h => h.RegionCode is not null);
        }
    }

    [Fact]
    public async Task Two_regions_may_hold_the_same_date()
    {
        await using var database = await TestDb.CreateAsync(TestClock.At(D(10, 1)));
        await using var db = database.NewDb();
        Assert.True((await HolidayCalendar.AddAsync(db, Actors.Officer, Regional())).Ok);
        Assert.True((await HolidayCalendar.AddAsync(db, Actors.Stranger, Regional(region: "32.05") with { Name = "Hari Jadi Garut" })).Ok);
        Assert.Equal(2, await db.Holidays.CountAsync(h => h.Date == D(10, 21)));
    }

    [Fact]
    public async Task Bad_input_is_refused_in_indonesian_and_nothing_is_saved()
    {
        await using var database = await TestDb.CreateAsync(TestClock.At(D(10, 1)));
        await using var db = database.NewDb();
        var before = await db.Holidays.CountAsync();
        async Task<Error> Refused(CurrentActor actor, HolidayInput input)
        {
            var r = await HolidayCalendar.AddAsync(db, actor, input);
            Assert.False(r.Ok);
            return r.Error!;
        }
        var dup = Assert.IsType<ValidationError>(await Refused(Admin, new HolidayInput { Date = "2026-08-17", Type = "Libur", Name = "Kemerdekaan", DecreeReference = "SKB" }));
        Assert.Contains("sudah tercatat sebagai hari libur nasional", dup.Fields["date"][0], StringComparison.Ordinal);
        var regionalOnNational = Assert.IsType<ValidationError>(await Refused(Actors.Officer, Regional("2026-08-17")));
        Assert.Contains("hari libur nasional", regionalOnNational.Fields["date"][0], StringComparison.Ordinal);
        var bad = Assert.IsType<ValidationError>(await Refused(Admin, new HolidayInput { Date = "2026-02-30", Type = "Libur", Name = "Tanggal salah" }));
        Assert.Contains("TTTT-BB-HH", bad.Fields["date"][0], StringComparison.Ordinal);
        // a national day without its decree (the SKB or Keppres that set it)
        Assert.Contains("decreeReference", bad.Fields.Keys);
        var type = Assert.IsType<ValidationError>(await Refused(Admin, new HolidayInput { Date = "2028-01-01", Type = "Nasional", Name = "Tahun Baru", DecreeReference = "SKB" }));
        Assert.Contains("type", type.Fields.Keys);
        Assert.IsType<ForbiddenError>(await Refused(Actors.Officer, new HolidayInput { Date = "2028-01-01", Type = "Libur", Name = "Tahun Baru", DecreeReference = "SKB" }));
        Assert.IsType<ForbiddenError>(await Refused(Actors.Stranger, Regional()));
        Assert.IsType<ForbiddenError>(await Refused(Actors.Leader, Regional()));
        Assert.IsType<NotFoundError>(await Refused(Admin, Regional(region: "99.99")));
        Assert.Equal(before, await db.Holidays.CountAsync());
    }

    [Fact]
    public async Task Delete_follows_the_owner_of_the_day()
    {
        await using var database = await TestDb.CreateAsync(TestClock.At(D(10, 1)));
        await using var db = database.NewDb();
        var regional = (await HolidayCalendar.AddAsync(db, Actors.Officer, Regional())).Value!;
        var national = await db.Holidays.AsNoTracking().Where(h => h.Date == D(8, 17)).Select(h => h.Id).SingleAsync();
        Assert.IsType<NotFoundError>((await HolidayCalendar.DeleteAsync(db, Actors.Stranger, regional.Id)).Error);
        Assert.IsType<ForbiddenError>((await HolidayCalendar.DeleteAsync(db, Actors.Leader, regional.Id)).Error);
        Assert.IsType<ForbiddenError>((await HolidayCalendar.DeleteAsync(db, Actors.Officer, national)).Error);
        Assert.IsType<NotFoundError>((await HolidayCalendar.DeleteAsync(db, Admin, 987654)).Error);
        Assert.True((await HolidayCalendar.DeleteAsync(db, Actors.Officer, regional.Id)).Ok);
        Assert.True((await HolidayCalendar.DeleteAsync(db, Admin, national)).Ok);
        Assert.False(await db.Holidays.AnyAsync(h => h.Date == D(8, 17) || h.Date == D(10, 21)));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Holiday) && a.Action == "Deleted" && a.ActorUserId != "system"));
    }

    [Fact]
    public async Task The_calendar_warns_of_upcoming_years_without_national_data_and_the_admin_can_fill_them()
    {
        var clock = TestClock.At(D(11, 2, 2027));
        await using var database = await TestDb.CreateAsync(clock);
        await using var db = database.NewDb();
        var view = (await HolidayCalendar.ListAsync(db, Actors.Officer, 2027, null, clock)).Value!;
        Assert.Equal([2028, 2029], view.UpcomingYearsWithoutData);
        Assert.Contains("2028 dan 2029 belum tersedia", view.MissingDataNote, StringComparison.Ordinal);
        Assert.False(view.CanEditNational);
        Assert.True(view.CanEditRegional);
        var added = await HolidayCalendar.AddAsync(db, Admin, new HolidayInput
        {
            Date = "2028-01-01", Type = "Libur", Name = "Tahun Baru 2028 Masehi", DecreeReference = "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Tahun 2027",
        });
        Assert.True(added.Ok, added.Error?.Message);
        Assert.Equal([2029], (await HolidayCalendar.ListAsync(db, Admin, 2028, null, clock)).Value!.UpcomingYearsWithoutData);
        var national = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(Holiday) && a.ActorUserId != "system");
        Assert.Equal(Jalin.Core.Audit.AuditInterceptor.InstanceChain, national.RegionCode);
    }

    [Fact]
    public async Task Reseeding_does_not_bring_back_a_deleted_national_day()
    {
        await using var database = await TestDb.CreateAsync(TestClock.At(D(10, 1)));
        await using (var db = database.NewDb())
        {
            var id = await db.Holidays.Where(h => h.Date == D(8, 17)).Select(h => h.Id).SingleAsync();
            Assert.True((await HolidayCalendar.DeleteAsync(db, Admin, id)).Ok);
        }
        await using (var db = database.NewDb())
        {
            await Jalin.Core.Data.Seed.ReferenceData.SeedAsync(db);
            Assert.False(await db.Holidays.AnyAsync(h => h.Date == D(8, 17)));
            Assert.Equal(24, await db.Holidays.CountAsync(h => h.Date.Year == 2026));
            Assert.False(await db.Holidays.AnyAsync(h => h.DecreeReference == null));
        }
    }
}
