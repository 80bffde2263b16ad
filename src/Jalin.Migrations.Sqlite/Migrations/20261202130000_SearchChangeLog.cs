using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <summary>PostgreSQL records which transactions wrote to the tables a search reads, for the searches it keeps. SQLite
    /// keeps no search and needs nothing: this migration keeps the two histories of the same names.</summary>
    [DbContext(typeof(JalinDb))]
    [Migration("20261202130000_SearchChangeLog")]
    public partial class SearchChangeLog : Migration
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
