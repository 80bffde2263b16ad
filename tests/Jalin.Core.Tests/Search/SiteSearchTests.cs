using Jalin.Core.Identity;
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

public class PublicSearchFlagTests
{
    [Fact]
    public async Task An_entry_the_index_still_marks_public_is_not_shown_once_its_agreement_is_withdrawn()
    {
        // The portal's SQL trusts the indexer's flag; the candidates are checked again against the publication itself,
        // so an index that lags behind (indexing runs after the save) never shows an unpublished agreement.
        var clock = TestClock.At(new DateOnly(2026, 11, 24));
        await using var database = await TestDb.CreateAsync(clock);
        var s = new Scenario(database, clock);
        var id = await s.KsddInImplementationAsync();
        await using (var db = database.NewDb())
            Assert.True((await Jalin.Core.Publication.PublishAgreement.PublishAsync(db, Actors.Officer, id, new([], []), clock)).Ok);
        await using (var db = database.NewDb())
            Assert.Equal([id], (await SiteSearch.PublicAsync(db, new SearchQuery { Q = "persampahan" })).Value!.Hits.Items.Select(h => h.SubjectId));
        await using (var db = database.NewDb())
        {
            // Withdrawn behind the indexer's back: the entry keeps IsPublic = true.
            await db.Agreements.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.PublishedAt, (DateTimeOffset?)null));
            Assert.True(await db.SearchEntries.AnyAsync(e => e.SubjectId == id && e.IsPublic));
        }
        await using (var db = database.NewDb())
        {
            var r = await SiteSearch.PublicAsync(db, new SearchQuery { Q = "persampahan" });
            Assert.True(r.Ok, r.Error?.ToString());
            Assert.Empty(r.Value!.Hits.Items);
            Assert.Equal(0, r.Value.Hits.TotalCount);
            Assert.Empty(r.Value.Kinds);
            Assert.Empty(r.Value.Regions);
        }
    }

    [Fact]
    public async Task Entries_never_marked_public_stay_out_of_the_portal_even_if_their_flag_is_set()
    {
        // An usulan's or a partner's entry is never public, whatever its flag says.
        var clock = TestClock.At(new DateOnly(2026, 11, 24));
        await using var database = await TestDb.CreateAsync(clock);
        var s = new Scenario(database, clock);
        var p = await s.AddPartnerAsync(PartnerKind.PrivateCompany, "PT Sampah Bersih Nusantara");
        await using (var db = database.NewDb())
            await db.SearchEntries.Where(e => e.SubjectId == p.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.IsPublic, true));
        await using (var db = database.NewDb())
        {
            Assert.Equal([p.Id], (await SiteSearch.ForActorAsync(db, Actors.Officer, new SearchQuery { Q = "Nusantara" })).Value!.Hits.Items.Select(h => h.SubjectId));
            Assert.Empty((await SiteSearch.PublicAsync(db, new SearchQuery { Q = "Nusantara" })).Value!.Hits.Items);
        }
    }
}

