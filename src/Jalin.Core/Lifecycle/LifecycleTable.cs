using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Identity;
using static Jalin.Core.Lifecycle.Prerequisites;

namespace Jalin.Core.Lifecycle;

/// <summary>The legal route of each kind of cooperation, written once (LIFECYCLE.md). The API's
/// allowed transitions, the UI's buttons, due dates and docs/lifecycle.md all come from here.
/// Basis texts are what a person reads (the pasal, or "praktik daerah"/"pengaturan daerah" where
/// the law is silent); how sure each is lives in <see cref="LifecycleRule.Certainty"/>.</summary>
public static class LifecycleTable
{
    private static readonly Role[] Officer = [Role.CooperationOfficer];
    private static readonly Role[] SystemOnly = [Role.System];
    private static readonly Role[] DprdOrOfficer = [Role.DprdViewer, Role.CooperationOfficer];

    /// <summary>Who may add a note at any stage ("any participant of the stage").</summary>
    public static readonly Role[] Participants =
        [Role.CooperationOfficer, Role.AgencyUser, Role.TeamMember, Role.Leader, Role.DprdViewer, Role.PartnerUser];

    // The law's periods, each written once and read by the rows, the prerequisites and the registration rules.
    /// <summary>DPRD answers a foreign RKS within 45 working days of receipt (PP 28/2018 Ps 30(4); Permendagri 25/2020 Ps 17).</summary>
    public static readonly Period ForeignDprdAnswer = new(45, PeriodUnit.WorkingDays);
    /// <summary>A LoI is valid at most one year (Permendagri 25/2020 Ps 13).</summary>
    public static readonly Period LoiValidity = new(1, PeriodUnit.Years);
    /// <summary>The Governor forwards a kab/kota's file within 5 working days (Permendagri 25/2020 Ps 18, 20).</summary>
    public static readonly Period GovernorForward = new(5, PeriodUnit.WorkingDays);
    /// <summary>A foreign agreement runs at most 5 years (Permendagri 25/2020 Ps 32).</summary>
    public static readonly Period ForeignMaxTerm = new(5, PeriodUnit.Years);
    /// <summary>Whether a foreign agreement from <paramref name="start"/> to <paramref name="end"/> runs longer than
    /// <see cref="ForeignMaxTerm"/>, and the message that says so: the one rule for registration, import and extension.</summary>
    public static bool ExceedsForeignTerm(DateOnly start, DateOnly end) => end > ForeignMaxTerm.After(start, WorkingDayCalendar.WeekendsOnly);
    public static string ForeignTermMessage => $"Jangka waktu kerja sama luar negeri paling lama {ForeignMaxTerm.Text} (Permendagri 25/2020 Pasal 32).";
    /// <summary>A foreign extension is requested at least 6 months before the end (Permendagri 25/2020 Ps 33).</summary>
    public static readonly Period ForeignExtensionLead = new(6, PeriodUnit.Months);

    public static IReadOnlyList<LifecycleRule> For(CooperationKind kind) => Tables[kind];

    /// <summary>The stages from which an agreement of the kind can still reach the recording of its binding
    /// naskah's signing (KB, PKS, NK, foreign naskah; a LoI does not bind): where pre-signing work such as
    /// the TKKSD's kajian belongs. Derived from the table's main path, never listed by hand.</summary>
    public static IReadOnlySet<Stage> BeforeBindingSigning(CooperationKind kind)
    {
        // Computed on first use: the tables are initialised further down this class.
        _beforeSigning ??= Tables.ToDictionary(t => t.Key, t =>
        {
            var stages = t.Value.Where(r => r.RecordsSigning is { } d && d != DocumentKind.PernyataanKehendak).Select(r => r.Stage).ToHashSet();
            for (var grew = true; grew;)
                grew = t.Value.Where(r => r.MainPath && r.Outcomes.Any(o => stages.Contains(o.To))).Select(r => r.Stage).ToList().Any(stages.Add);
            return (IReadOnlySet<Stage>)stages;
        });
        return _beforeSigning[kind];
    }

    private static Dictionary<CooperationKind, IReadOnlySet<Stage>>? _beforeSigning;

    public static IEnumerable<Stage> Stages(CooperationKind kind) =>
        Tables[kind].Select(r => r.Stage).Append(Stage.Ended).Distinct();

    public static IEnumerable<LifecycleRule> RulesAt(CooperationKind kind, Stage stage) =>
        Tables[kind].Where(r => r.Stage == stage);

