using Jalin.Core.Common;
using Jalin.Core.Facilitation;
using Jalin.Core.Identity;
using Jalin.Core.Proposals;
using Jalin.Core.Tests.Infrastructure;

namespace Jalin.Core.Tests.Proposals;

/// <summary>The region's front-door settings (pengaturan daerah): the usulan number pattern and the facilitation
/// target, read by the region's people, changed by its cooperation officer only, validated, and used.</summary>
public sealed class FrontDoorSettingsTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private TestDb _db = null!;

    public async Task InitializeAsync() => _db = await TestDb.CreateAsync(_clock);
    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("USL/{tahun}/{urut4}", null)]
    [InlineData("{kode}/USUL/{urut}/{tahun}", null)]
    [InlineData("USL/{urut4}", "{tahun}")]
    [InlineData("USL/{tahun}", "{urut}")]
    [InlineData("USL/{tahun}/{nomor}", "{nomor}")]
    [InlineData("USL;{tahun};{urut}", "huruf, angka")]
    [InlineData("U", "3 sampai 60")]
    public void A_pattern_is_checked_before_it_is_stored(string pattern, string? problem)
    {
        var found = FrontDoorSettings.PatternProblem(pattern);
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Fact]
    public async Task The_officer_sets_the_pattern_and_target_the_next_usulan_and_request_use_them()
    {
        await using var db = _db.NewDb();
        var before = (await FrontDoorSettings.GetAsync(db, Actors.Officer, _clock)).Value!;
        Assert.Equal(("USL/{tahun}/{urut4}", false, "USL/2026/0012", 5, false), (before.ProposalNumberPattern, before.ProposalPatternIsRegion, before.ProposalNumberExample,
            before.FacilitationTargetWorkingDays, before.FacilitationTargetIsRegion));

        var after = (await FrontDoorSettings.SetAsync(db, Actors.Officer, new FrontDoorSettingsInput("{kode}/USUL/{tahun}/{urut}", 10), _clock)).Value!;
        Assert.Equal(("32.77/USUL/2026/12", true, 10, true), (after.ProposalNumberExample, after.ProposalPatternIsRegion, after.FacilitationTargetWorkingDays, after.FacilitationTargetIsRegion));
        Assert.Equal("32.77/USUL/2026/1", (await ProposalNumbering.NextAsync(db, Actors.Cimahi, _clock, default)).Number);
        Assert.Equal(10, await FacilitationSettings.TargetWorkingDaysAsync(db, Actors.Cimahi, default));

        // an empty pattern returns to Jalin's default; the target stays
        var reset = (await FrontDoorSettings.SetAsync(db, Actors.Officer, new FrontDoorSettingsInput("", null), _clock)).Value!;
        Assert.Equal(("USL/{tahun}/{urut4}", false, 10), (reset.ProposalNumberPattern, reset.ProposalPatternIsRegion, reset.FacilitationTargetWorkingDays));
    }

    [Fact]
    public async Task Only_the_officer_changes_them_other_region_roles_read_and_bad_values_store_nothing()
    {
        await using var db = _db.NewDb();
        Assert.IsType<ForbiddenError>((await FrontDoorSettings.SetAsync(db, Actors.Leader, new FrontDoorSettingsInput(null, 7), _clock)).Error);
        Assert.True((await FrontDoorSettings.GetAsync(db, Actors.Leader, _clock)).Ok);
        Assert.IsType<ForbiddenError>((await FrontDoorSettings.GetAsync(db, Actors.Dprd, _clock)).Error);
        var partner = new CurrentActor("mitra", "mitra", "Mitra", Role.PartnerUser, Actors.Cimahi);
        Assert.IsType<ForbiddenError>((await FrontDoorSettings.GetAsync(db, partner, _clock)).Error);

        var bad = (await FrontDoorSettings.SetAsync(db, Actors.Officer, new FrontDoorSettingsInput("USL/{urut}", 61), _clock)).Error as ValidationError;
        Assert.NotNull(bad);
        Assert.Equal(["facilitationTargetWorkingDays", "proposalNumberPattern"], bad.Fields.Keys.Order());
        Assert.IsType<ValidationError>((await FrontDoorSettings.SetAsync(db, Actors.Officer, new FrontDoorSettingsInput(null, null), _clock)).Error);
        var still = (await FrontDoorSettings.GetAsync(db, Actors.Officer, _clock)).Value!;
        Assert.False(still.ProposalPatternIsRegion || still.FacilitationTargetIsRegion);
    }
}
