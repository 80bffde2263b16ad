using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Evaluation;
using Jalin.Core.Files;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Publication;

/// <summary>Filters of the public register. Status: "berjalan" or "berakhir". Region: the agreements the region runs or is
/// a party to. Sort: "terbaru" (published, default), "judul", "mulai", "berakhir", "nilai".</summary>
public sealed record PublicFilter
{
    public string? RegionCode { get; init; }
    public CooperationKind? Kind { get; init; }
    public string? AffairCode { get; init; }
    public PartnerKind? PartnerKind { get; init; }
    public string? Status { get; init; }
    public int? Year { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record PublicAgreementRow(Guid Id, string Title, string RegionCode, string RegionName, CooperationKind Kind, string KindLabel, string Status, string StatusLabel,
    string? AffairCode, string? AffairName, IReadOnlyList<string> Partners, DateOnly? StartsOn, DateOnly? EndsOn, decimal? Value, DateTimeOffset PublishedAt, string Path);

public sealed record PublicParty(int Order, string Name, string KindLabel, string? RegionCode, string? CountryCode, string? LeadAgencyName);

public sealed record PublicTimelineEntry(DateOnly On, string Label);

public sealed record PublicDocument(Guid Id, string Title, DocumentKind Kind, string KindLabel, string? Number, DateOnly? SignedOn, string? FileName, string? ContentType, long? FileSize,
    string Sha256, string Path);

public sealed record PublicIndicator(string Indicator, string Unit, decimal Target, decimal Actual);

/// <summary>What the public learns of an agreement's monitoring: accepted progress reports, the latest indicators and
/// budget realisation, and the latest evaluation's score and recommendation (not its findings).</summary>
public sealed record PublicMonitoringSummary(int AcceptedReports, string? LatestPeriod, DateOnly? LatestPeriodEnd, IReadOnlyList<PublicIndicator> Indicators,
    decimal? BudgetRealisation, DateOnly? LastEvaluatedOn, decimal? LastScore, string? LastRecommendation);

public sealed record PublicAgreementView(Guid Id, string Title, string RegionCode, string RegionName, CooperationKind Kind, string KindLabel, string Status, string StatusLabel,
    string StageLabel, string? EndReasonLabel, string? AffairCode, string? AffairName, string? Object, string? Scope, decimal? Value, string? FundingLabel,
    DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, IReadOnlyList<PublicParty> Parties, IReadOnlyList<PublicTimelineEntry> Timeline,
    IReadOnlyList<PublicDocument> Documents, PublicMonitoringSummary Monitoring, IReadOnlyList<string> ConfidentialLabels, DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt, string Path);

public sealed record PublicFile(Stream Content, string FileName, string ContentType, string Sha256);

/// <summary>The only door from the public portal and the open data to agreements (issue #12 item 2): published agreements
/// (<see cref="Agreement.PublishedAt"/>), projected to the fields the public may read. Never the region's internal papers,
/// the TKKSD's notes, DPRD letters, history notes, people's contact data or the fields the region marked confidential.</summary>
public static class PublicAgreements
{
    public static readonly string[] SortKeys = ["terbaru", "judul", "mulai", "berakhir", "nilai"];
    public const string NotFoundText = "Kerja sama tidak ditemukan atau tidak dipublikasikan.";

    public static string PathOf(Guid id) => $"/kerja-sama/{id}";
    public static string DocumentPathOf(Guid id, Guid documentId) => $"/kerja-sama/{id}/dokumen/{documentId}";

    /// <summary>Published agreements that were signed: the register's universe.</summary>
    public static IQueryable<Agreement> Published(JalinDb db) =>
        db.Agreements.AsNoTracking().Where(a => a.PublishedAt != null);

    public static Result<PublicFilter> Validate(PublicFilter f)
    {
        if (f.Sort is { } s && !SortKeys.Contains(s)) return ValidationError.Of("sort", $"Urutan tidak dikenal. Pilih salah satu: {string.Join(", ", SortKeys)}.");
        if (f.Status is { } st && st is not (PublicStatus.Running or PublicStatus.Ended)) return ValidationError.Of("status", "Status: berjalan atau berakhir.");
        if (f.Year is < 1945 or > 2200) return ValidationError.Of("year", "Tahun tidak valid.");
        if (f.Page is < 1 or > 100_000) return ValidationError.Of("page", "Halaman mulai dari 1.");
        if (f.PageSize is < 1 or > Paging.MaxPageSize) return ValidationError.Of("pageSize", $"Jumlah per halaman 1 sampai {Paging.MaxPageSize}.");
        if (f.RegionCode is { Length: > 13 }) return ValidationError.Of("region", "Kode wilayah tidak valid.");
        if (f.AffairCode is { Length: > 10 }) return ValidationError.Of("urusan", "Kode urusan tidak valid.");
        return f;
    }

    /// <summary>The filtered query (no order, no paging), for the register and the open-data exports alike.</summary>
    public static IQueryable<Agreement> Filter(JalinDb db, PublicFilter f)
    {
        var q = Published(db);
        if (!string.IsNullOrWhiteSpace(f.RegionCode))
        {
            var region = f.RegionCode.Trim();
            // The agreements the region runs and those it is a party to, as one set of ids, each side read through its own
            // index: written as "runs OR is a party", PostgreSQL could use neither and read the published register in its
            // order until it had a page (0.43 s for a region's first page at national size).
            var ids = db.Agreements.Where(x => x.RegionCode == region).Select(x => x.Id)
                .Concat(db.AgreementParties.Where(p => p.RegionCode == region).Select(p => p.AgreementId));
            q = q.Where(a => ids.Contains(a.Id));
        }
        if (f.Kind is { } kind) q = q.Where(a => a.Kind == kind);
        if (!string.IsNullOrWhiteSpace(f.AffairCode)) q = q.Where(a => a.AffairCode == f.AffairCode);
        if (f.PartnerKind is { } pk)
        {
            q = pk == PartnerKind.Region
                ? q.Where(a => a.Parties.Any(p => p.Order > 1 && p.RegionCode != null))
                : q.Where(a => a.Parties.Any(p => p.Order > 1 && db.Partners.Any(x => x.Id == p.PartnerId && x.Kind == pk)));
        }
        if (f.Status == PublicStatus.Running) q = q.Where(a => a.Stage == Stage.Implementation || a.Stage == Stage.Recording);
        if (f.Status == PublicStatus.Ended) q = q.Where(a => a.Stage == Stage.Ended);
        if (f.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            q = q.Where(a => a.StartsOn >= from && a.StartsOn <= to);
        }
        return q;
    }

    /// <param name="figures">Where the total per filter is kept between requests (the portal's <see cref="PortalFigures"/>);
    /// without it the total is counted every time.</param>
    public static async Task<Result<Page<PublicAgreementRow>>> SearchAsync(JalinDb db, PublicFilter filter, CancellationToken ct = default, PortalFigures? figures = null)
    {
        var valid = Validate(filter);
        if (!valid.Ok) return valid.Error!;
        var f = valid.Value!;
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var counted = Filter(db, f);
        var total = await (figures ?? PortalFigures.None).GetAsync(
            $"count|{f.RegionCode?.Trim()}|{f.Kind}|{f.AffairCode}|{f.PartnerKind}|{f.Status}|{f.Year}", () => counted.CountAsync(ct));
        // The page's ids first, then the rows of those ids alone (a deferred join): the rows a deep page skips are read from
        // the order's index only (migration PublishedRegisterOrder), not fetched from the table. Page 26 of the national
        // register read 523 agreements' rows for 20 (5 ms a page, half the database's time under load).
        var ids = Order(Filter(db, f), f.Sort).Skip((page - 1) * size).Take(size).Select(a => a.Id);
        var rows = await Order(Published(db).Where(a => ids.Contains(a.Id)), f.Sort).Select(a => new
        {
            a.Id, a.Title, a.RegionCode, a.Kind, a.Stage, a.AffairCode, a.StartsOn, a.EndsOn, a.Value, a.Confidential, a.PublishedAt,
            Partners = a.Parties.Where(p => p.Order > 1).OrderBy(p => p.Order).Select(p => p.Name).ToList(),
        }).ToListAsync(ct);
        // The names of all regions and affairs (reference data, a few hundred rows) are kept with the portal's figures, so a
        // register page asks the database for its rows alone; without the figures, only the names of these rows are read.
        var names = figures is null
            ? await RegionNamesAsync(db, rows.Select(r => r.RegionCode), ct)
            : await figures.GetAsync("region-names", () => db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, ct));
        var affairs = figures is null
            ? await AffairNamesAsync(db, rows.Select(r => r.AffairCode), ct)
            : await figures.GetAsync("affair-names", () => db.GovernmentAffairs.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Name, ct));
        var items = rows.Select(r =>
        {
            var status = PublicStatus.Of(r.Stage);
            return new PublicAgreementRow(r.Id, r.Title, r.RegionCode, names.GetValueOrDefault(r.RegionCode, r.RegionCode), r.Kind, r.Kind.ShortLabel(), status, PublicStatus.Label(status),
                r.AffairCode, r.AffairCode is null ? null : affairs.GetValueOrDefault(r.AffairCode), r.Partners, r.StartsOn, r.EndsOn,
                r.Confidential.HasFlag(ConfidentialFields.Value) ? null : r.Value, r.PublishedAt!.Value, PathOf(r.Id));
        }).ToList();
        return new Page<PublicAgreementRow>(items, page, size, total);
    }

