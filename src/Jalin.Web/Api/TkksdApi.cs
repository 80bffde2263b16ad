using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Tkksd;
using Jalin.Web.Infrastructure;

namespace Jalin.Web.Api;

/// <summary>Issue #10 item 4: the region's TKKSD as data, its weighted criteria, assignments, assessments and the kajian.</summary>
public static class TkksdApi
{
    private static IResult Empty() => Problems.From(ValidationError.Of("body", "Isi permintaan kosong."));

    public static void MapTkksdApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/tkksd").WithTags("TKKSD");
        g.MapGet("/team", async (Actor actor, JalinDb db, CancellationToken ct) => (await TkksdTeams.GetAsync(db, actor, ct)).ToHttp())
            .WithSummary("Tim TKKSD daerah Anda yang berlaku (SK, masa kerja, anggota) dan tim sebelumnya.");
        g.MapPost("/teams", async (Actor actor, JalinDb db, TimeProvider clock, TeamInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await TkksdTeams.CreateAsync(db, actor, body, clock, ct)).ToHttp(v => TypedResults.Created($"/api/v1/tkksd/teams/{v.Id}", v)))
            .WithSummary("Catat tim dengan SK baru (petugas Bagian Kerja Sama); tim yang berlaku sebelumnya ditutup sehari sebelum masa kerja tim baru.");
        g.MapPut("/teams/{teamId:guid}", async (Actor actor, JalinDb db, Guid teamId, TeamInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await TkksdTeams.UpdateAsync(db, actor, teamId, body, ct)).ToHttp())
            .WithSummary("Ubah nomor dan tanggal SK atau masa kerja tim.");
        g.MapPost("/teams/{teamId:guid}/members", async (Actor actor, JalinDb db, Guid teamId, MemberInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await TkksdTeams.AddMemberAsync(db, actor, teamId, body, ct)).ToHttp())
            .WithSummary("Tambah anggota tim: nama, jabatan, kedudukan dalam tim, perangkat daerah, akun Jalin bila ada.");
        g.MapPut("/teams/{teamId:guid}/members/{memberId:guid}", async (Actor actor, JalinDb db, Guid teamId, Guid memberId, MemberInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await TkksdTeams.UpdateMemberAsync(db, actor, teamId, memberId, body, ct)).ToHttp())
            .WithSummary("Ubah anggota tim atau nonaktifkan.");

        g.MapGet("/criteria", async (Actor actor, JalinDb db, CancellationToken ct) => (await TkksdCriteria.GetAsync(db, actor, ct)).ToHttp())
            .WithSummary("Kriteria penilaian daerah dan bobotnya (persen; jumlahnya 100).");
        g.MapPut("/criteria", async (Actor actor, JalinDb db, CriteriaInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await TkksdCriteria.SetAsync(db, actor, body, ct)).ToHttp())
            .WithSummary("Ganti kriteria dan bobot daerah (jumlah bobot tepat 100); penilaian yang sudah disampaikan tidak berubah.");

        MapSubject(g.MapGroup("/agreements/{id:guid}"), SubjectType.Agreement, "kerja sama", "(sebelum penandatanganan)",
            "dilampirkan sebagai dokumen Kajian/telaahan TKKSD");
        MapSubject(g.MapGroup("/proposals/{id:guid}"), SubjectType.Proposal, "usulan", "(setelah diverifikasi, sebelum rekomendasi)",
            "dilampirkan pada usulan sebagai Kajian/telaahan TKKSD dan menjadi dokumen kajian kerja sama saat usulan dijadikan kerja sama");
    }

    /// <summary>The same four endpoints for every subject the TKKSD assesses (agreement, usulan).</summary>
    private static void MapSubject(RouteGroupBuilder a, SubjectType type, string noun, string window, string filed)
    {
        a.MapGet("/assessments", async (Actor actor, JalinDb db, Guid id, CancellationToken ct) =>
                (await TkksdAssessments.SummaryAsync(db, actor, type, id, ct)).ToHttp())
            .WithSummary($"Penugasan dan penilaian anggota TKKSD atas {noun}: nilai tertimbang tiap anggota, rata-rata dan jumlah rekomendasi.");
        a.MapPost("/assignments", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, AssignInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await TkksdAssessments.AssignAsync(db, actor, type, id, body, clock, ct)).ToHttp())
            .WithSummary($"Tugaskan anggota tim menilai {noun} {window} dengan batas waktu.");
        a.MapPut("/assessments/{memberId:guid}", async (Actor actor, JalinDb db, TimeProvider clock, Guid id, Guid memberId, AssessmentInput? body, CancellationToken ct) =>
                body is null ? Empty() : (await TkksdAssessments.SubmitAsync(db, actor, type, id, memberId, body, clock, ct)).ToHttp())
            .WithSummary("Sampaikan penilaian anggota yang ditugaskan: nilai 1–5 dan catatan per kriteria, rekomendasi, catatan umum.");
        a.MapPost("/kajian", async (Actor actor, JalinDb db, FileStore files, PdfConverter pdf, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await GenerateKajian.HandleAsync(db, files, pdf, actor, type, id, clock, ct)).ToHttp())
            .WithSummary($"Susun dokumen kajian TKKSD dari penilaian anggota (DOCX, PDF bila tersedia); {filed}.");
    }
}
