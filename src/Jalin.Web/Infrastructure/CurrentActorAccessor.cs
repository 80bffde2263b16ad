using System.Security.Claims;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jalin.Web.Infrastructure;

/// <summary>What the signed-in principal may do now, read from the database.</summary>
public enum SessionStatus
{
    /// <summary>No principal, unknown user, deactivated, or the security stamp changed (password
    /// reset, logout elsewhere, 2FA change): the session is over.</summary>
    Ended,
    /// <summary>Password accepted but the role requires TOTP and it is not set up: enrolment page only.</summary>
    EnrolmentRequired,
    Active,
}

/// <summary>Loads the signed-in user's actor (role and scope) from the database on each request,
/// so a role change or deactivation takes effect at once, not at the next sign-in. The principal's
/// security stamp must match the user's: a password reset, logout or 2FA change ends every session
/// and bearer token at once. A user who must still enrol in two-factor gets no actor.</summary>
public sealed class CurrentActorAccessor(IDbContextFactory<JalinDb> dbs, TwoFactorPolicy policy, IOptions<IdentityOptions> identity)
{
    private (SessionStatus Status, ApplicationUser? User)? _cached;

    /// <summary>The actor for this request (cached for the request's scope).</summary>
    public async Task<CurrentActor?> GetAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        _cached ??= await CheckAsync(principal, ct);
        return _cached.Value.Status == SessionStatus.Active ? _cached.Value.User!.ToActor() : null;
    }

    /// <summary>The status of this request's session (cached like <see cref="GetAsync"/>).</summary>
    public async Task<SessionStatus> StatusAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        _cached ??= await CheckAsync(principal, ct);
        return _cached.Value.Status;
    }

    /// <summary>Reads the user afresh (no cache): a Blazor circuit calls this for every operation.</summary>
    public async Task<(SessionStatus Status, ApplicationUser? User)> CheckAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return (SessionStatus.Ended, null);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is not { IsActive: true }) return (SessionStatus.Ended, null);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || !string.Equals(stamp, user.SecurityStamp, StringComparison.Ordinal)) return (SessionStatus.Ended, null);
        return (policy.MustEnrol(user) ? SessionStatus.EnrolmentRequired : SessionStatus.Active, user);
    }
}
