using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #11 item 4–5: the authorization matrix rows of reminders. A region's reminder settings are read by its
/// own users and changed only by its Bagian Kerja Sama officer; every signed-in government user keeps a personal
/// calendar feed (a partner account has none); the KB-without-PKS flag lists only what the caller sees.</summary>
public static class RemindersMatrix
{
    private const string V1 = "/api/v1";

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => (_, _) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Get, V1 + path));

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Send(HttpMethod method, string path, object? body = null) => (_, _) =>
        Task.FromResult(new HttpRequestMessage(method, V1 + path) { Content = body is null ? null : JsonContent.Create(body, options: TestApi.Json) });

    public static readonly MatrixRow[] Rows =
    [
        new("GET /settings/reminders", "403; officer,opd,tkksd,leader,garut,bandung,kupang=2xx", Get("/settings/reminders")),
        new("PUT /settings/reminders (months as default)", "403; officer,garut,bandung,kupang=2xx",
            Send(HttpMethod.Put, "/settings/reminders", new { kbWithoutPksMonths = 6 })),
        new("GET /settings/monitoring", "403; officer,opd,tkksd,leader,garut,bandung,kupang=2xx", Get("/settings/monitoring")),
        new("PUT /settings/monitoring (deadline as default)", "403; officer,garut,bandung,kupang=2xx",
            Send(HttpMethod.Put, "/settings/monitoring", new { reportDueWorkingDays = 10 })),
        new("GET /account/calendar-feed", "2xx; mitra=403", Get("/account/calendar-feed")),
        new("POST /account/calendar-feed", "2xx; mitra=403", Send(HttpMethod.Post, "/account/calendar-feed")),
        // Created first (by the same user) so that revoking has something to revoke.
        new("DELETE /account/calendar-feed (after creating one)", "2xx; mitra=403", async (w, alias) =>
        {
            if (alias != "anon") await w.Client(alias).PostAsync(V1 + "/account/calendar-feed", null);
            return new HttpRequestMessage(HttpMethod.Delete, V1 + "/account/calendar-feed");
        }),
        new("GET /dashboard/kb-without-pks", "2xx; mitra=403", Get("/dashboard/kb-without-pks")),
    ];

    /// <summary>Every reminders endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/settings/reminders/"] = "GET /settings/reminders",
        ["PUT /api/v1/settings/reminders/"] = "PUT /settings/reminders (months as default)",
        ["GET /api/v1/settings/monitoring/"] = "GET /settings/monitoring",
        ["PUT /api/v1/settings/monitoring/"] = "PUT /settings/monitoring (deadline as default)",
        ["GET /api/v1/account/calendar-feed/"] = "GET /account/calendar-feed",
        ["POST /api/v1/account/calendar-feed/"] = "POST /account/calendar-feed",
        ["DELETE /api/v1/account/calendar-feed/"] = "DELETE /account/calendar-feed (after creating one)",
        ["GET /api/v1/dashboard/kb-without-pks"] = "GET /dashboard/kb-without-pks",
    };
}
