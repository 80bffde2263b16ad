using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jalin.Core.Common;
using Jalin.Tests.Shared;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Validation;

/// <summary>Bad input on every write endpoint: 400 ValidationProblemDetails (Indonesian field
/// messages) or another 4xx, never 500, and nothing saved.</summary>
public abstract class BadInputTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private const string Officer = "kerjasama.cimahi";

    /// <summary>Row counts of everything a write could touch, plus the files on disk.</summary>
    private sealed record Snapshot(int Agreements, int Parties, int Documents, int History, int Audit, int Partners, int Agencies, int Users, int StoredFiles, int FilesOnDisk,
        int Drafts, int DraftVersions, int DraftComments, int DocumentVerifications, int RegionSettings, int SigningRecords, int RegionTemplates, int LibraryClauses, int Holidays);

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var db = app.NewDb();
        var onDisk = Directory.Exists(app.FilesRoot) ? Directory.EnumerateFiles(app.FilesRoot, "*", SearchOption.AllDirectories).Count() : 0;
        return new Snapshot(await db.Agreements.CountAsync(), await db.AgreementParties.CountAsync(), await db.AgreementDocuments.CountAsync(),
            await db.StageChanges.CountAsync(), await db.AuditEntries.CountAsync(), await db.Partners.CountAsync(), await db.Agencies.CountAsync(),
            await db.Users.CountAsync(), await db.StoredFiles.CountAsync(), onDisk, await db.Drafts.CountAsync(), await db.DraftVersions.CountAsync(),
            await db.DraftComments.CountAsync(), await db.DocumentVerifications.CountAsync(), await db.RegionSettings.CountAsync(),
            await db.SigningRecords.CountAsync(), await db.RegionTemplates.CountAsync(), await db.LibraryClauses.CountAsync(), await db.Holidays.CountAsync());
    }

    private async Task NothingSaved(Snapshot before, string context)
    {
        var after = await SnapshotAsync();
        Assert.True(before == after, $"{context}: something was saved. before {before}, after {after}");
    }

    private static Task<HttpResponseMessage> Raw(HttpClient client, HttpMethod method, string url, string body, string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    private static Task<HttpResponseMessage> Json(HttpClient client, HttpMethod method, string url, JsonNode body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") });

    private static async Task AssertClientError(HttpResponseMessage response, string context, HttpStatusCode? status = null)
    {
        var code = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(code is >= 400 and < 500, $"{context}: expected 4xx, got {code}: {body}");
        if (status is { } s) Assert.True(response.StatusCode == s, $"{context}: expected {(int)s}, got {code}: {body}");
        await ProblemAssert.IsProblem(response, context);
    }

    // ---------------------------------------------------------------- agreements: create

    private static JsonObject ValidAgreement() => new()
    {
        ["kind"] = "KsddSukarela", ["title"] = "Uji masukan buruk: kerja sama pasokan pangan", ["budgetedInApbd"] = true,
        ["parties"] = new JsonArray(new JsonObject { ["regionCode"] = "32.17" }),
    };

    /// <summary>name → (field that must be named in errors, change to a valid input). Placeholders
    /// {unjani}, {bps}, {leipzig}, {garutPartner}, {garutAgency} are filled from the demo data.</summary>
    private static readonly Dictionary<string, (string Field, Action<JsonObject> Change)> AgreementCases = new()
    {
        ["title missing"] = ("title", i => i.Remove("title")),
        ["kind missing"] = ("kind", i => i.Remove("kind")),
        ["title too short"] = ("title", i => i["title"] = "abc"),
        ["title too long (501)"] = ("title", i => i["title"] = new string('j', 501)),
        ["object too long (2001)"] = ("object", i => i["object"] = new string('o', 2001)),
        ["scope too long (4001)"] = ("scope", i => i["scope"] = new string('r', 4001)),
        ["mappingReference too long (201)"] = ("mappingReference", i => i["mappingReference"] = new string('p', 201)),
        ["borderingNote too long (1001)"] = ("borderingNote", i => i["borderingNote"] = new string('b', 1001)),
        ["termBasis too long (1001)"] = ("termBasis", i => i["termBasis"] = new string('d', 1001)),
        ["signatoryName too long (201)"] = ("signatoryName", i => i["signatoryName"] = new string('s', 201)),
        ["party documentNumber too long (101)"] = ("parties[0].documentNumber", i => i["parties"]![0]!["documentNumber"] = new string('n', 101)),
        ["negative value"] = ("value", i => i["value"] = -1),
        ["ends before it starts"] = ("endsOn", i => { i["startsOn"] = "2026-06-01"; i["endsOn"] = "2026-01-01"; }),
        ["ends on the day it starts"] = ("endsOn", i => { i["startsOn"] = "2026-06-01"; i["endsOn"] = "2026-06-01"; }),
        ["end without start"] = ("startsOn", i => i["endsOn"] = "2027-01-01"),
        ["foreign term over 5 years"] = ("endsOn", i =>
        {
            i["kind"] = "Ksdpl"; i["parties"] = new JsonArray(new JsonObject { ["partnerId"] = "{leipzig}" });
            i["startsOn"] = "2026-01-01"; i["endsOn"] = "2031-06-01";
        }),
        ["domestic term over the limit without legal basis"] = ("termBasis", i => { i["startsOn"] = "2026-01-01"; i["endsOn"] = "2040-01-01"; }),
        ["unknown region code"] = ("parties[0].regionCode", i => i["parties"]![0]!["regionCode"] = "99.99"),
        ["malformed region code"] = ("parties[0].regionCode", i => i["parties"]![0]!["regionCode"] = "'; DROP TABLE"),
        ["own region as the other party"] = ("parties[0].regionCode", i => i["parties"]![0]!["regionCode"] = "32.77"),
        ["same region twice"] = ("parties[1].regionCode", i => i["parties"] = new JsonArray(new JsonObject { ["regionCode"] = "32.17" }, new JsonObject { ["regionCode"] = "32.17" })),
        ["party with region and partner"] = ("parties[0]", i => i["parties"]![0]!["partnerId"] = "{unjani}"),
        ["party with neither"] = ("parties[0]", i => i["parties"] = new JsonArray(new JsonObject { ["documentNumber"] = "1/2026" })),
        ["no other party"] = ("parties", i => i["parties"] = new JsonArray()),
        // PP 28/2018 Pasal 3 ayat (2): a KSDD wajib is between bordering regions (Kota Cimahi–Kota Kupang do not border).
        ["KSDD wajib with a region that does not border"] = ("parties", i => { i["kind"] = "KsddWajib"; i["parties"] = new JsonArray(new JsonObject { ["regionCode"] = "53.71" }); }),
        ["KSDD wajib bordering confirmed without a reason"] = ("borderingNote", i =>
        {
            i["kind"] = "KsddWajib"; i["borderingConfirmed"] = true; i["parties"] = new JsonArray(new JsonObject { ["regionCode"] = "53.71" });
        }),
        ["KSDD with a university"] = ("parties[0].partnerId", i => i["parties"] = new JsonArray(new JsonObject { ["partnerId"] = "{unjani}" })),
        ["KSDPK with a central government body"] = ("parties[0].partnerId", i =>
        {
            i["kind"] = "Ksdpk"; i["ksdpkKind"] = "PublicService"; i["initiative"] = "Region"; i["parties"] = new JsonArray(new JsonObject { ["partnerId"] = "{bps}" });
        }),
        ["Sinergi with a university"] = ("parties[0].partnerId", i => { i["kind"] = "Sinergi"; i["parties"] = new JsonArray(new JsonObject { ["partnerId"] = "{unjani}" }); }),
        ["another region's partner"] = ("parties[0].partnerId", i =>
        {
            i["kind"] = "Ksdpk"; i["ksdpkKind"] = "PublicService"; i["initiative"] = "Region"; i["parties"] = new JsonArray(new JsonObject { ["partnerId"] = "{garutPartner}" });
        }),
        ["unknown partner id"] = ("parties[0].partnerId", i => i["parties"] = new JsonArray(new JsonObject { ["partnerId"] = Guid.NewGuid().ToString() })),
        ["KSDPK without initiative"] = ("initiative", i => { i["kind"] = "Ksdpk"; i["ksdpkKind"] = "PublicService"; i["parties"] = new JsonArray(new JsonObject { ["partnerId"] = "{unjani}" }); }),
        ["unknown government affair"] = ("affairCode", i => i["affairCode"] = "9.99"),
        ["lead agency of another region"] = ("leadAgencyId", i => i["leadAgencyId"] = "{garutAgency}"),
        ["unknown lead agency"] = ("leadAgencyId", i => i["leadAgencyId"] = Guid.NewGuid().ToString()),
        ["kind as an undefined number"] = ("kind", i => i["kind"] = 99),
        ["fundingSource as an undefined number"] = ("fundingSource", i => i["fundingSource"] = 42),
        ["initiative as an undefined number"] = ("initiative", i => { i["kind"] = "Ksdpk"; i["ksdpkKind"] = "PublicService"; i["initiative"] = 7; i["parties"] = new JsonArray(new JsonObject { ["partnerId"] = "{unjani}" }); }),
    };

    public static TheoryData<string> AgreementCaseNames() => new(AgreementCases.Keys);

    private async Task<string> FillAsync(HttpClient officer, string json)
    {
        if (!json.Contains("\"{", StringComparison.Ordinal)) return json;
        async Task<string> PartnerAsync(HttpClient c, string kind, string name)
        {
            var page = await c.GetAsync($"/api/v1/partners?kind={kind}&pageSize=200").OkJson();
            return page["items"]!.AsArray().First(p => p!["name"]!.GetValue<string>().StartsWith(name))!["id"]!.GetValue<string>();
        }
        var garut = await app.ClientForAsync("kerjasama.garut");
        return json.Replace("{unjani}", await PartnerAsync(officer, "University", "Universitas Jenderal Achmad Yani"))
            .Replace("{bps}", await PartnerAsync(officer, "CentralGovernmentBody", "Badan Pusat Statistik"))
            .Replace("{leipzig}", await PartnerAsync(officer, "ForeignLocalGovernment", "Stadt Leipzig"))
            .Replace("{garutPartner}", await PartnerAsync(garut, "University", "Universitas Padjadjaran"))
            .Replace("{garutAgency}", (await garut.FirstAgency("32.05")).ToString());
    }

    [Fact]
    public async Task CreateAgreement_ValidBaseInput_IsAccepted()
    {
        // The cases below each break one thing of this input.
        var officer = await app.ClientForAsync(Officer);
        await officer.PostAsJsonAsync("/api/v1/agreements", ValidAgreement()).OkJson();
    }

    [Theory, MemberData(nameof(AgreementCaseNames))]
    public async Task CreateAgreement_BadField_Is400WithTheFieldNamed_AndNothingSaved(string name)
    {
        var officer = await app.ClientForAsync(Officer);
        var (field, change) = AgreementCases[name];
        var input = ValidAgreement();
        change(input);
        var body = await FillAsync(officer, input.ToJsonString());
        var before = await SnapshotAsync();
        var response = await Raw(officer, HttpMethod.Post, "/api/v1/agreements", body);
        await ProblemAssert.IsValidationProblem(response, field, name);
        await NothingSaved(before, name);
    }

    /// <summary>name, body, the member the answer must name ("" when any).</summary>
    public static TheoryData<string, string, string> UnreadableAgreementBodies() => new()
    {
        { "invalid JSON", """{"kind": "KsddSukarela", "title": """, "" },
        { "not JSON at all", "kind=KsddSukarela&title=Judul", "body" },
        { "JSON array", "[1, 2, 3]", "body" },
        { "JSON null", "null", "body" },
        { "empty body", "", "body" },
        { "unknown enum value", """{"kind":"KsddPalsu","title":"Judul uji masukan","parties":[{"regionCode":"32.17"}]}""", "kind" },
        { "number for a string", """{"kind":"KsddSukarela","title":12345,"parties":[{"regionCode":"32.17"}]}""", "title" },
        { "string for a number", """{"kind":"KsddSukarela","title":"Judul uji masukan","value":"banyak","parties":[{"regionCode":"32.17"}]}""", "value" },
        { "string for a boolean", """{"kind":"KsddSukarela","title":"Judul uji masukan","budgetedInApbd":"ya","parties":[{"regionCode":"32.17"}]}""", "budgetedInApbd" },
        { "impossible date", """{"kind":"KsddSukarela","title":"Judul uji masukan","startsOn":"2026-02-30","parties":[{"regionCode":"32.17"}]}""", "startsOn" },
        { "date in another format", """{"kind":"KsddSukarela","title":"Judul uji masukan","startsOn":"30/01/2026","parties":[{"regionCode":"32.17"}]}""", "startsOn" },
        { "object for an array", """{"kind":"KsddSukarela","title":"Judul uji masukan","parties":{"regionCode":"32.17"}}""", "parties" },
        { "malformed GUID in a party", """{"kind":"KsddSukarela","title":"Judul uji masukan","parties":[{"partnerId":"bukan-guid"}]}""", "parties[0].partnerId" },
        { "malformed GUID", """{"kind":"KsddSukarela","title":"Judul uji masukan","leadAgencyId":"bukan-guid","parties":[{"regionCode":"32.17"}]}""", "leadAgencyId" },
        { "huge number", """{"kind":"KsddSukarela","title":"Judul uji masukan","value":1e400,"parties":[{"regionCode":"32.17"}]}""", "value" },
    };

    [Theory, MemberData(nameof(UnreadableAgreementBodies))]
    public async Task CreateAgreement_UnreadableBody_Is400WithTheMemberNamed_AndNothingSaved(string name, string body, string field)
    {
        var officer = await app.ClientForAsync(Officer);
        var before = await SnapshotAsync();
        var response = await Raw(officer, HttpMethod.Post, "/api/v1/agreements", body);
        var problem = await ProblemAssert.IsValidationProblem(response, field.Length == 0 ? null : field, name);
        Assert.True(problem["errors"] is JsonObject { Count: > 0 }, $"{name}: no field errors: {problem.ToJsonString()}");
        await NothingSaved(before, name);
    }

    [Fact]
    public async Task CreateAgreement_WrongContentType_Is415()
    {
        var officer = await app.ClientForAsync(Officer);
        var before = await SnapshotAsync();
        var response = await Raw(officer, HttpMethod.Post, "/api/v1/agreements", ValidAgreement().ToJsonString(), "text/plain");
        await AssertClientError(response, "text/plain", HttpStatusCode.UnsupportedMediaType);
        await NothingSaved(before, "text/plain");
    }

    // ---------------------------------------------------------------- agreements: edit

    [Fact]
    public async Task UpdateAgreement_BadInput_NeverSaves()
    {
        var officer = await app.ClientForAsync(Officer);
        var id = await officer.CreateAgreement(ValidAgreement());
        var d = await officer.GetAsync($"/api/v1/agreements/{id}").OkJson();
        var version = d["version"]!.GetValue<int>();
        var url = $"/api/v1/agreements/{id}";
        var before = await SnapshotAsync();

        var input = LifecycleWalker.ToInput(d);
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, url, input), "version", "no version");
        var badIfMatch = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(input) };
        badIfMatch.Headers.TryAddWithoutValidation("If-Match", "\"abc\"");
        await ProblemAssert.IsValidationProblem(await officer.SendAsync(badIfMatch), "version", "If-Match abc");
        await AssertClientError(await Json(officer, HttpMethod.Put, url + "?version=abc", input), "version=abc", HttpStatusCode.BadRequest);
        await AssertClientError(await Json(officer, HttpMethod.Put, $"{url}?version={version - 1}", input), "stale version", HttpStatusCode.Conflict);

        var kind = (JsonObject)input.DeepClone();
        kind["kind"] = "Ksdpk";
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, $"{url}?version={version}", kind), "kind", "kind changed");
        var dates = (JsonObject)input.DeepClone();
        dates["startsOn"] = "2026-06-01";
        dates["endsOn"] = "2026-05-01";
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, $"{url}?version={version}", dates), "endsOn", "end before start");
        var title = (JsonObject)input.DeepClone();
        title["title"] = new string('x', 501);
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, $"{url}?version={version}", title), "title", "long title");
        var party = (JsonObject)input.DeepClone();
        party["parties"] = new JsonArray(new JsonObject { ["regionCode"] = "99.99" });
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, $"{url}?version={version}", party), "parties[0].regionCode", "unknown region");
        var response = await Raw(officer, HttpMethod.Put, $"{url}?version={version}", "{\"title\": ");
        await AssertClientError(response, "invalid JSON", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Put, $"{url}?version={version}", ""), "empty body", HttpStatusCode.BadRequest);

        await NothingSaved(before, "PUT");
        var after = await officer.GetAsync(url).OkJson();
        Assert.Equal(version, after["version"]!.GetValue<int>());
        Assert.Equal(d["title"]!.GetValue<string>(), after["title"]!.GetValue<string>());
    }

    // ---------------------------------------------------------------- agreements: list

    public static TheoryData<string, string> BadListQueries() => new()
    {
        { "page=-1", "page" }, { "page=0", "page" }, { "page=satu", "page" }, { "pageSize=100000", "pageSize" }, { "pageSize=0", "pageSize" },
        { "pageSize=-5", "pageSize" }, { "sort=judul", "sort" }, { "sort=Title;DROP", "sort" }, { "kind=KsddPalsu", "kind" }, { "kind=99", "kind" },
        { "stage=Selesai", "stage" }, { "year=abc", "year" }, { "year=1800", "year" }, { "year=99999999999", "year" }, { "active=mungkin", "active" },
        { "desc=ya", "desc" }, { "partnerId=xyz", "partnerId" }, { "agencyId=1", "agencyId" }, { "endingWithinDays=-5", "endingWithinDays" },
        { "endingWithinDays=99999", "endingWithinDays" },
    };

    [Theory, MemberData(nameof(BadListQueries))]
    public async Task ListAgreements_BadQuery_Is400WithTheParameterNamed(string query, string field)
    {
        var officer = await app.ClientForAsync(Officer);
        var response = await officer.GetAsync($"/api/v1/agreements?{query}");
        await ProblemAssert.IsValidationProblem(response, field, query);
    }

    [Fact]
    public async Task OtherLists_BadEnumFilters_Are400()
    {
        var officer = await app.ClientForAsync(Officer);
        await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/regions?level=Desa"), "level", "regions level");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/partners?kind=Alien"), "kind", "partners kind");
        await AssertClientError(await officer.GetAsync("/api/v1/partners?page=satu"), "partners page=satu", HttpStatusCode.BadRequest);
        // Out-of-range paging on these lists is clamped, not an error.
        await officer.GetAsync("/api/v1/partners?page=-1&pageSize=100000").OkJson();
        await officer.GetAsync("/api/v1/regions?page=-1&pageSize=100000").OkJson();
    }

    [Fact]
    public async Task RegionNeighbours_UnknownCode_Is404InIndonesian()
    {
        var officer = await app.ClientForAsync(Officer);
        var response = await officer.GetAsync("/api/v1/regions/99.99/neighbours");
        await AssertClientError(response, "neighbours of an unknown region", HttpStatusCode.NotFound);
        await AssertClientError(await officer.GetAsync("/api/v1/regions/'%3B%20DROP/neighbours"), "neighbours of a malformed code", HttpStatusCode.NotFound);
        // a known code answers with the land neighbours and how they border
        var cimahi = (await officer.GetAsync("/api/v1/regions/32.77/neighbours").OkJson()).AsArray();
        Assert.Equal(["32", "32.04", "32.17", "32.73"], cimahi.Select(n => n!["code"]!.GetValue<string>()));
        Assert.Equal("berbatasan darat", cimahi.Single(n => n!["code"]!.GetValue<string>() == "32.73")!["borderLabel"]!.GetValue<string>());
    }

    // ---------------------------------------------------------------- partners, agencies, users

    private static JsonObject ValidPartner() => new() { ["kind"] = "University", ["name"] = "Universitas Uji Masukan " + Guid.NewGuid().ToString("N")[..6] };

    private static readonly Dictionary<string, (string Field, Action<JsonObject> Change)> PartnerCases = new()
    {
        ["name missing"] = ("name", p => p.Remove("name")),
        ["kind missing"] = ("kind", p => p.Remove("kind")),
        ["name too short"] = ("name", p => p["name"] = "ab"),
        ["name too long (301)"] = ("name", p => p["name"] = new string('u', 301)),
        ["legalForm too long"] = ("legalForm", p => p["legalForm"] = new string('l', 101)),
        ["NIB not 13 digits"] = ("nib", p => p["nib"] = "12345"),
        ["NPWP malformed"] = ("npwp", p => p["npwp"] = "12.3"),
        ["email malformed"] = ("email", p => p["email"] = "bukan-surel"),
        ["email too long"] = ("email", p => p["email"] = new string('e', 195) + "@contoh.go.id"),
        ["website not http"] = ("website", p => p["website"] = "ftp://contoh.go.id"),
        ["website too long"] = ("website", p => p["website"] = "https://" + new string('w', 300) + ".id"),
        ["phone too long"] = ("phone", p => p["phone"] = new string('1', 41)),
        ["address too long"] = ("address", p => p["address"] = new string('a', 501)),
        ["foreign partner without country"] = ("countryCode", p => p["kind"] = "ForeignInstitution"),
        ["country in lower case"] = ("countryCode", p => { p["kind"] = "ForeignInstitution"; p["countryCode"] = "jp"; }),
        ["domestic partner abroad"] = ("countryCode", p => p["countryCode"] = "JP"),
        ["region partner without region"] = ("partnerRegionCode", p => p["kind"] = "Region"),
        ["region partner with unknown region"] = ("partnerRegionCode", p => { p["kind"] = "Region"; p["partnerRegionCode"] = "99.99"; }),
        ["contact without name"] = ("contacts[0].name", p => p["contacts"] = new JsonArray(new JsonObject { ["name"] = " " })),
        ["signatory without office"] = ("signatories[0]", p => p["signatories"] = new JsonArray(new JsonObject { ["name"] = "Budi", ["office"] = "" })),
        ["kind as an undefined number"] = ("kind", p => p["kind"] = 77),
    };

    public static TheoryData<string> PartnerCaseNames() => new(PartnerCases.Keys);

    [Theory, MemberData(nameof(PartnerCaseNames))]
    public async Task CreatePartner_BadField_Is400_AndNothingSaved(string name)
    {
        var officer = await app.ClientForAsync(Officer);
        var (field, change) = PartnerCases[name];
        var input = ValidPartner();
        change(input);
        var before = await SnapshotAsync();
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, "/api/v1/partners", input), field, name);
        await NothingSaved(before, name);
    }

    [Fact]
    public async Task Partner_UnreadableBodies_And_Edits_Are4xx_AndNothingSaved()
    {
        var officer = await app.ClientForAsync(Officer);
        var before = await SnapshotAsync();
        await AssertClientError(await Raw(officer, HttpMethod.Post, "/api/v1/partners", """{"kind":"Alien","name":"Mitra uji"}"""), "unknown kind", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, "/api/v1/partners", "{"), "invalid JSON", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, "/api/v1/partners", ""), "empty", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, "/api/v1/partners", """{"kind":"University","name":"Mitra uji","contacts":[{"position":"PIC"}]}"""),
            "contact without the required name member", HttpStatusCode.BadRequest);
        await NothingSaved(before, "partner bodies");

        var created = await officer.PostAsJsonAsync("/api/v1/partners", ValidPartner()).OkJson();
        var id = created["partner"]!["id"]!.GetValue<string>();
        var version = created["partner"]!["version"]!.GetValue<int>();
        before = await SnapshotAsync();
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, $"/api/v1/partners/{id}", ValidPartner()), "version", "no version");
        await AssertClientError(await Json(officer, HttpMethod.Put, $"/api/v1/partners/{id}?version={version + 5}", ValidPartner()), "stale", HttpStatusCode.Conflict);
        var bad = ValidPartner();
        bad["nib"] = "abc";
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, $"/api/v1/partners/{id}?version={version}", bad), "nib", "bad nib");
        await NothingSaved(before, "partner edits");
    }

    [Fact]
    public async Task Agency_BadInput_Is4xx_AndNothingSaved()
    {
        var officer = await app.ClientForAsync(Officer);
        var admin = await app.ClientForAsync("admin");
        const string url = "/api/v1/regions/32.77/agencies";
        var before = await SnapshotAsync();
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, new JsonObject()), "name", "no name");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, new JsonObject { ["name"] = "ab" }), "name", "short name");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, new JsonObject { ["name"] = new string('n', 201) }), "name", "long name");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, new JsonObject { ["name"] = "Unit Uji Singkatan", ["shortName"] = new string('s', 41) }), "shortName", "long short name");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, new JsonObject { ["name"] = "Unit Uji Jabatan", ["headTitle"] = new string('h', 201) }), "headTitle", "long head title");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, new JsonObject { ["name"] = "Dinas Lingkungan Hidup Kota Cimahi" }), "name", "duplicate");
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, """{"name": 5}"""), "number for name", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, """{"name":"Unit Uji","isActive":"ya"}"""), "string for bool", HttpStatusCode.BadRequest);
        await AssertClientError(await Json(admin, HttpMethod.Post, "/api/v1/regions/99.99/agencies", new JsonObject { ["name"] = "Unit Uji Wilayah Palsu" }), "unknown region", HttpStatusCode.NotFound);
        await NothingSaved(before, "agency create");

        var agency = (await officer.GetAsync(url).OkJson()).AsArray()[0]!;
        var id = agency["id"]!.GetValue<string>();
        var version = agency["version"]!.GetValue<int>();
        var same = new JsonObject { ["name"] = agency["name"]!.GetValue<string>() };
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, $"/api/v1/agencies/{id}", same), "version", "no version");
        await AssertClientError(await Json(officer, HttpMethod.Put, $"/api/v1/agencies/{id}?version={version + 3}", same), "stale", HttpStatusCode.Conflict);
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, $"/api/v1/agencies/{id}?version={version}", new JsonObject { ["name"] = "" }), "name", "empty name");
        await AssertClientError(await Json(officer, HttpMethod.Put, $"/api/v1/agencies/{Guid.NewGuid()}?version=0", same), "unknown agency", HttpStatusCode.NotFound);
        await NothingSaved(before, "agency edit");
    }

    private static JsonObject ValidUser() => new()
    {
        ["userName"] = "uji.masukan." + Guid.NewGuid().ToString("N")[..6], ["fullName"] = "Pengguna Uji Masukan", ["role"] = "TeamMember",
        ["regionCode"] = "32.77", ["password"] = "Uji#Masukan2026!",
    };

    private static readonly Dictionary<string, (string Field, Action<JsonObject> Change)> UserCases = new()
    {
        ["user name too short"] = ("userName", u => u["userName"] = "ab"),
        ["user name with spaces and capitals"] = ("userName", u => u["userName"] = "Budi Santoso"),
        ["user name taken"] = ("userName", u => u["userName"] = "kerjasama.cimahi"),
        ["full name missing"] = ("fullName", u => u.Remove("fullName")),
        ["full name too long"] = ("fullName", u => u["fullName"] = new string('f', 201)),
        ["email malformed"] = ("email", u => u["email"] = "bukan-surel"),
        ["email too long"] = ("email", u => u["email"] = new string('e', 250) + "@contoh.go.id"),
        ["role missing"] = ("role", u => u.Remove("role")),
        ["role System"] = ("role", u => u["role"] = "System"),
        ["role as an undefined number"] = ("role", u => u["role"] = 42),
        ["region missing for a regional role"] = ("regionCode", u => u.Remove("regionCode")),
        ["unknown region"] = ("regionCode", u => u["regionCode"] = "99.99"),
        ["province supervisor on a city"] = ("regionCode", u => { u["role"] = "SupervisorProvince"; u["regionCode"] = "32.77"; }),
        ["OPD user without agency"] = ("agencyId", u => u["role"] = "AgencyUser"),
        ["OPD user with unknown agency"] = ("agencyId", u => { u["role"] = "AgencyUser"; u["agencyId"] = Guid.NewGuid().ToString(); }),
        ["partner user without partner"] = ("partnerId", u => u["role"] = "PartnerUser"),
        ["partner user with unknown partner"] = ("partnerId", u => { u["role"] = "PartnerUser"; u["partnerId"] = Guid.NewGuid().ToString(); }),
        ["weak password"] = ("password", u => u["password"] = "lemah"),
        ["no password"] = ("password", u => u.Remove("password")),
    };

    public static TheoryData<string> UserCaseNames() => new(UserCases.Keys);

    [Theory, MemberData(nameof(UserCaseNames))]
    public async Task CreateUser_BadField_Is400_AndNothingSaved(string name)
    {
        var admin = await app.ClientForAsync("admin");
        var (field, change) = UserCases[name];
        var input = ValidUser();
        change(input);
        var before = await SnapshotAsync();
        await ProblemAssert.IsValidationProblem(await Json(admin, HttpMethod.Post, "/api/v1/users", input), field, name);
        await NothingSaved(before, name);
    }

    [Fact]
    public async Task User_UnreadableBodies_And_Edits_Are4xx_AndNothingSaved()
    {
        var admin = await app.ClientForAsync("admin");
        var before = await SnapshotAsync();
        await AssertClientError(await Raw(admin, HttpMethod.Post, "/api/v1/users", """{"userName":"uji.peran","fullName":"Uji Peran","role":"Dewa"}"""), "unknown role", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(admin, HttpMethod.Post, "/api/v1/users", "{]"), "invalid JSON", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(admin, HttpMethod.Post, "/api/v1/users", ""), "empty", HttpStatusCode.BadRequest);
        await NothingSaved(before, "user bodies");

        var created = await admin.PostAsJsonAsync("/api/v1/users", ValidUser()).OkJson();
        var id = created["id"]!.GetValue<string>();
        before = await SnapshotAsync();
        var rename = ValidUser();
        await ProblemAssert.IsValidationProblem(await Json(admin, HttpMethod.Put, $"/api/v1/users/{id}", rename), "userName", "rename");
        var weak = ValidUser();
        weak["userName"] = created["userName"]!.GetValue<string>();
        weak["password"] = "pendek";
        await ProblemAssert.IsValidationProblem(await Json(admin, HttpMethod.Put, $"/api/v1/users/{id}", weak), "password", "weak password");
        await AssertClientError(await Json(admin, HttpMethod.Put, "/api/v1/users/tidak-ada", ValidUser()), "unknown user", HttpStatusCode.NotFound);
        await NothingSaved(before, "user edits");
    }

    // ---------------------------------------------------------------- uploads

    private static Task<HttpResponseMessage> UploadRaw(HttpClient client, Guid id, Action<MultipartFormDataContent> build)
    {
        var form = new MultipartFormDataContent();
        build(form);
        return client.PostAsync($"/api/v1/agreements/{id}/documents", form);
    }

    private static void AddFile(MultipartFormDataContent form, byte[] content, string fileName = "dokumen.pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
    }

    [Fact]
    public async Task Upload_BadFilesAndFields_Are4xx_AndNothingSaved()
    {
        var officer = await app.ClientForAsync(Officer);
        var id = await officer.CreateAgreement(ValidAgreement());
        var today = Wib.Today(app.Clock);
        var before = await SnapshotAsync();

        async Task Bad(string name, HttpStatusCode status, string? field, Action<MultipartFormDataContent> build)
        {
            var response = await UploadRaw(officer, id, build);
            if (field is not null) await ProblemAssert.IsValidationProblem(response, field, name);
            else await AssertClientError(response, name, status);
            Assert.Equal(status, response.StatusCode);
            await NothingSaved(before, name);
        }

        await Bad("text named .pdf", HttpStatusCode.BadRequest, "file", f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, "Ini hanya teks biasa, bukan PDF."u8.ToArray()); });
        await Bad("zip that is not DOCX", HttpStatusCode.BadRequest, "file", f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4], "dokumen.docx"); });
        await Bad("executable named .pdf", HttpStatusCode.BadRequest, "file", f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0]); });
        await Bad("empty file", HttpStatusCode.BadRequest, "file", f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, []); });
        var big = new byte[2 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(big);
        await Bad("oversize file", HttpStatusCode.RequestEntityTooLarge, null, f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, big); });
        await Bad("signed but no file", HttpStatusCode.BadRequest, "file", f => { f.Add(new StringContent("KesepakatanBersama"), "kind"); f.Add(new StringContent(today.AddDays(-1).ToString("yyyy-MM-dd")), "signedOn"); });
        await Bad("unknown kind", HttpStatusCode.BadRequest, "kind", f => { f.Add(new StringContent("SuratCinta"), "kind"); AddFile(f, TestApi.Pdf("x")); });
        await Bad("kind as an undefined number", HttpStatusCode.BadRequest, "kind", f => { f.Add(new StringContent("99"), "kind"); AddFile(f, TestApi.Pdf("x")); });
        await Bad("no kind", HttpStatusCode.BadRequest, "kind", f => AddFile(f, TestApi.Pdf("x")));
        await Bad("nothing at all", HttpStatusCode.BadRequest, "kind", f => f.Add(new StringContent(""), "title"));
        await Bad("signedOn in another format", HttpStatusCode.BadRequest, "signedOn", f => { f.Add(new StringContent("Other"), "kind"); f.Add(new StringContent("31-12-2025"), "signedOn"); AddFile(f, TestApi.Pdf("x")); });
        await Bad("signedOn in the future", HttpStatusCode.BadRequest, "signedOn", f => { f.Add(new StringContent("Other"), "kind"); f.Add(new StringContent(today.AddDays(3).ToString("yyyy-MM-dd")), "signedOn"); AddFile(f, TestApi.Pdf("x")); });
        await Bad("parent not a GUID", HttpStatusCode.BadRequest, "parentDocumentId", f => { f.Add(new StringContent("Other"), "kind"); f.Add(new StringContent("induk"), "parentDocumentId"); AddFile(f, TestApi.Pdf("x")); });
        await Bad("unknown parent", HttpStatusCode.BadRequest, "parentDocumentId", f => { f.Add(new StringContent("Other"), "kind"); f.Add(new StringContent(Guid.NewGuid().ToString()), "parentDocumentId"); AddFile(f, TestApi.Pdf("x")); });
        await Bad("addendum without parent", HttpStatusCode.BadRequest, "parentDocumentId", f => { f.Add(new StringContent("Addendum"), "kind"); AddFile(f, TestApi.Pdf("x")); });
        await Bad("unknown visibility", HttpStatusCode.BadRequest, "visibility", f => { f.Add(new StringContent("Other"), "kind"); f.Add(new StringContent("Rahasia"), "visibility"); AddFile(f, TestApi.Pdf("x")); });
        await Bad("visibility as an undefined number", HttpStatusCode.BadRequest, "visibility", f => { f.Add(new StringContent("Other"), "kind"); f.Add(new StringContent("7"), "visibility"); AddFile(f, TestApi.Pdf("x")); });
        await Bad("title too long", HttpStatusCode.BadRequest, "title", f => { f.Add(new StringContent("Other"), "kind"); f.Add(new StringContent(new string('t', 301)), "title"); AddFile(f, TestApi.Pdf("x")); });
        await Bad("number too long", HttpStatusCode.BadRequest, "number", f => { f.Add(new StringContent("Other"), "kind"); f.Add(new StringContent(new string('9', 101)), "number"); AddFile(f, TestApi.Pdf("x")); });
        // Files from outside (issue #8): hostile Office packages and an image bomb are refused before anything is stored.
        await Bad("DOCX with a VBA macro", HttpStatusCode.BadRequest, "file", f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, HostileFiles.WithMacro(), "dokumen.docx"); });
        await Bad("DOCX with a remote attachedTemplate", HttpStatusCode.BadRequest, "file", f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, HostileFiles.WithRemoteTemplate(), "dokumen.docx"); });
        await Bad("DOCX with an embedded OLE object", HttpStatusCode.BadRequest, "file", f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, HostileFiles.WithOleObject(), "dokumen.docx"); });
        await Bad("DOCX with a linked picture", HttpStatusCode.BadRequest, "file", f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, HostileFiles.WithLinkedPicture(), "dokumen.docx"); });
        await Bad("DOCX expanding to 300 MB", HttpStatusCode.BadRequest, "file", f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, HostileFiles.Bomb(), "dokumen.docx"); });
        await Bad("PNG declaring 100000 x 100000 pixels", HttpStatusCode.BadRequest, "file", f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, HostileFiles.Png(100_000, 100_000), "pindaian.png"); });
        await Bad("JPEG declaring 60000 x 60000 pixels", HttpStatusCode.BadRequest, "file", f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, HostileFiles.Jpeg(60_000, 60_000), "pindaian.jpg"); });

        var json = await officer.PostAsJsonAsync($"/api/v1/agreements/{id}/documents", new { kind = "Other" });
        await ProblemAssert.IsValidationProblem(json, "file", "JSON instead of multipart");
        await NothingSaved(before, "JSON upload");

        var unknown = await UploadRaw(officer, Guid.NewGuid(), f => { f.Add(new StringContent("Other"), "kind"); AddFile(f, TestApi.Pdf("x")); });
        await AssertClientError(unknown, "unknown agreement", HttpStatusCode.NotFound);
        await NothingSaved(before, "unknown agreement");

        // The same upload with a real PDF goes through (the cases above differ only in what they break).
        await officer.Upload(id, "Other", TestApi.Pdf("sah"), visibility: "Shared").OkJson();
    }

    // ---------------------------------------------------------------- lifecycle actions

    [Fact]
    public async Task LifecycleAction_BadBodies_Are4xx_AndChangeNothing()
    {
        var officer = await app.ClientForAsync(Officer);
        var id = await officer.CreateAgreement(ValidAgreement());
        await officer.Upload(id, "TerminationLetter", TestApi.Pdf("surat pengakhiran"), visibility: "Shared").OkJson();
        var version = (await officer.GetAsync($"/api/v1/agreements/{id}").OkJson())["version"]!.GetValue<int>();
        var url = $"/api/v1/agreements/{id}/actions";
        var before = await SnapshotAsync();

        var unknown = await officer.Act(id, "terbang-ke-bulan");
        await AssertClientError(unknown, "unknown action", HttpStatusCode.BadRequest);
        Assert.Equal("UnknownAction", (await unknown.ReadJson())["reasons"]![0]!["kind"]!.GetValue<string>());
        await ProblemAssert.IsValidationProblem(await officer.Act(id, "terminate"), "reasonCode", "terminate without reason");
        await ProblemAssert.IsValidationProblem(await officer.Act(id, "terminate", new { reasonCode = "CourtDecision" }), "reasonCode", "KSDPK-only reason");
        await AssertClientError(await Raw(officer, HttpMethod.Post, $"{url}/terminate", """{"reasonCode":"Bosan"}"""), "unknown reason", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, $"{url}/terminate", """{"reasonCode":99}"""), "reason as an undefined number", HttpStatusCode.BadRequest);
        await ProblemAssert.IsValidationProblem(await officer.Act(id, "add-note", new { note = new string('c', 4001) }), "note", "long note");
        await ProblemAssert.IsValidationProblem(await officer.Act(id, "add-note", new { note = "dokumen", documentId = Guid.NewGuid() }), "documentId", "unknown document");
        await AssertClientError(await officer.Act(id, "add-note", new { note = "versi lama", expectedVersion = version - 1 }), "stale ExpectedVersion", HttpStatusCode.Conflict);
        await AssertClientError(await Raw(officer, HttpMethod.Post, $"{url}/add-note", """{"note": """), "invalid JSON", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, $"{url}/add-note", """{"note":"x","internal":"ya"}"""), "string for bool", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, $"{url}/add-note", """{"note":"x","expectedVersion":"baru"}"""), "string for int", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, $"{url}/add-note", "[]"), "array body", HttpStatusCode.BadRequest);
        await AssertClientError(await officer.Act(Guid.NewGuid(), "add-note", new { note = "x" }), "unknown agreement", HttpStatusCode.NotFound);
        await NothingSaved(before, "actions");
        Assert.Equal(version, (await officer.GetAsync($"/api/v1/agreements/{id}").OkJson())["version"]!.GetValue<int>());

        // A decision the rule does not offer, and a DPRD receipt date in the future.
        var dprd = await officer.CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji keputusan DPRD tidak dikenal", budgetedInApbd = false, parties = new[] { new { regionCode = "32.17" } },
        });
        var today = Wib.Today(app.Clock);
        var walker = new LifecycleWalker(officer, dprd, today);
        await walker.WalkToAsync("DprdApproval");
        await walker.SatisfyAsync("doc:DprdRequest");
        before = await SnapshotAsync();
        await ProblemAssert.IsValidationProblem(await officer.Act(dprd, "request-dprd-approval", new { receivedOn = today.AddDays(2).ToString("yyyy-MM-dd") }), "receivedOn", "future receipt");
        await AssertClientError(await Raw(officer, HttpMethod.Post, $"/api/v1/agreements/{dprd}/actions/request-dprd-approval", """{"receivedOn":"kemarin"}"""), "bad date", HttpStatusCode.BadRequest);
        await NothingSaved(before, "dprd request");
        await officer.Act(dprd, "request-dprd-approval").OkJson();
        await walker.SatisfyAsync("doc:DprdDecision");
        before = await SnapshotAsync();
        await ProblemAssert.IsValidationProblem(await officer.Act(dprd, "record-dprd-rejection", new { decision = "mungkin" }), "decision", "unknown decision");
        await ProblemAssert.IsValidationProblem(await officer.Act(dprd, "record-dprd-rejection"), "decision", "no decision");
        await NothingSaved(before, "dprd decision");
        Assert.Equal("DprdApproval", await walker.StageAsync());
    }

    /// <summary>Issue #7 item 8: in Pelaksanaan the end date moves only through the extension action; a PUT that
    /// changes it without a correction reason (or with one too short) is a 400 on the field, and nothing changes.</summary>
    [Fact]
    public async Task Locked_end_date_in_implementation_is_a_400_and_changes_nothing()
    {
        var officer = await app.ClientForAsync(Officer);
        var created = ValidAgreement();
        created["title"] = "Uji masukan buruk: tanggal terkunci " + Guid.NewGuid().ToString("N")[..6];
        var id = await officer.CreateAgreement(created);
        await new LifecycleWalker(officer, id, Wib.Today(app.Clock)).WalkToAsync("Implementation");
        var url = $"/api/v1/agreements/{id}";
        var before = await officer.GetAsync(url).OkJson();
        var version = before["version"]!.GetValue<int>();
        var input = LifecycleWalker.ToInput(before);
        input["endsOn"] = DateOnly.Parse(before["endsOn"]!.GetValue<string>()).AddMonths(-1).ToString("yyyy-MM-dd");

        var locked = await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, $"{url}?version={version}", input), "endsOn", "locked end date");
        Assert.Contains("Catat perpanjangan", locked["errors"]!["endsOn"]![0]!.GetValue<string>());
        input["correctionReason"] = "salah";
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, $"{url}?version={version}", input), "correctionReason", "short correction reason");

        var after = await officer.GetAsync(url).OkJson();
        Assert.Equal(version, after["version"]!.GetValue<int>());
        Assert.Equal(before["endsOn"]!.GetValue<string>(), after["endsOn"]!.GetValue<string>());
    }

    // ---------------------------------------------------------------- drafting (ISSUE #3)

    /// <summary>A KSDD whose every party has its number and its head as signatory, so a KB draft from the template has all required muatan.</summary>
    private static JsonObject NumberedAgreement()
    {
        var input = ValidAgreement();
        input["title"] = "Uji masukan buruk: penyusunan naskah " + Guid.NewGuid().ToString("N")[..6];
        input["documentNumber"] = "415.4/77/Bag.KS";
        input["parties"]![0]!["documentNumber"] = "119/KB/05/2026";
        // PP 28/2018 Ps 2(1): the heads of region sign the KB themselves
        input["signatoryOffice"] = "Wali Kota Cimahi";
        input["parties"]![0]!["signatoryOffice"] = "Bupati Bandung Barat";
        return input;
    }

    private static string LongParagraph(int length) => "Ayat panjang " + new string('a', length - 13);

    [Fact]
    public async Task CreateDraft_BadInput_Is4xx_AndNothingSaved()
    {
        var officer = await app.ClientForAsync(Officer);
        var id = await officer.CreateAgreement(ValidAgreement());
        var url = Drafts.Url(id);
        var before = await SnapshotAsync();

        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, new JsonObject()), "templateCode", "no templateCode");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, new JsonObject { ["templateCode"] = "" }), "templateCode", "empty templateCode");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, new JsonObject { ["templateCode"] = "tidak-ada" }), "templateCode", "unknown template");
        var nk = await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, new JsonObject { ["templateCode"] = "nk" }), "templateCode", "NK on a KSDD");
        Assert.Contains("Nota Kesepakatan", nk["errors"]!["templateCode"]![0]!.GetValue<string>());
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, new JsonObject { ["templateCode"] = "pks-ksdpk" }), "templateCode", "KSDPK PKS on a KSDD");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, new JsonObject { ["templateCode"] = "kb", ["title"] = new string('j', 501) }), "title", "long title");
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, "templateCode=kb"), "not JSON", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, ""), "empty body", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, """{"templateCode": 5}"""), "number for templateCode", HttpStatusCode.BadRequest);
        await AssertClientError(await Json(officer, HttpMethod.Post, Drafts.Url(Guid.NewGuid()), new JsonObject { ["templateCode"] = "kb" }), "unknown agreement", HttpStatusCode.NotFound);
        await NothingSaved(before, "create draft");

        // The same request with a template of this kind goes through; a second open KB is a conflict.
        await officer.CreateDraft(id, "kb");
        before = await SnapshotAsync();
        await AssertClientError(await Json(officer, HttpMethod.Post, url, new JsonObject { ["templateCode"] = "kb" }), "second open KB", HttpStatusCode.Conflict);
        await NothingSaved(before, "second open KB");
    }

    [Fact]
    public async Task SaveDraft_BadInput_Is4xx_AndNothingSaved()
    {
        var officer = await app.ClientForAsync(Officer);
        var id = await officer.CreateAgreement(ValidAgreement());
        var draft = await officer.CreateDraft(id, "kb");
        var url = Drafts.Url(id, draft["id"], "/versions");
        var before = await SnapshotAsync();

        async Task Bad(string name, string? field, Action<JsonObject> change, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            var body = Drafts.SaveBody(draft, note: name);
            change(body);
            var response = await Json(officer, HttpMethod.Post, url, body);
            if (field is not null) await ProblemAssert.IsValidationProblem(response, field, name);
            else await AssertClientError(response, name, status);
            await NothingSaved(before, name);
        }

        JsonObject Clause(JsonObject body, int i) => body["clauses"]![i]!.AsObject();
        await Bad("clauses empty", "clauses", b => b["clauses"] = new JsonArray());
        await Bad("clauses missing", "clauses", b => b.Remove("clauses"));
        await Bad("clause without heading", "clauses[1].heading", b => Clause(b, 1)["heading"] = " ");
        await Bad("heading too long", "clauses[0].heading", b => Clause(b, 0)["heading"] = new string('h', 301));
        await Bad("paragraphs empty", "clauses[0].paragraphs", b => Clause(b, 0)["paragraphs"] = new JsonArray());
        await Bad("paragraphs only blank", "clauses[0].paragraphs", b => Clause(b, 0)["paragraphs"] = new JsonArray("  ", ""));
        var unknown = await Json(officer, HttpMethod.Post, url, With(Drafts.SaveBody(draft), b => Clause(b, 2)["paragraphs"] = new JsonArray("Dilaksanakan oleh {{tidak_ada}}.")));
        var problem = await ProblemAssert.IsValidationProblem(unknown, "clauses[2].paragraphs", "unknown field");
        Assert.Contains("{{tidak_ada}}", problem["errors"]!["clauses[2].paragraphs"]![0]!.GetValue<string>());
        await NothingSaved(before, "unknown field");
        await Bad("paragraph over 8000 characters", "clauses[0].paragraphs", b => Clause(b, 0)["paragraphs"] = new JsonArray(LongParagraph(8001)));
        await Bad("201 clauses", "clauses", b =>
        {
            var many = new JsonArray();
            for (var i = 0; i < 201; i++) many.Add(new JsonObject { ["heading"] = $"Pasal {i}", ["paragraphs"] = new JsonArray($"Ayat pasal {i}.") });
            b["clauses"] = many;
        });
        await Bad("duplicate keys", "clauses[1].key", b => Clause(b, 1)["key"] = Clause(b, 0)["key"]!.DeepClone());
        await Bad("note too long", "note", b => b["note"] = new string('n', 1001));
        await Bad("place too long", "place", b => b["place"] = new string('p', 201));
        await Bad("basedOnVersion missing", "basedOnVersion", b => b.Remove("basedOnVersion"));
        await Bad("stale basedOnVersion", null, b => b["basedOnVersion"] = 0, HttpStatusCode.Conflict);
        await Bad("future basedOnVersion", null, b => b["basedOnVersion"] = 7, HttpStatusCode.Conflict);

        // Unreadable bodies: the JSON binding refuses them before the use case.
        var typeText = Drafts.SaveBody(draft).ToJsonString().Replace("\"type\":\"Purpose\"", "\"type\":\"Pasal Palsu\"", StringComparison.Ordinal);
        Assert.Contains("Pasal Palsu", typeText);
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, typeText), "type not an enum value", HttpStatusCode.BadRequest);
        var typeNumber = Drafts.SaveBody(draft).ToJsonString().Replace("\"type\":\"Purpose\"", "\"type\":99", StringComparison.Ordinal);
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, typeNumber), "type as an undefined number", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, """{"basedOnVersion":"satu","clauses":[]}"""), "string for basedOnVersion", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, """{"basedOnVersion":1,"clauses":[{"heading":"Judul","paragraphs":"bukan daftar"}]}"""),
            "string for paragraphs", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, """{"basedOnVersion":1,"clauses":[{"key":"bukan-guid","heading":"Judul","paragraphs":["Ayat"]}]}"""),
            "key not a GUID", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, "{"), "invalid JSON", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, ""), "empty body", HttpStatusCode.BadRequest);
        await AssertClientError(await Json(officer, HttpMethod.Post, Drafts.Url(id, Guid.NewGuid(), "/versions"), Drafts.SaveBody(draft)), "unknown draft", HttpStatusCode.NotFound);
        await NothingSaved(before, "unreadable saves");
        var after = await officer.GetDraft(id, draft["id"]!);
        Assert.Equal(1, after["latestVersion"]!.GetValue<int>());

        // The untouched body saves (the cases above differ only in what they break).
        var saved = await officer.PostAsJsonAsync(url, Drafts.SaveBody(draft), TestApi.Json).OkJson();
        Assert.Equal(2, saved["latestVersion"]!.GetValue<int>());
    }

    private static JsonObject With(JsonObject body, Action<JsonObject> change)
    {
        change(body);
        return body;
    }

    [Fact]
    public async Task DraftRestoreCompareComment_BadInput_Is4xx_AndNothingSaved()
    {
        var officer = await app.ClientForAsync(Officer);
        var id = await officer.CreateAgreement(ValidAgreement());
        var draft = await officer.CreateDraft(id, "kb");
        var draftId = draft["id"]!.GetValue<string>();
        await officer.PostAsJsonAsync(Drafts.Url(id, draftId, "/versions"), Drafts.SaveBody(draft, note: "versi 2"), TestApi.Json).OkJson();
        var before = await SnapshotAsync();

        var restore = Drafts.Url(id, draftId, "/restore");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, restore, new JsonObject()), "version", "restore without version");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, restore, new JsonObject { ["version"] = 9 }), "version", "restore unknown version");
        await AssertClientError(await Json(officer, HttpMethod.Post, restore, new JsonObject { ["version"] = 2 }), "restore the latest", HttpStatusCode.Conflict);
        await AssertClientError(await Raw(officer, HttpMethod.Post, restore, """{"version":"satu"}"""), "restore version as text", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, restore, ""), "restore empty body", HttpStatusCode.BadRequest);
        await NothingSaved(before, "restore");

        var compare = Drafts.Url(id, draftId, "/compare");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync(compare + "?to=2"), "from", "compare without from");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync(compare + "?from=1"), "to", "compare without to");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync(compare), "from", "compare without both");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync(compare + "?from=1&to=9"), "to", "compare unknown to");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync(compare + "?from=8&to=2"), "from", "compare unknown from");
        await AssertClientError(await officer.GetAsync(compare + "?from=satu&to=2"), "compare from not an integer", HttpStatusCode.BadRequest);
        await AssertClientError(await officer.GetAsync(Drafts.Url(id, draftId) + "?version=9"), "GET unknown version", HttpStatusCode.NotFound);
        await AssertClientError(await officer.GetAsync(Drafts.Url(id, draftId) + "?version=dua"), "GET version not an integer", HttpStatusCode.BadRequest);
        await AssertClientError(await officer.GetAsync(Drafts.Url(id, draftId, "/docx") + "?version=9"), "DOCX of unknown version", HttpStatusCode.NotFound);

        var comments = Drafts.Url(id, draftId, "/comments");
        var key = draft["clauses"]![0]!["key"]!.GetValue<string>();
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, comments, new JsonObject { ["clauseKey"] = key, ["text"] = "" }), "text", "empty comment");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, comments, new JsonObject { ["clauseKey"] = key, ["text"] = "   " }), "text", "blank comment");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, comments, new JsonObject { ["clauseKey"] = key }), "text", "no text");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, comments, new JsonObject { ["clauseKey"] = Guid.NewGuid().ToString(), ["text"] = "Pasal ini perlu ditinjau." }),
            "clauseKey", "unknown clause");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, comments, new JsonObject { ["text"] = "Pasal ini perlu ditinjau." }), "clauseKey", "no clause");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, comments, new JsonObject { ["clauseKey"] = key, ["text"] = new string('k', 4001) }), "text", "long comment");
        await AssertClientError(await Raw(officer, HttpMethod.Post, comments, """{"clauseKey":"bukan-guid","text":"Pasal ini"}"""), "clauseKey not a GUID", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, comments, ""), "comment empty body", HttpStatusCode.BadRequest);
        await NothingSaved(before, "comments");

        // Valid ones go through.
        var thread = await officer.PostAsJsonAsync(comments, new { clauseKey = key, text = "Pasal ini perlu ditinjau." }, TestApi.Json).OkJson();
        await officer.GetAsync(compare + "?from=1&to=2").OkJson();

        // Replies and the resolved state of a thread.
        var threadId = thread["id"]!.GetValue<long>();
        var otherKey = draft["clauses"]![1]!["key"]!.GetValue<string>();
        before = await SnapshotAsync();
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, comments,
            new JsonObject { ["clauseKey"] = key, ["text"] = "Sudah diperbaiki.", ["replyTo"] = threadId + 100_000 }), "replyTo", "reply to an unknown comment");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, comments,
            new JsonObject { ["clauseKey"] = otherKey, ["text"] = "Sudah diperbaiki.", ["replyTo"] = threadId }), "clauseKey", "reply on another pasal");
        await AssertClientError(await Raw(officer, HttpMethod.Post, comments, $$"""{"clauseKey":"{{key}}","text":"Sudah.","replyTo":"satu"}"""),
            "replyTo as text", HttpStatusCode.BadRequest);
        var resolved = Drafts.Url(id, draftId, $"/comments/{threadId}/resolved");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, resolved, new JsonObject()), "resolved", "resolve without a state");
        await AssertClientError(await Raw(officer, HttpMethod.Put, resolved, """{"resolved":"ya"}"""), "resolved as text", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Put, resolved, ""), "resolve empty body", HttpStatusCode.BadRequest);
        await AssertClientError(await Json(officer, HttpMethod.Put, Drafts.Url(id, draftId, $"/comments/{threadId + 100_000}/resolved"),
            new JsonObject { ["resolved"] = true }), "resolve an unknown comment", HttpStatusCode.NotFound);
        await AssertClientError(await Json(officer, HttpMethod.Put, Drafts.Url(id, draftId, "/comments/satu/resolved"),
            new JsonObject { ["resolved"] = true }), "comment id not a number", HttpStatusCode.NotFound);
        await NothingSaved(before, "replies and resolve");
        var open = (await officer.GetAsync(Drafts.Url(id, draftId)).OkJson())["comments"]!.AsArray().Single(c => c!["id"]!.GetValue<long>() == threadId)!;
        Assert.Null(open["resolvedAt"]?.GetValue<DateTimeOffset?>());

        var reply = await officer.PostAsJsonAsync(comments, new { clauseKey = key, text = "Sudah diperbaiki pada versi 2.", replyTo = threadId }, TestApi.Json).OkJson();
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, Drafts.Url(id, draftId, $"/comments/{reply["id"]}/resolved"),
            new JsonObject { ["resolved"] = true }), "commentId", "resolve a reply");
        var done = await officer.PutAsJsonAsync(resolved, new { resolved = true }, TestApi.Json).OkJson();
        Assert.NotNull(done["resolvedAt"]?.GetValue<DateTimeOffset?>());
    }

    [Fact]
    public async Task DraftImport_BadInput_Is4xx_AndNothingSaved()
    {
        var officer = await app.ClientForAsync(Officer);
        var id = await officer.CreateAgreement(ValidAgreement());
        var draft = await officer.CreateDraft(id, "kb");
        var draftId = draft["id"]!.GetValue<string>();
        var url = Drafts.Url(id, draftId, "/import");
        var docx = await officer.GetByteArrayAsync(Drafts.Url(id, draftId, "/docx"));
        var before = await SnapshotAsync();

        async Task Bad(string name, HttpStatusCode status, string? field, HttpContent content)
        {
            var response = await officer.PostAsync(url, content);
            if (field is not null) await ProblemAssert.IsValidationProblem(response, field, name);
            else await AssertClientError(response, name, status);
            Assert.Equal(status, response.StatusCode);
            await NothingSaved(before, name);
        }

        await Bad("JSON instead of multipart", HttpStatusCode.BadRequest, "file", new StringContent("""{"basedOnVersion":1}""", Encoding.UTF8, "application/json"));
        await Bad("no file", HttpStatusCode.BadRequest, "file", new MultipartFormDataContent { { new StringContent("1"), "basedOnVersion" } });
        await Bad("random bytes", HttpStatusCode.BadRequest, "file", Drafts.ImportForm([1, 2, 3, 4, 5, 6, 7, 8], 1));
        await Bad("zip that is not DOCX", HttpStatusCode.BadRequest, "file", Drafts.ImportForm([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4], 1));
        await Bad("empty file", HttpStatusCode.BadRequest, "file", Drafts.ImportForm([], 1));
        await Bad("a DOCX without any pasal", HttpStatusCode.BadRequest, "file", Drafts.ImportForm(Security.AuthzWorld.LetterheadDocx("PEMERINTAH KOTA CIMAHI"), 1));
        await Bad("PDF named .docx", HttpStatusCode.BadRequest, "file", Drafts.ImportForm(TestApi.Pdf("bukan word"), 1));
        var big = new byte[2 * 1024 * 1024 + 1];
        new byte[] { 0x50, 0x4B, 0x03, 0x04 }.CopyTo(big, 0);
        await Bad("oversize file", HttpStatusCode.RequestEntityTooLarge, null, Drafts.ImportForm(big, 1));
        await Bad("no base version", HttpStatusCode.BadRequest, "basedOnVersion", Drafts.ImportForm(docx, null));
        var textVersion = Drafts.ImportForm(docx, null);
        textVersion.Add(new StringContent("satu"), "basedOnVersion");
        await Bad("base version as text", HttpStatusCode.BadRequest, "basedOnVersion", textVersion);
        await Bad("stale base version", HttpStatusCode.Conflict, null, Drafts.ImportForm(docx, 0));
        await Bad("note too long", HttpStatusCode.BadRequest, "note", Drafts.ImportForm(docx, 1, note: new string('c', 1001)));
        await Bad("unknown field in the file", HttpStatusCode.BadRequest, "file",
            Drafts.ImportForm(Drafts.EditText(docx, "sebagai pedoman bagi PARA PIHAK", "sebagai pedoman {{nomor_rahasia}} bagi PARA PIHAK"), 1));

        // A new draft from a Word file: refused without a template, with an unknown one, without a file or with a bad file,
        // and the draft that version 1 would have been is rolled back each time.
        var create = Drafts.Url(id, null, "/import");
        MultipartFormDataContent NewFrom(byte[]? file, string? template)
        {
            var form = file is null ? new MultipartFormDataContent() : Drafts.ImportForm(file, null);
            if (template is not null) form.Add(new StringContent(template), "templateCode");
            return form;
        }
        async Task BadCreate(string name, HttpStatusCode status, string? field, HttpContent content)
        {
            var response = await officer.PostAsync(create, content);
            if (field is not null) await ProblemAssert.IsValidationProblem(response, field, name);
            else await AssertClientError(response, name, status);
            Assert.Equal(status, response.StatusCode);
            await NothingSaved(before, name);
        }
        await BadCreate("new from Word: JSON", HttpStatusCode.BadRequest, "file", new StringContent("""{"templateCode":"pks-ksdd"}""", Encoding.UTF8, "application/json"));
        await BadCreate("new from Word: no template", HttpStatusCode.BadRequest, "templateCode", NewFrom(docx, null));
        await BadCreate("new from Word: unknown template", HttpStatusCode.BadRequest, "templateCode", NewFrom(docx, "surat-cinta"));
        await BadCreate("new from Word: no file", HttpStatusCode.BadRequest, "file", NewFrom(null, "pks-ksdd"));
        await BadCreate("new from Word: random bytes", HttpStatusCode.BadRequest, "file", NewFrom([9, 8, 7, 6, 5, 4, 3, 2], "pks-ksdd"));
        await BadCreate("new from Word: no pasal", HttpStatusCode.BadRequest, "file", NewFrom(Security.AuthzWorld.LetterheadDocx("KOP"), "pks-ksdd"));
        await BadCreate("new from Word: a second open KB", HttpStatusCode.Conflict, null, NewFrom(docx, "kb"));
        var fromWord = await officer.PostAsync(create, NewFrom(docx, "pks-ksdd")).OkJson();
        Assert.Equal(2, fromWord["draft"]!["latestVersion"]!.GetValue<int>());
        Assert.Equal("PerjanjianKerjaSama", fromWord["draft"]!["form"]!.GetValue<string>());
        before = await SnapshotAsync();

        // Jalin's own DOCX comes back as version 2 with the same text: the compare shows no change.
        var imported = await officer.PostAsync(url, Drafts.ImportForm(docx, 1, "KB Cimahi.docx")).OkJson();
        Assert.Equal(2, imported["draft"]!["latestVersion"]!.GetValue<int>());
        Assert.Equal("Diimpor dari berkas Word KB Cimahi.docx", imported["draft"]!["versions"]![0]!["note"]!.GetValue<string>());
        var same = await officer.GetAsync(Drafts.Url(id, draftId, "/compare") + "?from=1&to=2").OkJson();
        Assert.Equal(0, same["insertions"]!.GetValue<int>());
        Assert.Equal(0, same["deletions"]!.GetValue<int>());
    }

    [Fact]
    public async Task OverrideAndFinalize_BadInput_Are4xx_AndNothingSaved()
    {
        var officer = await app.ClientForAsync(Officer);
        var leader = await app.ClientForAsync("pimpinan.cimahi");
        var id = await officer.CreateAgreement(NumberedAgreement());
        var draft = await officer.CreateDraft(id, "kb");
        var draftId = draft["id"]!.GetValue<string>();
        Assert.True(draft["complete"]!.GetValue<bool>(), draft["compliance"]!.ToJsonString());
        var overrideUrl = Drafts.Url(id, draftId, "/override");
        var finalize = Drafts.Url(id, draftId, "/finalize");
        const string reason = "Pimpinan meneruskan naskah tanpa pasal ini setelah rapat TKKSD";
        var before = await SnapshotAsync();

        var complete = await Json(leader, HttpMethod.Post, overrideUrl, new JsonObject { ["reason"] = reason, ["version"] = 1 });
        await AssertClientError(complete, "override of a complete draft", HttpStatusCode.Conflict);
        await NothingSaved(before, "override of a complete draft");

        var incomplete = await officer.PostAsJsonAsync(Drafts.Url(id, draftId, "/versions"),
            Drafts.SaveBody(draft, c => !Drafts.IsType(c, "DisputeResolution"), "tanpa pasal perselisihan"), TestApi.Json).OkJson();
        Assert.False(incomplete["complete"]!.GetValue<bool>());
        before = await SnapshotAsync();

        await ProblemAssert.IsValidationProblem(await Json(leader, HttpMethod.Post, overrideUrl, new JsonObject { ["reason"] = "terlalu singkat", ["version"] = 2 }), "reason", "short reason");
        await ProblemAssert.IsValidationProblem(await Json(leader, HttpMethod.Post, overrideUrl, new JsonObject { ["reason"] = new string('r', 2001), ["version"] = 2 }), "reason", "long reason");
        await ProblemAssert.IsValidationProblem(await Json(leader, HttpMethod.Post, overrideUrl, new JsonObject { ["version"] = 2 }), "reason", "no reason");
        await ProblemAssert.IsValidationProblem(await Json(leader, HttpMethod.Post, overrideUrl, new JsonObject { ["reason"] = reason }), "version", "override without version");
        var stale = await Json(leader, HttpMethod.Post, overrideUrl, new JsonObject { ["reason"] = reason, ["version"] = 1 });
        await AssertClientError(stale, "override of an older version", HttpStatusCode.Conflict);
        Assert.Contains("versi terakhir", (await stale.ReadJson())["detail"]!.GetValue<string>());
        await AssertClientError(await Raw(leader, HttpMethod.Post, overrideUrl, ""), "override empty body", HttpStatusCode.BadRequest);
        await NothingSaved(before, "override");
        Assert.Null((await officer.GetDraft(id, draftId))["override"]);

        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, finalize, new JsonObject()), "version", "finalize without version");
        await AssertClientError(await Json(officer, HttpMethod.Post, finalize, new JsonObject { ["version"] = 1 }), "finalize an older version", HttpStatusCode.Conflict);
        await AssertClientError(await Raw(officer, HttpMethod.Post, finalize, """{"version":"dua"}"""), "finalize version as text", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, finalize, ""), "finalize empty body", HttpStatusCode.BadRequest);
        var refused = await Json(officer, HttpMethod.Post, finalize, new JsonObject { ["version"] = 2 });
        await AssertClientError(refused, "finalize with muatan missing", HttpStatusCode.UnprocessableEntity);
        var missing = (await refused.ReadJson())["missing"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Equal(new[] { "Penyelesaian perselisihan" }, missing);
        await NothingSaved(before, "finalize");
        var after = await officer.GetDraft(id, draftId);
        Assert.Equal("Open", after["status"]!.GetValue<string>());
        Assert.Null(after["number"]);
    }

    private static MultipartFormDataContent SigningForm(byte[]? file, string? signedOn = "2026-11-20", string? ceremony = "Ceremonial", bool checks = true)
    {
        var form = new MultipartFormDataContent();
        if (signedOn is not null) form.Add(new StringContent(signedOn), "signedOn");
        form.Add(new StringContent("Cimahi"), "place");
        if (ceremony is not null) form.Add(new StringContent(ceremony), "ceremony");
        foreach (var flag in new[] { "parafOnEveryPage", "meterai", "stempel" }) form.Add(new StringContent(checks ? "true" : "false"), flag);
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "file", "ditandatangani.pdf");
        }
        return form;
    }

    [Fact]
    public async Task SigningParafTemplatesAndLetterhead_BadInput_Are4xx_AndNothingSaved()
    {
        var officer = await app.ClientForAsync(Officer);
        var id = await officer.CreateAgreement(NumberedAgreement());
        var draft = await officer.CreateDraft(id, "surat-dprd");
        var draftId = draft["id"]!.GetValue<string>();
        var signingUrl = Drafts.Url(id, draftId, "/signing");
        var parafUrl = Drafts.Url(id, draftId, "/signing/paraf");

        // Before the final: no signing record yet.
        await AssertClientError(await officer.GetAsync(signingUrl), "signing before final", HttpStatusCode.NotFound);
        await officer.PostAsJsonAsync(Drafts.Url(id, draftId, "/finalize"), new { version = 1 }, TestApi.Json).OkJson();
        var before = await SnapshotAsync();

        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, parafUrl, new JsonObject { ["name"] = "Kabag" }), "order", "paraf without order");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, parafUrl, new JsonObject { ["order"] = 1 }), "name", "paraf without name");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, parafUrl, new JsonObject { ["order"] = 99, ["name"] = "Kabag" }), "order", "paraf of no step");
        await AssertClientError(await Json(officer, HttpMethod.Post, parafUrl, new JsonObject { ["order"] = 2, ["name"] = "Kabag Hukum" }), "paraf out of order", HttpStatusCode.Conflict);
        await AssertClientError(await Raw(officer, HttpMethod.Post, parafUrl, "{\"order\":\"satu\"}"), "paraf order as text", HttpStatusCode.BadRequest);
        var early = await officer.PostAsync(signingUrl, SigningForm(TestApi.Pdf("pindaian")));
        await AssertClientError(early, "signing before paraf", HttpStatusCode.Conflict);
        Assert.Contains("Paraf belum lengkap", (await early.ReadJson())["detail"]!.GetValue<string>());
        await NothingSaved(before, "paraf and early signing");

        var signing = await officer.GetAsync(signingUrl).OkJson();
        foreach (var step in signing["paraf"]!.AsArray())
            await officer.PostAsJsonAsync(parafUrl, new { order = step!["order"]!.GetValue<int>(), name = "Pejabat " + step["order"] }, TestApi.Json).OkJson();
        before = await SnapshotAsync();
        await ProblemAssert.IsValidationProblem(await officer.PostAsync(signingUrl, SigningForm(null)), "file", "signing without scan");
        await ProblemAssert.IsValidationProblem(await officer.PostAsync(signingUrl, SigningForm(Encoding.ASCII.GetBytes("bukan pdf sama sekali"))), "file", "signing with a text file");
        await ProblemAssert.IsValidationProblem(await officer.PostAsync(signingUrl, SigningForm(TestApi.Pdf("x"), checks: false)), "parafOnEveryPage", "checklist unticked");
        await ProblemAssert.IsValidationProblem(await officer.PostAsync(signingUrl, SigningForm(TestApi.Pdf("x"), signedOn: "20-11-2026")), "signedOn", "date format");
        await ProblemAssert.IsValidationProblem(await officer.PostAsync(signingUrl, SigningForm(TestApi.Pdf("x"), signedOn: "2099-01-01")), "signedOn", "future date");
        await ProblemAssert.IsValidationProblem(await officer.PostAsync(signingUrl, SigningForm(TestApi.Pdf("x"), ceremony: "Zoom")), "ceremony", "unknown ceremony");
        await ProblemAssert.IsValidationProblem(await officer.PostAsync(signingUrl, SigningForm(TestApi.Pdf("x"), ceremony: null)), "ceremony", "no ceremony");
        await AssertClientError(await Raw(officer, HttpMethod.Post, signingUrl, "{}"), "signing as JSON", HttpStatusCode.BadRequest);
        await NothingSaved(before, "signing");

        // Region templates and the letterhead.
        const string kak = "/api/v1/drafting/templates/kak";
        var t = await officer.GetAsync(kak).OkJson();
        var version = t["version"]!.GetValue<int>();
        var clauses = Drafts.ClauseInputs(t);
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, kak, new JsonObject { ["basedOnVersion"] = version, ["clauses"] = new JsonArray() }), "clauses", "template without clauses");
        var unknown = (JsonArray)clauses.DeepClone();
        unknown[0]!["paragraphs"]!.AsArray().Add("{{tidak_dikenal}}");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, kak, new JsonObject { ["basedOnVersion"] = version, ["clauses"] = unknown }), "clauses[0].paragraphs", "template unknown field");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, kak, new JsonObject { ["clauses"] = clauses.DeepClone() }), "basedOnVersion", "template without version");
        await AssertClientError(await Json(officer, HttpMethod.Put, kak, new JsonObject { ["basedOnVersion"] = version + 7, ["clauses"] = clauses.DeepClone() }), "template stale version", HttpStatusCode.Conflict);
        await AssertClientError(await Json(officer, HttpMethod.Put, "/api/v1/drafting/templates/tidak-ada", new JsonObject { ["basedOnVersion"] = 0, ["clauses"] = clauses.DeepClone() }), "unknown template", HttpStatusCode.NotFound);
        await AssertClientError(await officer.DeleteAsync("/api/v1/drafting/templates/studi-kelayakan"), "reset a template never copied", HttpStatusCode.Conflict);
        var noHeader = Jalin.Core.Drafting.NaskahDocx.Write(new Jalin.Core.Drafting.NaskahModel("Uji", "Uji", [], null, "Cimahi", []));
        foreach (var (name, bytes) in new[]
                 {
                     ("letterhead as PDF", TestApi.Pdf("kop")), ("letterhead DOCX without header", noHeader),
                     ("letterhead with a linked (external) picture", HostileFiles.WithLinkedPicture()), ("letterhead with a remote template", HostileFiles.WithRemoteTemplate()),
                     ("letterhead with a macro", HostileFiles.WithMacro()),
                 })
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", "kop.docx");
            await ProblemAssert.IsValidationProblem(await officer.PutAsync("/api/v1/drafting/letterhead", form), "file", name);
        }
        await ProblemAssert.IsValidationProblem(await officer.PutAsync("/api/v1/drafting/letterhead", new MultipartFormDataContent { { new StringContent("x"), "nama" } }), "file", "letterhead without file");
        const string clausesUrl = "/api/v1/drafting/clauses";
        JsonObject Wording() => new() { ["type"] = "Sanctions", ["name"] = "Sanksi daerah", ["heading"] = "Sanksi", ["paragraphs"] = new JsonArray("Teguran tertulis.") };
        var noType = Wording(); noType.Remove("type");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, clausesUrl, noType), "type", "wording without type");
        var noName = Wording(); noName["name"] = "";
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, clausesUrl, noName), "name", "wording without name");
        var blank = Wording(); blank["paragraphs"] = new JsonArray("   ");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, clausesUrl, blank), "paragraphs", "wording with blank paragraphs");
        var field = Wording(); field["paragraphs"] = new JsonArray("{{tidak_ada}}");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, clausesUrl, field), "paragraphs", "wording with unknown field");
        var badType = Wording(); badType["type"] = "Hukuman";
        await AssertClientError(await Json(officer, HttpMethod.Post, clausesUrl, badType), "wording with unknown type", HttpStatusCode.BadRequest);
        await AssertClientError(await Json(officer, HttpMethod.Put, $"{clausesUrl}/{Guid.NewGuid()}", Wording()), "update unknown wording", HttpStatusCode.NotFound);
        await AssertClientError(await officer.DeleteAsync($"{clausesUrl}/{Guid.NewGuid()}"), "delete unknown wording", HttpStatusCode.NotFound);
        await NothingSaved(before, "templates and letterhead");
    }

    private static JsonObject ValidLifecycleSettings() => new()
    {
        ["dprdResponseWorkingDays"] = 45, ["dprdDeemedApproval"] = false, ["termLimitYears"] = 5, ["offerAnswerWorkingDays"] = null,
        ["cutiBersamaIsHoliday"] = true, ["ksdllForwardingSkipsDprd"] = false,
    };

    [Fact]
    public async Task LifecycleSettings_BadValues_Are400_InIndonesian_AndNothingSaved()
    {
        var officer = await app.ClientForAsync(Officer);
        const string url = "/api/v1/regions/32.77/lifecycle-settings";
        var before = await SnapshotAsync();
        foreach (var (name, field, change) in new (string, string, Action<JsonObject>)[]
                 {
                     ("DPRD days 0", "dprdResponseWorkingDays", i => i["dprdResponseWorkingDays"] = 0),
                     ("DPRD days 181", "dprdResponseWorkingDays", i => i["dprdResponseWorkingDays"] = 181),
                     ("DPRD days missing", "dprdResponseWorkingDays", i => i.Remove("dprdResponseWorkingDays")),
                     ("term 0 years", "termLimitYears", i => i["termLimitYears"] = 0),
                     ("term 31 years", "termLimitYears", i => i["termLimitYears"] = 31),
                     ("offer -1", "offerAnswerWorkingDays", i => i["offerAnswerWorkingDays"] = -1),
                     ("offer 181", "offerAnswerWorkingDays", i => i["offerAnswerWorkingDays"] = 181),
                     ("deemed approval missing", "dprdDeemedApproval", i => i.Remove("dprdDeemedApproval")),
                     ("cuti bersama missing", "cutiBersamaIsHoliday", i => i["cutiBersamaIsHoliday"] = null),
                     ("KSDLL forwarding missing", "ksdllForwardingSkipsDprd", i => i.Remove("ksdllForwardingSkipsDprd")),
                 })
        {
            var body = ValidLifecycleSettings();
            change(body);
            var problem = await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, url, body), field, name);
            Assert.DoesNotContain("[", problem["errors"]![field]![0]!.GetValue<string>());
        }
        await AssertClientError(await Raw(officer, HttpMethod.Put, url, """{"dprdResponseWorkingDays":"empat puluh"}"""), "days as text", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Put, url, """{"dprdDeemedApproval":"ya"}"""), "boolean as text", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Put, url, ""), "empty body", HttpStatusCode.BadRequest);
        await AssertClientError(await Json(officer, HttpMethod.Put, "/api/v1/regions/32.05/lifecycle-settings", ValidLifecycleSettings()), "another region's", HttpStatusCode.NotFound);
        await AssertClientError(await Json(officer, HttpMethod.Put, "/api/v1/regions/99.99/lifecycle-settings", ValidLifecycleSettings()), "unknown region", HttpStatusCode.NotFound);
        await NothingSaved(before, "lifecycle settings");
    }

    private static JsonObject RegionalHoliday(string date) => new()
    {
        ["date"] = date, ["type"] = "Libur", ["name"] = "Hari Jadi Kota Cimahi (uji)", ["regionCode"] = "32.77",
    };

    [Fact]
    public async Task Holidays_BadInput_Is4xx_InIndonesian_AndNothingSaved()
    {
        var officer = await app.ClientForAsync(Officer);
        var admin = await app.ClientForAsync("admin");
        const string url = "/api/v1/holidays";
        var before = await SnapshotAsync();
        foreach (var (name, field, body) in new (string, string, JsonObject)[]
                 {
                     ("date on a national holiday", "date", RegionalHoliday("2026-08-17")),
                     ("impossible date", "date", RegionalHoliday("2026-02-30")),
                     ("date in another format", "date", RegionalHoliday("21/10/2026")),
                     ("date missing", "date", new JsonObject { ["type"] = "Libur", ["name"] = "Tanpa tanggal", ["regionCode"] = "32.77" }),
                     ("year 1999", "date", RegionalHoliday("1999-10-21")),
                     ("unknown type", "type", new JsonObject { ["date"] = "2026-10-21", ["type"] = "Nasional", ["name"] = "Hari Jadi", ["regionCode"] = "32.77" }),
                     ("type as number", "type", new JsonObject { ["date"] = "2026-10-21", ["type"] = "1", ["name"] = "Hari Jadi", ["regionCode"] = "32.77" }),
                     ("name missing", "name", new JsonObject { ["date"] = "2026-10-21", ["type"] = "Libur", ["regionCode"] = "32.77" }),
                     ("name too long", "name", new JsonObject { ["date"] = "2026-10-21", ["type"] = "Libur", ["name"] = new string('n', 201), ["regionCode"] = "32.77" }),
                     ("decree too long", "decreeReference", new JsonObject { ["date"] = "2026-10-21", ["type"] = "Libur", ["name"] = "Hari Jadi", ["regionCode"] = "32.77", ["decreeReference"] = new string('k', 301) }),
                 })
        {
            var problem = await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Post, url, body), field, name);
            if (name == "date on a national holiday") Assert.Contains("hari libur nasional", problem["errors"]!["date"]![0]!.GetValue<string>());
        }
        // A national day needs the decree that set it (SKB or Keppres).
        var noDecree = await ProblemAssert.IsValidationProblem(await Json(admin, HttpMethod.Post, url,
            new JsonObject { ["date"] = "2028-01-01", ["type"] = "Libur", ["name"] = "Tahun Baru 2028 Masehi" }), "decreeReference", "national without decree");
        Assert.Contains("SKB", noDecree["errors"]!["decreeReference"]![0]!.GetValue<string>());
        await ProblemAssert.IsValidationProblem(await Json(admin, HttpMethod.Post, url,
            new JsonObject { ["date"] = "2026-12-25", ["type"] = "Libur", ["name"] = "Natal", ["decreeReference"] = "SKB uji" }), "date", "national duplicate");
        await AssertClientError(await Json(officer, HttpMethod.Post, url, new JsonObject { ["date"] = "2028-01-01", ["type"] = "Libur", ["name"] = "Tahun Baru", ["decreeReference"] = "SKB" }),
            "officer adds a national day", HttpStatusCode.Forbidden);
        await AssertClientError(await Json(officer, HttpMethod.Post, url, RegionalHoliday("2026-10-21").Also(b => b["regionCode"] = "32.05")), "another region's day", HttpStatusCode.Forbidden);
        await AssertClientError(await Json(officer, HttpMethod.Post, url, RegionalHoliday("2026-10-21").Also(b => b["regionCode"] = "99.99")), "unknown region", HttpStatusCode.NotFound);
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, """{"date": 20261021}"""), "date as number", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Post, url, ""), "empty body", HttpStatusCode.BadRequest);
        await AssertClientError(await officer.GetAsync(url + "?year=1800"), "year out of range", HttpStatusCode.BadRequest);
        await AssertClientError(await officer.GetAsync(url + "?regionCode=99.99"), "unknown region list", HttpStatusCode.NotFound);
        await AssertClientError(await officer.DeleteAsync(url + "/987654"), "unknown day", HttpStatusCode.NotFound);
        int national;
        await using (var db = app.NewDb())
            national = await db.Holidays.Where(h => h.Date == new DateOnly(2026, 8, 17)).Select(h => h.Id).SingleAsync();
        await AssertClientError(await officer.DeleteAsync($"{url}/{national}"), "officer deletes a national day", HttpStatusCode.Forbidden);
        await NothingSaved(before, "holidays");
    }

    [Fact]
    public async Task DraftingSettings_BadPattern_Is400_AndNothingSaved()
    {
        var officer = await app.ClientForAsync(Officer);
        const string url = "/api/v1/drafting/settings";
        var current = (await officer.GetAsync(url).OkJson())["numberPattern"]!.GetValue<string>();
        var before = await SnapshotAsync();
        foreach (var (name, pattern) in new[]
                 {
                     ("without {urut}", "PKS/{kode}/{tahun}"), ("unknown token", "{urut}/{xyz}/{tahun}"), ("over 100 characters", "{urut}/" + new string('K', 94)),
                     ("empty", ""), ("blank", "   "),
                 })
        {
            var problem = await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, url, new JsonObject { ["numberPattern"] = pattern }), "numberPattern", name);
            if (name == "unknown token") Assert.Contains("{xyz}", problem["errors"]!["numberPattern"]![0]!.GetValue<string>());
        }
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, url, new JsonObject()), "numberPattern", "no pattern");
        await AssertClientError(await Raw(officer, HttpMethod.Put, url, """{"numberPattern": 7}"""), "number for pattern", HttpStatusCode.BadRequest);
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, url, new JsonObject { ["font"] = "Comic Sans MS", ["fontSize"] = 12 }), "font", "font not offered");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, url, new JsonObject { ["font"] = "Arial", ["fontSize"] = 30 }), "fontSize", "font too large");
        await ProblemAssert.IsValidationProblem(await Json(officer, HttpMethod.Put, url, new JsonObject { ["font"] = "Arial" }), "fontSize", "font without size");
        await AssertClientError(await Raw(officer, HttpMethod.Put, url, """{"font":"Arial","fontSize":"besar"}"""), "font size as text", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(officer, HttpMethod.Put, url, ""), "empty body", HttpStatusCode.BadRequest);
        await NothingSaved(before, "settings");
        var after = await officer.GetAsync(url).OkJson();
        Assert.Equal(current, after["numberPattern"]!.GetValue<string>());
        Assert.False(after["fontIsRegionValue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Verification_BadRequests_Are4xx_AndNothingSaved()
    {
        var anon = app.CreateClient();
        var code = Jalin.Core.Drafting.VerificationMark.NewCode();
        var before = await SnapshotAsync();

        MultipartFormDataContent WithFile(byte[] bytes)
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "naskah.pdf");
            return form;
        }

        await ProblemAssert.IsValidationProblem(await anon.PostAsJsonAsync($"/api/v1/verifikasi/{code}", new { file = "bukan berkas" }), "file", "JSON, not multipart");
        await ProblemAssert.IsValidationProblem(await anon.PostAsync($"/api/v1/verifikasi/{code}", new MultipartFormDataContent { { new StringContent("x"), "catatan" } }), "file", "multipart without file");
        await AssertClientError(await anon.PostAsync($"/api/v1/verifikasi/{code}", WithFile(TestApi.Pdf("naskah"))), "unknown code", HttpStatusCode.NotFound);
        await AssertClientError(await anon.PostAsync("/api/v1/verifikasi/%21%21%21%21-%3F%3F%3F%3F-%24%24%24%24", WithFile(TestApi.Pdf("naskah"))), "code with wrong characters", HttpStatusCode.NotFound);
        await AssertClientError(await anon.PostAsync("/api/v1/verifikasi/ABCD-EFGH", WithFile(TestApi.Pdf("naskah"))), "code too short", HttpStatusCode.NotFound);
        await AssertClientError(await anon.GetAsync($"/api/v1/verifikasi/{code}"), "GET unknown code", HttpStatusCode.NotFound);
        await AssertClientError(await anon.GetAsync("/api/v1/verifikasi/UUUU-UUUU-UUUU"), "GET code with a letter outside the alphabet", HttpStatusCode.NotFound);
        await NothingSaved(before, "verification");
    }

    // ---------------------------------------------------------------- token

    [Fact]
    public async Task Token_BadCredentialsAndBodies_AreRefusedInIndonesian()
    {
        var admin = await app.ClientForAsync("admin");
        var user = ValidUser();
        await admin.PostAsJsonAsync("/api/v1/users", user).OkJson();
        var anon = app.CreateClient();
        const string url = "/api/v1/auth/token";

        var wrong = await anon.PostAsJsonAsync(url, new { userName = user["userName"]!.GetValue<string>(), password = "Salah#Sandi2026" });
        await AssertClientError(wrong, "wrong password", HttpStatusCode.Unauthorized);
        Assert.Contains("kata sandi salah", (await wrong.ReadJson())["detail"]!.GetValue<string>());
        var unknown = await anon.PostAsJsonAsync(url, new { userName = "tidak.ada.orangnya", password = "Salah#Sandi2026" });
        await AssertClientError(unknown, "unknown user", HttpStatusCode.Unauthorized);
        Assert.Equal((await wrong.ReadJson())["detail"]!.ToJsonString(), (await unknown.ReadJson())["detail"]!.ToJsonString());

        var missing = await ProblemAssert.IsValidationProblem(await anon.PostAsJsonAsync(url, new { }), "userName", "empty object");
        Assert.True(missing["errors"]!.AsObject().ContainsKey("password"));
        await ProblemAssert.IsValidationProblem(await anon.PostAsJsonAsync(url, new { userName = "kerjasama.cimahi" }), "password", "no password");
        await ProblemAssert.IsValidationProblem(await Raw(anon, HttpMethod.Post, url, ""), "userName", "empty body");
        await AssertClientError(await Raw(anon, HttpMethod.Post, url, """{"userName": """), "invalid JSON", HttpStatusCode.BadRequest);
        await AssertClientError(await Raw(anon, HttpMethod.Post, url, """{"userName": 5, "password": true}"""), "wrong types", HttpStatusCode.BadRequest);

        // After the failures, the right password still works (one failure does not lock the account).
        await app.ClientForAsync(user["userName"]!.GetValue<string>(), user["password"]!.GetValue<string>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBadInputTests(SqliteApp app) : BadInputTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBadInputTests(PostgresApp app) : BadInputTests<PostgresApp>(app);

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}
