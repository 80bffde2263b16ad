using Jalin.Core.Identity;

namespace Jalin.Web.Components.Shared;

/// <summary>One point of a role's first-login tour: what the role does, and where (a page of the back office).</summary>
public sealed record TourPoint(string Text, string? Href = null, string? LinkText = null);

/// <summary>What each role does in Jalin now, in 3–5 points (issue #9 item 10). Written against the
/// rules in Core (AgreementAccess, DraftAccess, LifecycleTable, the settings use cases): a point
/// promises only what the role's buttons do today.</summary>
public static class RoleTour
{
    public static IReadOnlyList<TourPoint> For(Role role) => role switch
    {
        Role.CooperationOfficer =>
        [
            new("Daftarkan kerja sama dan pilih jenisnya; Jalin menyusun tahapannya menurut PP 28/2018 dan Permendagri 25/2020.", "/app/kerja-sama/baru", "Pendaftaran kerja sama"),
            new("Di halaman setiap kerja sama, bagian \"Langkah berikutnya\" menunjukkan apa yang masih kurang: dokumen yang perlu dilampirkan, rancangan naskah, dan tahap yang dapat dicatat.", "/app/kerja-sama", "Daftar kerja sama"),
            new("Susun rancangan naskah dari templat daerah, catat paraf dan penandatanganan, lalu terbitkan naskah final."),
            new("Kelola data mitra dan perangkat daerah (OPD) daerah Anda.", "/app/mitra", "Mitra"),
            new("Atur templat naskah, tenggat tahapan dan hari libur daerah.", "/app/pengaturan/naskah", "Pengaturan naskah"),
        ],
        Role.AgencyUser =>
        [
            new("Anda melihat kerja sama yang dipimpin OPD Anda.", "/app/kerja-sama", "Daftar kerja sama"),
            new("Lampirkan dokumen bagian OPD: Kerangka Acuan Kerja (KAK), studi kelayakan, rencana kegiatan tahunan dan laporan akhir."),
            new("Sunting rancangan naskah kerja sama yang dipimpin OPD Anda dan beri komentar per pasal."),
            new("Kerja sama baru didaftarkan dan tahapannya dicatat oleh petugas Bagian Kerja Sama Sekretariat Daerah; hubungi mereka bila kerja sama OPD Anda belum terdaftar."),
        ],
        Role.TeamMember =>
        [
            new("Anda membaca kerja sama daerah Anda, termasuk dokumen internal.", "/app/kerja-sama", "Daftar kerja sama"),
            new("Lampirkan kajian/telaahan TKKSD pada kerja sama daerah Anda."),
            new("Beri komentar per pasal pada rancangan naskah."),
            new("Tambahkan catatan pada riwayat kerja sama; pencatatan tahap dilakukan oleh petugas Bagian Kerja Sama."),
        ],
        Role.Leader =>
        [
            new("Dasbor ini meringkas kerja sama daerah per tahap dan jenis, serta yang berakhir dalam 90 hari."),
            new("Baca setiap kerja sama daerah Anda beserta dokumen dan riwayatnya.", "/app/kerja-sama", "Daftar kerja sama"),
            new("Beri komentar pada rancangan naskah; bila pemeriksaan muatan naskah menahan penerbitan, Anda dapat mengesampingkannya dengan alasan yang dicatat."),
            new("Paraf dan penandatanganan dicatat oleh petugas Bagian Kerja Sama."),
        ],
        Role.DprdViewer =>
        [
            new("Anda melihat kerja sama daerah yang memerlukan DPRD: kerja sama luar negeri, serta kerja sama yang membebani masyarakat atau belum dianggarkan dalam APBD.", "/app/kerja-sama", "Daftar kerja sama"),
            new("Pada tahap persetujuan DPRD, catat persetujuan atau penolakan DPRD dan lampirkan surat keputusan DPRD."),
            new("Tambahkan catatan pada riwayat kerja sama."),
        ],
        Role.Auditor =>
        [
            new("Anda membaca seluruh kerja sama daerah Anda, termasuk dokumen internal; Anda tidak mengubah data.", "/app/kerja-sama", "Daftar kerja sama"),
            new("Riwayat pada setiap kerja sama mencatat siapa melakukan apa dan kapan."),
            new("Jejak audit daerah (berantai dan dapat diperiksa keutuhannya) tersedia melalui API Jalin: /api/v1/audit."),
        ],
        Role.PartnerUser =>
        [
            new("Anda melihat kerja sama yang melibatkan lembaga Anda.", "/app/kerja-sama", "Daftar kerja sama"),
            new("Lampirkan surat jawaban mitra, studi kelayakan atau dokumen lain; yang Anda lampirkan dapat dibaca para pihak."),
            new("Beri komentar per pasal pada rancangan naskah dan tambahkan catatan pada riwayat kerja sama."),
        ],
        Role.SupervisorProvince =>
        [
            new("Anda membaca kerja sama pemerintah provinsi dan kabupaten/kota di provinsi Anda.", "/app/kerja-sama", "Daftar kerja sama"),
            new("Dasbor ini meringkas kerja sama per tahap dan jenis, serta yang berakhir dalam 90 hari."),
            new("Lihat pengaturan tahapan daerah-daerah di provinsi Anda.", "/app/pengaturan/tahapan", "Pengaturan tahapan"),
            new("Alur setiap jenis kerja sama beserta dasar hukumnya.", "/app/alur", "Alur kerja sama"),
        ],
        Role.SupervisorNational =>
        [
            new("Anda membaca kerja sama seluruh daerah.", "/app/kerja-sama", "Daftar kerja sama"),
            new("Dasbor ini meringkas kerja sama per tahap dan jenis, serta yang berakhir dalam 90 hari."),
            new("Alur setiap jenis kerja sama beserta dasar hukumnya.", "/app/alur", "Alur kerja sama"),
        ],
        Role.SystemAdmin =>
        [
            new("Buat dan kelola akun pengguna: peran, daerah, OPD atau mitra, dan status aktif.", "/app/pengguna", "Pengguna"),
            new("Kelola perangkat daerah (OPD) setiap daerah.", "/app/opd", "Perangkat daerah"),
            new("Catat hari libur nasional dan cuti bersama; tenggat tahapan dihitung dengan hari kerja.", "/app/pengaturan/hari-libur", "Hari libur"),
            new("Isi kerja sama tidak ditampilkan untuk administrator sistem; jejak audit tersedia melalui API Jalin: /api/v1/audit."),
        ],
        _ => [],
    };

