using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <summary>The search's GIN indexes split into 8 buckets by <c>"Id" % 8</c> (all entries, and the public ones for the
    /// portal), with statistics on the bucket expression so the planner knows each holds an eighth. A GIN index is read as
    /// a bitmap of every matching row before the first row comes out: for a common word at national size (57,000 public
    /// matches) that bitmap cost more than everything else in a search. Read bucket by bucket (SiteSearch's UNION ALL),
    /// a search that stops at its 1,000 candidates builds the bitmap of one bucket. The public index of
    /// SearchPublicTokensIndex is replaced by its 8 buckets; the index of all entries stays for the agreement list's download, which
    /// joins every match. Not in the EF model (SQLite searches through FTS5): only SiteSearch's raw SQL reads them.</summary>
    [DbContext(typeof(JalinDb))]
    [Migration("20261202030000_SearchTokenBuckets")]
    public partial class SearchTokenBuckets : Migration
    {
        private const int Buckets = 8;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE STATISTICS \"ST_SearchEntries_Bucket\" ON (\"Id\" % 8) FROM \"SearchEntries\";");
            for (var b = 0; b < Buckets; b++)
            {
                migrationBuilder.Sql($"CREATE INDEX \"IX_SearchEntries_TokensVector_B{b}\" ON \"SearchEntries\" USING GIN (\"TokensVector\") WHERE (\"Id\" % 8) = {b};");
                migrationBuilder.Sql($"CREATE INDEX \"IX_SearchEntries_TokensVector_Public_B{b}\" ON \"SearchEntries\" USING GIN (\"TokensVector\") WHERE \"IsPublic\" AND (\"Id\" % 8) = {b};");
            }
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_TokensVector_Public\";");
            migrationBuilder.Sql("ANALYZE \"SearchEntries\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_SearchEntries_TokensVector_Public\" ON \"SearchEntries\" USING GIN (\"TokensVector\") WHERE \"IsPublic\";");
            for (var b = 0; b < Buckets; b++)
            {
                migrationBuilder.Sql($"DROP INDEX IF EXISTS \"IX_SearchEntries_TokensVector_B{b}\";");
                migrationBuilder.Sql($"DROP INDEX IF EXISTS \"IX_SearchEntries_TokensVector_Public_B{b}\";");
            }
            migrationBuilder.Sql("DROP STATISTICS IF EXISTS \"ST_SearchEntries_Bucket\";");
        }
    }
}
