using System.Reflection;
using Jalin.Core.Identity;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>The calling user's actor, bound as an endpoint parameter. A deactivated or unknown
/// user gets 401 before the handler runs (binding throws; JalinExceptionHandler answers 401).</summary>
public sealed record Actor(CurrentActor Value)
{
    public static async ValueTask<Actor?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var actor = await http.RequestServices.GetRequiredService<CurrentActorAccessor>().GetAsync(http.User, http.RequestAborted);
        return actor is null
            ? throw new BadHttpRequestException("Akun tidak aktif atau tidak dikenal.", StatusCodes.Status401Unauthorized)
            : new Actor(actor);
    }

    public static implicit operator CurrentActor(Actor a) => a.Value;
}

public static class ApiGroups
{
    /// <summary>Every /api/v1 resource: bearer-token callers only, actor resolved, no antiforgery (no cookies).</summary>
    public static RouteGroupBuilder MapJalinApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").DisableAntiforgery();
        api.MapAuthApi();
        api.MapVerificationApi();
        var secured = api.MapGroup("").RequireAuthorization(ApiPolicy)
            .AddEndpointFilter(async (ctx, next) =>
            {
                var actor = await ctx.HttpContext.RequestServices.GetRequiredService<CurrentActorAccessor>().GetAsync(ctx.HttpContext.User);
                return actor is null
                    ? TypedResults.Problem("Akun tidak aktif atau tidak dikenal.", statusCode: 401, title: "Tidak terautentikasi")
                    : await next(ctx);
            });
        secured.MapRegionsApi();
        secured.MapPartnersApi();
        secured.MapUsersApi();
        secured.MapAgreementsApi();
        secured.MapLifecycleApi();
        secured.MapDraftsApi();
        secured.MapAuditApi();
        secured.MapSettingsApi();
        return api;
    }

    public const string ApiPolicy = "api";
}
