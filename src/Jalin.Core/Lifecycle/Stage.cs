namespace Jalin.Core.Lifecycle;

/// <summary>Tahapan. Codes are the API's (LIFECYCLE.md); labels are the UI's.</summary>
public enum Stage
{
    Preparation,
    Offer,
    DraftingKb,
    SigningKb,
    DprdApproval,
    DraftingPks,
    SigningPks,
    Discussion,
    SigningNk,
    Initiative,
    Exploration,
    LoiConsultation,
    LoiSigning,
    DraftingRks,
    Verification,
    DraftingNaskah,
    MinisterApproval,
    Signing,
    /// <summary>KSDPK aset, investasi, lainnya (PP 28/2018 Ps 15(3)–(4)): recorded with their own basis, outside the PP 28 stages.</summary>
    Recording,
    Implementation,
    Ended,
}

/// <summary>Why an agreement ended: the law's lists only (PP 28/2018 Ps 9(1), Ps 22(2);
/// Permendagri 25/2020 Ps 34) and the three ends before anything was agreed. Codes retired in
/// 2026-11 (ForceMajeure, PartyDefault, CancelledByParty, ContraryToLaw) were migrated (ADR 0006).</summary>
public enum EndReason
{
    /// <summary>PP 28/2018 Ps 9(1)a; Permendagri 25/2020 Ps 34.</summary>
    TermExpired,
    /// <summary>PP 28/2018 Ps 9(1)b; Permendagri 25/2020 Ps 34.</summary>
    GoalAchieved,
    /// <summary>PP 28/2018 Ps 9(1)c; Permendagri 25/2020 Ps 34 (through the procedure the naskah sets).</summary>
    MutualAgreement,
    /// <summary>PP 28/2018 Ps 9(1)d.</summary>
    PolicyChange,
    /// <summary>PP 28/2018 Ps 9(1)e.</summary>
    ObjectLost,
    /// <summary>KSDPK, PP 28/2018 Ps 22(2)a.</summary>
    CourtDecision,
    /// <summary>KSDPK, PP 28/2018 Ps 22(2)b.</summary>
    PartnerBankrupt,
    /// <summary>Foreign, Permendagri 25/2020 Ps 34.</summary>
    ReplacedByNewAgreement,
    DeclinedByPartner,
    RejectedByDprd,
    RejectedInAssessment,
}

public static class StageLabels
{
    public static string Label(this EndReason r) => r switch
    {
        EndReason.TermExpired => "Jangka waktu berakhir",
        EndReason.GoalAchieved => "Tujuan tercapai",
        EndReason.MutualAgreement => "Kesepakatan para pihak untuk mengakhiri",
        EndReason.PolicyChange => "Perubahan kebijakan berdasarkan peraturan perundang-undangan yang mengakibatkan kerja sama tidak dapat dilaksanakan",
        EndReason.ObjectLost => "Objek kerja sama hilang atau musnah",
        EndReason.ReplacedByNewAgreement => "Diganti dengan perjanjian baru",
        EndReason.CourtDecision => "Putusan pengadilan berkekuatan hukum tetap",
        EndReason.PartnerBankrupt => "Pihak ketiga dinyatakan pailit",
        EndReason.DeclinedByPartner => "Penawaran ditolak mitra",
        EndReason.RejectedByDprd => "Tidak disetujui DPRD",
        EndReason.RejectedInAssessment => "Tidak layak menurut kajian, sebelum ada kesepakatan",
        _ => r.ToString(),
    };

    public static string Label(this Stage stage) => stage switch
    {
        Stage.Preparation => "Persiapan",
        Stage.Offer => "Penawaran",
        Stage.DraftingKb => "Penyusunan Kesepakatan Bersama",
        Stage.SigningKb => "Penandatanganan Kesepakatan Bersama",
        Stage.DprdApproval => "Persetujuan DPRD",
        Stage.DraftingPks => "Penyusunan Perjanjian Kerja Sama",
        Stage.SigningPks => "Penandatanganan Perjanjian Kerja Sama",
        Stage.Discussion => "Pembahasan",
        Stage.SigningNk => "Penandatanganan Nota Kesepakatan",
        Stage.Initiative => "Prakarsa",
        Stage.Exploration => "Penjajakan",
        Stage.LoiConsultation => "Konsultasi Pernyataan Kehendak",
        Stage.LoiSigning => "Penandatanganan Pernyataan Kehendak (LoI)",
        Stage.DraftingRks => "Penyusunan Rencana Kerja Sama",
        Stage.Verification => "Verifikasi Menteri",
        Stage.DraftingNaskah => "Penyusunan Rancangan Naskah",
        Stage.MinisterApproval => "Persetujuan Menteri",
        Stage.Signing => "Penandatanganan",
        Stage.Recording => "Pencatatan (menurut peraturan bidangnya)",
        Stage.Implementation => "Pelaksanaan",
        Stage.Ended => "Berakhir",
        _ => stage.ToString(),
    };
}
