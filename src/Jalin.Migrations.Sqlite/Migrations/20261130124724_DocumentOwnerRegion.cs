using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <summary>Issue #9 item 3: the region whose document it is, so a party region attaches its own papers (shared or internal to it).</summary>
    public partial class DocumentOwnerRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UploaderRegionCode",
                table: "AgreementDocuments",
                type: "TEXT",
                maxLength: 13,
                nullable: true);

            // Every document before this migration was attached by the owning side (party regions could
            // not attach): it is the agreement region's own document.
            migrationBuilder.Sql(
                """
                UPDATE "AgreementDocuments" SET "UploaderRegionCode" =
                    (SELECT a."RegionCode" FROM "Agreements" a WHERE a."Id" = "AgreementDocuments"."AgreementId")
                WHERE "UploaderRegionCode" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UploaderRegionCode",
                table: "AgreementDocuments");
        }
    }
}
