using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgreementParties_RegionCode",
                table: "AgreementParties");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Kind_Stage",
                table: "Agreements",
                columns: new[] { "Kind", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Stage_EndsOn",
                table: "Agreements",
                columns: new[] { "Stage", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_UpdatedAt",
                table: "Agreements",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementParties_RegionCode_AgreementId",
                table: "AgreementParties",
                columns: new[] { "RegionCode", "AgreementId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Agreements_Kind_Stage",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Stage_EndsOn",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_UpdatedAt",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_AgreementParties_RegionCode_AgreementId",
                table: "AgreementParties");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementParties_RegionCode",
                table: "AgreementParties",
                column: "RegionCode");
        }
    }
}
