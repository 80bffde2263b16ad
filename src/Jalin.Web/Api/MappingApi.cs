using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Mapping;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>/api/v1/mapping: potentials and needs of a region, mapping rounds and reminders, the report (JSON, XLSX, PDF)
/// and matchmaking between regions.</summary>
public static class MappingApi
{
    private static readonly IResult EmptyBody = Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));

    public static void MapMappingApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/mapping").WithTags("Pemetaan");
        g.MapGet("/items", async (Actor actor, JalinDb db, string? regionCode, string? kind, string? status, Guid? roundId, string? affairCode, CancellationToken ct) =>
        {
            if (!TryEnum<MappingKind>(kind, out var k)) return Problems.From(ValidationError.Of("kind", "Jenis: Potential (potensi) atau Need (kebutuhan)."));
            if (!TryEnum<MappingStatus>(status, out var s))
                return Problems.From(ValidationError.Of("status", $"Status tidak dikenal: {string.Join(", ", Enum.GetNames<MappingStatus>())}."));
            return (await MappingItems.ListAsync(db, actor, regionCode, k, s, roundId, affairCode, ct)).ToHttp();
        }).WithSummary("Potensi dan kebutuhan yang boleh Anda lihat: di daerah sendiri semuanya; dari daerah lain hanya potensi yang diterima.");
        g.MapGet("/items/{id:guid}", async (Actor actor, JalinDb db, Guid id, CancellationToken ct) => (await MappingItems.GetAsync(db, actor, id, ct)).ToHttp());
        g.MapPost("/items", async (Actor actor, JalinDb db, TimeProvider clock, MappingItemInput? body, CancellationToken ct) =>
            body is null ? EmptyBody : (await MappingItems.CreateAsync(db, actor, body, clock, ct)).ToHttp(i => TypedResults.Created($"/api/v1/mapping/items/{i.Id}", i)))
            .WithSummary("Catat potensi atau kebutuhan (OPD: pada putaran yang dibuka; Bagian Kerja Sama: untuk OPD mana pun).");
        g.MapPut("/items/{id:guid}", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, int? version, MappingItemInput? body, CancellationToken ct) =>
            body is null ? EmptyBody
                : version is null ? Problems.From(ValidationError.Of("version", "Sertakan ?version= yang Anda ubah."))
                : (await MappingItems.UpdateAsync(db, actor, id, version.Value, body, clock, ct)).ToHttp());
        g.MapPost("/items/{id:guid}/submit", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
            (await MappingItems.SubmitAsync(db, actor, id, clock, ct)).ToHttp());
        g.MapPost("/items/{id:guid}/accept", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
            (await MappingItems.AcceptAsync(db, actor, id, clock, ct)).ToHttp());
        g.MapPost("/items/{id:guid}/return", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, MappingReturnInput? body, CancellationToken ct) =>
            (await MappingItems.ReturnAsync(db, actor, id, body?.Note, clock, ct)).ToHttp());
        g.MapPost("/items/{id:guid}/archive", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
            (await MappingItems.ArchiveAsync(db, actor, id, clock, ct)).ToHttp());
        g.MapGet("/items/{id:guid}/matches", async (Actor actor, JalinDb db, Guid id, CancellationToken ct) => (await FindMappingMatches.HandleAsync(db, actor, id, ct)).ToHttp())
            .WithSummary("Potensi daerah lain pada urusan yang sama untuk sebuah kebutuhan: daerah berbatasan dahulu, lalu satu provinsi, lalu lainnya.");

        g.MapGet("/rounds", async (Actor actor, JalinDb db, TimeProvider clock, CancellationToken ct) => (await MappingRounds.ListAsync(db, actor, clock, ct)).ToHttp());
        g.MapPost("/rounds", async (Actor actor, JalinDb db, TimeProvider clock, MappingRoundInput? body, CancellationToken ct) =>
            body is null ? EmptyBody : (await MappingRounds.CreateAsync(db, actor, body, clock, ct)).ToHttp(r => TypedResults.Created($"/api/v1/mapping/rounds/{r.Id}", r)))
            .WithSummary("Buka putaran pemetaan dengan batas waktu; tanpa agencyIds semua OPD aktif diminta.");
        g.MapGet("/rounds/{id:guid}", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) => (await MappingRounds.GetAsync(db, actor, id, clock, ct)).ToHttp())
            .WithSummary("Putaran dengan status tiap OPD: sudah selesai, belum, atau terlambat.");
        g.MapPost("/rounds/{id:guid}/close", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
            (await MappingRounds.CloseAsync(db, actor, id, clock, ct)).ToHttp());
        g.MapPost("/rounds/{id:guid}/submit", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
            (await MappingRounds.SubmitAsync(db, actor, id, clock, ct)).ToHttp())
            .WithSummary("OPD menyatakan pengisiannya selesai; drafnya pada putaran ini ikut diajukan.");
        g.MapPost("/rounds/{id:guid}/reminders", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, ReminderInput? body, CancellationToken ct) =>
            (await MappingRounds.RemindAsync(db, actor, id, body ?? new ReminderInput(null, null), clock, ct)).ToHttp())
            .WithSummary("Kirim pengingat dalam aplikasi ke OPD yang belum selesai (satu OPD bila agencyId diisi).");
        g.MapGet("/reminders", async (Actor actor, JalinDb db, CancellationToken ct) => (await MappingRounds.MyRemindersAsync(db, actor, ct)).ToHttp())
            .WithSummary("Pengingat pemetaan untuk OPD pengguna (kosong untuk peran lain).");

        g.MapGet("/report", async (Actor actor, JalinDb db, TimeProvider clock, string? regionCode, Guid? roundId, CancellationToken ct) =>
            (await BuildMappingReport.HandleAsync(db, actor, regionCode, roundId, clock, ct)).ToHttp())
            .WithSummary("Laporan pemetaan per urusan dan per OPD (butir yang diterima).");
        g.MapGet("/report/xlsx", async (Actor actor, JalinDb db, TimeProvider clock, string? regionCode, Guid? roundId, CancellationToken ct) =>
            (await BuildMappingReport.HandleAsync(db, actor, regionCode, roundId, clock, ct)).ToHttp(r => File(MappingExport.Xlsx(r))));
        g.MapGet("/report/pdf", async (Actor actor, JalinDb db, TimeProvider clock, PdfConverter pdf, string? regionCode, Guid? roundId, CancellationToken ct) =>
        {
            var report = await BuildMappingReport.HandleAsync(db, actor, regionCode, roundId, clock, ct);
            if (!report.Ok) return Problems.From(report.Error!);
            return (await MappingExport.PdfAsync(report.Value!, pdf, actor.Value.UserName, ct)).ToHttp(File);
        }).WithSummary("Laporan pemetaan sebagai PDF (LibreOffice; 503 bila tidak terpasang).");
    }

    /// <summary>The report as XLSX or PDF for the signed-in back office (same checks as the API).</summary>
    public static void MapMappingDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/app/pemetaan-unduh/{format}", async (string format, string? regionCode, Guid? roundId, HttpContext http, CurrentActorAccessor actors, JalinDb db,
                PdfConverter pdf, TimeProvider clock, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(http.User, ct);
                if (actor is null) return Results.Challenge();
                if (format is not ("xlsx" or "pdf")) return Problems.From(new NotFoundError("Format tidak dikenal: pilih xlsx atau pdf."));
                var report = await BuildMappingReport.HandleAsync(db, actor, regionCode, roundId, clock, ct);
                if (!report.Ok) return Problems.From(report.Error!);
                return format == "xlsx" ? File(MappingExport.Xlsx(report.Value!)) : (await MappingExport.PdfAsync(report.Value!, pdf, actor.UserName, ct)).ToHttp(File);
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();

    private static IResult File(ExportedFile f) => TypedResults.File(f.Content, f.ContentType, f.FileName);

    private static bool TryEnum<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!Enum.TryParse<T>(text, true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(text, out _)) return false;
        value = parsed;
        return true;
    }
}
