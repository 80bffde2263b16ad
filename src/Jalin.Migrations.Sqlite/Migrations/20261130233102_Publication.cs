using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Publication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Confidential",
                table: "Agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "PublishedAt",
                table: "Agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                table: "Agreements",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsPublic",
                table: "AgreementDocuments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_PublishedAt",
                table: "Agreements",
                column: "PublishedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Agreements_PublishedAt",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "Confidential",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "PublishedBy",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "IsPublic",
                table: "AgreementDocuments");
        }
    }
}
