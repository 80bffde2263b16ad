using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <summary>PostgreSQL's index of words and provinces together (a province's supervisor's search at national size). SQLite,
    /// a region's database, searches through FTS5 and needs none: this migration keeps the two histories of the same names.</summary>
    [DbContext(typeof(JalinDb))]
    [Migration("20261202100000_SearchProvinceTokensIndex")]
    public partial class SearchProvinceTokensIndex : Migration
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
