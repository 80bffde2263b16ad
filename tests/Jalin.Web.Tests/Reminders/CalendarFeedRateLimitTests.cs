using System.Net;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Jalin.Web.Tests.Reminders;

/// <summary>The app with a low calendar feed limit and no demo data (so it starts quickly).</summary>
public sealed class FeedLimitedApp : JalinAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Security:CalendarFeedRateLimitPerMinute", "3");
    }
}

/// <summary>The public calendar feed needs no sign-in, so guessing addresses is limited per client address like the
/// other public endpoints: the fourth fetch in a minute gets 429 with an Indonesian page.</summary>
public sealed class CalendarFeedRateLimitTests(FeedLimitedApp app) : IClassFixture<FeedLimitedApp>
{
    [Fact]
    public async Task Guessing_feed_addresses_is_limited_per_client()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/kalender/{new string((char)('A' + i), 43)}.ics")).StatusCode);
        var limited = await client.GetAsync($"/kalender/{new string('Z', 43)}.ics");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Terlalu banyak permintaan kalender", await limited.Content.ReadAsStringAsync());
    }
}
