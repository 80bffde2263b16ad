using Jalin.Core.Data;
using Jalin.Core.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Infrastructure;

/// <summary>A settable clock (a real <see cref="TimeProvider"/> subclass, no mocks).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>10:00 WIB on <paramref name="day"/>.</summary>
    public static TestClock At(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));

    public void SetDay(DateOnly day) => Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
}

/// <summary>A fresh SQLite file database built by the real migrations (Jalin.Migrations.Sqlite)
/// and seeded with the reference data. Migrating once per run and copying the file keeps each
/// test isolated without paying for migrations every time.</summary>
public sealed class TestDb : IAsyncDisposable
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "jalin-core-tests", Guid.NewGuid().ToString("N"));
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    static TestDb() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    };

    private readonly string _file;
    private readonly TimeProvider _clock;

    private TestDb(string file, TimeProvider clock)
    {
        _file = file;
        _clock = clock;
    }

    public static async Task<TestDb> CreateAsync(TimeProvider clock)
    {
        var template = await Template.Value;
        var file = Path.Combine(Root, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(template, file);
        return new TestDb(file, clock);
    }

    private static string ConnectionString(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

    private static JalinDb Open(string file, TimeProvider clock, Jalin.Core.Audit.AuditKeyRing? keys = null)
    {
        var builder = new DbContextOptionsBuilder<JalinDb>();
        new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = ConnectionString(file), AuditKeys = keys ?? Jalin.Core.Audit.AuditKeyRing.Development }.Configure(builder, clock);
        return new JalinDb(builder.Options);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        Directory.CreateDirectory(Root);
        var file = Path.Combine(Root, "template.db");
        await using (var db = Open(file, TimeProvider.System))
        {
            await DatabaseSetup.MigrateAsync(db);
            await ReferenceData.SeedAsync(db);
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE;");
            await db.Database.CloseConnectionAsync();
        }
        return file;
    }

    /// <summary>A new context on this database (the clock feeds the audit interceptor).</summary>
    public JalinDb NewDb() => Open(_file, _clock);

    /// <summary>A new context whose audit rows are chained with <paramref name="keys"/>.</summary>
    public JalinDb NewDb(Jalin.Core.Audit.AuditKeyRing keys) => Open(_file, _clock, keys);

    public ValueTask DisposeAsync()
    {
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            try { File.Delete(f); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