public class AgreementListTextCapTests
{
    [Fact]
    public async Task A_text_filter_matching_more_than_the_cap_lists_the_first_found_and_says_there_are_more()
    {
        var clock = TestClock.At(new DateOnly(2026, 11, 24));
        await using var database = await TestDb.CreateAsync(clock);
        var s = new Scenario(database, clock);
        var ids = new List<Guid>();
        foreach (var t in new[] { "Pengelolaan sampah terpadu", "Bank sampah sekolah", "Persampahan kawasan industri" })
            ids.Add(await s.RegisterAsync(Scenario.Ksdd(t)));
        var water = await s.RegisterAsync(Scenario.Ksdd("Penyediaan air minum"));
        // Another region's agreement matches too: the officer of Cimahi never sees it, counted or listed.
        var garut = await s.RegisterAsync(Scenario.Ksdd("Pengolahan sampah Garut"), Actors.Stranger);
        await using var db = database.NewDb();

        var capped = await SearchAgreements.HandleAsync(db, Actors.Officer, new AgreementFilter { Q = "sampah" }, clock, 2, default);
        Assert.True(capped.Ok, capped.Error?.ToString());
        Assert.True(capped.Value!.TotalIsAtLeast);
        Assert.Equal(2, capped.Value.TotalCount);
        Assert.Equal(2, capped.Value.Items.Count);
        Assert.Subset(ids.ToHashSet(), capped.Value.Items.Select(a => a.Id).ToHashSet());

        // Within the cap the count is exact, and the filters are applied before the cap, not after it.
        var all = await SearchAgreements.HandleAsync(db, Actors.Officer, new AgreementFilter { Q = "sampah" }, clock, 3, default);
        Assert.False(all.Value!.TotalIsAtLeast);
        Assert.Equal(3, all.Value.TotalCount);
        Assert.Equal(ids.Order(), all.Value.Items.Select(a => a.Id).Order());
        var paged = await SearchAgreements.HandleAsync(db, Actors.Officer, new AgreementFilter { Q = "sampah", Sort = "title", PageSize = 2, Page = 2 }, clock, 3, default);
        Assert.Equal("Persampahan kawasan industri", Assert.Single(paged.Value!.Items).Title);
        var none = await SearchAgreements.HandleAsync(db, Actors.Officer, new AgreementFilter { Q = "sampah", Stage = Jalin.Core.Lifecycle.Stage.Ended }, clock, 1, default);
        Assert.False(none.Value!.TotalIsAtLeast);
        Assert.Empty(none.Value.Items);

        // Without text the list counts everything, as before.
        var plain = await SearchAgreements.HandleAsync(db, Actors.Officer, new AgreementFilter(), clock, 1, default);
        Assert.False(plain.Value!.TotalIsAtLeast);
        Assert.Equal(4, plain.Value.TotalCount);
        Assert.Contains(water, plain.Value.Items.Select(a => a.Id));

        // The download's query is not capped.
        var export = SearchAgreements.Query(db, Actors.Officer, new AgreementFilter { Q = "sampah" }, clock).Value!;
        Assert.Equal(3, await export.CountAsync());

        // The region's own agreements only; the other region's officer finds its own.
        var wide = await SearchAgreements.HandleAsync(db, Actors.Officer, new AgreementFilter { Q = "sampah" }, clock, 10, default);
        Assert.Equal(ids.Order(), wide.Value!.Items.Select(a => a.Id).Order());
        Assert.Equal([garut], (await SearchAgreements.HandleAsync(db, Actors.Stranger, new AgreementFilter { Q = "sampah" }, clock, 10, default)).Value!.Items.Select(a => a.Id));

        // Supervisors read the list from the index's side (national and provincial: every region's, capped alike; the
        // province of West Java holds both regions), and a region filter sends them back to the agreements' side.
        var kemendagri = new CurrentActor("pembina-kemendagri", "pembina.kemendagri", "Ditjen Bina Adwil", Role.SupervisorNational, null);
        var jabar = new CurrentActor("pembina-jabar", "pembina.jabar", "Biro Pemerintahan Jabar", Role.SupervisorProvince, "32");
        foreach (var supervisor in new[] { kemendagri, jabar })
        {
            var every = await SearchAgreements.HandleAsync(db, supervisor, new AgreementFilter { Q = "sampah" }, clock, 10, default);
            Assert.Equal(ids.Append(garut).Order(), every.Value!.Items.Select(a => a.Id).Order());
            var first = await SearchAgreements.HandleAsync(db, supervisor, new AgreementFilter { Q = "sampah" }, clock, 3, default);
            Assert.True(first.Value!.TotalIsAtLeast);
            Assert.Equal(3, first.Value.Items.Count);
            Assert.Equal([garut], (await SearchAgreements.HandleAsync(db, supervisor, new AgreementFilter { Q = "sampah", RegionCode = "32.05" }, clock, 10, default)).Value!.Items.Select(a => a.Id));
        }
    }
}

public class SearchCapTests
{
    [Fact]
    public async Task A_search_matching_more_than_the_cap_ranks_the_first_found_and_says_more_match()
    {
        var clock = TestClock.At(new DateOnly(2026, 11, 24));
        await using var database = await TestDb.CreateAsync(clock);
        await using (var db = database.NewDb())
        {
            db.Partners.AddRange(Enumerable.Range(1, SiteSearch.MaxCandidates + 5).Select(i => new Partner
            {
                RegionCode = Actors.Cimahi, Kind = PartnerKind.Cooperative, Name = $"Koperasi Nelayan Sejahtera {i}", CreatedAt = clock.GetUtcNow(),
            }));
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewDb())
        {
            var many = await SiteSearch.ForActorAsync(db, Actors.Officer, new SearchQuery { Q = "nelayan" });
            Assert.True(many.Ok, many.Error?.ToString());
            Assert.True(many.Value!.Hits.TotalIsAtLeast);
            Assert.Equal(SiteSearch.MaxCandidates, many.Value.Hits.TotalCount);
            var one = await SiteSearch.ForActorAsync(db, Actors.Officer, new SearchQuery { Q = "nelayan 1004" });
            Assert.False(one.Value!.Hits.TotalIsAtLeast);
            Assert.Equal("Koperasi Nelayan Sejahtera 1004", Assert.Single(one.Value.Hits.Items).Title);
        }
    }
}
