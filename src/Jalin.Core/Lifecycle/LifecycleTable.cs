using Jalin.Core.Agreements;
using Jalin.Core.Identity;
using static Jalin.Core.Lifecycle.Prerequisites;

namespace Jalin.Core.Lifecycle;

/// <summary>The legal route of each kind of cooperation, written once (LIFECYCLE.md). The API's
/// allowed transitions, the UI's buttons, due dates and docs/lifecycle.md all come from here.</summary>
public static class LifecycleTable
{
    public const string Terminate = "terminate";
    public const string AddNote = "add-note";

    private static readonly Role[] Officer = [Role.CooperationOfficer];
    private static readonly Role[] SystemOnly = [Role.System];
    private static readonly Role[] DprdOrOfficer = [Role.DprdViewer, Role.CooperationOfficer];

    /// <summary>Who may add a note at any stage ("any participant of the stage").</summary>
    public static readonly Role[] Participants =
        [Role.CooperationOfficer, Role.AgencyUser, Role.TeamMember, Role.Leader, Role.DprdViewer, Role.PartnerUser];

    public static IReadOnlyList<LifecycleRule> For(CooperationKind kind) => Tables[kind];

    public static IEnumerable<Stage> Stages(CooperationKind kind) =>
        Tables[kind].Select(r => r.Stage).Append(Stage.Ended).Distinct();

    public static IEnumerable<LifecycleRule> RulesAt(CooperationKind kind, Stage stage) =>
        Tables[kind].Where(r => r.Stage == stage);

    public static LifecycleRule? Find(CooperationKind kind, Stage stage, string action) =>
        Tables[kind].FirstOrDefault(r => r.Stage == stage && r.Action == action);

    public static bool IsKnownAction(CooperationKind kind, string action) => Tables[kind].Any(r => r.Action == action);

    /// <summary>End reasons allowed for <c>terminate</c> of this kind (PP 28/2018 Ps 9; Ps 22 adds two for KSDPK).</summary>
    public static IReadOnlyList<EndReason> TerminationReasons(CooperationKind kind) =>
        Enum.GetValues<EndReason>()
            .Where(r => kind == CooperationKind.Ksdpk || r is not (EndReason.CourtDecision or EndReason.PartnerBankrupt))
            .ToList();

    private static readonly Dictionary<CooperationKind, IReadOnlyList<LifecycleRule>> Tables = new()
    {
        [CooperationKind.KsddWajib] = WithCommon(DomesticRoute(CooperationKind.KsddWajib)),
        [CooperationKind.KsddSukarela] = WithCommon(DomesticRoute(CooperationKind.KsddSukarela)),
        [CooperationKind.Ksdpk] = WithCommon(DomesticRoute(CooperationKind.Ksdpk)),
        [CooperationKind.Sinergi] = WithCommon(SinergiRoute()),
        [CooperationKind.Ksdpl] = WithCommon(ForeignRoute()),
        [CooperationKind.Ksdll] = WithCommon(ForeignRoute()),
    };

