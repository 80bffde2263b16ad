using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Mapping;

public sealed record MappingItemInput
{
    [Required(ErrorMessage = "Pilih jenis: Potential (potensi) atau Need (kebutuhan).")]
    public MappingKind? Kind { get; init; }
    [Required(ErrorMessage = "Judul wajib diisi."), StringLength(300, MinimumLength = 5, ErrorMessage = "Judul 5 sampai 300 karakter.")]
    public string? Title { get; init; }
    [StringLength(4000, ErrorMessage = "Uraian paling banyak 4.000 karakter.")]
    public string? Description { get; init; }
    [Required(ErrorMessage = "Pilih urusan pemerintahan (UU 23/2014 Pasal 12).")]
    public string? AffairCode { get; init; }
    public string? SubAffairCode { get; init; }
    [StringLength(300, ErrorMessage = "Lokasi paling banyak 300 karakter.")]
    public string? Location { get; init; }
    /// <summary>The owning OPD; an OPD user's own OPD when left empty.</summary>
    public Guid? AgencyId { get; init; }
    [StringLength(300, ErrorMessage = "Program paling banyak 300 karakter.")]
    public string? Program { get; init; }
    /// <summary>The round the item answers; for an OPD user the region's open round when left empty.</summary>
    public Guid? RoundId { get; init; }
}

public sealed record MappingItemView(Guid Id, string RegionCode, string RegionName, MappingKind Kind, string KindLabel, string Title, string? Description,
    string AffairCode, string AffairName, string? SubAffairCode, string? SubAffairName, string? Location, Guid AgencyId, string AgencyName, string? Program,
    MappingStatus Status, string StatusLabel, string? ReturnNote, Guid? RoundId, string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy,
    DateTimeOffset UpdatedAt, int Version, bool CanEdit, bool CanSubmit, bool CanReview, bool CanArchive, bool CanMatch);

public sealed record MappingReturnInput(string? Note);

/// <summary>The mapping items of a region: list, read, write, and move through draft → submitted → accepted/returned → archived.</summary>
public static class MappingItems
{
    private static readonly NotFoundError NotFound = new("Butir pemetaan tidak ditemukan.");

    public static async Task<Result<IReadOnlyList<MappingItemView>>> ListAsync(JalinDb db, CurrentActor actor, string? regionCode, MappingKind? kind,
        MappingStatus? status, Guid? roundId, string? affairCode, CancellationToken ct = default)
    {
        var q = db.MappingItems.AsNoTracking().VisibleTo(actor);
        var region = regionCode ?? actor.RegionCode;
        if (region is not null) q = q.Where(i => i.RegionCode == region);
        if (kind is not null) q = q.Where(i => i.Kind == kind);
        if (status is not null) q = q.Where(i => i.Status == status);
        else q = q.Where(i => i.Status != MappingStatus.Archived);
        if (roundId is not null) q = q.Where(i => i.RoundId == roundId);
        if (affairCode is { Length: > 0 }) q = q.Where(i => i.AffairCode == affairCode);
        var rows = await q.OrderBy(i => i.AffairCode).ThenBy(i => i.Title).Take(1000).ToListAsync(ct);
        return Result<IReadOnlyList<MappingItemView>>.From(await ViewsAsync(db, actor, rows, ct));
    }

