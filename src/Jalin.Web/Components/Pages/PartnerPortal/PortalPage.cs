using Jalin.Core.Common;
using Jalin.Core.PartnerPortal;
using Microsoft.AspNetCore.Http;

namespace Jalin.Web.Components.Pages.PartnerPortal;

/// <summary>The portal's static pages answer a refusal with the same status code the API would (400, 404, 409, 413),
/// and keep the private status link out of caches and Referer headers.</summary>
internal static class PortalHttp
{
    public static int Status(Error e) => e switch
    {
        ValidationError => StatusCodes.Status400BadRequest,
        NotFoundError => StatusCodes.Status404NotFound,
        ConflictError => StatusCodes.Status409Conflict,
        TooLargeError => StatusCodes.Status413PayloadTooLarge,
        ForbiddenError => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    public static void Private(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        // The page itself explains a refusal in Indonesian: no generic status-code body in its place.
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
    }

    /// <summary>The uploaded files of the named inputs, read whole (the store checks each by content).</summary>
    public static async Task<List<PortalFile>> FilesAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var list = new List<PortalFile>();
        foreach (var slot in Enum.GetValues<PortalFileSlot>())
        {
            var f = form.Files.GetFile(Field(slot));
            if (f is null || (f.Length == 0 && string.IsNullOrEmpty(f.FileName))) continue;
            list.Add(new PortalFile(slot, f.FileName, await ReadAsync(f)));
        }
        return list;
    }

    public static async Task<byte[]> ReadAsync(IFormFile f)
    {
        using var ms = new MemoryStream();
        await f.CopyToAsync(ms);
        return ms.ToArray();
    }

    public static string Field(PortalFileSlot s) => s switch
    {
        PortalFileSlot.OfferLetter => "offerLetter",
        PortalFileSlot.Proposal => "proposal",
        PortalFileSlot.TermsOfReference => "termsOfReference",
        PortalFileSlot.FeasibilityStudy => "feasibilityStudy",
        _ => "legalDocument",
    };
}
