using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <summary>PostgreSQL's migration of this name adds a GIN index over the public entries' tokens for the portal's search.
    /// SQLite searches through FTS5 and needs none; this one changes nothing and keeps the two databases at the same
    /// migration, which backups, region exports and restores between them compare.</summary>
    [DbContext(typeof(JalinDb))]
    [Migration("20261201233000_SearchPublicTokensIndex")]
    public partial class SearchPublicTokensIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
