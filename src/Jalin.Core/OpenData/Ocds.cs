using System.Globalization;
using System.Text.Json.Nodes;
using Jalin.Core.Agreements;
using Jalin.Core.Publication;

namespace Jalin.Core.OpenData;

/// <summary>Published agreements as Open Contracting Data Standard 1.1 releases and records (issue #12 item 4), mapped from
/// <see cref="PublicAgreementView"/> only, so nothing confidential or internal can reach them.
/// <para>Mapping choices (the standard is built for procurement; a cooperation agreement is not procured):</para>
/// <list type="bullet">
/// <item>One agreement = one contracting process = one <c>ocid</c> (prefix + agreement id). The portal publishes one release
/// per agreement describing its current state; its id carries the last change's time, so a changed agreement gets a new
/// release id. A record holds that release and the same release as its compiled release.</item>
/// <item><c>initiationType</c> "tender" is required by the 1.1 schema and is its only code (deprecated in 1.2). We set it
/// because the schema demands it, not because a tender happened; <c>tender</c> holds only its id and status "complete"
/// is not claimed.</item>
/// <item><c>contracts[].awardID</c> is required, so each process has one award naming the partners as suppliers; the award
/// stands for the parties' agreement to cooperate, not a procurement decision.</item>
/// <item>The owning region is buyer and procuringEntity; partners are supplier (partyRole is an open codelist but we use
/// its existing codes); the owning region's lead OPD is contractImplementationManager.</item>
/// <item>KB and PKS: the publication foundation keeps a Kesepakatan Bersama and the Perjanjian Kerja Sama that carries it
/// out as documents of one agreement, so they are one process here: both are contractSigned documents of the one
/// contract, and the PKS's description says it implements the KB. <c>relatedProcesses</c> (PKS → KB "parent", as the
/// mapping in our peer study suggests) is used only where there are really two processes, which the register does not
/// record today, so none is emitted.</item>
/// <item>Addenda are <c>contracts[].amendments</c> (and their signed text a contractSigned document).</item>
/// <item>Accepted progress reports become one implementation milestone of type "reporting".</item>
/// </list></summary>
public static class Ocds
{
    public const string Version = "1.1";
    private static readonly TimeSpan WibOffset = TimeSpan.FromHours(7);

