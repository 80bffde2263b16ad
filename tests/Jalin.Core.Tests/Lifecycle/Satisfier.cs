using Jalin.Core.Agreements;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;

namespace Jalin.Core.Tests.Lifecycle;

/// <summary>Builds, for one lifecycle row, an agreement and context in which every prerequisite of
/// the row is met — or all but one, which is then broken on purpose. Keyed by prerequisite code,
/// so a new row using known prerequisites is covered without touching the tests; a new
/// prerequisite code fails <see cref="KnowsEveryPrerequisiteCode"/> until it is taught here.</summary>
public static class Satisfier
{
    public static readonly DateOnly Today = new(2026, 11, 24);
    public static readonly DateOnly Start = new(2026, 1, 1);
    public static readonly DateOnly End = new(2029, 12, 31);

    /// <summary>What the variants of an agreement can differ in (they choose among outcomes).</summary>
    public sealed record Variant(bool NeedsDprd, bool Forwarding, bool SkipsDprd = false)
    {
        public override string ToString() => $"needsDprd={NeedsDprd}, forwarding={Forwarding}, skipsDprd={SkipsDprd}";
    }

    public static IEnumerable<Variant> Variants(CooperationKind kind)
    {
        yield return new(NeedsDprd: true, Forwarding: false);
        yield return new(NeedsDprd: false, Forwarding: false);
        if (kind == CooperationKind.Ksdll)
        {
            yield return new(NeedsDprd: true, Forwarding: true);
            yield return new(NeedsDprd: false, Forwarding: true);
            yield return new(NeedsDprd: false, Forwarding: true, SkipsDprd: true);
        }
    }

    private sealed class Builder(Agreement agreement)
    {
        public Agreement Agreement { get; } = agreement;
        public LifecycleSettings Settings { get; set; } = LifecycleSettings.Default with { DprdDeemedApproval = true };
        public DateOnly Today { get; set; } = Satisfier.Today;
        public Dictionary<DocumentKind, bool> Drafts { get; } = [];
    }

    private static AgreementDocument Doc(Agreement a, DocumentKind kind, bool signed = false, Guid? parent = null) => new()
    {
        AgreementId = a.Id, Kind = kind, Title = kind.Label(), Stage = a.Stage, ParentDocumentId = parent,
        SignedOn = signed ? new DateOnly(2026, 11, 2) : null, FileSha256 = signed ? new string('a', 64) : null,
    };

    private static void EnsureDoc(Builder b, DocumentKind kind)
    {
        if (!b.Agreement.Documents.Any(d => d.Kind == kind)) b.Agreement.Documents.Add(Doc(b.Agreement, kind));
    }

    private static StageChange History(Agreement a, string action) => new()
    {
        AgreementId = a.Id, Action = action, FromStage = a.Stage, ToStage = a.Stage, ActorUserId = "u", ActorName = "Petugas",
    };

