using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Partners;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Agreements;

/// <summary>AgreementRules through RegisterAgreement on the SQLite database.</summary>
public sealed class AgreementRulesTests : IAsyncLifetime
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

    private async Task<ValidationError> RefusedAsync(AgreementInput input, Jalin.Core.Identity.CurrentActor? actor = null)
    {
        await using var db = _db.NewDb();
        var before = await db.Agreements.CountAsync();
        var result = await RegisterAgreement.HandleAsync(db, actor ?? Actors.Officer, input, _clock);
        var error = Assert.IsType<ValidationError>(result.Error);
        await using var check = _db.NewDb();
        Assert.Equal(before, await check.Agreements.CountAsync());
        return error;
    }

    private static AgreementInput Foreign(CooperationKind kind, Guid partner, DateOnly start, DateOnly end) => new()
    {
        Kind = kind, Title = "Kerja sama kota kembar Cimahi", StartsOn = start, EndsOn = end,
        Parties = [new PartyInput { PartnerId = partner }],
    };

    [Fact]
    public async Task Foreign_term_is_at_most_five_years()
    {
        var sister = await _s.AddPartnerAsync(PartnerKind.ForeignLocalGovernment, "Kota Hamamatsu");
        var start = new DateOnly(2027, 1, 1);
        var error = await RefusedAsync(Foreign(CooperationKind.Ksdpl, sister.Id, start, start.AddYears(5).AddDays(1)));
        var message = Assert.Single(error.Fields["endsOn"]);
        Assert.Contains("paling lama 5 tahun", message);
        Assert.Contains("Permendagri 25/2020 Pasal 32", message);
        // no TermBasis can lift it, unlike the domestic limit
        error = await RefusedAsync(Foreign(CooperationKind.Ksdpl, sister.Id, start, start.AddYears(6)) with { TermBasis = "Perda" });
        Assert.Contains("endsOn", error.Fields.Keys);

        var id = await _s.RegisterAsync(Foreign(CooperationKind.Ksdpl, sister.Id, start, start.AddYears(5)));
        var a = await _s.LoadAsync(id);
        Assert.Equal(Jalin.Core.Lifecycle.Stage.Initiative, a.Stage);
    }

    [Fact]
    public async Task Foreign_kinds_need_the_right_foreign_partner()
    {
        var sister = await _s.AddPartnerAsync(PartnerKind.ForeignLocalGovernment, "Kota Hamamatsu");
        var start = new DateOnly(2027, 1, 1);
        var error = await RefusedAsync(Foreign(CooperationKind.Ksdll, sister.Id, start, start.AddYears(2)));
        Assert.Contains("lembaga di luar negeri", Assert.Single(error.Fields["parties[0].partnerId"]));
        error = await RefusedAsync(Foreign(CooperationKind.Ksdpl, sister.Id, start, start.AddYears(2)) with { Parties = [new PartyInput { RegionCode = Actors.KabBandung }] });
        Assert.Contains("tidak bermitra dengan daerah", Assert.Single(error.Fields["parties[0].regionCode"]));
    }

    [Fact]
    public async Task Ksdd_needs_another_region_as_party()
    {
        var company = await _s.AddPartnerAsync(PartnerKind.PrivateCompany, "PT Sinar Terang Abadi");
        var error = await RefusedAsync(Scenario.Ksdd() with { Parties = [new PartyInput { PartnerId = company.Id }] });
        Assert.Equal("KSDD hanya dengan Daerah lain.", Assert.Single(error.Fields["parties[0].partnerId"]));
        Assert.Contains("paling sedikit satu Daerah lain", Assert.Single(error.Fields["parties"]));

        // a registry entry of kind Region that does not point at a region is not enough
        var vague = await _s.AddPartnerAsync(PartnerKind.Region, "Pemda tetangga");
        error = await RefusedAsync(Scenario.Ksdd() with { Parties = [new PartyInput { PartnerId = vague.Id }] });
        Assert.Contains("paling sedikit satu Daerah lain", Assert.Single(error.Fields["parties"]));
        Assert.DoesNotContain("parties[0].partnerId", error.Fields.Keys);

        var linked = await _s.AddPartnerAsync(PartnerKind.Region, "Kabupaten Bandung", partnerRegion: Actors.KabBandung);
        var id = await _s.RegisterAsync(Scenario.Ksdd() with { Parties = [new PartyInput { PartnerId = linked.Id, DocumentNumber = "1/2026" }] });
        Assert.Contains((await _s.LoadAsync(id)).Parties, p => p.RegionCode == Actors.KabBandung && p.PartnerId == linked.Id);

        error = await RefusedAsync(Scenario.Ksdd() with { Parties = [] });
        Assert.Contains("paling sedikit satu pihak", Assert.Single(error.Fields["parties"]));
    }

    [Fact]
    public async Task Party_regions_must_be_other_autonomous_known_regions_listed_once()
    {
        var error = await RefusedAsync(Scenario.Ksdd() with
        {
            Parties =
            [
                new PartyInput { RegionCode = Actors.Cimahi },
                new PartyInput { RegionCode = "31.71" },
                new PartyInput { RegionCode = "99.99" },
                new PartyInput { RegionCode = Actors.KabBandung },
                new PartyInput { RegionCode = Actors.KabBandung },
                new PartyInput(),
            ],
        });
        Assert.Contains("pihak pertama", Assert.Single(error.Fields["parties[0].regionCode"]));
        Assert.Contains("bukan daerah otonom", Assert.Single(error.Fields["parties[1].regionCode"]));
        Assert.Contains("tidak dikenal", Assert.Single(error.Fields["parties[2].regionCode"]));
        Assert.DoesNotContain("parties[3].regionCode", error.Fields.Keys);
        Assert.Contains("sudah tercantum", Assert.Single(error.Fields["parties[4].regionCode"]));
        Assert.Contains("tepat satu", Assert.Single(error.Fields["parties[5]"]));
    }

    /// <summary>UU 23/2014 Ps 14(1): kehutanan, kelautan and ESDM go to the provinces; a kab/kota keeps Tahura (ayat (2)) and
    /// direct use of geothermal heat (ayat (4)); perikanan is not in Ps 14 at all. A province-only sub-urusan is refused
    /// for a kota; without a sub-urusan Jalin asks for it (a warning) instead of refusing.</summary>
    [Fact]
    public async Task Province_only_sub_affairs_are_refused_for_a_kota_UU23_Ps14()
    {
        var error = await RefusedAsync(Scenario.Ksdd() with { AffairCode = "3.28", SubAffairCode = "3.28.lainnya" });
        // both the owner (Kota Cimahi) and the party (Kabupaten Bandung) are named
        Assert.Equal(2, error.Fields["subAffairCode"].Length);
        var message = error.Fields["subAffairCode"][0];
        Assert.Contains("Kabupaten Bandung", error.Fields["subAffairCode"][1]);
        Assert.Contains("Kehutanan selain Tahura", message);
        Assert.Contains("kewenangan provinsi", message);
        Assert.Contains("UU 23/2014 Pasal 14 ayat (1)", message);
        Assert.Contains("Kota Cimahi", message);
        Assert.Contains("affairCode", (await RefusedAsync(Scenario.Ksdd() with { AffairCode = "9.99" })).Fields.Keys);
        // a sub-urusan of another urusan, or for an urusan that is not split, is refused
        Assert.Contains("subAffairCode", (await RefusedAsync(Scenario.Ksdd() with { AffairCode = "3.28", SubAffairCode = "3.25.perikanan" })).Fields.Keys);
        Assert.Contains("subAffairCode", (await RefusedAsync(Scenario.Ksdd() with { AffairCode = "2.11", SubAffairCode = "3.28.tahura" })).Fields.Keys);
        // the party's level counts too: Kelautan with Kabupaten Bandung is refused even for the province that owns it
        var kelautan = await RefusedAsync(Scenario.Ksdd() with { AffairCode = "3.25", SubAffairCode = "3.25.kelautan", Parties = [new PartyInput { RegionCode = "32.04" }] },
            Actors.ProvinceOfficer);
        Assert.Contains("Kabupaten Bandung", Assert.Single(kelautan.Fields["subAffairCode"]));

        // allowed for a kota: perikanan, Tahura, direct geothermal use; and a split urusan without sub-urusan (warned, not refused)
        await _s.RegisterAsync(Scenario.Ksdd() with { AffairCode = "3.25", SubAffairCode = "3.25.perikanan" });
        await _s.RegisterAsync(Scenario.Ksdd() with { AffairCode = "3.28", SubAffairCode = "3.28.tahura" });
        await _s.RegisterAsync(Scenario.Ksdd() with { AffairCode = "3.29", SubAffairCode = "3.29.panas-bumi-langsung" });
        await _s.RegisterAsync(Scenario.Ksdd() with { AffairCode = "3.28" });

        // the same affair is fine for a kota when it is not provincial-only, and for a province
        await _s.RegisterAsync(Scenario.Ksdd() with { AffairCode = "2.11" });
        await _s.RegisterAsync(Scenario.Ksdd() with { AffairCode = "3.28", Parties = [new PartyInput { RegionCode = "33", DocumentNumber = "1" }] }, Actors.ProvinceOfficer);
    }

    [Fact]
    public async Task Domestic_term_limit_follows_the_region_setting_or_a_recorded_basis()
    {
        var longTerm = Scenario.Ksdd() with { StartsOn = new DateOnly(2027, 1, 1), EndsOn = new DateOnly(2033, 12, 31) };
        var error = await RefusedAsync(longTerm);
        Assert.Contains("melebihi 5 tahun", Assert.Single(error.Fields["termBasis"]));
        await _s.RegisterAsync(longTerm with { TermBasis = "Perda Kota Cimahi 3/2025 Ps 10 (infrastruktur)" });
        await _s.SetRegionSettingAsync("lifecycle.termLimitYears", "10");
        await _s.RegisterAsync(longTerm);

        error = await RefusedAsync(longTerm with { EndsOn = new DateOnly(2026, 12, 31) });
        Assert.Contains("setelah tanggal mulai", Assert.Single(error.Fields["endsOn"]));
        error = await RefusedAsync(longTerm with { StartsOn = null });
        Assert.Contains("startsOn", error.Fields.Keys);
    }

    [Fact]
    public async Task Other_field_rules_and_who_may_register()
    {
        var company = await _s.AddPartnerAsync(PartnerKind.PrivateCompany, "PT Sinar Terang Abadi");
        var ksdpk = Scenario.Ksdd() with { Kind = CooperationKind.Ksdpk, Parties = [new PartyInput { PartnerId = company.Id }] };
        var refused = await RefusedAsync(ksdpk);
        Assert.Contains("initiative", refused.Fields.Keys);
        Assert.Contains("Pasal 15 ayat (1)", Assert.Single(refused.Fields["ksdpkKind"]));
        await _s.RegisterAsync(ksdpk with { Initiative = Initiative.ThirdParty, KsdpkKind = KsdpkKind.PublicService });

        var error = await RefusedAsync(Scenario.Ksdd() with { Title = "abc", Value = -1, LeadAgencyId = Guid.NewGuid() });
        Assert.Contains("title", error.Fields.Keys);
        Assert.Contains("value", error.Fields.Keys);
        Assert.Contains("leadAgencyId", error.Fields.Keys);

        await using var db = _db.NewDb();
        Assert.IsType<ForbiddenError>((await RegisterAgreement.HandleAsync(db, Actors.Leader, Scenario.Ksdd(), _clock)).Error);
        var jakpus = new Jalin.Core.Identity.CurrentActor("o", "o", "Petugas Jakpus", Jalin.Core.Identity.Role.CooperationOfficer, "31.71");
        Assert.Contains("regionCode", (await RefusedAsync(Scenario.Ksdd(), jakpus)).Fields.Keys);
    }
}
