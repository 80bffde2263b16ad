using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Offers;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>Offers between regions (issue #10 item 5): the addressed region's incoming queue and answer, each party's own
/// record (document number, its own DPRD approval), and what the shared record waits for from whom.</summary>
public static class OffersApi
{
    public static void MapOffersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/offers").WithTags("Penawaran antardaerah");
        g.MapGet("/incoming", Incoming).WithSummary("Penawaran masuk untuk daerah Anda: yang menunggu jawaban dan yang sudah dijawab.");
        g.MapPost("/{id:guid}/answer", Answer).WithSummary("Jawab penawaran sebagai daerah yang ditawari (JSON atau multipart: decision = accept|decline|revise, reason, letterNumber, letterDate, file).");
        var a = api.MapGroup("/agreements").WithTags("Penawaran antardaerah");
        a.MapGet("/{id:guid}/waiting", Waiting).WithSummary("Yang masih ditunggu dari setiap pihak, menurut tahap kerja sama dan catatan setiap pihak.");
        a.MapGet("/{id:guid}/party-records", PartyRecordsList).WithSummary("Nomor naskah dan persetujuan DPRD setiap daerah pihak.");
        a.MapPut("/{id:guid}/party-records/mine", PartyRecordUpdate).WithSummary("Catat nomor naskah dan persetujuan DPRD daerah Anda sebagai pihak (PP 28/2018 Pasal 6 ayat (2)).");
    }

    private static async Task<IResult> Incoming(Actor actor, JalinDb db, CancellationToken ct) =>
        (await ListIncomingOffers.HandleAsync(db, actor, ct)).ToHttp();

    private static async Task<IResult> Answer(Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct)
    {
        AnswerOfferRequest? body;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            DateOnly? letterDate = null;
            if (form["letterDate"].ToString() is { Length: > 0 } s)
            {
                if (DateOnly.TryParseExact(s, "yyyy-MM-dd", out var d)) letterDate = d;
                else return Problems.From(ValidationError.Of("letterDate", "Tanggal surat jawaban dengan format YYYY-MM-DD."));
            }
            int? version = int.TryParse(form["expectedVersion"], out var v) ? v : null;
            var file = form.Files.GetFile("file");
            byte[]? content = null;
            if (file is not null)
            {
                if (file.Length > files.MaxBytes) return Problems.From(new TooLargeError(FileStore.TooLargeText(files.MaxBytes)));
                using var ms = new MemoryStream();
                await file.CopyToAsync(ms, ct);
                content = ms.ToArray();
            }
            body = new AnswerOfferRequest
            {
                Decision = form["decision"], Reason = form["reason"], LetterNumber = form["letterNumber"], LetterDate = letterDate, ExpectedVersion = version,
                Content = content, FileName = file?.FileName,
            };
        }
        else
        {
            try { body = await request.ReadFromJsonAsync<AnswerOfferRequest>(ct); }
            catch (System.Text.Json.JsonException) { return Problems.From(ValidationError.Of("body", "Isi permintaan bukan JSON yang benar (tanggal dengan format YYYY-MM-DD).")); }
            catch (InvalidOperationException) { return Problems.From(ValidationError.Of("body", "Kirim jawaban sebagai JSON atau multipart/form-data.")); }
            if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
            // A file travels only in multipart; JSON carries no bytes.
            body = body with { Content = null, FileName = null };
        }
        return (await AnswerOffer.HandleAsync(db, files, actor, id, body, clock, ct)).ToHttp();
    }

    private static async Task<IResult> Waiting(Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        (await WaitingOn.HandleAsync(db, actor, id, clock, ct)).ToHttp();

    private static async Task<IResult> PartyRecordsList(Actor actor, JalinDb db, Guid id, CancellationToken ct) =>
        (await PartyRecords.ListAsync(db, actor, id, ct)).ToHttp();

    private static async Task<IResult> PartyRecordUpdate(Actor actor, JalinDb db, TimeProvider clock, Guid id, PartyRecordRequest? body, CancellationToken ct)
    {
        if (body is null) return Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));
        return (await PartyRecords.UpdateAsync(db, actor, id, body, clock, ct)).ToHttp();
    }
}
