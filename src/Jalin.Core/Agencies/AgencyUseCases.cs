using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Agencies;

public sealed record AgencyInput
{
    [Required(ErrorMessage = "Nama perangkat daerah wajib diisi."), StringLength(200, MinimumLength = 3, ErrorMessage = "Nama 3 sampai 200 karakter.")]
    public string? Name { get; init; }
    [StringLength(40, ErrorMessage = "Singkatan paling banyak 40 karakter.")]
    public string? ShortName { get; init; }
    [StringLength(200, ErrorMessage = "Jabatan kepala paling banyak 200 karakter.")] public string? HeadTitle { get; init; }
    [StringLength(200, ErrorMessage = "Nama kepala paling banyak 200 karakter.")] public string? HeadName { get; init; }
    public bool IsActive { get; init; } = true;
}

public sealed record AgencyView(Guid Id, string RegionCode, string Name, string? ShortName, string? HeadTitle, string? HeadName, bool IsActive, int Version);

/// <summary>The OPDs of a region. Read by everyone in the region; kept by its officers and the system admin.</summary>
public static class AgencyRegistry
{
    public static async Task<Result<IReadOnlyList<AgencyView>>> ListAsync(JalinDb db, CurrentActor actor, string regionCode, CancellationToken ct = default)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == regionCode, ct)) return new NotFoundError("Daerah tidak ditemukan.");
        if (!MayList(actor, regionCode)) return new NotFoundError("Daerah tidak ditemukan.");
        var rows = await db.Agencies.AsNoTracking().Where(a => a.RegionCode == regionCode).OrderBy(a => a.Name).ToListAsync(ct);
        return Result<IReadOnlyList<AgencyView>>.From(rows.Select(ToView).ToList());
    }

    /// <summary>The name of an OPD the actor may list (<see cref="ListAsync"/>'s rule), else null: a download's filter
    /// description never names an OPD the actor could not look up.</summary>
    public static async Task<string?> VisibleNameAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.RegionCode, a.Name }).FirstOrDefaultAsync(ct);
        return agency is not null && MayList(actor, agency.RegionCode) ? agency.Name : null;
    }

    private static bool MayList(CurrentActor actor, string regionCode) => actor.Role != Role.PartnerUser
        && (actor.Role is Role.SystemAdmin or Role.SupervisorNational || actor.RegionCode == regionCode
            || (actor.Role == Role.SupervisorProvince && regionCode.StartsWith(actor.RegionCode + ".", StringComparison.Ordinal)));

    private static bool MayManage(CurrentActor actor, string region) =>
        actor.Role == Role.SystemAdmin || (actor.Role == Role.CooperationOfficer && actor.RegionCode == region);

    public static async Task<Result<AgencyView>> CreateAsync(JalinDb db, CurrentActor actor, string regionCode, AgencyInput input, CancellationToken ct = default)
    {
        if (!MayManage(actor, regionCode)) return new ForbiddenError("Hanya administrator atau petugas Bagian Kerja Sama daerah ini yang dapat menambah perangkat daerah.");
        if (!await db.Regions.AnyAsync(r => r.Code == regionCode, ct)) return new NotFoundError("Daerah tidak ditemukan.");
        var error = await ValidateAsync(db, regionCode, null, input, ct);
        if (error is not null) return error;
        var agency = new Agency { RegionCode = regionCode, Name = input.Name!.Trim() };
        Apply(agency, input);
        db.ActingAs(actor).Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        return ToView(agency);
    }

    public static async Task<Result<AgencyView>> UpdateAsync(JalinDb db, CurrentActor actor, Guid id, int expectedVersion, AgencyInput input, CancellationToken ct = default)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null || (actor.Role != Role.SystemAdmin && actor.RegionCode != agency.RegionCode)) return new NotFoundError("Perangkat daerah tidak ditemukan.");
        if (!MayManage(actor, agency.RegionCode)) return new ForbiddenError("Peran Anda tidak dapat mengubah perangkat daerah.");
        if (agency.Version != expectedVersion) return new ConflictError("Data perangkat daerah telah diubah orang lain. Muat ulang lalu ulangi.");
        var error = await ValidateAsync(db, agency.RegionCode, id, input, ct);
        if (error is not null) return error;
        Apply(agency, input);
        agency.Version++;
        db.ActingAs(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Data perangkat daerah telah diubah orang lain. Muat ulang lalu ulangi."); }
        return ToView(agency);
    }

    private static async Task<ValidationError?> ValidateAsync(JalinDb db, string region, Guid? id, AgencyInput input, CancellationToken ct)
    {
        var fields = AgreementRules.Annotations(input).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        if (input.Name is { } name && await db.Agencies.AnyAsync(a => a.RegionCode == region && a.Name == name.Trim() && a.Id != id, ct))
            fields["name"] = ["Perangkat daerah dengan nama ini sudah ada di daerah ini."];
        return fields.Count == 0 ? null : new ValidationError("Data perangkat daerah belum benar.", fields);
    }

    private static void Apply(Agency a, AgencyInput i)
    {
        a.Name = i.Name!.Trim();
        a.ShortName = string.IsNullOrWhiteSpace(i.ShortName) ? null : i.ShortName.Trim();
        a.HeadTitle = i.HeadTitle?.Trim();
        a.HeadName = i.HeadName?.Trim();
        a.IsActive = i.IsActive;
    }

    public static AgencyView ToView(Agency a) => new(a.Id, a.RegionCode, a.Name, a.ShortName, a.HeadTitle, a.HeadName, a.IsActive, a.Version);
}