    public static LifecycleRule? Find(CooperationKind kind, Stage stage, string action) =>
        Tables[kind].FirstOrDefault(r => r.Stage == stage && r.Action.Is(action));

    public static bool IsKnownAction(CooperationKind kind, string action) => Tables[kind].Any(r => r.Action.Is(action));

    /// <summary>The system actions a clock applies when its due date has passed (the due-date job reads these).</summary>
    public static IReadOnlyList<ActionCode> ClockActions =>
        _clockActions ??= Tables.Values.SelectMany(t => t).Where(r => r.IsSystemOnly).Select(r => r.Action).Distinct().ToList();
    private static IReadOnlyList<ActionCode>? _clockActions;

    /// <summary>End reasons the law gives for ending an agreement of this kind: PP 28/2018 Ps 9(1)
    /// for KSDD, plus Ps 22(2) for KSDPK; Permendagri 25/2020 Ps 34 for the foreign kinds; for
    /// Sinergi no rule was found, so the ends a binding document ordinarily has (practice).</summary>
    public static IReadOnlyList<EndReason> TerminationReasons(CooperationKind kind) => kind switch
    {
        CooperationKind.KsddWajib or CooperationKind.KsddSukarela => DomesticEnds,
        CooperationKind.Ksdpk => [.. DomesticEnds, EndReason.CourtDecision, EndReason.PartnerBankrupt],
        CooperationKind.Ksdpl or CooperationKind.Ksdll => [EndReason.MutualAgreement, EndReason.GoalAchieved, EndReason.ReplacedByNewAgreement, EndReason.TermExpired],
        _ => [EndReason.TermExpired, EndReason.GoalAchieved, EndReason.MutualAgreement],
    };

    /// <summary>Ends of a cooperation that never bound anyone (nothing signed yet): not PP 28/2018 Ps 9.</summary>
    public static readonly IReadOnlyList<EndReason> EndsBeforeAgreement = [EndReason.DeclinedByPartner, EndReason.RejectedInAssessment];

    /// <summary>The reasons <c>terminate</c> accepts for this agreement now: the kind's legal list, and
    /// while no binding naskah is signed also the ends before an agreement.</summary>
    public static IReadOnlyList<EndReason> TerminationReasons(Agreement a) =>
        a.SignedOn is null ? [.. TerminationReasons(a.Kind), .. EndsBeforeAgreement] : TerminationReasons(a.Kind);

    /// <summary>Where the kind's end reasons come from, as a person reads it.</summary>
    public static string TerminationBasis(CooperationKind kind) => kind switch
    {
        CooperationKind.KsddWajib or CooperationKind.KsddSukarela => "PP 28/2018 Pasal 9 ayat (1); pergantian kepemimpinan daerah tidak mengakhiri kerja sama (Pasal 9 ayat (2))",
        CooperationKind.Ksdpk => "PP 28/2018 Pasal 22 (alasan Pasal 9 ayat (1) ditambah putusan pengadilan berkekuatan hukum tetap dan pihak ketiga pailit); pergantian kepemimpinan daerah tidak mengakhiri kerja sama (Pasal 9 ayat (2))",
        CooperationKind.Ksdpl or CooperationKind.Ksdll => "Permendagri 25/2020 Pasal 34",
        _ => "praktik daerah: PP 28/2018 Pasal 46 tidak mengatur pengakhiran Sinergi",
    };

    private static readonly EndReason[] DomesticEnds =
        [EndReason.TermExpired, EndReason.GoalAchieved, EndReason.MutualAgreement, EndReason.PolicyChange, EndReason.ObjectLost];

    private static readonly Dictionary<CooperationKind, IReadOnlyList<LifecycleRule>> Tables = new()
    {
        [CooperationKind.KsddWajib] = WithCommon(CooperationKind.KsddWajib, DomesticRoute(CooperationKind.KsddWajib)),
        [CooperationKind.KsddSukarela] = WithCommon(CooperationKind.KsddSukarela, DomesticRoute(CooperationKind.KsddSukarela)),
        [CooperationKind.Ksdpk] = WithCommon(CooperationKind.Ksdpk, [.. DomesticRoute(CooperationKind.Ksdpk), OwnRegimeRecording()]),
        [CooperationKind.Sinergi] = WithCommon(CooperationKind.Sinergi, SinergiRoute()),
        [CooperationKind.Ksdpl] = WithCommon(CooperationKind.Ksdpl, ForeignRoute(CooperationKind.Ksdpl)),
        [CooperationKind.Ksdll] = WithCommon(CooperationKind.Ksdll, ForeignRoute(CooperationKind.Ksdll)),
    };

