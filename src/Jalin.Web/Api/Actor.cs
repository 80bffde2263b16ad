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
        var accessor = http.RequestServices.GetRequiredService<CurrentActorAccessor>();
        var actor = await accessor.GetAsync(http.User, http.RequestAborted);
        if (actor is not null) return new Actor(actor);
        if (await accessor.StatusAsync(http.User, http.RequestAborted) == SessionStatus.EnrolmentRequired)
            throw new BadHttpRequestException(TwoFactorEnrolment.ApiDetail, StatusCodes.Status403Forbidden);
        throw new BadHttpRequestException("Akun tidak aktif atau tidak dikenal.", StatusCodes.Status401Unauthorized);
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
        api.MapPublicSearchApi();
        var secured = api.MapGroup("").RequireAuthorization(ApiPolicy)
            .AddEndpointFilter(async (ctx, next) =>
            {
                var accessor = ctx.HttpContext.RequestServices.GetRequiredService<CurrentActorAccessor>();
                return await accessor.StatusAsync(ctx.HttpContext.User) switch
                {
                    SessionStatus.Active => await next(ctx),
                    SessionStatus.EnrolmentRequired => TwoFactorEnrolment.ApiProblem(),
                    _ => TypedResults.Problem("Akun tidak aktif, tidak dikenal, atau sesinya sudah berakhir (kata sandi diganti atau keluar). Minta token baru.",
                        statusCode: 401, title: "Tidak terautentikasi"),
                };
            });
        secured.MapRegionsApi();
        secured.MapPartnersApi();
        secured.MapUsersApi();
        secured.MapAgreementsApi();
        secured.MapLifecycleApi();
        secured.MapDraftsApi();
        secured.MapAuditApi();
        secured.MapSettingsApi();
        secured.MapProposalsApi();
        secured.MapMappingApi();
        secured.MapTkksdApi();
        secured.MapNotificationsApi();
        secured.MapMailApi();
        secured.MapPortalApi();
        secured.MapFacilitationApi();
        secured.MapOffersApi();
        secured.MapEventsApi();
        secured.MapMonitoringApi();
        secured.MapEvaluationsApi();
        secured.MapForeignDutiesApi();
        secured.MapRemindersApi();
        secured.MapStatisticsApi();
        secured.MapUpwardReportsApi();
        secured.MapPublicationApi();
        secured.MapSearchApi();
        secured.MapRegionExportApi();
        secured.MapGoodPracticesApi();
        secured.MapImportApi();
        secured.MapListExportsApi();
        return api;
    }

    public const string ApiPolicy = "api";
}
