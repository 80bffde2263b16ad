using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Identity;

public sealed record UserInput
{
    [Required(ErrorMessage = "Nama pengguna wajib diisi."), RegularExpression(@"^[a-z0-9][a-z0-9._-]{2,59}$", ErrorMessage = "Nama pengguna 3–60 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.")]
    public string? UserName { get; init; }
    [Required(ErrorMessage = "Nama lengkap wajib diisi."), StringLength(200, MinimumLength = 3, ErrorMessage = "Nama lengkap 3 sampai 200 karakter.")]
    public string? FullName { get; init; }
    [EmailAddress(ErrorMessage = "Alamat surel tidak valid."), StringLength(256, ErrorMessage = "Alamat surel paling banyak 256 karakter.")]
    public string? Email { get; init; }
    [Required(ErrorMessage = "Peran wajib dipilih.")]
    public Role? Role { get; init; }
    public string? RegionCode { get; init; }
    public Guid? AgencyId { get; init; }
    public Guid? PartnerId { get; init; }
    /// <summary>Required when creating; when editing, empty keeps the current password.</summary>
    public string? Password { get; init; }
    public bool IsActive { get; init; } = true;
}

public sealed record UserView(string Id, string UserName, string FullName, string? Email, Role Role, string RoleLabel, string? RegionCode, Guid? AgencyId, Guid? PartnerId,
    bool IsActive, bool TwoFactorEnabled, bool LockedOut, bool IsDemo);

