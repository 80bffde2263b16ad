using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jalin.Web.Tests.Infrastructure;

/// <summary>Small helpers over the real HTTP API, so tests read like a user's steps.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonNode> ReadJson(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static async Task<JsonNode> OkJson(this Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<HttpResponseMessage> Expect(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        var response = await call;
        if (response.StatusCode != status)
            Assert.Fail($"expected {(int)status} got {(int)response.StatusCode} for {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>A small valid PDF whose bytes differ per label (so each file has its own SHA-256).</summary>
    public static byte[] Pdf(string label) => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% {label} {Guid.NewGuid()}\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static Task<HttpResponseMessage> Upload(this HttpClient client, Guid agreementId, string kind, byte[]? content = null, string? signedOn = null,
        string? parentDocumentId = null, string visibility = "Internal", string? title = null, string fileName = "dokumen.pdf", string? number = null)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(kind), "kind");
        form.Add(new StringContent(visibility), "visibility");
        if (title is not null) form.Add(new StringContent(title), "title");
        if (signedOn is not null) form.Add(new StringContent(signedOn), "signedOn");
        if (parentDocumentId is not null) form.Add(new StringContent(parentDocumentId), "parentDocumentId");
        if (number is not null) form.Add(new StringContent(number), "number");
        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", fileName);
        }
        return client.PostAsync($"/api/v1/agreements/{agreementId}/documents", form);
    }

    public static Task<HttpResponseMessage> Act(this HttpClient client, Guid agreementId, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/actions/{action}", body ?? new { }, Json);

    public static async Task<Guid> CreateAgreement(this HttpClient client, object input)
    {
        var json = await client.PostAsJsonAsync("/api/v1/agreements", input, Json).OkJson();
        return json["id"]!.GetValue<Guid>();
    }

    public static async Task<Guid> PartnerOfKind(this HttpClient client, string kind)
    {
        var page = await client.GetAsync($"/api/v1/partners?kind={kind}&pageSize=1").OkJson();
        return page["items"]![0]!["id"]!.GetValue<Guid>();
    }

    public static async Task<Guid> FirstAgency(this HttpClient client, string region)
    {
        var list = await client.GetAsync($"/api/v1/regions/{region}/agencies").OkJson();
        return list[0]!["id"]!.GetValue<Guid>();
    }
}
