using System.Collections.Concurrent;
using System.Text;
using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.GoodPractices;
using Jalin.Core.Mapping;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Search;

/// <summary>A subject whose index entry is to be rebuilt.</summary>
public readonly record struct SearchSubject(SearchKind Kind, Guid Id);

/// <summary>Builds the <see cref="SearchEntry"/> rows: one subject after it changes (called by
/// <see cref="SearchIndexInterceptor"/> after every save that touches one) or everything (<see cref="ReindexAllAsync(JalinDb, TimeProvider, FileStore?, CancellationToken)"/>,
/// used by the demo seed and <c>jalin reindex</c>).</summary>
public static class SearchIndexer
{
    /// <summary>Rebuilds the whole index. Without <paramref name="files"/> uploaded documents are indexed by their title only.</summary>
    public static Task<int> ReindexAllAsync(JalinDb db, TimeProvider clock, CancellationToken ct = default) => ReindexAllAsync(db, clock, null, ct);

    /// <summary>Rebuilds the whole index, reading the text of uploaded PDF and DOCX documents from <paramref name="files"/>.</summary>
    public static Task<int> ReindexAllAsync(JalinDb db, TimeProvider clock, FileStore? files, CancellationToken ct = default) =>
        ReindexAllAsync(db, clock, files, null, ct);

    /// <summary>Rebuilds the whole index and reports (subjects done, subjects in all) after every batch. The change tracker is
    /// cleared after each batch, so memory and time stay linear in the number of subjects (a national data set holds millions).
    /// Entries are rebuilt in place, so search keeps answering while it runs; the text of documents is read again from the
    /// file store; the entries of subjects that no longer exist are removed at the end.</summary>
    public static async Task<int> ReindexAllAsync(JalinDb db, TimeProvider clock, FileStore? files, IProgress<(int Done, int Total)>? progress, CancellationToken ct = default)
    {
        var subjects = new List<SearchSubject>();
        subjects.AddRange((await db.Agreements.AsNoTracking().Select(a => a.Id).ToListAsync(ct)).Select(id => new SearchSubject(SearchKind.Agreement, id)));
        subjects.AddRange((await db.Partners.AsNoTracking().Select(a => a.Id).ToListAsync(ct)).Select(id => new SearchSubject(SearchKind.Partner, id)));
        subjects.AddRange((await db.Proposals.AsNoTracking().Select(a => a.Id).ToListAsync(ct)).Select(id => new SearchSubject(SearchKind.Proposal, id)));
        subjects.AddRange((await db.MappingItems.AsNoTracking().Select(a => new { a.Id, a.Kind }).ToListAsync(ct))
            .Select(m => new SearchSubject(m.Kind == MappingKind.Need ? SearchKind.Need : SearchKind.Potential, m.Id)));
        subjects.AddRange((await db.GoodPractices.AsNoTracking().Select(p => p.Id).ToListAsync(ct)).Select(id => new SearchSubject(SearchKind.GoodPractice, id)));
        subjects.AddRange((await db.Drafts.AsNoTracking().Select(d => d.Id).ToListAsync(ct)).Select(id => new SearchSubject(SearchKind.Draft, id)));
        var main = subjects.Count;
        var documents = (await db.AgreementDocuments.AsNoTracking().Where(d => d.FileSha256 != null).Select(d => d.Id).ToListAsync(ct))
            .Select(id => new SearchSubject(SearchKind.DocumentText, id)).ToList();
        var total = main + documents.Count;
        var done = 0;
        // Documents in small chunks: each may hold up to SearchEntry.MaxBody characters of extracted text.
        foreach (var chunk in subjects.Chunk(500).Concat(documents.Chunk(20)))
        {
            await ReindexAsync(db, chunk, clock, files, rereadText: files is not null, ct);
            db.ChangeTracker.Clear();
            done += chunk.Length;
            progress?.Report((done, total));
        }
        await db.SearchEntries.Where(e => e.Kind == SearchKind.Agreement && !db.Agreements.Any(a => a.Id == e.SubjectId)).ExecuteDeleteAsync(ct);
        await db.SearchEntries.Where(e => e.Kind == SearchKind.Partner && !db.Partners.Any(a => a.Id == e.SubjectId)).ExecuteDeleteAsync(ct);
        await db.SearchEntries.Where(e => e.Kind == SearchKind.Proposal && !db.Proposals.Any(a => a.Id == e.SubjectId)).ExecuteDeleteAsync(ct);
        await db.SearchEntries.Where(e => (e.Kind == SearchKind.Potential || e.Kind == SearchKind.Need) && !db.MappingItems.Any(a => a.Id == e.SubjectId)).ExecuteDeleteAsync(ct);
        await db.SearchEntries.Where(e => e.Kind == SearchKind.GoodPractice && !db.GoodPractices.Any(a => a.Id == e.SubjectId)).ExecuteDeleteAsync(ct);
        await db.SearchEntries.Where(e => e.Kind == SearchKind.Draft && !db.Drafts.Any(a => a.Id == e.SubjectId)).ExecuteDeleteAsync(ct);
        await db.SearchEntries.Where(e => e.Kind == SearchKind.DocumentText && !db.AgreementDocuments.Any(a => a.Id == e.SubjectId && a.FileSha256 != null)).ExecuteDeleteAsync(ct);
        return main + documents.Count;
    }

