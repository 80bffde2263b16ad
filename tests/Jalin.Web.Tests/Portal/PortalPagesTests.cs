using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Publication;
using Jalin.Web.Components.Pages.Portal;
using Jalin.Web.Infrastructure;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jalin.Web.Tests.Portal;

/// <summary>Issue #12 item 1, the public portal's pages on both providers, anonymous, on the demo data: the publication
/// boundary (an agreement is listed iff published; an unpublished one and its papers are a 404), nothing internal on a
/// published agreement's page (internal papers, DPRD letters, the TKKSD's kajian, history notes, partners' contacts,
/// confidential values), bad filters a 400 in Indonesian, no cookies (so the output cache may keep the page), the cache
/// itself (a stale page until eviction) and the register's weight under 100 KB.</summary>
public abstract partial class PortalPagesTests<TApp>(TApp app, ITestOutputHelper output) where TApp : JalinAppFactory
{
    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private Task EvictAsync() => PortalCache.EvictAsync(app.Services.GetRequiredService<IOutputCacheStore>(), app.Services.GetRequiredService<PortalFigures>());

    [GeneratedRegex("data-agreement=\"([0-9a-f-]{36})\"")]
    private static partial Regex AgreementIds();

    private static HashSet<Guid> Ids(string html) => AgreementIds().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToHashSet();

