using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jalin.Core.Agreements;
using Jalin.Core.OpenData;
using Jalin.Core.Publication;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jalin.Web.Tests.OpenData;

/// <summary>Issue #12 item 4 on both providers, on the demo data, anonymously: every published agreement is in the CSV,
/// the JSON and the OCDS packages exactly once and no unpublished one is; confidential values and non-public documents
/// never appear; the OCDS packages validate against the standard's schema offline with no error; filters work and bad
/// ones are a 400 in Indonesian; nothing sets a cookie; the files are open to any origin.</summary>
public abstract class OpenDataApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private OpenDataOptions Options => app.Services.GetRequiredService<OpenDataOptions>();

    private async Task<(HashSet<Guid> Published, HashSet<Guid> Unpublished, HashSet<Guid> ConfidentialValue, HashSet<Guid> PrivateDocs)> TruthAsync(Func<IQueryable<Agreement>, IQueryable<Agreement>>? where = null)
    {
        await using var db = app.NewDb();
        var all = await (where ?? (q => q))(db.Agreements.AsNoTracking()).Select(a => new { a.Id, a.PublishedAt, a.Confidential, a.Value }).ToListAsync();
        var privateDocs = await db.AgreementDocuments.AsNoTracking().Where(d => !d.IsPublic).Select(d => d.Id).ToListAsync();
        return (all.Where(a => a.PublishedAt != null).Select(a => a.Id).ToHashSet(), all.Where(a => a.PublishedAt == null).Select(a => a.Id).ToHashSet(),
            all.Where(a => a.PublishedAt != null && a.Value != null && a.Confidential.HasFlag(ConfidentialFields.Value)).Select(a => a.Id).ToHashSet(), privateDocs.ToHashSet());
    }

    private static void AssertOpen(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.False(r.Headers.Contains("Set-Cookie"), "open data sets no cookie");
        Assert.Equal("*", r.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Csv_holds_every_published_agreement_once_and_no_unpublished_one()
    {
        var truth = await TruthAsync();
        Assert.NotEmpty(truth.Published);
        Assert.NotEmpty(truth.Unpublished);
        Assert.NotEmpty(truth.ConfidentialValue);
        var r = await app.CreateClient().GetAsync("/data/kerja-sama.csv");
        AssertOpen(r);
        Assert.Equal("text/csv", r.Content.Headers.ContentType!.MediaType);
        Assert.Equal("kerja-sama.csv", r.Content.Headers.ContentDisposition!.FileName?.Trim('"') ?? r.Content.Headers.ContentDisposition.FileNameStar);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Rfc4180.Read(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(OpenDataExport.Columns, rows[0]);
        Assert.All(rows, row => Assert.Equal(OpenDataExport.Columns.Length, row.Length));
        var ids = rows.Skip(1).Select(row => Guid.Parse(row[0])).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(truth.Published.OrderBy(x => x), ids.OrderBy(x => x));
        var value = Array.IndexOf(OpenDataExport.Columns, "nilai");
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal(Options.OcidOf(Guid.Parse(row[0])), row[1]);
            if (truth.ConfidentialValue.Contains(Guid.Parse(row[0]))) Assert.Equal("", row[value]);
            Assert.Matches(@"^(\d{4}-\d{2}-\d{2})?$", row[Array.IndexOf(OpenDataExport.Columns, "tanggal_mulai")]);
        }
    }

    [Fact]
    public async Task Json_holds_the_same_agreements_with_confidential_values_blank()
    {
        var truth = await TruthAsync();
        var r = await app.CreateClient().GetAsync("/data/kerja-sama.json");
        AssertOpen(r);
        var json = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        var rows = json["kerjaSama"]!.AsArray();
        Assert.Equal(rows.Count, json["jumlah"]!.GetValue<int>());
        var ids = rows.Select(x => Guid.Parse(x!["id"]!.GetValue<string>())).ToList();
        Assert.Equal(truth.Published.OrderBy(x => x), ids.OrderBy(x => x));
        Assert.All(rows.Where(x => truth.ConfidentialValue.Contains(Guid.Parse(x!["id"]!.GetValue<string>()))), x => Assert.Null(x!["nilai"]));
        Assert.Contains(rows, x => x!["nilai"] is not null);
        Assert.Equal(Options.Licence, json["lisensi"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ocds_packages_validate_offline_and_hold_each_published_agreement_once()
    {
        var truth = await TruthAsync();
        await using var db = app.NewDb();
        var values = await db.Agreements.AsNoTracking().Where(a => truth.ConfidentialValue.Contains(a.Id)).Select(a => a.Value!.Value).ToListAsync();
        var client = app.CreateClient();

        var release = await client.GetAsync("/data/ocds/release-package.json");
        AssertOpen(release);
        var releaseText = await release.Content.ReadAsStringAsync();
        Assert.Empty(await OcdsSchemas.ErrorsAsync(OcdsSchemas.ReleasePackage, releaseText));
        var package = JsonNode.Parse(releaseText)!;
        // The offline validator does look inside the releases: a status outside the closed codelist and a missing
        // initiationType are errors.
        var broken = package.DeepClone();
        broken["releases"]![0]!["contracts"]![0]!["status"] = "berjalan";
        broken["releases"]![0]!.AsObject().Remove("initiationType");
        var brokenErrors = await OcdsSchemas.ErrorsAsync(OcdsSchemas.ReleasePackage, broken.ToJsonString());
        Assert.Contains(brokenErrors, e => e.Contains("status"));
        Assert.Contains(brokenErrors, e => e.Contains("initiationType"));
        var releases = package["releases"]!.AsArray();
        var ocids = releases.Select(x => x!["ocid"]!.GetValue<string>()).ToList();
        Assert.Equal(truth.Published.Select(Options.OcidOf).Order(), ocids.Order());
        Assert.Equal(releases.Count, releases.Select(x => x!["id"]!.GetValue<string>()).Distinct().Count());
        Assert.All(ocids, o => Assert.StartsWith(Options.OcidPrefix + "-", o));
        foreach (var rel in releases)
        {
            var id = Options.AgreementIdOf(rel!["ocid"]!.GetValue<string>())!.Value;
            var contract = rel["contracts"]![0]!;
            if (truth.ConfidentialValue.Contains(id)) Assert.Null(contract["value"]);
            foreach (var doc in contract["documents"]?.AsArray() ?? [])
                Assert.DoesNotContain(Guid.Parse(doc!["id"]!.GetValue<string>()), truth.PrivateDocs);
            Assert.Contains(rel["parties"]!.AsArray(), p => p!["roles"]!.AsArray().Any(x => x!.GetValue<string>() == "buyer"));
        }
        // A confidential amount appears nowhere in the package, not even as text.
        Assert.All(values, v => Assert.DoesNotContain($"\"amount\": {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}", releaseText));
        Assert.Contains(releases, rel => rel!["contracts"]![0]!["documents"]?.AsArray().Count > 0);

        var record = await client.GetAsync("/data/ocds/record-package.json");
        AssertOpen(record);
        var recordText = await record.Content.ReadAsStringAsync();
        Assert.Empty(await OcdsSchemas.ErrorsAsync(OcdsSchemas.RecordPackage, recordText));
        var records = JsonNode.Parse(recordText)!["records"]!.AsArray();
        Assert.Equal(truth.Published.Select(Options.OcidOf).Order(), records.Select(x => x!["ocid"]!.GetValue<string>()).Order());

        var one = truth.Published.First();
        var single = await client.GetAsync($"/data/ocds/releases/{Options.OcidOf(one)}.json");
        AssertOpen(single);
        var singleText = await single.Content.ReadAsStringAsync();
        Assert.Empty(await OcdsSchemas.ErrorsAsync(OcdsSchemas.ReleasePackage, singleText));
        Assert.Equal(Options.OcidOf(one), JsonNode.Parse(singleText)!["releases"]![0]!["ocid"]!.GetValue<string>());
        var hidden = await client.GetAsync($"/data/ocds/releases/{Options.OcidOf(truth.Unpublished.First())}.json");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Contains("tidak dipublikasikan", await hidden.Content.ReadAsStringAsync());
        await client.GetAsync("/data/ocds/releases/ocds-lain00-x.json").Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Filters_select_what_the_register_selects()
    {
        var client = app.CreateClient();
        var cimahi = await TruthAsync(q => q.Where(a => a.RegionCode == "32.77" || a.Parties.Any(p => p.RegionCode == "32.77")));
        Assert.NotEmpty(cimahi.Published);
        var rows = JsonNode.Parse(await (await client.GetAsync("/data/kerja-sama.json?wilayah=32.77")).Content.ReadAsStringAsync())!["kerjaSama"]!.AsArray();
        Assert.Equal(cimahi.Published.Order(), rows.Select(x => Guid.Parse(x!["id"]!.GetValue<string>())).Order());
        var all = await TruthAsync();
        Assert.True(all.Published.Count > cimahi.Published.Count, "the demo publishes outside Cimahi too");

        await using var db = app.NewDb();
        var kind = await PublicAgreements.Published(db).Select(a => a.Kind).FirstAsync();
        var ofKind = await PublicAgreements.Published(db).Where(a => a.Kind == kind).Select(a => a.Id).ToListAsync();
        var csv = Rfc4180.Read(Encoding.UTF8.GetString((await client.GetByteArrayAsync($"/data/kerja-sama.csv?jenis={kind}"))[3..]));
        Assert.Equal(ofKind.Order(), csv.Skip(1).Select(r => Guid.Parse(r[0])).Order());
        var year = await PublicAgreements.Published(db).Where(a => a.StartsOn != null).Select(a => a.StartsOn!.Value.Year).FirstAsync();
        var ofYear = await PublicAgreements.Published(db).Where(a => a.StartsOn != null && a.StartsOn.Value.Year == year).Select(a => a.Id).ToListAsync();
        var pkg = JsonNode.Parse(await (await client.GetAsync($"/data/ocds/release-package.json?tahun={year}&status=berjalan")).Content.ReadAsStringAsync())!;
        var running = await PublicAgreements.Filter(db, new PublicFilter { Year = year, Status = PublicStatus.Running }).Select(a => a.Id).ToListAsync();
        Assert.Equal(running.Select(Options.OcidOf).Order(), pkg["releases"]!.AsArray().Select(x => x!["ocid"]!.GetValue<string>()).Order());
        Assert.Subset(ofYear.ToHashSet(), running.ToHashSet());
    }

    [Fact]
    public async Task Publishing_and_withdrawing_show_in_the_cached_files_at_once()
    {
        Guid id;
        await using (var db = app.NewDb())
            id = (await db.Agreements.AsNoTracking().Include(a => a.Documents).Where(a => a.RegionCode == "32.77" && a.PublishedAt == null).ToListAsync())
                .First(PublishAgreement.IsSigned).Id;
        var client = app.CreateClient();
        Assert.DoesNotContain(id.ToString(), await client.GetStringAsync("/data/kerja-sama.csv"));
        var cached = await client.GetAsync("/data/kerja-sama.csv");
        Assert.True(cached.Headers.Age is not null, "the second request is served from the output cache");
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var url = $"/api/v1/agreements/{id}/publication";
        try
        {
            await officer.PutAsJsonAsync(url, new { confidentialFields = new[] { "value" }, publicDocumentIds = Array.Empty<Guid>() }).OkJson();
            Assert.Contains(id.ToString(), await client.GetStringAsync("/data/kerja-sama.csv"));
            Assert.Contains(Options.OcidOf(id), await client.GetStringAsync("/data/ocds/release-package.json"));
        }
        finally
        {
            await officer.DeleteAsync(url).OkJson();
        }
        Assert.DoesNotContain(id.ToString(), await client.GetStringAsync("/data/kerja-sama.csv"));
        Assert.DoesNotContain(Options.OcidOf(id), await client.GetStringAsync("/data/ocds/release-package.json"));
    }

    [Fact]
    public async Task Bad_filters_are_a_400_in_Indonesian()
    {
        var client = app.CreateClient();
        var bad = await ProblemAssert.IsValidationProblem(await client.GetAsync("/data/kerja-sama.csv?tahun=20x6&jenis=Apa"), "tahun");
        Assert.Contains("Tahun berupa angka", bad["errors"]!["tahun"]![0]!.GetValue<string>());
        Assert.Contains("Jenis kerja sama tidak dikenal", bad["errors"]!["jenis"]![0]!.GetValue<string>());
        var status = await ProblemAssert.IsValidationProblem(await client.GetAsync("/data/ocds/record-package.json?status=rahasia"), "status");
        Assert.Contains("berjalan atau berakhir", status["errors"]!["status"]![0]!.GetValue<string>());
        var partner = await ProblemAssert.IsValidationProblem(await client.GetAsync("/data/kerja-sama.json?jenisMitra=Alien"), "jenisMitra");
        Assert.Contains("Jenis mitra tidak dikenal", partner["errors"]!["jenisMitra"]![0]!.GetValue<string>());
        await ProblemAssert.IsValidationProblem(await client.GetAsync("/data/ocds/release-package.json?tahun=1800"), "tahun");
    }

    [Fact]
    public async Task Pages_list_the_downloads_and_the_policy_without_signing_in()
    {
        var client = app.CreateClient();
        var truth = await TruthAsync();
        var page = await client.GetAsync("/data");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        foreach (var path in new[] { "/data/kerja-sama.csv", "/data/kerja-sama.json", "/data/ocds/release-package.json", "/data/ocds/record-package.json" })
            Assert.Contains($"href=\"{path}\"", html);
        Assert.Contains($"data-testid=\"od-count\">{truth.Published.Count}<", html);
        Assert.Contains(Options.LicenceName, html);
        var policy = await (await client.GetAsync("/data/kebijakan")).Content.ReadAsStringAsync();
        Assert.Contains("Undang-Undang Nomor 14 Tahun 2008 tentang\n        Keterbukaan Informasi Publik".Split('\n')[0], policy);
        Assert.Contains("kebijakan daerah", policy);
        Assert.Contains(Options.OcidPrefix, policy);
        Assert.Contains("TKKSD", policy);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOpenDataApiTests(SqliteApp app) : OpenDataApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOpenDataApiTests(PostgresApp app) : OpenDataApiTests<PostgresApp>(app);
