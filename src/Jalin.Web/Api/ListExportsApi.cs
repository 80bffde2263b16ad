using System.Reflection;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Monitoring;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>The four lists a user downloads ("Unduh"): agreements, partners, proposals, the OPD's progress reports.</summary>
public enum ExportList { Agreements, Partners, Proposals, MyProgressReports }

/// <summary>A list download as the API and the list pages ask for it: the format and the list's own filters, parsed with
/// the list API's messages, become the planner that both the direct download and the background job run.</summary>
public sealed class ListExportRequests(ListExportOptions options, TimeProvider clock)
{
    public Result<ListExportPlanner> Agreements(CurrentActor actor, string? format, AgreementQuery q)
    {
        var f = ListExport.ParseFormat(format);
        if (!f.Ok) return f.Error!;
        var parse = q.ToFilter();
        if (parse.Error is not null) return parse.Error;
        return new ListExportPlanner((db, ct) => ExportAgreements.HandleAsync(db, actor, parse.Filter!, f.Value, options, clock, ct));
    }

    public Result<ListExportPlanner> Partners(CurrentActor actor, string? format, string? q, string? kind)
    {
        var f = ListExport.ParseFormat(format);
        if (!f.Ok) return f.Error!;
        var k = RegistryApi.ParsePartnerKind(kind);
        if (!k.Ok) return k.Error!;
        return new ListExportPlanner((db, ct) => ExportPartners.HandleAsync(db, actor, q, k.Value, f.Value, options, clock, ct));
    }

    public Result<ListExportPlanner> Proposals(CurrentActor actor, string? format, ProposalQuery q)
    {
        var f = ListExport.ParseFormat(format);
        if (!f.Ok) return f.Error!;
        var parse = q.ToFilter();
        if (parse.Error is not null) return parse.Error;
        return new ListExportPlanner((db, ct) => ExportProposals.HandleAsync(db, actor, parse.Filter!, f.Value, options, clock, ct));
    }

    public Result<ListExportPlanner> MyProgressReports(CurrentActor actor, string? format)
    {
        var f = ListExport.ParseFormat(format);
        if (!f.Ok) return f.Error!;
        return new ListExportPlanner((db, ct) => ExportMyProgressReports.HandleAsync(db, actor, f.Value, options, clock, ct));
    }

    /// <summary>The request of a list page's "Unduh" menu: its filters under the list API's query names, bound as the API binds them.</summary>
    public Result<ListExportPlanner> For(ExportList list, CurrentActor actor, string format, IEnumerable<KeyValuePair<string, string?>> query)
    {
        var values = query.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value!.Trim(), StringComparer.OrdinalIgnoreCase);
        return list switch
        {
            ExportList.Agreements => Agreements(actor, format, Bind<AgreementQuery>(values)),
            ExportList.Partners => Partners(actor, format, values.GetValueOrDefault("q"), values.GetValueOrDefault("kind")),
            ExportList.Proposals => Proposals(actor, format, Bind<ProposalQuery>(values)),
            _ => MyProgressReports(actor, format),
        };
    }

    /// <summary>The back office address that downloads the list at once with the sign-in cookie.</summary>
    public static string DownloadPath(ExportList list) => list switch
    {
        ExportList.Agreements => "/app/kerja-sama-unduh",
        ExportList.Partners => "/app/mitra-unduh",
        ExportList.Proposals => "/app/usulan-unduh",
        _ => "/app/laporan-kemajuan-unduh",
    };

    /// <summary>Sets each string property named by a query key (any case), as <c>[AsParameters]</c> does for the API.</summary>
    private static T Bind<T>(IReadOnlyDictionary<string, string> values) where T : new()
    {
        var bound = new T();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string)))
            if (values.TryGetValue(property.Name, out var value)) property.SetValue(bound, value);
        return bound;
    }
}

