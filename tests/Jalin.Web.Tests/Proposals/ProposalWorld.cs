using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Web.Tests.Infrastructure;
using Jalin.Web.Tests.Security;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Proposals;

/// <summary>Proposals the authorization matrix and the API tests act on, made by Cimahi's DLH user (opd.cimahi) and officer.</summary>
public static class ProposalWorld
{
    public static object Body(string title, string? agencyId = null) => new
    {
        title, affairCode = "2.11", agencyId, partnerRegionCode = "32.04", background = "Sampah melampaui kapasitas TPS.", aims = "Sampah ke TPA turun 20%.",
        @object = "Pengolahan sampah bersama", location = "Cimahi", scope = "Pengangkutan dan pengolahan", termMonths = 24, plannedStart = "2027-01-01",
        amount = 250_000_000m, budgetedInApbd = true, fundingSource = "Apbd", contact1Name = "Dadang", contact1Phone = "0812-1111-2222",
    };

    /// <summary>A complete draft by the DLH user, id under <paramref name="key"/>.</summary>
    public static async Task<string> DraftAsync(this AuthzWorld w, string key)
    {
        var created = await w.Client("opd").PostAsJsonAsync("/api/v1/proposals", Body("Uji matriks usulan " + key), TestApi.Json).OkJson();
        return w.Ids[key] = created["id"]!.GetValue<string>();
    }

    public static async Task ActAsync(this AuthzWorld w, string key, string alias, string action, object? body = null) =>
        await w.Client(alias).PostAsJsonAsync($"/api/v1/proposals/{w.Ids[key]}/actions/{action}", body ?? new { note = "uji" }, TestApi.Json).OkJson();

    public static async Task SubmittedAsync(this AuthzWorld w, string key)
    {
        await w.DraftAsync(key);
        await w.ActAsync(key, "opd", "submit");
    }

    public static async Task RecommendedAsync(this AuthzWorld w, string key)
    {
        await w.SubmittedAsync(key);
        await w.ActAsync(key, "officer", "verify");
        await w.ActAsync(key, "tkksd", "assess", new { result = "Feasible", note = "Layak" });
        await w.ActAsync(key, "officer", "recommend", new { kind = "KsddSukarela" });
    }

    public static async Task WithFileAsync(this AuthzWorld w, string key, string fileKey)
    {
        await w.DraftAsync(key);
        var form = Form("TermsOfReference", TestApi.Pdf("KAK usulan " + key));
        var json = await w.Client("opd").PostAsync($"/api/v1/proposals/{w.Ids[key]}/attachments", form).OkJson();
        w.Ids[fileKey] = json["id"]!.GetValue<string>();
    }

    public static MultipartFormDataContent Form(string? kind, byte[]? content, string fileName = "lampiran.pdf")
    {
        var form = new MultipartFormDataContent();
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", fileName);
        }
        return form;
    }

    /// <summary>PUT the proposal back with a new title at its current version (read by the officer).</summary>
    public static async Task<HttpRequestMessage> PutAsync(AuthzWorld w, string key, string alias)
    {
        var d = await w.Client("officer").GetAsync($"/api/v1/proposals/{w.Ids[key]}").OkJson();
        return new HttpRequestMessage(HttpMethod.Put, $"/api/v1/proposals/{w.Ids[key]}?version={d["version"]}")
        {
            Content = JsonContent.Create(Body("Uji matriks usulan diubah oleh " + alias), options: TestApi.Json),
        };
    }
}
