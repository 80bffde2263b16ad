using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #10 item 7 (helper C): the matrix rows of /api/v1/facilitation and /api/v1/threads. A request of
/// Cimahi's DLH is read by the DLH user and Cimahi's officer and leader (404 for everyone else); only Cimahi's officer
/// moves it; only the requester and the desk write in its thread (the leader reads).</summary>
public static class FacilitationMatrix
{
    private const string V1 = "/api/v1";

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) =>
        (w, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, w.Fill(V1 + path)));

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Post(string path, Func<string, object> body) =>
        (w, alias) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, w.Fill(V1 + path)) { Content = JsonContent.Create(body(alias), options: TestApi.Json) });

    public static object Body(string alias) => new
    {
        regionCode = "32.77", kind = "Consultation", title = $"Konsultasi uji matriks oleh {alias}", description = "Mohon arahan bentuk kerja sama.",
    };

    /// <summary>A fresh request of Cimahi's DLH (the opd column), stored under <paramref name="key"/>.</summary>
    public static async Task RequestAsync(AuthzWorld w, string key)
    {
        var created = await w.Client("opd").PostAsJsonAsync(V1 + "/facilitation", Body("opd"), TestApi.Json).OkJson();
        w.Ids[key] = created["id"]!.GetValue<string>();
    }

    private static async Task WithFileAsync(AuthzWorld w, string key, string fileKey)
    {
        await RequestAsync(w, key);
        var form = new MultipartFormDataContent { { new StringContent("Rancangan terlampir."), "text" } };
        var file = new ByteArrayContent(TestApi.Pdf("rancangan matriks"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "files", "rancangan.pdf");
        var m = await w.Client("opd").PostAsync(w.Fill($"{V1}/threads/FacilitationRequest/{{{key}}}/messages"), form).OkJson();
        w.Ids[fileKey] = m["attachments"]![0]!["id"]!.GetValue<string>();
    }

    public static IEnumerable<MatrixRow> Rows =>
    [
        new("GET /facilitation (permohonan saya)", "2xx", Get("/facilitation?list=mine&closed=true")),
        new("GET /facilitation (antrean)", "403; officer,leader,garut,bandung,kupang=2xx", Get("/facilitation?list=queue")),
        new("POST /facilitation to Cimahi", "403; opd,mitra,garut,bandung,kupang=2xx", Post("/facilitation", Body)),
        new("GET facilitation request (DLH)", "404; officer,opd,leader=2xx", Get("/facilitation/{fasGet}"), w => RequestAsync(w, "fasGet")),
        new("POST take on a submitted request", "404; officer=2xx opd,leader=403",
            Post("/facilitation/{fasTake}/actions/take", _ => new { }), w => RequestAsync(w, "fasTake")),
        new("GET thread of a facilitation request", "404; officer,opd,leader=2xx", Get("/threads/FacilitationRequest/{fasThread}/messages"), w => RequestAsync(w, "fasThread")),
        new("POST message in a facilitation thread", "404; officer,opd=2xx leader=403",
            Post("/threads/FacilitationRequest/{fasPost}/messages", alias => new { text = $"Pesan uji matriks dari {alias}" }), w => RequestAsync(w, "fasPost")),
        new("GET attachment of a facilitation thread", "404; officer,opd,leader=2xx",
            Get("/threads/FacilitationRequest/{fasFile}/attachments/{fasFileId}"), w => WithFileAsync(w, "fasFile", "fasFileId")),
    ];

    public static IReadOnlyDictionary<string, string> EndpointRows { get; } = new Dictionary<string, string>
    {
        ["GET /api/v1/facilitation/"] = "GET /facilitation (antrean)",
        ["POST /api/v1/facilitation/"] = "POST /facilitation to Cimahi",
        ["GET /api/v1/facilitation/{id:guid}"] = "GET facilitation request (DLH)",
        ["POST /api/v1/facilitation/{id:guid}/actions/{action}"] = "POST take on a submitted request",
        ["GET /api/v1/threads/{subjectType}/{subjectId:guid}/messages"] = "GET thread of a facilitation request",
        ["POST /api/v1/threads/{subjectType}/{subjectId:guid}/messages"] = "POST message in a facilitation thread",
        ["GET /api/v1/threads/{subjectType}/{subjectId:guid}/attachments/{attachmentId:guid}"] = "GET attachment of a facilitation thread",
    };
}
