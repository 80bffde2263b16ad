using Jalin.Core.Agreements;

namespace Jalin.Core.Drafting;

/// <summary>A clause of a template: its muatan, heading and paragraphs with {{fields}}.</summary>
public sealed record TemplateClause(ClauseType? Type, string Heading, IReadOnlyList<string> Paragraphs)
{
    public DraftClause ToDraftClause() => new() { Type = Type, Heading = Heading, Paragraphs = [.. Paragraphs] };
}

/// <summary>A template of one document form: what a draft starts from. <see cref="Kinds"/> empty:
/// any kind of cooperation. Letters have an addressee and a subject; outlines have chapters.</summary>
public sealed record TemplateDefinition(string Code, string Name, DocumentKind Form, TemplateLayout Layout, string FormTitle,
    IReadOnlyList<CooperationKind> Kinds, IReadOnlyList<TemplateClause> Clauses, string? Addressee = null, string? Subject = null)
{
    public bool AppliesTo(CooperationKind kind) => Kinds.Count == 0 || Kinds.Contains(kind);
}

/// <summary>The template set Jalin ships (ISSUE #3 §1). A region edits its own copy
/// (<see cref="RegionTemplate"/>, same <see cref="TemplateDefinition.Code"/>); the set stays in
/// code so a correction of the law reaches every region that has not changed its copy. The
/// muatan table (docs/muatan.md) checks every template in tests. Where the law differs by kind of
/// cooperation a template shared between kinds takes the difference from a field
/// ({{penyelesaian_perselisihan}}, {{pasal_kuasa}}); the PKS has a template per kind.</summary>
public static class DefaultTemplates
{
    private static readonly CooperationKind[] Ksdd = [CooperationKind.KsddWajib, CooperationKind.KsddSukarela];
    private static readonly CooperationKind[] Domestic = [CooperationKind.KsddWajib, CooperationKind.KsddSukarela, CooperationKind.Ksdpk];
    private static readonly CooperationKind[] Foreign = [CooperationKind.Ksdpl, CooperationKind.Ksdll];

    private static TemplateClause C(ClauseType? type, string heading, params string[] paragraphs) => new(type, heading, paragraphs);

    private static TemplateClause Lib(ClauseType type) => ClauseLibrary.Default(type).ToTemplateClause();

    private static TemplateClause Lib(string id) => ClauseLibrary.Find(id)!.ToTemplateClause();

