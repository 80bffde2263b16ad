using Jalin.Core.Facilitation;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Threads;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>Demo requests to the facilitation desk (issue #10 item 7), each moved through the real use cases: Kota Cimahi's
/// DLH waiting for a konsultasi (past its target), a telaah rancangan in progress with two messages, a partner's finished
/// konsultasi, and a koordinasi teknis Kota Cimahi filed with Provinsi Jawa Barat about Kabupaten Bandung Barat
/// (PP 28/2018 Pasal 5 ayat (2) huruf a), served by kerjasama.jabar.</summary>
internal static class DemoFacilitation
{
    public const string WaitingTitle = "Konsultasi skema pembiayaan kerja sama pengelolaan sampah";

    public static async Task SeedAsync(Func<JalinDb> newDb, FileStore files, DateOnly today, IReadOnlyDictionary<string, CurrentActor> people, CancellationToken ct)
    {
        var clock = new DemoData.DemoClock(today.AddDays(-30));
        var officer = people["kerjasama.cimahi"];
        var opd = people["opd.cimahi"];
        var partner = people["mitra.cimahi"];
        var province = people["kerjasama.jabar"];
        const string C = "32.77";

        async Task<Guid> Create(CurrentActor actor, FacilitationInput input, int daysAgo)
        {
            clock.Now = DemoData.DemoClock.At(today.AddDays(-daysAgo));
            await using var db = newDb();
            var r = await CreateFacilitationRequest.HandleAsync(db, actor, input, clock, ct);
            if (!r.Ok) throw new InvalidOperationException($"Demo fasilitasi {input.Title}: {r.Error!.Message}");
            return r.Value;
        }
        async Task Act(Guid id, FacilitationAction action, CurrentActor actor, FacilitationActionRequest? request = null, int hoursLater = 3)
        {
            clock.Now = clock.Now.AddHours(hoursLater);
            await using var db = newDb();
            var r = await ApplyFacilitationAction.HandleAsync(db, actor, id, action, request ?? new FacilitationActionRequest(), clock, ct);
            if (!r.Ok) throw new InvalidOperationException($"Demo fasilitasi {action}: {r.Error!.Message}");
        }
        async Task Say(Guid id, CurrentActor actor, string text, string? pdfTitle = null, int hoursLater = 2)
        {
            clock.Now = clock.Now.AddHours(hoursLater);
            await using var db = newDb();
            var attachments = pdfTitle is null ? [] : new[] { new ThreadFile(DemoData.Pdf(pdfTitle), pdfTitle + ".pdf") };
            var r = await PostThreadMessage.HandleAsync(db, files, actor, ThreadSubjectType.FacilitationRequest, id, new PostMessageRequest { Text = text, Files = attachments }, clock, ct);
            if (!r.Ok) throw new InvalidOperationException($"Demo pesan: {r.Error!.Message}");
        }

        // 1. DLH asks for a konsultasi; nobody has taken it yet and its target has passed.
        await Create(opd, new FacilitationInput
        {
            Kind = FacilitationKind.Consultation, RegionCode = C, Title = WaitingTitle,
            Description = "Kami merencanakan kerja sama pengolahan kompos dengan Kabupaten Bandung Barat. Mohon arahan apakah biaya operasional dapat dibagi per ton sampah dan bagaimana menuangkannya dalam naskah.",
        }, 9);

        // 2. DLH asks for a telaah rancangan; the officer takes it and answers in the thread with the marked-up draft.
        Guid? compost;
        await using (var db = newDb())
            compost = await db.Proposals.AsNoTracking().Where(p => p.RegionCode == C && p.Title.StartsWith("Pengolahan Sampah Organik")).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var review = await Create(opd, new FacilitationInput
        {
            Kind = FacilitationKind.DraftReview, RegionCode = C, Title = "Telaah rancangan KSDD pengolahan kompos dengan Kabupaten Bandung Barat", ProposalId = compost,
            Description = "Mohon ditelaah rancangan naskah kerja sama terlampir, terutama pasal hak dan kewajiban serta pembiayaan.",
        }, 3);
        await Act(review, FacilitationAction.Take, officer);
        await Say(review, officer, "Rancangan sudah kami baca. Catatan kami pada berkas terlampir: pasal pembiayaan perlu menyebut sumber dana masing-masing pihak dan mekanisme pembayarannya.",
            "Catatan telaah rancangan KSDD kompos", hoursLater: 20);
        await Say(review, opd, "Terima kasih. Kami sedang melengkapi pasal pembiayaan bersama Bagian Keuangan; rancangan perbaikan kami kirim paling lambat Jumat.", hoursLater: 4);

        // 3. The university's liaison asked how to propose a kerja sama; answered and closed.
        var done = await Create(partner, new FacilitationInput
        {
            Kind = FacilitationKind.Consultation, RegionCode = C, Title = "Konsultasi prosedur pengajuan kerja sama penelitian",
            Description = "Universitas ingin mengajukan kerja sama penelitian kualitas udara dengan Pemerintah Kota Cimahi. Dokumen apa saja yang perlu kami siapkan?",
        }, 20);
        await Act(done, FacilitationAction.Take, officer, hoursLater: 5);
        await Say(done, officer, "Siapkan surat penawaran, kerangka acuan kerja dan profil lembaga. Kami teruskan kepada Dinas Lingkungan Hidup sebagai perangkat daerah pemrakarsa.", hoursLater: 3);
        await Act(done, FacilitationAction.Complete, officer, new FacilitationActionRequest
        {
            Note = "Dijelaskan dokumen yang diperlukan (surat penawaran, KAK, profil lembaga); usulan akan diajukan melalui Dinas Lingkungan Hidup.",
        }, hoursLater: 24);

        // 4. Kota Cimahi asks the province for the koordinasi teknis of a mandatory cooperation with Kabupaten Bandung Barat (they border).
        var coordination = await Create(officer, new FacilitationInput
        {
            Kind = FacilitationKind.MandatoryCoordination, RegionCode = "32", CounterpartRegionCode = "32.17",
            Title = "Koordinasi teknis pemetaan urusan persampahan Kota Cimahi dan Kabupaten Bandung Barat",
            Description = "Mohon difasilitasi koordinasi teknis atas pemetaan urusan persampahan (pengolahan residu di TPPAS regional) antara Kota Cimahi dan Kabupaten Bandung Barat sebelum kesepakatan bersama.",
        }, 6);
        await Act(coordination, FacilitationAction.Take, province, hoursLater: 26);
        await Say(coordination, province, "Rapat koordinasi teknis kami jadwalkan di Biro Pemerintahan. Mohon kirimkan hasil pemetaan urusan kedua daerah sebelum rapat.", hoursLater: 1);
    }
}
