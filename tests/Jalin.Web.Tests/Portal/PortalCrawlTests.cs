using System.Net;
using System.Text.RegularExpressions;
using Jalin.Core.Agreements;
using Jalin.Core.Publication;
using Jalin.Web.Infrastructure;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jalin.Web.Tests.Portal;

/// <summary>Issue #12 item 2 over the whole demo data set: an anonymous visitor follows every link of the portal from its
/// home page (pages, register pages, region pages, good practices, potentials, search, open data files in CSV, JSON and
/// OCDS), and no text they receive carries an unpublished agreement, good practice, potential or need, a document the
/// region did not make public, a person's contact or signatory, a history note, or a confidential value.</summary>
public abstract partial class PortalCrawlTests<TApp>(TApp app, ITestOutputHelper output) where TApp : JalinAppFactory
{
    private const int MaxPages = 600;

    /// <summary>Pages of fixed text (the law, the data policy): a generic paper name such as "Studi kelayakan" is legal text there, not a document.</summary>
    private static readonly HashSet<string> StaticPages = ["/dasar-hukum", "/data/kebijakan"];

    [GeneratedRegex("(?:href|action)=\"([^\"#]+)\"")]
    private static partial Regex Links();

    [Fact]
    public async Task Nothing_unpublished_internal_personal_or_confidential_is_reachable_from_the_portal()
    {
        await PortalCache.EvictAsync(app.Services.GetRequiredService<IOutputCacheStore>(), app.Services.GetRequiredService<PortalFigures>());
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        await using var db = app.NewDb();
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Parties).Include(a => a.Documents).Include(a => a.History).ToListAsync();
        var published = agreements.Where(a => a.PublishedAt != null).ToList();
        var hidden = agreements.Where(a => a.PublishedAt == null).ToList();
        var practices = await db.GoodPractices.AsNoTracking().ToListAsync();
        var mapping = await db.MappingItems.AsNoTracking().ToListAsync();
        var partners = await db.Partners.AsNoTracking().ToListAsync();
        Assert.NotEmpty(published);
        Assert.NotEmpty(hidden);

        // What may legitimately be public text: a forbidden phrase contained in it cannot be told apart, so it is not checked.
        var publicText = published.Select(a => a.Title)
            .Concat(published.SelectMany(a => a.Parties.Select(p => p.Name)))
            // The names of the kinds of paper that may be public are shown beside public documents (and in OCDS).
            .Concat(Enum.GetValues<DocumentKind>().Where(PublicDocuments.CanBePublic).Select(k => k.Label()))
            .Concat(practices.Where(p => p.PublishedAt != null).SelectMany(p => new[] { p.Title, p.Problem, p.Actions, p.Partners ?? "" }))
            .Concat(mapping.Where(m => m.PublishedAt != null).Select(m => m.Title))
            .Concat(published.SelectMany(a => a.Documents.Where(d => d.IsPublic && PublicDocuments.CanBePublic(d)).Select(d => d.Title)))
            .ToList();
        bool Distinct(string s) => s.Length >= 12 && !publicText.Any(t => t.Contains(s, StringComparison.OrdinalIgnoreCase));

        var forbidden = new Dictionary<string, string>(StringComparer.Ordinal);
        void Forbid(string? text, string why) { if (!string.IsNullOrWhiteSpace(text)) forbidden.TryAdd(text.Trim(), why); }
        foreach (var a in hidden)
        {
            Forbid(a.Id.ToString(), $"id of unpublished agreement {a.Title}");
            if (Distinct(a.Title)) Forbid(a.Title, "title of an unpublished agreement");
        }
        foreach (var a in agreements)
        {
            foreach (var d in a.Documents.Where(d => !(a.PublishedAt != null && d.IsPublic && PublicDocuments.CanBePublic(d))))
            {
                Forbid(d.Id.ToString(), $"id of non-public document {d.Title}");
                if (Distinct(d.Title)) Forbid(d.Title, "title of a non-public document");
            }
            // Short notes such as "Tujuan tercapai" are also the public end-reason labels: only notes of some length are told apart.
            foreach (var h in a.History.Where(h => h.Note is { Length: >= 25 } && Distinct(h.Note))) Forbid(h.Note, "history note");
            foreach (var p in a.Parties.Where(p => p.SignatoryName is { Length: >= 8 } && Distinct(p.SignatoryName))) Forbid(p.SignatoryName, "signatory");
        }
        foreach (var p in practices.Where(p => p.PublishedAt == null))
        {
            Forbid(p.Id.ToString(), "id of an unpublished good practice");
            if (Distinct(p.Title)) Forbid(p.Title, "title of an unpublished good practice");
        }
        foreach (var m in mapping.Where(m => m.PublishedAt == null))
        {
            Forbid(m.Id.ToString(), "id of an unpublished potential or need");
            if (Distinct(m.Title)) Forbid(m.Title, "title of an unpublished potential or need");
        }
        foreach (var c in partners.SelectMany(p => p.Contacts))
        {
            Forbid(c.Email, "partner contact e-mail");
            Forbid(c.Phone, "partner contact phone");
            if (c.Name is { Length: >= 8 } n && Distinct(n)) Forbid(n, "partner contact name");
        }
        foreach (var s in partners.SelectMany(p => p.Signatories).Where(s => s.Name.Length >= 8 && Distinct(s.Name))) Forbid(s.Name, "partner signatory");
        Assert.True(forbidden.Count > 20, $"the demo gives {forbidden.Count} phrases to look for");

