using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Mapping;
using Jalin.Core.Publication;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.GoodPractices;

public sealed record PublicPracticeRow(Guid Id, string Title, string RegionCode, string RegionName, string AffairCode, string AffairName, string ProblemExcerpt,
    int ReplicationCount, DateTimeOffset PublishedAt, string Path);

public sealed record PublicPracticeDocument(Guid Id, string Title, string FileName, long FileSize, string Path);

/// <summary>What the public reads of a practice: no names of persons, only the office and its e-mail; the linked agreements
/// only when those are published themselves (<see cref="PublicAgreements.Published"/>).</summary>
public sealed record PublicPracticeView(Guid Id, string Title, string RegionCode, string RegionName, string AffairCode, string AffairName, string Problem, string Actions,
    string? Partners, IReadOnlyList<PracticeResult> Results, string? ContactOffice, string? ContactEmail, IReadOnlyList<PublicAgreementRowLink> Agreements,
    IReadOnlyList<PublicPracticeDocument> Documents, string? SourceCredit, int ReplicationCount, DateTimeOffset PublishedAt);

public sealed record PublicAgreementRowLink(Guid Id, string Title, string Path);

public sealed record PublicPotentialRow(Guid Id, MappingKind Kind, string KindLabel, string Title, string? Description, string RegionCode, string RegionName,
    string AffairCode, string AffairName, string? Location, string AgencyName, DateTimeOffset PublishedAt);

/// <summary>The only door from the public portal to the good-practice catalogue and the published potentials and needs
/// (issue #12): published rows only, projected to the fields the public may read.</summary>
public static class PublicCatalogue
{
    public const string PracticeNotFoundText = "Praktik baik tidak ditemukan atau tidak dipublikasikan.";
    public static string PathOf(Guid id) => $"/praktik-baik/{id}";
    public static string DocumentPathOf(Guid id, Guid documentId) => $"/praktik-baik/{id}/dokumen/{documentId}";

    public static IQueryable<GoodPractice> PublishedPractices(JalinDb db) =>
        db.GoodPractices.AsNoTracking().Where(p => p.Status == PracticeStatus.Published && p.PublishedAt != null);

    public static IQueryable<MappingItem> PublishedItems(JalinDb db) =>
        db.MappingItems.AsNoTracking().Where(i => i.PublishedAt != null && i.Status == MappingStatus.Accepted);