    private static readonly Dictionary<string, (Action<Builder> Satisfy, Action<Builder> Break)> ByCode = new()
    {
        ["kb-signatories"] = (
            b => { foreach (var p in b.Agreement.Parties.Where(p => p.RegionCode is not null)) p.SignatoryOffice = p.Order == 1 ? "Wali Kota Cimahi" : "Bupati Bandung"; },
            b => b.Agreement.Parties[0].SignatoryOffice = "Sekretaris Daerah Kota Cimahi"),
        ["own-regime-basis"] = (b => b.Agreement.OwnRegimeBasis = "PP 27/2014; Kerja Sama Pemanfaatan", b => b.Agreement.OwnRegimeBasis = null),
        ["nk-work-plan"] = (
            b => { if (!b.Agreement.Documents.Any(d => d.Kind == DocumentKind.WorkPlanAnnex)) b.Agreement.Documents.Add(Doc(b.Agreement, DocumentKind.WorkPlanAnnex)); },
            b => { b.Agreement.Documents.RemoveAll(d => d.Kind == DocumentKind.WorkPlanAnnex); b.Drafts.Remove(DocumentKind.NotaKesepakatan); }),
        ["party-numbers"] = (
            b => { foreach (var p in b.Agreement.Parties) p.DocumentNumber ??= $"NO/{p.Order}/2026"; },
            b => b.Agreement.Parties[^1].DocumentNumber = null),
        ["mapping-item"] = (b => b.Agreement.MappingReference = "Pemetaan urusan 2026 butir 3", b => b.Agreement.MappingReference = null),
        // met by the land-border data alone (Cimahi–Kabupaten Bandung border); broken: a party that borders no other
        // (Kota Kupang) and no confirmation with a reason (PP 28/2018 Pasal 3 ayat (2)).
        ["bordering"] = (
            b => b.Agreement.BorderingConfirmed = false,
            b =>
            {
                b.Agreement.BorderingConfirmed = false;
                foreach (var p in b.Agreement.Parties.Where(p => p.Order > 1 && p.RegionCode is not null)) p.RegionCode = "53.71";
            }),
        ["pks-names-kb"] = (
            b =>
            {
                var a = b.Agreement;
                var kb = a.Documents.FirstOrDefault(d => d.Kind == DocumentKind.KesepakatanBersama)
                    ?? Add(a, Doc(a, DocumentKind.KesepakatanBersama));
                var pks = a.Documents.FirstOrDefault(d => d.Kind == DocumentKind.PerjanjianKerjaSama)
                    ?? Add(a, Doc(a, DocumentKind.PerjanjianKerjaSama));
                pks.ParentDocumentId = kb.Id;
            },
            b => { foreach (var d in b.Agreement.Documents.Where(d => d.Kind == DocumentKind.PerjanjianKerjaSama)) d.ParentDocumentId = null; }),
        ["power-of-attorney"] = (
            b => { foreach (var p in b.Agreement.Parties.Where(p => p.RegionCode is not null)) p.SignatoryOffice = p.Order == 1 ? "Wali Kota Cimahi" : "Bupati Bandung"; },
            b =>
            {
                b.Agreement.Parties[0].SignatoryOffice = "Sekretaris Daerah";
                b.Agreement.Documents.RemoveAll(d => d.Kind == DocumentKind.PowerOfAttorney);
            }),
        ["term"] = (
            b => { b.Agreement.StartsOn ??= Start; b.Agreement.EndsOn ??= End; },
            b => b.Agreement.EndsOn = null),
        ["term-5-years"] = (
            b => { b.Agreement.StartsOn = Start; b.Agreement.EndsOn = End; },
            b => b.Agreement.EndsOn = b.Agreement.StartsOn!.Value.AddYears(5).AddDays(1)),
        ["dprd-requested"] = (
            b => b.Agreement.SetDue(Today.AddDays(-1), "dprd-deemed-approved", "Batas jawaban DPRD"),
            b => b.Agreement.ClearDue()),
        ["deemed-approval-setting"] = (
            b => b.Settings = b.Settings with { DprdDeemedApproval = true },
            b => b.Settings = b.Settings with { DprdDeemedApproval = false }),
        ["none"] = (_ => { }, _ => { }),
        ["dprd-approved"] = (
            b => b.Agreement.History.Add(History(b.Agreement, "record-dprd-approval")),
            b =>
            {
                b.Agreement.IsForwarding = false;
                b.Settings = b.Settings with { KsdllForwardingSkipsDprd = false };
                b.Agreement.History.RemoveAll(h => h.Action is "record-dprd-approval" or "dprd-deemed-approved");
            }),
        ["signed-addendum"] = (
            b =>
            {
                var a = b.Agreement;
                var parent = a.Documents.FirstOrDefault(d => d.Kind == DocumentKind.PerjanjianKerjaSama)
                    ?? Add(a, Doc(a, DocumentKind.PerjanjianKerjaSama, signed: true));
                a.Documents.Add(Doc(a, DocumentKind.Addendum, signed: true, parent: parent.Id));
            },
            b => b.Agreement.Documents.RemoveAll(d => d.Kind == DocumentKind.Addendum)),
        ["six-months"] = (
            b => { b.Agreement.StartsOn ??= Start; b.Agreement.EndsOn = End; },
            b => b.Agreement.EndsOn = b.Today.AddMonths(6).AddDays(-1)),
    };

