using Jalin.Core.Publication;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.GoodPractices;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Jalin.Web.Api;

/// <summary>The good-practice catalogue (issue #12 item 1) and the publication of accepted potentials and needs on the
/// public catalogue (/potensi). Publishing and withdrawing evict the portal's output cache.</summary>
public static class GoodPracticesApi
{
    public static void MapGoodPracticesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/good-practices").WithTags("Praktik baik");
        g.MapGet("", async (Actor actor, JalinDb db, string? urusan, string? region, string? q, CancellationToken ct) =>
                (await GoodPracticeUseCases.ListAsync(db, actor, urusan, region, q, ct)).ToHttp())
            .WithSummary("Daftar praktik baik: yang dipublikasikan dari semua daerah dan draf daerah Anda (urusan, region, q).");
        g.MapGet("/{id:guid}", async (Actor actor, JalinDb db, Guid id, CancellationToken ct) => (await GoodPracticeUseCases.GetAsync(db, actor, id, ct)).ToHttp())
            .WithSummary("Rincian praktik baik.");
        g.MapPost("", async (Actor actor, JalinDb db, TimeProvider clock, GoodPracticeInput? body, CancellationToken ct) =>
                (await GoodPracticeUseCases.CreateAsync(db, actor, body, clock, ct)).ToHttp(v => TypedResults.Created($"/api/v1/good-practices/{v.Id}", v)))
            .WithSummary("Catat praktik baik daerah Anda (Draf): title, affairCode, problem, actions, partners, results [{indicator, figure, unit}], contactOffice, contactEmail, agreementIds.");
        g.MapPut("/{id:guid}", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, GoodPracticeInput? body, CancellationToken ct) =>
                (await GoodPracticeUseCases.UpdateAsync(db, actor, id, body, clock, ct)).ToHttp())
            .WithSummary("Ubah praktik baik daerah Anda.");
        g.MapPut("/{id:guid}/publication", async (Actor actor, JalinDb db, TimeProvider clock, IOutputCacheStore cache, PortalFigures figures, Guid id, CancellationToken ct) =>
            {
                var result = await GoodPracticeUseCases.PublishAsync(db, actor, id, true, clock, ct);
                if (result.Ok) await PortalCache.EvictAsync(cache, figures, ct);
                return result.ToHttp();
            })
            .WithSummary("Publikasikan praktik baik di portal publik (petugas Bagian Kerja Sama daerah pemilik).");
        g.MapDelete("/{id:guid}/publication", async (Actor actor, JalinDb db, TimeProvider clock, IOutputCacheStore cache, PortalFigures figures, Guid id, CancellationToken ct) =>
            {
                var result = await GoodPracticeUseCases.PublishAsync(db, actor, id, false, clock, ct);
                if (result.Ok) await PortalCache.EvictAsync(cache, figures, ct);
                return result.ToHttp();
            })
            .WithSummary("Tarik praktik baik dari portal publik.");
        g.MapPost("/{id:guid}/replicate", async (Actor actor, JalinDb db, TimeProvider clock, Guid id,
                [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ReplicateInput? body, CancellationToken ct) =>
                (await GoodPracticeUseCases.ReplicateAsync(db, actor, id, body, clock, ct)).ToHttp(r => TypedResults.Created($"/api/v1/proposals/{r.ProposalId}", r)))
            .WithSummary("Replikasi praktik baik daerah lain menjadi usulan (Draf) daerah Anda: agencyId = perangkat daerah pemrakarsa.");
        g.MapPost("/{id:guid}/documents", async (Actor actor, JalinDb db, FileStore files, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                    return Problems.From(Jalin.Core.Common.ValidationError.Of("file", "Kirim sebagai multipart/form-data dengan bagian 'file' (PDF) dan 'title'."));
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                byte[]? content = null;
                if (file is not null)
                {
                    if (file.Length > files.MaxBytes) return Problems.From(new Jalin.Core.Common.TooLargeError(FileStore.TooLargeText(files.MaxBytes)));
                    using var ms = new MemoryStream();
                    await file.CopyToAsync(ms, ct);
                    content = ms.ToArray();
                }
                return (await GoodPracticeUseCases.AttachAsync(db, files, actor, id, new AttachPracticeDocumentRequest(form["title"], content, file?.FileName), clock, ct))
                    .ToHttp(d => TypedResults.Created($"/api/v1/good-practices/{id}/documents/{d.Id}", d));
            })
            .DisableAntiforgery()
            .WithSummary("Unggah dokumen PDF praktik baik (multipart: file, title).");
        g.MapGet("/{id:guid}/documents/{documentId:guid}", async (Actor actor, JalinDb db, FileStore files, Guid id, Guid documentId, CancellationToken ct) =>
                (await GoodPracticeUseCases.DownloadAsync(db, files, actor, id, documentId, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .WithSummary("Unduh dokumen praktik baik.");

        var m = api.MapGroup("/mapping/items/{id:guid}/publication").WithTags("Pemetaan");
        m.MapPut("", async (Actor actor, JalinDb db, TimeProvider clock, IOutputCacheStore cache, PortalFigures figures, Guid id, CancellationToken ct) =>
            {
                var result = await MappingPublication.SetAsync(db, actor, id, true, clock, ct);
                if (result.Ok) await PortalCache.EvictAsync(cache, figures, ct);
                return result.ToHttp();
            })
            .WithSummary("Tampilkan potensi atau kebutuhan yang sudah diterima di katalog publik /potensi.");
        m.MapDelete("", async (Actor actor, JalinDb db, TimeProvider clock, IOutputCacheStore cache, PortalFigures figures, Guid id, CancellationToken ct) =>
            {
                var result = await MappingPublication.SetAsync(db, actor, id, false, clock, ct);
                if (result.Ok) await PortalCache.EvictAsync(cache, figures, ct);
                return result.ToHttp();
            })
            .WithSummary("Tarik potensi atau kebutuhan dari katalog publik.");
    }

    /// <summary>The anonymous download of a published practice's document (the portal's link).</summary>
    public static void MapGoodPracticeDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/praktik-baik/{id:guid}/dokumen/{documentId:guid}", async (JalinDb db, FileStore files, Guid id, Guid documentId, CancellationToken ct) =>
                (await PublicCatalogue.DocumentAsync(db, files, id, documentId, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .AllowAnonymous()
            .CachedForPortal()
            .ExcludeFromDescription();
    }
}
