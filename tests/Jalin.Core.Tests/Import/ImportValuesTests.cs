using Jalin.Core.Agreements;
using Jalin.Core.Import;
using Jalin.Core.Partners;
using Jalin.Core.Regions;

namespace Jalin.Core.Tests.Import;

/// <summary>The pure readers of legacy register cells, as tables of the forms registers really hold.</summary>
public sealed class ImportValuesTests
{
    [Theory]
    [InlineData("3 Desember 2019", "2019-12-03")]
    [InlineData("3 Des 2019", "2019-12-03")]
    [InlineData("03/12/2019", "2019-12-03")]
    [InlineData("3-12-2019", "2019-12-03")]
    [InlineData("2019-12-03", "2019-12-03")]
    [InlineData("17 Agustus 2020", "2020-08-17")]
    [InlineData("17 Agt 2020", "2020-08-17")]
    [InlineData("17 Ags 2020", "2020-08-17")]
    [InlineData("1 Peb 2021", "2021-02-01")]
    [InlineData("Senin, 3 Desember 2018", "2018-12-03")]
    [InlineData("43802", "2019-12-03")]
    [InlineData("2019-12-03 00:00", "2019-12-03")]
    public void Date_ReadsIndonesianForms(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ImportValues.Date(text).Value);

    [Fact]
    public void Date_ReadsDateCellsAndExcelSerialNumbers()
    {
        Assert.Equal(new DateOnly(2021, 3, 15), ImportValues.Date(new DateTime(2021, 3, 15)).Value);
        Assert.Equal(new DateOnly(2024, 1, 1), ImportValues.Date(45292d).Value);
        Assert.Null(ImportValues.Date(null).Value);
        Assert.Null(ImportValues.Date("  ").Error);
    }

    [Theory]
    [InlineData("31/02/2023", "Tanggal 31 tidak ada pada bulan Februari 2023.")]
    [InlineData("3 Desembre 2019", "Bulan \"Desembre\" tidak dikenal")]
    [InlineData("kemarin", "tidak dapat dibaca sebagai tanggal")]
    [InlineData("12", "tidak dapat dibaca sebagai tanggal")]
    public void Date_RefusesWithTheReason(string text, string message) =>
        Assert.Contains(message, ImportValues.Date(text).Error);

    [Theory]
    [InlineData("Rp 1.500.000", "1500000")]
    [InlineData("Rp1.500.000,00", "1500000")]
    [InlineData("Rp. 1.500.000,50", "1500000.50")]
    [InlineData("1.500.000", "1500000")]
    [InlineData("1500000", "1500000")]
    [InlineData("1,5 juta", "1500000")]
    [InlineData("1,5 jt", "1500000")]
    [InlineData("500 rb", "500000")]
    [InlineData("2 M", "2000000000")]
    [InlineData("2 miliar", "2000000000")]
    [InlineData("2,25 milyar", "2250000000")]
    [InlineData("Rp 3 miliar", "3000000000")]
    [InlineData("1 T", "1000000000000")]
    public void Amount_ReadsIndonesianForms(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ImportValues.Amount(text).Value);

    [Fact]
    public void Amount_ReadsNumberCells_AndLeavesDashEmpty()
    {
        Assert.Equal(3501500000m, ImportValues.Amount(3501500000d).Value);
        Assert.Null(ImportValues.Amount("-").Value);
        Assert.Null(ImportValues.Amount("-").Error);
    }

    [Theory]
    [InlineData("1,500,000")]
    [InlineData("satu juta")]
    [InlineData("-5000")]
    public void Amount_RefusesWhatIsNotRupiah(string text) => Assert.NotNull(ImportValues.Amount(text).Error);

    [Theory]
    [InlineData("KSDD", CooperationKind.KsddSukarela, null)]
    [InlineData("KSDD Wajib", CooperationKind.KsddWajib, null)]
    [InlineData("Kerja sama antar daerah", CooperationKind.KsddSukarela, null)]
    [InlineData("KSDPK", CooperationKind.Ksdpk, null)]
    [InlineData("Sinergi Pusat", CooperationKind.Sinergi, null)]
    [InlineData("MoU", null, ImportValues.NaskahForm.KesepakatanBersama)]
    [InlineData("KB", null, ImportValues.NaskahForm.KesepakatanBersama)]
    [InlineData("Kesepakatan Bersama", null, ImportValues.NaskahForm.KesepakatanBersama)]
    [InlineData("PKS", null, ImportValues.NaskahForm.PerjanjianKerjaSama)]
    [InlineData("Perjanjian Kerja Sama", null, ImportValues.NaskahForm.PerjanjianKerjaSama)]
    [InlineData("PKS (KSDPK)", CooperationKind.Ksdpk, ImportValues.NaskahForm.PerjanjianKerjaSama)]
    public void Kind_ReadsKindsAndNaskahForms(string text, CooperationKind? kind, ImportValues.NaskahForm? form)
    {
        var r = ImportValues.Kind(text);
        Assert.Null(r.Error);
        Assert.Equal(kind, r.Value!.Kind);
        Assert.Equal(form, r.Value.Form);
    }

