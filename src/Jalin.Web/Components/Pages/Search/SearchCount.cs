using System.Globalization;
using Jalin.Core.Common;
using Jalin.Core.Search;

namespace Jalin.Web.Components.Pages.Search;

/// <summary>How many results a search shows, in Indonesian ("1.234 hasil"); when the search stopped at the first
/// <see cref="SiteSearch.MaxCandidates"/> matches, says so and how to narrow it.</summary>
public static class SearchCount
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static string Text<T>(Page<T> hits) => hits.TotalIsAtLeast
        ? $"{hits.TotalCount.ToString("N0", Id)} hasil di antara {SiteSearch.MaxCandidates.ToString("N0", Id)} kecocokan pertama; masih ada yang lain. Tambahkan kata untuk mempersempit."
        : $"{hits.TotalCount.ToString("N0", Id)} hasil";
}
