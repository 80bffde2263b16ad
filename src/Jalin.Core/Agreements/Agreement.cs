using Jalin.Core.Lifecycle;

namespace Jalin.Core.Agreements;

/// <summary>One cooperation with its parties, documents and history. Owned by the region that
/// runs it (<see cref="RegionCode"/>); other party regions see the shared record.</summary>
public sealed class Agreement
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public CooperationKind Kind { get; init; }
    public Stage Stage { get; private set; }
    public EndReason? EndReason { get; private set; }
    public required string Title { get; set; }
    public string? Object { get; set; }
    public string? Scope { get; set; }
    public string? AffairCode { get; set; }
    /// <summary>For an urusan the UU 23/2014 Lampiran splits between levels: the sub-urusan (Regions/AffairCompetence.cs).</summary>
    public string? SubAffairCode { get; set; }
    public decimal? Value { get; set; }
    public FundingSource FundingSource { get; set; }
    public bool BudgetedInApbd { get; set; }
    public bool BurdensPublic { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>KSDPK: who took the initiative (PP 28/2018 Ps 17–18).</summary>
    public Initiative? Initiative { get; set; }
    /// <summary>KSDPK: which kind (PP 28/2018 Ps 15(1)); only pelayanan publik runs the PP 28 stages. Fixed at registration.</summary>
    public KsdpkKind? KsdpkKind { get; init; }
    /// <summary>KSDPK aset, investasi, lainnya: the law and instrument it was made under (e.g. "PP 27/2014, Kerja Sama Pemanfaatan").</summary>
    public string? OwnRegimeBasis { get; set; }
    /// <summary>KSDLL: penerusan of a central-government cooperation (Permendagri 25/2020 Ps 7a).</summary>
    public bool IsForwarding { get; set; }
    /// <summary>KSDD wajib: the mapping item (pemetaan urusan) it implements.</summary>
    public string? MappingReference { get; set; }
    /// <summary>KSDD wajib: the officer confirmed the parties border each other, with a note.</summary>
    public bool BorderingConfirmed { get; set; }
    /// <summary>Legal basis recorded when the term exceeds the region's term limit setting.</summary>
    public string? TermBasis { get; set; }
    public string? BorderingNote { get; set; }
    /// <summary>The next clock-driven due date from the lifecycle table, in working days where the law counts them.</summary>
    public DateOnly? DueOn { get; private set; }
    public string? DueAction { get; private set; }
    public string? DueLabel { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token: every change increments it.</summary>
    public int Version { get; set; }
    /// <summary>When the Bagian Kerja Sama published the agreement on the public portal (null: not public).</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    /// <summary>Fields the region keeps off the portal and the open data even when the agreement is published.</summary>
    public Publication.ConfidentialFields Confidential { get; set; }
    /// <summary>The import (<see cref="Import.ImportSession"/>) that brought this agreement in from a legacy register; null when registered in Jalin.</summary>
    public Guid? ImportSessionId { get; init; }

    public List<AgreementParty> Parties { get; init; } = [];
    public List<AgreementDocument> Documents { get; init; } = [];
    public List<StageChange> History { get; init; } = [];

    public bool IsEnded => Stage == Stage.Ended;

    public static Stage FirstStage(CooperationKind kind, KsdpkKind? ksdpk = null) => kind switch
    {
        CooperationKind.Sinergi => Stage.Offer,
        CooperationKind.Ksdpl or CooperationKind.Ksdll => Stage.Initiative,
        CooperationKind.Ksdpk when ksdpk is not null and not Agreements.KsdpkKind.PublicService => Stage.Recording,
        _ => Stage.Preparation,
    };

    /// <summary>A KSDPK of kind aset, investasi or lainnya (PP 28/2018 Ps 15(3)–(4)): recorded, not run through PP 28's stages.</summary>
    public bool IsOwnRegime => Kind == CooperationKind.Ksdpk && KsdpkKind is not null and not Agreements.KsdpkKind.PublicService;

    public void Start() => Stage = FirstStage(Kind, KsdpkKind);

    internal void MoveTo(Stage stage, EndReason? reason)
    {
        Stage = stage;
        EndReason = stage == Stage.Ended ? reason : null;
        if (stage == Stage.Ended) ClearDue();
    }

    internal void SetDue(DateOnly? on, string? action, string? label)
    {
        DueOn = on;
        DueAction = action;
        DueLabel = label;
    }

    internal void ClearDue() => SetDue(null, null, null);

    /// <summary>Restores a stage while importing or seeding history, without a legal move.</summary>
    public void RestoreStage(Stage stage, EndReason? reason) => MoveTo(stage, reason);

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A party of an agreement: the owning region, another region, or a registry partner.</summary>
public sealed class AgreementParty
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AgreementId { get; init; }
    public int Order { get; set; }
    public string? RegionCode { get; set; }
    public Guid? PartnerId { get; set; }
    public required string Name { get; set; }
    public Guid? LeadAgencyId { get; set; }
    public string? LeadAgencyName { get; set; }
    /// <summary>This party's own number for the agreement (each party numbers from its own register).</summary>
    public string? DocumentNumber { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryOffice { get; set; }
}

public enum DocumentVisibility { Shared, Internal }

public sealed class AgreementDocument
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AgreementId { get; init; }
    public DocumentKind Kind { get; init; }
    public required string Title { get; set; }
    public Guid? ParentDocumentId { get; set; }
    public Stage Stage { get; init; }
    public string? Number { get; set; }
    public string? PartnerNumber { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DocumentVisibility Visibility { get; set; }
    public string? FileSha256 { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? FileSize { get; set; }
    public string? UploadedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The agreement's region (tenancy of the row, e.g. which region's audit trail records it); not who owns the paper.</summary>
    public string? RegionCode { get; init; }
    /// <summary>The region whose document this is: the agreement's region for what the owning side, its
    /// partners and Jalin attach; a party region's code for the papers that region attaches on its side
    /// (its kajian, its DPRD's letters, its signed copy). Its internal documents are seen only in that
    /// region (<see cref="AgreementAccess.SeesDocument"/>). Null is read as the agreement's region.</summary>
    public string? UploaderRegionCode { get; init; }
    /// <summary>Shown on the public portal with its published agreement (only kinds <see cref="Publication.PublicDocuments.CanBePublic"/>).</summary>
    public bool IsPublic { get; set; }

    public bool IsSigned => SignedOn is not null && FileSha256 is not null;
}

/// <summary>A row of the agreement's history: a legal move, a note, or a clock event.</summary>
public sealed class StageChange
{
    public long Id { get; init; }
    public Guid AgreementId { get; init; }
    public required string Action { get; init; }
    public Stage FromStage { get; init; }
    public Stage ToStage { get; init; }
    public required string ActorUserId { get; init; }
    public required string ActorName { get; init; }
    public string? ActorRegionCode { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Note { get; init; }
    public Guid? DocumentId { get; init; }
    public EndReason? EndReason { get; init; }
    public bool IsInternal { get; init; }
}
