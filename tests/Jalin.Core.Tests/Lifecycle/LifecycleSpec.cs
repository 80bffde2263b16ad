using Jalin.Core.Agreements;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using static Jalin.Core.Lifecycle.Stage;

namespace Jalin.Core.Tests.Lifecycle;

/// <summary>The rows of /work/shared/docs/LIFECYCLE.md (§1–§3), copied by hand: stage, action
/// code, and the next stage(s) for an agreement variant. Empty = the agreement stays. The common
/// <c>terminate</c>/<c>add-note</c> rows are added for every non-ended stage.</summary>
public static class LifecycleSpec
{
    public sealed record Row(Stage Stage, string Action, Func<Satisfier.Variant, Stage[]> To);

    private static Row R(Stage stage, string action, params Stage[] to) => new(stage, action, _ => to);

    private static Row C(Stage stage, string action, Func<Satisfier.Variant, Stage[]> to) => new(stage, action, to);

    private static readonly Row[] Domestic =
    [
        R(Preparation, "complete-preparation", Offer),
        R(Offer, "accept-offer", DraftingKb),
        R(Offer, "decline-offer", Ended),
        R(DraftingKb, "finalize-kb", SigningKb),
        C(SigningKb, "record-kb-signing", v => v.NeedsDprd ? [DprdApproval] : [DraftingPks]),
        R(DprdApproval, "request-dprd-approval"),
        R(DprdApproval, "record-dprd-approval", DraftingPks),
        R(DprdApproval, "dprd-deemed-approved", DraftingPks),
        R(DprdApproval, "record-dprd-rejection", DraftingKb, Ended),
        R(DraftingPks, "finalize-pks", SigningPks),
        R(SigningPks, "record-pks-signing", Implementation),
        R(Implementation, "amend"),
        R(Implementation, "extend"),
        R(Implementation, "expire", Ended),
        R(Implementation, "complete", Ended),
    ];

    private static readonly Row[] Sinergi =
    [
        R(Offer, "accept-offer", Discussion),
        R(Offer, "decline-offer", Ended),
        R(Discussion, "finalize-nk", SigningNk),
        R(SigningNk, "record-nk-signing", Implementation),
        R(Implementation, "amend"),
        R(Implementation, "extend"),
        R(Implementation, "expire", Ended),
        R(Implementation, "complete", Ended),
    ];

    private static readonly Row[] Foreign =
    [
        R(Stage.Initiative, "start-exploration", Exploration),
        R(Exploration, "complete-study", LoiConsultation),
        R(LoiConsultation, "record-consultation-answer", LoiSigning),
        R(LoiSigning, "record-loi-signing", DraftingRks),
        // PP 28/2018 Ps 38 sends every KSDLL to the DPRD; only a region following Permendagri 25/2020 Ps 16 skips it for penerusan.
        C(DraftingRks, "finalize-rks", v => v.Forwarding && v.SkipsDprd ? [Verification] : [DprdApproval]),
        R(DprdApproval, "request-dprd-approval"),
        R(DprdApproval, "record-dprd-approval", Verification),
        R(DprdApproval, "dprd-deemed-approved", Verification),
        R(DprdApproval, "record-dprd-rejection", DraftingRks, Ended),
        R(Verification, "send-for-verification"),
        R(Verification, "record-minister-review", DraftingNaskah, DraftingRks),
        R(DraftingNaskah, "submit-naskah", Discussion),
        R(Discussion, "record-confirmation-letter", MinisterApproval),
        R(MinisterApproval, "record-minister-approval", Signing),
        R(Signing, "record-signing", Implementation),
        R(Implementation, "amend"),
        R(Implementation, "request-extension"),
        R(Implementation, "expire", Ended),
        R(Implementation, "complete", Ended),
    ];

    /// <summary>KSDPK aset, investasi, lainnya (PP 28/2018 Ps 15(3)–(4)): recorded, then implementation.</summary>
    private static readonly Row[] OwnRegime =
    [
        R(Recording, "record-own-regime-agreement", Implementation),
    ];

    public static IReadOnlyList<Row> For(CooperationKind kind)
    {
        var route = kind switch
        {
            CooperationKind.Sinergi => Sinergi,
            CooperationKind.Ksdpl or CooperationKind.Ksdll => Foreign,
            CooperationKind.Ksdpk => [.. Domestic, .. OwnRegime],
            // Issue #10 item 5 (docs/adr/0008): the addressed region answers a KSDD offer itself: accept, decline, or ask for changes.
            _ => [.. Domestic, R(Offer, "answer-offer", DraftingKb, Ended, Preparation)],
        };
        var stages = route.Select(r => r.Stage).Distinct();
        return [.. route, .. stages.SelectMany(s => new[] { R(s, "terminate", Ended), R(s, "add-note") })];
    }

    public static Row? Find(CooperationKind kind, Stage stage, string action) =>
        For(kind).SingleOrDefault(r => r.Stage == stage && r.Action == action);

