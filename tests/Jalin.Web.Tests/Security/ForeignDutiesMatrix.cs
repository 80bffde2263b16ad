using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #11 item 6: the authorization matrix rows of the foreign cooperation duties, on Kota Bandung's demo sister
/// city agreement with Braunschweig (its past yearly plans final, one supervision by the Governor recorded, one scheduled).
/// The owning region's officer records the plan and the extension decision and answers the follow-up; the Governor of Jawa
/// Barat (pembina.jabar) supervises it (Permendagri 25/2020 Pasal 39 ayat (2)); the Minister (pembina.kemendagri) reads it
/// but supervises only provinces'; Cimahi, Garut and every other region get 404. Rows send bad input, so nothing is stored.</summary>
public static class ForeignDutiesMatrix
{
    private const string V1 = "/api/v1";

    private static async Task<string> IdAsync(AuthzWorld w, string key, Func<Task<string>> find)
    {
        if (!w.Ids.TryGetValue(key, out var id)) w.Ids[key] = id = await find();
        return id;
    }

    private static Task<string> AgreementAsync(AuthzWorld w) => IdAsync(w, "lnBraunschweig", async () =>
        (await w.Client("bandung").GetAsync($"{V1}/agreements?q={Uri.EscapeDataString("Bandung–Braunschweig")}").OkJson())["items"]!.AsArray()[0]!["id"]!.GetValue<string>());

    private static async Task<string> FillAsync(AuthzWorld w, string path)
    {
        var id = await AgreementAsync(w);
        path = path.Replace("{ln}", id);
        if (path.Contains("{finalYear}"))
            path = path.Replace("{finalYear}", await IdAsync(w, "lnFinalYear", async () =>
                (await w.Client("bandung").GetAsync($"{V1}/agreements/{id}/foreign-duties").OkJson())["plans"]!.AsArray()
                    .First(p => p!["fileName"] is not null)!["year"]!.GetValue<int>().ToString()));
        if (path.Contains("{upcoming}"))
            path = path.Replace("{upcoming}", await IdAsync(w, "lnUpcoming", async () =>
                (await w.Client("prov").GetAsync($"{V1}/foreign-supervisions").OkJson())["upcoming"]!.AsArray()
                    .First(s => s!["agreementId"]!.GetValue<string>() == id)!["id"]!.GetValue<string>()));
        if (path.Contains("{done}"))
            path = path.Replace("{done}", await IdAsync(w, "lnDone", async () =>
                (await w.Client("bandung").GetAsync($"{V1}/agreements/{id}/foreign-duties").OkJson())["supervisions"]!.AsArray()
                    .First(s => s!["doneOn"] is not null)!["id"]!.GetValue<string>()));
        return V1 + path;
    }

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => async (w, _) => new HttpRequestMessage(HttpMethod.Get, await FillAsync(w, path));

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Send(HttpMethod method, string path, object? body = null) => async (w, _) =>
        new HttpRequestMessage(method, await FillAsync(w, path)) { Content = body is null ? null : JsonContent.Create(body, options: TestApi.Json) };

