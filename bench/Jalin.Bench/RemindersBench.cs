using System.Diagnostics;
using Jalin.Core.Data;
using Jalin.Core.Data.Seed;
using Jalin.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

/// <summary>`dotnet run -c Release --project bench/Jalin.Bench -- reminders [--agreements 1000000]` (PostgreSQL from
/// JALIN_BENCH_PG or JALIN_TEST_PG): generates agreements over every autonomous region (546 with the reference data) with
/// COPY — end dates, stages, kinds, DPRD clocks, lead OPDs, monitoring plans (triwulan/semester) and progress reports
/// (submitted, accepted, returned or missing) — then times one full pass of <see cref="RunReminders.ComputeAsync"/>
/// (everything the reminder job computes, without sending): total seconds, agreements/s, reminders found, memory.</summary>
static class RemindersBench
{
    public static async Task<int> RunAsync(string server, int count)
    {
        const string dbName = "jalin_bench_reminders";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {dbName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {dbName}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = dbName, Pooling = true }.ConnectionString;
        JalinDb NewDb()
        {
            var b = new DbContextOptionsBuilder<JalinDb>();
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs, AuditKeys = Jalin.Core.Audit.AuditKeyRing.Development }.Configure(b, TimeProvider.System);
            return new JalinDb(b.Options);
        }
        var sw = Stopwatch.StartNew();
        await using (var db = NewDb())
        {
            await DatabaseSetup.MigrateAsync(db);
            await ReferenceData.SeedAsync(db);
        }
        Console.WriteLine($"migrations and reference data: {sw.Elapsed.TotalSeconds:F1} s");
        sw.Restart();
        var regions = await GenerateAsync(cs, count);
        Console.WriteLine($"generated {count:N0} agreements over {regions} regions (parties, lead OPDs, monitoring plans, progress reports) with COPY and INSERT … SELECT, then ANALYZE: {sw.Elapsed.TotalSeconds:F1} s");

