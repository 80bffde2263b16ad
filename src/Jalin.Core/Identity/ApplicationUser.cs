using Microsoft.AspNetCore.Identity;

namespace Jalin.Core.Identity;

/// <summary>A person who signs in. One role, scoped to a region (and an agency or partner).</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public Role Role { get; set; }
    public string? RegionCode { get; set; }
    public Guid? AgencyId { get; set; }
    public Guid? PartnerId { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Demo accounts may skip the mandatory two-factor rule so the demo can be tried at once.</summary>
    public bool IsDemo { get; set; }
    /// <summary>When the user closed the first-login tour of their role; null shows it on the dashboard.</summary>
    public DateTimeOffset? TourSeenAt { get; set; }
    /// <summary>The user turned off the e-mail copy of notifications (on by default; the bell always has them).</summary>
    public bool EmailNotificationsOff { get; set; }

    public CurrentActor ToActor() => new(Id, UserName ?? "", FullName, Role, RegionCode, AgencyId, PartnerId);
}
