using System.Net;
using System.Net.Http.Json;
using Jalin.Core.Agreements;
using Jalin.Core.Publication;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Publication;

/// <summary>Issue #12 item 2 through the API on both providers, on the demo data: Kota Cimahi's officer publishes its one
/// unpublished signed agreement with the value kept confidential and the signed text shown, cannot show an internal paper,
/// and withdraws it again; other regions and roles are refused, and nothing is stored by a refused request.</summary>
public abstract class PublicationApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private async Task<Agreement> UnpublishedSignedAsync()
    {
        await using var db = app.NewDb();
        var candidates = await db.Agreements.AsNoTracking().Include(a => a.Documents).Where(a => a.RegionCode == "32.77" && a.PublishedAt == null).ToListAsync();
        // One with a document that may be shown (agreements imported from a legacy register by other tests have none).
        return candidates.First(a => PublishAgreement.IsSigned(a) && a.Documents.Any(d => PublishAgreement.WhyNotPublic(d) is null));
    }

    [Fact]
    public async Task The_demo_publishes_signed_agreements_and_keeps_the_rest_off_the_portal()
    {
        await using var db = app.NewDb();
        var published = await PublicAgreements.Published(db).Include(a => a.Documents).ToListAsync();
        Assert.NotEmpty(published);
        Assert.All(published, a => Assert.True(PublishAgreement.IsSigned(a), a.Title));
        Assert.All(published.SelectMany(a => a.Documents).Where(d => d.IsPublic), d => Assert.True(PublicDocuments.CanBePublic(d), d.Title));
        Assert.Contains(published, a => a.Confidential.HasFlag(ConfidentialFields.Value));
        var unsigned = (await db.Agreements.AsNoTracking().Include(a => a.Documents).ToListAsync()).Where(a => !PublishAgreement.IsSigned(a)).Select(a => a.Id).ToHashSet();
        Assert.DoesNotContain(published, a => unsigned.Contains(a.Id));
        // Every sort of the register runs on this provider, and a confidential value never shows.
        foreach (var sort in PublicAgreements.SortKeys)
        {
            var page = await PublicAgreements.SearchAsync(db, new PublicFilter { Sort = sort, PageSize = 200 });
            Assert.True(page.Ok, sort);
            Assert.Equal(published.Count, page.Value!.TotalCount);
            Assert.All(page.Value.Items.Where(r => published.Single(a => a.Id == r.Id).Confidential.HasFlag(ConfidentialFields.Value)), r => Assert.Null(r.Value));

            // Page by page (the page's ids are read first, then their rows): the same agreements in the same order as one
            // long page, each exactly once, none unpublished.
            async Task<List<PublicAgreementRow>> AllPagesAsync(int size)
            {
                var all = new List<PublicAgreementRow>();
                for (var n = 1; n <= published.Count / size + 1; n++)
                    all.AddRange((await PublicAgreements.SearchAsync(db, new PublicFilter { Sort = sort, PageSize = size, Page = n })).Value!.Items);
                return all;
            }
            var rows = await AllPagesAsync(200);
            Assert.Equal(published.Select(a => a.Id).Order(), rows.Select(r => r.Id).Order());
            Assert.Equal(rows.Select(r => r.Id), (await AllPagesAsync(3)).Select(r => r.Id));
            // The order's key never goes backwards along the list (ties are broken by id, which each database orders its own way).
            static void Ascending<T>(IEnumerable<T> keys) where T : IComparable<T>
            {
                var list = keys.ToList();
                for (var i = 1; i < list.Count; i++) Assert.True(list[i - 1].CompareTo(list[i]) <= 0, $"{list[i - 1]} before {list[i]}");
            }
            switch (sort)
            {
                case "terbaru":
                    Ascending(rows.Select(r => -r.PublishedAt.UtcTicks));
                    break;
                case "mulai":
                    Ascending(rows.Select(r => r.StartsOn is { } d ? -d.DayNumber : int.MaxValue));
                    break;
                case "berakhir":
                    Ascending(rows.Select(r => r.EndsOn is { } d ? d.DayNumber : int.MaxValue));
                    break;
            }
        }
    }

    [Fact]
    public async Task Officer_publishes_with_a_confidential_value_and_withdraws()
    {
        var a = await UnpublishedSignedAsync();
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var url = $"/api/v1/agreements/{a.Id}/publication";
        var state = await officer.GetAsync(url).OkJson();
        Assert.False(state["published"]!.GetValue<bool>());
        Assert.True(state["canPublish"]!.GetValue<bool>());
        Assert.True(state["canManage"]!.GetValue<bool>());

        var publicDoc = a.Documents.First(d => PublishAgreement.WhyNotPublic(d) is null);
        var internalDoc = a.Documents.FirstOrDefault(d => !PublicDocuments.CanBePublic(d.Kind));
        if (internalDoc is not null)
        {
            var refused = await ProblemAssert.IsValidationProblem(await officer.PutAsJsonAsync(url, new { confidentialFields = Array.Empty<string>(), publicDocumentIds = new[] { internalDoc.Id } }), "publicDocumentIds");
            Assert.Contains("tidak dapat ditampilkan di portal", refused["errors"]!["publicDocumentIds"]![0]!.GetValue<string>());
        }
        var bad = await ProblemAssert.IsValidationProblem(await officer.PutAsJsonAsync(url, new { confidentialFields = new[] { "gaji" } }), "confidentialFields");
        Assert.Contains("Isian rahasia tidak dikenal", bad["errors"]!["confidentialFields"]![0]!.GetValue<string>());
        await (await app.ClientForAsync("kerjasama.garut")).PutAsJsonAsync(url, new { confidentialFields = Array.Empty<string>() }).Expect(HttpStatusCode.NotFound);
        await (await app.ClientForAsync("pembina.jabar")).PutAsJsonAsync(url, new { confidentialFields = Array.Empty<string>() }).Expect(HttpStatusCode.Forbidden);
        await using (var db = app.NewDb())
            Assert.Null(await db.Agreements.Where(x => x.Id == a.Id).Select(x => x.PublishedAt).SingleAsync());

        try
        {
            var published = await officer.PutAsJsonAsync(url, new { confidentialFields = new[] { "value" }, publicDocumentIds = new[] { publicDoc.Id } }).OkJson();
            Assert.True(published["published"]!.GetValue<bool>());
            await using (var db = app.NewDb())
            {
                var view = (await PublicAgreements.GetAsync(db, a.Id)).Value!;
                Assert.Null(view.Value);
                Assert.Equal([publicDoc.Id], view.Documents.Select(d => d.Id));
                Assert.Contains("Nilai kerja sama", view.ConfidentialLabels);
            }
        }
        finally
        {
            var withdrawn = await officer.DeleteAsync(url).OkJson();
            Assert.False(withdrawn["published"]!.GetValue<bool>());
        }
        await using (var db = app.NewDb())
        {
            Assert.False((await PublicAgreements.GetAsync(db, a.Id)).Ok);
            Assert.False(await db.AgreementDocuments.AnyAsync(d => d.AgreementId == a.Id && d.IsPublic));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePublicationApiTests(SqliteApp app) : PublicationApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPublicationApiTests(PostgresApp app) : PublicationApiTests<PostgresApp>(app);
