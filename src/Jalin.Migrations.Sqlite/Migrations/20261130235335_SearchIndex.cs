using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CooperationKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Tokens = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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

            // Full-text side (ADR 0010): an external-content FTS5 table over the stemmed tokens, kept in step
            // with SearchEntries by triggers, so every write path (indexer, bulk delete) stays in sync.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE \"SearchEntriesFts\" USING fts5(\"Tokens\", content='SearchEntries', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("CREATE TRIGGER \"SearchEntries_ai\" AFTER INSERT ON \"SearchEntries\" BEGIN INSERT INTO \"SearchEntriesFts\"(rowid, \"Tokens\") VALUES (new.\"Id\", new.\"Tokens\"); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"SearchEntries_ad\" AFTER DELETE ON \"SearchEntries\" BEGIN INSERT INTO \"SearchEntriesFts\"(\"SearchEntriesFts\", rowid, \"Tokens\") VALUES ('delete', old.\"Id\", old.\"Tokens\"); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"SearchEntries_au\" AFTER UPDATE ON \"SearchEntries\" BEGIN INSERT INTO \"SearchEntriesFts\"(\"SearchEntriesFts\", rowid, \"Tokens\") VALUES ('delete', old.\"Id\", old.\"Tokens\"); INSERT INTO \"SearchEntriesFts\"(rowid, \"Tokens\") VALUES (new.\"Id\", new.\"Tokens\"); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"SearchEntries_ai\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"SearchEntries_ad\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"SearchEntries_au\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"SearchEntriesFts\";");
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
