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
                b.Expire(Duration).Tag(Tag).SetVaryByQuery("*");
                if (!enabled) b.NoCache();
            });
        });

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
