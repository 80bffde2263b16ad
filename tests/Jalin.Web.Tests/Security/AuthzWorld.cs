using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>The demo accounts (one per role, plus officers of other regions), a signed-in client
/// for each, and the ids the matrix fills into routes: demo agreements of several regions and a
/// fresh Cimahi–Garut KSDD with an internal note and an internal document (and Garut's own internal kajian). Built once per app.</summary>
public sealed class AuthzWorld
{
    /// <summary>Matrix column → demo user name ("" for anonymous).</summary>
    public static readonly IReadOnlyList<(string Alias, string UserName)> Columns =
    [
        ("anon", ""), ("admin", "admin"), ("officer", "kerjasama.cimahi"), ("opd", "opd.cimahi"), ("tkksd", "tkksd.cimahi"),
        ("leader", "pimpinan.cimahi"), ("dprd", "dprd.cimahi"), ("auditor", "auditor.cimahi"), ("mitra", "mitra.cimahi"),
        ("prov", "pembina.jabar"), ("nat", "pembina.kemendagri"), ("garut", "kerjasama.garut"), ("bandung", "kerjasama.bandung"),
        ("kupang", "kerjasama.kupang"),
    ];

    private static readonly ConcurrentDictionary<JalinAppFactory, Lazy<Task<AuthzWorld>>> Worlds = new();

    public static Task<AuthzWorld> ForAsync(JalinAppFactory app) =>
        Worlds.GetOrAdd(app, a => new Lazy<Task<AuthzWorld>>(() => BuildAsync(a))).Value;

    private AuthzWorld(JalinAppFactory app) => App = app;

    public JalinAppFactory App { get; }
    public Dictionary<string, HttpClient> Clients { get; } = [];
    public Dictionary<string, string> Ids { get; } = [];

    public HttpClient Client(string alias) => Clients[alias];

    public Guid Id(string key) => Guid.Parse(Ids[key]);

    /// <summary>Replaces {key} placeholders with ids.</summary>
    public string Fill(string template)
    {
        var s = template;
        foreach (var (k, v) in Ids) s = s.Replace("{" + k + "}", v);
        Assert.DoesNotContain("{", s);
        return s;
    }

