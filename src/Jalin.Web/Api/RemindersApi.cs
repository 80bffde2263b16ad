using Jalin.Core.Data;
using Jalin.Core.Reminders;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>Reminders (issue #11 item 4): the region's reminder settings, the caller's personal calendar feed, the
/// "KB without PKS" dashboard flag, and the public feed address itself (<c>/kalender/{token}.ics</c>, no sign-in,
/// rate-limited per client address).</summary>
public static class RemindersApi
{
    public static void MapRemindersApi(this RouteGroupBuilder api)
    {
        var s = api.MapGroup("/settings/reminders").WithTags("Pengingat");
        s.MapGet("", async (Actor actor, JalinDb db, CancellationToken ct) => (await RegionReminderSettings.GetAsync(db, actor, ct)).ToHttp())
            .WithSummary("Jarak hari pengingat sebelum tanggal berakhir, batas bulan KB tanpa PKS, dan tanggal batas laporan tahunan KSDD/KSDPK daerah Anda (pengaturan daerah).");
        s.MapPut("", async (Actor actor, JalinDb db, ReminderSettingsInput? body, CancellationToken ct) =>
                (await RegionReminderSettings.SetAsync(db, actor, body ?? new ReminderSettingsInput(null, null, null), ct)).ToHttp())
            .WithSummary("Ubah pengaturan pengingat (petugas Bagian Kerja Sama; jarak hari kosong = kembali ke 180/90/60/30/7/0); tercatat di jejak audit.");

        var m = api.MapGroup("/settings/monitoring").WithTags("Pengingat");
        m.MapGet("", async (Actor actor, JalinDb db, TimeProvider clock, CancellationToken ct) => (await ReportDueSettings.GetAsync(db, actor, clock, ct)).ToHttp())
            .WithSummary("Tenggat laporan kemajuan OPD pelaksana daerah Anda: hari kerja setelah periode berakhir (pengaturan daerah), dengan contoh tanggal jatuh tempo.");
        m.MapPut("", async (Actor actor, JalinDb db, TimeProvider clock, ReportDueSettingsInput? body, CancellationToken ct) =>
                (await ReportDueSettings.SetAsync(db, actor, body ?? new ReportDueSettingsInput(null), clock, ct)).ToHttp())
            .WithSummary("Ubah tenggat laporan kemajuan (1–60 hari kerja; petugas Bagian Kerja Sama); tercatat di jejak audit.");

        var feed = api.MapGroup("/account/calendar-feed").WithTags("Akun saya");
        feed.MapGet("", async (Actor actor, JalinDb db, CancellationToken ct) => (await CalendarFeeds.GetAsync(db, actor, ct)).ToHttp())
            .WithSummary("Apakah Anda memiliki alamat kalender pribadi (.ics) dan kapan dibuat.");
        feed.MapPost("", async (Actor actor, JalinDb db, TimeProvider clock, CancellationToken ct) => (await CalendarFeeds.CreateAsync(db, actor, clock, ct)).ToHttp())
            .WithSummary("Buat alamat kalender pribadi baru (alamat lama berhenti berlaku). Alamat rahasia hanya ditampilkan sekali.");
        feed.MapDelete("", async (Actor actor, JalinDb db, CancellationToken ct) => (await CalendarFeeds.RevokeAsync(db, actor, ct)).ToHttp())
            .WithSummary("Cabut alamat kalender pribadi Anda.");

        api.MapGet("/dashboard/kb-without-pks", async (Actor actor, JalinDb db, TimeProvider clock, CancellationToken ct) =>
                (await KbWithoutPks.HandleAsync(db, actor, clock, ct)).ToHttp())
            .WithTags("Dasbor").WithSummary("Kesepakatan bersama yang ditandatangani lebih dari N bulan lalu (pengaturan daerah) tanpa PKS yang ditandatangani.");
    }

    /// <summary>The public feed: a calendar app fetches it without signing in; an unknown or revoked token is 404.</summary>
    public static void MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/kalender/{file}", async (string file, JalinDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
                if (!file.EndsWith(".ics", StringComparison.OrdinalIgnoreCase))
                    return Results.Problem("Alamat kalender tidak dikenal atau sudah dicabut.", statusCode: 404, title: "Tidak ditemukan");
                var result = await CalendarFeedIcs.ForTokenAsync(db, file[..^4], clock, ct);
                return result.ToHttp(text => TypedResults.Text(text, "text/calendar; charset=utf-8"));
            })
            .AllowAnonymous().RequireRateLimiting(LoginLimits.CalendarFeedPolicy).ExcludeFromDescription();
    }
}
