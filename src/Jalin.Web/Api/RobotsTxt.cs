namespace Jalin.Web.Api;

/// <summary>/robots.txt: search engines may index the public portal and the open data, never the back office, the API or a
/// partner's private status link. A small plain-text endpoint, also the anchor of the portal benchmark (bench/).</summary>
public static class RobotsTxt
{
    public const string Text = "User-agent: *\nAllow: /\nDisallow: /app\nDisallow: /api\nDisallow: /mitra/status\nDisallow: /kalender\nDisallow: /masuk\n";

    public static void MapRobotsTxt(this IEndpointRouteBuilder app) =>
        app.MapGet("/robots.txt", () => TypedResults.Text(Text, "text/plain; charset=utf-8")).ExcludeFromDescription();
}
