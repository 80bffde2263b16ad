using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #11 item 3: the authorization matrix rows of evaluation (monev) and monitoring rounds, on Kota Cimahi's
/// demo: the evaluated ADIARTA replication, the chili supply KSDD with Garut (assigned to tkksd.cimahi in the open round)
/// and the open round. The owning region's officer manages, its assigned TKKSD member evaluates, its leader and auditor
/// read, the supervisors read an agreement's evaluations; a party region (Garut) and every other region get 404.</summary>
public static class EvaluationMatrix
{
    private const string V1 = "/api/v1";

    private static async Task<string> IdAsync(AuthzWorld w, string key, Func<HttpClient, Task<string>> find)
    {
        if (!w.Ids.TryGetValue(key, out var id)) w.Ids[key] = id = await find(w.Client("officer"));
        return id;
    }

    private static Task<string> AgreementAsync(AuthzWorld w, string key, string q) => IdAsync(w, key, async c =>
        (await c.GetAsync($"{V1}/agreements?q={Uri.EscapeDataString(q)}").OkJson())["items"]!.AsArray()[0]!["id"]!.GetValue<string>());

    private static async Task<string> FillAsync(AuthzWorld w, string path)
    {
        if (path.Contains("{chili}")) path = path.Replace("{chili}", await AgreementAsync(w, "evalChili", "Pasokan Cabai untuk Pengendalian Inflasi"));
        if (path.Contains("{adiarta}")) path = path.Replace("{adiarta}", await AgreementAsync(w, "evalAdiarta", "ADIARTA"));
        if (path.Contains("{evaluation}"))
        {
            var adiarta = await AgreementAsync(w, "evalAdiarta", "ADIARTA");
            path = path.Replace("{evaluation}", await IdAsync(w, "evalDemo", async c =>
                (await c.GetAsync($"{V1}/evaluations/agreements/{adiarta}").OkJson())["evaluations"]!.AsArray()[0]!["id"]!.GetValue<string>()));
        }
        if (path.Contains("{round}") || path.Contains("{row}"))
        {
            var round = await IdAsync(w, "evalRound", async c => (await c.GetAsync($"{V1}/monitoring-rounds").OkJson()).AsArray()[0]!["id"]!.GetValue<string>());
            path = path.Replace("{round}", round);
            if (path.Contains("{row}"))
                path = path.Replace("{row}", await IdAsync(w, "evalRow", async c =>
                    (await c.GetAsync($"{V1}/monitoring-rounds/{round}").OkJson())["rows"]!.AsArray().First(r => r!["memberId"] is null)!["id"]!.GetValue<string>()));
        }
        return V1 + path;
    }

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => async (w, _) => new HttpRequestMessage(HttpMethod.Get, await FillAsync(w, path));

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Send(HttpMethod method, string path, object? body = null) => async (w, _) =>
        new HttpRequestMessage(method, await FillAsync(w, path)) { Content = body is null ? null : JsonContent.Create(body, options: TestApi.Json) };

    private const string Insiders = "403; officer,tkksd,leader,auditor,garut,bandung,kupang=2xx";