    private static string D(DocumentKind k) => $"doc:{k}";
    /// <summary>ISSUE #3 §6: sending a naskah to signing needs its Jalin draft to have the required muatan (or a recorded override).</summary>
    private static string R(DocumentKind k) => $"draft-ready:{k}";

    private static string S(DocumentKind k) => $"signed:{k}";

    /// <summary>The "must exist first" column as prerequisite codes ("none" left out).</summary>
    public static string[] Requires(CooperationKind kind, string action)
    {
        var foreign = kind.IsForeign();
        return action switch
        {
            "complete-preparation" => kind switch
            {
                CooperationKind.Ksdpk => [D(DocumentKind.FeasibilityStudy), D(DocumentKind.TermsOfReference), D(DocumentKind.Assessment)],
                CooperationKind.KsddWajib => [D(DocumentKind.TermsOfReference), D(DocumentKind.Assessment), "mapping-item", "bordering"],
                _ => [D(DocumentKind.TermsOfReference), D(DocumentKind.Assessment)],
            },
            "accept-offer" => kind == CooperationKind.Sinergi
                ? [D(DocumentKind.OfferLetter), D(DocumentKind.TermsOfReference)]
                : [D(DocumentKind.OfferLetter), D(DocumentKind.OfferAnswer)],
            "decline-offer" => [D(DocumentKind.OfferAnswer)],
            "answer-offer" => [D(DocumentKind.OfferLetter)],
            "finalize-kb" => [D(DocumentKind.KesepakatanBersama), R(DocumentKind.KesepakatanBersama)],
            "record-kb-signing" => [S(DocumentKind.KesepakatanBersama), "party-numbers", "kb-signatories"],
            "request-dprd-approval" => foreign
                ? [D(DocumentKind.DprdRequest), D(DocumentKind.RencanaKerjaSama), S(DocumentKind.PernyataanKehendak)]
                : [D(DocumentKind.DprdRequest), D(DocumentKind.KesepakatanBersama)],
            "record-dprd-approval" or "record-dprd-rejection" => ["dprd-requested", D(DocumentKind.DprdDecision)],
            "dprd-deemed-approved" => foreign ? ["dprd-requested"] : ["dprd-requested", "deemed-approval-setting"],
            "finalize-pks" => [D(DocumentKind.PerjanjianKerjaSama), "pks-names-kb", R(DocumentKind.PerjanjianKerjaSama)],
            "record-pks-signing" => [S(DocumentKind.PerjanjianKerjaSama), "party-numbers", "power-of-attorney", "term"],
            "finalize-nk" => [D(DocumentKind.Assessment), D(DocumentKind.NotaKesepakatan), "nk-work-plan", R(DocumentKind.NotaKesepakatan)],
            "record-nk-signing" => [S(DocumentKind.NotaKesepakatan), "nk-work-plan", "party-numbers", "term"],
            "record-own-regime-agreement" => ["own-regime-basis", S(DocumentKind.PerjanjianKerjaSama), "term"],
            "start-exploration" => [],
            "complete-study" => [D(DocumentKind.ForeignStudy)],
            "record-consultation-answer" => [D(DocumentKind.ConsultationLetter), D(DocumentKind.MinisterAnswer)],
            "record-loi-signing" => [S(DocumentKind.PernyataanKehendak)],
            "finalize-rks" => [D(DocumentKind.RencanaKerjaSama), R(DocumentKind.RencanaKerjaSama)],
            "send-for-verification" => [D(DocumentKind.ForeignStudy), S(DocumentKind.PernyataanKehendak), D(DocumentKind.RencanaKerjaSama), "dprd-approved"],
            "record-minister-review" => [D(DocumentKind.MinisterReview)],
            "submit-naskah" => [D(DocumentKind.NaskahLuarNegeri), R(DocumentKind.NaskahLuarNegeri)],
            "record-confirmation-letter" => [D(DocumentKind.MeetingMinutes), D(DocumentKind.ConfirmationLetter)],
            "record-minister-approval" => [D(DocumentKind.MinisterApproval)],
            "record-signing" => [S(DocumentKind.NaskahLuarNegeri), "term", "term-5-years"],
            "amend" or "extend" => ["signed-addendum"],
            "request-extension" => [D(DocumentKind.AnnualActivityPlan), "six-months"],
            "expire" => [],
            "complete" => [D(DocumentKind.ClosingReport)],
            "terminate" => [D(DocumentKind.TerminationLetter)],
            "add-note" => [],
            _ => throw new InvalidOperationException($"LIFECYCLE.md has no action {action}"),
        };
    }

    /// <summary>The "acting role" column.</summary>
    public static Role[] Roles(string action) => action switch
    {
        "dprd-deemed-approved" or "expire" => [Role.System],
        "record-dprd-approval" or "record-dprd-rejection" => [Role.DprdViewer, Role.CooperationOfficer],
        "add-note" => [Role.CooperationOfficer, Role.AgencyUser, Role.TeamMember, Role.Leader, Role.DprdViewer, Role.PartnerUser],
        _ => [Role.CooperationOfficer],
    };
}
