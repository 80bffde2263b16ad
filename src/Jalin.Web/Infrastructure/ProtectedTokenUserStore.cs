using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Infrastructure;

/// <summary>The Identity user store with every AspNetUserTokens value (the TOTP authenticator key,
/// the recovery codes) protected by Data Protection at rest. Rows written before this (raw values)
/// still read, and <see cref="ProtectExistingAsync"/> protects them at start.</summary>
/// <remarks>Identity's own <c>ProtectPersonalData</c> would also encrypt user names and e-mail
/// addresses (and need a lookup protector for searches); only the secrets need it here.</remarks>
public sealed class ProtectedTokenUserStore(JalinDb context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<ApplicationUser, JalinDb>(context, describer)
{
    public const string Prefix = "dp1:";
    public const string Purpose = "Jalin.Identity.UserTokens.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public override Task SetTokenAsync(ApplicationUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : Prefix + _protector.Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(ApplicationUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return Unprotect(_protector, stored);
    }

    private static string? Unprotect(IDataProtector protector, string? stored) =>
        stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal) ? protector.Unprotect(stored[Prefix.Length..]) : stored;

    /// <summary>Protects token values still stored raw (from before this store); returns how many.</summary>
    public static async Task<int> ProtectExistingAsync(JalinDb db, IDataProtectionProvider protection, CancellationToken ct = default)
    {
        var protector = protection.CreateProtector(Purpose);
        var raw = await db.UserTokens.Where(t => t.Value != null && !t.Value.StartsWith(Prefix)).ToListAsync(ct);
        foreach (var t in raw) t.Value = Prefix + protector.Protect(t.Value!);
        if (raw.Count > 0) await db.SaveChangesAsync(ct);
        return raw.Count;
    }
}
