using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Agreements;

public sealed record AgreementFilter
{
    public string? Q { get; init; }
    public CooperationKind? Kind { get; init; }
    public Stage? Stage { get; init; }
    public Guid? PartnerId { get; init; }
    public Guid? AgencyId { get; init; }
    public string? AffairCode { get; init; }
    public string? RegionCode { get; init; }
    public int? Year { get; init; }
    /// <summary>In implementation and ending within this many days from today.</summary>
    public int? EndingWithinDays { get; init; }
    public bool? Active { get; init; }
    public string? Sort { get; init; }
    public bool Descending { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record AgreementSummary(Guid Id, string RegionCode, string Title, CooperationKind Kind, string KindLabel, Stage Stage, string StageLabel,
    IReadOnlyList<string> Partners, string? LeadAgency, string? AffairCode, decimal? Value, DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? DueOn, string? DueLabel);

public static class SearchAgreements
{
    public static readonly string[] SortKeys = ["title", "kind", "stage", "startsOn", "endsOn", "value", "lead", "updated"];

    public static Task<Result<Page<AgreementSummary>>> HandleAsync(JalinDb db, CurrentActor actor, AgreementFilter f, TimeProvider clock, CancellationToken ct = default) =>
        HandleAsync(db, actor, f, clock, Search.SiteSearch.MaxCandidates, ct);

    /// <param name="textCap">How many agreements a free-text filter lists at most (tests use a small one).</param>
    internal static async Task<Result<Page<AgreementSummary>>> HandleAsync(JalinDb db, CurrentActor actor, AgreementFilter f, TimeProvider clock, int textCap, CancellationToken ct)
    {
        var query = Filtered(db, actor, f, clock, null);
        if (!query.Ok) return query.Error!;
        var q = query.Value!;
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        if (HasText(f))
        {
            // A free-text filter stops at the first textCap agreements found that pass every filter (a common word
            // matches tens of thousands nationally; counting and sorting all of them took seconds). The list says so, and
            // its download (ExportAgreements, the uncapped Query) still holds every match.
            if (!ReadsFromIndex(actor, f))
                return await TextPageAsync(db, actor, f, clock, await q.Select(a => a.Id).Take(textCap + 1).ToListAsync(ct), textCap, page, size, ct);
            return await Search.SiteSearch.InSearchSessionAsync(db, async () =>
            {
                // Read from the index's side, bucket by bucket (SiteSearch.MatchUse.FirstRows), each match checked against the
                // agreements the actor sees with the other filters: the database stops at textCap + 1, where a join of every
                // match (the index of all entries) built the bitmap of all 67,000 matches of a common word first.
                var others = Filtered(db, actor, f with { Q = null }, clock, null).Value!;
                var stems = Search.IndonesianText.Tokens(f.Q!).Distinct().ToList();
                // A province's supervisor on PostgreSQL: the matches of the province alone, which the index itself
                // intersects (SiteSearch.MatchingInProvince), not a twentieth of the buckets' matches found among all of them.
                var matches = AgreementAccess.ProvinceOf(actor) is { } province && db.Database.IsNpgsql()
                    ? Search.SiteSearch.MatchingInProvince(db, stems, province).Where(e => e.Kind == Search.SearchKind.Agreement)
                    : Search.SiteSearch.Matching(db, entries => entries.Where(e => e.Kind == Search.SearchKind.Agreement), stems);
                var found = await matches.Where(e => others.Any(a => a.Id == e.SubjectId)).Select(e => e.SubjectId).Take(textCap + 1).ToListAsync(ct);
                return await TextPageAsync(db, actor, f, clock, found, textCap, page, size, ct);
            }, ct);
        }
        var total = await q.CountAsync(ct);
        var items = await ReadAsync(Order(q, f).Skip((page - 1) * size).Take(size), ct);
        return new Page<AgreementSummary>(items, page, size, total);
    }

    /// <summary>The page of a free-text list from the first agreements found (at most textCap + 1), sorted as asked.</summary>
    private static async Task<Result<Page<AgreementSummary>>> TextPageAsync(JalinDb db, CurrentActor actor, AgreementFilter f, TimeProvider clock,
        List<Guid> found, int textCap, int page, int size, CancellationToken ct)
    {
        var capped = found.Count > textCap;
        if (capped) found.RemoveAt(found.Count - 1);
        var sorted = Order(Filtered(db, actor, f, clock, found).Value!, f);
        var rows = await ReadAsync(sorted.Skip((page - 1) * size).Take(size), ct);
        return new Page<AgreementSummary>(rows, page, size, found.Count) { TotalIsAtLeast = capped };
    }

    /// <summary>Whether a free-text list reads the index first and checks each match against the other filters: when the
    /// actor sees most agreements (Jalin itself, the national and provincial supervisors) and no filter narrows them to a
    /// few (a region, partner, OPD, urusan or ending date), most matches pass and the database stops after about textCap of
    /// them. Otherwise the agreements the actor may see come first and each is checked against the index: a region's
    /// officer sees a few thousand of a national million, and reading a common word's 67,000 matches to find them was
    /// 20 times slower (national data set, bench/RESULTS.md, ninth session).</summary>
    private static bool ReadsFromIndex(CurrentActor actor, AgreementFilter f) =>
        AgreementAccess.SeesMany(actor) && string.IsNullOrWhiteSpace(f.RegionCode) && f.PartnerId is null && f.AgencyId is null
        && string.IsNullOrWhiteSpace(f.AffairCode) && f.EndingWithinDays is null;

    private static bool HasText(AgreementFilter f) => !string.IsNullOrWhiteSpace(f.Q) && Search.IndonesianText.Tokens(f.Q).Any();

    /// <summary>The agreements the list shows for this filter, in its order (the last key is the id): visibility
    /// (<see cref="AgreementAccess.VisibleTo"/>), filters and sort, without paging. The list and its download
    /// (<see cref="ExportAgreements"/>) both read this query, so a download never holds a row the list would not (and, when
    /// the list stopped at the first matches of a free-text filter, holds all of them).</summary>
    public static Result<IQueryable<Agreement>> Query(JalinDb db, CurrentActor actor, AgreementFilter f, TimeProvider clock)
    {
        var filtered = Filtered(db, actor, f, clock, null);
        return filtered.Ok ? Result<IQueryable<Agreement>>.From(Order(filtered.Value!, f)) : filtered.Error!;
    }

    /// <summary><see cref="Query"/> without its order, so the database can stop at the first rows found; with
    /// <paramref name="textMatches"/> (the agreements the free-text filter already found) instead of matching the index again.</summary>
    private static Result<IQueryable<Agreement>> Filtered(JalinDb db, CurrentActor actor, AgreementFilter f, TimeProvider clock, IReadOnlyCollection<Guid>? textMatches)
    {
        if (actor.Role == Role.SystemAdmin) return new ForbiddenError("Administrator sistem tidak membuka isi kerja sama.");
        if (f.Sort is { } sort && !SortKeys.Contains(sort))
            return ValidationError.Of("sort", $"Urutan tidak dikenal. Pilih salah satu: {string.Join(", ", SortKeys)}.");
        if (f.Year is < 1945 or > 2200) return ValidationError.Of("year", "Tahun tidak valid.");
        if (f.EndingWithinDays is < 0 or > 3650) return ValidationError.Of("endingWithinDays", "Jumlah hari harus 0 sampai 3650.");

        var q = db.Agreements.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            // The search index (Core/Search, ADR 0010): stemmed Indonesian words, all of them must occur.
            if (f.Q.Length > Search.SiteSearch.MaxQueryLength)
                return ValidationError.Of("q", $"Kata pencarian paling panjang {Search.SiteSearch.MaxQueryLength} karakter.");
            var stems = Search.IndonesianText.Tokens(f.Q).Distinct().ToList();
            if (textMatches is not null) q = q.Where(a => textMatches.Contains(a.Id));
            else if (stems.Count > 0)
            {
                var matching = Search.SiteSearch.Matching(db, entries => entries.Where(e => e.Kind == Search.SearchKind.Agreement), stems, Search.SiteSearch.MatchUse.All).Select(e => e.SubjectId);
                q = q.Where(a => matching.Contains(a.Id));
            }
        }
        if (f.Kind is { } kind) q = q.Where(a => a.Kind == kind);
        if (f.Stage is { } stage) q = q.Where(a => a.Stage == stage);
        if (f.PartnerId is { } partner) q = q.Where(a => a.Parties.Any(p => p.PartnerId == partner));
        if (f.AgencyId is { } agency) q = q.Where(a => a.Parties.Any(p => p.LeadAgencyId == agency));
        if (!string.IsNullOrWhiteSpace(f.AffairCode)) q = q.Where(a => a.AffairCode == f.AffairCode);
        if (!string.IsNullOrWhiteSpace(f.RegionCode)) q = q.Where(a => a.RegionCode == f.RegionCode);
        if (f.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            q = q.Where(a => a.StartsOn >= from && a.StartsOn <= to);
        }
        if (f.Active is true) q = q.Where(a => a.Stage != Stage.Ended);
        if (f.Active is false) q = q.Where(a => a.Stage == Stage.Ended);
        if (f.EndingWithinDays is { } days)
        {
            var today = Wib.Today(clock);
            var until = today.AddDays(days);
            q = q.Where(a => a.Stage == Stage.Implementation && a.EndsOn >= today && a.EndsOn <= until);
        }
        return Result<IQueryable<Agreement>>.From(q);
    }

    private static IQueryable<Agreement> Order(IQueryable<Agreement> q, AgreementFilter f)
    {

        // Empty values (no end date, no value, no lead OPD) go last in both directions: a person sorting
        // by end date wants the agreements that have one first. `x == null` orders false before true on
        // SQLite and PostgreSQL alike, so the database's own NULLS FIRST/LAST default does not matter.
        return (f.Sort, f.Descending) switch
        {
            ("title", false) => q.OrderBy(a => a.Title).ThenBy(a => a.Id),
            ("title", true) => q.OrderByDescending(a => a.Title).ThenBy(a => a.Id),
            ("kind", false) => q.OrderBy(a => a.Kind).ThenBy(a => a.Title).ThenBy(a => a.Id),
            ("kind", true) => q.OrderByDescending(a => a.Kind).ThenBy(a => a.Title).ThenBy(a => a.Id),
            ("stage", false) => q.OrderBy(a => a.Stage).ThenBy(a => a.Title).ThenBy(a => a.Id),
            ("stage", true) => q.OrderByDescending(a => a.Stage).ThenBy(a => a.Title).ThenBy(a => a.Id),
            ("startsOn", false) => q.OrderBy(a => a.StartsOn == null).ThenBy(a => a.StartsOn).ThenBy(a => a.Id),
            ("startsOn", true) => q.OrderBy(a => a.StartsOn == null).ThenByDescending(a => a.StartsOn).ThenBy(a => a.Id),
            ("endsOn", false) => q.OrderBy(a => a.EndsOn == null).ThenBy(a => a.EndsOn).ThenBy(a => a.Id),
            ("endsOn", true) => q.OrderBy(a => a.EndsOn == null).ThenByDescending(a => a.EndsOn).ThenBy(a => a.Id),
            ("value", false) => q.OrderBy(a => a.Value == null).ThenBy(a => a.Value).ThenBy(a => a.Id),
            ("value", true) => q.OrderBy(a => a.Value == null).ThenByDescending(a => a.Value).ThenBy(a => a.Id),
            ("lead", false) => q.OrderBy(a => a.Parties.Where(p => p.Order == 1).Select(p => p.LeadAgencyName).FirstOrDefault() == null).ThenBy(a => a.Parties.Where(p => p.Order == 1).Select(p => p.LeadAgencyName).FirstOrDefault()).ThenBy(a => a.Id),
            ("lead", true) => q.OrderBy(a => a.Parties.Where(p => p.Order == 1).Select(p => p.LeadAgencyName).FirstOrDefault() == null).ThenByDescending(a => a.Parties.Where(p => p.Order == 1).Select(p => p.LeadAgencyName).FirstOrDefault()).ThenBy(a => a.Id),
            (_, false) when f.Sort == "updated" => q.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id),
            // With free text and no chosen order: titles holding the typed phrase first (an exact title finds its record
            // first, as before the search index), then the latest changed.
            _ when !string.IsNullOrWhiteSpace(f.Q) => q.OrderByDescending(a => a.Title.ToLower().Contains(f.Q.Trim().ToLower())).ThenByDescending(a => a.UpdatedAt).ThenBy(a => a.Id),
            _ => q.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id),
        };
    }

    /// <summary>The rows of one page of <see cref="Query"/> as the list shows them.</summary>
    public static async Task<IReadOnlyList<AgreementSummary>> ReadAsync(IQueryable<Agreement> page, CancellationToken ct = default)
    {
        var items = await page
            .Select(a => new
            {
                a.Id, a.RegionCode, a.Title, a.Kind, a.Stage, a.AffairCode, a.Value, a.StartsOn, a.EndsOn, a.DueOn, a.DueLabel,
                Partners = a.Parties.Where(p => p.Order > 1).OrderBy(p => p.Order).Select(p => p.Name).ToList(),
                Lead = a.Parties.Where(p => p.Order == 1).Select(p => p.LeadAgencyName).FirstOrDefault(),
            }).ToListAsync(ct);
        return items.Select(a => new AgreementSummary(a.Id, a.RegionCode, a.Title, a.Kind, a.Kind.ShortLabel(), a.Stage, a.Stage.Label(),
            a.Partners, a.Lead, a.AffairCode, a.Value, a.StartsOn, a.EndsOn, a.DueOn, a.DueLabel)).ToList();
    }
}