    // §1. KSDD wajib, KSDD sukarela, KSDPK pelayanan publik (PP 28/2018 Ps 6(1), Ps 19)
    private static List<LifecycleRule> DomesticRoute(CooperationKind kind)
    {
        var preparation = kind switch
        {
            CooperationKind.Ksdpk => new[] { Doc(DocumentKind.FeasibilityStudy), Doc(DocumentKind.TermsOfReference), Doc(DocumentKind.Assessment) },
            CooperationKind.KsddWajib => [Doc(DocumentKind.TermsOfReference), Doc(DocumentKind.Assessment), MappingItem, Bordering],
            _ => [Doc(DocumentKind.TermsOfReference), Doc(DocumentKind.Assessment)],
        };
        var prepBasis = kind switch
        {
            CooperationKind.Ksdpk => "PP 28/2018 Pasal 6 ayat (1) huruf a jo. Pasal 19 ayat (1); studi kelayakan: UU 23/2014 Pasal 366 ayat (3), PP 28/2018 Pasal 17 dan Pasal 18 ayat (2); KAK dan kajian tim: praktik daerah",
            CooperationKind.KsddWajib => "PP 28/2018 Pasal 3 ayat (2) (daerah yang berbatasan), Pasal 5 (pemetaan urusan), Pasal 6 ayat (1) huruf a; KAK dan kajian tim: praktik daerah",
            _ => "PP 28/2018 Pasal 6 ayat (1) huruf a; KAK dan kajian tim: praktik daerah",
        };
        var ksdpk = kind == CooperationKind.Ksdpk;
        var represent = ksdpk ? "Pasal 13 ayat (1)" : "Pasal 2 ayat (1)";
        var kuasa = ksdpk ? "Pasal 13 ayat (2)" : "Pasal 2 ayat (2)";

        return
        [
            new() { Stage = Stage.Preparation, Action = ActionCode.CompletePreparation, Label = "Selesaikan persiapan", Outcomes = [new(Stage.Offer)], Roles = Officer,
                Requires = preparation, Basis = prepBasis, Certainty = Certainty.Inferred,
                Clock = new() { Effect = ClockEffect.Start, FromSettings = s => s.OfferAnswerWorkingDays is { } d ? new Period(d, PeriodUnit.WorkingDays) : null,
                    From = ClockFrom.Today, DueLabel = "Batas jawaban penawaran (pengaturan daerah)" },
                ClockText = "batas jawaban penawaran: pengaturan daerah, tanpa batas secara bawaan" },
            new() { Stage = Stage.Offer, Action = ActionCode.AcceptOffer, Label = "Catat penawaran diterima", Outcomes = [new(Stage.DraftingKb)], Roles = Officer,
                Requires = [Doc(DocumentKind.OfferLetter), OfferAnswered], Basis = "PP 28/2018 Pasal 6 ayat (1) huruf b" },
            new() { Stage = Stage.Offer, Action = ActionCode.DeclineOffer, Label = "Catat penawaran ditolak", Outcomes = [new(Stage.Ended, EndReason: EndReason.DeclinedByPartner)], Roles = Officer,
                Requires = [OfferAnswered], Basis = "praktik daerah (penawaran yang tidak diterima)", Certainty = Certainty.Inferred, MainPath = false },
            .. PartyAnswer(kind),
            new() { Stage = Stage.DraftingKb, Action = ActionCode.FinalizeKb, Label = "Finalkan rancangan KB", Outcomes = [new(Stage.SigningKb)], Roles = Officer,
                Requires = [Doc(DocumentKind.KesepakatanBersama), DraftReady(DocumentKind.KesepakatanBersama)], Basis = "PP 28/2018 Pasal 6 ayat (1) huruf c" },
            new() { Stage = Stage.SigningKb, Action = ActionCode.RecordKbSigning, Label = "Catat penandatanganan KB",
                Outcomes = [new(Stage.DprdApproval, Condition.NeedsDprd), new(Stage.DraftingPks, Condition.NoDprdNeeded)], Roles = Officer,
                Requires = [Signed(DocumentKind.KesepakatanBersama), PartyNumbers, KbSignedByHeads], RecordsSigning = DocumentKind.KesepakatanBersama,
                Basis = $"PP 28/2018 Pasal 6 ayat (1) huruf d dan ayat (2); ditandatangani kepala daerah ({represent})" },
            .. DprdRules(kind, Stage.DraftingPks, Stage.DraftingKb),
            new() { Stage = Stage.DraftingPks, Action = ActionCode.FinalizePks, Label = "Finalkan rancangan PKS", Outcomes = [new(Stage.SigningPks)], Roles = Officer,
                Requires = [Doc(DocumentKind.PerjanjianKerjaSama), PksNamesKb, DraftReady(DocumentKind.PerjanjianKerjaSama)], Basis = "PP 28/2018 Pasal 6 ayat (1) huruf f" },
            new() { Stage = Stage.SigningPks, Action = ActionCode.RecordPksSigning, Label = "Catat penandatanganan PKS", Outcomes = [new(Stage.Implementation)], Roles = Officer,
                Requires = [Signed(DocumentKind.PerjanjianKerjaSama), PartyNumbers, PowerOfAttorneyWhereNeeded, EndDateSet], Clock = ClockRule.TermEnd,
                RecordsSigning = DocumentKind.PerjanjianKerjaSama, Basis = $"PP 28/2018 Pasal 6 ayat (1) huruf g; kuasa penandatanganan PKS: {kuasa}" },
            .. ImplementationRules(kind),
        ];
    }

