using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.ForeignDuties;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>Issue #11 item 6: the own duties of a KSDPL/KSDLL in implementation (Permendagri 25/2020 Pasal 26 yearly plan,
/// Pasal 33 extension request, Pasal 39 supervision).</summary>
public static class ForeignDutiesApi
{
    private static IResult Empty() => Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
    public sealed record PlanDayInput(int? PlanJanuaryDay);

    public static void MapForeignDutiesApi(this RouteGroupBuilder api)
    {
        var d = api.MapGroup("/agreements/{id:guid}/foreign-duties").WithTags("Kerja sama luar negeri");
        d.MapGet("", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) => (await ForeignDutyUseCases.CardAsync(db, actor, id, clock, ct)).ToHttp())
            .WithSummary("Kewajiban kerja sama luar negeri: rencana kegiatan tahunan per tahun, permohonan perpanjangan, batas laporan, pengawasan.");
        d.MapPut("/plans/{year:int}", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, int year, PlanInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await ForeignDutyUseCases.SavePlanAsync(db, actor, id, year, body, clock, ct)).ToHttp())
            .WithSummary("Simpan draf rencana kegiatan tahunan (Permendagri 25/2020 Pasal 26): kegiatan, pelaksana, peran para pihak, hasil, lokasi, penerima manfaat, pembiayaan per pihak (jumlah \"250.000.000\").");
        d.MapPost("/plans/{year:int}/finalize", async (Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, int year, CancellationToken ct) =>
                (await ForeignDutyUseCases.FinalizePlanAsync(db, files, actor, id, year, clock, ct)).ToHttp())
            .WithSummary("Jadikan rencana final: dokumen DOCX dalam bentuk lampiran III disusun dari baris kegiatan.");
        d.MapPost("/plans/{year:int}/scan", async (Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, int year, HttpRequest request, CancellationToken ct) =>
            {
                var (content, name, problem) = await FileOf(request, files, ct);
                return problem ?? (await ForeignDutyUseCases.UploadPlanScanAsync(db, files, actor, id, year, content, name, clock, ct)).ToHttp();
            })
            .WithSummary("Unggah pindaian rencana yang ditandatangani (multipart: file; PDF, DOCX, PNG atau JPEG diperiksa menurut isinya); rencana menjadi final.");
        d.MapGet("/plans/{year:int}/document", async (Actor actor, JalinDb db, FileStore files, Guid id, int year, CancellationToken ct) =>
            (await ForeignDutyUseCases.PlanDocumentAsync(db, files, actor, id, year, ct)).ToHttp(File));
        d.MapPut("/extension", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, ExtensionInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await ForeignDutyUseCases.RecordExtensionAsync(db, actor, id, body, clock, ct)).ToHttp())
            .WithSummary("Catat surat permohonan perpanjangan (nomor, tanggal, tujuan, tembusan; Permendagri 25/2020 Pasal 33) atau keputusan tidak memperpanjang (alasan).");
        d.MapPost("/extension/document", async (Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct) =>
            {
                var (content, name, problem) = await FileOf(request, files, ct);
                return problem ?? (await ForeignDutyUseCases.UploadExtensionLetterAsync(db, files, actor, id, content, name, clock, ct)).ToHttp();
            })
            .WithSummary("Lampirkan surat permohonan perpanjangan (multipart: file).");
        d.MapGet("/extension/document", async (Actor actor, JalinDb db, FileStore files, Guid id, CancellationToken ct) =>
            (await ForeignDutyUseCases.ExtensionLetterAsync(db, files, actor, id, ct)).ToHttp(File));
        api.MapPut("/foreign-duties/settings", async (Actor actor, JalinDb db, PlanDayInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await ForeignDutyUseCases.SetPlanDayAsync(db, actor, body.PlanJanuaryDay, ct)).ToHttp(v => TypedResults.Ok(new { planJanuaryDay = v })))
            .WithTags("Kerja sama luar negeri").WithSummary("Tanggal Januari batas rencana kegiatan tahunan (pengaturan daerah; bawaan 31 Januari).");

        var s = api.MapGroup("/foreign-supervisions").WithTags("Kerja sama luar negeri");
        s.MapGet("", async (Actor actor, JalinDb db, TimeProvider clock, int? year, CancellationToken ct) => (await ForeignSupervisions.OverviewAsync(db, actor, year, clock, ct)).ToHttp())
            .WithSummary("Kerja sama luar negeri yang diawasi pembina (Permendagri 25/2020 Pasal 39 ayat (2)): pengawasan terakhir dan jumlah tahun ini.");
        s.MapPost("", async (Actor actor, JalinDb db, TimeProvider clock, ScheduleSupervisionInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await ForeignSupervisions.ScheduleAsync(db, actor, body, clock, ct)).ToHttp(v => TypedResults.Created($"/api/v1/foreign-supervisions/{v.Id}", v)))
            .WithSummary("Jadwalkan pengawasan: tanggal, cara (Monitoring, Evaluasi), bentuk (Kunjungan, Dokumen).");
        s.MapPut("/{sid:guid}/result", async (Actor actor, JalinDb db, TimeProvider clock, Guid sid, SupervisionResultInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await ForeignSupervisions.RecordAsync(db, actor, sid, body, clock, ct)).ToHttp())
            .WithSummary("Catat hasil pengawasan: tanggal pelaksanaan, temuan, rekomendasi, tindak lanjut yang diminta.");
        s.MapPost("/{sid:guid}/document", async (Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid sid, HttpRequest request, CancellationToken ct) =>
            {
                var (content, name, problem) = await FileOf(request, files, ct);
                return problem ?? (await ForeignSupervisions.UploadDocumentAsync(db, files, actor, sid, content, name, clock, ct)).ToHttp();
            })
            .WithSummary("Lampirkan dokumen hasil pengawasan (multipart: file).");
        s.MapGet("/{sid:guid}/document", async (Actor actor, JalinDb db, FileStore files, Guid sid, CancellationToken ct) =>
            (await ForeignSupervisions.DocumentAsync(db, files, actor, sid, ct)).ToHttp(File));
        s.MapPut("/{sid:guid}/answer", async (Actor actor, JalinDb db, TimeProvider clock, Guid sid, SupervisionAnswerInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await ForeignSupervisions.AnswerAsync(db, actor, sid, body, clock, ct)).ToHttp())
            .WithSummary("Jawaban daerah yang diawasi atas tindak lanjut (petugas Bagian Kerja Sama daerah itu).");
    }

    private static IResult File(DownloadableFile f) => TypedResults.File(f.Content, f.ContentType, f.FileName);

    private static async Task<(byte[]? Content, string? Name, IResult? Problem)> FileOf(HttpRequest request, FileStore files, CancellationToken ct)
    {
        if (!request.HasFormContentType) return (null, null, Problems.From(ValidationError.Of("file", "Kirim sebagai multipart/form-data dengan bagian 'file'.")));
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null) return (null, null, null);
        if (file.Length > files.MaxBytes) return (null, null, Problems.From(new TooLargeError(FileStore.TooLargeText(files.MaxBytes))));
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        return (ms.ToArray(), file.FileName, null);
    }
}

/// <summary>The foreign duties' documents for the signed-in back office (same checks as the API).</summary>
public static class ForeignDutyDownloads
{
    public static void MapForeignDutyDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/app/kerja-sama/{id:guid}/luar-negeri/{what}", async (Guid id, string what, int? year, Guid? sid, HttpContext http, CurrentActorAccessor actors, JalinDb db,
                FileStore files, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(http.User, ct);
                if (actor is null) return Results.Challenge();
                Result<DownloadableFile> r = what switch
                {
                    "rencana" when year is { } y => await ForeignDutyUseCases.PlanDocumentAsync(db, files, actor, id, y, ct),
                    "perpanjangan" => await ForeignDutyUseCases.ExtensionLetterAsync(db, files, actor, id, ct),
                    "pengawasan" when sid is { } s => await ForeignSupervisions.DocumentAsync(db, files, actor, s, ct),
                    _ => new NotFoundError("Dokumen tidak dikenal."),
                };
                return r.ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();
    }
}