        // One cold pass, then a timed one (the job runs daily; the second has PostgreSQL's cache warm like a real day).
        foreach (var pass in new[] { "first", "second" })
        {
            GC.Collect();
            var before = GC.GetTotalMemory(true);
            long found = 0, maxManaged = 0;
            var byRule = new Dictionary<ReminderRule, long>();
            sw.Restart();
            await RunReminders.ComputeAsync(NewDb, TimeProvider.System, (batch, _) =>
            {
                found += batch.Count;
                foreach (var r in batch) byRule[r.Rule] = byRule.GetValueOrDefault(r.Rule) + 1;
                maxManaged = Math.Max(maxManaged, GC.GetTotalMemory(false));
                return Task.CompletedTask;
            });
            sw.Stop();
            using var self = Process.GetCurrentProcess();
            Console.WriteLine($"{pass} pass: {count:N0} agreements in {sw.Elapsed.TotalSeconds:F1} s ({count / sw.Elapsed.TotalSeconds:N0} agreements/s); " +
                              $"reminders found {found:N0} ({string.Join(", ", byRule.OrderBy(x => x.Key).Select(x => $"{x.Key} {x.Value:N0}"))}); " +
                              $"managed heap before {before / 1048576.0:F0} MB, max seen {maxManaged / 1048576.0:F0} MB; peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MB");
        }
        return 0;
    }

    private static async Task<int> GenerateAsync(string cs, int count)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        async Task Exec(string sql) { await using var c = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 }; await c.ExecuteNonQueryAsync(); }
        await Exec("""
            INSERT INTO "Agencies" ("Id", "RegionCode", "Name", "ShortName", "HeadTitle", "IsActive", "Version")
            SELECT gen_random_uuid(), "Code", 'Dinas Lingkungan Hidup', 'DLH', 'Kepala Dinas', true, 1 FROM "Regions" WHERE "IsAutonomous"
            """);
        var regions = new List<(string Code, Guid Agency)>();
        await using (var cmd = new NpgsqlCommand("""SELECT "RegionCode", "Id" FROM "Agencies" ORDER BY "RegionCode" """, conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) regions.Add((r.GetString(0), r.GetGuid(1)));

        var rnd = new Random(20261130);
        var kinds = new[] { "Ksdpk", "Ksdpk", "Ksdpk", "Sinergi", "Sinergi", "KsddSukarela", "KsddWajib", "Ksdpl", "Ksdll" };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var owners = new (string Code, Guid Agency)[count];
        var ids = new Guid[count];
        await using (var writer = await conn.BeginBinaryImportAsync(
            "COPY \"Agreements\" (\"Id\", \"RegionCode\", \"Kind\", \"Stage\", \"EndReason\", \"Title\", \"Object\", \"AffairCode\", \"Value\", \"FundingSource\", " +
            "\"BudgetedInApbd\", \"BurdensPublic\", \"StartsOn\", \"EndsOn\", \"IsForwarding\", \"BorderingConfirmed\", \"DueOn\", \"DueAction\", \"DueLabel\", \"CreatedAt\", \"UpdatedAt\", \"Version\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var owner = regions[rnd.Next(regions.Count)];
                var kind = kinds[rnd.Next(kinds.Length)];
                var roll = rnd.NextDouble();
                var stage = roll < 0.60 ? "Implementation" : roll < 0.85 ? "Ended" : roll < 0.90 && kind != "Sinergi" ? "DprdApproval"
                    : kind == "Sinergi" ? "Discussion" : rnd.Next(3) switch { 0 => "Preparation", 1 => "DraftingKb", _ => "DraftingPks" };
                var starts = today.AddDays(-rnd.Next(30, 2200));
                var ends = starts.AddYears(1 + rnd.Next(5));
                if (stage == "Implementation" && ends < today) ends = today.AddDays(rnd.Next(1, 900));
                var created = new DateTimeOffset(starts.AddDays(-rnd.Next(20, 200)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var id = Guid.NewGuid();
                ids[i] = id;
                owners[i] = owner;
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(owner.Code, NpgsqlDbType.Varchar);
                await writer.WriteAsync(kind, NpgsqlDbType.Varchar);
                await writer.WriteAsync(stage, NpgsqlDbType.Varchar);
                if (stage == "Ended") await writer.WriteAsync("TermExpired", NpgsqlDbType.Varchar); else await writer.WriteNullAsync();
                await writer.WriteAsync($"Kerja Sama Pengelolaan Sampah Regional {i}", NpgsqlDbType.Varchar);
                await writer.WriteAsync("Pengelolaan Sampah Regional", NpgsqlDbType.Varchar);
                await writer.WriteAsync("2.11", NpgsqlDbType.Varchar);
                await writer.WriteAsync((decimal)rnd.Next(10, 50_000) * 1_000_000m, NpgsqlDbType.Numeric);
                await writer.WriteAsync("Apbd", NpgsqlDbType.Varchar);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(starts, NpgsqlDbType.Date);
                await writer.WriteAsync(ends, NpgsqlDbType.Date);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(kind == "KsddWajib", NpgsqlDbType.Boolean);
                switch (stage)
                {
                    case "Implementation":
                        await writer.WriteAsync(ends, NpgsqlDbType.Date); await writer.WriteAsync("expire", NpgsqlDbType.Varchar);
                        await writer.WriteAsync("Jangka waktu kerja sama berakhir", NpgsqlDbType.Varchar); break;
                    case "DprdApproval":   // the DPRD clock: last day between 20 days ago and 70 days ahead
                        await writer.WriteAsync(today.AddDays(rnd.Next(-20, 70)), NpgsqlDbType.Date); await writer.WriteAsync("dprd-deemed-approved", NpgsqlDbType.Varchar);
                        await writer.WriteAsync("Batas jawaban DPRD", NpgsqlDbType.Varchar); break;
                    case "Ended":
                        await writer.WriteNullAsync(); await writer.WriteNullAsync(); await writer.WriteNullAsync(); break;
                    default:               // a stage due date from the lifecycle table, some past
                        await writer.WriteAsync(today.AddDays(rnd.Next(-60, 60)), NpgsqlDbType.Date); await writer.WriteAsync("complete-preparation", NpgsqlDbType.Varchar);
                        await writer.WriteAsync("Tenggat tahap", NpgsqlDbType.Varchar); break;
                }
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await conn.BeginBinaryImportAsync(
            "COPY \"AgreementParties\" (\"Id\", \"AgreementId\", \"Order\", \"RegionCode\", \"Name\", \"LeadAgencyId\", \"LeadAgencyName\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(owners[i].Code, NpgsqlDbType.Varchar);
                await writer.WriteAsync("Pemerintah Daerah", NpgsqlDbType.Varchar);
                await writer.WriteAsync(owners[i].Agency, NpgsqlDbType.Uuid);
                await writer.WriteAsync("Dinas Lingkungan Hidup", NpgsqlDbType.Varchar);
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await writer.WriteAsync(2, NpgsqlDbType.Integer);
                await writer.WriteNullAsync();
                await writer.WriteAsync($"Mitra {i % 997}", NpgsqlDbType.Varchar);
                await writer.WriteNullAsync();
                await writer.WriteNullAsync();
            }
            await writer.CompleteAsync();
        }
        // A third of the running agreements report per semester; the rest per triwulan (the default, no plan row).
        await Exec("""
            INSERT INTO "MonitoringPlans" ("AgreementId", "Period", "RegionCode", "UpdatedAt")
            SELECT "Id", 'Semester', "RegionCode", now() FROM "Agreements" WHERE "Stage" = 'Implementation' AND random() < 0.33
            """);
        // Reports for the last ended period: 60 % submitted or accepted, 10 % returned, the rest missing.
        await Exec("""
            INSERT INTO "ProgressReports" ("Id", "AgreementId", "RegionCode", "AgencyId", "AgencyName", "Period", "PeriodNumber", "PeriodStart", "PeriodEnd", "DueOn",
                "Status", "Indicators", "CreatedBy", "CreatedAt", "UpdatedAt", "Version")
            SELECT gen_random_uuid(), x."Id", x."RegionCode", gen_random_uuid(), 'Dinas Lingkungan Hidup', x.period, x.n,
                   (x."StartsOn" + make_interval(months => (x.n - 1) * x.m))::date, (x."StartsOn" + make_interval(months => x.n * x.m) - interval '1 day')::date,
                   (x."StartsOn" + make_interval(months => x.n * x.m) + interval '14 days')::date,
                   CASE WHEN x.roll < 0.3 THEN 'Submitted' WHEN x.roll < 0.6 THEN 'Accepted' ELSE 'Returned' END, '[]', 'bench', now(), now(), 1
            FROM (SELECT a."Id", a."RegionCode", a."StartsOn", COALESCE(p."Period", 'Quarterly') AS period,
                         CASE WHEN p."Period" = 'Semester' THEN 6 ELSE 3 END AS m,
                         ((extract(year FROM age(current_date, a."StartsOn")) * 12 + extract(month FROM age(current_date, a."StartsOn")))::int
                            / CASE WHEN p."Period" = 'Semester' THEN 6 ELSE 3 END) AS n,
                         random() / 0.7 AS roll
                  FROM "Agreements" a LEFT JOIN "MonitoringPlans" p ON p."AgreementId" = a."Id"
                  WHERE a."Stage" = 'Implementation' AND random() < 0.7) x
            WHERE x.n >= 1
            """);
        await Exec("ANALYZE");
        return regions.Count;
    }
}
