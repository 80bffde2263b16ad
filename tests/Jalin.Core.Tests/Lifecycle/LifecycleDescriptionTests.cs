using Jalin.Core.Agreements;
using Jalin.Core.Lifecycle;

namespace Jalin.Core.Tests.Lifecycle;

/// <summary>The generated description (API JSON, docs/lifecycle.md) shows every row of the table.</summary>
public class LifecycleDescriptionTests
{
    [Fact]
    public void Description_has_every_row_with_its_prerequisites_and_outcomes()
    {
        foreach (var kind in Enum.GetValues<CooperationKind>())
        {
            var d = LifecycleDescription.Describe(kind);
            var table = LifecycleTable.For(kind);
            Assert.Equal(table.Count, d.Rules.Count);
            Assert.Equal(Agreement.FirstStage(kind).ToString(), d.FirstStage);
            Assert.Equal("Ended", d.Stages[^1].Code);
            foreach (var (rule, desc) in table.Zip(d.Rules))
            {
                Assert.Equal((rule.Stage.ToString(), rule.Action.Value), (desc.Stage, desc.Action));
                Assert.Equal(rule.Outcomes.Select(o => o.To.ToString()), desc.Outcomes.Select(o => o.ToStage));
                Assert.Equal(rule.Requires.Count(p => p.Code != "none"), desc.Prerequisites.Count);
                Assert.Equal(rule.Stays, desc.Stays);
            }
            Assert.Contains(d.Rules, r => r.Action == ActionCode.Terminate && r.Inputs.Contains(nameof(ActionInput.ReasonCode)));
        }
    }

    [Fact]
    public void Markdown_lists_every_action_of_every_kind()
    {
        var md = LifecycleDescription.Markdown();
        foreach (var kind in Enum.GetValues<CooperationKind>())
        {
            Assert.Contains($"(`{kind}`)", md);
            foreach (var rule in LifecycleTable.For(kind))
                Assert.Contains($"(`{rule.Action}`)", md);
        }
        Assert.Contains("Sistem (otomatis)", md);
        Assert.Contains("keputusan `revise`", md);
        // one table row per stage-specific rule (plus the header per kind); terminate and add-note,
        // present at every stage, are described once per kind below the table
        var rows = md.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal));
        Assert.Equal(Enum.GetValues<CooperationKind>().Sum(k => LifecycleTable.For(k).Count(r => !r.Action.Equals(ActionCode.Terminate) && !r.Action.Equals(ActionCode.AddNote)) + 1), rows);
        Assert.Equal(Enum.GetValues<CooperationKind>().Length * 2, md.Split('\n').Count(l => l.StartsWith("Di setiap tahap yang masih berjalan", StringComparison.Ordinal)));
    }
}
