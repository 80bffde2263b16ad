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
        SearchKind.GoodPractice => $"/app/praktik-baik?id={h.SubjectId}",
        SearchKind.Draft when h.AgreementId is { } a => $"/app/kerja-sama/{a}/rancangan/{h.SubjectId}",
        SearchKind.DocumentText when h.AgreementId is { } a => $"/app/berkas/{a}/{h.SubjectId}",
        _ => h.AgreementId is { } a ? $"/app/kerja-sama/{a}" : "/app",
    };

    public static string Portal(SearchHit h) => h.Kind switch
    {
        SearchKind.Agreement => Jalin.Core.Publication.PublicAgreements.PathOf(h.SubjectId),
        SearchKind.GoodPractice => Jalin.Core.GoodPractices.PublicCatalogue.PathOf(h.SubjectId),
        // The catalogue of potentials and needs has no page per item: its list, filtered to the kind and region, at the item.
        SearchKind.Potential => $"/potensi?jenis=potensi&wilayah={Uri.EscapeDataString(h.RegionCode)}#butir-{h.SubjectId}",
        SearchKind.Need => $"/potensi?jenis=kebutuhan&wilayah={Uri.EscapeDataString(h.RegionCode)}#butir-{h.SubjectId}",
        _ => "/",
    };
}
