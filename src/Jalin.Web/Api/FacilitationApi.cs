using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Facilitation;
using Jalin.Core.Files;
using Jalin.Core.Threads;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Jalin.Web.Api;

/// <summary>The facilitation desk (layanan fasilitasi) and the discussion threads of its requests and of the TKKSD.</summary>
public static class FacilitationApi
{
    public static void MapFacilitationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/facilitation").WithTags("Fasilitasi");
        g.MapGet("", List).WithSummary("Antrean fasilitasi daerah Anda (list=queue, urut tenggat) atau permohonan Anda (list=mine); closed=true menyertakan yang selesai/ditolak.");
        g.MapPost("", Create).WithSummary("Ajukan permohonan fasilitasi (regionCode, kind, title, description, tautan opsional; counterpartRegionCode untuk koordinasi teknis).");
        g.MapGet("/{id:guid}", Get).WithSummary("Rincian permohonan fasilitasi, riwayat dan tindakan yang tersedia.");
        g.MapPost("/{id:guid}/actions/{action}", Act).WithSummary("Tindakan: take, ask-requester, respond, complete, reject (isi: note, officerUserId, coordinationMapping, headsAgreementDate, headsAgreementReference).");

        var t = api.MapGroup("/threads").WithTags("Diskusi");
        t.MapGet("/{subjectType}/{subjectId:guid}/messages", Messages).WithSummary("Pesan diskusi sebuah subjek (FacilitationRequest, TkksdAgreement, TkksdProposal); hak baca mengikuti subjeknya.");
        t.MapPost("/{subjectType}/{subjectId:guid}/messages", Post).WithSummary("Kirim pesan (multipart: text, files; atau JSON: text). Lampiran diperiksa menurut isinya (PDF, DOCX, PNG, JPEG).");
        t.MapGet("/{subjectType}/{subjectId:guid}/attachments/{attachmentId:guid}", Download).WithSummary("Unduh lampiran pesan diskusi.");
    }

    private static async Task<IResult> List(Actor actor, JalinDb db, TimeProvider clock, string? list, string? closed, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        var which = FacilitationList.Mine;
        if (!string.IsNullOrWhiteSpace(list))
        {
            if (string.Equals(list, "queue", StringComparison.OrdinalIgnoreCase)) which = FacilitationList.Queue;
            else if (!string.Equals(list, "mine", StringComparison.OrdinalIgnoreCase)) fields["list"] = ["Pilih list=queue (antrean) atau list=mine (permohonan saya)."];
        }
        var includeClosed = false;
        if (!string.IsNullOrWhiteSpace(closed) && !bool.TryParse(closed, out includeClosed)) fields["closed"] = ["closed harus true atau false."];
        if (fields.Count > 0) return Problems.From(new ValidationError("Parameter tidak valid.", fields));
        return (await ListFacilitationRequests.HandleAsync(db, actor, which, includeClosed, clock, ct)).ToHttp();
    }

    private static async Task<IResult> Create(Actor actor, JalinDb db, TimeProvider clock, FacilitationInput? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await CreateFacilitationRequest.HandleAsync(db, actor, body, clock, ct)).ToHttp(id => TypedResults.Created($"/api/v1/facilitation/{id}", new { id }));
    }

    private static async Task<IResult> Get(Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        (await GetFacilitationRequest.HandleAsync(db, actor, id, clock, ct)).ToHttp();

    private static async Task<IResult> Act(Actor actor, JalinDb db, TimeProvider clock, Guid id, string action,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] FacilitationActionRequest? body, CancellationToken ct)
    {
        if (FacilitationLabels.ParseAction(action) is not { } a)
            return Problems.From(new NotFoundError($"Tindakan fasilitasi tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetValues<FacilitationAction>().Select(x => x.Code()))}."));
        return (await ApplyFacilitationAction.HandleAsync(db, actor, id, a, body ?? new FacilitationActionRequest(), clock, ct)).ToHttp();
    }

    private static ThreadSubjectType? Subject(string raw) =>
        Enum.TryParse<ThreadSubjectType>(raw, true, out var t) && Enum.IsDefined(t) && !int.TryParse(raw, out _) ? t : null;

    private static IResult UnknownSubject() =>
        Problems.From(new NotFoundError($"Jenis subjek diskusi tidak dikenal. Pilih salah satu: {string.Join(", ", Enum.GetNames<ThreadSubjectType>())}."));

    private static async Task<IResult> Messages(Actor actor, JalinDb db, string subjectType, Guid subjectId, CancellationToken ct) =>
        Subject(subjectType) is { } t ? (await ListThreadMessages.HandleAsync(db, actor, t, subjectId, ct)).ToHttp() : UnknownSubject();

    private static async Task<IResult> Post(Actor actor, JalinDb db, FileStore files, TimeProvider clock, string subjectType, Guid subjectId, HttpRequest request, CancellationToken ct)
    {
        if (Subject(subjectType) is not { } t) return UnknownSubject();
        string? text;
        var list = new List<ThreadFile>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            text = form["text"];
            foreach (var f in form.Files)
            {
                if (f.Length > files.MaxBytes) return Problems.From(new TooLargeError(FileStore.TooLargeText(files.MaxBytes)));
                using var ms = new MemoryStream();
                await f.CopyToAsync(ms, ct);
                list.Add(new ThreadFile(ms.ToArray(), f.FileName));
            }
        }
        else if (request.HasJsonContentType())
        {
            TextBody? body;
            try { body = await request.ReadFromJsonAsync<TextBody>(ct); }
            catch (System.Text.Json.JsonException) { return Problems.From(ValidationError.Of("body", "Isi permintaan bukan JSON yang sah.")); }
            text = body?.Text;
        }
        else return Problems.From(ValidationError.Of("text", "Kirim sebagai multipart/form-data (text, files) atau JSON ({\"text\": ...})."));
        var result = await PostThreadMessage.HandleAsync(db, files, actor, t, subjectId, new PostMessageRequest { Text = text, Files = list }, clock, ct);
        return result.ToHttp(m => TypedResults.Created($"/api/v1/threads/{t}/{subjectId}/messages", m));
    }

    private sealed record TextBody(string? Text);

    private static async Task<IResult> Download(Actor actor, JalinDb db, FileStore files, string subjectType, Guid subjectId, Guid attachmentId, CancellationToken ct) =>
        Subject(subjectType) is { } t
            ? (await DownloadThreadAttachment.HandleAsync(db, files, actor, t, subjectId, attachmentId, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName))
            : UnknownSubject();
}
