using Microsoft.AspNetCore.Identity;

namespace Jalin.Core.Identity;

/// <summary>The password rule the web app and the `jalin` CLI share.</summary>
public static class PasswordPolicy
{
    /// <summary>Peraturan BSSN 4/2021: at least 12 characters mixing upper and lower case, digits and symbols.</summary>
    public static void Apply(PasswordOptions o)
    {
        o.RequiredLength = 12;
        o.RequireUppercase = true;
        o.RequireLowercase = true;
        o.RequireDigit = true;
        o.RequireNonAlphanumeric = true;
    }
}
