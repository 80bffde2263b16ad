using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Jalin.Web.Api;

/// <summary>Cookie-authenticated endpoints of the back office (sign-out, file downloads).</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/keluar", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/masuk");
        }).ExcludeFromDescription();

        app.MapGet("/", () => TypedResults.LocalRedirect("/app")).ExcludeFromDescription();

        // Files are served as attachments only, after the same visibility checks as the API.
        app.MapGet("/app/berkas/{agreementId:guid}/{documentId:guid}", async (Guid agreementId, Guid documentId, HttpContext http,
                CurrentActorAccessor actors, JalinDb db, FileStore files, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(http.User, ct);
                if (actor is null) return Results.Challenge();
                return (await DownloadDocument.HandleAsync(db, files, actor, agreementId, documentId, ct))
                    .ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();
    }
}
