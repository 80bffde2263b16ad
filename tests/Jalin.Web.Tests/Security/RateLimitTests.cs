using System.Net;
using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Jalin.Web.Tests.Security;

/// <summary>The app with low limits and no demo data (so it starts quickly).</summary>
public sealed class RateLimitedApp : JalinAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Security:LoginRateLimitPerMinute", "3");
        builder.UseSetting("Security:VerifyRateLimitPerMinute", "3");
    }
}

/// <summary>Unauthenticated endpoints are limited per client address: the token endpoint and the
/// public verification (lookups and file checks); the fourth call in a minute gets 429 in Indonesian.</summary>
public sealed class RateLimitTests : IClassFixture<RateLimitedApp>
{
    private readonly RateLimitedApp _app;

    public RateLimitTests(RateLimitedApp app) => _app = app;

    /// <summary>The API and the public page draw on one budget per client address: two API
    /// lookups and one page load use it up, then both answer 429 in Indonesian (the page as HTML).</summary>
    [Fact]
    public async Task Public_verification_is_limited_per_client_on_the_api_and_the_page_alike()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/verifikasi/AAAA-BBBB-CCCC")).StatusCode);
        var page = await client.GetAsync("/verifikasi/AAAA-BBBB-CCCC");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Verifikasi dokumen", await page.Content.ReadAsStringAsync());

        var limitedPage = await client.GetAsync("/verifikasi/AAAA-BBBB-CCCC");
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedPage.StatusCode);
        Assert.Equal("text/html", limitedPage.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Terlalu banyak pemeriksaan dokumen", await limitedPage.Content.ReadAsStringAsync());

        var limited = await client.GetAsync("/api/v1/verifikasi/AAAA-BBBB-CCCC");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var problem = await ProblemAssert.IsProblem(limited, "verification over the limit");
        Assert.Contains("pemeriksaan dokumen", problem["detail"]!.GetValue<string>());
    }

    /// <summary>Inside the page's circuit (no HTTP request per lookup) the same budget holds per circuit.</summary>
    [Fact]
    public void Lookups_inside_one_page_circuit_are_limited_too()
    {
        using var limit = new Jalin.Web.Infrastructure.VerifyCircuitLimit(3);
        Assert.True(limit.TryTake());
        Assert.True(limit.TryTake());
        Assert.True(limit.TryTake());
        Assert.False(limit.TryTake());
    }

    [Fact]
    public async Task Token_requests_are_limited_per_client()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "tidak.ada", password = "salah" })).StatusCode);
        var limited = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "tidak.ada", password = "salah" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var problem = await ProblemAssert.IsProblem(limited, "token over the limit");
        Assert.Contains("percobaan masuk", problem["detail"]!.GetValue<string>());
    }
}
