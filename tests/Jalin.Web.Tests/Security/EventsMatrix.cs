using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #10 items 4 and 8: the authorization matrix rows of /api/v1/events. An event belongs to its region (Cimahi):
/// Cimahi's Bagian Kerja Sama, TKKSD, leaders and auditors read it; Garut's officers read it because they are invited (by role);
/// the supervisors read it read-only; everybody else gets 404. Only Cimahi's Bagian Kerja Sama (or the organising OPD) manages it.</summary>
public static class EventsMatrix
{
    private const string V1 = "/api/v1/events";
    private const string Readers = "officer,tkksd,leader,auditor,prov,nat,garut";
    /// <summary>Who reads but may not manage: 403; who cannot see: 404.</summary>
    private const string Manage = "404; officer=2xx tkksd,leader,auditor,prov,nat,garut=403";

    public static object Body(string title, int dayOffset = 6, Guid? proposalId = null, string kind = "Sosialisasi", DateOnly? today = null)
    {
        var day = (today ?? new DateOnly(2026, 11, 24)).AddDays(dayOffset);
        return new
        {
            kind, title, date = day.ToString("yyyy-MM-dd"), startTime = "09.00", endTime = "12.00", place = "Aula Pemkot Cimahi",
            agenda = "Pembukaan\nPaparan\nDiskusi", proposalId,
        };
    }

    /// <summary>A fresh Cimahi event with Garut's officers invited; <paramref name="stage"/>: Planned, Invited, Held (started yesterday) or Final.</summary>
    public static async Task<string> FreshAsync(AuthzWorld w, string stage)
    {
        var officer = w.Client("officer");
        var today = Jalin.Core.Common.Wib.Today(w.App.Clock);
        var created = await officer.PostAsJsonAsync(V1, Body("Uji matriks kegiatan " + Guid.NewGuid().ToString("N")[..6], stage is "Held" or "Final" ? -1 : 6, today: today), TestApi.Json).OkJson();
        var id = created["id"]!.GetValue<string>();
        await officer.PostAsJsonAsync($"{V1}/{id}/invitees", new { invitees = new object[] { new { kind = "Role", regionCode = "32.05", role = "CooperationOfficer" } } }, TestApi.Json).OkJson();
        if (stage == "Planned") return id;
        await officer.PostAsJsonAsync($"{V1}/{id}/actions/send-invitations", new { }, TestApi.Json).OkJson();
        if (stage == "Invited") return id;
        await officer.PostAsJsonAsync($"{V1}/{id}/actions/mark-held", new { }, TestApi.Json).OkJson();
        if (stage == "Held") return id;
        var details = await officer.GetAsync($"{V1}/{id}").OkJson();
        var invitee = details["invitees"]![0]!["id"]!.GetValue<string>();
        await officer.PutAsJsonAsync($"{V1}/{id}/attendance", new { items = new[] { new { inviteeId = invitee, attendance = "Represented", attendedBy = "Kabag Kerja Sama Garut" } } }, TestApi.Json).OkJson();
        await officer.PutAsJsonAsync($"{V1}/{id}/minutes", new { points = "Paparan", decisions = "Disepakati rapat lanjutan" }, TestApi.Json).OkJson();
        await officer.PostAsJsonAsync($"{V1}/{id}/actions/finalize-minutes", new { }, TestApi.Json).OkJson();
        return id;
    }

