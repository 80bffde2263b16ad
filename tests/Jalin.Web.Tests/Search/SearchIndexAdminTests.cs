using System.Net;
using Jalin.Core.Search;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jalin.Web.Tests.Search;

/// <summary>The search index rebuilt from the back office (issue #13 item 2), the SAME assertions on SQLite and PostgreSQL:
/// only the system administrator starts or follows it; it runs in the background and reports its progress; it rebuilds
/// entries in place (a spoiled entry is mended), removes the entries of subjects that no longer exist, and search answers
/// afterwards as before.</summary>
public abstract class SearchIndexAdminTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    [Fact]
    public async Task Rebuild_ByTheAdministratorOnly_MendsAndPrunesInPlace()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        await officer.GetAsync("/api/v1/admin/search-index").Expect(HttpStatusCode.Forbidden);
        await officer.PostAsync("/api/v1/admin/search-index/rebuild", null).Expect(HttpStatusCode.Forbidden);

        Guid spoiled;
        var orphan = Guid.NewGuid();
        int subjects;
        await using (var db = app.NewDb())
        {
            var entry = await db.SearchEntries.Where(e => e.Kind == SearchKind.Agreement && e.RegionCode == "32.77").OrderBy(e => e.Id).FirstAsync();
            spoiled = entry.SubjectId;
            entry.Title = "judul rusak";
            db.SearchEntries.Add(new SearchEntry { Kind = SearchKind.Agreement, SubjectId = orphan, RegionCode = "32.77", Title = "yatim", Tokens = "yatim" });
            await db.SaveChangesAsync();
            subjects = await db.Agreements.CountAsync() + await db.Partners.CountAsync() + await db.Proposals.CountAsync();
        }

        var admin = await app.ClientForAsync("admin");
        var started = await admin.PostAsync("/api/v1/admin/search-index/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        await app.Services.GetRequiredService<SearchReindexJob>().Current;
        var status = await admin.GetAsync("/api/v1/admin/search-index").OkJson();
        Assert.False(status["running"]!.GetValue<bool>());
        Assert.Null(status["error"]);
        Assert.True(status["subjects"]!.GetValue<int>() >= subjects, status.ToJsonString());
        Assert.Equal(100, status["percent"]!.GetValue<int>());
        Assert.Equal("Administrator Sistem", status["startedBy"]!.GetValue<string>());

        await using (var db = app.NewDb())
        {
            var title = await db.Agreements.Where(a => a.Id == spoiled).Select(a => a.Title).SingleAsync();
            Assert.Equal(title, await db.SearchEntries.Where(e => e.SubjectId == spoiled && e.Kind == SearchKind.Agreement).Select(e => e.Title).SingleAsync());
            Assert.False(await db.SearchEntries.AnyAsync(e => e.SubjectId == orphan));
            Assert.Equal(await db.Agreements.CountAsync(), await db.SearchEntries.CountAsync(e => e.Kind == SearchKind.Agreement));
        }
        var found = await officer.GetAsync("/api/v1/search?q=sampah").OkJson();
        Assert.True(found["hits"]!["totalCount"]!.GetValue<int>() > 0);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSearchIndexAdminTests(SqliteApp app) : SearchIndexAdminTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchIndexAdminTests(PostgresApp app) : SearchIndexAdminTests<PostgresApp>(app);
