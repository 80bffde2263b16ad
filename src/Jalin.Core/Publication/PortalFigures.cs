using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Jalin.Core.Publication;

/// <summary>Aggregates over the whole published set that every portal page would otherwise recompute: the register's total
/// per filter, the regions that have published agreements, the home page's counts. At national scale (hundreds of
/// thousands of published agreements) each is a scan of the whole set, while the page's own rows are an index range.
/// They are kept for the portal cache's duration and dropped together with it whenever a publication changes
/// (<see cref="Evict"/>), so they are never staler than the cached pages themselves.</summary>
/// <remarks>Its own bounded memory cache: the filters a visitor can combine are many, so at most <see cref="MaxEntries"/>
/// figures are kept and the least recently used go first.</remarks>
public sealed class PortalFigures : IDisposable
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);
    public const int MaxEntries = 10_000;
    private readonly MemoryCache? _memory;
    private CancellationTokenSource _generation = new();

    public PortalFigures() : this(enabled: true) { }

    private PortalFigures(bool enabled) => _memory = enabled ? new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxEntries }) : null;

    /// <summary>No caching: every call computes (tools and tests that read the database directly).</summary>
    public static PortalFigures None { get; } = new(enabled: false);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute)
    {
        if (_memory is null) return await compute();
        if (_memory.TryGetValue(key, out T? cached)) return cached!;
        var token = _generation.Token;
        var value = await compute();
        if (!token.IsCancellationRequested)
            _memory.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Duration, Size = 1 }
                .AddExpirationToken(new CancellationChangeToken(token)));
        return value;
    }

    /// <summary>Drop every figure (after publishing, withdrawing or changing what the public sees).</summary>
    public void Evict()
    {
        var old = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
        old.Cancel(); // not disposed: a concurrent GetAsync may still be reading its token
    }

    public void Dispose() => _memory?.Dispose();
}