    public static IReadOnlyList<TemplateDefinition> All { get; } =
    [
        new("kb", "Kesepakatan Bersama", DocumentKind.KesepakatanBersama, TemplateLayout.Naskah, "Kesepakatan Bersama", Domestic,
        [
            C(ClauseType.Purpose, "Maksud dan Tujuan",
                "Maksud Kesepakatan Bersama ini adalah sebagai pedoman bagi PARA PIHAK dalam melaksanakan kerja sama {{judul}}.",
                "Tujuan Kesepakatan Bersama ini adalah meningkatkan efektivitas dan efisiensi penyelenggaraan urusan {{urusan}} untuk kesejahteraan masyarakat."),
            C(ClauseType.Scope, "Ruang Lingkup", "Ruang lingkup Kesepakatan Bersama ini meliputi {{ruang_lingkup}}."),
            C(ClauseType.Implementation, "Pelaksanaan",
                "Pelaksanaan Kesepakatan Bersama ini dituangkan lebih lanjut dalam Perjanjian Kerja Sama yang disusun oleh perangkat daerah dan/atau unit kerja PARA PIHAK sesuai dengan kewenangan masing-masing.",
                "Perjanjian Kerja Sama sebagaimana dimaksud pada ayat (1) memuat rincian objek, ruang lingkup, hak dan kewajiban PARA PIHAK, jangka waktu, penyelesaian perselisihan dan ketentuan lain sesuai dengan ketentuan peraturan perundang-undangan."),
            Lib(ClauseType.Financing),
            C(ClauseType.Term, "Jangka Waktu",
                "Kesepakatan Bersama ini berlaku untuk jangka waktu {{jangka_waktu}} terhitung sejak tanggal {{tanggal_mulai}} sampai dengan tanggal {{tanggal_berakhir}}.",
                "Kesepakatan Bersama ini dapat diperpanjang atas persetujuan PARA PIHAK yang disampaikan secara tertulis paling lambat 3 (tiga) bulan sebelum jangka waktu berakhir."),
            Lib(ClauseType.Amendment),
            Lib(ClauseType.ForceMajeure),
            Lib(ClauseType.DisputeResolution),
            Lib(ClauseType.Closing),
        ]),
        new("pks-ksdd", "Perjanjian Kerja Sama antar-Daerah (KSDD)", DocumentKind.PerjanjianKerjaSama, TemplateLayout.Naskah, "Perjanjian Kerja Sama", Ksdd, PksClauses(ksdpk: false)),
        new("pks-ksdpk", "Perjanjian Kerja Sama dengan Pihak Ketiga (KSDPK)", DocumentKind.PerjanjianKerjaSama, TemplateLayout.Naskah, "Perjanjian Kerja Sama",
            [CooperationKind.Ksdpk], PksClauses(ksdpk: true)),
        new("addendum", "Addendum (naskah perubahan)", DocumentKind.Addendum, TemplateLayout.Naskah, "Addendum", [],
        [
            C(ClauseType.Amendment, "Perubahan",
                "PARA PIHAK sepakat mengubah ketentuan {{nomor_kb}} tentang {{judul}} sebagai berikut: …………",
                "Ketentuan lain yang tidak diubah dalam Addendum ini tetap berlaku."),
            C(ClauseType.Term, "Berlakunya Perubahan", "Addendum ini berlaku sejak tanggal ditandatangani dan merupakan bagian yang tidak terpisahkan dari naskah yang diubahnya."),
            Lib(ClauseType.Closing),
        ]),
        new("nk", "Nota Kesepakatan (Sinergi)", DocumentKind.NotaKesepakatan, TemplateLayout.Naskah, "Nota Kesepakatan", [CooperationKind.Sinergi],
        [
            C(ClauseType.LegalBasis, "Dasar Hukum",
                "Nota Kesepakatan ini disusun berdasarkan Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah dan Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah, khususnya Pasal 46."),
            C(ClauseType.Purpose, "Maksud dan Tujuan",
                "Nota Kesepakatan ini dimaksudkan untuk menyinergikan program {{judul}} antara PARA PIHAK.",
                "Tujuan Nota Kesepakatan ini adalah tercapainya sasaran pembangunan nasional dan daerah di bidang {{urusan}}."),
            C(ClauseType.Scope, "Ruang Lingkup", "Ruang lingkup Nota Kesepakatan ini meliputi {{ruang_lingkup}}."),
            C(ClauseType.Implementation, "Pelaksanaan", "Pelaksanaan Nota Kesepakatan ini dikoordinasikan oleh {{opd_pelaksana}} bersama unit kerja PIHAK KEDUA."),
            C(ClauseType.WorkPlanAnnex, "Rencana Kerja",
                "PARA PIHAK melaksanakan Nota Kesepakatan ini berdasarkan rencana kerja berikut:\na. kegiatan: {{ruang_lingkup}};\nb. lokasi: …………;\nc. jadwal: {{jangka_waktu}} sejak tanggal {{tanggal_mulai}};\nd. peran dan pendanaan PIHAK KESATU: …………;\ne. peran dan pendanaan PIHAK KEDUA: …………",
                "Rencana kerja sebagaimana dimaksud pada ayat (1) dapat dirinci lebih lanjut dalam rencana kegiatan tahunan yang disepakati PARA PIHAK."),
            C(ClauseType.Financing, "Pendanaan",
                "Pendanaan pelaksanaan Nota Kesepakatan ini dibebankan pada anggaran masing-masing PARA PIHAK sesuai dengan Pasal 46 ayat (3) Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah.",
                "Nota Kesepakatan ini tidak merupakan pemberian bantuan dana atau bantuan keuangan."),
            C(ClauseType.Term, "Jangka Waktu", "Nota Kesepakatan ini berlaku untuk jangka waktu {{jangka_waktu}} sejak tanggal {{tanggal_mulai}} sampai dengan tanggal {{tanggal_berakhir}}."),
            Lib(ClauseType.Amendment),
            Lib(ClauseType.DisputeResolution),
            Lib(ClauseType.Closing),
        ]),
        new("loi", "Pernyataan Kehendak (Letter of Intent)", DocumentKind.PernyataanKehendak, TemplateLayout.Naskah, "Pernyataan Kehendak", Foreign,
        [
            C(ClauseType.Purpose, "Maksud", "PARA PIHAK menyatakan kehendak untuk menjajaki kerja sama {{judul}}."),
            C(ClauseType.Scope, "Bidang Kerja Sama", "Bidang kerja sama yang dijajaki meliputi {{ruang_lingkup}}."),
            C(ClauseType.Term, "Masa Berlaku",
                "Pernyataan Kehendak ini berlaku paling lama 1 (satu) tahun sejak tanggal ditandatangani.",
                "Pernyataan Kehendak ini tidak menimbulkan kewajiban hukum maupun keuangan bagi PARA PIHAK."),
            Lib(ClauseType.Closing),
        ]),
        new("rks", "Rencana Kerja Sama (RKS)", DocumentKind.RencanaKerjaSama, TemplateLayout.Outline, "Rencana Kerja Sama", Foreign,
        [
            // PP 28/2018 Pasal 30 ayat (3) a–g, in its order.
            C(ClauseType.Parties, "Subjek Kerja Sama", "{{para_pihak}}.", "Perangkat daerah pelaksana: {{opd_pelaksana}}."),
            C(ClauseType.Background, "Latar Belakang", "{{pemerintah_daerah}} memandang perlu kerja sama {{judul}} karena …………"),
            C(ClauseType.Purpose, "Maksud, Tujuan dan Sasaran", "Kerja sama {{judul}} dimaksudkan untuk …………", "Tujuan kerja sama adalah …………", "Sasaran kerja sama adalah …………"),
            C(ClauseType.Object, "Objek Kerja Sama", "{{objek}}."),
            C(ClauseType.Scope, "Ruang Lingkup Kerja Sama", "{{ruang_lingkup}}."),
            C(ClauseType.Implementation, "Program dan Kegiatan", "Program, kegiatan, keluaran dan jadwal pelaksanaan: …………"),
            C(ClauseType.Financing, "Sumber Pembiayaan", "Perkiraan biaya sebesar {{nilai}} bersumber dari {{sumber_dana}}, dengan rincian jumlah per kegiatan: …………"),
            C(ClauseType.Term, "Jangka Waktu Pelaksanaan", "Kerja sama direncanakan berlangsung selama {{jangka_waktu}}, paling lama 5 (lima) tahun, dengan jadwal per kegiatan: …………"),
        ]),
        new("naskah-ln", "Naskah Kerja Sama luar negeri", DocumentKind.NaskahLuarNegeri, TemplateLayout.Naskah, "Naskah Kerja Sama", Foreign,
        [
            C(ClauseType.Purpose, "Maksud dan Tujuan", "Naskah Kerja Sama ini bertujuan mengembangkan kerja sama {{judul}} atas dasar kesetaraan dan saling menguntungkan."),
            C(ClauseType.Scope, "Ruang Lingkup", "Ruang lingkup kerja sama meliputi {{ruang_lingkup}}."),
            C(ClauseType.Implementation, "Pelaksanaan", "PARA PIHAK melaksanakan kerja sama ini sesuai dengan peraturan perundang-undangan masing-masing negara."),
            Lib(ClauseType.Financing),
            Lib(ClauseType.JointWorkingGroup),
            Lib("sengketa-luar-negeri"),
            Lib(ClauseType.Amendment),
            C(ClauseType.Term, "Jangka Waktu",
                "Naskah Kerja Sama ini berlaku untuk jangka waktu {{jangka_waktu}} sejak tanggal ditandatangani dan paling lama 5 (lima) tahun.",
                "Naskah Kerja Sama ini dapat diperpanjang atas kesepakatan PARA PIHAK dengan persetujuan Menteri."),
            Lib("aset-luar-negeri"),
            Lib("pengakhiran-luar-negeri"),
            Lib(ClauseType.Closing),
        ]),
        new("surat-penawaran", "Surat penawaran kerja sama", DocumentKind.OfferLetter, TemplateLayout.Letter, "", Domestic,
        [
            C(null, "", "Dalam rangka meningkatkan penyelenggaraan urusan {{urusan}}, {{pemerintah_daerah}} bermaksud mengadakan kerja sama {{judul}} dengan {{pihak_kedua}}.",
                "Objek kerja sama yang kami tawarkan adalah {{objek}}, dengan ruang lingkup {{ruang_lingkup}}.",
                "Sehubungan dengan hal tersebut, kami mengharapkan jawaban atas penawaran ini. Bahan kajian dan rancangan kerangka acuan kerja terlampir.",
                "Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima kasih."),
        ], Addressee: "Pimpinan {{pihak_kedua}}", Subject: "Penawaran Kerja Sama {{judul}}"),
        new("surat-dprd", "Surat permohonan persetujuan DPRD", DocumentKind.DprdRequest, TemplateLayout.Letter, "", Domestic,
        [
            C(null, "", "Berdasarkan Pasal 6 ayat (2) Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah, kerja sama yang membebani masyarakat dan Daerah atau belum dianggarkan dalam APBD tahun anggaran berjalan memerlukan persetujuan DPRD.",
                "Bersama ini kami sampaikan permohonan persetujuan atas rencana kerja sama {{judul}} antara {{para_pihak}}, dengan objek {{objek}}, jangka waktu {{jangka_waktu}} dan perkiraan nilai {{nilai}} yang bersumber dari {{sumber_dana}}.",
                "Sebagai bahan pertimbangan, terlampir Kesepakatan Bersama nomor {{nomor_kb}}, rancangan Perjanjian Kerja Sama dan kajian Tim Koordinasi Kerja Sama Daerah.",
                "Demikian permohonan ini kami sampaikan, atas perhatian dan persetujuannya diucapkan terima kasih."),
        ], Addressee: "Pimpinan Dewan Perwakilan Rakyat Daerah {{daerah}}", Subject: "Permohonan Persetujuan Kerja Sama {{judul}}"),
        new("surat-kuasa", "Surat kuasa penandatanganan", DocumentKind.PowerOfAttorney, TemplateLayout.Letter, "Surat Kuasa", Domestic,
        [
            C(null, "",
                "Yang bertanda tangan di bawah ini, {{kepala_daerah}}, dalam hal ini bertindak untuk dan atas nama {{pemerintah_daerah}}, selanjutnya disebut PEMBERI KUASA,",
                "dengan ini memberi kuasa kepada {{penanda_tangan_kesatu}}, {{jabatan_kesatu}}, selanjutnya disebut PENERIMA KUASA,",
                "untuk menandatangani Perjanjian Kerja Sama {{judul}} dengan {{pihak_kedua}} serta melakukan segala tindakan yang diperlukan untuk itu sesuai dengan {{pasal_kuasa}} Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah.",
                "Surat kuasa ini berlaku sejak tanggal ditetapkan sampai dengan Perjanjian Kerja Sama ditandatangani, dan tidak dapat dilimpahkan kepada pihak lain."),
        ]),
        new("kak", "Kerangka Acuan Kerja (KAK)", DocumentKind.TermsOfReference, TemplateLayout.Outline, "Kerangka Acuan Kerja", [],
        [
            C(null, "Latar Belakang", "{{pemerintah_daerah}} memandang perlu kerja sama {{judul}} karena …………"),
            C(null, "Maksud dan Tujuan", "Maksud kegiatan ini adalah …………", "Tujuan kegiatan ini adalah …………"),
            C(null, "Sasaran dan Ruang Lingkup", "Objek: {{objek}}.", "Ruang lingkup: {{ruang_lingkup}}."),
            C(null, "Keluaran dan Manfaat", "Keluaran yang diharapkan: …………", "Manfaat bagi masyarakat: …………"),
            C(null, "Jadwal dan Tempat Pelaksanaan", "Kegiatan dilaksanakan selama {{jangka_waktu}} mulai {{tanggal_mulai}}."),
            C(null, "Pelaksana", "Perangkat daerah pelaksana: {{opd_pelaksana}}."),
            C(null, "Pembiayaan", "Perkiraan biaya {{nilai}} bersumber dari {{sumber_dana}}."),
            C(null, "Penutup", "Kerangka acuan kerja ini menjadi pedoman pelaksanaan kegiatan."),
        ]),
        new("studi-kelayakan", "Studi kelayakan (kerangka)", DocumentKind.FeasibilityStudy, TemplateLayout.Outline, "Studi Kelayakan", [CooperationKind.Ksdpk],
        [
            C(null, "Pendahuluan", "Latar belakang, maksud, tujuan dan ruang lingkup studi kelayakan kerja sama {{judul}}."),
            C(null, "Gambaran Umum Objek Kerja Sama", "{{objek}}."),
            C(null, "Aspek Teknis", "Kebutuhan teknis, lokasi, teknologi dan kapasitas: …………"),
            C(null, "Aspek Ekonomi dan Keuangan", "Perkiraan nilai investasi {{nilai}}, sumber pembiayaan {{sumber_dana}}, analisis manfaat dan biaya: …………"),
            C(null, "Aspek Hukum dan Kelembagaan", "Kewenangan Daerah atas urusan {{urusan}} dan bentuk kelembagaan kerja sama: …………"),
            C(null, "Aspek Sosial dan Lingkungan", "Dampak terhadap masyarakat dan lingkungan hidup: …………"),
            C(null, "Analisis Risiko", "Risiko, pihak yang menanggung dan mitigasinya: …………"),
            C(null, "Kesimpulan dan Rekomendasi", "Berdasarkan analisis di atas, kerja sama ini dinyatakan …………"),
        ]),
    ];

