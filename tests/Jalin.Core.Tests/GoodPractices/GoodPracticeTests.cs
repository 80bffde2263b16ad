using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.GoodPractices;
using Jalin.Core.Identity;
using Jalin.Core.Mapping;
using Jalin.Core.Proposals;
using Jalin.Core.Publication;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.GoodPractices;

/// <summary>Issue #12 item 1: the good-practice catalogue (praktik daerah: PP 28/2018 does not set it) and the public
/// catalogue of potentials and needs. Only the region's Bagian Kerja Sama writes and publishes; another region replicates a
/// published practice into its own draft usulan; the public sees only what is published.</summary>
public sealed class GoodPracticeTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 4, 15));
    private TestDb _db = null!;
    private Scenario _s = null!;
    private Guid _garutAgency;
    private static readonly CurrentActor GarutOfficer = Actors.Stranger;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
        await using var db = _db.NewDb();
        var agency = new Agency { RegionCode = "32.05", Name = "Dinas Lingkungan Hidup Kabupaten Garut", ShortName = "DLH" };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        _garutAgency = agency.Id;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static GoodPracticeInput Input(List<Guid>? agreements = null) => new()
    {
        Title = "Pengelolaan sampah regional melalui TPPAS bersama", AffairCode = "2.11",
        Problem = "TPA kota sudah penuh dan lahan untuk TPA baru tidak tersedia.", Actions = "Kerja sama pengangkutan sampah ke TPPAS regional.",
        Partners = "Kabupaten Bandung", ContactOffice = "Bagian Kerja Sama Setda Kota Cimahi", ContactEmail = "kerjasama@cimahikota.go.id",
        Results = [new PracticeResultInput("Sampah terangkut ke TPPAS", 1250m, "ton/bulan")], AgreementIds = agreements,
    };

    private async Task<Guid> CreateAsync(bool publish, List<Guid>? agreements = null)
    {
        await using var db = _db.NewDb();
        var r = await GoodPracticeUseCases.CreateAsync(db, Actors.Officer, Input(agreements), _clock);
        Assert.True(r.Ok, r.Error?.ToString());
        if (publish) Assert.True((await GoodPracticeUseCases.PublishAsync(db, Actors.Officer, r.Value!.Id, true, _clock)).Ok);
        return r.Value!.Id;
    }

    [Fact]
    public async Task Only_the_regions_officer_writes_and_publishes()
    {
        var id = await CreateAsync(publish: false);
        await using var db = _db.NewDb();
        Assert.IsType<ForbiddenError>((await GoodPracticeUseCases.CreateAsync(db, Actors.Leader, Input(), _clock)).Error);
        // Another region's officer does not even see a draft.
        Assert.IsType<NotFoundError>((await GoodPracticeUseCases.UpdateAsync(db, GarutOfficer, id, Input(), _clock)).Error);
        Assert.IsType<NotFoundError>((await GoodPracticeUseCases.PublishAsync(db, GarutOfficer, id, true, _clock)).Error);
        // The region's leader reads the draft but cannot publish it.
        Assert.True((await GoodPracticeUseCases.GetAsync(db, Actors.Leader, id)).Ok);
        Assert.IsType<ForbiddenError>((await GoodPracticeUseCases.PublishAsync(db, Actors.Leader, id, true, _clock)).Error);
        Assert.Equal(PracticeStatus.Draft, (await db.GoodPractices.SingleAsync()).Status);
        // Published: every government user of another region reads it, still cannot edit it.
        Assert.True((await GoodPracticeUseCases.PublishAsync(db, Actors.Officer, id, true, _clock)).Ok);
        var seen = await GoodPracticeUseCases.GetAsync(db, GarutOfficer, id);
        Assert.True(seen.Ok);
        Assert.False(seen.Value!.CanEdit);
        Assert.IsType<ForbiddenError>((await GoodPracticeUseCases.UpdateAsync(db, GarutOfficer, id, Input(), _clock)).Error);
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_is_stored()
    {
        await using var db = _db.NewDb();
        var r = await GoodPracticeUseCases.CreateAsync(db, Actors.Officer, Input() with { Title = " ", AffairCode = "9.99", ContactEmail = "bukan surel" }, _clock);
        var error = Assert.IsType<ValidationError>(r.Error);
        Assert.Contains("title", error.Fields.Keys);
        Assert.Contains("affairCode", error.Fields.Keys);
        Assert.Contains("contactEmail", error.Fields.Keys);
        var rows = await GoodPracticeUseCases.CreateAsync(db, Actors.Officer, Input() with { Results = [new PracticeResultInput("Sampah", null, "ton")] }, _clock);
        Assert.Contains("results[0].figure", Assert.IsType<ValidationError>(rows.Error).Fields.Keys);
        Assert.False(await db.GoodPractices.AnyAsync());
    }

    [Fact]
    public async Task Only_own_or_shared_agreements_can_be_linked()
    {
        var own = await _s.KsddInImplementationAsync();
        var garut = await _s.RegisterAsync(Scenario.Ksdd("Kerja sama Garut–Kabupaten Bandung") with
        {
            Parties = [new PartyInput { RegionCode = Actors.KabBandung, DocumentNumber = "1", SignatoryName = "A", SignatoryOffice = "Bupati Bandung" }],
        }, GarutOfficer);
        await using var db = _db.NewDb();
        var refused = await GoodPracticeUseCases.CreateAsync(db, Actors.Officer, Input([own, garut]), _clock);
        Assert.Contains("agreementIds", Assert.IsType<ValidationError>(refused.Error).Fields.Keys);
        var ok = await GoodPracticeUseCases.CreateAsync(db, Actors.Officer, Input([own]), _clock);
        Assert.Equal([own], ok.Value!.Agreements.Select(a => a.Id));
    }

    [Fact]
    public async Task Replicate_opens_a_draft_usulan_in_the_replicating_region_with_the_credit_and_counts_it()
    {
        var id = await CreateAsync(publish: true);
        await using var db = _db.NewDb();
        var r = await GoodPracticeUseCases.ReplicateAsync(db, GarutOfficer, id, new ReplicateInput(_garutAgency), _clock);
        Assert.True(r.Ok, r.Error?.ToString());
        var p = await db.Proposals.Include(x => x.History).AsNoTracking().SingleAsync(x => x.Id == r.Value!.ProposalId);
        Assert.Equal("32.05", p.RegionCode);
        Assert.Equal(ProposalStatus.Draft, p.Status);
        Assert.Equal("2.11", p.AffairCode);
        Assert.Equal(id, p.SourcePracticeId);
        Assert.Equal("Kabupaten Bandung", p.PartnerName);
        Assert.StartsWith("Direplikasi dari praktik baik Pengelolaan sampah regional melalui TPPAS bersama (Kota Cimahi)", p.Background);
        Assert.Contains(p.History, h => h.Action == "replicate" && h.Note!.StartsWith("Direplikasi dari praktik baik"));
        Assert.Equal(1, (await db.GoodPractices.AsNoTracking().SingleAsync()).ReplicationCount);
        // The public sees the counter.
        Assert.Equal(1, (await PublicCatalogue.PracticeAsync(db, id)).Value!.ReplicationCount);
    }

    [Fact]
    public async Task Cannot_replicate_own_regions_or_an_unpublished_practice()
    {
        var draft = await CreateAsync(publish: false);
        var published = await CreateAsync(publish: true);
        await using var db = _db.NewDb();
        // Own region's practice: refused (409), whoever of the region tries.
        Assert.IsType<ConflictError>((await GoodPracticeUseCases.ReplicateAsync(db, Actors.Officer, published, new ReplicateInput(null), _clock)).Error);
        // Another region's draft is not even visible.
        Assert.IsType<NotFoundError>((await GoodPracticeUseCases.ReplicateAsync(db, GarutOfficer, draft, new ReplicateInput(_garutAgency), _clock)).Error);
        // A withdrawn practice can no longer be replicated.
        Assert.True((await GoodPracticeUseCases.PublishAsync(db, Actors.Officer, published, false, _clock)).Ok);
        Assert.IsType<NotFoundError>((await GoodPracticeUseCases.ReplicateAsync(db, GarutOfficer, published, new ReplicateInput(_garutAgency), _clock)).Error);
        Assert.False(await db.Proposals.AnyAsync());
        Assert.All(await db.GoodPractices.AsNoTracking().ToListAsync(), p => Assert.Equal(0, p.ReplicationCount));
    }

    [Fact]
    public async Task Unpublished_practices_are_never_listed_publicly()
    {
        var draft = await CreateAsync(publish: false);
        var published = await CreateAsync(publish: true);
        await using var db = _db.NewDb();
        Assert.Equal([published], (await PublicCatalogue.PracticesAsync(db, null, null)).Value!.Select(r => r.Id));
        Assert.IsType<NotFoundError>((await PublicCatalogue.PracticeAsync(db, draft)).Error);
        Assert.True((await GoodPracticeUseCases.PublishAsync(db, Actors.Officer, published, false, _clock)).Ok);
        Assert.Empty((await PublicCatalogue.PracticesAsync(db, null, null)).Value!);
        Assert.IsType<NotFoundError>((await PublicCatalogue.PracticeAsync(db, published)).Error);
    }

    [Fact]
    public async Task A_linked_agreement_shows_publicly_only_when_it_is_published_itself()
    {
        var agreement = await _s.KsddInImplementationAsync();
        var id = await CreateAsync(publish: true, [agreement]);
        await using (var db = _db.NewDb())
            Assert.Empty((await PublicCatalogue.PracticeAsync(db, id)).Value!.Agreements);
        await using (var db = _db.NewDb())
            Assert.True((await PublishAgreement.PublishAsync(db, Actors.Officer, agreement, new PublicationInput([], []), _clock)).Ok);
        await using (var db = _db.NewDb())
        {
            var link = Assert.Single((await PublicCatalogue.PracticeAsync(db, id)).Value!.Agreements);
            Assert.Equal($"/kerja-sama/{agreement}", link.Path);
        }
    }

    [Fact]
    public async Task Only_accepted_mapping_items_are_published_and_listed_by_their_regions_officer()
    {
        Guid accepted, draft;
        await using (var db = _db.NewDb())
        {
            var agency = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup Kota Cimahi", ShortName = "DLH" };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            var a = await MappingItems.CreateAsync(db, Actors.Officer, new MappingItemInput { Kind = MappingKind.Potential, Title = "Bank sampah terpadu", AffairCode = "2.11", AgencyId = agency.Id }, _clock);
            var d = await MappingItems.CreateAsync(db, Actors.Officer, new MappingItemInput { Kind = MappingKind.Need, Title = "Armada pengangkut sampah", AffairCode = "2.11", AgencyId = agency.Id }, _clock);
            Assert.True(a.Ok, a.Error?.ToString());
            accepted = a.Value!.Id;
            draft = d.Value!.Id;
            Assert.True((await MappingItems.SubmitAsync(db, Actors.Officer, accepted, _clock)).Ok);
            Assert.True((await MappingItems.AcceptAsync(db, Actors.Officer, accepted, _clock)).Ok);
        }
        await using (var db = _db.NewDb())
        {
            Assert.IsType<ConflictError>((await MappingPublication.SetAsync(db, Actors.Officer, draft, true, _clock)).Error);
            Assert.IsType<ForbiddenError>((await MappingPublication.SetAsync(db, Actors.Leader, accepted, true, _clock)).Error);
            // Garut's officer sees Cimahi's accepted potential but does not publish it.
            Assert.IsType<ForbiddenError>((await MappingPublication.SetAsync(db, GarutOfficer, accepted, true, _clock)).Error);
            Assert.Empty((await PublicCatalogue.PotentialsAsync(db, null, null, null)).Value!);
            Assert.True((await MappingPublication.SetAsync(db, Actors.Officer, accepted, true, _clock)).Value!.Published);
        }
        await using (var db = _db.NewDb())
        {
            var row = Assert.Single((await PublicCatalogue.PotentialsAsync(db, "potensi", "2.11", Actors.Cimahi)).Value!);
            Assert.Equal("Bank sampah terpadu", row.Title);
            Assert.Empty((await PublicCatalogue.PotentialsAsync(db, "kebutuhan", null, null)).Value!);
            Assert.IsType<ValidationError>((await PublicCatalogue.PotentialsAsync(db, "lainnya", null, null)).Error);
        }
    }

    [Fact]
    public void Figures_are_formatted_the_Indonesian_way()
    {
        Assert.Equal("1.250", PublicCatalogue.Figure(1250m));
        Assert.Equal("12,5", PublicCatalogue.Figure(12.5m));
    }
}