    public static string DateTime(DateTimeOffset at) => at.ToOffset(WibOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    public static string StartOf(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+07:00";
    public static string EndOf(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59:59+07:00";

    public static string ReleaseIdOf(PublicAgreementView v, OpenDataOptions o) =>
        $"{o.OcidOf(v.Id)}-{v.UpdatedAt.ToUniversalTime():yyyyMMddHHmmss}";

    public static string DocumentType(DocumentKind kind) => kind switch
    {
        DocumentKind.RencanaKerjaSama or DocumentKind.WorkPlanAnnex or DocumentKind.AnnualActivityPlan => "contractAnnexe",
        DocumentKind.ClosingReport => "completionCertificate",
        DocumentKind.TerminationLetter => "contractNotice",
        _ => "contractSigned",
    };

    public static JsonObject Publisher(OpenDataOptions o, string baseUrl) => new()
    {
        ["name"] = o.PublisherName ?? "Jalin — Sistem Informasi Kerja Sama Daerah",
        ["uri"] = o.PublisherUri ?? baseUrl.TrimEnd('/') + "/data",
    };

    public static JsonObject Release(PublicAgreementView v, OpenDataOptions o, string baseUrl)
    {
        var root = baseUrl.TrimEnd('/');
        var ocid = o.OcidOf(v.Id);
        var parties = new JsonArray();
        string? buyerId = null, buyerName = null;
        var suppliers = new JsonArray();
        foreach (var p in v.Parties.OrderBy(p => p.Order))
        {
            var owning = p.Order == 1 || (p.RegionCode is not null && p.RegionCode == v.RegionCode && buyerId is null);
            var id = p.RegionCode is not null ? $"wilayah-{p.RegionCode}" : $"pihak-{p.Order}";
            var party = new JsonObject
            {
                ["id"] = id,
                ["name"] = p.Name,
                ["roles"] = owning ? new JsonArray("buyer", "procuringEntity") : new JsonArray("supplier"),
                ["details"] = new JsonObject { ["jenisPihak"] = p.KindLabel },
            };
            if (p.RegionCode is not null) party["identifier"] = new JsonObject { ["id"] = p.RegionCode, ["legalName"] = p.Name };
            if (p.CountryCode is not null) party["address"] = new JsonObject { ["countryName"] = p.CountryCode };
            parties.Add(party);
            if (owning && buyerId is null)
            {
                buyerId = id; buyerName = p.Name;
                if (p.LeadAgencyName is { } opd)
                    parties.Add(new JsonObject { ["id"] = $"{id}-opd", ["name"] = opd, ["roles"] = new JsonArray("contractImplementationManager") });
            }
            else if (!owning) suppliers.Add(new JsonObject { ["id"] = id, ["name"] = p.Name });
        }

        var hasKb = v.Documents.Any(d => d.Kind == DocumentKind.KesepakatanBersama);
        var documents = new JsonArray();
        foreach (var d in v.Documents)
        {
            var doc = new JsonObject
            {
                ["id"] = d.Id.ToString(),
                ["documentType"] = DocumentType(d.Kind),
                ["title"] = d.Title,
                ["description"] = d.KindLabel + (d.Number is null ? "" : $" nomor {d.Number}")
                    + (d.Kind == DocumentKind.PerjanjianKerjaSama && hasKb ? "; pelaksanaan Kesepakatan Bersama dalam proses yang sama" : ""),
                ["url"] = root + d.Path,
                ["language"] = "id",
            };
            if (d.SignedOn is { } signed) doc["datePublished"] = StartOf(signed);
            if (d.ContentType is not null) doc["format"] = d.ContentType;
            documents.Add(doc);
        }

        var contract = new JsonObject
        {
            ["id"] = v.Id.ToString(),
            ["awardID"] = $"{v.Id}-award",
            ["title"] = v.Title,
            ["status"] = v.Status == PublicStatus.Ended ? "terminated" : "active",
        };
        if (v.Object is not null) contract["description"] = v.Object;
        if (v.SignedOn is { } so) contract["dateSigned"] = StartOf(so);
        if (v.StartsOn is not null || v.EndsOn is not null)
        {
            var period = new JsonObject();
            if (v.StartsOn is { } s) period["startDate"] = StartOf(s);
            if (v.EndsOn is { } e) period["endDate"] = EndOf(e);
            contract["period"] = period;
        }
        if (v.Value is { } value) contract["value"] = new JsonObject { ["amount"] = value, ["currency"] = "IDR" };
        if (v.AffairCode is not null)
            contract["items"] = new JsonArray(new JsonObject
            {
                ["id"] = "1",
                ["description"] = v.AffairName ?? v.AffairCode,
                ["classification"] = new JsonObject { ["scheme"] = "X-URUSAN-PEMERINTAHAN", ["id"] = v.AffairCode, ["description"] = v.AffairName },
            });
        if (documents.Count > 0) contract["documents"] = documents;
        var amendments = new JsonArray();
        foreach (var d in v.Documents.Where(d => d.Kind == DocumentKind.Addendum))
        {
            var a = new JsonObject { ["id"] = d.Id.ToString(), ["description"] = d.Title + (d.Number is null ? "" : $" (nomor {d.Number})") };
            if (d.SignedOn is { } on) a["date"] = StartOf(on);
            amendments.Add(a);
        }
        if (amendments.Count > 0) contract["amendments"] = amendments;
        var m = v.Monitoring;
        if (m.AcceptedReports > 0)
        {
            var milestone = new JsonObject
            {
                ["id"] = "laporan-kemajuan",
                ["title"] = "Laporan kemajuan pelaksanaan kerja sama",
                ["type"] = "reporting",
                ["status"] = "met",
                ["description"] = $"{m.AcceptedReports} laporan kemajuan diterima" + (m.LatestPeriod is null ? "." : $"; terakhir {m.LatestPeriod}."),
            };
            if (m.LatestPeriodEnd is { } end) milestone["dateMet"] = EndOf(end);
            contract["implementation"] = new JsonObject { ["milestones"] = new JsonArray(milestone) };
        }

        var tags = new JsonArray("contract");
        if (amendments.Count > 0) tags.Add("contractAmendment");
        if (m.AcceptedReports > 0) tags.Add("implementation");
        if (v.Status == PublicStatus.Ended) tags.Add("contractTermination");

        var award = new JsonObject { ["id"] = $"{v.Id}-award", ["title"] = v.Title, ["suppliers"] = suppliers };
        if (v.SignedOn is { } signedOn) award["date"] = StartOf(signedOn);

        var release = new JsonObject
        {
            ["ocid"] = ocid,
            ["id"] = ReleaseIdOf(v, o),
            ["date"] = DateTime(v.UpdatedAt),
            ["tag"] = tags,
            ["initiationType"] = "tender",
            ["language"] = "id",
            ["parties"] = parties,
        };
        if (buyerId is not null) release["buyer"] = new JsonObject { ["id"] = buyerId, ["name"] = buyerName };
        release["tender"] = new JsonObject { ["id"] = $"{v.Id}-tender", ["title"] = v.Title };
        release["awards"] = new JsonArray(award);
        release["contracts"] = new JsonArray(contract);
        return release;
    }

    private static JsonObject Envelope(IReadOnlyCollection<PublicAgreementView> views, OpenDataOptions o, string baseUrl, string uri, DateTimeOffset emptyDate) => new()
    {
        ["uri"] = uri,
        ["version"] = Version,
        // Generated on demand: the date of the last change to what the package holds (the standard's advice).
        ["publishedDate"] = DateTime(views.Count == 0 ? emptyDate : views.Max(v => v.UpdatedAt)),
        ["publisher"] = Publisher(o, baseUrl),
        ["license"] = o.Licence,
        ["publicationPolicy"] = baseUrl.TrimEnd('/') + "/data/kebijakan",
    };

    public static JsonObject ReleasePackage(IReadOnlyCollection<PublicAgreementView> views, OpenDataOptions o, string baseUrl, string uri, DateTimeOffset now)
    {
        var package = Envelope(views, o, baseUrl, uri, now);
        package["releases"] = new JsonArray(views.Select(v => (JsonNode?)Release(v, o, baseUrl)).ToArray());
        return package;
    }

    public static JsonObject RecordPackage(IReadOnlyCollection<PublicAgreementView> views, OpenDataOptions o, string baseUrl, string uri, DateTimeOffset now)
    {
        var package = Envelope(views, o, baseUrl, uri, now);
        package["records"] = new JsonArray(views.Select(v => (JsonNode?)new JsonObject
        {
            ["ocid"] = o.OcidOf(v.Id),
            ["releases"] = new JsonArray(Release(v, o, baseUrl)),
            ["compiledRelease"] = Compiled(Release(v, o, baseUrl)),
        }).ToArray());
        return package;
    }

    // A compiled release is tagged "compiled" (releaseTag codelist).
    private static JsonObject Compiled(JsonObject release)
    {
        release["id"] = release["id"]!.GetValue<string>() + "-compiled";
        release["tag"] = new JsonArray("compiled");
        return release;
    }
}
