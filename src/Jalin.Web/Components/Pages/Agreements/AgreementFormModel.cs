using Jalin.Core.Agreements;
using Jalin.Core.Regions;

namespace Jalin.Web.Components.Pages.Agreements;

/// <summary>The mutable form state behind <see cref="AgreementInput"/> (which is immutable).</summary>
public sealed class AgreementFormModel
{
    public CooperationKind? Kind { get; set; }
    public string? Title { get; set; }
    public string? Object { get; set; }
    public string? Scope { get; set; }
    public string? AffairCode { get; set; }
    public decimal? Value { get; set; }
    public FundingSource FundingSource { get; set; } = FundingSource.Apbd;
    public bool BudgetedInApbd { get; set; }
    public bool BurdensPublic { get; set; }
    public DateTime? StartsOn { get; set; }
    public DateTime? EndsOn { get; set; }
    public Initiative? Initiative { get; set; }
    public KsdpkKind? KsdpkKind { get; set; } = Jalin.Core.Agreements.KsdpkKind.PublicService;
    public string? OwnRegimeBasis { get; set; }
    public string? SubAffairCode { get; set; }
    public string? CorrectionReason { get; set; }
    public bool IsForwarding { get; set; }
    public string? MappingReference { get; set; }
    public bool BorderingConfirmed { get; set; }
    public string? BorderingNote { get; set; }
    public string? TermBasis { get; set; }
    public Guid? LeadAgencyId { get; set; }
    public string? DocumentNumber { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryOffice { get; set; }
    public List<PartyRow> Parties { get; set; } = [];

    public AgreementInput ToInput() => new()
    {
        Kind = Kind, Title = Title, Object = Object, Scope = Scope, AffairCode = AffairCode, Value = Value, FundingSource = FundingSource,
        BudgetedInApbd = BudgetedInApbd, BurdensPublic = BurdensPublic, StartsOn = ToDate(StartsOn), EndsOn = ToDate(EndsOn),
        Initiative = Initiative, IsForwarding = IsForwarding, MappingReference = MappingReference, BorderingConfirmed = BorderingConfirmed,
        KsdpkKind = Kind == CooperationKind.Ksdpk ? KsdpkKind : null, OwnRegimeBasis = OwnRegimeBasis, CorrectionReason = CorrectionReason,
        SubAffairCode = AffairCompetence.IsSplit(AffairCode) ? SubAffairCode : null,
        BorderingNote = BorderingNote, TermBasis = TermBasis, LeadAgencyId = LeadAgencyId, DocumentNumber = DocumentNumber,
        SignatoryName = SignatoryName, SignatoryOffice = SignatoryOffice,
        Parties = Parties.Select(p => p.ToInput()).ToList(),
    };

    public static AgreementFormModel From(AgreementDetails a, IReadOnlyDictionary<string, RegionView> regions)
    {
        var owner = a.Parties.FirstOrDefault(p => p.Order == 1);
        return new AgreementFormModel
        {
            Kind = a.Kind, Title = a.Title, Object = a.Object, Scope = a.Scope, AffairCode = a.AffairCode, Value = a.Value, FundingSource = a.FundingSource,
            BudgetedInApbd = a.BudgetedInApbd, BurdensPublic = a.BurdensPublic, StartsOn = ToDateTime(a.StartsOn), EndsOn = ToDateTime(a.EndsOn),
            Initiative = a.Initiative, IsForwarding = a.IsForwarding, MappingReference = a.MappingReference, BorderingConfirmed = a.BorderingConfirmed,
            KsdpkKind = a.KsdpkKind, OwnRegimeBasis = a.OwnRegimeBasis, SubAffairCode = a.SubAffairCode,
            BorderingNote = a.BorderingNote, TermBasis = a.TermBasis, LeadAgencyId = owner?.LeadAgencyId, DocumentNumber = owner?.DocumentNumber,
            SignatoryName = owner?.SignatoryName, SignatoryOffice = owner?.SignatoryOffice,
            Parties = a.Parties.Where(p => p.Order > 1).OrderBy(p => p.Order).Select(p => new PartyRow
            {
                IsPartner = p.PartnerId is not null,
                PartnerId = p.PartnerId,
                Region = p.PartnerId is null && p.RegionCode is { } code && regions.TryGetValue(code, out var r) ? r : null,
                LeadAgencyId = p.LeadAgencyId, LeadAgencyName = p.LeadAgencyName, DocumentNumber = p.DocumentNumber,
                SignatoryName = p.SignatoryName, SignatoryOffice = p.SignatoryOffice,
            }).ToList(),
        };
    }

    public static DateOnly? ToDate(DateTime? d) => d is { } x ? DateOnly.FromDateTime(x) : null;
    public static DateTime? ToDateTime(DateOnly? d) => d is { } x ? x.ToDateTime(TimeOnly.MinValue) : null;
}

public sealed class PartyRow
{
    public Guid Key { get; } = Guid.NewGuid();
    public bool IsPartner { get; set; }
    public RegionView? Region { get; set; }
    public Guid? PartnerId { get; set; }
    public Guid? LeadAgencyId { get; set; }
    public string? LeadAgencyName { get; set; }
    public string? DocumentNumber { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryOffice { get; set; }

    public PartyInput ToInput() => new()
    {
        RegionCode = IsPartner ? null : Region?.Code,
        PartnerId = IsPartner ? PartnerId : null,
        LeadAgencyId = IsPartner ? null : LeadAgencyId,
        LeadAgencyName = LeadAgencyName, DocumentNumber = DocumentNumber, SignatoryName = SignatoryName, SignatoryOffice = SignatoryOffice,
    };
}
