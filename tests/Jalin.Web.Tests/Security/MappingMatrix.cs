using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #10 items 1–2: the authorization matrix rows of /api/v1/mapping. Cimahi's insiders read Cimahi's mapping;
/// other regions' officers read only accepted potentials; the Bagian Kerja Sama accepts, returns, archives, opens rounds
/// and reminds; the OPD writes its own items and marks its round done; matches are the need owner's officer's.</summary>
public static class MappingMatrix
{
    private const string V1 = "/api/v1/mapping";
    private const string Insiders = "opd,tkksd,leader,auditor";

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => async (w, _) =>
        new HttpRequestMessage(HttpMethod.Get, await FillAsync(w, V1 + path));

    private static async Task<string> FillAsync(AuthzWorld w, string path)
    {
        if (!w.Ids.ContainsKey("mapNeed"))
        {
            var officer = w.Client("officer");
            var items = (await officer.GetAsync(V1 + "/items?kind=Need&status=Accepted").OkJson()).AsArray();
            w.Ids["mapNeed"] = items.First(i => i!["title"]!.GetValue<string>().Contains("cabai"))!["id"]!.GetValue<string>();
            var offers = (await officer.GetAsync(V1 + "/items?regionCode=32.05&kind=Potential").OkJson()).AsArray();
            w.Ids["mapGarutPotential"] = offers.First(i => i!["title"]!.GetValue<string>().Contains("cabai"))!["id"]!.GetValue<string>();
            var rounds = (await officer.GetAsync(V1 + "/rounds").OkJson()).AsArray();
            w.Ids["mapRound"] = rounds.First(r => r!["isOpen"]!.GetValue<bool>())!["id"]!.GetValue<string>();
            var agencies = (await officer.GetAsync("/api/v1/regions/32.77/agencies").OkJson()).AsArray();
            w.Ids["mapDlh"] = agencies.First(a => a!["shortName"]?.GetValue<string>() == "DLH")!["id"]!.GetValue<string>();
        }
        return w.Fill(path);
    }

    /// <summary>A fresh Cimahi item of DLH (the OPD column's own OPD), recorded by the officer and moved to <paramref name="status"/>.</summary>
    public static async Task<string> FreshItemAsync(AuthzWorld w, string status, string? roundId = null)
    {
        await FillAsync(w, "");
        var officer = w.Client("officer");
        var created = await officer.PostAsJsonAsync(V1 + "/items", new
        {
            kind = "Need", title = "Uji matriks pemetaan " + Guid.NewGuid().ToString("N")[..6], affairCode = "2.11", agencyId = w.Ids["mapDlh"], roundId,
        }, Jalin.Web.Tests.Infrastructure.Api.Json).OkJson();
        var id = created["id"]!.GetValue<string>();
        if (status is "Submitted" or "Accepted") await officer.PostAsync($"{V1}/items/{id}/submit", null).OkJson();
        if (status == "Accepted") await officer.PostAsync($"{V1}/items/{id}/accept", null).OkJson();
        return id;
    }

    public static async Task<string> FreshRoundAsync(AuthzWorld w)
    {
        var today = Jalin.Core.Common.Wib.Today(w.App.Clock);
        var round = await w.Client("officer").PostAsJsonAsync(V1 + "/rounds", new
        {
            title = "Putaran uji matriks " + Guid.NewGuid().ToString("N")[..6], year = today.Year, deadline = today.AddDays(30).ToString("yyyy-MM-dd"),
        }, Jalin.Web.Tests.Infrastructure.Api.Json).OkJson();
        return round["id"]!.GetValue<string>();
    }

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> OnFreshItem(string status, string action, object? body = null) => async (w, _) =>
        new HttpRequestMessage(HttpMethod.Post, $"{V1}/items/{await FreshItemAsync(w, status)}/{action}") { Content = body is null ? null : JsonContent.Create(body) };

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> OnFreshRound(string action, bool withDlhItem = false) => async (w, _) =>
    {
        var round = await FreshRoundAsync(w);
        if (withDlhItem) await FreshItemAsync(w, "Draft", round);
        return new HttpRequestMessage(HttpMethod.Post, $"{V1}/rounds/{round}/{action}") { Content = JsonContent.Create(new { }) };
    };

