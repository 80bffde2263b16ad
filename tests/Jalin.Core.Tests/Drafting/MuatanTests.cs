using Jalin.Core.Agreements;
using Jalin.Core.Drafting;
using Jalin.Core.Lifecycle;
using Jalin.Core.Regions;
using Jalin.Core.Tests.Lifecycle;

namespace Jalin.Core.Tests.Drafting;

/// <summary>The muatan table row by row: each rule is met by a complete draft and missing when its
/// element is taken away; the cross rules apply only where the law says.</summary>
public class MuatanTests
{
    private static readonly GovernmentAffair Waste = new() { Code = "2.11", Name = "Lingkungan Hidup" };
    private static readonly GovernmentAffair Forestry = new() { Code = "3.28", Name = "Kehutanan", ProvincialOnly = true };
    private static readonly Dictionary<string, RegionLevel> Kota = new() { ["32.77"] = RegionLevel.City, ["32.04"] = RegionLevel.Regency };

    private static MuatanContext Complete(Agreement a, DocumentKind form)
    {
        foreach (var p in a.Parties) p.DocumentNumber = $"{p.Order}/PKS/2026";
        a.StartsOn = new DateOnly(2026, 1, 1);
        a.EndsOn = new DateOnly(2028, 12, 31);
        a.Documents.Add(new AgreementDocument { Kind = DocumentKind.KesepakatanBersama, Title = "KB" });
        a.Documents.Add(new AgreementDocument { Kind = DocumentKind.FeasibilityStudy, Title = "Studi kelayakan" });
        return new MuatanContext(a, form, Enum.GetValues<ClauseType>().ToHashSet(), Affair: Waste, Kota, LoiValidUntil: new DateOnly(2026, 12, 31));
    }

    public static TheoryData<CooperationKind, DocumentKind, string> Rows()
    {
        var data = new TheoryData<CooperationKind, DocumentKind, string>();
        foreach (var form in new[] { DocumentKind.KesepakatanBersama, DocumentKind.PerjanjianKerjaSama, DocumentKind.NotaKesepakatan,
                     DocumentKind.NaskahLuarNegeri, DocumentKind.PernyataanKehendak, DocumentKind.RencanaKerjaSama })
        {
            var kind = form switch
            {
                DocumentKind.NotaKesepakatan => CooperationKind.Sinergi,
                DocumentKind.NaskahLuarNegeri or DocumentKind.PernyataanKehendak or DocumentKind.RencanaKerjaSama => CooperationKind.Ksdpl,
                _ => CooperationKind.Ksdpk,
            };
            foreach (var rule in Muatan.Rules.Where(r => r.Forms.Contains(form) && r.Code.StartsWith("clause:", StringComparison.Ordinal)))
                data.Add(kind, form, rule.Code);
        }
        return data;
    }

