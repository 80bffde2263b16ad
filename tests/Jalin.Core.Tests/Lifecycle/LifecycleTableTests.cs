using Jalin.Core.Agreements;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;

namespace Jalin.Core.Tests.Lifecycle;

/// <summary>Invariants of the tables, and their agreement with LIFECYCLE.md's rows.</summary>
public class LifecycleTableTests
{
    public static TheoryData<CooperationKind> Kinds() => new(Enum.GetValues<CooperationKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Table_has_exactly_the_rows_of_the_spec(CooperationKind kind)
    {
        var table = LifecycleTable.For(kind).Select(r => $"{r.Stage}/{r.Action}").Order().ToList();
        var spec = LifecycleSpec.For(kind).Select(r => $"{r.Stage}/{r.Action}").Order().ToList();
        Assert.Equal(spec, table);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_row_requires_what_the_spec_says_and_is_done_by_the_spec_roles(CooperationKind kind)
    {
        foreach (var rule in LifecycleTable.For(kind))
        {
            var codes = rule.Requires.Select(p => p.Code).Where(c => c != "none").Order().ToList();
            Assert.True(LifecycleSpec.Requires(kind, rule.Action).Order().SequenceEqual(codes),
                $"{rule.Stage}/{rule.Action}: table requires [{string.Join(", ", codes)}]");
            Assert.Equal(LifecycleSpec.Roles(rule.Action).Order(), rule.Roles.Order());
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_stage_has_the_same_action_twice(CooperationKind kind)
    {
        var duplicates = LifecycleTable.For(kind).GroupBy(r => (r.Stage, r.Action)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_non_ended_stage_has_terminate_and_add_note(CooperationKind kind)
    {
        var stages = LifecycleTable.Stages(kind).Where(s => s != Stage.Ended).ToList();
        Assert.NotEmpty(stages);
        foreach (var stage in stages)
        {
            var terminate = LifecycleTable.Find(kind, stage, ActionCode.Terminate);
            Assert.NotNull(terminate);
            Assert.Equal([Stage.Ended], terminate.Outcomes.Select(o => o.To));
            Assert.Equal([Role.CooperationOfficer], terminate.Roles);
            Assert.True(terminate.Input.HasFlag(ActionInput.ReasonCode));
            Assert.Contains(terminate.Requires, p => p.Code == $"doc:{DocumentKind.TerminationLetter}");

            var note = LifecycleTable.Find(kind, stage, ActionCode.AddNote);
            Assert.NotNull(note);
            Assert.True(note.Stays);
            Assert.Equal(ClockEffect.Keep, note.Clock.Effect);
            Assert.Equal(LifecycleTable.Participants.Order(), note.Roles.Order());
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_row_cites_its_basis_and_has_a_label_and_roles(CooperationKind kind)
    {
        foreach (var rule in LifecycleTable.For(kind))
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Basis), $"{rule.Stage}/{rule.Action} has no basis");
            Assert.False(string.IsNullOrWhiteSpace(rule.Label), $"{rule.Stage}/{rule.Action} has no label");
            Assert.NotEmpty(rule.Roles);
            Assert.Matches("^[a-z]+(-[a-z]+)*$", rule.Action);
        }
        // What a person reads cites the pasal in words, or says in words that it is the region's practice or
        // setting; the certainty tag stays in code (Certainty), never in the text.
        foreach (var rule in LifecycleTable.For(kind))
        {
            Assert.DoesNotMatch(@"\[(V|I|U)|DOMAIN|\bPs\b", rule.Basis);
            Assert.True(rule.Basis.Contains("Pasal ", StringComparison.Ordinal) || rule.Basis.Contains("praktik daerah", StringComparison.Ordinal)
                || rule.Basis.Contains("pengaturan daerah", StringComparison.Ordinal), $"{rule.Stage}/{rule.Action}: {rule.Basis}");
            // a row is Verified only when it cites a pasal
            if (rule.Certainty == Jalin.Core.Common.Certainty.Verified) Assert.Contains("Pasal ", rule.Basis);
            if (rule.ClockText is { } clock) Assert.DoesNotMatch(@"\[(V|I|U)", clock);
        }
        var cited = LifecycleTable.For(kind).Count(r => r.Basis.Contains("Pasal ", StringComparison.Ordinal));
        Assert.True(cited >= LifecycleTable.For(kind).Count / 2);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_stage_is_reachable_from_the_first_and_implementation_is(CooperationKind kind)
    {
        // KSDPK aset, investasi and lainnya start at Recording (PP 28/2018 Ps 15(3)–(4)); pelayanan publik at Preparation.
        Stage[] firsts = kind == CooperationKind.Ksdpk
            ? [Agreement.FirstStage(kind, KsdpkKind.PublicService), Agreement.FirstStage(kind, KsdpkKind.Asset)]
            : [Agreement.FirstStage(kind)];
        var rules = LifecycleTable.For(kind);
        foreach (var first in firsts) Assert.Contains(rules, r => r.Stage == first);
        var seen = new HashSet<Stage>(firsts);
        var queue = new Queue<Stage>(firsts);
        while (queue.TryDequeue(out var s))
            foreach (var to in rules.Where(r => r.Stage == s).SelectMany(r => r.Outcomes).Select(o => o.To))
                if (seen.Add(to)) queue.Enqueue(to);
        Assert.Equal(LifecycleTable.Stages(kind).Order(), seen.Order());
        Assert.Contains(Stage.Implementation, seen);
        Assert.Contains(Stage.Ended, seen);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Clock_rows_are_system_only_and_system_does_nothing_else(CooperationKind kind)
    {
        foreach (var rule in LifecycleTable.For(kind))
        {
            Assert.Equal(rule.DueFrom is not null, rule.IsSystemOnly);
            if (!rule.IsSystemOnly) Assert.DoesNotContain(Role.System, rule.Roles);
        }
        Assert.Contains(LifecycleTable.For(kind), r => r.Action == "expire" && r.Stage == Stage.Implementation);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_prerequisite_code_is_known_to_the_test_builder(CooperationKind kind)
    {
        foreach (var p in LifecycleTable.For(kind).SelectMany(r => r.Requires))
            Assert.True(Satisfier.KnowsEveryPrerequisiteCode(p.Code), p.Code);
    }

    [Fact]
    public void Entering_implementation_starts_the_term_clock()
    {
        foreach (var kind in Enum.GetValues<CooperationKind>())
        {
            var into = LifecycleTable.For(kind).Where(r => r.Outcomes.Any(o => o.To == Stage.Implementation)).ToList();
            Assert.NotEmpty(into);
            Assert.All(into, r => Assert.Equal(ClockEffect.TermEnd, r.Clock.Effect));
            Assert.All(into, r => Assert.Contains(r.Requires, p => p.Code == "term"));
        }
    }

    /// <summary>The law's lists, nothing else: PP 28/2018 Ps 9(1) a–e for KSDD; Ps 22(2) adds two for KSDPK;
    /// Permendagri 25/2020 Ps 34 for the foreign kinds; Sinergi (no rule found) the ends of any binding document.</summary>
    [Theory]
    [InlineData(CooperationKind.KsddWajib, "TermExpired,GoalAchieved,MutualAgreement,PolicyChange,ObjectLost")]
    [InlineData(CooperationKind.KsddSukarela, "TermExpired,GoalAchieved,MutualAgreement,PolicyChange,ObjectLost")]
    [InlineData(CooperationKind.Ksdpk, "TermExpired,GoalAchieved,MutualAgreement,PolicyChange,ObjectLost,CourtDecision,PartnerBankrupt")]
    [InlineData(CooperationKind.Ksdpl, "MutualAgreement,GoalAchieved,ReplacedByNewAgreement,TermExpired")]
    [InlineData(CooperationKind.Ksdll, "MutualAgreement,GoalAchieved,ReplacedByNewAgreement,TermExpired")]
    [InlineData(CooperationKind.Sinergi, "TermExpired,GoalAchieved,MutualAgreement")]
    public void Termination_reasons_are_the_laws_lists_PP28_Ps9_1_Ps22_2_Permendagri25_Ps34(CooperationKind kind, string expected)
    {
        Assert.Equal(expected.Split(','), LifecycleTable.TerminationReasons(kind).Select(r => r.ToString()));
        // Before a binding naskah is signed, the "never agreed" ends are offered too; after it, only the law's list.
        var unsigned = Satisfier.BareAgreement(kind, Stage.Implementation);
        Assert.Equal([.. expected.Split(','), "DeclinedByPartner", "RejectedInAssessment"], LifecycleTable.TerminationReasons(unsigned).Select(r => r.ToString()));
        unsigned.SignedOn = new DateOnly(2026, 1, 2);
        Assert.Equal(expected.Split(','), LifecycleTable.TerminationReasons(unsigned).Select(r => r.ToString()));
    }

    /// <summary>The action that records a signing asks for that signed naskah, and each kind has at
    /// most one such action per naskah and stage (so recording a Jalin signing applies exactly one).</summary>
    [Fact]
    public void An_action_that_records_a_signing_requires_that_signed_naskah_and_is_the_only_one_for_it()
    {
        var recorded = 0;
        foreach (var kind in Enum.GetValues<CooperationKind>())
        {
            var rules = LifecycleTable.For(kind).Where(r => r.RecordsSigning is not null).ToList();
            foreach (var r in rules)
            {
                Assert.Contains(r.Requires, p => p.Code == $"signed:{r.RecordsSigning}");
                Assert.Single(rules, x => x.RecordsSigning == r.RecordsSigning && x.Stage == r.Stage);
                Assert.NotEmpty(r.Outcomes);
            }
            recorded += rules.Count;
        }
        Assert.Equal("record-kb-signing", LifecycleTable.For(CooperationKind.KsddSukarela).Single(r => r.RecordsSigning == DocumentKind.KesepakatanBersama).Action);
        Assert.True(recorded >= 5, $"only {recorded} signing actions");
    }

    [Fact]
    public void Every_stage_and_reason_has_an_indonesian_label()
    {
        foreach (var stage in Enum.GetValues<Stage>()) Assert.NotEqual(stage.ToString(), stage.Label());
        foreach (var reason in Enum.GetValues<EndReason>()) Assert.NotEqual(reason.ToString(), reason.Label());
    }
}
