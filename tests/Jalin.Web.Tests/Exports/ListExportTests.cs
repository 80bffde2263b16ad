using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jalin.Core.Common;
using Jalin.Core.Identity;
using Jalin.Web.Tests.Infrastructure;
using Jalin.Web.Tests.Proposals;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Exports;

/// <summary>Issue #13 part 3: "Unduh" of the agreement, partner, proposal and my-progress-report lists. Each download holds exactly
/// the rows the list API returns for the same filters (all pages, same order), read back from the XLSX with MiniExcel and from the
/// CSV with an independent reader; another region, another OPD and a partner's liaison get only their own rows; CSV is UTF-8 with
/// BOM and ';' and neutralises formulas; bad input is a 400 in Indonesian, a missing sign-in a 401, and a list beyond the
/// row limit a 400 that says so.</summary>
public abstract class ListExportTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private static readonly string[] Formats = ["xlsx", "csv"];

    /// <summary>The app's day in WIB (other tests of the collection may have moved the shared clock).</summary>
    private string Today => Wib.DateOf(app.Clock.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Marker() => "Unduh" + Guid.NewGuid().ToString("N")[..8];

    private static Task<List<Guid>> ListIds(HttpClient client, string path, string query) => ListPages.IdsAsync(client, path, query);

    private static async Task<ListFile> Download(HttpClient client, string path, string format, string query, string sheet) =>
        await ListFile.ReadAsync(await client.GetAsync($"{path}?format={format}{(query.Length > 0 ? "&" : "")}{query}"), format, sheet);

    private async Task<List<(Guid Id, string Name)>> Agencies(HttpClient officer) =>
        (await officer.GetAsync("/api/v1/regions/32.77/agencies").OkJson()).AsArray()
            .Select(a => (a!["id"]!.GetValue<Guid>(), a["name"]!.GetValue<string>())).ToList();

    /// <summary>An OPD user of Cimahi for another OPD than the demo's DLH user.</summary>
    private async Task<HttpClient> OtherOpdAsync(Guid agency)
    {
        var name = "uji.unduh." + Guid.NewGuid().ToString("N")[..8];
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var created = await users.CreateAsync(new ApplicationUser
            {
                UserName = name, FullName = "Uji OPD lain", Role = Role.AgencyUser, RegionCode = "32.77", AgencyId = agency, LockoutEnabled = true,
            }, JalinAppFactory.Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        return await app.ClientForAsync(name);
    }

    private sealed record AgreementWorld(string Marker, Guid A, Guid B, Guid C, Guid D, Guid Dlh, Guid OtherAgency);

    /// <summary>Three Cimahi agreements carrying the marker (DLH's with a value, another OPD's started 2024, one whose title holds
    /// ';' and quotes) and one of Kota Bandung with the same marker.</summary>
    private async Task<AgreementWorld> AgreementsAsync()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var agencies = await Agencies(officer);
        var dlh = agencies.First(a => a.Name.StartsWith("Dinas Lingkungan Hidup")).Id;
        var other = agencies.First(a => !a.Name.StartsWith("Dinas Lingkungan Hidup")).Id;
        var marker = Marker();
        object Input(string title, string? starts, decimal? value, Guid? lead) => new
        {
            kind = "KsddSukarela", title = $"{marker} {title}", budgetedInApbd = true, startsOn = starts, endsOn = starts is null ? null : "2028-12-31",
            value, leadAgencyId = lead, parties = new[] { new { regionCode = "32.17" } },
        };
        var a = await officer.CreateAgreement(Input("pengelolaan sampah", "2025-01-01", 250_000_000m, dlh));
        var b = await officer.CreateAgreement(Input("penataan pasar", "2024-03-01", null, other));
        var c = await officer.CreateAgreement(Input("gudang pangan; \"kutip\" bersama", "2025-06-01", 1_500_000m, null));
        var d = await (await app.ClientForAsync("kerjasama.bandung")).CreateAgreement(new
        {
            kind = "KsddSukarela", title = $"{marker} air baku Bandung", budgetedInApbd = true, parties = new[] { new { regionCode = "32.04" } },
        });
        return new AgreementWorld(marker, a, b, c, d, dlh, other);
    }

    [Fact]
    public async Task Agreements_download_holds_the_list_rows_for_the_same_filters_in_xlsx_and_csv()
    {
        var w = await AgreementsAsync();
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var cases = new (string Query, Guid[] Expected)[]
        {
            ($"q={w.Marker}&sort=title", [w.C, w.B, w.A]),
            ($"q={w.Marker}&year=2024", [w.B]),
            ($"q={w.Marker}&agencyId={w.Dlh}&kind=KsddSukarela&stage=Preparation", [w.A]),
            ($"q={w.Marker}&sort=value&desc=true", [w.A, w.C, w.B]),
        };
        foreach (var (query, expected) in cases)
        {
            var listed = await ListIds(officer, "/api/v1/agreements", query);
            Assert.Equal(expected, listed);
            foreach (var format in Formats)
            {
                var file = await Download(officer, "/api/v1/agreements/export", format, query, "Daftar kerja sama");
                Assert.True(listed.SequenceEqual(file.Ids()), $"{format} {query}: the download's rows differ from the list's");
            }
        }

        var xlsx = await Download(officer, "/api/v1/agreements/export", "xlsx", $"q={w.Marker}&sort=title", "Daftar kerja sama");
        Assert.Equal($"kerja-sama-{Today}.xlsx", xlsx.FileName);
        Assert.StartsWith(ListExport.XlsxType, xlsx.ContentType);
        var a = xlsx.Rows.Single(r => Equals(r["ID"], w.A.ToString()));
        Assert.Equal($"{w.Marker} pengelolaan sampah", a["Judul"]);
        Assert.Equal(250_000_000d, Convert.ToDouble(a["Nilai (Rp)"]));
        Assert.Equal(new DateTime(2025, 1, 1), a["Mulai"]);
        Assert.Equal("KSDD sukarela (dengan Daerah lain)", a["Jenis"]);
        Assert.Equal("Persiapan", Convert.ToString(a["Tahap"]));
        Assert.Contains("Lingkungan Hidup", Convert.ToString(a["OPD pemrakarsa"]));
        Assert.Contains("Kabupaten Bandung Barat", Convert.ToString(a["Pihak lain"]));
        Assert.Equal("Daftar kerja sama", xlsx.Info["Daftar"]);
        Assert.Equal(w.Marker, xlsx.Info["Penyaring: Kata pencarian"]);
        Assert.Equal("judul, menaik", xlsx.Info["Penyaring: Urutan"]);
        Assert.Equal("3", xlsx.Info["Jumlah baris"]);
        Assert.Contains("kerjasama.cimahi", xlsx.Info["Diunduh oleh"]);
        Assert.Equal(Wib.TimeOf(app.Clock.Now).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " WIB", xlsx.Info["Waktu unduh"]);

        var dlh = await Download(officer, "/api/v1/agreements/export", "xlsx", $"q={w.Marker}&agencyId={w.Dlh}&year=2025", "Daftar kerja sama");
        Assert.StartsWith("Dinas Lingkungan Hidup", dlh.Info["Penyaring: Perangkat daerah (OPD)"]);
        Assert.Equal("2025", dlh.Info["Penyaring: Tahun mulai"]);
        Assert.Equal("1", dlh.Info["Jumlah baris"]);

        var csv = await Download(officer, "/api/v1/agreements/export", "csv", $"q={w.Marker}&sort=title", "");
        Assert.Equal($"kerja-sama-{Today}.csv", csv.FileName);
        Assert.StartsWith("text/csv", csv.ContentType);
        var text = Encoding.UTF8.GetString(csv.Bytes);
        Assert.StartsWith("\uFEFFJudul;Jenis;Tahap;", text);
        Assert.Contains("\r\n", text);
        var ca = csv.Rows.Single(r => Equals(r["ID"], w.A.ToString()));
        Assert.Equal("250000000", ca["Nilai (Rp)"]);
        Assert.Equal("01/01/2025", ca["Mulai"]);
        Assert.Equal("31/12/2028", ca["Berakhir"]);
        Assert.Equal($"{w.Marker} gudang pangan; \"kutip\" bersama", csv.Rows.Single(r => Equals(r["ID"], w.C.ToString()))["Judul"]);
        Assert.Contains($"\"{w.Marker} gudang pangan; \"\"kutip\"\" bersama\"", text);
    }

    [Fact]
    public async Task Agreements_download_of_another_region_another_opd_and_a_partner_holds_only_their_own_rows()
    {
        var w = await AgreementsAsync();
        var all = new[] { w.A, w.B, w.C, w.D };
        var query = $"q={w.Marker}&sort=title";
        var who = new (string Name, HttpClient Client, Guid[] Expected)[]
        {
            ("kerjasama.bandung", await app.ClientForAsync("kerjasama.bandung"), [w.D]),
            ("opd.cimahi (DLH)", await app.ClientForAsync("opd.cimahi"), [w.A]),
            ("OPD lain", await OtherOpdAsync(w.OtherAgency), [w.B]),
            ("kerjasama.garut", await app.ClientForAsync("kerjasama.garut"), []),
            ("pembina.kemendagri", await app.ClientForAsync("pembina.kemendagri"), [w.D, w.C, w.A, w.B]),
        };
        foreach (var (name, client, expected) in who)
        {
            var listed = await ListIds(client, "/api/v1/agreements", query);
            Assert.True(expected.Order().SequenceEqual(listed.Order()), $"{name}: the list shows {listed.Count} rows");
            foreach (var format in Formats)
            {
                var file = await Download(client, "/api/v1/agreements/export", format, query, "Daftar kerja sama");
                Assert.True(listed.SequenceEqual(file.Ids()), $"{name} {format}: the download differs from the list");
                Assert.Empty(file.Ids().Intersect(all.Except(expected)));
            }
        }

        // Another region filtering by Cimahi's OPD: the rows of its own list (shared agreements that OPD leads), and the sheet
        // does not name an OPD it cannot look up through the OPD list.
        var garut = await app.ClientForAsync("kerjasama.garut");
        var garutByDlh = await Download(garut, "/api/v1/agreements/export", "xlsx", $"agencyId={w.Dlh}", "Daftar kerja sama");
        Assert.Equal(await ListIds(garut, "/api/v1/agreements", $"agencyId={w.Dlh}"), garutByDlh.Ids());
        Assert.Equal(w.Dlh.ToString(), garutByDlh.Info["Penyaring: Perangkat daerah (OPD)"]);

        // The partner's liaison: every agreement it sees (no filter), the same as its list, none of the test's.
        var mitra = await app.ClientForAsync("mitra.cimahi");
        var mine = await ListIds(mitra, "/api/v1/agreements", "");
        Assert.NotEmpty(mine);
        foreach (var format in Formats)
        {
            var file = await Download(mitra, "/api/v1/agreements/export", format, "", "Daftar kerja sama");
            Assert.Equal(mine, file.Ids());
            Assert.Empty(file.Ids().Intersect(all));
        }
    }

    [Fact]
    public async Task Partners_download_matches_the_registry_list_neutralises_formulas_and_stays_in_the_region()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var marker = Marker();
        var formula = $"=HYPERLINK(\"https://contoh.invalid/{marker}\";\"klik\")";
        async Task<Guid> Create(object input) => (await officer.PostAsJsonAsync("/api/v1/partners", input, TestApi.Json).OkJson())["partner"]!["id"]!.GetValue<Guid>();
        var hyperlink = await Create(new { kind = "PrivateCompany", name = formula });
        var minus = await Create(new { kind = "PrivateCompany", name = $"-{marker} minus", phone = "+62 22 6654321" });
        var koperasi = await Create(new { kind = "Cooperative", name = $"Koperasi {marker} Maju", contacts = new[] { new { name = "Ibu Sari", position = "Ketua" } } });

        foreach (var format in Formats)
        {
            var all = await ListIds(officer, "/api/v1/partners", "");
            var file = await Download(officer, "/api/v1/partners/export", format, "", "Daftar mitra");
            Assert.Equal(all, file.Ids());
            Assert.Contains(hyperlink, file.Ids());

            var filtered = await Download(officer, "/api/v1/partners/export", format, $"q={marker}&kind=Cooperative", "Daftar mitra");
            Assert.Equal([koperasi], filtered.Ids());
            Assert.Equal(await ListIds(officer, "/api/v1/partners", $"q={marker}&kind=Cooperative"), filtered.Ids());
            Assert.Equal("Ibu Sari (Ketua)", filtered.Rows[0]["Penghubung"]);
            Assert.Equal("Koperasi", filtered.Rows[0]["Jenis"]);
            if (format == "xlsx")
            {
                Assert.Equal("Koperasi", filtered.Info["Penyaring: Jenis"]);
                Assert.Equal($"mitra-{Today}.xlsx", filtered.FileName);
            }

            var names = file.Rows.ToDictionary(r => Guid.Parse(Convert.ToString(r["ID"])!), r => Convert.ToString(r["Nama"])!);
            if (format == "csv")
            {
                Assert.Equal("'" + formula, names[hyperlink]);
                Assert.Equal($"'-{marker} minus", names[minus]);
                Assert.Equal("'+62 22 6654321", file.Rows.Single(r => Equals(r["ID"], minus.ToString()))["Telepon"]);
                Assert.DoesNotContain(Encoding.UTF8.GetString(file.Bytes).Split("\r\n"), line => line.StartsWith('=') || line.Contains(";=") || line.Contains(";\"="));
            }
            else
            {
                // XLSX cells are text, never formulas: the name comes back as written.
                Assert.Equal(formula, names[hyperlink]);
                Assert.DoesNotContain("<x:f>", Encoding.UTF8.GetString(Unzip(file.Bytes)));
            }
        }

        var garut = await app.ClientForAsync("kerjasama.garut");
        var garutFile = await Download(garut, "/api/v1/partners/export", "csv", "", "");
        Assert.Equal(await ListIds(garut, "/api/v1/partners", ""), garutFile.Ids());
        Assert.Empty(garutFile.Ids().Intersect([hyperlink, minus, koperasi]));

        var mitra = await app.ClientForAsync("mitra.cimahi");
        var own = await ListIds(mitra, "/api/v1/partners", "");
        Assert.Single(own);
        Assert.Equal(own, (await Download(mitra, "/api/v1/partners/export", "xlsx", "", "Daftar mitra")).Ids());
    }

    private static byte[] Unzip(byte[] xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        using var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet1")).Open();
        using var ms = new MemoryStream();
        sheet.CopyTo(ms);
        return ms.ToArray();
    }

    [Fact]
    public async Task Proposals_download_matches_the_list_and_each_opd_gets_only_its_own()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var dlhUser = await app.ClientForAsync("opd.cimahi");
        var agencies = await Agencies(officer);
        var other = await OtherOpdAsync(agencies.First(a => !a.Name.StartsWith("Dinas Lingkungan Hidup")).Id);
        var marker = Marker();
        async Task<Guid> Draft(HttpClient client, string title) =>
            (await client.PostAsJsonAsync("/api/v1/proposals", ProposalWorld.Body($"{marker} {title}"), TestApi.Json).OkJson())["id"]!.GetValue<Guid>();
        var p1 = await Draft(dlhUser, "bank sampah");
        var p2 = await Draft(other, "parkir elektronik");
        await dlhUser.PostAsJsonAsync($"/api/v1/proposals/{p1}/actions/submit", new { note = "uji" }, TestApi.Json).OkJson();

        var who = new (string Name, HttpClient Client, string Query, Guid[] Expected)[]
        {
            ("officer", officer, $"q={marker}", [p1, p2]),
            ("officer, Diajukan", officer, $"q={marker}&status=Submitted", [p1]),
            ("opd.cimahi", dlhUser, $"q={marker}", [p1]),
            ("OPD lain", other, $"q={marker}", [p2]),
            ("kerjasama.garut", await app.ClientForAsync("kerjasama.garut"), $"q={marker}", []),
        };
        foreach (var (name, client, query, expected) in who)
        {
            var listed = await ListIds(client, "/api/v1/proposals", query);
            Assert.True(expected.Order().SequenceEqual(listed.Order()), $"{name}: the list shows {listed.Count} rows");
            foreach (var format in Formats)
            {
                var file = await Download(client, "/api/v1/proposals/export", format, query, "Daftar usulan kerja sama");
                Assert.True(listed.SequenceEqual(file.Ids()), $"{name} {format}: the download differs from the list");
            }
        }
        var xlsx = await Download(officer, "/api/v1/proposals/export", "xlsx", $"q={marker}&status=Submitted", "Daftar usulan kerja sama");
        Assert.Equal("Diajukan", xlsx.Rows.Single()["Status"]);
        Assert.Equal($"{marker} bank sampah", xlsx.Rows.Single()["Judul"]);
        Assert.Equal("Diajukan", xlsx.Info["Penyaring: Status"]);
        Assert.Equal($"usulan-{Today}.xlsx", xlsx.FileName);
    }

    [Fact]
    public async Task My_progress_reports_download_matches_the_opd_list_and_is_for_opd_users_only()
    {
        var opd = await app.ClientForAsync("opd.cimahi");
        var mine = (await opd.GetAsync("/api/v1/progress-reports/mine").OkJson()).AsArray()
            .Select(r => (r!["agreementId"]!.GetValue<Guid>(), r["periodLabel"]!.GetValue<string>(), r["statusLabel"]!.GetValue<string>())).ToList();
        Assert.NotEmpty(mine);
        foreach (var format in Formats)
        {
            var file = await Download(opd, "/api/v1/progress-reports/mine/export", format, "", "Laporan kemajuan saya");
            Assert.Equal(mine, file.Rows.Select(r => (Guid.Parse(Convert.ToString(r["ID kerja sama"])!), Convert.ToString(r["Periode"])!, Convert.ToString(r["Status"])!)).ToList());
            Assert.Equal($"laporan-kemajuan-saya-{Today}.{format}", file.FileName);
        }
        var refused = await (await app.ClientForAsync("kerjasama.cimahi")).GetAsync("/api/v1/progress-reports/mine/export").Expect(HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(refused);
    }

    [Fact]
    public async Task Bad_format_bad_filters_no_sign_in_and_no_right_are_refused_in_indonesian()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        foreach (var path in new[] { "/api/v1/agreements/export", "/api/v1/partners/export", "/api/v1/proposals/export" })
        {
            var bad = await ProblemAssert.IsValidationProblem(await officer.GetAsync(path + "?format=pdf"), "format", path);
            Assert.Contains("xlsx atau csv", bad["errors"]!["format"]![0]!.GetValue<string>());
        }
        await ProblemAssert.IsValidationProblem(await (await app.ClientForAsync("opd.cimahi")).GetAsync("/api/v1/progress-reports/mine/export?format=docx"), "format");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/agreements/export?format=csv&year=dua-ribu"), "year");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/agreements/export?kind=KsddPalsu"), "kind");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/agreements/export?sort=warna"), "sort");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/partners/export?kind=Alien"), "kind");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/proposals/export?status=Selesai"), "status");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/proposals/export?agencyId=bukan-guid"), "agencyId");

        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var path in new[] { "/api/v1/agreements/export", "/api/v1/partners/export", "/api/v1/proposals/export", "/api/v1/progress-reports/mine/export" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path + "?format=csv")).StatusCode);
        // The back office links: without a sign-in cookie the browser is sent to the sign-in page, no file.
        foreach (var path in new[] { "/app/kerja-sama-unduh", "/app/mitra-unduh", "/app/usulan-unduh", "/app/laporan-kemajuan-unduh" })
        {
            var response = await anonymous.GetAsync(path + "?format=xlsx");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/masuk", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString);
        }

        var admin = await app.ClientForAsync("admin");
        await ProblemAssert.IsProblem(await admin.GetAsync("/api/v1/agreements/export").Expect(HttpStatusCode.Forbidden));
        await ProblemAssert.IsProblem(await admin.GetAsync("/api/v1/partners/export").Expect(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task A_list_beyond_the_row_limit_is_refused_before_anything_is_written()
    {
        var w = await AgreementsAsync();
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var options = app.Services.GetRequiredService<ListExportOptions>();
        // Tests of one collection run one at a time, so lowering the shared limit here touches no other test.
        options.MaxRows = 2;
        try
        {
            foreach (var format in Formats)
            {
                var refused = await officer.GetAsync($"/api/v1/agreements/export?format={format}&q={w.Marker}").Expect(HttpStatusCode.BadRequest);
                var problem = await ProblemAssert.IsProblem(refused);
                Assert.Contains("berisi 3 baris", problem["detail"]!.GetValue<string>());
                Assert.Contains("paling banyak 2 baris", problem["detail"]!.GetValue<string>());
            }
            var two = await Download(officer, "/api/v1/agreements/export", "csv", $"q={w.Marker}&year=2025", "");
            Assert.Equal(2, two.Rows.Count);
        }
        finally
        {
            options.MaxRows = ListExportOptions.DefaultMaxRows;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteListExportTests(SqliteApp app) : ListExportTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresListExportTests(PostgresApp app) : ListExportTests<PostgresApp>(app);
