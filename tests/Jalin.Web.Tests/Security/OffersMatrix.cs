using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #10 item 5: the authorization matrix rows of the offers between regions, on the demo offer Cimahi sent to
/// Garut ("Pasokan Sayuran Dataran Tinggi"). Only Garut's cooperation officer answers it and keeps Garut's own record; the
/// owner's people are told to record a paper answer instead (403); whoever sees the agreement reads what waits on whom.</summary>
public static class OffersMatrix
{
    private const string V1 = "/api/v1";

    private static async Task<string> OfferAsync(AuthzWorld w)
    {
        if (!w.Ids.TryGetValue("demoOffer", out var id))
        {
            var page = await w.Client("officer").GetAsync($"{V1}/agreements?q={Uri.EscapeDataString("Pasokan Sayuran Dataran Tinggi")}").OkJson();
            w.Ids["demoOffer"] = id = page["items"]!.AsArray()[0]!["id"]!.GetValue<string>();
        }
        return id;
    }

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => async (w, _) =>
        new HttpRequestMessage(HttpMethod.Get, V1 + path.Replace("{offer}", await OfferAsync(w)));

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Send(HttpMethod method, string path, object body) => async (w, _) =>
        new HttpRequestMessage(method, V1 + path.Replace("{offer}", await OfferAsync(w))) { Content = JsonContent.Create(body, options: TestApi.Json) };

    public static readonly MatrixRow[] Rows =
    [
        new("GET /offers/incoming", "403; officer,leader,garut,bandung,kupang=2xx", Get("/offers/incoming")),
        // Without its letter number Garut's answer is refused as input (400), so the demo offer keeps waiting for the next cell.
        new("POST /offers/{Cimahi's demo offer}/answer (no letter)", "403; admin,opd,dprd,mitra,bandung,kupang=404 garut=400",
            Send(HttpMethod.Post, "/offers/{offer}/answer", new { decision = "accept" })),
        new("GET /agreements/{Cimahi's demo offer}/waiting", "404; officer,tkksd,leader,auditor,prov,nat,garut=2xx", Get("/agreements/{offer}/waiting")),
        new("GET /agreements/{Cimahi's demo offer}/party-records", "404; officer,tkksd,leader,auditor,prov,nat,garut=2xx", Get("/agreements/{offer}/party-records")),
        new("PUT /agreements/{Cimahi's demo offer}/party-records/mine", "404; officer,tkksd,leader,auditor,prov,nat=403 garut=2xx",
            Send(HttpMethod.Put, "/agreements/{offer}/party-records/mine", new { documentNumber = (string?)null })),
    ];

    /// <summary>Every offers endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/offers/incoming"] = "GET /offers/incoming",
        ["POST /api/v1/offers/{id:guid}/answer"] = "POST /offers/{Cimahi's demo offer}/answer (no letter)",
        ["GET /api/v1/agreements/{id:guid}/waiting"] = "GET /agreements/{Cimahi's demo offer}/waiting",
        ["GET /api/v1/agreements/{id:guid}/party-records"] = "GET /agreements/{Cimahi's demo offer}/party-records",
        ["PUT /api/v1/agreements/{id:guid}/party-records/mine"] = "PUT /agreements/{Cimahi's demo offer}/party-records/mine",
    };
}