    /// <summary>The PKS: for KSDPK with the minimums of PP 28/2018 Pasal 19 ayat (2) (sanksi among
    /// them), the disputes of Pasal 21, the end of Pasal 9 and 22 and the proceeds of Pasal 20; for
    /// KSDD the disputes of Pasal 8 and the end of Pasal 9.</summary>
    private static List<TemplateClause> PksClauses(bool ksdpk)
    {
        List<TemplateClause> list =
        [
            C(ClauseType.LegalBasis, "Dasar Hukum",
                "Perjanjian Kerja Sama ini disusun berdasarkan Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah, dan Kesepakatan Bersama nomor {{nomor_kb}}."),
            C(ClauseType.Purpose, "Maksud dan Tujuan",
                "Maksud Perjanjian Kerja Sama ini adalah melaksanakan Kesepakatan Bersama nomor {{nomor_kb}} tentang {{judul}}.",
                "Tujuan Perjanjian Kerja Sama ini adalah terselenggaranya {{objek}} secara efektif dan efisien."),
            C(ClauseType.Object, "Objek", "Objek Perjanjian Kerja Sama ini adalah {{objek}}."),
            C(ClauseType.Scope, "Ruang Lingkup", "Ruang lingkup Perjanjian Kerja Sama ini meliputi {{ruang_lingkup}}."),
            C(ClauseType.Implementation, "Pelaksanaan",
                "Pelaksanaan Perjanjian Kerja Sama ini dilakukan oleh {{opd_pelaksana}} untuk PIHAK KESATU dan unit kerja yang ditunjuk oleh PIHAK KEDUA.",
                "PARA PIHAK menyusun rencana kegiatan tahunan sebagai pedoman pelaksanaan."),
            Lib(ClauseType.RightsAndObligations),
            Lib(ClauseType.Financing),
            C(ClauseType.Term, "Jangka Waktu",
                "Perjanjian Kerja Sama ini berlaku untuk jangka waktu {{jangka_waktu}} terhitung sejak tanggal {{tanggal_mulai}} sampai dengan tanggal {{tanggal_berakhir}}.",
                "Perjanjian Kerja Sama ini dapat diperpanjang berdasarkan hasil evaluasi dan kesepakatan PARA PIHAK."),
            Lib(ClauseType.Monitoring),
            Lib(ksdpk ? "aset-ksdpk" : "aset"),
            Lib(ClauseType.Amendment),
            Lib(ClauseType.ForceMajeure),
        ];
        if (ksdpk) list.Add(Lib(ClauseType.Sanctions));
        list.AddRange([Lib(ksdpk ? "sengketa-musyawarah-pn" : "sengketa-daerah"), Lib(ksdpk ? "pengakhiran-ksdpk" : "pengakhiran"),
            Lib(ClauseType.Correspondence), Lib(ClauseType.Closing)]);
        return list;
    }

