using System.Security.Claims;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Infrastructure;

/// <summary>Loads the signed-in user's actor (role and scope) from the database on each request,
/// so a role change or deactivation takes effect at once, not at the next sign-in.</summary>
public sealed class CurrentActorAccessor(IDbContextFactory<JalinDb> dbs)
{
    private CurrentActor? _actor;
    private bool _loaded;

    public async Task<CurrentActor?> GetAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (_loaded) return _actor;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is not null)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
            _actor = user is { IsActive: true } ? user.ToActor() : null;
        }
        _loaded = true;
        return _actor;
    }
}
