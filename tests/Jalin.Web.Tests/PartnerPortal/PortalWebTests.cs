using System.Net.Http.Json;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Jalin.Core.Proposals;
using Jalin.Web.Tests.Infrastructure;
using Jalin.Web.Tests.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.PartnerPortal;

/// <summary>The partner portal through its real static form (antiforgery, multipart) on both databases: a good
/// submission lands in Cimahi's usulan queue and opens its status page; every refusal answers 4xx in Indonesian
/// and stores nothing (no usulan, no file row, no file on disk); a wrong token is 404; Garut's officer sees nothing.</summary>
public abstract class PortalWebTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    internal static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/mitra/ajukan?daerah=32.77");
        var input = Regex.Match(page, "<input[^>]*__RequestVerificationToken[^>]*>").Value;
        return WebUtility.HtmlDecode(Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value);
    }

    internal static MultipartFormDataContent Form(string antiforgery, Dictionary<string, string>? change = null, params (string Field, string Name, byte[] Content)[] files)
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "mitra", ["__RequestVerificationToken"] = antiforgery, ["Input.RegionCode"] = "32.77", ["Input.Kind"] = "University",
            ["Input.OrganizationName"] = "Universitas Uji Portal " + Guid.NewGuid().ToString("N")[..6], ["Input.Address"] = "Jl. Uji No. 1, Cimahi",
            ["Input.ContactName"] = "Rina Portal", ["Input.Email"] = "rina@uji.ac.id", ["Input.Phone"] = "0812-0000-1111",
            ["Input.Title"] = "Penawaran pelatihan digital untuk UMKM", ["Input.Background"] = "UMKM belum memakai pemasaran daring.",
            ["Input.Aims"] = "Meningkatkan penjualan UMKM.", ["Input.Object"] = "Pelatihan pemasaran digital", ["Input.TermMonths"] = "12",
            ["Input.FundingSource"] = "Partner", ["Input.Consent"] = "true",
        };
        foreach (var (k, v) in change ?? []) { if (v.Length == 0) fields.Remove(k); else fields[k] = v; }
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v, Encoding.UTF8), k);
        foreach (var (field, name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(part, field, name);
        }
        return form;
    }

    private async Task<(int Proposals, int Attachments, int Submissions, int Stored, int Blobs)> CountsAsync()
    {
        await using var db = app.NewDb();
        var blobs = Directory.Exists(app.FilesRoot) ? Directory.GetFiles(app.FilesRoot, "*", SearchOption.AllDirectories).Length : 0;
        return (await db.Proposals.CountAsync(), await db.ProposalAttachments.CountAsync(), await db.PortalSubmissions.CountAsync(), await db.StoredFiles.CountAsync(), blobs);
    }

    [Fact]
    public async Task A_partner_submits_without_an_account_gets_a_tracking_number_and_the_usulan_lands_in_Cimahis_queue_only()
    {
        var client = app.CreateClient();
        var before = await CountsAsync();
        var response = await client.PostAsync("/mitra/ajukan", Form(await TokenAsync(client), null,
            ("offerLetter", "surat penawaran.pdf", TestApi.Pdf("surat")), ("proposal", "proposal.pdf", TestApi.Pdf("proposal"))));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, response.StatusCode + " " + Regex.Match(html, "portal-error.{0,1500}", RegexOptions.Singleline).Value);
        Assert.Matches(@"MTR-\d{4}-\d{6}", html);
        var statusPath = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/mitra/status/", statusPath);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var after = await CountsAsync();
        Assert.Equal(before.Proposals + 1, after.Proposals);
        Assert.Equal(before.Attachments + 2, after.Attachments);
        Assert.Equal(before.Submissions + 1, after.Submissions);

        await using var db = app.NewDb();
        var s = await db.PortalSubmissions.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Sequence).FirstAsync();
        Assert.NotEqual(statusPath.Split('/').Last(), s.TokenHash);
        var p = await db.Proposals.SingleAsync(x => x.Id == s.ProposalId);
        Assert.Equal(ProposalSource.PartnerPortal, p.Source);
        Assert.Equal(ProposalStatus.Submitted, p.Status);

        var officer = await app.ClientForAsync("kerjasama.cimahi");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/proposals/{p.Id}")).StatusCode);
        var garut = await app.ClientForAsync("kerjasama.garut");
        Assert.Equal(HttpStatusCode.NotFound, (await garut.GetAsync($"/api/v1/proposals/{p.Id}")).StatusCode);

        var wrong = await client.GetAsync("/mitra/status/" + new string('A', 43));
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("Tautan status tidak dikenal", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_officer_reads_the_sender_creates_the_partner_and_gives_it_an_account_the_partner_then_signs_in()
    {
        var client = app.CreateClient();
        var response = await client.PostAsync("/mitra/ajukan", Form(await TokenAsync(client), null, ("offerLetter", "surat.pdf", TestApi.Pdf("surat akun"))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Guid proposalId;
        await using (var db = app.NewDb())
            proposalId = (await db.PortalSubmissions.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Sequence).FirstAsync()).ProposalId;

        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var tkksd = await app.ClientForAsync("tkksd.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var info = await officer.GetAsync($"/api/v1/proposals/{proposalId}/portal").OkJson();
        Assert.Equal("rina@uji.ac.id", info["email"]!.GetValue<string>());
        Assert.True(info["canAct"]!.GetValue<bool>());
        await garut.GetAsync($"/api/v1/proposals/{proposalId}/portal").Expect(HttpStatusCode.NotFound);

        // an account before the partner is known is refused with the reason
        var early = await officer.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/portal/partner-account", new { userName = "rina.portal" }).Expect(HttpStatusCode.Conflict);
        Assert.Contains("Tautkan pengajuan", await early.Content.ReadAsStringAsync());
        await tkksd.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/portal/link", new { create = true }).Expect(HttpStatusCode.Forbidden);
        var linked = await officer.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/portal/link", new { create = true }).OkJson();
        var partnerId = linked["partnerId"]!.GetValue<string>();

        var userName = "rina." + Guid.NewGuid().ToString("N")[..6];
        await officer.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/portal/partner-account", new { userName = "Bukan Nama!" }).Expect(HttpStatusCode.BadRequest);
        await garut.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/portal/partner-account", new { userName }).Expect(HttpStatusCode.NotFound);
        var created = await (await officer.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/portal/partner-account", new { userName })
            .Expect(HttpStatusCode.Created)).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>();
        Assert.Equal(partnerId, created!["partnerId"]!.GetValue<string>());
        await officer.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/portal/partner-account", new { userName }).Expect(HttpStatusCode.BadRequest); // taken

        var partner = await app.ClientForAsync(userName, created["initialPassword"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/v1/agreements?pageSize=5")).StatusCode);
        await using (var db = app.NewDb())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            Assert.Equal((Jalin.Core.Identity.Role.PartnerUser, Guid.Parse(partnerId)), (user.Role, user.PartnerId!.Value));
        }
    }

    [Fact]
    public async Task Hostile_and_incomplete_submissions_answer_4xx_in_Indonesian_and_store_nothing()
    {
        var client = app.CreateClient();
        var before = await CountsAsync();
        var exe = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00 };
        var big = new byte[2 * 1024 * 1024 + 10];
        "%PDF-1.7\n"u8.CopyTo(big);
        var cases = new (string Why, MultipartFormDataContent Form, HttpStatusCode Status, string Text)[]
        {
            ("missing fields", Form(await TokenAsync(client), new() { ["Input.Title"] = "", ["Input.Email"] = "" }, ("offerLetter", "s.pdf", TestApi.Pdf("s"))),
                HttpStatusCode.BadRequest, "Judul penawaran wajib diisi"),
            ("no offer letter", Form(await TokenAsync(client), null, ("proposal", "p.pdf", TestApi.Pdf("p"))), HttpStatusCode.BadRequest, "Surat penawaran wajib dilampirkan"),
            ("exe renamed pdf", Form(await TokenAsync(client), null, ("proposal", "ok.pdf", TestApi.Pdf("ok")), ("offerLetter", "surat.pdf", exe)),
                HttpStatusCode.BadRequest, "isi berkas bukan PDF"),
            ("oversize", Form(await TokenAsync(client), null, ("offerLetter", "besar.pdf", big)), HttpStatusCode.RequestEntityTooLarge, "Berkas terlalu besar"),
            ("honeypot", Form(await TokenAsync(client), new() { ["Input.Website"] = "http://spam.example" }, ("offerLetter", "s.pdf", TestApi.Pdf("s"))),
                HttpStatusCode.BadRequest, "tidak dapat diterima"),
            ("no consent", Form(await TokenAsync(client), new() { ["Input.Consent"] = "" }, ("offerLetter", "s.pdf", TestApi.Pdf("s"))), HttpStatusCode.BadRequest, "persetujuan"),
        };
        foreach (var (why, form, status, text) in cases)
        {
            var r = await client.PostAsync("/mitra/ajukan", form);
            var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
            var shown = Regex.Match(html, "portal-error.{0,1500}", RegexOptions.Singleline).Value;
            Assert.True(status == r.StatusCode, $"{why}: {r.StatusCode} {shown}");
            Assert.True(html.Contains(text), $"{why}: {shown}");
        }
        Assert.Equal(before, await CountsAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePortalWebTests(SqliteApp app) : PortalWebTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPortalWebTests(PostgresApp app) : PortalWebTests<PostgresApp>(app);

/// <summary>The app with a portal limit of two posts per ten minutes (no demo data, so it starts quickly).</summary>
public sealed class PortalLimitedApp : JalinAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Security:PartnerPortalSubmissionsPer10Minutes", "2");
    }
}

/// <summary>Rapid repeats from one address: the third post within ten minutes is 429 in Indonesian before any handler runs.</summary>
public sealed class PortalRateLimitTests(PortalLimitedApp app) : IClassFixture<PortalLimitedApp>
{
    [Fact]
    public async Task The_third_portal_post_within_ten_minutes_is_refused_with_429_in_Indonesian_and_nothing_is_stored()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            var r = await client.PostAsync("/mitra/ajukan", PortalWebTests<PortalLimitedApp>.Form(await PortalWebTests<PortalLimitedApp>.TokenAsync(client), null,
                ("offerLetter", "s.pdf", TestApi.Pdf("s"))));
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode); // no region uses Jalin in this app: refused, not limited
        }
        var limited = await client.PostAsync("/mitra/ajukan", PortalWebTests<PortalLimitedApp>.Form(await PortalWebTests<PortalLimitedApp>.TokenAsync(client), null,
            ("offerLetter", "s.pdf", TestApi.Pdf("s"))));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var html = await limited.Content.ReadAsStringAsync();
        Assert.Contains("Terlalu banyak pengiriman melalui portal mitra", html);
        Assert.Contains("belum disimpan", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/mitra/ajukan")).StatusCode); // reading the form is not limited
        await using var db = app.NewDb();
        Assert.Equal(0, await db.PortalSubmissions.CountAsync());
        Assert.Equal(0, await db.Proposals.CountAsync());
    }
}
