using Jalin.Core.Agreements;
using Jalin.Core.Lifecycle;

namespace Jalin.Core.Publication;

/// <summary>Fields of a published agreement that the region keeps off the portal and the open data.</summary>
[Flags]
public enum ConfidentialFields
{
    None = 0,
    /// <summary>Nilai kerja sama.</summary>
    Value = 1,
    /// <summary>Ruang lingkup.</summary>
    Scope = 2,
    /// <summary>Objek kerja sama (maksud dan tujuan).</summary>
    Object = 4,
    /// <summary>Sumber pembiayaan.</summary>
    Funding = 8,
}

public static class ConfidentialFieldLabels
{
    public static readonly ConfidentialFields[] All = [ConfidentialFields.Object, ConfidentialFields.Scope, ConfidentialFields.Value, ConfidentialFields.Funding];

    public static string Label(this ConfidentialFields f) => f switch
    {
        ConfidentialFields.Value => "Nilai kerja sama",
        ConfidentialFields.Scope => "Ruang lingkup",
        ConfidentialFields.Object => "Objek kerja sama",
        ConfidentialFields.Funding => "Sumber pembiayaan",
        _ => f.ToString(),
    };

    /// <summary>The API name of a field ("value", "scope", "object", "funding").</summary>
    public static string Key(this ConfidentialFields f) => f.ToString().ToLowerInvariant();

    public static ConfidentialFields? Parse(string? key) =>
        All.Cast<ConfidentialFields?>().FirstOrDefault(f => string.Equals(f!.Value.Key(), key?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Which papers of an agreement may ever be shown to the public. The signed texts, their annexes, the yearly
/// plan and the closing and ending papers may; the region's internal papers never do: the TKKSD's kajian, the DPRD's
/// letters, correspondence, powers of attorney, the foreign-cooperation studies and consultations, meeting minutes and
/// drafts (drafts are not agreement documents at all).</summary>
public static class PublicDocuments
{
    public static bool CanBePublic(DocumentKind kind) => kind is DocumentKind.KesepakatanBersama or DocumentKind.PerjanjianKerjaSama
        or DocumentKind.Addendum or DocumentKind.NotaKesepakatan or DocumentKind.PernyataanKehendak or DocumentKind.RencanaKerjaSama
        or DocumentKind.NaskahLuarNegeri or DocumentKind.AnnualActivityPlan or DocumentKind.WorkPlanAnnex or DocumentKind.ClosingReport
        or DocumentKind.TerminationLetter;

    /// <summary>Whether this stored document may be made public: a public kind, the agreement's shared record (not a
    /// party's internal paper) and a file to show.</summary>
    public static bool CanBePublic(AgreementDocument d) =>
        CanBePublic(d.Kind) && d.Visibility == DocumentVisibility.Shared && d.FileSha256 is not null;
}

/// <summary>What the public may learn about an agreement's state: whether it runs, ended, or is still being prepared.</summary>
public static class PublicStatus
{
    public const string Running = "berjalan";
    public const string Ended = "berakhir";
    public const string Preparing = "persiapan";

    public static string Of(Stage stage) => stage switch
    {
        Stage.Implementation or Stage.Recording => Running,
        Stage.Ended => Ended,
        _ => Preparing,
    };

    public static string Label(string status) => status switch
    {
        Running => "Berjalan",
        Ended => "Berakhir",
        _ => "Dalam proses",
    };
}