    public static readonly MatrixRow[] Rows =
    [
        new("GET /evaluations/criteria", Insiders, Get("/evaluations/criteria")),
        // Weights that do not sum to 100: refused as input for every region's officer, nothing stored.
        new("PUT /evaluations/criteria (weights 50)", "403; officer,garut,bandung,kupang=400",
            Send(HttpMethod.Put, "/evaluations/criteria", new { criteria = new[] { new { name = "Kesesuaian tujuan", weight = 50 } } })),
        new("GET /evaluations/overdue", Insiders, Get("/evaluations/overdue")),
        new("GET /evaluations/agreements/{Cimahi's chili KSDD}", "404; officer,tkksd,leader,auditor,prov,nat=2xx", Get("/evaluations/agreements/{chili}")),
        // No ratings: the officer and the member assigned in the open round are refused as input; readers may not evaluate.
        new("POST /evaluations/agreements/{Cimahi's chili KSDD} (no ratings)", "404; officer,tkksd=400 leader,auditor,prov,nat=403",
            Send(HttpMethod.Post, "/evaluations/agreements/{chili}", new { findings = "" })),
        new("GET /evaluations/{demo evaluation}", "404; officer,tkksd,leader,auditor,prov,nat=2xx", Get("/evaluations/{evaluation}")),
        // The demo evaluation recommends "dilanjutkan": the officer opens (then gets back) the draft extension usulan.
        new("POST /evaluations/{demo evaluation}/follow-up-proposal", "404; officer=2xx tkksd,leader,auditor,prov,nat=403",
            Send(HttpMethod.Post, "/evaluations/{evaluation}/follow-up-proposal")),
        new("GET /monitoring-rounds", Insiders, Get("/monitoring-rounds")),
        new("POST /monitoring-rounds (year 1990)", "403; officer,garut,bandung,kupang=400", Send(HttpMethod.Post, "/monitoring-rounds", new { year = 1990, deadline = "2000-01-01" })),
        new("GET /monitoring-rounds/{demo round}", "404; officer,tkksd,leader,auditor=2xx", Get("/monitoring-rounds/{round}")),
        new("PUT /monitoring-rounds/{demo round}/assignments/{row} (unknown member)", "404; officer=400 tkksd,leader,auditor=403",
            Send(HttpMethod.Put, "/monitoring-rounds/{round}/assignments/{row}", new { memberId = Guid.NewGuid() })),
        new("POST /monitoring-rounds/{demo round}/reminders", "404; officer=2xx tkksd,leader,auditor=403", Send(HttpMethod.Post, "/monitoring-rounds/{round}/reminders")),
        new("POST /monitoring-rounds/{no such round}/close", "404", Send(HttpMethod.Post, $"/monitoring-rounds/{Guid.Empty}/close")),
        new("GET /monitoring-rounds/{demo round}/report", "404; officer,tkksd,leader,auditor=2xx", Get("/monitoring-rounds/{round}/report")),
        new("GET /monitoring-rounds/{demo round}/report/xlsx", "404; officer,tkksd,leader,auditor=2xx", Get("/monitoring-rounds/{round}/report/xlsx")),
        new("GET /monitoring-rounds/{demo round}/report/pdf", "404; officer,tkksd,leader,auditor=2xx", Get("/monitoring-rounds/{round}/report/pdf")),
    ];

    /// <summary>Every evaluation endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/evaluations/criteria"] = "GET /evaluations/criteria",
        ["PUT /api/v1/evaluations/criteria"] = "PUT /evaluations/criteria (weights 50)",
        ["GET /api/v1/evaluations/overdue"] = "GET /evaluations/overdue",
        ["GET /api/v1/evaluations/agreements/{id:guid}"] = "GET /evaluations/agreements/{Cimahi's chili KSDD}",
        ["POST /api/v1/evaluations/agreements/{id:guid}"] = "POST /evaluations/agreements/{Cimahi's chili KSDD} (no ratings)",
        ["GET /api/v1/evaluations/{id:guid}"] = "GET /evaluations/{demo evaluation}",
        ["POST /api/v1/evaluations/{id:guid}/follow-up-proposal"] = "POST /evaluations/{demo evaluation}/follow-up-proposal",
        ["GET /api/v1/monitoring-rounds/"] = "GET /monitoring-rounds",
        ["POST /api/v1/monitoring-rounds/"] = "POST /monitoring-rounds (year 1990)",
        ["GET /api/v1/monitoring-rounds/{id:guid}"] = "GET /monitoring-rounds/{demo round}",
        ["PUT /api/v1/monitoring-rounds/{id:guid}/assignments/{assignmentId:guid}"] = "PUT /monitoring-rounds/{demo round}/assignments/{row} (unknown member)",
        ["POST /api/v1/monitoring-rounds/{id:guid}/reminders"] = "POST /monitoring-rounds/{demo round}/reminders",
        ["POST /api/v1/monitoring-rounds/{id:guid}/close"] = "POST /monitoring-rounds/{no such round}/close",
        ["GET /api/v1/monitoring-rounds/{id:guid}/report"] = "GET /monitoring-rounds/{demo round}/report",
        ["GET /api/v1/monitoring-rounds/{id:guid}/report/xlsx"] = "GET /monitoring-rounds/{demo round}/report/xlsx",
        ["GET /api/v1/monitoring-rounds/{id:guid}/report/pdf"] = "GET /monitoring-rounds/{demo round}/report/pdf",
    };
}
