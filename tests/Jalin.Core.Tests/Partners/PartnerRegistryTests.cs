using Jalin.Core.Partners;
using Jalin.Core.Tests.Infrastructure;

namespace Jalin.Core.Tests.Partners;

public class PartnerRegistryTests
{
    [Theory]
    [InlineData("PT. Maju Jaya, Tbk.", "maju jaya")]
    [InlineData("PT Maju Jaya", "maju jaya")]
    [InlineData("  MAJU   JAYA  ", "maju jaya")]
    [InlineData("CV Sinar-Terang (Persero)", "sinar terang")]
    [InlineData("Koperasi Sejahtera Bersama", "sejahtera bersama")]
    [InlineData("Perumda Air Minum Tirta Raharja", "air minum tirta raharja")]
    [InlineData("Universitas Jenderal Achmad Yani", "universitas jenderal achmad yani")]
    [InlineData("Yayasan Pendidikan 17 Agustus", "pendidikan 17 agustus")]
    public void Name_key_ignores_legal_forms_punctuation_and_case(string name, string key) =>
        Assert.Equal(key, PartnerRegistry.NameKey(name));

    [Fact]
    public void Name_key_keeps_words_that_only_contain_a_legal_form()
    {
        Assert.Equal("ptpn sejahtera", PartnerRegistry.NameKey("PTPN Sejahtera"));
        Assert.Equal("cvita", PartnerRegistry.NameKey("Cvita"));
    }

    [Fact]
    public async Task Probable_duplicates_are_reported_within_the_region()
    {
        var clock = TestClock.At(new DateOnly(2026, 11, 24));
        await using var database = await TestDb.CreateAsync(clock);
        var s = new Scenario(database, clock);
        var existing = await s.AddPartnerAsync(PartnerKind.PrivateCompany, "PT Sinar Terang Abadi");
        await using (var db = database.NewDb())
        {
            var p = await db.Partners.FindAsync(existing.Id);
            p!.Nib = "1234567890123";
            p.Npwp = "012345678901234";
            await db.SaveChangesAsync();
        }
        await s.AddPartnerAsync(PartnerKind.PrivateCompany, "PT Sinar Terang Abadi", region: "32.73"); // another region's registry

        async Task<IReadOnlyList<DuplicateWarning>> Check(Partner candidate)
        {
            await using var db = database.NewDb();
            return await PartnerRegistry.DuplicatesAsync(db, Actors.Cimahi, candidate);
        }
        Partner Candidate(string name, string? nib = null, string? npwp = null) =>
            new() { RegionCode = Actors.Cimahi, Kind = PartnerKind.PrivateCompany, Name = name, Nib = nib, Npwp = npwp };

        Assert.Equal("NIB sama (1234567890123)", Assert.Single(await Check(Candidate("Toko Lain", nib: "1234567890123"))).Reason);
        Assert.Equal("NPWP sama", Assert.Single(await Check(Candidate("Toko Lain", npwp: "01.234.567.8-901.234"))).Reason);
        var same = Assert.Single(await Check(Candidate("CV. Sinar Terang Abadi")));
        Assert.Equal((existing.Id, "nama sama"), (same.PartnerId, same.Reason));
        Assert.Equal("nama hampir sama", Assert.Single(await Check(Candidate("PT Sinar Terang Abadii"))).Reason);
        Assert.Empty(await Check(Candidate("PT Sinar Gemilang Abadi")));
        Assert.Empty(await Check(Candidate("Universitas Jenderal Achmad Yani", nib: "9999999999999")));
        // the partner itself is not its own duplicate
        Assert.Empty(await Check(existing));
    }

    [Fact]
    public async Task Create_returns_the_warning_but_saves()
    {
        var clock = TestClock.At(new DateOnly(2026, 11, 24));
        await using var database = await TestDb.CreateAsync(clock);
        var s = new Scenario(database, clock);
        await s.AddPartnerAsync(PartnerKind.University, "Universitas Jenderal Achmad Yani");
        await using var db = database.NewDb();
        var result = await PartnerRegistry.CreateAsync(db, Actors.Officer,
            new PartnerInput { Kind = PartnerKind.University, Name = "Universitas Jenderal Achmad Yani (UNJANI)" }, clock);
        Assert.True(result.Ok, result.Error?.Message);
        Assert.Empty(result.Value!.Warnings); // the acronym makes the key differ by more than the allowed distance
        var again = await PartnerRegistry.CreateAsync(db, Actors.Officer,
            new PartnerInput { Kind = PartnerKind.University, Name = "universitas jenderal achmad yani" }, clock);
        Assert.True(again.Ok);
        Assert.Equal("nama sama", Assert.Single(again.Value!.Warnings).Reason);
        var forbidden = await PartnerRegistry.CreateAsync(db, Actors.Leader, new PartnerInput { Kind = PartnerKind.University, Name = "Universitas X" }, clock);
        Assert.IsType<Jalin.Core.Common.ForbiddenError>(forbidden.Error);
    }
}
