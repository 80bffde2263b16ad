using System.Globalization;
using System.Text;
using System.Text.Json;
using Jalin.Core.Audit;
using Jalin.Core.Backup;
using Jalin.Core.Data;
using Jalin.Core.Data.Seed;
using Jalin.Core.Files;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jalin.Web.Tests.Backup;

/// <summary>One Jalin instance for backup tests: a fresh database (a SQLite file, or a new
/// database on the test PostgreSQL cluster) and its own file-store folder.</summary>
public sealed class BackupInstance : IDisposable
{
    /// <summary>A non-development audit key: the restored chain must verify with the keys it was written with.</summary>
    public static readonly AuditKeyRing Keys = new("k1", new Dictionary<string, byte[]> { ["k1"] = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray() });
    public static readonly string KeyBase64 = Convert.ToBase64String(Keys.Current);

    private readonly string? _pgDatabase;

    private BackupInstance(DatabaseProvider provider)
    {
        Provider = provider;
        Dir = Path.Combine(Path.GetTempPath(), "jalin-tests", "backup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
        if (provider == DatabaseProvider.Sqlite)
        {
            ConnectionString = $"Data Source={Path.Combine(Dir, "jalin.db")};Pooling=False";
        }
        else
        {
            _pgDatabase = "jalin_backup_" + Guid.NewGuid().ToString("N")[..12];
            using var conn = new NpgsqlConnection(JalinAppFactory.PostgresServer);
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {_pgDatabase}";
            cmd.ExecuteNonQuery();
            ConnectionString = new NpgsqlConnectionStringBuilder(JalinAppFactory.PostgresServer) { Database = _pgDatabase, Pooling = false }.ConnectionString;
        }
        Files = new FileStore(new FileStoreOptions { Root = FilesRoot });
    }

    public static BackupInstance Create(DatabaseProvider provider) => new(provider);

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string Dir { get; }
    public string FilesRoot => Path.Combine(Dir, "files");
    public FileStore Files { get; }

    public DatabaseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString, AuditKeys = Keys };

    public JalinDb NewDb()
    {
        var builder = new DbContextOptionsBuilder<JalinDb>();
        Options.Configure(builder, TimeProvider.System, Files);
        return new JalinDb(builder.Options);
    }

    /// <summary>Migrations, reference data and the full demo data set, as `jalin seed --demo` does.</summary>
    public async Task SeedDemoAsync()
    {
        await using (var db = NewDb())
        {
            await DatabaseSetup.MigrateAsync(db);
            await ReferenceData.SeedAsync(db);
        }
        Assert.True(await DemoData.SeedAsync(NewDb, Files, JalinAppFactory.Password, new DateOnly(2026, 11, 24)));
    }

    /// <summary>Every index of the database with its definition (PostgreSQL's pg_get_indexdef, SQLite's CREATE INDEX text).</summary>
    public async Task<List<string>> IndexesAsync()
    {
        await using var db = NewDb();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = Provider == DatabaseProvider.Postgres
            ? "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"
            : "SELECT name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name";
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }

    public async Task SeedReferenceAsync()
    {
        await using var db = NewDb();
        await DatabaseSetup.MigrateAsync(db);
        await ReferenceData.SeedAsync(db);
    }

