using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <summary>PostgreSQL's migration of this name adds a GIN index of the search entries tied to no agreement. SQLite
    /// searches through FTS5 and has no such index; this one changes nothing and keeps the two databases at the same
    /// migration, which backups, region exports and restores between them compare.</summary>
    [DbContext(typeof(JalinDb))]
    [Migration("20261202070000_SearchUnboundTokensIndex")]
    public partial class SearchUnboundTokensIndex : Migration
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
