using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Jalin.Core.Search;

/// <summary>The ranked matches of recent searches, kept for the same person until what a search reads changes (ADR 0010,
/// "Ranked matches kept"): turning to the next page, choosing a facet and searching the same words again read them instead of
/// matching and ranking up to <see cref="SiteSearch.MaxCandidates"/> entries again.
/// <para>A kept search remembers PostgreSQL's snapshot of the transaction it was found in (<c>pg_current_snapshot()</c>, read
/// in a REPEATABLE READ transaction that the whole search reads through). Every statement that writes to a table a search
/// reads (<see cref="WatchedTables"/>) records its transaction in <c>"SearchChanges"</c>, through a trigger of the database
/// (migration SearchChangeLog), whoever writes: the application, the command line, a restore, an import, another server.
/// The kept search is served again only when no transaction recorded there is visible now and was not in its snapshot: the
/// kept matches are then exactly what the search would find now. A login, a notification, an audit entry or a report change
/// nothing a search reads, and leave the kept searches in use. What is kept holds no more than the search returns: the
/// matches' ids, titles, kinds, regions and years, their ranking and facets, per person (their user, role, region, agency and
/// partner) or for the public.</para>
/// <para>SQLite (one region's database, a few thousand entries) keeps nothing: it searches fast enough, and has no
/// snapshot to name.</para></summary>
public sealed class SearchResultCache : IDisposable
{
    /// <summary>How many ranked matches are kept in all (each search at most <see cref="SiteSearch.MaxCandidates"/>):
    /// 200 searches of a common word, about 30 MB.</summary>
    public const int MaxMatches = 200_000;

    /// <summary>How long a search is kept at most, changed or not.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Every table a search reads: the entries, the subjects whose visibility it checks (agreements and their
    /// parties, documents and drafts, usulan, potentials and needs, partners, good practices) and the regions' names. Each
    /// has the trigger that records a change (migration SearchChangeLog); a test reads the SQL of every role's search and
    /// fails on a table missing here.</summary>
    public static readonly IReadOnlyList<string> WatchedTables =
    [
        "SearchEntries", "Agreements", "AgreementParties", "AgreementDocuments", "Drafts", "Proposals", "MappingItems", "Partners",
        "GoodPractices", "Regions",
    ];

    private readonly MemoryCache _memory = new(new MemoryCacheOptions { SizeLimit = MaxMatches });

    /// <param name="enabled">Configuration <c>Search:ResultCache</c> (default true); false runs every search in full (the
    /// benchmark's figures for a search not made before).</param>
    public SearchResultCache(bool enabled = true) => Enabled = enabled;

    public bool Enabled { get; }

    internal sealed record Key(string Database, object Scope, string Words);

    /// <summary>A search's result before its page is cut: every ranked match, the facets over them, the words used.</summary>
    internal sealed record Found(List<SiteSearch.Ranked> Ranked, bool Capped, List<SearchCorrection> Corrections, List<string> Stems,
        Dictionary<string, string> Names, List<SearchFacet> Kinds, List<SearchFacet> Regions, List<SearchFacet> CooperationKinds, List<SearchFacet> Years);

    /// <summary>A kept search: what it found, in which snapshot of which server run.</summary>
    private sealed record Kept(string Snapshot, string Started, Found Found);

    private long _hits;

    /// <summary>How many searches were served from what was kept (the tests and the benchmark read it).</summary>
    internal long Hits => Interlocked.Read(ref _hits);

    /// <summary>What a search of <paramref name="key"/> reads: the kept result when nothing it reads changed since, else null
    /// and a <see cref="Found"/> to keep once it is run. The first statement of the search's transaction, so the snapshot
    /// it reads is the transaction's.</summary>
    internal async Task<(Found? Found, Func<Found, Found> Keep)> LookUpAsync(JalinDb db, Key key, CancellationToken ct)
    {
        var kept = _memory.Get<Kept>(key);
        var now = (await (kept is null
            ? db.Database.SqlQueryRaw<State>(CurrentState)
            : db.Database.SqlQueryRaw<State>(CurrentStateAgainst, kept.Snapshot)).ToListAsync(ct))[0];
        if (kept is not null && now.Unchanged && now.Started == kept.Started)
        {
            Interlocked.Increment(ref _hits);
            return (kept.Found, f => f);
        }
        return (null, found =>
        {
            _memory.Set(key, new Kept(now.Snapshot, now.Started, found),
                new MemoryCacheEntryOptions { Size = found.Ranked.Count + 1, AbsoluteExpirationRelativeToNow = Lifetime });
            return found;
        });
    }

    private sealed record State(string Snapshot, string Started, bool Unchanged);

    // The server's start time: a database restored into another server counts its transactions afresh.
    private const string CurrentState =
        "SELECT pg_current_snapshot()::text AS \"Snapshot\", pg_postmaster_start_time()::text AS \"Started\", false AS \"Unchanged\"";

    /// <summary>Unchanged: no transaction recorded in "SearchChanges" is visible now (only what this transaction sees is read)
    /// and was not in the kept snapshot; every transaction below the kept snapshot's xmin had ended before it and is in it.
    /// A kept snapshot older than the last purge (<see cref="PurgeChangesAsync"/>) may miss records deleted since, and counts
    /// as changed.</summary>
    private const string CurrentStateAgainst = """
        SELECT pg_current_snapshot()::text AS "Snapshot", pg_postmaster_start_time()::text AS "Started",
            pg_snapshot_xmin(CAST({0} AS pg_snapshot)) >= (SELECT "Below" FROM "SearchChangesPurged")
            AND NOT EXISTS (SELECT 1 FROM "SearchChanges" c
                WHERE c."TxId" >= pg_snapshot_xmin(CAST({0} AS pg_snapshot)) AND NOT pg_visible_in_snapshot(c."TxId", CAST({0} AS pg_snapshot))) AS "Unchanged"
        """;

    /// <summary>Deletes the change records of transactions that ended before every transaction running now, and remembers
    /// that bound: a search kept from an older snapshot then runs again. Run hourly by the application's clock; any number of
    /// servers may run it at once.</summary>
    /// <returns>How many records were deleted.</returns>
    public static async Task<int> PurgeChangesAsync(JalinDb db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return 0;
        return (await db.Database.SqlQueryRaw<int>("""
            WITH bound AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS x),
            gone AS (DELETE FROM "SearchChanges" WHERE "TxId" < (SELECT x FROM bound) RETURNING 1),
            moved AS (UPDATE "SearchChangesPurged" SET "Below" = (SELECT x FROM bound) WHERE "Below" < (SELECT x FROM bound) RETURNING 1)
            SELECT count(*)::int AS "Value" FROM gone
            """).ToListAsync(ct))[0];
    }

    public void Dispose() => _memory.Dispose();
}
