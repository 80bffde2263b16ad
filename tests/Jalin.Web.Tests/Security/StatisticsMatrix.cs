namespace Jalin.Web.Tests.Security;

/// <summary>Issue #11 item 8: the authorization matrix rows of the statistics. Every government user reads the figures of
/// what it sees (the system administrator and a partner's liaison do not); the region filter is for the supervisors only,
/// and a supervisor of Jawa Barat cannot choose a region outside its province.</summary>
public static class StatisticsMatrix
{
    private const string V1 = "/api/v1";

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => (_, _) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Get, V1 + path));

    public static readonly MatrixRow[] Rows =
    [
        new("GET /statistics", "2xx; admin,mitra=403", Get("/statistics")),
        new("GET /statistics?region=32.05 (Garut)", "400; admin,mitra=403 prov,nat=2xx", Get("/statistics?region=32.05")),
        new("GET /statistics?region=53.71 (Kota Kupang)", "400; admin,mitra=403 nat=2xx", Get("/statistics?region=53.71")),
        new("GET /statistics?year=dua-ribu (bad year)", "400; admin,mitra=403", Get("/statistics?year=dua-ribu")),
        new("GET /statistics/semua/xlsx", "2xx; admin,mitra=403", Get("/statistics/semua/xlsx")),
        new("GET /statistics/grafik-karangan/xlsx", "404; admin,mitra=403", Get("/statistics/grafik-karangan/xlsx")),
    ];

    /// <summary>Every statistics endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/statistics/"] = "GET /statistics",
        ["GET /api/v1/statistics/{figure}/xlsx"] = "GET /statistics/semua/xlsx",
    };
}