    /// <summary>The register's order by its sort key; every order ends with the id, so a page is always the same rows. Each
    /// order of the unfiltered register has an index of the published agreements (migration PublishedRegisterOrder; the
    /// order by value's index repeats its expressions, so a change here is a change there).</summary>
    private static IQueryable<Agreement> Order(IQueryable<Agreement> q, string? sort) => sort switch
    {
        "judul" => q.OrderBy(a => a.Title).ThenBy(a => a.Id),
        "mulai" => q.OrderBy(a => a.StartsOn == null).ThenByDescending(a => a.StartsOn).ThenBy(a => a.Id),
        "berakhir" => q.OrderBy(a => a.EndsOn == null).ThenBy(a => a.EndsOn).ThenBy(a => a.Id),
        // A confidential value sorts as if there were none.
        "nilai" => q.OrderBy(a => a.Value == null || (a.Confidential & ConfidentialFields.Value) != 0)
            .ThenByDescending(a => (a.Confidential & ConfidentialFields.Value) != 0 ? null : a.Value).ThenBy(a => a.Id),
        _ => q.OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Id),
    };

    public static async Task<Result<PublicAgreementView>> GetAsync(JalinDb db, Guid id, CancellationToken ct = default)
    {
        var a = await Published(db).Include(x => x.Parties).Include(x => x.Documents).Include(x => x.History).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return new NotFoundError(NotFoundText);
        var regionName = (await RegionNamesAsync(db, [a.RegionCode], ct)).GetValueOrDefault(a.RegionCode, a.RegionCode);
        var affair = a.AffairCode is null ? null : (await AffairNamesAsync(db, [a.AffairCode], ct)).GetValueOrDefault(a.AffairCode);
        var partnerIds = a.Parties.Where(p => p.PartnerId != null).Select(p => p.PartnerId!.Value).ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Kind, p.CountryCode }).ToDictionaryAsync(p => p.Id, ct);
        var hidden = a.Confidential;

        var parties = a.Parties.OrderBy(p => p.Order).Select(p =>
        {
            var partner = p.PartnerId is { } pid ? partners.GetValueOrDefault(pid) : null;
            var kind = p.RegionCode is not null ? "Pemerintah daerah" : partner is not null ? partner.Kind.Label() : "Pihak lain";
            return new PublicParty(p.Order, p.Name, kind, p.RegionCode, partner?.CountryCode, p.LeadAgencyName);
        }).ToList();

        // The stages the agreement went through, with their dates: no notes, no names, no internal rows.
        var timeline = a.History.Where(h => !h.IsInternal && (h.FromStage != h.ToStage || ActionCode.Register.Is(h.Action))).OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new PublicTimelineEntry(Wib.DateOf(h.At), ActionCode.Register.Is(h.Action) ? "Didaftarkan" : h.ToStage.Label()))
            .ToList();

        var documents = a.Documents.Where(d => d.IsPublic && PublicDocuments.CanBePublic(d)).OrderBy(d => d.SignedOn ?? DateOnly.MaxValue).ThenBy(d => d.CreatedAt)
            .Select(d => new PublicDocument(d.Id, d.Title, d.Kind, d.Kind.Label(), d.Number, d.SignedOn, d.FileName, d.ContentType, d.FileSize, d.FileSha256!, DocumentPathOf(a.Id, d.Id)))
            .ToList();

        var status = PublicStatus.Of(a.Stage);
        return new PublicAgreementView(a.Id, a.Title, a.RegionCode, regionName, a.Kind, a.Kind.Label(), status, PublicStatus.Label(status), a.Stage.Label(),
            a.EndReason?.Label(), a.AffairCode, affair,
            hidden.HasFlag(ConfidentialFields.Object) ? null : a.Object,
            hidden.HasFlag(ConfidentialFields.Scope) ? null : a.Scope,
            hidden.HasFlag(ConfidentialFields.Value) ? null : a.Value,
            hidden.HasFlag(ConfidentialFields.Funding) ? null : a.FundingSource.Label(),
            a.SignedOn, a.StartsOn, a.EndsOn, parties, timeline, documents, await MonitoringAsync(db, a.Id, ct),
            ConfidentialFieldLabels.All.Where(f => hidden.HasFlag(f)).Select(f => f.Label()).ToList(), a.PublishedAt!.Value, a.UpdatedAt, PathOf(a.Id));
    }

    /// <summary>A public document's file: only a document marked public of a published agreement.</summary>
    public static async Task<Result<PublicFile>> DocumentAsync(JalinDb db, FileStore files, Guid agreementId, Guid documentId, CancellationToken ct = default)
    {
        var doc = await db.AgreementDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.AgreementId == agreementId && d.IsPublic && Published(db).Any(a => a.Id == agreementId))
            .FirstOrDefaultAsync(ct);
        if (doc is null || !PublicDocuments.CanBePublic(doc)) return new NotFoundError("Dokumen tidak ditemukan atau tidak dipublikasikan.");
        var bytes = await files.ReadAsync(doc.FileSha256!, ct);
        if (!bytes.Ok) return bytes.Error!;
        return new PublicFile(new MemoryStream(bytes.Value!, writable: false), doc.FileName ?? "dokumen.pdf", doc.ContentType ?? "application/octet-stream", doc.FileSha256!);
    }

    public static async Task<PublicMonitoringSummary> MonitoringAsync(JalinDb db, Guid agreementId, CancellationToken ct = default)
    {
        var accepted = await db.ProgressReports.AsNoTracking().Where(r => r.AgreementId == agreementId && r.Status == ReportStatus.Accepted)
            .OrderByDescending(r => r.PeriodEnd).ToListAsync(ct);
        var latest = accepted.FirstOrDefault();
        var evaluation = await db.AgreementEvaluations.AsNoTracking().Where(e => e.AgreementId == agreementId)
            .OrderByDescending(e => e.EvaluatedOn).ThenByDescending(e => e.CreatedAt).FirstOrDefaultAsync(ct);
        var budget = accepted.Where(r => r.BudgetRealisation != null).Select(r => r.BudgetRealisation!.Value).DefaultIfEmpty().Sum();
        return new PublicMonitoringSummary(accepted.Count,
            latest is null ? null : $"{latest.Period.Label()} {latest.PeriodNumber} ({latest.PeriodStart:dd/MM/yyyy}–{latest.PeriodEnd:dd/MM/yyyy})", latest?.PeriodEnd,
            latest?.Indicators.Select(i => new PublicIndicator(i.Indicator, i.Unit, i.Target, i.Actual)).ToList() ?? [],
            accepted.Any(r => r.BudgetRealisation != null) ? budget : null,
            evaluation?.EvaluatedOn, evaluation?.Score, evaluation?.Recommendation.Label());
    }

    public static async Task<Dictionary<string, string>> RegionNamesAsync(JalinDb db, IEnumerable<string> codes, CancellationToken ct = default)
    {
        var list = codes.Distinct().ToList();
        return await db.Regions.AsNoTracking().Where(r => list.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }

    private static async Task<Dictionary<string, string>> AffairNamesAsync(JalinDb db, IEnumerable<string?> codes, CancellationToken ct)
    {
        var list = codes.Where(c => c is not null).Select(c => c!).Distinct().ToList();
        return await db.GovernmentAffairs.AsNoTracking().Where(g => list.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Name, ct);
    }
}
