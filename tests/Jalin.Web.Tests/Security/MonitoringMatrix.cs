using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #11 items 1-2: the authorization matrix rows of monitoring, on Cimahi's demo "Penagihan Retribusi Persampahan
/// melalui Rekening Air Minum" (DLH with Tirta Raharja). Cimahi's Bagian Kerja Sama manages obligations and reviews; DLH (the
/// lead OPD) writes its reports; Cimahi's TKKSD, leaders, auditors and the supervisors read (403 on changes); party regions,
/// partners and other regions get 404 (monitoring is the owning region's own, MonitoringAccess).</summary>
public static class MonitoringMatrix
{
    private const string V1 = "/api/v1";
    public const string Title = "Penagihan Retribusi Persampahan melalui Rekening Air Minum";
    private const string Read = "404; officer,opd,tkksd,leader,auditor,prov,nat=2xx";

    private static async Task<string> AgreementAsync(AuthzWorld w)
    {
        if (!w.Ids.TryGetValue("monitoring", out var id))
        {
            var page = await w.Client("officer").GetAsync($"{V1}/agreements?q={Uri.EscapeDataString(Title)}").OkJson();
            w.Ids["monitoring"] = id = page["items"]!.AsArray()[0]!["id"]!.GetValue<string>();
        }
        return id;
    }

    private static async Task<string> AcceptedReportAsync(AuthzWorld w)
    {
        if (!w.Ids.TryGetValue("monitoringAccepted", out var id))
        {
            var overview = await w.Client("officer").GetAsync($"{V1}/agreements/{await AgreementAsync(w)}/progress-reports").OkJson();
            w.Ids["monitoringAccepted"] = id = overview["periods"]!.AsArray().First(p => p!["status"]?.GetValue<string>() == "Accepted")!["reportId"]!.GetValue<string>();
        }
        return id;
    }

    private static async Task<string> ObligationAsync(AuthzWorld w)
    {
        if (!w.Ids.TryGetValue("monitoringObligation", out var id))
        {
            var list = await w.Client("officer").GetAsync($"{V1}/agreements/{await AgreementAsync(w)}/obligations").OkJson();
            w.Ids["monitoringObligation"] = id = list["items"]!.AsArray()[0]!["id"]!.GetValue<string>();
        }
        return id;
    }

    private static async Task<string> PathAsync(AuthzWorld w, string path)
    {
        path = path.Replace("{a}", await AgreementAsync(w));
        if (path.Contains("{r}")) path = path.Replace("{r}", await AcceptedReportAsync(w));
        if (path.Contains("{o}")) path = path.Replace("{o}", await ObligationAsync(w));
        return V1 + path;
    }

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => async (w, _) => new HttpRequestMessage(HttpMethod.Get, await PathAsync(w, path));

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Send(HttpMethod method, string path, object body) => async (w, _) =>
        new HttpRequestMessage(method, await PathAsync(w, path)) { Content = JsonContent.Create(body, options: TestApi.Json) };

