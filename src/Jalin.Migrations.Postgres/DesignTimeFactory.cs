using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jalin.Migrations.Postgres;

/// <summary>Used only by `dotnet ef migrations add -p src/Jalin.Migrations.Postgres`.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<JalinDb>
{
    public JalinDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<JalinDb>().UseNpgsql("Host=localhost;Database=jalin_design", o => o.MigrationsAssembly(DatabaseOptions.PostgresMigrations)).Options);
}
