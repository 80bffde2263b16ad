using System.ComponentModel.DataAnnotations;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Jalin.Web.Api;

public sealed record TokenRequest(string? UserName, string? Password, string? Otp);

public static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken).WithTags("Autentikasi").AllowAnonymous().RequireRateLimiting(LoginLimits.Policy)
            .WithSummary("Tukar nama pengguna, kata sandi (dan kode OTP bila 2FA aktif) dengan bearer token berlaku satu jam (tanpa refresh token: minta token baru setelahnya).");
    }

    private static async Task<IResult> IssueToken(TokenRequest? body, HttpContext http, SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users,
        TwoFactorPolicy policy, LoginGuard guard, JalinDb db)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.UserName)) fields["userName"] = ["Nama pengguna wajib diisi."];
        if (string.IsNullOrEmpty(body?.Password)) fields["password"] = ["Kata sandi wajib diisi."];
        if (fields.Count > 0) return TypedResults.ValidationProblem(fields, "Nama pengguna dan kata sandi wajib diisi.", title: "Isian tidak valid");

        var name = body!.UserName!.Trim();
        // Unknown names, inactive accounts and wrong passwords get one message after the same work.
        if (guard.IsBlocked(name)) { guard.SpendPasswordWork(body.Password!); return Unauthorized(LoginGuard.LockedOut); }
        var user = await users.FindByNameAsync(name);
        if (user is null || !user.IsActive)
        {
            guard.SpendPasswordWork(body.Password!);
            return Unauthorized(guard.Failed(name) ? LoginGuard.LockedOut : LoginGuard.WrongCredentials);
        }
        var check = await signIn.CheckPasswordSignInAsync(user, body.Password!, lockoutOnFailure: true);
        if (check.IsLockedOut) { guard.Failed(name); return Unauthorized(LoginGuard.LockedOut); }
        if (!check.Succeeded) return Unauthorized(guard.Failed(name) ? LoginGuard.LockedOut : LoginGuard.WrongCredentials);

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(body.Otp))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["otp"] = ["Akun ini memakai verifikasi dua langkah: isi kode OTP dari aplikasi autentikator."] },
                    "Kode OTP diperlukan.", title: "Isian tidak valid");
            var code = body.Otp.Replace(" ", "").Replace("-", "");
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                guard.Failed(name);
                return Unauthorized("Kode OTP salah atau kedaluwarsa.");
            }
            // A correct code ends the run of failures (OWASP ASVS 2.2.1).
            await users.ResetAccessFailedCountAsync(user);
        }
        else if (policy.MustUseTwoFactor(user))
        {
            // No token without the second factor: enrol on the "Akun saya" page first.
            return TwoFactorEnrolment.ApiProblem();
        }
        guard.Succeeded(name);

        db.ActingAs(user.ToActor());
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return SessionSecurity.IssueBearerToken(http, principal);
    }

    private static IResult Unauthorized(string detail) => TypedResults.Problem(detail, statusCode: 401, title: "Tidak terautentikasi");
}