/// <summary>"Unduh" of the four lists as XLSX or CSV, with the list's own filters and visibility. GET /api/v1/.../export
/// writes the file at once (and the same at /app/...-unduh for the signed-in back office: a plain link the browser
/// downloads with its cookie); POST /api/v1/.../export makes it in the background (<see cref="ListExportJobs"/>), followed and
/// downloaded at /api/v1/export-jobs/{id} and, in the back office, on "Unduhan saya" (/app/unduhan).</summary>
public static class ListExportsApi
{
    private const string FormatText = " format: xlsx (bawaan) atau csv. Paling banyak 200.000 baris (Export__MaxRows); lebih dari itu ditolak (400).";
    private const string JobText = " Berkas dibuat di latar belakang: 202 dengan status unduhan dan Location-nya (GET /export-jobs/{id}); unduh dari "
        + "GET /export-jobs/{id}/file setelah selesai (disimpan 24 jam). Hanya pengguna yang memulainya yang melihatnya. Paling banyak 2 unduhan "
        + "berjalan sekaligus per pengguna (409; Export__MaxRunningPerUser)." + FormatText;

    public static void MapListExportsApi(this RouteGroupBuilder api)
    {
        const string agreements = "Unduh daftar kerja sama dengan filter dan urutan yang sama dengan GET /agreements (semua halaman).";
        api.MapGet("/agreements/export", async (Actor actor, JalinDb db, ListExportRequests r, string? format, [AsParameters] AgreementQuery q,
                CancellationToken ct) => await DirectAsync(db, r.Agreements(actor, format, q), ct))
            .WithTags("Kerja sama").WithSummary(agreements + FormatText);
        api.MapPost("/agreements/export", async (Actor actor, ListExportJobs jobs, ListExportRequests r, string? format, [AsParameters] AgreementQuery q,
                CancellationToken ct) => await StartAsync(actor, jobs, r.Agreements(actor, format, q), ct))
            .WithTags("Kerja sama").WithSummary(agreements + JobText);

        const string partners = "Unduh daftar mitra dengan pencarian yang sama dengan GET /partners (q, kind).";
        api.MapGet("/partners/export", async (Actor actor, JalinDb db, ListExportRequests r, string? format, string? q, string? kind, CancellationToken ct) =>
                await DirectAsync(db, r.Partners(actor, format, q, kind), ct))
            .WithTags("Mitra").WithSummary(partners + FormatText);
        api.MapPost("/partners/export", async (Actor actor, ListExportJobs jobs, ListExportRequests r, string? format, string? q, string? kind,
                CancellationToken ct) => await StartAsync(actor, jobs, r.Partners(actor, format, q, kind), ct))
            .WithTags("Mitra").WithSummary(partners + JobText);

        const string proposals = "Unduh daftar usulan dengan filter yang sama dengan GET /proposals (q, status, agencyId, year).";
        api.MapGet("/proposals/export", async (Actor actor, JalinDb db, ListExportRequests r, string? format, [AsParameters] ProposalQuery q,
                CancellationToken ct) => await DirectAsync(db, r.Proposals(actor, format, q), ct))
            .WithTags("Usulan").WithSummary(proposals + FormatText);
        api.MapPost("/proposals/export", async (Actor actor, ListExportJobs jobs, ListExportRequests r, string? format, [AsParameters] ProposalQuery q,
                CancellationToken ct) => await StartAsync(actor, jobs, r.Proposals(actor, format, q), ct))
            .WithTags("Usulan").WithSummary(proposals + JobText);

        const string mine = "Unduh \"Laporan kemajuan saya\" (pengguna OPD), sama dengan GET /progress-reports/mine.";
        api.MapGet("/progress-reports/mine/export", async (Actor actor, JalinDb db, ListExportRequests r, string? format, CancellationToken ct) =>
                await DirectAsync(db, r.MyProgressReports(actor, format), ct))
            .WithTags("Pemantauan").WithSummary(mine + FormatText);
        api.MapPost("/progress-reports/mine/export", async (Actor actor, ListExportJobs jobs, ListExportRequests r, string? format, CancellationToken ct) =>
                await StartAsync(actor, jobs, r.MyProgressReports(actor, format), ct))
            .WithTags("Pemantauan").WithSummary(mine + JobText);

        api.MapGet("/export-jobs", (Actor actor, ListExportJobs jobs) => TypedResults.Ok(jobs.List(actor)))
            .WithTags("Unduhan").WithSummary("Unduhan daftar di latar belakang milik pengguna ini (24 jam terakhir, terbaru dahulu): kemajuan, hasil atau pesan gagal.");
        api.MapGet("/export-jobs/{id:guid}", (Actor actor, ListExportJobs jobs, Guid id) => jobs.Get(actor, id).ToHttp())
            .WithTags("Unduhan").WithSummary("Status satu unduhan: baris yang sudah ditulis dari seluruh baris (rowsDone, rows), hasil (baris, ukuran, waktu) "
                + "atau pesan gagal. Unduhan pengguna lain: 404.");
        api.MapGet("/export-jobs/{id:guid}/file", (Actor actor, ListExportJobs jobs, Guid id) => Send(jobs.Open(actor, id)))
            .WithTags("Unduhan").WithSummary("Unduh berkas yang sudah selesai (disimpan 24 jam); 404 bila belum selesai, gagal, sudah dihapus, atau milik pengguna lain.");
    }