    /// <summary>The region the KSDD offer is addressed to answers it itself in Jalin (its own letter number and date): accept
    /// leads where "Catat penawaran diterima" leads, decline ends it as declined by the partner, and asking for changes sends
    /// the record back to preparation, from which the owner sends the revised offer again ("Selesaikan persiapan").
    /// A KSDPK's partner is not a region: the owner records its answer.</summary>
    private static IEnumerable<LifecycleRule> PartyAnswer(CooperationKind kind)
    {
        if (kind is not (CooperationKind.KsddWajib or CooperationKind.KsddSukarela)) yield break;
        yield return new() { Stage = Stage.Offer, Action = ActionCode.AnswerOffer, Label = "Jawab penawaran", Side = ActingSide.AddressedParty, Roles = Officer,
            Outcomes =
            [
                new(Stage.DraftingKb, Decision: OfferDecisions.Accept, DecisionLabel: "Terima penawaran"),
                new(Stage.Ended, Decision: OfferDecisions.Decline, EndReason: EndReason.DeclinedByPartner, DecisionLabel: "Tolak penawaran"),
                new(Stage.Preparation, Decision: OfferDecisions.Revise, DecisionLabel: "Minta perubahan penawaran"),
            ],
            Requires = [Doc(DocumentKind.OfferLetter)], MainPath = false,
            Basis = "PP 28/2018 Pasal 6 ayat (1) huruf b; jawaban dengan permintaan perubahan: praktik daerah", Certainty = Certainty.Inferred };
    }

    // KSDPK aset, investasi, lainnya: recorded with their own basis (PP 28/2018 Ps 15(3)–(4))
    private static LifecycleRule OwnRegimeRecording() =>
        new() { Stage = Stage.Recording, Action = ActionCode.RecordOwnRegimeAgreement, Label = "Catat perjanjian yang telah ditandatangani",
            Outcomes = [new(Stage.Implementation)], Roles = Officer,
            Requires = [OwnRegimeBasisRecorded, Signed(DocumentKind.PerjanjianKerjaSama), EndDateSet], Clock = ClockRule.TermEnd,
            RecordsSigning = DocumentKind.PerjanjianKerjaSama,
            Basis = "PP 28/2018 Pasal 15 ayat (3) dan (4): KSDPK aset, investasi dan lainnya dilaksanakan menurut peraturan bidangnya, bukan tahapan Pasal 6" };

