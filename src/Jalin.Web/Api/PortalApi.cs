using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.PartnerPortal;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Jalin.Web.Api;

/// <summary>The Bagian Kerja Sama's acts on an usulan that came through the partner portal (/mitra): read the sender,
/// ask for documents, link or create the partner, give the partner an account. The portal itself is the public
/// /mitra pages; these are the back office's side.</summary>
public static class PortalApi
{
    public static void MapPortalApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/proposals/{id:guid}/portal").WithTags("Portal mitra");
        g.MapGet("", async (Actor actor, JalinDb db, Guid id, CancellationToken ct) =>
                (await GetPortalInfo.HandleAsync(db, actor, id, ct)).ToHttp(info => info is null
                    ? Problems.From(new NotFoundError("Usulan ini tidak berasal dari portal mitra."))
                    : TypedResults.Ok(info)))
            .WithSummary("Pengirim usulan dari portal mitra: identitas, kemungkinan duplikat mitra, permintaan dokumen dan jawabannya, akun mitra.");
        g.MapPost("/requests", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, PortalRequestInput? body, CancellationToken ct) =>
                body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                    : (await PortalOfficer.RequestDocumentsAsync(db, actor, id, body, clock, ct)).ToHttp(v => TypedResults.Created($"/api/v1/proposals/{id}/portal", v)))
            .WithSummary("Minta dokumen tambahan kepada pengirim (message); tampil di halaman status pribadinya dan dikirim ke surelnya.");
        g.MapPost("/link", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, PortalLinkInput? body, CancellationToken ct) =>
                body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                    : (await PortalOfficer.LinkPartnerAsync(db, actor, id, body, clock, ct)).ToHttp(partnerId => TypedResults.Ok(new { partnerId })))
            .WithSummary("Tautkan pengirim ke mitra terdaftar (partnerId) atau buat mitranya dari pengajuan (create: true).");
        g.MapPost("/partner-account", async (Actor actor, JalinDb db, UserManager<ApplicationUser> users, Guid id, PartnerAccountInput? body, CancellationToken ct) =>
                body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                    : (await CreatePartnerAccount.HandleAsync(db, users, actor, id, body, ct)).ToHttp(v => TypedResults.Created($"/api/v1/proposals/{id}/portal", v)))
            .WithSummary("Buat akun Penghubung Mitra (userName) untuk mitra yang telah ditautkan; kata sandi awal ditampilkan sekali.");
    }
}
