using System.Collections.Concurrent;
using System.Diagnostics;
using Jalin.Core.Data;
using Jalin.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Npgsql;

/// <summary>`dotnet run -c Release --project bench/Jalin.Bench -- mail [--messages 2000]` (PostgreSQL from
/// JALIN_BENCH_PG or JALIN_TEST_PG; scripts/smtp-test-server.mjs as the SMTP server): how fast the outbox empties into a
/// real SMTP server on loopback with one dispatcher and with two dispatchers (two app instances) on one database, and
/// that no message is delivered twice (counted at the server by Message-ID).</summary>
static class MailBench
{
    public static async Task<int> RunAsync(string server, string root, int messages)
    {
        var dbName = "jalin_bench_mail";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {dbName} WITH (FORCE); CREATE DATABASE {dbName};", admin);
            await drop.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = dbName }.ConnectionString;
        JalinDb NewDb()
        {
            var b = new DbContextOptionsBuilder<JalinDb>();
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs, AuditKeys = Jalin.Core.Audit.AuditKeyRing.Development }.Configure(b, TimeProvider.System);
            return new JalinDb(b.Options);
        }
        await using (var db = NewDb()) await DatabaseSetup.MigrateAsync(db);

        foreach (var instances in new[] { 1, 2 })
        {
            var dir = Path.Combine(Path.GetTempPath(), "jalin-bench-smtp-" + Guid.NewGuid().ToString("N"));
            var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, UseShellExecute = false };
            psi.ArgumentList.Add(Path.Combine(root, "scripts", "smtp-test-server.mjs"));
            psi.ArgumentList.Add(dir);
            using var node = Process.Start(psi)!;
            var port = int.Parse((await node.StandardOutput.ReadLineAsync())!["listening ".Length..]);
            await using (var db = NewDb())
            {
                await db.MailOutbox.ExecuteDeleteAsync();
                var now = DateTimeOffset.UtcNow;
                for (var i = 0; i < messages; i++)
                    MailOutbox.Add(db, new OutgoingMail($"bench:{instances}:{i}", $"penerima{i % 50}@contoh.go.id", "Penerima", $"[Jalin] Uji {i}",
                        "Pemberitahuan uji kotak keluar surel.\n", Link: "/app"), now);
                await db.SaveChangesAsync();
            }
            var options = new MailOptions { Host = "127.0.0.1", Port = port, Security = MailSecurity.None, BatchSize = 50, BaseUrl = "https://jalin.example.go.id" };
            var sw = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, instances).Select(async n =>
            {
                using var transport = new SmtpMailTransport(options);            // each app instance has its own
                var d = new MailDispatcher(NewDb, transport, options, TimeProvider.System, $"bench-{n}");
                while ((await d.RunOnceAsync()).Sent > 0) { }
            }));
            sw.Stop();
            await Task.Delay(500);
            var files = Directory.GetFiles(dir, "*.eml");
            var ids = files.Select(f => MimeKit.MimeMessage.Load(f).MessageId).ToList();
            var duplicates = ids.Count - ids.Distinct().Count();
            await using (var db = NewDb())
            {
                var waiting = await db.MailOutbox.CountAsync(m => m.SentAt == null);
                Console.WriteLine($"outbox → SMTP, {instances} dispatcher(s): {messages} mails in {sw.Elapsed.TotalSeconds:0.0} s ({messages / sw.Elapsed.TotalSeconds:0} mails/s); " +
                                  $"received {files.Length}, duplicates {duplicates}, still waiting {waiting}");
            }
            node.Kill();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
        return 0;
    }
}
