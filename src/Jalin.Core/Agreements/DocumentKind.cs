namespace Jalin.Core.Agreements;

/// <summary>Every document an agreement's file can hold: the naskah forms (DOMAIN "DocumentForm")
/// and the letters and studies the lifecycle asks for.</summary>
public enum DocumentKind
{
    // naskah kerja sama
    KesepakatanBersama,
    PerjanjianKerjaSama,
    Addendum,
    NotaKesepakatan,
    PernyataanKehendak,
    RencanaKerjaSama,
    NaskahLuarNegeri,
    // preparation and the route
    TermsOfReference,
    FeasibilityStudy,
    Assessment,
    OfferLetter,
    OfferAnswer,
    DprdRequest,
    DprdDecision,
    PowerOfAttorney,
    ForeignStudy,
    ConsultationLetter,
    MinisterAnswer,
    MinisterReview,
    MeetingMinutes,
    ConfirmationLetter,
    MinisterApproval,
    AnnualActivityPlan,
    /// <summary>Rencana Kerja, the annex of a Sinergi Nota Kesepakatan.</summary>
    WorkPlanAnnex,
    ClosingReport,
    TerminationLetter,
    Other,
    /// <summary>Berita acara of a coordination meeting or rapat TKKSD (generated from the minutes in Jalin).</summary>
    BeritaAcara,
}

public static class DocumentKindLabels
{
    public static bool IsNaskah(this DocumentKind kind) => kind <= DocumentKind.NaskahLuarNegeri;

    public static string Label(this DocumentKind kind) => kind switch
    {
        DocumentKind.KesepakatanBersama => "Kesepakatan Bersama (KB/MoU)",
        DocumentKind.PerjanjianKerjaSama => "Perjanjian Kerja Sama (PKS)",
        DocumentKind.Addendum => "Addendum / naskah perubahan",
        DocumentKind.NotaKesepakatan => "Nota Kesepakatan (Sinergi)",
        DocumentKind.PernyataanKehendak => "Pernyataan Kehendak (LoI)",
        DocumentKind.RencanaKerjaSama => "Rencana Kerja Sama (RKS)",
        DocumentKind.NaskahLuarNegeri => "Naskah Kerja Sama luar negeri",
        DocumentKind.TermsOfReference => "Kerangka Acuan Kerja (KAK)",
        DocumentKind.FeasibilityStudy => "Studi kelayakan",
        DocumentKind.Assessment => "Kajian/telaahan TKKSD",
        DocumentKind.OfferLetter => "Surat penawaran",
        DocumentKind.OfferAnswer => "Surat jawaban mitra",
        DocumentKind.DprdRequest => "Surat permohonan persetujuan DPRD",
        DocumentKind.DprdDecision => "Surat keputusan DPRD",
        DocumentKind.PowerOfAttorney => "Surat kuasa",
        DocumentKind.ForeignStudy => "Kajian kerja sama luar negeri",
        DocumentKind.ConsultationLetter => "Surat konsultasi kepada Menteri dan Menteri Luar Negeri",
        DocumentKind.MinisterAnswer => "Jawaban konsultasi Menteri",
        DocumentKind.MinisterReview => "Pertimbangan tertulis Menteri",
        DocumentKind.MeetingMinutes => "Risalah rapat antar-K/L",
        DocumentKind.ConfirmationLetter => "Surat konfirmasi Kementerian Luar Negeri",
        DocumentKind.MinisterApproval => "Persetujuan Menteri",
        DocumentKind.AnnualActivityPlan => "Rencana kegiatan tahunan",
        DocumentKind.WorkPlanAnnex => "Lampiran Rencana Kerja (Nota Kesepakatan)",
        DocumentKind.ClosingReport => "Laporan akhir / evaluasi",
        DocumentKind.TerminationLetter => "Surat/keputusan pengakhiran",
        DocumentKind.Other => "Dokumen lain",
        DocumentKind.BeritaAcara => "Berita acara rapat",
        _ => kind.ToString(),
    };
}
