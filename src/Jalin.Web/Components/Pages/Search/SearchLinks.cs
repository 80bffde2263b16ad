using Jalin.Core.Search;

namespace Jalin.Web.Components.Pages.Search;

/// <summary>Where a search hit opens in the back office and on the portal.</summary>
public static class SearchLinks
{
    public static string App(SearchHit h) => h.Kind switch
    {
        SearchKind.Agreement => $"/app/kerja-sama/{h.SubjectId}",
        SearchKind.Proposal => $"/app/usulan/{h.SubjectId}",
        SearchKind.Potential or SearchKind.Need => $"/app/pemetaan/butir/{h.SubjectId}",
        SearchKind.Partner => "/app/mitra?q=" + Uri.EscapeDataString(h.Title),
        _ => h.AgreementId is { } a ? $"/app/kerja-sama/{a}" : "/app",
    };

    public static string Portal(SearchHit h) => h.Kind switch
    {
        SearchKind.Agreement => Jalin.Core.Publication.PublicAgreements.PathOf(h.SubjectId),
        _ => "/",
    };
}
