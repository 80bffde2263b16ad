using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Publication;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>The portal's file door (issue #12 item 1): a public document of a published agreement, as an attachment,
/// output-cached under the portal tag; anything else is a 404.</summary>
public static class PortalEndpoints
{
    public static void MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/kerja-sama/{id:guid}/dokumen/{documentId:guid}", async (Guid id, Guid documentId, JalinDb db, FileStore files, CancellationToken ct) =>
            {
                var file = await PublicAgreements.DocumentAsync(db, files, id, documentId, ct);
                return file.ToHttp(f => Results.File(f.Content, f.ContentType, f.FileName));
            })
            .AllowAnonymous().CachedForPortal().ExcludeFromDescription();
    }
}
