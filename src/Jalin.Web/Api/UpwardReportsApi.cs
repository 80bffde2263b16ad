using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Mapping;
using Jalin.Core.UpwardReports;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>Issue #11 item 7: the annual report a region owes upward (kab/kota → Gubernur, provinsi → Menteri Dalam Negeri),
/// its stored versions, sending, and the supervisors' recap.</summary>
public static class UpwardReportsApi
{
    private static IResult Empty() => Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));

    public static void MapUpwardReportsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/upward-reports").WithTags("Laporan tahunan");
        g.MapGet("", async (Actor actor, JalinDb db, int? year, CancellationToken ct) => (await UpwardReporting.ListAsync(db, actor, year, ct)).ToHttp())
            .WithSummary("Versi laporan tahunan daerah sendiri; bagi pembina: laporan terkirim dari daerah yang dibinanya.");
        g.MapGet("/preview", async (Actor actor, JalinDb db, TimeProvider clock, int? year, CancellationToken ct) =>
                (await UpwardReporting.PreviewAsync(db, actor, year, clock, ct)).ToHttp())
            .WithSummary("Angka laporan tahunan daerah untuk satu tahun (dihitung dari data saat ini) dan versi yang tersimpan.");
        g.MapPost("", async (Actor actor, JalinDb db, FileStore files, PdfConverter pdf, TimeProvider clock, UpwardGenerateInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await UpwardReporting.GenerateAsync(db, files, pdf, actor, body, clock, ct))
                    .ToHttp(v => TypedResults.Created($"/api/v1/upward-reports/{v.Id}/xlsx", v)))
            .WithSummary("Buat laporan tahunan (draf) dan simpan salinannya; setelah dikirim, membuat versi baru.");
        g.MapPost("/{id:guid}/send", async (Actor actor, JalinDb db, FileStore files, PdfConverter pdf, TimeProvider clock, Guid id, UpwardSendInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await UpwardReporting.SendAsync(db, files, pdf, actor, id, body, clock, ct)).ToHttp())
            .WithSummary("Catat laporan telah dikirim (nomor dan tanggal surat wajib); pembina diberi tahu.");
        g.MapGet("/{id:guid}/{format}", async (Actor actor, JalinDb db, FileStore files, PdfConverter pdf, Guid id, string format, CancellationToken ct) =>
                (await UpwardReporting.DownloadAsync(db, files, pdf, actor, id, format, ct)).ToHttp(File))
            .WithSummary("Unduh salinan versi laporan: xlsx, pdf atau docx.");
        g.MapGet("/recap", async (Actor actor, JalinDb db, TimeProvider clock, int? year, CancellationToken ct) =>
                (await UpwardReporting.RecapAsync(db, actor, year, clock, ct)).ToHttp())
            .WithSummary("Rekap pembina: gubernur atas kabupaten/kota di provinsinya, Kemendagri atas provinsi; terkirim atau belum, tepat waktu atau terlambat, dan jumlahnya.");
        g.MapGet("/recap/xlsx", async (Actor actor, JalinDb db, TimeProvider clock, int? year, CancellationToken ct) =>
                (await UpwardReporting.RecapAsync(db, actor, year, clock, ct)).ToHttp(v => File(UpwardReportExport.RecapXlsx(v))))
            .WithSummary("Rekap pembina sebagai XLSX.");
    }

    /// <summary>The report files and the recap workbook for the signed-in back office (same checks as the API).</summary>
    public static void MapUpwardReportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/app/laporan-tahunan-unduh/{id:guid}/{format}", async (Guid id, string format, HttpContext http, CurrentActorAccessor actors, JalinDb db,
                FileStore files, PdfConverter pdf, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(http.User, ct);
                if (actor is null) return Results.Challenge();
                return (await UpwardReporting.DownloadAsync(db, files, pdf, actor, id, format, ct)).ToHttp(File);
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();
        app.MapGet("/app/laporan-tahunan-rekap-unduh/{year:int}", async (int year, HttpContext http, CurrentActorAccessor actors, JalinDb db, TimeProvider clock, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(http.User, ct);
                if (actor is null) return Results.Challenge();
                return (await UpwardReporting.RecapAsync(db, actor, year, clock, ct)).ToHttp(v => File(UpwardReportExport.RecapXlsx(v)));
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();
    }

    private static IResult File(ExportedFile f) => TypedResults.File(f.Content, f.ContentType, f.FileName);
}
