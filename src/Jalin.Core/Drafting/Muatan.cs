using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Lifecycle;

namespace Jalin.Core.Drafting;

/// <summary>The kinds of clause (pasal) a naskah is built from; a clause in the library is
/// marked with the type it satisfies (docs/muatan.md). Stored by name, so new types may go anywhere.</summary>
public enum ClauseType
{
    Title,
    Parties,
    LegalBasis,
    /// <summary>Latar belakang (a pasal or chapter of its own in a Rencana Kerja Sama, PP 28/2018 Pasal 30 ayat (3) huruf b).</summary>
    Background,
    Purpose,
    Object,
    Scope,
    Implementation,
    RightsAndObligations,
    Financing,
    Term,
    Monitoring,
    Amendment,
    ForceMajeure,
    DisputeResolution,
    Sanctions,
    Termination,
    AssetsAfterEnd,
    JointWorkingGroup,
    Correspondence,
    /// <summary>The rencana kerja (rencana aksi) of a Nota Kesepakatan Sinergi, written as its own pasal.</summary>
    WorkPlanAnnex,
    Closing,
}

public static class ClauseTypeLabels
{
    public static string Label(this ClauseType t) => t switch
    {
        ClauseType.Title => "Judul, nomor para pihak, tempat dan tanggal (dengan huruf)",
        ClauseType.Parties => "Identitas para pihak dan dasar kewenangannya",
        ClauseType.LegalBasis => "Dasar hukum",
        ClauseType.Background => "Latar belakang",
        ClauseType.Purpose => "Maksud dan tujuan",
        ClauseType.Object => "Objek",
        ClauseType.Scope => "Ruang lingkup",
        ClauseType.Implementation => "Pelaksanaan",
        ClauseType.RightsAndObligations => "Hak dan kewajiban para pihak",
        ClauseType.Financing => "Pembiayaan",
        ClauseType.Term => "Jangka waktu",
        ClauseType.Monitoring => "Pemantauan, evaluasi dan pelaporan",
        ClauseType.Amendment => "Perubahan (addendum/amandemen)",
        ClauseType.ForceMajeure => "Keadaan kahar",
        ClauseType.DisputeResolution => "Penyelesaian perselisihan",
        ClauseType.Sanctions => "Sanksi",
        ClauseType.Termination => "Pengakhiran",
        ClauseType.AssetsAfterEnd => "Status aset dan hasil setelah berakhir",
        ClauseType.JointWorkingGroup => "Kelompok kerja bersama",
        ClauseType.Correspondence => "Korespondensi dan domisili hukum",
        ClauseType.WorkPlanAnnex => "Rencana kerja (pasal atau lampiran rencana aksi)",
        ClauseType.Closing => "Penutup (rangkap, meterai, tanda tangan)",
        _ => t.ToString(),
    };
}

/// <summary>What a compliance check looks at: the agreement, the naskah form being drafted and
/// the clause types the draft contains.</summary>
public sealed record MuatanContext(Agreement Agreement, DocumentKind Form, IReadOnlySet<ClauseType> Clauses, Regions.GovernmentAffair? Affair,
    IReadOnlyDictionary<string, Regions.RegionLevel> PartyRegionLevels, DateOnly? LoiValidUntil = null);

/// <summary>One required (or usual) element of a naskah. <see cref="Basis"/> is what a person
/// reads: the citation in words ("PP 28/2018 Pasal 19 ayat (2)") or, where the law is silent,
/// "praktik daerah (…)". <see cref="Certainty"/> says how sure that is (its tag appears only in
/// docs/muatan.md). Where the text says "paling sedikit" the element is <see cref="Required"/>
/// (it blocks signing); where it says "antara lain" a missing element is a warning.</summary>
public sealed record MuatanRule(string Code, string Label, IReadOnlyList<DocumentKind> Forms, bool Required, string Basis, Certainty Certainty,
    Func<MuatanContext, bool> IsMet, Func<MuatanContext, bool>? AppliesWhen = null)
{
    /// <summary>For a rule that asks for a pasal: its type (what a template must contain).</summary>
    public ClauseType? Clause { get; init; }

    /// <summary>The kinds of cooperation the rule is for; null: every kind.</summary>
    public IReadOnlyList<CooperationKind>? Kinds { get; init; }

    /// <summary>When <see cref="AppliesWhen"/> holds, in words (docs/muatan.md).</summary>
    public string? When { get; init; }

    public bool IsFor(CooperationKind kind) => Kinds is null || Kinds.Contains(kind);
}

