using Jalin.Core.Common;
using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Identity;

/// <summary>The short tour of a role shown on the dashboard at the first sign-in (issue #9 item 10):
/// shown while <see cref="ApplicationUser.TourSeenAt"/> is empty, closed for good by the user, and
/// shown again on request from the account page. Each is the signed-in user's own row only.</summary>
public static class FirstLoginTour
{
    public static async Task<Result<bool>> ShouldShowAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId && u.IsActive)
            .Select(u => new { u.TourSeenAt }).FirstOrDefaultAsync(ct);
        if (user is null) return new NotFoundError("Pengguna tidak ditemukan.");
        return user.TourSeenAt is null;
    }

    /// <summary>"Tutup" / "Jangan tampilkan lagi": remembered on the user's row (audited like any change of it).</summary>
    public static async Task<Result<DateTimeOffset>> DismissAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId && u.IsActive, ct);
        if (user is null) return new NotFoundError("Pengguna tidak ditemukan.");
        if (user.TourSeenAt is { } seen) return seen;
        user.TourSeenAt = clock.GetUtcNow();
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return user.TourSeenAt.Value;
    }

    /// <summary>"Tampilkan panduan lagi" on the account page: the next dashboard visit shows the tour.</summary>
    public static async Task<Result<Unit>> ShowAgainAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId && u.IsActive, ct);
        if (user is null) return new NotFoundError("Pengguna tidak ditemukan.");
        if (user.TourSeenAt is null) return Unit.Value;
        user.TourSeenAt = null;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
