namespace Jalin.Web.Tests.Security;

/// <summary>Issue #12 item 3: the authorization matrix rows of search. Every signed-in role may search (the results are
/// scoped to what it may open, see SearchApiTests); the portal's search needs no account.</summary>
public static class SearchMatrix
{
    private const string V1 = "/api/v1";

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => (_, _) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Get, V1 + path));

    public static readonly MatrixRow[] Rows =
    [
        new("GET /search?q=sampah", "2xx", Get("/search?q=sampah")),
        new("GET /search (no q)", "400", Get("/search")),
        new("GET /search?q=…201 chars", "400", Get("/search?q=" + new string('a', 201))),
        new("GET /search?q=sampah&page=0", "400", Get("/search?q=sampah&page=0")),
        new("GET /search?q=sampah&kind=DocumentText", "2xx", Get("/search?q=sampah&kind=DocumentText")),
        new("GET /search?q=sampah&cooperationKind=Surat", "400", Get("/search?q=sampah&cooperationKind=Surat")),
        new("GET /public/search?q=sampah", "2xx; anon=2xx", Get("/public/search?q=sampah")),
        new("GET /public/search (no q)", "400; anon=400", Get("/public/search")),
        new("GET /public/search?q=sampah&kind=GoodPractice", "2xx; anon=2xx", Get("/public/search?q=sampah&kind=GoodPractice")),
    ];

    /// <summary>Every search endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/search"] = "GET /search?q=sampah",
        ["GET /api/v1/public/search"] = "GET /public/search?q=sampah",
    };
}