/// <summary>User administration: the system admin only.</summary>
public static class UserAdmin
{
    public static async Task<Result<Page<UserView>>> ListAsync(JalinDb db, CurrentActor actor, string? q, string? regionCode, int? page, int? size, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role != Role.SystemAdmin) return new ForbiddenError("Hanya administrator sistem yang mengelola pengguna.");
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLower();
            query = query.Where(u => u.UserName!.ToLower().Contains(term) || u.FullName.ToLower().Contains(term));
        }
        if (!string.IsNullOrWhiteSpace(regionCode)) query = query.Where(u => u.RegionCode == regionCode);
        var (pg, sz) = Paging.Normalize(page, size);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(u => u.UserName).Skip((pg - 1) * sz).Take(sz).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new Page<UserView>(rows.Select(u => ToView(u, now)).ToList(), pg, sz, total);
    }

    public static UserView ToView(ApplicationUser u, DateTimeOffset now) => new(u.Id, u.UserName ?? "", u.FullName, u.Email, u.Role, u.Role.Label(), u.RegionCode,
        u.AgencyId, u.PartnerId, u.IsActive, u.TwoFactorEnabled, u.LockoutEnd is { } end && end > now, u.IsDemo);

    public static async Task<Result<UserView>> CreateAsync(JalinDb db, UserManager<ApplicationUser> users, CurrentActor actor, UserInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role != Role.SystemAdmin) return new ForbiddenError("Hanya administrator sistem yang mengelola pengguna.");
        var fields = await ValidateAsync(db, input, ct);
        if (string.IsNullOrEmpty(input.Password)) fields["password"] = ["Kata sandi awal wajib diisi."];
        if (input.UserName is { } name && await users.FindByNameAsync(name) is not null) fields["userName"] = ["Nama pengguna sudah dipakai."];
        if (fields.Count > 0) return new ValidationError("Data pengguna belum benar.", fields);

        var user = new ApplicationUser { UserName = input.UserName, Email = input.Email, EmailConfirmed = input.Email is not null, LockoutEnabled = true };
        Apply(user, input);
        db.ActingAs(actor);
        var result = await users.CreateAsync(user, input.Password!);
        if (!result.Succeeded) return PasswordErrors(result);
        return ToView(user, clock.GetUtcNow());
    }

    public static async Task<Result<UserView>> UpdateAsync(JalinDb db, UserManager<ApplicationUser> users, CurrentActor actor, string id, UserInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role != Role.SystemAdmin) return new ForbiddenError("Hanya administrator sistem yang mengelola pengguna.");
        var user = await users.FindByIdAsync(id);
        if (user is null) return new NotFoundError("Pengguna tidak ditemukan.");
        var fields = await ValidateAsync(db, input, ct);
        if (input.UserName != user.UserName) fields["userName"] = ["Nama pengguna tidak dapat diubah."];
        if (fields.Count > 0) return new ValidationError("Data pengguna belum benar.", fields);
        if (user.Id == actor.UserId && (input.Role != Role.SystemAdmin || !input.IsActive))
            return new ConflictError("Anda tidak dapat mencabut peran administrator atau menonaktifkan akun Anda sendiri.");
        db.ActingAs(actor);
        if (!string.IsNullOrEmpty(input.Password))
        {
            foreach (var v in users.PasswordValidators)
            {
                var check = await v.ValidateAsync(users, user, input.Password);
                if (!check.Succeeded) return PasswordErrors(check);
            }
            await users.RemovePasswordAsync(user);
            var added = await users.AddPasswordAsync(user, input.Password);
            if (!added.Succeeded) return PasswordErrors(added);
        }
        var scope = (user.Role, user.RegionCode, user.AgencyId, user.PartnerId, user.IsActive);
        Apply(user, input);
        user.Email = input.Email;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) return new ConflictError(string.Join(" ", result.Errors.Select(e => e.Description)));
        // Deactivation or a new role or scope ends the user's open sessions and tokens (new security stamp):
        // open tabs are sent to sign in again within the revalidation interval.
        if (!input.IsActive || scope != (user.Role, user.RegionCode, user.AgencyId, user.PartnerId, user.IsActive))
            await users.UpdateSecurityStampAsync(user);
        return ToView(user, clock.GetUtcNow());
    }

    private static ValidationError PasswordErrors(IdentityResult result) =>
        new("Kata sandi tidak memenuhi syarat.", new Dictionary<string, string[]> { ["password"] = result.Errors.Select(e => e.Description).ToArray() });

    private static void Apply(ApplicationUser user, UserInput input)
    {
        user.FullName = input.FullName!.Trim();
        user.Role = input.Role!.Value;
        user.RegionCode = string.IsNullOrWhiteSpace(input.RegionCode) ? null : input.RegionCode;
        user.AgencyId = input.Role == Role.AgencyUser ? input.AgencyId : null;
        user.PartnerId = input.Role == Role.PartnerUser ? input.PartnerId : null;
        user.IsActive = input.IsActive;
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(JalinDb db, UserInput input, CancellationToken ct)
    {
        var fields = AgreementRules.Annotations(input).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        if (input.Role == Role.System) fields["role"] = ["Peran ini khusus untuk sistem."];
        else if (input.Role is { } role && !Enum.IsDefined(role)) fields["role"] = ["Peran tidak dikenal."];
        var needsRegion = input.Role is not (Role.SystemAdmin or Role.SupervisorNational or Role.PartnerUser or null);
        if (needsRegion && string.IsNullOrWhiteSpace(input.RegionCode)) fields["regionCode"] = ["Daerah wajib dipilih untuk peran ini."];
        if (input.RegionCode is { Length: > 0 } code && !await db.Regions.AnyAsync(r => r.Code == code, ct)) fields["regionCode"] = ["Kode wilayah tidak dikenal."];
        if (input.Role == Role.SupervisorProvince && input.RegionCode is { } p && p.Contains('.')) fields["regionCode"] = ["Pembina provinsi ditempatkan pada kode provinsi (dua angka)."];
        if (input.Role == Role.AgencyUser)
        {
            if (input.AgencyId is not { } agency) fields["agencyId"] = ["Perangkat daerah wajib dipilih untuk pengguna OPD."];
            else if (!await db.Agencies.AnyAsync(a => a.Id == agency && a.RegionCode == input.RegionCode, ct)) fields["agencyId"] = ["Perangkat daerah tidak ditemukan di daerah ini."];
        }
        if (input.Role == Role.PartnerUser)
        {
            if (input.PartnerId is not { } partner) fields["partnerId"] = ["Mitra wajib dipilih untuk penghubung mitra."];
            else if (!await db.Partners.AnyAsync(p => p.Id == partner, ct)) fields["partnerId"] = ["Mitra tidak ditemukan."];
        }
        return fields;
    }
}
