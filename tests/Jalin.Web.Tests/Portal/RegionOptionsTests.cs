using Jalin.Core.Publication;
using Jalin.Web.Components.Pages.Portal;

namespace Jalin.Web.Tests.Portal;

public class RegionOptionsTests
{
    private static readonly PublicRegionRow[] Regions =
    [
        new("32", "Provinsi Jawa Barat", "Provinsi", 3),
        new("32.77", "Kota Cimahi", "Kota", 2),
        new("32.04", "Kabupaten <Bandung> & \"Sekitar\"", "Kabupaten", 1),
    ];

    [Fact]
    public void Names_are_encoded_and_the_chosen_region_alone_is_selected()
    {
        var html = RegionOptions.Html(Regions);
        Assert.Contains("<option value=\"32.04\">Kabupaten &lt;Bandung&gt; &amp; &quot;Sekitar&quot;</option>", html);

        var chosen = RegionOptions.Select(html, "32.77").Value;
        Assert.Contains("<option value=\"32.77\" selected>Kota Cimahi</option>", chosen);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(chosen, " selected"));
        // "32" is a prefix of the other codes: only its own option is chosen.
        var province = RegionOptions.Select(html, "32").Value;
        Assert.Contains("<option value=\"32\" selected>Provinsi Jawa Barat</option>", province);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(province, " selected"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("99.99")]
    [InlineData("32.77\"><script>")]
    public void An_empty_or_unknown_choice_selects_nothing_and_changes_nothing(string? chosen)
    {
        var html = RegionOptions.Html(Regions);
        Assert.Equal(html, RegionOptions.Select(html, chosen).Value);
    }
}