        // Confidential values: the exact amount of an agreement whose value is hidden, unless another published agreement shows the same amount.
        var shownValues = published.Where(a => !a.Confidential.HasFlag(ConfidentialFields.Value) && a.Value is not null).Select(a => a.Value!.Value).ToHashSet();
        var secretValues = published.Where(a => a.Confidential.HasFlag(ConfidentialFields.Value) && a.Value is { } v && !shownValues.Contains(v)).Select(a => a.Value!.Value).ToList();
        Assert.NotEmpty(secretValues);
        var amounts = new List<string>();
        foreach (var v in secretValues)
        {
            Forbid(Web.Components.Pages.Portal.PortalText.Rupiah(v), "confidential value");
            Forbid(Core.Common.IndonesianFormat.FormatRupiahInput(v), "confidential value");
            amounts.Add(v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        }

        var queue = new Queue<string>(["/", "/data", "/cari?q=sampah", "/cari?q=kerjasama"]);
        var seen = new HashSet<string>(queue);
        var fetched = 0;
        var kinds = new Dictionary<string, int>();
        var problems = new List<string>();
        while (queue.Count > 0 && fetched < MaxPages)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            fetched++;
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            kinds[type] = kinds.GetValueOrDefault(type) + 1;
            if (!(type.StartsWith("text/") || type.Contains("json") || type.Contains("csv"))) continue;
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            foreach (var (phrase, why) in forbidden)
                if (body.Contains(phrase, StringComparison.OrdinalIgnoreCase) && !(why.StartsWith("title of a non-public document") && StaticPages.Contains(url)))
                    problems.Add($"{url}: {why}: \"{phrase}\"");
            foreach (var amount in amounts)
                if (Regex.IsMatch(body, $"(?<![0-9.,]){Regex.Escape(amount)}(?![0-9])")) problems.Add($"{url}: confidential value (plain number): \"{amount}\"");
            if (type != "text/html") continue;
            foreach (Match m in Links().Matches(body))
            {
                var href = m.Groups[1].Value;
                if (!href.StartsWith('/') || href.StartsWith("//")) continue;
                var path = href.Split('?')[0];
                if (!PortalPaths.IsPortal(new Microsoft.AspNetCore.Http.PathString(path))) continue;
                if (seen.Add(href)) queue.Enqueue(href);
            }
        }
        output.WriteLine($"{fetched} responses ({string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"))}), {queue.Count} links left unvisited, {forbidden.Count} phrases checked");
        foreach (var p in problems.GroupBy(p => p[(p.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Select(g => $"{g.Key} (in {g.Count()} responses, e.g. {g.First().Split(": ")[0]})"))
            output.WriteLine(p);
        Assert.Empty(problems);
        Assert.True(fetched >= 30, $"the crawl reached {fetched} responses");
        foreach (var a in published) Assert.Contains($"/kerja-sama/{a.Id}", seen);
        Assert.Contains(seen, u => u.StartsWith("/data/") && u.Contains(".csv"));
        Assert.Contains(seen, u => u.StartsWith("/praktik-baik/"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePortalCrawlTests(SqliteApp app, ITestOutputHelper output) : PortalCrawlTests<SqliteApp>(app, output);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPortalCrawlTests(PostgresApp app, ITestOutputHelper output) : PortalCrawlTests<PostgresApp>(app, output);
