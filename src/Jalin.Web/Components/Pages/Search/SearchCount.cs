using Jalin.Core.Common;
using Jalin.Core.Search;
using Jalin.Web.Components.Shared;

namespace Jalin.Web.Components.Pages.Search;

/// <summary>How many results a search shows, in Indonesian ("1.234 hasil"); when the search stopped at the first
/// <see cref="SiteSearch.MaxCandidates"/> matches, says so and how to narrow it.</summary>
public static class SearchCount
{
    public static string Text<T>(Page<T> hits) => hits.TotalIsAtLeast
        ? $"{Fmt.Count(hits.TotalCount)} hasil di antara {Fmt.Count(SiteSearch.MaxCandidates)} kecocokan pertama; masih ada yang lain. Tambahkan kata untuk mempersempit."
        : $"{Fmt.Count(hits.TotalCount)} hasil";
}

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
