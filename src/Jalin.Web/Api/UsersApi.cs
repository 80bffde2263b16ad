using Jalin.Core.Audit;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Api;

public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("Pengguna (admin)");
        g.MapGet("", async (Actor actor, JalinDb db, TimeProvider clock, string? q, string? regionCode, int? page, int? pageSize, CancellationToken ct) =>
            (await UserAdmin.ListAsync(db, actor, q, regionCode, page, pageSize, clock, ct)).ToHttp());
        g.MapPost("", async (Actor actor, JalinDb db, UserManager<ApplicationUser> users, TimeProvider clock, UserInput? body, CancellationToken ct) =>
            body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                : (await UserAdmin.CreateAsync(db, users, actor, body, clock, ct)).ToHttp(u => TypedResults.Created($"/api/v1/users/{u.Id}", u)));
        g.MapPut("/{id}", async (Actor actor, JalinDb db, UserManager<ApplicationUser> users, TimeProvider clock, string id, UserInput? body, CancellationToken ct) =>
            body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                : (await UserAdmin.UpdateAsync(db, users, actor, id, body, clock, ct)).ToHttp());
    }

    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("Jejak audit");
        g.MapGet("", async (Actor actor, JalinDb db, string? regionCode, int? page, int? pageSize, CancellationToken ct) =>
                (await ListAudit.HandleAsync(db, actor.Value, regionCode, page, pageSize, ct)).ToHttp())
            .WithSummary("Jejak audit: auditor membaca daerahnya beserta isinya; administrator sistem membaca siapa, kapan dan apa tanpa isi catatan daerah.");
        g.MapGet("/verify", async (Actor actor, JalinDb db, AuditAnchorLog anchors, CancellationToken ct) =>
        {
            var a = actor.Value;
            if (a.Role is not (Role.SystemAdmin or Role.Auditor)) return Problems.From(new ForbiddenError("Pemeriksaan jejak audit hanya untuk auditor dan administrator sistem."));
            var reports = await VerifyAudit.RunAsync(db, a.Role == Role.Auditor ? a.RegionCode : null, anchors, ct);
            return TypedResults.Ok(reports.Select(r => new
            {
                r.RegionCode, r.Rows, ok = r.Intact, firstBrokenSequence = r.FirstBroken?.Sequence, firstBrokenId = r.FirstBroken?.Id, r.Problem,
            }));
        });
    }
}
