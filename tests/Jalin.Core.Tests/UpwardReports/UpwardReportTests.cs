using System.Text.RegularExpressions;
using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Evaluation;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Notifications;
using Jalin.Core.Reminders;
using Jalin.Core.Tests.Infrastructure;
using Jalin.Core.UpwardReports;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Jalin.Core.Tests.UpwardReports;

/// <summary>Issue #11 item 7: the annual report of a region built from its data (real SQLite, real migrations). KSDPL/KSDLL
/// part per Permendagri 25/2020 Pasal 35–37 (kab/kota to the Governor by the first week of January); KSDD/KSDPK/Sinergi
/// part praktik daerah as material for pembinaan dan pengawasan (PP 28/2018 Pasal 44 ayat (4)).</summary>
public sealed class UpwardReportTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 1, 5));
    private TestDb _db = null!;
    private FileStore _files = null!;
    private string _root = null!;
    private Guid _ksdd, _ksdpl, _ended;

    private static readonly CurrentActor Member = new("tkksd-cimahi", "tkksd.cimahi", "Anggota TKKSD", Role.TeamMember, Actors.Cimahi);
    private static readonly CurrentActor PembinaJabar = new("pembina-jabar", "pembina.jabar", "Biro Pemerintahan Jabar", Role.SupervisorProvince, "32");
    private static readonly CurrentActor PembinaJatim = new("pembina-jatim", "pembina.jatim", "Biro Pemerintahan Jatim", Role.SupervisorProvince, "35");
    private static readonly CurrentActor Kemendagri = new("pembina-kemendagri", "pembina.kemendagri", "Ditjen Bina Adwil", Role.SupervisorNational, null);

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _root = Path.Combine(Path.GetTempPath(), "jalin-upward-" + Guid.NewGuid().ToString("N"));
        _files = new FileStore(new FileStoreOptions { Root = _root });
        await using var db = _db.NewDb();
        foreach (var a in new[] { Actors.Officer, Actors.Leader, Actors.Dprd, Member, PembinaJabar, PembinaJatim, Kemendagri, Actors.Stranger })
            db.Users.Add(new ApplicationUser
            {
                Id = a.UserId, UserName = a.UserName, NormalizedUserName = a.UserName.ToUpperInvariant(), FullName = a.FullName, Role = a.Role,
                RegionCode = a.RegionCode, IsActive = true, Email = a.UserName + "@contoh.go.id",
            });
        var agency = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup", ShortName = "DLH" };
        db.Agencies.Add(agency);
        _ksdd = Add(db, CooperationKind.KsddSukarela, "Pengelolaan sampah regional", new(2025, 3, 1), new(2027, 12, 31), 150_000_000m, Stage.Implementation, "Kabupaten Bandung", Actors.KabBandung);
        _ksdpl = Add(db, CooperationKind.Ksdpl, "Kota kembar Cimahi–Gimhae", new(2023, 5, 10), new(2028, 5, 9), 80_000_000m, Stage.Implementation, "Gimhae City", null);
        _ended = Add(db, CooperationKind.Ksdpk, "Parkir elektronik", new(2022, 7, 1), new(2025, 6, 30), 20_000_000m, Stage.Ended, "PT Parkir Digital", null);
        Add(db, CooperationKind.KsddSukarela, "Belum berjalan tahun 2025", new(2026, 2, 1), new(2027, 1, 31), 999m, Stage.Implementation, "Kota Bandung", "32.73");
        Add(db, CooperationKind.KsddSukarela, "Kerja sama Garut", new(2025, 1, 1), new(2026, 12, 31), 5_000m, Stage.Implementation, "Kota Cimahi", Actors.Cimahi, owner: "32.05");
        // Progress reports of periods ending in 2025: accepted on time, submitted late (not accepted), missing past due.
        db.ProgressReports.Add(Report(agency, _ksdd, 1, new(2025, 3, 1), new(2025, 5, 31), new(2025, 6, 14), new(2025, 6, 10), ReportStatus.Accepted, 25_000_000m,
            [new() { Indicator = "Sampah terangkut", Unit = "ton", Target = 100, Actual = 120 }, new() { Indicator = "TPS terlayani", Unit = "unit", Target = 50, Actual = 30 }],
            "Truk sampah rusak dua minggu.", "Pengadaan truk cadangan."));
        db.ProgressReports.Add(Report(agency, _ksdd, 2, new(2025, 6, 1), new(2025, 8, 31), new(2025, 9, 14), new(2025, 9, 20), ReportStatus.Submitted, 10_000_000m, [], null, null));
        db.ProgressReports.Add(Report(agency, _ksdd, 3, new(2025, 9, 1), new(2025, 11, 30), new(2025, 12, 14), null, ReportStatus.Draft, null, [], null, null));
        db.ProgressReports.Add(Report(agency, _ksdpl, 10, new(2025, 1, 1), new(2025, 6, 30), new(2025, 7, 14), new(2025, 7, 1), ReportStatus.Accepted, 40_000_000m,
            [new() { Indicator = "Pertukaran pelajar", Unit = "orang", Target = 20, Actual = 20 }], "Jadwal visa mundur.", "Ajukan visa tiga bulan lebih awal.",
            activities: "Pertukaran pelajar SMK ke Gimhae (kegiatan unggulan).", beneficiaries: "20 siswa SMK Negeri Cimahi"));
        db.AgreementEvaluations.Add(new AgreementEvaluation
        {
            RegionCode = Actors.Cimahi, AgreementId = _ksdd, EvaluatedOn = new(2025, 11, 20), Score = 3.80m, Findings = "Laporan triwulan II terlambat.",
            Recommendation = EvaluationRecommendation.Lanjutkan, EvaluatorUserId = Member.UserId, EvaluatorName = Member.FullName,
        });
        db.AgreementEvaluations.Add(new AgreementEvaluation
        {
            RegionCode = Actors.Cimahi, AgreementId = _ksdd, EvaluatedOn = new(2024, 11, 20), Score = 2.00m, Findings = "Tahun sebelumnya.",
            Recommendation = EvaluationRecommendation.Ubah, EvaluatorUserId = Member.UserId, EvaluatorName = Member.FullName,
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private static Guid Add(JalinDb db, CooperationKind kind, string title, DateOnly start, DateOnly end, decimal value, Stage stage, string partner, string? partnerRegion,
        string owner = Actors.Cimahi)
    {
        var a = new Agreement
        {
            RegionCode = owner, Kind = kind, Title = title, Object = "Objek " + title, Scope = "Ruang lingkup " + title, AffairCode = null,
            Value = value, FundingSource = FundingSource.Apbd, SignedOn = start, StartsOn = start, EndsOn = end, CreatedAt = DateTimeOffset.UnixEpoch,
        };
        a.Start();
        a.RestoreStage(stage, stage == Stage.Ended ? EndReason.TermExpired : null);
        a.Parties.Add(new AgreementParty { AgreementId = a.Id, Order = 1, RegionCode = owner, Name = owner == Actors.Cimahi ? "Kota Cimahi" : "Kabupaten Garut" });
        a.Parties.Add(new AgreementParty { AgreementId = a.Id, Order = 2, RegionCode = partnerRegion, Name = partner });
        db.Agreements.Add(a);
        return a.Id;
    }

    private static ProgressReport Report(Agency agency, Guid agreement, int n, DateOnly from, DateOnly to, DateOnly due, DateOnly? submitted, ReportStatus status,
        decimal? budget, List<ReportIndicator> indicators, string? obstacles, string? followUp, string activities = "Pengangkutan sampah", string? beneficiaries = "Warga 3 kecamatan") => new()
    {
        AgreementId = agreement, RegionCode = Actors.Cimahi, AgencyId = agency.Id, AgencyName = agency.Name, Period = ReportPeriod.Quarterly, PeriodNumber = n,
        PeriodStart = from, PeriodEnd = to, DueOn = due, Status = status, FirstSubmittedOn = submitted, SubmittedOn = submitted, Activities = activities,
        Indicators = indicators, BudgetRealisation = budget, Beneficiaries = beneficiaries, Obstacles = obstacles, FollowUp = followUp, CreatedBy = "opd",
    };

    private async Task<UpwardReportData> BuildAsync()
    {
        await using var db = _db.NewDb();
        return await UpwardReportBuilder.BuildAsync(db, Actors.Cimahi, 2025, Wib.Today(_clock));
    }

    [Fact]
    public async Task Figures_equal_the_database_for_the_year_and_only_the_regions_own_agreements()
    {
        var d = await BuildAsync();
        await using var db = _db.NewDb();
        var first = new DateOnly(2025, 1, 1); var last = new DateOnly(2025, 12, 31);
        var expected = (await db.Agreements.AsNoTracking().Where(a => a.RegionCode == Actors.Cimahi && a.StartsOn <= last && a.EndsOn >= first).ToListAsync());
        Assert.Equal(expected.Select(a => a.Id).Order(), d.Agreements.Select(a => a.Id).Order());
        Assert.Equal(3, d.Figures.Agreements);
        Assert.Equal(1, d.Figures.Foreign);
        Assert.Equal(2, d.Figures.Domestic);
        Assert.Equal(1, d.Figures.New);      // signed 1 Mar 2025
        Assert.Equal(1, d.Figures.Ended);    // ended 30 Jun 2025
        Assert.Equal(expected.Sum(a => a.Value ?? 0), d.Figures.TotalValue);
        Assert.Equal(250_000_000m, d.Figures.TotalValue);
        // Timeliness counts every report of the year; indicators and budget only the accepted ones.
        Assert.Equal((2, 1, 1), (d.Figures.ReportsOnTime, d.Figures.ReportsLate, d.Figures.ReportsMissing));
        var acceptedBudget = await db.ProgressReports.Where(r => r.Status == ReportStatus.Accepted && r.RegionCode == Actors.Cimahi).SumAsync(r => (double?)r.BudgetRealisation);
        Assert.Equal((decimal)acceptedBudget!.Value, d.Figures.BudgetRealisation);
        Assert.Equal(65_000_000m, d.Figures.BudgetRealisation);
        Assert.Equal((3, 2), (d.Figures.Indicators, d.Figures.IndicatorsMet));
        Assert.Equal(1, d.Figures.Evaluations);
        Assert.Equal(3.80m, d.Figures.AverageScore);
        // Kab/kota → Gubernur, first week of January (Permendagri 25/2020 Pasal 35), the Reminders deadline function.
        Assert.Equal("Gubernur Jawa Barat", d.Recipient);
        Assert.Equal(ReminderRules.ForeignReportDeadline(2025, isProvince: false), d.Deadline);
        Assert.Equal(new DateOnly(2026, 1, 7), d.Deadline);
        var foreign = Assert.Single(d.ForeignAgreements);
        Assert.Contains("kegiatan unggulan", foreign.Activities.Single());
        Assert.Equal("20 siswa SMK Negeri Cimahi", foreign.Beneficiaries.Single());
        Assert.Equal(2, d.ByKind.Sum(c => c.Count));
    }

    [Fact]
    public async Task A_province_reports_to_the_Minister_by_the_second_week_of_January_Permendagri_25_2020_Pasal_36()
    {
        await using var db = _db.NewDb();
        var d = await UpwardReportBuilder.BuildAsync(db, "32", 2025, Wib.Today(_clock));
        Assert.StartsWith("Menteri Dalam Negeri", d.Recipient);
        Assert.Contains("Bina Administrasi Kewilayahan", d.Recipient);
        Assert.Equal(0, d.Figures.Agreements);
        // No foreign cooperation: the domestic date is the region's (default 31 January, pengaturan daerah).
        Assert.Equal(new DateOnly(2026, 1, 31), d.Deadline);
        Assert.Equal(new DateOnly(2026, 1, 14), ReminderRules.ForeignReportDeadline(2025, isProvince: true));
    }

    [Fact]
    public async Task Xlsx_reread_with_MiniExcel_has_the_five_sheets_and_totals_equal_the_database()
    {
        var d = await BuildAsync();
        var file = UpwardReportExport.Xlsx(d);
        using var stream = new MemoryStream(file.Content);
        Assert.Equal([UpwardReportExport.SheetSummary, UpwardReportExport.SheetAgreements, UpwardReportExport.SheetIndicators, UpwardReportExport.SheetBudget, UpwardReportExport.SheetMonev],
            stream.GetSheetNames());
        var list = stream.Query(useHeaderRow: true, sheetName: UpwardReportExport.SheetAgreements).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(4, list.Count); // 3 agreements + Jumlah
        var total = list.Single(r => (string?)r["Kerja Sama"] == UpwardReportExport.TotalLabel);
        Assert.Equal(250_000_000m, Convert.ToDecimal(total["Nilai (Rp)"]));
        Assert.Equal(list.Where(r => r["No"] is not null).Sum(r => Convert.ToDecimal(r["Nilai (Rp)"])), Convert.ToDecimal(total["Nilai (Rp)"]));
        Assert.Equal("A", list.Single(r => (string?)r["Kerja Sama"] == "Kota kembar Cimahi–Gimhae")["Bagian"]);
        var budget = stream.Query(useHeaderRow: true, sheetName: UpwardReportExport.SheetBudget).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(65_000_000m, Convert.ToDecimal(budget.Single(r => (string?)r["Kerja Sama"] == UpwardReportExport.TotalLabel)["Realisasi (Rp)"]));
        var indicators = stream.Query(useHeaderRow: true, sheetName: UpwardReportExport.SheetIndicators).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, indicators.Count);
        Assert.Equal(120m, Convert.ToDecimal(indicators.Single(r => (string?)r["Indikator"] == "Sampah terangkut")["Capaian (%)"]));
        var monev = stream.Query(useHeaderRow: true, sheetName: UpwardReportExport.SheetMonev).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3.80m, Convert.ToDecimal(Assert.Single(monev)["Nilai"]));
        var summary = stream.Query(useHeaderRow: true, sheetName: UpwardReportExport.SheetSummary).Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Uraian"]!, r => r["Nilai"]);
        Assert.Equal(3, Convert.ToInt32(summary["Jumlah kerja sama yang berjalan dalam tahun laporan"]));
        Assert.Equal("Gubernur Jawa Barat", summary["Kepada"]);
    }

    [Fact]
    public async Task Pdf_through_LibreOffice_reads_back_with_the_lampiran_IV_sections_and_the_domestic_part()
    {
        var d = await BuildAsync();
        var converter = new PdfConverter(new PdfOptions());
        Assert.True(converter.IsAvailable, "LibreOffice (soffice) is not installed; run scripts/install-test-deps.");
        var pdf = await converter.ConvertDocxAsync(UpwardReportExport.Docx(d), null, CancellationToken.None);
        Assert.True(pdf.Ok, pdf.Error?.Message);
        using var doc = PdfDocument.Open(pdf.Value!);
        var text = Regex.Replace(string.Join(" ", doc.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), @"\s+", " ");
        Assert.Contains("Gubernur Jawa Barat", text);
        Assert.Contains("LAPORAN PELAKSANAAN KERJA SAMA DAERAH TAHUN 2025", text);
        Assert.Contains("Lampiran IV", text);
        Assert.Contains("Kota kembar Cimahi–Gimhae", text);
        Assert.Contains("Penerima manfaat", text);
        Assert.Contains("Hambatan dan tantangan", text);
        Assert.Contains("praktik daerah", text);
        Assert.Contains("PP 28/2018 Pasal 44", text);
        Assert.Contains("Rp 65.000.000,00", text); // ringkasan: realisasi anggaran
    }

    [Fact]
    public async Task Send_requires_letter_number_and_date_notifies_the_governors_office_and_a_new_version_keeps_the_sent_one()
    {
        UpwardReportVersion draft;
        await using (var db = _db.NewDb())
        {
            Assert.IsType<ValidationError>((await UpwardReporting.GenerateAsync(db, _files, null, Actors.Officer, new(2017), _clock)).Error);
            Assert.IsType<ValidationError>((await UpwardReporting.GenerateAsync(db, _files, null, Actors.Officer, new(2026 + 1), _clock)).Error);
            Assert.IsType<ForbiddenError>((await UpwardReporting.GenerateAsync(db, _files, null, Member, new(2025), _clock)).Error);
            draft = (await UpwardReporting.GenerateAsync(db, _files, null, Actors.Officer, new(2025), _clock)).Value!;
        }
        Assert.Equal((1, UpwardReportStatus.Draft), (draft.Number, draft.Status));
        await using (var db = _db.NewDb())
        {
            var bad = (await UpwardReporting.SendAsync(db, _files, null, Actors.Officer, draft.Id, new(" ", new DateOnly(2026, 1, 9)), _clock)).Error as ValidationError;
            Assert.NotNull(bad);
            Assert.Equal("Nomor surat pengantar wajib diisi.", bad!.Fields["letterNumber"][0]);
            Assert.Equal("Tanggal kirim tidak boleh setelah hari ini.", bad.Fields["sentOn"][0]);
            Assert.IsType<ValidationError>((await UpwardReporting.SendAsync(db, _files, null, Actors.Officer, draft.Id, new("000/1/Pem", null), _clock)).Error);
            Assert.IsType<NotFoundError>((await UpwardReporting.SendAsync(db, _files, null, Actors.Stranger, draft.Id, new("000/1/Pem", new(2026, 1, 5)), _clock)).Error);
            Assert.IsType<ForbiddenError>((await UpwardReporting.SendAsync(db, _files, null, Actors.Leader, draft.Id, new("000/1/Pem", new(2026, 1, 5)), _clock)).Error);
        }
        await using (var db = _db.NewDb())
        {
            Assert.Equal(UpwardReportStatus.Draft, (await db.UpwardReports.SingleAsync()).Status); // nothing stored by the refused sends
            Assert.Empty(await db.Notifications.Where(n => n.SubjectType == UpwardReporting.Subject).ToListAsync());
            // Supervisors do not read drafts.
            Assert.IsType<NotFoundError>((await UpwardReporting.DownloadAsync(db, _files, new PdfConverter(new PdfOptions()), PembinaJabar, draft.Id, "xlsx")).Error);
            var sent = await UpwardReporting.SendAsync(db, _files, null, Actors.Officer, draft.Id, new("000.1.6/12/Pem", new(2026, 1, 5)), _clock);
            Assert.True(sent.Ok, sent.Error?.Message);
            Assert.Equal(UpwardReportStatus.Sent, sent.Value!.Status);
            Assert.IsType<ConflictError>((await UpwardReporting.SendAsync(db, _files, null, Actors.Officer, draft.Id, new("x", new(2026, 1, 5)), _clock)).Error);
        }
        await using (var db = _db.NewDb())
        {
            var notes = await db.Notifications.Where(n => n.SubjectType == UpwardReporting.Subject).ToListAsync();
            Assert.Equal([PembinaJabar.UserId], notes.Select(n => n.RecipientUserId)); // not Jatim's, not Kemendagri's
            Assert.Contains("000.1.6/12/Pem", notes[0].Body);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType.Contains("UpwardReport")));
            var xlsx = await UpwardReporting.DownloadAsync(db, _files, new PdfConverter(new PdfOptions()), PembinaJabar, draft.Id, "xlsx");
            Assert.True(xlsx.Ok);
            using var stream = new MemoryStream(xlsx.Value!.Content);
            Assert.Equal(3, stream.Query(useHeaderRow: true, sheetName: UpwardReportExport.SheetAgreements).Count() - 1);
            Assert.IsType<NotFoundError>((await UpwardReporting.DownloadAsync(db, _files, new PdfConverter(new PdfOptions()), PembinaJatim, draft.Id, "xlsx")).Error);
            Assert.True((await UpwardReporting.DownloadAsync(db, _files, new PdfConverter(new PdfOptions()), Actors.Dprd, draft.Id, "xlsx")).Ok);
            Assert.IsType<NotFoundError>((await UpwardReporting.DownloadAsync(db, _files, new PdfConverter(new PdfOptions()), Actors.Dprd, draft.Id, "exe")).Error);
            // Regenerating after sending: version 2 as draft, version 1 stays sent.
            var v2 = (await UpwardReporting.GenerateAsync(db, _files, null, Actors.Officer, new(2025), _clock)).Value!;
            Assert.Equal((2, UpwardReportStatus.Draft), (v2.Number, v2.Status));
        }
        await using (var db = _db.NewDb())
        {
            var rows = await db.UpwardReports.OrderBy(r => r.Number).ToListAsync();
            Assert.Equal([UpwardReportStatus.Sent, UpwardReportStatus.Draft], rows.Select(r => r.Status));
            Assert.Equal("000.1.6/12/Pem", rows[0].LetterNumber);
            // The DPRD secretariat reads the sent version only, without the working figures.
            var dprd = (await UpwardReporting.PreviewAsync(db, Actors.Dprd, 2025, _clock)).Value!;
            Assert.Null(dprd.Data);
            Assert.Equal([1], dprd.Versions.Select(v => v.Number));
            var member = (await UpwardReporting.PreviewAsync(db, Member, 2025, _clock)).Value!;
            Assert.Equal(2, member.Versions.Count);
            Assert.False(member.CanManage);
            Assert.IsType<ForbiddenError>((await UpwardReporting.PreviewAsync(db, PembinaJabar, 2025, _clock)).Error);
        }
    }

    [Fact]
    public async Task Recap_is_for_supervisors_only_and_shows_each_kab_kota_sent_on_time_with_the_snapshot_totals()
    {
        await using (var db = _db.NewDb())
        {
            var v = (await UpwardReporting.GenerateAsync(db, _files, null, Actors.Officer, new(2025), _clock)).Value!;
            Assert.True((await UpwardReporting.SendAsync(db, _files, null, Actors.Officer, v.Id, new("000/7/Pem", new(2026, 1, 5)), _clock)).Ok);
        }
        await using (var db2 = _db.NewDb())
        {
            Assert.IsType<ForbiddenError>((await UpwardReporting.RecapAsync(db2, Actors.Officer, 2025, _clock)).Error);
            Assert.IsType<ForbiddenError>((await UpwardReporting.RecapAsync(db2, Actors.Leader, 2025, _clock)).Error);
            var recap = (await UpwardReporting.RecapAsync(db2, PembinaJabar, 2025, _clock)).Value!;
            Assert.Equal(await db2.Regions.CountAsync(r => r.ProvinceCode == "32" && r.Level != Jalin.Core.Regions.RegionLevel.Province), recap.Rows.Count);
            var cimahi = recap.Rows.Single(r => r.RegionCode == Actors.Cimahi);
            Assert.True(cimahi.Sent);
            Assert.True(cimahi.OnTime);
            Assert.Equal("Tepat waktu", cimahi.Timeliness);
            Assert.Equal(3, cimahi.Figures.Agreements);
            var garut = recap.Rows.Single(r => r.RegionCode == "32.05");
            Assert.False(garut.Sent);
            Assert.Equal(1, garut.Figures.Agreements); // computed from the data while not sent
            Assert.Equal(1, recap.Sent);
            Assert.Equal(3, recap.SentTotals.Agreements);
            Assert.Equal(65_000_000m, recap.SentTotals.BudgetRealisation);
            Assert.Equal(recap.Rows.Sum(r => r.Figures.Agreements), recap.AllTotals.Agreements);
            Assert.DoesNotContain(recap.Rows, r => !r.RegionCode.StartsWith("32."));
            using var stream = new MemoryStream(UpwardReportExport.RecapXlsx(recap).Content);
            var rows = stream.Query(useHeaderRow: true, sheetName: UpwardReportExport.SheetRecap).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(recap.Rows.Count, rows.Count);
            Assert.Equal(recap.AllTotals.Agreements, rows.Sum(r => Convert.ToInt32(r["Kerja Sama"])));
            var national = (await UpwardReporting.RecapAsync(db2, Kemendagri, 2025, _clock)).Value!;
            Assert.Equal(38, national.Rows.Count);
            Assert.All(national.Rows, r => Assert.DoesNotContain('.', r.RegionCode));
            Assert.IsType<ValidationError>((await UpwardReporting.RecapAsync(db2, Kemendagri, 1999, _clock)).Error);
        }
    }

    [Fact]
    public async Task The_January_reminder_stops_once_the_report_is_recorded_sent_Permendagri_25_2020_Pasal_35()
    {
        // 24 Dec 2025: 14 days before 7 January, the foreign report reminder goes out.
        _clock.SetDay(new DateOnly(2025, 12, 24));
        await RunReminders.HandleAsync(_db.NewDb, _clock);
        int Count(JalinDb db, string step) => db.Notifications.Count(n => n.RecipientUserId == Actors.Officer.UserId && n.DedupeKey.StartsWith("pengingat:laporan-ln:") && n.DedupeKey.EndsWith(step));
        await using (var db = _db.NewDb()) Assert.Equal(1, Count(db, ":14h"));
        // A control region-year without a sent report still gets the 3-day step: checked through the rules directly.
        _clock.SetDay(new DateOnly(2026, 1, 5));
        await using (var db = _db.NewDb())
        {
            var v = (await UpwardReporting.GenerateAsync(db, _files, null, Actors.Officer, new(2025), _clock)).Value!;
            Assert.True((await UpwardReporting.SendAsync(db, _files, null, Actors.Officer, v.Id, new("000/9/Pem", new(2026, 1, 5)), _clock)).Ok);
        }
        _clock.SetDay(new DateOnly(2026, 1, 5));
        await RunReminders.HandleAsync(_db.NewDb, _clock);
        await using (var db = _db.NewDb())
        {
            Assert.Equal(0, Count(db, ":3h"));
            Assert.Equal(0, Count(db, ":0h"));
        }
        // Garut has not sent: its officer would still be reminded (the rule itself is unchanged).
        Assert.NotEmpty(ReminderRules.UpwardReports("32.05", false, true, false, ReminderSettings.Default, new DateOnly(2026, 1, 5),
            new WorkingDayCalendar([])));
    }
}