    // §1. KSDD wajib, KSDD sukarela, KSDPK (PP 28/2018 Ps 6(1), Ps 19)
    private static List<LifecycleRule> DomesticRoute(CooperationKind kind)
    {
        var preparation = kind switch
        {
            CooperationKind.Ksdpk => new[] { Doc(DocumentKind.FeasibilityStudy), Doc(DocumentKind.TermsOfReference), Doc(DocumentKind.Assessment) },
            CooperationKind.KsddWajib => [Doc(DocumentKind.TermsOfReference), Doc(DocumentKind.Assessment), MappingItem, Bordering],
            _ => [Doc(DocumentKind.TermsOfReference), Doc(DocumentKind.Assessment)],
        };
        var prepBasis = kind == CooperationKind.Ksdpk
            ? "PP 28/2018 Ps 19, Ps 6(1)a; UU 23/2014 Ps 366(3) (studi kelayakan wajib) [V]"
            : kind == CooperationKind.KsddWajib
                ? "PP 28/2018 Ps 5, Ps 6(1)a; UU 23/2014 Ps 364(1) (berbatasan) [V]; Permendagri 22/2020 Ps 7 [V via praktik]"
                : "PP 28/2018 Ps 6(1)a [V]; Permendagri 22/2020 Ps 7 [V via praktik]";

        return
        [
            new() { Stage = Stage.Preparation, Action = "complete-preparation", Label = "Selesaikan persiapan", Outcomes = [new(Stage.Offer)], Roles = Officer, Requires = preparation, Basis = prepBasis },
            new() { Stage = Stage.Offer, Action = "accept-offer", Label = "Catat penawaran diterima", Outcomes = [new(Stage.DraftingKb)], Roles = Officer,
                Requires = [Doc(DocumentKind.OfferLetter), Doc(DocumentKind.OfferAnswer)], Basis = "PP 28/2018 Ps 6(1)b [V]; surat penawaran oleh kepala daerah [V-local Yogyakarta]",
                ClockText = "batas jawaban: pengaturan daerah, tanpa batas secara bawaan [U]" },
            new() { Stage = Stage.Offer, Action = "decline-offer", Label = "Catat penawaran ditolak", Outcomes = [new(Stage.Ended, EndReason: EndReason.DeclinedByPartner)], Roles = Officer,
                Requires = [Doc(DocumentKind.OfferAnswer)], Basis = "praktik" },
            new() { Stage = Stage.DraftingKb, Action = "finalize-kb", Label = "Finalkan rancangan KB", Outcomes = [new(Stage.SigningKb)], Roles = Officer,
                Requires = [Doc(DocumentKind.KesepakatanBersama), DraftReady(DocumentKind.KesepakatanBersama)], Basis = "PP 28/2018 Ps 6(1)c [V]" },
            new() { Stage = Stage.SigningKb, Action = "record-kb-signing", Label = "Catat penandatanganan KB",
                Outcomes = [new(Stage.DprdApproval, Condition.NeedsDprd), new(Stage.DraftingPks, Condition.NoDprdNeeded)], Roles = Officer,
                Requires = [Signed(DocumentKind.KesepakatanBersama), PartyNumbers], RecordsSigning = DocumentKind.KesepakatanBersama,
                Basis = "PP 28/2018 Ps 6(1)d, 6(2), Ps 2, 13 [V]" },
            .. DprdRules(Stage.DraftingPks, Stage.DraftingKb, foreign: false),
            new() { Stage = Stage.DraftingPks, Action = "finalize-pks", Label = "Finalkan rancangan PKS", Outcomes = [new(Stage.SigningPks)], Roles = Officer,
                Requires = [Doc(DocumentKind.PerjanjianKerjaSama), PksNamesKb, DraftReady(DocumentKind.PerjanjianKerjaSama)], Basis = "PP 28/2018 Ps 6(1)f [V]" },
            new() { Stage = Stage.SigningPks, Action = "record-pks-signing", Label = "Catat penandatanganan PKS", Outcomes = [new(Stage.Implementation)], Roles = Officer,
                Requires = [Signed(DocumentKind.PerjanjianKerjaSama), PartyNumbers, PowerOfAttorneyWhereNeeded, EndDateSet], Clock = ClockEffect.TermEnd,
                RecordsSigning = DocumentKind.PerjanjianKerjaSama, Basis = "PP 28/2018 Ps 2(2), 6(1)g, 13 [V]" },
            .. ImplementationRules(foreign: false),
        ];
    }

