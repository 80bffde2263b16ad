using Jalin.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace Jalin.Web.Api;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/keluar", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/masuk");
        });
        app.MapGet("/", () => TypedResults.LocalRedirect("/app")).ExcludeFromDescription();
    }
}
