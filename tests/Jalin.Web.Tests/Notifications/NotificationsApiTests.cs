using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jalin.Web.Tests.Infrastructure;

namespace Jalin.Web.Tests.Notifications;

/// <summary>Issue #10 item 9 over the API on both databases: Cimahi sends an offer to Garut (PP 28/2018 Pasal 6
/// ayat (1) huruf a–b), Garut's officer finds it among their own notifications; each caller reads, counts and
/// marks only their own rows (another user's id answers 404).</summary>
public abstract class NotificationsApiTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    private static async Task<int> UnreadAsync(HttpClient c) =>
        (await c.GetAsync("/api/v1/notifications/unread-count").OkJson())["unread"]!.GetValue<int>();

    private static async Task<List<JsonNode>> ItemsAsync(HttpClient c) =>
        (await c.GetAsync("/api/v1/notifications?pageSize=200").OkJson())["items"]!.AsArray().Select(n => n!).ToList();

    private static async Task<Guid> SendOfferToGarutAsync(HttpClient cimahi, string title)
    {
        var id = await cimahi.CreateAgreement(new { kind = "KsddSukarela", title, budgetedInApbd = true, parties = new[] { new { regionCode = "32.05" } } });
        await cimahi.Upload(id, "TermsOfReference", Jalin.Web.Tests.Infrastructure.Api.Pdf("kak")).Expect(HttpStatusCode.Created);
        await cimahi.Upload(id, "Assessment", Jalin.Web.Tests.Infrastructure.Api.Pdf("kajian")).Expect(HttpStatusCode.Created);
        await cimahi.Act(id, "complete-preparation").OkJson();
        return id;
    }

    [Fact]
    public async Task An_offer_from_Cimahi_reaches_Garuts_officer_who_alone_reads_and_marks_it()
    {
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var bandung = await app.ClientForAsync("kerjasama.bandung");
        var before = await UnreadAsync(garut);
        var title = "Uji pemberitahuan: pasokan beras Cimahi–Garut " + Guid.NewGuid().ToString("N")[..6];
        var id = await SendOfferToGarutAsync(cimahi, title);

        Assert.Equal(before + 1, await UnreadAsync(garut));
        var items = await ItemsAsync(garut);
        var offer = Assert.Single(items, n => n["subjectId"]!.GetValue<string>() == id.ToString());
        Assert.Equal("OfferReceived", offer["kind"]!.GetValue<string>());
        Assert.Equal("Penawaran kerja sama masuk dari Kota Cimahi", offer["title"]!.GetValue<string>());
        Assert.Equal($"/app/kerja-sama/{id}", offer["link"]!.GetValue<string>());
        Assert.Null(offer["readAt"]);
        // unread first
        var firstRead = items.FindIndex(n => n["readAt"] is not null);
        Assert.True(firstRead < 0 || items.Take(firstRead).All(n => n["readAt"] is null) && items.Skip(firstRead).All(n => n["readAt"] is not null));

        // the actor is not told of its own move; a region that is no party hears nothing of it
        Assert.DoesNotContain(await ItemsAsync(cimahi), n => n["subjectId"]!.GetValue<string>() == id.ToString());
        Assert.DoesNotContain(await ItemsAsync(bandung), n => n["subjectId"]!.GetValue<string>() == id.ToString());

        // another user's notification is not found, and stays unread
        var offerId = offer["id"]!.GetValue<Guid>();
        await cimahi.PostAsJsonAsync($"/api/v1/notifications/{offerId}/read", new { }).Expect(HttpStatusCode.NotFound);
        await bandung.PostAsJsonAsync($"/api/v1/notifications/{offerId}/read", new { }).Expect(HttpStatusCode.NotFound);
        Assert.Equal(before + 1, await UnreadAsync(garut));

        var read = await garut.PostAsJsonAsync($"/api/v1/notifications/{offerId}/read", new { }).OkJson();
        Assert.NotNull(read["readAt"]);
        Assert.Equal(before, await UnreadAsync(garut));

        // read-all marks only the caller's rows
        var cimahiUnread = await UnreadAsync(cimahi);
        var all = await garut.PostAsJsonAsync("/api/v1/notifications/read-all", new { }).OkJson();
        Assert.Equal(before, all["marked"]!.GetValue<int>());
        Assert.Equal(0, await UnreadAsync(garut));
        Assert.Equal(cimahiUnread, await UnreadAsync(cimahi));
    }

    [Fact]
    public async Task Garuts_answer_document_tells_Cimahis_officer()
    {
        var cimahi = await app.ClientForAsync("kerjasama.cimahi");
        var garut = await app.ClientForAsync("kerjasama.garut");
        var id = await SendOfferToGarutAsync(cimahi, "Uji pemberitahuan: dokumen jawaban Garut " + Guid.NewGuid().ToString("N")[..6]);
        var before = await UnreadAsync(cimahi);
        await garut.Upload(id, "Assessment", Jalin.Web.Tests.Infrastructure.Api.Pdf("kajian garut"), visibility: "Internal", title: "Kajian internal Garut").Expect(HttpStatusCode.Created);
        Assert.Equal(before, await UnreadAsync(cimahi));           // Garut's internal paper stays with Garut
        await garut.Upload(id, "OfferAnswer", Jalin.Web.Tests.Infrastructure.Api.Pdf("jawaban"), visibility: "Shared", title: "Surat jawaban Bupati Garut").Expect(HttpStatusCode.Created);
        Assert.Equal(before + 1, await UnreadAsync(cimahi));
        var doc = Assert.Single(await ItemsAsync(cimahi), n => n["subjectId"]!.GetValue<string>() == id.ToString());
        Assert.Equal("Dokumen baru dari Kabupaten Garut", doc["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paging_is_validated_softly_and_an_unknown_id_is_404()
    {
        var tkksd = await app.ClientForAsync("tkksd.cimahi");
        var page = await tkksd.GetAsync("/api/v1/notifications?page=0&pageSize=5000").OkJson();
        Assert.Equal(1, page["pageNumber"]!.GetValue<int>());
        Assert.Equal(200, page["pageSize"]!.GetValue<int>());
        await tkksd.PostAsJsonAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", new { }).Expect(HttpStatusCode.NotFound);
        var anon = app.CreateClient();
        await anon.GetAsync("/api/v1/notifications/unread-count").Expect(HttpStatusCode.Unauthorized);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteNotificationsApiTests(SqliteApp app) : NotificationsApiTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresNotificationsApiTests(PostgresApp app) : NotificationsApiTests<PostgresApp>(app);
