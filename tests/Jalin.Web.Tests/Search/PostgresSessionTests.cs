using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Search;

/// <summary>Jalin's PostgreSQL sessions run without the JIT compiler (it spent more compiling a national search than the
/// search itself) and keep their most-run statements prepared, unless the operator's connection string sets its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSessionTests(PostgresApp app)
{
    [Fact]
    public async Task Sessions_run_without_jit()
    {
        await using var db = app.NewDb();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SHOW jit";
        Assert.Equal("off", await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Sessions_keep_their_most_run_statements_prepared()
    {
        await using var db = app.NewDb();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        // A statement of its own (the connection comes from the pool, its 64 prepared statements may all be taken: a new one
        // then replaces the least used, so the number of them proves nothing).
        var marker = "prepared-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 6; i++)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM \"Regions\" WHERE \"Code\" LIKE '3%' AND '{marker}' <> ''";
            await cmd.ExecuteScalarAsync();
        }
        await using var check = conn.CreateCommand();
        check.CommandText = "SELECT count(*) FROM pg_prepared_statements WHERE strpos(statement, @m) > 0 AND statement LIKE 'SELECT count(*) FROM \"Regions\"%'";
        var p = check.CreateParameter();
        p.ParameterName = "m";
        p.Value = marker;
        check.Parameters.Add(p);
        Assert.Equal(1L, Convert.ToInt64(await check.ExecuteScalarAsync()));
    }

    [Fact]
    public void An_operators_own_options_are_kept()
    {
        var cs = Jalin.Core.Data.DatabaseOptions.SessionDefaults("Host=db;Username=jalin;Options=-c jit=on;Max Auto Prepare=0");
        Assert.Contains("jit=on", cs);
        Assert.DoesNotContain("jit=off", cs);
        Assert.Equal(0, new Npgsql.NpgsqlConnectionStringBuilder(cs).MaxAutoPrepare);
        var defaults = new Npgsql.NpgsqlConnectionStringBuilder(Jalin.Core.Data.DatabaseOptions.SessionDefaults("Host=db;Username=jalin"));
        Assert.Contains("jit=off", defaults.Options);
        Assert.Equal(64, defaults.MaxAutoPrepare);
    }
}