    public static TemplateDefinition? Find(string code) => All.FirstOrDefault(t => t.Code == code);
}

/// <summary>A reusable clause wording marked with the muatan (<see cref="ClauseType"/>) it satisfies.</summary>
public sealed record ClauseWording(string Id, ClauseType Type, string Name, string Heading, IReadOnlyList<string> Paragraphs)
{
    public TemplateClause ToTemplateClause() => new(Type, Heading, Paragraphs);
}

/// <summary>The clause library Jalin ships: for each muatan one or more wordings. A region adds its
/// own (<see cref="LibraryClause"/>).</summary>
public static class ClauseLibrary
{
    private static ClauseWording W(string id, ClauseType type, string name, string heading, params string[] paragraphs) => new(id, type, name, heading, paragraphs);

    public static IReadOnlyList<ClauseWording> All { get; } =
    [
        W("hak-kewajiban-umum", ClauseType.RightsAndObligations, "Hak dan kewajiban timbal balik", "Hak dan Kewajiban",
            "PIHAK KESATU berhak memperoleh manfaat dan laporan pelaksanaan kerja sama, dan berkewajiban menyediakan data, perizinan dan dukungan sesuai kewenangannya.",
            "PIHAK KEDUA berhak memperoleh dukungan dan kemudahan sesuai peraturan perundang-undangan, dan berkewajiban melaksanakan kegiatan sesuai ruang lingkup serta menyampaikan laporan berkala.",
            "PARA PIHAK wajib menjaga kerahasiaan data dan informasi yang diperoleh dalam pelaksanaan kerja sama ini."),
        W("hak-kewajiban-rinci", ClauseType.RightsAndObligations, "Hak dan kewajiban dirinci per pihak", "Hak dan Kewajiban",
            "Hak PIHAK KESATU: a. menerima hasil kegiatan sesuai rencana; b. melakukan pemantauan dan evaluasi; c. memperoleh laporan triwulanan.",
            "Kewajiban PIHAK KESATU: a. menyediakan data dan informasi; b. memfasilitasi perizinan; c. menunjuk pejabat penghubung.",
            "Hak PIHAK KEDUA: a. memperoleh data dan informasi yang diperlukan; b. memperoleh fasilitasi perizinan sesuai ketentuan.",
            "Kewajiban PIHAK KEDUA: a. melaksanakan kegiatan sesuai ruang lingkup dan jadwal; b. menanggung biaya yang menjadi bagiannya; c. menyampaikan laporan triwulanan dan laporan akhir."),
        W("pembiayaan-bersama", ClauseType.Financing, "Biaya ditanggung sesuai bagian masing-masing", "Pembiayaan",
            "Biaya pelaksanaan kerja sama ini sebesar {{nilai}} bersumber dari {{sumber_dana}}.",
            "Biaya yang menjadi bagian PIHAK KESATU dibebankan pada Anggaran Pendapatan dan Belanja Daerah sesuai ketentuan peraturan perundang-undangan."),
        W("pembiayaan-mitra", ClauseType.Financing, "Seluruh biaya ditanggung mitra", "Pembiayaan",
            "Seluruh biaya pelaksanaan kerja sama ini ditanggung oleh PIHAK KEDUA dan tidak membebani Anggaran Pendapatan dan Belanja Daerah."),
        W("jangka-waktu", ClauseType.Term, "Jangka waktu dengan perpanjangan", "Jangka Waktu",
            "Kerja sama ini berlaku untuk jangka waktu {{jangka_waktu}} terhitung sejak tanggal {{tanggal_mulai}} sampai dengan tanggal {{tanggal_berakhir}}.",
            "Kerja sama ini dapat diperpanjang atas kesepakatan PARA PIHAK berdasarkan hasil evaluasi."),
        W("monev", ClauseType.Monitoring, "Pemantauan, evaluasi dan pelaporan berkala", "Pemantauan, Evaluasi dan Pelaporan",
            "PARA PIHAK melakukan pemantauan dan evaluasi pelaksanaan kerja sama paling sedikit 1 (satu) kali dalam 1 (satu) tahun.",
            "Hasil pelaksanaan kerja sama dilaporkan kepada kepala daerah dan disampaikan kepada Menteri Dalam Negeri melalui Gubernur sesuai ketentuan peraturan perundang-undangan."),
        W("aset", ClauseType.AssetsAfterEnd, "Status aset setelah kerja sama berakhir (antar-Daerah)", "Status Aset",
            "Barang milik daerah yang digunakan dalam pelaksanaan kerja sama ini tetap menjadi milik Daerah yang menyediakannya.",
            "Aset yang diperoleh dari pelaksanaan kerja sama ini, setelah kerja sama berakhir, menjadi milik Daerah yang membiayainya, atau dibagi menurut besaran kontribusi masing-masing apabila dibiayai bersama, kecuali disepakati lain secara tertulis, dan dicatat sesuai dengan ketentuan peraturan perundang-undangan mengenai barang milik daerah."),
        W("aset-ksdpk", ClauseType.AssetsAfterEnd, "KSDPK: hasil kerja sama ke kas daerah dan aset daerah (PP 28/2018 Pasal 20)", "Status Aset dan Hasil Kerja Sama",
            "Barang milik daerah yang digunakan dalam pelaksanaan kerja sama ini tetap menjadi milik PIHAK KESATU.",
            "Hasil kerja sama yang menjadi hak Daerah berupa uang disetorkan ke kas daerah sebagai pendapatan daerah, dan yang berupa barang dicatat sebagai aset Pemerintah Daerah, sesuai dengan Pasal 20 Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah.",
            "Barang lain yang diperoleh dari pelaksanaan kerja sama ini, setelah kerja sama berakhir, menjadi milik pihak yang membiayainya kecuali disepakati lain secara tertulis."),
        W("aset-luar-negeri", ClauseType.AssetsAfterEnd, "Luar negeri: kepemilikan barang hasil kerja sama (PP 28/2018 Pasal 26 ayat (2))", "Status Aset",
            "Barang yang dihasilkan dari pelaksanaan kerja sama ini menjadi milik pihak yang membiayainya, kecuali PARA PIHAK menyepakati lain secara tertulis.",
            "Apabila kepemilikan barang hasil kerja sama belum ditegaskan dalam Naskah Kerja Sama ini, PIHAK KESATU berkoordinasi dengan Menteri Dalam Negeri Republik Indonesia untuk penyelesaian kepemilikan barang tersebut sesuai dengan ketentuan peraturan perundang-undangan."),
        W("perubahan", ClauseType.Amendment, "Perubahan dengan addendum", "Perubahan",
            "Hal-hal yang belum diatur atau perubahan atas naskah ini diatur kemudian berdasarkan kesepakatan PARA PIHAK yang dituangkan dalam addendum.",
            "Addendum sebagaimana dimaksud pada ayat (1) merupakan bagian yang tidak terpisahkan dari naskah ini."),
        W("kahar", ClauseType.ForceMajeure, "Keadaan kahar dengan pemberitahuan 14 hari", "Keadaan Kahar",
            "Keadaan kahar adalah keadaan di luar kemampuan PARA PIHAK, antara lain bencana alam, wabah, kerusuhan, perang, dan kebijakan pemerintah yang secara langsung menghambat pelaksanaan kerja sama.",
            "Pihak yang mengalami keadaan kahar memberitahukan secara tertulis kepada pihak lainnya paling lambat 14 (empat belas) hari sejak terjadinya keadaan kahar.",
            "PARA PIHAK tidak dapat dituntut atas keterlambatan atau kegagalan pelaksanaan kewajiban yang disebabkan keadaan kahar."),
        W("sengketa-menurut-jenis", ClauseType.DisputeResolution, "Musyawarah, lalu jalur menurut jenis kerja sama (PP 28/2018 Pasal 8, 21, 34 atau 41)", "Penyelesaian Perselisihan",
            "Perselisihan yang timbul dalam pelaksanaan kerja sama ini diselesaikan terlebih dahulu secara musyawarah untuk mufakat oleh PARA PIHAK.",
            "{{penyelesaian_perselisihan}}"),
        W("sengketa-daerah", ClauseType.DisputeResolution, "KSDD: musyawarah, lalu gubernur atau Menteri (PP 28/2018 Pasal 8; UU 23/2014 Pasal 370)", "Penyelesaian Perselisihan",
            "Perselisihan yang timbul dalam pelaksanaan kerja sama ini diselesaikan terlebih dahulu secara musyawarah untuk mufakat oleh PARA PIHAK.",
            DraftFields.KsddDisputeRoute,
            DraftFields.KsddDisputeFinal),
        W("sengketa-musyawarah-pn", ClauseType.DisputeResolution, "KSDPK: musyawarah, lalu Pengadilan Negeri (PP 28/2018 Pasal 21)", "Penyelesaian Perselisihan",
            "Perselisihan yang timbul dalam pelaksanaan kerja sama ini diselesaikan dengan mengutamakan musyawarah untuk mufakat, sesuai dengan Pasal 21 Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah.",
            "Apabila musyawarah tidak mencapai mufakat dalam waktu 30 (tiga puluh) hari, PARA PIHAK sepakat menyelesaikannya melalui Pengadilan Negeri di wilayah hukum PIHAK KESATU."),
        W("sengketa-arbitrase", ClauseType.DisputeResolution, "KSDPK: musyawarah, lalu arbitrase BANI (PP 28/2018 Pasal 21)", "Penyelesaian Perselisihan",
            "Perselisihan yang timbul dalam pelaksanaan kerja sama ini diselesaikan dengan mengutamakan musyawarah untuk mufakat, sesuai dengan Pasal 21 Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah.",
            "Apabila tidak tercapai mufakat, PARA PIHAK sepakat menyelesaikan perselisihan melalui Badan Arbitrase Nasional Indonesia, yang putusannya final dan mengikat."),
        W("sengketa-luar-negeri", ClauseType.DisputeResolution,
            "Luar negeri: negosiasi dan konsultasi, lalu konsultasi dengan Menteri (PP 28/2018 Pasal 34 dan 41; Permendagri 25/2020 Pasal 40–41)", "Penyelesaian Perselisihan",
            "Perselisihan yang timbul dari penafsiran atau pelaksanaan Naskah Kerja Sama ini diselesaikan secara damai melalui negosiasi dan konsultasi antara PARA PIHAK.",
            "Apabila negosiasi dan konsultasi tidak menghasilkan penyelesaian, PIHAK KESATU berkonsultasi dengan Menteri Dalam Negeri Republik Indonesia."),
        W("sanksi", ClauseType.Sanctions, "Sanksi bertahap", "Sanksi",
            "Pihak yang tidak melaksanakan kewajiban dikenai teguran tertulis paling banyak 2 (dua) kali dengan tenggang waktu masing-masing 14 (empat belas) hari.",
            "Apabila setelah teguran kedua kewajiban tetap tidak dilaksanakan, pihak yang dirugikan dapat mengakhiri kerja sama dan menuntut ganti rugi sesuai ketentuan peraturan perundang-undangan."),
        W("pengakhiran", ClauseType.Termination, "KSDD: pengakhiran menurut PP 28/2018 Pasal 9", "Pengakhiran",
            "Sesuai dengan Pasal 9 ayat (1) Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah, kerja sama ini berakhir karena: " + EndReasons + ".",
            ChangeOfHead,
            EarlyEndNotice,
            "Pengakhiran kerja sama tidak menghapus hak dan kewajiban yang telah timbul sebelumnya."),
        W("pengakhiran-ksdpk", ClauseType.Termination, "KSDPK: pengakhiran menurut PP 28/2018 Pasal 9 dan Pasal 22", "Pengakhiran",
            "Sesuai dengan Pasal 9 ayat (1) dan Pasal 22 Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah, kerja sama ini berakhir karena: " + EndReasons.Replace("; dan/atau e.", "; e.", StringComparison.Ordinal)
                + "; f. putusan pengadilan yang telah memperoleh kekuatan hukum tetap; dan/atau g. pihak ketiga dalam kerja sama ini dinyatakan pailit sesuai dengan ketentuan peraturan perundang-undangan.",
            ChangeOfHead,
            EarlyEndNotice,
            "Pengakhiran kerja sama tidak menghapus hak dan kewajiban yang telah timbul sebelumnya."),
        W("pengakhiran-luar-negeri", ClauseType.Termination, "Luar negeri: pengakhiran menurut Permendagri 25/2020 Pasal 34", "Pengakhiran",
            "Naskah Kerja Sama ini berakhir apabila: a. PARA PIHAK sepakat untuk mengakhirinya sesuai dengan tata cara sebagaimana dimaksud pada ayat (2); b. tujuan kerja sama telah tercapai; c. Naskah Kerja Sama ini diganti dengan perjanjian kerja sama yang baru; atau d. jangka waktunya berakhir.",
            "Pihak yang bermaksud mengakhiri Naskah Kerja Sama ini sebelum jangka waktunya berakhir menyampaikan maksud tersebut secara tertulis kepada pihak lainnya paling lambat 6 (enam) bulan sebelumnya, dan pengakhiran berlaku setelah disepakati PARA PIHAK secara tertulis.",
            "Pengakhiran Naskah Kerja Sama ini tidak mempengaruhi penyelesaian kegiatan yang sedang berjalan, kecuali PARA PIHAK menyepakati lain."),
        W("korespondensi", ClauseType.Correspondence, "Alamat korespondensi", "Korespondensi",
            "Setiap pemberitahuan dalam rangka kerja sama ini dibuat secara tertulis dan disampaikan ke alamat PARA PIHAK sebagaimana tercantum pada kop surat masing-masing.",
            "Perubahan alamat diberitahukan secara tertulis paling lambat 7 (tujuh) hari sejak perubahan."),
        W("pokja", ClauseType.JointWorkingGroup, "Kelompok kerja bersama", "Kelompok Kerja Bersama",
            "PARA PIHAK membentuk kelompok kerja bersama untuk merencanakan, mengoordinasikan dan mengevaluasi pelaksanaan kerja sama.",
            "Kelompok kerja bersama bertemu paling sedikit 1 (satu) kali dalam 1 (satu) tahun."),
        W("penutup", ClauseType.Closing, "Penutup", "Penutup",
            "Naskah ini mulai berlaku sejak tanggal ditandatangani oleh PARA PIHAK.",
            "Hal-hal yang belum diatur dalam naskah ini akan diatur kemudian berdasarkan kesepakatan PARA PIHAK."),
    ];

