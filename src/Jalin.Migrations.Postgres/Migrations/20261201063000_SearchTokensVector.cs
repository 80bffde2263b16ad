using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <summary>The search index's tokens as a stored tsvector column with its GIN index, replacing the expression index
    /// over to_tsvector('simple', "Tokens"). With the expression index PostgreSQL recomputes to_tsvector for every row it
    /// filters outside a bitmap scan (about 80 µs a row on long texts), which made a common word over a national index
    /// take seconds; the stored column is computed once when the entry is written. Not in the EF model (SQLite searches
    /// through FTS5): only the raw SQL of SiteSearch reads it.</summary>
    [DbContext(typeof(JalinDb))]
    [Migration("20261201063000_SearchTokensVector")]
    public partial class SearchTokensVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"SearchEntries\" ADD COLUMN \"TokensVector\" tsvector GENERATED ALWAYS AS (to_tsvector('simple', \"Tokens\")) STORED;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_Tokens_fts\";");
            migrationBuilder.Sql("CREATE INDEX \"IX_SearchEntries_TokensVector\" ON \"SearchEntries\" USING GIN (\"TokensVector\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_TokensVector\";");
            migrationBuilder.Sql("ALTER TABLE \"SearchEntries\" DROP COLUMN IF EXISTS \"TokensVector\";");
            migrationBuilder.Sql("CREATE INDEX \"IX_SearchEntries_Tokens_fts\" ON \"SearchEntries\" USING GIN (to_tsvector('simple', \"Tokens\"));");
        }
    }
}