public sealed record ComplianceItem(string Code, string Label, bool Met, bool Required, string Basis);

/// <summary>The muatan table: the law about a naskah's contents, written once. The drafting
/// checklist, the block before signing and the documentation all read it.</summary>
public static class Muatan
{
    private static readonly DocumentKind[] Kb = [DocumentKind.KesepakatanBersama];
    private static readonly DocumentKind[] Pks = [DocumentKind.PerjanjianKerjaSama];
    private static readonly DocumentKind[] Nk = [DocumentKind.NotaKesepakatan];
    private static readonly DocumentKind[] Foreign = [DocumentKind.NaskahLuarNegeri];
    private static readonly DocumentKind[] Loi = [DocumentKind.PernyataanKehendak];
    private static readonly DocumentKind[] Rks = [DocumentKind.RencanaKerjaSama];

    private static readonly CooperationKind[] Ksdpk = [CooperationKind.Ksdpk];
    private static readonly CooperationKind[] NotKsdpk = [.. Enum.GetValues<CooperationKind>().Where(k => k != CooperationKind.Ksdpk)];
    private static readonly CooperationKind[] Domestic = [CooperationKind.KsddWajib, CooperationKind.KsddSukarela, CooperationKind.Ksdpk];

    /// <summary>What a person reads where the law is silent on a naskah's layout.</summary>
    public const string Practice = "praktik daerah (susunan lazim naskah)";

    private const string PksPractice = "praktik daerah (susunan lazim Perjanjian Kerja Sama)";

    private static MuatanRule Clause(ClauseType type, DocumentKind[] forms, bool required, string basis, Certainty certainty,
        CooperationKind[]? kinds = null, string? label = null) =>
        new($"clause:{type}", label ?? type.Label(), forms, required, basis, certainty, ctx => ctx.Clauses.Contains(type))
        {
            Clause = type, Kinds = kinds, When = kinds is null ? null : KindsText(kinds),
        };

    /// <summary>PP 28/2018 Pasal 30 ayat (3): what a rencana kerja sama contains at least.</summary>
    public static IReadOnlyList<(char Letter, ClauseType Type, string Label)> RksItems { get; } =
    [
        ('a', ClauseType.Parties, "Subjek kerja sama"),
        ('b', ClauseType.Background, "Latar belakang"),
        ('c', ClauseType.Purpose, "Maksud, tujuan, dan sasaran"),
        ('d', ClauseType.Object, "Objek kerja sama"),
        ('e', ClauseType.Scope, "Ruang lingkup kerja sama"),
        ('f', ClauseType.Financing, "Sumber pembiayaan"),
        ('g', ClauseType.Term, "Jangka waktu pelaksanaan"),
    ];

