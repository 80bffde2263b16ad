using Microsoft.AspNetCore.OutputCaching;

namespace Jalin.Web.Infrastructure;

/// <summary>The public portal's output cache (issue #12): anonymous GETs of public pages and open data are cached for a
/// short time under one tag, and every publication change evicts the tag so the portal never shows a withdrawn agreement
/// longer than it takes to publish. Signed-in requests and responses that set cookies are never cached (the default policy).</summary>
public static class PortalCache
{
    public const string Tag = "portal";
    public const string Policy = "portal";
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);

    /// <param name="enabled">Configuration <c>Portal:OutputCache</c> (default true); false serves every portal request
    /// fresh (the benchmark's uncached figures, or a deployment behind its own cache).</param>
    public static IServiceCollection AddPortalCache(this IServiceCollection services, bool enabled = true) =>
        services.AddSingleton<Jalin.Core.Publication.PortalFigures>().AddOutputCache(o =>
        {
            o.AddPolicy(Policy, b =>
            {
                // Compressed bodies are cached per encoding the visitor accepts (see UsePortalCompression).
                b.Expire(Duration).Tag(Tag).SetVaryByQuery("*").SetVaryByHeader("Accept-Encoding");
                if (!enabled) b.NoCache();
            });
        });

    /// <summary>Brotli or gzip (fastest level) for the portal's pages and open data, inside the output cache so a cached page
    /// is compressed once (documents, PDF and DOCX, are not in the compressed types). Only portal paths: they carry no cookie, token or personal data, so compressing them over HTTPS
    /// gives nothing away (BREACH), while the back office's pages, which carry antiforgery tokens, stay uncompressed.</summary>
    public static IServiceCollection AddPortalCompression(this IServiceCollection services) =>
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes.Concat(["text/csv", "application/geo+json"]);
        });

    public static IApplicationBuilder UsePortalCompression(this IApplicationBuilder app) =>
        app.UseWhen(c => PortalPaths.IsPortal(c.Request.Path), b => b.UseResponseCompression());

    /// <summary>Drop every cached portal response and every cached figure (<see cref="Jalin.Core.Publication.PortalFigures"/>),
    /// after publishing, withdrawing or changing what the public sees.</summary>
    public static Task EvictAsync(IOutputCacheStore store, Jalin.Core.Publication.PortalFigures figures, CancellationToken ct = default)
    {
        figures.Evict();
        return store.EvictByTagAsync(Tag, ct).AsTask();
    }

    /// <summary>Cache an endpoint's anonymous responses under the portal tag.</summary>
    public static TBuilder CachedForPortal<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(Policy);
}