    /// <summary>Every table of the model, every row in primary-key order, every value in its
    /// portable form (instants at the microsecond PostgreSQL keeps, in UTC), one line per row.</summary>
    public async Task<Dictionary<string, List<string>>> DumpAsync()
    {
        await using var db = NewDb();
        await db.Database.OpenConnectionAsync();
        var dump = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in BackupSchema.For(db).Tables)
        {
            var rows = new List<string>();
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = table.SelectSql();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var sb = new StringBuilder();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    sb.Append(table.Columns[i].Name).Append('=').Append(Portable(table.Columns[i], reader, i)).Append('|');
                }
                rows.Add(sb.ToString());
            }
            // Row order by key differs between providers for text keys (collation): compare as sorted lists.
            rows.Sort(StringComparer.Ordinal);
            dump[table.Name] = rows;
        }
        return dump;
    }

    /// <summary>A column's value in portable form as text: instants at the microsecond PostgreSQL keeps, in UTC; JSON as a
    /// canonical document (jsonb keeps a document, not its text).</summary>
    internal static string Portable(BackupColumn column, System.Data.Common.DbDataReader reader, int ordinal)
    {
        var v = column.Read(reader, ordinal);
        if (column.IsJson && v is string text) v = Canonical(System.Text.Json.Nodes.JsonNode.Parse(text));
        return v switch
        {
            null => "∅",
            DateTimeOffset t => (t.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
            byte[] b => Convert.ToBase64String(b),
            decimal d => d.ToString("0.##########", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "",
        };
    }

    internal static string Canonical(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        System.Text.Json.Nodes.JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    /// <summary>The raw stored values (what the ADO.NET reader returns, type included) of every table: identical data on the same provider.</summary>
    public async Task<Dictionary<string, List<string>>> RawDumpAsync()
    {
        await using var db = NewDb();
        await db.Database.OpenConnectionAsync();
        var dump = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in BackupSchema.For(db).Tables)
        {
            var rows = new List<string>();
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = table.SelectSql();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var sb = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var v = reader.GetValue(i);
                    sb.Append(v.GetType().Name).Append(':').Append(v switch
                    {
                        byte[] b => Convert.ToBase64String(b),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => v.ToString(),
                    }).Append('|');
                }
                rows.Add(sb.ToString());
            }
            dump[table.Name] = rows;
        }
        return dump;
    }

    /// <summary>Every file in the store: sha → bytes.</summary>
    public Dictionary<string, byte[]> StoredFiles() =>
        !Directory.Exists(FilesRoot) ? [] : Directory.EnumerateFiles(FilesRoot, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

    public async Task<long> CountAsync(string table)
    {
        await using var db = NewDb();
        await db.Database.OpenConnectionAsync();
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM {BackupTable.Quote(table)}";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Rows in tables other than the reference tables `jalin seed` fills.</summary>
    public async Task<long> NonReferenceRowsAsync()
    {
        await using var db = NewDb();
        long total = 0;
        foreach (var t in BackupSchema.For(db).Tables.Where(t => !BackupSchema.ReplaceableTables.Contains(t.Name)))
            total += await CountAsync(t.Name);
        return total;
    }

    public void Dispose()
    {
        if (_pgDatabase is not null)
        {
            try
            {
                using var conn = new NpgsqlConnection(JalinAppFactory.PostgresServer);
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = $"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)";
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException) { }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>One demo-seeded instance per provider and its archive, made once for the test class.</summary>
public sealed class BackupSources : IAsyncLifetime
{
    public BackupInstance Sqlite { get; private set; } = null!;
    public BackupInstance Postgres { get; private set; } = null!;
    public string SqliteArchive { get; private set; } = "";
    public string PostgresArchive { get; private set; } = "";
    public BackupSummary SqliteSummary { get; private set; } = null!;
    public BackupSummary PostgresSummary { get; private set; } = null!;

    public BackupInstance Source(DatabaseProvider p) => p == DatabaseProvider.Sqlite ? Sqlite : Postgres;
    public string Archive(DatabaseProvider p) => p == DatabaseProvider.Sqlite ? SqliteArchive : PostgresArchive;

    public async Task InitializeAsync()
    {
        Sqlite = BackupInstance.Create(DatabaseProvider.Sqlite);
        Postgres = BackupInstance.Create(DatabaseProvider.Postgres);
        await Task.WhenAll(Sqlite.SeedDemoAsync(), Postgres.SeedDemoAsync());
        (SqliteArchive, SqliteSummary) = await BackupAsync(Sqlite);
        (PostgresArchive, PostgresSummary) = await BackupAsync(Postgres);
    }

    private static async Task<(string, BackupSummary)> BackupAsync(BackupInstance source)
    {
        var path = Path.Combine(source.Dir, "cadangan" + BackupManifest.Extension);
        await using var db = source.NewDb();
        var result = await CreateBackup.RunAsync(db, source.Files, path, TimeProvider.System);
        Assert.True(result.Ok, result.Error?.Message);
        return (path, result.Value!);
    }

    public Task DisposeAsync()
    {
        Sqlite?.Dispose();
        Postgres?.Dispose();
        return Task.CompletedTask;
    }
}
