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

/// <summary>The partner list download's query: GET /partners's search (q) and kind.</summary>
public sealed class PartnerExportQuery
{
    public string? Q { get; init; }
    public string? Kind { get; init; }
}

/// <summary>"Laporan kemajuan saya" has no filters.</summary>
public sealed class NoExportFilter;

/// <summary>A list download as the API and the list pages ask for it: the format and the list's own filters, parsed with
/// the list API's messages, become the planner that both the direct download and the background job run.</summary>
public sealed class ListExportRequests(ListExportOptions options, TimeProvider clock)
{
    public Result<ListExportPlanner> Agreements(CurrentActor actor, string? format, AgreementQuery q)
    {
        var (filter, error) = q.ToFilter();
        return Planner(format, error, f => (db, ct) => ExportAgreements.HandleAsync(db, actor, filter!, f, options, clock, ct));
    }

    public Result<ListExportPlanner> Partners(CurrentActor actor, string? format, PartnerExportQuery q)
    {
        var kind = RegistryApi.ParsePartnerKind(q.Kind);
        return Planner(format, kind.Error, f => (db, ct) => ExportPartners.HandleAsync(db, actor, q.Q, kind.Value, f, options, clock, ct));
    }

    public Result<ListExportPlanner> Proposals(CurrentActor actor, string? format, ProposalQuery q)
    {
        var (filter, error) = q.ToFilter();
        return Planner(format, error, f => (db, ct) => ExportProposals.HandleAsync(db, actor, filter!, f, options, clock, ct));
    }

    public Result<ListExportPlanner> MyProgressReports(CurrentActor actor, string? format, NoExportFilter _) =>
        Planner(format, null, f => (db, ct) => ExportMyProgressReports.HandleAsync(db, actor, f, options, clock, ct));

    /// <summary>A bad format is named first, then a bad filter; otherwise the list's planner for the format.</summary>
    private static Result<ListExportPlanner> Planner(string? format, Error? filterError, Func<ExportFormat, ListExportPlanner> planner)
    {
        var f = ListExport.ParseFormat(format);
        if (!f.Ok) return f.Error!;
        return filterError is not null ? filterError : planner(f.Value);
    }

    /// <summary>The request of a list page's "Unduh" menu: its filters under the list API's query names.</summary>
    public Result<ListExportPlanner> For(ExportList list, CurrentActor actor, string format, IEnumerable<KeyValuePair<string, string?>> query) =>
        ListExportsApi.Lists[list].Request(this, actor, format, query);

    /// <summary>The back office address that downloads the list at once with the sign-in cookie.</summary>
    public static string DownloadPath(ExportList list) => ListExportsApi.Lists[list].CookiePath;
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

    /// <summary>The four lists: their addresses, their query (bound from the query string as the list API binds it) and how it is parsed.</summary>
    internal static readonly IReadOnlyDictionary<ExportList, ListEndpoints> Lists = new ListEndpoints[]
    {
        new ListEndpoints<AgreementQuery>(ExportList.Agreements, "/agreements/export", "/app/kerja-sama-unduh", "Kerja sama",
            "Unduh daftar kerja sama dengan filter dan urutan yang sama dengan GET /agreements (semua halaman).", (r, a, f, q) => r.Agreements(a, f, q)),
        new ListEndpoints<PartnerExportQuery>(ExportList.Partners, "/partners/export", "/app/mitra-unduh", "Mitra",
            "Unduh daftar mitra dengan pencarian yang sama dengan GET /partners (q, kind).", (r, a, f, q) => r.Partners(a, f, q)),
        new ListEndpoints<ProposalQuery>(ExportList.Proposals, "/proposals/export", "/app/usulan-unduh", "Usulan",
            "Unduh daftar usulan dengan filter yang sama dengan GET /proposals (q, status, agencyId, year).", (r, a, f, q) => r.Proposals(a, f, q)),
        new ListEndpoints<NoExportFilter>(ExportList.MyProgressReports, "/progress-reports/mine/export", "/app/laporan-kemajuan-unduh", "Pemantauan",
            "Unduh \"Laporan kemajuan saya\" (pengguna OPD), sama dengan GET /progress-reports/mine.", (r, a, f, q) => r.MyProgressReports(a, f, q)),
    }.ToDictionary(l => l.List);

    public static void MapListExportsApi(this RouteGroupBuilder api)
    {
        foreach (var list in Lists.Values) list.MapApi(api);
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
        foreach (var list in Lists.Values) list.MapCookie(app);
        Cookie(app.MapGet("/app/unduhan/{id:guid}/berkas", async (HttpContext http, CurrentActorAccessor actors, ListExportJobs jobs, Guid id,
                CancellationToken ct) =>
            await actors.GetAsync(http.User, ct) is { } actor ? Send(jobs.Open(actor, id)) : Results.Challenge()));
    }

    /// <summary>The back office address of a finished background download's file.</summary>
    public static string JobFilePath(Guid id) => $"/app/unduhan/{id}/berkas";

    internal abstract class ListEndpoints(ExportList list, string cookiePath)
    {
        public ExportList List { get; } = list;
        public string CookiePath { get; } = cookiePath;
        public abstract void MapApi(RouteGroupBuilder api);
        public abstract void MapCookie(IEndpointRouteBuilder app);
        public abstract Result<ListExportPlanner> Request(ListExportRequests requests, CurrentActor actor, string format, IEnumerable<KeyValuePair<string, string?>> query);
    }

    /// <summary>One list's endpoints: GET (at once) and POST (in the background) under /api/v1, and the back office's GET.</summary>
    private sealed class ListEndpoints<TQuery>(ExportList list, string apiPath, string cookiePath, string tag, string summary,
        Func<ListExportRequests, CurrentActor, string?, TQuery, Result<ListExportPlanner>> parse) : ListEndpoints(list, cookiePath)
        where TQuery : class, new()
    {
        public override void MapApi(RouteGroupBuilder api)
        {
            api.MapGet(apiPath, async (Actor actor, JalinDb db, ListExportRequests r, string? format, [AsParameters] TQuery q, CancellationToken ct) =>
                    await DirectAsync(db, parse(r, actor, format, q), ct))
                .WithTags(tag).WithSummary(summary + FormatText);
            api.MapPost(apiPath, async (Actor actor, ListExportJobs jobs, ListExportRequests r, string? format, [AsParameters] TQuery q, CancellationToken ct) =>
                    await StartAsync(actor, jobs, parse(r, actor, format, q), ct))
                .WithTags(tag).WithSummary(summary + JobText);
        }

        public override void MapCookie(IEndpointRouteBuilder app) =>
            Cookie(app.MapGet(CookiePath, async (HttpContext http, CurrentActorAccessor actors, JalinDb db, ListExportRequests r, string? format,
                    [AsParameters] TQuery q, CancellationToken ct) =>
                await actors.GetAsync(http.User, ct) is { } actor ? await DirectAsync(db, parse(r, actor, format, q), ct) : Results.Challenge()));

        /// <summary>Sets each string property named by a query key (any case), as <c>[AsParameters]</c> does for the API.</summary>
        public override Result<ListExportPlanner> Request(ListExportRequests requests, CurrentActor actor, string format,
            IEnumerable<KeyValuePair<string, string?>> query)
        {
            var values = query.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value!.Trim(), StringComparer.OrdinalIgnoreCase);
            var bound = new TQuery();
            foreach (var property in typeof(TQuery).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string)))
                if (values.TryGetValue(property.Name, out var value)) property.SetValue(bound, value);
            return parse(requests, actor, format, bound);
        }
    }

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
