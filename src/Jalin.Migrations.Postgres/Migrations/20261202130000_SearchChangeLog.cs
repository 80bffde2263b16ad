using Jalin.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <summary>Which transactions wrote to a table the search reads (SearchResultCache.WatchedTables): a statement trigger
    /// on each records its transaction's id in <c>"SearchChanges"</c>, once per transaction, whoever writes (the
    /// application, the command line, a restore's DELETE and COPY, another server). A kept search is served again only when no transaction recorded there
    /// committed after it was found. <c>"SearchChangesPurged"</c> holds the bound below which records were deleted
    /// (SearchResultCache.PurgeChangesAsync). Neither table is in the application's model: they are not backed up, and a
    /// restore starts them afresh by writing to the watched tables.</summary>
    [DbContext(typeof(JalinDb))]
    [Migration("20261202130000_SearchChangeLog")]
    public partial class SearchChangeLog : Migration
    {
        private static readonly string[] Watched =
            ["SearchEntries", "Agreements", "AgreementParties", "AgreementDocuments", "Drafts", "Proposals", "MappingItems", "Partners", "GoodPractices", "Regions"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "SearchChanges" ("TxId" xid8 NOT NULL PRIMARY KEY);
                CREATE TABLE "SearchChangesPurged" ("Id" integer NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Below" xid8 NOT NULL);
                INSERT INTO "SearchChangesPurged" ("Id", "Below") VALUES (1, '0');
                CREATE FUNCTION "SearchChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Once per transaction: the setting lives until it ends (and is undone with a savepoint rolled back,
                    -- like the row), so an import's thousands of statements insert one row.
                    IF current_setting('jalin.search_changed', true) IS DISTINCT FROM pg_current_xact_id()::text THEN
                        INSERT INTO "SearchChanges" ("TxId") VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
                        PERFORM set_config('jalin.search_changed', pg_current_xact_id()::text, true);
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in Watched)
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "SearchChanged" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                        FOR EACH STATEMENT EXECUTE FUNCTION "SearchChanged"();
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Watched) migrationBuilder.Sql($"""DROP TRIGGER "SearchChanged" ON "{table}";""");
            migrationBuilder.Sql("""
                DROP FUNCTION "SearchChanged"();
                DROP TABLE "SearchChangesPurged";
                DROP TABLE "SearchChanges";
                """);
        }
    }
}
