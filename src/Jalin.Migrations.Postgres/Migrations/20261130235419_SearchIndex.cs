using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: true),
                    CooperationKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Tokens = table.Column<string>(type: "character varying(60000)", maxLength: 60000, nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_AgreementId",
                table: "SearchEntries",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_IsPublic_RegionCode",
                table: "SearchEntries",
                columns: new[] { "IsPublic", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Kind_SubjectId",
                table: "SearchEntries",
                columns: new[] { "Kind", "SubjectId" },
                unique: true);

            // Full-text side (ADR 0010): tokens are stemmed in .NET, so the 'simple' configuration only splits and lowercases.
            migrationBuilder.Sql("CREATE INDEX \"IX_SearchEntries_Tokens_fts\" ON \"SearchEntries\" USING GIN (to_tsvector('simple', \"Tokens\"));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_Tokens_fts\";");
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
