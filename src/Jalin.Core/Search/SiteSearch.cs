using System.Net;
using System.Text;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.GoodPractices;
using Jalin.Core.Identity;
using Jalin.Core.Mapping;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Search;

public sealed record SearchQuery
{
    public string? Q { get; init; }
    public string? Kind { get; init; }
    public string? Region { get; init; }
    public int? Year { get; init; }
    /// <summary>The cooperation kind facet (<see cref="Agreements.CooperationKind"/> name).</summary>
    public string? CooperationKind { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record SearchHit(SearchKind Kind, string KindLabel, Guid SubjectId, Guid? AgreementId, string RegionCode, string RegionName,
    string? CooperationKind, int? Year, string Title, string TitleHtml, string SnippetHtml, double Score);

public sealed record SearchFacet(string Key, string Label, int Count);

public sealed record SearchCorrection(string Typed, string Used);

public sealed record SearchResults(string Query, IReadOnlyList<SearchCorrection> Corrections, Page<SearchHit> Hits,
    IReadOnlyList<SearchFacet> Kinds, IReadOnlyList<SearchFacet> Regions, IReadOnlyList<SearchFacet> CooperationKinds, IReadOnlyList<SearchFacet> Years);

/// <summary>Search over the index (ADR 0010): the database finds the entries that hold ALL the query's stems (PostgreSQL
/// GIN over a stored to_tsvector('simple') column, SQLite FTS5), .NET ranks them with one function and builds the highlighted snippets,
/// so both databases return the same hits in the same order.</summary>
public static class SiteSearch
{
    public const int MaxQueryLength = 200;
    public const int MaxWords = 10;
    /// <summary>How many matching entries are ranked (the first the database reads); enough for a person reading pages of 20.</summary>
    public const int MaxCandidates = 1000;

    /// <summary>The back office: everything the actor may open.</summary>
    public static Task<Result<SearchResults>> ForActorAsync(JalinDb db, CurrentActor actor, SearchQuery query, CancellationToken ct = default) =>
        ForActorAsync(db, actor, query, cache: null, ct);

    /// <summary>The back office, reading and keeping ranked matches in <paramref name="cache"/> (PostgreSQL only; see
    /// <see cref="SearchResultCache"/>): kept per actor, until a table the search reads changes.</summary>
    public static Task<Result<SearchResults>> ForActorAsync(JalinDb db, CurrentActor actor, SearchQuery query, SearchResultCache? cache, CancellationToken ct = default) =>
        RunAsync(db, new Scope(entries => VisibleTo(entries, db, actor), PublicOnly: false,
            Agreements: AgreementAccess.SeesMany(actor) ? null : db.Agreements.VisibleTo(actor).Select(a => a.Id),
            Province: AgreementAccess.ProvinceOf(actor)) { Who = actor }, query, cache, ct);

    /// <summary>The portal: only what is public.</summary>
    public static Task<Result<SearchResults>> PublicAsync(JalinDb db, SearchQuery query, CancellationToken ct = default) =>
        PublicAsync(db, query, cache: null, ct);

    /// <summary>The portal, reading and keeping ranked matches in <paramref name="cache"/> (PostgreSQL only).</summary>
    public static Task<Result<SearchResults>> PublicAsync(JalinDb db, SearchQuery query, SearchResultCache? cache, CancellationToken ct = default) =>
        RunAsync(db, new Scope(entries => PublicEntries(entries, db), PublicOnly: true) { Who = PublicScope }, query, cache, ct);

    /// <summary>Whose results a kept search is: the portal's.</summary>
    private static readonly object PublicScope = "public";

    /// <summary>Which entries a search may return: <see cref="Filter"/> narrows the matching rows in SQL;
    /// <see cref="PublicOnly"/> matches inside the entries marked public (on PostgreSQL their own indexes, so a search of
    /// the portal never reads an unpublished entry).</summary>
    /// <param name="Agreements">For an actor who sees few agreements (not <see cref="AgreementAccess.SeesMany"/>), the ids of those: on PostgreSQL
    /// the entries tied to an agreement (the agreement's own, its drafts' and documents') are then read from these
    /// agreements' side, and the others through their own index (<see cref="CandidatesAsync"/>).</param>
    /// <param name="Province">For a province's supervisor, the province's code (they see its regions' agreements): on PostgreSQL
    /// the entries tied to an agreement are then read through the index of words and provinces together.</param>
    internal sealed record Scope(Func<IQueryable<SearchEntry>, IQueryable<SearchEntry>> Filter, bool PublicOnly, IQueryable<Guid>? Agreements = null,
        string? Province = null)
    {
        /// <summary>Whose search this is, for <see cref="SearchResultCache"/>: the actor (every field the visibility reads),
        /// or the portal.</summary>
        public required object Who { get; init; }
    }

    /// <summary>What the portal may show: entries of the kinds the public sees (published agreements, good practices,
    /// potentials and needs; the indexer writes a published agreement's entry without the fields marked confidential)
    /// whose subject the portal's own source of truth still publishes (<see cref="Publication.PublicAgreements.Published"/>,
    /// <see cref="PublicCatalogue.PublishedPractices"/>, <see cref="PublicCatalogue.PublishedItems"/>). Drafts, documents'
    /// text, usulan and partners never are, whatever their flag says. The public flag is the indexer's copy, written after
    /// the save that publishes or withdraws, so it may lag: it only chooses the indexes (<see cref="Scope.PublicOnly"/>),
    /// and each matching row is checked again here, in the same query. The match reads its rows bucket by bucket and stops
    /// at the cap (<see cref="MatchUse.FirstRows"/>), so the check is one primary-key probe per row read, on PostgreSQL
    /// inside the published agreements' own index (migration PublishedAgreementIds): about 1,000 probes for a common word,
    /// not one per match (67,000 at national size).</summary>
    internal static IQueryable<SearchEntry> PublicEntries(IQueryable<SearchEntry> entries, JalinDb db)
    {
        var agreements = Publication.PublicAgreements.Published(db);
        var practices = PublicCatalogue.PublishedPractices(db);
        var items = PublicCatalogue.PublishedItems(db);
        return entries.Where(e => (e.Kind == SearchKind.Agreement && agreements.Any(a => a.Id == e.SubjectId))
            || (e.Kind == SearchKind.GoodPractice && practices.Any(p => p.Id == e.SubjectId))
            || ((e.Kind == SearchKind.Potential || e.Kind == SearchKind.Need) && items.Any(i => i.Id == e.SubjectId)));
    }

    /// <summary>The roles that read an agreement's internal papers inside their own region (<see cref="AgreementAccess.SeesInternal"/>).</summary>
    private static readonly Role[] InternalReaders = [Role.CooperationOfficer, Role.TeamMember, Role.Leader, Role.Auditor, Role.AgencyUser];

    private static readonly DocumentKind[] NaskahKinds = Enum.GetValues<DocumentKind>().Where(k => k.IsNaskah()).ToArray();

    /// <summary>The entries of subjects the actor may open: agreements by <see cref="AgreementAccess.VisibleTo"/>, usulan by
    /// <see cref="ProposalAccess.VisibleTo"/>, potentials and needs by <see cref="MappingAccess.VisibleTo"/>, good practices by
    /// <see cref="PracticeAccess.VisibleTo"/>, partners as the partner registry lists them; an agreement's drafts by
    /// <see cref="DraftAccess.CanSee"/> and its documents' text by <see cref="AgreementAccess.SeesDocument"/>, both of
    /// agreements the actor sees, written here as SQL.</summary>
    public static IQueryable<SearchEntry> VisibleTo(IQueryable<SearchEntry> entries, JalinDb db, CurrentActor actor)
    {
        var visibleAgreements = db.Agreements.VisibleTo(actor);
        var proposals = db.Proposals.VisibleTo(actor);
        var mapping = db.MappingItems.VisibleTo(actor);
        var partners = PartnersVisibleTo(db.Partners, actor);
        var practices = db.GoodPractices.VisibleTo(actor);

        // AgreementAccess.SeesInternal and SeesDocument, for this actor: Jalin itself reads everything; the owning region's
        // (or, for a party region's own papers, that region's) officers, TKKSD, leaders, auditors and OPD read the internal
        // ones of their region; its DPRD secretariat only the letters to and decisions of its DPRD; everyone else who sees
        // the agreement (partners, supervisors, other regions) only shared documents and naskah drafts.
        var all = actor.Role == Role.System;
        var inside = InternalReaders.Contains(actor.Role) ? actor.RegionCode : null;
        var dprd = actor.Role == Role.DprdViewer ? actor.RegionCode : null;
        var drafts = db.Drafts.Join(visibleAgreements, d => d.AgreementId, a => a.Id, (d, a) => new { d.Id, d.Form, a.RegionCode })
            .Where(x => NaskahKinds.Contains(x.Form) || all || (inside != null && x.RegionCode == inside));
        var documents = db.AgreementDocuments.Join(visibleAgreements, d => d.AgreementId, a => a.Id,
                (d, a) => new { d.Id, d.Kind, d.Visibility, Region = d.UploaderRegionCode ?? a.RegionCode })
            .Where(x => x.Visibility == DocumentVisibility.Shared || all
                || (inside != null && x.Region == inside)
                || (dprd != null && x.Region == dprd && (x.Kind == DocumentKind.DprdRequest || x.Kind == DocumentKind.DprdDecision)));
        // Correlated EXISTS per entry, not IN (subquery): inside an OR PostgreSQL cannot turn IN into a semi-join and would
        // hash every visible id (a national supervisor sees a million agreements) for each search.
        return entries.Where(e =>
            (e.Kind == SearchKind.Agreement && visibleAgreements.Any(a => a.Id == e.SubjectId))
            || (e.Kind == SearchKind.Proposal && proposals.Any(p => p.Id == e.SubjectId))
            || ((e.Kind == SearchKind.Potential || e.Kind == SearchKind.Need) && mapping.Any(m => m.Id == e.SubjectId))
            || (e.Kind == SearchKind.Partner && partners.Any(p => p.Id == e.SubjectId))
            || (e.Kind == SearchKind.GoodPractice && practices.Any(p => p.Id == e.SubjectId))
            || (e.Kind == SearchKind.Draft && drafts.Any(d => d.Id == e.SubjectId))
            || (e.Kind == SearchKind.DocumentText && documents.Any(d => d.Id == e.SubjectId)));
    }

    private static readonly Role[] PartnerReaders = [Role.CooperationOfficer, Role.TeamMember, Role.Leader, Role.Auditor, Role.AgencyUser, Role.DprdViewer];

    /// <summary>The same rule as <see cref="PartnerRegistry.ListAsync"/>.</summary>
    private static IQueryable<Partner> PartnersVisibleTo(IQueryable<Partner> query, CurrentActor actor)
    {
        var region = actor.RegionCode;
        var province = region + ".";
        var partner = actor.PartnerId;
        return actor.Role switch
        {
            Role.System or Role.SupervisorNational => query,
            Role.PartnerUser when partner is not null => query.Where(p => p.Id == partner),
            Role.SupervisorProvince when region is not null => query.Where(p => p.RegionCode == region || p.RegionCode.StartsWith(province)),
            _ when PartnerReaders.Contains(actor.Role) && region is not null => query.Where(p => p.RegionCode == region),
            _ => query.Where(p => false),
        };
    }

    /// <summary>The query's words (normalised, compounds split, stopwords out) or why it cannot be run.</summary>
    public static Result<IReadOnlyList<string>> Parse(string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return ValidationError.Of("q", "Kata pencarian wajib diisi.");
        if (q.Length > MaxQueryLength) return ValidationError.Of("q", $"Kata pencarian paling panjang {MaxQueryLength} karakter.");
        var words = IndonesianText.Words(q).Where(w => !IndonesianText.IsStopword(w)).Distinct().ToList();
        if (words.Count == 0) return ValidationError.Of("q", "Kata pencarian hanya berisi kata sambung atau tanda baca; tulis kata yang dicari.");
        if (words.Count > MaxWords) return ValidationError.Of("q", $"Kata pencarian paling banyak {MaxWords} kata.");
        return words;
    }

    private const string PgMatch = "SELECT * FROM \"SearchEntries\" WHERE \"TokensVector\" @@ plainto_tsquery('simple', {0})";
    private const string PgMatchPublic = PgMatch + " AND \"IsPublic\"";
    private const string SqliteMatch = "SELECT * FROM \"SearchEntries\" WHERE \"Id\" IN (SELECT rowid FROM \"SearchEntriesFts\" WHERE \"SearchEntriesFts\" MATCH {0})";
    private const string SqliteMatchPublic = SqliteMatch + " AND \"IsPublic\"";

    /// <summary>How many parts PostgreSQL's search indexes are split into (migration SearchTokenBuckets: one GIN index per
    /// <c>"Id" % 8</c>, for all entries and for the public ones).</summary>
    internal const int Buckets = 8;

    /// <summary>The match read bucket by bucket: UNION ALL of one scan per bucket, each through its own partial GIN index, so
    /// a reader that stops at its limit builds the bitmap of the first buckets only (a GIN index returns a bitmap of every
    /// match before the first row: 57,000 rows for a common word at national size, which cost more than the rest of a search).</summary>
    private static string PgBucketed(bool publicOnly) => string.Join(" UNION ALL ", Enumerable.Range(0, Buckets).Select(b =>
        $"SELECT * FROM \"SearchEntries\" WHERE \"TokensVector\" @@ plainto_tsquery('simple', {{0}}){(publicOnly ? " AND \"IsPublic\"" : "")} AND (\"Id\" % {Buckets}) = {b}"));

    private static readonly string PgFirst = PgBucketed(publicOnly: false);
    private static readonly string PgFirstPublic = PgBucketed(publicOnly: true);
    // An existence test (LIMIT 1) planned on its own, so always through the indexes: planned with the LIMIT, PostgreSQL
    // expected a rare word's match early in a scan of the whole table and read all 1,000,000 rows (715 ms for a typo).
    private static readonly string PgExists = "SELECT * FROM (WITH m AS MATERIALIZED (" + PgFirst + ") SELECT * FROM m) AS m";
    private static readonly string PgExistsPublic = "SELECT * FROM (WITH m AS MATERIALIZED (" + PgFirstPublic + ") SELECT * FROM m) AS m";

    /// <summary>How a caller reads the matches, which decides how PostgreSQL should plan them.</summary>
    public enum MatchUse
    {
        /// <summary>The first matches up to a limit (the search's candidates): bucket by bucket.</summary>
        FirstRows,
        /// <summary>Whether anything matches (the typo check): bucket by bucket, planned on its own.</summary>
        Exists,
        /// <summary>Every match, joined to another table (the agreement list's download, which holds every match): one scan of the index of all entries.</summary>
        All,
    }

    /// <summary>The entries holding every stem (the database's full-text index does the matching: PostgreSQL's GIN over the
    /// stored "TokensVector" column, SQLite's FTS5), narrowed by <paramref name="scope"/>. The scope is applied to the
    /// matching rows themselves, not joined back to the table, so the database plans one scan.</summary>
    /// <param name="use">How the caller reads the matches (<see cref="MatchUse"/>).</param>
    /// <param name="publicOnly">Only entries marked public, tested inside the match: PostgreSQL then uses the GIN indexes of
    /// the public entries alone.</param>
    public static IQueryable<SearchEntry> Matching(JalinDb db, Func<IQueryable<SearchEntry>, IQueryable<SearchEntry>> scope, IReadOnlyCollection<string> stems,
        MatchUse use = MatchUse.FirstRows, bool publicOnly = false)
    {
        var terms = string.Join(' ', stems);
        IQueryable<SearchEntry> matched;
        if (db.Database.IsNpgsql())
            matched = db.SearchEntries.FromSqlRaw((use, publicOnly) switch
            {
                (MatchUse.All, false) => PgMatch,
                (MatchUse.All, true) => PgMatchPublic,
                (MatchUse.Exists, false) => PgExists,
                (MatchUse.Exists, true) => PgExistsPublic,
                (_, false) => PgFirst,
                (_, true) => PgFirstPublic,
            }, terms);
        else
            matched = db.SearchEntries.FromSqlRaw(publicOnly ? SqliteMatchPublic : SqliteMatch, string.Join(' ', stems.Select(s => "\"" + s + "\"")));
        return scope(matched.AsNoTracking());
    }

    /// <summary>Runs a search's queries on PostgreSQL in one transaction (one connection, one snapshot) with parallel plans
    /// off: the bucketed match stops at its limit, and two workers started for it on a busy server cost more than the scan
    /// they share (the agreement list's text filter: 12 ms alone, 120 ms with two workers).</summary>
    /// <param name="snapshot">One snapshot for all the queries (REPEATABLE READ), the one a kept search is checked against
    /// (<see cref="SearchResultCache"/>); only when the search opens its own transaction.</param>
    internal static async Task<T> InSearchSessionAsync<T>(JalinDb db, Func<Task<T>> run, CancellationToken ct, bool snapshot = false)
    {
        if (!db.Database.IsNpgsql()) return await run();
        var own = db.Database.CurrentTransaction is not null ? null
            : snapshot ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct)
            : await db.Database.BeginTransactionAsync(ct);
        try
        {
            // A kept search may need no plan at all: it sets this itself before it matches (NoParallelPlansAsync).
            if (!snapshot) await NoParallelPlansAsync(db, ct);
            var result = await run();
            if (own is not null) await own.CommitAsync(ct);
            return result;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private static Task NoParallelPlansAsync(JalinDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", ct);

    private static async Task<Result<SearchResults>> RunAsync(JalinDb db, Scope scope, SearchQuery query, SearchResultCache? cache, CancellationToken ct)
    {
        var parsed = Parse(query.Q);
        if (!parsed.Ok) return parsed.Error!;
        if (query.Page is < 1) return ValidationError.Of("page", "Nomor halaman mulai dari 1.");
        if (query.PageSize is < 1 or > 100) return ValidationError.Of("pageSize", "Jumlah per halaman 1 sampai 100.");
        SearchKind? kindFilter = null;
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            if (!SearchKindLabels.TryParse(query.Kind, out var k))
                return ValidationError.Of("kind", $"Jenis hasil tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetValues<SearchKind>().Select(k => $"{k} ({k.Label()})"))}.");
            kindFilter = k;
        }
        CooperationKind? cooperationFilter = null;
        if (!string.IsNullOrWhiteSpace(query.CooperationKind))
        {
            if (!Enum.TryParse<CooperationKind>(query.CooperationKind, ignoreCase: true, out var ck) || !Enum.IsDefined(ck) || int.TryParse(query.CooperationKind, out _))
                return ValidationError.Of("cooperationKind", "Jenis kerja sama tidak dikenal.");
            cooperationFilter = ck;
        }
        if (query.Region is { Length: > 13 }) return ValidationError.Of("region", "Kode wilayah tidak valid.");
        if (query.Year is < 1945 or > 2200) return ValidationError.Of("year", "Tahun tidak valid.");
        var page = query.Page ?? 1;
        var size = query.PageSize ?? 20;

        var caching = cache is { Enabled: true } && db.Database.IsNpgsql() && db.Database.CurrentTransaction is null;
        return await InSearchSessionAsync(db, async () =>
        {
            var words = parsed.Value!.ToList();
            SearchResultCache.Found? found = null;
            Func<SearchResultCache.Found, SearchResultCache.Found> keep = f => f;
            if (caching)
                (found, keep) = await cache!.LookUpAsync(db, new SearchResultCache.Key(db.Database.GetConnectionString() ?? "", scope.Who, string.Join(' ', words)), ct);
            if (found is null)
            {
                if (caching) await NoParallelPlansAsync(db, ct);
                found = keep(await FindAsync(db, scope, words, ct));
            }

            var ranked = found.Ranked;
            var names = found.Names;
            var filtered = ranked.Where(r => (kindFilter is null || r.Entry.Kind == kindFilter)
                && (string.IsNullOrWhiteSpace(query.Region) || r.Entry.RegionCode == query.Region)
                && (query.Year is null || r.Entry.Year == query.Year)
                && (cooperationFilter is null || r.Entry.CooperationKind == cooperationFilter)).ToList();
            var pageRows = filtered.Skip((page - 1) * size).Take(size).ToList();
            var ids = pageRows.Select(r => r.Entry.Id).ToList();
            var bodies = await db.SearchEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Body }).ToDictionaryAsync(e => e.Id, e => e.Body, ct);
            var stemSet = found.Stems.ToHashSet();
            var hits = pageRows.Select(r => new SearchHit(r.Entry.Kind, r.Entry.Kind.Label(), r.Entry.SubjectId, r.Entry.AgreementId, r.Entry.RegionCode,
                names.GetValueOrDefault(r.Entry.RegionCode, r.Entry.RegionCode), r.Entry.CooperationKind?.ShortLabel(), r.Entry.Year,
                r.Entry.Title, Highlight(r.Entry.Title, stemSet), Snippet(bodies.GetValueOrDefault(r.Entry.Id, ""), stemSet), r.Score)).ToList();
            return new SearchResults(query.Q!.Trim(), found.Corrections, new Page<SearchHit>(hits, page, size, filtered.Count) { TotalIsAtLeast = found.Capped },
                found.Kinds, found.Regions, found.CooperationKinds, found.Years);
        }, ct, snapshot: caching);
    }

