using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Jalin.Core.Audit;
using Jalin.Core.Files;
using Jalin.Core.Search;
using Jalin.Core.Identity;
using Jalin.Core.Import;
using Jalin.Core.Lifecycle;
using Jalin.Tests.Shared;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jalin.Web.Tests.Import;

/// <summary>Issue #13 item 1 through the API, the SAME assertions on SQLite and PostgreSQL (real migrations, demo data):
/// the messy register's problems, fixed and committed; a failure injected mid-commit leaves no record; hostile files and
/// bad bodies are refused with Indonesian messages (4xx, never 500) and nothing is kept.</summary>
public abstract class ImportApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private static MultipartFormDataContent Form(byte[] content, string fileName, string target = "Agreements")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName }, { new StringContent(target), "target" } };
    }

    [Fact]
    public async Task MessyRegister_ThroughTheApi_ProblemsFixedSkippedCommitted()
    {
        var tag = "api" + Guid.NewGuid().ToString("N")[..6];
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var file = LegacyRegisters.Messy(tag);
        var session = await officer.PostAsync("/api/v1/imports", Form(file, "register-2019.xlsx")).OkJson();
        var id = session["id"]!.GetValue<Guid>();
        Assert.Equal("Uploaded", session["status"]!.GetValue<string>());
        Assert.Equal(4, session["headerRow"]!.GetValue<int>());

        var errors = await officer.GetAsync($"/api/v1/imports/{id}/rows?onlyErrors=true").OkJson();
        Assert.Equal([6, 10, 12], errors["page"]!["items"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()));
        Assert.False(errors["canCommit"]!.GetValue<bool>());
        var row6 = errors["page"]!["items"]![0]!;
        Assert.Contains("Kabupaten Bandung", row6["problems"]![0]!["suggestions"]!.AsArray().Select(s => s!.GetValue<string>()));

        var all = await officer.GetAsync($"/api/v1/imports/{id}/rows").OkJson();
        var row9 = all["page"]!["items"]!.AsArray().Single(r => r!["row"]!.GetValue<int>() == 9)!;
        Assert.Contains(row9["problems"]!.AsArray(), p => p!["message"]!.GetValue<string>() == "Mitra sudah ada: \"Universitas Jenderal Achmad Yani\". Baris ini ditautkan ke mitra yang ada; pilih \"buat baru\" bila berbeda.");

        await officer.PostAsync($"/api/v1/imports/{id}/commit", null).Expect(HttpStatusCode.BadRequest);
        await officer.PutAsJsonAsync($"/api/v1/imports/{id}/rows/6", new { values = new { partnerRegion = "Kabupaten Bandung" } }).OkJson();
        await officer.PutAsJsonAsync($"/api/v1/imports/{id}/rows/10", new { values = new { startsOn = "28/02/2023" } }).OkJson();
        var skipped = await officer.PutAsync($"/api/v1/imports/{id}/rows/12/skip", null).OkJson();
        Assert.True(skipped["canCommit"]!.GetValue<bool>());

        var committed = await officer.PostAsync($"/api/v1/imports/{id}/commit", null).OkJson();
        Assert.Equal((4, 1, 1), (committed["created"]!.GetValue<int>(), committed["partnersCreated"]!.GetValue<int>(), committed["linked"]!.GetValue<int>()));
        var back = await officer.GetAsync($"/api/v1/imports/{id}").OkJson();
        Assert.Equal("Committed", back["status"]!.GetValue<string>());

        await using var db = app.NewDb();
        var imported = await db.Agreements.AsNoTracking().Include(a => a.Parties).Where(a => a.ImportSessionId == id).ToListAsync();
        Assert.Equal(4, imported.Count);
        var sampah = imported.Single(a => a.Parties.Any(p => p.DocumentNumber == $"180/{tag}/KB"));
        Assert.Equal((Stage.Ended, "32.04"), (sampah.Stage, sampah.Parties.Single(p => p.Order == 2).RegionCode!));
        var magang = imported.Single(a => a.Parties.Any(p => p.DocumentNumber == $"027/{tag}/KSDPK"));
        var unjani = await db.Partners.SingleAsync(p => p.RegionCode == "32.77" && p.Name == "Universitas Jenderal Achmad Yani");
        Assert.Equal(unjani.Id, magang.Parties.Single(p => p.Order == 2).PartnerId);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ImportSession) && a.EntityId == id.ToString() && a.After!.Contains("\"Status\":\"Committed\"")));

        // The kept file downloads as uploaded; the scans of two agreements attach by their numbers.
        var kept = await officer.GetAsync($"/api/v1/imports/{id}/file");
        Assert.Equal(file, await kept.Content.ReadAsByteArrayAsync());
        var scans = new MultipartFormDataContent
        {
            { new ByteArrayContent(LegacyRegisters.Pdf("kb")), "files", $"180-{tag}-KB.pdf" },
            { new ByteArrayContent(LegacyRegisters.Zip(($"119-{tag}-KB.pdf", LegacyRegisters.Pdf("kb2")))), "files", "pindaian.zip" },
            { new ByteArrayContent(LegacyRegisters.Pdf("x")), "files", "tanpa-nomor.pdf" },
        };
        var report = await officer.PostAsync($"/api/v1/imports/{id}/scans", scans).OkJson();
        Assert.Equal((2, 1), (report["matched"]!.GetValue<int>(), report["unmatched"]!.GetValue<int>()));
        Assert.Equal(2, await db.AgreementDocuments.CountAsync(d => d.AgreementId == sampah.Id || d.Title.Contains($"119/{tag}/KB")));
    }

    [Fact]
    public async Task AFailureInjectedMidCommit_LeavesNoRecordBehind()
    {
        var tag = "gagal" + Guid.NewGuid().ToString("N")[..6];
        var rows = new List<object?[]> { new object?[] { "Nomor Naskah", "Judul", "Nama Mitra", "Jenis", "Tgl. Mulai", "Tgl. Berakhir", "Nilai" } };
        for (var i = 1; i <= 700; i++) rows.Add([$"{i}/{tag}/PKS", $"Kerja sama uji gagal {i}", $"CV Mitra Gagal {i % 20} {tag}", "PKS", "1 Januari 2024", "31 Desember 2029", "Rp 5.000.000"]);
        var officer = new CurrentActor("u", "kerjasama.cimahi", "Petugas Uji", Role.CooperationOfficer, "32.77");
        var files = app.Services.GetRequiredService<FileStore>();
        Guid id;
        await using (var db = app.NewDb())
        {
            var upload = await ImportSessions.UploadAsync(db, files, new ImportOptions(), officer, new UploadImportRequest(ImportTarget.Agreements, "gagal.xlsx", LegacyRegisters.Xlsx(rows)), app.Clock);
            id = upload.Value!.Id;
        }
        int agreements, parties, history, partners, search, audits;
        await using (var db = app.NewDb())
            (agreements, parties, history, partners, search, audits) = (await db.Agreements.CountAsync(), await db.AgreementParties.CountAsync(), await db.StageChanges.CountAsync(),
                await db.Partners.CountAsync(), await db.SearchEntries.CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType != nameof(ImportSession)));
        await using (var db = app.NewDb())
        {
            var failed = await ImportSessions.CommitAsync(db, files, officer, id, app.Clock, null, failAfterRows: 500, CancellationToken.None);
            Assert.StartsWith("Impor gagal setelah 500 baris", failed.Error!.Message);
        }
        await using (var db = app.NewDb())
        {
            Assert.Equal((agreements, parties, history, partners, search, audits), (await db.Agreements.CountAsync(), await db.AgreementParties.CountAsync(), await db.StageChanges.CountAsync(),
                await db.Partners.CountAsync(), await db.SearchEntries.CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType != nameof(ImportSession))));
            Assert.Equal(ImportStatus.Failed, (await db.ImportSessions.SingleAsync(s => s.Id == id)).Status);
        }
        await using (var db = app.NewDb())
            Assert.True((await ImportSessions.CommitAsync(db, files, officer, id, app.Clock)).Ok);
        await using (var db = app.NewDb())
        {
            Assert.Equal(700, await db.Agreements.CountAsync(a => a.ImportSessionId == id));
            Assert.Equal(partners + 20, await db.Partners.CountAsync());
        }
    }

    /// <summary>The commit writes set-wise, past the interceptors: what it writes must be what they would have written.
    /// The audit chains verify; every agreement has one "Imported" audit row holding its parties and history, every new
    /// partner its "Added" row; the search entries are exactly
    /// those a reindex builds (a reindex changes nothing) and find the agreements.</summary>
    [Fact]
    public async Task BulkCommit_IsAuditedAndIndexedAsTheInterceptorsWould()
    {
        var tag = "curah" + Guid.NewGuid().ToString("N")[..6];
        var rows = new List<object?[]> { new object?[] { "Nomor Naskah", "Judul", "Nama Mitra", "Jenis", "Tgl. Mulai", "Tgl. Berakhir", "Nilai" } };
        for (var i = 1; i <= 30; i++)
            rows.Add([$"{i}/{tag}/PKS", $"Pengelolaan persampahan {tag} {i}", $"PT Mitra Curah {i % 3} {tag}", "PKS", "3 Januari 2024", i % 2 == 0 ? "31 Desember 2029" : "31/12/2024", "Rp 1.500.000"]);
        var officer = new CurrentActor("u", "kerjasama.cimahi", "Petugas Uji", Role.CooperationOfficer, "32.77");
        var files = app.Services.GetRequiredService<FileStore>();
        Guid id;
        await using (var db = app.NewDb())
            id = (await ImportSessions.UploadAsync(db, files, new ImportOptions(), officer, new UploadImportRequest(ImportTarget.Agreements, "curah.xlsx", LegacyRegisters.Xlsx(rows)), app.Clock)).Value!.Id;
        await using (var db = app.NewDb())
        {
            var committed = await ImportSessions.CommitAsync(db, files, officer, id, app.Clock);
            Assert.True(committed.Ok, committed.Error?.Message);
            Assert.Equal((30, 3), (committed.Value!.Created, committed.Value.PartnersCreated));
        }
        await using (var db = app.NewDb())
        {
            var agreements = await db.Agreements.AsNoTracking().Include(a => a.Parties).Include(a => a.History).Where(a => a.ImportSessionId == id).ToListAsync();
            Assert.Equal(30, agreements.Count);
            Assert.All(agreements, a => Assert.Equal(1_500_000m, a.Value));
            Assert.Equal(15, agreements.Count(a => a.Stage == Stage.Ended));
            Assert.Equal(new DateOnly(2024, 1, 3), agreements[0].StartsOn);
            var ids = agreements.Select(a => a.Id.ToString()).ToHashSet();
            var partyIds = agreements.SelectMany(a => a.Parties).Select(p => p.Id.ToString()).ToHashSet();
            var historyIds = agreements.SelectMany(a => a.History).Select(h => h.Id.ToString()).ToHashSet();
            Assert.Equal(30, historyIds.Count);
            var audits = await db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == "32.77"
                && (a.EntityType == "Agreement" || a.EntityType == "AgreementParty" || a.EntityType == "StageChange" || a.EntityType == "Partner")).ToListAsync();
            // One "Imported" row per agreement, carrying its parties and history; no separate rows for those.
            Assert.Equal(30, audits.Count(a => a.EntityType == "Agreement" && a.Action == "Imported" && ids.Contains(a.EntityId)));
            Assert.DoesNotContain(audits, a => partyIds.Contains(a.EntityId) || historyIds.Contains(a.EntityId));
            var newPartners = (await db.Partners.AsNoTracking().Where(p => p.Name.Contains(tag)).Select(p => p.Id).ToListAsync()).Select(p => p.ToString()).ToList();
            Assert.Equal(3, newPartners.Count);
            Assert.All(newPartners, p => Assert.Single(audits, a => a.EntityType == "Partner" && a.Action == "Added" && a.EntityId == p));
            var first = audits.Single(a => a.EntityType == "Agreement" && a.EntityId == agreements[0].Id.ToString());
            using (var json = System.Text.Json.JsonDocument.Parse(first.After!))
            {
                var root = json.RootElement;
                Assert.Equal(agreements[0].Title, root.GetProperty("Title").GetString());
                Assert.Equal(id.ToString(), root.GetProperty("ImportSessionId").GetString());
                Assert.Equal(agreements[0].Parties.Select(p => (p.Id.ToString(), p.Name)).Order(),
                    root.GetProperty("Parties").EnumerateArray().Select(p => (p.GetProperty("Id").GetString()!, p.GetProperty("Name").GetString()!)).Order());
                var history = Assert.Single(root.GetProperty("History").EnumerateArray());
                Assert.Equal(agreements[0].History.Single().Id, history.GetProperty("Id").GetInt64());
                Assert.StartsWith("Diimpor dari register lama \"curah.xlsx\"", history.GetProperty("Note").GetString());
            }
            Assert.Contains($"\"Title\":\"{agreements[0].Title}\"", first.After);
            Assert.Equal("Petugas Uji", first.ActorName);
            Assert.All(await VerifyAudit.RunAsync(db), r => Assert.True(r.Intact, $"{r.RegionCode}: {r.Problem}"));

            var subjects = agreements.Select(a => new SearchSubject(SearchKind.Agreement, a.Id)).ToList();
            var before = await db.SearchEntries.AsNoTracking().Where(e => e.Kind == SearchKind.Agreement && e.AgreementId != null && agreements.Select(a => a.Id).Contains(e.SubjectId))
                .OrderBy(e => e.SubjectId).Select(e => new { e.SubjectId, e.Title, e.Body, e.Tokens, e.IsPublic, e.Year, e.UpdatedAt }).ToListAsync();
            Assert.Equal(30, before.Count);
            await SearchIndexer.ReindexAsync(db, subjects, app.Clock);
            var after = await db.SearchEntries.AsNoTracking().Where(e => e.Kind == SearchKind.Agreement && agreements.Select(a => a.Id).Contains(e.SubjectId))
                .OrderBy(e => e.SubjectId).Select(e => new { e.SubjectId, e.Title, e.Body, e.Tokens, e.IsPublic, e.Year, e.UpdatedAt }).ToListAsync();
            Assert.Equal(before, after);
            var found = await SiteSearch.ForActorAsync(db, officer, new SearchQuery { Q = $"sampah {tag}" });
            Assert.True(found.Ok, found.Error?.Message);
            Assert.Contains(found.Value!.Hits.Items, h => h.Title.Contains(tag, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task HostileFiles_AreRefusedWithAClearMessage_AndNothingIsKept()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        int before;
        await using (var db = app.NewDb()) before = await db.ImportSessions.CountAsync();
        var cases = new (byte[] Content, string Name, HttpStatusCode Status, string Message)[]
        {
            (LegacyRegisters.Bomb(LegacyRegisters.Messy("bom"), 300), "register.xlsx", HttpStatusCode.BadRequest, ImportFileCheck.Bomb(new ImportOptions())),
            (LegacyRegisters.WithMacro(LegacyRegisters.Messy("makro")), "register.xlsm", HttpStatusCode.BadRequest, ImportFileCheck.Macro),
            (LegacyRegisters.Pdf("pdf"), "register.xlsx", HttpStatusCode.BadRequest, ImportFileCheck.NotRegister),
            (System.Security.Cryptography.RandomNumberGenerator.GetBytes(20_000), "register.xlsx", HttpStatusCode.BadRequest, ImportFileCheck.NotRegister),
            (new byte[100 * 1024 * 1024], "register.xlsx", HttpStatusCode.RequestEntityTooLarge, ImportFileCheck.TooLarge(ImportOptions.DefaultMaxBytes)),
        };
        foreach (var (content, name, status, message) in cases)
        {
            var response = await officer.PostAsync("/api/v1/imports", Form(content, name)).Expect(status);
            var body = await response.ReadJson();
            Assert.Equal(message, body["errors"]?["file"]?[0]?.GetValue<string>() ?? body["detail"]!.GetValue<string>());
        }
        await using (var db = app.NewDb()) Assert.Equal(before, await db.ImportSessions.CountAsync());
    }

    [Fact]
    public async Task BadBodies_Get400WithAnIndonesianMessage_Never500()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var id = (await officer.PostAsync("/api/v1/imports", Form(LegacyRegisters.Messy("bad" + Guid.NewGuid().ToString("N")[..6]), "r.xlsx")).OkJson())["id"]!.GetValue<Guid>();
        async Task<string> Bad(Task<HttpResponseMessage> call, HttpStatusCode status = HttpStatusCode.BadRequest) => await (await call.Expect(status)).Content.ReadAsStringAsync();

        Assert.Contains("Isi register tidak dikenal", await Bad(officer.PostAsync("/api/v1/imports", Form(LegacyRegisters.Messy("t"), "r.xlsx", "Foo"))));
        Assert.Contains("Pilih isi register", await Bad(officer.PostAsync("/api/v1/imports", new MultipartFormDataContent { { new ByteArrayContent(LegacyRegisters.Messy("t")), "file", "r.xlsx" } })));
        Assert.Contains("multipart/form-data", await Bad(officer.PostAsJsonAsync("/api/v1/imports", new { target = "Agreements" })));
        Assert.Contains("Isian tidak dikenal: judul", await Bad(officer.PutAsJsonAsync($"/api/v1/imports/{id}/rows/6", new { values = new { judul = "x" } })));
        Assert.Contains("Kolom 42 tidak ada", await Bad(officer.PutAsJsonAsync($"/api/v1/imports/{id}/mapping", new { fields = new { title = 42 } })));
        Assert.Contains("Halaman harus angka positif", await Bad(officer.GetAsync($"/api/v1/imports/{id}/rows?page=abc")));
        Assert.Contains("Isi true atau false", await Bad(officer.GetAsync($"/api/v1/imports/{id}/rows?onlyProblems=mungkin")));
        var json = new StringContent("{\"values\": [1,2", Encoding.UTF8, "application/json");
        await Bad(officer.PutAsync($"/api/v1/imports/{id}/rows/6", json));
        Assert.Contains("bukan baris data", await Bad(officer.PutAsJsonAsync($"/api/v1/imports/{id}/rows/2", new { values = new { title = "x" } }), HttpStatusCode.NotFound));
        Assert.Contains("Impor tidak ditemukan", await Bad(officer.GetAsync($"/api/v1/imports/{Guid.NewGuid()}"), HttpStatusCode.NotFound));
        Assert.Contains("baris bermasalah", await Bad(officer.PostAsync($"/api/v1/imports/{id}/commit", null)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteImportApiTests(SqliteApp app) : ImportApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresImportApiTests(PostgresApp app) : ImportApiTests<PostgresApp>(app);