    /// <summary>The same downloads for the signed-in back office; the list pages' "Unduh" menu and "Unduhan saya" link here.</summary>
    public static void MapListExportDownloads(this IEndpointRouteBuilder app)
    {
        Cookie(app.MapGet(ListExportRequests.DownloadPath(ExportList.Agreements), async (HttpContext http, CurrentActorAccessor actors, JalinDb db,
                ListExportRequests r, string? format, [AsParameters] AgreementQuery q, CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor ? await DirectAsync(db, r.Agreements(actor, format, q), ct) : Results.Challenge()));
        Cookie(app.MapGet(ListExportRequests.DownloadPath(ExportList.Partners), async (HttpContext http, CurrentActorAccessor actors, JalinDb db,
                ListExportRequests r, string? format, string? q, string? kind, CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor ? await DirectAsync(db, r.Partners(actor, format, q, kind), ct) : Results.Challenge()));
        Cookie(app.MapGet(ListExportRequests.DownloadPath(ExportList.Proposals), async (HttpContext http, CurrentActorAccessor actors, JalinDb db,
                ListExportRequests r, string? format, [AsParameters] ProposalQuery q, CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor ? await DirectAsync(db, r.Proposals(actor, format, q), ct) : Results.Challenge()));
        Cookie(app.MapGet(ListExportRequests.DownloadPath(ExportList.MyProgressReports), async (HttpContext http, CurrentActorAccessor actors, JalinDb db,
                ListExportRequests r, string? format, CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor ? await DirectAsync(db, r.MyProgressReports(actor, format), ct) : Results.Challenge()));
        Cookie(app.MapGet("/app/unduhan/{id:guid}/berkas", async (HttpContext http, CurrentActorAccessor actors, ListExportJobs jobs, Guid id,
                CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor ? Send(jobs.Open(actor, id)) : Results.Challenge()));
    }

    /// <summary>The back office address of a finished background download's file.</summary>
    public static string JobFilePath(Guid id) => $"/app/unduhan/{id}/berkas";

    private static void Cookie(RouteHandlerBuilder route) => route
        .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
        .ExcludeFromDescription();

    /// <summary>Counts the list and writes it at once to a temporary file, streamed (and deleted) as the answer.</summary>
    private static async Task<IResult> DirectAsync(JalinDb db, Result<ListExportPlanner> request, CancellationToken ct)
    {
        if (!request.Ok) return Problems.From(request.Error!);
        var plan = await request.Value!(db, ct);
        if (!plan.Ok) return Problems.From(plan.Error!);
        return Send(await plan.Value!.ToTemporaryFileAsync(ct));
    }

    private static async Task<IResult> StartAsync(CurrentActor actor, ListExportJobs jobs, Result<ListExportPlanner> request, CancellationToken ct) =>
        !request.Ok ? Problems.From(request.Error!)
            : (await jobs.StartAsync(actor, request.Value!, ct)).ToHttp(s => TypedResults.Accepted($"/api/v1/export-jobs/{s.Id}", s));

    private static IResult Send(Result<ExportedList> result) =>
        result.ToHttp(e => TypedResults.Stream(e.Content, e.ContentType, e.FileName));
}
