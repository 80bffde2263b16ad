using Jalin.Core.Search;

namespace Jalin.Web.Components.Pages.Search;

/// <summary>Which values of a facet the portal's search shows: all when asked ("Tampilkan semua") or when there are at most
/// <see cref="Shown"/>; otherwise the <see cref="Shown"/> largest, and the chosen value wherever it ranks.</summary>
public static class FacetValues
{
    /// <summary>A common word is found in 450 regions: a list no one reads on a phone, and most of the page.</summary>
    public const int Shown = 10;

    public static IReadOnlyList<SearchFacet> Visible(IReadOnlyList<SearchFacet> facets, string? selected, bool whole) =>
        whole || facets.Count <= Shown ? facets
            : facets.Take(Shown).Concat(facets.Skip(Shown).Where(f => string.Equals(f.Key, selected, StringComparison.OrdinalIgnoreCase))).ToList();
}
