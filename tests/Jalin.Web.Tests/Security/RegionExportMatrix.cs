using Jalin.Core.Backup;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jalin.Web.Tests.Security;

/// <summary>The authorization matrix rows of "Ekspor data daerah": the system administrator (any region) and Cimahi's own
/// cooperation officer start, follow and download Cimahi's export; every other role and the other regions' officers get 403;
/// an unknown region code is a 404 to those who may export at all. Each request waits until no export of Cimahi runs (an
/// export running would answer the next start with 409), and the reading rows start from a finished export.</summary>
public static class RegionExportMatrix
{
    private const string V1 = "/api/v1";
    private const string Cimahi = "32.77";

    private static Task Idle(AuthzWorld w) => w.App.Services.GetRequiredService<RegionExportJobs>().Completion(Cimahi);

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Send(HttpMethod method, string path) => async (w, _) =>
    {
        await Idle(w);
        return new HttpRequestMessage(method, V1 + path);
    };

    /// <summary>A finished export of Cimahi for the reading rows.</summary>
    private static async Task Exported(AuthzWorld w)
    {
        await Idle(w);
        var started = await w.Client("admin").PostAsync($"{V1}/regions/{Cimahi}/export", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
        await Idle(w);
    }

    public static readonly MatrixRow[] Rows =
    [
        new("POST /regions/32.77/export", "403; admin,officer=2xx", Send(HttpMethod.Post, $"/regions/{Cimahi}/export")),
        new("GET /regions/32.77/export", "403; admin,officer=2xx", Send(HttpMethod.Get, $"/regions/{Cimahi}/export"), Exported),
        new("GET /regions/32.77/export/file", "403; admin,officer=2xx", Send(HttpMethod.Get, $"/regions/{Cimahi}/export/file"), Exported),
        new("POST /regions/{unknown}/export", "403; admin,officer,garut,bandung,kupang=404", Send(HttpMethod.Post, "/regions/99.99/export")),
    ];

    /// <summary>Every region export endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["POST /api/v1/regions/{code}/export"] = "POST /regions/32.77/export",
        ["GET /api/v1/regions/{code}/export"] = "GET /regions/32.77/export",
        ["GET /api/v1/regions/{code}/export/file"] = "GET /regions/32.77/export/file",
    };
}