    public static async Task<Result<MappingItemView>> GetAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        var item = await db.MappingItems.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFound;
        return (await ViewsAsync(db, actor, [item], ct))[0];
    }

    public static async Task<Result<MappingItemView>> CreateAsync(JalinDb db, CurrentActor actor, MappingItemInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var region = actor.RegionCode;
        if (region is null || !(MappingAccess.IsOfficerOf(actor, region) || (actor.Role == Role.AgencyUser && actor.AgencyId is not null)))
            return new ForbiddenError("Hanya pengguna perangkat daerah (OPD) dan petugas Bagian Kerja Sama yang mencatat potensi dan kebutuhan daerahnya.");
        var agencyId = actor.Role == Role.AgencyUser ? actor.AgencyId : input.AgencyId;
        if (actor.Role == Role.AgencyUser && input.AgencyId is { } other && other != actor.AgencyId)
            return ValidationError.Of("agencyId", "Pengguna OPD hanya mencatat butir pemetaan OPD-nya sendiri.");
        var roundId = input.RoundId;
        if (roundId is null && actor.Role == Role.AgencyUser)
        {
            roundId = await db.MappingRounds.AsNoTracking().Where(r => r.RegionCode == region && r.IsOpen)
                .OrderByDescending(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            if (roundId is null) return ValidationError.Of("roundId", "Belum ada putaran pemetaan yang dibuka. Minta Bagian Kerja Sama membuka putaran pemetaan.");
        }
        var error = await ValidateAsync(db, region, input with { AgencyId = agencyId, RoundId = roundId }, ct);
        if (error is not null) return error;
        var now = clock.GetUtcNow();
        var item = new MappingItem
        {
            RegionCode = region, Title = input.Title!.Trim(), AffairCode = input.AffairCode!, AgencyId = agencyId!.Value, RoundId = roundId,
            Status = MappingStatus.Draft, CreatedBy = actor.UserName, CreatedAt = now, UpdatedBy = actor.UserName, UpdatedAt = now,
        };
        Apply(item, input);
        db.ActingAs(actor).MappingItems.Add(item);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, actor, [item], ct))[0];
    }

    public static async Task<Result<MappingItemView>> UpdateAsync(JalinDb db, CurrentActor actor, Guid id, int expectedVersion, MappingItemInput input,
        TimeProvider clock, CancellationToken ct = default)
    {
        var item = await db.MappingItems.VisibleTo(actor).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFound;
        if (!MappingAccess.CanEdit(actor, item))
            return new ForbiddenError(actor.Role == Role.AgencyUser && actor.AgencyId == item.AgencyId
                ? $"Butir berstatus {item.Status.Label().ToLowerInvariant()} tidak dapat diubah OPD; minta Bagian Kerja Sama mengembalikannya."
                : "Anda tidak dapat mengubah butir pemetaan ini.");
        if (item.Version != expectedVersion) return new ConflictError("Butir pemetaan telah diubah orang lain. Muat ulang lalu ulangi.");
        var agencyId = actor.Role == Role.AgencyUser ? item.AgencyId : input.AgencyId ?? item.AgencyId;
        if (actor.Role == Role.AgencyUser && input.AgencyId is { } other && other != item.AgencyId)
            return ValidationError.Of("agencyId", "Pengguna OPD hanya mencatat butir pemetaan OPD-nya sendiri.");
        var error = await ValidateAsync(db, item.RegionCode, input with { AgencyId = agencyId, RoundId = input.RoundId ?? item.RoundId }, ct, item.RoundId);
        if (error is not null) return error;
        item.Title = input.Title!.Trim();
        item.AffairCode = input.AffairCode!;
        item.AgencyId = agencyId;
        item.RoundId = input.RoundId ?? item.RoundId;
        Apply(item, input);
        return await SaveAsync(db, actor, item, clock, ct);
    }

    /// <summary>The OPD (or the officer for it) hands the item to the Bagian Kerja Sama.</summary>
    public static async Task<Result<MappingItemView>> SubmitAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        var item = await db.MappingItems.VisibleTo(actor).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFound;
        if (!MayAuthor(actor, item)) return new ForbiddenError("Hanya OPD pemilik butir atau Bagian Kerja Sama yang dapat mengajukannya.");
        if (item.Status is not (MappingStatus.Draft or MappingStatus.Returned))
            return new ConflictError($"Butir ini sudah berstatus {item.Status.Label().ToLowerInvariant()}; hanya draf atau butir yang dikembalikan yang dapat diajukan.");
        item.Status = MappingStatus.Submitted;
        return await SaveAsync(db, actor, item, clock, ct);
    }

    public static async Task<Result<MappingItemView>> AcceptAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        var item = await ForOfficerAsync(db, actor, id, ct);
        if (!item.Ok) return item.Error!;
        if (item.Value!.Status != MappingStatus.Submitted)
            return new ConflictError($"Hanya butir yang diajukan OPD yang dapat diterima; butir ini berstatus {item.Value.Status.Label().ToLowerInvariant()}.");
        item.Value.Status = MappingStatus.Accepted;
        item.Value.ReturnNote = null;
        return await SaveAsync(db, actor, item.Value, clock, ct);
    }

    public static async Task<Result<MappingItemView>> ReturnAsync(JalinDb db, CurrentActor actor, Guid id, string? note, TimeProvider clock, CancellationToken ct = default)
    {
        var item = await ForOfficerAsync(db, actor, id, ct);
        if (!item.Ok) return item.Error!;
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length < 5)
            return ValidationError.Of("note", "Tulis alasan pengembalian (paling sedikit 5 karakter) agar OPD tahu apa yang perlu diperbaiki.");
        if (note.Length > 1000) return ValidationError.Of("note", "Alasan pengembalian paling banyak 1.000 karakter.");
        if (item.Value!.Status is not (MappingStatus.Submitted or MappingStatus.Accepted))
            return new ConflictError($"Hanya butir yang diajukan atau diterima yang dapat dikembalikan; butir ini berstatus {item.Value.Status.Label().ToLowerInvariant()}.");
        item.Value.Status = MappingStatus.Returned;
        item.Value.ReturnNote = note.Trim();
        return await SaveAsync(db, actor, item.Value, clock, ct);
    }

    public static async Task<Result<MappingItemView>> ArchiveAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        var item = await ForOfficerAsync(db, actor, id, ct);
        if (!item.Ok) return item.Error!;
        if (item.Value!.Status == MappingStatus.Archived) return new ConflictError("Butir ini sudah diarsipkan.");
        item.Value.Status = MappingStatus.Archived;
        return await SaveAsync(db, actor, item.Value, clock, ct);
    }

    private static bool MayAuthor(CurrentActor actor, MappingItem item) =>
        MappingAccess.IsOfficerOf(actor, item.RegionCode)
        || (actor.Role == Role.AgencyUser && actor.RegionCode == item.RegionCode && actor.AgencyId == item.AgencyId);

    private static async Task<Result<MappingItem>> ForOfficerAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct)
    {
        var item = await db.MappingItems.VisibleTo(actor).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFound;
        if (!MappingAccess.IsOfficerOf(actor, item.RegionCode))
            return item.RegionCode == actor.RegionCode ? new ForbiddenError("Hanya petugas Bagian Kerja Sama yang menerima, mengembalikan atau mengarsipkan butir pemetaan.") : NotFound;
        return item;
    }

    private static async Task<Result<MappingItemView>> SaveAsync(JalinDb db, CurrentActor actor, MappingItem item, TimeProvider clock, CancellationToken ct)
    {
        item.UpdatedBy = actor.UserName;
        item.UpdatedAt = clock.GetUtcNow();
        item.Version++;
        db.ActingAs(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Butir pemetaan telah diubah orang lain. Muat ulang lalu ulangi."); }
        return (await ViewsAsync(db, actor, [item], ct))[0];
    }

    private static void Apply(MappingItem item, MappingItemInput input)
    {
        item.Kind = input.Kind!.Value;
        item.Description = Clean(input.Description);
        item.SubAffairCode = Clean(input.SubAffairCode);
        item.Location = Clean(input.Location);
        item.Program = Clean(input.Program);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static async Task<ValidationError?> ValidateAsync(JalinDb db, string region, MappingItemInput input, CancellationToken ct, Guid? currentRound = null)
    {
        var fields = AgreementRules.Annotations(input).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToList());
        void Add(string f, string m) { if (!fields.TryGetValue(f, out var l)) fields[f] = l = []; l.Add(m); }
        if (input.Kind is { } k && !Enum.IsDefined(k)) Add("kind", "Jenis: Potential (potensi) atau Need (kebutuhan).");
        if (input.AffairCode is { Length: > 0 } code)
        {
            if (!await db.GovernmentAffairs.AnyAsync(a => a.Code == code, ct)) Add("affairCode", "Urusan pemerintahan tidak dikenal (UU 23/2014 Pasal 12).");
            else if (input.SubAffairCode is { Length: > 0 } sub && AffairCompetence.Find(sub)?.AffairCode != code)
                Add("subAffairCode", AffairCompetence.IsSplit(code)
                    ? $"Sub-urusan tidak dikenal untuk urusan ini. Pilih: {string.Join("; ", AffairCompetence.For(code).Select(x => x.Name))}."
                    : "Urusan ini tidak dibagi ke dalam sub-urusan; kosongkan sub-urusan.");
        }
        if (input.AgencyId is null) Add("agencyId", "Pilih perangkat daerah (OPD) pemilik butir ini.");
        else if (!await db.Agencies.AnyAsync(a => a.Id == input.AgencyId && a.RegionCode == region && a.IsActive, ct))
            Add("agencyId", "Perangkat daerah tidak ditemukan atau tidak aktif di daerah ini.");
        if (input.RoundId is { } roundId && roundId != currentRound
            && !await db.MappingRounds.AnyAsync(r => r.Id == roundId && r.RegionCode == region && r.IsOpen, ct))
            Add("roundId", "Putaran pemetaan tidak ditemukan atau sudah ditutup.");
        return fields.Count == 0 ? null : new ValidationError("Data butir pemetaan belum benar.", fields.ToDictionary(f => f.Key, f => f.Value.ToArray()));
    }

    internal static async Task<IReadOnlyList<MappingItemView>> ViewsAsync(JalinDb db, CurrentActor actor, IReadOnlyList<MappingItem> items, CancellationToken ct)
    {
        if (items.Count == 0) return [];
        var regionCodes = items.Select(i => i.RegionCode).Distinct().ToList();
        var agencyIds = items.Select(i => i.AgencyId).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => regionCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.FullName, ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var affairs = await db.GovernmentAffairs.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return items.Select(i =>
        {
            var officer = MappingAccess.IsOfficerOf(actor, i.RegionCode);
            return new MappingItemView(i.Id, i.RegionCode, regions.GetValueOrDefault(i.RegionCode, i.RegionCode), i.Kind, i.Kind.Label(), i.Title, i.Description,
                i.AffairCode, affairs.GetValueOrDefault(i.AffairCode, i.AffairCode), i.SubAffairCode, AffairCompetence.Find(i.SubAffairCode)?.Name, i.Location,
                i.AgencyId, agencies.GetValueOrDefault(i.AgencyId, "—"), i.Program, i.Status, i.Status.Label(), i.ReturnNote, i.RoundId, i.CreatedBy, i.CreatedAt,
                i.UpdatedBy, i.UpdatedAt, i.Version, MappingAccess.CanEdit(actor, i),
                MayAuthor(actor, i) && i.Status is MappingStatus.Draft or MappingStatus.Returned,
                officer && i.Status is MappingStatus.Submitted or MappingStatus.Accepted,
                officer && i.Status != MappingStatus.Archived,
                officer && i.Kind == MappingKind.Need && i.Status != MappingStatus.Archived);
        }).ToList();
    }
}
