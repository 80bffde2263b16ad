using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jalin.Core.Common;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Drafting;

/// <summary>A PKS drafted in Jalin from the KSDPK template to the issued final and its public
/// verification, through the real HTTP API, on SQLite and on PostgreSQL.</summary>
public abstract class DraftingJourneyTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private const string Object = "Pengelolaan parkir tepi jalan umum di kawasan pusat Kota Cimahi";
    private const string Inserted = "termasuk pemeliharaan rambu dan marka parkir";
    private const string OverrideReason = "Sanksi diatur dalam peraturan wali kota tentang parkir; pasal sanksi tidak diulang dalam PKS ini";


    /// <summary>A KB issued from Jalin, sent to signing, paraf'd and signed: recording the signing
    /// also applies "Catat penandatanganan KB", so the agreement moves on without a second entry.</summary>
    [Fact]
    public async Task KbSigningRecordedInJalin_MovesTheAgreementToThePks()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var id = await officer.CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji tanda tangan KB: angkutan umum aglomerasi " + Guid.NewGuid().ToString("N")[..6], @object = Object,
            budgetedInApbd = true, burdensPublic = false, parties = new[] { new { regionCode = "32.11" } },
        });
        var walker = new LifecycleWalker(officer, id, Wib.Today(app.Clock));
        await walker.WalkToAsync("DraftingKb");
        await walker.SatisfyAsync("party-numbers");
        await walker.SatisfyAsync("kb-signatories"); // PP 28/2018 Ps 2(1): the heads of region sign the KB
        var kb = await officer.CreateDraft(id, "kb");
        var kbId = kb["id"]!.GetValue<string>();

        // Signing recorded before the lifecycle reached "Penandatanganan KB" would not move it; here the KB is issued and finalized first.
        await officer.PostAsJsonAsync(Drafts.Url(id, kbId, "/finalize"), new { version = 1 }, TestApi.Json).OkJson();
        await officer.Act(id, "finalize-kb", new { note = "Rancangan KB final" }).OkJson();
        Assert.Equal("SigningKb", await walker.StageAsync());
        var signing = await officer.GetAsync(Drafts.Url(id, kbId, "/signing")).OkJson();
        foreach (var step in signing["paraf"]!.AsArray())
            await officer.PostAsJsonAsync(Drafts.Url(id, kbId, "/signing/paraf"), new { order = step!["order"]!.GetValue<int>(), name = "Pejabat uji" }, TestApi.Json).OkJson();

        var form = new MultipartFormDataContent
        {
            { new StringContent(Wib.Today(app.Clock).ToString("yyyy-MM-dd")), "signedOn" }, { new StringContent("Cimahi"), "place" },
            { new StringContent("Ceremonial"), "ceremony" }, { new StringContent("true"), "parafOnEveryPage" }, { new StringContent("true"), "stempel" },
        };
        var file = new ByteArrayContent(TestApi.Pdf("KB bertanda tangan"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "kb-ditandatangani.pdf");
        var recorded = await officer.PostAsync(Drafts.Url(id, kbId, "/signing"), form).OkJson();
        Assert.True(recorded["stage"]!["moved"]!.GetValue<bool>(), recorded["stage"]!.ToJsonString());
        Assert.Contains("Penandatanganan Kesepakatan Bersama → Penyusunan Perjanjian Kerja Sama", recorded["stage"]!["message"]!.GetValue<string>());
        Assert.Equal("DraftingPks", await walker.StageAsync());
        var history = (await officer.GetAsync($"/api/v1/agreements/{id}/history").OkJson()).ToJsonString();
        Assert.Contains("record-kb-signing", history);
    }

    /// <summary>The partner gets Jalin's DOCX, edits one ayat in Word and sends it back; the
    /// officer imports it as the next version and the compare shows that edit in its pasal, while
    /// the comment on that pasal stays on it.</summary>
    [Fact]
    public async Task PartnersWordCopy_ImportedAsNextVersion_ComparesPasalByPasal()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var tkksd = await app.ClientForAsync("tkksd.cimahi");
        var id = await officer.CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji impor Word: pengelolaan sampah regional " + Guid.NewGuid().ToString("N")[..6], @object = Object,
            parties = new[] { new { regionCode = "32.11" } },
        });
        var v1 = await officer.CreateDraft(id, "kb");
        var draftId = v1["id"]!.GetValue<string>();
        var scope = v1["clauses"]!.AsArray().Single(c => Drafts.IsType(c!, "Scope"))!;
        var scopeKey = scope["key"]!.GetValue<string>();
        var comment = await tkksd.PostAsJsonAsync(Drafts.Url(id, draftId, "/comments"), new { clauseKey = scopeKey, text = "Mohon ruang lingkup menyebut TPA regional." }, TestApi.Json).OkJson();

        var docx = await officer.GetByteArrayAsync(Drafts.Url(id, draftId, "/docx"));
        var edited = Drafts.EditText(docx, "Ruang lingkup Kesepakatan Bersama ini meliputi", "Ruang lingkup Kesepakatan Bersama ini, termasuk TPA regional, meliputi");
        var result = await officer.PostAsync(Drafts.Url(id, draftId, "/import"), Drafts.ImportForm(edited, 1, "KB dari Sumedang.docx", "Naskah balikan Kabupaten Sumedang")).OkJson();
        Assert.Equal(v1["clauses"]!.AsArray().Count, result["clauses"]!.GetValue<int>());
        var v2 = result["draft"]!;
        Assert.Equal(2, v2["latestVersion"]!.GetValue<int>());
        Assert.Equal("Naskah balikan Kabupaten Sumedang", v2["versions"]![0]!["note"]!.GetValue<string>());
        // Same keys: the pasal and its comment line up with version 1.
        Assert.Equal(v1["clauses"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()), v2["clauses"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()));
        Assert.Contains(v2["comments"]!.AsArray(), c => c!["id"]!.GetValue<long>() == comment["id"]!.GetValue<long>() && c["clauseKey"]!.GetValue<string>() == scopeKey);

        var diff = await officer.GetAsync(Drafts.Url(id, draftId, "/compare") + "?from=1&to=2").OkJson();
        var changed = diff["clauses"]!.AsArray().Where(c => c!["change"]!.GetValue<string>() != "Same").ToList();
        var only = Assert.Single(changed)!;
        Assert.Equal(scopeKey, only["key"]!.GetValue<string>());
        var inserted = string.Concat(only["segments"]!.AsArray().Where(g => g!["kind"]!.GetValue<string>() == "Inserted").Select(g => g!["text"]!.GetValue<string>()));
        Assert.Contains("TPA", inserted);
        Assert.Contains("regional", inserted);
        Assert.True(diff["insertions"]!.GetValue<int>() > 0);
        Assert.Equal(0, diff["deletions"]!.GetValue<int>());
    }

    [Fact]
    public async Task PksDraft_FromTemplateToVerifiedFinal()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var leader = await app.ClientForAsync("pimpinan.cimahi");
        var tkksd = await app.ClientForAsync("tkksd.cimahi");
        var mitra = await app.ClientForAsync("mitra.cimahi");
        var anon = app.CreateClient();
        var unjani = (await mitra.GetAsync("/api/v1/partners").OkJson())["items"]![0]!["id"]!.GetValue<string>();
        var title = "Uji penyusunan naskah: parkir bersama Unjani " + Guid.NewGuid().ToString("N")[..6];
        var id = await officer.CreateAgreement(new
        {
            kind = "Ksdpk", ksdpkKind = "PublicService", title, @object = Object, scope = "penataan, penarikan retribusi dan pelaporan parkir", value = 1_500_000_000m, fundingSource = "Apbd",
            budgetedInApbd = true, burdensPublic = false, initiative = "Region", leadAgencyId = (await officer.FirstAgency("32.77")).ToString(),
            parties = new[] { new { partnerId = unjani } },
        });

        // Version 1 from the template, filled from the agreement.
        var v1 = await officer.CreateDraft(id, "pks-ksdpk");
        var draftId = v1["id"]!.GetValue<string>();
        Assert.Equal("PerjanjianKerjaSama", v1["form"]!.GetValue<string>());
        Assert.Equal(1, v1["latestVersion"]!.GetValue<int>());
        var text1 = Drafts.Text(v1);
        Assert.Contains(title, text1);
        Assert.Contains(Object, text1);
        Assert.Contains("Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah)", text1);
        Assert.True(Drafts.Compliance(v1, "ksdpk-sanctions")["met"]!.GetValue<bool>());
        Assert.Contains(v1["clauses"]!.AsArray(), c => Drafts.IsType(c!, "Sanctions"));

        // Version 2: an edit in the object clause.
        var edit = Drafts.SaveBody(v1, note: "Objek diperinci");
        var objectClause = edit["clauses"]!.AsArray().Single(c => Drafts.IsType(c!, "Object"))!;
        var objectKey = objectClause["key"]!.GetValue<string>();
        var paragraph = objectClause["paragraphs"]![0]!.GetValue<string>();
        Assert.EndsWith(".", paragraph);
        objectClause["paragraphs"]![0] = paragraph[..^1] + ", " + Inserted + ".";
        var v2 = await officer.PostAsJsonAsync(Drafts.Url(id, draftId, "/versions"), edit, TestApi.Json).OkJson();
        Assert.Equal(2, v2["latestVersion"]!.GetValue<int>());
        Assert.Contains(Inserted, Drafts.Text(v2));

        // Compare v1 → v2: only the object clause changed, the inserted words are marked, and the
        // segments rebuild both texts.
        var comparison = await officer.GetAsync(Drafts.Url(id, draftId, $"/compare?from=1&to=2")).OkJson();
        Assert.True(comparison["insertions"]!.GetValue<int>() >= 1);
        var diffs = comparison["clauses"]!.AsArray().Select(c => c!).ToList();
        Assert.Equal(v1["clauses"]!.AsArray().Count, diffs.Count);
        var changed = Assert.Single(diffs, d => d["change"]!.GetValue<string>() != "Same");
        Assert.Equal(objectKey, changed["key"]!.GetValue<string>());
        Assert.Equal("Changed", changed["change"]!.GetValue<string>());
        var segments = changed["segments"]!.AsArray().Select(s => (Kind: s!["kind"]!.GetValue<string>(), Text: s["text"]!.GetValue<string>())).ToList();
        Assert.Contains("pemeliharaan rambu", string.Concat(segments.Where(s => s.Kind == "Inserted").Select(s => s.Text)));
        var v1Object = v1["clauses"]!.AsArray().Single(c => c!["key"]!.GetValue<string>() == objectKey)!;
        var v2Object = v2["clauses"]!.AsArray().Single(c => c!["key"]!.GetValue<string>() == objectKey)!;
        Assert.Equal(Full(v1Object), string.Concat(segments.Where(s => s.Kind != "Inserted").Select(s => s.Text)));
        Assert.Equal(Full(v2Object), string.Concat(segments.Where(s => s.Kind != "Deleted").Select(s => s.Text)));
        foreach (var same in diffs.Where(d => d["change"]!.GetValue<string>() == "Same"))
            Assert.All(same["segments"]!.AsArray(), s => Assert.Equal("Same", s!["kind"]!.GetValue<string>()));

        // Restore v1 as v3.
        var v3 = await officer.PostAsJsonAsync(Drafts.Url(id, draftId, "/restore"), new { version = 1 }, TestApi.Json).OkJson();
        Assert.Equal(3, v3["latestVersion"]!.GetValue<int>());
        Assert.Equal(1, v3["versions"]!.AsArray().Single(v => v!["number"]!.GetValue<int>() == 3)!["restoredFrom"]!.GetValue<int>());
        Assert.Equal(text1, Drafts.Text(v3));
        Assert.DoesNotContain(Inserted, Drafts.Text(v3));

        // The partner's liaison and TKKSD comment on clauses of the latest version.
        var sanctionsKey = v3["clauses"]!.AsArray().Single(c => Drafts.IsType(c!, "Sanctions"))!["key"]!.GetValue<string>();
        await mitra.PostAsJsonAsync(Drafts.Url(id, draftId, "/comments"), new { clauseKey = sanctionsKey, text = "Unjani meminta sanksi bertahap diperjelas." }, TestApi.Json).OkJson();
        await tkksd.PostAsJsonAsync(Drafts.Url(id, draftId, "/comments"), new { clauseKey = objectKey, text = "TKKSD: objek sudah sesuai kajian." }, TestApi.Json).OkJson();
        var commented = await officer.GetDraft(id, draftId);
        var comments = commented["comments"]!.AsArray().Select(c => c!).ToList();
        Assert.Contains(comments, c => c["clauseKey"]!.GetValue<string>() == sanctionsKey && c["text"]!.GetValue<string>().Contains("sanksi bertahap")
            && c["versionNumber"]!.GetValue<int>() == 3);
        Assert.Contains(comments, c => c["clauseKey"]!.GetValue<string>() == objectKey && c["authorName"]!.GetValue<string>().Length > 0);

        // Without the sanctions clause (v4) the checklist shows the KSDPK sanctions missing.
        var v4 = await officer.PostAsJsonAsync(Drafts.Url(id, draftId, "/versions"),
            Drafts.SaveBody(v3, c => !Drafts.IsType(c, "Sanctions"), "Pasal sanksi dihapus"), TestApi.Json).OkJson();
        Assert.Equal(4, v4["latestVersion"]!.GetValue<int>());
        var sanctions = Drafts.Compliance(v4, "ksdpk-sanctions");
        Assert.False(sanctions["met"]!.GetValue<bool>());
        Assert.True(sanctions["required"]!.GetValue<bool>());
        Assert.False(v4["complete"]!.GetValue<bool>());
        Assert.False(v4["ready"]!.GetValue<bool>());

        // Walk to PKS drafting: finalize-pks is refused for the draft, among other things.
        var today = Wib.Today(app.Clock);
        var walker = new LifecycleWalker(officer, id, today);
        await walker.WalkToAsync("DraftingPks");
        var refused = await officer.Act(id, "finalize-pks").Expect(HttpStatusCode.UnprocessableEntity);
        var problem = await ProblemAssert.IsProblem(refused);
        Assert.Contains(problem["reasons"]!.AsArray(), r => r!["prerequisite"]?.GetValue<string>() == "draft-ready:PerjanjianKerjaSama");
        var atPks = await officer.GetDraft(id, draftId);
        Assert.Equal(new[] { "ksdpk-sanctions" }, atPks["compliance"]!.AsArray().Where(i => i!["required"]!.GetValue<bool>() && !i["met"]!.GetValue<bool>())
            .Select(i => i!["code"]!.GetValue<string>()));

        // The leader overrides with a reason: kept on the draft and in the audit trail.
        var overridden = await leader.PostAsJsonAsync(Drafts.Url(id, draftId, "/override"), new { reason = OverrideReason, version = 4 }, TestApi.Json).OkJson();
        Assert.Equal(4, overridden["override"]!["version"]!.GetValue<int>());
        Assert.Equal(OverrideReason, overridden["override"]!["reason"]!.GetValue<string>());
        Assert.True(overridden["ready"]!.GetValue<bool>());
        Assert.False(overridden["complete"]!.GetValue<bool>());
        await using (var db = app.NewDb())
        {
            var rows = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Draft").ToListAsync();
            Assert.Contains(rows, e => string.Equals(e.EntityId, draftId, StringComparison.OrdinalIgnoreCase) && (e.After ?? "").Contains(OverrideReason)
                && e.ActorName.Length > 0);
        }
        var stillRefused = await officer.Act(id, "finalize-pks").Expect(HttpStatusCode.UnprocessableEntity);
        Assert.DoesNotContain((await ProblemAssert.IsProblem(stillRefused))["reasons"]!.AsArray(),
            r => r!["prerequisite"]?.GetValue<string>() == "draft-ready:PerjanjianKerjaSama");

        // The region's numbering pattern, then the officer issues the final.
        var settings = await officer.PutAsJsonAsync("/api/v1/drafting/settings", new { numberPattern = "{urut3}/PKS-{kode}/{bulan_romawi}/{tahun}" }, TestApi.Json).OkJson();
        Assert.True(settings["isRegionValue"]!.GetValue<bool>());
        var final = await officer.PostAsJsonAsync(Drafts.Url(id, draftId, "/finalize"), new { version = 4 }, TestApi.Json).OkJson();
        var code = final["verificationCode"]!.GetValue<string>();
        var documentId = final["documentId"]!.GetValue<string>();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
        Assert.Null(final["warning"]);
        var number = final["draft"]!["number"]!.GetValue<string>();
        string[] roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
        var issuedOn = Wib.Today(app.Clock);
        Assert.Matches($"^[0-9]{{3}}/PKS-32\\.77/{roman[issuedOn.Month - 1]}/{issuedOn.Year}$", number);
        Assert.Equal("Final", final["draft"]!["status"]!.GetValue<string>());

        // The filed document is the PDF; the public verification page describes it.
        var file = await officer.GetAsync($"/api/v1/agreements/{id}/documents/{documentId}/file").Expect(HttpStatusCode.OK);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha, final["sha256"]!.GetValue<string>());
        var doc = (await officer.GetAsync($"/api/v1/agreements/{id}/documents").OkJson()).AsArray().Single(d => d!["id"]!.GetValue<string>() == documentId)!;
        Assert.Equal("PerjanjianKerjaSama", doc["kind"]!.GetValue<string>());
        Assert.Equal(number, doc["number"]!.GetValue<string>());

        var view = await anon.GetAsync($"/api/v1/verifikasi/{code}").OkJson();
        Assert.Equal(title, view["title"]!.GetValue<string>());
        Assert.Equal(sha, view["sha256"]!.GetValue<string>());
        Assert.Equal(number, view["number"]!.GetValue<string>());
        Assert.Contains("Universitas Jenderal Achmad Yani", view["parties"]!.GetValue<string>());
        var typed = await anon.GetAsync($"/api/v1/verifikasi/{code.Replace("-", "").ToLowerInvariant()}").OkJson();
        Assert.Equal(sha, typed["sha256"]!.GetValue<string>());

        var genuine = await anon.PostAsync($"/api/v1/verifikasi/{code}", FileForm(bytes)).OkJson();
        Assert.True(genuine["genuine"]!.GetValue<bool>());
        Assert.Equal(sha, genuine["sha256"]!.GetValue<string>());
        var tampered = (byte[])bytes.Clone();
        tampered[bytes.Length / 2] ^= 0x01;
        var forged = await anon.PostAsync($"/api/v1/verifikasi/{code}", FileForm(tampered)).OkJson();
        Assert.False(forged["genuine"]!.GetValue<bool>());
        Assert.NotEqual(sha, forged["sha256"]!.GetValue<string>());

        // The PDF carries the verification code and the number.
        using (var pdf = PdfDocument.Open(bytes))
        {
            var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
            var text = Regex.Replace(string.Join(" ", words), @"\s+", " ");
            Assert.Contains(code, text);
            Assert.Contains(number, text);
        }

        // With the final filed and the muatan overridden for that version, finalize-pks goes through.
        var moved = await officer.Act(id, "finalize-pks").OkJson();
        Assert.Equal("SigningPks", moved["to"]!.GetValue<string>());
        await officer.PostAsJsonAsync(Drafts.Url(id, draftId, "/versions"), Drafts.SaveBody(v4), TestApi.Json).Expect(HttpStatusCode.Conflict);
    }

    private static string Full(JsonNode clause) =>
        clause["heading"]!.GetValue<string>() + "\n" + string.Join("\n", clause["paragraphs"]!.AsArray().Select(p => p!.GetValue<string>()));

    private static MultipartFormDataContent FileForm(byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "naskah.pdf");
        return form;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDraftingJourneyTests(SqliteApp app) : DraftingJourneyTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDraftingJourneyTests(PostgresApp app) : DraftingJourneyTests<PostgresApp>(app);
