using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Identity;
using Jalin.Core.Partners;
using Jalin.Core.Regions;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Agreements;

/// <summary>PP 28/2018 Pasal 3 ayat (2) / UU 23/2014 Pasal 364 ayat (1): a KSDD wajib is between
/// bordering regions. Through RegisterAgreement and UpdateAgreement on SQLite with migrations.</summary>
public sealed class KsddBorderingTests : IAsyncLifetime
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

    private static AgreementInput Wajib(params string[] others) => Scenario.Ksdd("Pengelolaan sampah regional bersama") with
    {
        Kind = CooperationKind.KsddWajib, MappingReference = "Pemetaan urusan 2026 butir 4",
        Parties = others.Select(o => new PartyInput { RegionCode = o }).ToList(),
    };

    private async Task<ValidationError> RefusedAsync(AgreementInput input, CurrentActor? actor = null)
    {
        await using var db = _db.NewDb();
        var before = await db.Agreements.CountAsync();
        var result = await RegisterAgreement.HandleAsync(db, actor ?? Actors.Officer, input, _clock);
        var error = Assert.IsType<ValidationError>(result.Error);
        await using var check = _db.NewDb();
        Assert.Equal(before, await check.Agreements.CountAsync());
        return error;
    }

    [Fact]
    public async Task Wajib_between_non_bordering_regions_is_refused_naming_the_pair_PP_28_2018_Pasal_3_ayat_2()
    {
        var error = await RefusedAsync(Wajib("53.71"));
        var message = Assert.Single(error.Fields["parties"]);
        Assert.Contains("Kota Cimahi tidak berbatasan dengan Kota Kupang", message);
        Assert.Contains("PP 28/2018 Pasal 3 ayat (2)", message);
        Assert.Contains("provinsinya sendiri", message); // the rule for province–kab/kota is stated

        // one far party among neighbours is named with every party it does not border
        error = await RefusedAsync(Wajib("32.73", "53.71"));
        message = Assert.Single(error.Fields["parties"]);
        Assert.Contains("Kota Kupang tidak berbatasan dengan Kota Cimahi dan Kota Bandung", message);
        Assert.DoesNotContain("Kota Bandung tidak", message);
    }

    [Fact]
    public async Task Wajib_with_the_three_land_neighbours_of_Cimahi_and_its_province_is_accepted()
    {
        foreach (var neighbour in new[] { "32.73", "32.04", "32.17" })
        {
            var id = await _s.RegisterAsync(Wajib(neighbour));
            var a = await _s.LoadAsync(id);
            Assert.False(a.BorderingConfirmed);
            Assert.True(KsddBordering.IsMet(a)); // the lifecycle prerequisite is met by the data alone
        }
        await _s.RegisterAsync(Wajib("32.73", "32.04", "32.17"));
        // UU 23/2014 Pasal 364 ayat (2) huruf b: with its own province; Garut then borders Kabupaten Bandung
        await _s.RegisterAsync(Wajib("32", "32.04", "32.05"));
        // a party that borders another party (not the owner) is enough: Garut–Kabupaten Bandung
        await _s.RegisterAsync(Wajib("32.04", "32.05"));
    }

    [Fact]
    public async Task Confirmed_with_a_written_reason_is_accepted_and_meets_the_prerequisite()
    {
        var id = await _s.RegisterAsync(Wajib("53.71") with
        {
            BorderingConfirmed = true, BorderingNote = "Dikonfirmasi berdasarkan berita acara penegasan batas (perbatasan laut)",
        });
        var a = await _s.LoadAsync(id);
        Assert.True(a.BorderingConfirmed);
        Assert.True(KsddBordering.IsMet(a));
        a.BorderingNote = null;
        Assert.False(KsddBordering.IsMet(a)); // a confirmation without a reason does not count
    }

    [Fact]
    public async Task Confirmed_without_a_reason_is_refused()
    {
        var error = await RefusedAsync(Wajib("53.71") with { BorderingConfirmed = true, BorderingNote = "   " });
        Assert.Contains("alasan", Assert.Single(error.Fields["borderingNote"]));
        error = await RefusedAsync(Wajib("32.73") with { BorderingConfirmed = true });
        Assert.Contains("borderingNote", error.Fields.Keys);
    }

    [Fact]
    public async Task Sukarela_between_non_bordering_regions_is_accepted_PP_28_2018_Pasal_3_ayat_3()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd() with { Parties = [new PartyInput { RegionCode = "53.71" }] });
        Assert.Equal(CooperationKind.KsddSukarela, (await _s.LoadAsync(id)).Kind);
    }

    [Fact]
    public async Task A_region_partner_from_the_registry_counts_by_its_region_code()
    {
        var kupang = await _s.AddPartnerAsync(PartnerKind.Region, "Pemerintah Kota Kupang", partnerRegion: "53.71");
        var error = await RefusedAsync(Wajib() with { Parties = [new PartyInput { PartnerId = kupang.Id }] });
        Assert.Contains("Kota Cimahi tidak berbatasan dengan Pemerintah Kota Kupang", Assert.Single(error.Fields["parties"]));
        var bandung = await _s.AddPartnerAsync(PartnerKind.Region, "Pemerintah Kota Bandung", partnerRegion: "32.73");
        await _s.RegisterAsync(Wajib() with { Parties = [new PartyInput { PartnerId = bandung.Id }] });
    }

    [Fact]
    public async Task The_party_picker_suggests_the_bordering_regions_first()
    {
        await using var db = _db.NewDb();
        Assert.Equal(["32", "32.04", "32.17", "32.73"], (await RegionQueries.SuggestAsync(db, "", null, Actors.Cimahi)).Select(r => r.Code));
        var bandung = (await RegionQueries.SuggestAsync(db, "bandung", null, Actors.Cimahi)).Select(r => r.Code).ToList();
        Assert.Equal(["32.04", "32.17", "32.73"], bandung);
        Assert.Equal(["53.01", "53.71"], (await RegionQueries.SuggestAsync(db, "kupang", null, Actors.Cimahi)).Select(r => r.Code).Order());
        Assert.Empty(await RegionQueries.SuggestAsync(db, "k", null, null)); // without a region to border, short text suggests nothing
        Assert.IsType<NotFoundError>((await RegionQueries.NeighboursAsync(db, "99.99")).Error);
    }

    [Fact]
    public async Task Editing_a_wajib_to_a_non_bordering_party_is_refused()
    {
        var id = await _s.RegisterAsync(Wajib("32.73"));
        var version = (await _s.LoadAsync(id)).Version;
        await using (var db = _db.NewDb())
        {
            var result = await UpdateAgreement.HandleAsync(db, Actors.Officer, id, version, Wajib("53.71"), _clock);
            var error = Assert.IsType<ValidationError>(result.Error);
            Assert.Contains("tidak berbatasan dengan Kota Kupang", Assert.Single(error.Fields["parties"]));
        }
        Assert.Equal("32.73", (await _s.LoadAsync(id)).Parties.Single(p => p.Order == 2).RegionCode);
        await using (var db = _db.NewDb())
        {
            var result = await UpdateAgreement.HandleAsync(db, Actors.Officer, id, version,
                Wajib("53.71") with { BorderingConfirmed = true, BorderingNote = "Dikonfirmasi pimpinan: batas laut" }, _clock);
            Assert.True(result.Ok, result.Error?.ToString());
        }
    }
}
