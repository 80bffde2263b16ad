using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Jalin.Web.Tests.Infrastructure;

/// <summary>Walks an agreement forward through the real API the way an officer does: read the
/// next actions, satisfy the named missing prerequisites (upload the document, fill numbers and
/// dates), apply the first forward action. Returns the actions applied.</summary>
public sealed class LifecycleWalker(HttpClient client, Guid id, DateOnly today)
{
    private readonly HashSet<string> _appliedStays = [];
    public List<string> Applied { get; } = [];

    public async Task<string> StageAsync() => (await client.GetAsync($"/api/v1/agreements/{id}").OkJson())["stage"]!.GetValue<string>();

    /// <summary>Applies forward actions until the agreement reaches <paramref name="target"/>.</summary>
    public async Task WalkToAsync(string target, string? stopBefore = null, int maxSteps = 40)
    {
        for (var step = 0; step < maxSteps; step++)
        {
            var stage = await StageAsync();
            if (stage == target) return;
            var options = (await client.GetAsync($"/api/v1/agreements/{id}/actions").OkJson()).AsArray();
            // The table marks the usual route (mainPath); the demo seeder follows the same flag.
            var next = options.Select(o => o!).FirstOrDefault(o => o["mainPath"]!.GetValue<bool>()
                && !o["systemOnly"]!.GetValue<bool>() && !_appliedStays.Contains(stage + ":" + o["action"]!.GetValue<string>()));
            Assert.True(next is not null, $"no forward action at {stage}: {options.ToJsonString()}");
            var action = next!["action"]!.GetValue<string>();
            if (action == stopBefore) return;
            foreach (var p in next["checklist"]!.AsArray().Where(c => !c!["met"]!.GetValue<bool>()))
                await SatisfyAsync(p!["code"]!.GetValue<string>());
            var body = new JsonObject { ["note"] = $"langkah {action}" };
            var decisions = next["decisions"]!.AsArray();
            if (decisions.Count > 0) body["decision"] = decisions[0]!["code"]!.GetValue<string>();
            var result = await client.Act(id, action, body).OkJson();
            Applied.Add(action);
            if (result["from"]!.GetValue<string>() == result["to"]!.GetValue<string>()) _appliedStays.Add(stage + ":" + action);
        }
        Assert.Fail($"did not reach {target} in {maxSteps} steps; applied {string.Join(", ", Applied)}");
    }

    public async Task SatisfyAsync(string code)
    {
        var signed = today.AddDays(-1).ToString("yyyy-MM-dd");
        switch (code.Split(':'))
        {
            case ["doc", var kind]:
                await Upload(kind, signedOn: null, parent: kind == "PerjanjianKerjaSama" ? await DocumentId("KesepakatanBersama") : null);
                break;
            case ["signed", var kind]:
                await Upload(kind, signed, kind == "PerjanjianKerjaSama" ? await DocumentId("KesepakatanBersama") : null);
                break;
            case ["pks-names-kb"]:
                await Upload("PerjanjianKerjaSama", null, await DocumentId("KesepakatanBersama"));
                break;
            case ["power-of-attorney"]:
                await Upload("PowerOfAttorney", null, null);
                break;
            case ["signed-addendum"]:
                await Upload("Addendum", signed, await DocumentId("PerjanjianKerjaSama") ?? await DocumentId("KesepakatanBersama") ?? await DocumentId("NotaKesepakatan") ?? await DocumentId("NaskahLuarNegeri"));
                break;
            case ["party-numbers"] or ["term"] or ["term-5-years"]:
                await FillNumbersAndTermAsync();
                break;
            case ["kb-signatories"]:
                // PP 28/2018 Ps 2(1), 13(1): the heads of region sign the KB themselves
                await FillNumbersAndTermAsync(i =>
                {
                    i["signatoryOffice"] = "Wali Kota Cimahi";
                    foreach (var p in i["parties"]!.AsArray().Where(p => p!["regionCode"] is not null)) p!["signatoryOffice"] = "Kepala Daerah";
                });
                break;
            case ["nk-work-plan"]:
                await Upload("WorkPlanAnnex", null, null);
                break;
            case ["own-regime-basis"]:
                await FillNumbersAndTermAsync(i => i["ownRegimeBasis"] = "PP 27/2014 tentang Pengelolaan Barang Milik Negara/Daerah; Kerja Sama Pemanfaatan");
                break;
            default:
                Assert.Fail($"the walker does not know how to satisfy '{code}'");
                break;
        }
    }

