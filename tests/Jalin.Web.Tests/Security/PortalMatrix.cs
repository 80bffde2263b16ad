using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #10 item 6: the back office's acts on the demo portal submission to Kota Cimahi ("dasbor data kota
/// terpadu"): Cimahi's officer, TKKSD and leader read the sender; only the officer acts (sent here with bodies the rules
/// refuse, so the demo submission stays as it is); every other region, the OPD of another agency and the supervisors get 404.</summary>
public static class PortalMatrix
{
    private const string V1 = "/api/v1";

    private static async Task<string> SubmissionAsync(AuthzWorld w)
    {
        if (!w.Ids.TryGetValue("demoPortal", out var id))
        {
            var page = await w.Client("officer").GetAsync($"{V1}/proposals?q={Uri.EscapeDataString("dasbor data kota terpadu")}&pageSize=5").OkJson();
            w.Ids["demoPortal"] = id = page["items"]!.AsArray()[0]!["id"]!.GetValue<string>();
        }
        return id;
    }

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => async (w, _) =>
        new HttpRequestMessage(HttpMethod.Get, V1 + path.Replace("{p}", await SubmissionAsync(w)));

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Post(string path, object body) => async (w, _) =>
        new HttpRequestMessage(HttpMethod.Post, V1 + path.Replace("{p}", await SubmissionAsync(w))) { Content = JsonContent.Create(body, options: TestApi.Json) };

    public static readonly MatrixRow[] Rows =
    [
        new("GET /proposals/{portal}/portal", "404; officer,tkksd,leader=2xx", Get("/proposals/{p}/portal")),
        new("POST /proposals/{portal}/portal/requests (empty message)", "404; officer=400 tkksd,leader=403", Post("/proposals/{p}/portal/requests", new { message = "" })),
        new("POST /proposals/{portal}/portal/link (neither)", "404; officer=400 tkksd,leader=403", Post("/proposals/{p}/portal/link", new { })),
        new("POST /proposals/{portal}/portal/partner-account (not linked)", "404; officer=409 tkksd,leader=403",
            Post("/proposals/{p}/portal/partner-account", new { userName = "mitra.uji.matriks" })),
    ];

    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/proposals/{id:guid}/portal/"] = "GET /proposals/{portal}/portal",
        ["POST /api/v1/proposals/{id:guid}/portal/requests"] = "POST /proposals/{portal}/portal/requests (empty message)",
        ["POST /api/v1/proposals/{id:guid}/portal/link"] = "POST /proposals/{portal}/portal/link (neither)",
        ["POST /api/v1/proposals/{id:guid}/portal/partner-account"] = "POST /proposals/{portal}/portal/partner-account (not linked)",
    };
}
