using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jalin.Web.Tests.Infrastructure;
using Jalin.Web.Tests.Proposals;
using Microsoft.Extensions.DependencyInjection;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>One row of the authorization matrix: a request (built per caller, so bodies and
/// versions are fresh) and the expected status class for every column of <see cref="AuthzWorld.Columns"/>.</summary>
/// <param name="Expect">"default; alias=code alias,alias=code": codes are 2xx or an exact status.
/// Anonymous expects 401 unless the row names it.</param>
/// <param name="Setup">Runs once before the row's cells, e.g. to create the state the row needs
/// fresh (other tests in the collection move the shared clock, which moves demo agreements).</param>
public sealed record MatrixRow(string Name, string Expect, Func<AuthzWorld, string, Task<HttpRequestMessage>> Build, Func<AuthzWorld, Task>? Setup = null)
{
    public IReadOnlyDictionary<string, string> Expected()
    {
        var parts = Expect.Split(';', 2);
        var map = AuthzWorld.Columns.ToDictionary(c => c.Alias, c => c.Alias == "anon" ? "401" : parts[0].Trim());
        if (parts.Length == 2)
            foreach (var token in parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var (aliases, code) = (token.Split('=')[0], token.Split('=')[1]);
                foreach (var alias in aliases.Split(','))
                {
                    if (!map.ContainsKey(alias)) throw new InvalidOperationException($"row '{Name}': unknown column '{alias}'");
                    map[alias] = code;
                }
            }
        return map;
    }
}

public abstract class AuthorizationMatrixTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private const string V1 = "/api/v1";

    // Column groups, to keep rows readable.
    private const string Cimahi = "officer,tkksd,leader,dprd,auditor";
    private const string Others = "bandung,kupang";

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) =>
        (w, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, w.Fill(V1 + path)));

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Post(string path, Func<AuthzWorld, string, object> body) =>
        (w, alias) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, w.Fill(V1 + path)) { Content = JsonContent.Create(body(w, alias), options: TestApi.Json) });

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Put(string path, Func<AuthzWorld, string, object> body) =>
        (w, alias) => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, w.Fill(V1 + path)) { Content = JsonContent.Create(body(w, alias), options: TestApi.Json) });

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Note(string agreement) =>
        Post($"/agreements/{{{agreement}}}/actions/add-note", (_, alias) => new { note = $"Catatan uji matriks dari {alias}" });

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Act(string agreement, string action) =>
        Post($"/agreements/{{{agreement}}}/actions/{action}", (_, _) => new { note = "uji matriks" });

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> UploadOther(string agreement) => (w, alias) =>
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("Other"), "kind" }, { new StringContent("Shared"), "visibility" }, { new StringContent($"Bahan dari {alias}"), "title" },
        };
        var file = new ByteArrayContent(TestApi.Pdf("matriks " + alias));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "bahan.pdf");
        return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, w.Fill($"{V1}/agreements/{{{agreement}}}/documents")) { Content = form });
    };

    /// <summary>PUT the agreement back unchanged at its current version, read by its owner.</summary>
    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> PutAgreement(string agreement, string owner) => async (w, _) =>
    {
        var d = await w.Client(owner).GetAsync(w.Fill($"{V1}/agreements/{{{agreement}}}")).OkJson();
        return new HttpRequestMessage(HttpMethod.Put, w.Fill($"{V1}/agreements/{{{agreement}}}?version={d["version"]}"))
        {
            Content = JsonContent.Create(LifecycleWalker.ToInput(d)),
        };
    };

    // Drafting: who reads the shared KSDD, and who of them may not edit its drafts.
    private const string Readers = "officer,opd,tkksd,leader,dprd,auditor,prov,nat,garut";
    private const string NotEditors = "tkksd,leader,dprd,auditor,prov,nat,garut";
    private const string InternalReaders = "officer,opd,tkksd,leader,dprd,auditor,nat";


    /// <summary>Paraf the next step of a final's chain (read by the officer, so the one allowed caller succeeds).</summary>
    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> NextParaf(string draftKey) => async (w, alias) =>
    {
        var s = await w.Client("officer").GetAsync(w.Fill(V1 + "/agreements/{shared}/drafts/{" + draftKey + "}/signing")).OkJson();
        var next = s["nextParaf"]?.GetValue<int>() ?? 1;
        return new HttpRequestMessage(HttpMethod.Post, w.Fill(V1 + "/agreements/{shared}/drafts/{" + draftKey + "}/signing/paraf"))
        {
            Content = JsonContent.Create(new { order = next, name = $"Pejabat uji ({alias})" }),
        };
    };

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> RecordSigning(string draftKey) => (w, alias) =>
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(Jalin.Core.Common.Wib.Today(w.App.Clock).ToString("yyyy-MM-dd")), "signedOn" }, { new StringContent("Cimahi"), "place" },
            { new StringContent("DeskToDesk"), "ceremony" }, { new StringContent("true"), "parafOnEveryPage" }, { new StringContent("true"), "meterai" },
            { new StringContent("true"), "stempel" },
        };
        var file = new ByteArrayContent(TestApi.Pdf("pindaian bertanda tangan " + alias));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "ditandatangani.pdf");
        return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, w.Fill(V1 + "/agreements/{shared}/drafts/{" + draftKey + "}/signing")) { Content = form });
    };

    /// <summary>Save a region copy of a template on the caller's own current version.</summary>
    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> PutTemplate(string code) => async (w, alias) =>
    {
        var read = await w.Client(alias).GetAsync($"{V1}/drafting/templates/{code}");
        var t = read.IsSuccessStatusCode ? System.Text.Json.Nodes.JsonNode.Parse(await read.Content.ReadAsStringAsync())! : await w.Client("officer").GetAsync($"{V1}/drafting/templates/{code}").OkJson();
        return new HttpRequestMessage(HttpMethod.Put, $"{V1}/drafting/templates/{code}")
        {
            Content = JsonContent.Create(new { name = $"KAK daerah ({alias})", basedOnVersion = t["version"]!.GetValue<int>(), clauses = Drafts.ClauseInputs(t) }),
        };
    };
    private const string SharedDraft = "/agreements/{shared}/drafts/{sharedDraft}";

    /// <summary>Save the latest version of the shared draft again, read by the officer (so every allowed caller saves on the latest).</summary>
    private static async Task<HttpRequestMessage> SaveLatest(AuthzWorld w, string alias)
    {
        var d = await w.Client("officer").GetAsync(w.Fill(V1 + SharedDraft)).OkJson();
        return new HttpRequestMessage(HttpMethod.Post, w.Fill(V1 + SharedDraft + "/versions"))
        {
            Content = JsonContent.Create(Drafts.SaveBody(d, note: $"Uji matriks: simpan ({alias})")),
        };
    }

    /// <summary>Import the shared draft's latest DOCX back as a new version (what a partner's Word copy does).</summary>
    private static async Task<HttpRequestMessage> ImportLatest(AuthzWorld w, string alias)
    {
        var d = await w.Client("officer").GetAsync(w.Fill(V1 + SharedDraft)).OkJson();
        var docx = await w.Client("officer").GetByteArrayAsync(w.Fill(V1 + SharedDraft + "/docx"));
        return new HttpRequestMessage(HttpMethod.Post, w.Fill(V1 + SharedDraft + "/import"))
        {
            Content = Drafts.ImportForm(docx, d["latestVersion"]!.GetValue<int>(), note: $"Uji matriks: impor Word ({alias})"),
        };
    }

    /// <summary>A new draft of the fresh KSDD from Word (the shared KB's DOCX): the officer starts a PKS, the lead OPD a KB.</summary>
    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> CreateFromWord(string agreement) => async (w, alias) =>
    {
        var docx = await w.Client("officer").GetByteArrayAsync(w.Fill(V1 + SharedDraft + "/docx"));
        var form = Drafts.ImportForm(docx, null, "naskah-lama.docx");
        form.Add(new StringContent(alias == "opd" ? "kb" : "pks-ksdd"), "templateCode");
        return new HttpRequestMessage(HttpMethod.Post, w.Fill($"{V1}/agreements/{{{agreement}}}/drafts/import")) { Content = form };
    };

    /// <summary>Override the latest version of the shared draft (its muatan stays incomplete: v2 and v3 lack dispute resolution).</summary>
    private static async Task<HttpRequestMessage> OverrideLatest(AuthzWorld w, string alias)
    {
        var d = await w.Client("officer").GetAsync(w.Fill(V1 + SharedDraft)).OkJson();
        return new HttpRequestMessage(HttpMethod.Post, w.Fill(V1 + SharedDraft + "/override"))
        {
            Content = JsonContent.Create(new { reason = $"Uji matriks ({alias}): diteruskan tanpa pasal perselisihan atas arahan pimpinan", version = d["latestVersion"]!.GetValue<int>() }),
        };
    }

    private static async Task<HttpRequestMessage> PutAgency(AuthzWorld w, string _)
    {
        var list = (await w.Client("officer").GetAsync($"{V1}/regions/32.77/agencies").OkJson()).AsArray();
        var agency = list.Single(a => a!["id"]!.GetValue<string>() == w.Ids["worldAgency"])!;
        return new HttpRequestMessage(HttpMethod.Put, $"{V1}/agencies/{w.Ids["worldAgency"]}?version={agency["version"]}")
        {
            Content = JsonContent.Create(new { name = agency["name"]!.GetValue<string>(), shortName = "UUM" }),
        };
    }

    private static async Task<HttpRequestMessage> PutPartner(AuthzWorld w, string _)
    {
        var p = await w.Client("officer").GetAsync($"{V1}/partners/{w.Ids["worldPartner"]}").OkJson();
        return new HttpRequestMessage(HttpMethod.Put, $"{V1}/partners/{w.Ids["worldPartner"]}?version={p["version"]}")
        {
            Content = JsonContent.Create(new { kind = "University", name = p["name"]!.GetValue<string>(), address = "Jl. Uji No. 1, Cimahi" }),
        };
    }

    private static int _holidayDay;

    /// <summary>A date no other request used (the matrix adds and deletes days in the 2090s).</summary>
    private static string FreshHolidayDate(int year) => new DateOnly(year, 1, 1).AddDays(Interlocked.Increment(ref _holidayDay) % 360).ToString("yyyy-MM-dd");

    private static object HolidayBody(string date, string? region, string alias) => new
    {
        date, type = "Libur", name = $"Hari libur uji matriks ({alias})", decreeReference = "Keputusan uji matriks Nomor 1 Tahun 2090", regionCode = region,
    };

    /// <summary>Delete a day added just before by its keeper (the officer for Cimahi's, the admin for a national one), so every caller has one to try.</summary>
    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> DeleteFreshHoliday(string? region) => async (w, alias) =>
    {
        var keeper = region is null ? "admin" : "officer";
        var created = await w.Client(keeper).PostAsync(V1 + "/holidays", JsonContent.Create(HolidayBody(FreshHolidayDate(region is null ? 2093 : 2094), region, alias))).OkJson();
        return new HttpRequestMessage(HttpMethod.Delete, $"{V1}/holidays/{created["id"]}");
    };


    // TKKSD (issue #10 item 4): the region's officers keep the team, criteria and assignments; its
    // leaders and team members read; the assigned member (or the officer on its behalf) assesses.
    private static int _tkksdDay;

    /// <summary>Cimahi's active team and one member, the demo agreement in preparation and its assigned Bappeda member.</summary>
    private static async Task TkksdIdsAsync(AuthzWorld w)
    {
        var officer = w.Client("officer");
        var team = (await officer.GetAsync(V1 + "/tkksd/team").OkJson())["active"]!;
        w.Ids["tkksdTeam"] = team["id"]!.GetValue<string>();
        w.Ids["tkksdMember"] = team["members"]!.AsArray().First(m => m!["role"]!.GetValue<string>() == "Anggota" && m["userName"] is null)!["id"]!.GetValue<string>();
        var page = await officer.GetAsync(V1 + "/agreements?q=" + Uri.EscapeDataString("Penyusunan Dasbor Data Terpadu Kota")).OkJson();
        w.Ids["tkksdDemo"] = page["items"]![0]!["id"]!.GetValue<string>();
        var summary = await officer.GetAsync(w.Fill(V1 + "/tkksd/agreements/{tkksdDemo}/assessments")).OkJson();
        w.Ids["tkksdAssessor"] = summary["assessments"]!.AsArray().First(a => a!["memberName"]!.GetValue<string>() == "Dr. Asep Hidayat")!["memberId"]!.GetValue<string>();
    }

    /// <summary>A verified DLH usulan under <paramref name="key"/>; with <paramref name="assessed"/> the demo assessor
    /// (tkksd.cimahi's member) is assigned and has assessed it, so the kajian can be written.</summary>
    private static async Task TkksdProposalAsync(AuthzWorld w, string key, bool assessed = false)
    {
        await TkksdIdsAsync(w);
        await w.SubmittedAsync(key);
        await w.ActAsync(key, "officer", "verify");
        if (!assessed) return;
        var officer = w.Client("officer");
        await officer.PostAsJsonAsync(w.Fill(V1 + $"/tkksd/proposals/{{{key}}}/assignments"), new { memberIds = new[] { w.Ids["tkksdAssessor"] }, dueOn = "2099-12-31" }).OkJson();
        await officer.PutAsJsonAsync(w.Fill(V1 + $"/tkksd/proposals/{{{key}}}/assessments/{{tkksdAssessor}}"), TkksdScores("setup")).OkJson();
    }

    private static async Task<HttpRequestMessage> PutTkksdTeam(AuthzWorld w, string _)
    {
        var team = (await w.Client("officer").GetAsync(V1 + "/tkksd/team").OkJson())["active"]!;
        return new HttpRequestMessage(HttpMethod.Put, w.Fill(V1 + "/tkksd/teams/{tkksdTeam}"))
        {
            Content = JsonContent.Create(new { decreeNumber = team["decreeNumber"]!.GetValue<string>(), decreeDate = team["decreeDate"]!.GetValue<string>(),
                periodStart = team["periodStart"]!.GetValue<string>(), periodEnd = team["periodEnd"]?.GetValue<string>() }),
        };
    }

    private static object TkksdScores(string alias) => new
    {
        scores = Jalin.Core.Tkksd.TkksdCriteria.Defaults.Select(c => new { criterion = c.Name, score = 4, note = $"Uji matriks ({alias})" }).ToArray(),
        recommendation = "Layak", remarks = $"Penilaian uji matriks dari {alias}",
    };

    private static readonly MatrixRow[] AllRows =
    [
        // Authentication and public-in-the-app reference data.
        new("POST /auth/token", "2xx; anon=2xx",
            (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, V1 + "/auth/token") { Content = JsonContent.Create(new { userName = "tkksd.cimahi", password = JalinAppFactory.Password }) })),
        new("GET /regions", "2xx", Get("/regions")),
        new("GET /regions/{code}", "2xx", Get("/regions/32.77")),
        new("GET /regions/{code}/neighbours", "2xx", Get("/regions/32.77/neighbours")),
        new("GET /affairs", "2xx", Get("/affairs")),
        new("GET /lifecycle", "2xx", Get("/lifecycle")),
        new("GET /lifecycle/{kind}", "2xx", Get("/lifecycle/KsddSukarela")),
        new("GET /lifecycle/{unknown kind}", "404", Get("/lifecycle/KsddPalsu")),

        // Agencies: read inside the region (and by supervisors of it); kept by its officers and the admin.
        new("GET /regions/32.77/agencies", $"2xx; mitra,garut,{Others}=404", Get("/regions/32.77/agencies")),
        new("GET /regions/53.71/agencies", "404; admin,nat,kupang=2xx", Get("/regions/53.71/agencies")),
        new("POST /regions/32.77/agencies", "403; officer,admin=2xx",
            Post("/regions/32.77/agencies", (_, alias) => new { name = $"Unit Uji {alias} {Guid.NewGuid():N}"[..30] })),
        new("POST /regions/32.05/agencies (Garut's)", "403; garut,admin=2xx",
            Post("/regions/32.05/agencies", (_, alias) => new { name = $"Unit Uji {alias} {Guid.NewGuid():N}"[..30] })),
        new("PUT /agencies/{id} (Cimahi's)", $"403; officer,admin=2xx prov,nat,garut,{Others}=404", PutAgency),

        // Partners: read in the region; a partner user sees only itself; kept by the region's officers.
        new("GET /partners", "2xx; admin=403", Get("/partners")),
        new("GET /partners/{Unjani}", $"2xx; admin=403 garut,{Others}=404", Get("/partners/{unjaniPartner}")),
        new("POST /partners", "403; officer,garut,bandung,kupang=2xx",
            Post("/partners", (_, alias) => new { kind = "University", name = $"Akademi Uji {alias} {Guid.NewGuid():N}"[..34] })),
        new("PUT /partners/{id} (Cimahi's)", $"403; officer=2xx admin,mitra,garut,{Others}=404", PutPartner),

        // Users: the system administrator only.
        new("GET /users", "403; admin=2xx", Get("/users")),
        new("POST /users", "403; admin=2xx", Post("/users", (_, _) => AuthzWorld.NewUser("Leader"))),
        new("PUT /users/{id}", "403; admin=2xx", async (w, _) => new HttpRequestMessage(HttpMethod.Put, $"{V1}/users/{w.Ids["worldUser"]}")
        {
            Content = JsonContent.Create(await UserInputOf(w)),
        }),

        // Audit: auditors (own region) and the system administrator.
        new("GET /audit", "403; admin,auditor=2xx", Get("/audit?pageSize=5")),
        new("GET /audit?regionCode=32.73", "403; admin=2xx", Get("/audit?regionCode=32.73&pageSize=5")),
        new("GET /audit/verify", "403; admin,auditor=2xx", Get("/audit/verify")),

        // Agreements: lists, dashboard, create.
        new("GET /agreements", "2xx; admin=403", Get("/agreements?pageSize=5")),
        new("GET /dashboard", "2xx; admin=403", Get("/dashboard")),
        new("POST /agreements", "403; officer,garut,bandung,kupang=2xx", Post("/agreements", (_, alias) => new
        {
            kind = "KsddSukarela", title = $"Uji matriks: pendaftaran oleh {alias}", budgetedInApbd = true, parties = new[] { new { regionCode = "32.17" } },
        })),

        // Demo KSDD Cimahi–Garut (Cimahi's, led by DKPP): party region Garut and supervisors read; other regions 404.
        new("GET demo KSDD Cimahi–Garut", $"404; {Cimahi},prov,nat,garut=2xx admin,opd=403 dprd=404", Get("/agreements/{demoKsdd}")),
        new("GET demo KSDD history", $"404; {Cimahi},prov,nat,garut=2xx admin=403 dprd=404", Get("/agreements/{demoKsdd}/history")),
        new("GET demo KSDD documents", $"404; {Cimahi},prov,nat,garut=2xx admin,opd=403 dprd=404", Get("/agreements/{demoKsdd}/documents")),
        new("GET demo KSDD actions", $"404; {Cimahi},prov,nat,garut=2xx dprd=404", Get("/agreements/{demoKsdd}/actions")),
        new("GET demo KSDD shared file", $"404; {Cimahi},prov,nat,garut=2xx dprd=404", Get("/agreements/{demoKsdd}/documents/{demoKsddShared}/file")),
        new("GET demo KSDD internal file", $"404; {Cimahi},nat=2xx dprd=404 nat=404", Get("/agreements/{demoKsdd}/documents/{demoKsddInternal}/file")),

        // Demo KSDPK with Unjani (led by Disdik): the partner's liaison sees it, without internal files.
        new("GET demo KSDPK Unjani", $"404; {Cimahi},mitra,prov,nat=2xx admin,opd=403 dprd=404", Get("/agreements/{unjani}")),
        new("GET demo KSDPK Unjani history", $"404; {Cimahi},mitra,prov,nat=2xx admin=403 dprd=404", Get("/agreements/{unjani}/history")),
        new("GET demo KSDPK Unjani shared file", $"404; {Cimahi},mitra,prov,nat=2xx dprd=404", Get("/agreements/{unjani}/documents/{unjaniShared}/file")),
        new("GET demo KSDPK Unjani internal file", $"404; {Cimahi},nat=2xx dprd=404 nat=404", Get("/agreements/{unjani}/documents/{unjaniInternal}/file")),
        new("POST add-note on KSDPK Unjani", $"404; officer,tkksd,leader,dprd,mitra=2xx auditor,prov,nat=403 dprd=404", Note("unjani")),

        // Demo KSDPK led by DLH: the DLH user sees its OPD's agreement.
        new("GET demo agreement led by DLH", $"404; {Cimahi},opd,prov,nat=2xx admin=403 dprd=404", Get("/agreements/{dlh}")),

        // Kupang (53.71): nobody from Jawa Barat sees it; the national supervisor reads but cannot change.
        new("GET Kupang agreement", "404; kupang,nat=2xx admin=403", Get("/agreements/{kupang}")),
        new("GET Kupang history", "404; kupang,nat=2xx admin=403", Get("/agreements/{kupang}/history")),
        new("GET Kupang documents", "404; kupang,nat=2xx admin=403", Get("/agreements/{kupang}/documents")),
        new("GET Kupang file", "404; kupang,nat=2xx", Get("/agreements/{kupang}/documents/{kupangDoc}/file")),
        new("GET Kupang actions", "404; kupang,nat=2xx", Get("/agreements/{kupang}/actions")),
        new("PUT Kupang agreement", "404; kupang=2xx nat=403", PutAgreement("kupang", "kupang")),
        new("POST add-note on Kupang", "404; kupang=2xx nat=403", Note("kupang")),
        new("POST document on Kupang", "404; kupang=2xx nat=403", UploadOther("kupang")),

        // Bandung (32.73): the province supervisor sees it, Cimahi does not.
        new("GET Bandung agreement", "404; bandung,prov,nat=2xx admin=403", Get("/agreements/{bandung}")),

        // Fresh shared KSDD Cimahi–Garut led by DLH: Garut reads and notes, never runs Cimahi's process.
        new("GET shared KSDD", $"404; {Cimahi},opd,prov,nat,garut=2xx admin=403 dprd=404", Get("/agreements/{shared}")),
        new("GET shared KSDD actions", $"404; {Cimahi},opd,prov,nat,garut=2xx dprd=404", Get("/agreements/{shared}/actions")),
        new("GET shared KSDD internal file", $"404; {Cimahi},opd,nat=2xx dprd=404 nat=404", Get("/agreements/{shared}/documents/{sharedInternalDoc}/file")),
        new("GET shared KSDD shared file", $"404; {Cimahi},opd,prov,nat,garut=2xx dprd=404", Get("/agreements/{shared}/documents/{sharedSharedDoc}/file")),
        new("GET shared KSDD Garut's internal file", "404; garut=2xx", Get("/agreements/{shared}/documents/{garutInternalDoc}/file")),
        new("PUT shared KSDD", "403; officer=2xx admin,mitra,bandung,kupang=404 dprd=404", PutAgreement("shared", "officer")),
        new("POST complete-preparation on shared KSDD", "403; officer=422 admin,mitra,bandung,kupang=404 dprd=404", Act("shared", "complete-preparation")),
        new("POST add-note on shared KSDD", "2xx; auditor,prov,nat=403 admin,mitra,bandung,kupang=404 dprd=404", Note("shared")),
        new("POST document on shared KSDD", "403; officer,opd,tkksd,garut=2xx admin,mitra,bandung,kupang=404 dprd=404", UploadOther("shared")),

        // DPRD approval: the DPRD secretariat may record it for its own region (here only the decision letter is missing: 422).
        new("POST record-dprd-approval (Cimahi)", "404; officer,dprd=422 tkksd,leader,auditor,prov,nat=403", Act("cimahiDprd", "record-dprd-approval"),
            w => w.AwaitingDprdAsync("cimahiDprd", "officer", "32.17")),
        new("POST record-dprd-approval (Kupang)", "404; kupang=422 nat=403", Act("kupangDprd", "record-dprd-approval"),
            w => w.AwaitingDprdAsync("kupangDprd", "kupang", "53.01")),

        // Drafting (ISSUE #3) on the shared KSDD led by DLH. Every reader of the agreement reads its
        // drafts; the owner's officers and the lead OPD edit; officers, TKKSD, the OPD, leaders and
        // the party region's officers comment; only the owner's leader overrides; only the owner's
        // officer issues the final. The system administrator gets 404 (no agreement content).
        new("GET shared KSDD templates", $"404; {Readers}=2xx dprd=404", Get("/agreements/{shared}/templates")),
        new("GET shared KSDD drafts", $"404; {Readers}=2xx dprd=404", Get("/agreements/{shared}/drafts")),
        new("POST draft on shared KSDD", $"404; officer,opd=2xx {NotEditors}=403 dprd=404",
            Post("/agreements/{shared}/drafts", (_, alias) => new { templateCode = alias == "opd" ? "kak" : "surat-penawaran" })),
        new("GET shared KSDD draft", $"404; {Readers}=2xx dprd=404", Get(SharedDraft)),
        new("GET shared KSDD draft version 1", $"404; {Readers}=2xx dprd=404", Get(SharedDraft + "?version=1")),
        new("GET unknown draft of shared KSDD", "404", Get("/agreements/{shared}/drafts/" + Guid.Empty)),
        new("POST draft version (save) on shared KSDD", $"404; officer,opd=2xx {NotEditors}=403 dprd=404", SaveLatest),
        new("POST draft from a Word file on a fresh shared KSDD", $"404; officer,opd=2xx {NotEditors}=403 dprd=404", CreateFromWord("wordShared"),
            w => w.FreshSharedAsync("wordShared")),
        new("POST import Word file as a version of shared KSDD draft", $"404; officer,opd=2xx {NotEditors}=403 dprd=404", ImportLatest),
        new("POST restore draft version on shared KSDD", $"404; officer,opd=2xx {NotEditors}=403 dprd=404",
            Post(SharedDraft + "/restore", (_, alias) => new { version = 2, note = $"Uji matriks: pulihkan versi 2 ({alias})" })),
        new("GET compare draft versions", $"404; {Readers}=2xx dprd=404", Get(SharedDraft + "/compare?from=1&to=2")),
        new("POST comment on shared KSDD draft", "404; officer,opd,tkksd,leader,garut=2xx dprd,auditor,prov,nat=403 dprd=404",
            Post(SharedDraft + "/comments", (w, alias) => new { clauseKey = w.Ids["sharedClause"], text = $"Komentar uji matriks dari {alias}" })),
        // A thread is resolved by those who edit the draft and by the one who opened it (here TKKSD).
        new("PUT comment thread resolved on shared KSDD draft", "404; officer,opd,tkksd=2xx leader,dprd,auditor,prov,nat,garut=403 dprd=404",
            (w, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, w.Fill(V1 + SharedDraft + "/comments/{sharedThread}/resolved"))
            {
                Content = JsonContent.Create(new { resolved = true }, options: TestApi.Json),
            }), w => w.ThreadOnSharedAsync("sharedThread")),
        new("POST override on shared KSDD draft", "404; leader=2xx officer,opd,tkksd,dprd,auditor,prov,nat,garut=403 dprd=404", OverrideLatest),
        new("GET draft DOCX", $"404; {Readers}=2xx dprd=404", Get(SharedDraft + "/docx?version=1")),
        new("GET draft PDF", $"404; {Readers}=2xx dprd=404", Get(SharedDraft + "/pdf?version=1")),
        new("POST finalize draft on shared KSDD (surat kuasa: internal)", "404; officer=2xx opd,tkksd,leader,dprd,auditor,nat=403 dprd=404 nat=404",
            Post("/agreements/{shared}/drafts/{finalDraft}/finalize", (_, _) => new { version = 1 }), w => w.DraftOnSharedAsync("finalDraft", "surat-kuasa")),
        // Letters, KAK and studies are the owning region's internal papers: the party region, the
        // partner and the province supervisor do not see their drafts (only naskah are negotiated).
        new("GET internal letter draft (DPRD request)", $"404; {InternalReaders}=2xx dprd=404 nat=404", Get("/agreements/{shared}/drafts/{letterDraft}")),
        new("GET signing of the issued DPRD letter", $"404; {InternalReaders}=2xx dprd=404 nat=404", Get("/agreements/{shared}/drafts/{letterDraft}/signing")),
        new("POST paraf on the issued DPRD letter", "404; officer=2xx opd,tkksd,leader,dprd,auditor,nat=403 dprd=404 nat=404", NextParaf("letterDraft")),
        new("POST signing record of an issued addendum", "404; officer=2xx opd,tkksd,leader,dprd,auditor,prov,nat,garut=403 dprd=404", RecordSigning("signDraft"),
            w => w.ParafedFinalOnSharedAsync("signDraft")),
        new("GET /drafting/templates", "2xx; admin,mitra,nat=403", Get("/drafting/templates")),
        new("GET /drafting/templates/{code}", "2xx; admin,mitra,nat=403", Get("/drafting/templates/kb")),
        new("PUT /drafting/templates/{code}", "403; officer,garut,bandung,kupang=2xx admin,mitra,nat=403", PutTemplate("kak")),
        new("DELETE /drafting/templates/{code}", "403; officer,garut,bandung,kupang=2xx",
            (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Delete, V1 + "/drafting/templates/nk")), w => w.TemplateCopiesAsync("nk")),
        new("GET /drafting/letterhead", "2xx; admin,mitra,nat=403", Get("/drafting/letterhead")),
        new("PUT /drafting/letterhead", "403; officer,garut,bandung,kupang=2xx", (_, alias) =>
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(AuthzWorld.LetterheadDocx($"PEMERINTAH DAERAH UJI ({alias})"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            form.Add(file, "file", "kop.docx");
            return Task.FromResult(new HttpRequestMessage(HttpMethod.Put, V1 + "/drafting/letterhead") { Content = form });
        }),
        new("GET /drafting/settings", "2xx; admin,mitra,nat=403", Get("/drafting/settings")),
        new("PUT /drafting/settings", "403; officer,garut,bandung,kupang=2xx",
            (w, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, V1 + "/drafting/settings") { Content = JsonContent.Create(new { numberPattern = "{urut}/KS/{tahun}" }) })),
        new("GET /drafting/clauses", "2xx", Get("/drafting/clauses")),
        new("POST /drafting/clauses", "403; officer,garut,bandung,kupang=2xx", Post("/drafting/clauses", (_, alias) => AuthzWorld.RegionClause(alias))),
        new("PUT /drafting/clauses/{id} (Cimahi's)", "403; officer=2xx garut,bandung,kupang=404",
            (w, alias) => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, w.Fill(V1 + "/drafting/clauses/{regionClause}")) { Content = JsonContent.Create(AuthzWorld.RegionClause(alias)) }),
            w => w.RegionClauseAsync("regionClause")),
        new("DELETE /drafting/clauses/{id} (Cimahi's)", "403; officer=2xx garut,bandung,kupang=404",
            (w, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Delete, w.Fill(V1 + "/drafting/clauses/{regionClauseDel}"))), w => w.RegionClauseAsync("regionClauseDel")),
        new("GET /drafting/fields", "2xx", Get("/drafting/fields")),

        // Lifecycle settings (issue #7 item 9): read inside the region, by its supervisors and the
        // administrator; changed by the region's officers and the administrator.
        new("GET /regions/32.77/lifecycle-settings", "404; admin,officer,opd,tkksd,leader,dprd,auditor,prov,nat=2xx", Get("/regions/32.77/lifecycle-settings")),
        new("PUT /regions/32.77/lifecycle-settings", "404; officer,admin=2xx opd,tkksd,leader,dprd,auditor,prov,nat=403",
            (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, V1 + "/regions/32.77/lifecycle-settings")
            {
                Content = JsonContent.Create(new
                {
                    dprdResponseWorkingDays = 45, dprdDeemedApproval = false, termLimitYears = 5, offerAnswerWorkingDays = (int?)null, cutiBersamaIsHoliday = true,
                    ksdllForwardingSkipsDprd = false,
                }),
            })),

        // Holiday calendar: everyone signed in reads; national days are the administrator's, a
        // region's own days its officers' (and the administrator's).
        new("GET /holidays", "2xx", Get("/holidays?year=2026")),
        new("POST /holidays (national)", "403; admin=2xx", Post("/holidays", (_, alias) => HolidayBody(FreshHolidayDate(2091), null, alias))),
        new("POST /holidays (Cimahi's regional)", "403; officer,admin=2xx", Post("/holidays", (_, alias) => HolidayBody(FreshHolidayDate(2092), "32.77", alias))),
        new("DELETE /holidays/{id} (national)", "403; admin=2xx", DeleteFreshHoliday(null)),
        new("DELETE /holidays/{id} (Cimahi's regional)", "404; officer,admin=2xx opd,tkksd,leader,dprd,auditor,mitra=403", DeleteFreshHoliday("32.77")),


        // TKKSD (issue #10 item 4).
        new("GET /tkksd/team", "403; officer,tkksd,leader,garut,bandung,kupang=2xx", Get("/tkksd/team")),
        new("POST /tkksd/teams (new SK)", "403; officer,garut,bandung,kupang=2xx", Post("/tkksd/teams", (_, alias) =>
        {
            var day = new DateOnly(2090, 1, 1).AddDays(Interlocked.Increment(ref _tkksdDay)).ToString("yyyy-MM-dd");
            return new { decreeNumber = $"Uji/{alias}/{Guid.NewGuid():N}"[..30], decreeDate = day, periodStart = day, copyMembers = true };
        })),
        new("PUT /tkksd/teams/{id} (Cimahi's)", "403; officer=2xx garut,bandung,kupang=404", PutTkksdTeam, TkksdIdsAsync),
        new("POST /tkksd/teams/{id}/members (Cimahi's)", "403; officer=2xx garut,bandung,kupang=404",
            Post("/tkksd/teams/{tkksdTeam}/members", (_, alias) => new { name = $"Anggota uji {alias}", position = "Kepala Dinas Uji", role = "AnggotaInsidental" }), TkksdIdsAsync),
        new("PUT /tkksd/teams/{id}/members/{memberId} (Cimahi's)", "403; officer=2xx garut,bandung,kupang=404",
            async (w, _) =>
            {
                // The member sent back as it is (name, position, role, OPD, account), so the demo team stays intact.
                var team = (await w.Client("officer").GetAsync(V1 + "/tkksd/team").OkJson())["active"]!;
                var m = team["members"]!.AsArray().First(x => x!["id"]!.GetValue<string>() == w.Ids["tkksdMember"])!;
                return new HttpRequestMessage(HttpMethod.Put, w.Fill(V1 + "/tkksd/teams/{tkksdTeam}/members/{tkksdMember}"))
                {
                    Content = JsonContent.Create(new { name = m["name"]!.GetValue<string>(), position = m["position"]!.GetValue<string>(), role = m["role"]!.GetValue<string>(),
                        agencyId = m["agencyId"]?.GetValue<string>(), userId = m["userId"]?.GetValue<string>(), isActive = true }),
                };
            }, TkksdIdsAsync),
        new("GET /tkksd/criteria", "403; officer,tkksd,leader,garut,bandung,kupang=2xx", Get("/tkksd/criteria")),
        new("PUT /tkksd/criteria", "403; officer,garut,bandung,kupang=2xx", (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, V1 + "/tkksd/criteria")
        {
            Content = JsonContent.Create(new { criteria = Jalin.Core.Tkksd.TkksdCriteria.Defaults.Select(c => new { name = c.Name, description = c.Description, weight = c.Weight }).ToArray() }),
        })),
        new("GET TKKSD assessments of the demo agreement", "404; officer,tkksd,leader=2xx auditor,prov,nat=403", Get("/tkksd/agreements/{tkksdDemo}/assessments"), TkksdIdsAsync),
        // Garut is the KSDD's party: its own TKKSD assesses only once the offer is sent to it (preparation → 409).
        new("POST TKKSD assignment on a fresh shared KSDD", "404; officer=2xx opd,tkksd,leader,auditor,prov,nat=403 garut=409",
            Post("/tkksd/agreements/{tkksdFresh}/assignments", (w, _) => new { memberIds = new[] { w.Ids["tkksdMember"] }, dueOn = "2099-12-31" }),
            async w => { await TkksdIdsAsync(w); await w.FreshSharedAsync("tkksdFresh"); }),
        new("PUT TKKSD assessment of the assigned member", "404; officer,tkksd=2xx leader,auditor,prov,nat=403",
            (w, alias) => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, w.Fill(V1 + "/tkksd/agreements/{tkksdDemo}/assessments/{tkksdAssessor}"))
            {
                Content = JsonContent.Create(TkksdScores(alias)),
            }), TkksdIdsAsync),
        new("POST kajian of the demo agreement", "404; officer=2xx tkksd,leader,auditor,prov,nat=403", Post("/tkksd/agreements/{tkksdDemo}/kajian", (_, _) => new { }), TkksdIdsAsync),

        // Public verification of an issued final: no account needed.
        new("GET /verifikasi/{code}", "2xx; anon=2xx", Get("/verifikasi/{verifyCode}")),
        new("POST /verifikasi/{code} (file check)", "2xx; anon=2xx", (w, alias) =>
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(TestApi.Pdf("bukan naskah final " + alias));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "naskah.pdf");
            return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, w.Fill(V1 + "/verifikasi/{verifyCode}")) { Content = form });
        }),
        new("GET /verifikasi/{unknown code}", "404; anon=404", Get("/verifikasi/AAAA-BBBB-CCCC")),

        // Proposals (issue #10 item 3): the region's officer, TKKSD and leader read all of Cimahi's; the DLH user its
        // own OPD's; the officer and the OPD edit drafts; every other region, the partner, supervisors and the admin get 404.
        new("GET /proposals", "2xx", Get("/proposals?pageSize=5")),
        new("POST /proposals", "403; officer,opd=2xx garut,bandung,kupang=400",
            Post("/proposals", (w, alias) => ProposalWorld.Body($"Uji matriks usulan oleh {alias}", alias == "opd" ? null : w.Ids["dlhAgency"]))),
        new("GET proposal (DLH draft)", "404; officer,opd,tkksd,leader=2xx", Get("/proposals/{propDraft}"), w => w.DraftAsync("propDraft")),
        new("PUT proposal (DLH draft)", "404; officer,opd=2xx tkksd,leader=403", (w, alias) => ProposalWorld.PutAsync(w, "propPut", alias), w => w.DraftAsync("propPut")),
        new("POST verify on a submitted proposal", "404; officer=2xx opd,tkksd,leader=403",
            Post("/proposals/{propSubmitted}/actions/verify", (_, _) => new { note = "uji matriks" }), w => w.SubmittedAsync("propSubmitted")),
        new("POST attachment on a proposal", "404; officer,opd=2xx tkksd,leader=403",
            (w, alias) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, w.Fill(V1 + "/proposals/{propAttach}/attachments"))
            {
                Content = ProposalWorld.Form("TermsOfReference", TestApi.Pdf("KAK dari " + alias)),
            }), w => w.DraftAsync("propAttach")),
        new("GET proposal attachment file", "404; officer,opd,tkksd,leader=2xx", Get("/proposals/{propFile}/attachments/{propFileId}/file"), w => w.WithFileAsync("propFile", "propFileId")),
        new("POST convert a recommended proposal", "404; officer=2xx opd,tkksd,leader=403",
            Post("/proposals/{propRec}/convert", (_, _) => new { }), w => w.RecommendedAsync("propRec")),
        // Notifications: every signed-in user reads and marks only their own rows (issue #10 item 9).
        new("GET /notifications", "2xx", Get("/notifications?pageSize=5")),
        new("GET /notifications/unread-count", "2xx", Get("/notifications/unread-count")),
        new("POST /notifications/read-all", "2xx", Post("/notifications/read-all", (_, _) => new { })),
        new("POST /notifications/{id}/read (not the caller's)", "404", Post($"/notifications/{Guid.NewGuid()}/read", (_, _) => new { })),
        // E-mail: each user's own choice; the outbox is the system administrator's (its rows never carry the mail's text).
        // The front door's region settings: the region's own people read them, its cooperation officer changes them.
        new("GET /settings/front-door", "403; officer,opd,tkksd,leader,garut,bandung,kupang=2xx", Get("/settings/front-door")),
        new("PUT /settings/front-door (target as it is)", "403; officer,garut,bandung,kupang=2xx",
            Put("/settings/front-door", (_, _) => new { facilitationTargetWorkingDays = 5 })),
        new("GET /account/mail", "2xx", Get("/account/mail")),
        new("PUT /account/mail (on, as it is)", "2xx", Put("/account/mail", (_, _) => new { emailNotifications = true })),
        new("GET /admin/mail-outbox", "403; admin=2xx", Get("/admin/mail-outbox?pageSize=5")),
        new("GET /admin/mail-outbox/summary", "403; admin=2xx", Get("/admin/mail-outbox/summary")),
        new("POST /admin/mail-outbox/{unknown}/retry", "403; admin=404", Post($"/admin/mail-outbox/{Guid.NewGuid()}/retry", (_, _) => new { })),
        new("GET /admin/search-index", "403; admin=2xx", Get("/admin/search-index")),
        new("POST /admin/search-index/rebuild", "403; admin=2xx", Post("/admin/search-index/rebuild", (_, _) => new { })),

        // TKKSD on an usulan (issue #10): the proposal's own boundaries (404 outside Cimahi, the OPD sees its own but is no TKKSD reader).
        new("GET TKKSD assessments of a verified proposal", "404; officer,tkksd,leader=2xx opd=403", Get("/tkksd/proposals/{tkksdProp}/assessments"),
            w => TkksdProposalAsync(w, "tkksdProp")),
        new("POST TKKSD assignment on a verified proposal", "404; officer=2xx opd,tkksd,leader=403",
            Post("/tkksd/proposals/{tkksdPropAssign}/assignments", (w, _) => new { memberIds = new[] { w.Ids["tkksdMember"] }, dueOn = "2099-12-31" }),
            async w => { await TkksdIdsAsync(w); await TkksdProposalAsync(w, "tkksdPropAssign"); }),
        new("PUT TKKSD assessment of a proposal's assigned member", "404; officer,tkksd=2xx opd,leader=403",
            (w, alias) => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, w.Fill(V1 + "/tkksd/proposals/{tkksdPropAssessed}/assessments/{tkksdAssessor}"))
            {
                Content = JsonContent.Create(TkksdScores(alias)),
            }), w => TkksdProposalAsync(w, "tkksdPropAssessed", assessed: true)),
        new("POST kajian of a proposal", "404; officer=2xx opd,tkksd,leader=403", Post("/tkksd/proposals/{tkksdPropKajian}/kajian", (_, _) => new { }),
            w => TkksdProposalAsync(w, "tkksdPropKajian", assessed: true)),

        // Unknown ids answer 404 to everyone who may use the resource at all.
        new("GET unknown agreement", "404; admin=403", Get($"/agreements/{Guid.Empty}")),
        new("GET /regions/{unknown}", "404", Get("/regions/99.99")),
        new("GET /regions/{unknown}/neighbours", "404", Get("/regions/99.99/neighbours")),
        // No endpoint at all: answered before authentication, still as Indonesian ProblemDetails.
        new("GET /agreements/{not a GUID}", "404; anon=404", Get("/agreements/bukan-guid")),
        new("DELETE /agreements/{id} (no such method)", "405; anon=405",
            (w, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Delete, w.Fill(V1 + "/agreements/{shared}")))),
        // Mapping and matchmaking (issue #10): MappingMatrix.cs.
        .. MappingMatrix.Rows,
        // Facilitation desk and threads (issue #10 item 7): FacilitationMatrix.cs.
        .. FacilitationMatrix.Rows,
        // Offers between regions (issue #10 item 5): OffersMatrix.cs.
        .. OffersMatrix.Rows,
        // Monitoring: obligations and progress reports (issue #11 items 1-2): MonitoringMatrix.cs.
        .. MonitoringMatrix.Rows,
        // Evaluation (monev) and monitoring rounds (issue #11 item 3): EvaluationMatrix.cs.
        .. EvaluationMatrix.Rows,
        // Partner portal submissions in the back office (issue #10 item 6): PortalMatrix.cs.
        .. PortalMatrix.Rows,
        // Coordination events and rapat TKKSD (issue #10, helper D): EventsMatrix.cs.
        .. EventsMatrix.Rows,
        .. RemindersMatrix.Rows,
        // Statistics and charts (issue #11 item 8): StatisticsMatrix.cs.
        .. StatisticsMatrix.Rows,
        // Annual upward reports and the supervisors' recap (issue #11 item 7): UpwardReportsMatrix.cs.
        .. UpwardReportsMatrix.Rows,
        .. ForeignDutiesMatrix.Rows,
        // Publication on the public portal (issue #12 item 2): PublicationMatrix.cs.
        .. PublicationMatrix.Rows,
        // Search (issue #12 item 3): SearchMatrix.cs.
        .. SearchMatrix.Rows,
        .. GoodPracticesMatrix.Rows,
        // Import of legacy registers (issue #13 item 1): ImportMatrix.cs.
        .. ImportMatrix.Rows,
        // List downloads (issue #13 part 3): ListExportsMatrix.cs.
        .. ListExportsMatrix.Rows,
        // Region data export from the back office: RegionExportMatrix.cs.
        .. RegionExportMatrix.Rows,
    ];

    private static async Task<object> UserInputOf(AuthzWorld w)
    {
        var page = await w.Client("admin").GetAsync("/api/v1/users?q=uji.matriks&pageSize=200").OkJson();
        var u = page["items"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == w.Ids["worldUser"])!;
        return new { userName = u["userName"]!.GetValue<string>(), fullName = "Pengguna Uji Matriks (diubah)", role = "TeamMember", regionCode = "32.77", email = "uji@contoh.go.id", isActive = true };
    }

    public static TheoryData<string> Rows()
    {
        var data = new TheoryData<string>();
        foreach (var r in AllRows) data.Add(r.Name);
        return data;
    }

    public static int CellCount => AllRows.Length * AuthzWorld.Columns.Count;

    [Theory, MemberData(nameof(Rows))]
    public async Task Endpoint_AnswersEveryRoleAsTheMatrixSays(string rowName)
    {
        var row = AllRows.Single(r => r.Name == rowName);
        var w = await AuthzWorld.ForAsync(app);
        var expected = row.Expected();
        if (row.Setup is not null) await row.Setup(w);
        var failures = new List<string>();
        foreach (var (alias, _) in AuthzWorld.Columns)
        {
            using var request = await row.Build(w, alias);
            var response = await w.Client(alias).SendAsync(request);
            var status = (int)response.StatusCode;
            var want = expected[alias];
            var ok = want == "2xx" ? response.IsSuccessStatusCode : status.ToString() == want;
            if (!ok)
            {
                failures.Add($"{alias}: expected {want}, got {status} {Trim(await response.Content.ReadAsStringAsync())}");
                continue;
            }
            if (status >= 400)
            {
                try { await ProblemAssert.IsProblem(response, alias); }
                catch (Exception e) when (e is Xunit.Sdk.XunitException) { failures.Add($"{alias}: {e.Message}"); }
            }
        }
        Assert.True(failures.Count == 0, $"{row.Name}:\n  " + string.Join("\n  ", failures));
    }

    private static string Trim(string s) => s.Length > 300 ? s[..300] + "…" : s;

    [Fact]
    public void Matrix_CoversEveryEndpointForEveryColumn()
    {
        var names = AllRows.Select(r => r.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.True(CellCount >= 700, $"matrix has {CellCount} cells");
        foreach (var r in AllRows) Assert.Equal(AuthzWorld.Columns.Count, r.Expected().Count);
    }

    /// <summary>Every drafting and verification endpoint (method and route) → the matrix row that covers it.</summary>
    private static readonly Dictionary<string, string> DraftingEndpointRows = new()
    {
        ["GET /api/v1/agreements/{id:guid}/templates"] = "GET shared KSDD templates",
        ["GET /api/v1/agreements/{id:guid}/drafts"] = "GET shared KSDD drafts",
        ["POST /api/v1/agreements/{id:guid}/drafts"] = "POST draft on shared KSDD",
        ["GET /api/v1/agreements/{id:guid}/drafts/{draftId:guid}"] = "GET shared KSDD draft",
        ["POST /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/versions"] = "POST draft version (save) on shared KSDD",
        ["POST /api/v1/agreements/{id:guid}/drafts/import"] = "POST draft from a Word file on a fresh shared KSDD",
        ["POST /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/import"] = "POST import Word file as a version of shared KSDD draft",
        ["POST /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/restore"] = "POST restore draft version on shared KSDD",
        ["GET /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/compare"] = "GET compare draft versions",
        ["POST /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/comments"] = "POST comment on shared KSDD draft",
        ["PUT /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/comments/{commentId:long}/resolved"] = "PUT comment thread resolved on shared KSDD draft",
        ["POST /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/override"] = "POST override on shared KSDD draft",
        ["GET /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/docx"] = "GET draft DOCX",
        ["GET /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/pdf"] = "GET draft PDF",
        ["POST /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/finalize"] = "POST finalize draft on shared KSDD (surat kuasa: internal)",
        ["GET /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/signing"] = "GET signing of the issued DPRD letter",
        ["POST /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/signing/paraf"] = "POST paraf on the issued DPRD letter",
        ["POST /api/v1/agreements/{id:guid}/drafts/{draftId:guid}/signing"] = "POST signing record of an issued addendum",
        ["GET /api/v1/drafting/templates"] = "GET /drafting/templates",
        ["GET /api/v1/drafting/templates/{code}"] = "GET /drafting/templates/{code}",
        ["PUT /api/v1/drafting/templates/{code}"] = "PUT /drafting/templates/{code}",
        ["DELETE /api/v1/drafting/templates/{code}"] = "DELETE /drafting/templates/{code}",
        ["GET /api/v1/drafting/letterhead"] = "GET /drafting/letterhead",
        ["PUT /api/v1/drafting/letterhead"] = "PUT /drafting/letterhead",
        ["POST /api/v1/drafting/clauses"] = "POST /drafting/clauses",
        ["PUT /api/v1/drafting/clauses/{clauseId:guid}"] = "PUT /drafting/clauses/{id} (Cimahi's)",
        ["DELETE /api/v1/drafting/clauses/{clauseId:guid}"] = "DELETE /drafting/clauses/{id} (Cimahi's)",
        ["GET /api/v1/drafting/settings"] = "GET /drafting/settings",
        ["PUT /api/v1/drafting/settings"] = "PUT /drafting/settings",
        ["GET /api/v1/drafting/clauses"] = "GET /drafting/clauses",
        ["GET /api/v1/drafting/fields"] = "GET /drafting/fields",
        ["GET /api/v1/verifikasi/{code}"] = "GET /verifikasi/{code}",
        ["POST /api/v1/verifikasi/{code}"] = "POST /verifikasi/{code} (file check)",
    };

    /// <summary>Every settings and holiday endpoint → the matrix row that covers it.</summary>
    private static readonly Dictionary<string, string> SettingsEndpointRows = new()
    {
        ["GET /api/v1/regions/{code}/lifecycle-settings"] = "GET /regions/32.77/lifecycle-settings",
        ["PUT /api/v1/regions/{code}/lifecycle-settings"] = "PUT /regions/32.77/lifecycle-settings",
        ["GET /api/v1/holidays/"] = "GET /holidays",
        ["POST /api/v1/holidays/"] = "POST /holidays (national)",
        ["DELETE /api/v1/holidays/{id:int}"] = "DELETE /holidays/{id} (Cimahi's regional)",
    };

    /// <summary>Every other API endpoint (method and route) → the matrix row that covers it.</summary>
    private static readonly Dictionary<string, string> CoreEndpointRows = new()
    {
        ["POST /api/v1/auth/token"] = "POST /auth/token",
        ["GET /api/v1/regions/"] = "GET /regions",
        ["GET /api/v1/regions/{code}"] = "GET /regions/{code}",
        ["GET /api/v1/regions/{code}/neighbours"] = "GET /regions/{code}/neighbours",
        ["GET /api/v1/regions/{code}/agencies"] = "GET /regions/32.77/agencies",
        ["POST /api/v1/regions/{code}/agencies"] = "POST /regions/32.77/agencies",
        ["PUT /api/v1/agencies/{id:guid}"] = "PUT /agencies/{id} (Cimahi's)",
        ["GET /api/v1/affairs"] = "GET /affairs",
        ["GET /api/v1/partners/"] = "GET /partners",
        ["GET /api/v1/partners/{id:guid}"] = "GET /partners/{Unjani}",
        ["POST /api/v1/partners/"] = "POST /partners",
        ["PUT /api/v1/partners/{id:guid}"] = "PUT /partners/{id} (Cimahi's)",
        ["GET /api/v1/users/"] = "GET /users",
        ["POST /api/v1/users/"] = "POST /users",
        ["PUT /api/v1/users/{id}"] = "PUT /users/{id}",
        ["GET /api/v1/audit/"] = "GET /audit",
        ["GET /api/v1/audit/verify"] = "GET /audit/verify",
        ["GET /api/v1/agreements/"] = "GET /agreements",
        ["POST /api/v1/agreements/"] = "POST /agreements",
        ["GET /api/v1/agreements/{id:guid}"] = "GET demo KSDD Cimahi–Garut",
        ["PUT /api/v1/agreements/{id:guid}"] = "PUT shared KSDD",
        ["GET /api/v1/agreements/{id:guid}/history"] = "GET demo KSDD history",
        ["GET /api/v1/agreements/{id:guid}/documents"] = "GET demo KSDD documents",
        ["POST /api/v1/agreements/{id:guid}/documents"] = "POST document on shared KSDD",
        ["GET /api/v1/agreements/{id:guid}/documents/{documentId:guid}/file"] = "GET demo KSDD shared file",
        ["GET /api/v1/agreements/{id:guid}/actions"] = "GET demo KSDD actions",
        ["POST /api/v1/agreements/{id:guid}/actions/{action}"] = "POST complete-preparation on shared KSDD",
        ["GET /api/v1/dashboard"] = "GET /dashboard",
        ["GET /api/v1/lifecycle/"] = "GET /lifecycle",
        ["GET /api/v1/lifecycle/{kind}"] = "GET /lifecycle/{kind}",
        ["GET /api/v1/proposals/"] = "GET /proposals",
        ["POST /api/v1/proposals/"] = "POST /proposals",
        ["GET /api/v1/proposals/{id:guid}"] = "GET proposal (DLH draft)",
        ["PUT /api/v1/proposals/{id:guid}"] = "PUT proposal (DLH draft)",
        ["POST /api/v1/proposals/{id:guid}/actions/{action}"] = "POST verify on a submitted proposal",
        ["POST /api/v1/proposals/{id:guid}/attachments"] = "POST attachment on a proposal",
        ["GET /api/v1/proposals/{id:guid}/attachments/{attachmentId:guid}/file"] = "GET proposal attachment file",
        ["POST /api/v1/proposals/{id:guid}/convert"] = "POST convert a recommended proposal",
        ["GET /api/v1/tkksd/team"] = "GET /tkksd/team",
        ["POST /api/v1/tkksd/teams"] = "POST /tkksd/teams (new SK)",
        ["PUT /api/v1/tkksd/teams/{teamId:guid}"] = "PUT /tkksd/teams/{id} (Cimahi's)",
        ["POST /api/v1/tkksd/teams/{teamId:guid}/members"] = "POST /tkksd/teams/{id}/members (Cimahi's)",
        ["PUT /api/v1/tkksd/teams/{teamId:guid}/members/{memberId:guid}"] = "PUT /tkksd/teams/{id}/members/{memberId} (Cimahi's)",
        ["GET /api/v1/tkksd/criteria"] = "GET /tkksd/criteria",
        ["PUT /api/v1/tkksd/criteria"] = "PUT /tkksd/criteria",
        ["GET /api/v1/tkksd/agreements/{id:guid}/assessments"] = "GET TKKSD assessments of the demo agreement",
        ["POST /api/v1/tkksd/agreements/{id:guid}/assignments"] = "POST TKKSD assignment on a fresh shared KSDD",
        ["PUT /api/v1/tkksd/agreements/{id:guid}/assessments/{memberId:guid}"] = "PUT TKKSD assessment of the assigned member",
        ["POST /api/v1/tkksd/agreements/{id:guid}/kajian"] = "POST kajian of the demo agreement",
        ["GET /api/v1/notifications/"] = "GET /notifications",
        ["GET /api/v1/notifications/unread-count"] = "GET /notifications/unread-count",
        ["POST /api/v1/notifications/{id:guid}/read"] = "POST /notifications/{id}/read (not the caller's)",
        ["POST /api/v1/notifications/read-all"] = "POST /notifications/read-all",
        ["GET /api/v1/settings/front-door/"] = "GET /settings/front-door",
        ["PUT /api/v1/settings/front-door/"] = "PUT /settings/front-door (target as it is)",
        ["GET /api/v1/account/mail/"] = "GET /account/mail",
        ["PUT /api/v1/account/mail/"] = "PUT /account/mail (on, as it is)",
        ["GET /api/v1/admin/mail-outbox/"] = "GET /admin/mail-outbox",
        ["GET /api/v1/admin/mail-outbox/summary"] = "GET /admin/mail-outbox/summary",
        ["POST /api/v1/admin/mail-outbox/{id:guid}/retry"] = "POST /admin/mail-outbox/{unknown}/retry",
        ["GET /api/v1/admin/search-index/"] = "GET /admin/search-index",
        ["POST /api/v1/admin/search-index/rebuild"] = "POST /admin/search-index/rebuild",
        ["GET /api/v1/tkksd/proposals/{id:guid}/assessments"] = "GET TKKSD assessments of a verified proposal",
        ["POST /api/v1/tkksd/proposals/{id:guid}/assignments"] = "POST TKKSD assignment on a verified proposal",
        ["PUT /api/v1/tkksd/proposals/{id:guid}/assessments/{memberId:guid}"] = "PUT TKKSD assessment of a proposal's assigned member",
        ["POST /api/v1/tkksd/proposals/{id:guid}/kajian"] = "POST kajian of a proposal",
    };

    /// <summary>The matrix is checked against the real route table: every API endpoint the app maps
    /// (not only drafting and settings) has a row, so a new endpoint cannot ship without one.</summary>
    [Fact]
    public void Matrix_HasARowForEveryApiEndpoint()
    {
        var endpoints = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        // Slices keep their rows in their own files (MappingMatrix.cs, FacilitationMatrix.cs, OffersMatrix.cs …).
        IEnumerable<IReadOnlyDictionary<string, string>> sliceRows = [MappingMatrix.EndpointRows, FacilitationMatrix.EndpointRows, OffersMatrix.EndpointRows, PortalMatrix.EndpointRows, EventsMatrix.EndpointRows, MonitoringMatrix.EndpointRows, EvaluationMatrix.EndpointRows, RemindersMatrix.EndpointRows, StatisticsMatrix.EndpointRows, UpwardReportsMatrix.EndpointRows, ForeignDutiesMatrix.EndpointRows, PublicationMatrix.EndpointRows, SearchMatrix.EndpointRows, GoodPracticesMatrix.EndpointRows, ImportMatrix.EndpointRows, ListExportsMatrix.EndpointRows, RegionExportMatrix.EndpointRows];
        var covered = CoreEndpointRows.Keys.Concat(DraftingEndpointRows.Keys).Concat(SettingsEndpointRows.Keys).Concat(sliceRows.SelectMany(r => r.Keys)).ToHashSet();
        Assert.True(endpoints.SetEquals(covered),
            $"endpoints without a matrix row: {string.Join(", ", endpoints.Except(covered).Order())}; rows for no endpoint: {string.Join(", ", covered.Except(endpoints).Order())}");
        var names = AllRows.Select(r => r.Name).ToHashSet();
        Assert.All(CoreEndpointRows.Values.Concat(sliceRows.SelectMany(r => r.Values)), row => Assert.Contains(row, names));
    }

    [Fact]
    public void Matrix_HasARowForEverySettingsEndpoint()
    {
        var endpoints = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1/holidays") || raw.EndsWith("/lifecycle-settings")))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        Assert.Equal(SettingsEndpointRows.Keys.Order(), endpoints.Order());
        var names = AllRows.Select(r => r.Name).ToHashSet();
        Assert.All(SettingsEndpointRows.Values, row => Assert.Contains(row, names));
    }

    [Fact]
    public void Matrix_HasARowForEveryDraftingEndpoint()
    {
        var endpoints = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/") && (raw.Contains("/drafts") || raw.Contains("/templates")
                || raw.Contains("/drafting/") || raw.Contains("/verifikasi/")))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        Assert.Equal(DraftingEndpointRows.Keys.Order(), endpoints.Order());
        var names = AllRows.Select(r => r.Name).ToHashSet();
        Assert.All(DraftingEndpointRows.Values, row => Assert.Contains(row, names));
    }

    [Fact]
    public async Task SharedKsdd_PartyRegion_SeesTheSharedRecord_NeverCimahisInternals()
    {
        var w = await AuthzWorld.ForAsync(app);
        var garut = w.Client("garut");
        var id = w.Id("shared");

        var details = await garut.GetAsync($"/api/v1/agreements/{id}").OkJson();
        Assert.False(details["isOwnRegion"]!.GetValue<bool>());
        Assert.False(details["canEdit"]!.GetValue<bool>());
        Assert.Null(details["borderingNote"]);
        var docIds = details["documents"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(w.Ids["sharedSharedDoc"], docIds);
        Assert.DoesNotContain(w.Ids["sharedInternalDoc"], docIds);
        Assert.Contains(w.Ids["garutInternalDoc"], docIds); // Garut's own internal kajian
        var docs = (await garut.GetAsync($"/api/v1/agreements/{id}/documents").OkJson()).AsArray();
        Assert.All(docs.Where(d => d!["uploaderRegionCode"]!.GetValue<string>() != "32.05"), d => Assert.Equal("Shared", d!["visibility"]!.GetValue<string>()));

        var history = (await garut.GetAsync($"/api/v1/agreements/{id}/history").OkJson()).AsArray();
        var notes = history.Select(h => h!["note"]?.GetValue<string>()).ToList();
        Assert.Contains(AuthzWorld.SharedNote, notes);
        Assert.DoesNotContain(AuthzWorld.InternalNote, notes);
        Assert.All(history, h => Assert.False(h!["isInternal"]!.GetValue<bool>()));

        // Cimahi itself sees both.
        var own = (await w.Client("officer").GetAsync($"/api/v1/agreements/{id}/history").OkJson()).AsArray();
        Assert.Contains(AuthzWorld.InternalNote, own.Select(h => h!["note"]?.GetValue<string>()));
        Assert.NotNull((await w.Client("officer").GetAsync($"/api/v1/agreements/{id}").OkJson())["borderingNote"]);
        // ... but never Garut's internal kajian (issue #9 item 3).
        Assert.DoesNotContain(w.Ids["garutInternalDoc"], (await w.Client("officer").GetAsync($"/api/v1/agreements/{id}/documents").OkJson()).AsArray().Select(d => d!["id"]!.GetValue<string>()));

        // Lifecycle: every move is refused with a reason, notes are allowed.
        var options = (await garut.GetAsync($"/api/v1/agreements/{id}/actions").OkJson()).AsArray();
        Assert.All(options.Where(o => o!["action"]!.GetValue<string>() != "add-note"), o =>
        {
            Assert.False(o!["allowed"]!.GetValue<bool>());
            Assert.NotEmpty(o["reasons"]!.AsArray());
        });
        Assert.True(options.Single(o => o!["action"]!.GetValue<string>() == "add-note")!["allowed"]!.GetValue<bool>());

        var refused = await garut.Act(id, "complete-preparation").Expect(HttpStatusCode.Forbidden);
        var problem = await ProblemAssert.IsProblem(refused);
        Assert.Contains("daerah pemilik", problem["detail"]!.GetValue<string>());
        await garut.Act(id, "terminate", new { reasonCode = "MutualAgreement" }).Expect(HttpStatusCode.Forbidden);

        // Garut's note, even when asked to be internal, is part of the shared record (Garut is not the owner).
        var note = "Catatan Garut: kelompok tani siap " + Guid.NewGuid().ToString("N")[..6];
        await garut.Act(id, "add-note", new { note, @internal = true }).OkJson();
        Assert.Contains(note, (await garut.GetAsync($"/api/v1/agreements/{id}/history").OkJson()).AsArray().Select(h => h!["note"]?.GetValue<string>()));

        // Garut attaches only its own side's papers (issue #9 item 3: PartyDocumentsTests), never the owner's steps such as the offer letter; nor edits the agreement.
        var upload = await garut.Upload(id, "OfferLetter", TestApi.Pdf("garut"), visibility: "Shared").Expect(HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(upload);
    }

    [Fact]
    public async Task RoleGatedAction_IsRefused403_WithTheReasonInTheProblem()
    {
        var w = await AuthzWorld.ForAsync(app);
        var response = await w.Client("leader").Act(w.Id("shared"), "complete-preparation").Expect(HttpStatusCode.Forbidden);
        var problem = await ProblemAssert.IsProblem(response);
        Assert.Equal("Aksi ditolak", problem["title"]!.GetValue<string>());
        Assert.Contains("tidak berwenang", problem["detail"]!.GetValue<string>());
        Assert.Contains("Petugas Bagian Kerja Sama", problem["detail"]!.GetValue<string>());
        var reasons = problem["reasons"]!.AsArray();
        Assert.Contains(reasons, r => r!["kind"]!.GetValue<string>() == "WrongRole");

        // The same action is role-allowed for the officer; only the prerequisite is missing (422).
        var officer = await w.Client("officer").Act(w.Id("shared"), "complete-preparation").Expect(HttpStatusCode.UnprocessableEntity);
        var missing = await ProblemAssert.IsProblem(officer);
        Assert.All(missing["reasons"]!.AsArray(), r => Assert.Equal("MissingPrerequisite", r!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task DprdViewer_RecordsDprdApproval_OfItsOwnRegion()
    {
        var w = await AuthzWorld.ForAsync(app);
        var officer = w.Client("officer");
        var id = await officer.CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji persetujuan DPRD oleh Sekretariat DPRD", budgetedInApbd = false, leadAgencyId = w.Ids["dlhAgency"],
            parties = new[] { new { regionCode = "32.17" } },
        });
        var today = Jalin.Core.Common.Wib.Today(app.Clock);
        var walker = new LifecycleWalker(officer, id, today);
        await walker.WalkToAsync("DprdApproval");
        await walker.SatisfyAsync("doc:DprdRequest");
        await officer.Act(id, "request-dprd-approval").OkJson();

        var dprd = w.Client("dprd");
        await dprd.Upload(id, "DprdDecision", TestApi.Pdf("keputusan DPRD"), visibility: "Internal", title: "Keputusan DPRD").OkJson();
        var approved = await dprd.Act(id, "record-dprd-approval", new { note = "Disetujui dalam rapat paripurna" }).OkJson();
        Assert.Equal("DraftingPks", approved["to"]!.GetValue<string>());
        var history = (await officer.GetAsync($"/api/v1/agreements/{id}/history").OkJson()).AsArray();
        Assert.Equal("Sekretariat DPRD Kota Cimahi", history.Single(h => h!["action"]!.GetValue<string>() == "record-dprd-approval")!["actorName"]!.GetValue<string>());
    }

    [Fact]
    public async Task PartnerUser_IsNeverTheOwnerSide_EvenWhenRegisteredUnderTheRegion()
    {
        // mitra.cimahi is filed under 32.77, but a partner's liaison is not Cimahi's staff: what it
        // writes is part of the shared record (it could never read an internal row back).
        var w = await AuthzWorld.ForAsync(app);
        var mitra = w.Client("mitra");
        var id = w.Id("unjani");
        var details = await mitra.GetAsync($"/api/v1/agreements/{id}").OkJson();
        Assert.False(details["isOwnRegion"]!.GetValue<bool>());
        Assert.False(details["canEdit"]!.GetValue<bool>());

        var doc = await mitra.Upload(id, "OfferAnswer", TestApi.Pdf("jawaban mitra"), visibility: "Internal", title: "Jawaban Unjani").OkJson();
        Assert.Equal("Shared", doc["visibility"]!.GetValue<string>());
        var docs = (await mitra.GetAsync($"/api/v1/agreements/{id}/documents").OkJson()).AsArray();
        Assert.Contains(docs, d => d!["id"]!.GetValue<string>() == doc["id"]!.GetValue<string>());
        Assert.DoesNotContain(docs, d => d!["visibility"]!.GetValue<string>() == "Internal");
        await mitra.GetAsync($"/api/v1/agreements/{id}/documents/{doc["id"]}/file").Expect(HttpStatusCode.OK);

        var note = "Catatan mitra " + Guid.NewGuid().ToString("N")[..6];
        await mitra.Act(id, "add-note", new { note, @internal = true }).OkJson();
        var history = (await mitra.GetAsync($"/api/v1/agreements/{id}/history").OkJson()).AsArray();
        Assert.Contains(note, history.Select(h => h!["note"]?.GetValue<string>()));

        // Lifecycle moves stay with the owner: the partner is told why.
        var options = (await mitra.GetAsync($"/api/v1/agreements/{id}/actions").OkJson()).AsArray();
        Assert.All(options.Where(o => o!["action"]!.GetValue<string>() != "add-note"), o => Assert.False(o!["allowed"]!.GetValue<bool>()));
        var refused = await mitra.Act(id, "complete").Expect(HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(refused);
    }

    private static async Task<List<JsonNode>> AllAgreements(HttpClient client)
    {
        var all = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var json = await client.GetAsync($"/api/v1/agreements?pageSize=200&page={page}").OkJson();
            var items = json["items"]!.AsArray().Select(i => i!).ToList();
            all.AddRange(items);
            if (all.Count >= json["totalCount"]!.GetValue<int>() || items.Count == 0) return all;
        }
    }

    [Fact]
    public async Task PartnerUser_SeesOnlyAgreementsWhereItsPartnerIsAParty()
    {
        var w = await AuthzWorld.ForAsync(app);
        var list = await AllAgreements(w.Client("mitra"));
        Assert.NotEmpty(list);
        Assert.All(list, a => Assert.Contains("Universitas Jenderal Achmad Yani", a["partners"]!.AsArray().Select(p => p!.GetValue<string>())));
        Assert.Contains(list, a => a["id"]!.GetValue<string>() == w.Ids["unjani"]);
        var dashboard = await w.Client("mitra").GetAsync("/api/v1/dashboard").OkJson();
        Assert.Equal(list.Count, dashboard["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task AgencyUser_SeesOnlyItsOpdsAgreements()
    {
        var w = await AuthzWorld.ForAsync(app);
        var list = await AllAgreements(w.Client("opd"));
        Assert.Contains(list, a => a["id"]!.GetValue<string>() == w.Ids["dlh"]);
        Assert.Contains(list, a => a["id"]!.GetValue<string>() == w.Ids["shared"]);
        Assert.DoesNotContain(list, a => a["id"]!.GetValue<string>() == w.Ids["unjani"]);
        Assert.All(list, a => Assert.Equal("Dinas Lingkungan Hidup Kota Cimahi", a["leadAgency"]?.GetValue<string>()));
    }

    /// <summary>Issue #9: an OPD user opening another OPD's agreement of its own region is told which OPD
    /// holds it (403 milik_opd_lain), and nothing of the record; outside its region it stays 404.
    /// 403 and not 404: the record exists in the user's own government and "not found" misleads.</summary>
    [Fact]
    public async Task AgencyUser_OpeningAnotherOpdsAgreement_IsToldTheOwningOpd_AndNothingElse()
    {
        var w = await AuthzWorld.ForAsync(app);
        var response = await w.Client("opd").GetAsync(w.Fill($"{V1}/agreements/{{demoKsdd}}"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonNode.Parse(body)!;
        Assert.Equal("milik_opd_lain", problem["code"]!.GetValue<string>());
        var owning = problem["owningAgency"]!.GetValue<string>();
        Assert.StartsWith("Dinas Ketahanan Pangan", owning);
        Assert.Contains(owning, problem["detail"]!.GetValue<string>());
        Assert.Contains("bukan OPD Anda", problem["detail"]!.GetValue<string>());
        // No content of the record: not its title, object, value or parties.
        Assert.DoesNotContain("Pasokan Cabai", body);
        Assert.DoesNotContain("Garut", body);
        Assert.DoesNotContain("450", body);

        // Another region's agreement is still simply not found for the OPD user.
        var kupang = await w.Client("opd").GetAsync(w.Fill($"{V1}/agreements/{{kupang}}"));
        Assert.Equal(HttpStatusCode.NotFound, kupang.StatusCode);
    }

    [Fact]
    public async Task Supervisors_ProvinceSeesItsRegionsOnly_NationalSeesAll()
    {
        var w = await AuthzWorld.ForAsync(app);
        var province = await AllAgreements(w.Client("prov"));
        Assert.All(province, a => Assert.True(a["regionCode"]!.GetValue<string>() is "32" or ['3', '2', '.', ..], a["regionCode"]!.GetValue<string>()));
        var regions = province.Select(a => a["regionCode"]!.GetValue<string>()).ToHashSet();
        Assert.Contains("32.77", regions);
        Assert.Contains("32.73", regions);
        Assert.Contains("32.05", regions);

        var national = await AllAgreements(w.Client("nat"));
        var all = national.Select(a => a["regionCode"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "32.77", "32.73", "32.05", "53.71", "13", "64.02" }, all);
        Assert.True(national.Count > province.Count);
    }

    [Fact]
    public async Task Anonymous_And_BadTokens_Get401ProblemDetails()
    {
        var w = await AuthzWorld.ForAsync(app);
        var anon = w.Client("anon");
        foreach (var path in new[] { "/api/v1/agreements", "/api/v1/lifecycle", "/api/v1/regions", $"/api/v1/agreements/{w.Ids["shared"]}" })
        {
            var bare = await anon.GetAsync(path).Expect(HttpStatusCode.Unauthorized);
            await ProblemAssert.IsProblem(bare);
            using var forged = new HttpRequestMessage(HttpMethod.Get, path);
            forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bukan-token-yang-sah");
            var bad = await anon.SendAsync(forged);
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
            await ProblemAssert.IsProblem(bad);
        }
    }

    [Fact]
    public async Task DeactivatedUser_TokenStopsWorkingAtOnce()
    {
        var w = await AuthzWorld.ForAsync(app);
        var admin = w.Client("admin");
        var input = (JsonObject)JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(AuthzWorld.NewUser("Leader"), TestApi.Json))!;
        var created = await admin.PostAsJsonAsync("/api/v1/users", input).OkJson();
        var client = await app.ClientForAsync(input["userName"]!.GetValue<string>(), input["password"]!.GetValue<string>());
        await client.GetAsync("/api/v1/agreements").OkJson();

        input["isActive"] = false;
        input["password"] = null;
        await admin.PutAsJsonAsync($"/api/v1/users/{created["id"]}", input).OkJson();
        var refused = await client.GetAsync("/api/v1/agreements").Expect(HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblem(refused);
        var token = await client.PostAsync("/api/v1/auth/token", new StringContent(
            $$"""{"userName":"{{input["userName"]}}","password":"Uji#Matriks2026!"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAuthorizationMatrixTests(SqliteApp app) : AuthorizationMatrixTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuthorizationMatrixTests(PostgresApp app) : AuthorizationMatrixTests<PostgresApp>(app);