    /// <summary>Rebuilds the entries of these subjects (removes those of subjects that no longer exist) and saves.</summary>
    public static Task ReindexAsync(JalinDb db, IReadOnlyCollection<SearchSubject> subjects, TimeProvider clock, CancellationToken ct = default) =>
        ReindexAsync(db, subjects, clock, null, ct);

    /// <summary>Rebuilds the entries of these subjects (removes those of subjects that no longer exist) and saves. The text
    /// of a newly indexed document comes from this unit of work's upload or from <paramref name="files"/>; a document
    /// already indexed keeps its text (a document's file never changes after it is attached).</summary>
    public static Task ReindexAsync(JalinDb db, IReadOnlyCollection<SearchSubject> subjects, TimeProvider clock, FileStore? files, CancellationToken ct = default) =>
        ReindexAsync(db, subjects, clock, files, rereadText: false, ct);

    private static async Task ReindexAsync(JalinDb db, IReadOnlyCollection<SearchSubject> subjects, TimeProvider clock, FileStore? files, bool rereadText, CancellationToken ct)
    {
        if (subjects.Count == 0) return;
        var now = Stamp(clock);
        var built = new List<SearchEntry>();
        var regions = await RegionNamesAsync(db, ct);

        var agreementIds = subjects.Where(s => s.Kind == SearchKind.Agreement).Select(s => s.Id).Distinct().ToList();
        if (agreementIds.Count > 0)
        {
            var affairs = await db.GovernmentAffairs.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
            var published = await PublicAgreementIdsAsync(db, agreementIds, ct);
            var agreements = await db.Agreements.AsNoTracking().Include(a => a.Parties).Where(a => agreementIds.Contains(a.Id)).ToListAsync(ct);
            foreach (var a in agreements) built.Add(AgreementEntry(a, published.Contains(a.Id), regions, affairs, now));
        }
        var partnerIds = Ids(subjects, SearchKind.Partner);
        if (partnerIds.Count > 0)
            foreach (var p in await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToListAsync(ct))
                built.Add(PartnerEntry(p, regions, now));
        var proposalIds = Ids(subjects, SearchKind.Proposal);
        if (proposalIds.Count > 0)
            foreach (var p in await db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id)).ToListAsync(ct))
                built.Add(ProposalEntry(p, now));
        var mappingIds = subjects.Where(s => s.Kind is SearchKind.Potential or SearchKind.Need).Select(s => s.Id).Distinct().ToList();
        if (mappingIds.Count > 0)
            foreach (var m in await db.MappingItems.AsNoTracking().Where(m => mappingIds.Contains(m.Id)).ToListAsync(ct))
            {
                // Published on the portal's /potensi: public, and only with what the portal shows (not the RPJMD program).
                var isPublic = m.PublishedAt is not null && m.Status == MappingStatus.Accepted;
                built.Add(Entry(m.Kind == MappingKind.Need ? SearchKind.Need : SearchKind.Potential, m.Id, m.RegionCode, null, null, m.CreatedAt.Year, m.Title,
                    Join(m.Description, m.Location, isPublic ? null : m.Program), isPublic, now));
            }
        var practiceIds = Ids(subjects, SearchKind.GoodPractice);
        if (practiceIds.Count > 0)
        {
            var practices = await db.GoodPractices.AsNoTracking().Where(p => practiceIds.Contains(p.Id)).ToListAsync(ct);
            var affairCodes = practices.Select(p => p.AffairCode).Distinct().ToList();
            var affairs = await db.GovernmentAffairs.AsNoTracking().Where(a => affairCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
            foreach (var p in practices)
            {
                // Everything here is on the public page of a published practice (no person's name).
                var isPublic = p.Status == PracticeStatus.Published && p.PublishedAt is not null;
                built.Add(Entry(SearchKind.GoodPractice, p.Id, p.RegionCode, null, null, (p.PublishedAt ?? p.CreatedAt).Year, p.Title,
                    Join(p.Problem, p.Actions, p.Partners, string.Join("; ", p.Results.Select(r => $"{r.Indicator} {r.Figure} {r.Unit}")),
                        affairs.GetValueOrDefault(p.AffairCode), regions.GetValueOrDefault(p.RegionCode), p.SourceCredit), isPublic, now));
            }
        }
        var draftIds = Ids(subjects, SearchKind.Draft);
        if (draftIds.Count > 0)
        {
            // The current version's clauses only: what the draft says now, not what it once said.
            var drafts = await db.Drafts.AsNoTracking().Where(d => draftIds.Contains(d.Id)).ToListAsync(ct);
            var current = await db.DraftVersions.AsNoTracking()
                .Where(v => draftIds.Contains(v.DraftId) && db.Drafts.Any(d => d.Id == v.DraftId && d.LatestVersion == v.Number))
                .ToDictionaryAsync(v => v.DraftId, ct);
            foreach (var d in drafts)
            {
                var clauses = current.TryGetValue(d.Id, out var v) ? v.Clauses : [];
                var text = string.Join("\n", clauses.Select(c => Join(c.Heading, string.Join("\n", c.Paragraphs))));
                built.Add(Entry(SearchKind.Draft, d.Id, d.RegionCode, d.AgreementId, null, d.CreatedAt.Year, d.Title, text, false, now));
            }
        }
        var documentIds = Ids(subjects, SearchKind.DocumentText);
        if (documentIds.Count > 0)
        {
            var documents = await db.AgreementDocuments.AsNoTracking().Where(d => documentIds.Contains(d.Id) && d.FileSha256 != null)
                .Join(db.Agreements, d => d.AgreementId, a => a.Id, (d, a) => new { Document = d, a.RegionCode }).ToListAsync(ct);
            var indexed = await db.SearchEntries.AsNoTracking().Where(e => e.Kind == SearchKind.DocumentText && documentIds.Contains(e.SubjectId))
                .Select(e => new { e.SubjectId, e.Body }).ToDictionaryAsync(e => e.SubjectId, e => e.Body, ct);
            foreach (var row in documents)
            {
                var d = row.Document;
                if (!DocumentText.IsReadable(d.ContentType)) continue;
                // The file of a document never changes once attached, so its text is read once; a document first indexed
                // without its bytes at hand (no file store) keeps its title only until the next full reindex.
                var text = !rereadText && indexed.TryGetValue(d.Id, out var body) ? body
                    : await DocumentText.OfStoredAsync(db, files, d.FileSha256!, d.FileSize, ct) ?? (indexed.GetValueOrDefault(d.Id) ?? "");
                built.Add(Entry(SearchKind.DocumentText, d.Id, row.RegionCode, d.AgreementId, null, d.CreatedAt.Year, d.Title, text, false, now));
            }
        }

        var allIds = subjects.Select(s => s.Id).Distinct().ToList();
        var existing = await db.SearchEntries.Where(e => allIds.Contains(e.SubjectId)).ToListAsync(ct);
        foreach (var subject in subjects.Distinct())
        {
            var kinds = subject.Kind is SearchKind.Potential or SearchKind.Need ? [SearchKind.Potential, SearchKind.Need] : new[] { subject.Kind };
            var old = existing.Where(e => e.SubjectId == subject.Id && kinds.Contains(e.Kind)).ToList();
            var fresh = built.FirstOrDefault(b => b.SubjectId == subject.Id && kinds.Contains(b.Kind));
            var keep = fresh is null ? null : old.FirstOrDefault(o => o.Kind == fresh.Kind);
            foreach (var o in old.Where(o => o != keep)) db.SearchEntries.Remove(o);
            if (fresh is null) continue;
            if (keep is null) { db.SearchEntries.Add(fresh); continue; }
            if (keep.Title == fresh.Title && keep.Body == fresh.Body && keep.Tokens == fresh.Tokens && keep.IsPublic == fresh.IsPublic
                && keep.RegionCode == fresh.RegionCode && keep.AgreementId == fresh.AgreementId && keep.CooperationKind == fresh.CooperationKind && keep.Year == fresh.Year) continue;
            keep.Title = fresh.Title; keep.Body = fresh.Body; keep.Tokens = fresh.Tokens; keep.IsPublic = fresh.IsPublic; keep.RegionCode = fresh.RegionCode;
            keep.AgreementId = fresh.AgreementId; keep.CooperationKind = fresh.CooperationKind; keep.Year = fresh.Year; keep.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        if (partnerIds.Count > 0) SearchVocabulary.Invalidate(db);
    }

    /// <summary>Builds the new entries of subjects a bulk writer inserts without the change tracker (an import, ADR 0013): the
    /// same entries <see cref="ReindexAsync(JalinDb, IReadOnlyCollection{SearchSubject}, TimeProvider, FileStore?, CancellationToken)"/>
    /// would build for them. The names it needs are read now, so <see cref="NewEntries.For"/> runs on any thread without the
    /// database while the previous batch is written.</summary>
    public static async Task<NewEntries> NewEntriesAsync(JalinDb db, TimeProvider clock, CancellationToken ct) =>
        new(await RegionNamesAsync(db, ct), await db.GovernmentAffairs.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct), Stamp(clock));

    /// <summary>See <see cref="NewEntriesAsync"/>.</summary>
    public sealed class NewEntries(Dictionary<string, string> regions, Dictionary<string, string> affairs, DateTimeOffset now)
    {
        /// <summary>The entries of these new agreements (with their parties), partners and proposals; none is published yet.</summary>
        public List<SearchEntry> For(IEnumerable<Agreement> agreements, IEnumerable<Partner> partners, IEnumerable<Proposal> proposals) =>
            [.. agreements.Select(a => AgreementEntry(a, false, regions, affairs, now)), .. partners.Select(p => PartnerEntry(p, regions, now)),
                .. proposals.Select(p => ProposalEntry(p, now))];
    }

    /// <summary>An entry's time to the millisecond: SQLite keeps instants to 100 µs and PostgreSQL to 1 µs, so an index moved
    /// from one to the other by a backup reads back the same.</summary>
    private static DateTimeOffset Stamp(TimeProvider clock) => Audit.AuditInterceptor.Truncate(clock.GetUtcNow());

    private static SearchEntry AgreementEntry(Agreement a, bool isPublic, Dictionary<string, string> regions, Dictionary<string, string> affairs, DateTimeOffset now)
    {
        // A published agreement's confidential object or scope stays out of the index altogether, so no public search
        // can find the agreement by a word of it (the back office loses those words too: the price of one entry).
        var body = Join(isPublic && a.Confidential.HasFlag(Publication.ConfidentialFields.Object) ? null : a.Object,
            isPublic && a.Confidential.HasFlag(Publication.ConfidentialFields.Scope) ? null : a.Scope, a.Kind.Label(), regions.GetValueOrDefault(a.RegionCode),
            a.AffairCode is { } code ? affairs.GetValueOrDefault(code) : null,
            string.Join(", ", a.Parties.OrderBy(p => p.Order).Select(p => p.Name)),
            string.Join(", ", a.Parties.Select(p => p.LeadAgencyName).Where(n => n is not null)));
        return Entry(SearchKind.Agreement, a.Id, a.RegionCode, a.Id, a.Kind, a.StartsOn?.Year ?? a.CreatedAt.Year, a.Title, body, isPublic, now);
    }

    private static SearchEntry PartnerEntry(Partner p, Dictionary<string, string> regions, DateTimeOffset now) =>
        Entry(SearchKind.Partner, p.Id, p.RegionCode, null, null, p.CreatedAt.Year, p.Name,
            Join(p.Kind.Label(), p.LegalForm, p.Address, p.PartnerRegionCode is { } pr ? regions.GetValueOrDefault(pr) : null), false, now);

    private static SearchEntry ProposalEntry(Proposal p, DateTimeOffset now) =>
        Entry(SearchKind.Proposal, p.Id, p.RegionCode, null, null, p.NumberYear, p.Title,
            Join(p.Number, p.AgencyName, p.PartnerName, p.Background, p.Aims, p.Object, p.Scope, p.Location), false, now);

    /// <summary>The agreements among these that the public may see (published).</summary>
    private static async Task<HashSet<Guid>> PublicAgreementIdsAsync(JalinDb db, List<Guid> ids, CancellationToken ct)
    {
        var published = await Publication.PublicAgreements.Published(db).Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        return published.ToHashSet();
    }

    private static List<Guid> Ids(IEnumerable<SearchSubject> subjects, SearchKind kind) => subjects.Where(s => s.Kind == kind).Select(s => s.Id).Distinct().ToList();

    private static readonly ConcurrentDictionary<string, Dictionary<string, string>> RegionNameCache = new();

    private static async Task<Dictionary<string, string>> RegionNamesAsync(JalinDb db, CancellationToken ct)
    {
        var key = db.Database.GetConnectionString() ?? "";
        if (RegionNameCache.TryGetValue(key, out var names)) return names;
        names = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.FullName, ct);
        if (names.Count > 0) RegionNameCache[key] = names;
        return names;
    }

    private static string Join(params string?[] parts) => string.Join(" — ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    internal static SearchEntry Entry(SearchKind kind, Guid id, string region, Guid? agreementId, CooperationKind? cooperationKind, int? year,
        string title, string body, bool isPublic, DateTimeOffset now)
    {
        if (title.Length > 500) title = title[..500];
        if (body.Length > SearchEntry.MaxBody) body = body[..SearchEntry.MaxBody];
        var tokens = IndonesianText.TokenText(title + " " + body);
        if (tokens.Length > SearchEntry.MaxTokens) tokens = tokens[..tokens.LastIndexOf(' ', SearchEntry.MaxTokens)];
        return new SearchEntry
        {
            Kind = kind, SubjectId = id, RegionCode = region, AgreementId = agreementId, CooperationKind = cooperationKind, Year = year,
            Title = title, Body = body, Tokens = tokens, IsPublic = isPublic, UpdatedAt = now,
        };
    }
}
