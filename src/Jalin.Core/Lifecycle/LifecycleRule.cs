using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Identity;

namespace Jalin.Core.Lifecycle;

/// <summary>Conditions that choose among a rule's outcomes without the caller's say.</summary>
public enum Condition
{
    Always,
    /// <summary>PP 28/2018 Ps 6(2): burdens the public and the region, or not budgeted in this year's APBD.</summary>
    NeedsDprd,
    NoDprdNeeded,
    /// <summary>Any foreign RKS other than a KSDLL penerusan: DPRD approval (PP 28/2018 Ps 30).</summary>
    NotForwarding,
    /// <summary>KSDLL penerusan, by default: DPRD approval (PP 28/2018 Ps 38 applies Ps 30 to every KSDLL).</summary>
    ForwardingToDprd,
    /// <summary>KSDLL penerusan where the region's setting follows Permendagri 25/2020 Ps 16 (no DPRD).</summary>
    ForwardingSkipsDprd,
}

/// <summary>Where an action leads. When several outcomes remain after their conditions, the
/// caller names one by <see cref="Decision"/>. <see cref="Note"/> is written into the history
/// row (e.g. which rule sent a KSDLL penerusan past the DPRD).</summary>
public sealed record Outcome(Stage To, Condition When = Condition.Always, string? Decision = null, EndReason? EndReason = null, string? DecisionLabel = null,
    string? Note = null);

public enum PeriodUnit { WorkingDays, Days, Months, Years }

/// <summary>A span of time the law (or a region setting) sets. Working days only where the text
/// says hari kerja; months and years are calendar time.</summary>
public sealed record Period(int Amount, PeriodUnit Unit)
{
    public string Text => Unit switch
    {
        PeriodUnit.WorkingDays => $"{Amount} hari kerja",
        PeriodUnit.Days => $"{Amount} hari",
        PeriodUnit.Months => $"{Amount} bulan",
        _ => $"{Amount} tahun",
    };

    /// <summary>The last day of the period counted from the day after <paramref name="from"/>.</summary>
    public DateOnly After(DateOnly from, WorkingDayCalendar calendar) => Unit switch
    {
        PeriodUnit.WorkingDays => calendar.AddWorkingDays(from, Amount),
        PeriodUnit.Days => from.AddDays(Amount),
        PeriodUnit.Months => from.AddMonths(Amount),
        _ => from.AddYears(Amount),
    };

    public DateOnly Before(DateOnly date) => Unit switch
    {
        PeriodUnit.Days => date.AddDays(-Amount),
        PeriodUnit.Months => date.AddMonths(-Amount),
        PeriodUnit.Years => date.AddYears(-Amount),
        _ => throw new InvalidOperationException("a working-day period is counted forward"),
    };
}

/// <summary>What an action does to the agreement's clock (a due date).</summary>
public enum ClockEffect
{
    /// <summary>Clears the due date (the default for a stage change).</summary>
    Clear,
    /// <summary>Keeps the current due date (for actions that stay in the stage).</summary>
    Keep,
    /// <summary>Starts a period (<see cref="ClockRule.Period"/> or a region setting) from <see cref="ClockRule.From"/>.</summary>
    Start,
    /// <summary>Entering or staying in implementation: the end date becomes the due date of <c>expire</c>.</summary>
    TermEnd,
}

/// <summary>From which day a clock counts.</summary>
public enum ClockFrom
{
    Today,
    /// <summary>The day the addressee received the letter (the request's <c>receivedOn</c>, today when empty).</summary>
    ReceivedOn,
    /// <summary>The signing date of the naskah the rule records.</summary>
    SignedOn,
}

