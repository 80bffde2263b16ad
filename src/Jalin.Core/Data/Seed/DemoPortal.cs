using Jalin.Core.Agreements;
using Jalin.Core.Files;
using Jalin.Core.PartnerPortal;
using Jalin.Core.Partners;

namespace Jalin.Core.Data.Seed;

/// <summary>Demo partner portal (issue #10 item 6): one offer sent to Kota Cimahi through /mitra, waiting for the Bagian
/// Kerja Sama's check. The sender's NPWP matches PT Data Kota Nusantara in Cimahi's partner list, so the usulan shows the
/// probable-duplicate flag. Its status token is random and not kept (only its hash is stored).</summary>
internal static class DemoPortal
{
    public static async Task SeedAsync(Func<JalinDb> newDb, FileStore files, DateOnly today, CancellationToken ct)
    {
        var clock = new DemoData.DemoClock(today.AddDays(-2));
        await using var db = newDb();
        var r = await SubmitToPortal.HandleAsync(db, files, new PortalInput
        {
            RegionCode = "32.77", Kind = PartnerKind.PrivateCompany, OrganizationName = "PT. Data Kota Nusantara", Npwp = "024567891421000",
            Nib = "1234000567890", Address = "Jl. Amir Machmud No. 88, Cimahi", ContactName = "Sinta Dewi", ContactPosition = "Manajer Kemitraan Pemerintah",
            Email = "sinta.dewi@datakota.co.id", Phone = "0812-2233-4455", Title = "Penawaran dasbor data kota terpadu untuk layanan publik Kota Cimahi",
            AffairCode = "2.16", Background = "Data layanan publik Kota Cimahi tersebar di beberapa perangkat daerah dan belum tersaji dalam satu dasbor.",
            Aims = "Menyajikan data layanan publik dalam satu dasbor untuk pengambilan keputusan pimpinan daerah.",
            Object = "Penyediaan dan pendampingan dasbor data kota", Scope = "Integrasi data, pelatihan operator OPD, pendampingan 12 bulan",
            Location = "Kota Cimahi", TermMonths = 24, FundingSource = FundingSource.Partner, Consent = true,
        }, [new PortalFile(PortalFileSlot.OfferLetter, "Surat penawaran PT Data Kota Nusantara.pdf", DemoData.Pdf("Surat penawaran PT Data Kota Nusantara")),
            new PortalFile(PortalFileSlot.Proposal, "Proposal dasbor data kota.pdf", DemoData.Pdf("Proposal dasbor data kota"))], clock, ct);
        if (!r.Ok) throw new InvalidOperationException("Demo portal mitra: " + r.Error!.Message);
    }
}