    // §2. Sinergi (PP 28/2018 Ps 46)
    private static List<LifecycleRule> SinergiRoute() =>
    [
        new() { Stage = Stage.Offer, Action = ActionCode.AcceptOffer, Label = "Terima penawaran Sinergi", Outcomes = [new(Stage.Discussion)], Roles = Officer,
            Requires = [Doc(DocumentKind.OfferLetter), Doc(DocumentKind.TermsOfReference)], Basis = "PP 28/2018 Pasal 46 ayat (1); surat penawaran dengan KAK Sinergi: praktik daerah",
            Certainty = Certainty.LocalPractice },
        new() { Stage = Stage.Offer, Action = ActionCode.DeclineOffer, Label = "Tolak penawaran Sinergi", Outcomes = [new(Stage.Ended, EndReason: EndReason.DeclinedByPartner)], Roles = Officer,
            Requires = [Doc(DocumentKind.OfferAnswer)], Basis = "praktik daerah (penawaran yang tidak diterima)", Certainty = Certainty.Inferred, MainPath = false },
        new() { Stage = Stage.Discussion, Action = ActionCode.FinalizeNk, Label = "Finalkan Nota Kesepakatan", Outcomes = [new(Stage.SigningNk)], Roles = Officer,
            Requires = [Doc(DocumentKind.Assessment), Doc(DocumentKind.NotaKesepakatan), NkWorkPlan, DraftReady(DocumentKind.NotaKesepakatan)],
            Basis = "PP 28/2018 Pasal 46 ayat (4); pembahasan dan lampiran Rencana Kerja: praktik daerah", Certainty = Certainty.LocalPractice },
        new() { Stage = Stage.SigningNk, Action = ActionCode.RecordNkSigning, Label = "Catat penandatanganan Nota Kesepakatan", Outcomes = [new(Stage.Implementation)], Roles = Officer,
            Requires = [Signed(DocumentKind.NotaKesepakatan), NkWorkPlan, PartyNumbers, EndDateSet], Clock = ClockRule.TermEnd, RecordsSigning = DocumentKind.NotaKesepakatan,
            Basis = "PP 28/2018 Pasal 46 ayat (4) (dokumen kesepakatan yang mengikat para pihak)" },
        .. ImplementationRules(CooperationKind.Sinergi),
    ];

