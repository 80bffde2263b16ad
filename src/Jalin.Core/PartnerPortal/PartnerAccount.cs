using System.Security.Cryptography;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Proposals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.PartnerPortal;

/// <summary>The officer gives the partner of a portal submission (once linked to a registered partner) a
/// <see cref="Role.PartnerUser"/> account scoped to that partner: it follows the agreements where the partner is a
/// party and attaches its own documents there (AgreementAccess). The initial password is shown once to the officer.</summary>
public static class CreatePartnerAccount
{
    public static async Task<Result<PartnerAccountCreated>> HandleAsync(JalinDb db, UserManager<ApplicationUser> users, CurrentActor actor, Guid proposalId,
        PartnerAccountInput input, CancellationToken ct = default)
    {
        var p = await db.Proposals.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == proposalId, ct);
        if (p is null) return new NotFoundError("Usulan tidak ditemukan.");
        var s = await db.PortalSubmissions.AsNoTracking().FirstOrDefaultAsync(x => x.ProposalId == proposalId, ct);
        if (s is null) return new NotFoundError("Usulan ini tidak berasal dari portal mitra.");
        if (!PortalOfficer.Acts(actor, p)) return new ForbiddenError("Hanya petugas Bagian Kerja Sama daerah tujuan yang dapat membuat akun mitra.");
        if (s.PartnerId is not { } partnerId) return new ConflictError("Tautkan pengajuan ke mitra terdaftar (atau buat mitranya) sebelum membuat akun mitra.");
        var fields = Agreements.AgreementRules.Annotations(input).GroupBy(x => x.field).ToDictionary(g => g.Key, g => g.Select(x => x.message).ToArray());
        if (fields.Count == 0 && await users.FindByNameAsync(input.UserName!) is not null) fields["userName"] = ["Nama pengguna sudah dipakai."];
        if (fields.Count > 0) return new ValidationError("Data akun mitra belum benar.", fields);
        var password = NewPassword();
        var user = new ApplicationUser
        {
            UserName = input.UserName, Email = s.Email, EmailConfirmed = false, LockoutEnabled = true, FullName = $"{s.ContactName} ({s.OrganizationName})",
            Role = Role.PartnerUser, PartnerId = partnerId, IsActive = true,
        };
        db.ActingAs(actor);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return new ValidationError("Akun mitra tidak dapat dibuat.", new Dictionary<string, string[]> { ["userName"] = result.Errors.Select(e => e.Description).ToArray() });
        return new PartnerAccountCreated(user.UserName!, password, partnerId);
    }

    /// <summary>16 characters with upper and lower case, digits and a symbol (the password rule of PasswordPolicy).</summary>
    internal static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", symbols = "#@%+=!";
        var all = upper + lower + digits + symbols;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
