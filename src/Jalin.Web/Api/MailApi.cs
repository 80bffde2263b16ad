using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Mail;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>E-mail: the caller's own choice of an e-mail copy of notifications, and the outbox for the system administrator.</summary>
public static class MailApi
{
    public sealed record MailPreferenceInput(bool? EmailNotifications);

    public static void MapMailApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/account/mail").WithTags("Akun saya");
        me.MapGet("", async (Actor actor, JalinDb db, CancellationToken ct) => (await MailPreferences.GetAsync(db, actor, ct)).ToHttp())
            .WithSummary("Alamat surel Anda dan apakah pemberitahuan juga dikirim ke surel.");
        me.MapPut("", async (Actor actor, JalinDb db, MailPreferenceInput? body, CancellationToken ct) =>
                body?.EmailNotifications is not { } on
                    ? Problems.From(ValidationError.Of("emailNotifications", "Isi emailNotifications dengan true (kirim ke surel) atau false (hanya di aplikasi)."))
                    : (await MailPreferences.SetAsync(db, actor, on, ct)).ToHttp())
            .WithSummary("Nyalakan atau matikan salinan pemberitahuan ke surel Anda.");

        var admin = api.MapGroup("/admin/mail-outbox").WithTags("Kotak keluar surel (admin)");
        admin.MapGet("", async (Actor actor, JalinDb db, string? status, int? page, int? pageSize, CancellationToken ct) =>
                (await OutboxAdmin.ListAsync(db, actor, status, page, pageSize, ct)).ToHttp())
            .WithSummary("Surel keluar terbaru (status: waiting, sent, failed), tanpa isi surel.");
        admin.MapGet("/summary", async (Actor actor, JalinDb db, CancellationToken ct) => (await OutboxAdmin.SummaryAsync(db, actor, ct)).ToHttp())
            .WithSummary("Jumlah surel menunggu, dicoba ulang, terkirim dan tidak terkirim.");
        admin.MapPost("/{id:guid}/retry", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await OutboxAdmin.RetryAsync(db, actor, id, clock, ct)).ToHttp())
            .WithSummary("Kirim ulang surel yang belum terkirim, sekarang.");
    }
}
