using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Notifications;
using Jalin.Core.Tests.Files;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Notifications;

/// <summary>Issue #10 item 9: notifications are resolved to users when created, stored once per recipient and
/// event, never sent to the actor, and never to someone who cannot see the subject.</summary>
public sealed class NotifyTests : IAsyncLifetime
{
    private static readonly CurrentActor SecondOfficer = new("officer2-cimahi", "petugas2.cimahi", "Petugas Kedua Cimahi", Role.CooperationOfficer, Actors.Cimahi);
    private static readonly CurrentActor Tkksd = new("tkksd-cimahi", "tkksd.cimahi", "TKKSD Cimahi", Role.TeamMember, Actors.Cimahi);
    private static readonly CurrentActor InactiveParty = new("inactive-kabbdg", "nonaktif.kabbdg", "Petugas Nonaktif", Role.CooperationOfficer, Actors.KabBandung);

    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private readonly string _files = Path.Combine(Path.GetTempPath(), "jalin-core-tests", "files-" + Guid.NewGuid().ToString("N"));
    private TestDb _db = null!;
    private Scenario _s = null!;
    private Guid _agency;
    private CurrentActor _opd = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
        await using var db = _db.NewDb();
        var agency = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup", ShortName = "DLH", HeadTitle = "Kepala Dinas" };
        db.Agencies.Add(agency);
        _agency = agency.Id;
        _opd = new CurrentActor("opd-cimahi", "opd.cimahi", "OPD DLH Cimahi", Role.AgencyUser, Actors.Cimahi, AgencyId: _agency);
        foreach (var a in new[] { Actors.Officer, SecondOfficer, Tkksd, Actors.PartyOfficer, Actors.Stranger, _opd, InactiveParty })
            db.Users.Add(new ApplicationUser
            {
                Id = a.UserId, UserName = a.UserName, NormalizedUserName = a.UserName.ToUpperInvariant(), FullName = a.FullName, Role = a.Role,
                RegionCode = a.RegionCode, AgencyId = a.AgencyId, IsActive = a != InactiveParty,
            });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_files, recursive: true); } catch (IOException) { }
    }

    private async Task<List<Notification>> RowsAsync(CurrentActor who)
    {
        await using var db = _db.NewDb();
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == who.UserId).ToListAsync();
    }

    private async Task<Guid> KsddLedByDlhAsync() => await _s.RegisterAsync(Scenario.Ksdd() with { LeadAgencyId = _agency });

    private static NotificationMessage Message(Guid agreement, string key = "k1") =>
        new(NotificationKind.Reminder, "Pengingat uji", "Isi", AgreementNotifications.Link(agreement), NotificationSubjects.Agreement, agreement.ToString(), key);

    [Fact]
    public async Task Sending_the_offer_tells_the_other_region_an_offer_came_in_and_the_owner_side_the_move_never_the_actor()
    {
        // PP 28/2018 Pasal 6 ayat (1) huruf a–b: the offer goes from the owning region to the other party.
        var id = await KsddLedByDlhAsync();
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        await _s.AddDocAsync(id, DocumentKind.Assessment);
        await _s.MustApplyAsync(id, ActionCode.CompletePreparation);

        var party = Assert.Single(await RowsAsync(Actors.PartyOfficer));
        Assert.Equal(NotificationKind.OfferReceived, party.Kind);
        Assert.Equal("Penawaran kerja sama masuk dari Kota Cimahi", party.Title);
        Assert.Equal($"/app/kerja-sama/{id}", party.Link);
        Assert.Null(party.ReadAt);

        var colleague = Assert.Single(await RowsAsync(SecondOfficer));
        Assert.Equal(NotificationKind.StageMoved, colleague.Kind);
        Assert.Contains(Stage.Offer.Label(), colleague.Title);
        Assert.Single(await RowsAsync(_opd));                     // the lead OPD's user
        Assert.Empty(await RowsAsync(Actors.Officer));            // the actor
        Assert.Empty(await RowsAsync(Tkksd));                     // not a recipient rule of a move
        Assert.Empty(await RowsAsync(Actors.Stranger));           // Garut is no party
        Assert.Empty(await RowsAsync(InactiveParty));             // deactivated accounts get nothing
    }

    [Fact]
    public async Task An_internal_note_stays_inside_the_owning_region()
    {
        var id = await KsddLedByDlhAsync();
        await _s.MustApplyAsync(id, ActionCode.AddNote, request: new ActionRequest { Note = "Catatan internal anggaran", Internal = true });
        Assert.Single(await RowsAsync(SecondOfficer));
        Assert.Empty(await RowsAsync(Actors.PartyOfficer));

        await _s.MustApplyAsync(id, ActionCode.AddNote, request: new ActionRequest { Note = "Catatan bersama untuk para pihak" });
        var shared = Assert.Single(await RowsAsync(Actors.PartyOfficer));
        Assert.Equal(NotificationKind.NoteAdded, shared.Kind);
        Assert.Contains("Catatan bersama untuk para pihak", shared.Body);
    }

    [Fact]
    public async Task Recipient_rules_resolve_to_the_active_users_they_name()
    {
        var id = await KsddLedByDlhAsync();
        await using var db = _db.NewDb();
        Assert.Equal(2, (await Notify.ToRole(db, CurrentActor.System, Message(id, "role"), Actors.Cimahi, Role.CooperationOfficer, _clock)).Value);
        Assert.Equal(1, (await Notify.ToAgency(db, CurrentActor.System, Message(id, "agency"), _agency, _clock)).Value);
        Assert.Equal(1, (await Notify.ToUsers(db, CurrentActor.System, Message(id, "users"), [Tkksd.UserId], _clock)).Value);
        // the inactive party officer is named by the rule but not resolved
        Assert.Equal(1, (await Notify.ToRole(db, CurrentActor.System, Message(id, "party"), Actors.KabBandung, Role.CooperationOfficer, _clock)).Value);
        var combined = Recipients.RoleIn(Actors.Cimahi, Role.CooperationOfficer).And(Recipients.Users(Tkksd.UserId, Actors.Officer.UserId));
        Assert.Equal(3, (await Notify.SendAsync(db, CurrentActor.System, Message(id, "combined"), combined, _clock)).Value);
        Assert.Equal(["agency"], (await RowsAsync(_opd)).Select(n => n.DedupeKey));
    }

    [Fact]
    public async Task A_retried_send_creates_nothing_twice()
    {
        var id = await KsddLedByDlhAsync();
        await using (var db = _db.NewDb())
            Assert.Equal(2, (await Notify.ToRole(db, Actors.Stranger, Message(id), Actors.Cimahi, Role.CooperationOfficer, _clock)).Value);
        await using (var db = _db.NewDb())
            Assert.Equal(0, (await Notify.ToRole(db, Actors.Stranger, Message(id), Actors.Cimahi, Role.CooperationOfficer, _clock)).Value);
        Assert.Single(await RowsAsync(SecondOfficer));
        // another event (dedupe key) on the same subject is a new notification
        await using (var db = _db.NewDb())
            Assert.Equal(2, (await Notify.ToRole(db, Actors.Stranger, Message(id, "k2"), Actors.Cimahi, Role.CooperationOfficer, _clock)).Value);
    }

    [Fact]
    public async Task The_actor_is_never_told_of_their_own_action()
    {
        var id = await KsddLedByDlhAsync();
        await using var db = _db.NewDb();
        Assert.Equal(1, (await Notify.ToRole(db, Actors.Officer, Message(id), Actors.Cimahi, Role.CooperationOfficer, _clock)).Value);
        Assert.Empty(await RowsAsync(Actors.Officer));
    }

    [Fact]
    public async Task A_recipient_who_cannot_see_the_agreement_never_gets_a_row_for_it()
    {
        var id = await KsddLedByDlhAsync();
        await using var db = _db.NewDb();
        // Garut is not a party of Cimahi–Kabupaten Bandung: the rule names its officer, the boundary drops it.
        Assert.Equal(0, (await Notify.ToRole(db, Actors.Officer, Message(id), "32.05", Role.CooperationOfficer, _clock)).Value);
        Assert.Equal(0, (await Notify.ToUsers(db, Actors.Officer, Message(id, "direct"), [Actors.Stranger.UserId], _clock)).Value);
        Assert.Empty(await RowsAsync(Actors.Stranger));
    }

    [Fact]
    public async Task A_party_regions_document_tells_the_owner_only_when_it_is_shared()
    {
        var id = await KsddLedByDlhAsync();
        var store = new FileStore(new FileStoreOptions { Root = _files, MaxBytes = 1024 * 1024 });
        async Task<DocumentView> Attach(DocumentVisibility v, string title)
        {
            await using var db = _db.NewDb();
            var r = await AttachDocument.HandleAsync(db, store, Actors.PartyOfficer, id,
                new AttachDocumentRequest { Kind = DocumentKind.Assessment, Visibility = v, Title = title, Content = FileTests.Pdf, FileName = "kajian.pdf" }, _clock);
            Assert.True(r.Ok, r.Error?.Message);
            return r.Value!;
        }
        await Attach(DocumentVisibility.Internal, "Kajian internal Kabupaten Bandung");
        Assert.Empty(await RowsAsync(Actors.Officer));
        await Attach(DocumentVisibility.Shared, "Kajian bersama Kabupaten Bandung");
        var row = Assert.Single(await RowsAsync(Actors.Officer));
        Assert.Equal(NotificationKind.DocumentAttached, row.Kind);
        Assert.Equal("Dokumen baru dari Kabupaten Bandung", row.Title);
        Assert.Contains("Kajian bersama", row.Body);
        Assert.Empty(await RowsAsync(Actors.PartyOfficer));
    }

    [Fact]
    public async Task The_inbox_lists_unread_first_and_marks_only_the_callers_own_rows()
    {
        var id = await KsddLedByDlhAsync();
        await using (var db = _db.NewDb())
        {
            await Notify.ToRole(db, CurrentActor.System, Message(id, "a"), Actors.Cimahi, Role.CooperationOfficer, _clock);
            _clock.Now = _clock.Now.AddMinutes(5);
            await Notify.ToRole(db, CurrentActor.System, Message(id, "b"), Actors.Cimahi, Role.CooperationOfficer, _clock);
        }
        var mine = await RowsAsync(Actors.Officer);
        var older = mine.Single(n => n.DedupeKey == "a");
        var others = (await RowsAsync(SecondOfficer)).First();
        await using (var db = _db.NewDb())
        {
            Assert.Equal(2, (await Inbox.UnreadCountAsync(db, Actors.Officer)).Value);
            var refused = await Inbox.MarkReadAsync(db, Actors.Officer, others.Id, _clock);
            Assert.IsType<NotFoundError>(refused.Error);
            Assert.True((await Inbox.MarkReadAsync(db, Actors.Officer, mine.Single(n => n.DedupeKey == "b").Id, _clock)).Ok);
            var page = (await Inbox.ListAsync(db, Actors.Officer, 1, 10)).Value!;
            Assert.Equal(older.Id, page.Items[0].Id);             // unread first, although older
            Assert.Equal(1, (await Inbox.UnreadCountAsync(db, Actors.Officer)).Value);
            Assert.Equal(1, (await Inbox.MarkAllReadAsync(db, Actors.Officer, _clock)).Value);
            Assert.Equal(0, (await Inbox.UnreadCountAsync(db, Actors.Officer)).Value);
        }
        Assert.All(await RowsAsync(SecondOfficer), n => Assert.Null(n.ReadAt));
    }
}
