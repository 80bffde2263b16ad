using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Tests.Infrastructure;

namespace Jalin.Core.Tests.Agreements;

/// <summary>Issue #9 item 4: sorting the agreement list puts empty values last in both directions,
/// and a new title close to an existing one of the same region is found (SQLite with migrations;
/// the PostgreSQL side of the sort runs in Jalin.Web.Tests AgreementListSortTests).</summary>
public sealed class AgreementListTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private TestDb _db = null!;
    private Scenario _s = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<List<string>> SortedTitlesAsync(string sort, bool descending, string marker)
    {
        await using var db = _db.NewDb();
        var result = await SearchAgreements.HandleAsync(db, Actors.Officer, new AgreementFilter { Q = marker, Sort = sort, Descending = descending, PageSize = 100 }, _clock);
        Assert.True(result.Ok, result.Error?.ToString());
        return result.Value!.Items.Select(i => i.Title).ToList();
    }

    [Theory]
    [InlineData("endsOn")]
    [InlineData("startsOn")]
    [InlineData("value")]
    [InlineData("lead")]
    public async Task Empty_values_sort_last_in_both_directions(string sort)
    {
        var marker = "Urut" + Guid.NewGuid().ToString("N")[..6];
        var agency = await FirstAgencyAsync();
        await _s.RegisterAsync(Scenario.Ksdd($"{marker} kosong") with { StartsOn = null, EndsOn = null, Value = null, LeadAgencyId = null });
        await _s.RegisterAsync(Scenario.Ksdd($"{marker} awal") with
        {
            StartsOn = new DateOnly(2025, 1, 1), EndsOn = new DateOnly(2027, 1, 1), Value = 1_000_000m, LeadAgencyId = agency.first,
        });
        await _s.RegisterAsync(Scenario.Ksdd($"{marker} akhir") with
        {
            StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2029, 1, 1), Value = 9_000_000m, LeadAgencyId = agency.last,
        });

        Assert.Equal([$"{marker} awal", $"{marker} akhir", $"{marker} kosong"], await SortedTitlesAsync(sort, false, marker));
        Assert.Equal([$"{marker} akhir", $"{marker} awal", $"{marker} kosong"], await SortedTitlesAsync(sort, true, marker));
    }

    /// <summary>Two OPDs of Cimahi whose names sort "Badan …" before "Dinas …".</summary>
    private async Task<(Guid first, Guid last)> FirstAgencyAsync()
    {
        await using var db = _db.NewDb();
        var first = new Jalin.Core.Agencies.Agency { RegionCode = Actors.Cimahi, Name = "Badan Perencanaan Pembangunan Daerah" };
        var last = new Jalin.Core.Agencies.Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup" };
        db.ActingAs(Actors.Officer).Agencies.AddRange(first, last);
        await db.SaveChangesAsync();
        return (first.Id, last.Id);
    }

    [Theory]
    [InlineData("Kerjasama Pengelolaan Sampah Regional", "Kerja Sama Pengelolaan Sampah Regional")] // "kerjasama" = "kerja sama"
    [InlineData("PENGELOLAAN SAMPAH REGIONAL.", "pengelolaan sampah regional")] // case and punctuation
    [InlineData("Pengelolaan Sampah Regonal", "Pengelolaan Sampah Regional")] // a typo (edit distance 1)
    [InlineData("Sampah regional, pengelolaan", "Pengelolaan sampah regional")] // same words, other order
    [InlineData("Pengelolaan sampah regional Cimahi dan Bandung", "Kerja sama pengelolaan sampah regional Cimahi")] // most words shared
    public void Close_titles_are_similar(string a, string b) => Assert.True(FindSimilarAgreements.AreSimilar(a, b), $"{a} ~ {b}");

    [Theory]
    [InlineData("Pengelolaan sampah regional", "Penyediaan air minum regional")]
    [InlineData("Pelatihan aparatur desa", "Pelatihan guru sekolah dasar")]
    [InlineData("Jalan", "Jalan")] // too short to say anything
    public void Different_titles_are_not_similar(string a, string b) => Assert.False(FindSimilarAgreements.AreSimilar(a, b), $"{a} !~ {b}");

    [Fact]
    public async Task A_new_title_close_to_an_existing_one_of_the_same_region_is_found_and_others_regions_are_not()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var own = await _s.RegisterAsync(Scenario.Ksdd($"Kerja Sama Pengelolaan Air Limbah Domestik {marker}"));
        // Kabupaten Bandung registers the same title for its own region: never offered to Cimahi
        var other = await _s.RegisterAsync(Scenario.Ksdd($"Kerja Sama Pengelolaan Air Limbah Domestik {marker}") with
        {
            Parties = [new PartyInput { RegionCode = "32.05" }],
        }, Actors.PartyOfficer);

        await using var db = _db.NewDb();
        var found = await FindSimilarAgreements.HandleAsync(db, Actors.Officer, $"kerjasama pengelolaan air limbah domestik {marker}");
        Assert.True(found.Ok);
        var hit = Assert.Single(found.Value!);
        Assert.Equal(own, hit.Id);
        Assert.DoesNotContain(found.Value!, f => f.Id == other);

        // editing the agreement itself does not warn about itself
        var self = await FindSimilarAgreements.HandleAsync(db, Actors.Officer, $"Kerja Sama Pengelolaan Air Limbah Domestik {marker}", own);
        Assert.Empty(self.Value!);
        // the other region sees only its own
        var theirs = await FindSimilarAgreements.HandleAsync(db, Actors.PartyOfficer, $"Pengelolaan Air Limbah Domestik {marker}");
        Assert.Equal(other, Assert.Single(theirs.Value!).Id);
    }
}
