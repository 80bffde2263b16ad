using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Search;

/// <summary>Jalin's PostgreSQL sessions run without the JIT compiler (it spent more compiling a national search than the
/// search itself), unless the operator's connection string sets its own options.</summary>
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
    public void An_operators_own_options_are_kept()
    {
        var cs = Jalin.Core.Data.DatabaseOptions.WithoutJit("Host=db;Username=jalin;Options=-c jit=on");
        Assert.Contains("jit=on", cs);
        Assert.DoesNotContain("jit=off", cs);
        Assert.Contains("jit=off", Jalin.Core.Data.DatabaseOptions.WithoutJit("Host=db;Username=jalin"));
    }
}
