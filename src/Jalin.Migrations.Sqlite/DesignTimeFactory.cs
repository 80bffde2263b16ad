using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jalin.Migrations.Sqlite;

/// <summary>Used only by `dotnet ef migrations add -p src/Jalin.Migrations.Sqlite`.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<JalinDb>
{
    public JalinDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<JalinDb>().UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(DatabaseOptions.SqliteMigrations)).Options);
}
