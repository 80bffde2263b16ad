using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HolidaysAndSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rows so far are only the seeded national days (no screen edited them); they get
            // new keys and their decrees when ReferenceData seeds them again at start.
            migrationBuilder.Sql("DELETE FROM \"Holidays\";");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Holidays",
                table: "Holidays");

            migrationBuilder.AddColumn<int>(
                name: "Id",
                table: "Holidays",
                type: "integer",
                nullable: false,
                defaultValue: 0)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<string>(
                name: "DecreeReference",
                table: "Holidays",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegionCode",
                table: "Holidays",
                type: "character varying(13)",
                maxLength: 13,
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

            migrationBuilder.AddPrimaryKey(
                name: "PK_Holidays",
                table: "Holidays",
                column: "Date");
        }
    }
}