    /// <summary>PP 28/2018 Pasal 9 ayat (1) a–e (KSDD; for KSDPK through Pasal 22 ayat (1)).</summary>
    private const string EndReasons =
        "a. berakhirnya jangka waktu kerja sama; b. tujuan kerja sama telah tercapai; c. terdapat kesepakatan PARA PIHAK untuk mengakhiri kerja sama; d. terjadi perubahan kebijakan berdasarkan ketentuan peraturan perundang-undangan yang mengakibatkan kerja sama tidak dapat dilaksanakan; dan/atau e. objek kerja sama hilang atau musnah";

    /// <summary>PP 28/2018 Pasal 9 ayat (2) and its penjelasan.</summary>
    private const string ChangeOfHead =
        "Kerja sama ini tidak berakhir meskipun terjadi pergantian kepemimpinan di Daerah yang bekerja sama, kecuali berdasarkan ketentuan sebagaimana dimaksud pada ayat (1) sesuai dengan Pasal 9 ayat (2) Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah.";

    /// <summary>How the parties agree to end early (ayat (1) huruf c): contract practice, not the PP.</summary>
    private const string EarlyEndNotice =
        "Pihak yang mengusulkan pengakhiran kerja sama berdasarkan kesepakatan sebagaimana dimaksud pada ayat (1) huruf c menyampaikannya secara tertulis kepada pihak lainnya paling lambat 3 (tiga) bulan sebelumnya.";

    /// <summary>The first (default) wording of a muatan.</summary>
    public static ClauseWording Default(ClauseType type) => All.First(w => w.Type == type);

    public static ClauseWording? Find(string id) => All.FirstOrDefault(w => w.Id == id);
}
