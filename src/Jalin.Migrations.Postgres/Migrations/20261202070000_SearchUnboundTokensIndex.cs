using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <summary>A GIN index of the search entries tied to no agreement (usulan, partners, potentials and needs, good practices).
    /// A back-office search by someone who sees few agreements reads the entries tied to an agreement from the agreements
    /// it sees, and these through this index (SiteSearch.FewAgreementsCandidatesAsync), without the bitmap of every
    /// agreement that holds a common word.</summary>
    [DbContext(typeof(JalinDb))]
    [Migration("20261202070000_SearchUnboundTokensIndex")]
    public partial class SearchUnboundTokensIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX \"IX_SearchEntries_TokensVector_Unbound\" ON \"SearchEntries\" USING GIN (\"TokensVector\") WHERE \"AgreementId\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_TokensVector_Unbound\";");
        }
    }
}
