using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;

namespace Jalin.Web.Tests.Infrastructure;

/// <summary>Helpers for the drafting API (ISSUE #3): create a draft, turn a draft's clauses back
/// into a save body, read a version as plain text.</summary>
public static class Drafts
{
    public static string Url(Guid agreementId, object? draftId = null, string suffix = "") =>
        $"/api/v1/agreements/{agreementId}/drafts" + (draftId is null ? "" : $"/{draftId}") + suffix;

    public static async Task<JsonNode> CreateDraft(this HttpClient client, Guid agreementId, string templateCode) =>
        await client.PostAsJsonAsync(Url(agreementId), new { templateCode }, Api.Json).OkJson();

    public static async Task<JsonNode> GetDraft(this HttpClient client, Guid agreementId, object draftId, int? version = null) =>
        await client.GetAsync(Url(agreementId, draftId) + (version is null ? "" : $"?version={version}")).OkJson();

    /// <summary>The shown version's clauses as save input (key, type, heading, paragraphs), minus those <paramref name="keep"/> refuses.</summary>
    public static JsonArray ClauseInputs(JsonNode draft, Func<JsonNode, bool>? keep = null)
    {
        var list = new JsonArray();
        foreach (var c in draft["clauses"]!.AsArray().Select(c => c!).Where(c => keep?.Invoke(c) ?? true))
            list.Add(new JsonObject
            {
                ["key"] = c["key"]!.DeepClone(), ["type"] = c["type"]?.DeepClone(), ["heading"] = c["heading"]!.DeepClone(),
                ["paragraphs"] = c["paragraphs"]!.DeepClone(),
            });
        return list;
    }

    /// <summary>A save of the shown version's clauses on top of the latest version.</summary>
    public static JsonObject SaveBody(JsonNode draft, Func<JsonNode, bool>? keep = null, string? note = null) => new()
    {
        ["basedOnVersion"] = draft["latestVersion"]!.GetValue<int>(), ["note"] = note, ["clauses"] = ClauseInputs(draft, keep),
    };

    public static bool IsType(JsonNode clause, string type) => clause["type"]?.GetValue<string>() == type;

    /// <summary>The shown version as text: every heading and paragraph on its own line.</summary>
    public static string Text(JsonNode draft) => string.Join("\n", draft["clauses"]!.AsArray()
        .SelectMany(c => new[] { c!["heading"]!.GetValue<string>() }.Concat(c["paragraphs"]!.AsArray().Select(p => p!.GetValue<string>()))));

    public static JsonNode Compliance(JsonNode draft, string code) =>
        draft["compliance"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == code)!;

    /// <summary>The multipart body of an import: the DOCX, the version it is based on and a note.</summary>
    public static MultipartFormDataContent ImportForm(byte[] docx, int? basedOn, string fileName = "rancangan.docx", string? note = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(file, "file", fileName);
        if (basedOn is { } b) form.Add(new StringContent(b.ToString(System.Globalization.CultureInfo.InvariantCulture)), "basedOnVersion");
        if (note is not null) form.Add(new StringContent(note), "note");
        return form;
    }

    /// <summary>A copy of <paramref name="docx"/> with the first text run containing <paramref name="from"/> changed,
    /// as a partner editing Jalin's DOCX in Word would.</summary>
    public static byte[] EditText(byte[] docx, string from, string to)
    {
        using var ms = new MemoryStream();
        ms.Write(docx);
        using (var doc = WordprocessingDocument.Open(ms, true))
        {
            var text = doc.MainDocumentPart!.Document!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().First(t => t.Text.Contains(from, StringComparison.Ordinal));
            text.Text = text.Text.Replace(from, to, StringComparison.Ordinal);
        }
        return ms.ToArray();
    }
}
