using System.Text;
using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Partners;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>One demo sign-in, listed in README and printed at start-up.</summary>
public sealed record DemoAccount(string UserName, string FullName, Role Role, string? RegionCode, string? AgencyShortName = null, string? PartnerName = null);

/// <summary>Deterministic, realistic demo data (DOMAIN §9): six regions with their OPDs, partners
/// of every kind, and about sixty agreements across every kind and stage. Every agreement is
/// walked through the real use cases (register, attach, apply action) with a stepping clock, so
/// its history, documents and audit rows are what a real officer would have produced.</summary>
public static class DemoData
{
    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin", "Administrator Sistem", Role.SystemAdmin, null),
        new("kerjasama.cimahi", "Rina Marlina, S.H.", Role.CooperationOfficer, "32.77"),
        new("opd.cimahi", "Dadang Supriatna (Dinas Lingkungan Hidup)", Role.AgencyUser, "32.77", AgencyShortName: "DLH"),
        new("tkksd.cimahi", "Dr. Asep Hidayat (TKKSD)", Role.TeamMember, "32.77"),
        new("pimpinan.cimahi", "Ngatiyana (Wali Kota Cimahi)", Role.Leader, "32.77"),
        new("dprd.cimahi", "Sekretariat DPRD Kota Cimahi", Role.DprdViewer, "32.77"),
        new("auditor.cimahi", "Inspektorat Kota Cimahi", Role.Auditor, "32.77"),
        new("mitra.cimahi", "Yusuf Ramdani (Universitas Jenderal Achmad Yani)", Role.PartnerUser, "32.77", PartnerName: "Universitas Jenderal Achmad Yani"),
        new("pembina.jabar", "Biro Pemerintahan Setda Prov. Jawa Barat", Role.SupervisorProvince, "32"),
        new("pembina.kemendagri", "Direktorat Kerja Sama, Ditjen Bina Adwil Kemendagri", Role.SupervisorNational, null),
        new("kerjasama.bandung", "Teguh Prasetyo", Role.CooperationOfficer, "32.73"),
        new("kerjasama.garut", "Euis Komalasari", Role.CooperationOfficer, "32.05"),
        new("tkksd.garut", "Ir. Dedi Kurniawan, M.P. (TKKSD Garut)", Role.TeamMember, "32.05"),
        new("kerjasama.kupang", "Maria Goreti Lake", Role.CooperationOfficer, "53.71"),
        new("kerjasama.sumbar", "Rahmat Hidayat Datuak Sati", Role.CooperationOfficer, "13"),
        new("kerjasama.kukar", "Sri Wahyuni", Role.CooperationOfficer, "64.02"),
        new("kerjasama.jabar", "Dewi Kartika Sari, S.IP. (Biro Pemerintahan Prov. Jawa Barat)", Role.CooperationOfficer, "32"),
    ];

    /// <summary>OPDs per demo region: (short name, name, head's title).</summary>
    private static readonly Dictionary<string, (string Short, string Name)[]> Agencies = new()
    {
        ["32.77"] = Opd("Kota Cimahi", false),
        ["32.73"] = Opd("Kota Bandung", false),
        ["32.05"] = Opd("Kabupaten Garut", true),
        ["53.71"] = Opd("Kota Kupang", false),
        ["13"] = Opd("Provinsi Sumatera Barat", true, province: true),
        ["64.02"] = Opd("Kabupaten Kutai Kartanegara", true),
    };

    private static (string, string)[] Opd(string region, bool rural, bool province = false) =>
    [
        ("Setda", $"Sekretariat Daerah {region}"),
        ("DLH", $"Dinas Lingkungan Hidup {region}"),
        ("Dinkes", $"Dinas Kesehatan {region}"),
        ("Disdik", $"Dinas Pendidikan {region}"),
        ("Dishub", $"Dinas Perhubungan {region}"),
        ("PUPR", $"Dinas Pekerjaan Umum dan Penataan Ruang {region}"),
        ("Disdagin", $"Dinas Perdagangan dan Perindustrian {region}"),
        ("Diskominfo", $"Dinas Komunikasi dan Informatika {region}"),
        ("Disdukcapil", $"Dinas Kependudukan dan Pencatatan Sipil {region}"),
        ("DPMPTSP", $"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu {region}"),
        ("Bappeda", $"Badan Perencanaan Pembangunan Daerah {region}"),
        (rural ? "Distan" : "DKPP", rural ? $"Dinas Pertanian {region}" : $"Dinas Ketahanan Pangan dan Pertanian {region}"),
        ("Disparbud", $"Dinas Pariwisata dan Kebudayaan {region}"),
        .. province ? new[] { ("DKP", $"Dinas Kelautan dan Perikanan {region}") } : [],
    ];

    private static readonly Dictionary<string, string> HeadOffices = new()
    {
        ["32.77"] = "Wali Kota Cimahi", ["32.73"] = "Wali Kota Bandung", ["32.05"] = "Bupati Garut", ["53.71"] = "Wali Kota Kupang",
        ["13"] = "Gubernur Sumatera Barat", ["64.02"] = "Bupati Kutai Kartanegara", ["32"] = "Gubernur Jawa Barat", ["32.04"] = "Bupati Bandung",
        ["32.17"] = "Bupati Bandung Barat", ["32.11"] = "Bupati Sumedang", ["53.01"] = "Bupati Kupang", ["32.06"] = "Bupati Tasikmalaya",
        ["13.71"] = "Wali Kota Padang", ["64.72"] = "Wali Kota Samarinda", ["35.79"] = "Wali Kota Batu", ["64.71"] = "Wali Kota Balikpapan",
        ["34.01"] = "Bupati Kulon Progo", ["13.06"] = "Bupati Padang Pariaman", ["53.10"] = "Bupati Manggarai", ["64.08"] = "Bupati Kutai Timur",
        ["32.03"] = "Bupati Cianjur", ["18.72"] = "Wali Kota Metro", ["12.71"] = "Wali Kota Medan", ["32.08"] = "Bupati Kuningan",
    };

    private sealed record PartnerSeed(string Key, PartnerKind Kind, string Name, string? LegalForm = null, string? Nib = null, string? Npwp = null,
        string? Country = null, string? Address = null, string? Contact = null, string? Signatory = null, string? SignatoryOffice = null);

    private static IEnumerable<(string Region, PartnerSeed Seed)> Partners()
    {
        // Kota Cimahi: one of every kind.
        foreach (var p in new PartnerSeed[]
        {
            new("unjani", PartnerKind.University, "Universitas Jenderal Achmad Yani", "Perguruan tinggi swasta", Address: "Jl. Terusan Jenderal Sudirman, Cimahi", Contact: "Yusuf Ramdani", Signatory: "Prof. Dr. Hikmahanto Juwana", SignatoryOffice: "Rektor"),
            new("polman", PartnerKind.University, "Politeknik Manufaktur Bandung", "Perguruan tinggi negeri", Address: "Jl. Kanayakan No. 21, Bandung", Contact: "Ir. Dedi Mulyadi", Signatory: "Dr. Ir. Muhammad Nur Yuniarto", SignatoryOffice: "Direktur"),
            new("bjb", PartnerKind.RegionOwnedEnterprise, "PT Bank Pembangunan Daerah Jawa Barat dan Banten Tbk", "Perseroan Terbatas (BUMD)", Nib: "8120015221473", Npwp: "01.337.994.6-092.000", Address: "Jl. Naripan No. 12-14, Bandung", Contact: "Fitri Anggraeni", Signatory: "Yuddy Renaldi", SignatoryOffice: "Direktur Utama"),
            new("tirtaraharja", PartnerKind.RegionOwnedEnterprise, "Perumda Air Minum Tirta Raharja", "Perusahaan Umum Daerah", Nib: "9120101612456", Npwp: "01.130.421.9-441.000", Address: "Jl. Raya Soreang, Kab. Bandung", Contact: "Hendra Kurnia", Signatory: "Meiki W. Paendong", SignatoryOffice: "Direktur Utama"),
            new("telkom", PartnerKind.StateOwnedEnterprise, "PT Telkom Indonesia (Persero) Tbk", "Perseroan (BUMN)", Nib: "8120007151234", Npwp: "01.000.013.1-093.000", Address: "Jl. Japati No. 1, Bandung", Contact: "Andika Pratama", Signatory: "Ririek Adriansyah", SignatoryOffice: "Direktur Utama"),
            new("kopcimahi", PartnerKind.Cooperative, "Koperasi Produsen Tahu Tempe Cimahi", "Koperasi", Nib: "9120302711345", Address: "Jl. Cibeber No. 40, Cimahi", Contact: "H. Nandang", Signatory: "H. Nandang Suhendar", SignatoryOffice: "Ketua"),
            new("datakota", PartnerKind.PrivateCompany, "PT Data Kota Nusantara", "Perseroan Terbatas", Nib: "1234000567890", Npwp: "02.456.789.1-421.000", Address: "Jl. Amir Machmud No. 88, Cimahi", Contact: "Sinta Dewi", Signatory: "Bambang Wirawan", SignatoryOffice: "Direktur"),
            new("espay", PartnerKind.PrivateCompany, "PT Espay Debit Indonesia Koe", "Perseroan Terbatas", Nib: "8120118230091", Npwp: "76.212.345.6-015.000", Address: "Jakarta Selatan", Contact: "Ayu Lestari", Signatory: "Vincent Iswara", SignatoryOffice: "Direktur"),
            new("ykpi", PartnerKind.CivilSocietyOrganization, "Yayasan Kota Peduli Iklim", "Yayasan", Address: "Jl. Gatot Subroto No. 5, Cimahi", Contact: "Nurul Hikmah", Signatory: "Dr. Ratna Sari", SignatoryOffice: "Ketua Pengurus"),
            new("perorangan", PartnerKind.Individual, "Ir. Hendarsyah Putra (arsitek lanskap)", "Perseorangan", Npwp: "45.678.901.2-421.000", Address: "Cimahi", Contact: "Ir. Hendarsyah Putra", Signatory: "Ir. Hendarsyah Putra", SignatoryOffice: "Perseorangan"),
            new("kab-bandung", PartnerKind.Region, "Pemerintah Kabupaten Bandung", "Pemerintah daerah", Address: "Soreang", Signatory: "Dadang Supriatna", SignatoryOffice: "Bupati Bandung"),
            new("leipzig", PartnerKind.ForeignLocalGovernment, "Stadt Leipzig", "Pemerintah kota", Country: "DE", Address: "Martin-Luther-Ring 4-6, Leipzig", Contact: "Dr. Anke Weber", Signatory: "Burkhard Jung", SignatoryOffice: "Oberbürgermeister"),
            new("jica", PartnerKind.ForeignInstitution, "Japan International Cooperation Agency (JICA)", "Lembaga pemerintah asing", Country: "JP", Address: "Menara Mandiri II, Jakarta", Contact: "Kenji Tanaka", Signatory: "Takehiro Kano", SignatoryOffice: "Chief Representative"),
            new("bps", PartnerKind.CentralGovernmentBody, "Badan Pusat Statistik Kota Cimahi", "Instansi vertikal", Address: "Jl. Pesantren No. 1, Cimahi", Contact: "Wawan Setiawan", Signatory: "Ir. Bambang Hermanto", SignatoryOffice: "Kepala BPS Kota Cimahi"),
            new("bpjs", PartnerKind.CentralGovernmentBody, "BPJS Kesehatan Cabang Cimahi", "Badan hukum publik", Address: "Jl. Sriwijaya, Cimahi", Contact: "Lina Marlina", Signatory: "dr. Siti Rahmawati", SignatoryOffice: "Kepala Cabang"),
            new("kejari", PartnerKind.CentralGovernmentBody, "Kejaksaan Negeri Cimahi", "Instansi vertikal", Address: "Jl. Jati Serut, Cimahi", Contact: "Rudi Hartono", Signatory: "Dr. Ade Sutiawarman", SignatoryOffice: "Kepala Kejaksaan Negeri"),
        }) yield return ("32.77", p);

        foreach (var p in new PartnerSeed[]
        {
            new("itb", PartnerKind.University, "Institut Teknologi Bandung", "PTN Badan Hukum", Address: "Jl. Ganesa No. 10, Bandung", Contact: "Dr. Irwan Prasetya", Signatory: "Prof. Tatacipta Dirgantara", SignatoryOffice: "Rektor"),
            new("bdg-parkir", PartnerKind.PrivateCompany, "PT Parkir Digital Priangan", "Perseroan Terbatas", Nib: "9120009911223", Npwp: "03.111.222.3-423.000", Address: "Jl. Asia Afrika, Bandung", Contact: "Yoga Pratama", Signatory: "Hendra Gunawan", SignatoryOffice: "Direktur Utama"),
            new("bdg-bpn", PartnerKind.CentralGovernmentBody, "Kantor Pertanahan Kota Bandung", "Instansi vertikal", Address: "Jl. Soekarno-Hatta, Bandung", Signatory: "Andi Kadandi", SignatoryOffice: "Kepala Kantor Pertanahan"),
            new("braunschweig", PartnerKind.ForeignLocalGovernment, "Stadt Braunschweig", "Pemerintah kota", Country: "DE", Address: "Platz der Deutschen Einheit 1", Signatory: "Dr. Thorsten Kornblum", SignatoryOffice: "Oberbürgermeister"),
        }) yield return ("32.73", p);

        foreach (var p in new PartnerSeed[]
        {
            new("unpad", PartnerKind.University, "Universitas Padjadjaran", "PTN Badan Hukum", Address: "Jl. Raya Bandung-Sumedang Km 21, Jatinangor", Signatory: "Prof. Arief S. Kartasasmita", SignatoryOffice: "Rektor"),
            new("garut-kopi", PartnerKind.Cooperative, "Koperasi Petani Kopi Garut Sejahtera", "Koperasi", Nib: "9120556677881", Address: "Cikajang, Garut", Signatory: "Ujang Mulyana", SignatoryOffice: "Ketua"),
            new("garut-bpjs", PartnerKind.CentralGovernmentBody, "BPJS Ketenagakerjaan Cabang Garut", "Badan hukum publik", Address: "Garut", Signatory: "Agus Salim", SignatoryOffice: "Kepala Cabang"),
        }) yield return ("32.05", p);

        foreach (var p in new PartnerSeed[]
        {
            new("undana", PartnerKind.University, "Universitas Nusa Cendana", "Perguruan tinggi negeri", Address: "Jl. Adisucipto, Penfui, Kupang", Signatory: "Dr. Maxs U. E. Sanam", SignatoryOffice: "Rektor"),
            new("kupang-pln", PartnerKind.StateOwnedEnterprise, "PT PLN (Persero) UIW Nusa Tenggara Timur", "Perseroan (BUMN)", Nib: "8120000123450", Npwp: "01.001.629.3-051.000", Address: "Jl. Jend. Basuki Rahmat, Kupang", Signatory: "Agustinus Jatmiko", SignatoryOffice: "General Manager"),
            new("darwin", PartnerKind.ForeignLocalGovernment, "City of Darwin", "Pemerintah kota", Country: "AU", Address: "Harry Chan Avenue, Darwin NT", Signatory: "Kon Vatskalis", SignatoryOffice: "Lord Mayor"),
            new("kupang-bnn", PartnerKind.CentralGovernmentBody, "Badan Narkotika Nasional Kota Kupang", "Instansi vertikal", Address: "Kupang", Signatory: "AKBP Jeffry Manafe", SignatoryOffice: "Kepala BNN Kota"),
        }) yield return ("53.71", p);

        foreach (var p in new PartnerSeed[]
        {
            new("unand", PartnerKind.University, "Universitas Andalas", "PTN Badan Hukum", Address: "Limau Manis, Padang", Signatory: "Dr. Efa Yonnedi", SignatoryOffice: "Rektor"),
            new("banknagari", PartnerKind.RegionOwnedEnterprise, "PT Bank Pembangunan Daerah Sumatera Barat (Bank Nagari)", "Perseroda", Nib: "8120201234567", Npwp: "01.115.522.7-201.000", Address: "Jl. Pemuda No. 21, Padang", Signatory: "Gusti Candra", SignatoryOffice: "Direktur Utama"),
            new("negeri-sembilan", PartnerKind.ForeignLocalGovernment, "Kerajaan Negeri Sembilan", "Pemerintah negara bagian", Country: "MY", Address: "Seremban", Signatory: "Dato' Seri Utama Aminuddin Harun", SignatoryOffice: "Menteri Besar"),
            new("giz", PartnerKind.ForeignInstitution, "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)", "Lembaga pemerintah asing", Country: "DE", Address: "Menara BCA, Jakarta", Signatory: "Martin Hansen", SignatoryOffice: "Country Director"),
            new("sumbar-bpom", PartnerKind.CentralGovernmentBody, "Balai Besar POM di Padang", "Instansi vertikal", Address: "Padang", Signatory: "Dra. Abdul Rahim", SignatoryOffice: "Kepala Balai Besar"),
        }) yield return ("13", p);

        foreach (var p in new PartnerSeed[]
        {
            new("unmul", PartnerKind.University, "Universitas Mulawarman", "Perguruan tinggi negeri", Address: "Jl. Kuaro, Samarinda", Signatory: "Prof. Dr. Abdunnur", SignatoryOffice: "Rektor"),
            new("kukar-pertamina", PartnerKind.StateOwnedEnterprise, "PT Pertamina Hulu Mahakam", "Perseroan (anak usaha BUMN)", Nib: "8120777712345", Npwp: "01.061.045.9-091.000", Address: "Balikpapan", Signatory: "Setyo Sapto Edi", SignatoryOffice: "General Manager"),
            new("kukar-ngo", PartnerKind.CivilSocietyOrganization, "Perkumpulan Bumi Lestari Mahakam", "Perkumpulan", Address: "Tenggarong", Signatory: "Yohanes Bura", SignatoryOffice: "Ketua"),
            new("kukar-usaid", PartnerKind.ForeignInstitution, "United States Agency for International Development (USAID)", "Lembaga pemerintah asing", Country: "US", Address: "Jakarta", Signatory: "Jeff Cohen", SignatoryOffice: "Mission Director"),
            new("kukar-bps", PartnerKind.CentralGovernmentBody, "Badan Pusat Statistik Kabupaten Kutai Kartanegara", "Instansi vertikal", Address: "Tenggarong", Signatory: "Ir. Heri Susanto", SignatoryOffice: "Kepala BPS Kabupaten"),
        }) yield return ("64.02", p);
    }

    /// <summary>How an agreement's story ends in the demo.</summary>
    private enum Finish { None, WaitDprd, Amend, Complete, Terminate, Expire, Decline, DprdRejectEnd }

    private sealed record Spec(string Region, CooperationKind Kind, string Title, string Affair, Stage Target, string Lead, string[] Others,
        decimal? Value = null, int Began = 300, int StartsAgo = 60, int Years = 3, bool Budgeted = true, bool Burdens = false, Finish Finish = Finish.None,
        FundingSource Funding = FundingSource.Apbd, string? Object = null, bool Forwarding = false);

    // Others: region codes ("32.05"), or partner keys ("p:unjani").
    private static IEnumerable<Spec> Specs()
    {
        const string C = "32.77";
        // Kota Cimahi: a kota with mostly KSDPK, Sinergi, a few KSDD and foreign (DOMAIN §9.2).
        yield return new(C, CooperationKind.KsddSukarela, "Kesepakatan Bersama Pemerintah Kota Cimahi dan Pemerintah Kabupaten Garut tentang Kerja Sama Pasokan Cabai untuk Pengendalian Inflasi Daerah",
            "2.09", Stage.Implementation, "DKPP", ["32.05"], 450_000_000, Began: 420, StartsAgo: 360, Years: 3, Object: "Pasokan cabai merah dan rawit dari kelompok tani Garut ke pasar-pasar Kota Cimahi");
        yield return new(C, CooperationKind.KsddWajib, "Perjanjian Kerja Sama Pengelolaan Sampah di TPPAS Regional Legok Nangka",
            "2.11", Stage.Implementation, "DLH", ["32", "32.73", "32.04", "32.17", "32.11", "32.05"], 12_500_000_000, Began: 900, StartsAgo: 700, Years: 20, Budgeted: false, Burdens: true,
            Finish: Finish.Amend, Object: "Pengolahan sampah regional 1.852–2.131 ton per hari, tipping fee, pengangkutan dan stasiun peralihan antara");
        // Issue #10 item 5: an offer sent to Garut that waits in Garut's incoming queue (kerjasama.garut answers it in Jalin).
        yield return new(C, CooperationKind.KsddSukarela, "Kerja Sama Pasokan Sayuran Dataran Tinggi dari Kabupaten Garut", "2.09", Stage.Offer, "DKPP", ["32.05"], 120_000_000, Began: 20,
            Object: "Pasokan kentang, kubis dan wortel dari kelompok tani Garut untuk pasar dan dapur umum Kota Cimahi");
        yield return new(C, CooperationKind.KsddSukarela, "Kerja Sama Pasokan Bawang Merah dan Cabai dengan Kabupaten Bandung", "2.09", Stage.SigningKb, "DKPP", ["32.04"], 150_000_000, Began: 60);
        yield return new(C, CooperationKind.KsddWajib, "Kerja Sama Penanganan Banjir dan Drainase di Perbatasan Cimahi–Bandung Barat", "1.03", Stage.DprdApproval, "PUPR", ["32.17"], 3_200_000_000,
            Began: 150, Budgeted: false, Finish: Finish.WaitDprd);
        yield return new(C, CooperationKind.KsddSukarela, "Replikasi Inovasi Digitalisasi Arsip (ADIARTA) dari Kota Batu", "2.24", Stage.Implementation, "Setda", ["35.79"], 75_000_000, Began: 300, StartsAgo: 250, Years: 2);
        yield return new(C, CooperationKind.KsddSukarela, "Kerja Sama Promosi Wisata Bersama Cimahi–Kuningan", "3.26", Stage.Ended, "Disparbud", ["32.08"], 60_000_000, Began: 1400, StartsAgo: 1300, Years: 3, Finish: Finish.Expire);
        yield return new(C, CooperationKind.Ksdpk, "Perjanjian Kerja Sama Tridharma Perguruan Tinggi dengan Universitas Jenderal Achmad Yani", "1.01", Stage.Implementation, "Disdik", ["p:unjani"], null,
            Began: 400, StartsAgo: 340, Years: 5, Funding: FundingSource.Shared);
        yield return new(C, CooperationKind.Ksdpk, "Kerja Sama Elektronifikasi Penarikan Retribusi Parkir On Street dan Off Street", "2.15", Stage.Implementation, "Dishub", ["p:espay"], null,
            Began: 500, StartsAgo: 420, Years: 2, Funding: FundingSource.Partner);
        yield return new(C, CooperationKind.Ksdpk, "Kerja Sama Layanan Perbankan dan Penerimaan Pajak Daerah secara Elektronik", "2.18", Stage.Implementation, "Setda", ["p:bjb"], null,
            Began: 800, StartsAgo: 700, Years: 2, Funding: FundingSource.Partner);
        yield return new(C, CooperationKind.Ksdpk, "Penagihan Retribusi Persampahan melalui Rekening Air Minum", "2.11", Stage.Implementation, "DLH", ["p:tirtaraharja"], null,
            Began: 380, StartsAgo: 330, Years: 5, Funding: FundingSource.None);
        yield return new(C, CooperationKind.Ksdpk, "Pengembangan Jaringan Kota Cerdas (Smart City) Cimahi", "2.16", Stage.SigningPks, "Diskominfo", ["p:telkom"], 2_400_000_000, Began: 200, Budgeted: false, Burdens: false);
        yield return new(C, CooperationKind.Ksdpk, "Pembinaan dan Pemasaran Produk Koperasi Tahu Tempe", "2.17", Stage.Offer, "Disdagin", ["p:kopcimahi"], 90_000_000, Began: 40);
        yield return new(C, CooperationKind.Ksdpk, "Kerja Sama Penyusunan Dasbor Data Terpadu Kota", "2.16", Stage.Preparation, "Diskominfo", ["p:datakota"], 350_000_000, Began: 14);
        yield return new(C, CooperationKind.Ksdpk, "Program Kampung Iklim dan Pengurangan Sampah Plastik", "2.11", Stage.DraftingPks, "DLH", ["p:ykpi"], null, Began: 160, Funding: FundingSource.Grant);
        yield return new(C, CooperationKind.Ksdpk, "Penataan Lanskap Taman Kota Cimahi", "1.04", Stage.Ended, "PUPR", ["p:perorangan"], 120_000_000, Began: 600, StartsAgo: 500, Years: 1, Finish: Finish.Complete);
        yield return new(C, CooperationKind.Ksdpk, "Kelas Khusus Vokasi Manufaktur bagi Lulusan SMK Cimahi", "2.07", Stage.Implementation, "Disdik", ["p:polman"], 200_000_000,
            Began: 1150, StartsAgo: 1060, Years: 3);
        yield return new(C, CooperationKind.Ksdpk, "Kerja Sama Penyediaan Jaringan Serat Optik Kantor Kelurahan", "2.16", Stage.Ended, "Diskominfo", ["p:datakota"], 800_000_000, Began: 700, StartsAgo: 600, Years: 3,
            Finish: Finish.Terminate);
        yield return new(C, CooperationKind.Sinergi, "Nota Kesepakatan Pemanfaatan Data Registrasi Sosial Ekonomi (Regsosek)", "2.20", Stage.Implementation, "Bappeda", ["p:bps"], null, Began: 260, StartsAgo: 200, Years: 3,
            Funding: FundingSource.None);
        yield return new(C, CooperationKind.Sinergi, "Nota Kesepakatan Penyelenggaraan Jaminan Kesehatan Nasional dan Layanan di Mal Pelayanan Publik", "1.02", Stage.Discussion, "Dinkes", ["p:bpjs"], null, Began: 45);
        yield return new(C, CooperationKind.Sinergi, "Nota Kesepakatan Penanganan Tindak Pidana Ringan dan Pendampingan Hukum", "1.05", Stage.Implementation, "Setda", ["p:kejari"], null,
            Began: 780, StartsAgo: 700, Years: 2, Funding: FundingSource.None);
        yield return new(C, CooperationKind.Ksdpl, "Kerja Sama Kota Kembar Cimahi–Leipzig di Bidang Pengelolaan Sampah dan Energi", "2.11", Stage.LoiSigning, "DLH", ["p:leipzig"], null, Began: 240);
        yield return new(C, CooperationKind.Ksdll, "Bantuan Teknis JICA untuk Pengurangan Kehilangan Air", "1.03", Stage.Verification, "PUPR", ["p:jica"], null, Began: 330, Forwarding: true, Funding: FundingSource.Grant);

        // Kota Bandung
        const string B = "32.73";
        yield return new(B, CooperationKind.KsddSukarela, "Kerja Sama Penyediaan Air Baku dengan Kabupaten Sumedang", "1.03", Stage.Implementation, "PUPR", ["32.11"], 5_000_000_000, Began: 700, StartsAgo: 620, Years: 10);
        yield return new(B, CooperationKind.Ksdpk, "Kerja Sama Kajian Transportasi Massal Bandung Raya dengan ITB", "2.15", Stage.Implementation, "Dishub", ["p:itb"], 1_100_000_000, Began: 400, StartsAgo: 330, Years: 2);
        yield return new(B, CooperationKind.Ksdpk, "Pengelolaan Parkir Elektronik di Kawasan Asia Afrika", "2.15", Stage.DraftingKb, "Dishub", ["p:bdg-parkir"], null, Began: 90, Funding: FundingSource.Partner);
        yield return new(B, CooperationKind.Sinergi, "Nota Kesepakatan Percepatan Pendaftaran Tanah Sistematis Lengkap", "2.10", Stage.Implementation, "Setda", ["p:bdg-bpn"], null, Began: 320, StartsAgo: 250, Years: 2);
        yield return new(B, CooperationKind.Ksdpl, "Kota Kembar Bandung–Braunschweig: Pendidikan Vokasi dan Inovasi", "1.01", Stage.Implementation, "Setda", ["p:braunschweig"], null, Began: 900, StartsAgo: 500, Years: 5);
        yield return new(B, CooperationKind.KsddSukarela, "Kerja Sama Pasokan Beras dengan Kabupaten Cianjur", "2.09", Stage.Ended, "DKPP", ["32.03"], 300_000_000, Began: 300, Budgeted: false, Finish: Finish.DprdRejectEnd);
        yield return new(B, CooperationKind.KsddWajib, "Kerja Sama Pengendalian Banjir Sungai Citarum Hulu", "1.03", Stage.Preparation, "PUPR", ["32.04"], 4_000_000_000, Began: 20);

        // Kabupaten Garut
        const string G = "32.05";
        yield return new(G, CooperationKind.KsddSukarela, "Kerja Sama Promosi Kopi Garut dan Pariwisata dengan Kabupaten Tasikmalaya", "3.26", Stage.Implementation, "Disparbud", ["32.06"], 250_000_000, Began: 360, StartsAgo: 290, Years: 3);
        yield return new(G, CooperationKind.Ksdpk, "Pendampingan Riset Komoditas Kopi dan Hortikultura bersama Universitas Padjadjaran", "3.27", Stage.Implementation, "Distan", ["p:unpad"], 400_000_000, Began: 500, StartsAgo: 430, Years: 3);
        yield return new(G, CooperationKind.Ksdpk, "Kemitraan Pemasaran Kopi Arabika Garut", "3.30", Stage.Offer, "Disdagin", ["p:garut-kopi"], 150_000_000, Began: 30);
        yield return new(G, CooperationKind.Sinergi, "Nota Kesepakatan Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan", "2.07", Stage.Implementation, "Setda", ["p:garut-bpjs"], 1_800_000_000, Began: 300, StartsAgo: 240, Years: 2);
        yield return new(G, CooperationKind.KsddSukarela, "Kerja Sama Pengembangan Agrowisata dengan Kabupaten Cianjur", "3.26", Stage.DraftingKb, "Disparbud", ["32.03"], 100_000_000, Began: 70);
        yield return new(G, CooperationKind.Ksdpk, "Pembangunan Menara Telekomunikasi Bersama di Daerah Tertinggal", "2.16", Stage.Ended, "Diskominfo", ["p:unpad"], null, Began: 200, Finish: Finish.Decline);

        // Kota Kupang
        const string K = "53.71";
        yield return new(K, CooperationKind.KsddWajib, "Kerja Sama Penyediaan Air Bersih Regional Kupang dan Kabupaten Kupang", "1.03", Stage.Implementation, "PUPR", ["53.01"], 7_500_000_000, Began: 800, StartsAgo: 700, Years: 10,
            Budgeted: false, Burdens: true);
        yield return new(K, CooperationKind.Ksdpk, "Kerja Sama Pendidikan Dokter Spesialis dan Penelitian Kesehatan dengan Universitas Nusa Cendana", "1.02", Stage.Implementation, "Dinkes", ["p:undana"], 600_000_000, Began: 450, StartsAgo: 380, Years: 4);
        yield return new(K, CooperationKind.Ksdpk, "Penerangan Jalan Umum Tenaga Surya", "2.15", Stage.DraftingPks, "Dishub", ["p:kupang-pln"], 2_000_000_000, Began: 120);
        yield return new(K, CooperationKind.Ksdpl, "Kerja Sama Kota Kembar Kupang–Darwin di Bidang Pariwisata dan Pendidikan", "3.26", Stage.DraftingRks, "Disparbud", ["p:darwin"], null, Began: 280);
        yield return new(K, CooperationKind.Sinergi, "Nota Kesepakatan Pencegahan dan Pemberantasan Penyalahgunaan Narkoba (P4GN)", "1.05", Stage.Implementation, "Setda", ["p:kupang-bnn"], null, Began: 400, StartsAgo: 340, Years: 3,
            Funding: FundingSource.None);
        yield return new(K, CooperationKind.KsddSukarela, "Kerja Sama Pasokan Sapi dan Sayuran dengan Kabupaten Manggarai", "2.09", Stage.DprdApproval, "DKPP", ["53.10"], 500_000_000, Began: 110, Budgeted: false, Finish: Finish.WaitDprd);

        // Provinsi Sumatera Barat
        const string S = "13";
        yield return new(S, CooperationKind.KsddSukarela, "Kerja Sama Pengembangan Kawasan Wisata Mandeh dengan Kabupaten Padang Pariaman dan Kota Padang", "3.26", Stage.Implementation, "Disparbud", ["13.06", "13.71"], 3_000_000_000,
            Began: 600, StartsAgo: 500, Years: 5);
        yield return new(S, CooperationKind.Ksdpk, "Kerja Sama Penelitian Mitigasi Bencana Gempa dan Tsunami dengan Universitas Andalas", "1.05", Stage.Implementation, "Bappeda", ["p:unand"], 900_000_000, Began: 450, StartsAgo: 380, Years: 3);
        yield return new(S, CooperationKind.Ksdpk, "Layanan Kas Daerah dan Penyaluran Kredit UMKM", "2.17", Stage.Implementation, "Setda", ["p:banknagari"], null, Began: 1130, StartsAgo: 1060, Years: 3, Funding: FundingSource.Partner);
        yield return new(S, CooperationKind.Ksdpl, "Kerja Sama Provinsi Sumatera Barat dan Negeri Sembilan di Bidang Kebudayaan Minangkabau", "2.22", Stage.Implementation, "Disparbud", ["p:negeri-sembilan"], null,
            Began: 1100, StartsAgo: 700, Years: 5);
        yield return new(S, CooperationKind.Ksdll, "Program Energi Terbarukan Perdesaan bersama GIZ", "3.29", Stage.MinisterApproval, "Bappeda", ["p:giz"], null, Began: 520, Funding: FundingSource.Grant);
        yield return new(S, CooperationKind.Sinergi, "Nota Kesepakatan Pengawasan Obat dan Makanan di Sekolah", "1.02", Stage.Offer, "Dinkes", ["p:sumbar-bpom"], null, Began: 15);
        yield return new(S, CooperationKind.Ksdpk, "Pengelolaan Pelabuhan Perikanan Pantai secara Terpadu", "3.25", Stage.Ended, "DKP", ["p:banknagari"], null, Began: 900, StartsAgo: 800, Years: 2, Finish: Finish.Expire);
        yield return new(S, CooperationKind.KsddSukarela, "Kerja Sama Pengembangan Kawasan Perbatasan Sumbar–Riau", "1.03", Stage.Offer, "Bappeda", ["14"], null, Began: 50);

        // Foreign and Sinergi routes at their middle stages.
        yield return new(C, CooperationKind.Ksdpl, "Pertukaran Guru dan Pendidikan Vokasi Cimahi–Leipzig", "1.01", Stage.DraftingNaskah, "Disdik", ["p:leipzig"], null, Began: 420);
        yield return new(B, CooperationKind.Sinergi, "Nota Kesepakatan Layanan Pertanahan di Mal Pelayanan Publik Kota Bandung", "2.10", Stage.SigningNk, "DPMPTSP", ["p:bdg-bpn"], null, Began: 60);
        yield return new(S, CooperationKind.Ksdll, "Pengelolaan Sampah Pesisir bersama GIZ", "2.11", Stage.LoiConsultation, "DLH", ["p:giz"], null, Began: 90, Funding: FundingSource.Grant);
        yield return new(S, CooperationKind.Ksdpl, "Kerja Sama Perdagangan dan Investasi Sumatera Barat–Negeri Sembilan", "2.18", Stage.Signing, "DPMPTSP", ["p:negeri-sembilan"], null, Began: 600);

        // Kabupaten Kutai Kartanegara
        const string U = "64.02";
        yield return new(U, CooperationKind.KsddSukarela, "Kerja Sama Pengelolaan Air Bersih Kawasan Perbatasan Kukar–Samarinda", "1.03", Stage.Implementation, "PUPR", ["64.72"], 2_800_000_000, Began: 420, StartsAgo: 350, Years: 5);
        yield return new(U, CooperationKind.Ksdpk, "Beasiswa Kukar Idaman dan Kelas Khusus bersama Universitas Mulawarman", "1.01", Stage.Implementation, "Disdik", ["p:unmul"], 4_500_000_000, Began: 500, StartsAgo: 420, Years: 3);
        yield return new(U, CooperationKind.Ksdpk, "Program Tanggung Jawab Sosial Perusahaan untuk Desa Pesisir Mahakam", "2.13", Stage.Implementation, "Bappeda", ["p:kukar-pertamina"], null, Began: 300, StartsAgo: 230, Years: 2,
            Funding: FundingSource.Partner);
        yield return new(U, CooperationKind.Ksdpk, "Rehabilitasi Mangrove Delta Mahakam", "2.11", Stage.SigningKb, "DLH", ["p:kukar-ngo"], null, Began: 90, Funding: FundingSource.Grant);
        yield return new(U, CooperationKind.Ksdll, "Dukungan USAID untuk Tata Kelola Pemerintahan Desa", "2.13", Stage.Exploration, "Bappeda", ["p:kukar-usaid"], null, Began: 60, Funding: FundingSource.Grant);
        yield return new(U, CooperationKind.Sinergi, "Nota Kesepakatan Satu Data Kutai Kartanegara", "2.20", Stage.Implementation, "Diskominfo", ["p:kukar-bps"], null, Began: 500, StartsAgo: 440, Years: 2, Funding: FundingSource.None);
        yield return new(U, CooperationKind.Ksdll, "Kemitraan Konservasi Pesut Mahakam", "2.11", Stage.Initiative, "DLH", ["p:kukar-usaid"], null, Began: 10, Funding: FundingSource.Grant);
        yield return new(U, CooperationKind.KsddSukarela, "Kerja Sama Pengembangan Kawasan Industri dengan Kabupaten Kutai Timur", "3.31", Stage.Ended, "DPMPTSP", ["64.08"], null, Began: 800, StartsAgo: 700, Years: 3,
            Finish: Finish.Terminate);
    }

    public static async Task<bool> SeedAsync(Func<JalinDb> newDb, FileStore files, string password, DateOnly today, CancellationToken ct = default)
    {
        await using (var check = newDb())
            if (await check.Agreements.AnyAsync(ct)) return false;

        var clock = new DemoClock(today.AddDays(-1500));
        var officers = new Dictionary<string, CurrentActor>();
        var agencies = new Dictionary<(string, string), Guid>();
        var partners = new Dictionary<string, Guid>();

        // 1. Agencies (OPD) per region.
        await using (var db = newDb())
        {
            db.ActingAs(CurrentActor.System);
            foreach (var (region, list) in Agencies)
            {
                var existing = await db.Agencies.Where(a => a.RegionCode == region).ToListAsync(ct);
                foreach (var (shortName, name) in list)
                {
                    var agency = existing.FirstOrDefault(a => a.Name == name);
                    if (agency is null)
                    {
                        agency = new Agency { RegionCode = region, Name = name, ShortName = shortName, HeadTitle = "Kepala " + name.Split(' ')[0] };
                        db.Agencies.Add(agency);
                    }
                    agencies[(region, shortName)] = agency.Id;
                }
            }
            await db.SaveChangesAsync(ct);
        }

        // 2. Users (officers first: they register partners and agreements).
        var hasher = new PasswordHasher<ApplicationUser>();
        var users = new Dictionary<string, ApplicationUser>();
        await using (var db = newDb())
        {
            db.ActingAs(CurrentActor.System);
            foreach (var account in Accounts.Where(a => a.PartnerName is null))
            {
                var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == account.UserName, ct) ?? NewUser(account, hasher, password, db);
                if (account.AgencyShortName is { } shortName) user.AgencyId = agencies[(account.RegionCode!, shortName)];
                users[account.UserName] = user;
            }
            await db.SaveChangesAsync(ct);
        }
        foreach (var u in users.Values.Where(u => u.Role == Role.CooperationOfficer))
            officers[u.RegionCode!] = u.ToActor();

        // 3. Partners, registered by each region's officer.
        foreach (var (region, seed) in Partners())
        {
            await using var db = newDb();
            var input = new PartnerInput
            {
                Kind = seed.Kind, Name = seed.Name, LegalForm = seed.LegalForm, Nib = seed.Nib, Npwp = seed.Npwp, CountryCode = seed.Country,
                PartnerRegionCode = seed.Kind == PartnerKind.Region ? "32.04" : null, Address = seed.Address,
                Email = seed.Kind.IsForeign() ? null : $"kerjasama@{Slug(seed.Key)}.example.id",
                Contacts = seed.Contact is null ? [] : [new PartnerContact { Name = seed.Contact, Position = "Penghubung (PIC)", Phone = "0812-0000-" + (1000 + partners.Count) }],
                Signatories = seed.Signatory is null ? [] : [new PartnerSignatory { Name = seed.Signatory, Office = seed.SignatoryOffice ?? "Pimpinan", From = today.AddYears(-2) }],
            };
            var saved = await PartnerRegistry.CreateAsync(db, officers[region], input, clock, ct);
            if (!saved.Ok) throw new InvalidOperationException($"Demo partner {seed.Name}: {saved.Error!.Message}");
            partners[seed.Key] = saved.Value!.Partner.Id;
        }

        // 4. The partner's liaison account.
        await using (var db = newDb())
        {
            db.ActingAs(CurrentActor.System);
            foreach (var account in Accounts.Where(a => a.PartnerName is not null))
            {
                var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == account.UserName, ct) ?? NewUser(account, hasher, password, db);
                user.PartnerId = partners["unjani"];
            }
            await db.SaveChangesAsync(ct);
        }

        // 5. Agreements, each walked through the real lifecycle.
        var number = 0;
        foreach (var spec in Specs())
        {
            number++;
            await new Walk(newDb, files, clock, today, officers[spec.Region], spec, number, agencies, partners).RunAsync(ct);
        }

        // 6. Drafts: naskah written in Jalin, edited by the officer and the lead OPD, commented by TKKSD and the partner.
        await using (var db = newDb())
        {
            var people = await db.Users.AsNoTracking().Where(u => u.UserName != null).ToDictionaryAsync(u => u.UserName!, u => u.ToActor(), ct);
            await DemoDrafts.SeedAsync(newDb, files, clock, today, people, ct);
            // 7. Proposals of Cimahi and Garut in every state (issue #10 item 3).
            await DemoProposals.SeedAsync(newDb, files, today, people, agencies, ct);
            // 8. Kota Cimahi's TKKSD, its criteria and two members' assessments (issue #10 item 4).
            await DemoTkksd.SeedAsync(newDb, clock, today, people, ct);
            // B: one offer sent to Kota Cimahi through the partner portal (issue #10 item 6).
            await DemoPortal.SeedAsync(newDb, files, today, ct);
            // 8b. The facilitation desk: Kota Cimahi's requests and a koordinasi teknis at the province (issue #10 item 7).
            await DemoFacilitation.SeedAsync(newDb, files, today, people, ct);
            // 8c. Monitoring: obligations and DLH's quarterly reports on an active Cimahi agreement (issue #11 items 1-2).
            await DemoMonitoring.SeedAsync(newDb, today, people, ct);
            // 8c. Monev: criteria, one finished evaluation, this year's round with two assignments (issue #11 item 3).
            await DemoEvaluation.SeedAsync(newDb, clock, today, people, ct);
            // 8d. Kota Cimahi's annual report of last year, sent to the Gubernur (issue #11 item 7).
            await DemoUpwardReports.SeedAsync(newDb, files, today, people, ct);
            // 8d. Foreign duties: Bandung–Braunschweig's yearly plans and supervisions (issue #11 item 6).
            await DemoForeignDuties.SeedAsync(newDb, files, clock, today, people, ct);
            // 8e. The portal: signed agreements published by their regions, one left unpublished each (issue #12 item 2).
            await DemoPublication.SeedAsync(newDb, today, people, ct);
        }

        // 9. Mapping: potentials and needs, rounds, a reminder (issue #10).
        await DemoMapping.SeedAsync(newDb, today, ct);
        // 9b. Coordination events: Cimahi's sosialisasi KSDD wajib (held) and an upcoming FGD pemetaan (issue #10 item 8).
        await DemoEvents.SeedAsync(newDb, clock, today, ct);
        // 9c. Reminders due today (issue #11 item 4).
        await DemoReminders.SeedAsync(newDb, new DemoClock(today), ct);
        // 9d. Good practices and a published potential on the public catalogue (issue #12 item 1).
        await DemoGoodPractices.SeedAsync(newDb, today, ct);
        // 10. Notifications (last: they come from the walks above): all but the latest few of each user read.
        await DemoNotifications.SeedAsync(newDb, ct);
        // The walks' notifications are history, not news: their e-mail copies are not sent to the demo addresses.
        await using (var db = newDb()) await db.MailOutbox.ExecuteDeleteAsync(ct);
        // 11. The search index, rebuilt whole (issue #12 item 3).
        await using (var db = newDb()) await Search.SearchIndexer.ReindexAllAsync(db, clock, files, ct);
        return true;
    }

    private static ApplicationUser NewUser(DemoAccount account, PasswordHasher<ApplicationUser> hasher, string password, JalinDb db)
    {
        var user = new ApplicationUser
        {
            UserName = account.UserName, NormalizedUserName = account.UserName.ToUpperInvariant(), FullName = account.FullName, Role = account.Role,
            RegionCode = account.RegionCode, Email = $"{account.UserName}@demo.jalin.id", NormalizedEmail = $"{account.UserName}@demo.jalin.id".ToUpperInvariant(),
            EmailConfirmed = true, IsDemo = true, LockoutEnabled = true, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.Users.Add(user);
        return user;
    }

    private static string Slug(string key) => key.Replace(" ", "-").ToLowerInvariant();

    /// <summary>A clock the seeder moves forward, so histories carry believable dates.</summary>
    internal sealed class DemoClock(DateOnly start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = At(start);
        public override DateTimeOffset GetUtcNow() => Now;
        public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(2, 30)), TimeSpan.Zero);
        public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
    }

    private sealed class Walk(Func<JalinDb> newDb, FileStore files, DemoClock clock, DateOnly today, CurrentActor officer, Spec spec, int number,
        Dictionary<(string, string), Guid> agencies, Dictionary<string, Guid> partners)
    {
        private Guid _id;
        private int _stepDays;
        private readonly HashSet<string> _stays = [];

        public async Task RunAsync(CancellationToken ct)
        {
            var began = today.AddDays(-spec.Began);
            clock.Now = DemoClock.At(began);
            var routeLength = spec.Kind is CooperationKind.Ksdpl or CooperationKind.Ksdll ? 14 : spec.Kind == CooperationKind.Sinergi ? 5 : 10;
            var walkDays = spec.Target == Stage.Implementation || spec.Finish is Finish.Expire or Finish.Complete or Finish.Terminate
                ? Math.Max(10, spec.Began - spec.StartsAgo) : spec.Began - 2;
            _stepDays = Math.Max(1, walkDays / (routeLength + 4));
            var signedRoute = spec.Target == Stage.Implementation || spec.Finish is Finish.Expire or Finish.Complete or Finish.Terminate or Finish.Amend;

            var early = new[] { Stage.Preparation, Stage.Offer, Stage.DraftingKb, Stage.SigningKb, Stage.Discussion, Stage.Initiative, Stage.Exploration, Stage.LoiConsultation };
            await RegisterAsync(signedRoute || !early.Contains(spec.Target) && spec.Finish != Finish.Decline, ct);
            var target = spec.Finish switch
            {
                Finish.Expire or Finish.Complete or Finish.Amend => Stage.Implementation,
                Finish.Terminate => Stage.Implementation,
                Finish.Decline => Stage.Offer,
                Finish.DprdRejectEnd => Stage.DprdApproval,
                _ => spec.Target,
            };
            await WalkToAsync(target, ct);
            // A KSDD offer waiting for its answer carries the offer letter the addressed region answers (the answer-offer row requires it).
            if (target == Stage.Offer && spec.Target == Stage.Offer && spec.Kind is CooperationKind.KsddWajib or CooperationKind.KsddSukarela && spec.Finish != Finish.Decline)
                await UploadAsync(DocumentKind.OfferLetter, "Surat penawaran kerja sama", null, null, ct);

            switch (spec.Finish)
            {
                case Finish.WaitDprd:
                    if (clock.Today < today.AddDays(-12)) clock.Now = DemoClock.At(today.AddDays(-12));
                    await ActAsync(ActionCode.RequestDprdApproval, new ActionRequest { Note = "Surat permohonan persetujuan diterima Sekretariat DPRD.", ReceivedOn = clock.Today }, ct);
                    break;
                case Finish.DprdRejectEnd:
                    await ActAsync(ActionCode.RequestDprdApproval, new ActionRequest { Note = "Permohonan persetujuan diajukan.", ReceivedOn = clock.Today }, ct);
                    Advance();
                    await UploadAsync(DocumentKind.DprdDecision, "Keputusan DPRD: tidak menyetujui", null, null, ct);
                    await ActAsync(ActionCode.RecordDprdRejection, new ActionRequest { Decision = "end", Note = "DPRD menilai anggaran belum tersedia pada tahun berjalan." }, ct);
                    break;
                case Finish.Decline:
                    await UploadAsync(DocumentKind.OfferAnswer, "Surat jawaban penawaran (menolak)", null, null, ct);
                    await ActAsync(ActionCode.DeclineOffer, new ActionRequest { Note = "Mitra menyatakan belum dapat bekerja sama tahun ini." }, ct);
                    break;
                case Finish.Amend:
                    Advance(60);
                    var parent = await LastDocumentAsync(DocumentKind.PerjanjianKerjaSama, ct) ?? await LastDocumentAsync(DocumentKind.KesepakatanBersama, ct);
                    await UploadAsync(DocumentKind.Addendum, "Naskah Perubahan Perjanjian Kerja Sama", clock.Today.AddDays(-1), parent, ct);
                    await ApplyAsync(ActionCode.Amend, new ActionRequest { Note = "Perubahan besaran tipping fee dan jadwal pengangkutan." }, ct);
                    await ApplyAsync(ActionCode.AddNote, new ActionRequest { Note = "Catatan internal: tagihan tipping fee triwulan III belum diverifikasi DLH.", Internal = true }, ct);
                    break;
                case Finish.Complete:
                    clock.Now = DemoClock.At(Max(clock.Today, spec.StartsAgo > 0 ? today.AddDays(-spec.StartsAgo).AddYears(spec.Years).AddDays(-20) : today));
                    if (clock.Today > today) clock.Now = DemoClock.At(today.AddDays(-3));
                    await UploadAsync(DocumentKind.ClosingReport, "Laporan akhir pelaksanaan kerja sama", null, null, ct);
                    await ActAsync(ActionCode.Complete, new ActionRequest { Note = "Seluruh kegiatan selesai dan diserahterimakan." }, ct);
                    break;
                case Finish.Terminate:
                    Advance(120);
                    await UploadAsync(DocumentKind.TerminationLetter, "Surat pengakhiran kerja sama", clock.Today.AddDays(-1), null, ct);
                    await ActAsync(ActionCode.Terminate, new ActionRequest { ReasonCode = EndReason.MutualAgreement, Note = "Para pihak sepakat mengakhiri menurut tata cara dalam PKS setelah mitra tidak memenuhi kewajiban meski telah tiga kali ditegur tertulis." }, ct);
                    break;
                case Finish.Expire:
                    var end = today.AddDays(-spec.StartsAgo).AddYears(spec.Years);
                    clock.Now = DemoClock.At(Max(clock.Today, end.AddDays(1)));
                    await ApplyAsync(ActionCode.Expire, new ActionRequest { Note = "Dijalankan otomatis oleh Jalin karena tenggat telah lewat." }, ct, CurrentActor.System);
                    break;
            }
        }

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        private void Advance(int? days = null)
        {
            var next = clock.Now.AddDays(days ?? _stepDays);
            var cap = DemoClock.At(today.AddDays(-1));
            clock.Now = next > cap ? (clock.Now > cap ? clock.Now : cap) : next;
        }

        private async Task RegisterAsync(bool signed, CancellationToken ct)
        {
            var year = today.AddDays(-spec.StartsAgo).Year;
            var others = new List<PartyInput>();
            foreach (var other in spec.Others)
            {
                if (other.StartsWith("p:"))
                    others.Add(new PartyInput { PartnerId = partners[other[2..]], DocumentNumber = signed ? $"{number:000}/PKS/{year}" : null, LeadAgencyName = null });
                else
                    others.Add(new PartyInput
                    {
                        RegionCode = other, DocumentNumber = signed ? $"415.4/{number:000}/Kerjasama/{year}" : null,
                        SignatoryName = null, SignatoryOffice = HeadOffices.GetValueOrDefault(other, "Kepala Daerah"),
                        LeadAgencyName = spec.Lead switch { "DLH" => "Dinas Lingkungan Hidup", "PUPR" => "Dinas Pekerjaan Umum dan Penataan Ruang", "DKPP" or "Distan" => "Dinas Pertanian", _ => "Sekretariat Daerah" },
                    });
            }
            var startsOn = spec.Target == Stage.Implementation || spec.Finish is Finish.Expire or Finish.Complete or Finish.Terminate or Finish.Amend
                ? today.AddDays(-spec.StartsAgo) : (DateOnly?)null;
            var foreign = spec.Kind is CooperationKind.Ksdpl or CooperationKind.Ksdll;
            var years = foreign ? Math.Min(spec.Years, 5) : spec.Years;
            var input = new AgreementInput
            {
                Kind = spec.Kind, Title = spec.Title, Object = spec.Object ?? spec.Title, Scope = "Pertukaran data dan informasi; pelaksanaan kegiatan bersama; pemantauan dan evaluasi.",
                AffairCode = spec.Affair, Value = spec.Value, FundingSource = spec.Funding, BudgetedInApbd = spec.Budgeted, BurdensPublic = spec.Burdens,
                StartsOn = startsOn, EndsOn = startsOn?.AddYears(years).AddDays(-1),
                Initiative = spec.Kind == CooperationKind.Ksdpk ? (number % 3 == 0 ? Initiative.ThirdParty : Initiative.Region) : null,
                KsdpkKind = spec.Kind == CooperationKind.Ksdpk ? KsdpkKind.PublicService : null,
                IsForwarding = spec.Forwarding,
                MappingReference = spec.Kind == CooperationKind.KsddWajib ? $"Pemetaan urusan {today.Year - 2}, butir {number}" : null,
                BorderingConfirmed = spec.Kind == CooperationKind.KsddWajib,
                BorderingNote = spec.Kind == CooperationKind.KsddWajib ? "Wilayah para pihak berbatasan langsung." : null,
                TermBasis = years > 5 && !foreign ? "Pasal 9 ayat (2) Perda tentang Kerja Sama Daerah; jangka waktu sesuai umur ekonomis prasarana." : null,
                LeadAgencyId = agencies.GetValueOrDefault((spec.Region, spec.Lead)) is var lead && lead != Guid.Empty ? lead : null,
                DocumentNumber = signed ? $"119/{number:000}/Bag.KS/{year}" : null,
                SignatoryName = null, SignatoryOffice = HeadOffices.GetValueOrDefault(spec.Region, "Kepala Daerah"),
                Parties = others,
            };
            await using var db = newDb();
            var result = await RegisterAgreement.HandleAsync(db, officer, input, clock, ct);
            if (!result.Ok) throw new InvalidOperationException($"Demo agreement '{spec.Title}': {result.Error!.Message} {Describe(result.Error)}");
            _id = result.Value;
        }

        private static string Describe(Error error) => error is ValidationError v ? string.Join("; ", v.Fields.Select(f => $"{f.Key}: {string.Join(", ", f.Value)}")) : "";

        private async Task WalkToAsync(Stage target, CancellationToken ct)
        {
            for (var step = 0; step < 40; step++)
            {
                IReadOnlyList<ActionOption> options;
                Stage stage;
                await using (var db = newDb())
                {
                    stage = await db.Agreements.Where(a => a.Id == _id).Select(a => a.Stage).FirstAsync(ct);
                    if (stage == target) return;
                    var result = await AvailableActions.HandleAsync(db, officer, _id, clock, ct);
                    options = result.Value!;
                }
                var next = options.FirstOrDefault(o => o.MainPath && !o.SystemOnly && !_stays.Contains(stage + ":" + o.Action))
                    ?? throw new InvalidOperationException($"Demo '{spec.Title}': no forward action at {stage}");
                foreach (var missing in next.Checklist.Where(c => !c.Met))
                    await SatisfyAsync(missing.Code, ct);
                Advance();
                var request = new ActionRequest
                {
                    Decision = next.Decisions.FirstOrDefault()?.Code,
                    Note = NoteFor(next.Action),
                    ReceivedOn = next.NeedsReceivedOn ? clock.Today : null,
                };
                var applied = await ApplyAsync(next.Action, request, ct);
                if (applied.From == applied.To) _stays.Add(stage + ":" + next.Action);
            }
            throw new InvalidOperationException($"Demo '{spec.Title}' did not reach {target}");
        }

        private static readonly Dictionary<ActionCode, string> Notes = new()
        {
            [ActionCode.CompletePreparation] = "KAK dan kajian TKKSD lengkap; usulan disetujui untuk ditawarkan.",
            [ActionCode.AcceptOffer] = "Mitra menyatakan bersedia melalui surat jawaban.",
            [ActionCode.FinalizeKb] = "Rancangan KB telah dibahas bersama para pihak.",
            [ActionCode.RecordKbSigning] = "KB ditandatangani para kepala daerah/pimpinan.",
            [ActionCode.RequestDprdApproval] = "Surat permohonan persetujuan diterima Sekretariat DPRD.",
            [ActionCode.RecordDprdApproval] = "Persetujuan DPRD ditetapkan dalam rapat paripurna.",
            [ActionCode.FinalizePks] = "Rancangan PKS disepakati dalam rapat pembahasan.",
            [ActionCode.RecordPksSigning] = "PKS ditandatangani; kerja sama mulai dilaksanakan.",
            [ActionCode.FinalizeNk] = "Rancangan Nota Kesepakatan disepakati.",
            [ActionCode.RecordNkSigning] = "Nota Kesepakatan ditandatangani.",
            [ActionCode.StartExploration] = "Penjajakan dimulai melalui pertemuan daring.",
            [ActionCode.CompleteStudy] = "Kajian kerja sama luar negeri selesai.",
            [ActionCode.RecordConsultationAnswer] = "Menteri Dalam Negeri menjawab konsultasi.",
            [ActionCode.RecordLoiSigning] = "Pernyataan kehendak (LoI) ditandatangani.",
            [ActionCode.FinalizeRks] = "Rencana Kerja Sama difinalkan.",
            [ActionCode.SendForVerification] = "Dikirim kepada Menteri melalui Gubernur.",
            [ActionCode.RecordMinisterReview] = "Menteri meminta menyusun rancangan naskah.",
            [ActionCode.SubmitNaskah] = "Rancangan naskah diajukan.",
            [ActionCode.RecordConfirmationLetter] = "Surat konfirmasi Kementerian Luar Negeri diterima.",
            [ActionCode.RecordMinisterApproval] = "Persetujuan Menteri Dalam Negeri diterima.",
            [ActionCode.RecordSigning] = "Naskah kerja sama ditandatangani.",
        };

        private static string NoteFor(string action) =>
            ActionCode.TryParse(action, out var code) && Notes.TryGetValue(code, out var note) ? note : "Dicatat oleh Bagian Kerja Sama.";

        /// <summary>Attaches what the action still lacks, then applies it.</summary>
        private async Task<ActionApplied> ActAsync(ActionCode action, ActionRequest request, CancellationToken ct)
        {
            await using (var db = newDb())
            {
                var options = (await AvailableActions.HandleAsync(db, officer, _id, clock, ct)).Value!;
                var option = options.FirstOrDefault(o => action.Is(o.Action));
                if (option is not null)
                    foreach (var missing in option.Checklist.Where(c => !c.Met))
                        await SatisfyAsync(missing.Code, ct);
            }
            return await ApplyAsync(action, request, ct);
        }

        private async Task<ActionApplied> ApplyAsync(string action, ActionRequest request, CancellationToken ct, CurrentActor? actor = null)
        {
            await using var db = newDb();
            var result = await ApplyLifecycleAction.HandleAsync(db, actor ?? officer, _id, action, request, clock, ct);
            if (!result.Ok) throw new InvalidOperationException($"Demo '{spec.Title}' {action}: {result.Error!.Message} {Describe(result.Error)}");
            return result.Value!;
        }

        private async Task SatisfyAsync(string code, CancellationToken ct)
        {
            var signedOn = clock.Today;
            switch (code.Split(':'))
            {
                case ["doc", var kind]:
                    var k = Enum.Parse<DocumentKind>(kind);
                    await UploadAsync(k, k.Label(), null, k == DocumentKind.PerjanjianKerjaSama ? await LastDocumentAsync(DocumentKind.KesepakatanBersama, ct) : null, ct);
                    break;
                case ["signed", var kind]:
                    var s = Enum.Parse<DocumentKind>(kind);
                    await UploadAsync(s, s.Label() + " (ditandatangani)", signedOn, s == DocumentKind.PerjanjianKerjaSama ? await LastDocumentAsync(DocumentKind.KesepakatanBersama, ct) : null, ct);
                    break;
                case ["pks-names-kb"]:
                    await UploadAsync(DocumentKind.PerjanjianKerjaSama, "Rancangan PKS", null, await LastDocumentAsync(DocumentKind.KesepakatanBersama, ct), ct);
                    break;
                case ["nk-work-plan"]:
                    await UploadAsync(DocumentKind.WorkPlanAnnex, "Lampiran Rencana Kerja Nota Kesepakatan", null, null, ct);
                    break;
                case ["power-of-attorney"]:
                    await UploadAsync(DocumentKind.PowerOfAttorney, "Surat kuasa penandatanganan", signedOn, null, ct);
                    break;
                default:
                    throw new InvalidOperationException($"Demo '{spec.Title}': cannot satisfy '{code}'");
            }
        }

        private async Task<Guid?> LastDocumentAsync(DocumentKind kind, CancellationToken ct)
        {
            await using var db = newDb();
            var docs = await db.AgreementDocuments.AsNoTracking().Where(d => d.AgreementId == _id && d.Kind == kind).ToListAsync(ct);
            return docs.OrderBy(d => d.CreatedAt).LastOrDefault()?.Id;
        }

        private async Task UploadAsync(DocumentKind kind, string title, DateOnly? signedOn, Guid? parent, CancellationToken ct)
        {
            var isInternal = kind is DocumentKind.Assessment or DocumentKind.DprdRequest or DocumentKind.DprdDecision or DocumentKind.TermsOfReference or DocumentKind.FeasibilityStudy;
            var request = new AttachDocumentRequest
            {
                Kind = kind, Title = title, ParentDocumentId = parent, SignedOn = signedOn,
                Number = signedOn is null ? null : $"{number:000}/{kind.ToString()[..Math.Min(3, kind.ToString().Length)].ToUpperInvariant()}/{signedOn.Value.Year}",
                Visibility = isInternal ? DocumentVisibility.Internal : DocumentVisibility.Shared,
                Content = Pdf($"{title} - {spec.Title}"), FileName = Slug(kind.ToString()) + ".pdf",
            };
            await using var db = newDb();
            var result = await AttachDocument.HandleAsync(db, files, officer, _id, request, clock, ct);
            if (!result.Ok) throw new InvalidOperationException($"Demo '{spec.Title}' upload {kind}: {result.Error!.Message} {Describe(result.Error)}");
        }
    }

    /// <summary>A small, valid one-page PDF with the document's title.</summary>
    internal static byte[] Pdf(string text)
    {
        var safe = new string(text.Select(c => c < 128 && c != '(' && c != ')' && c != '\\' ? c : '-').ToArray());
        var lines = new List<string>();
        for (var i = 0; i < safe.Length; i += 80) lines.Add(safe.Substring(i, Math.Min(80, safe.Length - i)));
        var content = new StringBuilder("BT /F1 11 Tf 56 780 Td 14 TL\n");
        foreach (var line in lines) content.Append('(').Append(line).Append(") Tj T*\n");
        content.Append("ET");
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