/// <summary>A row's clock: the period is written here once, and the due date, the API, the page
/// and docs/lifecycle.md read it.</summary>
public sealed record ClockRule
{
    public ClockEffect Effect { get; init; }
    /// <summary>A period the law sets.</summary>
    public Period? Period { get; init; }
    /// <summary>A period a region setting sets (null = no clock in this region).</summary>
    public Func<LifecycleSettings, Period?>? FromSettings { get; init; }
    public ClockFrom From { get; init; }
    /// <summary>The system action that applies when the period has passed, if any.</summary>
    public ActionCode? Then { get; init; }
    /// <summary>The due date's label on the agreement, e.g. "Batas jawaban DPRD".</summary>
    public string? DueLabel { get; init; }
    /// <summary>Whether the period is a region setting rather than the law's.</summary>
    public bool IsSetting => FromSettings is not null;

    public static readonly ClockRule Clear = new() { Effect = ClockEffect.Clear };
    public static readonly ClockRule Keep = new() { Effect = ClockEffect.Keep };
    public static readonly ClockRule TermEnd = new() { Effect = ClockEffect.TermEnd, Then = ActionCode.Expire, DueLabel = "Jangka waktu kerja sama berakhir" };

    public Period? PeriodFor(LifecycleSettings settings) => Period ?? FromSettings?.Invoke(settings);
}

/// <summary>A checkable "must exist first" of a rule.</summary>
public sealed record Prerequisite(string Code, string Label, Func<LifecycleContext, bool> IsMet);

/// <summary>One row of a lifecycle table: in <see cref="Stage"/>, <see cref="Action"/> by one of
/// <see cref="Roles"/> leads to an <see cref="Outcome"/> once every prerequisite is met.</summary>
public sealed record LifecycleRule
{
    public required Stage Stage { get; init; }
    public required ActionCode Action { get; init; }
    public required string Label { get; init; }
    /// <summary>Empty: the agreement stays in its stage.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];
    public required IReadOnlyList<Role> Roles { get; init; }
    public IReadOnlyList<Prerequisite> Requires { get; init; } = [];
    public ClockRule Clock { get; init; } = ClockRule.Clear;
    /// <summary>For clock-driven actions: the first day the action may be applied.</summary>
    public Func<LifecycleContext, DateOnly?>? DueFrom { get; init; }
    /// <summary>What the clock means, in words for the officer (periods come from <see cref="Clock"/>).</summary>
    public string? ClockText { get; init; }
    /// <summary>The legal basis as a person reads it: "PP 28/2018 Pasal 6 ayat (1) huruf a", or
    /// "praktik daerah" where the law is silent. Never a certainty tag.</summary>
    public required string Basis { get; init; }
    /// <summary>How sure the basis is (maintainers and docs only).</summary>
    public Certainty Certainty { get; init; } = Certainty.Verified;
    /// <summary>Extra input the action takes (documented, validated by the use case, asked by the dialog).</summary>
    public ActionInput Input { get; init; } = ActionInput.None;
    /// <summary>The naskah whose signing this action records ("Catat penandatanganan KB" → KB). It
    /// must also be one of <see cref="Requires"/> as a signed document; recording the signing of a
    /// final issued in Jalin applies this action.</summary>
    public DocumentKind? RecordsSigning { get; init; }
    /// <summary>Whether the action moves the agreement along the usual route (the one the demo
    /// seeder and the test walkers follow); false for ends, amendments, notes and clock actions.</summary>
    public bool MainPath { get; init; } = true;
    /// <summary>Which side of the agreement acts on this row: the owning region (every row but one), or the
    /// party region the offer is addressed to (its own answer, docs/adr/0008-offer-answered-by-the-party.md).</summary>
    public ActingSide Side { get; init; } = ActingSide.Owner;

    public bool IsSystemOnly => Roles is [Role.System];
    public bool Stays => Outcomes.Count == 0;
}

/// <summary>Who acts on a lifecycle row: the owning region's people, or an addressed party region's people.</summary>
public enum ActingSide
{
    Owner,
    /// <summary>The region the offer is addressed to (a party of the agreement that is not its owner).</summary>
    AddressedParty,
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
