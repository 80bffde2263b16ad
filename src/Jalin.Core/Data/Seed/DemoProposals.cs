using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>Demo usulan: Kota Cimahi's OPDs in every status (one recommended and linked to the demo agreement it
/// became), and two of Kabupaten Garut's. Each is moved through the real use cases.</summary>
internal static class DemoProposals
{
    public static async Task SeedAsync(Func<JalinDb> newDb, FileStore files, DateOnly today, IReadOnlyDictionary<string, CurrentActor> people,
        Dictionary<(string, string), Guid> agencies, CancellationToken ct)
    {
        var clock = new DemoData.DemoClock(today.AddDays(-40));
        var officer = people["kerjasama.cimahi"];
        var opd = people["opd.cimahi"]; // Dinas Lingkungan Hidup
        var tkksd = people["tkksd.cimahi"];
        var garut = people["kerjasama.garut"];
        const string C = "32.77", G = "32.05";

        async Task<Guid> Create(CurrentActor actor, ProposalInput input)
        {
            await using var db = newDb();
            var r = await CreateProposal.HandleAsync(db, actor, input, clock, ct);
            if (!r.Ok) throw new InvalidOperationException($"Demo usulan {input.Title}: {r.Error!.Message}");
            clock.Now = clock.Now.AddDays(2);
            return r.Value;
        }
        async Task Act(Guid id, ProposalAction action, CurrentActor actor, ProposalActionRequest? request = null)
        {
            await using var db = newDb();
            var r = await ApplyProposalAction.HandleAsync(db, actor, id, action, request ?? new ProposalActionRequest(), clock, ct);
            if (!r.Ok) throw new InvalidOperationException($"Demo usulan {action}: {r.Error!.Message}");
            clock.Now = clock.Now.AddDays(3);
        }
        async Task Attach(Guid id, CurrentActor actor, ProposalAttachmentKind kind, string title)
        {
            await using var db = newDb();
            var r = await AttachProposalFile.HandleAsync(db, files, actor, id, new AttachProposalFileRequest { Kind = kind, Title = title, Content = DemoData.Pdf(title), FileName = title + ".pdf" }, clock, ct);
            if (!r.Ok) throw new InvalidOperationException($"Demo lampiran {title}: {r.Error!.Message}");
        }
        ProposalInput Base(string title, string affair, string background, string aims, string obj, int months, decimal? amount, bool budgeted) => new()
        {
            Title = title, AffairCode = affair, Background = background, Aims = aims, Object = obj, TermMonths = months, Amount = amount,
            BudgetedInApbd = budgeted, PlannedStart = new DateOnly(today.Year + 1, 1, 1), LegalBasis = "UU 23/2014 Pasal 363; PP 28/2018",
            Benefits = "Layanan kepada masyarakat lebih baik dengan biaya lebih rendah.", Contact1Name = "Dadang Supriatna", Contact1Position = "Kepala Bidang",
            Contact1Phone = "0812-2200-1100", Contact1Email = "dadang@demo.jalin.id", Contact2Name = "Nining Kurniasih", Contact2Position = "Analis Kebijakan",
            Contact2Phone = "0812-2200-1101", Contact2Email = "nining@demo.jalin.id",
        };

        // 1. DLH: a draft with its KAK attached.
        var compost = await Create(opd, Base("Pengolahan Sampah Organik menjadi Kompos bersama Kabupaten Bandung Barat", "2.11",
            "Sampah organik rumah tangga Cimahi sekitar 60% dari timbulan; lahan pengomposan di Cimahi terbatas.", "Mengurangi sampah organik ke TPA 30% dalam tiga tahun.",
            "Pengolahan sampah organik menjadi kompos di lahan Kabupaten Bandung Barat", 36, 450_000_000, false) with { PartnerRegionCode = "32.17", Location = "Kecamatan Padalarang" });
        await Attach(compost, opd, ProposalAttachmentKind.TermsOfReference, "KAK Pengolahan Kompos");

        // 2. DLH: submitted, the partner not yet in the registry.
        var bank = await Create(opd, Base("Bank Sampah Digital Kelurahan", "2.11", "Bank sampah kelurahan masih mencatat secara manual.",
            "Seluruh bank sampah tercatat dalam satu aplikasi.", "Aplikasi bank sampah dan pendampingan pengelola", 24, null, false) with { PartnerName = "PT Sirkular Hijau Nusantara", FundingSource = FundingSource.Partner });
        await Attach(bank, opd, ProposalAttachmentKind.OfferLetter, "Surat Penawaran PT Sirkular Hijau Nusantara");
        await Act(bank, ProposalAction.Submit, opd);

        // 3. Dinkes (entered by the officer): returned for revision.
        var referral = await Create(officer, Base("Rujukan Pasien Lintas Daerah Cimahi–Bandung Barat", "1.02", "Pasien Cimahi utara sering dirujuk ke RSUD Cikalong Wetan.",
            "Alur rujukan dan pembiayaan yang disepakati kedua daerah.", "Rujukan pasien dan pertukaran data layanan", 24, 300_000_000, true) with { AgencyId = agencies[(C, "Dinkes")], PartnerRegionCode = "32.17" });
        await Act(referral, ProposalAction.Submit, officer);
        await Act(referral, ProposalAction.Return, officer, new ProposalActionRequest { Note = "Lengkapi rincian pembiayaan per pasien dan lampirkan KAK." });

        // 4. Dishub: assessed by the TKKSD.
        var transit = await Create(officer, Base(DemoTkksd.TransitProposalTitle, "2.15", "Komuter Cimahi–Bandung berganti moda tanpa tiket terpadu.",
            "Satu tiket untuk angkutan kota kedua daerah.", "Integrasi rute dan tiket angkutan umum", 60, 1_800_000_000, false) with { AgencyId = agencies[(C, "Dishub")], PartnerRegionCode = "32.73" });
        await Attach(transit, officer, ProposalAttachmentKind.FeasibilityStudy, "Studi Kelayakan Integrasi Angkutan");
        await Act(transit, ProposalAction.Submit, officer);
        await Act(transit, ProposalAction.Verify, officer);
        await Act(transit, ProposalAction.Assess, tkksd, new ProposalActionRequest { Result = AssessmentResult.FeasibleWithRevision, Note = "Sejalan dengan RPJMD; rincian pembagian pendapatan tiket perlu dikaji." });

        // 5. DKPP: recommended as KSDD sukarela and linked to the demo agreement it became.
        var onion = await Create(officer, Base("Pasokan Bawang Merah dan Cabai dengan Kabupaten Bandung", "2.09", "Harga bawang merah dan cabai menyumbang inflasi Kota Cimahi.",
            "Pasokan stabil untuk pengendalian inflasi daerah.", "Pasokan bawang merah dan cabai dari sentra Kabupaten Bandung", 24, 150_000_000, true)
            with { AgencyId = agencies[(C, "DKPP")], PartnerRegionCode = "32.04" });
        await Act(onion, ProposalAction.Submit, officer);
        await Act(onion, ProposalAction.Verify, officer);
        await Act(onion, ProposalAction.Assess, tkksd, new ProposalActionRequest { Result = AssessmentResult.Feasible, Note = "Urusan pangan; kedua daerah berwenang." });
        await Act(onion, ProposalAction.Recommend, officer, new ProposalActionRequest { Kind = CooperationKind.KsddSukarela, Note = "Dilanjutkan dengan penawaran kepada Kabupaten Bandung." });
        await using (var db = newDb())
        {
            var agreement = await db.Agreements.Where(a => a.RegionCode == C && a.Title == "Kerja Sama Pasokan Bawang Merah dan Cabai dengan Kabupaten Bandung").Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            var p = await db.Proposals.SingleAsync(x => x.Id == onion, ct);
            if (agreement is { } aid && !await db.Proposals.AnyAsync(x => x.AgreementId == aid, ct))
            {
                p.AgreementId = aid;
                db.ProposalHistories.Add(new ProposalHistory
                {
                    ProposalId = p.Id, Action = "convert", FromStatus = p.Status, ToStatus = p.Status, ActorUserId = officer.UserId, ActorName = officer.FullName,
                    ActorRole = officer.Role.Label(), ActorRegionCode = C, At = clock.GetUtcNow(), Note = "Dijadikan kerja sama: " + p.Title,
                });
                p.Touch(clock.GetUtcNow());
                await db.ActingAs(officer).SaveChangesAsync(ct);
            }
        }

        // 6. Disdagin: rejected.
        var mall = await Create(officer, Base("Pengelolaan Pasar Modern oleh Swasta di Lahan Pasar Atas", "3.30", "Usulan pengelolaan pasar oleh swasta.",
            "Revitalisasi pasar.", "Pengelolaan pasar", 240, null, false) with { AgencyId = agencies[(C, "Disdagin")], PartnerName = "PT Pasar Raya Priangan" });
        await Act(mall, ProposalAction.Submit, officer);
        await Act(mall, ProposalAction.Reject, officer, new ProposalActionRequest { Note = "Pemanfaatan barang milik daerah mengikuti PP 27/2014, bukan alur usulan kerja sama ini." });

        // Kabupaten Garut: one submitted, one draft.
        var chili = await Create(garut, Base("Pasokan Cabai Garut untuk Kota Cimahi", "2.09", "Sentra cabai Garut surplus pada musim panen.",
            "Pasar tetap bagi petani cabai Garut.", "Pasokan cabai ke pasar induk Kota Cimahi", 24, 0, true) with { AgencyId = agencies[(G, "Distan")], PartnerRegionCode = C });
        await Act(chili, ProposalAction.Submit, garut);
        await Create(garut, Base("Promosi Wisata Papandayan bersama Kabupaten Bandung", "3.26", "Kunjungan wisata Papandayan belum terpadu dengan Ciwidey.",
            "Paket wisata bersama.", "Promosi dan paket wisata", 12, 75_000_000, false) with { AgencyId = agencies[(G, "Disparbud")], PartnerRegionCode = "32.04" });
    }
}