    public static async Task<Result<IReadOnlyList<PublicPracticeRow>>> PracticesAsync(JalinDb db, string? affairCode, string? regionCode, CancellationToken ct = default)
    {
        if (affairCode is { Length: > 10 }) return ValidationError.Of("urusan", "Kode urusan tidak valid.");
        if (regionCode is { Length: > 13 }) return ValidationError.Of("wilayah", "Kode wilayah tidak valid.");
        var q = PublishedPractices(db);
        if (!string.IsNullOrWhiteSpace(affairCode)) q = q.Where(p => p.AffairCode == affairCode.Trim());
        if (!string.IsNullOrWhiteSpace(regionCode)) q = q.Where(p => p.RegionCode == regionCode.Trim());
        var rows = await q.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id).Take(500).ToListAsync(ct);
        var regions = await PublicAgreements.RegionNamesAsync(db, rows.Select(r => r.RegionCode), ct);
        var affairs = await GoodPracticeUseCases.AffairNamesAsync(db, rows.Select(r => r.AffairCode), ct);
        return rows.Select(p => new PublicPracticeRow(p.Id, p.Title, p.RegionCode, regions.GetValueOrDefault(p.RegionCode, p.RegionCode), p.AffairCode,
            affairs.GetValueOrDefault(p.AffairCode, p.AffairCode), Excerpt(p.Problem), p.ReplicationCount, p.PublishedAt!.Value, PathOf(p.Id))).ToList();
    }

    public static async Task<Result<PublicPracticeView>> PracticeAsync(JalinDb db, Guid id, CancellationToken ct = default)
    {
        var p = await PublishedPractices(db).Include(x => x.Documents).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new NotFoundError(PracticeNotFoundText);
        var regionName = (await PublicAgreements.RegionNamesAsync(db, [p.RegionCode], ct)).GetValueOrDefault(p.RegionCode, p.RegionCode);
        var affair = (await GoodPracticeUseCases.AffairNamesAsync(db, [p.AffairCode], ct)).GetValueOrDefault(p.AffairCode, p.AffairCode);
        var ids = p.AgreementIds;
        var agreements = ids.Count == 0 ? [] : await PublicAgreements.Published(db).Where(a => ids.Contains(a.Id)).OrderBy(a => a.Title)
            .Select(a => new { a.Id, a.Title }).ToListAsync(ct);
        return new PublicPracticeView(p.Id, p.Title, p.RegionCode, regionName, p.AffairCode, affair, p.Problem, p.Actions, p.Partners, p.Results, p.ContactOffice,
            p.ContactEmail, agreements.Select(a => new PublicAgreementRowLink(a.Id, a.Title, PublicAgreements.PathOf(a.Id))).ToList(),
            p.Documents.OrderBy(d => d.CreatedAt).Select(d => new PublicPracticeDocument(d.Id, d.Title, d.FileName, d.FileSize, DocumentPathOf(p.Id, d.Id))).ToList(),
            p.SourceCredit, p.ReplicationCount, p.PublishedAt!.Value);
    }

    public static async Task<Result<PublicFile>> DocumentAsync(JalinDb db, FileStore files, Guid id, Guid documentId, CancellationToken ct = default)
    {
        var d = await db.GoodPracticeDocuments.AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == documentId && x.PracticeId == id && PublishedPractices(db).Any(p => p.Id == id), ct);
        if (d is null) return new NotFoundError("Dokumen tidak ditemukan atau tidak dipublikasikan.");
        var bytes = await files.ReadAsync(d.FileSha256, ct);
        if (!bytes.Ok) return bytes.Error!;
        return new PublicFile(new MemoryStream(bytes.Value!, writable: false), d.FileName, d.ContentType, d.FileSha256);
    }

    /// <summary>jenis: "potensi" or "kebutuhan".</summary>
    public static async Task<Result<IReadOnlyList<PublicPotentialRow>>> PotentialsAsync(JalinDb db, string? kind, string? affairCode, string? regionCode, CancellationToken ct = default)
    {
        MappingKind? k = kind?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "potensi" => MappingKind.Potential,
            "kebutuhan" => MappingKind.Need,
            _ => (MappingKind)(-1),
        };
        if (k is (MappingKind)(-1)) return ValidationError.Of("jenis", "Jenis: potensi atau kebutuhan.");
        if (affairCode is { Length: > 10 }) return ValidationError.Of("urusan", "Kode urusan tidak valid.");
        if (regionCode is { Length: > 13 }) return ValidationError.Of("wilayah", "Kode wilayah tidak valid.");
        var q = PublishedItems(db);
        if (k is { } kk) q = q.Where(i => i.Kind == kk);
        if (!string.IsNullOrWhiteSpace(affairCode)) q = q.Where(i => i.AffairCode == affairCode.Trim());
        if (!string.IsNullOrWhiteSpace(regionCode)) q = q.Where(i => i.RegionCode == regionCode.Trim());
        var rows = await q.OrderByDescending(i => i.PublishedAt).ThenBy(i => i.Id).Take(500)
            .Select(i => new { i.Id, i.Kind, i.Title, i.Description, i.RegionCode, i.AffairCode, i.Location, i.AgencyId, i.PublishedAt }).ToListAsync(ct);
        var regions = await PublicAgreements.RegionNamesAsync(db, rows.Select(r => r.RegionCode), ct);
        var affairs = await GoodPracticeUseCases.AffairNamesAsync(db, rows.Select(r => r.AffairCode), ct);
        var agencyIds = rows.Select(r => r.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return rows.Select(i => new PublicPotentialRow(i.Id, i.Kind, i.Kind.Label(), i.Title, i.Description, i.RegionCode, regions.GetValueOrDefault(i.RegionCode, i.RegionCode),
            i.AffairCode, affairs.GetValueOrDefault(i.AffairCode, i.AffairCode), i.Location, agencies.GetValueOrDefault(i.AgencyId, ""), i.PublishedAt!.Value)).ToList();
    }

    /// <summary>The regions and affairs that have something published, for the filter lists.</summary>
    public static async Task<(IReadOnlyList<(string Code, string Name)> Regions, IReadOnlyList<(string Code, string Name)> Affairs)> FilterOptionsAsync(JalinDb db, bool practices,
        CancellationToken ct = default)
    {
        List<string> regionCodes, affairCodes;
        if (practices)
        {
            regionCodes = await PublishedPractices(db).Select(p => p.RegionCode).Distinct().ToListAsync(ct);
            affairCodes = await PublishedPractices(db).Select(p => p.AffairCode).Distinct().ToListAsync(ct);
        }
        else
        {
            regionCodes = await PublishedItems(db).Select(p => p.RegionCode).Distinct().ToListAsync(ct);
            affairCodes = await PublishedItems(db).Select(p => p.AffairCode).Distinct().ToListAsync(ct);
        }
        var regions = await PublicAgreements.RegionNamesAsync(db, regionCodes, ct);
        var affairs = await GoodPracticeUseCases.AffairNamesAsync(db, affairCodes, ct);
        return (regions.OrderBy(r => r.Value).Select(r => (r.Key, r.Value)).ToList(), affairs.OrderBy(a => a.Value).Select(a => (a.Key, a.Value)).ToList());
    }

    /// <summary>A figure the Indonesian way: 1.250 or 12,5.</summary>
    public static string Figure(decimal v) => v.ToString(v == decimal.Truncate(v) ? "N0" : "#,##0.##", IndonesianFormat.Culture);

    private static string Excerpt(string s) => s.Length > 240 ? s[..240].TrimEnd() + "…" : s;
}

