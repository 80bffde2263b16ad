using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #12 item 1: the authorization matrix rows of the good-practice catalogue and of publishing mapping items on
/// the public catalogue. Every government user reads published practices (and their region's drafts); only the owning
/// region's Bagian Kerja Sama officer writes, publishes and withdraws; officers and OPDs of other regions replicate (here
/// without an OPD: 400, the real replication is in GoodPracticesApiTests). Rows act on practices the setup creates, so
/// the demo's practice stays as it is.</summary>
public static class GoodPracticesMatrix
{
    private const string V1 = "/api/v1";

    public static object Body(string title) => new
    {
        title, affairCode = "2.11", problem = "TPA penuh.", actions = "Kerja sama pengangkutan sampah.",
        results = new[] { new { indicator = "Sampah terangkut", figure = 1250, unit = "ton/bulan" } },
        contactOffice = "Bagian Kerja Sama Setda Kota Cimahi", contactEmail = "kerjasama@cimahikota.go.id",
    };

    private static async Task SetupAsync(AuthzWorld w)
    {
        if (w.Ids.ContainsKey("gpPublished")) return;
        var officer = w.Client("officer");
        var list = (await officer.GetAsync(V1 + "/good-practices").OkJson()).AsArray();
        w.Ids["gpDemo"] = list.First(r => r!["regionCode"]!.GetValue<string>() == "32.77" && r["status"]!.GetValue<string>() == "Published")!["id"]!.GetValue<string>();
        var published = await officer.PostAsJsonAsync(V1 + "/good-practices", Body("Uji matriks praktik baik terbit " + Guid.NewGuid().ToString("N")[..6]), TestApi.Json).OkJson();
        w.Ids["gpPublished"] = published["id"]!.GetValue<string>();
        await officer.PutAsync($"{V1}/good-practices/{w.Ids["gpPublished"]}/publication", null).OkJson();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestApi.Pdf("laporan praktik baik")), "file", "laporan.pdf" }, { new StringContent("Laporan"), "title" } };
        w.Ids["gpDoc"] = (await officer.PostAsync($"{V1}/good-practices/{w.Ids["gpPublished"]}/documents", form).OkJson())["id"]!.GetValue<string>();
        var draft = await officer.PostAsJsonAsync(V1 + "/good-practices", Body("Uji matriks praktik baik draf " + Guid.NewGuid().ToString("N")[..6]), TestApi.Json).OkJson();
        w.Ids["gpDraft"] = draft["id"]!.GetValue<string>();
        w.Ids["mapPubNeed"] = await MappingMatrix.FreshItemAsync(w, "Accepted");
    }

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Send(HttpMethod method, string path, object? body = null) => (w, _) =>
        Task.FromResult(new HttpRequestMessage(method, V1 + w.Fill(path)) { Content = body is null ? null : JsonContent.Create(body) });

    private static Task<HttpRequestMessage> Upload(AuthzWorld w, string _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"{V1}/good-practices/{w.Ids["gpPublished"]}/documents")
    {
        Content = new MultipartFormDataContent { { new ByteArrayContent(TestApi.Pdf("dokumen matriks")), "file", "matriks.pdf" } },
    });

    private const string CimahiInsiders = "opd,tkksd,leader,dprd,auditor";

    public static readonly MatrixRow[] Rows =
    [
        new("GET /good-practices", "2xx; admin,mitra=403", Send(HttpMethod.Get, "/good-practices"), SetupAsync),
        new("GET /good-practices/{Cimahi's published demo practice}", "2xx; admin,mitra=404", Send(HttpMethod.Get, "/good-practices/{gpDemo}"), SetupAsync),
        new("GET /good-practices/{Cimahi's draft}", "404; officer,opd,tkksd,leader,dprd,auditor=2xx", Send(HttpMethod.Get, "/good-practices/{gpDraft}"), SetupAsync),
        new("POST /good-practices", "403; officer,garut,bandung,kupang=2xx", Send(HttpMethod.Post, "/good-practices", Body("Uji matriks praktik baik baru")), SetupAsync),
        new("PUT /good-practices/{published}", "403; officer=2xx admin,mitra=404", Send(HttpMethod.Put, "/good-practices/{gpPublished}", Body("Uji matriks praktik baik terbit diubah")), SetupAsync),
        new("PUT /good-practices/{published}/publication", "403; officer=2xx admin,mitra=404", Send(HttpMethod.Put, "/good-practices/{gpPublished}/publication"), SetupAsync),
        new("DELETE /good-practices/{draft}/publication", $"404; officer=2xx {CimahiInsiders}=403", Send(HttpMethod.Delete, "/good-practices/{gpDraft}/publication"), SetupAsync),
        new("POST /good-practices/{published}/replicate (no OPD chosen)", $"403; officer,{CimahiInsiders}=409 garut,bandung,kupang=400 admin,mitra=404",
            Send(HttpMethod.Post, "/good-practices/{gpPublished}/replicate", new { }), SetupAsync),
        new("POST /good-practices/{published}/documents", "403; officer=2xx admin,mitra=404", Upload, SetupAsync),
        new("GET /good-practices/{published}/documents/{doc}", "2xx; admin,mitra=404", Send(HttpMethod.Get, "/good-practices/{gpPublished}/documents/{gpDoc}"), SetupAsync),
        new("PUT /mapping/items/{accepted need}/publication", "404; officer=2xx opd,tkksd,leader,auditor,prov,nat=403",
            Send(HttpMethod.Put, "/mapping/items/{mapPubNeed}/publication"), SetupAsync),
        new("DELETE /mapping/items/{accepted need}/publication", "404; officer=2xx opd,tkksd,leader,auditor,prov,nat=403",
            Send(HttpMethod.Delete, "/mapping/items/{mapPubNeed}/publication"), SetupAsync),
    ];

    /// <summary>Every good-practice endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/good-practices/"] = "GET /good-practices",
        ["GET /api/v1/good-practices/{id:guid}"] = "GET /good-practices/{Cimahi's published demo practice}",
        ["POST /api/v1/good-practices/"] = "POST /good-practices",
        ["PUT /api/v1/good-practices/{id:guid}"] = "PUT /good-practices/{published}",
        ["PUT /api/v1/good-practices/{id:guid}/publication"] = "PUT /good-practices/{published}/publication",
        ["DELETE /api/v1/good-practices/{id:guid}/publication"] = "DELETE /good-practices/{draft}/publication",
        ["POST /api/v1/good-practices/{id:guid}/replicate"] = "POST /good-practices/{published}/replicate (no OPD chosen)",
        ["POST /api/v1/good-practices/{id:guid}/documents"] = "POST /good-practices/{published}/documents",
        ["GET /api/v1/good-practices/{id:guid}/documents/{documentId:guid}"] = "GET /good-practices/{published}/documents/{doc}",
        ["PUT /api/v1/mapping/items/{id:guid}/publication/"] = "PUT /mapping/items/{accepted need}/publication",
        ["DELETE /api/v1/mapping/items/{id:guid}/publication/"] = "DELETE /mapping/items/{accepted need}/publication",
    };
}
