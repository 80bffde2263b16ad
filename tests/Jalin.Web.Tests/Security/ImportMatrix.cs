using System.Net.Http.Json;
using Jalin.Tests.Shared;
using Jalin.Web.Tests.Infrastructure;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #13 item 1: the authorization matrix rows of the import of legacy registers. Only the Bagian Kerja Sama
/// imports, each into its own region: other officers upload and list their own; a Cimahi import is 404 to everyone but
/// Cimahi's officer, and the list and the upload are 403 to every other role. The commit row uses an import that still
/// has errors, so the one allowed caller gets 400 and nothing is written.</summary>
public static class ImportMatrix
{
    private const string V1 = "/api/v1";
    private const string Officers = "officer,garut,bandung,kupang";

    private static MultipartFormDataContent Register(string tag) => new()
    {
        { new ByteArrayContent(LegacyRegisters.Messy(tag)), "file", "register.xlsx" }, { new StringContent("Agreements"), "target" },
    };

    private static async Task SetupAsync(AuthzWorld w)
    {
        if (w.Ids.ContainsKey("imp")) return;
        var response = await w.Client("officer").PostAsync(V1 + "/imports", Register("matriks" + Guid.NewGuid().ToString("N")[..6])).OkJson();
        w.Ids["imp"] = response["id"]!.GetValue<string>();
    }

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Send(HttpMethod method, string path, object? body = null) => (w, _) =>
        Task.FromResult(new HttpRequestMessage(method, V1 + w.Fill(path)) { Content = body is null ? null : JsonContent.Create(body) });

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Multipart(string path, Func<string, MultipartFormDataContent> form) => (w, alias) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Post, V1 + w.Fill(path)) { Content = form(alias) });

    private static MultipartFormDataContent Scan(string alias) => new() { { new ByteArrayContent(LegacyRegisters.Pdf(alias)), "files", $"tidak-ada-{alias}.pdf" } };

    public static readonly MatrixRow[] Rows =
    [
        new("GET /imports", $"403; {Officers}=2xx", Send(HttpMethod.Get, "/imports"), SetupAsync),
        new("POST /imports", $"403; {Officers}=2xx", Multipart("/imports", alias => Register("m" + alias + Guid.NewGuid().ToString("N")[..4])), SetupAsync),
        new("GET /imports/{Cimahi's import}", "404; officer=2xx", Send(HttpMethod.Get, "/imports/{imp}"), SetupAsync),
        new("GET /imports/{Cimahi's import}/file", "404; officer=2xx", Send(HttpMethod.Get, "/imports/{imp}/file"), SetupAsync),
        new("PUT /imports/{Cimahi's import}/mapping", "404; officer=2xx", Send(HttpMethod.Put, "/imports/{imp}/mapping", new { }), SetupAsync),
        new("GET /imports/{Cimahi's import}/rows", "404; officer=2xx", Send(HttpMethod.Get, "/imports/{imp}/rows?onlyProblems=true"), SetupAsync),
        new("PUT /imports/{Cimahi's import}/rows/10", "404; officer=2xx", Send(HttpMethod.Put, "/imports/{imp}/rows/10", new { values = new { startsOn = "28/02/2023" } }), SetupAsync),
        new("PUT /imports/{Cimahi's import}/rows/12/skip", "404; officer=2xx", Send(HttpMethod.Put, "/imports/{imp}/rows/12/skip"), SetupAsync),
        new("DELETE /imports/{Cimahi's import}/rows/12/skip", "404; officer=2xx", Send(HttpMethod.Delete, "/imports/{imp}/rows/12/skip"), SetupAsync),
        new("POST /imports/{Cimahi's import with errors}/commit", "404; officer=400", Send(HttpMethod.Post, "/imports/{imp}/commit"), SetupAsync),
        new("POST /imports/{Cimahi's import}/scans", "404; officer=2xx", Multipart("/imports/{imp}/scans", Scan), SetupAsync),
        new("POST /imports/scans", $"403; {Officers}=2xx", Multipart("/imports/scans", Scan), SetupAsync),
    ];

    /// <summary>Every import endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/imports/"] = "GET /imports",
        ["POST /api/v1/imports/"] = "POST /imports",
        ["GET /api/v1/imports/{id:guid}"] = "GET /imports/{Cimahi's import}",
        ["GET /api/v1/imports/{id:guid}/file"] = "GET /imports/{Cimahi's import}/file",
        ["PUT /api/v1/imports/{id:guid}/mapping"] = "PUT /imports/{Cimahi's import}/mapping",
        ["GET /api/v1/imports/{id:guid}/rows"] = "GET /imports/{Cimahi's import}/rows",
        ["PUT /api/v1/imports/{id:guid}/rows/{row:int}"] = "PUT /imports/{Cimahi's import}/rows/10",
        ["PUT /api/v1/imports/{id:guid}/rows/{row:int}/skip"] = "PUT /imports/{Cimahi's import}/rows/12/skip",
        ["DELETE /api/v1/imports/{id:guid}/rows/{row:int}/skip"] = "DELETE /imports/{Cimahi's import}/rows/12/skip",
        ["POST /api/v1/imports/{id:guid}/commit"] = "POST /imports/{Cimahi's import with errors}/commit",
        ["POST /api/v1/imports/{id:guid}/scans"] = "POST /imports/{Cimahi's import}/scans",
        ["POST /api/v1/imports/scans"] = "POST /imports/scans",
    };
}