    public static readonly MatrixRow[] Rows =
    [
        new("GET /mapping/items", "2xx", Get("/items")),
        new("GET /mapping/items/{Cimahi's accepted need}", $"404; officer,{Insiders},prov,nat=2xx", Get("/items/{mapNeed}")),
        new("GET /mapping/items/{Garut's accepted potential}", "404; officer,garut,bandung,kupang,prov,nat=2xx", Get("/items/{mapGarutPotential}")),
        new("POST /mapping/items", "403; officer,opd=2xx garut,bandung,kupang=400", async (w, alias) =>
        {
            await FillAsync(w, "");
            return new HttpRequestMessage(HttpMethod.Post, V1 + "/items")
            {
                Content = JsonContent.Create(new
                {
                    kind = "Need", title = $"Kebutuhan uji matriks ({alias})", affairCode = "2.11", agencyId = alias == "opd" ? null : w.Ids["mapDlh"],
                }),
            };
        }),
        new("PUT /mapping/items/{id} (Cimahi DLH draft)", "404; officer,opd=2xx tkksd,leader,auditor=403", async (w, alias) =>
        {
            var id = await FreshItemAsync(w, "Draft");
            return new HttpRequestMessage(HttpMethod.Put, $"{V1}/items/{id}?version=0")
            {
                Content = JsonContent.Create(new { kind = "Need", title = $"Diubah oleh {alias} uji", affairCode = "2.11", agencyId = w.Ids["mapDlh"] }),
            };
        }),
        new("POST /mapping/items/{id}/submit", "404; officer,opd=2xx tkksd,leader,auditor=403", OnFreshItem("Draft", "submit")),
        new("POST /mapping/items/{id}/accept", $"404; officer=2xx {Insiders}=403", OnFreshItem("Submitted", "accept")),
        new("POST /mapping/items/{id}/return", $"404; officer=2xx {Insiders}=403", OnFreshItem("Submitted", "return", new { note = "Lengkapi lokasi dan program." })),
        new("POST /mapping/items/{id}/archive", $"404; officer=2xx {Insiders}=403", OnFreshItem("Draft", "archive")),
        new("GET /mapping/items/{need}/matches", $"404; officer=2xx {Insiders},prov,nat=403", Get("/items/{mapNeed}/matches")),
        new("GET /mapping/rounds", $"403; officer,{Insiders},garut,bandung,kupang=2xx", Get("/rounds")),
        new("POST /mapping/rounds", "403; officer,garut,bandung,kupang=2xx", (w, alias) =>
        {
            var today = Jalin.Core.Common.Wib.Today(w.App.Clock);
            return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, V1 + "/rounds")
            {
                Content = JsonContent.Create(new { title = $"Putaran uji ({alias})", year = today.Year, deadline = today.AddDays(20).ToString("yyyy-MM-dd") }),
            });
        }),
        new("GET /mapping/rounds/{Cimahi's open round}", $"404; officer,{Insiders}=2xx", Get("/rounds/{mapRound}")),
        new("POST /mapping/rounds/{id}/close", $"404; officer=2xx {Insiders}=403", OnFreshRound("close")),
        new("POST /mapping/rounds/{id}/submit", $"404; opd=2xx officer,tkksd,leader,auditor=403", OnFreshRound("submit", withDlhItem: true)),
        new("POST /mapping/rounds/{id}/reminders", $"404; officer=2xx {Insiders}=403", OnFreshRound("reminders")),
        new("GET /mapping/reminders", "2xx", Get("/reminders")),
        new("GET /mapping/report?regionCode=32.77", "404; officer,tkksd,leader,auditor,prov,nat=2xx opd=403", Get("/report?regionCode=32.77")),
        new("GET /mapping/report/xlsx", "404; officer,tkksd,leader,auditor,prov,nat=2xx opd=403", Get("/report/xlsx?regionCode=32.77")),
        new("GET /mapping/report/pdf", "404; officer,tkksd,leader,auditor,prov,nat=2xx opd=403", Get("/report/pdf?regionCode=32.77")),
    ];

    /// <summary>Every /api/v1/mapping endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/mapping/items"] = "GET /mapping/items",
        ["GET /api/v1/mapping/items/{id:guid}"] = "GET /mapping/items/{Cimahi's accepted need}",
        ["POST /api/v1/mapping/items"] = "POST /mapping/items",
        ["PUT /api/v1/mapping/items/{id:guid}"] = "PUT /mapping/items/{id} (Cimahi DLH draft)",
        ["POST /api/v1/mapping/items/{id:guid}/submit"] = "POST /mapping/items/{id}/submit",
        ["POST /api/v1/mapping/items/{id:guid}/accept"] = "POST /mapping/items/{id}/accept",
        ["POST /api/v1/mapping/items/{id:guid}/return"] = "POST /mapping/items/{id}/return",
        ["POST /api/v1/mapping/items/{id:guid}/archive"] = "POST /mapping/items/{id}/archive",
        ["GET /api/v1/mapping/items/{id:guid}/matches"] = "GET /mapping/items/{need}/matches",
        ["GET /api/v1/mapping/rounds"] = "GET /mapping/rounds",
        ["POST /api/v1/mapping/rounds"] = "POST /mapping/rounds",
        ["GET /api/v1/mapping/rounds/{id:guid}"] = "GET /mapping/rounds/{Cimahi's open round}",
        ["POST /api/v1/mapping/rounds/{id:guid}/close"] = "POST /mapping/rounds/{id}/close",
        ["POST /api/v1/mapping/rounds/{id:guid}/submit"] = "POST /mapping/rounds/{id}/submit",
        ["POST /api/v1/mapping/rounds/{id:guid}/reminders"] = "POST /mapping/rounds/{id}/reminders",
        ["GET /api/v1/mapping/reminders"] = "GET /mapping/reminders",
        ["GET /api/v1/mapping/report"] = "GET /mapping/report?regionCode=32.77",
        ["GET /api/v1/mapping/report/xlsx"] = "GET /mapping/report/xlsx",
        ["GET /api/v1/mapping/report/pdf"] = "GET /mapping/report/pdf",
    };
}
