using Jalin.Core.Agreements;
using Jalin.Core.Identity;

namespace Jalin.Core.Lifecycle;

/// <summary>Conditions that choose among a rule's outcomes without the caller's say.</summary>
public enum Condition
{
    Always,
    /// <summary>PP 28/2018 Ps 6(2): burdens the public and the region, or not budgeted in this year's APBD.</summary>
    NeedsDprd,
    NoDprdNeeded,
    /// <summary>KSDLL penerusan skips DPRD (Permendagri 25/2020 Ps 16 → Ps 7 huruf b).</summary>
    Forwarding,
    NotForwarding,
}

/// <summary>Where an action leads. When several outcomes remain after their conditions, the
/// caller names one by <see cref="Decision"/>.</summary>
public sealed record Outcome(Stage To, Condition When = Condition.Always, string? Decision = null, EndReason? EndReason = null, string? DecisionLabel = null);

/// <summary>What an action does to the agreement's clock (a due date).</summary>
public enum ClockEffect
{
    /// <summary>Clears the due date (the default for a stage change).</summary>
    Clear,
    /// <summary>Keeps the current due date (for actions that stay in the stage).</summary>
    Keep,
    /// <summary>Starts the DPRD answer clock: <see cref="LifecycleSettings.DprdResponseWorkingDays"/> working days from receipt.</summary>
    DprdResponse,
    /// <summary>LoI valid ≤ 1 year (Permendagri 25/2020 Ps 13).</summary>
    LoiValidity,
    /// <summary>Governor forwards a kab/kota file within 5 working days (Permendagri 25/2020 Ps 18, 20).</summary>
    GovernorForward,
    /// <summary>Entering implementation: the end date becomes the due date of <c>expire</c>.</summary>
    TermEnd,
}

/// <summary>A checkable "must exist first" of a rule.</summary>
public sealed record Prerequisite(string Code, string Label, Func<LifecycleContext, bool> IsMet);

/// <summary>One row of a lifecycle table: in <see cref="Stage"/>, <see cref="Action"/> by one of
/// <see cref="Roles"/> leads to an <see cref="Outcome"/> once every prerequisite is met.</summary>
public sealed record LifecycleRule
{
    public required Stage Stage { get; init; }
    public required string Action { get; init; }
    public required string Label { get; init; }
    /// <summary>Empty: the agreement stays in its stage.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];
    public required IReadOnlyList<Role> Roles { get; init; }
    public IReadOnlyList<Prerequisite> Requires { get; init; } = [];
    public ClockEffect Clock { get; init; } = ClockEffect.Clear;
    /// <summary>For clock-driven actions: the first day the action may be applied.</summary>
    public Func<LifecycleContext, DateOnly?>? DueFrom { get; init; }
    public string? ClockText { get; init; }
    public required string Basis { get; init; }
    /// <summary>Extra input the action takes (documented, validated by the use case).</summary>
    public ActionInput Input { get; init; } = ActionInput.None;
    /// <summary>The naskah whose signing this action records ("Catat penandatanganan KB" → KB). It
    /// must also be one of <see cref="Requires"/> as a signed document; recording the signing of a
    /// final issued in Jalin applies this action.</summary>
    public DocumentKind? RecordsSigning { get; init; }

    public bool IsSystemOnly => Roles is [Role.System];
    public bool Stays => Outcomes.Count == 0;
}

[Flags]
public enum ActionInput
{
    None = 0,
    ReasonCode = 1,
    Document = 2,
    NewEndDate = 4,
    ReceivedOn = 8,
}

/// <summary>What a rule is checked against.</summary>
public sealed record LifecycleContext(
    Agreement Agreement,
    LifecycleSettings Settings,
    DateOnly Today,
    WorkingDayCalendar Calendar)
{
    /// <summary>Per naskah form drafted in Jalin: whether its latest draft is ready for signing
    /// (muatan complete or overridden by a leader). Forms not drafted in Jalin are absent.</summary>
    public IReadOnlyDictionary<DocumentKind, bool> Drafts { get; init; } = new Dictionary<DocumentKind, bool>();
}