    // §2. Sinergi (PP 28/2018 Ps 46)
    private static List<LifecycleRule> SinergiRoute() =>
    [
        new() { Stage = Stage.Offer, Action = "accept-offer", Label = "Terima penawaran Sinergi", Outcomes = [new(Stage.Discussion)], Roles = Officer,
            Requires = [Doc(DocumentKind.OfferLetter), Doc(DocumentKind.TermsOfReference)], Basis = "PP 28/2018 Ps 46 [V]; KAK Sinergi [V-local Yogyakarta]" },
        new() { Stage = Stage.Offer, Action = "decline-offer", Label = "Tolak penawaran Sinergi", Outcomes = [new(Stage.Ended, EndReason: EndReason.DeclinedByPartner)], Roles = Officer,
            Requires = [Doc(DocumentKind.OfferAnswer)], Basis = "praktik" },
        new() { Stage = Stage.Discussion, Action = "finalize-nk", Label = "Finalkan Nota Kesepakatan", Outcomes = [new(Stage.SigningNk)], Roles = Officer,
            Requires = [Doc(DocumentKind.Assessment), Doc(DocumentKind.NotaKesepakatan), DraftReady(DocumentKind.NotaKesepakatan)], Basis = "[V-local Yogyakarta]" },
        new() { Stage = Stage.SigningNk, Action = "record-nk-signing", Label = "Catat penandatanganan Nota Kesepakatan", Outcomes = [new(Stage.Implementation)], Roles = Officer,
            Requires = [Signed(DocumentKind.NotaKesepakatan), PartyNumbers, EndDateSet], Clock = ClockEffect.TermEnd, RecordsSigning = DocumentKind.NotaKesepakatan,
            Basis = "PP 28/2018 Ps 46 [V]" },
        .. ImplementationRules(foreign: false),
    ];

    // §3. KSDPL and KSDLL (Permendagri 25/2020; PP 28/2018 Ps 28–33)
    private static List<LifecycleRule> ForeignRoute() =>
    [
        new() { Stage = Stage.Initiative, Action = "start-exploration", Label = "Mulai penjajakan", Outcomes = [new(Stage.Exploration)], Roles = Officer, Basis = "Permendagri 25/2020 Ps 9–10 [V]" },
        new() { Stage = Stage.Exploration, Action = "complete-study", Label = "Selesaikan kajian", Outcomes = [new(Stage.LoiConsultation)], Roles = Officer,
            Requires = [Doc(DocumentKind.ForeignStudy)], Basis = "Permendagri 25/2020 Ps 11–12 [V]" },
        new() { Stage = Stage.LoiConsultation, Action = "record-consultation-answer", Label = "Catat jawaban konsultasi Menteri", Outcomes = [new(Stage.LoiSigning)], Roles = Officer,
            Requires = [Doc(DocumentKind.ConsultationLetter), Doc(DocumentKind.MinisterAnswer)], Basis = "Permendagri 25/2020 Ps 13–14 [V]" },
        new() { Stage = Stage.LoiSigning, Action = "record-loi-signing", Label = "Catat penandatanganan LoI", Outcomes = [new(Stage.DraftingRks)], Roles = Officer,
            Requires = [Signed(DocumentKind.PernyataanKehendak)], Clock = ClockEffect.LoiValidity, ClockText = "LoI berlaku paling lama 1 tahun",
            RecordsSigning = DocumentKind.PernyataanKehendak, Basis = "Permendagri 25/2020 Ps 13 [V]" },
        new() { Stage = Stage.DraftingRks, Action = "finalize-rks", Label = "Finalkan Rencana Kerja Sama",
            Outcomes = [new(Stage.DprdApproval, Condition.NotForwarding), new(Stage.Verification, Condition.Forwarding)], Roles = Officer,
            Requires = [Doc(DocumentKind.RencanaKerjaSama), DraftReady(DocumentKind.RencanaKerjaSama)], Clock = ClockEffect.Keep, Basis = "Permendagri 25/2020 Ps 15–16, 27–30 [V]" },
        .. DprdRules(Stage.Verification, Stage.DraftingRks, foreign: true),
        new() { Stage = Stage.Verification, Action = "send-for-verification", Label = "Kirim untuk verifikasi Menteri", Roles = Officer,
            Requires = [Doc(DocumentKind.ForeignStudy), Signed(DocumentKind.PernyataanKehendak), Doc(DocumentKind.RencanaKerjaSama), DprdApprovedOrForwarding],
            Clock = ClockEffect.GovernorForward, ClockText = "Gubernur meneruskan dalam 5 hari kerja, bila tidak kab/kota mengirim langsung", Basis = "Permendagri 25/2020 Ps 18 [V]" },
        new() { Stage = Stage.Verification, Action = "record-minister-review", Label = "Catat pertimbangan Menteri",
            Outcomes = [new(Stage.DraftingNaskah, Decision: "proceed", DecisionLabel: "Menteri meminta menyusun rancangan naskah"), new(Stage.DraftingRks, Decision: "revise-rks", DecisionLabel: "Menteri meminta perbaikan RKS")],
            Roles = Officer, Requires = [Doc(DocumentKind.MinisterReview)], Basis = "Permendagri 25/2020 Ps 19 [V]" },
        new() { Stage = Stage.DraftingNaskah, Action = "submit-naskah", Label = "Ajukan rancangan naskah", Outcomes = [new(Stage.Discussion)], Roles = Officer,
            Requires = [Doc(DocumentKind.NaskahLuarNegeri), DraftReady(DocumentKind.NaskahLuarNegeri)], Clock = ClockEffect.GovernorForward, ClockText = "Gubernur meneruskan dalam 5 hari kerja", Basis = "Permendagri 25/2020 Ps 20 [V]" },
        new() { Stage = Stage.Discussion, Action = "record-confirmation-letter", Label = "Catat surat konfirmasi Kemlu", Outcomes = [new(Stage.MinisterApproval)], Roles = Officer,
            Requires = [Doc(DocumentKind.MeetingMinutes), Doc(DocumentKind.ConfirmationLetter)], Basis = "Permendagri 25/2020 Ps 21–23 [V]" },
        new() { Stage = Stage.MinisterApproval, Action = "record-minister-approval", Label = "Catat persetujuan Menteri", Outcomes = [new(Stage.Signing)], Roles = Officer,
            Requires = [Doc(DocumentKind.MinisterApproval)], Basis = "Permendagri 25/2020 Ps 24 [V]" },
        new() { Stage = Stage.Signing, Action = "record-signing", Label = "Catat penandatanganan naskah", Outcomes = [new(Stage.Implementation)], Roles = Officer,
            Requires = [Signed(DocumentKind.NaskahLuarNegeri), EndDateSet, ForeignTermWithinFiveYears], Clock = ClockEffect.TermEnd,
            RecordsSigning = DocumentKind.NaskahLuarNegeri, Basis = "Permendagri 25/2020 Ps 25, 32 [V]" },
        .. ImplementationRules(foreign: true),
    ];

