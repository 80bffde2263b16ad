using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Identity;
using Jalin.Core.Publication;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Publication;

/// <summary>Publication control (issue #12 item 2): the portal sees an agreement only after its region's Bagian Kerja Sama
/// publishes it, and then only the fields and papers the public may read.</summary>
public sealed class PublicationTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 4, 15));
    private TestDb _db = null!;
    private Scenario _s = null!;
    private Guid _id;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
        _id = await _s.KsddInImplementationAsync();
        await using var db = _db.NewDb();
        var a = await db.Agreements.SingleAsync(x => x.Id == _id);
        a.Object = "Pengelolaan sampah regional di TPPAS Legok Nangka";
        a.Scope = "Pengangkutan dan pengolahan sampah rumah tangga";
        a.Value = 250_000_000m;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<List<AgreementDocument>> DocsAsync()
    {
        await using var db = _db.NewDb();
        return await db.AgreementDocuments.AsNoTracking().Where(d => d.AgreementId == _id).ToListAsync();
    }

    [Fact]
    public async Task Nothing_is_public_until_the_officer_publishes()
    {
        await using var db = _db.NewDb();
        Assert.False(await PublicAgreements.Published(db).AnyAsync());
        var get = await PublicAgreements.GetAsync(db, _id);
        Assert.IsType<NotFoundError>(get.Error);
        var page = await PublicAgreements.SearchAsync(db, new PublicFilter());
        Assert.Equal(0, page.Value!.TotalCount);
    }

    [Fact]
    public async Task Published_view_hides_confidential_fields_and_internal_papers()
    {
        var docs = await DocsAsync();
        var pks = docs.Single(d => d.Kind == DocumentKind.PerjanjianKerjaSama);
        await using (var db = _db.NewDb())
        {
            var r = await PublishAgreement.PublishAsync(db, Actors.Officer, _id, new PublicationInput(["value"], [pks.Id]), _clock);
            Assert.True(r.Ok, r.Error?.ToString());
            Assert.True(r.Value!.Published);
            Assert.Equal(["value"], r.Value.ConfidentialFields);
        }
        await using (var db = _db.NewDb())
        {
            var view = (await PublicAgreements.GetAsync(db, _id)).Value!;
            Assert.Null(view.Value);
            Assert.Equal(["Nilai kerja sama"], view.ConfidentialLabels);
            Assert.Equal("Pengangkutan dan pengolahan sampah rumah tangga", view.Scope);
            Assert.Equal([pks.Id], view.Documents.Select(d => d.Id));
            Assert.Equal("berjalan", view.Status);
            // The timeline carries stages and dates only: no history notes, no officers' names.
            Assert.NotEmpty(view.Timeline);
            Assert.DoesNotContain(view.Timeline, t => t.Label.Contains("Petugas", StringComparison.Ordinal) || t.Label.Contains("portal", StringComparison.Ordinal));
            var row = Assert.Single((await PublicAgreements.SearchAsync(db, new PublicFilter())).Value!.Items);
            Assert.Null(row.Value);
            Assert.Equal(["Kabupaten Bandung"], row.Partners);
            // Sorting by value treats a confidential value as absent: it does not leak through the order either.
            Assert.Single((await PublicAgreements.SearchAsync(db, new PublicFilter { Sort = "nilai" })).Value!.Items);
        }
    }

    [Fact]
    public async Task Internal_papers_cannot_be_chosen_PP_28_2018_Pasal_9_DPRD_letters_and_the_TKKSD_kajian_stay_internal()
    {
        var docs = await DocsAsync();
        var dprd = docs.First(d => d.Kind == DocumentKind.DprdDecision);
        await using var db = _db.NewDb();
        var r = await PublishAgreement.PublishAsync(db, Actors.Officer, _id, new PublicationInput([], [dprd.Id]), _clock);
        var error = Assert.IsType<ValidationError>(r.Error);
        Assert.Contains("dokumen internal", error.Message + string.Join(" ", error.Fields.SelectMany(f => f.Value)), StringComparison.Ordinal);
        Assert.False(await db.Agreements.Where(a => a.Id == _id).Select(a => a.PublishedAt != null).SingleAsync());
        Assert.False(PublicDocuments.CanBePublic(DocumentKind.Assessment));
        Assert.False(PublicDocuments.CanBePublic(DocumentKind.DprdRequest));
        Assert.True(PublicDocuments.CanBePublic(DocumentKind.PerjanjianKerjaSama));
    }

    [Fact]
    public async Task Only_the_owning_regions_officer_publishes_and_only_signed_agreements()
    {
        await using (var db = _db.NewDb())
        {
            Assert.IsType<ForbiddenError>((await PublishAgreement.PublishAsync(db, Actors.PartyOfficer, _id, new PublicationInput([], []), _clock)).Error);
            Assert.IsType<ForbiddenError>((await PublishAgreement.PublishAsync(db, Actors.Leader, _id, new PublicationInput([], []), _clock)).Error);
            Assert.IsType<NotFoundError>((await PublishAgreement.PublishAsync(db, Actors.Stranger, _id, new PublicationInput([], []), _clock)).Error);
            Assert.IsType<ValidationError>((await PublishAgreement.PublishAsync(db, Actors.Officer, _id, new PublicationInput(["gaji"], []), _clock)).Error);
        }
        var draft = await _s.RegisterAsync(Scenario.Ksdd("Pelatihan aparatur Cimahi–Kabupaten Bandung"));
        await using (var db = _db.NewDb())
        {
            var r = await PublishAgreement.PublishAsync(db, Actors.Officer, draft, new PublicationInput([], []), _clock);
            Assert.Equal(PublishAgreement.NotSignedText, Assert.IsType<ConflictError>(r.Error).Message);
            Assert.False(await PublicAgreements.Published(db).AnyAsync());
        }
    }

    [Fact]
    public async Task Withdrawing_removes_it_and_its_documents_from_the_portal()
    {
        var pks = (await DocsAsync()).Single(d => d.Kind == DocumentKind.PerjanjianKerjaSama);
        await using (var db = _db.NewDb())
            Assert.True((await PublishAgreement.PublishAsync(db, Actors.Officer, _id, new PublicationInput([], [pks.Id]), _clock)).Ok);
        await using (var db = _db.NewDb())
        {
            Assert.True((await PublicAgreements.GetAsync(db, _id)).Ok);
            var r = await PublishAgreement.UnpublishAsync(db, Actors.Officer, _id, _clock);
            Assert.False(r.Value!.Published);
        }
        await using (var db = _db.NewDb())
        {
            Assert.IsType<NotFoundError>((await PublicAgreements.GetAsync(db, _id)).Error);
            Assert.False(await db.AgreementDocuments.AnyAsync(d => d.AgreementId == _id && d.IsPublic));
            var notes = await db.StageChanges.Where(h => h.AgreementId == _id && h.Note != null).Select(h => h.Note!).ToListAsync();
            Assert.Contains(notes, n => n.StartsWith("Dipublikasikan di portal publik", StringComparison.Ordinal));
            Assert.Contains("Ditarik dari portal publik.", notes);
        }
    }

    [Fact]
    public async Task Register_filters_validate_and_filter()
    {
        await using (var db = _db.NewDb())
            Assert.True((await PublishAgreement.PublishAsync(db, Actors.Officer, _id, new PublicationInput([], []), _clock)).Ok);
        await using (var db2 = _db.NewDb())
        {
            Assert.IsType<ValidationError>((await PublicAgreements.SearchAsync(db2, new PublicFilter { Sort = "acak" })).Error);
            Assert.IsType<ValidationError>((await PublicAgreements.SearchAsync(db2, new PublicFilter { Status = "draf" })).Error);
            Assert.IsType<ValidationError>((await PublicAgreements.SearchAsync(db2, new PublicFilter { Page = 0 })).Error);
            Assert.Equal(1, (await PublicAgreements.SearchAsync(db2, new PublicFilter { RegionCode = Actors.KabBandung })).Value!.TotalCount);
            Assert.Equal(0, (await PublicAgreements.SearchAsync(db2, new PublicFilter { RegionCode = "32.05" })).Value!.TotalCount);
            Assert.Equal(1, (await PublicAgreements.SearchAsync(db2, new PublicFilter { Status = "berjalan", Year = 2026 })).Value!.TotalCount);
            Assert.Equal(0, (await PublicAgreements.SearchAsync(db2, new PublicFilter { Status = "berakhir" })).Value!.TotalCount);
            Assert.Equal(1, (await PublicAgreements.SearchAsync(db2, new PublicFilter { PartnerKind = Jalin.Core.Partners.PartnerKind.Region })).Value!.TotalCount);
            Assert.Equal(0, (await PublicAgreements.SearchAsync(db2, new PublicFilter { PartnerKind = Jalin.Core.Partners.PartnerKind.University })).Value!.TotalCount);
        }
    }
}
