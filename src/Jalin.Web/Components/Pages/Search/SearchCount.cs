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
