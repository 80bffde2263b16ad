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
            .WithSummary("Tukar nama pengguna, kata sandi (dan kode OTP bila 2FA aktif) dengan bearer token.");
    }

    private static async Task<IResult> IssueToken(TokenRequest? body, SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users,
        TwoFactorPolicy policy, JalinDb db)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.UserName)) fields["userName"] = ["Nama pengguna wajib diisi."];
        if (string.IsNullOrEmpty(body?.Password)) fields["password"] = ["Kata sandi wajib diisi."];
        if (fields.Count > 0) return TypedResults.ValidationProblem(fields, "Nama pengguna dan kata sandi wajib diisi.", title: "Isian tidak valid");

        var user = await users.FindByNameAsync(body!.UserName!.Trim());
        if (user is null || !user.IsActive)
            return Unauthorized("Nama pengguna atau kata sandi salah.");
        var check = await signIn.CheckPasswordSignInAsync(user, body.Password!, lockoutOnFailure: true);
        if (check.IsLockedOut) return Unauthorized("Akun terkunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam 15 menit.");
        if (!check.Succeeded) return Unauthorized("Nama pengguna atau kata sandi salah.");

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(body.Otp))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["otp"] = ["Akun ini memakai verifikasi dua langkah: isi kode OTP dari aplikasi autentikator."] },
                    "Kode OTP diperlukan.", title: "Isian tidak valid");
            var code = body.Otp.Replace(" ", "").Replace("-", "");
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                return Unauthorized("Kode OTP salah atau kedaluwarsa.");
            }
        }
        else if (policy.MustUseTwoFactor(user))
        {
            return TypedResults.Problem("Peran Anda wajib memakai verifikasi dua langkah. Aktifkan di halaman Akun Saya pada aplikasi, lalu minta token lagi.",
                statusCode: 403, title: "Verifikasi dua langkah wajib");
        }

        db.ActingAs(user.ToActor());
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static IResult Unauthorized(string detail) => TypedResults.Problem(detail, statusCode: 401, title: "Tidak terautentikasi");
}
