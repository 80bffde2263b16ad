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

    [Fact]
    public async Task Public_verification_is_limited_per_client()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/verifikasi/AAAA-BBBB-CCCC")).StatusCode);
        var limited = await client.GetAsync("/api/v1/verifikasi/AAAA-BBBB-CCCC");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var problem = await ProblemAssert.IsProblem(limited, "verification over the limit");
        Assert.Contains("pemeriksaan dokumen", problem["detail"]!.GetValue<string>());
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
