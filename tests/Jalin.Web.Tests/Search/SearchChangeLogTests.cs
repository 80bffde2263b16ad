using System.Data.Common;
using System.Text.RegularExpressions;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Search;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jalin.Web.Tests.Search;

/// <summary>The kept searches on PostgreSQL (SearchResultCache, migration SearchChangeLog): a kept search outlives writes
/// to what no search reads, never a write to what it reads, whoever writes; and every table any role's search reads
/// records its changes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SearchChangeLogTests(PostgresApp app)
{
    private static readonly SearchQuery Sampah = new() { Q = "sampah" };

    private async Task<(SearchResults Results, bool Kept)> SearchAsync(SearchResultCache cache)
    {
        await using var db = app.NewDb();
        var before = cache.Hits;
        var r = await SiteSearch.PublicAsync(db, Sampah, cache);
        Assert.True(r.Ok, r.Error?.ToString());
        return (r.Value!, cache.Hits > before);
    }

    private async Task WriteAsync(string sql)
    {
        await using var db = app.NewDb();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static List<Guid> Ids(SearchResults r) => r.Hits.Items.Select(h => h.SubjectId).ToList();

    [Fact]
    public async Task A_kept_search_outlives_other_writes_but_never_a_write_to_a_table_it_reads()
    {
        var cache = new SearchResultCache();
        var (first, keptFirst) = await SearchAsync(cache);
        Assert.False(keptFirst);
        Assert.NotEmpty(first.Hits.Items);

        // A write to a table no search reads (a person's account) leaves the kept search in use.
        var (again, kept) = await SearchAsync(cache);
        Assert.True(kept, "Pencarian yang sama tidak dilayani dari hasil yang disimpan.");
        await WriteAsync("""UPDATE "AspNetUsers" SET "SecurityStamp" = "SecurityStamp" WHERE "UserName" = 'kerjasama.cimahi'""");
        var (afterOther, keptAfterOther) = await SearchAsync(cache);
        Assert.True(keptAfterOther, "Perubahan pada tabel yang tidak dibaca pencarian membuang hasil yang disimpan.");
        Assert.Equal(Ids(first), Ids(again));
        Assert.Equal(Ids(first), Ids(afterOther));

        // A statement on any table a search reads, even one that changes no row, is a change: the next search runs in full,
        // and the one after it is served again.
        foreach (var table in SearchResultCache.WatchedTables)
        {
            await WriteAsync($"""DELETE FROM "{table}" WHERE false""");
            var (changed, keptAfterChange) = await SearchAsync(cache);
            Assert.False(keptAfterChange, $"Perubahan pada {table} tidak terlihat oleh pencarian yang disimpan.");
            Assert.Equal(Ids(first), Ids(changed));
            Assert.True((await SearchAsync(cache)).Kept, $"Setelah perubahan pada {table} pencarian tidak disimpan lagi.");
        }

        // A real change is found: the first result's entry renamed behind the application's back.
        var renamed = first.Hits.Items[0];
        await using (var db = app.NewDb())
        {
            var original = await db.SearchEntries.Where(e => e.SubjectId == renamed.SubjectId && e.Kind == renamed.Kind).Select(e => e.Title).SingleAsync();
            try
            {
                await db.SearchEntries.Where(e => e.SubjectId == renamed.SubjectId && e.Kind == renamed.Kind)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.Title, "Judul diganti sampah Cikapundung"));
                var (now, keptNow) = await SearchAsync(cache);
                Assert.False(keptNow);
                Assert.Contains(now.Hits.Items, h => h.Title == "Judul diganti sampah Cikapundung");
            }
            finally
            {
                await db.SearchEntries.Where(e => e.SubjectId == renamed.SubjectId && e.Kind == renamed.Kind)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.Title, original));
            }
        }
    }

    [Fact]
    public async Task The_purge_deletes_old_records_and_a_search_kept_from_before_it_runs_again()
    {
        var cache = new SearchResultCache();
        await SearchAsync(cache);
        Assert.True((await SearchAsync(cache)).Kept);
        await WriteAsync("""DELETE FROM "Regions" WHERE false""");
        await WriteAsync("""UPDATE "AspNetUsers" SET "SecurityStamp" = "SecurityStamp" WHERE "UserName" = 'kerjasama.cimahi'""");

        await using (var db = app.NewDb())
        {
            await SearchResultCache.PurgeChangesAsync(db);
            var left = await db.Database.SqlQueryRaw<int>("""
                SELECT count(*)::int AS "Value" FROM "SearchChanges" WHERE "TxId" < (SELECT "Below" FROM "SearchChangesPurged")
                """).SingleAsync();
            Assert.Equal(0, left);
            var below = await db.Database.SqlQueryRaw<string>("""SELECT "Below"::text AS "Value" FROM "SearchChangesPurged" """).SingleAsync();
            Assert.NotEqual("0", below);
        }
        // The records the kept search would need are gone: it runs in full, and is kept again.
        Assert.False((await SearchAsync(cache)).Kept);
        Assert.True((await SearchAsync(cache)).Kept);
    }

    /// <summary>Records every command a context sends.</summary>
    private sealed class Recorder : DbCommandInterceptor
    {
        public List<string> Sql { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            lock (Sql) Sql.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task Every_table_a_search_of_any_role_reads_records_its_changes()
    {
        var recorder = new Recorder();
        await using (var plain = app.NewDb())
        {
            var options = new DbContextOptionsBuilder<JalinDb>((DbContextOptions<JalinDb>)plain.GetService<IDbContextOptions>()).AddInterceptors(recorder).Options;
            var agency = Guid.NewGuid();
            var partner = Guid.NewGuid();
            foreach (var role in Enum.GetValues<Role>())
            {
                var region = role switch { Role.SupervisorNational or Role.System or Role.SystemAdmin => null, Role.SupervisorProvince => "32", _ => "32.77" };
                var actor = new CurrentActor($"u-{role}", $"uji.{role}", $"Uji {role}", role, region, agency, partner);
                foreach (var q in new[] { "sampah", "Bandng" })
                {
                    await using var db = new JalinDb(options);
                    Assert.True((await SiteSearch.ForActorAsync(db, actor, new SearchQuery { Q = q })).Ok);
                }
            }
            await using (var db = new JalinDb(options))
                Assert.True((await SiteSearch.PublicAsync(db, Sampah)).Ok);
            // A kept search's own statements too.
            var cache = new SearchResultCache();
            for (var i = 0; i < 2; i++)
            {
                await using var db = new JalinDb(options);
                Assert.True((await SiteSearch.PublicAsync(db, Sampah, cache)).Ok);
            }

            var read = recorder.Sql.SelectMany(s => Regex.Matches(s, "(?:FROM|JOIN)\\s+\"(\\w+)\"").Select(m => m.Groups[1].Value))
                .Where(t => t is not ("SearchChanges" or "SearchChangesPurged")).ToHashSet();
            Assert.Contains("SearchEntries", read);
            Assert.Contains("Agreements", read);
            Assert.Empty(read.Except(SearchResultCache.WatchedTables));

            var triggered = await plain.Database.SqlQueryRaw<string>("""
                SELECT c.relname::text AS "Value" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'SearchChanged'
                """).ToListAsync();
            Assert.Equal(SearchResultCache.WatchedTables.Order(), triggered.Order());
        }
    }
}
