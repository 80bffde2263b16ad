using Jalin.Core.Agreements;
using Jalin.Core.Proposals;

namespace Jalin.Web.Components.Pages.Proposals;

/// <summary>The proposal form's mutable fields (DateField binds a DateTime).</summary>
public sealed class ProposalFormModel
{
    public string? Title { get; set; }
    public string? AffairCode { get; set; }
    public string? SubAffairCode { get; set; }
    public Guid? AgencyId { get; set; }
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
    public DateTime? PlannedStart { get; set; }
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

    public void Load(ProposalInput i)
    {
        Title = i.Title; AffairCode = i.AffairCode; SubAffairCode = i.SubAffairCode; AgencyId = i.AgencyId; PartnerRegionCode = i.PartnerRegionCode;
        PartnerId = i.PartnerId; PartnerName = i.PartnerName; Background = i.Background; LegalBasis = i.LegalBasis; Aims = i.Aims; Object = i.Object;
        Location = i.Location; Scope = i.Scope; Roles = i.Roles; PlannedStart = i.PlannedStart?.ToDateTime(TimeOnly.MinValue); TermMonths = i.TermMonths;
        TermJustification = i.TermJustification; Benefits = i.Benefits; SocialImpact = i.SocialImpact; EconomicImpact = i.EconomicImpact;
        EnvironmentalImpact = i.EnvironmentalImpact; FundingSource = i.FundingSource; Amount = i.Amount; BudgetedInApbd = i.BudgetedInApbd;
        PlanProgram = i.PlanProgram; PlanTarget = i.PlanTarget; Contact1Name = i.Contact1Name; Contact1Position = i.Contact1Position;
        Contact1Phone = i.Contact1Phone; Contact1Email = i.Contact1Email; Contact2Name = i.Contact2Name; Contact2Position = i.Contact2Position;
        Contact2Phone = i.Contact2Phone; Contact2Email = i.Contact2Email;
    }

    public ProposalInput ToInput(string partnerMode) => new()
    {
        Title = Title, AffairCode = AffairCode, SubAffairCode = SubAffairCode, AgencyId = AgencyId,
        PartnerRegionCode = partnerMode == "region" ? PartnerRegionCode : null, PartnerId = partnerMode == "partner" ? PartnerId : null,
        PartnerName = partnerMode == "name" ? PartnerName : null, Background = Background, LegalBasis = LegalBasis, Aims = Aims, Object = Object,
        Location = Location, Scope = Scope, Roles = Roles, PlannedStart = PlannedStart is { } d ? DateOnly.FromDateTime(d) : null, TermMonths = TermMonths,
        TermJustification = TermJustification, Benefits = Benefits, SocialImpact = SocialImpact, EconomicImpact = EconomicImpact,
        EnvironmentalImpact = EnvironmentalImpact, FundingSource = FundingSource, Amount = Amount, BudgetedInApbd = BudgetedInApbd,
        PlanProgram = PlanProgram, PlanTarget = PlanTarget, Contact1Name = Contact1Name, Contact1Position = Contact1Position, Contact1Phone = Contact1Phone,
        Contact1Email = Contact1Email, Contact2Name = Contact2Name, Contact2Position = Contact2Position, Contact2Phone = Contact2Phone, Contact2Email = Contact2Email,
    };
}
