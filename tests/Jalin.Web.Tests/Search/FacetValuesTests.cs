using Jalin.Core.Search;
using Jalin.Web.Components.Pages.Search;

namespace Jalin.Web.Tests.Search;

public class FacetValuesTests
{
    private static List<SearchFacet> Regions(int n) =>
        Enumerable.Range(1, n).Select(i => new SearchFacet($"32.{i:00}", $"Wilayah {i}", 100 - i)).ToList();

    [Fact]
    public void A_long_facet_shows_its_ten_largest_and_the_chosen_value_wherever_it_ranks()
    {
        var facets = Regions(449);
        Assert.Equal(facets.Take(10), FacetValues.Visible(facets, selected: null, whole: false));
        var chosen = FacetValues.Visible(facets, selected: "32.200", whole: false);
        Assert.Equal(11, chosen.Count);
        Assert.Equal("32.200", chosen[^1].Key);
        Assert.Equal(10, FacetValues.Visible(facets, selected: "32.03", whole: false).Count);
        Assert.Equal(449, FacetValues.Visible(facets, selected: null, whole: true).Count);
        Assert.Equal(10, FacetValues.Visible(Regions(10), selected: null, whole: false).Count);
    }
}