    /// <summary>A multipart upload of a text file named .pdf: refused by its content (400) for whoever may upload.</summary>
    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> FakePdf(string path) => async (w, _) =>
    {
        var file = new ByteArrayContent("ini bukan PDF"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new HttpRequestMessage(HttpMethod.Post, await PathAsync(w, path)) { Content = new MultipartFormDataContent { { file, "file", "bukti.pdf" } } };
    };

    public static readonly MatrixRow[] Rows =
    [
        new("GET /agreements/{monitoring demo}/obligations", Read, Get("/agreements/{a}/obligations")),
        new("GET /agreements/{monitoring demo}/obligations/prefill", "404; officer=2xx opd,tkksd,leader,auditor,prov,nat=403", Get("/agreements/{a}/obligations/prefill")),
        new("POST /agreements/{monitoring demo}/obligations (no title)", "404; officer=400 opd,tkksd,leader,auditor,prov,nat=403",
            Send(HttpMethod.Post, "/agreements/{a}/obligations", new { title = "" })),
        new("PUT /agreements/{monitoring demo}/obligations/{o} (no party)", "404; officer=400 opd,tkksd,leader,auditor,prov,nat=403",
            Send(HttpMethod.Put, "/agreements/{a}/obligations/{o}", new { title = "Uji matriks" })),
        new("POST /agreements/{monitoring demo}/obligations/{o}/evidence (not a PDF)", "404; officer=400 opd,tkksd,leader,auditor,prov,nat=403",
            FakePdf("/agreements/{a}/obligations/{o}/evidence")),
        new("GET /agreements/{monitoring demo}/progress-reports", Read, Get("/agreements/{a}/progress-reports")),
        new("PUT /agreements/{monitoring demo}/progress-reports/period (no period)", "404; officer=400 opd,tkksd,leader,auditor,prov,nat=403",
            Send(HttpMethod.Put, "/agreements/{a}/progress-reports/period", new { period = (string?)null })),
        new("POST /agreements/{monitoring demo}/progress-reports (period 999)", "404; opd=400 officer,tkksd,leader,auditor,prov,nat=403",
            Send(HttpMethod.Post, "/agreements/{a}/progress-reports", new { periodNumber = 999 })),
        new("GET /agreements/{monitoring demo}/progress-reports/{accepted}", Read, Get("/agreements/{a}/progress-reports/{r}")),
        new("PUT /agreements/{monitoring demo}/progress-reports/{accepted}", "404; opd=409 officer,tkksd,leader,auditor,prov,nat=403",
            Send(HttpMethod.Put, "/agreements/{a}/progress-reports/{r}", new { activities = "Uji matriks" })),
        new("POST /agreements/{monitoring demo}/progress-reports/{accepted}/submit", "404; opd=409 officer,tkksd,leader,auditor,prov,nat=403",
            Send(HttpMethod.Post, "/agreements/{a}/progress-reports/{r}/submit", new { })),
        new("POST /agreements/{monitoring demo}/progress-reports/{accepted}/review", "404; officer=409 opd,tkksd,leader,auditor,prov,nat=403",
            Send(HttpMethod.Post, "/agreements/{a}/progress-reports/{r}/review", new { decision = "accept" })),
        new("POST /agreements/{monitoring demo}/progress-reports/{accepted}/evidence (not a PDF)", "404; opd=409 officer,tkksd,leader,auditor,prov,nat=403",
            FakePdf("/agreements/{a}/progress-reports/{r}/evidence")),
        new("GET /agreements/{monitoring demo}/monitoring-evidence/{unknown}", "404", Get("/agreements/{a}/monitoring-evidence/" + Guid.Empty)),
        new("GET /progress-reports/mine", "403; opd=2xx", Get("/progress-reports/mine")),
        new("GET /progress-reports/missing", "2xx", Get("/progress-reports/missing")),
    ];

    /// <summary>Every monitoring endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/agreements/{id:guid}/obligations/"] = "GET /agreements/{monitoring demo}/obligations",
        ["GET /api/v1/agreements/{id:guid}/obligations/prefill"] = "GET /agreements/{monitoring demo}/obligations/prefill",
        ["POST /api/v1/agreements/{id:guid}/obligations/"] = "POST /agreements/{monitoring demo}/obligations (no title)",
        ["PUT /api/v1/agreements/{id:guid}/obligations/{obligationId:guid}"] = "PUT /agreements/{monitoring demo}/obligations/{o} (no party)",
        ["POST /api/v1/agreements/{id:guid}/obligations/{obligationId:guid}/evidence"] = "POST /agreements/{monitoring demo}/obligations/{o}/evidence (not a PDF)",
        ["GET /api/v1/agreements/{id:guid}/progress-reports/"] = "GET /agreements/{monitoring demo}/progress-reports",
        ["PUT /api/v1/agreements/{id:guid}/progress-reports/period"] = "PUT /agreements/{monitoring demo}/progress-reports/period (no period)",
        ["POST /api/v1/agreements/{id:guid}/progress-reports/"] = "POST /agreements/{monitoring demo}/progress-reports (period 999)",
        ["GET /api/v1/agreements/{id:guid}/progress-reports/{reportId:guid}"] = "GET /agreements/{monitoring demo}/progress-reports/{accepted}",
        ["PUT /api/v1/agreements/{id:guid}/progress-reports/{reportId:guid}"] = "PUT /agreements/{monitoring demo}/progress-reports/{accepted}",
        ["POST /api/v1/agreements/{id:guid}/progress-reports/{reportId:guid}/submit"] = "POST /agreements/{monitoring demo}/progress-reports/{accepted}/submit",
        ["POST /api/v1/agreements/{id:guid}/progress-reports/{reportId:guid}/review"] = "POST /agreements/{monitoring demo}/progress-reports/{accepted}/review",
        ["POST /api/v1/agreements/{id:guid}/progress-reports/{reportId:guid}/evidence"] = "POST /agreements/{monitoring demo}/progress-reports/{accepted}/evidence (not a PDF)",
        ["GET /api/v1/agreements/{id:guid}/monitoring-evidence/{evidenceId:guid}"] = "GET /agreements/{monitoring demo}/monitoring-evidence/{unknown}",
        ["GET /api/v1/progress-reports/mine"] = "GET /progress-reports/mine",
        ["GET /api/v1/progress-reports/missing"] = "GET /progress-reports/missing",
    };
}
