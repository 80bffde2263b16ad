using System.Diagnostics;
using Jalin.Core.Agencies;
using Jalin.Core.Data;
using Jalin.Core.Data.Seed;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Import;
using Jalin.Core.Partners;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Npgsql;

/// <summary>Issue #13: import of a 10,000-row register. Writes a messy-but-valid XLSX with MiniExcel (Indonesian dates in
/// three forms and date cells, amounts as "Rp 1.500.000" and "1,5 juta", partners written with and without "PT."/"Univ.",
/// region names as "Kab. Bandung"), times MiniExcel alone reading it, then upload, preview and commit on SQLite and on
/// PostgreSQL, and prints a markdown table. Goal: preview and commit each ≤ 2 s and ≤ 10 × MiniExcel.</summary>
public static class ImportBench
{
    public static async Task<int> RunAsync(string? pgServer, string root, int rows, string? outFile)
    {
        var lines = new List<string>();
        void Say(string s) { Console.WriteLine(s); lines.Add(s); }
        var file = Register(rows);
        // MiniExcel alone: every cell of every row read (best of three after a warm-up).
        double miniExcel = double.MaxValue;
        for (var i = 0; i < 4; i++)
        {
            var sw = Stopwatch.StartNew();
            long cells = 0;
            using var ms = new MemoryStream(file);
            foreach (IDictionary<string, object?> row in MiniExcel.Query(ms, useHeaderRow: false, excelType: ExcelType.XLSX))
                foreach (var v in row.Values) if (v is not null) cells++;
            if (i > 0) miniExcel = Math.Min(miniExcel, sw.Elapsed.TotalSeconds);
        }
        var results = new List<(string Provider, double Upload, double Preview, double Commit, int Created)>();
        // A warm-up import of 300 rows first (not reported): the figures are those of a running app, not of its first call's JIT.
        await RunOnAsync("warm-up", DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), "jalin-import-bench-" + Guid.NewGuid().ToString("N") + ".db")}", Register(300), root);
        // JALIN_IMPORT_BENCH_ONLY=postgres skips the SQLite run (for profiling one provider).
        if (Environment.GetEnvironmentVariable("JALIN_IMPORT_BENCH_ONLY") != "postgres")
            results.Add(await RunOnAsync("SQLite", DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), "jalin-import-bench-" + Guid.NewGuid().ToString("N") + ".db")}", file, root));
        if (pgServer is not null)
        {
            const string name = "jalin_bench_import";
            await using (var admin = new NpgsqlConnection(pgServer))
            {
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }
            results.Add(await RunOnAsync("PostgreSQL", DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(pgServer) { Database = name }.ConnectionString, file, root));
        }

        Say($"## Import of a {rows:N0}-row register (issue #13) — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say("");
        Say($"`dotnet run -c Release --project bench/Jalin.Bench -- import --rows {rows}` on this machine ({Environment.ProcessorCount} cores, .NET {Environment.Version}; " +
            $"PostgreSQL 15 on loopback; shared with other work). The XLSX ({file.Length / 1024:N0} KiB, MiniExcel) is messy but valid: dates as \"3 Desember 2019\", " +
            "\"03/12/2019\" and date cells, amounts as \"Rp 1.500.000\" and \"1,5 juta\", partners with and without \"PT.\", region names as \"Kab. Bandung\".");
        Say("");
        Say("Each database's figures follow an untimed warm-up import of 300 rows in the same process (the app's steady state, not its first call's JIT).");
        Say("");
        Say($"MiniExcel alone reading every cell: **{miniExcel:F3} s** (best of three after a warm-up). Goal: preview and commit each ≤ 2 s and ≤ 10 × that ({10 * miniExcel:F2} s).");
        Say("");
        Say("| database | upload (checks, read, header, store) | preview (all rows checked, first page) | × MiniExcel | commit (one transaction) | × MiniExcel | records |");
        Say("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            Say($"| {r.Provider} | {r.Upload:F2} s | {r.Preview:F2} s | {r.Preview / miniExcel:F1} | {r.Commit:F2} s | {r.Commit / miniExcel:F1} | {r.Created:N0} agreements |");
        Say("");
        if (outFile is not null) File.AppendAllLines(Path.Combine(root, outFile), new[] { "" }.Concat(lines));
        return 0;
    }

    private static async Task<(string, double, double, double, int)> RunOnAsync(string label, DatabaseProvider provider, string cs, byte[] file, string root)
    {
        var options = new DatabaseOptions { Provider = provider, ConnectionString = cs };
        var clock = TimeProvider.System;
        // JALIN_IMPORT_BENCH_MODE=raw (no interceptors), noaudit or nosearch splits the commit's cost between EF, the audit chain and the search index.
        var mode = Environment.GetEnvironmentVariable("JALIN_IMPORT_BENCH_MODE");
        JalinDb NewDb()
        {
            var b = new DbContextOptionsBuilder<JalinDb>();
            options.Configure(b, clock);
            if (mode == "noaudit" || mode == "raw")
            {
                var b2 = new DbContextOptionsBuilder<JalinDb>();
                if (provider == DatabaseProvider.Sqlite) b2.UseSqlite(cs, o => o.MigrationsAssembly(DatabaseOptions.SqliteMigrations));
                else b2.UseNpgsql(cs, o => o.MigrationsAssembly(DatabaseOptions.PostgresMigrations));
                if (mode == "noaudit") b2.AddInterceptors(new Jalin.Core.Search.SearchIndexInterceptor(clock));
                return new JalinDb(b2.Options);
            }
            if (mode == "nosearch")
            {
                var b2 = new DbContextOptionsBuilder<JalinDb>();
                if (provider == DatabaseProvider.Sqlite) b2.UseSqlite(cs, o => o.MigrationsAssembly(DatabaseOptions.SqliteMigrations));
                else b2.UseNpgsql(cs, o => o.MigrationsAssembly(DatabaseOptions.PostgresMigrations));
                b2.AddInterceptors(new Jalin.Core.Audit.AuditInterceptor(clock));
                return new JalinDb(b2.Options);
            }
            return new JalinDb(b.Options);
        }
        await using (var db = NewDb())
        {
            await DatabaseSetup.MigrateAsync(db);
            await ReferenceData.SeedAsync(db);
            foreach (var (s, n) in Agencies) db.Agencies.Add(new Agency { RegionCode = "32.77", Name = n, ShortName = s });
            for (var i = 0; i < 50; i++) db.Partners.Add(new Partner { RegionCode = "32.77", Kind = PartnerKind.PrivateCompany, Name = $"PT Mitra Daerah {i}", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var files = new FileStore(new FileStoreOptions { Root = Path.Combine(Path.GetTempPath(), "jalin-import-bench-files") });
        var officer = new CurrentActor("bench", "kerjasama.cimahi", "Petugas Bench", Role.CooperationOfficer, "32.77");
        var sw = Stopwatch.StartNew();
        ImportSessionView session;
        await using (var db = NewDb())
            session = (await ImportSessions.UploadAsync(db, files, new ImportOptions(), officer, new UploadImportRequest(ImportTarget.Agreements, "register.xlsx", file), clock)).Value!;
        var upload = sw.Elapsed.TotalSeconds;
        sw.Restart();
        ImportPreview preview;
        await using (var db = NewDb()) preview = (await ImportSessions.PreviewAsync(db, files, officer, session.Id, 1, 50, false, clock)).Value!;
        var previewTime = sw.Elapsed.TotalSeconds;
        if (!preview.CanCommit) throw new InvalidOperationException($"{label}: {preview.ErrorRows} baris bermasalah: {preview.Page.Items.FirstOrDefault(r => r.Status == "error")?.Problems.FirstOrDefault()?.Message}");
        sw.Restart();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var (gcPause0, gen0, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2));
        ImportCommitted committed;
        var last = Stopwatch.StartNew();
        var progress = new Progress(p => { Console.WriteLine($"  {p.Done}/{p.Total} +{last.Elapsed.TotalSeconds:F2} s"); last.Restart(); });
        await using (var db = NewDb()) committed = (await ImportSessions.CommitAsync(db, files, officer, session.Id, clock, progress)).Value!;
        var commit = sw.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine($"{label}: commit used {cpu:F2} s of this process's CPU in {commit:F2} s; GC paused {(GC.GetTotalPauseDuration() - gcPause0).TotalSeconds:F2} s "
            + $"({GC.CollectionCount(0) - gen0} collections, {GC.CollectionCount(2) - gen2} of them full)");
        Console.WriteLine($"{label}: upload {upload:F2} s, preview {previewTime:F2} s, commit {commit:F2} s ({committed.Created} agreements, {committed.PartnersCreated} partners)");
        return (label, upload, previewTime, commit, committed.Created);
    }

    private sealed class Progress(Action<ImportProgress> a) : IProgress<ImportProgress> { public void Report(ImportProgress p) => a(p); }

    private static readonly (string, string)[] Agencies =
    [
        ("DLH", "Dinas Lingkungan Hidup Kota Cimahi"), ("Dinkes", "Dinas Kesehatan Kota Cimahi"), ("Disdik", "Dinas Pendidikan Kota Cimahi"),
        ("Dishub", "Dinas Perhubungan Kota Cimahi"), ("PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang Kota Cimahi"),
    ];

    private static readonly string[] Regions = ["Kab. Bandung", "Kota Bandung", "Kabupaten Bandung Barat", "Kab. Sumedang", "Kota Bogor"];

    public static byte[] Register(int rows)
    {
        var rnd = new Random(13);
        var list = new List<Dictionary<string, object?>>(rows);
        string[] months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
        for (var i = 1; i <= rows; i++)
        {
            var start = new DateOnly(2016, 1, 1).AddDays(rnd.Next(0, 3000));
            var end = start.AddYears(rnd.Next(1, 5));
            var ksdd = i % 4 == 0;
            object startCell = (i % 3) switch
            {
                0 => $"{start.Day} {months[start.Month - 1]} {start.Year}",
                1 => start.ToString("dd/MM/yyyy"),
                _ => start.ToDateTime(TimeOnly.MinValue),
            };
            list.Add(new Dictionary<string, object?>
            {
                ["No."] = i,
                ["Nomor Perjanjian"] = $"{100 + i % 900}/{i}/{(ksdd ? "KB" : "PKS")}/{start.Year}",
                ["Judul Kerja Sama"] = $"Kerja sama {(ksdd ? "pengelolaan sampah" : "penyediaan layanan")} nomor {i}",
                ["Nama Mitra"] = ksdd ? null : (i % 5) switch { 0 => $"PT. Mitra Daerah {i % 50}", 1 => $"Mitra Daerah {i % 50}, PT", 2 => $"Univ. Teknologi {i % 20}", _ => $"CV Karya {i % 300}" },
                ["Daerah Mitra"] = ksdd ? Regions[i % Regions.Length] : null,
                ["Jenis"] = ksdd ? "KSDD" : i % 2 == 0 ? "PKS" : "Perjanjian Kerja Sama",
                ["Tgl. Mulai"] = startCell,
                ["Tgl. Berakhir"] = i % 2 == 0 ? end.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID")) : end.ToString("yyyy-MM-dd"),
                ["Nilai (Rp)"] = (i % 3) switch { 0 => $"Rp {rnd.Next(1, 900) * 1_000_000:N0}".Replace(',', '.'), 1 => $"{rnd.Next(1, 9)},5 juta", _ => null },
                ["OPD Pelaksana"] = Agencies[i % Agencies.Length].Item1,
            });
        }
        var ms = new MemoryStream();
        ms.SaveAs(list);
        return ms.ToArray();
    }
}
