using System.Text.Json.Serialization;
using Jalin.Core.Agreements;

namespace Jalin.Core.Lifecycle;

/// <summary>Where a person goes to meet an unmet prerequisite of the lifecycle table: the one place
/// that maps a prerequisite code (<see cref="Prerequisites"/>) to a screen, for the back office and
/// the API alike.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AttachDocument), "attach-document")]
[JsonDerivedType(typeof(EditField), "edit-field")]
[JsonDerivedType(typeof(Draft), "draft")]
[JsonDerivedType(typeof(None), "none")]
public abstract record FixTarget
{
    /// <summary>Attach a document of this kind; <paramref name="Signed"/>: the signed naskah, with its signing date.</summary>
    public sealed record AttachDocument(DocumentKind Kind, bool Signed) : FixTarget;

    /// <summary>The agreement's edit form, at the field with this anchor id (AgreementFormPage.razor).</summary>
    public sealed record EditField(string FieldId) : FixTarget;

    /// <summary>The draft of this naskah, to finish in the drafts card.</summary>
    public sealed record Draft(DocumentKind Form) : FixTarget;

    /// <summary>Nothing to open: a later step of the process, a clock or a regional setting meets it.</summary>
    public sealed record None(string Why) : FixTarget;
}

public static class PrerequisiteFix
{
    /// <summary>Anchor ids on the agreement's edit form (AgreementFormPage.razor).</summary>
    public static class Fields
    {
        public const string PartyNumbers = "fix-party-numbers";
        public const string Signatories = "fix-signatories";
        public const string Term = "fix-term";
        public const string Mapping = "fix-mapping";
        public const string Bordering = "fix-bordering";
        public const string OwnRegimeBasis = "fix-own-regime-basis";

        public static readonly IReadOnlyList<string> All = [PartyNumbers, Signatories, Term, Mapping, Bordering, OwnRegimeBasis];
    }

    /// <summary>The fix for a prerequisite code, or null for a code this map does not know (a test
    /// fails when a lifecycle table uses such a code).</summary>
    public static FixTarget? For(string code)
    {
        var colon = code.IndexOf(':');
        if (colon > 0)
        {
            if (!Enum.TryParse<DocumentKind>(code[(colon + 1)..], out var kind)) return null;
            return code[..colon] switch
            {
                "doc" => new FixTarget.AttachDocument(kind, false),
                "signed" => new FixTarget.AttachDocument(kind, true),
                "draft-ready" => new FixTarget.Draft(kind),
                _ => null,
            };
        }
        return code switch
        {
            "party-numbers" => new FixTarget.EditField(Fields.PartyNumbers),
            "kb-signatories" => new FixTarget.EditField(Fields.Signatories),
            "term" or "term-5-years" => new FixTarget.EditField(Fields.Term),
            "mapping-item" => new FixTarget.EditField(Fields.Mapping),
            "bordering" => new FixTarget.EditField(Fields.Bordering),
            "own-regime-basis" => new FixTarget.EditField(Fields.OwnRegimeBasis),
            "power-of-attorney" => new FixTarget.AttachDocument(DocumentKind.PowerOfAttorney, false),
            "pks-names-kb" => new FixTarget.AttachDocument(DocumentKind.PerjanjianKerjaSama, false),
            "nk-work-plan" => new FixTarget.AttachDocument(DocumentKind.WorkPlanAnnex, false),
            "signed-addendum" => new FixTarget.AttachDocument(DocumentKind.Addendum, true),
            "dprd-requested" => new FixTarget.None("dipenuhi saat permohonan persetujuan DPRD dicatat"),
            "dprd-approved" => new FixTarget.None("dipenuhi saat persetujuan DPRD dicatat"),
            "deemed-approval-setting" => new FixTarget.None("pengaturan daerah, diubah pada halaman pengaturan"),
            "six-months" => new FixTarget.None("bergantung pada tanggal berakhir kerja sama"),
            "none" => new FixTarget.None("tidak ada prasyarat"),
            _ => null,
        };
    }

    /// <summary>The document kinds the agreement's current stage asks for (its rules' unmet and met
    /// document prerequisites), in table order: the attach form offers these first.</summary>
    public static IReadOnlyList<DocumentKind> KindsAskedAt(CooperationKind kind, Stage stage) =>
        LifecycleTable.RulesAt(kind, stage).SelectMany(r => r.Requires).Select(p => For(p.Code)).OfType<FixTarget.AttachDocument>()
            .Select(t => t.Kind).Distinct().ToList();
}
