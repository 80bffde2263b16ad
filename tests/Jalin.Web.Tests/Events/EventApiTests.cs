using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jalin.Web.Tests.Infrastructure;
using Jalin.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Events;

/// <summary>/api/v1/events on both databases: bad input answers 4xx in Indonesian with nothing stored; the walk from
/// rencana to berita acara; invited Garut reads, Kupang does not; the .ics downloads.</summary>
public abstract class EventApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private async Task<(int Events, int Invitees, int Materials, int FollowUps)> CountsAsync()
    {
        await using var db = app.NewDb();
        return (await db.Events.CountAsync(), await db.EventInvitees.CountAsync(), await db.EventMaterials.CountAsync(), await db.EventFollowUps.CountAsync());
    }

    [Fact]
    public async Task Bad_bodies_and_queries_are_refused_in_Indonesian_and_nothing_is_stored()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var id = (await officer.PostAsJsonAsync("/api/v1/events", EventsMatrix.Body("Kegiatan uji isian salah"), TestApi.Json).OkJson())["id"]!.GetValue<string>();
        var before = await CountsAsync();
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync("/api/v1/events", new { kind = "Sosialisasi", title = "ab" }, TestApi.Json), "title");
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync("/api/v1/events", new { kind = "Sosialisasi", title = "Jam salah", date = "2026-12-01", startTime = "25.00", endTime = "10.00", place = "Aula" }, TestApi.Json), "startTime");
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync("/api/v1/events", new { kind = "Sosialisasi", title = "Terbalik", date = "2026-12-01", startTime = "13.00", endTime = "10.00", place = "Aula" }, TestApi.Json), "endTime");
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync("/api/v1/events", new { kind = "Sosialisasi", title = "Tanpa tempat", date = "2026-12-01", startTime = "09.00", endTime = "10.00" }, TestApi.Json), "place");
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync("/api/v1/events", new { kind = "Sosialisasi", title = "Tautan jahat", date = "2026-12-01", startTime = "09.00", endTime = "10.00", onlineLink = "javascript:alert(1)" }, TestApi.Json), "onlineLink");
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync("/api/v1/events", EventsMatrix.Body("Usulan orang lain", proposalId: Guid.NewGuid()), TestApi.Json), "proposalId");
        var broken = await officer.PostAsync("/api/v1/events", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        await ProblemAssert.IsProblem(broken);
        await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/events?kind=Pesta"), "kind");
        await ProblemAssert.IsValidationProblem(await officer.GetAsync("/api/v1/events?proposalId=bukan"), "proposalId");
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync($"/api/v1/events/{id}/invitees",
            new { invitees = new[] { new { kind = "Guest", name = "Tamu", institution = "PT Uji", email = "bukan-email" } } }, TestApi.Json), "invitees[0].email");
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync($"/api/v1/events/{id}/invitees", new { invitees = Array.Empty<object>() }, TestApi.Json), "invitees");
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync($"/api/v1/events/{id}/actions/send-invitations", new { }, TestApi.Json), "status");
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync($"/api/v1/events/{id}/actions/cancel", new { }, TestApi.Json), "reason");
        var unknown = await officer.PostAsJsonAsync($"/api/v1/events/{id}/actions/terbangkan", new { }, TestApi.Json);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await ProblemAssert.IsProblem(unknown);
        var minutesEarly = await officer.PutAsJsonAsync($"/api/v1/events/{id}/minutes", new { points = "terlalu dini" }, TestApi.Json);
        Assert.Equal(HttpStatusCode.Conflict, minutesEarly.StatusCode);
        await ProblemAssert.IsProblem(minutesEarly);
        var form = new MultipartFormDataContent { { new ByteArrayContent("ini teks, bukan PDF"u8.ToArray()), "file", "bahan.pdf" } };
        await ProblemAssert.IsValidationProblem(await officer.PostAsync($"/api/v1/events/{id}/materials", form), "file");
        await ProblemAssert.IsValidationProblem(await officer.PutAsJsonAsync($"/api/v1/events/{id}", EventsMatrix.Body("Tanpa versi"), TestApi.Json), "version");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_officer_walks_an_event_to_its_berita_acara_and_the_invited_region_reads_it()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var kupang = await app.ClientForAsync("kerjasama.kupang");
        var today = Jalin.Core.Common.Wib.Today(app.Clock);
        var id = (await officer.PostAsJsonAsync("/api/v1/events", EventsMatrix.Body("Rapat koordinasi KSDD wajib uji alur", -1, today: today), TestApi.Json).OkJson())["id"]!.GetValue<string>();
        await officer.PostAsJsonAsync($"/api/v1/events/{id}/invitees", new { invitees = new object[]
        {
            new { kind = "Role", regionCode = "32.05", role = "CooperationOfficer" },
            new { kind = "Guest", name = "Dr. Rina Wulandari", institution = "Universitas Padjadjaran", email = "rina@unpad.ac.id" },
        } }, TestApi.Json).OkJson();
        // invited but not yet sent: Garut already reads it (the invitation row exists); Kupang never does
        Assert.Equal(HttpStatusCode.NotFound, (await kupang.GetAsync($"/api/v1/events/{id}")).StatusCode);
        await officer.PostAsJsonAsync($"/api/v1/events/{id}/actions/send-invitations", new { }, TestApi.Json).OkJson();
        var seen = await garut.GetAsync($"/api/v1/events/{id}").OkJson();
        Assert.False(seen["canManage"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await kupang.GetAsync($"/api/v1/events/{id}")).StatusCode);
        var ics = await garut.GetAsync($"/api/v1/events/{id}/ics");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Contains("BEGIN:VCALENDAR", await ics.Content.ReadAsStringAsync());
        await officer.PostAsJsonAsync($"/api/v1/events/{id}/actions/mark-held", new { }, TestApi.Json).OkJson();
        var details = await officer.GetAsync($"/api/v1/events/{id}").OkJson();
        var items = details["invitees"]!.AsArray().Select(i => new { inviteeId = i!["id"]!.GetValue<string>(), attendance = "Present" }).ToArray();
        await officer.PutAsJsonAsync($"/api/v1/events/{id}/attendance", new { items }, TestApi.Json).OkJson();
        await officer.PutAsJsonAsync($"/api/v1/events/{id}/minutes", new { points = "Paparan kewajiban KSDD", decisions = "Garut menyusun draf KB" }, TestApi.Json).OkJson();
        await officer.PostAsJsonAsync($"/api/v1/events/{id}/follow-ups", new { title = "Kirim draf KB", ownerName = "Dr. Rina Wulandari", dueDate = today.AddDays(7).ToString("yyyy-MM-dd") }, TestApi.Json).OkJson();
        Assert.Equal(HttpStatusCode.Forbidden, (await garut.PostAsJsonAsync($"/api/v1/events/{id}/actions/finalize-minutes", new { }, TestApi.Json)).StatusCode);
        await officer.PostAsJsonAsync($"/api/v1/events/{id}/actions/finalize-minutes", new { }, TestApi.Json).OkJson();
        await officer.PostAsJsonAsync($"/api/v1/events/{id}/berita-acara", new { }, TestApi.Json).OkJson();
        var file = await garut.GetAsync($"/api/v1/events/{id}/berita-acara/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.True((await file.Content.ReadAsByteArrayAsync()).Length > 1000);
        var final = await officer.GetAsync($"/api/v1/events/{id}").OkJson();
        Assert.Equal("MinutesFinal", final["status"]!.GetValue<string>());
        Assert.Equal("Notulen final", final["statusLabel"]!.GetValue<string>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEventApiTests(SqliteApp app) : EventApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresEventApiTests(PostgresApp app) : EventApiTests<PostgresApp>(app);
