using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.PartnerPortal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.Reminders;

/// <summary>A user's personal calendar feed (<c>/kalender/{token}.ics</c>): the secret token is shown once and
/// stored only as its SHA-256; one feed per user; revoking deletes it, regenerating replaces it.</summary>
public sealed class CalendarFeed
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string UserId { get; init; }
    /// <summary>The user's region (files the audit row there); null for national users.</summary>
    public string? RegionCode { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> e)
    {
        e.ToTable("CalendarFeeds");
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => x.UserId).IsUnique();
    }
}

/// <summary>The feed as Akun saya shows it. <see cref="Url"/> is set only right after it was created (the token is
/// never stored in the clear and cannot be shown again).</summary>
public sealed record CalendarFeedView(bool Exists, DateTimeOffset? CreatedAt, string? Url);

/// <summary>Create (or regenerate), read and revoke one's own calendar feed.</summary>
public static class CalendarFeeds
{
    public static string PathFor(string token) => $"/kalender/{token}.ics";

    private static bool MayHave(CurrentActor a) => a.Role is not (Role.System or Role.PartnerUser) && !string.IsNullOrEmpty(a.UserId);

    public static async Task<Result<CalendarFeedView>> GetAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        if (!MayHave(actor)) return new ForbiddenError("Kalender pribadi tersedia untuk pengguna pemerintah daerah dan pembina.");
        var feed = await db.Set<CalendarFeed>().AsNoTracking().FirstOrDefaultAsync(f => f.UserId == actor.UserId, ct);
        return new CalendarFeedView(feed is not null, feed?.CreatedAt, null);
    }

    /// <summary>A new secret address; any earlier one stops working at once.</summary>
    public static async Task<Result<CalendarFeedView>> CreateAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        if (!MayHave(actor)) return new ForbiddenError("Kalender pribadi tersedia untuk pengguna pemerintah daerah dan pembina.");
        db.ActingAs(actor);
        var old = await db.Set<CalendarFeed>().Where(f => f.UserId == actor.UserId).ToListAsync(ct);
        if (old.Count > 0)
        {
            db.RemoveRange(old);
            await db.SaveChangesAsync(ct);
        }
        var token = PortalTokens.New();
        var feed = new CalendarFeed { UserId = actor.UserId, RegionCode = actor.RegionCode, TokenHash = PortalTokens.Hash(token), CreatedAt = clock.GetUtcNow() };
        db.Add(feed);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return new ConflictError("Alamat kalender sedang dibuat dari jendela lain. Muat ulang halaman lalu coba lagi."); }
        return new CalendarFeedView(true, feed.CreatedAt, PathFor(token));
    }

    public static async Task<Result<CalendarFeedView>> RevokeAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        if (!MayHave(actor)) return new ForbiddenError("Kalender pribadi tersedia untuk pengguna pemerintah daerah dan pembina.");
        db.ActingAs(actor);
        var old = await db.Set<CalendarFeed>().Where(f => f.UserId == actor.UserId).ToListAsync(ct);
        if (old.Count == 0) return new NotFoundError("Anda belum memiliki alamat kalender.");
        db.RemoveRange(old);
        await db.SaveChangesAsync(ct);
        return new CalendarFeedView(false, null, null);
    }

    /// <summary>The user a token names, or null (unknown, revoked, or an inactive user).</summary>
    public static async Task<CurrentActor?> OwnerAsync(JalinDb db, string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length is < 20 or > 100) return null;
        var hash = PortalTokens.Hash(token);
        var feed = await db.Set<CalendarFeed>().AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, ct);
        if (feed is null) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == feed.UserId && u.IsActive, ct);
        return user?.ToActor();
    }
}
