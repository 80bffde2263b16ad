using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Monitoring;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>"Unduh" of the four lists (agreements, partners, proposals, the OPD's progress reports) as XLSX or CSV, with the
/// list's own filters and visibility: GET /api/v1/.../export for token callers, and the same handlers at
/// /app/...-unduh for the signed-in back office (a plain link the browser downloads with its cookie, like the
/// statistics and report downloads).</summary>
public static class ListExportsApi
{
    private const string FormatText = " format: xlsx (bawaan) atau csv. Paling banyak 200.000 baris (Export__MaxRows); lebih dari itu ditolak (400).";

    public static void MapListExportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/agreements/export", async (Actor actor, JalinDb db, ListExportOptions options, TimeProvider clock, string? format,
                [AsParameters] AgreementQuery q, CancellationToken ct) => await AgreementsAsync(actor, db, options, clock, format, q, ct))
            .WithTags("Kerja sama").WithSummary("Unduh daftar kerja sama dengan filter dan urutan yang sama dengan GET /agreements (semua halaman)." + FormatText);
        api.MapGet("/partners/export", async (Actor actor, JalinDb db, ListExportOptions options, TimeProvider clock, string? format, string? q, string? kind,
                CancellationToken ct) => await PartnersAsync(actor, db, options, clock, format, q, kind, ct))
            .WithTags("Mitra").WithSummary("Unduh daftar mitra dengan pencarian yang sama dengan GET /partners (q, kind)." + FormatText);
        api.MapGet("/proposals/export", async (Actor actor, JalinDb db, ListExportOptions options, TimeProvider clock, string? format,
                [AsParameters] ProposalQuery q, CancellationToken ct) => await ProposalsAsync(actor, db, options, clock, format, q, ct))
            .WithTags("Usulan").WithSummary("Unduh daftar usulan dengan filter yang sama dengan GET /proposals (q, status, agencyId, year)." + FormatText);
        api.MapGet("/progress-reports/mine/export", async (Actor actor, JalinDb db, ListExportOptions options, TimeProvider clock, string? format,
                CancellationToken ct) => await MyProgressReportsAsync(actor, db, options, clock, format, ct))
            .WithTags("Pemantauan").WithSummary("Unduh \"Laporan kemajuan saya\" (pengguna OPD), sama dengan GET /progress-reports/mine." + FormatText);
    }

    /// <summary>The same downloads for the signed-in back office; the list pages' "Unduh" menu links here.</summary>
    public static void MapListExportDownloads(this IEndpointRouteBuilder app)
    {
        Cookie(app.MapGet("/app/kerja-sama-unduh", async (HttpContext http, CurrentActorAccessor actors, JalinDb db, ListExportOptions options, TimeProvider clock,
                string? format, [AsParameters] AgreementQuery q, CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor ? await AgreementsAsync(actor, db, options, clock, format, q, ct) : Results.Challenge()));
        Cookie(app.MapGet("/app/mitra-unduh", async (HttpContext http, CurrentActorAccessor actors, JalinDb db, ListExportOptions options, TimeProvider clock,
                string? format, string? q, string? kind, CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor ? await PartnersAsync(actor, db, options, clock, format, q, kind, ct) : Results.Challenge()));
        Cookie(app.MapGet("/app/usulan-unduh", async (HttpContext http, CurrentActorAccessor actors, JalinDb db, ListExportOptions options, TimeProvider clock,
                string? format, [AsParameters] ProposalQuery q, CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor ? await ProposalsAsync(actor, db, options, clock, format, q, ct) : Results.Challenge()));
        Cookie(app.MapGet("/app/laporan-kemajuan-unduh", async (HttpContext http, CurrentActorAccessor actors, JalinDb db, ListExportOptions options,
                TimeProvider clock, string? format, CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor ? await MyProgressReportsAsync(actor, db, options, clock, format, ct) : Results.Challenge()));
    }

    private static void Cookie(RouteHandlerBuilder route) => route
        .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
        .ExcludeFromDescription();

    private static async Task<IResult> AgreementsAsync(CurrentActor actor, JalinDb db, ListExportOptions options, TimeProvider clock, string? format,
        AgreementQuery q, CancellationToken ct)
    {
        var f = ListExport.ParseFormat(format);
        if (!f.Ok) return Problems.From(f.Error!);
        var parse = q.ToFilter();
        if (parse.Error is not null) return Problems.From(parse.Error);
        return File(await ExportAgreements.HandleAsync(db, actor, parse.Filter!, f.Value, options, clock, ct));
    }

    private static async Task<IResult> PartnersAsync(CurrentActor actor, JalinDb db, ListExportOptions options, TimeProvider clock, string? format,
        string? q, string? kind, CancellationToken ct)
    {
        var f = ListExport.ParseFormat(format);
        if (!f.Ok) return Problems.From(f.Error!);
        var k = RegistryApi.ParsePartnerKind(kind);
        if (!k.Ok) return Problems.From(k.Error!);
        return File(await ExportPartners.HandleAsync(db, actor, q, k.Value, f.Value, options, clock, ct));
    }

    private static async Task<IResult> ProposalsAsync(CurrentActor actor, JalinDb db, ListExportOptions options, TimeProvider clock, string? format,
        ProposalQuery q, CancellationToken ct)
    {
        var f = ListExport.ParseFormat(format);
        if (!f.Ok) return Problems.From(f.Error!);
        var parse = q.ToFilter();
        if (parse.Error is not null) return Problems.From(parse.Error);
        return File(await ExportProposals.HandleAsync(db, actor, parse.Filter!, f.Value, options, clock, ct));
    }

    private static async Task<IResult> MyProgressReportsAsync(CurrentActor actor, JalinDb db, ListExportOptions options, TimeProvider clock, string? format,
        CancellationToken ct)
    {
        var f = ListExport.ParseFormat(format);
        if (!f.Ok) return Problems.From(f.Error!);
        return File(await ExportMyProgressReports.HandleAsync(db, actor, f.Value, options, clock, ct));
    }

    /// <summary>Streams the temporary file (deleted when the response is done) as an attachment.</summary>
    private static IResult File(Result<ExportedList> result) =>
        result.ToHttp(e => TypedResults.Stream(e.Content, e.ContentType, e.FileName));
}
