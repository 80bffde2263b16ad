using System.Text;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Files;
using Jalin.Core.Lifecycle;
using Jalin.Core.Tests.Files;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Agreements;

/// <summary>Attaching files through the use case: content sniffing, signed scans, and the lifecycle reading them.</summary>
public sealed class AttachDocumentTests : IAsyncLifetime
{
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

    private async Task<Result<DocumentView>> AttachAsync(Guid id, AttachDocumentRequest request, Jalin.Core.Identity.CurrentActor? actor = null)
    {
        await using var db = _db.NewDb();
        return await AttachDocument.HandleAsync(db, _store, actor ?? Actors.Officer, id, request, _clock);
    }

    private async Task<int> DocumentCountAsync(Guid id)
    {
        await using var db = _db.NewDb();
        return await db.AgreementDocuments.CountAsync(d => d.AgreementId == id);
    }

    [Fact]
    public async Task A_renamed_text_file_is_refused_and_nothing_is_written()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        var result = await AttachAsync(id, new AttachDocumentRequest
        {
            Kind = DocumentKind.TermsOfReference, Content = Encoding.UTF8.GetBytes("KAK: ini sebenarnya berkas teks"), FileName = "kak.pdf",
        });
        Assert.Contains("file", Assert.IsType<ValidationError>(result.Error).Fields.Keys);
        Assert.Equal(0, await DocumentCountAsync(id));
        Assert.False(Directory.Exists(_files) && Directory.EnumerateFiles(_files, "*", SearchOption.AllDirectories).Any());

        Assert.IsType<TooLargeError>((await AttachAsync(id, new AttachDocumentRequest { Kind = DocumentKind.TermsOfReference, Content = [.. FileTests.Pdf, .. new byte[1024 * 1024]] })).Error);
        Assert.Contains("file", Assert.IsType<ValidationError>((await AttachAsync(id, new AttachDocumentRequest { Kind = DocumentKind.TermsOfReference, Content = [] })).Error).Fields.Keys);
    }

    [Fact]
    public async Task Signed_documents_need_their_scan_a_past_date_and_addenda_their_parent()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        Assert.Contains("file", Assert.IsType<ValidationError>((await AttachAsync(id, new AttachDocumentRequest { Kind = DocumentKind.KesepakatanBersama, SignedOn = new DateOnly(2026, 11, 20) })).Error).Fields.Keys);
        Assert.Contains("signedOn", Assert.IsType<ValidationError>((await AttachAsync(id, new AttachDocumentRequest { Kind = DocumentKind.KesepakatanBersama, SignedOn = new DateOnly(2026, 11, 25), Content = FileTests.Pdf })).Error).Fields.Keys);
        Assert.Contains("parentDocumentId", Assert.IsType<ValidationError>((await AttachAsync(id, new AttachDocumentRequest { Kind = DocumentKind.Addendum, Content = FileTests.Pdf })).Error).Fields.Keys);
        Assert.Contains("parentDocumentId", Assert.IsType<ValidationError>((await AttachAsync(id, new AttachDocumentRequest { Kind = DocumentKind.Addendum, Content = FileTests.Pdf, ParentDocumentId = Guid.NewGuid() })).Error).Fields.Keys);
        Assert.Equal(0, await DocumentCountAsync(id));

        var kb = await AttachAsync(id, new AttachDocumentRequest { Kind = DocumentKind.KesepakatanBersama, SignedOn = new DateOnly(2026, 11, 20), Content = FileTests.Pdf, FileName = "../../KB final?.pdf" });
        Assert.True(kb.Ok, kb.Error?.Message);
        Assert.Equal("KB final_.pdf", kb.Value!.FileName);
        Assert.Equal("application/pdf", kb.Value.ContentType);
        Assert.Equal(64, kb.Value.Sha256!.Length);
        var stored = (await _s.LoadAsync(id)).Documents.Single();
        Assert.True(stored.IsSigned);
    }

    [Fact]
    public async Task Attached_files_satisfy_the_lifecycle_and_roles_are_limited_to_their_kinds()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        // the DPRD secretariat may attach only the DPRD decision
        Assert.IsType<ForbiddenError>((await AttachAsync(id, new AttachDocumentRequest { Kind = DocumentKind.TermsOfReference, Content = FileTests.Pdf }, Actors.Dprd)).Error);
        Assert.True((await AttachAsync(id, new AttachDocumentRequest { Kind = DocumentKind.TermsOfReference, Content = FileTests.Png })).Ok);
        await AssertStillMissingAsync(id, $"doc:{DocumentKind.Assessment}");
        Assert.True((await AttachAsync(id, new AttachDocumentRequest { Kind = DocumentKind.Assessment, Content = FileTests.Jpeg })).Ok);
        Assert.Equal(Stage.Offer, (await _s.MustApplyAsync(id, "complete-preparation")).To);
    }

    private async Task AssertStillMissingAsync(Guid id, string code)
    {
        var refused = Assert.IsType<LifecycleRefused>((await _s.ApplyAsync(id, "complete-preparation")).Error);
        Assert.Equal(code, Assert.Single(refused.Reasons).Prerequisite);
    }

    [Fact]
    public async Task Internal_documents_are_not_downloadable_by_the_other_party()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        var doc = (await AttachAsync(id, new AttachDocumentRequest { Kind = DocumentKind.Assessment, Content = FileTests.Pdf, Visibility = DocumentVisibility.Internal })).Value!;
        var shared = (await AttachAsync(id, new AttachDocumentRequest { Kind = DocumentKind.OfferLetter, Content = FileTests.Jpeg, Visibility = DocumentVisibility.Shared })).Value!;
        await using var db = _db.NewDb();
        var own = await DownloadDocument.HandleAsync(db, _store, Actors.Officer, id, doc.Id);
        Assert.True(own.Ok);
        await own.Value!.Content.DisposeAsync();
        Assert.IsType<NotFoundError>((await DownloadDocument.HandleAsync(db, _store, Actors.PartyOfficer, id, doc.Id)).Error);
        var other = await DownloadDocument.HandleAsync(db, _store, Actors.PartyOfficer, id, shared.Id);
        Assert.True(other.Ok);
        Assert.Equal("image/jpeg", other.Value!.ContentType);
        await other.Value.Content.DisposeAsync();
        Assert.IsType<NotFoundError>((await DownloadDocument.HandleAsync(db, _store, Actors.Stranger, id, shared.Id)).Error);
    }
}
