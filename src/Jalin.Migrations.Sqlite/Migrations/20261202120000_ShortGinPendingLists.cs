using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <summary>PostgreSQL's GIN indexes keep a short pending list. SQLite searches through FTS5, which has no such list,
    /// and needs nothing: this migration keeps the two histories of the same names.</summary>
    [DbContext(typeof(JalinDb))]
    [Migration("20261202120000_ShortGinPendingLists")]
    public partial class ShortGinPendingLists : Migration
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
