using Jalin.Core.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace Jalin.Web.Infrastructure;

/// <summary>The signed-in person's actor for Blazor components (interactive or static). Read afresh
/// from the database on every call: a circuit lives for hours, and a deactivation, a role or region
/// change, a password reset or a logout elsewhere must end what an open tab can do at once.</summary>
public sealed class UiActor(AuthenticationStateProvider auth, CurrentActorAccessor accessor)
{
    public async Task<CurrentActor?> GetAsync()
    {
        var (status, user) = await CheckAsync();
        return status == SessionStatus.Active ? user!.ToActor() : null;
    }

    /// <summary>The actor also while two-factor enrolment is pending: only the "Akun saya" page uses this.</summary>
    public async Task<CurrentActor?> GetForEnrolmentAsync()
    {
        var (status, user) = await CheckAsync();
        return status == SessionStatus.Ended ? null : user!.ToActor();
    }

    public async Task<SessionStatus> StatusAsync() => (await CheckAsync()).Status;

    private async Task<(SessionStatus Status, ApplicationUser? User)> CheckAsync()
    {
        var state = await auth.GetAuthenticationStateAsync();
        return await accessor.CheckAsync(state.User);
    }
}