    /// <summary>What a search finds before its filters and page are applied: the candidates (corrected for typos when none
    /// match), ranked, with the facets over all of them.</summary>
    private static async Task<SearchResultCache.Found> FindAsync(JalinDb db, Scope scope, List<string> words, CancellationToken ct)
    {
        var stems = words.Select(IndonesianText.Stem).Distinct().ToList();
        var (candidates, capped) = await CandidatesAsync(db, scope, stems, ct);

        // Typo tolerance: when nothing matches, a word that matches nothing the actor may see is replaced by the nearest
        // word of a partner or region name (Damerau-Levenshtein ≤ 1 up to 5 letters, ≤ 2 longer). Checked only then: when
        // all the words match together, each of them matches something.
        var corrections = new List<SearchCorrection>();
        if (candidates.Count == 0)
        {
            string[]? vocabulary = null;
            for (var i = 0; i < words.Count; i++)
            {
                if (await Matching(db, scope.Filter, [IndonesianText.Stem(words[i])], MatchUse.Exists, scope.PublicOnly).AnyAsync(ct)) continue;
                vocabulary ??= await SearchVocabulary.WordsAsync(db, ct);
                if (SearchVocabulary.Nearest(words[i], vocabulary) is { } nearest)
                {
                    corrections.Add(new SearchCorrection(words[i], nearest));
                    words[i] = nearest;
                }
            }
            if (corrections.Count > 0)
            {
                stems = words.Select(IndonesianText.Stem).Distinct().ToList();
                (candidates, capped) = await CandidatesAsync(db, scope, stems, ct);
            }
        }
        // Ranked on the stored tokens, which are then let go: a kept search holds only what it shows.
        var ranked = Rank(candidates, stems).Select(r => r with { Entry = r.Entry with { Tokens = "" } }).ToList();

        // All 552 regions, not those of the candidates: with up to 552 codes in "= ANY", PostgreSQL's generic plan of the
        // prepared statement (DatabaseOptions.SessionDefaults) compared each region with each code: 4 ms, not 0.3.
        var names = (await db.Regions.AsNoTracking().ToListAsync(ct)).ToDictionary(r => r.Code, r => r.FullName);

        static List<SearchFacet> Facet<T>(IEnumerable<T> keys, Func<T, string> key, Func<T, string> label) =>
            keys.GroupBy(key).Select(g => new SearchFacet(g.Key, label(g.First()), g.Count())).OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.Ordinal).ToList();
        var all = ranked.Select(r => r.Entry).ToList();
        return new SearchResultCache.Found(ranked, capped, corrections, stems, names,
            Facet(all, e => e.Kind.ToString(), e => e.Kind.Label()),
            Facet(all, e => e.RegionCode, e => names.GetValueOrDefault(e.RegionCode, e.RegionCode)),
            Facet(all.Where(e => e.CooperationKind is not null), e => e.CooperationKind!.Value.ToString(), e => e.CooperationKind!.Value.ShortLabel()),
            Facet(all.Where(e => e.Year is not null), e => e.Year!.Value.ToString(), e => e.Year!.Value.ToString()));
    }

    /// <summary>The first <see cref="MaxCandidates"/> entries in scope holding every stem, in the database's own order (no
    /// ORDER BY: PostgreSQL then stops reading the matching rows at the cap instead of reading all of them, 67,000 for
    /// "sampah" at national size, to sort them; bucket by bucket, see <see cref="MatchUse.FirstRows"/>).</summary>
    /// <returns>The candidates, and whether the database stopped at the cap (more entries may match).</returns>
    private static async Task<(List<Candidate> Found, bool Capped)> CandidatesAsync(JalinDb db, Scope scope, IReadOnlyCollection<string> stems, CancellationToken ct)
    {
        if (scope.Agreements is { } agreements && db.Database.IsNpgsql()) return await FewAgreementsCandidatesAsync(db, scope, agreements, stems, ct);
        if (scope.Province is { } province && db.Database.IsNpgsql()) return await ProvinceCandidatesAsync(db, scope, province, stems, ct);
        var candidates = await Select(Matching(db, scope.Filter, stems, publicOnly: scope.PublicOnly).Take(MaxCandidates)).ToListAsync(ct);
        return (candidates, candidates.Count == MaxCandidates);
    }

    private static IQueryable<Candidate> Select(IQueryable<SearchEntry> entries) =>
        entries.Select(e => new Candidate(e.Id, e.Kind, e.SubjectId, e.AgreementId, e.RegionCode, e.CooperationKind, e.Year, e.Title, e.Tokens));

    private const string PgMatchUnbound = PgMatch + " AND \"AgreementId\" IS NULL";

    /// <summary>The candidates of an actor who sees few agreements, on PostgreSQL, in two reads. First the entries tied to an
    /// agreement, from the agreements the actor sees (a region's officer: about 2,000 of a national million, each one
    /// index probe, its entries' words tested on the row) with bitmap scans off for that query, so the database cannot
    /// start from the GIN index: a common word's bitmap holds 67,000 entries at national size, nearly all of other
    /// regions, and testing each against the actor's visibility took seconds. Then the entries of no agreement
    /// (usulan, partners, potentials and needs, good practices) through their own GIN index (migration
    /// SearchUnboundTokensIndex). Both go through the scope's filter, the same visibility as every search.</summary>
    private static async Task<(List<Candidate> Found, bool Capped)> FewAgreementsCandidatesAsync(JalinDb db, Scope scope, IQueryable<Guid> agreements,
        IReadOnlyCollection<string> stems, CancellationToken ct)
    {
        var terms = string.Join(' ', stems);
        // SET LOCAL: a failed query aborts the search's transaction (InSearchSessionAsync), and the setting ends with it.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_bitmapscan = off", ct);
        var tied = await Select(scope.Filter(db.SearchEntries.FromSqlRaw(PgMatch, terms).AsNoTracking()
            .Where(e => e.AgreementId != null && agreements.Contains(e.AgreementId.Value))).Take(MaxCandidates)).ToListAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_bitmapscan = on", ct);
        return await WithUnboundAsync(db, scope, terms, tied, ct);
    }

    /// <summary>Then the entries of no agreement (usulan, partners, potentials and needs, good practices) through their own
    /// GIN index (migration SearchUnboundTokensIndex), up to the cap.</summary>
    private static async Task<(List<Candidate> Found, bool Capped)> WithUnboundAsync(JalinDb db, Scope scope, string terms, List<Candidate> tied, CancellationToken ct)
    {
        var rest = MaxCandidates - tied.Count;
        if (rest == 0) return (tied, true);
        var unbound = await Select(scope.Filter(db.SearchEntries.FromSqlRaw(PgMatchUnbound, terms).AsNoTracking()).Take(rest)).ToListAsync(ct);
        tied.AddRange(unbound);
        return (tied, unbound.Count == rest);
    }

    /// <summary>On PostgreSQL, the entries tied to an agreement of <paramref name="province"/> or one of its kabupaten and
    /// kota holding every stem, through the GIN index of words and provinces together (migration SearchProvinceTokensIndex,
    /// btree_gin), which itself intersects a word's entries with the province's: 3,400 of "sampah"'s 57,000 for West Java
    /// at national size, where reading the word's buckets found the province's 1,000 among 20,000 rows read. A plan, not a
    /// rule: callers keep their own visibility filter (<see cref="AgreementAccess.VisibleTo"/>), which this narrowing never
    /// widens. An entry tied to an agreement carries the owning region's code (SearchIndexer), the code a province's
    /// visibility tests. SQLite (FTS5, a region's size) has no such index and reads <see cref="Matching"/>.</summary>
    internal static IQueryable<SearchEntry> MatchingInProvince(JalinDb db, IReadOnlyCollection<string> stems, string province) =>
        db.SearchEntries.FromSqlRaw(PgMatchProvince, string.Join(' ', stems), province).AsNoTracking();

    // The same expression as the index's: a region's code is its province's, or the province's, a dot and its own number.
    private const string PgMatchProvince = PgMatch + " AND \"AgreementId\" IS NOT NULL AND split_part(\"RegionCode\", '.', 1) = {1}";

    /// <summary>The candidates of a province's supervisor, on PostgreSQL: the entries tied to an agreement of the province
    /// (<see cref="MatchingInProvince"/>), then those of no agreement; both through the scope's filter, the same visibility
    /// as every search.</summary>
    private static async Task<(List<Candidate> Found, bool Capped)> ProvinceCandidatesAsync(JalinDb db, Scope scope, string province,
        IReadOnlyCollection<string> stems, CancellationToken ct)
    {
        var tied = await Select(scope.Filter(MatchingInProvince(db, stems, province))).Take(MaxCandidates).ToListAsync(ct);
        return await WithUnboundAsync(db, scope, string.Join(' ', stems), tied, ct);
    }

    internal sealed record Candidate(long Id, SearchKind Kind, Guid SubjectId, Guid? AgreementId, string RegionCode, CooperationKind? CooperationKind, int? Year, string Title, string Tokens);

    internal sealed record Ranked(Candidate Entry, double Score);

    /// <summary>The one ranking function: per query stem, title occurrences weigh 4 (up to 2), text occurrences
    /// 1 + ln(count), divided by a gentle length norm; ties by title then subject id. Pure .NET, so identical on both databases.</summary>
    internal static List<Ranked> Rank(IEnumerable<Candidate> candidates, IReadOnlyCollection<string> stems)
    {
        var query = stems.ToArray(); // once, not once per candidate inside Score
        return candidates.Select(c => new Ranked(c, Score(c.Title, c.Tokens, query)))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Entry.Title, StringComparer.Ordinal).ThenBy(r => r.Entry.SubjectId).ToList();
    }

    public static double Score(string title, string tokens, IReadOnlyCollection<string> stems)
    {
        // The stored tokens are the title's tokens followed by the text's (SearchIndexer.Entry tokenises title + " " + body),
        // so the first TokenCount(title) of them are the title's: counted in one pass over the stored text, without
        // tokenising the title again or splitting the text into strings (this runs for every candidate of every search).
        var query = stems as string[] ?? stems.ToArray();
        var titleLength = IndonesianText.TokenCount(title);
        Span<int> inTitle = query.Length <= 16 ? stackalloc int[query.Length] : new int[query.Length];
        Span<int> inAll = query.Length <= 16 ? stackalloc int[query.Length] : new int[query.Length];
        var count = 0;
        foreach (var range in tokens.AsSpan().Split(' '))
        {
            var token = tokens.AsSpan()[range];
            if (token.IsEmpty) continue;
            for (var j = 0; j < query.Length; j++)
            {
                if (!token.SequenceEqual(query[j])) continue;
                inAll[j]++;
                if (count < titleLength) inTitle[j]++;
            }
            count++;
        }
        var score = 0.0;
        for (var j = 0; j < query.Length; j++)
        {
            var titleHits = inTitle[j];
            var inText = Math.Max(0, inAll[j] - titleHits);
            score += 4 * Math.Min(titleHits, 2) + (inText > 0 ? 1 + Math.Log(inText) : 0);
        }
        score /= 1 + Math.Log(1 + count / 200.0);
        return Math.Round(score, 6);
    }

    /// <summary>HTML of <paramref name="text"/> with every word whose stem is searched in &lt;mark&gt;; everything else encoded.</summary>
    public static string Highlight(string text, IReadOnlySet<string> stems)
    {
        var sb = new StringBuilder(text.Length + 32);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsWordChar(text[i]))
            {
                while (i < text.Length && IsWordChar(text[i])) i++;
                var word = text[start..i];
                var match = IndonesianText.Words(word).Any(w => stems.Contains(IndonesianText.Stem(w)));
                if (match) sb.Append("<mark>").Append(WebUtility.HtmlEncode(word)).Append("</mark>");
                else sb.Append(WebUtility.HtmlEncode(word));
            }
            else
            {
                while (i < text.Length && !IsWordChar(text[i])) i++;
                sb.Append(WebUtility.HtmlEncode(text[start..i]));
            }
        }
        return sb.ToString();
    }

    /// <summary>About 240 characters of the text around the first searched word, highlighted.</summary>
    public static string Snippet(string body, IReadOnlySet<string> stems, int length = 240)
    {
        if (string.IsNullOrEmpty(body)) return "";
        var first = -1;
        var i = 0;
        while (i < body.Length && first < 0)
        {
            if (!IsWordChar(body[i])) { i++; continue; }
            var start = i;
            while (i < body.Length && IsWordChar(body[i])) i++;
            if (IndonesianText.Words(body[start..i]).Any(w => stems.Contains(IndonesianText.Stem(w)))) first = start;
        }
        var from = first < 0 ? 0 : Math.Max(0, first - 80);
        while (from > 0 && IsWordChar(body[from - 1])) from--;
        var to = Math.Min(body.Length, from + length);
        while (to < body.Length && IsWordChar(body[to])) to++;
        return (from > 0 ? "… " : "") + Highlight(body[from..to], stems) + (to < body.Length ? " …" : "");
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}
