using Jalin.Core.Common;

namespace Jalin.Core.Lifecycle;

/// <summary>One region setting of the lifecycle: its stored key, what a person reads, how sure the
/// rule behind it is (for maintainers) and the plain basis shown next to it.</summary>
public sealed record LifecycleSettingKey(string Key, string Label, Certainty Certainty, string Basis);

/// <summary>Values the law leaves open: defaults a region's officer can change (RegionLifecycleSettings).
/// Each key is stored as a region setting; the UI marks them "pengaturan daerah".</summary>
public sealed record LifecycleSettings
{
    public const string DprdResponseWorkingDaysKey = "lifecycle.dprdResponseWorkingDays";
    public const string DprdDeemedApprovalKey = "lifecycle.dprdDeemedApproval";
    public const string TermLimitYearsKey = "lifecycle.termLimitYears";
    public const string OfferAnswerWorkingDaysKey = "lifecycle.offerAnswerWorkingDays";
    public const string CutiBersamaIsHolidayKey = "calendar.cutiBersamaIsHoliday";
    public const string KsdllForwardingSkipsDprdKey = "lifecycle.ksdllForwardingSkipsDprd";

    /// <summary>DPRD answer window for KSDD/KSDPK: PP 28/2018 Pasal 6 ayat (2) sets no deadline, so
    /// the clock is the region's. For foreign kinds the 45 working days are law (PP 28/2018 Pasal 30
    /// ayat (4), Pasal 38), not this setting.</summary>
    public int DprdResponseWorkingDays { get; init; } = 45;
    /// <summary>Deemed approval when the DPRD is silent, for KSDD/KSDPK: off unless the region decides
    /// so (no text gives it for these kinds); for foreign kinds it is law (Permendagri 25/2020 Pasal 17).</summary>
    public bool DprdDeemedApproval { get; init; }
    /// <summary>KSDD/KSDPK term limit in years (local practice: Yogyakarta, Samarinda).</summary>
    public int TermLimitYears { get; init; } = 5;
    /// <summary>Partner's answer to an offer, working days; null = no deadline (the law sets none).</summary>
    public int? OfferAnswerWorkingDays { get; init; }
    /// <summary>Whether cuti bersama days count as non-working (ASN: yes, Keppres each year).</summary>
    public bool CutiBersamaIsHoliday { get; init; } = true;
    /// <summary>False (default): every KSDLL's rencana kerja sama goes to the DPRD, penerusan included
    /// (PP 28/2018 Pasal 38 applies Pasal 30–31 to KSDLL). True: the region follows Permendagri 25/2020
    /// Pasal 16, which names only the other KSDLL, and forwards without the DPRD.</summary>
    public bool KsdllForwardingSkipsDprd { get; init; }

    public static readonly LifecycleSettings Default = new();

    public const int MinWorkingDays = 1, MaxWorkingDays = 180, MinTermYears = 1, MaxTermYears = 30;

    public static readonly IReadOnlyList<LifecycleSettingKey> Keys =
    [
        new(DprdResponseWorkingDaysKey, "Batas jawaban DPRD untuk KSDD/KSDPK (hari kerja)", Certainty.Unknown,
            "pengaturan daerah; PP 28/2018 tidak mengatur batas waktu DPRD untuk KSDD/KSDPK"),
        new(DprdDeemedApprovalKey, "Persetujuan DPRD dianggap diberikan bila tidak dijawab dalam batas waktu (KSDD/KSDPK)", Certainty.Unknown,
            "pengaturan daerah; PP 28/2018 tidak mengatur batas waktu DPRD untuk KSDD/KSDPK, sehingga persetujuan tidak dianggap diberikan kecuali daerah menetapkannya"),
        new(TermLimitYearsKey, "Batas jangka waktu KSDD/KSDPK (tahun)", Certainty.LocalPractice,
            "praktik daerah (antara lain Yogyakarta dan Samarinda); PP 28/2018 tidak menetapkan batasnya"),
        new(OfferAnswerWorkingDaysKey, "Batas jawaban atas surat penawaran (hari kerja; kosong = tanpa batas)", Certainty.Unknown,
            "pengaturan daerah; peraturan tidak menetapkan batas waktu jawaban penawaran"),
        new(CutiBersamaIsHolidayKey, "Cuti bersama dihitung bukan hari kerja", Certainty.Inferred,
            "pengaturan daerah; cuti bersama ASN ditetapkan setiap tahun dengan Keputusan Presiden"),
        new(KsdllForwardingSkipsDprdKey, "KSDLL atas dasar penerusan kerja sama Pemerintah Pusat diteruskan tanpa persetujuan DPRD", Certainty.Inferred,
            "pengaturan daerah; PP 28/2018 Pasal 38 memberlakukan Pasal 30 dan Pasal 31 (persetujuan DPRD) bagi setiap KSDLL, sedangkan Permendagri 25/2020 Pasal 16 hanya menyebut KSDLL lainnya"),
    ];

    /// <summary>What stays law whatever a region sets, shown next to the settings.</summary>
    public static readonly IReadOnlyList<string> LawNotes =
    [
        "Untuk KSDPL dan KSDLL, DPRD memberikan persetujuan paling lama 45 hari kerja sejak menerima surat permohonan (PP 28/2018 Pasal 30 ayat (4), berlaku bagi KSDLL menurut Pasal 38); batas ini ketentuan peraturan, bukan pengaturan daerah.",
        "Bila DPRD tidak menjawab dalam 45 hari kerja itu, persetujuan untuk KSDPL dan KSDLL dianggap diberikan (Permendagri 25/2020 Pasal 17); ketentuan ini juga tidak dapat diubah daerah.",
    ];

    public static LifecycleSettings From(IReadOnlyDictionary<string, string> values)
    {
        var s = Default;
        if (values.TryGetValue(DprdResponseWorkingDaysKey, out var d) && int.TryParse(d, out var di) && di > 0) s = s with { DprdResponseWorkingDays = di };
        if (values.TryGetValue(DprdDeemedApprovalKey, out var a) && bool.TryParse(a, out var ab)) s = s with { DprdDeemedApproval = ab };
        if (values.TryGetValue(TermLimitYearsKey, out var t) && int.TryParse(t, out var ti) && ti > 0) s = s with { TermLimitYears = ti };
        if (values.TryGetValue(OfferAnswerWorkingDaysKey, out var o)) s = s with { OfferAnswerWorkingDays = int.TryParse(o, out var oi) && oi > 0 ? oi : null };
        if (values.TryGetValue(CutiBersamaIsHolidayKey, out var c) && bool.TryParse(c, out var cb)) s = s with { CutiBersamaIsHoliday = cb };
        if (values.TryGetValue(KsdllForwardingSkipsDprdKey, out var k) && bool.TryParse(k, out var kb)) s = s with { KsdllForwardingSkipsDprd = kb };
        return s;
    }

    /// <summary>The stored form of every key ("" for no offer deadline), the inverse of <see cref="From"/>.</summary>
    public IReadOnlyDictionary<string, string> ToValues() => new Dictionary<string, string>
    {
        [DprdResponseWorkingDaysKey] = DprdResponseWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [DprdDeemedApprovalKey] = DprdDeemedApproval ? "true" : "false",
        [TermLimitYearsKey] = TermLimitYears.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [OfferAnswerWorkingDaysKey] = OfferAnswerWorkingDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        [CutiBersamaIsHolidayKey] = CutiBersamaIsHoliday ? "true" : "false",
        [KsdllForwardingSkipsDprdKey] = KsdllForwardingSkipsDprd ? "true" : "false",
    };
}