    private static async Task<AuthzWorld> BuildAsync(JalinAppFactory app)
    {
        var w = new AuthzWorld(app);
        foreach (var (alias, user) in Columns)
            w.Clients[alias] = user.Length == 0 ? app.CreateClient() : await app.ClientForAsync(user);
        var officer = w.Client("officer");

        // Demo agreements.
        w.Ids["demoKsdd"] = await FindAsync(officer, "Pasokan Cabai untuk Pengendalian Inflasi");
        w.Ids["unjani"] = await FindAsync(officer, "Tridharma Perguruan Tinggi");
        w.Ids["dlh"] = await FindAsync(officer, "Penagihan Retribusi Persampahan");
        w.Ids["kupang"] = await FindAsync(w.Client("kupang"), "Air Bersih Regional Kupang");
        w.Ids["bandung"] = await FindAsync(w.Client("bandung"), "Penyediaan Air Baku");
        (w.Ids["demoKsddShared"], w.Ids["demoKsddInternal"]) = await DocumentsAsync(officer, w.Id("demoKsdd"));
        (w.Ids["unjaniShared"], w.Ids["unjaniInternal"]) = await DocumentsAsync(officer, w.Id("unjani"));
        (w.Ids["kupangDoc"], _) = await DocumentsAsync(w.Client("kupang"), w.Id("kupang"));

        var partners = await w.Client("mitra").GetAsync("/api/v1/partners").OkJson();
        w.Ids["unjaniPartner"] = partners["items"]![0]!["id"]!.GetValue<string>();

        // A fresh KSDD sukarela Cimahi–Garut led by Cimahi's DLH (so the OPD user sees it), with
        // Cimahi's internal document and note next to shared ones.
        var agencies = (await officer.GetAsync("/api/v1/regions/32.77/agencies").OkJson()).AsArray();
        w.Ids["dlhAgency"] = agencies.First(a => a!["name"]!.GetValue<string>().StartsWith("Dinas Lingkungan Hidup"))!["id"]!.GetValue<string>();
        var shared = await officer.CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji matriks wewenang: pengelolaan sampah bersama Cimahi–Garut", leadAgencyId = w.Ids["dlhAgency"],
            budgetedInApbd = true, borderingNote = "Catatan internal Cimahi tentang perbatasan",
            parties = new[] { new { regionCode = "32.05" } },
        });
        w.Ids["shared"] = shared.ToString();
        w.Ids["sharedInternalDoc"] = (await officer.Upload(shared, "TermsOfReference", TestApi.Pdf("KAK internal"), visibility: "Internal", title: "KAK internal Cimahi").OkJson())["id"]!.GetValue<string>();
        w.Ids["sharedSharedDoc"] = (await officer.Upload(shared, "Other", TestApi.Pdf("bahan bersama"), visibility: "Shared", title: "Bahan bersama").OkJson())["id"]!.GetValue<string>();
        // Garut, the party region, attaches its own kajian internal to Garut (issue #9 item 3).
        w.Ids["garutInternalDoc"] = (await w.Client("garut").Upload(shared, "Assessment", TestApi.Pdf("kajian Garut"), visibility: "Internal", title: "Kajian internal Garut").OkJson())["id"]!.GetValue<string>();
        await officer.Act(shared, "add-note", new { note = InternalNote, @internal = true }).OkJson();
        await officer.Act(shared, "add-note", new { note = SharedNote }).OkJson();

        // Drafts on the shared KSDD (ISSUE #3): a KB whose dispute-resolution clause was removed
        // (v2) and then edited (v3), so its muatan is incomplete (a leader may override) and v2 can
        // be restored; and a DPRD letter issued as final, for its public verification code.
        var kb = await officer.CreateDraft(shared, "kb");
        w.Ids["sharedDraft"] = kb["id"]!.GetValue<string>();
        w.Ids["sharedClause"] = kb["clauses"]![0]!["key"]!.GetValue<string>();
        var v2 = await officer.PostAsJsonAsync(Drafts.Url(shared, w.Ids["sharedDraft"], "/versions"),
            Drafts.SaveBody(kb, c => !Drafts.IsType(c, "DisputeResolution"), "Pasal penyelesaian perselisihan dihapus"), TestApi.Json).OkJson();
        Assert.False(v2["complete"]!.GetValue<bool>());
        var v3 = await officer.PostAsJsonAsync(Drafts.Url(shared, w.Ids["sharedDraft"], "/versions"), Drafts.SaveBody(v2, note: "Disimpan ulang"), TestApi.Json).OkJson();
        Assert.Equal(3, v3["latestVersion"]!.GetValue<int>());
        var letter = await officer.CreateDraft(shared, "surat-dprd");
        var final = await officer.PostAsJsonAsync(Drafts.Url(shared, letter["id"], "/finalize"), new { version = 1 }, TestApi.Json).OkJson();
        w.Ids["verifyCode"] = final["verificationCode"]!.GetValue<string>();
        w.Ids["letterDraft"] = letter["id"]!.GetValue<string>();

        // Registry rows the matrix may edit without touching the demo's own.
        var partner = await officer.PostAsJsonAsync("/api/v1/partners", new { kind = "University", name = "Politeknik Uji Matriks Wewenang " + Guid.NewGuid().ToString("N")[..6] }).OkJson();
        w.Ids["worldPartner"] = partner["partner"]!["id"]!.GetValue<string>();
        var agency = await officer.PostAsJsonAsync("/api/v1/regions/32.77/agencies", new { name = "Unit Uji Matriks " + Guid.NewGuid().ToString("N")[..6] }).OkJson();
        w.Ids["worldAgency"] = agency["id"]!.GetValue<string>();
        var created = await w.Client("admin").PostAsJsonAsync("/api/v1/users", NewUser("TeamMember")).OkJson();
        w.Ids["worldUser"] = created["id"]!.GetValue<string>();
        return w;
    }

    /// <summary>An addendum of the shared KSDD issued as final with every paraf recorded, ready for
    /// the signing to be recorded; its id is stored under <paramref name="key"/>.</summary>
    public async Task ParafedFinalOnSharedAsync(string key)
    {
        var officer = Client("officer");
        var draft = await officer.CreateDraft(Id("shared"), "addendum");
        var id = draft["id"]!.GetValue<string>();
        await officer.PostAsJsonAsync(Drafts.Url(Id("shared"), id, "/finalize"), new { version = 1 }, TestApi.Json).OkJson();
        var signing = await officer.GetAsync(Drafts.Url(Id("shared"), id, "/signing")).OkJson();
        foreach (var step in signing["paraf"]!.AsArray())
            await officer.PostAsJsonAsync(Drafts.Url(Id("shared"), id, "/signing/paraf"), new { order = step!["order"]!.GetValue<int>(), name = "Pejabat uji" }, TestApi.Json).OkJson();
        Ids[key] = id;
    }

    /// <summary>A region copy of <paramref name="code"/> for every regional officer column, so resetting it has something to reset.</summary>
    public async Task TemplateCopiesAsync(string code)
    {
        foreach (var alias in new[] { "officer", "garut", "bandung", "kupang" })
        {
            var t = await Client(alias).GetAsync($"/api/v1/drafting/templates/{code}").OkJson();
            await Client(alias).PutAsJsonAsync($"/api/v1/drafting/templates/{code}", new
            {
                name = $"Salinan uji ({alias})", basedOnVersion = t["version"]!.GetValue<int>(), clauses = Drafts.ClauseInputs(t),
            }, TestApi.Json).OkJson();
        }
    }

    /// <summary>A clause wording of Cimahi's library, stored under <paramref name="key"/>.</summary>
    public async Task RegionClauseAsync(string key) =>
        Ids[key] = (await Client("officer").PostAsJsonAsync("/api/v1/drafting/clauses", RegionClause("setup"), TestApi.Json).OkJson())["id"]!.GetValue<string>();

    public static object RegionClause(string alias) => new
    {
        type = "DisputeResolution", name = $"Rumusan uji matriks ({alias})", heading = "Penyelesaian Perselisihan",
        paragraphs = new[] { "Perselisihan diselesaikan melalui mediasi oleh Bagian Hukum Setda {{daerah}}." },
    };

    /// <summary>A DOCX whose header is a kop surat.</summary>
    public static byte[] LetterheadDocx(string text)
    {
        using var ms = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var header = main.AddNewPart<DocumentFormat.OpenXml.Packaging.HeaderPart>();
            header.Header = new DocumentFormat.OpenXml.Wordprocessing.Header(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text))));
            header.Header.Save();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(),
                new DocumentFormat.OpenXml.Wordprocessing.SectionProperties(new DocumentFormat.OpenXml.Wordprocessing.HeaderReference
                {
                    Type = DocumentFormat.OpenXml.Wordprocessing.HeaderFooterValues.Default, Id = main.GetIdOfPart(header),
                })));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    /// <summary>A fresh draft of <paramref name="templateCode"/> on the shared KSDD by the officer; its id is stored under <paramref name="key"/>.</summary>
    /// <summary>A comment thread opened by the TKKSD member on the shared draft; its id is stored under <paramref name="key"/>.</summary>
    public async Task ThreadOnSharedAsync(string key) =>
        Ids[key] = (await Client("tkksd").PostAsJsonAsync(Fill("/api/v1/agreements/{shared}/drafts/{sharedDraft}/comments"),
            new { clauseKey = Ids["sharedClause"], text = "Utas uji matriks: mohon ditinjau." }, TestApi.Json).OkJson())["id"]!.ToString();

    /// <summary>Another KSDD Cimahi–Garut led by DLH with no drafts yet; its id is stored under <paramref name="key"/>.</summary>
    public async Task FreshSharedAsync(string key) =>
        Ids[key] = (await Client("officer").CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji matriks wewenang: rancangan dari Word " + Guid.NewGuid().ToString("N")[..6], leadAgencyId = Ids["dlhAgency"],
            budgetedInApbd = true, parties = new[] { new { regionCode = "32.05" } },
        })).ToString();

    public async Task DraftOnSharedAsync(string key, string templateCode) =>
        Ids[key] = (await Client("officer").CreateDraft(Id("shared"), templateCode))["id"]!.GetValue<string>();

    /// <summary>A fresh unbudgeted KSDD of <paramref name="owner"/>'s region, walked to DPRD approval
    /// and requested, the decision letter not yet attached; its id is stored under <paramref name="key"/>.</summary>
    public async Task AwaitingDprdAsync(string key, string owner, string partyRegion)
    {
        var client = Client(owner);
        var id = await client.CreateAgreement(new
        {
            kind = "KsddSukarela", title = $"Uji matriks: menunggu persetujuan DPRD ({owner})", budgetedInApbd = false,
            parties = new[] { new { regionCode = partyRegion } },
        });
        var walker = new LifecycleWalker(client, id, Jalin.Core.Common.Wib.Today(App.Clock));
        await walker.WalkToAsync("DprdApproval");
        await walker.SatisfyAsync("doc:DprdRequest");
        await client.Act(id, "request-dprd-approval").OkJson();
        Ids[key] = id.ToString();
    }

    public const string InternalNote = "Catatan internal TKKSD Cimahi: nilai tawar belum final";
    public const string SharedNote = "Catatan bersama: rapat koordinasi pekan depan";

    public static object NewUser(string role) => new
    {
        userName = "uji.matriks." + Guid.NewGuid().ToString("N")[..8], fullName = "Pengguna Uji Matriks", role, regionCode = "32.77",
        password = "Uji#Matriks2026!", email = "uji@contoh.go.id",
    };

    private static async Task<string> FindAsync(HttpClient client, string title)
    {
        var page = await client.GetAsync($"/api/v1/agreements?q={Uri.EscapeDataString(title)}").OkJson();
        var items = page["items"]!.AsArray();
        Assert.True(items.Count >= 1, $"demo agreement '{title}' not found");
        return items[0]!["id"]!.GetValue<string>();
    }

    /// <summary>The first shared and the first internal document with a file.</summary>
    private static async Task<(string shared, string @internal)> DocumentsAsync(HttpClient client, Guid id)
    {
        var docs = (await client.GetAsync($"/api/v1/agreements/{id}/documents").OkJson()).AsArray().Select(d => d!)
            .Where(d => d["fileName"] is JsonValue).ToList();
        var shared = docs.First(d => d["visibility"]!.GetValue<string>() == "Shared")["id"]!.GetValue<string>();
        var @internal = docs.FirstOrDefault(d => d["visibility"]!.GetValue<string>() == "Internal")?["id"]!.GetValue<string>() ?? "";
        return (shared, @internal);
    }
}
