namespace Jalin.Core.Identity;

/// <summary>The person (or Jalin itself) a use case acts for, with the scope of their rights.</summary>
public sealed record CurrentActor(
    string UserId,
    string UserName,
    string FullName,
    Role Role,
    string? RegionCode,
    Guid? AgencyId = null,
    Guid? PartnerId = null)
{
    public static readonly CurrentActor System = new("system", "system", "Sistem Jalin", Role.System, null);

    public bool Is(params Role[] roles) => roles.Contains(Role);

    public string Describe() => $"{FullName} ({UserName})";
}