    // §3. KSDPL and KSDLL (PP 28/2018 Ps 28–33, 38–40; Permendagri 25/2020)
    private static List<LifecycleRule> ForeignRoute(CooperationKind kind)
    {
        var pp = kind == CooperationKind.Ksdll ? " jo. Pasal 38–40" : "";
        return
        [
            new() { Stage = Stage.Initiative, Action = ActionCode.StartExploration, Label = "Mulai penjajakan", Outcomes = [new(Stage.Exploration)], Roles = Officer,
                Basis = "PP 28/2018 Pasal 28 ayat (3); Permendagri 25/2020 Pasal 9–10" },
            new() { Stage = Stage.Exploration, Action = ActionCode.CompleteStudy, Label = "Selesaikan kajian", Outcomes = [new(Stage.LoiConsultation)], Roles = Officer,
                Requires = [Doc(DocumentKind.ForeignStudy)], Basis = "Permendagri 25/2020 Pasal 11–12" },
            new() { Stage = Stage.LoiConsultation, Action = ActionCode.RecordConsultationAnswer, Label = "Catat jawaban konsultasi Menteri", Outcomes = [new(Stage.LoiSigning)], Roles = Officer,
                Requires = [Doc(DocumentKind.ConsultationLetter), Doc(DocumentKind.MinisterAnswer)], Basis = "PP 28/2018 Pasal 28 ayat (4); Permendagri 25/2020 Pasal 13–14" },
            new() { Stage = Stage.LoiSigning, Action = ActionCode.RecordLoiSigning, Label = "Catat penandatanganan LoI", Outcomes = [new(Stage.DraftingRks)], Roles = Officer,
                Requires = [Signed(DocumentKind.PernyataanKehendak)],
                Clock = new() { Effect = ClockEffect.Start, Period = LoiValidity, From = ClockFrom.SignedOn, DueLabel = $"Masa berlaku LoI berakhir (paling lama {LoiValidity.Text})" },
                ClockText = $"LoI berlaku paling lama {LoiValidity.Text}", RecordsSigning = DocumentKind.PernyataanKehendak,
                Basis = "PP 28/2018 Pasal 28 ayat (4) dan (5); Permendagri 25/2020 Pasal 13" },
            new() { Stage = Stage.DraftingRks, Action = ActionCode.FinalizeRks, Label = "Finalkan Rencana Kerja Sama",
                Outcomes =
                [
                    new(Stage.DprdApproval, Condition.NotForwarding),
                    new(Stage.DprdApproval, Condition.ForwardingToDprd,
                        Note: "KSDLL penerusan diajukan kepada DPRD menurut PP 28/2018 Pasal 38 jo. Pasal 30 (pengaturan bawaan daerah ini)."),
                    new(Stage.Verification, Condition.ForwardingSkipsDprd,
                        Note: "KSDLL penerusan tidak diajukan kepada DPRD menurut Permendagri 25/2020 Pasal 16 (pengaturan daerah ini)."),
                ],
                Roles = Officer, Requires = [Doc(DocumentKind.RencanaKerjaSama), DraftReady(DocumentKind.RencanaKerjaSama)], Clock = ClockRule.Keep,
                Basis = $"PP 28/2018 Pasal 30 ayat (2) dan (3){pp}; Permendagri 25/2020 Pasal 15–16" },
            .. DprdRules(kind, Stage.Verification, Stage.DraftingRks),
            new() { Stage = Stage.Verification, Action = ActionCode.SendForVerification, Label = "Kirim untuk verifikasi Menteri", Roles = Officer,
                Requires = [Doc(DocumentKind.ForeignStudy), Signed(DocumentKind.PernyataanKehendak), Doc(DocumentKind.RencanaKerjaSama), DprdApprovedOrNotNeeded],
                Clock = new() { Effect = ClockEffect.Start, Period = GovernorForward, From = ClockFrom.Today, DueLabel = $"Batas Gubernur meneruskan berkas ke Menteri ({GovernorForward.Text})" },
                ClockText = $"Gubernur meneruskan dalam {GovernorForward.Text}; bila tidak, kabupaten/kota mengirim langsung", Basis = $"PP 28/2018 Pasal 31 ayat (1) dan (2){pp}; Permendagri 25/2020 Pasal 18" },
            new() { Stage = Stage.Verification, Action = ActionCode.RecordMinisterReview, Label = "Catat pertimbangan Menteri",
                Outcomes = [new(Stage.DraftingNaskah, Decision: "proceed", DecisionLabel: "Menteri meminta menyusun rancangan naskah"), new(Stage.DraftingRks, Decision: "revise-rks", DecisionLabel: "Menteri meminta perbaikan RKS")],
                Roles = Officer, Requires = [Doc(DocumentKind.MinisterReview)], Basis = $"PP 28/2018 Pasal 31 ayat (3){pp}; Permendagri 25/2020 Pasal 19" },
            new() { Stage = Stage.DraftingNaskah, Action = ActionCode.SubmitNaskah, Label = "Ajukan rancangan naskah", Outcomes = [new(Stage.Discussion)], Roles = Officer,
                Requires = [Doc(DocumentKind.NaskahLuarNegeri), DraftReady(DocumentKind.NaskahLuarNegeri)],
                Clock = new() { Effect = ClockEffect.Start, Period = GovernorForward, From = ClockFrom.Today, DueLabel = $"Batas Gubernur meneruskan rancangan naskah ({GovernorForward.Text})" },
                ClockText = $"Gubernur meneruskan dalam {GovernorForward.Text}", Basis = $"PP 28/2018 Pasal 32 ayat (1){pp}; Permendagri 25/2020 Pasal 20" },
            new() { Stage = Stage.Discussion, Action = ActionCode.RecordConfirmationLetter, Label = "Catat surat konfirmasi Kementerian Luar Negeri", Outcomes = [new(Stage.MinisterApproval)], Roles = Officer,
                Requires = [Doc(DocumentKind.MeetingMinutes), Doc(DocumentKind.ConfirmationLetter)], Basis = $"PP 28/2018 Pasal 32 ayat (2) dan (3), Pasal 33 ayat (1)–(3){pp}; Permendagri 25/2020 Pasal 21–23" },
            new() { Stage = Stage.MinisterApproval, Action = ActionCode.RecordMinisterApproval, Label = "Catat persetujuan Menteri", Outcomes = [new(Stage.Signing)], Roles = Officer,
                Requires = [Doc(DocumentKind.MinisterApproval)], Basis = $"PP 28/2018 Pasal 33 ayat (4){pp}; Permendagri 25/2020 Pasal 24" },
            new() { Stage = Stage.Signing, Action = ActionCode.RecordSigning, Label = "Catat penandatanganan naskah", Outcomes = [new(Stage.Implementation)], Roles = Officer,
                Requires = [Signed(DocumentKind.NaskahLuarNegeri), EndDateSet, ForeignTermWithinLimit], Clock = ClockRule.TermEnd,
                RecordsSigning = DocumentKind.NaskahLuarNegeri, Basis = $"PP 28/2018 Pasal 33 ayat (4){pp}; Permendagri 25/2020 Pasal 25 dan Pasal 32" },
            .. ImplementationRules(kind),
        ];
    }

