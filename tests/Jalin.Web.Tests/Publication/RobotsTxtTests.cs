using Jalin.Web.Tests.Infrastructure;

namespace Jalin.Web.Tests.Publication;

/// <summary>/robots.txt lets search engines into the public portal and keeps them out of the back office, the API and a
/// partner's private status link.</summary>
public abstract class RobotsTxtTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    [Fact]
    public async Task Robots_txt_keeps_crawlers_out_of_the_back_office()
    {
        var response = await app.CreateClient().GetAsync("/robots.txt");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("Disallow: /app", lines);
        Assert.Contains("Disallow: /api", lines);
        Assert.Contains("Disallow: /mitra/status", lines);
        Assert.DoesNotContain("Disallow: /", lines);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRobotsTxtTests(SqliteApp app) : RobotsTxtTests<SqliteApp>(app);
