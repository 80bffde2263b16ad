using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Data.Seed;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.UpwardReports;
using Microsoft.EntityFrameworkCore;
using Npgsql;

/// <summary>`dotnet run -c Release --project bench/Jalin.Bench -- upward [--per-region 20] [--out bench/RESULTS.md]` (PostgreSQL
/// from JALIN_BENCH_PG or JALIN_TEST_PG): generates agreements with progress reports for every autonomous region of the
/// reference data (38 provinces and the kab/kota), then times the national recap (Kemendagri over the provinces), every
/// province's recap over its kab/kota, and building every region's annual report with its XLSX (issue #11 item 7).
/// Writes its figures as its own section of RESULTS.md (replacing only that section).</summary>
static class UpwardBench
{
    public const string Heading = "## Upward reports: national aggregate over 546 regions (issue #11 item 7)";

    public static async Task<int> RunAsync(string server, string root, int perRegion, string? outFile)
    {
        const string dbName = "jalin_bench_upward";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {dbName} WITH (FORCE); CREATE DATABASE {dbName};", admin);
            await drop.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = dbName, Pooling = true }.ConnectionString;
        JalinDb NewDb()
        {
            var b = new DbContextOptionsBuilder<JalinDb>();
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs, AuditKeys = Jalin.Core.Audit.AuditKeyRing.Development }.Configure(b, TimeProvider.System);
            return new JalinDb(b.Options);
        }
        var lines = new List<string>();
        void Say(string s) { Console.WriteLine(s); lines.Add(s); }
        var sw = Stopwatch.StartNew();
        List<(string Code, string? Province)> regions;
        await using (var db = NewDb())
        {
            await DatabaseSetup.MigrateAsync(db);
            await ReferenceData.SeedAsync(db);
            regions = (await db.Regions.AsNoTracking().Where(r => r.IsAutonomous).OrderBy(r => r.Code).Select(r => new { r.Code, r.ProvinceCode }).ToListAsync())
                .Select(r => (r.Code, r.ProvinceCode)).ToList();
        }
        var provinces = regions.Count(r => r.Province is null);
        var year = DateTime.UtcNow.Year - 1;
        var rnd = new Random(11);
        var kinds = new[] { CooperationKind.KsddSukarela, CooperationKind.Ksdpk, CooperationKind.Sinergi, CooperationKind.Ksdpl, CooperationKind.KsddWajib };
        foreach (var region in regions)
        {
            await using var db = NewDb();
            for (var i = 0; i < perRegion; i++)
            {
                var start = new DateOnly(year - rnd.Next(0, 3), rnd.Next(1, 13), rnd.Next(1, 28));
                var a = new Agreement
                {
                    RegionCode = region.Code, Kind = kinds[i % kinds.Length], Title = $"Kerja sama uji {region.Code} nomor {i + 1}", Object = "Objek uji", Scope = "Ruang lingkup uji",
                    Value = rnd.Next(1, 500) * 1_000_000m, FundingSource = FundingSource.Apbd, SignedOn = start, StartsOn = start, EndsOn = start.AddYears(rnd.Next(1, 5)),
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                a.Start();
                a.RestoreStage(a.EndsOn < new DateOnly(year, 12, 31) ? Stage.Ended : Stage.Implementation, a.EndsOn < new DateOnly(year, 12, 31) ? EndReason.TermExpired : null);
                a.Parties.Add(new AgreementParty { AgreementId = a.Id, Order = 1, RegionCode = region.Code, Name = region.Code });
                a.Parties.Add(new AgreementParty { AgreementId = a.Id, Order = 2, Name = "Mitra uji " + i });
                db.Agreements.Add(a);
                for (var q = 1; q <= 2; q++)
                {
                    var from = new DateOnly(year, q * 6 - 5, 1);
                    var to = from.AddMonths(6).AddDays(-1);
                    var due = to.AddDays(14);
                    db.ProgressReports.Add(new ProgressReport
                    {
                        AgreementId = a.Id, RegionCode = region.Code, AgencyId = Guid.NewGuid(), AgencyName = "OPD uji", Period = ReportPeriod.Semester, PeriodNumber = q,
                        PeriodStart = from, PeriodEnd = to, DueOn = due, Status = ReportStatus.Accepted, FirstSubmittedOn = due.AddDays(rnd.Next(-10, 10)),
                        Activities = "Kegiatan uji", Indicators = [new ReportIndicator { Indicator = "Keluaran", Unit = "unit", Target = 10, Actual = rnd.Next(0, 15) }],
                        BudgetRealisation = rnd.Next(1, 100) * 1_000_000m, Beneficiaries = "Warga", CreatedBy = "bench", CreatedAt = DateTimeOffset.UtcNow,
                    });
                }
            }
            await db.SaveChangesAsync();
        }
        int agreementsCount, reportsCount;
        await using (var db = NewDb()) { agreementsCount = await db.Agreements.CountAsync(); reportsCount = await db.ProgressReports.CountAsync(); }
        var seed = sw.Elapsed;
        var clock = new FixedClock(new DateTimeOffset(year + 1, 1, 20, 3, 0, 0, TimeSpan.Zero));
        var national = new CurrentActor("bench-nat", "pembina.kemendagri", "Kemendagri", Role.SupervisorNational, null);

        sw.Restart();
        UpwardRecap nat;
        await using (var db = NewDb()) nat = (await UpwardReporting.RecapAsync(db, national, year, clock)).Value!;
        var natTime = sw.Elapsed;

        sw.Restart();
        var kabkota = 0;
        foreach (var p in regions.Where(r => r.Province is null))
        {
            await using var db = NewDb();
            var recap = (await UpwardReporting.RecapAsync(db, new CurrentActor("bench-prov", "pembina", "Pembina", Role.SupervisorProvince, p.Code), year, clock)).Value!;
            kabkota += recap.Rows.Count;
            Jalin.Core.UpwardReports.UpwardReportExport.RecapXlsx(recap);
        }
        var provTime = sw.Elapsed;

        sw.Restart();
        long bytes = 0;
        foreach (var r in regions)
        {
            await using var db = NewDb();
            var data = await UpwardReportBuilder.BuildAsync(db, r.Code, year, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            bytes += Jalin.Core.UpwardReports.UpwardReportExport.Xlsx(data).Content.Length;
        }
        var allTime = sw.Elapsed;

        Say(Heading);
        Say("");
        Say($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, PostgreSQL (loopback, shared machine). " +
            $"Data: {regions.Count} autonomous regions of the reference data ({provinces} provinces, {regions.Count - provinces} kab/kota), {perRegion} agreements each " +
            $"({agreementsCount:N0} agreements, {reportsCount:N0} accepted progress reports with indicators and budget), report year {year}; generated in {seed.TotalSeconds:F1} s.");
        Say("");
        Say("| scenario | time | note |");
        Say("|---|---|---|");
        Say($"| national recap (Kemendagri over {nat.Rows.Count} provinces, figures computed from the data: none sent) | {natTime.TotalSeconds:F2} s | totals: {nat.AllTotals.Agreements:N0} agreements, {nat.AllTotals.Indicators:N0} indicators |");
        Say($"| every province's recap over its kab/kota ({kabkota} kab/kota) + recap XLSX | {provTime.TotalSeconds:F2} s | one recap per province, sequential |");
        Say($"| building all {regions.Count} annual reports with their XLSX | {allTime.TotalSeconds:F2} s | {allTime.TotalMilliseconds / regions.Count:F1} ms per region; {bytes / 1024:N0} KiB of XLSX |");
        Say("");
        Say("Each region's report is a handful of indexed queries (agreements of the region, their progress reports and evaluations of the year); " +
            "a recap of sent reports reads the stored figures instead of rebuilding them. PDF rendering (LibreOffice, seconds per document) is not included.");
        Say("");
        if (outFile is not null) Write(Path.Combine(root, outFile), lines);
        return 0;
    }

    private static void Write(string path, List<string> lines)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var section = string.Join("\n", lines) + "\n";
        var at = text.IndexOf(Heading, StringComparison.Ordinal);
        if (at < 0) text = text.TrimEnd('\n') + "\n\n" + section;
        else
        {
            var next = text.IndexOf("\n## ", at + Heading.Length, StringComparison.Ordinal);
            text = text[..at] + section + (next < 0 ? "" : text[(next + 1)..]);
        }
        File.WriteAllText(path, text);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
