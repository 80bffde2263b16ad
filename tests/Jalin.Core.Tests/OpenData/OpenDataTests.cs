using System.Text;
using System.Text.Json.Nodes;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.OpenData;
using Jalin.Core.Publication;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.OpenData;

/// <summary>Open data (issue #12 item 4): the CSV, JSON and OCDS exports are built from the public view only, so a value
/// the region keeps confidential and a paper it did not publish never appear; the ocid carries the configured prefix; the
/// CSV quotes per RFC 4180; dates are ISO 8601 (RFC 3339 with +07:00 in OCDS).</summary>
public sealed class OpenDataTests : IAsyncLifetime
{
    private const string Title = "Kerja sama \"Jalin\", pengelolaan sampah regional";
    private const string Base = "https://portal.contoh.go.id";
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 4, 15));
    private readonly OpenDataOptions _options = new() { OcidPrefix = "ocds-abc123" };
    private TestDb _db = null!;
    private Scenario _s = null!;
    private Guid _id;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
        _id = await _s.KsddInImplementationAsync();
        await _s.AddDocAsync(_id, DocumentKind.Addendum, signed: true);
        await using var db = _db.NewDb();
        var a = await db.Agreements.SingleAsync(x => x.Id == _id);
        a.Title = Title;
        a.Value = 250_000_000m;
        a.StartsOn = new DateOnly(2026, 1, 2);
        a.EndsOn = new DateOnly(2030, 12, 31);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task PublishAsync(string[] hidden, Func<AgreementDocument, bool> show)
    {
        await using var db = _db.NewDb();
        var docs = await db.AgreementDocuments.AsNoTracking().Where(d => d.AgreementId == _id).ToListAsync();
        var r = await PublishAgreement.PublishAsync(db, Actors.Officer, _id, new PublicationInput(hidden, docs.Where(show).Select(d => d.Id).ToList()), _clock);
        Assert.True(r.Ok, r.Error?.ToString());
    }

    private async Task<(string Csv, string Json, string Releases, string Records)> ExportAsync()
    {
        await using var db = _db.NewDb();
        var views = (await OpenDataExport.LoadAsync(db, new PublicFilter())).Value!;
        var csv = OpenDataExport.Csv(views, _options, Base);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        return (Encoding.UTF8.GetString(csv[3..]), OpenDataExport.JsonDocument(views, _options, Base, _clock.GetUtcNow()).ToJsonString(),
            Ocds.ReleasePackage(views, _options, Base, Base + "/data/ocds/release-package.json", _clock.GetUtcNow()).ToJsonString(),
            Ocds.RecordPackage(views, _options, Base, Base + "/data/ocds/record-package.json", _clock.GetUtcNow()).ToJsonString());
    }

    [Fact]
    public async Task A_confidential_value_is_absent_from_CSV_JSON_and_OCDS_and_present_when_not_confidential()
    {
        await PublishAsync(["value"], d => PublishAgreement.WhyNotPublic(d) is null);
        var (csv, json, releases, records) = await ExportAsync();
        foreach (var text in new[] { csv, json, releases, records }) Assert.DoesNotContain("250000000", text);
        var contract = JsonNode.Parse(releases)!["releases"]![0]!["contracts"]![0]!;
        Assert.Null(contract["value"]);
        Assert.Null(JsonNode.Parse(json)!["kerjaSama"]![0]!["nilai"]);

        await PublishAsync([], d => PublishAgreement.WhyNotPublic(d) is null);
        (csv, json, releases, _) = await ExportAsync();
        Assert.Contains(",250000000,IDR,", csv);
        Assert.Equal(250_000_000m, JsonNode.Parse(json)!["kerjaSama"]![0]!["nilai"]!.GetValue<decimal>());
        var value = JsonNode.Parse(releases)!["releases"]![0]!["contracts"]![0]!["value"]!;
        Assert.Equal(250_000_000m, value["amount"]!.GetValue<decimal>());
        Assert.Equal("IDR", value["currency"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_documents_the_region_published_are_in_OCDS_never_the_DPRD_letters()
    {
        await PublishAsync([], d => d.Kind == DocumentKind.PerjanjianKerjaSama);
        List<AgreementDocument> docs;
        await using (var db = _db.NewDb()) docs = await db.AgreementDocuments.AsNoTracking().Where(d => d.AgreementId == _id).ToListAsync();
        var (_, _, releases, records) = await ExportAsync();
        var pks = docs.Single(d => d.Kind == DocumentKind.PerjanjianKerjaSama);
        var listed = JsonNode.Parse(releases)!["releases"]![0]!["contracts"]![0]!["documents"]!.AsArray();
        var only = Assert.Single(listed);
        Assert.Equal(pks.Id.ToString(), only!["id"]!.GetValue<string>());
        Assert.Equal("contractSigned", only["documentType"]!.GetValue<string>());
        Assert.Equal($"{Base}/kerja-sama/{_id}/dokumen/{pks.Id}", only["url"]!.GetValue<string>());
        foreach (var d in docs.Where(d => d.Id != pks.Id))
        {
            Assert.DoesNotContain(d.Id.ToString(), releases);
            Assert.DoesNotContain(d.Id.ToString(), records);
        }
        Assert.Contains(docs, d => d.Kind is DocumentKind.DprdRequest or DocumentKind.DprdDecision);
    }

    [Fact]
    public async Task KB_PKS_and_addendum_of_one_agreement_are_one_process_with_an_amendment()
    {
        await PublishAsync([], d => PublishAgreement.WhyNotPublic(d) is null);
        var release = JsonNode.Parse((await ExportAsync()).Releases)!["releases"]![0]!;
        var contract = release["contracts"]![0]!;
        var types = contract["documents"]!.AsArray().Select(d => d!["documentType"]!.GetValue<string>()).ToList();
        Assert.All(types, t => Assert.Equal("contractSigned", t));
        Assert.Contains(contract["documents"]!.AsArray(), d => d!["description"]!.GetValue<string>().Contains("Kesepakatan Bersama", StringComparison.Ordinal));
        Assert.Single(contract["amendments"]!.AsArray());
        Assert.Contains("contractAmendment", release["tag"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Null(release["relatedProcesses"]);
        Assert.Equal("tender", release["initiationType"]!.GetValue<string>());
        var roles = release["parties"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToList());
        Assert.Equal(["buyer", "procuringEntity"], roles["Kota Cimahi"]);
        Assert.Equal(["supplier"], roles["Kabupaten Bandung"]);
        Assert.Equal(contract["awardID"]!.GetValue<string>(), release["awards"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_ocid_carries_the_configured_prefix()
    {
        await PublishAsync([], _ => false);
        var (csv, json, releases, records) = await ExportAsync();
        var ocid = $"ocds-abc123-{_id}";
        Assert.Contains("," + ocid + ",", csv);
        Assert.Equal(ocid, JsonNode.Parse(json)!["kerjaSama"]![0]!["ocid"]!.GetValue<string>());
        Assert.Equal(ocid, JsonNode.Parse(releases)!["releases"]![0]!["ocid"]!.GetValue<string>());
        Assert.StartsWith(ocid + "-", JsonNode.Parse(releases)!["releases"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(ocid, JsonNode.Parse(records)!["records"]![0]!["ocid"]!.GetValue<string>());
        Assert.Equal(_id, _options.AgreementIdOf(ocid));
        Assert.Null(new OpenDataOptions().AgreementIdOf(ocid));
        Assert.Null(_options.AgreementIdOf("ocds-abc123-bukan-guid"));
    }

    [Fact]
    public async Task CSV_quotes_a_title_with_a_comma_and_quotes_per_RFC_4180_and_dates_are_ISO()
    {
        await PublishAsync([], _ => false);
        var (csv, _, releases, _) = await ExportAsync();
        var lines = csv.Split("\r\n");
        Assert.Equal(string.Join(",", OpenDataExport.Columns), lines[0]);
        Assert.Equal("", lines[^1]);
        Assert.StartsWith($"{_id},ocds-abc123-{_id},\"Kerja sama \"\"Jalin\"\", pengelolaan sampah regional\",32.77,", lines[1]);
        Assert.Contains(",2026-01-02,2030-12-31,", lines[1]);
        Assert.Equal("plain", OpenDataExport.Quote("plain"));
        Assert.Equal("\"a\nb\"", OpenDataExport.Quote("a\nb"));
        var release = JsonNode.Parse(releases)!["releases"]![0]!;
        var period = release["contracts"]![0]!["period"]!;
        Assert.Equal("2026-01-02T00:00:00+07:00", period["startDate"]!.GetValue<string>());
        Assert.Equal("2030-12-31T23:59:59+07:00", period["endDate"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$", release["date"]!.GetValue<string>());
    }

    [Fact]
    public void Filters_from_the_address_are_checked_in_Indonesian()
    {
        var ok = OpenDataQuery.Parse(" 32.77 ", "ksddwajib", null, "University", "Berjalan", "2026");
        Assert.True(ok.Ok, ok.Error?.ToString());
        Assert.Equal(new PublicFilter { RegionCode = "32.77", Kind = CooperationKind.KsddWajib, PartnerKind = Jalin.Core.Partners.PartnerKind.University, Status = "berjalan", Year = 2026 }, ok.Value);
        var bad = Assert.IsType<ValidationError>(OpenDataQuery.Parse(null, "1", null, "Alien", null, "20x6").Error);
        Assert.Contains("Jenis kerja sama tidak dikenal", bad.Fields["jenis"][0]);
        Assert.Contains("Jenis mitra tidak dikenal", bad.Fields["jenisMitra"][0]);
        Assert.Contains("Tahun berupa angka", bad.Fields["tahun"][0]);
        var year = Assert.IsType<ValidationError>(OpenDataQuery.Parse(null, null, null, null, null, "1800").Error);
        Assert.Equal("Tahun tidak valid.", year.Fields["tahun"][0]);
    }
}
