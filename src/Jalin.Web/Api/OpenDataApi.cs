using System.Text;
using System.Text.Json.Nodes;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.OpenData;
using Jalin.Core.Publication;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>Open data (issue #12 item 4): the published register as CSV, JSON and OCDS packages under /data, anonymous,
/// output-cached under the portal tag (publishing or withdrawing evicts it) and open to any origin. Everything is read
/// through <see cref="PublicAgreements"/>; the register's filters are query parameters (wilayah, jenis, urusan, jenisMitra,
/// status, tahun).</summary>
public static class OpenDataApi
{
    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/data").WithTags("Data terbuka").AllowAnonymous().DisableAntiforgery();
        g.MapGet("/kerja-sama.csv", (HttpContext http, JalinDb db, OpenDataOptions o, string? wilayah, string? jenis, string? urusan, string? jenisMitra, string? status, string? tahun, CancellationToken ct) =>
                ServeAsync(http, db, wilayah, jenis, urusan, jenisMitra, status, tahun, ct, views =>
                    TypedResults.File(OpenDataExport.Csv(views, o, BaseUrl(http, o)), "text/csv; charset=utf-8", "kerja-sama.csv")))
            .CachedForPortal().WithSummary("Daftar kerja sama yang dipublikasikan (CSV, UTF-8, RFC 4180).");
        g.MapGet("/kerja-sama.json", (HttpContext http, JalinDb db, OpenDataOptions o, TimeProvider clock, string? wilayah, string? jenis, string? urusan, string? jenisMitra, string? status, string? tahun, CancellationToken ct) =>
                ServeAsync(http, db, wilayah, jenis, urusan, jenisMitra, status, tahun, ct, views =>
                    Json(OpenDataExport.JsonDocument(views, o, BaseUrl(http, o), clock.GetUtcNow()))))
            .CachedForPortal().WithSummary("Daftar kerja sama yang dipublikasikan (JSON, isian sama dengan CSV).");
        g.MapGet("/ocds/release-package.json", (HttpContext http, JalinDb db, OpenDataOptions o, TimeProvider clock, string? wilayah, string? jenis, string? urusan, string? jenisMitra, string? status, string? tahun, CancellationToken ct) =>
                ServeAsync(http, db, wilayah, jenis, urusan, jenisMitra, status, tahun, ct, views =>
                    Json(Ocds.ReleasePackage(views, o, BaseUrl(http, o), Self(http, o), clock.GetUtcNow()))))
            .CachedForPortal().WithSummary("Paket rilis OCDS 1.1 kerja sama yang dipublikasikan.");
        g.MapGet("/ocds/record-package.json", (HttpContext http, JalinDb db, OpenDataOptions o, TimeProvider clock, string? wilayah, string? jenis, string? urusan, string? jenisMitra, string? status, string? tahun, CancellationToken ct) =>
                ServeAsync(http, db, wilayah, jenis, urusan, jenisMitra, status, tahun, ct, views =>
                    Json(Ocds.RecordPackage(views, o, BaseUrl(http, o), Self(http, o), clock.GetUtcNow()))))
            .CachedForPortal().WithSummary("Paket rekaman OCDS 1.1 kerja sama yang dipublikasikan.");
        g.MapGet("/ocds/releases/{ocid}.json", async (HttpContext http, JalinDb db, OpenDataOptions o, TimeProvider clock, string ocid, CancellationToken ct) =>
            {
                Open(http);
                var notFound = new NotFoundError($"Proses kerja sama dengan ocid \"{(ocid.Length > 60 ? ocid[..60] + "…" : ocid)}\" tidak ditemukan atau tidak dipublikasikan.");
                if (o.AgreementIdOf(ocid) is not { } id) return Problems.From(notFound);
                var view = await PublicAgreements.GetAsync(db, id, ct);
                return view.Ok ? Json(Ocds.ReleasePackage([view.Value!], o, BaseUrl(http, o), Self(http, o), clock.GetUtcNow())) : Problems.From(notFound);
            })
            .CachedForPortal().WithSummary("Paket rilis OCDS untuk satu kerja sama (ocid).");
        return app;
    }

    private static async Task<IResult> ServeAsync(HttpContext http, JalinDb db, string? wilayah, string? jenis, string? urusan, string? jenisMitra, string? status, string? tahun,
        CancellationToken ct, Func<List<PublicAgreementView>, IResult> ok)
    {
        Open(http);
        var filter = OpenDataQuery.Parse(wilayah, jenis, urusan, jenisMitra, status, tahun);
        if (!filter.Ok) return Problems.From(filter.Error!);
        var views = await OpenDataExport.LoadAsync(db, filter.Value!, ct);
        return views.Ok ? ok(views.Value!) : Problems.From(views.Error!);
    }

    /// <summary>Open data may be read by any web page (no credentials are involved).</summary>
    private static void Open(HttpContext http) => http.Response.Headers.AccessControlAllowOrigin = "*";

    private static IResult Json(JsonObject o) =>
        TypedResults.Text(o.ToJsonString(OpenDataExport.Json), "application/json; charset=utf-8", Encoding.UTF8);

    public static string BaseUrl(HttpContext http, OpenDataOptions o) =>
        (o.BaseUrl ?? http.RequestServices.GetService<IConfiguration>()?["Jalin:PublicBaseUrl"] ?? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}").TrimEnd('/');

    private static string Self(HttpContext http, OpenDataOptions o) => BaseUrl(http, o) + http.Request.Path + http.Request.QueryString;
}
