using Jalin.Core.Agreements;
using Jalin.Core.Regions;

namespace Jalin.Core.Tests.RegionBorders;

/// <summary>The land-border table (Data/Reference/bordering.csv) and the rule Borders applies on it
/// for KSDD wajib (PP 28/2018 Pasal 3 ayat (2); UU 23/2014 Pasal 364).</summary>
public sealed class BordersTests
{
    [Fact]
    public void Kota_Cimahi_borders_exactly_Kota_Bandung_Kabupaten_Bandung_Bandung_Barat_and_its_province()
    {
        Assert.True(Borders.Border("32.77", "32.73"));
        Assert.True(Borders.Border("32.04", "32.77")); // either order
        var neighbours = Borders.Neighbours("32.77");
        Assert.Equal(["32", "32.04", "32.17", "32.73"], neighbours.Select(n => n.Code));
        Assert.All(neighbours.Where(n => n.Code != "32"), n => Assert.Equal(BorderKind.Line, n.Kind));
        Assert.Equal(BorderKind.Within, Assert.Single(neighbours, n => n.Code == "32").Kind);
        Assert.False(Borders.Border("32.77", "32.05")); // Garut: same province, no land border
        Assert.False(Borders.Border("32.77", "53.71"));
    }

    [Fact]
    public void Provinces_border_provinces_and_a_kab_kota_borders_its_own_province_and_provinces_it_touches()
    {
        Assert.True(Borders.Border("31", "32"));
        Assert.True(Borders.Border("31", "36"));
        Assert.False(Borders.Border("31", "33"));
        // UU 23/2014 Pasal 364 ayat (2) huruf b: province and a kab/kota within it
        Assert.Equal(BorderKind.Within, Borders.Kind("32", "32.77"));
        // huruf c: province and a kab/kota of another province — Kota Depok (32.76) touches Jakarta Selatan
        Assert.True(Borders.Border("32.76", "31"));
        Assert.False(Borders.Border("32.77", "31"));
        // a single-point contact counts (Boyolali–Sleman near the Merapi summit), and says so
        Assert.Equal(BorderKind.Point, Borders.Kind("33.09", "34.04"));
        Assert.Equal(BorderKind.Point, Borders.Kind("33.09", "34"));
    }

    [Fact]
    public void Island_regions_and_unknown_codes_have_no_neighbour()
    {
        Assert.Equal(["31"], Borders.Neighbours("31.01").Select(n => n.Code)); // Kepulauan Seribu: only its province
        Assert.Empty(Borders.Neighbours("99.99"));
        Assert.False(Borders.IsKnown("99.99"));
        Assert.False(Borders.Border("99.99", "32.77"));
        Assert.DoesNotContain(Borders.Neighbours("51"), n => n.Kind != BorderKind.Within); // Bali: no land neighbour
    }

    [Fact]
    public void Neighbours_agree_with_Border_both_ways()
    {
        foreach (var code in new[] { "32.77", "32", "13.71", "64.02", "91.03" })
            foreach (var n in Borders.Neighbours(code))
            {
                Assert.True(Borders.Border(code, n.Code), $"{code}–{n.Code}");
                Assert.Contains(Borders.Neighbours(n.Code), m => m.Code == code);
            }
    }

    [Fact]
    public void Check_names_each_party_that_borders_no_other_party()
    {
        Assert.Empty(Borders.NotBorderingAnyOther(["32.77", "32.73", "32.04", "32.17"]));
        Assert.Equal(["32.77", "53.71"], Borders.NotBorderingAnyOther(["32.77", "53.71"]));
        Assert.Equal(["53.71"], Borders.NotBorderingAnyOther(["32.77", "32.04", "53.71"]));

        var message = KsddBordering.Message([("32.77", "Kota Cimahi"), ("53.71", "Kota Kupang")])!;
        Assert.Contains("Kota Cimahi tidak berbatasan dengan Kota Kupang", message);
        Assert.DoesNotContain("Kota Kupang tidak berbatasan", message); // the pair is named once
        Assert.Contains("PP 28/2018 Pasal 3 ayat (2)", message);
        Assert.Null(KsddBordering.Message([("32.77", "Kota Cimahi"), ("32.17", "Kabupaten Bandung Barat")]));
    }
}
