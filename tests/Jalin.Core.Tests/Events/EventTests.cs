using DocumentFormat.OpenXml.Packaging;
using Calendar = Ical.Net.Calendar;
using EventStatus = Jalin.Core.Events.EventStatus;
using Jalin.Core.Agencies;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Events;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Proposals;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Events;

/// <summary>Coordination events and rapat TKKSD (issue #10 items 4 and 8): the state table (praktik daerah: the law sets no
/// procedure for these meetings), boundaries, follow-ups, the .ics and the berita acara.</summary>
public sealed class EventTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private readonly string _files = Path.Combine(Path.GetTempPath(), "jalin-core-tests", "acara-" + Guid.NewGuid().ToString("N"));
    private TestDb _db = null!;
    private FileStore _store = null!;
    private CurrentActor _opd = null!, _otherOpd = null!;
    private static readonly CurrentActor GarutOfficer = Actors.Stranger;
    private static readonly CurrentActor Tasik = new("officer-tasik", "petugas.tasik", "Petugas Tasikmalaya", Role.CooperationOfficer, "32.06");
    private static readonly CurrentActor Supervisor = new("pembina-jabar", "pembina.jabar", "Pembina Jabar", Role.SupervisorProvince, "32");
    private static readonly CurrentActor Sulsel = new("pembina-sulsel", "pembina.sulsel", "Pembina Sulsel", Role.SupervisorProvince, "73");

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _store = new FileStore(new FileStoreOptions { Root = _files, MaxBytes = 1024 * 1024 });
        await using var db = _db.NewDb();
        var dlh = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup Kota Cimahi", ShortName = "DLH" };
        var dinkes = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Kesehatan Kota Cimahi", ShortName = "Dinkes" };
        db.Agencies.AddRange(dlh, dinkes);
        _opd = new("opd-dlh", "opd.dlh", "Operator DLH", Role.AgencyUser, Actors.Cimahi, dlh.Id);
        _otherOpd = new("opd-dinkes", "opd.dinkes", "Operator Dinkes", Role.AgencyUser, Actors.Cimahi, dinkes.Id);
        foreach (var a in new[] { Actors.Officer, GarutOfficer, Tasik, _opd, _otherOpd, Actors.PartyOfficer })
            db.Users.Add(new ApplicationUser
            {
                Id = a.UserId, UserName = a.UserName, NormalizedUserName = a.UserName.ToUpperInvariant(), FullName = a.FullName, Role = a.Role,
                RegionCode = a.RegionCode, AgencyId = a.AgencyId, IsActive = true, Email = a.UserName + "@contoh.go.id",
            });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_files, recursive: true); } catch (IOException) { }
    }

    private static EventInput Sosialisasi(EventKind kind = EventKind.Sosialisasi, Guid? proposalId = null) => new()
    {
        Kind = kind, Title = "Sosialisasi KSDD wajib dengan daerah berbatasan", Date = new DateOnly(2026, 11, 30), StartTime = "09.00", EndTime = "12.00",
        Place = "Aula Gedung B Pemkot Cimahi", Agenda = "Pembukaan\nPaparan PP 28/2018\nDiskusi", ProposalId = proposalId,
    };

    private async Task<Guid> CreateAsync(EventInput? input = null, CurrentActor? actor = null)
    {
        await using var db = _db.NewDb();
        var r = await CreateEvent.HandleAsync(db, actor ?? Actors.Officer, input ?? Sosialisasi(), _clock);
        Assert.True(r.Ok, r.Error?.ToString());
        return r.Value;
    }

    private async Task<Result<EventMoved>> ActAsync(Guid id, EventAction action, CurrentActor? actor = null, string? reason = null)
    {
        await using var db = _db.NewDb();
        return await ApplyEventAction.HandleAsync(db, actor ?? Actors.Officer, id, action, new EventActionRequest { Reason = reason }, _clock);
    }

    private async Task InviteAsync(Guid id, params InviteeInput[] invitees)
    {
        await using var db = _db.NewDb();
        var r = await InviteToEvent.HandleAsync(db, Actors.Officer, id, new InviteRequest { Invitees = [.. invitees] }, _clock);
        Assert.True(r.Ok, r.Error?.ToString());
    }

    private async Task<CoordinationEvent> LoadAsync(Guid id)
    {
        await using var db = _db.NewDb();
        return await db.Events.AsNoTracking().Include(e => e.Invitees).Include(e => e.FollowUps).SingleAsync(e => e.Id == id);
    }

    private async Task<Guid> HeldAsync(EventInput? input = null)
    {
        var id = await CreateAsync(input);
        await InviteAsync(id, new InviteeInput { Kind = InviteeKind.User, UserId = GarutOfficer.UserId },
            new InviteeInput { Kind = InviteeKind.Guest, Name = "Dr. Rina Wulandari", Institution = "Universitas Padjadjaran", Email = "rina@unpad.ac.id" });
        Assert.True((await ActAsync(id, EventAction.SendInvitations)).Ok);
        _clock.Now = new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero); // 10.00 WIB, after the start
        Assert.True((await ActAsync(id, EventAction.MarkHeld)).Ok);
        return id;
    }

    private async Task<Guid> FinalAsync(EventInput? input = null)
    {
        var id = await HeldAsync(input);
        var e = await LoadAsync(id);
        await using var db = _db.NewDb();
        var att = await RecordAttendance.HandleAsync(db, Actors.Officer, id, new AttendanceRequest
        {
            Items = [.. e.Invitees.Select(i => new AttendanceItem { InviteeId = i.Id, Attendance = i.Kind == InviteeKind.Guest ? Attendance.Present : Attendance.Represented, AttendedBy = i.Kind == InviteeKind.Guest ? null : "Asep Kabid Pemerintahan" })],
        }, _clock);
        Assert.True(att.Ok, att.Error?.ToString());
        var m = await SaveMinutes.HandleAsync(db, Actors.Officer, id, new MinutesRequest { Points = "Paparan kewajiban KSDD\nPotensi sampah lintas batas", Decisions = "Garut menyiapkan draf KB persampahan\nRapat lanjutan Januari 2027" }, _clock);
        Assert.True(m.Ok, m.Error?.ToString());
        var f = await AddFollowUp.HandleAsync(db, Actors.Officer, id, new FollowUpInput { Title = "Kirim draf KB ke Garut", OwnerUserId = GarutOfficer.UserId, DueDate = new DateOnly(2026, 12, 10) }, _clock);
        Assert.True(f.Ok, f.Error?.ToString());
        Assert.True((await ActAsync(id, EventAction.FinalizeMinutes)).Ok);
        return id;
    }

    [Fact]
    public async Task The_table_walks_rencana_undangan_berlangsung_notulen_final_and_refuses_moves_out_of_order()
    {
        var id = await CreateAsync();
        Assert.Equal(EventStatus.Planned, (await LoadAsync(id)).Status);
        // no invitees yet: refused (4xx), status unchanged
        var empty = await ActAsync(id, EventAction.SendInvitations);
        Assert.IsType<ValidationError>(empty.Error);
        Assert.Contains("Belum ada undangan", empty.Error!.Message);
        await InviteAsync(id, new InviteeInput { Kind = InviteeKind.User, UserId = GarutOfficer.UserId });
        Assert.True((await ActAsync(id, EventAction.SendInvitations)).Ok);
        // before the start it cannot be marked held
        var early = await ActAsync(id, EventAction.MarkHeld);
        Assert.Contains("belum dimulai", early.Error!.Message);
        // finalising from Undangan terkirim is out of order
        Assert.IsType<ConflictError>((await ActAsync(id, EventAction.FinalizeMinutes)).Error);
        _clock.Now = new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);
        Assert.True((await ActAsync(id, EventAction.MarkHeld)).Ok);
        // not yet: attendance and minutes missing
        var notYet = await ActAsync(id, EventAction.FinalizeMinutes);
        Assert.Contains("daftar hadir", notYet.Error!.Message);
        Assert.Contains("kesimpulan", notYet.Error!.Message);
        // cancelling a held event is refused
        Assert.IsType<ConflictError>((await ActAsync(id, EventAction.Cancel, reason: "hujan")).Error);
        Assert.Equal(EventStatus.Held, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Cancel_needs_a_reason_and_only_the_organiser_moves_the_event()
    {
        var id = await CreateAsync();
        Assert.IsType<ValidationError>((await ActAsync(id, EventAction.Cancel)).Error);
        // an OPD of the same region that does not organise it and is not invited does not even see it
        Assert.IsType<NotFoundError>((await ActAsync(id, EventAction.Cancel, _otherOpd, "alasan")).Error);
        Assert.IsType<NotFoundError>((await ActAsync(id, EventAction.Cancel, GarutOfficer, "alasan")).Error);
        var r = await ActAsync(id, EventAction.Cancel, reason: "Bertepatan dengan kunjungan kerja Wali Kota");
        Assert.True(r.Ok);
        var e = await LoadAsync(id);
        Assert.Equal(EventStatus.Cancelled, e.Status);
        Assert.Equal("Bertepatan dengan kunjungan kerja Wali Kota", e.CancelReason);
    }

    [Fact]
    public async Task Invited_users_of_another_region_see_that_event_only_and_are_notified_read_only()
    {
        var invited = await CreateAsync();
        var other = await CreateAsync(Sosialisasi() with { Title = "Rapat internal Bagian Kerja Sama Cimahi" });
        await InviteAsync(invited, new InviteeInput { Kind = InviteeKind.Role, RegionCode = "32.05", Role = Role.CooperationOfficer });
        Assert.True((await ActAsync(invited, EventAction.SendInvitations)).Ok);
        await using var db = _db.NewDb();
        var seen = await SearchEvents.HandleAsync(db, GarutOfficer, new EventFilter(), _clock);
        Assert.Equal([invited], seen.Value!.Items.Select(i => i.Id));
        Assert.True(seen.Value.Items[0].Invited);
        Assert.IsType<NotFoundError>((await GetEvent.HandleAsync(db, GarutOfficer, other, _clock)).Error);
        Assert.IsType<NotFoundError>((await GetEvent.HandleAsync(db, Tasik, invited, _clock)).Error);
        var details = (await GetEvent.HandleAsync(db, GarutOfficer, invited, _clock)).Value!;
        Assert.False(details.CanManage);
        Assert.All(details.Actions, a => Assert.False(a.Allowed));
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.RecipientUserId == GarutOfficer.UserId && n.Link == $"/app/acara/{invited}"));
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.RecipientUserId == Tasik.UserId));
        // the province's supervisor reads both, read-only; another province's none
        Assert.Equal(2, (await SearchEvents.HandleAsync(db, Supervisor, new EventFilter(), _clock)).Value!.TotalCount);
        Assert.False((await GetEvent.HandleAsync(db, Supervisor, invited, _clock)).Value!.CanManage);
        Assert.Equal(0, (await SearchEvents.HandleAsync(db, Sulsel, new EventFilter(), _clock)).Value!.TotalCount);
        Assert.IsType<ForbiddenError>((await InviteToEvent.HandleAsync(db, Supervisor, invited, new InviteRequest { Invitees = [new() { Kind = InviteeKind.User, UserId = Tasik.UserId }] }, _clock)).Error);
    }

    [Fact]
    public async Task An_OPD_sees_events_its_agency_organises_or_is_invited_to()
    {
        var own = await CreateAsync(Sosialisasi() with { Title = "Asistensi DLH tentang persampahan" }, _opd);
        var invitedOpd = await CreateAsync();
        await using (var db0 = _db.NewDb())
        {
            var agency = (await db0.Agencies.FirstAsync(a => a.Id == _otherOpd.AgencyId)).Id;
            Assert.True((await InviteToEvent.HandleAsync(db0, Actors.Officer, invitedOpd, new InviteRequest { Invitees = [new() { Kind = InviteeKind.Agency, AgencyId = agency }] }, _clock)).Ok);
        }
        await using var db = _db.NewDb();
        Assert.Equal([own], (await SearchEvents.HandleAsync(db, _opd, new EventFilter(), _clock)).Value!.Items.Select(i => i.Id));
        Assert.Equal([invitedOpd], (await SearchEvents.HandleAsync(db, _otherOpd, new EventFilter(), _clock)).Value!.Items.Select(i => i.Id));
        Assert.True((await GetEvent.HandleAsync(db, _opd, own, _clock)).Value!.CanManage);
        Assert.Equal(_opd.AgencyId, (await LoadAsync(own)).OrganizerAgencyId);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Indonesian_and_nothing_is_stored()
    {
        await using var db = _db.NewDb();
        var r = await CreateEvent.HandleAsync(db, Actors.Officer, new EventInput { Kind = (EventKind)99, Title = "ab", Date = new DateOnly(2026, 12, 1), StartTime = "25.00", EndTime = "08.00", OnlineLink = "javascript:alert(1)" }, _clock);
        var v = Assert.IsType<ValidationError>(r.Error);
        Assert.Contains("kind", v.Fields.Keys);
        Assert.Contains("title", v.Fields.Keys);
        Assert.Contains("startTime", v.Fields.Keys);
        Assert.Contains("onlineLink", v.Fields.Keys);
        var backwards = await CreateEvent.HandleAsync(db, Actors.Officer, Sosialisasi() with { StartTime = "13.00", EndTime = "10.00" }, _clock);
        Assert.Contains("endTime", Assert.IsType<ValidationError>(backwards.Error).Fields.Keys);
        var foreignProposal = await CreateEvent.HandleAsync(db, Actors.Officer, Sosialisasi() with { ProposalId = Guid.NewGuid() }, _clock);
        Assert.Contains("proposalId", Assert.IsType<ValidationError>(foreignProposal.Error).Fields.Keys);
        Assert.IsType<ForbiddenError>((await CreateEvent.HandleAsync(db, Supervisor, Sosialisasi(), _clock)).Error);
        Assert.Equal(0, await db.Events.CountAsync());
        var id = await CreateAsync();
        var guest = await InviteToEvent.HandleAsync(db, Actors.Officer, id, new InviteRequest { Invitees = [new() { Kind = InviteeKind.Guest, Name = "Tamu", Institution = "PT X", Email = "bukan e-mail" }] }, _clock);
        Assert.Contains("invitees[0].email", Assert.IsType<ValidationError>(guest.Error).Fields.Keys);
        Assert.Equal(0, await db.EventInvitees.CountAsync());
    }

    [Fact]
    public async Task Times_are_the_regions_wall_clock_with_WIB_WITA_WIT()
    {
        var id = await CreateAsync();
        var e = await LoadAsync(id);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), e.StartsAt);
        Assert.Equal("30/11/2026 09.00 WIB", RegionTime.Format(e.RegionCode, e.StartsAt));
        Assert.Equal("30/11/2026 10.00 WITA", RegionTime.Format("73.71", e.StartsAt));
        Assert.Equal("30/11/2026 11.00 WIT", RegionTime.Format("91.71", e.StartsAt));
    }

    [Fact]
    public async Task Follow_ups_are_listed_for_their_owner_and_marked_overdue_after_the_due_date()
    {
        var id = await FinalAsync();
        await using var db = _db.NewDb();
        var mine = await MyFollowUps.HandleAsync(db, GarutOfficer, _clock);
        var task = Assert.Single(mine);
        Assert.Equal("Kirim draf KB ke Garut", task.Title);
        Assert.False(task.Overdue);
        Assert.Empty(await MyFollowUps.HandleAsync(db, Tasik, _clock));
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.RecipientUserId == GarutOfficer.UserId && n.Title.StartsWith("Tindak lanjut")));
        _clock.SetDay(new DateOnly(2026, 12, 11));
        Assert.True(Assert.Single(await MyFollowUps.HandleAsync(db, GarutOfficer, _clock)).Overdue);
        // another user cannot close it; the owner can, and it is then no longer overdue
        Assert.IsType<NotFoundError>((await SetFollowUpStatus.HandleAsync(db, Tasik, id, task.Id, new FollowUpStatusRequest { Status = FollowUpStatus.Done }, _clock)).Error);
        Assert.True((await SetFollowUpStatus.HandleAsync(db, GarutOfficer, id, task.Id, new FollowUpStatusRequest { Status = FollowUpStatus.Done }, _clock)).Ok);
        Assert.False(Assert.Single(await MyFollowUps.HandleAsync(db, GarutOfficer, _clock)).Overdue);
    }

    [Fact]
    public async Task The_ics_parses_back_with_Ical_Net_and_each_guest_gets_one_invitation_mail_when_the_invitations_are_sent()
    {
        var id = await CreateAsync();
        await InviteAsync(id, new InviteeInput { Kind = InviteeKind.Guest, Name = "Dr. Rina Wulandari", Institution = "Universitas Padjadjaran", Email = "rina@unpad.ac.id" });
        await using var db = _db.NewDb();
        Assert.Empty(await GuestInvitations.PendingAsync(db, _clock)); // not before the invitations are sent
        Assert.Equal(0, await db.MailOutbox.CountAsync(m => m.ToAddress == "rina@unpad.ac.id")); // not before the invitations are sent
        Assert.True((await ActAsync(id, EventAction.SendInvitations)).Ok);
        // the invitation went to the outbox with the guest marked sent, in one save
        var mail = await db.MailOutbox.AsNoTracking().SingleAsync(m => m.ToAddress == "rina@unpad.ac.id");
        Assert.Empty(await GuestInvitations.PendingAsync(db, _clock));
        Assert.Equal(0, await GuestInvitationMail.EnqueueAsync(db, _clock));   // the dispatcher's sweep finds nothing more
        Assert.Contains("mengundang Bapak/Ibu", mail.TextBody);
        Assert.Contains("30/11/2026 09.00–12.00 WIB", mail.TextBody);
        Assert.StartsWith("text/calendar", mail.AttachmentContentType);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(mail.AttachmentContent!))!;
        var ev = Assert.Single(calendar.Events);
        Assert.Equal("Sosialisasi: Sosialisasi KSDD wajib dengan daerah berbatasan", ev.Summary);
        Assert.Equal(new DateTime(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc), ev.Start!.AsUtc);
        Assert.Equal(new DateTime(2026, 11, 30, 5, 0, 0, DateTimeKind.Utc), ev.End!.AsUtc);
        Assert.Contains("Aula Gedung B", ev.Location ?? "");
        Assert.Equal("mailto:rina@unpad.ac.id", Assert.Single(ev.Attendees).Value!.ToString());

        // a guest added after the announcement gets theirs at once; the first guest gets nothing again
        await InviteAsync(id, new InviteeInput { Kind = InviteeKind.Guest, Name = "Ir. Budi Santosa", Institution = "Bappeda Provinsi Jawa Barat", Email = "budi@jabarprov.go.id" });
        Assert.Equal(1, await db.MailOutbox.CountAsync(m => m.ToAddress == "budi@jabarprov.go.id"));
        Assert.Equal(1, await db.MailOutbox.CountAsync(m => m.ToAddress == "rina@unpad.ac.id"));
        var ics = await EventIcs.ForActorAsync(db, Actors.Officer, id);
        Assert.Single(Calendar.Load(System.Text.Encoding.UTF8.GetString(ics.Value.Content))!.Events);
        Assert.IsType<NotFoundError>((await EventIcs.ForActorAsync(db, Tasik, id)).Error);
    }

    [Fact]
    public async Task The_berita_acara_of_a_rapat_TKKSD_on_an_usulan_holds_attendees_and_decisions_and_is_filed_as_the_usulans_attachment()
    {
        Guid proposalId;
        await using (var db0 = _db.NewDb())
        {
            var p = await CreateProposal.HandleAsync(db0, Actors.Officer, new ProposalInput { Title = "Pengolahan sampah bersama Cimahi–Garut", AgencyId = _opd.AgencyId }, _clock);
            Assert.True(p.Ok, p.Error?.ToString());
            proposalId = p.Value;
        }
        var id = await FinalAsync(Sosialisasi(EventKind.RapatTkksd, proposalId) with { Title = "Rapat TKKSD pembahasan usulan persampahan" });
        await using var db = _db.NewDb();
        var noPdf = new PdfConverter(new PdfOptions { SofficePath = "/nonexistent/soffice", SearchPath = false });
        // only the organiser generates it
        Assert.IsType<ForbiddenError>((await GenerateBeritaAcara.HandleAsync(db, _store, noPdf, GarutOfficer, id, _clock)).Error);
        var r = await GenerateBeritaAcara.HandleAsync(db, _store, noPdf, Actors.Officer, id, _clock);
        Assert.True(r.Ok, r.Error?.ToString());
        var attachment = await db.ProposalAttachments.AsNoTracking().SingleAsync(a => a.ProposalId == proposalId);
        Assert.Equal(ProposalAttachmentKind.BeritaAcara, attachment.Kind);
        Assert.Equal(r.Value!.DocumentId, attachment.Id);
        var bytes = (await _store.ReadAsync(attachment.FileSha256)).Value!;
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("BERITA ACARA", text);
        Assert.Contains("Pada hari ini, Senin tanggal tiga puluh bulan November tahun dua ribu dua puluh enam", text);
        Assert.Contains("Dr. Rina Wulandari", text);
        Assert.Contains("Diwakili Asep Kabid Pemerintahan", text);
        Assert.Contains("Garut menyiapkan draf KB persampahan", text);
        Assert.Contains("Kirim draf KB ke Garut", text);
        Assert.Contains("usulan kerja sama nomor", text);
        Assert.True((await DownloadEventFile.BeritaAcaraAsync(db, _store, GarutOfficer, id)).Ok);
    }

    [Fact]
    public async Task Minutes_are_fixed_once_final()
    {
        var id = await FinalAsync();
        await using var db = _db.NewDb();
        var r = await SaveMinutes.HandleAsync(db, Actors.Officer, id, new MinutesRequest { Points = "diubah" }, _clock);
        Assert.IsType<ConflictError>(r.Error);
        Assert.DoesNotContain("diubah", (await LoadAsync(id)).MinutesPoints);
    }
}
