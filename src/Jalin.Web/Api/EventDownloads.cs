using Jalin.Core.Data;
using Jalin.Core.Events;
using Jalin.Core.Files;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Jalin.Web.Api;

/// <summary>An event's material, berita acara and .ics for the signed-in back office (same checks as the API).</summary>
public static class EventDownloads
{
    public static void MapEventDownloads(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/app/berkas-acara/{id:guid}")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        g.MapGet("/bahan/{materialId:guid}", async (Guid id, Guid materialId, HttpContext http, CurrentActorAccessor actors, JalinDb db, FileStore files, CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor
                ? (await DownloadEventFile.MaterialAsync(db, files, actor, id, materialId, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName))
                : Results.Challenge()).ExcludeFromDescription();
        g.MapGet("/berita-acara", async (Guid id, HttpContext http, CurrentActorAccessor actors, JalinDb db, FileStore files, CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor
                ? (await DownloadEventFile.BeritaAcaraAsync(db, files, actor, id, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName))
                : Results.Challenge()).ExcludeFromDescription();
        g.MapGet("/ics", async (Guid id, HttpContext http, CurrentActorAccessor actors, JalinDb db, CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor
                ? (await EventIcs.ForActorAsync(db, actor, id, ct)).ToHttp(f => TypedResults.File(f.Content, "text/calendar; charset=utf-8", f.FileName))
                : Results.Challenge()).ExcludeFromDescription();
    }
}
