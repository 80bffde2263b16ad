using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LawCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "DueLabel",
                table: "Agreements",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KsdpkKind",
                table: "Agreements",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnRegimeBasis",
                table: "Agreements",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubAffairCode",
                table: "Agreements",
                type: "character varying(40)",
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

            migrationBuilder.AlterColumn<string>(
                name: "DueLabel",
                table: "Agreements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldNullable: true);
        }
    }
}
