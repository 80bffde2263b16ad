using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Identity;

namespace Jalin.Core.Lifecycle;

public enum RefusalKind { UnknownAction, WrongStage, WrongRole, MissingPrerequisite, NotDue }

public sealed record Refusal(RefusalKind Kind, string Message, string? Prerequisite = null);

/// <summary>An action the table refuses: says which way (stage, role, prerequisite, clock).</summary>
public sealed record LifecycleRefused(string Action, IReadOnlyList<Refusal> Reasons)
    : Error("aksi_ditolak", "Aksi tidak dapat dilakukan: " + string.Join("; ", Reasons.Select(r => r.Message)))
{
    public RefusalKind Primary => Reasons.Min(r => r.Kind);
}

/// <summary>What the caller may do next at the agreement's stage, and why not the rest.</summary>
public sealed record ActionOption(
    string Action,
    string Label,
    bool Allowed,
    IReadOnlyList<Refusal> Reasons,
    IReadOnlyList<PrerequisiteStatus> Checklist,
    IReadOnlyList<DecisionOption> Decisions,
    IReadOnlyList<string> Roles,
    string Basis,
    string? Clock,
    bool SystemOnly,
    bool NeedsReasonCode,
    bool NeedsNewEndDate,
    bool NeedsReceivedOn,
    bool TakesDocument,
    bool MainPath,
    IReadOnlyList<ReasonOption> ReasonCodes);

/// <summary>An end reason the caller may choose for <c>terminate</c>.</summary>
public sealed record ReasonOption(string Code, string Label);

/// <summary>One prerequisite of an action and whether it is met; <paramref name="Fix"/> says where to meet it (<see cref="PrerequisiteFix"/>).</summary>
public sealed record PrerequisiteStatus(string Code, string Label, bool Met, FixTarget? Fix = null);

public sealed record DecisionOption(string Code, string Label, string ToStage);

/// <summary>Reads the lifecycle table against one agreement and one actor. Pure: no database.</summary>
public static class LifecycleEngine
{
    public static IReadOnlyList<Refusal> Check(LifecycleRule? rule, string action, Role role, LifecycleContext ctx)
    {
        var agreement = ctx.Agreement;
        if (rule is null)
        {
            return LifecycleTable.IsKnownAction(agreement.Kind, action)
                ? [new(RefusalKind.WrongStage, $"aksi ini tidak tersedia pada tahap {agreement.Stage.Label()}")]
                : [new(RefusalKind.UnknownAction, $"aksi '{action}' tidak dikenal untuk {agreement.Kind.ShortLabel()}")];
        }

        var reasons = new List<Refusal>();
        if (!rule.Roles.Contains(role))
        {
            reasons.Add(rule.IsSystemOnly
                ? new(RefusalKind.WrongRole, "aksi ini dilakukan otomatis oleh sistem saat tenggatnya tiba")
                : new(RefusalKind.WrongRole, $"peran Anda ({role.Label()}) tidak berwenang; yang berwenang: {string.Join(", ", rule.Roles.Select(r => r.Label()))}"));
        }
        foreach (var p in rule.Requires.Where(p => !p.IsMet(ctx)))
            reasons.Add(new(RefusalKind.MissingPrerequisite, $"belum ada: {p.Label}", p.Code));
        if (rule.DueFrom is not null)
        {
            var from = rule.DueFrom(ctx);
            if (from is null || ctx.Today < from)
                reasons.Add(new(RefusalKind.NotDue, from is null ? "tenggat belum berjalan" : $"tenggat belum tiba (berlaku mulai {from:dd-MM-yyyy})"));
        }
        return reasons;
    }

    public static IReadOnlyList<Outcome> PossibleOutcomes(LifecycleRule rule, LifecycleContext ctx) =>
        rule.Outcomes.Where(o => o.When switch
        {
            Condition.NeedsDprd => NeedsDprd(ctx.Agreement),
            Condition.NoDprdNeeded => !NeedsDprd(ctx.Agreement),
            Condition.NotForwarding => !ctx.Agreement.IsForwarding,
            Condition.ForwardingToDprd => ctx.Agreement.IsForwarding && !Prerequisites.SkipsDprd(ctx.Agreement, ctx.Settings),
            Condition.ForwardingSkipsDprd => Prerequisites.SkipsDprd(ctx.Agreement, ctx.Settings),
            _ => true,
        }).ToList();

    /// <summary>PP 28/2018 Ps 6(2): DPRD approval when the cooperation burdens the public and the
    /// region, or is not budgeted in this year's APBD.</summary>
    public static bool NeedsDprd(Agreement a) => NeedsDprd(a.BudgetedInApbd, a.BurdensPublic);

    public static bool NeedsDprd(bool budgetedInApbd, bool burdensPublic) => burdensPublic || !budgetedInApbd;

    /// <summary>The row's clock text, with the region's own period where a setting sets it.</summary>
    public static string? ClockText(LifecycleRule rule, LifecycleSettings settings)
    {
        if (rule.Clock is { IsSetting: true } clock)
        {
            var period = clock.PeriodFor(settings);
            return period is null ? rule.ClockText : $"{rule.ClockText}: di daerah ini {period.Text}";
        }
        return rule.ClockText;
    }

    public static IReadOnlyList<ActionOption> Options(Role role, LifecycleContext ctx)
    {
        if (ctx.Agreement.IsEnded) return [];
        return LifecycleTable.RulesAt(ctx.Agreement.Kind, ctx.Agreement.Stage)
            .Select(rule =>
            {
                var reasons = Check(rule, rule.Action, role, ctx);
                var decisions = PossibleOutcomes(rule, ctx).Where(o => o.Decision is not null)
                    .Select(o => new DecisionOption(o.Decision!, o.DecisionLabel ?? o.To.Label(), o.To.ToString())).ToList();
                var reasonCodes = rule.Input.HasFlag(ActionInput.ReasonCode)
                    ? LifecycleTable.TerminationReasons(ctx.Agreement).Select(r => new ReasonOption(r.ToString(), r.Label())).ToList()
                    : [];
                return new ActionOption(rule.Action, rule.Label, reasons.Count == 0, reasons,
                    rule.Requires.Where(p => p.Code != "none").Select(p => new PrerequisiteStatus(p.Code, p.Label, p.IsMet(ctx), PrerequisiteFix.For(p.Code))).ToList(),
                    decisions, rule.Roles.Select(r => r.ToString()).ToList(), rule.Basis, ClockText(rule, ctx.Settings), rule.IsSystemOnly,
                    rule.Input.HasFlag(ActionInput.ReasonCode), rule.Input.HasFlag(ActionInput.NewEndDate), rule.Input.HasFlag(ActionInput.ReceivedOn),
                    rule.Input.HasFlag(ActionInput.Document), rule.MainPath, reasonCodes);
            }).ToList();
    }
}