    /// <summary>What the dashboard says when the role sees no agreement yet: what to do first, or who to ask.</summary>
    public static string NoAgreementsHint(Role role) => role switch
    {
        Role.CooperationOfficer => "Daftarkan kerja sama pertama daerah Anda; Jalin lalu menunjukkan langkah dan dokumen setiap tahapnya.",
        Role.AgencyUser => "Kerja sama tampil di sini bila OPD Anda dicatat sebagai pemimpinnya. Kerja sama didaftarkan oleh petugas Bagian Kerja Sama Sekretariat Daerah; hubungi mereka untuk mendaftarkan atau mengaitkan kerja sama OPD Anda.",
        Role.PartnerUser => "Kerja sama tampil di sini bila lembaga Anda dicatat sebagai pihak. Hubungi petugas Bagian Kerja Sama daerah mitra Anda.",
        Role.DprdViewer => "Di sini tampil kerja sama daerah yang memerlukan DPRD (kerja sama luar negeri, serta yang membebani masyarakat atau belum dianggarkan dalam APBD); saat ini belum ada.",
        Role.SupervisorProvince => "Kerja sama pemerintah daerah di provinsi Anda tampil di sini setelah didaftarkan petugas Bagian Kerja Sama daerah itu.",
        Role.SupervisorNational => "Kerja sama daerah tampil di sini setelah didaftarkan petugas Bagian Kerja Sama daerah.",
        _ => "Kerja sama daerah Anda tampil di sini setelah didaftarkan petugas Bagian Kerja Sama Sekretariat Daerah.",
    };
}