    [Fact]
    public void Every_form_has_unique_codes_and_a_basis_for_each_rule()
    {
        foreach (var form in Muatan.Rules.SelectMany(r => r.Forms).Distinct())
        {
            var codes = Muatan.Rules.Where(r => r.Forms.Contains(form)).Select(r => r.Code).ToList();
            Assert.Equal(codes.Count, codes.Distinct().Count());
        }
        Assert.All(Muatan.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Basis)));
    }

    [Fact]
    public void A_complete_ksdpk_pks_passes()
    {
        var a = Satisfier.BareAgreement(CooperationKind.Ksdpk, Stage.DraftingPks);
        var items = Muatan.Check(Complete(a, DocumentKind.PerjanjianKerjaSama));
        Assert.All(items, i => Assert.True(i.Met, i.Code));
        Assert.True(Muatan.IsComplete(items));
        Assert.Contains(items, i => i.Code == "ksdpk-sanctions");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_clause_rule_is_met_with_its_clause_and_missing_without_it(CooperationKind kind, DocumentKind form, string code)
    {
        var type = Enum.Parse<ClauseType>(code["clause:".Length..]);
        var ctx = Complete(Satisfier.BareAgreement(kind, Stage.Implementation), form);
        Assert.True(Muatan.Check(ctx).Single(i => i.Code == code).Met);
        var without = ctx with { Clauses = ctx.Clauses.Where(c => c != type).ToHashSet() };
        var item = Muatan.Check(without).Single(i => i.Code == code);
        Assert.False(item.Met);
        Assert.Equal(item.Required, !Muatan.IsComplete([item]));
    }

    [Fact]
    public void Sanctions_and_feasibility_study_are_required_for_ksdpk_only()
    {
        var ksdpk = Complete(Satisfier.BareAgreement(CooperationKind.Ksdpk, Stage.DraftingPks), DocumentKind.PerjanjianKerjaSama);
        var noSanctions = ksdpk with { Clauses = ksdpk.Clauses.Where(c => c != ClauseType.Sanctions).ToHashSet() };
        Assert.False(Muatan.Check(noSanctions).Single(i => i.Code == "ksdpk-sanctions").Met);
        ksdpk.Agreement.Documents.RemoveAll(d => d.Kind == DocumentKind.FeasibilityStudy);
        Assert.False(Muatan.Check(ksdpk).Single(i => i.Code == "ksdpk-feasibility").Met);

        var ksdd = Complete(Satisfier.BareAgreement(CooperationKind.KsddSukarela, Stage.DraftingPks), DocumentKind.PerjanjianKerjaSama);
        var items = Muatan.Check(ksdd with { Clauses = ksdd.Clauses.Where(c => c != ClauseType.Sanctions).ToHashSet() });
        Assert.DoesNotContain(items, i => i.Code is "ksdpk-sanctions" or "ksdpk-feasibility");
        Assert.True(Muatan.IsComplete(items));
    }

    [Fact]
    public void Pks_signed_by_an_opd_head_needs_a_power_of_attorney()
    {
        var ctx = Complete(Satisfier.BareAgreement(CooperationKind.KsddSukarela, Stage.DraftingPks), DocumentKind.PerjanjianKerjaSama);
        Assert.DoesNotContain(Muatan.Check(ctx), i => i.Code == "power-of-attorney");
        ctx.Agreement.Parties[0].SignatoryOffice = "Kepala Dinas Lingkungan Hidup Kota Cimahi";
        Assert.False(Muatan.Check(ctx).Single(i => i.Code == "power-of-attorney").Met);
        ctx.Agreement.Documents.Add(new AgreementDocument { Kind = DocumentKind.PowerOfAttorney, Title = "Surat kuasa" });
        Assert.True(Muatan.Check(ctx).Single(i => i.Code == "power-of-attorney").Met);
    }

    [Fact]
    public void Pks_names_the_kb_it_implements()
    {
        var ctx = Complete(Satisfier.BareAgreement(CooperationKind.Ksdpk, Stage.DraftingPks), DocumentKind.PerjanjianKerjaSama);
        ctx.Agreement.Documents.RemoveAll(d => d.Kind == DocumentKind.KesepakatanBersama);
        Assert.False(Muatan.Check(ctx).Single(i => i.Code == "pks-names-kb").Met);
    }

    [Fact]
    public void Unbudgeted_or_burdening_cooperation_needs_dprd_approval_before_the_pks()
    {
        var ctx = Complete(Satisfier.BareAgreement(CooperationKind.KsddSukarela, Stage.DraftingPks), DocumentKind.PerjanjianKerjaSama);
        Assert.DoesNotContain(Muatan.Check(ctx), i => i.Code == "dprd-first");
        ctx.Agreement.BudgetedInApbd = false;
        Assert.False(Muatan.Check(ctx).Single(i => i.Code == "dprd-first").Met);
        ctx.Agreement.History.Add(new StageChange { Action = "record-dprd-approval", ActorUserId = "u", ActorName = "DPRD", FromStage = Stage.DprdApproval, ToStage = Stage.DraftingPks });
        Assert.True(Muatan.Check(ctx).Single(i => i.Code == "dprd-first").Met);
    }

    [Fact]
    public void Foreign_term_is_at_most_five_years_and_loi_one_year()
    {
        var ctx = Complete(Satisfier.BareAgreement(CooperationKind.Ksdpl, Stage.DraftingNaskah), DocumentKind.NaskahLuarNegeri);
        Assert.True(Muatan.Check(ctx).Single(i => i.Code == "foreign-term-5y").Met);
        ctx.Agreement.EndsOn = new DateOnly(2031, 1, 2);
        Assert.False(Muatan.Check(ctx).Single(i => i.Code == "foreign-term-5y").Met);

        var loi = ctx with { Form = DocumentKind.PernyataanKehendak };
        Assert.True(Muatan.Check(loi).Single(i => i.Code == "loi-1y").Met);
        Assert.False(Muatan.Check(loi with { LoiValidUntil = new DateOnly(2027, 1, 2) }).Single(i => i.Code == "loi-1y").Met);
        Assert.False(Muatan.Check(loi with { LoiValidUntil = null }).Single(i => i.Code == "loi-1y").Met);
    }

    [Fact]
    public void Provincial_only_affairs_need_provinces_on_every_side()
    {
        var ctx = Complete(Satisfier.BareAgreement(CooperationKind.KsddSukarela, Stage.DraftingKb), DocumentKind.KesepakatanBersama);
        Assert.True(Muatan.Check(ctx).Single(i => i.Code == "affair-competence").Met);
        // UU 23/2014 Ps 14: without a sub-urusan the check asks for one (not a refusal); a province-only sub-urusan fails for a kab/kota
        Assert.True(Muatan.Check(ctx with { Affair = Forestry }).Single(i => i.Code == "affair-competence").Met);
        ctx.Agreement.SubAffairCode = "3.28.lainnya";
        Assert.False(Muatan.Check(ctx with { Affair = Forestry }).Single(i => i.Code == "affair-competence").Met);
        var provinces = new Dictionary<string, RegionLevel> { ["13"] = RegionLevel.Province, ["14"] = RegionLevel.Province };
        Assert.True(Muatan.Check(ctx with { Affair = Forestry, PartyRegionLevels = provinces }).Single(i => i.Code == "affair-competence").Met);
    }

    [Fact]
    public void Every_other_partys_number_is_required_on_the_naskah_and_the_owners_comes_with_the_final()
    {
        var ctx = Complete(Satisfier.BareAgreement(CooperationKind.KsddSukarela, Stage.DraftingKb), DocumentKind.KesepakatanBersama);
        var owner = ctx.Agreement.Parties.Single(p => p.RegionCode == ctx.Agreement.RegionCode);
        var other = ctx.Agreement.Parties.First(p => p.RegionCode != ctx.Agreement.RegionCode);
        owner.DocumentNumber = null;
        Assert.True(Muatan.Check(ctx).Single(i => i.Code == "party-numbers").Met);
        other.DocumentNumber = null;
        Assert.False(Muatan.Check(ctx).Single(i => i.Code == "party-numbers").Met);
    }
}

public class GeneratedDocsTests
{
    [Fact]
    public void Docs_muatan_md_matches_the_table()
    {
        Jalin.Core.Tests.Infrastructure.GeneratedDocs.AssertUpToDate(Path.Combine("docs", "muatan.md"), Muatan.Markdown(), "dotnet run --project src/Jalin.Cli -- drafting docs");
        Assert.Contains("`ksdpk-sanctions`", Muatan.Markdown());
    }

    [Fact]
    public void Docs_lifecycle_md_matches_the_table() =>
        Jalin.Core.Tests.Infrastructure.GeneratedDocs.AssertUpToDate(Path.Combine("docs", "lifecycle.md"), LifecycleDescription.Markdown(), "dotnet run --project src/Jalin.Cli -- lifecycle docs");
}