    private static IEnumerable<LifecycleRule> DprdRules(CooperationKind kind, Stage approved, Stage revise)
    {
        var foreign = kind.IsForeign();
        var basis = foreign
            ? "PP 28/2018 Pasal 30 ayat (1), (2) dan (4)" + (kind == CooperationKind.Ksdll ? " jo. Pasal 38" : "") + "; Permendagri 25/2020 Pasal 16–17"
            : "PP 28/2018 Pasal 6 ayat (1) huruf e dan ayat (2)";
        var requestNeeds = foreign
            ? new[] { Doc(DocumentKind.DprdRequest), Doc(DocumentKind.RencanaKerjaSama), Signed(DocumentKind.PernyataanKehendak) }
            : [Doc(DocumentKind.DprdRequest), Doc(DocumentKind.KesepakatanBersama)];
        var rejected = foreign
            ? new Outcome[] { new(Stage.Ended, Decision: "end", EndReason: EndReason.RejectedByDprd, DecisionLabel: "Kerja sama dihentikan"), new(revise, Decision: "revise", DecisionLabel: "Perbaiki RKS") }
            : [new(revise, Decision: "revise", DecisionLabel: "Perbaiki KB"), new(Stage.Ended, Decision: "end", EndReason: EndReason.RejectedByDprd, DecisionLabel: "Kerja sama dihentikan")];
        var clock = foreign
            ? new ClockRule { Effect = ClockEffect.Start, Period = ForeignDprdAnswer, From = ClockFrom.ReceivedOn, Then = ActionCode.DprdDeemedApproved, DueLabel = "Batas jawaban DPRD" }
            : new ClockRule { Effect = ClockEffect.Start, FromSettings = s => new Period(s.DprdResponseWorkingDays, PeriodUnit.WorkingDays), From = ClockFrom.ReceivedOn,
                Then = ActionCode.DprdDeemedApproved, DueLabel = "Batas jawaban DPRD (pengaturan daerah)" };
        yield return new() { Stage = Stage.DprdApproval, Action = ActionCode.RequestDprdApproval, Label = "Ajukan permohonan persetujuan DPRD", Roles = Officer,
            Requires = requestNeeds, Clock = clock, Input = ActionInput.ReceivedOn,
            ClockText = foreign
                ? $"DPRD menjawab paling lama {ForeignDprdAnswer.Text} sejak menerima surat permohonan; bila tidak dijawab, dianggap disetujui"
                : "batas jawaban DPRD: pengaturan daerah (PP 28/2018 tidak mengatur batas waktu untuk KSDD dan KSDPK), dihitung sejak surat diterima Sekretariat DPRD",
            Basis = basis };
        yield return new() { Stage = Stage.DprdApproval, Action = ActionCode.RecordDprdApproval, Label = "Catat persetujuan DPRD", Outcomes = [new(approved)], Roles = DprdOrOfficer,
            Requires = [DprdRequested, Doc(DocumentKind.DprdDecision)], Basis = basis };
        yield return new() { Stage = Stage.DprdApproval, Action = ActionCode.DprdDeemedApproved, Label = "DPRD dianggap menyetujui", Outcomes = [new(approved)], Roles = SystemOnly,
            Requires = [DprdRequested, foreign ? Always : DeemedApprovalOn], DueFrom = ctx => ActionCode.DprdDeemedApproved.Is(ctx.Agreement.DueAction) ? ctx.Agreement.DueOn?.AddDays(1) : null,
            ClockText = "berlaku otomatis sehari setelah batas jawaban DPRD berakhir", MainPath = false,
            Basis = foreign ? "Permendagri 25/2020 Pasal 17" : "pengaturan daerah (PP 28/2018 tidak mengatur persetujuan DPRD yang dianggap diberikan untuk KSDD dan KSDPK)",
            Certainty = foreign ? Certainty.Verified : Certainty.Unknown };
        yield return new() { Stage = Stage.DprdApproval, Action = ActionCode.RecordDprdRejection, Label = "Catat penolakan DPRD", Outcomes = rejected, Roles = DprdOrOfficer,
            Requires = [DprdRequested, Doc(DocumentKind.DprdDecision)], MainPath = false,
            Basis = "praktik daerah (tindak lanjut bila DPRD tidak menyetujui)", Certainty = Certainty.Inferred };
    }