    public static IReadOnlyList<MuatanRule> Rules { get; } =
    [
        // Kesepakatan Bersama: PP 28/2018 Pasal 6 ayat (4) leaves the contents of the KSDD documents to a
        // Peraturan Menteri (Permendagri 22/2020, text not at hand): the working set is practice.
        .. new[] { ClauseType.Title, ClauseType.Parties, ClauseType.Purpose, ClauseType.Scope, ClauseType.Implementation, ClauseType.Financing,
                ClauseType.Term, ClauseType.Amendment, ClauseType.Closing }
            .Select(t => Clause(t, Kb, true, Practice, Certainty.Inferred)),
        Clause(ClauseType.DisputeResolution, Kb, true, Practice + "; jalur penyelesaian: PP 28/2018 Pasal 8 (KSDD) atau Pasal 21 (KSDPK)", Certainty.Inferred),
        Clause(ClauseType.LegalBasis, Kb, false, Practice, Certainty.Inferred),
        Clause(ClauseType.ForceMajeure, Kb, false, Practice, Certainty.Inferred),

        // Nota Kesepakatan (Sinergi): PP 28/2018 Pasal 46 ayat (4) asks for a binding document; its layout is practice,
        // and the rencana kerja (rencana aksi) goes with it (templates of Kota Samarinda).
        .. new[] { ClauseType.Title, ClauseType.Parties, ClauseType.Purpose, ClauseType.Scope, ClauseType.Implementation,
                ClauseType.Term, ClauseType.Amendment, ClauseType.DisputeResolution, ClauseType.Closing }
            .Select(t => Clause(t, Nk, true, "PP 28/2018 Pasal 46 ayat (4) (dokumen kesepakatan yang mengikat); susunan: " + Practice, Certainty.Inferred)),
        Clause(ClauseType.Financing, Nk, true, "PP 28/2018 Pasal 46 ayat (3) (pendanaan dibebankan pada anggaran masing-masing)", Certainty.Verified),
        Clause(ClauseType.LegalBasis, Nk, false, Practice, Certainty.Inferred),
        Clause(ClauseType.ForceMajeure, Nk, false, Practice, Certainty.Inferred),
        new("nk-work-plan", "Rencana kerja (rencana aksi) Nota Kesepakatan: pasal rencana kerja dalam naskah atau rencana kegiatan terlampir", Nk, true,
            "praktik daerah (Nota Kesepakatan Sinergi disertai rencana aksi sebagai lampiran)", Certainty.LocalPractice,
            ctx => ctx.Clauses.Contains(ClauseType.WorkPlanAnnex) || Prerequisites.HasWorkPlanAttached(ctx.Agreement))
        {
            Clause = ClauseType.WorkPlanAnnex,
        },

        // Perjanjian Kerja Sama. KSDPK: PP 28/2018 Pasal 19 ayat (2) "paling sedikit memuat" (also UU 23/2014 Pasal 366 ayat (2)).
        .. new[] { ClauseType.RightsAndObligations, ClauseType.Term }
            .Select(t => Clause(t, Pks, true, "PP 28/2018 Pasal 19 ayat (2); UU 23/2014 Pasal 366 ayat (2)", Certainty.Verified, Ksdpk)),
        Clause(ClauseType.DisputeResolution, Pks, true, "PP 28/2018 Pasal 19 ayat (2); UU 23/2014 Pasal 366 ayat (2); jalur penyelesaian: PP 28/2018 Pasal 21",
            Certainty.Verified, Ksdpk),
        new("ksdpk-sanctions", "Sanksi bagi pihak yang tidak memenuhi perjanjian", Pks, true, "PP 28/2018 Pasal 19 ayat (2) huruf d; UU 23/2014 Pasal 366 ayat (2) huruf d",
            Certainty.Verified, ctx => ctx.Clauses.Contains(ClauseType.Sanctions)) { Clause = ClauseType.Sanctions, Kinds = Ksdpk, When = "KSDPK" },
        // The same elements for the other kinds, and the rest of the PKS layout: practice (PP 50/2007, which listed
        // them, was revoked by PP 28/2018 Pasal 51; PP 28/2018 Pasal 6 ayat (4) leaves the contents to a Peraturan Menteri).
        .. new[] { ClauseType.RightsAndObligations, ClauseType.Term }
            .Select(t => Clause(t, Pks, true, PksPractice, Certainty.Inferred, NotKsdpk)),
        Clause(ClauseType.DisputeResolution, Pks, true, PksPractice + "; jalur penyelesaian: PP 28/2018 Pasal 8 dan UU 23/2014 Pasal 370", Certainty.Inferred, NotKsdpk),
        .. new[] { ClauseType.Title, ClauseType.Parties, ClauseType.LegalBasis, ClauseType.Purpose, ClauseType.Object, ClauseType.Scope, ClauseType.Implementation,
                ClauseType.Financing, ClauseType.Amendment, ClauseType.ForceMajeure, ClauseType.Closing }
            .Select(t => Clause(t, Pks, true, PksPractice, Certainty.Inferred)),
        Clause(ClauseType.Termination, Pks, true, PksPractice + "; alasan berakhir: PP 28/2018 Pasal 9 (KSDPK juga Pasal 22)", Certainty.Inferred),
        Clause(ClauseType.Monitoring, Pks, true, "praktik daerah; pelaporan adalah tahapan kerja sama (PP 28/2018 Pasal 6 ayat (1) huruf j)", Certainty.Inferred),
        Clause(ClauseType.AssetsAfterEnd, Pks, false, "PP 28/2018 Pasal 20 (hasil KSDPK: uang ke kas daerah, barang dicatat sebagai aset Pemerintah Daerah)",
            Certainty.Verified, Ksdpk),
        Clause(ClauseType.AssetsAfterEnd, Pks, false, PksPractice, Certainty.Inferred, NotKsdpk),
        Clause(ClauseType.Correspondence, Pks, false, PksPractice, Certainty.Inferred),
        new("ksdpk-feasibility", "Studi kelayakan terlampir", Pks, true, "UU 23/2014 Pasal 366 ayat (3); PP 28/2018 Pasal 17 huruf b dan Pasal 18 ayat (2)",
            Certainty.Verified, ctx => ctx.Agreement.RecordDocuments().Any(d => d.Kind == DocumentKind.FeasibilityStudy)) { Kinds = Ksdpk, When = "KSDPK" },
        new("pks-names-kb", "Kesepakatan Bersama yang dilaksanakan PKS ini", Pks, true,
            "PP 28/2018 Pasal 6 ayat (1) huruf c–g (Kesepakatan Bersama mendahului Perjanjian Kerja Sama) dan Pasal 19 ayat (1)", Certainty.Verified,
            ctx => ctx.Agreement.RecordDocuments().Any(d => d.Kind == DocumentKind.KesepakatanBersama)) { Kinds = Domestic, When = "KSDD dan KSDPK" },
        new("power-of-attorney", "Surat kuasa bagi penanda tangan PKS yang bukan kepala daerah", Pks, true, "PP 28/2018 Pasal 2 ayat (2) dan Pasal 13 ayat (2)",
            Certainty.Verified, ctx => Prerequisites.HasPowerOfAttorney(ctx.Agreement), ctx => Prerequisites.NeedsPowerOfAttorney(ctx.Agreement))
        {
            When = "penanda tangan pihak daerah bukan kepala daerah",
        },
        // The KB is signed by the heads of region themselves; a kuasa is for the PKS only (a Pj. or Plt. counts as the head).
        new("kb-signatories", "Penanda tangan Kesepakatan Bersama dari setiap daerah adalah kepala daerah sendiri (Pj./Plt. kepala daerah dapat; surat kuasa hanya untuk PKS)",
            Kb, true, "PP 28/2018 Pasal 2 ayat (1) dan (2), Pasal 13 ayat (1) dan (2)", Certainty.Verified,
            ctx => Prerequisites.RegionSignatoriesAreHeads(ctx.Agreement)),
        // The owning region's number is given by Jalin when the final is issued (its pattern), so a draft needs the others' numbers.
        new("party-numbers", "Nomor naskah dari setiap pihak lain (nomor daerah pemilik diberikan saat naskah final diterbitkan)", [.. Kb, .. Pks, .. Nk, .. Foreign], true,
            "praktik tata naskah dinas (setiap pihak memberi nomor dari registernya)", Certainty.Inferred,
            ctx => ctx.Agreement.Parties.Count >= 2
                   && ctx.Agreement.Parties.Where(p => p.RegionCode != ctx.Agreement.RegionCode).All(p => !string.IsNullOrWhiteSpace(p.DocumentNumber))),
        new("dprd-first", "Persetujuan DPRD sebelum PKS (membebani masyarakat/daerah atau belum dianggarkan dalam APBD)", Pks, true, "PP 28/2018 Pasal 6 ayat (2)",
            Certainty.Verified, ctx => Prerequisites.DprdHasApproved(ctx.Agreement), ctx => LifecycleEngine.NeedsDprd(ctx.Agreement))
        {
            When = "membebani masyarakat/daerah atau belum dianggarkan dalam APBD",
        },
        new("affair-competence", "Urusan dalam kewenangan setiap pihak (kelautan, kehutanan dan ESDM dibagi menurut sub-urusan)", [.. Kb, .. Pks, .. Nk, .. Foreign], true,
            "UU 23/2014 Pasal 14 dan lampiran", Certainty.Verified,
            ctx => ctx.Affair is null || ctx.PartyRegionLevels.Values.All(l => ctx.Affair.IsWithinCompetenceOf(l, ctx.Agreement.SubAffairCode))),

        // Naskah Kerja Sama luar negeri: Permendagri 25/2020 Pasal 20 ayat (5) "memuat, antara lain": expected items, a warning when missing.
        .. new[] { ClauseType.Title, ClauseType.Parties, ClauseType.Purpose, ClauseType.Scope, ClauseType.Implementation, ClauseType.Financing,
                ClauseType.JointWorkingGroup, ClauseType.Amendment, ClauseType.Term, ClauseType.Closing }
            .Select(t => Clause(t, Foreign, false, "Permendagri 25/2020 Pasal 20 ayat (5)", Certainty.Verified)),
        Clause(ClauseType.Termination, Foreign, false, "Permendagri 25/2020 Pasal 20 ayat (5); alasan berakhir: Permendagri 25/2020 Pasal 34", Certainty.Verified),
        Clause(ClauseType.DisputeResolution, Foreign, false,
            "Permendagri 25/2020 Pasal 20 ayat (5); negosiasi dan konsultasi: PP 28/2018 Pasal 34 dan Pasal 41, Permendagri 25/2020 Pasal 40–41", Certainty.Verified),
        Clause(ClauseType.AssetsAfterEnd, Foreign, false,
            "PP 28/2018 Pasal 26 ayat (2) (barang yang kepemilikannya belum ditegaskan dalam naskah diselesaikan melalui Menteri)", Certainty.Verified),
        new("foreign-term-5y", $"Jangka waktu paling lama {LifecycleTable.ForeignMaxTerm.Text}", Foreign, true, "Permendagri 25/2020 Pasal 32", Certainty.Verified,
            ctx => Prerequisites.TermWithinFiveYears(ctx.Agreement)),
        // Pernyataan Kehendak: Permendagri 25/2020 Pasal 13.
        .. new[] { ClauseType.Title, ClauseType.Parties, ClauseType.Purpose, ClauseType.Scope, ClauseType.Term, ClauseType.Closing }
            .Select(t => Clause(t, Loi, true, "Permendagri 25/2020 Pasal 13", Certainty.Verified)),
        new("loi-1y", $"Masa berlaku LoI paling lama {LifecycleTable.LoiValidity.Text}", Loi, true, "Permendagri 25/2020 Pasal 13", Certainty.Verified,
            ctx => ctx.LoiValidUntil is { } until && ctx.Agreement.StartsOn is { } s ? until <= LifecycleTable.LoiValidity.After(s, WorkingDayCalendar.WeekendsOnly) : ctx.LoiValidUntil is not null),
        // Rencana Kerja Sama: PP 28/2018 Pasal 30 ayat (3) "paling sedikit memuat" a–g (KSDLL: Pasal 38); Permendagri 25/2020 Pasal 15.
        .. RksItems.Select(i => Clause(i.Type, Rks, true, $"PP 28/2018 Pasal 30 ayat (3) huruf {i.Letter}; Permendagri 25/2020 Pasal 15", Certainty.Verified, label: i.Label)),
    ];

