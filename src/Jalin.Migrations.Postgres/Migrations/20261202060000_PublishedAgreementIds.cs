using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <summary>The ids of the published agreements as their own index. The portal's search checks each row it reads against
    /// the publication (SiteSearch.PublicEntries): with this index that check reads the index alone, not the agreement's
    /// row (about 1,000 probes for a common word at national size). Not in the EF model: only that check reads it.</summary>
    [DbContext(typeof(JalinDb))]
    [Migration("20261202060000_PublishedAgreementIds")]
    public partial class PublishedAgreementIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX \"IX_Agreements_Published_Id\" ON \"Agreements\" (\"Id\") WHERE \"PublishedAt\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Agreements_Published_Id\";");
        }
    }
}
