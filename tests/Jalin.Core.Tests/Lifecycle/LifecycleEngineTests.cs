using Jalin.Core.Agreements;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;

namespace Jalin.Core.Tests.Lifecycle;

/// <summary>Every row of every lifecycle table, read through <see cref="LifecycleEngine"/>.</summary>
public class LifecycleEngineTests
{
    public static TheoryData<CooperationKind, Stage, string> Rows()
    {
        var data = new TheoryData<CooperationKind, Stage, string>();
        foreach (var kind in Enum.GetValues<CooperationKind>())
            foreach (var rule in LifecycleTable.For(kind))
                data.Add(kind, rule.Stage, rule.Action);
        return data;
    }

    /// <summary>Every (row, prerequisite) pair, "none" excluded.</summary>
    public static TheoryData<CooperationKind, Stage, string, string> RowPrerequisites()
    {
        var data = new TheoryData<CooperationKind, Stage, string, string>();
        foreach (var kind in Enum.GetValues<CooperationKind>())
            foreach (var rule in LifecycleTable.For(kind))
                foreach (var p in rule.Requires.Where(p => p.Code != "none"))
                    data.Add(kind, rule.Stage, rule.Action, p.Code);
        return data;
    }

    public static TheoryData<CooperationKind, Stage, string> DueRows()
    {
        var data = new TheoryData<CooperationKind, Stage, string>();
        foreach (var kind in Enum.GetValues<CooperationKind>())
            foreach (var rule in LifecycleTable.For(kind).Where(r => r.DueFrom is not null))
                data.Add(kind, rule.Stage, rule.Action);
        return data;
    }

    public static TheoryData<CooperationKind> Kinds() => new(Enum.GetValues<CooperationKind>());

    private static LifecycleRule Rule(CooperationKind kind, Stage stage, string action) =>
        LifecycleTable.Find(kind, stage, action) ?? throw new InvalidOperationException($"no row {kind}/{stage}/{action}");

    [Theory]
    [MemberData(nameof(Rows))]
    public void Legal_move_is_allowed_and_leads_where_the_spec_says(CooperationKind kind, Stage stage, string action)
    {
        var rule = Rule(kind, stage, action);
        var spec = LifecycleSpec.Find(kind, stage, action);
        Assert.True(spec is not null, $"{kind}: row {stage}/{action} is not in LIFECYCLE.md");

        foreach (var variant in Satisfier.Variants(kind))
        {
            var ctx = Satisfier.Context(rule, kind, variant);
            foreach (var role in rule.Roles)
            {
                var refusals = LifecycleEngine.Check(rule, action, role, ctx);
                Assert.True(refusals.Count == 0, $"{variant}, {role}: " + string.Join("; ", refusals.Select(r => $"{r.Kind} {r.Prerequisite} {r.Message}")));
            }

            var targets = LifecycleEngine.PossibleOutcomes(rule, ctx).Select(o => o.To).Order().ToArray();
            var expected = spec!.To(variant).Order().ToArray();
            Assert.True(expected.SequenceEqual(targets), $"{variant}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", targets)}]");
            Assert.Equal(rule.Stays, expected.Length == 0);

