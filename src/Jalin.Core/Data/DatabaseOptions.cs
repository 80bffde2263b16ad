using Jalin.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Which database Jalin runs on: embedded SQLite (one region) or PostgreSQL (a province or the nation).</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }
    /// <summary>The HMAC keys of the audit chain (ADR 0007); the development key unless configured.</summary>
    public AuditKeyRing AuditKeys { get; set; } = AuditKeyRing.Development;

    public const string SqliteMigrations = "Jalin.Migrations.Sqlite";
    public const string PostgresMigrations = "Jalin.Migrations.Postgres";
    public const string DefaultSqlite = "Data Source=data/jalin.db";

    public void Configure(DbContextOptionsBuilder builder, TimeProvider clock, Files.FileStore? files = null)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
                throw new InvalidOperationException("Database__Provider=Postgres memerlukan ConnectionStrings__Jalin (string koneksi PostgreSQL).");
            builder.UseNpgsql(SessionDefaults(ConnectionString), o => o.MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            var cs = string.IsNullOrWhiteSpace(ConnectionString) ? DefaultSqlite : ConnectionString;
            EnsureFolder(cs);
            builder.UseSqlite(cs, o => o.MigrationsAssembly(SqliteMigrations));
        }
        builder.AddInterceptors(new AuditInterceptor(clock, AuditKeys), new Search.SearchIndexInterceptor(clock, files));
    }

    private static void EnsureFolder(string connectionString)
    {
        var csb = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } file && file != ":memory:" && csb.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(file));
            if (dir is not null) Directory.CreateDirectory(dir);
        }
    }

    /// <summary>Jalin's defaults for its PostgreSQL sessions, each kept only where the connection string does not set its own:
    /// <list type="bullet">
    /// <item>the JIT compiler off (<c>Options=-c jit=off</c>): Jalin's queries are short, and JIT spent about 80 ms compiling
    /// a search over a national index that itself took less. An operator who wants JIT passes <c>Options=-c jit=on</c>;</item>
    /// <item>the statements a connection runs most kept prepared (<c>Max Auto Prepare=64</c>, from their fifth run):
    /// PostgreSQL parses them once per connection, and after five runs keeps one generic plan where it costs no more than
    /// planning each run. On the national data set the search's match (a UNION ALL of 8 index buckets) ran 345 times a
    /// second prepared against 172 planned each time, and the register page served 470 requests a second against 320 with
    /// every run planned again. A generic plan cannot hash the array of an <c>= ANY</c> (EF's <c>Contains</c>): over a small
    /// table read whole, prefer reading it all to passing hundreds of keys. <c>Max Auto Prepare=0</c> turns it off.</item>
    /// </list></summary>
    internal static string SessionDefaults(string connectionString)
    {
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(csb.Options)) csb.Options = "-c jit=off";
        if (!HasKey(connectionString, "Max Auto Prepare", "MaxAutoPrepare")) csb.MaxAutoPrepare = 64;
        return csb.ConnectionString;
    }

    private static bool HasKey(string connectionString, params string[] names)
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return names.Any(builder.ContainsKey);
    }
}
