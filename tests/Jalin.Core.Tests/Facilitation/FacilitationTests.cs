using Jalin.Core.Agencies;
using Jalin.Core.Common;
using Jalin.Core.Facilitation;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Proposals;
using Jalin.Core.Tests.Infrastructure;
using Jalin.Core.Threads;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Facilitation;

/// <summary>The facilitation desk's table (pengaturan daerah; the koordinasi teknis of PP 28/2018 Pasal 5 ayat (2) huruf a
/// and ayat (3)), its working-day target, and the thread whose access never exceeds the subject's.</summary>
public sealed class FacilitationTests : IAsyncLifetime
{
    // Monday 23 November 2026, 10:00 WIB
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 23));
    private readonly string _files = Path.Combine(Path.GetTempPath(), "jalin-core-tests", "fas-" + Guid.NewGuid().ToString("N"));
    private TestDb _db = null!;
    private FileStore _store = null!;
    private CurrentActor _opd = null!, _otherOpd = null!;
    private static readonly CurrentActor Officer = Actors.Officer;
    private static readonly CurrentActor Garut = Actors.Stranger;
    private static readonly CurrentActor Jabar = Actors.ProvinceOfficer;
    private static readonly CurrentActor Tkksd = new("tkksd-cimahi", "tkksd.cimahi", "TKKSD Cimahi", Role.TeamMember, Actors.Cimahi);
    private static readonly CurrentActor Partner = new("mitra-1", "mitra.1", "Mitra Unjani", Role.PartnerUser, Actors.Cimahi, PartnerId: Guid.NewGuid());

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _store = new FileStore(new FileStoreOptions { Root = _files, MaxBytes = 1024 * 1024 });
        await using var db = _db.NewDb();
        var dlh = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup Kota Cimahi", ShortName = "DLH" };
        var dinkes = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Kesehatan Kota Cimahi", ShortName = "Dinkes" };
        db.Agencies.AddRange(dlh, dinkes);
        await db.SaveChangesAsync();
        _opd = new("opd-dlh", "opd.dlh", "Operator DLH", Role.AgencyUser, Actors.Cimahi, dlh.Id);
        _otherOpd = new("opd-dinkes", "opd.dinkes", "Operator Dinkes", Role.AgencyUser, Actors.Cimahi, dinkes.Id);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_files, recursive: true); } catch (IOException) { }
    }

    private static FacilitationInput Ask(FacilitationKind kind = FacilitationKind.Consultation, string? region = null, string? counterpart = null) => new()
    {
        RegionCode = region, Kind = kind, Title = "Konsultasi kerja sama pengolahan sampah", Description = "Mohon arahan tentang bentuk kerja sama dengan Kabupaten Bandung.",
        CounterpartRegionCode = counterpart,
    };

    private async Task<Result<Guid>> CreateAsync(CurrentActor actor, FacilitationInput input)
    {
        await using var db = _db.NewDb();
        return await CreateFacilitationRequest.HandleAsync(db, actor, input, _clock);
    }

    private async Task<Guid> MustCreateAsync(CurrentActor actor, FacilitationInput input)
    {
        var r = await CreateAsync(actor, input);
        Assert.True(r.Ok, r.Error?.ToString());
        return r.Value;
    }

    private async Task<Result<FacilitationMoved>> ActAsync(Guid id, FacilitationAction action, CurrentActor actor, FacilitationActionRequest? request = null)
    {
        await using var db = _db.NewDb();
        return await ApplyFacilitationAction.HandleAsync(db, actor, id, action, request ?? new FacilitationActionRequest { Note = "catatan uji" }, _clock);
    }

    [Fact]
    public async Task The_target_date_counts_working_days_and_skips_the_regions_own_holiday()
    {
        var plain = await MustCreateAsync(_opd, Ask());
        await using (var db = _db.NewDb())
        {
            // Wednesday 25 November 2026: a Cimahi holiday (pengaturan daerah), set by its kepala daerah
            db.Holidays.Add(new Holiday { Date = new DateOnly(2026, 11, 25), Type = HolidayType.Libur, Name = "Libur daerah uji", RegionCode = Actors.Cimahi });
            await db.SaveChangesAsync();
        }
        var overHoliday = await MustCreateAsync(_opd, Ask());
        await using var check = _db.NewDb();
        var a = await check.FacilitationRequests.SingleAsync(x => x.Id == plain);
        var b = await check.FacilitationRequests.SingleAsync(x => x.Id == overHoliday);
        Assert.Equal(FacilitationSettings.DefaultTargetWorkingDays, a.TargetWorkingDays);
        Assert.Equal(new DateOnly(2026, 11, 30), a.DueOn); // Tue, Wed, Thu, Fri, Mon
        Assert.Equal(new DateOnly(2026, 12, 1), b.DueOn);  // the holiday pushes it one working day
        Assert.Equal("FAS/2026/0001", a.Number);
        Assert.Equal("FAS/2026/0002", b.Number);
        Assert.Equal(Actors.Cimahi, a.RegionCode);
    }

    [Fact]
    public async Task Who_files_with_whom_is_checked_and_koordinasi_teknis_goes_to_the_province_Pasal_5_ayat_2_huruf_a()
    {
        Assert.IsType<ForbiddenError>((await CreateAsync(_opd, Ask(region: "32.05"))).Error); // an OPD asks its own region
        Assert.IsType<ForbiddenError>((await CreateAsync(Officer, Ask(region: Actors.Cimahi))).Error); // an officer asks another region
        Assert.IsType<ForbiddenError>((await CreateAsync(Tkksd, Ask(region: Actors.Cimahi))).Error);
        Assert.IsType<ForbiddenError>((await CreateAsync(Officer, Ask(FacilitationKind.MandatoryCoordination, "32.05", "32.04"))).Error); // not a province
        Assert.IsType<ForbiddenError>((await CreateAsync(Actors.Officer with { RegionCode = "53.71" }, Ask(FacilitationKind.MandatoryCoordination, "32", "32.17"))).Error); // not in the province
        var noCounterpart = Assert.IsType<ValidationError>((await CreateAsync(Officer, Ask(FacilitationKind.MandatoryCoordination, "32"))).Error);
        Assert.Contains("counterpartRegionCode", noCounterpart.Fields.Keys);
        var outside = Assert.IsType<ValidationError>((await CreateAsync(Officer, Ask(FacilitationKind.MandatoryCoordination, "32", "53.71"))).Error);
        Assert.Contains("counterpartRegionCode", outside.Fields.Keys);
        // kerja sama wajib is between bordering regions (PP 28/2018 Pasal 3 ayat (2)): Cimahi does not border Garut
        var notBordering = Assert.IsType<ValidationError>((await CreateAsync(Officer, Ask(FacilitationKind.MandatoryCoordination, "32", "32.05"))).Error);
        Assert.Contains("Pasal 3 ayat (2)", notBordering.Fields["counterpartRegionCode"].Single());
        Assert.Contains("tidak berbatasan dengan Kabupaten Garut", notBordering.Fields["counterpartRegionCode"].Single());
        var bad = Assert.IsType<ValidationError>((await CreateAsync(_opd, new FacilitationInput { Kind = (FacilitationKind)99, Title = "x" })).Error);
        Assert.Contains("kind", bad.Fields.Keys);
        Assert.Contains("title", bad.Fields.Keys);
        Assert.Contains("description", bad.Fields.Keys);
        await using (var db = _db.NewDb()) Assert.Equal(0, await db.FacilitationRequests.CountAsync());

        var coordination = await MustCreateAsync(Officer, Ask(FacilitationKind.MandatoryCoordination, "32", "32.17"));
        var partner = await MustCreateAsync(Partner, Ask(region: Actors.Cimahi));
        await using var check = _db.NewDb();
        Assert.Equal("32", (await check.FacilitationRequests.SingleAsync(x => x.Id == coordination)).RegionCode);
        Assert.Equal(Role.PartnerUser, (await check.FacilitationRequests.SingleAsync(x => x.Id == partner)).RequesterRole);
    }

    [Fact]
    public async Task The_desk_moves_the_request_the_requester_answers_and_others_are_refused()
    {
        var id = await MustCreateAsync(_opd, Ask());
        // only the serving region's officer takes it; the OPD, another OPD (404), another region (404) cannot
        Assert.IsType<ForbiddenError>((await ActAsync(id, FacilitationAction.Take, _opd)).Error);
        Assert.IsType<NotFoundError>((await ActAsync(id, FacilitationAction.Take, _otherOpd)).Error);
        Assert.IsType<NotFoundError>((await ActAsync(id, FacilitationAction.Take, Garut)).Error);
        Assert.IsType<NotFoundError>((await ActAsync(id, FacilitationAction.Take, Tkksd)).Error);
        Assert.IsType<ConflictError>((await ActAsync(id, FacilitationAction.Complete, Officer)).Error); // not from Diajukan
        Assert.True((await ActAsync(id, FacilitationAction.Take, Officer, new FacilitationActionRequest())).Ok);
        Assert.IsType<ValidationError>((await ActAsync(id, FacilitationAction.AskRequester, Officer, new FacilitationActionRequest())).Error); // note required
        Assert.True((await ActAsync(id, FacilitationAction.AskRequester, Officer)).Ok);
        Assert.IsType<ForbiddenError>((await ActAsync(id, FacilitationAction.Respond, Officer)).Error);
        Assert.True((await ActAsync(id, FacilitationAction.Respond, _opd)).Ok);
        Assert.IsType<ValidationError>((await ActAsync(id, FacilitationAction.Reject, Officer, new FacilitationActionRequest())).Error); // reason required
        Assert.True((await ActAsync(id, FacilitationAction.Complete, Officer, new FacilitationActionRequest { Note = "Dianjurkan KSDD sukarela." })).Ok);
        Assert.IsType<ConflictError>((await ActAsync(id, FacilitationAction.Reject, Officer, new FacilitationActionRequest { Note = "terlambat" })).Error);
        await using var db = _db.NewDb();
        var r = await db.FacilitationRequests.Include(x => x.History).SingleAsync(x => x.Id == id);
        Assert.Equal(FacilitationStatus.Completed, r.Status);
        Assert.Equal(Officer.UserId, r.OfficerUserId);
        Assert.Equal("Dianjurkan KSDD sukarela.", r.Outcome);
        Assert.Equal(["create", "take", "ask-requester", "respond", "complete"], r.History.OrderBy(h => h.Id).Select(h => h.Action));
        // the requester follows it; the other OPD does not see it
        Assert.Single((await ListFacilitationRequests.HandleAsync(db, _opd, FacilitationList.Mine, true, _clock)).Value!);
        Assert.Empty((await ListFacilitationRequests.HandleAsync(db, _otherOpd, FacilitationList.Mine, true, _clock)).Value!);
        Assert.IsType<ForbiddenError>((await ListFacilitationRequests.HandleAsync(db, _opd, FacilitationList.Queue, true, _clock)).Error);
    }

    [Fact]
    public async Task Koordinasi_teknis_closes_only_with_the_mapping_and_the_heads_agreement_Pasal_5_ayat_3()
    {
        var id = await MustCreateAsync(Officer, Ask(FacilitationKind.MandatoryCoordination, "32", "32.17"));
        Assert.IsType<ForbiddenError>((await ActAsync(id, FacilitationAction.Take, Officer)).Error); // Cimahi is the requester, not the desk
        Assert.True((await ActAsync(id, FacilitationAction.Take, Jabar, new FacilitationActionRequest())).Ok);
        var missing = Assert.IsType<ValidationError>((await ActAsync(id, FacilitationAction.Complete, Jabar, new FacilitationActionRequest { Note = "Sepakat" })).Error);
        Assert.Contains("coordinationMapping", missing.Fields.Keys);
        Assert.Contains("headsAgreementDate", missing.Fields.Keys);
        Assert.Contains("headsAgreementReference", missing.Fields.Keys);
        var done = await ActAsync(id, FacilitationAction.Complete, Jabar, new FacilitationActionRequest
        {
            Note = "Koordinasi teknis selesai.", CoordinationMapping = "Urusan lingkungan hidup: pengelolaan sampah regional (TPPAS Legok Nangka).",
            HeadsAgreementDate = new DateOnly(2026, 11, 20), HeadsAgreementReference = "BA/01/KT-JABAR/2026",
        });
        Assert.True(done.Ok, done.Error?.ToString());
        await using var db = _db.NewDb();
        var r = await db.FacilitationRequests.SingleAsync(x => x.Id == id);
        Assert.Equal(new DateOnly(2026, 11, 20), r.HeadsAgreementDate);
        Assert.Equal("BA/01/KT-JABAR/2026", r.HeadsAgreementReference);
        // the requesting region's other officer follows it too; Garut (the counterpart, not the requester) does not see it
        Assert.True((await GetFacilitationRequest.HandleAsync(db, Officer with { UserId = "officer-cimahi-2" }, id, _clock)).Ok);
        Assert.IsType<NotFoundError>((await GetFacilitationRequest.HandleAsync(db, Garut, id, _clock)).Error);
    }

    [Fact]
    public async Task A_thread_is_never_wider_than_its_subject_and_refuses_files_by_content()
    {
        var id = await MustCreateAsync(_opd, Ask());
        await using (var db = _db.NewDb())
        {
            var posted = await PostThreadMessage.HandleAsync(db, _store, _opd, ThreadSubjectType.FacilitationRequest, id,
                new PostMessageRequest { Text = "Berikut rancangan naskahnya.", Files = [new ThreadFile(Pdf("rancangan"), "rancangan.pdf")] }, _clock);
            Assert.True(posted.Ok, posted.Error?.ToString());
            Assert.Single(posted.Value!.Attachments);
            // a text file named .pdf is refused by its content; nothing stored
            var fake = await PostThreadMessage.HandleAsync(db, _store, _opd, ThreadSubjectType.FacilitationRequest, id,
                new PostMessageRequest { Text = "Lampiran palsu", Files = [new ThreadFile("bukan PDF"u8.ToArray(), "palsu.pdf")] }, _clock);
            Assert.Contains("files", Assert.IsType<ValidationError>(fake.Error).Fields.Keys);
            Assert.IsType<ValidationError>((await PostThreadMessage.HandleAsync(db, _store, _opd, ThreadSubjectType.FacilitationRequest, id, new PostMessageRequest { Text = "  " }, _clock)).Error);
        }
        await using (var db = _db.NewDb())
        {
            Assert.Equal(1, await db.DiscussionMessages.CountAsync());
            Assert.Single((await ListThreadMessages.HandleAsync(db, Officer, ThreadSubjectType.FacilitationRequest, id)).Value!.Messages);
            // who cannot open the request cannot open its thread
            foreach (var outsider in new[] { _otherOpd, Garut, Tkksd, Partner })
            {
                Assert.IsType<NotFoundError>((await ListThreadMessages.HandleAsync(db, outsider, ThreadSubjectType.FacilitationRequest, id)).Error);
                Assert.False((await PostThreadMessage.HandleAsync(db, _store, outsider, ThreadSubjectType.FacilitationRequest, id, new PostMessageRequest { Text = "ikut" }, _clock)).Ok);
            }
            var attachment = (await ListThreadMessages.HandleAsync(db, Officer, ThreadSubjectType.FacilitationRequest, id)).Value!.Messages[0].Attachments[0];
            Assert.True((await DownloadThreadAttachment.HandleAsync(db, _store, _opd, ThreadSubjectType.FacilitationRequest, id, attachment.Id)).Ok);
            Assert.IsType<NotFoundError>((await DownloadThreadAttachment.HandleAsync(db, _store, _otherOpd, ThreadSubjectType.FacilitationRequest, id, attachment.Id)).Error);
        }
        // a closed request closes its thread
        Assert.True((await ActAsync(id, FacilitationAction.Reject, Officer, new FacilitationActionRequest { Note = "Bukan kewenangan daerah." })).Ok);
        await using (var db = _db.NewDb())
            Assert.IsType<ConflictError>((await PostThreadMessage.HandleAsync(db, _store, _opd, ThreadSubjectType.FacilitationRequest, id, new PostMessageRequest { Text = "lagi" }, _clock)).Error);
    }

    [Fact]
    public async Task The_TKKSD_discussion_of_an_usulan_stays_inside_the_region_and_the_OPD_does_not_read_it()
    {
        Guid proposal;
        await using (var db = _db.NewDb())
        {
            var created = await CreateProposal.HandleAsync(db, _opd, new ProposalInput { Title = "Usulan uji diskusi TKKSD" }, _clock);
            Assert.True(created.Ok, created.Error?.ToString());
            proposal = created.Value;
        }
        await using (var db = _db.NewDb())
        {
            Assert.True((await PostThreadMessage.HandleAsync(db, _store, Tkksd, ThreadSubjectType.TkksdProposal, proposal, new PostMessageRequest { Text = "Perlu telaah RPJMD." }, _clock)).Ok);
            Assert.True((await PostThreadMessage.HandleAsync(db, _store, Officer, ThreadSubjectType.TkksdProposal, proposal, new PostMessageRequest { Text = "Setuju." }, _clock)).Ok);
            Assert.IsType<ForbiddenError>((await PostThreadMessage.HandleAsync(db, _store, Actors.Leader, ThreadSubjectType.TkksdProposal, proposal, new PostMessageRequest { Text = "x" }, _clock)).Error);
            Assert.Equal(2, (await ListThreadMessages.HandleAsync(db, Actors.Leader, ThreadSubjectType.TkksdProposal, proposal)).Value!.Messages.Count);
            Assert.IsType<ForbiddenError>((await ListThreadMessages.HandleAsync(db, _opd, ThreadSubjectType.TkksdProposal, proposal)).Error);
            Assert.IsType<NotFoundError>((await ListThreadMessages.HandleAsync(db, Garut, ThreadSubjectType.TkksdProposal, proposal)).Error);
        }
    }

    private static byte[] Pdf(string text) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
}
