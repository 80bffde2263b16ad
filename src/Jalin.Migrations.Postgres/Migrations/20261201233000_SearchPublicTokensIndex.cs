using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <summary>A GIN index over the tokens of the entries marked public, for the portal's search. Through the index of all
    /// entries, PostgreSQL read every matching entry's row to learn whether it is public: on the national data set, where
    /// the unpublished agreements sit together in the table, 12,420 of the first 13,420 rows a search read were not public.
    /// Not in the EF model (SQLite searches through FTS5): only the raw SQL of SiteSearch reads it.</summary>
    [DbContext(typeof(JalinDb))]
    [Migration("20261201233000_SearchPublicTokensIndex")]
    public partial class SearchPublicTokensIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX \"IX_SearchEntries_TokensVector_Public\" ON \"SearchEntries\" USING GIN (\"TokensVector\") WHERE \"IsPublic\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_TokensVector_Public\";");
        }
    }
}
