using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Jalin.Core.Search;

/// <summary>The ranked matches of recent searches, kept for the same person and the same state of the database (ADR 0010,
/// "Ranked matches kept"): turning to the next page, choosing a facet and searching the same words again read them instead of
/// matching and ranking up to <see cref="SiteSearch.MaxCandidates"/> entries again.
/// <para>The state is PostgreSQL's snapshot of the search's transaction (<c>pg_current_snapshot()</c>, read in a REPEATABLE
/// READ transaction that the whole search then reads through): two snapshots written alike see exactly the same committed
/// rows. Any transaction that writes, in this process or another (the command line, a second server, an import), changes it,
/// so a kept result is never served after a change, with nothing to evict. What is kept holds no more than the search
/// returns: the matches' ids, titles, kinds, regions and years, their ranking and facets, per person (their user, role,
/// region, agency and partner) or for the public.</para>
/// <para>SQLite (one region's database, a few thousand entries) keeps nothing: it searches fast enough, and has no
/// snapshot to name.</para></summary>
public sealed class SearchResultCache : IDisposable
{
    /// <summary>How many ranked matches are kept in all (each search at most <see cref="SiteSearch.MaxCandidates"/>):
    /// 200 searches of a common word, about 30 MB.</summary>
    public const int MaxMatches = 200_000;

    /// <summary>How long a search is kept when the database does not change meanwhile.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _memory = new(new MemoryCacheOptions { SizeLimit = MaxMatches });

    /// <param name="enabled">Configuration <c>Search:ResultCache</c> (default true); false runs every search in full (the
    /// benchmark's figures for a search not made before).</param>
    public SearchResultCache(bool enabled = true) => Enabled = enabled;

    public bool Enabled { get; }

    internal sealed record Key(string Database, string Snapshot, object Scope, string Words);

    /// <summary>A search's result before its page is cut: every ranked match, the facets over them, the words used.</summary>
    internal sealed record Found(List<SiteSearch.Ranked> Ranked, bool Capped, List<SearchCorrection> Corrections, List<string> Stems,
        Dictionary<string, string> Names, List<SearchFacet> Kinds, List<SearchFacet> Regions, List<SearchFacet> CooperationKinds, List<SearchFacet> Years);

    private long _hits;

    /// <summary>How many searches were served from what was kept (the tests and the benchmark read it).</summary>
    internal long Hits => Interlocked.Read(ref _hits);

    internal bool TryGet(Key key, out Found found)
    {
        if (!_memory.TryGetValue(key, out found!)) return false;
        Interlocked.Increment(ref _hits);
        return true;
    }

    internal void Keep(Key key, Found found) =>
        _memory.Set(key, found, new MemoryCacheEntryOptions { Size = found.Ranked.Count + 1, AbsoluteExpirationRelativeToNow = Lifetime });

    /// <summary>The snapshot the current transaction reads (PostgreSQL), as text: <c>xmin:xmax:running transactions</c>
    /// (64-bit transaction ids, which never wrap around), and when the server started: a database restored into another
    /// server counts its transactions afresh, and could write the same snapshot over other rows.</summary>
    internal static async Task<string> SnapshotAsync(JalinDb db, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<string>("SELECT pg_current_snapshot()::text || '@' || pg_postmaster_start_time()::text AS \"Value\"").ToListAsync(ct))[0];

    public void Dispose() => _memory.Dispose();
}
