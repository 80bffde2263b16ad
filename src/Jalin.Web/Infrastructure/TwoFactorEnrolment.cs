using Microsoft.AspNetCore.Identity;

namespace Jalin.Web.Infrastructure;

/// <summary>A user whose role requires two-factor and who has not enrolled reaches, after the
/// password, only the "Akun saya" page (to enrol) and sign-out; pages redirect there, the API
/// answers 403 with this message, and <see cref="CurrentActorAccessor"/> gives no actor.</summary>
public static class TwoFactorEnrolment
{
    public const string Page = "/app/akun";
    public const string Title = "Verifikasi dua langkah wajib";
    public const string ApiDetail =
        "Peran Anda wajib memakai verifikasi dua langkah. Aktifkan di halaman Akun Saya pada aplikasi (/app/akun), lalu minta token lagi.";

    public static IResult ApiProblem() => TypedResults.Problem(ApiDetail, statusCode: StatusCodes.Status403Forbidden, title: Title);

    /// <summary>Pages under /app other than the enrolment page redirect to it while enrolment is pending.</summary>
    public static IApplicationBuilder UseTwoFactorEnrolmentGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        if (http.User.Identity?.IsAuthenticated == true && path.StartsWithSegments("/app") && !path.StartsWithSegments(Page)
            && http.User.Identities.Any(i => i.AuthenticationType == IdentityConstants.ApplicationScheme)
            && await http.RequestServices.GetRequiredService<CurrentActorAccessor>().StatusAsync(http.User, http.RequestAborted) == SessionStatus.EnrolmentRequired)
        {
            http.Response.Redirect(Page);
            return;
        }
        await next(http);
    });
}
