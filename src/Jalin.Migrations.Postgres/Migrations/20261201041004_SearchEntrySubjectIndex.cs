using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchEntrySubjectIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_Kind_SubjectId",
                table: "SearchEntries");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_SubjectId_Kind",
                table: "SearchEntries",
                columns: new[] { "SubjectId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_SubjectId_Kind",
                table: "SearchEntries");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Kind_SubjectId",
                table: "SearchEntries",
                columns: new[] { "Kind", "SubjectId" },
                unique: true);
        }
    }
}