    private static async Task<string> IdAsync(AuthzWorld w, string key, string stage)
    {
        if (!w.Ids.ContainsKey(key)) w.Ids[key] = await FreshAsync(w, stage);
        return w.Ids[key];
    }

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Get(string path) => (w, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, w.Fill(V1 + path)));

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> OnFresh(string stage, HttpMethod method, Func<string, string> path, Func<AuthzWorld, string, Task<HttpContent?>>? body = null) =>
        async (w, _) =>
        {
            var id = await FreshAsync(w, stage);
            return new HttpRequestMessage(method, V1 + "/" + id + path(id)) { Content = body is null ? JsonContent.Create(new { }) : await body(w, id) };
        };

    private static async Task<string> FirstInviteeAsync(AuthzWorld w, string id) =>
        (await w.Client("officer").GetAsync($"{V1}/{id}").OkJson())["invitees"]![0]!["id"]!.GetValue<string>();

    private static MultipartFormDataContent Pdf()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestApi.Pdf("bahan paparan"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "paparan.pdf");
        form.Add(new StringContent("Bahan paparan"), "title");
        return form;
    }

    public static readonly MatrixRow[] Rows =
    [
        new("GET /events", "2xx", Get("")),
        new("GET /events/my-follow-ups", "2xx", Get("/my-follow-ups")),
        new("POST /events", "403; officer,opd,garut,bandung,kupang=2xx",
            (w, alias) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, V1) { Content = JsonContent.Create(Body("Uji matriks buat kegiatan oleh " + alias)) })),
        new("GET event (Cimahi, Garut invited)", $"404; {Readers}=2xx", Get("/{evInvited}"), w => IdAsync(w, "evInvited", "Invited")),
        new("PUT event", Manage, OnFresh("Planned", HttpMethod.Put, _ => "?version=1", (_, _) => Task.FromResult<HttpContent?>(JsonContent.Create(Body("Uji matriks ubah kegiatan"))))),
        new("POST event invitees", Manage, OnFresh("Planned", HttpMethod.Post, _ => "/invitees",
            (_, _) => Task.FromResult<HttpContent?>(JsonContent.Create(new { invitees = new[] { new { kind = "Guest", name = "Tamu Uji", institution = "Universitas Uji", email = "tamu@uji.ac.id" } } })))),
        new("DELETE event invitee", Manage, async (w, _) =>
        {
            var id = await FreshAsync(w, "Planned");
            return new HttpRequestMessage(HttpMethod.Delete, $"{V1}/{id}/invitees/{await FirstInviteeAsync(w, id)}");
        }),
        new("POST event send-invitations", Manage, OnFresh("Planned", HttpMethod.Post, _ => "/actions/send-invitations")),
        new("PUT event attendance", Manage, async (w, _) =>
        {
            var id = await FreshAsync(w, "Held");
            return new HttpRequestMessage(HttpMethod.Put, $"{V1}/{id}/attendance")
            { Content = JsonContent.Create(new { items = new[] { new { inviteeId = await FirstInviteeAsync(w, id), attendance = "Present" } } }) };
        }),
        new("PUT event minutes", Manage, OnFresh("Held", HttpMethod.Put, _ => "/minutes", (_, _) => Task.FromResult<HttpContent?>(JsonContent.Create(new { points = "Uji", decisions = "Uji" })))),
        new("POST event follow-up", Manage, OnFresh("Held", HttpMethod.Post, _ => "/follow-ups",
            (_, _) => Task.FromResult<HttpContent?>(JsonContent.Create(new { title = "Tindak lanjut uji", ownerName = "Tamu Uji", dueDate = "2026-12-31" })))),
        new("PUT event follow-up status", Manage, async (w, _) =>
        {
            var id = await FreshAsync(w, "Held");
            var f = await w.Client("officer").PostAsJsonAsync($"{V1}/{id}/follow-ups", new { title = "Tindak lanjut uji", ownerName = "Tamu Uji", dueDate = "2026-12-31" }, TestApi.Json).OkJson();
            return new HttpRequestMessage(HttpMethod.Put, $"{V1}/{id}/follow-ups/{f["id"]!.GetValue<string>()}/status") { Content = JsonContent.Create(new { status = "Done" }) };
        }),
        new("POST event material", Manage, OnFresh("Planned", HttpMethod.Post, _ => "/materials", (_, _) => Task.FromResult<HttpContent?>(Pdf()))),
        new("GET event material file", $"404; {Readers}=2xx", Get("/{evInvited}/materials/{evMaterial}/file"), async w =>
        {
            var id = await IdAsync(w, "evInvited", "Invited");
            if (!w.Ids.ContainsKey("evMaterial"))
                w.Ids["evMaterial"] = (await w.Client("officer").PostAsync($"{V1}/{id}/materials", Pdf()).OkJson())["id"]!.GetValue<string>();
        }),
        new("GET event ics", $"404; {Readers}=2xx", Get("/{evInvited}/ics"), w => IdAsync(w, "evInvited", "Invited")),
        new("POST event berita acara", Manage, OnFresh("Final", HttpMethod.Post, _ => "/berita-acara")),
        new("GET event berita acara file", $"404; {Readers}=2xx", Get("/{evFinal}/berita-acara/file"), async w =>
        {
            var id = await IdAsync(w, "evFinal", "Final");
            if (!w.Ids.ContainsKey("evFinalBa"))
            {
                await w.Client("officer").PostAsJsonAsync($"{V1}/{id}/berita-acara", new { }, TestApi.Json).OkJson();
                w.Ids["evFinalBa"] = id;
            }
        }),
    ];

    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/events/"] = "GET /events",
        ["POST /api/v1/events/"] = "POST /events",
        ["GET /api/v1/events/my-follow-ups"] = "GET /events/my-follow-ups",
        ["GET /api/v1/events/{id:guid}"] = "GET event (Cimahi, Garut invited)",
        ["PUT /api/v1/events/{id:guid}"] = "PUT event",
        ["POST /api/v1/events/{id:guid}/invitees"] = "POST event invitees",
        ["DELETE /api/v1/events/{id:guid}/invitees/{inviteeId:guid}"] = "DELETE event invitee",
        ["POST /api/v1/events/{id:guid}/actions/{action}"] = "POST event send-invitations",
        ["PUT /api/v1/events/{id:guid}/attendance"] = "PUT event attendance",
        ["PUT /api/v1/events/{id:guid}/minutes"] = "PUT event minutes",
        ["POST /api/v1/events/{id:guid}/follow-ups"] = "POST event follow-up",
        ["PUT /api/v1/events/{id:guid}/follow-ups/{followUpId:guid}/status"] = "PUT event follow-up status",
        ["POST /api/v1/events/{id:guid}/materials"] = "POST event material",
        ["GET /api/v1/events/{id:guid}/materials/{materialId:guid}/file"] = "GET event material file",
        ["GET /api/v1/events/{id:guid}/ics"] = "GET event ics",
        ["POST /api/v1/events/{id:guid}/berita-acara"] = "POST event berita acara",
        ["GET /api/v1/events/{id:guid}/berita-acara/file"] = "GET event berita acara file",
    };
}