    private static async Task<string> Html(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode}");
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} sets a cookie: {string.Join(" | ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])}");
        return WebUtility.HtmlDecode(html);
    }

    private async Task<HashSet<Guid>> RegisterIds(HttpClient client, string query = "")
    {
        var ids = new HashSet<Guid>();
        for (var page = 1; page < 50; page++)
        {
            var found = Ids(await Html(client, $"/kerja-sama?{query}&hal={page}"));
            if (found.Count == 0) break;
            ids.UnionWith(found);
        }
        return ids;
    }

    [Fact]
    public async Task Register_home_and_region_pages_list_an_agreement_iff_it_is_published()
    {
        await EvictAsync();
        var client = Anonymous();
        await using var db = app.NewDb();
        var all = await db.Agreements.AsNoTracking().Include(a => a.Parties).Include(a => a.Documents).ToListAsync();
        var published = all.Where(a => a.PublishedAt != null).Select(a => a.Id).ToHashSet();
        Assert.NotEmpty(published);
        Assert.True(all.Count > published.Count, "the demo keeps agreements unpublished");

        Assert.Equal(published.OrderBy(x => x), (await RegisterIds(client)).OrderBy(x => x));

        var home = await Html(client, "/");
        Assert.Contains("Jalin — Portal Kerja Sama Daerah", home);
        Assert.DoesNotContain("blazor.web.js", home);
        Assert.DoesNotContain("MudBlazor", home);
        Assert.Equal(published.Count.ToString("N0", IndonesianFormat.Culture), Regex.Match(home, "data-testid=\"count-total\">([^<]*)<").Groups[1].Value);
        Assert.NotEmpty(Ids(home));
        Assert.Subset(published, Ids(home));

        var regionCodes = all.Where(a => a.PublishedAt != null).SelectMany(a => a.Parties.Where(p => p.RegionCode != null).Select(p => p.RegionCode!).Append(a.RegionCode)).ToHashSet();
        var regions = await Html(client, "/wilayah");
        foreach (var code in all.SelectMany(a => a.Parties.Where(p => p.RegionCode != null).Select(p => p.RegionCode!).Append(a.RegionCode)).Distinct())
        {
            Assert.Equal(regionCodes.Contains(code), regions.Contains($"href=\"/wilayah/{code}\""));
            if (!regionCodes.Contains(code))
            {
                await Html(client, $"/wilayah/{code}", HttpStatusCode.NotFound);
                continue;
            }
            var expected = all.Where(a => a.PublishedAt != null && (a.RegionCode == code || a.Parties.Any(p => p.RegionCode == code))).Select(a => a.Id).OrderBy(x => x);
            var page = await Html(client, $"/wilayah/{code}");
            Assert.Equal(expected, Ids(page).OrderBy(x => x));
            Assert.Contains($"/potensi?wilayah={code}", page);
            Assert.Equal(expected, (await RegisterIds(client, $"wilayah={code}")).OrderBy(x => x));
        }

        foreach (var a in all.Where(a => a.PublishedAt == null))
        {
            var page = await Html(client, $"/kerja-sama/{a.Id}", HttpStatusCode.NotFound);
            Assert.Contains(PublicAgreements.NotFoundText, page);
            Assert.DoesNotContain(a.Title, page);
            foreach (var d in a.Documents)
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PublicAgreements.DocumentPathOf(a.Id, d.Id))).StatusCode);
        }
        await Html(client, $"/kerja-sama/{Guid.NewGuid()}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_published_agreement_page_shows_no_internal_paper_note_contact_or_confidential_value()
    {
        await EvictAsync();
        var client = Anonymous();
        await using var db = app.NewDb();
        var published = await db.Agreements.AsNoTracking().Include(a => a.Documents).Include(a => a.History).Include(a => a.Parties)
            .Where(a => a.PublishedAt != null).ToListAsync();
        var contacts = (await db.Partners.AsNoTracking().ToListAsync()).SelectMany(p => p.Contacts)
            .SelectMany(c => new[] { c.Email, c.Phone }).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).Distinct().ToList();
        Assert.NotEmpty(contacts);
        var tkksd = await db.TkksdAssignments.AsNoTracking().ToListAsync();
        var checkedInternal = 0;
        var checkedConfidential = 0;
        foreach (var a in published)
        {
            var html = await Html(client, $"/kerja-sama/{a.Id}");
            Assert.Contains(a.Title, html);
            var shown = a.Documents.Where(d => d.IsPublic && PublicDocuments.CanBePublic(d)).ToList();
            var publicText = shown.Select(d => d.Title).Append(a.Title).ToList();
            foreach (var d in shown)
            {
                Assert.Contains(PublicAgreements.DocumentPathOf(a.Id, d.Id), html);
                var file = await client.GetAsync(PublicAgreements.DocumentPathOf(a.Id, d.Id));
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
                Assert.False(file.Headers.Contains("Set-Cookie"));
            }
            // Internal papers (kajian TKKSD, DPRD letters, correspondence, ...) and papers the region did not choose.
            foreach (var d in a.Documents.Except(shown))
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PublicAgreements.DocumentPathOf(a.Id, d.Id))).StatusCode);
                Assert.DoesNotContain(d.Id.ToString(), html);
                if (publicText.Any(t => t.Contains(d.Title, StringComparison.Ordinal))) continue;
                Assert.DoesNotContain(d.Title, html);
                checkedInternal++;
            }
            foreach (var note in a.History.Select(h => h.Note).Where(n => n is { Length: >= 12 }))
                Assert.DoesNotContain(note!, html);
            foreach (var t in tkksd.Where(t => t.SubjectId == a.Id))
            {
                if (t.Remarks is { Length: >= 12 } r) Assert.DoesNotContain(r, html);
                foreach (var s in t.Scores.Where(s => s.Note is { Length: >= 12 })) Assert.DoesNotContain(s.Note!, html);
            }
            foreach (var c in contacts) Assert.DoesNotContain(c, html);
            if (a.Confidential.HasFlag(ConfidentialFields.Value) && a.Value is { } v)
            {
                Assert.DoesNotContain(PortalText.Rupiah(v), html);
                Assert.DoesNotContain(IndonesianFormat.FormatRupiah(v), html);
                Assert.DoesNotContain(IndonesianFormat.FormatRupiahInput(v), html);
                Assert.Contains("Dirahasiakan oleh daerah: Nilai kerja sama", html);
                checkedConfidential++;
            }
            else if (a.Value is { } shownValue) Assert.Contains(PortalText.Rupiah(shownValue), html);
        }
        Assert.True(checkedInternal > 0, "the demo's published agreements carry internal papers");
        Assert.True(checkedConfidential > 0, "the demo keeps a value confidential");
    }

    [Theory]
    [InlineData("tahun=20x6", "Tahun berupa angka")]
    [InlineData("tahun=1800", "Tahun tidak valid")]
    [InlineData("jenis=Apa", "Jenis kerja sama tidak dikenal")]
    [InlineData("jenis=1", "Jenis kerja sama tidak dikenal")]
    [InlineData("mitra=Alien", "Jenis mitra tidak dikenal")]
    [InlineData("status=selesai", "Status: berjalan atau berakhir")]
    [InlineData("urut=acak", "Urutan tidak dikenal")]
    [InlineData("hal=0", "Halaman mulai dari 1")]
    [InlineData("hal=x", "Halaman berupa angka")]
    public async Task A_bad_register_filter_is_a_400_in_Indonesian(string query, string message)
    {
        var html = await Html(Anonymous(), $"/kerja-sama?{query}", HttpStatusCode.BadRequest);
        Assert.Contains(message, html);
        Assert.Contains("Daftar kerja sama", html);
    }

    [Fact]
    public async Task Portal_pages_set_no_cookie_and_the_register_weighs_under_100_KB()
    {
        var client = Anonymous();
        await using var db = app.NewDb();
        var id = await PublicAgreements.Published(db).Select(a => a.Id).FirstAsync();
        foreach (var url in new[] { "/", "/kerja-sama", "/kerja-sama?status=berjalan&urut=judul", $"/kerja-sama/{id}", "/wilayah", "/wilayah/32.77", "/dasar-hukum" })
            await Html(client, url);
        var legal = await Html(client, "/dasar-hukum");
        Assert.Contains("Pasal 363", legal);
        Assert.Contains("Permendagri 25/2020", legal.Replace("Peraturan Menteri Dalam Negeri Nomor 25 Tahun 2020", "Permendagri 25/2020"));

        var register = await client.GetAsync("/kerja-sama");
        var bytes = (await register.Content.ReadAsByteArrayAsync()).Length;
        var html = await register.Content.ReadAsStringAsync();
        var css = Regex.Match(html, "href=\"([^\"]*portal[^\"]*\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(css);
        var cssBytes = (await client.GetByteArrayAsync("/" + css.TrimStart('/'))).Length;
        var scripts = Regex.Matches(html, "<script").Count;
        output.WriteLine($"register: HTML {bytes:N0} B + CSS {cssBytes:N0} B = {bytes + cssBytes:N0} B (uncompressed), {scripts} script tags");
        Assert.Equal(0, scripts);
        Assert.True(bytes + cssBytes < 100 * 1024, $"register page weighs {bytes + cssBytes} B");
    }

    [Fact]
    public async Task A_second_anonymous_GET_is_served_from_the_cache_until_eviction()
    {
        await EvictAsync();
        var client = Anonymous();
        Guid id;
        await using (var db = app.NewDb()) id = await PublicAgreements.Published(db).Where(a => a.RegionCode == "32.77").Select(a => a.Id).FirstAsync();
        const string url = "/kerja-sama?wilayah=32.77&urut=judul";
        var page = $"/kerja-sama/{id}";
        Assert.Contains(id, Ids(await Html(client, url)));
        await Html(client, page);
        DateTimeOffset? was;
        await using (var db = app.NewDb())
        {
            was = await db.Agreements.Where(a => a.Id == id).Select(a => a.PublishedAt).SingleAsync();
            // Withdrawn behind the portal's back: no eviction.
            await db.Agreements.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, (DateTimeOffset?)null));
        }
        try
        {
            Assert.Contains(id, Ids(await Html(client, url)));
            await Html(client, page);
            await EvictAsync();
            Assert.DoesNotContain(id, Ids(await Html(client, url)));
            await Html(client, page, HttpStatusCode.NotFound);
        }
        finally
        {
            await using var db = app.NewDb();
            await db.Agreements.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, was));
            await EvictAsync();
        }
        Assert.Contains(id, Ids(await Html(client, url)));
    }

    [Fact]
    public async Task Portal_pages_and_open_data_are_compressed_and_the_back_office_is_not()
    {
        await EvictAsync();
        var client = Anonymous();
        foreach (var (url, encoding) in new[] { ("/kerja-sama", "br"), ("/kerja-sama", "gzip"), ("/data/kerja-sama.csv", "br"), ("/", "gzip") })
        {
            // Twice: the second answer comes from the output cache, which keeps one body per encoding.
            for (var i = 0; i < 2; i++)
            {
                using var req = new HttpRequestMessage(HttpMethod.Get, url);
                req.Headers.AcceptEncoding.ParseAdd(encoding);
                using var res = await client.SendAsync(req);
                Assert.Equal(HttpStatusCode.OK, res.StatusCode);
                Assert.Equal([encoding], res.Content.Headers.ContentEncoding);
                var compressed = await res.Content.ReadAsByteArrayAsync();
                await using Stream inflate = encoding == "br"
                    ? new System.IO.Compression.BrotliStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress)
                    : new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
                var text = await new StreamReader(inflate).ReadToEndAsync();
                Assert.True(text.Length > 2 * compressed.Length, $"{url} {encoding}: {compressed.Length} B for {text.Length} characters");
                if (url == "/kerja-sama") Assert.Contains("kerja sama ditemukan", text);
            }
        }
        using var plain = await client.GetAsync("/kerja-sama");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("kerja sama ditemukan", await plain.Content.ReadAsStringAsync());
        // The sign-in page carries an antiforgery token: never compressed (BREACH).
        using var login = new HttpRequestMessage(HttpMethod.Get, "/masuk");
        login.Headers.AcceptEncoding.ParseAdd("br");
        using var loginRes = await client.SendAsync(login);
        Assert.Empty(loginRes.Content.Headers.ContentEncoding);
    }

    [GeneratedRegex("data-testid=\"portal-total\">([0-9.]+) kerja sama")]
    private static partial Regex TotalText();

    private static int Total(string html) => int.Parse(TotalText().Match(html).Groups[1].Value.Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Publishing_and_withdrawing_update_the_cached_totals_and_region_counts_at_once()
    {
        await EvictAsync();
        var client = Anonymous();
        Agreement a;
        await using (var db = app.NewDb())
            a = (await db.Agreements.AsNoTracking().Include(x => x.Documents).Where(x => x.RegionCode == "32.77" && x.PublishedAt == null).ToListAsync()).First(PublishAgreement.IsSigned);
        const string url = "/kerja-sama?wilayah=32.77";
        var before = Total(await Html(client, url));
        var figures = app.Services.GetRequiredService<PortalFigures>();
        IReadOnlyList<PublicRegionRow> regions;
        await using (var db = app.NewDb()) regions = await PublicOverview.RegionsAsync(db, figures: figures);
        var cimahi = regions.Single(r => r.Code == "32.77").Count;
        Assert.Equal(before, cimahi);

        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var api = $"/api/v1/agreements/{a.Id}/publication";
        try
        {
            (await officer.PutAsJsonAsync(api, new { confidentialFields = Array.Empty<string>() })).EnsureSuccessStatusCode();
            Assert.Equal(before + 1, Total(await Html(client, url)));
            await using (var db = app.NewDb()) regions = await PublicOverview.RegionsAsync(db, figures: figures);
            Assert.Equal(cimahi + 1, regions.Single(r => r.Code == "32.77").Count);
            Assert.Contains(a.Id, Ids(await Html(client, url))); // newest first
        }
        finally
        {
            (await officer.DeleteAsync(api)).EnsureSuccessStatusCode();
        }
        Assert.Equal(before, Total(await Html(client, url)));
        await using (var db = app.NewDb()) regions = await PublicOverview.RegionsAsync(db, figures: figures);
        Assert.Equal(cimahi, regions.Single(r => r.Code == "32.77").Count);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePortalPagesTests(SqliteApp app, ITestOutputHelper output) : PortalPagesTests<SqliteApp>(app, output);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPortalPagesTests(PostgresApp app, ITestOutputHelper output) : PortalPagesTests<PostgresApp>(app, output);