    /// <summary>A multipart upload of a file whose content is not what its name says: refused as input after the access checks.</summary>
    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Upload(string path) => async (w, _) =>
        new HttpRequestMessage(HttpMethod.Post, await FillAsync(w, path))
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("bukan pdf"u8.ToArray()), "file", "surat.pdf" } },
        };

    private static readonly object BadPlan = new { rows = Array.Empty<object>() };

    public static readonly MatrixRow[] Rows =
    [
        new("GET /agreements/{Braunschweig}/foreign-duties", "404; bandung,prov,nat=2xx", Get("/agreements/{ln}/foreign-duties")),
        new("PUT /agreements/{Braunschweig}/foreign-duties/plans/{year} (no rows)", "404; bandung=400 prov,nat=403",
            Send(HttpMethod.Put, "/agreements/{ln}/foreign-duties/plans/{finalYear}", BadPlan)),
        // The past year's plan is already final: finalizing again is a conflict for its officer.
        new("POST /agreements/{Braunschweig}/foreign-duties/plans/{final year}/finalize", "404; bandung=409 prov,nat=403",
            Send(HttpMethod.Post, "/agreements/{ln}/foreign-duties/plans/{finalYear}/finalize")),
        new("POST /agreements/{Braunschweig}/foreign-duties/plans/{year}/scan (not a PDF)", "404; bandung=400 prov,nat=403",
            Upload("/agreements/{ln}/foreign-duties/plans/{finalYear}/scan")),
        new("GET /agreements/{Braunschweig}/foreign-duties/plans/{final year}/document", "404; bandung,prov,nat=2xx",
            Get("/agreements/{ln}/foreign-duties/plans/{finalYear}/document")),
        new("PUT /agreements/{Braunschweig}/foreign-duties/extension (no choice)", "404; bandung=400 prov,nat=403",
            Send(HttpMethod.Put, "/agreements/{ln}/foreign-duties/extension", new { letterNumber = "x" })),
        // No request letter recorded yet: attaching its file is a conflict for the officer.
        new("POST /agreements/{Braunschweig}/foreign-duties/extension/document", "404; bandung=409 prov,nat=403",
            Upload("/agreements/{ln}/foreign-duties/extension/document")),
        new("GET /agreements/{Braunschweig}/foreign-duties/extension/document (none)", "404", Get("/agreements/{ln}/foreign-duties/extension/document")),
        new("PUT /foreign-duties/settings (day 40)", "403; officer,garut,bandung,kupang=400", Send(HttpMethod.Put, "/foreign-duties/settings", new { planJanuaryDay = 40 })),
        new("GET /foreign-supervisions", "403; prov,nat=2xx", Get("/foreign-supervisions")),
        new("POST /foreign-supervisions (no method)", "403; prov,nat=400", Send(HttpMethod.Post, "/foreign-supervisions", new { plannedOn = "2026-12-01" })),
        new("PUT /foreign-supervisions/{scheduled}/result (no findings)", "404; prov=400 nat,bandung=403",
            Send(HttpMethod.Put, "/foreign-supervisions/{upcoming}/result", new { doneOn = "2020-01-01" })),
        new("POST /foreign-supervisions/{scheduled}/document (not a PDF)", "404; prov=400 nat,bandung=403", Upload("/foreign-supervisions/{upcoming}/document")),
        new("GET /foreign-supervisions/{done}/document (none)", "404", Get("/foreign-supervisions/{done}/document")),
        new("PUT /foreign-supervisions/{done}/answer (empty)", "404; bandung=400 prov,nat=403", Send(HttpMethod.Put, "/foreign-supervisions/{done}/answer", new { answer = " " })),
    ];

    /// <summary>Every foreign-duties endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/agreements/{id:guid}/foreign-duties/"] = "GET /agreements/{Braunschweig}/foreign-duties",
        ["PUT /api/v1/agreements/{id:guid}/foreign-duties/plans/{year:int}"] = "PUT /agreements/{Braunschweig}/foreign-duties/plans/{year} (no rows)",
        ["POST /api/v1/agreements/{id:guid}/foreign-duties/plans/{year:int}/finalize"] = "POST /agreements/{Braunschweig}/foreign-duties/plans/{final year}/finalize",
        ["POST /api/v1/agreements/{id:guid}/foreign-duties/plans/{year:int}/scan"] = "POST /agreements/{Braunschweig}/foreign-duties/plans/{year}/scan (not a PDF)",
        ["GET /api/v1/agreements/{id:guid}/foreign-duties/plans/{year:int}/document"] = "GET /agreements/{Braunschweig}/foreign-duties/plans/{final year}/document",
        ["PUT /api/v1/agreements/{id:guid}/foreign-duties/extension"] = "PUT /agreements/{Braunschweig}/foreign-duties/extension (no choice)",
        ["POST /api/v1/agreements/{id:guid}/foreign-duties/extension/document"] = "POST /agreements/{Braunschweig}/foreign-duties/extension/document",
        ["GET /api/v1/agreements/{id:guid}/foreign-duties/extension/document"] = "GET /agreements/{Braunschweig}/foreign-duties/extension/document (none)",
        ["PUT /api/v1/foreign-duties/settings"] = "PUT /foreign-duties/settings (day 40)",
        ["GET /api/v1/foreign-supervisions/"] = "GET /foreign-supervisions",
        ["POST /api/v1/foreign-supervisions/"] = "POST /foreign-supervisions (no method)",
        ["PUT /api/v1/foreign-supervisions/{sid:guid}/result"] = "PUT /foreign-supervisions/{scheduled}/result (no findings)",
        ["POST /api/v1/foreign-supervisions/{sid:guid}/document"] = "POST /foreign-supervisions/{scheduled}/document (not a PDF)",
        ["GET /api/v1/foreign-supervisions/{sid:guid}/document"] = "GET /foreign-supervisions/{done}/document (none)",
        ["PUT /api/v1/foreign-supervisions/{sid:guid}/answer"] = "PUT /foreign-supervisions/{done}/answer (empty)",
    };
}
