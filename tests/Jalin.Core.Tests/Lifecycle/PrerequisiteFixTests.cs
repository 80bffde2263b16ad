using Jalin.Core.Agreements;
using Jalin.Core.Lifecycle;

namespace Jalin.Core.Tests.Lifecycle;

/// <summary>Every unmet prerequisite on an agreement's next steps leads somewhere (issue #9 item 2):
/// one map, PrerequisiteFix, from a lifecycle table's code to the place that meets it.</summary>
public class PrerequisiteFixTests
{
    public static TheoryData<CooperationKind> Kinds() => new(Enum.GetValues<CooperationKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_prerequisite_code_of_every_table_has_a_fix_target(CooperationKind kind)
    {
        // Fails when a new prerequisite is added to a lifecycle table without saying where it is met.
        var unmapped = LifecycleTable.For(kind).SelectMany(r => r.Requires).Select(p => p.Code).Distinct()
            .Where(code => PrerequisiteFix.For(code) is null).ToList();
        Assert.True(unmapped.Count == 0, $"{kind}: no fix target for [{string.Join(", ", unmapped)}]");
    }

    [Fact]
    public void An_unknown_code_has_no_target_so_the_table_test_can_catch_it()
    {
        Assert.Null(PrerequisiteFix.For("made-up-code"));
        Assert.Null(PrerequisiteFix.For("doc:NotAKind"));
        Assert.Null(PrerequisiteFix.For("other:KesepakatanBersama"));
    }

    [Fact]
    public void Documents_open_the_attach_form_signed_ones_with_the_signing_date()
    {
        Assert.Equal(new FixTarget.AttachDocument(DocumentKind.TermsOfReference, false), PrerequisiteFix.For("doc:TermsOfReference"));
        Assert.Equal(new FixTarget.AttachDocument(DocumentKind.KesepakatanBersama, true), PrerequisiteFix.For("signed:KesepakatanBersama"));
        // PP 28/2018 Pasal 2 ayat (2), Pasal 13 ayat (2): the surat kuasa is a document to attach.
        Assert.Equal(new FixTarget.AttachDocument(DocumentKind.PowerOfAttorney, false), PrerequisiteFix.For("power-of-attorney"));
        Assert.Equal(new FixTarget.Draft(DocumentKind.PerjanjianKerjaSama), PrerequisiteFix.For("draft-ready:PerjanjianKerjaSama"));
    }

    [Fact]
    public void Agreement_facts_open_the_edit_form_at_an_anchor_it_has()
    {
        Assert.Equal(new FixTarget.EditField(PrerequisiteFix.Fields.PartyNumbers), PrerequisiteFix.For("party-numbers"));
        Assert.Equal(new FixTarget.EditField(PrerequisiteFix.Fields.Signatories), PrerequisiteFix.For("kb-signatories"));
        Assert.Equal(new FixTarget.EditField(PrerequisiteFix.Fields.Term), PrerequisiteFix.For("term"));
        // Each anchor is set on the edit form (as id="@PrerequisiteFix.Fields.X"), and All lists every one.
        var form = File.ReadAllText(Path.Combine(RepoRoot(), "src/Jalin.Web/Components/Pages/Agreements/AgreementFormPage.razor"));
        var anchors = typeof(PrerequisiteFix.Fields).GetFields().Where(f => f.IsLiteral).ToList();
        Assert.Equal(anchors.Select(f => (string)f.GetRawConstantValue()!).Order(), PrerequisiteFix.Fields.All.Order());
        Assert.All(anchors, f => Assert.Contains($"id=\"@PrerequisiteFix.Fields.{f.Name}\"", form));
    }

    [Fact]
    public void The_attach_form_offers_first_what_the_stage_asks_for()
    {
        // A voluntary KSDD at Persiapan asks for the KAK and the kajian (the lifecycle table's Persiapan row).
        var asked = PrerequisiteFix.KindsAskedAt(CooperationKind.KsddSukarela, Stage.Preparation);
        Assert.Contains(DocumentKind.TermsOfReference, asked);
        Assert.Contains(DocumentKind.Assessment, asked);
        Assert.DoesNotContain(DocumentKind.ClosingReport, asked);
    }

    [Fact]
    public void Fix_targets_travel_in_the_api_with_their_type()
    {
        var json = System.Text.Json.JsonSerializer.Serialize<FixTarget>(new FixTarget.AttachDocument(DocumentKind.KesepakatanBersama, true));
        Assert.Contains("\"type\":\"attach-document\"", json);
        Assert.Contains("\"Signed\":true", json);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jalin.slnx")) && !Directory.Exists(Path.Combine(dir.FullName, "src", "Jalin.Core"))) dir = dir.Parent;
        return dir!.FullName;
    }
}