    private static IEnumerable<LifecycleRule> DprdRules(Stage approved, Stage revise, bool foreign)
    {
        var basis = foreign ? "Permendagri 25/2020 Ps 16–17 [V]" : "PP 28/2018 Ps 6(2) [V]; Perda DIY 1/2023 Ps 12 [V]";
        var requestNeeds = foreign
            ? new[] { Doc(DocumentKind.DprdRequest), Doc(DocumentKind.RencanaKerjaSama), Signed(DocumentKind.PernyataanKehendak) }
            : [Doc(DocumentKind.DprdRequest), Doc(DocumentKind.KesepakatanBersama)];
        var rejected = foreign
            ? new Outcome[] { new(Stage.Ended, Decision: "end", EndReason: EndReason.RejectedByDprd, DecisionLabel: "Kerja sama dihentikan"), new(revise, Decision: "revise", DecisionLabel: "Perbaiki RKS") }
            : [new(revise, Decision: "revise", DecisionLabel: "Perbaiki KB"), new(Stage.Ended, Decision: "end", EndReason: EndReason.RejectedByDprd, DecisionLabel: "Kerja sama dihentikan")];
        yield return new() { Stage = Stage.DprdApproval, Action = "request-dprd-approval", Label = "Ajukan permohonan persetujuan DPRD", Roles = Officer,
            Requires = requestNeeds, Clock = ClockEffect.DprdResponse, Input = ActionInput.ReceivedOn,
            ClockText = foreign ? "DPRD menjawab paling lama 45 hari kerja sejak diterima Sekretariat DPRD; diam = disetujui" : "45 hari kerja sejak diterima Sekretariat DPRD (pengaturan daerah) [U]",
            Basis = basis };
        yield return new() { Stage = Stage.DprdApproval, Action = "record-dprd-approval", Label = "Catat persetujuan DPRD", Outcomes = [new(approved)], Roles = DprdOrOfficer,
            Requires = [DprdRequested, Doc(DocumentKind.DprdDecision)], Basis = basis };
        yield return new() { Stage = Stage.DprdApproval, Action = "dprd-deemed-approved", Label = "DPRD dianggap menyetujui", Outcomes = [new(approved)], Roles = SystemOnly,
            Requires = [DprdRequested, foreign ? Always : DeemedApprovalOn], DueFrom = ctx => ctx.Agreement.DueAction == "dprd-deemed-approved" ? ctx.Agreement.DueOn?.AddDays(1) : null,
            ClockText = "berlaku otomatis sehari setelah batas jawaban DPRD berakhir",
            Basis = foreign ? "Permendagri 25/2020 Ps 17 [V]" : "PP 50/2007; Permendagri 25/2020 Ps 17 secara analogi [U]" };
        yield return new() { Stage = Stage.DprdApproval, Action = "record-dprd-rejection", Label = "Catat penolakan DPRD", Outcomes = rejected, Roles = DprdOrOfficer,
            Requires = [DprdRequested, Doc(DocumentKind.DprdDecision)], Basis = "[I]" };
    }

