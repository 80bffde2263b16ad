namespace Jalin.Core.Lifecycle;

/// <summary>Values the law leaves open ([I]/[U] in DOMAIN.md): defaults a region's admin can
/// change. Each key is stored as a region setting; the UI marks them "pilihan daerah".</summary>
public sealed record LifecycleSettings
{
    /// <summary>DPRD answer window for KSDD/KSDPK [U]; for foreign kinds the 45 is law (Permendagri 25/2020 Ps 17).</summary>
    public int DprdResponseWorkingDays { get; init; } = 45;
    /// <summary>Deemed approval when DPRD is silent, for KSDD/KSDPK [U]; always on for foreign kinds.</summary>
    public bool DprdDeemedApproval { get; init; }
    /// <summary>KSDD/KSDPK term limit in years [V-local Yogyakarta, Samarinda].</summary>
    public int TermLimitYears { get; init; } = 5;
    /// <summary>Partner's answer to an offer, working days; null = no deadline [U].</summary>
    public int? OfferAnswerWorkingDays { get; init; }
    /// <summary>Whether cuti bersama days count as non-working (ASN: yes, Keppres each year).</summary>
    public bool CutiBersamaIsHoliday { get; init; } = true;
    /// <summary>KSDLL penerusan skips the DPRD (Permendagri 25/2020 Ps 16) instead of PP 28/2018 Ps 38's default.</summary>
    public bool KsdllForwardingSkipsDprd { get; init; }

    public static readonly LifecycleSettings Default = new();

    public static readonly IReadOnlyList<(string Key, string Label, string Certainty)> Keys =
    [
        ("lifecycle.dprdResponseWorkingDays", "Batas jawaban DPRD untuk KSDD/KSDPK (hari kerja)", "[U] Permendagri 22/2020 tidak tersedia; 45 HK mengikuti Permendagri 25/2020 Ps 17"),
        ("lifecycle.dprdDeemedApproval", "Persetujuan DPRD dianggap diberikan bila tidak dijawab (KSDD/KSDPK)", "[U] mengikuti PP 50/2007 dan Permendagri 25/2020 secara analogi"),
        ("lifecycle.termLimitYears", "Batas jangka waktu KSDD/KSDPK (tahun)", "[V-local] Yogyakarta, Samarinda"),
        ("lifecycle.offerAnswerWorkingDays", "Batas jawaban penawaran (hari kerja, kosong = tanpa batas)", "[U]"),
        ("calendar.cutiBersamaIsHoliday", "Cuti bersama dihitung bukan hari kerja", "[I] mengikuti Keppres cuti bersama ASN"),
    ];

    public static LifecycleSettings From(IReadOnlyDictionary<string, string> values)
    {
        var s = Default;
        if (values.TryGetValue("lifecycle.dprdResponseWorkingDays", out var d) && int.TryParse(d, out var di) && di > 0) s = s with { DprdResponseWorkingDays = di };
        if (values.TryGetValue("lifecycle.dprdDeemedApproval", out var a) && bool.TryParse(a, out var ab)) s = s with { DprdDeemedApproval = ab };
        if (values.TryGetValue("lifecycle.termLimitYears", out var t) && int.TryParse(t, out var ti) && ti > 0) s = s with { TermLimitYears = ti };
        if (values.TryGetValue("lifecycle.offerAnswerWorkingDays", out var o)) s = s with { OfferAnswerWorkingDays = int.TryParse(o, out var oi) && oi > 0 ? oi : null };
        if (values.TryGetValue("lifecycle.ksdllForwardingSkipsDprd", out var f) && bool.TryParse(f, out var fb)) s = s with { KsdllForwardingSkipsDprd = fb };
        if (values.TryGetValue("calendar.cutiBersamaIsHoliday", out var c) && bool.TryParse(c, out var cb)) s = s with { CutiBersamaIsHoliday = cb };
        return s;
    }
}
