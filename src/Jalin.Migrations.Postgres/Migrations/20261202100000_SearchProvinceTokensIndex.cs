using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <summary>One GIN index of the words and the province of the entries tied to an agreement (btree_gin, a contrib
    /// extension of PostgreSQL like pg_trgm; the province is the first part of the owning region's code). A province's
    /// supervisor sees the agreements of the province and its kabupaten and kota, and the index intersects a word's
    /// entries with the province's itself (SiteSearch.MatchingInProvince): 4 ms for "sampah" in West Java at national size,
    /// where the word's buckets yielded the province's 1,000 among 20,000 rows read (and an index of words and the 28
    /// region codes took 13 ms to merge them). Partial (AgreementId IS NOT NULL), so only a query that says so can use it:
    /// the other searches keep their buckets.</summary>
    [DbContext(typeof(JalinDb))]
    [Migration("20261202100000_SearchProvinceTokensIndex")]
    public partial class SearchProvinceTokensIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gin;");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_SearchEntries_TokensVector_Province\" ON \"SearchEntries\" USING GIN (\"TokensVector\", (split_part(\"RegionCode\", '.', 1))) WHERE \"AgreementId\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_TokensVector_Province\";");
        }
    }
}
