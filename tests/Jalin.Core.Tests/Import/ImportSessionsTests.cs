using System.Text;
using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Audit;
using Jalin.Core.Common;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Import;
using Jalin.Core.Lifecycle;
using Jalin.Core.Partners;
using Jalin.Core.Tests.Infrastructure;
using Jalin.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jalin.Core.Tests.Import;

/// <summary>The import of a legacy register end to end on a real SQLite database built by the migrations: the messy
/// register's problems, the corrections, exactly the records the commit creates, all-or-nothing under an injected
/// failure, progress and resume, scans in bulk, and an export → import round trip.</summary>
public sealed class ImportSessionsTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private readonly string _files = Path.Combine(Path.GetTempPath(), "jalin-import-tests", Guid.NewGuid().ToString("N"));
    private TestDb _db = null!;
    private FileStore _store = null!;
    private Guid _unjani;
    private readonly Dictionary<string, Guid> _agencies = [];
    private static readonly CurrentActor Officer = Actors.Officer;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _store = new FileStore(new FileStoreOptions { Root = _files });
        await using var db = _db.NewDb();
        foreach (var (s, n) in new[] { ("DLH", "Dinas Lingkungan Hidup Kota Cimahi"), ("Disdik", "Dinas Pendidikan Kota Cimahi"), ("Disparbud", "Dinas Pariwisata dan Kebudayaan Kota Cimahi"),
                     ("PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang Kota Cimahi") })
        {
            var a = new Agency { RegionCode = Actors.Cimahi, Name = n, ShortName = s };
            _agencies[s] = a.Id;
            db.Agencies.Add(a);
        }
        var unjani = new Partner { RegionCode = Actors.Cimahi, Kind = PartnerKind.University, Name = "Universitas Jenderal Achmad Yani", CreatedAt = _clock.GetUtcNow() };
        _unjani = unjani.Id;
        db.Partners.Add(unjani);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_files, recursive: true); } catch (IOException) { }
    }

    private async Task<T> Ok<T>(Func<Jalin.Core.Data.JalinDb, Task<Result<T>>> call)
    {
        await using var db = _db.NewDb();
        var r = await call(db);
        Assert.True(r.Ok, r.Error?.Message);
        return r.Value!;
    }

    private Task<ImportSessionView> Upload(byte[] content, ImportTarget target = ImportTarget.Agreements, string name = "register-lama.xlsx") =>
        Ok(db => ImportSessions.UploadAsync(db, _store, new ImportOptions(), Officer, new UploadImportRequest(target, name, content), _clock));

    private Task<ImportPreview> Preview(Guid id, bool onlyProblems = false) =>
        Ok(db => ImportSessions.PreviewAsync(db, _store, Officer, id, 1, 200, onlyProblems, _clock));

    private static string[] Messages(ImportRowView row, ProblemLevel level) => row.Problems.Where(p => p.Level == level).Select(p => $"{p.Field}: {p.Message}").ToArray();

    [Fact]
    public async Task MessyRegister_ShowsTheExpectedProblems_AndOnceFixed_CreatesExactlyTheExpectedRecords()
    {
        var file = LegacyRegisters.Messy("t1");
        var session = await Upload(file);
        Assert.Equal((4, 5, ImportStatus.Uploaded, 5), (session.HeaderRow, session.SubHeaderRow, session.Status, session.RowsTotal));
        Assert.Equal("Jangka Waktu Mulai", session.Fields.Single(f => f.Code == "startsOn").Header);

        var preview = await Preview(session.Id);
        Assert.Equal([6, 8, 9, 10, 12], preview.Page.Items.Select(r => r.Row));
        Assert.Equal((3, 2, false), (preview.ErrorRows, preview.ReadyRows, preview.CanCommit));
        var rows = preview.Page.Items.ToDictionary(r => r.Row);
        Assert.Equal("partnerRegion: Daerah \"Kab. Bandng\" tidak ditemukan persis di daftar resmi. Pilih salah satu: Kabupaten Bandung, Kabupaten Batang, Kabupaten Badung.", Messages(rows[6], ProblemLevel.Error).Single());
        Assert.Equal(["Kabupaten Bandung", "Kabupaten Batang", "Kabupaten Badung"], rows[6].Problems.Single(p => p.Level == ProblemLevel.Error).Suggestions);
        Assert.Empty(Messages(rows[8], ProblemLevel.Error));
        Assert.Equal([
            $"partner: Mitra baru \"PT. Tirta Raharja Abadi t1\" akan ditambahkan ke daftar mitra daerah.",
            "endsOn: Jangka waktu melebihi 5 tahun (pengaturan daerah); catat dasar hukumnya pada halaman kerja sama.",
            "agency: Perangkat daerah \"Dinas PUPR\" tidak ditemukan di daerah ini. OPD pelaksana dikosongkan.",
        ], Messages(rows[8], ProblemLevel.Warning));
        Assert.Equal(["partner: Mitra sudah ada: \"Universitas Jenderal Achmad Yani\". Baris ini ditautkan ke mitra yang ada; pilih \"buat baru\" bila berbeda."],
            Messages(rows[9], ProblemLevel.Warning));
        Assert.Equal("warning", rows[9].Status);
        Assert.Equal(["startsOn: Tanggal 31 tidak ada pada bulan Februari 2023."], Messages(rows[10], ProblemLevel.Error));
        Assert.Equal(new[] { "title: Judul wajib diisi.", "partner: Mitra atau daerah mitra wajib diisi.", "kind: Jenis kerja sama wajib diisi." }.Order(),
            Messages(rows[12], ProblemLevel.Error).Order());

        var refused = await ImportSessionsCommit(session.Id);
        Assert.Equal("Masih ada 3 baris bermasalah. Perbaiki atau lewati baris itu sebelum menyimpan.", refused.Error!.Message);
        await using (var db = _db.NewDb()) Assert.Equal(0, await db.Agreements.CountAsync());

        var fixed6 = await Ok(db => ImportSessions.FixAsync(db, _store, Officer, session.Id, 6, new ImportFixRequest { Values = { ["partnerRegion"] = "Kabupaten Bandung" } }, _clock));
        Assert.Equal("ok", fixed6.Row.Status);
        Assert.Equal(["partnerRegion"], fixed6.Row.Fixed);
        Assert.Equal("KSDD sukarela, tahap Berakhir; pihak: Kabupaten Bandung", fixed6.Row.Outcome);
        var fixed10 = await Ok(db => ImportSessions.FixAsync(db, _store, Officer, session.Id, 10, new ImportFixRequest { Values = { ["startsOn"] = "28/02/2023" } }, _clock));
        Assert.Equal("ok", fixed10.Row.Status);
        var skipped = await Ok(db => ImportSessions.SkipAsync(db, _store, Officer, session.Id, 12, true, _clock));
        Assert.Equal((0, 4, 1, true), (skipped.ErrorRows, skipped.ReadyRows, skipped.SkippedRows, skipped.CanCommit));

        var committed = await Ok(db => ImportSessions.CommitAsync(db, _store, Officer, session.Id, _clock));
        Assert.Equal((4, 1, 1, 1), (committed.Created, committed.PartnersCreated, committed.Linked, committed.Skipped));
        Assert.Equal(ImportStatus.Committed, committed.Session.Status);

        await using var check = _db.NewDb();
        var agreements = await check.Agreements.AsNoTracking().Include(a => a.Parties).Include(a => a.History).Where(a => a.ImportSessionId == session.Id).ToListAsync();
        Assert.Equal(4, agreements.Count);
        Assert.Equal(4, await check.Agreements.CountAsync());
        var byNumber = agreements.ToDictionary(a => a.Parties.Single(p => p.Order == 1).DocumentNumber!);
        var newPartner = await check.Partners.SingleAsync(p => p.Name == "PT. Tirta Raharja Abadi t1");
        Assert.Equal(PartnerKind.PrivateCompany, newPartner.Kind);
        Assert.Equal(2, await check.Partners.CountAsync());

        var sampah = byNumber["180/t1/KB"];
        Assert.Equal((CooperationKind.KsddSukarela, Stage.Ended, EndReason.TermExpired, new DateOnly(2019, 12, 3), new DateOnly(2024, 12, 3), 1_500_000m, (DateOnly?)null),
            (sampah.Kind, sampah.Stage, sampah.EndReason, sampah.StartsOn!.Value, sampah.EndsOn!.Value, sampah.Value!.Value, sampah.DueOn));
        Assert.Equal([("32.77", "Kota Cimahi", (Guid?)_agencies["DLH"]), ("32.04", "Kabupaten Bandung", null)],
            sampah.Parties.OrderBy(p => p.Order).Select(p => (p.RegionCode!, p.Name, p.LeadAgencyId)));

        var air = byNumber["415.4/t1/PKS"];
        Assert.Equal((CooperationKind.Ksdpk, (KsdpkKind?)KsdpkKind.PublicService, Stage.Implementation, new DateOnly(2021, 3, 15), new DateOnly(2027, 3, 14), 1_500_000_000m),
            (air.Kind, air.KsdpkKind, air.Stage, air.StartsOn!.Value, air.EndsOn!.Value, air.Value!.Value));
        Assert.Equal((new DateOnly(2027, 3, 14), "expire"), (air.DueOn!.Value, air.DueAction));
        Assert.Equal(newPartner.Id, air.Parties.Single(p => p.Order == 2).PartnerId);
        Assert.Null(air.Parties.Single(p => p.Order == 1).LeadAgencyId);

        var magang = byNumber["027/t1/KSDPK"];
        Assert.Equal((CooperationKind.Ksdpk, Stage.Ended, new DateOnly(2024, 1, 1), new DateOnly(2026, 8, 31), 1_500_000m),
            (magang.Kind, magang.Stage, magang.StartsOn!.Value, magang.EndsOn!.Value, magang.Value!.Value));
        Assert.Equal(_unjani, magang.Parties.Single(p => p.Order == 2).PartnerId);

        var wisata = byNumber["119/t1/KB"];
        Assert.Equal((CooperationKind.KsddSukarela, Stage.Implementation, new DateOnly(2023, 2, 28), new DateOnly(2028, 1, 31), 2_000_000_000m, "32.73"),
            (wisata.Kind, wisata.Stage, wisata.StartsOn!.Value, wisata.EndsOn!.Value, wisata.Value!.Value, wisata.Parties.Single(p => p.Order == 2).RegionCode));

        var history = sampah.History.Single();
        Assert.Equal(("register", Stage.Ended, "Petugas Cimahi"), (history.Action, history.ToStage, history.ActorName));
        Assert.StartsWith("Diimpor dari register lama \"register-lama.xlsx\" (baris 6;", history.Note);

        // The import's audit row: the session row turning Committed, with the kept file's SHA-256, by whom, how many.
        var audit = await check.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ImportSession) && a.EntityId == session.Id.ToString())
            .OrderByDescending(a => a.Sequence).FirstAsync();
        Assert.Equal(("32.77", "Petugas Cimahi", "Modified"), (audit.RegionCode, audit.ActorName, audit.Action));
        Assert.Contains("\"Status\":\"Committed\"", audit.After);
        Assert.Contains($"\"FileSha256\":\"{session.FileSha256}\"", audit.After);
        Assert.Contains("\"CreatedCount\":4", audit.After);
        var added = await check.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Agreement) && a.Action == "Imported").ToListAsync();
        Assert.Equal(4, added.Count);
        Assert.All(added, a => Assert.Contains("\"Parties\":[{", a.After));
        Assert.All(added, a => Assert.Contains($"\"ImportSessionId\":\"{session.Id}\"", a.After));
        Assert.All(await VerifyAudit.RunAsync(check, "32.77"), r => Assert.True(r.Intact, r.Problem));

        // The file is kept as uploaded.
        Assert.Equal(file, (await _store.ReadAsync(session.FileSha256)).Value);
        Assert.True(await check.StoredFiles.AnyAsync(f => f.Sha256 == session.FileSha256));
        // And the search index follows.
        Assert.Equal(4, await check.SearchEntries.CountAsync(e => e.Kind == Jalin.Core.Search.SearchKind.Agreement));

        var again = await ImportSessionsCommit(session.Id);
        Assert.Equal("Impor ini sudah disimpan; tidak dapat diubah lagi.", again.Error!.Message);
    }

    private async Task<Result<ImportCommitted>> ImportSessionsCommit(Guid id, int? failAfter = null, IProgress<ImportProgress>? progress = null)
    {
        await using var db = _db.NewDb();
        return await ImportSessions.CommitAsync(db, _store, Officer, id, _clock, progress, failAfter, CancellationToken.None);
    }

    public static byte[] CleanRegister(string tag, int rows)
    {
        var list = new List<object?[]> { new object?[] { "Nomor Naskah", "Judul", "Nama Mitra", "Jenis", "Tgl. Mulai", "Tgl. Berakhir", "Nilai" } };
        for (var i = 1; i <= rows; i++)
            list.Add([$"{i}/{tag}/PKS", $"Kerja sama uji nomor {i}", $"PT Mitra Uji {i % 50} {tag}", "PKS", "1 Januari 2024", i % 3 == 0 ? "31 Desember 2025" : "31 Desember 2028", "Rp 10.000.000"]);
        return LegacyRegisters.Xlsx(list);
    }

    [Fact]
    public async Task AFailureInjectedMidCommit_LeavesNoRecordBehind_AndTheImportCanBeCommittedAgain()
    {
        var session = await Upload(CleanRegister("gagal", 1200));
        var preview = await Preview(session.Id);
        Assert.Equal((1200, 0, true), (preview.ReadyRows, preview.ErrorRows, preview.CanCommit));
        int partners, audits, search;
        await using (var db = _db.NewDb())
            (partners, audits, search) = (await db.Partners.CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType != nameof(ImportSession)), await db.SearchEntries.CountAsync());

        var failed = await ImportSessionsCommit(session.Id, failAfter: 600);
        Assert.Equal("Impor gagal setelah 1000 baris (Kegagalan uji setelah 1000 baris.). Tidak ada data yang tersimpan; periksa lalu simpan lagi.", failed.Error!.Message);
        await using (var db = _db.NewDb())
        {
            Assert.Equal(0, await db.Agreements.CountAsync());
            Assert.Equal(0, await db.AgreementParties.CountAsync());
            Assert.Equal(0, await db.StageChanges.CountAsync());
            Assert.Equal(partners, await db.Partners.CountAsync());
            Assert.Equal(audits, await db.AuditEntries.CountAsync(a => a.EntityType != nameof(ImportSession)));
            Assert.Equal(search, await db.SearchEntries.CountAsync());
            var s = await db.ImportSessions.SingleAsync(x => x.Id == session.Id);
            Assert.Equal((ImportStatus.Failed, 0), (s.Status, s.RowsDone));
            Assert.StartsWith("Impor gagal setelah 1000 baris", s.Message);
        }

        var reports = new List<ImportProgress>();
        var done = await ImportSessionsCommit(session.Id, progress: new SyncProgress(reports.Add));
        Assert.True(done.Ok, done.Error?.Message);
        Assert.Equal([500, 1000, 1200], reports.Select(p => p.Done));
        Assert.All(reports, p => Assert.Equal(1200, p.Total));
        await using (var db = _db.NewDb())
        {
            Assert.Equal(1200, await db.Agreements.CountAsync(a => a.ImportSessionId == session.Id));
            Assert.Equal(400, await db.Agreements.CountAsync(a => a.Stage == Stage.Ended));
            Assert.Equal(partners + 50, await db.Partners.CountAsync());
            var s = await db.ImportSessions.SingleAsync(x => x.Id == session.Id);
            Assert.Equal((ImportStatus.Committed, 1200, 1200, 50, (string?)null), (s.Status, s.RowsDone, s.CreatedCount, s.PartnersCreated, s.Message));
        }
    }

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    [Fact]
    public async Task ASessionIsKept_ToLeaveAndComeBackTo_AndOnlyTheRegionsOfficerSeesIt()
    {
        var session = await Upload(LegacyRegisters.Messy("t3"));
        await Ok(db => ImportSessions.FixAsync(db, _store, Officer, session.Id, 10, new ImportFixRequest { Values = { ["startsOn"] = "28/02/2023" } }, _clock));
        var mapped = await Ok(db => ImportSessions.SetMappingAsync(db, _store, Officer, session.Id, new ImportMappingRequest
        {
            Fields = new() { ["number"] = 1, ["title"] = 2, ["partner"] = 3, ["partnerRegion"] = 4, ["kind"] = 5, ["startsOn"] = 6, ["endsOn"] = 7, ["value"] = 8 },
        }, _clock));
        Assert.Equal(ImportStatus.Mapped, mapped.Status);
        Assert.Null(mapped.Fields.Single(f => f.Code == "agency").Column);

        // Come back later: the mapping and the correction are still there.
        var back = await Ok(db => ImportSessions.GetAsync(db, _store, Officer, session.Id));
        Assert.Equal((ImportStatus.Mapped, 8), (back.Status, back.Fields.Single(f => f.Code == "value").Column!.Value));
        var preview = await Preview(session.Id, onlyProblems: true);
        Assert.DoesNotContain(preview.Page.Items, r => r.Row == 10 && r.Status == "error");
        Assert.Equal(ImportStatus.Previewed, preview.Session.Status);
        var list = await Ok(db => ImportSessions.ListAsync(db, Officer, 1, 20));
        Assert.Equal([session.Id], list.Items.Select(i => i.Id));

        await using var other = _db.NewDb();
        Assert.IsType<NotFoundError>((await ImportSessions.GetAsync(other, _store, Actors.Stranger, session.Id)).Error);
        Assert.IsType<NotFoundError>((await ImportSessions.GetAsync(other, _store, Actors.Leader, session.Id)).Error);
        Assert.IsType<ForbiddenError>((await ImportSessions.ListAsync(other, Actors.Leader, 1, 20)).Error);
        Assert.Empty((await ImportSessions.ListAsync(other, Actors.Stranger, 1, 20)).Value!.Items);
        var byLeader = await ImportSessions.UploadAsync(other, _store, new ImportOptions(), Actors.Leader, new UploadImportRequest(ImportTarget.Agreements, "r.xlsx", LegacyRegisters.Messy("x")), _clock);
        Assert.IsType<ForbiddenError>(byLeader.Error);

        var badMapping = await ImportSessions.SetMappingAsync(other, _store, Officer, session.Id, new ImportMappingRequest { Fields = new() { ["judul"] = 2, ["title"] = 99 } }, _clock);
        var fields = ((ValidationError)badMapping.Error!).Fields;
        Assert.Contains("tidak dikenal", fields["fields.judul"][0]);
        Assert.Equal("Kolom 99 tidak ada; lembar ini berisi kolom 0 sampai 9.", fields["fields.title"][0]);
    }

    [Fact]
    public async Task ARowNamingAnExistingPartner_OffersTheChoice_LinkOrCreateNew_AndKeepsItAfterChoosing()
    {
        var session = await Upload(LegacyRegisters.Messy("t7"));
        var rows = (await Preview(session.Id)).Page.Items.ToDictionary(r => r.Row);
        Assert.Equal(("Universitas Jenderal Achmad Yani", false), (rows[9].MatchedPartner, rows[9].CreateNewPartner));
        Assert.Null(rows[8].MatchedPartner);
        Assert.Null(rows[6].MatchedPartner);

        var created = await Ok(db => ImportSessions.FixAsync(db, _store, Officer, session.Id, 9, new ImportFixRequest { CreateNewPartner = true }, _clock));
        Assert.Equal(("Universitas Jenderal Achmad Yani", true), (created.Row.MatchedPartner, created.Row.CreateNewPartner));
        Assert.EndsWith("Univ. Jenderal Achmad Yani (mitra baru)", created.Row.Outcome);
        var linked = await Ok(db => ImportSessions.FixAsync(db, _store, Officer, session.Id, 9, new ImportFixRequest { CreateNewPartner = false }, _clock));
        Assert.Equal(("Universitas Jenderal Achmad Yani", false), (linked.Row.MatchedPartner, linked.Row.CreateNewPartner));
        Assert.EndsWith("Universitas Jenderal Achmad Yani (mitra yang ada)", linked.Row.Outcome);
    }

    [Fact]
    public async Task HostileUploads_AreRefused_AndNothingIsKept()
    {
        var cases = new (byte[] Content, string Name, string Message)[]
        {
            (LegacyRegisters.Bomb(LegacyRegisters.Messy("b"), 300), "bom.xlsx", ImportFileCheck.Bomb(new ImportOptions())),
            (LegacyRegisters.WithMacro(LegacyRegisters.Messy("m")), "makro.xlsx", ImportFileCheck.Macro),
            (LegacyRegisters.Pdf("pdf"), "register.xlsx", ImportFileCheck.NotRegister),
            (System.Security.Cryptography.RandomNumberGenerator.GetBytes(10_000), "acak.xlsx", ImportFileCheck.NotRegister),
        };
        foreach (var (content, name, message) in cases)
        {
            await using var db = _db.NewDb();
            var r = await ImportSessions.UploadAsync(db, _store, new ImportOptions(), Officer, new UploadImportRequest(ImportTarget.Agreements, name, content), _clock);
            Assert.Equal(message, ((ValidationError)r.Error!).Fields["file"][0]);
        }
        await using (var db = _db.NewDb())
        {
            var big = await ImportSessions.UploadAsync(db, _store, new ImportOptions(), Officer, new UploadImportRequest(ImportTarget.Agreements, "besar.xlsx", new byte[100 * 1024 * 1024]), _clock);
            Assert.IsType<TooLargeError>(big.Error);
            var rows = await ImportSessions.UploadAsync(db, _store, new ImportOptions { MaxRows = 100 }, Officer, new UploadImportRequest(ImportTarget.Agreements, "banyak.xlsx", CleanRegister("n", 200)), _clock);
            Assert.Contains("paling banyak 100 baris", rows.Error!.Message);
            Assert.Equal(0, await db.ImportSessions.CountAsync());
            Assert.Equal(0, await db.StoredFiles.CountAsync());
        }
        Assert.False(Directory.Exists(_files) && Directory.EnumerateFiles(_files, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task ScansInBulk_AreMatchedToAgreementNumbers()
    {
        var session = await Upload(LegacyRegisters.Messy("s"));
        await Ok(db => ImportSessions.FixAsync(db, _store, Officer, session.Id, 6, new ImportFixRequest { Values = { ["partnerRegion"] = "Kabupaten Bandung" } }, _clock));
        await Ok(db => ImportSessions.FixAsync(db, _store, Officer, session.Id, 10, new ImportFixRequest { Values = { ["startsOn"] = "28/02/2023" } }, _clock));
        await Ok(db => ImportSessions.SkipAsync(db, _store, Officer, session.Id, 12, true, _clock));
        await Ok(db => ImportSessions.CommitAsync(db, _store, Officer, session.Id, _clock));

        var uploads = new List<ScanUpload>
        {
            new("180-s-KB.pdf", LegacyRegisters.Pdf("kb")),
            new("415.4-s-PKS pindaian.pdf", LegacyRegisters.Pdf("pks")),
            new("999-s.pdf", LegacyRegisters.Pdf("lain")),
            new("119-s-KB.pdf", Encoding.ASCII.GetBytes("bukan pdf sama sekali")),
            new("arsip.zip", LegacyRegisters.Zip(("027-s-KSDPK.pdf", LegacyRegisters.Pdf("ksdpk")))),
            new("bom.zip", LegacyRegisters.Bomb(LegacyRegisters.Zip(("a.pdf", LegacyRegisters.Pdf("a"))), 300)),
        };
        var report = await Ok(db => BulkScans.AttachAsync(db, _store, new ImportOptions(), Officer, session.Id, uploads, _clock));
        Assert.Equal((3, 1, 0, 2), (report.Matched, report.Unmatched, report.Ambiguous, report.Refused));
        var byName = report.Files.ToDictionary(f => f.FileName);
        Assert.Equal((ScanOutcome.Matched, DocumentKind.KesepakatanBersama, "180/s/KB"), (byName["180-s-KB.pdf"].Outcome, byName["180-s-KB.pdf"].Kind!.Value, byName["180-s-KB.pdf"].AgreementNumber));
        Assert.Equal((ScanOutcome.Matched, DocumentKind.PerjanjianKerjaSama), (byName["415.4-s-PKS pindaian.pdf"].Outcome, byName["415.4-s-PKS pindaian.pdf"].Kind!.Value));
        Assert.Equal((ScanOutcome.Matched, DocumentKind.PerjanjianKerjaSama), (byName["027-s-KSDPK.pdf"].Outcome, byName["027-s-KSDPK.pdf"].Kind!.Value));
        Assert.Equal(ScanOutcome.Unmatched, byName["999-s.pdf"].Outcome);
        Assert.Equal("Bukan berkas PDF (isi berkas diperiksa, bukan namanya).", byName["119-s-KB.pdf"].Message);
        Assert.Equal(ImportFileCheck.Bomb(new ImportOptions()), byName["bom.zip"].Message);

        await using var db2 = _db.NewDb();
        var documents = await db2.AgreementDocuments.AsNoTracking().ToListAsync();
        Assert.Equal(3, documents.Count);
        Assert.All(documents, d => Assert.Equal(("application/pdf", DocumentVisibility.Internal), (d.ContentType, d.Visibility)));

        var repeat = await Ok(db => BulkScans.AttachAsync(db, _store, new ImportOptions(), Officer, null, [uploads[0]], _clock));
        Assert.Equal(ScanOutcome.AlreadyAttached, repeat.Files.Single().Outcome);
    }

    [Fact]
    public async Task ExportThenImport_RoundTrip_GivesTheSameAgreements()
    {
        var session = await Upload(CleanRegister("rt", 30));
        await Ok(db => ImportSessions.CommitAsync(db, _store, Officer, session.Id, _clock));
        List<(string, string, CooperationKind, DateOnly?, DateOnly?, decimal?, string)> Snapshot(IEnumerable<Agreement> list) => list
            .Select(a => (a.Parties.Single(p => p.Order == 1).DocumentNumber!, a.Title, a.Kind, a.StartsOn, a.EndsOn, a.Value, a.Parties.Single(p => p.Order == 2).Name))
            .OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();

        List<(string, string, CooperationKind, DateOnly?, DateOnly?, decimal?, string)> before;
        var export = new MemoryStream();
        await using (var db = _db.NewDb())
        {
            var agreements = await db.Agreements.AsNoTracking().Include(a => a.Parties).ToListAsync();
            before = Snapshot(agreements);
            // Export the way an officer would: Indonesian headers, real dates and numbers.
            export.SaveAs(agreements.Select(a => new Dictionary<string, object?>
            {
                ["Nomor Naskah"] = a.Parties.Single(p => p.Order == 1).DocumentNumber, ["Judul"] = a.Title, ["Jenis"] = a.Kind.ShortLabel(),
                ["Mitra"] = a.Parties.Single(p => p.Order == 2).Name, ["Tanggal Mulai"] = a.StartsOn?.ToDateTime(TimeOnly.MinValue),
                ["Tanggal Berakhir"] = a.EndsOn?.ToDateTime(TimeOnly.MinValue), ["Nilai (Rp)"] = a.Value,
            }).ToList());
        }

        await using var fresh = await TestDb.CreateAsync(_clock);
        await using (var db = fresh.NewDb())
        {
            var s = await ImportSessions.UploadAsync(db, _store, new ImportOptions(), Officer, new UploadImportRequest(ImportTarget.Agreements, "ekspor.xlsx", export.ToArray()), _clock);
            Assert.True(s.Ok, s.Error?.Message);
            var preview = await ImportSessions.PreviewAsync(db, _store, Officer, s.Value!.Id, 1, 200, false, _clock);
            Assert.Equal((30, 0), (preview.Value!.ReadyRows, preview.Value.ErrorRows));
            Assert.True((await ImportSessions.CommitAsync(db, _store, Officer, s.Value.Id, _clock)).Ok);
        }
        await using (var db = fresh.NewDb())
            Assert.Equal(before, Snapshot(await db.Agreements.AsNoTracking().Include(a => a.Parties).ToListAsync()));
    }

    [Fact]
    public async Task Agencies_AndPartners_FromCsv_DuplicatesLinkedNotCreatedTwice()
    {
        var agencies = Encoding.UTF8.GetBytes("Nama Perangkat Daerah;Singkatan;Nama Kepala\nDinas Sosial Kota Cimahi;Dinsos;Drs. Ahmad\nDinas Lingkungan Hidup Kota Cimahi;DLH;\nDinas Sosial Kota Cimahi;Dinsos;\n");
        var s = await Upload(agencies, ImportTarget.Agencies, "opd.csv");
        Assert.Equal(ImportFileFormat.Csv, s.Format);
        var done = await Ok(db => ImportSessions.CommitAsync(db, _store, Officer, s.Id, _clock));
        Assert.Equal(1, done.Created);
        await using (var db = _db.NewDb())
            Assert.Equal(["Dinas Lingkungan Hidup Kota Cimahi", "Dinas Pariwisata dan Kebudayaan Kota Cimahi", "Dinas Pekerjaan Umum dan Penataan Ruang Kota Cimahi",
                "Dinas Pendidikan Kota Cimahi", "Dinas Sosial Kota Cimahi"], (await db.Agencies.Where(a => a.RegionCode == "32.77").Select(a => a.Name).ToListAsync()).Order());

        var partners = Encoding.UTF8.GetBytes("Nama Mitra,Jenis Mitra,Surel\nUNIV. JENDERAL ACHMAD YANI,,\nCV Sumber Rejeki,,cv@contoh.id\nPerkumpulan Warga,Ormas,bukan-surel\n");
        var p = await Upload(partners, ImportTarget.Partners, "mitra.csv");
        var preview = await Preview(p.Id);
        var rows = preview.Page.Items.ToDictionary(r => r.Row);
        Assert.Equal("Sudah ada: Universitas Jenderal Achmad Yani", rows[2].Outcome);
        Assert.Equal(["email: Alamat surel tidak valid."], Messages(rows[4], ProblemLevel.Error));
        await Ok(db => ImportSessions.FixAsync(db, _store, Officer, p.Id, 4, new ImportFixRequest { Values = { ["email"] = "warga@contoh.id" } }, _clock));
        var committed = await Ok(db => ImportSessions.CommitAsync(db, _store, Officer, p.Id, _clock));
        Assert.Equal(2, committed.Created);
        await using (var db = _db.NewDb())
        {
            Assert.Equal(3, await db.Partners.CountAsync());
            Assert.Equal((PartnerKind.CivilSocietyOrganization, "warga@contoh.id"), await db.Partners.Where(x => x.Name == "Perkumpulan Warga").Select(x => ValueTuple.Create(x.Kind, x.Email!)).SingleAsync());
        }
    }
}