    private static string KindsText(IReadOnlyList<CooperationKind> kinds)
    {
        return kinds.SequenceEqual(NotKsdpk) ? "selain KSDPK" : DraftFields.JoinAnd([.. kinds.Select(k => k.ShortLabel())]);
    }

    /// <summary>The checklist for a draft of <see cref="MuatanContext.Form"/>: every rule of that
    /// form that applies to this agreement, met or missing, with its basis.</summary>
    public static IReadOnlyList<ComplianceItem> Check(MuatanContext ctx) =>
        Rules.Where(r => r.Forms.Contains(ctx.Form) && r.IsFor(ctx.Agreement.Kind) && (r.AppliesWhen?.Invoke(ctx) ?? true))
            .Select(r => new ComplianceItem(r.Code, r.Label, r.IsMet(ctx), r.Required, r.Basis))
            .ToList();

    /// <summary>docs/muatan.md: per naskah form, every element with whether it is required, when it
    /// applies, its basis and how sure that is.</summary>
    public static string Markdown()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("# Muatan naskah kerja sama (dihasilkan dari tabel muatan)");
        sb.AppendLine();
        sb.AppendLine("Berkas ini ditulis oleh `dotnet run --project src/Jalin.Cli -- drafting docs` dari `src/Jalin.Core/Drafting/Muatan.cs`. Jangan disunting manual.");
        sb.AppendLine("\"wajib\": unsur yang kurang menahan penandatanganan (teks peraturan berkata \"paling sedikit\", atau susunan lazim yang dipakai Jalin); \"lazim\": unsur yang kurang hanya diperingatkan (misalnya \"antara lain\").");
        sb.AppendLine(CertaintyLabels.Legend);
        sb.AppendLine();
        foreach (var form in Rules.SelectMany(r => r.Forms).Distinct().OrderBy(f => f))
        {
            sb.AppendLine($"## {form.Label()} (`{form}`)");
            sb.AppendLine();
            sb.AppendLine("| kode | unsur | wajib | berlaku bila | dasar | kepastian |");
            sb.AppendLine("|---|---|---|---|---|---|");
            foreach (var r in Rules.Where(r => r.Forms.Contains(form)))
                sb.AppendLine($"| `{r.Code}` | {r.Label} | {(r.Required ? "wajib" : "lazim")} | {r.When ?? "selalu"} | {r.Basis.Replace("|", "\\|")} | {r.Certainty.Words()} |");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>True when nothing required is missing (what "send to signing" will ask).</summary>
    public static bool IsComplete(IReadOnlyList<ComplianceItem> items) => items.All(i => i.Met || !i.Required);
}
