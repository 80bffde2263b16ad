using System.Text.RegularExpressions;
using Jalin.Core.Agencies;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Identity;
using Jalin.Core.Mapping;
using Jalin.Core.Regions;
using Jalin.Core.Tests.Infrastructure;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Jalin.Core.Tests.Mapping;

/// <summary>Issue #10 items 1–2: mapping rounds, visibility of potentials and needs, matchmaking order, and the report
/// exported to XLSX (re-read) and PDF; on real SQLite with the real migrations.</summary>
public sealed class MappingTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private readonly TestClock _clock = TestClock.At(Today);
    private TestDb _db = null!;
    private readonly Dictionary<(string Region, string Short), Guid> _agencies = [];

    private static CurrentActor Officer(string region) => new("u-" + region, "kerjasama." + region, "Petugas " + region, Role.CooperationOfficer, region);
    private CurrentActor Opd(string region, string shortName) => new($"u-{region}-{shortName}", $"opd.{region}.{shortName}", "OPD " + shortName, Role.AgencyUser, region, _agencies[(region, shortName)]);

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        await using var db = _db.NewDb();
        db.ActingAs(CurrentActor.System);
        foreach (var region in new[] { "32.77", "32.05", "32.17", "32.04", "53.71" })
            foreach (var shortName in new[] { "DKPP", "DLH" })
            {
                var a = new Agency { RegionCode = region, Name = $"{shortName} {region}", ShortName = shortName };
                db.Agencies.Add(a);
                _agencies[(region, shortName)] = a.Id;
            }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>An item recorded by the region's officer and moved to <paramref name="status"/> through the use cases.</summary>
    private async Task<Guid> ItemAsync(string region, MappingKind kind, string affair, string title, MappingStatus status = MappingStatus.Accepted,
        string agency = "DKPP", string? location = null, string? program = null)
    {
        var officer = Officer(region);
        await using var db = _db.NewDb();
        var created = await MappingItems.CreateAsync(db, officer, new MappingItemInput
        {
            Kind = kind, Title = title, AffairCode = affair, AgencyId = _agencies[(region, agency)], Location = location, Program = program,
        }, _clock);
        Assert.True(created.Ok, created.Error?.Message);
        var id = created.Value!.Id;
        if (status is MappingStatus.Submitted or MappingStatus.Accepted) Assert.True((await MappingItems.SubmitAsync(db, officer, id, _clock)).Ok);
        if (status == MappingStatus.Accepted) Assert.True((await MappingItems.AcceptAsync(db, officer, id, _clock)).Ok);
        return id;
    }

    [Fact]
    public async Task Matches_BorderingRegionsFirst_ThenSameProvince_ThenTheRest()
    {
        // Real pairs of bordering.csv: Kota Cimahi borders Kabupaten Bandung and Kabupaten Bandung Barat, not Kabupaten Garut.
        Assert.True(Borders.Border("32.77", "32.04"));
        Assert.True(Borders.Border("32.77", "32.17"));
        Assert.False(Borders.Border("32.77", "32.05"));

        var need = await ItemAsync("32.77", MappingKind.Need, "2.09", "Pasokan cabai untuk stabilisasi harga");
        var kupang = await ItemAsync("53.71", MappingKind.Potential, "2.09", "Ikan asap Kupang");
        var garut = await ItemAsync("32.05", MappingKind.Potential, "2.09", "Sentra cabai merah Cikajang");
        var kbb = await ItemAsync("32.17", MappingKind.Potential, "2.09", "Sayuran dataran tinggi Lembang");
        var kabBandung = await ItemAsync("32.04", MappingKind.Potential, "2.09", "Beras Ciparay");
        // Not matches: another urusan, a need, a potential not yet accepted, and Cimahi's own potential.
        await ItemAsync("32.05", MappingKind.Potential, "3.26", "Agrowisata kopi");
        await ItemAsync("32.17", MappingKind.Need, "2.09", "Kebutuhan gudang beras");
        await ItemAsync("32.04", MappingKind.Potential, "2.09", "Jagung Kabupaten Bandung (diajukan)", MappingStatus.Submitted);
        await ItemAsync("32.77", MappingKind.Potential, "2.09", "Olahan pangan Cimahi");

        await using var db = _db.NewDb();
        var result = await FindMappingMatches.HandleAsync(db, Officer("32.77"), need);
        Assert.True(result.Ok, result.Error?.Message);
        Assert.Equal([kabBandung, kbb, garut, kupang], result.Value!.Matches.Select(m => m.ItemId));
        Assert.Equal([MatchProximity.Bordering, MatchProximity.Bordering, MatchProximity.SameProvince, MatchProximity.Other],
            result.Value.Matches.Select(m => m.Proximity));
        Assert.Equal("DKPP 32.05", result.Value.Matches[2].AgencyName);
    }

    [Fact]
    public async Task Matches_AreTheNeedOwnersOfficers_AndOnlyForNeeds()
    {
        var need = await ItemAsync("32.77", MappingKind.Need, "2.09", "Pasokan cabai untuk stabilisasi harga");
        var potential = await ItemAsync("32.77", MappingKind.Potential, "2.16", "Pusat data Cimahi");
        await using var db = _db.NewDb();
        Assert.IsType<NotFoundError>((await FindMappingMatches.HandleAsync(db, Officer("32.05"), need)).Error);
        var tkksd = new CurrentActor("t", "tkksd", "TKKSD", Role.TeamMember, "32.77");
        Assert.IsType<ForbiddenError>((await FindMappingMatches.HandleAsync(db, tkksd, need)).Error);
        Assert.IsType<ValidationError>((await FindMappingMatches.HandleAsync(db, Officer("32.77"), potential)).Error);
    }

    [Fact]
    public async Task Visibility_OtherRegionsSeeOnlyAcceptedPotentials_NeedsAndDraftsStayInside()
    {
        var offered = await ItemAsync("32.77", MappingKind.Potential, "2.16", "Pusat data Cimahi");
        var need = await ItemAsync("32.77", MappingKind.Need, "2.09", "Pasokan cabai");
        var draft = await ItemAsync("32.77", MappingKind.Potential, "3.31", "Sentra tekstil (draf)", MappingStatus.Draft);
        var dlhDraft = await ItemAsync("32.77", MappingKind.Need, "2.11", "Lahan kompos (draf DLH)", MappingStatus.Draft, agency: "DLH");

        await using var db = _db.NewDb();
        var garut = Officer("32.05");
        var seen = (await MappingItems.ListAsync(db, garut, "32.77", null, null, null, null)).Value!.Select(i => i.Id).ToList();
        Assert.Equal([offered], seen);
        Assert.IsType<NotFoundError>((await MappingItems.GetAsync(db, garut, need)).Error);
        Assert.IsType<NotFoundError>((await MappingItems.GetAsync(db, garut, draft)).Error);
        // Garut's TKKSD member is not a cooperation officer: it reads Garut's own mapping only.
        var garutTkksd = new CurrentActor("g", "tkksd.garut", "TKKSD Garut", Role.TeamMember, "32.05");
        Assert.Empty((await MappingItems.ListAsync(db, garutTkksd, "32.77", null, null, null, null)).Value!);

        // Inside Cimahi: DLH's user reads its own draft and the accepted items, not DKPP's draft.
        var dlh = Opd("32.77", "DLH");
        var dlhSees = (await MappingItems.ListAsync(db, dlh, null, null, null, null, null)).Value!.Select(i => i.Id).ToHashSet();
        Assert.Equal(new HashSet<Guid> { offered, need, dlhDraft }, dlhSees);
        // …and may not change another OPD's item.
        var dkppDraft = (await MappingItems.GetAsync(db, Officer("32.77"), draft)).Value!;
        Assert.IsType<NotFoundError>((await MappingItems.UpdateAsync(db, dlh, draft, dkppDraft.Version, new MappingItemInput
        {
            Kind = MappingKind.Potential, Title = "Diubah DLH", AffairCode = "3.31",
        }, _clock)).Error);
        // The province reads Cimahi's accepted items (potentials and needs), not its drafts.
        var prov = new CurrentActor("p", "pembina.jabar", "Pembina", Role.SupervisorProvince, "32");
        Assert.Equal(new HashSet<Guid> { offered, need }, (await MappingItems.ListAsync(db, prov, "32.77", null, null, null, null)).Value!.Select(i => i.Id).ToHashSet());
        // A partner's liaison and the DPRD secretariat see no mapping.
        Assert.Empty((await MappingItems.ListAsync(db, new CurrentActor("d", "dprd", "DPRD", Role.DprdViewer, "32.77"), null, null, null, null, null)).Value!);
    }

    [Fact]
    public async Task Item_BadInput_IsRefusedWithIndonesianFieldMessages()
    {
        await using var db = _db.NewDb();
        var r = await MappingItems.CreateAsync(db, Officer("32.77"), new MappingItemInput
        {
            Kind = MappingKind.Need, Title = "abc", AffairCode = "9.99", AgencyId = _agencies[("32.05", "DKPP")],
        }, _clock);
        var v = Assert.IsType<ValidationError>(r.Error);
        Assert.Contains("title", v.Fields.Keys);
        Assert.Contains("affairCode", v.Fields.Keys);
        Assert.Contains("agencyId", v.Fields.Keys); // Garut's OPD is not Cimahi's
        var sub = await MappingItems.CreateAsync(db, Officer("32.77"), new MappingItemInput
        {
            Kind = MappingKind.Need, Title = "Pasokan ikan", AffairCode = "3.25", SubAffairCode = "3.28.tahura", AgencyId = _agencies[("32.77", "DKPP")],
        }, _clock);
        Assert.Contains("Perikanan", Assert.IsType<ValidationError>(sub.Error).Fields["subAffairCode"][0]);
        // An OPD user needs an open round.
        var noRound = await MappingItems.CreateAsync(db, Opd("32.77", "DLH"), new MappingItemInput { Kind = MappingKind.Need, Title = "Lahan kompos", AffairCode = "2.11" }, _clock);
        Assert.Contains("putaran", Assert.IsType<ValidationError>(noRound.Error).Fields["roundId"][0]);
    }

    [Fact]
    public async Task Round_LateList_RemindersGoOnlyToOpdsNotDone()
    {
        Guid roundId;
        await using (var db = _db.NewDb())
        {
            var bad = await MappingRounds.CreateAsync(db, Officer("32.77"), new MappingRoundInput("Uji", 2026, Today.AddDays(-1), null), _clock);
            Assert.Contains("deadline", Assert.IsType<ValidationError>(bad.Error).Fields.Keys);
            Assert.IsType<ForbiddenError>((await MappingRounds.CreateAsync(db, Opd("32.77", "DLH"), new MappingRoundInput("Pemetaan 2026", 2026, Today.AddDays(7), null), _clock)).Error);
            var round = await MappingRounds.CreateAsync(db, Officer("32.77"), new MappingRoundInput("Pemetaan 2026", 2026, Today.AddDays(7), null), _clock);
            Assert.True(round.Ok, round.Error?.Message);
            Assert.Equal(2, round.Value!.Asked); // every active OPD of Cimahi by default
            roundId = round.Value.Id;
        }
        await using (var db = _db.NewDb())
        {
            var dkpp = Opd("32.77", "DKPP");
            // Marking done with nothing recorded is refused.
            Assert.IsType<ValidationError>((await MappingRounds.SubmitAsync(db, dkpp, roundId, _clock)).Error);
            var item = await MappingItems.CreateAsync(db, dkpp, new MappingItemInput { Kind = MappingKind.Need, Title = "Pasokan cabai", AffairCode = "2.09" }, _clock);
            Assert.Equal(roundId, item.Value!.RoundId);
            var done = await MappingRounds.SubmitAsync(db, dkpp, roundId, _clock);
            Assert.True(done.Ok, done.Error?.Message);
            Assert.Equal(MappingStatus.Submitted, (await MappingItems.GetAsync(db, dkpp, item.Value.Id)).Value!.Status);
            // Before the deadline nobody is late.
            Assert.DoesNotContain((await MappingRounds.GetAsync(db, Officer("32.77"), roundId, _clock)).Value!.Agencies, a => a.Late);
        }
        _clock.SetDay(Today.AddDays(8));
        await using (var db = _db.NewDb())
        {
            // The OPD users as accounts, so the reminder also reaches their notification bell.
            foreach (var u in new[] { Opd("32.77", "DLH"), Opd("32.77", "DKPP") })
                db.Users.Add(new Jalin.Core.Identity.ApplicationUser
                {
                    Id = u.UserId, UserName = u.UserName, NormalizedUserName = u.UserName.ToUpperInvariant(), FullName = u.FullName, Role = u.Role,
                    RegionCode = u.RegionCode, AgencyId = u.AgencyId, IsActive = true,
                });
            await db.SaveChangesAsync();
            var view = (await MappingRounds.GetAsync(db, Officer("32.77"), roundId, _clock)).Value!;
            var late = view.Agencies.Where(a => a.Late).Select(a => a.AgencyId).ToList();
            Assert.Equal([_agencies[("32.77", "DLH")]], late);
            Assert.IsType<NotFoundError>((await MappingRounds.GetAsync(db, Officer("32.05"), roundId, _clock)).Error);
            var sent = await MappingRounds.RemindAsync(db, Officer("32.77"), roundId, new ReminderInput(null, null), _clock);
            Assert.True(sent.Ok, sent.Error?.Message);
            Assert.Single(sent.Value!);
            Assert.IsType<ConflictError>((await MappingRounds.RemindAsync(db, Officer("32.77"), roundId, new ReminderInput(_agencies[("32.77", "DKPP")], null), _clock)).Error);
            Assert.Single((await MappingRounds.MyRemindersAsync(db, Opd("32.77", "DLH"))).Value!);
            Assert.Empty((await MappingRounds.MyRemindersAsync(db, Opd("32.77", "DKPP"))).Value!);
            // In the bell: the late OPD only, once, linking to the round.
            var inbox = (await Jalin.Core.Notifications.Inbox.ListAsync(db, Opd("32.77", "DLH"), 1, 10)).Value!.Items;
            var bell = Assert.Single(inbox);
            Assert.Equal(Jalin.Core.Notifications.NotificationKind.Reminder, bell.Kind);
            Assert.Equal($"/app/pemetaan/putaran/{roundId}", bell.Link);
            Assert.Equal(0, (await Jalin.Core.Notifications.Inbox.UnreadCountAsync(db, Opd("32.77", "DKPP"))).Value);
        }
    }

    private async Task<MappingReport> ReportAsync()
    {
        await ItemAsync("32.77", MappingKind.Need, "2.09", "Pasokan cabai merah", location: "Pasar Atas Baru", program: "Program Ketahanan Pangan");
        await ItemAsync("32.77", MappingKind.Potential, "2.09", "Olahan pangan UMKM", agency: "DLH", location: "Cimahi Utara");
        await ItemAsync("32.77", MappingKind.Potential, "2.16", "Pusat data Cimahi", location: "Cimahi Techno Park", program: "Program Aplikasi Informatika");
        await ItemAsync("32.77", MappingKind.Need, "2.11", "Lahan kompos (draf)", MappingStatus.Draft);
        await using var db = _db.NewDb();
        var r = await BuildMappingReport.HandleAsync(db, Officer("32.77"), null, null, _clock);
        Assert.True(r.Ok, r.Error?.Message);
        return r.Value!;
    }

    [Fact]
    public async Task Report_GroupsAcceptedItemsByUrusan_WithTotalsPerUrusanAndOpd()
    {
        var report = await ReportAsync();
        Assert.Equal(["2.09", "2.16"], report.Affairs.Select(a => a.AffairCode)); // the draft is not reported
        Assert.Equal((1, 1), (report.Affairs[0].Potentials, report.Affairs[0].Needs));
        Assert.Equal("Potensi", report.Affairs[0].Rows[0].KindLabel);
        Assert.Equal((2, 1), (report.Potentials, report.Needs));
        Assert.Equal([("DKPP 32.77", 1, 1), ("DLH 32.77", 1, 0)], report.Agencies.Select(a => (a.AgencyName, a.Potentials, a.Needs)));
        await using var db = _db.NewDb();
        Assert.IsType<ForbiddenError>((await BuildMappingReport.HandleAsync(db, Opd("32.77", "DLH"), null, null, _clock)).Error);
        Assert.IsType<NotFoundError>((await BuildMappingReport.HandleAsync(db, Officer("32.05"), "32.77", null, _clock)).Error);
    }

    [Fact]
    public async Task Xlsx_ReRead_MatchesTheReport()
    {
        var report = await ReportAsync();
        var file = MappingExport.Xlsx(report);
        Assert.EndsWith(".xlsx", file.FileName);
        using var stream = new MemoryStream(file.Content);
        Assert.Equal([MappingExport.SheetItems, MappingExport.SheetAgencies], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: MappingExport.SheetItems).Cast<IDictionary<string, object?>>().ToList();
        var expected = report.Affairs.SelectMany(a => a.Rows.Select(r => (a.AffairCode, a.AffairName, r.KindLabel, r.Title, r.AgencyName, r.Location, r.Program))).ToList();
        var itemRows = rows.Where(r => r["Jenis"] as string != "Jumlah").ToList();
        Assert.Equal(expected.Count, itemRows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var row = itemRows[i];
            Assert.Equal(i + 1, Convert.ToInt32(row["No"]));
            Assert.Equal(expected[i], ((string)row["Kode Urusan"]!, (string)row["Urusan"]!, (string)row["Jenis"]!, (string)row["Judul"]!,
                (string)row["Perangkat Daerah"]!, row["Lokasi"] as string, row["Program RPJMD/RKPD"] as string));
        }
        var totals = rows.Where(r => r["Jenis"] as string == "Jumlah").Select(r => (string)r["Judul"]!).ToList();
        Assert.Equal(["1 potensi, 1 kebutuhan", "1 potensi, 0 kebutuhan", "2 potensi, 1 kebutuhan"], totals);
        stream.Position = 0;
        var perOpd = stream.Query(useHeaderRow: true, sheetName: MappingExport.SheetAgencies).Cast<IDictionary<string, object?>>()
            .Select(r => ((string)r["Perangkat Daerah"]!, Convert.ToInt32(r["Potensi"]), Convert.ToInt32(r["Kebutuhan"]), Convert.ToInt32(r["Jumlah"]))).ToList();
        Assert.Equal([("DKPP 32.77", 1, 1, 2), ("DLH 32.77", 1, 0, 1), ("Jumlah", 2, 1, 3)], perOpd);
    }

    [Fact]
    public async Task Pdf_ProducedThroughLibreOffice_CarriesTheReportText()
    {
        var report = await ReportAsync();
        var converter = new PdfConverter(new PdfOptions());
        Assert.True(converter.IsAvailable,
            "LibreOffice (soffice) is not installed, so the PDF tests cannot run. Run scripts/install-test-deps (installs libreoffice-writer-nogui).");
        var pdf = await MappingExport.PdfAsync(report, converter, null, CancellationToken.None);
        Assert.True(pdf.Ok, pdf.Error?.Message);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf.Value!.Content, 0, 4));
        using var doc = PdfDocument.Open(pdf.Value.Content);
        var text = Regex.Replace(string.Join(" ", doc.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), @"\s+", " ");
        Assert.Contains("LAPORAN PEMETAAN", text);
        Assert.Contains("Pasokan cabai merah", text);
        Assert.Contains("Pusat data Cimahi", text);
    }
}