    private static IEnumerable<LifecycleRule> ImplementationRules(CooperationKind kind)
    {
        var foreign = kind.IsForeign();
        var ends = kind switch
        {
            CooperationKind.KsddWajib or CooperationKind.KsddSukarela or CooperationKind.Ksdpk => "PP 28/2018 Pasal 9 ayat (1)" + (kind == CooperationKind.Ksdpk ? " jo. Pasal 22 ayat (1)" : ""),
            CooperationKind.Sinergi => "praktik daerah",
            _ => "Permendagri 25/2020 Pasal 34",
        };
        yield return new() { Stage = Stage.Implementation, Action = ActionCode.Amend, Label = "Catat addendum", Roles = Officer, Clock = ClockRule.Keep, MainPath = false,
            Requires = [NewSignedAddendum], ClockText = "perubahan yang memperpanjang jangka waktu atau menambah biaya di luar APBD dapat memerlukan persetujuan DPRD lagi (praktik daerah)",
            Basis = foreign ? "Permendagri 25/2020 Pasal 20 ayat (5) (amandemen sebagai muatan naskah)" : "praktik daerah (naskah perubahan/addendum yang ditandatangani para pihak)",
            Certainty = foreign ? Certainty.Verified : Certainty.Inferred };
        if (foreign)
            yield return new() { Stage = Stage.Implementation, Action = ActionCode.RequestExtension, Label = "Ajukan perpanjangan", Roles = Officer, Clock = ClockRule.TermEnd, MainPath = false,
                Input = ActionInput.NewEndDate, Requires = [Doc(DocumentKind.AnnualActivityPlan), ExtensionRequestedInTime],
                ClockText = $"diajukan paling lambat {ForeignExtensionLead.Text} sebelum tanggal berakhir; tanggal berakhir yang baru dicatat", Basis = "Permendagri 25/2020 Pasal 26, 32 dan 33" };
        else
            yield return new() { Stage = Stage.Implementation, Action = ActionCode.Extend, Label = "Catat perpanjangan", Roles = Officer, Clock = ClockRule.TermEnd, Input = ActionInput.NewEndDate,
                Requires = [NewSignedAddendum], ClockText = "dicatat dengan addendum atau naskah baru yang ditandatangani sebelum tanggal berakhir", MainPath = false,
                Basis = "praktik daerah (perpanjangan dengan naskah perubahan)", Certainty = Certainty.LocalPractice };
        yield return new() { Stage = Stage.Implementation, Action = ActionCode.Expire, Label = "Berakhir karena jangka waktu", Outcomes = [new(Stage.Ended, EndReason: EndReason.TermExpired)], Roles = SystemOnly,
            DueFrom = ctx => ctx.Agreement.EndsOn?.AddDays(1), ClockText = "otomatis sehari setelah tanggal berakhir", MainPath = false,
            Basis = foreign ? "Permendagri 25/2020 Pasal 32 dan 34" : $"{ends} huruf a".Replace("praktik daerah huruf a", "praktik daerah"),
            Certainty = kind == CooperationKind.Sinergi ? Certainty.Inferred : Certainty.Verified };
        yield return new() { Stage = Stage.Implementation, Action = ActionCode.Complete, Label = "Nyatakan selesai (tujuan tercapai)", Outcomes = [new(Stage.Ended, EndReason: EndReason.GoalAchieved)], Roles = Officer,
            Requires = [Doc(DocumentKind.ClosingReport)], MainPath = false,
            Basis = foreign ? "Permendagri 25/2020 Pasal 34" : $"{ends} huruf b".Replace("praktik daerah huruf b", "praktik daerah"),
            Certainty = kind == CooperationKind.Sinergi ? Certainty.Inferred : Certainty.Verified };
    }

    private static IReadOnlyList<LifecycleRule> WithCommon(CooperationKind kind, List<LifecycleRule> route)
    {
        var stages = route.Select(r => r.Stage).Distinct().ToList();
        foreach (var stage in stages)
        {
            route.Add(new() { Stage = stage, Action = ActionCode.Terminate, Label = "Akhiri kerja sama", Outcomes = [new(Stage.Ended)], Roles = Officer,
                Requires = [Doc(DocumentKind.TerminationLetter)], Input = ActionInput.ReasonCode | ActionInput.Document, MainPath = false,
                Basis = TerminationBasis(kind), Certainty = kind == CooperationKind.Sinergi ? Certainty.Inferred : Certainty.Verified });
            route.Add(new() { Stage = stage, Action = ActionCode.AddNote, Label = "Tambah catatan", Roles = Participants, Clock = ClockRule.Keep, MainPath = false,
                Input = ActionInput.Document, Basis = "penatausahaan, PP 28/2018 Pasal 6 ayat (1) huruf i" });
        }
        return route;
    }
}
