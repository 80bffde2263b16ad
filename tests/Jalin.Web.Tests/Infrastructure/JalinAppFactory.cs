using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jalin.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Jalin.Web.Tests.Infrastructure;

/// <summary>A settable clock so tests can move past DPRD deadlines and end dates.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>The real app (Program) on a real database: a fresh SQLite file, or a fresh database on
/// the throwaway PostgreSQL cluster that scripts/test starts (JALIN_TEST_PG). Migrations and the
/// demo data run exactly as on a user's first start.</summary>
public class JalinAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "Jalin#Demo2026";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jalin-tests", Guid.NewGuid().ToString("N"));
    private string? _pgDatabase;

    public JalinAppFactory() : this(DatabaseProvider.Sqlite) { }

    public JalinAppFactory(DatabaseProvider provider)
    {
        Provider = provider;
        Directory.CreateDirectory(_dir);
        ConnectionString = provider == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(_dir, "jalin.db")}" : CreatePostgresDatabase();
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    public string FilesRoot => Path.Combine(_dir, "files");

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("JALIN_TEST_PG")
        ?? throw new InvalidOperationException("JALIN_TEST_PG is not set: run the tests through scripts/test, which starts a throwaway PostgreSQL cluster.");

    private string CreatePostgresDatabase()
    {
        _pgDatabase = "jalin_test_" + Guid.NewGuid().ToString("N")[..12];
        using var conn = new NpgsqlConnection(PostgresServer);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"CREATE DATABASE {_pgDatabase}";
        cmd.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _pgDatabase }.ConnectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Jalin", ConnectionString);
        builder.UseSetting("Files:Root", FilesRoot);
        builder.UseSetting("Files:MaxBytes", (2 * 1024 * 1024).ToString());
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Security:LoginRateLimitPerMinute", "100000");
        builder.UseSetting("Security:VerifyRateLimitPerMinute", "100000");
        builder.UseSetting("Security:PartnerPortalSubmissionsPer10Minutes", "100000");
        // One shared app runs every test's PDF conversions (finals, kajian, mapping report) within a minute as the same
        // demo users; the per-user limit has its own tests (Core PdfQueueTests, Web FileSafetyTests with their own app).
        builder.UseSetting("Pdf:PerUserPerMinute", "100000");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>An HTTP client with a bearer token for a demo account.</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string? password = null)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = password ?? Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public JalinDb NewDb() => Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<JalinDb>>().CreateDbContext();

    public sealed record TokenResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                using var conn = new NpgsqlConnection(PostgresServer);
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = $"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)";
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException) { }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

public sealed class SqliteApp() : JalinAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : JalinAppFactory(DatabaseProvider.Postgres);
