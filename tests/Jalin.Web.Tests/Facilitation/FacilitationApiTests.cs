using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;
using Jalin.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using TestApi = Jalin.Web.Tests.Infrastructure.Api;

namespace Jalin.Web.Tests.Facilitation;

/// <summary>/api/v1/facilitation and /api/v1/threads on both databases: bad input 4xx in Indonesian with nothing stored,
/// a file with the wrong content refused, the walk from Diajukan to Selesai with the thread, and who is refused.</summary>
public abstract class FacilitationApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private async Task<(int Requests, int Messages, int Attachments)> CountsAsync()
    {
        await using var db = app.NewDb();
        return (await db.FacilitationRequests.CountAsync(), await db.DiscussionMessages.CountAsync(), await db.DiscussionAttachments.CountAsync());
    }

    private static MultipartFormDataContent Form(string text, byte[]? file, string name = "lampiran.pdf")
    {
        var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "files", name);
        }
        return form;
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Indonesian_and_nothing_is_stored()
    {
        var opd = await app.ClientForAsync("opd.cimahi");
        var id = (await opd.PostAsJsonAsync("/api/v1/facilitation", FacilitationMatrix.Body("opd"), TestApi.Json).OkJson())["id"]!.GetValue<string>();
        var before = await CountsAsync();
        await ProblemAssert.IsValidationProblem(await opd.PostAsJsonAsync("/api/v1/facilitation", new { kind = "Palsu", title = "Judul uji", description = "x" }, TestApi.Json), "kind");
        await ProblemAssert.IsValidationProblem(await opd.PostAsJsonAsync("/api/v1/facilitation", new { kind = "Consultation", title = "ab", description = "x" }, TestApi.Json), "title");
        await ProblemAssert.IsValidationProblem(await opd.PostAsJsonAsync("/api/v1/facilitation", new { kind = "Consultation", title = "Judul uji", description = "x", regionCode = "99.99" }, TestApi.Json), "regionCode");
        await ProblemAssert.IsValidationProblem(await opd.GetAsync("/api/v1/facilitation?list=semua"), "list");
        var unknown = await opd.PostAsJsonAsync($"/api/v1/facilitation/{id}/actions/terbangkan", new { }, TestApi.Json);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await ProblemAssert.IsProblem(unknown);
        await ProblemAssert.IsValidationProblem(await opd.PostAsync($"/api/v1/threads/FacilitationRequest/{id}/messages", Form("Lampiran palsu", "ini teks, bukan PDF"u8.ToArray())), "files");
        await ProblemAssert.IsValidationProblem(await opd.PostAsync($"/api/v1/threads/FacilitationRequest/{id}/messages", Form("   ", null)), "text");
        var subject = await opd.GetAsync($"/api/v1/threads/Palsu/{id}/messages");
        Assert.Equal(HttpStatusCode.NotFound, subject.StatusCode);
        await ProblemAssert.IsProblem(subject);
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        await officer.PostAsJsonAsync($"/api/v1/facilitation/{id}/actions/take", new { }, TestApi.Json).OkJson();
        await ProblemAssert.IsValidationProblem(await officer.PostAsJsonAsync($"/api/v1/facilitation/{id}/actions/reject", new { }, TestApi.Json), "note");
        var after = await CountsAsync();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_OPD_files_the_officer_answers_with_a_file_and_closes_and_the_requester_sees_it()
    {
        var opd = await app.ClientForAsync("opd.cimahi");
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var id = (await opd.PostAsJsonAsync("/api/v1/facilitation", new { kind = "DraftReview", title = "Telaah rancangan PKS sampah", description = "Mohon telaah pasal hak dan kewajiban." }, TestApi.Json).OkJson())["id"]!.GetValue<string>();
        var detail = await opd.GetAsync($"/api/v1/facilitation/{id}").OkJson();
        Assert.StartsWith("FAS/", detail["number"]!.GetValue<string>());
        Assert.Equal("Diajukan", detail["statusLabel"]!.GetValue<string>());
        var queue = (await officer.GetAsync("/api/v1/facilitation?list=queue").OkJson()).AsArray();
        Assert.Contains(queue, r => r!["id"]!.GetValue<string>() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await garut.GetAsync($"/api/v1/facilitation/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await garut.GetAsync($"/api/v1/threads/FacilitationRequest/{id}/messages")).StatusCode);

        await officer.PostAsJsonAsync($"/api/v1/facilitation/{id}/actions/take", new { }, TestApi.Json).OkJson();
        var pdf = TestApi.Pdf("catatan telaah");
        var posted = await officer.PostAsync($"/api/v1/threads/FacilitationRequest/{id}/messages", Form("Catatan telaah terlampir.", pdf, "telaah.pdf"));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var messages = (await opd.GetAsync($"/api/v1/threads/FacilitationRequest/{id}/messages").OkJson())["messages"]!.AsArray();
        var url = messages.Single()!["attachments"]![0]!["downloadUrl"]!.GetValue<string>();
        Assert.Equal(pdf, await (await opd.GetAsync(url)).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await garut.GetAsync(url)).StatusCode);
        // the requester was told (never the author)
        await using (var db = app.NewDb())
        {
            var opdUser = await db.Users.SingleAsync(u => u.UserName == "opd.cimahi");
            var officerUser = await db.Users.SingleAsync(u => u.UserName == "kerjasama.cimahi");
            Assert.True(await db.Notifications.AnyAsync(n => n.RecipientUserId == opdUser.Id && n.SubjectType == "Thread" && n.SubjectId.EndsWith(id)));
            Assert.False(await db.Notifications.AnyAsync(n => n.RecipientUserId == officerUser.Id && n.SubjectType == "Thread" && n.SubjectId.EndsWith(id)));
        }
        await officer.PostAsJsonAsync($"/api/v1/facilitation/{id}/actions/complete", new { note = "Telaah selesai; rancangan dapat dilanjutkan." }, TestApi.Json).OkJson();
        var closed = await opd.GetAsync($"/api/v1/facilitation/{id}").OkJson();
        Assert.Equal("Selesai", closed["statusLabel"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await opd.PostAsJsonAsync($"/api/v1/threads/FacilitationRequest/{id}/messages", new { text = "terima kasih" }, TestApi.Json)).StatusCode);
        var mine = (await opd.GetAsync("/api/v1/facilitation?list=mine&closed=true").OkJson()).AsArray();
        Assert.Contains(mine, r => r!["id"]!.GetValue<string>() == id && r["statusLabel"]!.GetValue<string>() == "Selesai");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteFacilitationApiTests(SqliteApp app) : FacilitationApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresFacilitationApiTests(PostgresApp app) : FacilitationApiTests<PostgresApp>(app);
