using System.Text.Json.Nodes;
using NJsonSchema;

namespace Jalin.Web.Tests.OpenData;

/// <summary>The OCDS 1.1 package schemas, validated OFFLINE with NJsonSchema: the package schemas $ref the release schema by
/// its web address; here every such $ref is replaced by the local dereferenced release schema (ocds/, copied from the
/// standard's repository with its licence), and the versioned-release $ref (not published by Jalin) by an empty schema.</summary>
public static class OcdsSchemas
{
    private const string ReleaseUrl = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "OpenData", "ocds");
    private static readonly Lazy<Task<JsonSchema>> ReleasePackageSchema = new(() => LoadAsync("release-package-schema.json"));
    private static readonly Lazy<Task<JsonSchema>> RecordPackageSchema = new(() => LoadAsync("record-package-schema.json"));

    public static Task<JsonSchema> ReleasePackage => ReleasePackageSchema.Value;
    public static Task<JsonSchema> RecordPackage => RecordPackageSchema.Value;

    private static async Task<JsonSchema> LoadAsync(string file)
    {
        var release = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Dir, "dereferenced-release-schema.json")))!.AsObject();
        release.Remove("id");
        release.Remove("$schema");
        var package = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Dir, file)))!;
        Inline(package, release);
        return await JsonSchema.FromJsonAsync(package.ToJsonString());
    }

    private static void Inline(JsonNode node, JsonObject release)
    {
        if (node is JsonObject o)
        {
            foreach (var key in o.Select(p => p.Key).ToList())
            {
                var child = o[key];
                if (child is JsonObject c && c["$ref"]?.GetValue<string>() is { } r && r.StartsWith("https://", StringComparison.Ordinal))
                {
                    JsonObject replacement = r == ReleaseUrl ? release.DeepClone().AsObject() : [];
                    foreach (var p in c.Where(p => p.Key != "$ref").ToList()) replacement[p.Key] = p.Value?.DeepClone();
                    o[key] = replacement;
                }
                else if (child is not null) Inline(child, release);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a) if (item is not null) Inline(item, release);
        }
    }

    public static async Task<IReadOnlyList<string>> ErrorsAsync(Task<JsonSchema> schema, string json) =>
        (await schema).Validate(json).Select(e => $"{e.Path}: {e.Kind} {e}").ToList();
}

/// <summary>A tiny RFC 4180 reader (quoted fields, doubled quotes, CRLF) to read the CSV back in tests.</summary>
public static class Rfc4180
{
    public static List<string[]> Read(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); i++; }
            else if (c is '"' or '\r' or '\n') throw new FormatException($"Unexpected {(int)c} at {i}");
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
