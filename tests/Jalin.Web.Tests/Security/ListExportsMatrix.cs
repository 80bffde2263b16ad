using Jalin.Core.Common;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #13 part 3: the authorization matrix rows of the list downloads. Each answers whoever its list answers, with the
/// list's own refusals (the system administrator reads no agreements or partners; "Laporan kemajuan saya" is for OPD users);
/// an unknown format is a 400 for everyone signed in. Issue #13 part 2: starting the same downloads in the background (POST)
/// answers the same; a background download is its starter's alone (404 to everyone else). Each request waits until no
/// download runs, so no caller meets the per-user limit (409).</summary>
public static class ListExportsMatrix
{
    private const string V1 = "/api/v1";

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => (_, _) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Get, V1 + path));

    private static Task Idle(AuthzWorld w) => w.App.Services.GetRequiredService<ListExportJobs>().Completion();

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Send(HttpMethod method, string path) => async (w, _) =>
    {
        await Idle(w);
        return new HttpRequestMessage(method, w.Fill(V1 + path));
    };

    /// <summary>A finished background download of Cimahi's officer for the reading rows.</summary>
    private static async Task OfficersJob(AuthzWorld w)
    {
        await Idle(w);
        var started = await w.Client("officer").PostAsync($"{V1}/agreements/export?format=csv", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
        w.Ids["officerExportJob"] = (await started.ReadJson())["id"]!.GetValue<string>();
        await Idle(w);
    }

    public static readonly MatrixRow[] Rows =
    [
        new("GET /agreements/export?format=csv", "2xx; admin=403", Get("/agreements/export?format=csv")),
        new("GET /agreements/export?format=pdf (unknown format)", "400", Get("/agreements/export?format=pdf")),
        new("GET /partners/export", "2xx; admin=403", Get("/partners/export")),
        new("GET /proposals/export?format=csv", "2xx", Get("/proposals/export?format=csv")),
        new("GET /progress-reports/mine/export", "403; opd=2xx", Get("/progress-reports/mine/export")),
        new("POST /agreements/export?format=csv (background)", "2xx; admin=403", Send(HttpMethod.Post, "/agreements/export?format=csv")),
        new("POST /agreements/export?format=pdf (background, unknown format)", "400", Send(HttpMethod.Post, "/agreements/export?format=pdf")),
        new("POST /partners/export (background)", "2xx; admin=403", Send(HttpMethod.Post, "/partners/export")),
        new("POST /proposals/export?format=csv (background)", "2xx", Send(HttpMethod.Post, "/proposals/export?format=csv")),
        new("POST /progress-reports/mine/export (background)", "403; opd=2xx", Send(HttpMethod.Post, "/progress-reports/mine/export")),
        new("GET /export-jobs", "2xx", Send(HttpMethod.Get, "/export-jobs")),
        new("GET /export-jobs/{officer's}", "404; officer=2xx", Send(HttpMethod.Get, "/export-jobs/{officerExportJob}"), OfficersJob),
        new("GET /export-jobs/{officer's}/file", "404; officer=2xx", Send(HttpMethod.Get, "/export-jobs/{officerExportJob}/file"), OfficersJob),
    ];

    /// <summary>Every list download endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/agreements/export"] = "GET /agreements/export?format=csv",
        ["GET /api/v1/partners/export"] = "GET /partners/export",
        ["GET /api/v1/proposals/export"] = "GET /proposals/export?format=csv",
        ["GET /api/v1/progress-reports/mine/export"] = "GET /progress-reports/mine/export",
        ["POST /api/v1/agreements/export"] = "POST /agreements/export?format=csv (background)",
        ["POST /api/v1/partners/export"] = "POST /partners/export (background)",
        ["POST /api/v1/proposals/export"] = "POST /proposals/export?format=csv (background)",
        ["POST /api/v1/progress-reports/mine/export"] = "POST /progress-reports/mine/export (background)",
        ["GET /api/v1/export-jobs"] = "GET /export-jobs",
        ["GET /api/v1/export-jobs/{id:guid}"] = "GET /export-jobs/{officer's}",
        ["GET /api/v1/export-jobs/{id:guid}/file"] = "GET /export-jobs/{officer's}/file",
    };
}
