using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #11 item 7: the authorization matrix rows of the annual upward report. A region's report is made and sent
/// by its Bagian Kerja Sama officer, read by its TKKSD members, leaders and auditors (the DPRD secretariat: sent versions
/// only); a sent report is read by its supervisors (pembina.jabar for Jawa Barat's kab/kota, Kemendagri for all); the recap
/// is the supervisors' alone. Cimahi's demo report of 2025 is sent; the send row uses a fresh draft with no letter number.</summary>
public static class UpwardReportsMatrix
{
    private const string V1 = "/api/v1";
    private const int Year = 2025;

    private static async Task<string> SentAsync(AuthzWorld w)
    {
        if (!w.Ids.TryGetValue("upwardSent", out var id))
            w.Ids["upwardSent"] = id = (await w.Client("officer").GetAsync($"{V1}/upward-reports?year={Year}").OkJson()).AsArray()
                .First(v => v!["status"]!.GetValue<string>() == "Sent")!["id"]!.GetValue<string>();
        return id;
    }

    private static async Task<string> DraftAsync(AuthzWorld w)
    {
        if (!w.Ids.TryGetValue("upwardDraft", out var id))
            w.Ids["upwardDraft"] = id = (await w.Client("officer").PostAsJsonAsync($"{V1}/upward-reports", new { year = Year }).OkJson())["id"]!.GetValue<string>();
        return id;
    }

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => (_, _) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Get, V1 + path));

    public static readonly MatrixRow[] Rows =
    [
        new("GET /upward-reports", "403; officer,tkksd,leader,dprd,auditor,prov,nat,garut,bandung,kupang=2xx", Get($"/upward-reports?year={Year}")),
        new("GET /upward-reports/preview", "403; officer,tkksd,leader,dprd,auditor,garut,bandung,kupang=2xx", Get($"/upward-reports/preview?year={Year}")),
        // Generating an earlier year (2024) leaves the 2025 rows of the other rows alone.
        new("POST /upward-reports (2024)", "403; officer,garut,bandung,kupang=2xx", (_, _) =>
            Task.FromResult(new HttpRequestMessage(HttpMethod.Post, V1 + "/upward-reports") { Content = JsonContent.Create(new { year = 2024 }, options: TestApi.Json) })),
        // No letter number: refused as input for the officer; the region's readers may not send; outside the region (and the DPRD, supervisors: a draft) 404.
        new("POST /upward-reports/{Cimahi draft}/send (no letter number)", "404; officer=400 tkksd,leader,auditor=403", async (w, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"{V1}/upward-reports/{await DraftAsync(w)}/send")
                { Content = JsonContent.Create(new { letterNumber = "", sentOn = "2026-01-05" }, options: TestApi.Json) }),
        new("GET /upward-reports/{Cimahi sent}/xlsx", "404; officer,tkksd,leader,dprd,auditor,prov,nat=2xx", async (w, _) =>
            new HttpRequestMessage(HttpMethod.Get, $"{V1}/upward-reports/{await SentAsync(w)}/xlsx")),
        new("GET /upward-reports/recap", "403; prov,nat=2xx", Get($"/upward-reports/recap?year={Year}")),
        new("GET /upward-reports/recap/xlsx", "403; prov,nat=2xx", Get($"/upward-reports/recap/xlsx?year={Year}")),
    ];

    /// <summary>Every upward-report endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/upward-reports/"] = "GET /upward-reports",
        ["GET /api/v1/upward-reports/preview"] = "GET /upward-reports/preview",
        ["POST /api/v1/upward-reports/"] = "POST /upward-reports (2024)",
        ["POST /api/v1/upward-reports/{id:guid}/send"] = "POST /upward-reports/{Cimahi draft}/send (no letter number)",
        ["GET /api/v1/upward-reports/{id:guid}/{format}"] = "GET /upward-reports/{Cimahi sent}/xlsx",
        ["GET /api/v1/upward-reports/recap"] = "GET /upward-reports/recap",
        ["GET /api/v1/upward-reports/recap/xlsx"] = "GET /upward-reports/recap/xlsx",
    };
}
