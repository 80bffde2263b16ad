using System.Net;
using System.Text;
using Jalin.Core.Publication;
using Microsoft.AspNetCore.Components;

namespace Jalin.Web.Components.Pages.Portal;

/// <summary>The register's region filter: one &lt;option&gt; per region with published agreements (546 nationally, half of
/// the page). Rendered to HTML once per publication change and kept with the portal's figures (<see cref="PortalFigures"/>),
/// instead of being rendered by Razor on every request; the chosen region is marked on the kept text.</summary>
public static class RegionOptions
{
    public static string Html(IEnumerable<PublicRegionRow> regions)
    {
        var sb = new StringBuilder();
        foreach (var r in regions)
            sb.Append("<option value=\"").Append(WebUtility.HtmlEncode(r.Code)).Append("\">").Append(WebUtility.HtmlEncode(r.Name)).Append("</option>");
        return sb.ToString();
    }

    /// <summary>The options with <paramref name="chosen"/> selected; an unknown or empty choice selects none.</summary>
    public static MarkupString Select(string options, string? chosen)
    {
        if (string.IsNullOrWhiteSpace(chosen)) return new MarkupString(options);
        var plain = $"<option value=\"{WebUtility.HtmlEncode(chosen)}\">";
        var at = options.IndexOf(plain, StringComparison.Ordinal);
        return at < 0 ? new MarkupString(options)
            : new MarkupString(string.Concat(options.AsSpan(0, at + plain.Length - 1), " selected>", options.AsSpan(at + plain.Length)));
    }
}