    private async Task Upload(string kind, string? signedOn, Guid? parent)
    {
        await client.Upload(id, kind, Api.Pdf(kind), signedOn: signedOn, parentDocumentId: parent?.ToString(), visibility: "Shared", title: kind).OkJson();
    }

    private async Task<Guid?> DocumentId(string kind)
    {
        var docs = (await client.GetAsync($"/api/v1/agreements/{id}/documents").OkJson()).AsArray();
        var doc = docs.LastOrDefault(d => d!["kind"]!.GetValue<string>() == kind);
        return doc?["id"]!.GetValue<Guid>();
    }

    /// <summary>PUTs the agreement back with every party's number and a term filled in.</summary>
    public async Task<JsonNode> FillNumbersAndTermAsync(Action<JsonObject>? change = null)
    {
        var response = await client.GetAsync($"/api/v1/agreements/{id}");
        var d = await response.ReadJson();
        var input = ToInput(d);
        input["documentNumber"] = $"415.4/{Random.Shared.Next(100, 999)}/Bag.KS";
        input["startsOn"] ??= today.AddDays(-1).ToString("yyyy-MM-dd");
        input["endsOn"] ??= today.AddYears(2).ToString("yyyy-MM-dd");
        foreach (var p in input["parties"]!.AsArray()) p!["documentNumber"] = $"119/PKS/{Random.Shared.Next(100, 999)}/2026";
        change?.Invoke(input);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/agreements/{id}") { Content = JsonContent.Create(input) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{d["version"]}\"");
        return await client.SendAsync(request).OkJson();
    }

    public static JsonObject ToInput(JsonNode d)
    {
        var parties = new JsonArray();
        foreach (var p in d["parties"]!.AsArray().Where(p => p!["order"]!.GetValue<int>() > 1))
        {
            var party = new JsonObject();
            if (p!["partnerId"] is { } partner && partner.GetValueKind() != System.Text.Json.JsonValueKind.Null) party["partnerId"] = partner.DeepClone();
            else party["regionCode"] = p["regionCode"]!.DeepClone();
            party["documentNumber"] = p["documentNumber"]?.DeepClone();
            party["signatoryName"] = p["signatoryName"]?.DeepClone();
            party["signatoryOffice"] = p["signatoryOffice"]?.DeepClone();
            party["leadAgencyName"] = p["leadAgencyName"]?.DeepClone();
            parties.Add(party);
        }
        var owner = d["parties"]!.AsArray().First(p => p!["order"]!.GetValue<int>() == 1)!;
        var input = new JsonObject();
        foreach (var key in new[] { "kind", "title", "object", "scope", "affairCode", "value", "fundingSource", "budgetedInApbd", "burdensPublic", "startsOn", "endsOn",
                     "initiative", "isForwarding", "mappingReference", "borderingConfirmed", "borderingNote", "termBasis", "ksdpkKind", "subAffairCode", "ownRegimeBasis" })
            input[key] = d[key]?.DeepClone();
        input["leadAgencyId"] = owner["leadAgencyId"]?.DeepClone();
        input["documentNumber"] = owner["documentNumber"]?.DeepClone();
        input["signatoryName"] = owner["signatoryName"]?.DeepClone();
        input["signatoryOffice"] = owner["signatoryOffice"]?.DeepClone();
        input["parties"] = parties;
        return input;
    }
}
