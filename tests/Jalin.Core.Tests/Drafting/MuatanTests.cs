using Jalin.Core.Agreements;
using Jalin.Core.Common;
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

    private static readonly (DocumentKind Form, CooperationKind Kind)[] FormsAndKinds =
    [
        (DocumentKind.KesepakatanBersama, CooperationKind.KsddSukarela), (DocumentKind.KesepakatanBersama, CooperationKind.Ksdpk),
        (DocumentKind.PerjanjianKerjaSama, CooperationKind.KsddWajib), (DocumentKind.PerjanjianKerjaSama, CooperationKind.Ksdpk),
        (DocumentKind.NotaKesepakatan, CooperationKind.Sinergi), (DocumentKind.NaskahLuarNegeri, CooperationKind.Ksdpl),
        (DocumentKind.NaskahLuarNegeri, CooperationKind.Ksdll), (DocumentKind.PernyataanKehendak, CooperationKind.Ksdpl),
        (DocumentKind.RencanaKerjaSama, CooperationKind.Ksdpl),
    ];

    public static TheoryData<CooperationKind, DocumentKind, string> Rows()
    {
        var data = new TheoryData<CooperationKind, DocumentKind, string>();
        foreach (var (form, kind) in FormsAndKinds)
            foreach (var code in Muatan.Rules.Where(r => r.Forms.Contains(form) && r.IsFor(kind) && r.Code.StartsWith("clause:", StringComparison.Ordinal))
                         .Select(r => r.Code).Distinct())
                data.Add(kind, form, code);
        return data;
    }

    [Fact]
    public void Every_form_and_kind_has_unique_codes_and_a_basis_for_each_rule()
    {
        foreach (var form in Muatan.Rules.SelectMany(r => r.Forms).Distinct())
            foreach (var kind in Enum.GetValues<CooperationKind>())
            {
                var codes = Muatan.Rules.Where(r => r.Forms.Contains(form) && r.IsFor(kind)).Select(r => r.Code).ToList();
                Assert.True(codes.Count == codes.Distinct().Count(), $"{form}/{kind}: {string.Join(", ", codes.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key))}");
            }
        Assert.All(Muatan.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Basis)));
    }

    /// <summary>What a person reads is the citation in words, never our working papers' markers;
    /// PP 50/2007 (revoked by PP 28/2018 Pasal 51) is never the basis; a rule is Verified only where
    /// it cites a text, and a practice basis is never Verified.</summary>
    [Fact]
    public void Basis_is_the_citation_in_words_and_certainty_follows_the_evidence()
    {
        foreach (var r in Muatan.Rules)
        {
            foreach (var text in new[] { r.Label, r.Basis })
                foreach (var marker in UserText.Markers)
                    Assert.False(text.Contains(marker, StringComparison.Ordinal), $"{r.Code}: \"{text}\" contains {marker}");
            Assert.DoesNotContain("PP 50/2007", r.Basis);
            if (r.Certainty == Certainty.Verified) Assert.Matches(@"(PP|UU|Permendagri) \d+/\d{4} Pasal \d+", r.Basis);
            if (r.Basis.StartsWith("praktik", StringComparison.Ordinal)) Assert.NotEqual(Certainty.Verified, r.Certainty);
        }
        Assert.Contains(Muatan.Rules, r => r.Certainty == Certainty.Inferred);
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
    private static ComplianceItem Without(MuatanContext ctx, string code, params ClauseType[] types) =>
        Muatan.Check(ctx with { Clauses = ctx.Clauses.Where(c => !types.Contains(c)).ToHashSet() }).Single(i => i.Code == code);

    [Fact]
    public void Ksdpk_pks_minimums_block_PP28_Ps19_2()
    {
        // PP 28/2018 Pasal 19 ayat (2): the kontrak/PKS "paling sedikit memuat" a. hak dan kewajiban, b. jangka waktu,
        // c. penyelesaian perselisihan, d. sanksi: each one missing blocks signing.
        var ctx = Complete(Satisfier.BareAgreement(CooperationKind.Ksdpk, Stage.DraftingPks), DocumentKind.PerjanjianKerjaSama);
        foreach (var (type, code) in new[] { (ClauseType.RightsAndObligations, "clause:RightsAndObligations"), (ClauseType.Term, "clause:Term"),
                     (ClauseType.DisputeResolution, "clause:DisputeResolution"), (ClauseType.Sanctions, "ksdpk-sanctions") })
        {
            var item = Without(ctx, code, type);
            Assert.False(item.Met, code);
            Assert.True(item.Required, code);
            Assert.StartsWith("PP 28/2018 Pasal 19 ayat (2)", item.Basis);
            Assert.False(Muatan.IsComplete([item]));
            Assert.Equal(Certainty.Verified,
                Muatan.Rules.Single(r => r.Code == code && r.IsFor(CooperationKind.Ksdpk) && r.Forms.Contains(DocumentKind.PerjanjianKerjaSama)).Certainty);
        }
        // For KSDD the PP has no such list: the same elements are the usual layout (praktik daerah), and no sanctions rule.
        var ksdd = Complete(Satisfier.BareAgreement(CooperationKind.KsddSukarela, Stage.DraftingPks), DocumentKind.PerjanjianKerjaSama);
        Assert.StartsWith("praktik daerah", Without(ksdd, "clause:Term", ClauseType.Term).Basis);
        Assert.DoesNotContain(Muatan.Check(ksdd), i => i.Code == "ksdpk-sanctions");
        // PP 50/2007 is revoked (PP 28/2018 Pasal 51): it is nobody's basis.
        Assert.DoesNotContain(Muatan.Rules, r => r.Basis.Contains("50/2007", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CooperationKind.Ksdpl)]
    [InlineData(CooperationKind.Ksdll)]
    public void Foreign_naskah_items_warn_not_block_Permendagri25_Ps20_5(CooperationKind kind)
    {
        // Permendagri 25/2020 Pasal 20 ayat (5): the naskah "memuat, antara lain": expected items, a warning when missing.
        var ctx = Complete(Satisfier.BareAgreement(kind, Stage.DraftingNaskah), DocumentKind.NaskahLuarNegeri);
        var items = Muatan.Check(ctx with { Clauses = new HashSet<ClauseType>() });
        var clauseItems = items.Where(i => i.Code.StartsWith("clause:", StringComparison.Ordinal)).ToList();
        Assert.Equal(13, clauseItems.Count);
        Assert.All(clauseItems, i => { Assert.False(i.Met); Assert.False(i.Required); });
        Assert.All(clauseItems.Where(i => i.Code != "clause:AssetsAfterEnd"), i => Assert.StartsWith("Permendagri 25/2020 Pasal 20 ayat (5)", i.Basis));
        Assert.True(Muatan.IsComplete(items));
        // the 5-year term is "paling lama" (Permendagri 25/2020 Pasal 32, not PP 28/2018 Pasal 32): it still blocks
        var term = items.Single(i => i.Code == "foreign-term-5y");
        Assert.True(term.Required);
        Assert.Equal("Permendagri 25/2020 Pasal 32", term.Basis);
        Assert.DoesNotContain(Muatan.Rules, r => r.Basis.Contains("PP 28/2018 Pasal 32", StringComparison.Ordinal));
    }

    [Fact]
    public void Dispute_and_assets_cite_the_pasal_of_each_kind_PP28_Ps20_Ps26_2_Ps34_41()
    {
        static string Basis(DocumentKind form, CooperationKind kind, string code) =>
            Muatan.Rules.Single(r => r.Code == code && r.Forms.Contains(form) && r.IsFor(kind)).Basis;
        // PP 28/2018 Pasal 20 (hasil KSDPK to kas daerah / aset Pemerintah Daerah) is KSDPK only
        Assert.StartsWith("PP 28/2018 Pasal 20", Basis(DocumentKind.PerjanjianKerjaSama, CooperationKind.Ksdpk, "clause:AssetsAfterEnd"));
        Assert.DoesNotContain("Pasal 20", Basis(DocumentKind.PerjanjianKerjaSama, CooperationKind.KsddWajib, "clause:AssetsAfterEnd"));
        // abroad: goods whose ownership the naskah leaves open are settled via the Menteri (PP 28/2018 Pasal 26 ayat (2))
        Assert.StartsWith("PP 28/2018 Pasal 26 ayat (2)", Basis(DocumentKind.NaskahLuarNegeri, CooperationKind.Ksdpl, "clause:AssetsAfterEnd"));
        // foreign disputes: negosiasi dan konsultasi (PP 28/2018 Pasal 34 KSDPL, Pasal 41 KSDLL), then the Menteri (Permendagri 25/2020 Pasal 40–41)
        var foreign = Basis(DocumentKind.NaskahLuarNegeri, CooperationKind.Ksdll, "clause:DisputeResolution");
        Assert.Contains("PP 28/2018 Pasal 34 dan Pasal 41", foreign);
        Assert.Contains("Permendagri 25/2020 Pasal 40–41", foreign);
    }

    [Fact]
    public void Rks_has_every_item_PP28_Ps30_3()
    {
        // PP 28/2018 Pasal 30 ayat (3) (KSDLL: Pasal 38): a. subjek; b. latar belakang; c. maksud, tujuan, dan sasaran;
        // d. objek; e. ruang lingkup; f. sumber pembiayaan; g. jangka waktu pelaksanaan: "paling sedikit", so each blocks.
        ClauseType[] expected = [ClauseType.Parties, ClauseType.Background, ClauseType.Purpose, ClauseType.Object, ClauseType.Scope, ClauseType.Financing, ClauseType.Term];
        var rules = Muatan.Rules.Where(r => r.Forms.Contains(DocumentKind.RencanaKerjaSama) && r.Clause is not null).ToList();
        Assert.Equal(expected, rules.Select(r => r.Clause!.Value));
        Assert.All(rules, r => { Assert.True(r.Required); Assert.Equal(Certainty.Verified, r.Certainty); });
        Assert.Equal("abcdefg".Select(c => $"PP 28/2018 Pasal 30 ayat (3) huruf {c}; Permendagri 25/2020 Pasal 15"), rules.Select(r => r.Basis));
        var ctx = Complete(Satisfier.BareAgreement(CooperationKind.Ksdll, Stage.DraftingRks), DocumentKind.RencanaKerjaSama);
        foreach (var type in expected)
        {
            var item = Without(ctx, $"clause:{type}", type);
            Assert.False(item.Met);
            Assert.False(Muatan.IsComplete([item]));
        }
        Assert.Equal("Latar belakang", Without(ctx, "clause:Background", ClauseType.Background).Label);
        // the template has a pasal for each item
        var rks = DefaultTemplates.Find("rks")!;
        Assert.All(expected, t => Assert.Contains(rks.Clauses, c => c.Type == t));
    }

    [Fact]
    public void Nk_needs_rencana_kerja_annex()
    {
        // Nota Kesepakatan Sinergi (PP 28/2018 Pasal 46): its rencana kerja (rencana aksi) is a pasal of the naskah or an attached plan.
        var ctx = Complete(Satisfier.BareAgreement(CooperationKind.Sinergi, Stage.Implementation), DocumentKind.NotaKesepakatan);
        Assert.True(Muatan.Check(ctx).Single(i => i.Code == "nk-work-plan").Met);
        var without = ctx with { Clauses = ctx.Clauses.Where(c => c != ClauseType.WorkPlanAnnex).ToHashSet() };
        var item = Muatan.Check(without).Single(i => i.Code == "nk-work-plan");
        Assert.False(item.Met);
        Assert.True(item.Required);
        Assert.False(Muatan.IsComplete(Muatan.Check(without)));
        ctx.Agreement.Documents.Add(new AgreementDocument { Kind = DocumentKind.AnnualActivityPlan, Title = "Rencana aksi 2027" });
        Assert.True(Muatan.Check(without).Single(i => i.Code == "nk-work-plan").Met);
        Assert.Contains(DefaultTemplates.Find("nk")!.Clauses, c => c.Type == ClauseType.WorkPlanAnnex && c.Paragraphs.Count > 0);
        // and a NK cites Pasal 46 ayat (3) for its funding
        Assert.StartsWith("PP 28/2018 Pasal 46 ayat (3)", Muatan.Check(ctx).Single(i => i.Code == "clause:Financing").Basis);
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