    [Fact]
    public void Kind_KsdlnAsksForKsdplOrKsdll_AndUnknownIsRefused()
    {
        Assert.Contains("KSDPL", ImportValues.Kind("KSDLN").Error);
        Assert.Contains("tidak dikenal", ImportValues.Kind("Hibah").Error);
    }

    [Theory]
    [InlineData("PT. Tirta Raharja Abadi", PartnerKind.PrivateCompany)]
    [InlineData("CV Maju Jaya", PartnerKind.PrivateCompany)]
    [InlineData("PT Telkom Indonesia (Persero) Tbk", PartnerKind.StateOwnedEnterprise)]
    [InlineData("Perumda Air Minum Tirta Raharja", PartnerKind.RegionOwnedEnterprise)]
    [InlineData("Univ. Jenderal Achmad Yani", PartnerKind.University)]
    [InlineData("Politeknik Manufaktur Bandung", PartnerKind.University)]
    [InlineData("Koperasi Produsen Tahu Tempe", PartnerKind.Cooperative)]
    [InlineData("Yayasan Kota Peduli Iklim", PartnerKind.CivilSocietyOrganization)]
    [InlineData("Pemerintah Kabupaten Bandung", PartnerKind.Region)]
    [InlineData("Kementerian Pekerjaan Umum", PartnerKind.CentralGovernmentBody)]
    public void PartnerKind_FollowsTheName(string name, PartnerKind kind) => Assert.Equal(kind, ImportValues.PartnerKindOf(name));

    [Theory]
    [InlineData("PT. Data Kota Nusantara", "PT Data Kota Nusantara")]
    [InlineData("Data Kota Nusantara, PT", "pt data kota nusantara")]
    [InlineData("CV. Maju Jaya", "Maju Jaya")]
    [InlineData("Univ. Jenderal Achmad Yani", "UNIVERSITAS JENDERAL ACHMAD YANI")]
    public void PartnerKey_MatchesTheSamePartnerWrittenDifferently(string a, string b) =>
        Assert.Equal(ImportValues.PartnerKey(a), ImportValues.PartnerKey(b));

    [Fact]
    public void PartnerKey_KeepsDifferentPartnersApart() =>
        Assert.NotEqual(ImportValues.PartnerKey("Universitas Padjadjaran"), ImportValues.PartnerKey("Universitas Pasundan"));

    private static readonly RegionMatcher Regions = new(
    [
        new Region { Code = "32", Name = "Jawa Barat", Level = RegionLevel.Province },
        new Region { Code = "32.04", Name = "Kabupaten Bandung", Level = RegionLevel.Regency, ProvinceCode = "32" },
        new Region { Code = "32.17", Name = "Kabupaten Bandung Barat", Level = RegionLevel.Regency, ProvinceCode = "32" },
        new Region { Code = "32.73", Name = "Kota Bandung", Level = RegionLevel.City, ProvinceCode = "32" },
        new Region { Code = "32.77", Name = "Kota Cimahi", Level = RegionLevel.City, ProvinceCode = "32" },
        new Region { Code = "51.03", Name = "Kabupaten Badung", Level = RegionLevel.Regency, ProvinceCode = "51" },
    ]);

    [Theory]
    [InlineData("Kab. Bandung", "32.04")]
    [InlineData("Kabupaten Bandung", "32.04")]
    [InlineData("KAB BANDUNG", "32.04")]
    [InlineData("Pemerintah Kabupaten Bandung", "32.04")]
    [InlineData("Pemkab Bandung Barat", "32.17")]
    [InlineData("Kota Cimahi", "32.77")]
    [InlineData("Provinsi Jawa Barat", "32")]
    [InlineData("Prov. Jawa Barat", "32")]
    public void Region_OfficialNamesAndTheirShortForms(string text, string code) => Assert.Equal(code, Regions.Match(text).Region?.Code);

    [Fact]
    public void Region_ABareNameOfOneRegionIsReadWithAWarning_OfTwoGivesBoth()
    {
        var cimahi = Regions.Match("Cimahi");
        Assert.Equal("32.77", cimahi.Region?.Code);
        Assert.Equal("\"Cimahi\" dibaca sebagai Kota Cimahi.", cimahi.Warning);
        var bandung = Regions.Match("Bandung");
        Assert.Null(bandung.Region);
        Assert.Equal(["32.04", "32.73"], bandung.Suggestions.Select(r => r.Code).Order());
    }

    [Fact]
    public void Region_AMisspellingGetsTheNearestOfficialNames()
    {
        var m = Regions.Match("Kab. Bandng");
        Assert.Null(m.Region);
        Assert.Equal("Kabupaten Bandung", m.Suggestions[0].FullName);
        Assert.Contains(m.Suggestions, r => r.Code == "51.03");
    }
}
