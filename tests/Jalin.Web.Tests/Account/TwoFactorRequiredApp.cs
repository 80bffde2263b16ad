using Jalin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Jalin.Web.Tests.Account;

/// <summary>The app with the production rule on: two-factor mandatory for the privileged roles
/// (demo accounts exempt outside Production). A separate app so other tests keep the default.</summary>
public sealed class TwoFactorRequiredApp : JalinAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RequireTwoFactorForPrivilegedRoles", "true");
    }
}
