using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Jalin.Web.Api;

/// <summary>Cookie-authenticated endpoints of the back office (sign-out, file downloads).</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/keluar", async (HttpContext http, SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, CurrentActorAccessor actors) =>
        {
            // A new security stamp ends this account's other tabs, circuits and bearer tokens too.
            if (await users.GetUserAsync(http.User) is { } user
                && await actors.StatusAsync(http.User) != SessionStatus.Ended)
                await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/masuk");
        }).ExcludeFromDescription();

        // "/" is the public portal home (Components/Pages/Portal/HomePage.razor).

        // Files are served as attachments only, after the same visibility checks as the API.
        app.MapGet("/app/berkas/{agreementId:guid}/{documentId:guid}", async (Guid agreementId, Guid documentId, HttpContext http,
                CurrentActorAccessor actors, JalinDb db, FileStore files, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(http.User, ct);
                if (actor is null) return Results.Challenge();
                return (await DownloadDocument.HandleAsync(db, files, actor, agreementId, documentId, ct))
                    .ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();

        // A proposal's attachment for the signed-in back office (same checks as the API).
        app.MapGet("/app/berkas-usulan/{proposalId:guid}/{attachmentId:guid}", async (Guid proposalId, Guid attachmentId, HttpContext http,
                CurrentActorAccessor actors, JalinDb db, FileStore files, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(http.User, ct);
                if (actor is null) return Results.Challenge();
                return (await Jalin.Core.Proposals.DownloadProposalFile.HandleAsync(db, files, actor, proposalId, attachmentId, ct))
                    .ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();

        // A discussion message's attachment (facilitation requests, TKKSD discussions) with the thread's access rule.
        app.MapGet("/app/berkas-diskusi/{subjectType}/{subjectId:guid}/{attachmentId:guid}", async (string subjectType, Guid subjectId, Guid attachmentId, HttpContext http,
                CurrentActorAccessor actors, JalinDb db, FileStore files, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(http.User, ct);
                if (actor is null) return Results.Challenge();
                if (!Enum.TryParse<Jalin.Core.Threads.ThreadSubjectType>(subjectType, true, out var type) || !Enum.IsDefined(type) || int.TryParse(subjectType, out _))
                    return Problems.From(new Jalin.Core.Common.NotFoundError("Lampiran tidak ditemukan."));
                return (await Jalin.Core.Threads.DownloadThreadAttachment.HandleAsync(db, files, actor, type, subjectId, attachmentId, ct))
                    .ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();

        // A draft version as DOCX or PDF for the signed-in back office (same checks as the API).
        app.MapGet("/app/rancangan/{agreementId:guid}/{draftId:guid}/{format}", async (Guid agreementId, Guid draftId, string format, int? versi, HttpContext http,
                CurrentActorAccessor actors, JalinDb db, FileStore files, Jalin.Core.Drafting.PdfConverter pdf, TimeProvider clock, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(http.User, ct);
                if (actor is null) return Results.Challenge();
                var file = format switch
                {
                    "docx" => await Jalin.Core.Drafting.DraftUseCases.DocxAsync(db, files, actor, agreementId, draftId, versi, clock, ct),
                    "pdf" => await Jalin.Core.Drafting.DraftPdf.HandleAsync(db, files, pdf, actor, agreementId, draftId, versi, clock, ct),
                    _ => (Jalin.Core.Common.Result<DownloadableFile>)new Jalin.Core.Common.NotFoundError("Format tidak dikenal: pilih docx atau pdf."),
                };
                return file.ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName));
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();

        app.MapMappingDownloads();
        app.MapMonitoringDownloads();
        app.MapEventDownloads();
        app.MapMonevDownloads();
        app.MapStatisticsDownloads();
        app.MapUpwardReportDownloads();
        app.MapForeignDutyDownloads();
        app.MapCalendarFeed();
        app.MapRobotsTxt();
        app.MapGoodPracticeDownloads();
        app.MapListExportDownloads();
        app.MapRegionExportDownload();
    }
}
