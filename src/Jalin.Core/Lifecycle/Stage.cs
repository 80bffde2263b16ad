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
    Implementation,
    Ended,
}

/// <summary>Why an agreement ended (PP 28/2018 Ps 9, Ps 22; LIFECYCLE.md).</summary>
public enum EndReason
{
    TermExpired,
    GoalAchieved,
    ForceMajeure,
    PartyDefault,
    CancelledByParty,
    ReplacedByNewAgreement,
    ContraryToLaw,
    CourtDecision,
    PartnerBankrupt,
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
        EndReason.ForceMajeure => "Keadaan kahar",
        EndReason.PartyDefault => "Salah satu pihak tidak melaksanakan kewajiban",
        EndReason.CancelledByParty => "Dibatalkan salah satu pihak (dengan pemberitahuan tertulis)",
        EndReason.ReplacedByNewAgreement => "Diganti dengan perjanjian baru",
        EndReason.ContraryToLaw => "Bertentangan dengan peraturan perundang-undangan",
        EndReason.CourtDecision => "Putusan pengadilan berkekuatan hukum tetap",
        EndReason.PartnerBankrupt => "Mitra pailit",
        EndReason.DeclinedByPartner => "Penawaran ditolak mitra",
        EndReason.RejectedByDprd => "Tidak disetujui DPRD",
        EndReason.RejectedInAssessment => "Tidak layak menurut kajian TKKSD",
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
        Stage.Implementation => "Pelaksanaan",
        Stage.Ended => "Berakhir",
        _ => stage.ToString(),
    };
}
