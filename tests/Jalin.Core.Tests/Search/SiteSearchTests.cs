using Jalin.Core.Agreements;
using Jalin.Core.Partners;
using Jalin.Core.Search;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Search;

public class SiteSearchTests
{
    [Fact]
    public async Task Saving_an_agreement_indexes_it_and_stemmed_queries_find_it()
    {
        var clock = TestClock.At(new DateOnly(2026, 11, 24));
        await using var database = await TestDb.CreateAsync(clock);
        var s = new Scenario(database, clock);
        var id = await s.RegisterAsync(Scenario.Ksdd("Kerja sama pengelolaan sampah regional"));
        await s.RegisterAsync(Scenario.Ksdd("Penyediaan air minum"));

        await using var db = database.NewDb();
        var entry = await db.SearchEntries.SingleAsync(e => e.SubjectId == id);
        Assert.Equal(SearchKind.Agreement, entry.Kind);
        Assert.Contains("sampah", entry.Tokens.Split(' '));

        foreach (var q in new[] { "persampahan", "kerjasama sampah", "Kerja-Sama" })
        {
            var r = await SiteSearch.ForActorAsync(db, Actors.Officer, new SearchQuery { Q = q });
            Assert.True(r.Ok, r.Error?.ToString());
            Assert.Equal([id], r.Value!.Hits.Items.Select(h => h.SubjectId));
        }
        var marked = (await SiteSearch.ForActorAsync(db, Actors.Officer, new SearchQuery { Q = "persampahan" })).Value!.Hits.Items[0];
        Assert.Contains("<mark>sampah</mark>", marked.TitleHtml);

        // Another region's officer sees nothing of Cimahi's internal record.
        var garut = await SiteSearch.ForActorAsync(db, Actors.Stranger, new SearchQuery { Q = "persampahan" });
        Assert.Empty(garut.Value!.Hits.Items);

        // The agreement list's free-text filter uses the index.
        var list = await SearchAgreements.HandleAsync(db, Actors.Officer, new AgreementFilter { Q = "persampahan" }, clock);
        Assert.Equal([id], list.Value!.Items.Select(a => a.Id));
        var none = await SearchAgreements.HandleAsync(db, Actors.Officer, new AgreementFilter { Q = "zzzqqq" }, clock);
        Assert.Empty(none.Value!.Items);
    }

    [Fact]
    public async Task A_typo_in_a_partner_name_is_corrected_to_the_nearest_name()
    {
        var clock = TestClock.At(new DateOnly(2026, 11, 24));
        await using var database = await TestDb.CreateAsync(clock);
        var s = new Scenario(database, clock);
        var p = await s.AddPartnerAsync(PartnerKind.ForeignLocalGovernment, "Stadt Braunschweig");
        await using var db = database.NewDb();
        var r = await SiteSearch.ForActorAsync(db, Actors.Officer, new SearchQuery { Q = "Braunschwieg" });
        Assert.True(r.Ok, r.Error?.ToString());
        Assert.Equal([p.Id], r.Value!.Hits.Items.Select(h => h.SubjectId));
        Assert.Equal(new SearchCorrection("braunschwieg", "braunschweig"), Assert.Single(r.Value.Corrections));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("dan yang")]
    public async Task Empty_queries_are_refused_in_Indonesian(string q)
    {
        var clock = TestClock.At(new DateOnly(2026, 11, 24));
        await using var database = await TestDb.CreateAsync(clock);
        await using var db = database.NewDb();
        var r = await SiteSearch.ForActorAsync(db, Actors.Officer, new SearchQuery { Q = q });
        Assert.False(r.Ok);
        Assert.Contains("pencarian", r.Error!.Message);
        var longQ = await SiteSearch.ForActorAsync(db, Actors.Officer, new SearchQuery { Q = new string('a', 201) });
        Assert.False(longQ.Ok);
    }
}

public class PublicSearchTests
{
    [Fact]
    public async Task Public_search_finds_only_published_agreements_and_never_by_a_confidential_word()
    {
        var clock = TestClock.At(new DateOnly(2026, 11, 24));
        await using var database = await TestDb.CreateAsync(clock);
        var s = new Scenario(database, clock);
        var id = await s.KsddInImplementationAsync();
        await using (var db = database.NewDb())
        {
            var a = await db.Agreements.SingleAsync(x => x.Id == id);
            a.Object = "Tempat pemrosesan akhir Sarimukti";
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewDb())
        {
            // Not published yet: the public finds nothing, the officer finds it by the object.
            Assert.Empty((await SiteSearch.PublicAsync(db, new SearchQuery { Q = "persampahan" })).Value!.Hits.Items);
            Assert.Equal([id], (await SiteSearch.ForActorAsync(db, Actors.Officer, new SearchQuery { Q = "Sarimukti" })).Value!.Hits.Items.Select(h => h.SubjectId));
        }
        await using (var db = database.NewDb())
        {
            var published = await Jalin.Core.Publication.PublishAgreement.PublishAsync(db, Actors.Officer, id, new(["object"], []), clock);
            Assert.True(published.Ok, published.Error?.ToString());
        }
        await using (var db = database.NewDb())
        {
            Assert.Equal([id], (await SiteSearch.PublicAsync(db, new SearchQuery { Q = "persampahan" })).Value!.Hits.Items.Select(h => h.SubjectId));
            // The object is confidential: no public search finds the agreement by a word of it.
            Assert.Empty((await SiteSearch.PublicAsync(db, new SearchQuery { Q = "Sarimukti" })).Value!.Hits.Items);
        }
        await using (var db = database.NewDb())
            Assert.True((await Jalin.Core.Publication.PublishAgreement.UnpublishAsync(db, Actors.Officer, id, clock)).Ok);
        await using (var db = database.NewDb())
            Assert.Empty((await SiteSearch.PublicAsync(db, new SearchQuery { Q = "persampahan" })).Value!.Hits.Items);
    }
}
