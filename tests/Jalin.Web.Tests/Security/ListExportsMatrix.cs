namespace Jalin.Web.Tests.Security;

/// <summary>Issue #13 part 3: the authorization matrix rows of the list downloads. Each answers whoever its list answers, with the
/// list's own refusals (the system administrator reads no agreements or partners; "Laporan kemajuan saya" is for OPD users);
/// an unknown format is a 400 for everyone signed in.</summary>
public static class ListExportsMatrix
{
    private const string V1 = "/api/v1";

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => (_, _) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Get, V1 + path));

    public static readonly MatrixRow[] Rows =
    [
        new("GET /agreements/export?format=csv", "2xx; admin=403", Get("/agreements/export?format=csv")),
        new("GET /agreements/export?format=pdf (unknown format)", "400", Get("/agreements/export?format=pdf")),
        new("GET /partners/export", "2xx; admin=403", Get("/partners/export")),
        new("GET /proposals/export?format=csv", "2xx", Get("/proposals/export?format=csv")),
        new("GET /progress-reports/mine/export", "403; opd=2xx", Get("/progress-reports/mine/export")),
    ];

    /// <summary>Every list download endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/agreements/export"] = "GET /agreements/export?format=csv",
        ["GET /api/v1/partners/export"] = "GET /partners/export",
        ["GET /api/v1/proposals/export"] = "GET /proposals/export?format=csv",
        ["GET /api/v1/progress-reports/mine/export"] = "GET /progress-reports/mine/export",
    };
}