public sealed record MappingPublicationState(Guid ItemId, bool Published, DateTimeOffset? PublishedAt, bool CanPublish, string? WhyNot);

/// <summary>The region's Bagian Kerja Sama shows an accepted potential or need on the public catalogue (/potensi), so partners
/// can find it, or withdraws it. Only accepted items: drafts, submitted, returned and archived items never appear.</summary>
public static class MappingPublication
{
    public const string NotOfficerText = "Potensi dan kebutuhan dipublikasikan oleh petugas Bagian Kerja Sama daerah pemiliknya.";
    public const string NotAcceptedText = "Hanya butir pemetaan yang sudah diterima Bagian Kerja Sama yang dapat dipublikasikan.";

    public static async Task<Result<MappingPublicationState>> SetAsync(JalinDb db, CurrentActor actor, Guid id, bool publish, TimeProvider clock, CancellationToken ct = default)
    {
        var item = await db.MappingItems.VisibleTo(actor).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return new NotFoundError("Butir pemetaan tidak ditemukan.");
        if (!(actor.Role == Role.CooperationOfficer && actor.RegionCode == item.RegionCode)) return new ForbiddenError(NotOfficerText);
        if (publish && item.Status != MappingStatus.Accepted) return new ConflictError(NotAcceptedText);
        var changed = publish ? item.PublishedAt is null : item.PublishedAt is not null;
        if (changed)
        {
            item.PublishedAt = publish ? clock.GetUtcNow() : null;
            item.UpdatedAt = clock.GetUtcNow();
            item.UpdatedBy = actor.UserName;
            await db.ActingAs(actor).SaveChangesAsync(ct);
        }
        return StateOf(item);
    }

    public static MappingPublicationState StateOf(MappingItem i) =>
        new(i.Id, i.PublishedAt is not null && i.Status == MappingStatus.Accepted, i.PublishedAt, i.Status == MappingStatus.Accepted,
            i.Status == MappingStatus.Accepted ? null : NotAcceptedText);
}
