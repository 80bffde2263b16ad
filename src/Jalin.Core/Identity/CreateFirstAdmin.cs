using Jalin.Core.Common;
using Jalin.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Identity;

public sealed record FirstAdminInput(string? UserName, string? FullName, string? Email, string? Password);

/// <summary>The first system administrator of a production install (`jalin create-admin`): no
/// published password. The account is never a demo account and starts without two-factor, so the
/// mandatory two-factor rule for SystemAdmin sends it to enrolment at its first sign-in.</summary>
public static class CreateFirstAdmin
{
    public static async Task<Result<UserView>> HandleAsync(JalinDb db, UserManager<ApplicationUser> users, FirstAdminInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(u => u.Role == Role.SystemAdmin && u.IsActive && !u.IsDemo, ct))
            return new ConflictError("Sudah ada administrator sistem yang aktif. Tambahkan administrator lain dari halaman Pengguna di aplikasi.");

        var fields = new Dictionary<string, string[]>();
        var name = input.UserName?.Trim();
        if (string.IsNullOrEmpty(name)) fields["userName"] = ["Nama pengguna wajib diisi."];
        else if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9][a-z0-9._-]{2,59}$"))
            fields["userName"] = ["Nama pengguna 3–60 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung."];
        else if (await users.FindByNameAsync(name) is not null) fields["userName"] = ["Nama pengguna sudah dipakai."];
        var fullName = input.FullName?.Trim();
        if (fullName is null || fullName.Length is < 3 or > 200) fields["fullName"] = ["Nama lengkap 3 sampai 200 karakter."];
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (email is not null && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email)) fields["email"] = ["Alamat surel tidak valid."];
        if (string.IsNullOrEmpty(input.Password)) fields["password"] = ["Kata sandi wajib diisi."];
        if (fields.Count > 0) return new ValidationError("Data administrator belum benar.", fields);

        var user = new ApplicationUser
        {
            UserName = name, FullName = fullName!, Email = email, EmailConfirmed = email is not null,
            Role = Role.SystemAdmin, IsActive = true, IsDemo = false, TwoFactorEnabled = false, LockoutEnabled = true,
        };
        db.ActingAs(CurrentActor.System);
        var result = await users.CreateAsync(user, input.Password!);
        if (!result.Succeeded)
            return new ValidationError("Kata sandi tidak memenuhi syarat.", new Dictionary<string, string[]> { ["password"] = result.Errors.Select(e => e.Description).ToArray() });
        return UserAdmin.ToView(user, clock.GetUtcNow());
    }
}

/// <summary>Demo accounts end before a production start (`jalin demo deactivate`): each is
/// deactivated, loses its password and gets a new security stamp, so no session or token of it
/// still works. The demo records stay (they are history); nobody can sign in as a demo account.</summary>
public static class DeactivateDemoAccounts
{
    public static async Task<int> HandleAsync(JalinDb db, UserManager<ApplicationUser> users, CancellationToken ct = default)
    {
        var ids = await db.Users.Where(u => u.IsDemo && (u.IsActive || u.PasswordHash != null)).Select(u => u.Id).ToListAsync(ct);
        db.ActingAs(CurrentActor.System);
        foreach (var id in ids)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) continue;
            user.IsActive = false;
            user.PasswordHash = null;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }
        return ids.Count;
    }

    /// <summary>Active demo accounts (a production start refuses while any exists).</summary>
    public static Task<List<string>> ActiveAsync(JalinDb db, CancellationToken ct = default) =>
        db.Users.Where(u => u.IsDemo && u.IsActive).OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(ct);
}