    private static IEnumerable<LifecycleRule> ImplementationRules(bool foreign)
    {
        yield return new() { Stage = Stage.Implementation, Action = "amend", Label = "Catat addendum", Roles = Officer, Clock = ClockEffect.Keep,
            Requires = [NewSignedAddendum], ClockText = "perubahan yang memperpanjang jangka waktu atau menambah biaya di luar APBD dapat memerlukan DPRD lagi [I]",
            Basis = foreign ? "Permendagri 25/2020 Ps 20 (amandemen) [V]" : "PP 28/2018 Ps 6(1)h–j [V]; praktik addendum" };
        if (foreign)
            yield return new() { Stage = Stage.Implementation, Action = "request-extension", Label = "Ajukan perpanjangan", Roles = Officer, Clock = ClockEffect.Keep,
                Requires = [Doc(DocumentKind.AnnualActivityPlan), SixMonthsBeforeEnd], ClockText = "paling lambat 6 bulan sebelum berakhir", Basis = "Permendagri 25/2020 Ps 26, 33 [V]" };
        else
            yield return new() { Stage = Stage.Implementation, Action = "extend", Label = "Catat perpanjangan", Roles = Officer, Clock = ClockEffect.TermEnd, Input = ActionInput.NewEndDate,
                Requires = [NewSignedAddendum], ClockText = "diajukan sebelum tanggal berakhir; pengingat bertahap", Basis = "[V-local Yogyakarta]" };
        yield return new() { Stage = Stage.Implementation, Action = "expire", Label = "Berakhir karena jangka waktu", Outcomes = [new(Stage.Ended, EndReason: EndReason.TermExpired)], Roles = SystemOnly,
            DueFrom = ctx => ctx.Agreement.EndsOn?.AddDays(1), ClockText = "otomatis sehari setelah tanggal berakhir",
            Basis = foreign ? "Permendagri 25/2020 Ps 32, 34 [V]" : "PP 28/2018 Ps 9 [V]" };
        yield return new() { Stage = Stage.Implementation, Action = "complete", Label = "Nyatakan selesai (tujuan tercapai)", Outcomes = [new(Stage.Ended, EndReason: EndReason.GoalAchieved)], Roles = Officer,
            Requires = [Doc(DocumentKind.ClosingReport)], Basis = foreign ? "Permendagri 25/2020 Ps 34 [V]" : "PP 28/2018 Ps 9 [V]" };
    }

    private static IReadOnlyList<LifecycleRule> WithCommon(List<LifecycleRule> route)
    {
        var stages = route.Select(r => r.Stage).Distinct().ToList();
        foreach (var stage in stages)
        {
            route.Add(new() { Stage = stage, Action = Terminate, Label = "Akhiri kerja sama", Outcomes = [new(Stage.Ended)], Roles = Officer,
                Requires = [Doc(DocumentKind.TerminationLetter)], Input = ActionInput.ReasonCode,
                Basis = "PP 28/2018 Ps 9, Ps 22 (KSDPK) [V]; pergantian kepala daerah bukan alasan [V]" });
            route.Add(new() { Stage = stage, Action = AddNote, Label = "Tambah catatan", Roles = Participants, Clock = ClockEffect.Keep,
                Basis = "penatausahaan, PP 28/2018 Ps 6(1)i [V]" });
        }
        return route;
    }
}
