using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Lifecycle;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>Issue #7 item 9: a region's lifecycle settings and the holiday calendar.</summary>
public static class SettingsApi
{
    public static void MapSettingsApi(this RouteGroupBuilder api)
    {
        var r = api.MapGroup("/regions/{code}").WithTags("Pengaturan tahapan");
        r.MapGet("/lifecycle-settings", async (Actor actor, JalinDb db, string code, CancellationToken ct) =>
                (await RegionLifecycleSettings.GetAsync(db, actor, code, ct)).ToHttp())
            .WithSummary("Pengaturan tahapan daerah: batas jawaban DPRD untuk KSDD/KSDPK, persetujuan dianggap diberikan, batas jawaban penawaran, cuti bersama, batas jangka waktu, KSDLL penerusan.");
        r.MapPut("/lifecycle-settings", async (Actor actor, JalinDb db, string code, LifecycleSettingsInput? body, CancellationToken ct) =>
                body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                    : (await RegionLifecycleSettings.SetAsync(db, actor, code, body, ct)).ToHttp())
            .WithSummary("Ubah seluruh pengaturan tahapan daerah (petugas Bagian Kerja Sama daerah itu atau administrator sistem); tercatat di jejak audit.");

        var h = api.MapGroup("/holidays").WithTags("Hari libur");
        h.MapGet("", async (Actor actor, JalinDb db, TimeProvider clock, int? year, string? regionCode, CancellationToken ct) =>
                (await HolidayCalendar.ListAsync(db, actor, year ?? Wib.Today(clock).Year, regionCode, clock, ct)).ToHttp())
            .WithSummary("Hari libur nasional, cuti bersama dan hari libur daerah (?regionCode=, bawaan daerah Anda) setahun (?year=), dengan tahun yang belum memiliki data.");
        h.MapPost("", async (Actor actor, JalinDb db, HolidayInput? body, CancellationToken ct) =>
                body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                    : (await HolidayCalendar.AddAsync(db, actor, body, ct)).ToHttp(v => TypedResults.Created($"/api/v1/holidays/{v.Id}", v)))
            .WithSummary("Catat hari libur: nasional (tanpa regionCode, administrator sistem, dengan keputusan yang menetapkannya) atau hari libur daerah (regionCode daerah Anda).");
        h.MapDelete("/{id:int}", async (Actor actor, JalinDb db, int id, CancellationToken ct) =>
                (await HolidayCalendar.DeleteAsync(db, actor, id, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Hapus hari libur (nasional: administrator sistem; daerah: petugas Bagian Kerja Sama daerah itu).");

        var f = api.MapGroup("/settings/front-door").WithTags("Pengaturan usulan dan fasilitasi");
        f.MapGet("", async (Actor actor, JalinDb db, TimeProvider clock, CancellationToken ct) =>
                (await Jalin.Core.Proposals.FrontDoorSettings.GetAsync(db, actor, clock, ct)).ToHttp())
            .WithSummary("Pola nomor usulan dan target layanan fasilitasi (hari kerja) daerah Anda.");
        f.MapPut("", async (Actor actor, JalinDb db, TimeProvider clock, Jalin.Core.Proposals.FrontDoorSettingsInput? body, CancellationToken ct) =>
                body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                    : (await Jalin.Core.Proposals.FrontDoorSettings.SetAsync(db, actor, body, clock, ct)).ToHttp())
            .WithSummary("Ubah pola nomor usulan (kosong: kembali ke bawaan USL/{tahun}/{urut4}) atau target fasilitasi (1–60 hari kerja); petugas Bagian Kerja Sama; tercatat di jejak audit.");
    }
}
