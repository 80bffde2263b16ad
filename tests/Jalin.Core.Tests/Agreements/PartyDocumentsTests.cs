using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Tests.Files;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Agreements;

/// <summary>Issue #9 item 3: a party region (Kabupaten Bandung on Cimahi's KSDD) attaches its own papers, shared
/// with every party or internal to itself; the owner never reads the party's internal ones, and the party's papers
/// never meet the owner's prerequisites.</summary>
public sealed class PartyDocumentsTests : IAsyncLifetime
{
    private static readonly CurrentActor PartyTkksd = new("tkksd-kabbdg", "tkksd.kabbdg", "TKKSD Kab. Bandung", Role.TeamMember, Actors.KabBandung);
    private static readonly CurrentActor PartyDprd = new("dprd-kabbdg", "dprd.kabbdg", "Setwan Kab. Bandung", Role.DprdViewer, Actors.KabBandung);
    private static readonly CurrentActor PartyLeader = new("leader-kabbdg", "bupati.kabbdg", "Bupati Bandung", Role.Leader, Actors.KabBandung);
    private static readonly CurrentActor PartyOpdOfAnotherAgency = new("opd-kabbdg", "opd.kabbdg", "Dinas lain Kab. Bandung", Role.AgencyUser, Actors.KabBandung, AgencyId: Guid.NewGuid());
    private static readonly CurrentActor Province = new("pembina-jabar", "pembina.jabar", "Pembina Jabar", Role.SupervisorProvince, "32");

    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private readonly string _files = Path.Combine(Path.GetTempPath(), "jalin-core-tests", "files-" + Guid.NewGuid().ToString("N"));
    private TestDb _db = null!;
    private Scenario _s = null!;
    private FileStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
        _store = new FileStore(new FileStoreOptions { Root = _files, MaxBytes = 1024 * 1024 });
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_files, recursive: true); } catch (IOException) { }
    }

    private async Task<Result<DocumentView>> AttachAsync(Guid id, CurrentActor actor, DocumentKind kind, DocumentVisibility visibility, string? title = null)
    {
        await using var db = _db.NewDb();
        return await AttachDocument.HandleAsync(db, _store, actor, id, new AttachDocumentRequest { Kind = kind, Visibility = visibility, Title = title, Content = FileTests.Pdf, FileName = "kajian.pdf" }, _clock);
    }

    private async Task<IReadOnlyList<DocumentView>> ListAsync(Guid id, CurrentActor actor)
    {
        await using var db = _db.NewDb();
        var details = await GetAgreement.HandleAsync(db, actor, id);
        Assert.True(details.Ok, details.Error?.Message);
        return details.Value!.Documents;
    }

    private async Task<Error?> DownloadErrorAsync(Guid id, Guid doc, CurrentActor actor)
    {
        await using var db = _db.NewDb();
        var file = await DownloadDocument.HandleAsync(db, _store, actor, id, doc);
        if (file.Ok) await file.Value!.Content.DisposeAsync();
        return file.Error;
    }

    [Fact]
    public async Task A_party_regions_internal_document_is_read_only_inside_that_region_not_by_the_owner_nor_the_supervisors()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        var attached = await AttachAsync(id, Actors.PartyOfficer, DocumentKind.Assessment, DocumentVisibility.Internal, "Kajian TKKSD Kabupaten Bandung");
        Assert.True(attached.Ok, attached.Error?.Message);
        var doc = attached.Value!;
        Assert.Equal(DocumentVisibility.Internal, doc.Visibility);
        Assert.Equal(Actors.KabBandung, doc.UploaderRegionCode);
        Assert.True(doc.IsPartyDocument);

        var seen = Assert.Single(await ListAsync(id, Actors.PartyOfficer));
        Assert.Equal("Kabupaten Bandung", seen.UploaderRegionName);
        Assert.Null(await DownloadErrorAsync(id, doc.Id, Actors.PartyOfficer));
        Assert.Null(await DownloadErrorAsync(id, doc.Id, PartyTkksd));

        // the owning region, the province and the nation read the shared record only
        Assert.Empty(await ListAsync(id, Actors.Officer));
        Assert.Empty(await ListAsync(id, Actors.Leader));
        Assert.IsType<NotFoundError>(await DownloadErrorAsync(id, doc.Id, Actors.Officer));
        Assert.IsType<NotFoundError>(await DownloadErrorAsync(id, doc.Id, Actors.Leader));
        Assert.IsType<NotFoundError>(await DownloadErrorAsync(id, doc.Id, Province));
        Assert.Empty(await ListAsync(id, Province));
        // the party's DPRD secretariat reads its DPRD's letters, not the region's kajian
        Assert.IsType<NotFoundError>(await DownloadErrorAsync(id, doc.Id, PartyDprd));
        Assert.Null(await DownloadErrorAsync(id, doc.Id, CurrentActor.System));

        // its audit row is in Kabupaten Bandung's trail, so Cimahi's Inspektorat never reads its title
        await using var db = _db.NewDb();
        var audit = await db.AuditEntries.Where(e => e.EntityId == doc.Id.ToString()).Select(e => e.RegionCode).ToListAsync();
        Assert.Equal(Actors.KabBandung, Assert.Single(audit));
    }

    [Fact]
    public async Task A_party_regions_shared_document_is_read_by_every_party_with_its_region_named()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        var doc = (await AttachAsync(id, Actors.PartyOfficer, DocumentKind.OfferAnswer, DocumentVisibility.Shared, "Surat jawaban Kabupaten Bandung")).Value!;
        var seen = Assert.Single(await ListAsync(id, Actors.Officer));
        Assert.Equal(doc.Id, seen.Id);
        Assert.Equal("Kabupaten Bandung", seen.UploaderRegionName);
        Assert.Null(await DownloadErrorAsync(id, doc.Id, Actors.Officer));
        Assert.Null(await DownloadErrorAsync(id, doc.Id, Province));
        Assert.IsType<NotFoundError>(await DownloadErrorAsync(id, doc.Id, Actors.Stranger));

        // the owner's internal papers stay the owner's: the party does not read them
        var own = (await AttachAsync(id, Actors.Officer, DocumentKind.TermsOfReference, DocumentVisibility.Internal)).Value!;
        Assert.False(own.IsPartyDocument);
        Assert.DoesNotContain(await ListAsync(id, Actors.PartyOfficer), d => d.Id == own.Id);
        Assert.IsType<NotFoundError>(await DownloadErrorAsync(id, own.Id, Actors.PartyOfficer));
    }

    [Fact]
    public async Task A_party_region_attaches_only_its_own_sides_kinds_by_role()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        // the offer letter is the owner's step; the party answers it
        Assert.IsType<ForbiddenError>((await AttachAsync(id, Actors.PartyOfficer, DocumentKind.OfferLetter, DocumentVisibility.Shared)).Error);
        Assert.True((await AttachAsync(id, Actors.PartyOfficer, DocumentKind.DprdDecision, DocumentVisibility.Internal)).Ok);
        Assert.True((await AttachAsync(id, PartyTkksd, DocumentKind.Assessment, DocumentVisibility.Internal)).Ok);
        Assert.IsType<ForbiddenError>((await AttachAsync(id, PartyTkksd, DocumentKind.TermsOfReference, DocumentVisibility.Internal)).Error);
        Assert.True((await AttachAsync(id, PartyDprd, DocumentKind.DprdDecision, DocumentVisibility.Internal)).Ok);
        Assert.IsType<ForbiddenError>((await AttachAsync(id, PartyDprd, DocumentKind.Assessment, DocumentVisibility.Internal)).Error);
        Assert.IsType<ForbiddenError>((await AttachAsync(id, PartyLeader, DocumentKind.Other, DocumentVisibility.Internal)).Error);
        // an OPD that does not lead the agreement on Kabupaten Bandung's side does not even see it
        Assert.IsType<NotFoundError>((await AttachAsync(id, PartyOpdOfAnotherAgency, DocumentKind.TermsOfReference, DocumentVisibility.Internal)).Error);
        Assert.IsType<ForbiddenError>((await AttachAsync(id, Province, DocumentKind.Other, DocumentVisibility.Shared)).Error);

        // the party's DPRD secretariat reads its DPRD's decision, internal to the party region
        var decisions = (await ListAsync(id, PartyDprd)).Where(d => d.Kind == DocumentKind.DprdDecision).ToList();
        Assert.Equal(2, decisions.Count);
        Assert.All(decisions, d => Assert.Equal(Actors.KabBandung, d.UploaderRegionCode));
        Assert.DoesNotContain(await ListAsync(id, Actors.Dprd), d => d.Kind == DocumentKind.DprdDecision);
    }

    /// <summary>The preparation asks for the owning region's KAK and its team's kajian (regional practice: the law is
    /// silent on both, see the lifecycle table's basis); a party's own kajian, internal or shared, is the party's paper
    /// and does not complete the owner's preparation.</summary>
    [Fact]
    public async Task A_party_regions_kajian_does_not_satisfy_the_owners_kajian_prerequisite()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        Assert.True((await AttachAsync(id, Actors.Officer, DocumentKind.TermsOfReference, DocumentVisibility.Internal)).Ok);
        Assert.True((await AttachAsync(id, Actors.PartyOfficer, DocumentKind.Assessment, DocumentVisibility.Internal)).Ok);
        Assert.True((await AttachAsync(id, PartyTkksd, DocumentKind.Assessment, DocumentVisibility.Shared)).Ok);
        var refused = Assert.IsType<LifecycleRefused>((await _s.ApplyAsync(id, "complete-preparation")).Error);
        Assert.Equal($"doc:{DocumentKind.Assessment}", Assert.Single(refused.Reasons).Prerequisite);

        Assert.True((await AttachAsync(id, Actors.Officer, DocumentKind.Assessment, DocumentVisibility.Internal)).Ok);
        Assert.Equal(Stage.Offer, (await _s.MustApplyAsync(id, "complete-preparation")).To);
    }
}
