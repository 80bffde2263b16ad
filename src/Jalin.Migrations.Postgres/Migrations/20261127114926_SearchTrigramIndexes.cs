using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <summary>Trigram indexes so the back office's "contains" search on titles and party names
    /// (lower(x) LIKE '%term%') uses an index on PostgreSQL instead of scanning every row.
    /// pg_trgm ships with PostgreSQL (contrib); SQLite needs no equivalent at one region's size.</summary>
    public partial class SearchTrigramIndexes : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_Agreements_Title_trgm\" ON \"Agreements\" USING gin (lower(\"Title\") gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_AgreementParties_Name_trgm\" ON \"AgreementParties\" USING gin (lower(\"Name\") gin_trgm_ops);");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_AgreementParties_Name_trgm\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Agreements_Title_trgm\";");
        }
    }
}
