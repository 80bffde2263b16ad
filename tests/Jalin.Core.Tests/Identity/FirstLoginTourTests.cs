using Jalin.Core.Identity;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Identity;

/// <summary>Issue #9 item 10: the first-login tour is remembered per user in the database
/// (TourSeenAt, real SQLite migrations), and can be asked for again.</summary>
public sealed class FirstLoginTourTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 30));
    private TestDb _db = null!;

    public async Task InitializeAsync() => _db = await TestDb.CreateAsync(_clock);
    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<CurrentActor> AddUserAsync(string name, Role role)
    {
        await using var db = _db.NewDb();
        var user = new ApplicationUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), FullName = "Pengguna " + name, Role = role, RegionCode = "32.77" };
        db.ActingAs(CurrentActor.System).Users.Add(user);
        await db.SaveChangesAsync();
        return user.ToActor();
    }

    [Fact]
    public async Task NewUser_SeesTheTour_UntilDismissed_ThenNotInANewContext()
    {
        var officer = await AddUserAsync("petugas.uji", Role.CooperationOfficer);
        var other = await AddUserAsync("tkksd.uji", Role.TeamMember);

        await using (var db = _db.NewDb()) Assert.True((await FirstLoginTour.ShouldShowAsync(db, officer)).Value);
        await using (var db = _db.NewDb())
        {
            var dismissed = await FirstLoginTour.DismissAsync(db, officer, _clock);
            Assert.True(dismissed.Ok);
            Assert.Equal(_clock.Now, dismissed.Value);
        }

        await using (var db = _db.NewDb())
        {
            Assert.False((await FirstLoginTour.ShouldShowAsync(db, officer)).Value);
            // Per user: another account still gets its own tour.
            Assert.True((await FirstLoginTour.ShouldShowAsync(db, other)).Value);
            var row = await db.Users.AsNoTracking().SingleAsync(u => u.Id == officer.UserId);
            Assert.Equal(_clock.Now, row.TourSeenAt);
            // The change of the user's row is in the audit trail under the user themself.
            Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == officer.UserId).ToListAsync(),
                a => a.ActorUserId == officer.UserId && (a.After ?? "").Contains("TourSeenAt"));
        }
    }

    [Fact]
    public async Task ShowAgain_ClearsTheMark_SoTheNextDashboardShowsIt()
    {
        var leader = await AddUserAsync("pimpinan.uji", Role.Leader);
        await using (var db = _db.NewDb()) await FirstLoginTour.DismissAsync(db, leader, _clock);
        await using (var db = _db.NewDb()) Assert.True((await FirstLoginTour.ShowAgainAsync(db, leader)).Ok);
        await using (var db = _db.NewDb())
        {
            Assert.True((await FirstLoginTour.ShouldShowAsync(db, leader)).Value);
            Assert.Null((await db.Users.AsNoTracking().SingleAsync(u => u.Id == leader.UserId)).TourSeenAt);
        }
    }

    [Fact]
    public async Task UnknownOrDeactivatedUser_IsNotFound_NotAnException()
    {
        var ghost = new CurrentActor("tidak-ada", "tidak.ada", "Tidak Ada", Role.Auditor, "32.77");
        await using var db = _db.NewDb();
        var result = await FirstLoginTour.DismissAsync(db, ghost, _clock);
        Assert.False(result.Ok);
        Assert.IsType<Jalin.Core.Common.NotFoundError>(result.Error);
    }
}