            // Several outcomes must each be named by a decision the caller can choose.
            var outcomes = LifecycleEngine.PossibleOutcomes(rule, ctx);
            if (outcomes.Count > 1)
                Assert.All(outcomes, o => Assert.False(string.IsNullOrWhiteSpace(o.Decision)));
            // An outcome into Ended names its reason, except terminate (the caller's reason code).
            if (action != ActionCode.Terminate)
                Assert.All(outcomes.Where(o => o.To == Stage.Ended), o => Assert.NotNull(o.EndReason));
        }

        // The options list (what the UI shows) agrees with Check for an allowed role.
        var options = LifecycleEngine.Options(Satisfier.AllowedRole(rule), Satisfier.Context(rule, kind));
        var option = Assert.Single(options, o => o.Action == action);
        Assert.True(option.Allowed);
        Assert.All(option.Checklist, c => Assert.True(c.Met, c.Code));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_role_outside_the_row_is_refused_as_wrong_role(CooperationKind kind, Stage stage, string action)
    {
        var rule = Rule(kind, stage, action);
        var ctx = Satisfier.Context(rule, kind);
        var others = Enum.GetValues<Role>().Except(rule.Roles).ToList();
        Assert.NotEmpty(others);
        foreach (var role in others)
        {
            var refusals = LifecycleEngine.Check(rule, action, role, ctx);
            var refusal = Assert.Single(refusals);
            Assert.Equal(RefusalKind.WrongRole, refusal.Kind);
            Assert.Equal(RefusalKind.WrongRole, new LifecycleRefused(action, refusals).Primary);
        }
    }

    [Theory]
    [MemberData(nameof(RowPrerequisites))]
    public void Each_missing_prerequisite_is_named(CooperationKind kind, Stage stage, string action, string code)
    {
        var rule = Rule(kind, stage, action);
        var ctx = Satisfier.Context(rule, kind, broken: code);
        var refusals = LifecycleEngine.Check(rule, action, Satisfier.AllowedRole(rule), ctx);
        Assert.Contains(refusals, r => r.Kind == RefusalKind.MissingPrerequisite && r.Prerequisite == code);
        Assert.DoesNotContain(refusals, r => r.Kind is RefusalKind.WrongRole or RefusalKind.WrongStage or RefusalKind.UnknownAction);
        var option = Assert.Single(LifecycleEngine.Options(Satisfier.AllowedRole(rule), ctx), o => o.Action == action);
        Assert.False(option.Allowed);
        Assert.Contains(option.Checklist, c => c.Code == code && !c.Met);
    }

    [Theory]
    [MemberData(nameof(DueRows))]
    public void Clock_rows_are_not_due_the_day_before(CooperationKind kind, Stage stage, string action)
    {
        var rule = Rule(kind, stage, action);
        var ctx = Satisfier.Context(rule, kind);
        var due = rule.DueFrom!(ctx);
        Assert.NotNull(due);
        Assert.Equal(due, ctx.Today);
        Assert.Empty(LifecycleEngine.Check(rule, action, Satisfier.AllowedRole(rule), ctx));

        var before = ctx with { Today = due.Value.AddDays(-1) };
        var refusal = Assert.Single(LifecycleEngine.Check(rule, action, Satisfier.AllowedRole(rule), before));
        Assert.Equal(RefusalKind.NotDue, refusal.Kind);
        Assert.Equal(RefusalKind.NotDue, Assert.Single(LifecycleEngine.Check(rule, action, Satisfier.AllowedRole(rule), ctx with { Today = due.Value.AddYears(-3) })).Kind);
    }

    [Fact]
    public void Deemed_approval_without_a_running_clock_is_not_due()
    {
        var rule = Rule(CooperationKind.KsddSukarela, Stage.DprdApproval, "dprd-deemed-approved");
        var ctx = Satisfier.Context(rule, CooperationKind.KsddSukarela);
        ctx.Agreement.SetDue(new DateOnly(2026, 1, 1), "expire", "bukan tenggat DPRD");
        var refusals = LifecycleEngine.Check(rule, rule.Action, Role.System, ctx);
        Assert.Contains(refusals, r => r.Kind == RefusalKind.NotDue);
        Assert.Contains(refusals, r => r.Prerequisite == "dprd-requested");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_action_at_a_stage_without_that_row_is_wrong_stage(CooperationKind kind)
    {
        var actions = LifecycleTable.For(kind).Select(r => r.Action).Distinct().ToList();
        var checkedPairs = 0;
        foreach (var stage in LifecycleTable.Stages(kind))
        {
            foreach (var action in actions)
            {
                var rule = LifecycleTable.Find(kind, stage, action);
                if (rule is not null) continue;
                Assert.Null(LifecycleSpec.Find(kind, stage, action));
                var ctx = new LifecycleContext(Satisfier.BareAgreement(kind, stage), LifecycleSettings.Default, Satisfier.Today, WorkingDayCalendar.WeekendsOnly);
                var refusal = Assert.Single(LifecycleEngine.Check(null, action, Role.CooperationOfficer, ctx));
                Assert.Equal(RefusalKind.WrongStage, refusal.Kind);
                checkedPairs++;
            }
        }
        Assert.True(checkedPairs > 10);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Unknown_and_other_kinds_actions_are_unknown(CooperationKind kind)
    {
        var stage = Agreement.FirstStage(kind);
        var ctx = new LifecycleContext(Satisfier.BareAgreement(kind, stage), LifecycleSettings.Default, Satisfier.Today, WorkingDayCalendar.WeekendsOnly);
        var foreignOnly = kind.IsForeign() ? "finalize-kb" : "record-minister-review";
        foreach (var action in new[] { "launch-rocket", "", "Terminate", foreignOnly })
        {
            Assert.Null(LifecycleTable.Find(kind, stage, action));
            var refusal = Assert.Single(LifecycleEngine.Check(LifecycleTable.Find(kind, stage, action), action, Role.CooperationOfficer, ctx));
            Assert.Equal(RefusalKind.UnknownAction, refusal.Kind);
        }
    }

    [Fact]
    public void Ended_agreement_offers_nothing()
    {
        foreach (var kind in Enum.GetValues<CooperationKind>())
        {
            var ctx = new LifecycleContext(Satisfier.BareAgreement(kind, Stage.Ended), LifecycleSettings.Default, Satisfier.Today, WorkingDayCalendar.WeekendsOnly);
            Assert.Empty(LifecycleEngine.Options(Role.CooperationOfficer, ctx));
            Assert.Empty(LifecycleTable.RulesAt(kind, Stage.Ended));
        }
    }

    [Fact]
    public void Refusal_primary_is_the_most_basic_reason()
    {
        var refused = new LifecycleRefused("x", [new(RefusalKind.NotDue, "a"), new(RefusalKind.MissingPrerequisite, "b", "p"), new(RefusalKind.WrongRole, "c")]);
        Assert.Equal(RefusalKind.WrongRole, refused.Primary);
        Assert.Contains("a; b; c", refused.Message);
        Assert.Equal("aksi_ditolak", refused.Code);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, false, true)]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    public void Dprd_is_needed_when_burdening_or_unbudgeted(bool burdens, bool budgeted, bool needs)
    {
        var a = Satisfier.BareAgreement(CooperationKind.KsddSukarela, Stage.SigningKb);
        a.BurdensPublic = burdens;
        a.BudgetedInApbd = budgeted;
        Assert.Equal(needs, LifecycleEngine.NeedsDprd(a));
    }

    /// <summary>PP 28/2018 Ps 2(1), Ps 13(1): the head of region represents the region; a Pj. and a Plt. (e.g. the
    /// deputy standing in under UU 23/2014 Ps 65–66) count as the head; a Plh. or a wakil in his own capacity do not.</summary>
    [Theory]
    [InlineData("Wali Kota Bandung", SignatoryStanding.HeadOfRegion)]
    [InlineData("  bupati Sleman", SignatoryStanding.HeadOfRegion)]
    [InlineData("Gubernur DIY", SignatoryStanding.HeadOfRegion)]
    [InlineData("Walikota Cimahi", SignatoryStanding.HeadOfRegion)]
    [InlineData("Pj. Bupati Garut", SignatoryStanding.ActingHead)]
    [InlineData("Penjabat Gubernur Jawa Barat", SignatoryStanding.ActingHead)]
    [InlineData("Plt. Wali Kota Cimahi", SignatoryStanding.ActingHead)]
    [InlineData("Pelaksana Tugas Bupati Bantul", SignatoryStanding.ActingHead)]
    [InlineData("Plh. Bupati Bantul", SignatoryStanding.Other)]
    [InlineData("Pelaksana Harian Wali Kota Bandung", SignatoryStanding.Other)]
    [InlineData("Wakil Bupati Bantul", SignatoryStanding.Other)]
    [InlineData("Sekretaris Daerah", SignatoryStanding.Other)]
    [InlineData("Kepala Dinas Pendidikan", SignatoryStanding.Other)]
    [InlineData(null, SignatoryStanding.Unknown)]
    public void Signatory_standing_PP28_Ps2_Ps13(string? office, SignatoryStanding standing) => Assert.Equal(standing, Signatories.Standing(office));

    [Fact]
    public void Acting_head_signatory_gets_a_note_that_powers_are_limited()
    {
        Assert.Contains("dibatasi peraturan perundang-undangan", Signatories.Note("Pj. Bupati Garut"));
        Assert.Null(Signatories.Note("Bupati Garut"));
    }

    [Fact]
    public void Power_of_attorney_is_enough_for_a_non_head_signatory()
    {
        var rule = Rule(CooperationKind.KsddSukarela, Stage.SigningPks, "record-pks-signing");
        var ctx = Satisfier.Context(rule, CooperationKind.KsddSukarela, broken: "power-of-attorney");
        Assert.False(Prerequisites.PowerOfAttorneyWhereNeeded.IsMet(ctx));
        ctx.Agreement.Documents.Add(new AgreementDocument { Kind = DocumentKind.PowerOfAttorney, Title = "Surat kuasa" });
        Assert.True(Prerequisites.PowerOfAttorneyWhereNeeded.IsMet(ctx));
        Assert.Empty(LifecycleEngine.Check(rule, rule.Action, Role.CooperationOfficer, ctx));
    }

    [Fact]
    public void Each_amendment_needs_its_own_new_addendum()
    {
        var rule = Rule(CooperationKind.KsddSukarela, Stage.Implementation, "amend");
        var ctx = Satisfier.Context(rule, CooperationKind.KsddSukarela);
        Assert.True(Prerequisites.NewSignedAddendum.IsMet(ctx));
        ctx.Agreement.History.Add(new StageChange { Action = "amend", ActorUserId = "u", ActorName = "u", FromStage = Stage.Implementation, ToStage = Stage.Implementation });
        Assert.False(Prerequisites.NewSignedAddendum.IsMet(ctx));
        // An unsigned or parentless addendum does not count.
        ctx.Agreement.Documents.Add(new AgreementDocument { Kind = DocumentKind.Addendum, Title = "draf", ParentDocumentId = Guid.NewGuid() });
        ctx.Agreement.Documents.Add(new AgreementDocument { Kind = DocumentKind.Addendum, Title = "lepas", SignedOn = Satisfier.Today, FileSha256 = new string('c', 64) });
        Assert.False(Prerequisites.NewSignedAddendum.IsMet(ctx));
    }

    [Fact]
    public void Forwarding_ksdll_needs_dprd_approval_unless_the_region_follows_Permendagri25_Ps16_PP28_Ps38()
    {
        var rule = Rule(CooperationKind.Ksdll, Stage.Verification, "send-for-verification");
        var ctx = Satisfier.Context(rule, CooperationKind.Ksdll, new Satisfier.Variant(NeedsDprd: true, Forwarding: true), broken: "dprd-approved");
        Assert.Contains(LifecycleEngine.Check(rule, rule.Action, Role.CooperationOfficer, ctx), r => r.Prerequisite == "dprd-approved");
        ctx.Agreement.IsForwarding = true;
        // PP 28/2018 Ps 38 applies Ps 30 (DPRD approval) to every KSDLL, penerusan included
        Assert.Contains(LifecycleEngine.Check(rule, rule.Action, Role.CooperationOfficer, ctx), r => r.Prerequisite == "dprd-approved");
        ctx = ctx with { Settings = ctx.Settings with { KsdllForwardingSkipsDprd = true } };
        Assert.Empty(LifecycleEngine.Check(rule, rule.Action, Role.CooperationOfficer, ctx));
    }

    [Fact]
    public void Party_numbers_need_every_party_of_at_least_two()
    {
        var rule = Rule(CooperationKind.KsddSukarela, Stage.SigningKb, "record-kb-signing");
        var ctx = Satisfier.Context(rule, CooperationKind.KsddSukarela);
        Assert.True(Prerequisites.PartyNumbers.IsMet(ctx));
        ctx.Agreement.Parties[1].DocumentNumber = "  ";
        Assert.False(Prerequisites.PartyNumbers.IsMet(ctx));
        ctx.Agreement.Parties.RemoveAt(1);
        Assert.False(Prerequisites.PartyNumbers.IsMet(ctx)); // a lone numbered party is not an agreement
    }

    [Fact]
    public void Term_needs_an_end_after_the_start()
    {
        var rule = Rule(CooperationKind.Sinergi, Stage.SigningNk, "record-nk-signing");
        var ctx = Satisfier.Context(rule, CooperationKind.Sinergi);
        Assert.True(Prerequisites.EndDateSet.IsMet(ctx));
        ctx.Agreement.EndsOn = ctx.Agreement.StartsOn;
        Assert.False(Prerequisites.EndDateSet.IsMet(ctx));
        ctx.Agreement.StartsOn = null;
        ctx.Agreement.EndsOn = Satisfier.End;
        Assert.False(Prerequisites.EndDateSet.IsMet(ctx));
    }
}
