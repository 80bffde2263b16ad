using Jalin.Core.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace Jalin.Web.Infrastructure;

/// <summary>The signed-in person's actor for Blazor components (interactive or static).</summary>
public sealed class UiActor(AuthenticationStateProvider auth, CurrentActorAccessor accessor)
{
    public async Task<CurrentActor?> GetAsync()
    {
        var state = await auth.GetAuthenticationStateAsync();
        return await accessor.GetAsync(state.User);
    }
}
