using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LawCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KsdpkKind",
                table: "Agreements",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnRegimeBasis",
                table: "Agreements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubAffairCode",
                table: "Agreements",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Retired end reasons become the law's own (ADR 0006); history rows keep the old one in their note.
            foreach (var sql in Jalin.Core.Data.RetiredEndReasons.Sql()) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "KsdpkKind",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "OwnRegimeBasis",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "SubAffairCode",
                table: "Agreements");
        }
    }
}
