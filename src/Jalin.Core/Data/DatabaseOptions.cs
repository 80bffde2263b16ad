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
            builder.UseNpgsql(WithoutJit(ConnectionString), o => o.MigrationsAssembly(PostgresMigrations));
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

    /// <summary>PostgreSQL's JIT compiler off for Jalin's sessions unless the connection string sets its own
    /// <c>Options</c>: Jalin's queries are short, and JIT spent about 80 ms compiling a search over a national index that
    /// itself took less. An operator who wants JIT passes <c>Options=-c jit=on</c>.</summary>
    internal static string WithoutJit(string connectionString)
    {
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(csb.Options)) csb.Options = "-c jit=off";
        return csb.ConnectionString;
    }
}
