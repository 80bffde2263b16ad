using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Events;
using Jalin.Core.Files;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Jalin.Web.Api;

/// <summary>Coordination events and rapat TKKSD (issue #10 items 4 and 8): list, read, create, edit, invite, move through the
/// table, attendance, minutes, follow-ups, materials, .ics, berita acara.</summary>
public static class EventsApi
{
    public static void MapEventsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/events").WithTags("Kegiatan koordinasi");
        g.MapGet("", List).WithSummary("Daftar kegiatan yang boleh Anda lihat, yang akan datang lebih dulu (kind, status, proposalId, agreementId, mappingRoundId, tkksd; halaman).");
        g.MapPost("", Create).WithSummary("Buat kegiatan (Rencana): kind, title, date, startTime, endTime (JJ.MM, waktu daerah), place atau onlineLink, agenda, tautan.");
        g.MapGet("/my-follow-ups", MyTasks).WithSummary("Tugas tindak lanjut saya (yang terlambat ditandai).");
        g.MapGet("/{id:guid}", Get).WithSummary("Rincian kegiatan: agenda, undangan, kehadiran, bahan, notulen, tindak lanjut, tindakan. Header ETag berisi versi.");
        g.MapPut("/{id:guid}", Update).WithSummary("Ubah kegiatan berstatus Rencana atau Undangan terkirim. Wajib If-Match: \"versi\" (atau ?version=).");
        g.MapPost("/{id:guid}/invitees", Invite).WithSummary("Undang: invitees = [{kind: User|Role|Agency|Guest, userId | regionCode+role | agencyId | name+institution+email}].");
        g.MapDelete("/{id:guid}/invitees/{inviteeId:guid}", Uninvite).WithSummary("Hapus undangan sebelum kegiatan dilaksanakan.");
        g.MapPost("/{id:guid}/actions/{action}", Act).WithSummary("Tindakan: send-invitations, mark-held, finalize-minutes, cancel (isi: reason).");
        g.MapPut("/{id:guid}/attendance", Attendance).WithSummary("Daftar hadir: items = [{inviteeId, attendance: Present|Absent|Represented, attendedBy}].");
        g.MapPut("/{id:guid}/minutes", Minutes).WithSummary("Notulen: points, decisions (satu per baris), takenBy.");
        g.MapPost("/{id:guid}/follow-ups", FollowUp).WithSummary("Tambah tindak lanjut: title, ownerUserId atau ownerName, dueDate.");
        g.MapPut("/{id:guid}/follow-ups/{followUpId:guid}/status", FollowUpStatusPut).WithSummary("Ubah status tindak lanjut: Open atau Done (penanggung jawab atau penyelenggara).");
        g.MapPost("/{id:guid}/materials", Upload).WithSummary("Unggah bahan kegiatan (multipart: file, title).");
        g.MapGet("/{id:guid}/materials/{materialId:guid}/file", Download).WithSummary("Unduh bahan kegiatan.");
        g.MapGet("/{id:guid}/ics", Ics).WithSummary("Unduh undangan kalender (.ics).");
        g.MapPost("/{id:guid}/berita-acara", BeritaAcara).WithSummary("Susun berita acara dari notulen final (DOCX/PDF); rapat TKKSD atas usulan atau kerja sama juga dilampirkan di sana.");
        g.MapGet("/{id:guid}/berita-acara/file", BeritaAcaraFile).WithSummary("Unduh berita acara.");
    }

    private const EmptyBodyBehavior Allow = EmptyBodyBehavior.Allow;

    private static async Task<IResult> List(Actor actor, JalinDb db, TimeProvider clock, string? kind, string? status, string? proposalId, string? agreementId,
        string? mappingRoundId, bool? tkksd, string? page, string? pageSize, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        T? ParseEnum<T>(string name, string? raw) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(raw)) return null;
            if (Enum.TryParse<T>(raw, true, out var v) && Enum.IsDefined(v) && !int.TryParse(raw, out _)) return v;
            fields[name] = [$"Nilai tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetNames<T>())}."];
            return null;
        }
        Guid? ParseGuid(string name, string? raw)
        {
            if (string.IsNullOrWhiteSpace(raw)) return null;
            if (Guid.TryParse(raw, out var v)) return v;
            fields[name] = [$"{name} bukan GUID."];
            return null;
        }
        int? Int(string name, string? raw, int max, string message)
        {
            if (string.IsNullOrWhiteSpace(raw)) return null;
            if (int.TryParse(raw, out var n) && n >= 1 && n <= max) return n;
            fields[name] = [message];
            return null;
        }
        var filter = new EventFilter
        {
            Kind = ParseEnum<EventKind>("kind", kind), Status = ParseEnum<EventStatus>("status", status), ProposalId = ParseGuid("proposalId", proposalId),
            AgreementId = ParseGuid("agreementId", agreementId), MappingRoundId = ParseGuid("mappingRoundId", mappingRoundId), TkksdOnly = tkksd == true,
            Page = Int("page", page, int.MaxValue, "Halaman harus angka positif."), PageSize = Int("pageSize", pageSize, Paging.MaxPageSize, $"Ukuran halaman 1 sampai {Paging.MaxPageSize}."),
        };
        if (fields.Count > 0) return Problems.From(new ValidationError("Parameter pencarian tidak valid.", fields));
        return (await SearchEvents.HandleAsync(db, actor, filter, clock, ct)).ToHttp();
    }

    private static async Task<IResult> Create(Actor actor, JalinDb db, TimeProvider clock, EventInput? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await CreateEvent.HandleAsync(db, actor, body, clock, ct)).ToHttp(id => TypedResults.Created($"/api/v1/events/{id}", new { id }));
    }

    private static async Task<IResult> MyTasks(Actor actor, JalinDb db, TimeProvider clock, bool? openOnly, CancellationToken ct) =>
        TypedResults.Ok(await MyFollowUps.HandleAsync(db, actor, clock, openOnly == true, ct));

    private static async Task<IResult> Get(Actor actor, JalinDb db, TimeProvider clock, Guid id, HttpContext http, CancellationToken ct)
    {
        var result = await GetEvent.HandleAsync(db, actor, id, clock, ct);
        if (result.Ok) http.Response.Headers.ETag = $"\"{result.Value!.Version}\"";
        return result.ToHttp();
    }

    private static async Task<IResult> Update(Actor actor, JalinDb db, TimeProvider clock, Guid id, EventInput? body, HttpContext http, int? version, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        var expected = version;
        if (expected is null && int.TryParse(http.Request.Headers.IfMatch.ToString().Replace("W/", "").Trim().Trim('"'), out var parsed)) expected = parsed;
        if (expected is null) return Problems.From(ValidationError.Of("version", "Sertakan versi yang Anda ubah: header If-Match: \"versi\" atau ?version=."));
        var result = await UpdateEvent.HandleAsync(db, actor, id, expected.Value, body, clock, ct);
        if (result.Ok) http.Response.Headers.ETag = $"\"{result.Value}\"";
        return result.ToHttp(v => TypedResults.Ok(new { id, version = v }));
    }

    private static async Task<IResult> Invite(Actor actor, JalinDb db, TimeProvider clock, Guid id, InviteRequest? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await InviteToEvent.HandleAsync(db, actor, id, body, clock, ct)).ToHttp(n => TypedResults.Ok(new { added = n }));
    }

    private static async Task<IResult> Uninvite(Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid inviteeId, CancellationToken ct) =>
        (await RemoveInvitee.HandleAsync(db, actor, id, inviteeId, clock, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<IResult> Act(Actor actor, JalinDb db, TimeProvider clock, Guid id, string action,
        [FromBody(EmptyBodyBehavior = Allow)] EventActionRequest? body, CancellationToken ct)
    {
        if (EventLabels.ParseAction(action) is not { } a)
            return Problems.From(new NotFoundError($"Tindakan kegiatan tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetValues<EventAction>().Select(x => x.Code()))}."));
        return (await ApplyEventAction.HandleAsync(db, actor, id, a, body ?? new EventActionRequest(), clock, ct)).ToHttp();
    }

    private static async Task<IResult> Attendance(Actor actor, JalinDb db, TimeProvider clock, Guid id, AttendanceRequest? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await RecordAttendance.HandleAsync(db, actor, id, body, clock, ct)).ToHttp(n => TypedResults.Ok(new { recorded = n }));
    }

    private static async Task<IResult> Minutes(Actor actor, JalinDb db, TimeProvider clock, Guid id, MinutesRequest? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await SaveMinutes.HandleAsync(db, actor, id, body, clock, ct)).ToHttp(v => TypedResults.Ok(new { id, version = v }));
    }

    private static async Task<IResult> FollowUp(Actor actor, JalinDb db, TimeProvider clock, Guid id, FollowUpInput? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await AddFollowUp.HandleAsync(db, actor, id, body, clock, ct)).ToHttp(f => TypedResults.Created($"/api/v1/events/{id}", new { id = f }));
    }

    private static async Task<IResult> FollowUpStatusPut(Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid followUpId, FollowUpStatusRequest? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await SetFollowUpStatus.HandleAsync(db, actor, id, followUpId, body, clock, ct)).ToHttp(s => TypedResults.Ok(new { status = s.ToString(), label = s.Label() }));
    }

    private static async Task<IResult> Upload(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return Problems.From(ValidationError.Of("file", "Kirim sebagai multipart/form-data dengan bagian 'file' dan 'title'."));
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        byte[]? content = null;
        if (file is not null)
        {
            if (file.Length > files.MaxBytes) return Problems.From(new TooLargeError(FileStore.TooLargeText(files.MaxBytes)));
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            content = ms.ToArray();
        }
        var result = await AttachEventMaterial.HandleAsync(db, files, actor, id, new EventMaterialRequest { Title = form["title"], Content = content, FileName = file?.FileName }, clock, ct);
        return result.ToHttp(m => TypedResults.Created($"/api/v1/events/{id}/materials/{m}/file", new { id = m }));
    }

    private static async Task<IResult> Download(Actor actor, JalinDb db, FileStore files, Guid id, Guid materialId, CancellationToken ct) =>
        (await DownloadEventFile.MaterialAsync(db, files, actor, id, materialId, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));

    private static async Task<IResult> Ics(Actor actor, JalinDb db, Guid id, CancellationToken ct) =>
        (await EventIcs.ForActorAsync(db, actor, id, ct)).ToHttp(f => TypedResults.File(f.Content, "text/calendar; charset=utf-8", f.FileName));

    private static async Task<IResult> BeritaAcara(Actor actor, JalinDb db, FileStore files, PdfConverter pdf, TimeProvider clock, Guid id, CancellationToken ct) =>
        (await GenerateBeritaAcara.HandleAsync(db, files, pdf, actor, id, clock, ct)).ToHttp();

    private static async Task<IResult> BeritaAcaraFile(Actor actor, JalinDb db, FileStore files, Guid id, CancellationToken ct) =>
        (await DownloadEventFile.BeritaAcaraAsync(db, files, actor, id, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));
}
