using Jalin.Core.Agreements;

namespace Jalin.Core.Proposals;

/// <summary>Status of an usulan kerja sama. The law does not set the flow of an OPD's proposal inside a
/// region: this is praktik daerah (SIKERJA Samarinda, Banjar, Kukar), kept as one table in <see cref="ProposalTable"/>.</summary>
public enum ProposalStatus { Draft, Submitted, Verified, Assessed, Recommended, NeedsRevision, Rejected }

/// <summary>A move of the proposal's table.</summary>
public enum ProposalAction { Submit, Verify, Return, Assess, Recommend, Reject }

/// <summary>The TKKSD's assessment result (DOMAIN §5.3: layak / layak dengan perbaikan / tidak layak).</summary>
public enum AssessmentResult { Feasible, FeasibleWithRevision, NotFeasible }

/// <summary>The attachments an usulan carries (the SIKERJA and Banjar forms), each an agreement document kind on conversion.
/// <see cref="Assessment"/> is the TKKSD's kajian (generated in Jalin or uploaded); it becomes the agreement's kajian document.</summary>
public enum ProposalAttachmentKind { TermsOfReference, FeasibilityStudy, OfferLetter, Other, Assessment, BeritaAcara }

/// <summary>Where an usulan came from: an OPD (or the officer) in Jalin, or a third party through the partner portal (/mitra).</summary>
public enum ProposalSource { Internal, PartnerPortal }

/// <summary>An usulan kerja sama from an OPD (DOMAIN.md §6.3), numbered per region and year, assessed
/// before it becomes an <see cref="Agreement"/> through <see cref="ConvertProposal"/>.</summary>
public sealed class Proposal
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public required string Number { get; set; }
    public int NumberYear { get; init; }
    public int NumberSequence { get; init; }
    public ProposalStatus Status { get; set; }
    public ProposalSource Source { get; init; } = ProposalSource.Internal;
    public required string Title { get; set; }
    public string? AffairCode { get; set; }
    public string? SubAffairCode { get; set; }
    /// <summary>The initiating OPD (perangkat daerah pemrakarsa).</summary>
    public Guid AgencyId { get; set; }
    public string? AgencyName { get; set; }
    // partner candidate: exactly one of region, registered partner, or a free-text name
    public string? PartnerRegionCode { get; set; }
    public Guid? PartnerId { get; set; }
    public string? PartnerName { get; set; }
    public string? Background { get; set; }
    public string? LegalBasis { get; set; }
    public string? Aims { get; set; }
    public string? Object { get; set; }
    public string? Location { get; set; }
    public string? Scope { get; set; }
    public string? Roles { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public int? TermMonths { get; set; }
    public string? TermJustification { get; set; }
    public string? Benefits { get; set; }
    public string? SocialImpact { get; set; }
    public string? EconomicImpact { get; set; }
    public string? EnvironmentalImpact { get; set; }
    public FundingSource FundingSource { get; set; } = FundingSource.Apbd;
    public decimal? Amount { get; set; }
    public bool BudgetedInApbd { get; set; }
    public string? PlanProgram { get; set; }
    public string? PlanTarget { get; set; }
    public string? Contact1Name { get; set; }
    public string? Contact1Position { get; set; }
    public string? Contact1Phone { get; set; }
    public string? Contact1Email { get; set; }
    public string? Contact2Name { get; set; }
    public string? Contact2Position { get; set; }
    public string? Contact2Phone { get; set; }
    public string? Contact2Email { get; set; }
    // the Bagian Kerja Sama's and the TKKSD's part
    public AssessmentResult? Assessment { get; set; }
    public string? AssessmentNote { get; set; }
    /// <summary>The recommended kind; null with <see cref="NotRegionalCooperation"/> when it is not a kerja sama daerah.</summary>
    public CooperationKind? RecommendedKind { get; set; }
    public bool NotRegionalCooperation { get; set; }
    public string? DecisionNote { get; set; }
    /// <summary>The agreement this proposal became (at most one).</summary>
    public Guid? AgreementId { get; set; }
    /// <summary>The agreement this usulan extends or amends (opened from an evaluation's recommendation).</summary>
    public Guid? SourceAgreementId { get; set; }
    /// <summary>The good practice of another region this usulan replicates (issue #12).</summary>
    public Guid? SourcePracticeId { get; set; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<ProposalAttachment> Attachments { get; init; } = [];
    public List<ProposalHistory> History { get; init; } = [];

    public bool IsEditable => Status is ProposalStatus.Draft or ProposalStatus.NeedsRevision;

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

public sealed class ProposalAttachment
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProposalId { get; init; }
    public ProposalAttachmentKind Kind { get; init; }
    public required string Title { get; set; }
    public required string FileSha256 { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long FileSize { get; init; }
    public string? UploadedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A row of the proposal's history: who moved it, when, with what note.</summary>
public sealed class ProposalHistory
{
    public long Id { get; init; }
    public Guid ProposalId { get; init; }
    public required string Action { get; init; }
    public ProposalStatus FromStatus { get; init; }
    public ProposalStatus ToStatus { get; init; }
    public required string ActorUserId { get; init; }
    public required string ActorName { get; init; }
    public string? ActorRole { get; init; }
    public string? ActorRegionCode { get; init; }
    public string? ActorAgencyName { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Note { get; init; }
}

public static class ProposalLabels
{
    public static string Label(this ProposalStatus s) => s switch
    {
        ProposalStatus.Draft => "Draf",
        ProposalStatus.Submitted => "Diajukan",
        ProposalStatus.Verified => "Diverifikasi",
        ProposalStatus.Assessed => "Dikaji TKKSD",
        ProposalStatus.Recommended => "Direkomendasikan",
        ProposalStatus.NeedsRevision => "Perlu perbaikan",
        ProposalStatus.Rejected => "Ditolak",
        _ => s.ToString(),
    };

    public static string Label(this ProposalAction a) => a switch
    {
        ProposalAction.Submit => "Ajukan",
        ProposalAction.Verify => "Verifikasi",
        ProposalAction.Return => "Kembalikan untuk perbaikan",
        ProposalAction.Assess => "Catat hasil kajian TKKSD",
        ProposalAction.Recommend => "Catat rekomendasi",
        ProposalAction.Reject => "Tolak",
        _ => a.ToString(),
    };

    public static string Label(this AssessmentResult r) => r switch
    {
        AssessmentResult.Feasible => "Layak",
        AssessmentResult.FeasibleWithRevision => "Layak dengan perbaikan",
        AssessmentResult.NotFeasible => "Tidak layak",
        _ => r.ToString(),
    };

    public static string Label(this ProposalAttachmentKind k) => k.DocumentKind().Label();

    public static DocumentKind DocumentKind(this ProposalAttachmentKind k) => k switch
    {
        ProposalAttachmentKind.TermsOfReference => Agreements.DocumentKind.TermsOfReference,
        ProposalAttachmentKind.FeasibilityStudy => Agreements.DocumentKind.FeasibilityStudy,
        ProposalAttachmentKind.OfferLetter => Agreements.DocumentKind.OfferLetter,
        ProposalAttachmentKind.Assessment => Agreements.DocumentKind.Assessment,
        ProposalAttachmentKind.BeritaAcara => Agreements.DocumentKind.BeritaAcara,
        _ => Agreements.DocumentKind.Other,
    };

    /// <summary>The action's name in the API (kebab-case of the enum).</summary>
    public static string Code(this ProposalAction a) => a.ToString().ToLowerInvariant();
}
