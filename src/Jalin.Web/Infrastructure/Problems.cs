using Jalin.Core.Common;
using Jalin.Core.Lifecycle;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Infrastructure;

/// <summary>Maps a use case's <see cref="Error"/> to ProblemDetails once, for every endpoint.</summary>
public static class Problems
{
    public static IResult From(Error error) => error switch
    {
        ValidationError v => TypedResults.ValidationProblem(v.Fields.ToDictionary(k => k.Key, k => k.Value), v.Message, title: "Isian tidak valid",
            extensions: Ext(v.Code)),
        NotFoundError => Problem(StatusCodes.Status404NotFound, "Tidak ditemukan", error),
        OtherAgencyError o => Problem(StatusCodes.Status403Forbidden, "Milik OPD lain", error,
            new Dictionary<string, object?> { ["code"] = o.Code, ["owningAgency"] = o.OwningAgency }),
        ForbiddenError => Problem(StatusCodes.Status403Forbidden, "Tidak berwenang", error),
        ConflictError => Problem(StatusCodes.Status409Conflict, "Konflik", error),
        TooLargeError => Problem(StatusCodes.Status413PayloadTooLarge, "Berkas terlalu besar", error),
        TooManyRequestsError => Problem(StatusCodes.Status429TooManyRequests, "Terlalu banyak permintaan", error),
        ServiceUnavailableError => Problem(StatusCodes.Status503ServiceUnavailable, "Layanan tidak tersedia", error),
        Jalin.Core.Drafting.IncompleteError i => Problem(StatusCodes.Status422UnprocessableEntity, "Naskah belum lengkap", error,
            new Dictionary<string, object?> { ["code"] = i.Code, ["missing"] = i.Missing }),
        LifecycleRefused r => Problem(r.Primary switch
        {
            RefusalKind.WrongRole => StatusCodes.Status403Forbidden,
            RefusalKind.MissingPrerequisite => StatusCodes.Status422UnprocessableEntity,
            RefusalKind.UnknownAction => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        }, "Aksi ditolak", error, new Dictionary<string, object?>
        {
            ["code"] = r.Code,
            ["reasons"] = r.Reasons.Select(x => new { kind = x.Kind.ToString(), message = x.Message, prerequisite = x.Prerequisite }).ToList(),
        }),
        _ => Problem(StatusCodes.Status400BadRequest, "Permintaan ditolak", error),
    };

    private static Dictionary<string, object?> Ext(string code) => new() { ["code"] = code };

    private static ProblemHttpResult Problem(int status, string title, Error error, Dictionary<string, object?>? ext = null) =>
        TypedResults.Problem(error.Message, statusCode: status, title: title, extensions: ext ?? Ext(error.Code));

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult>? ok = null) =>
        result.Ok ? (ok ?? (v => TypedResults.Ok(v)))(result.Value!) : From(result.Error!);
}

/// <summary>Turns unexpected failures into Indonesian ProblemDetails: concurrent writes become 409,
/// unreadable bodies 400; anything else is a 500 without internals.</summary>
public sealed class JalinExceptionHandler(IProblemDetailsService problems, ILogger<JalinExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is BadHttpRequestException { StatusCode: 400, InnerException: JsonException json })
            return await UnreadableJsonAsync(http, json);
        var (status, title, detail) = exception switch
        {
            DbUpdateConcurrencyException => (409, "Konflik", "Data ini diubah orang lain pada saat yang sama. Muat ulang lalu ulangi."),
            DbUpdateException => (409, "Konflik", "Perubahan bertabrakan dengan perubahan lain yang sedang disimpan. Ulangi sebentar lagi."),
            BadHttpRequestException { StatusCode: 401 } => (401, "Tidak terautentikasi", "Akun tidak aktif atau tidak dikenal."),
            BadHttpRequestException { StatusCode: 403 } => (403, TwoFactorEnrolment.Title, TwoFactorEnrolment.ApiDetail),
            BadHttpRequestException { StatusCode: 415 } => (415, "Jenis isi tidak didukung", "Kirim isi sebagai application/json (atau multipart/form-data untuk unggahan)."),
            BadHttpRequestException { StatusCode: 413 } => (413, "Berkas terlalu besar", "Berkas atau isi permintaan terlalu besar."),
            BadHttpRequestException b => (b.StatusCode, "Permintaan tidak valid", "Isi atau parameter permintaan tidak dapat dibaca: periksa format JSON, tipe data dan parameter alamat."),
            _ => (500, "Kesalahan sistem", "Terjadi kesalahan pada sistem. Kejadian ini telah dicatat; silakan ulangi atau hubungi administrator."),
        };
        if (status >= 500) log.LogError(exception, "Unhandled exception on {Path}", http.Request.Path);
        else log.LogInformation(exception, "Handled exception on {Path}: {Status}", http.Request.Path, status);
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>A JSON body that does not parse or does not fit the input's types: 400 with the
    /// offending member named in <c>errors</c> (camelCase path as sent, or "body").</summary>
    private async ValueTask<bool> UnreadableJsonAsync(HttpContext http, JsonException json)
    {
        log.LogInformation(json, "Unreadable JSON on {Path} at {JsonPath}", http.Request.Path, json.Path);
        var field = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "body";
        var message = field == "body"
            ? "Isi permintaan bukan JSON yang sah atau bukan objek yang diharapkan."
            : "Nilai ini tidak dapat dibaca: periksa tipe datanya (teks, angka, true/false, tanggal YYYY-MM-DD, GUID, atau salah satu pilihan yang dikenal).";
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = json,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Isian tidak valid",
                Detail = "Isi permintaan tidak dapat dibaca: periksa format JSON dan tipe datanya.",
            },
        });
    }
}