    private static AgreementDocument Add(Agreement a, AgreementDocument d)
    {
        a.Documents.Add(d);
        return d;
    }

    private static (Action<Builder> Satisfy, Action<Builder> Break) For(string code)
    {
        if (ByCode.TryGetValue(code, out var known)) return known;
        var parts = code.Split(':');
        if (parts.Length == 2 && Enum.TryParse<DocumentKind>(parts[1], out var kind))
        {
            return parts[0] switch
            {
                "doc" => (b => EnsureDoc(b, kind), b => b.Agreement.Documents.RemoveAll(d => d.Kind == kind)),
                "signed" => (
                    b =>
                    {
                        var d = b.Agreement.Documents.FirstOrDefault(d => d.Kind == kind) ?? Add(b.Agreement, Doc(b.Agreement, kind));
                        d.SignedOn = new DateOnly(2026, 11, 2);
                        d.FileSha256 = new string('b', 64);
                    },
                    b => { foreach (var d in b.Agreement.Documents.Where(d => d.Kind == kind)) d.SignedOn = null; }),
                // met: a Jalin draft of the form that is ready; broken: one that misses required muatan
                "draft-ready" => (b => b.Drafts[kind] = true, b => b.Drafts[kind] = false),
                _ => throw new InvalidOperationException($"unknown prerequisite code {code}"),
            };
        }
        throw new InvalidOperationException($"Satisfier does not know prerequisite '{code}': teach it how to meet and break it.");
    }

    public static bool KnowsEveryPrerequisiteCode(string code)
    {
        try { _ = For(code); return true; }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>A bare agreement of <paramref name="kind"/> at <paramref name="stage"/>, two parties, no documents.</summary>
    public static Agreement BareAgreement(CooperationKind kind, Stage stage, Variant? variant = null)
    {
        variant ??= new(NeedsDprd: false, Forwarding: false);
        var a = new Agreement
        {
            RegionCode = "32.77", Kind = kind, Title = "Kerja sama uji",
            BudgetedInApbd = !variant.NeedsDprd, BurdensPublic = false, IsForwarding = variant.Forwarding,
        };
        a.RestoreStage(stage, stage == Stage.Ended ? EndReason.GoalAchieved : null);
        a.Parties.Add(new AgreementParty { AgreementId = a.Id, Order = 1, RegionCode = "32.77", Name = "Pemerintah Kota Cimahi", SignatoryOffice = "Wali Kota Cimahi" });
        a.Parties.Add(kind.IsBetweenRegions()
            ? new AgreementParty { AgreementId = a.Id, Order = 2, RegionCode = "32.04", Name = "Pemerintah Kabupaten Bandung", SignatoryOffice = "Bupati Bandung" }
            : new AgreementParty { AgreementId = a.Id, Order = 2, PartnerId = Guid.NewGuid(), Name = "Mitra Uji", SignatoryOffice = "Direktur" });
        return a;
    }

    /// <summary>The row's context with every prerequisite met except <paramref name="broken"/> (if given),
    /// and, for a clock row, today set to the first due day.</summary>
    public static LifecycleContext Context(LifecycleRule rule, CooperationKind kind, Variant? variant = null, string? broken = null)
    {
        var b = new Builder(BareAgreement(kind, rule.Stage, variant));
        if (variant?.SkipsDprd == true) b.Settings = b.Settings with { KsdllForwardingSkipsDprd = true };
        // Every way into Implementation requires the term (see LifecycleTableTests), so an agreement there has one.
        if (rule.Stage == Stage.Implementation) For("term").Satisfy(b);
        foreach (var p in rule.Requires) For(p.Code).Satisfy(b);
        if (broken is not null) For(broken).Break(b);
        var ctx = new LifecycleContext(b.Agreement, b.Settings, b.Today, WorkingDayCalendar.WeekendsOnly) { Drafts = b.Drafts };
        if (rule.DueFrom?.Invoke(ctx) is { } due) ctx = ctx with { Today = due };
        return ctx;
    }

    public static Role AllowedRole(LifecycleRule rule) => rule.Roles[0];
}
