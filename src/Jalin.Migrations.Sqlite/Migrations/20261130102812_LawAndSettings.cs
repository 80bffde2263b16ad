using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LawAndSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The holiday rows are seed data nobody could edit yet; the seeder puts them back (with their decrees) under the new key.
            migrationBuilder.Sql("DELETE FROM \"Holidays\";");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Holidays",
                table: "Holidays");

            migrationBuilder.AddColumn<int>(
                name: "Id",
                table: "Holidays",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<string>(
                name: "DecreeReference",
                table: "Holidays",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegionCode",
                table: "Holidays",
                type: "TEXT",
                maxLength: 13,
                nullable: true);

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

            migrationBuilder.AddPrimaryKey(
                name: "PK_Holidays",
                table: "Holidays",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Holidays_Date",
                table: "Holidays",
                column: "Date",
                unique: true,
                filter: "\"RegionCode\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Holidays_RegionCode_Date",
                table: "Holidays",
                columns: new[] { "RegionCode", "Date" },
                unique: true,
                filter: "\"RegionCode\" IS NOT NULL");

            // Retired end reasons become the law's own (ADR 0006); history rows keep the old one in their note.
            foreach (var sql in Jalin.Core.Data.RetiredEndReasons.Sql()) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Holidays",
                table: "Holidays");

            migrationBuilder.DropIndex(
                name: "IX_Holidays_Date",
                table: "Holidays");

            migrationBuilder.DropIndex(
                name: "IX_Holidays_RegionCode_Date",
                table: "Holidays");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "Holidays");

            migrationBuilder.DropColumn(
                name: "DecreeReference",
                table: "Holidays");

            migrationBuilder.DropColumn(
                name: "RegionCode",
                table: "Holidays");

            migrationBuilder.DropColumn(
                name: "KsdpkKind",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "OwnRegimeBasis",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "SubAffairCode",
                table: "Agreements");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Holidays",
                table: "Holidays",
                column: "Date");
        }
    }
}
