using System.Collections.Concurrent;
using System.Text;
using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Mapping;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Search;

/// <summary>A subject whose index entry is to be rebuilt.</summary>
public readonly record struct SearchSubject(SearchKind Kind, Guid Id);

/// <summary>Builds the <see cref="SearchEntry"/> rows: one subject after it changes (called by
/// <see cref="SearchIndexInterceptor"/> after every save that touches one) or everything (<see cref="ReindexAllAsync"/>,
/// used by the demo seed and <c>jalin reindex</c>).</summary>
public static class SearchIndexer
{
    /// <summary>Rebuilds the whole index.</summary>
    public static async Task<int> ReindexAllAsync(JalinDb db, TimeProvider clock, CancellationToken ct = default)
    {
        await db.SearchEntries.ExecuteDeleteAsync(ct);
        var subjects = new List<SearchSubject>();
        subjects.AddRange((await db.Agreements.AsNoTracking().Select(a => a.Id).ToListAsync(ct)).Select(id => new SearchSubject(SearchKind.Agreement, id)));
        subjects.AddRange((await db.Partners.AsNoTracking().Select(a => a.Id).ToListAsync(ct)).Select(id => new SearchSubject(SearchKind.Partner, id)));
        subjects.AddRange((await db.Proposals.AsNoTracking().Select(a => a.Id).ToListAsync(ct)).Select(id => new SearchSubject(SearchKind.Proposal, id)));
        subjects.AddRange((await db.MappingItems.AsNoTracking().Select(a => new { a.Id, a.Kind }).ToListAsync(ct))
            .Select(m => new SearchSubject(m.Kind == MappingKind.Need ? SearchKind.Need : SearchKind.Potential, m.Id)));
        foreach (var chunk in subjects.Chunk(200)) await ReindexAsync(db, chunk, clock, ct);
        return subjects.Count;
    }

    /// <summary>Rebuilds the entries of these subjects (removes those of subjects that no longer exist) and saves.</summary>
    public static async Task ReindexAsync(JalinDb db, IReadOnlyCollection<SearchSubject> subjects, TimeProvider clock, CancellationToken ct = default)
    {
        if (subjects.Count == 0) return;
        var now = clock.GetUtcNow();
        var built = new List<SearchEntry>();
        var regions = await RegionNamesAsync(db, ct);

        var agreementIds = subjects.Where(s => s.Kind == SearchKind.Agreement).Select(s => s.Id).Distinct().ToList();
        if (agreementIds.Count > 0)
        {
            var affairs = await db.GovernmentAffairs.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
            var published = await PublicAgreementIdsAsync(db, agreementIds, ct);
            var agreements = await db.Agreements.AsNoTracking().Include(a => a.Parties).Where(a => agreementIds.Contains(a.Id)).ToListAsync(ct);
            foreach (var a in agreements)
            {
                // A published agreement's confidential object or scope stays out of the index altogether, so no public search
                // can find the agreement by a word of it (the back office loses those words too: the price of one entry).
                var isPublic = published.Contains(a.Id);
                var body = Join(isPublic && a.Confidential.HasFlag(Publication.ConfidentialFields.Object) ? null : a.Object,
                    isPublic && a.Confidential.HasFlag(Publication.ConfidentialFields.Scope) ? null : a.Scope, a.Kind.Label(), regions.GetValueOrDefault(a.RegionCode),
                    a.AffairCode is { } code ? affairs.GetValueOrDefault(code) : null,
                    string.Join(", ", a.Parties.OrderBy(p => p.Order).Select(p => p.Name)),
                    string.Join(", ", a.Parties.Select(p => p.LeadAgencyName).Where(n => n is not null)));
                built.Add(Entry(SearchKind.Agreement, a.Id, a.RegionCode, a.Id, a.Kind, a.StartsOn?.Year ?? a.CreatedAt.Year, a.Title, body, isPublic, now));
            }
        }
        var partnerIds = Ids(subjects, SearchKind.Partner);
        if (partnerIds.Count > 0)
            foreach (var p in await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToListAsync(ct))
                built.Add(Entry(SearchKind.Partner, p.Id, p.RegionCode, null, null, p.CreatedAt.Year, p.Name,
                    Join(p.Kind.Label(), p.LegalForm, p.Address, p.PartnerRegionCode is { } pr ? regions.GetValueOrDefault(pr) : null), false, now));
        var proposalIds = Ids(subjects, SearchKind.Proposal);
        if (proposalIds.Count > 0)
            foreach (var p in await db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id)).ToListAsync(ct))
                built.Add(Entry(SearchKind.Proposal, p.Id, p.RegionCode, null, null, p.NumberYear, p.Title,
                    Join(p.Number, p.AgencyName, p.PartnerName, p.Background, p.Aims, p.Object, p.Scope, p.Location), false, now));
        var mappingIds = subjects.Where(s => s.Kind is SearchKind.Potential or SearchKind.Need).Select(s => s.Id).Distinct().ToList();
        if (mappingIds.Count > 0)
            foreach (var m in await db.MappingItems.AsNoTracking().Where(m => mappingIds.Contains(m.Id)).ToListAsync(ct))
                built.Add(Entry(m.Kind == MappingKind.Need ? SearchKind.Need : SearchKind.Potential, m.Id, m.RegionCode, null, null, m.CreatedAt.Year, m.Title,
                    Join(m.Description, m.Location, m.Program), false, now));

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
