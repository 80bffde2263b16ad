using Jalin.Core.Data;
using Jalin.Core.Publication;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;

namespace Jalin.Web.Api;

/// <summary>Publication control (issue #12 item 2): the region's Bagian Kerja Sama publishes a signed agreement on the
/// portal, chooses the confidential fields and the documents shown, or withdraws it.</summary>
public static class PublicationApi
{
    public static void MapPublicationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/agreements/{id:guid}/publication").WithTags("Publikasi portal");
        g.MapGet("", async (Actor actor, JalinDb db, Guid id, CancellationToken ct) =>
                (await PublishAgreement.GetAsync(db, actor, id, ct)).ToHttp())
            .WithSummary("Status publikasi kerja sama di portal publik: isian yang dirahasiakan dan dokumen yang dapat ditampilkan.");
        g.MapPut("", async (Actor actor, JalinDb db, TimeProvider clock, IOutputCacheStore cache, PortalFigures figures, Guid id, PublicationInput? body, CancellationToken ct) =>
            {
                var result = await PublishAgreement.PublishAsync(db, actor, id, body, clock, ct);
                if (result.Ok) await PortalCache.EvictAsync(cache, figures, ct);
                return result.ToHttp();
            })
            .WithSummary("Publikasikan (atau perbarui publikasi) kerja sama yang sudah ditandatangani: confidentialFields (value, scope, object, funding) "
                + "dan publicDocumentIds (naskah bertanda tangan dan lampirannya; dokumen internal tidak dapat dipilih). Hanya petugas Bagian Kerja Sama daerah pemilik.");
        g.MapDelete("", async (Actor actor, JalinDb db, TimeProvider clock, IOutputCacheStore cache, PortalFigures figures, Guid id, CancellationToken ct) =>
            {
                var result = await PublishAgreement.UnpublishAsync(db, actor, id, clock, ct);
                if (result.Ok) await PortalCache.EvictAsync(cache, figures, ct);
                return result.ToHttp();
            })
            .WithSummary("Tarik kerja sama dari portal publik.");
    }
}
