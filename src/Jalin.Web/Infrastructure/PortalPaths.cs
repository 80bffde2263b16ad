namespace Jalin.Web.Infrastructure;

/// <summary>The public portal's pages (issue #12): static server-rendered, readable without JavaScript, with only
/// <c>portal.css</c> in their head (no MudBlazor, no blazor.web.js). A path is a portal path when it is <c>/</c> or lies
/// under one of the prefixes, so every helper's portal page gets the light shell by its address.</summary>
public static class PortalPaths
{
    public static readonly string[] Prefixes = ["/kerja-sama", "/wilayah", "/dasar-hukum", "/data", "/praktik-baik", "/potensi", "/cari"];

    public static bool IsPortal(PathString path) =>
        !path.HasValue || path.Value == "/" || Prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
