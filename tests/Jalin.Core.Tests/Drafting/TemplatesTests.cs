using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Jalin.Core.Agreements;
using Jalin.Core.Drafting;
using Jalin.Core.Lifecycle;
using Jalin.Core.Regions;
using Jalin.Core.Tests.Lifecycle;

namespace Jalin.Core.Tests.Drafting;

/// <summary>The default template set against the muatan table, the field catalogue and the DOCX writer.</summary>
public class TemplatesTests
{
    private static readonly Region Cimahi = new() { Code = "32.77", Name = "Kota Cimahi", Level = RegionLevel.City, ProvinceCode = "32" };

    public static TheoryData<string> Codes() => new(DefaultTemplates.All.Select(t => t.Code));

    private static Agreement AgreementFor(TemplateDefinition t) => AgreementFor(t.Kinds.Count > 0 ? t.Kinds[0] : CooperationKind.Ksdpk);

    private static Agreement AgreementFor(CooperationKind kind)
    {
        var a = Satisfier.BareAgreement(kind, Stage.Implementation);
        a.Title = "Pengelolaan Sampah Terpadu Cimahi";
        a.Object = "pengangkutan dan pengolahan sampah rumah tangga";
        a.Scope = "pengangkutan, pemilahan dan pengolahan sampah di 15 kelurahan";
        a.Value = 1_500_000_000m;
        a.StartsOn = new DateOnly(2027, 1, 1);
        a.EndsOn = new DateOnly(2031, 12, 31);
        a.Parties[0].SignatoryName = "Ngatiyana";
        a.Parties[0].LeadAgencyName = "Dinas Lingkungan Hidup Kota Cimahi";
        a.Parties[1].SignatoryName = "Budi Santoso";
        return a;
    }

    private static DraftRender Render(TemplateDefinition t, Agreement a)
    {
        var fields = DraftFields.From(a, Cimahi, new GovernmentAffair { Code = "1.05", Name = "Lingkungan Hidup" }, new DateOnly(2026, 11, 27));
        var clauses = t.Clauses.Select(c => c.ToDraftClause()).Select(c => new DraftClause
        {
            Key = c.Key, Type = c.Type, Heading = DraftFields.Fill(c.Heading, fields), Paragraphs = c.Paragraphs.Select(p => DraftFields.Fill(p, fields)).ToList(),
        }).ToList();
        return new DraftRender(t, a, Cimahi, clauses, "Cimahi", "7/KS/2026", null, fields);
    }

    [Theory, MemberData(nameof(Codes))]
    public void Every_template_has_every_clause_its_form_requires(string code)
    {
        var t = DefaultTemplates.Find(code)!;
        var a = AgreementFor(t);
        var items = DraftCompliance.Check(a, t.Form, t.Layout, t.Clauses.Select(c => c.ToDraftClause()).ToList(), null, new Dictionary<string, RegionLevel>());
        var clauseRules = Muatan.Rules.Where(r => r.Clause is not null).Select(r => r.Code).ToHashSet();
        Assert.NotEmpty(clauseRules);
        var missingClauses = items.Where(i => clauseRules.Contains(i.Code) && i.Required && !i.Met).Select(i => i.Label).ToList();
        Assert.True(missingClauses.Count == 0, $"{code} misses: {string.Join(", ", missingClauses)}");
    }

    [Theory, MemberData(nameof(Codes))]
    public void Every_template_uses_only_known_fields(string code)
    {
        var t = DefaultTemplates.Find(code)!;
        var texts = t.Clauses.SelectMany(c => c.Paragraphs.Append(c.Heading)).Append(t.Addressee ?? "").Append(t.Subject ?? "");
        Assert.Empty(texts.SelectMany(DraftFields.Unknown));
    }

    [Theory, MemberData(nameof(Codes))]
    public void Every_template_writes_a_valid_docx_with_the_agreements_data(string code)
    {
        var t = DefaultTemplates.Find(code)!;
        var a = AgreementFor(t);
        var bytes = DraftDocx.Write(Render(t, a));
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var text = string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.DoesNotContain("{{", text);
        Assert.Contains(t.Layout == TemplateLayout.Outline ? a.Title.ToUpperInvariant() : a.Title, text, StringComparison.OrdinalIgnoreCase);
        switch (t.Layout)
        {
            case TemplateLayout.Naskah:
                Assert.Contains("PIHAK KESATU", text);
                Assert.Contains("Pasal 1", text);
                Assert.Contains("NOMOR: 7/KS/2026", text);
                break;
            case TemplateLayout.Letter:
                Assert.Contains("PEMERINTAH KOTA CIMAHI", text);
                Assert.Contains("WALI KOTA CIMAHI", text);
                break;
            default:
                Assert.Contains("BAB I", text);
                break;
        }
    }

    [Fact]
    public void Pks_template_carries_value_in_words_term_in_words_and_the_lead_opd()
    {
        var t = DefaultTemplates.Find("pks-ksdpk")!;
        var a = AgreementFor(t);
        var text = string.Join("\n", Render(t, a).Clauses.SelectMany(c => c.Paragraphs));
        Assert.Contains("Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah)", text);
        Assert.Contains("5 (lima) tahun terhitung sejak tanggal 1 Januari 2027 sampai dengan tanggal 31 Desember 2031", text);
        Assert.Contains("Dinas Lingkungan Hidup Kota Cimahi", text);
        Assert.Contains(Render(t, a).Clauses, c => c.Type == ClauseType.Sanctions);
        Assert.DoesNotContain(Render(DefaultTemplates.Find("pks-ksdd")!, a).Clauses, c => c.Type == ClauseType.Sanctions);
    }

    [Fact]
    public void A_region_party_is_named_as_its_government_and_the_owner_carries_the_issued_number()
    {
        var t = DefaultTemplates.Find("pks-ksdpk")!;
        var a = AgreementFor(t);
        a.Parties[0].Name = "Kota Cimahi";
        a.Parties[1].DocumentNumber = "014/PKS/2026";
        var model = DraftDocx.ToNaskah(Render(t, a));
        Assert.Equal("Pemerintah Kota Cimahi", model.Parties[0].Name);
        Assert.Equal("Mitra Uji", model.Parties[1].Name);
        Assert.Equal("7/KS/2026", model.Parties[0].DocumentNumber);
        Assert.Equal("014/PKS/2026", model.Parties[1].DocumentNumber);
        a.Parties[0].Name = "Pemerintah Kota Cimahi";
        Assert.Equal("Pemerintah Kota Cimahi", DraftDocx.ToNaskah(Render(t, a)).Parties[0].Name);
    }

    [Fact]
    public void Templates_apply_to_the_kinds_of_cooperation_they_are_for()
    {
        Assert.True(DefaultTemplates.Find("pks-ksdpk")!.AppliesTo(CooperationKind.Ksdpk));
        Assert.False(DefaultTemplates.Find("pks-ksdpk")!.AppliesTo(CooperationKind.KsddSukarela));
        Assert.False(DefaultTemplates.Find("nk")!.AppliesTo(CooperationKind.KsddWajib));
        Assert.True(DefaultTemplates.Find("loi")!.AppliesTo(CooperationKind.Ksdpl));
        Assert.True(DefaultTemplates.Find("kak")!.AppliesTo(CooperationKind.Sinergi));
        // every kind has at least one naskah template to draft
        foreach (var kind in Enum.GetValues<CooperationKind>())
            Assert.Contains(DefaultTemplates.All, t => t.AppliesTo(kind) && t.Form.IsNaskah());
        Assert.Equal(DefaultTemplates.All.Count, DefaultTemplates.All.Select(t => t.Code).Distinct().Count());
    }

    [Fact]
    public void Clause_library_has_a_wording_for_every_muatan_a_template_takes_from_it()
    {
        foreach (var type in new[] { ClauseType.Financing, ClauseType.RightsAndObligations, ClauseType.DisputeResolution, ClauseType.Sanctions, ClauseType.Termination,
                     ClauseType.ForceMajeure, ClauseType.Amendment, ClauseType.Closing, ClauseType.Monitoring, ClauseType.AssetsAfterEnd, ClauseType.JointWorkingGroup })
            Assert.Equal(type, ClauseLibrary.Default(type).Type);
        Assert.True(ClauseLibrary.All.Count(w => w.Type == ClauseType.DisputeResolution) >= 3, "alternative wordings for dispute resolution");
        Assert.Equal(ClauseLibrary.All.Count, ClauseLibrary.All.Select(w => w.Id).Distinct().Count());
        Assert.Empty(ClauseLibrary.All.SelectMany(w => w.Paragraphs).SelectMany(DraftFields.Unknown));
    }
    public static TheoryData<string, CooperationKind> TemplatesAndKinds()
    {
        var data = new TheoryData<string, CooperationKind>();
        foreach (var t in DefaultTemplates.All)
            foreach (var kind in Enum.GetValues<CooperationKind>().Where(t.AppliesTo))
                data.Add(t.Code, kind);
        return data;
    }

    /// <summary>Everything a person reads in a generated document cites the law in words: no working-paper
    /// markers (DOMAIN §, [V], [I], [U]) in any template rendered for any kind it applies to, nor in the
    /// names, library wordings and field descriptions the template editor shows.</summary>
    [Theory, MemberData(nameof(TemplatesAndKinds))]
    public void Generated_documents_carry_no_working_paper_markers(string code, CooperationKind kind)
    {
        var t = DefaultTemplates.Find(code)!;
        var bytes = DraftDocx.Write(Render(t, AgreementFor(kind)));
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.True(text.Length > 200);
        foreach (var marker in UserText.Markers) Assert.DoesNotContain(marker, text);
    }

    [Fact]
    public void Template_names_library_wordings_and_field_descriptions_carry_no_working_paper_markers()
    {
        var texts = DefaultTemplates.All.Select(t => t.Name)
            .Concat(ClauseLibrary.All.SelectMany(w => w.Paragraphs.Append(w.Name).Append(w.Heading)))
            .Concat(DraftFields.Catalog.Select(f => f.Description))
            .Concat(Enum.GetValues<ClauseType>().Select(c => c.Label()))
            .Concat(Enum.GetValues<CooperationKind>().Select(DraftFields.DisputeRoute));
        foreach (var text in texts)
            foreach (var marker in UserText.Markers)
                Assert.False(text.Contains(marker, StringComparison.Ordinal), $"\"{text}\" contains {marker}");
        Assert.DoesNotContain(ClauseLibrary.All.SelectMany(w => w.Paragraphs.Append(w.Name)), p => p.Contains("50/2007", StringComparison.Ordinal));
    }

    private static string ClauseText(string template, CooperationKind kind, ClauseType type) =>
        string.Join("\n", Render(DefaultTemplates.Find(template)!, AgreementFor(kind)).Clauses.Single(c => c.Type == type).Paragraphs);

    [Fact]
    public void Termination_pasal_follows_PP28_Ps9_and_says_change_of_head_does_not_end()
    {
        // PP 28/2018 Pasal 9 ayat (1) a–e and ayat (2)
        string[] ps9 =
        [
            "a. berakhirnya jangka waktu kerja sama", "b. tujuan kerja sama telah tercapai", "c. terdapat kesepakatan PARA PIHAK untuk mengakhiri kerja sama",
            "d. terjadi perubahan kebijakan berdasarkan ketentuan peraturan perundang-undangan yang mengakibatkan kerja sama tidak dapat dilaksanakan",
            "e. objek kerja sama hilang atau musnah",
        ];
        var ksdd = ClauseText("pks-ksdd", CooperationKind.KsddWajib, ClauseType.Termination);
        Assert.All(ps9, reason => Assert.Contains(reason, ksdd));
        Assert.Contains("Pasal 9 ayat (1) Peraturan Pemerintah Nomor 28 Tahun 2018", ksdd);
        Assert.Contains("tidak berakhir meskipun terjadi pergantian kepemimpinan", ksdd);
        Assert.Contains("Pasal 9 ayat (2)", ksdd);
        // reasons the law does not give are gone
        Assert.DoesNotContain("keadaan kahar", ksdd);
        Assert.DoesNotContain("tidak melaksanakan kewajibannya", ksdd);
        Assert.DoesNotContain("putusan pengadilan", ksdd);

        // KSDPK: Pasal 22 ayat (1) applies Pasal 9; ayat (2) adds a final court decision and the pihak ketiga's bankruptcy
        var ksdpk = ClauseText("pks-ksdpk", CooperationKind.Ksdpk, ClauseType.Termination);
        Assert.All(ps9, reason => Assert.Contains(reason, ksdpk));
        Assert.Contains("f. putusan pengadilan yang telah memperoleh kekuatan hukum tetap", ksdpk);
        Assert.Contains("g. pihak ketiga dalam kerja sama ini dinyatakan pailit", ksdpk);
        Assert.Contains("Pasal 22", ksdpk);
        Assert.Contains("pergantian kepemimpinan", ksdpk);

        // Abroad: Permendagri 25/2020 Pasal 34 (agreement per the naskah's procedure; goal reached; replaced; term over)
        var foreign = ClauseText("naskah-ln", CooperationKind.Ksdpl, ClauseType.Termination);
        foreach (var reason in new[] { "PARA PIHAK sepakat untuk mengakhirinya sesuai dengan tata cara", "tujuan kerja sama telah tercapai",
                     "diganti dengan perjanjian kerja sama yang baru", "jangka waktunya berakhir" })
            Assert.Contains(reason, foreign);
        Assert.DoesNotContain("Peraturan Pemerintah Nomor 28 Tahun 2018", foreign);

        // every template with a Pengakhiran pasal uses one of these three wordings
        var lawful = new[] { "pengakhiran", "pengakhiran-ksdpk", "pengakhiran-luar-negeri" }.Select(id => ClauseLibrary.Find(id)!.Paragraphs).ToList();
        foreach (var t in DefaultTemplates.All)
            foreach (var c in t.Clauses.Where(c => c.Type == ClauseType.Termination))
                Assert.Contains(lawful, p => p.SequenceEqual(c.Paragraphs));
    }

    [Fact]
    public void Dispute_pasal_follows_PP28_Ps8_UU23_Ps370_Ps21_and_Ps34_41()
    {
        // KSDD: PP 28/2018 Pasal 8 → UU 23/2014 Pasal 370 (gubernur within one province; Menteri where a province is involved
        // or the gubernur cannot settle it; the Menteri's decision final); musyawarah first.
        foreach (var (template, kind) in new[] { ("pks-ksdd", CooperationKind.KsddSukarela), ("kb", CooperationKind.KsddWajib) })
        {
            var text = ClauseText(template, kind, ClauseType.DisputeResolution);
            Assert.Contains("musyawarah untuk mufakat", text);
            Assert.Contains("Pasal 8 Peraturan Pemerintah Nomor 28 Tahun 2018", text);
            Assert.Contains("Pasal 370 Undang-Undang Nomor 23 Tahun 2014", text);
            Assert.Contains("gubernur sebagai wakil Pemerintah Pusat untuk perselisihan antar-Daerah kabupaten/kota dalam satu Daerah provinsi", text);
            Assert.Contains("bersifat final", text);
            Assert.DoesNotContain("Pasal 24", text);
            Assert.DoesNotContain("Pengadilan Negeri", text);
            Assert.DoesNotContain(DraftFields.Blank, text);
        }
        // KSDPK: PP 28/2018 Pasal 21 (musyawarah mufakat, then per the kontrak/perjanjian), in the KB and the PKS
        foreach (var template in new[] { "pks-ksdpk", "kb" })
        {
            var text = ClauseText(template, CooperationKind.Ksdpk, ClauseType.DisputeResolution);
            Assert.Contains("musyawarah", text);
            Assert.Contains("Pasal 21 Peraturan Pemerintah Nomor 28 Tahun 2018", text);
            Assert.DoesNotContain("Pasal 370", text);
        }
        // Abroad: negotiation and consultation, then consult the Menteri (PP 28/2018 Pasal 34/41; Permendagri 25/2020 Pasal 40–41)
        var foreign = ClauseText("naskah-ln", CooperationKind.Ksdll, ClauseType.DisputeResolution);
        Assert.Contains("negosiasi dan konsultasi", foreign);
        Assert.Contains("berkonsultasi dengan Menteri Dalam Negeri", foreign);
        Assert.DoesNotContain("Pengadilan Negeri", foreign);
        Assert.Contains("Pasal 34", DraftFields.DisputeRoute(CooperationKind.Ksdpl));
        Assert.Contains("Pasal 41", DraftFields.DisputeRoute(CooperationKind.Ksdll));
    }

    [Fact]
    public void Assets_pasal_cites_PP28_Ps20_for_ksdpk_only_and_Ps26_2_abroad()
    {
        var ksdpk = ClauseText("pks-ksdpk", CooperationKind.Ksdpk, ClauseType.AssetsAfterEnd);
        Assert.Contains("disetorkan ke kas daerah sebagai pendapatan daerah", ksdpk);
        Assert.Contains("dicatat sebagai aset Pemerintah Daerah", ksdpk);
        Assert.Contains("Pasal 20 Peraturan Pemerintah Nomor 28 Tahun 2018", ksdpk);
        Assert.DoesNotContain("Pasal 20", ClauseText("pks-ksdd", CooperationKind.KsddWajib, ClauseType.AssetsAfterEnd));
        Assert.DoesNotContain("Pasal 20", string.Join(" ", ClauseLibrary.Default(ClauseType.AssetsAfterEnd).Paragraphs));
        var foreign = ClauseText("naskah-ln", CooperationKind.Ksdpl, ClauseType.AssetsAfterEnd);
        Assert.Contains("belum ditegaskan", foreign);
        Assert.Contains("berkoordinasi dengan Menteri Dalam Negeri", foreign);
    }

    [Fact]
    public void Power_of_attorney_cites_PP28_Ps2_2_for_ksdd_and_Ps13_2_for_ksdpk()
    {
        var t = DefaultTemplates.Find("surat-kuasa")!;
        Assert.Contains("sesuai dengan Pasal 2 ayat (2) Peraturan Pemerintah Nomor 28 Tahun 2018",
            string.Join(" ", Render(t, AgreementFor(CooperationKind.KsddWajib)).Clauses[0].Paragraphs));
        Assert.Contains("sesuai dengan Pasal 13 ayat (2) Peraturan Pemerintah Nomor 28 Tahun 2018",
            string.Join(" ", Render(t, AgreementFor(CooperationKind.Ksdpk)).Clauses[0].Paragraphs));
    }
}

/// <summary>The working-paper markers no text a person reads may contain.</summary>
public static class UserText
{
    public static readonly string[] Markers = ["DOMAIN", "§", "[V", "[I", "[U"];
}

public class DraftFieldsTests
{
    [Theory]
    [InlineData("2027-01-01", "2031-12-31", "5 (lima) tahun")]
    [InlineData("2026-03-15", "2027-03-14", "1 (satu) tahun")]
    [InlineData("2026-01-01", "2027-06-30", "18 (delapan belas) bulan")]
    [InlineData("2026-02-01", "2026-02-28", "1 (satu) bulan")]
    [InlineData("2026-01-10", "2026-02-23", "45 (empat puluh lima) hari")]
    [InlineData("2026-01-01", "2026-01-01", "1 (satu) hari")]
    public void Term_in_words_counts_up_to_and_including_the_end_date(string start, string end, string expected) =>
        Assert.Equal(expected, DraftFields.Term(DateOnly.Parse(start), DateOnly.Parse(end)));

    [Fact]
    public void Term_is_blank_without_dates_or_when_they_are_reversed()
    {
        Assert.Null(DraftFields.Term(null, new DateOnly(2027, 1, 1)));
        Assert.Null(DraftFields.Term(new DateOnly(2027, 1, 2), new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Fill_writes_a_blank_for_missing_values_and_keeps_other_text()
    {
        var values = new Dictionary<string, string?> { ["judul"] = "Air Bersih", ["objek"] = null };
        Assert.Equal("Kerja sama Air Bersih tentang …………, {{ tidak dikenal", DraftFields.Fill("Kerja sama {{judul}} tentang {{ objek }}, {{ tidak dikenal", values));
        Assert.Equal(["tidak_ada"], DraftFields.Unknown("{{judul}} dan {{tidak_ada}}"));
    }

    [Theory]
    [InlineData(RegionLevel.City, "Kota Cimahi", "Wali Kota Cimahi", "Cimahi")]
    [InlineData(RegionLevel.Regency, "Kabupaten Garut", "Bupati Garut", "Garut")]
    [InlineData(RegionLevel.Province, "Sumatera Barat", "Gubernur Sumatera Barat", "Sumatera Barat")]
    public void Head_and_place_of_a_region(RegionLevel level, string name, string head, string place)
    {
        var r = new Region { Code = "x", Name = name, Level = level };
        Assert.Equal(head, DraftFields.HeadOf(r));
        Assert.Equal(place, DraftFields.PlaceOf(r));
    }

    [Fact]
    // PUEBI: a comma before the last "dan" of three or more.
    public void Parties_are_joined_with_commas_and_dan() =>
        Assert.Equal("A, B, dan C", DraftFields.JoinAnd(["A", "B", "C"]));
}

public class DocumentNumberingTests
{
    [Theory]
    [InlineData(null, "wajib")]
    [InlineData("KS/2026", "{urut}")]
    [InlineData("{urut}/{xyz}/{tahun}", "{xyz}")]
    public void Bad_patterns_are_explained(string? pattern, string mentions) =>
        Assert.Contains(mentions, DocumentNumbering.Problem(pattern));

    [Fact]
    public void A_long_pattern_is_refused_and_the_default_is_fine()
    {
        Assert.NotNull(DocumentNumbering.Problem("{urut}" + new string('x', 100)));
        Assert.Null(DocumentNumbering.Problem(DocumentNumbering.DefaultPattern));
    }

    [Fact]
    public void Format_fills_every_token()
    {
        var n = DocumentNumbering.Format("{urut3}/{jenis}-{kode}/{bulan_romawi}/{bulan}/{tahun}/{urut}", 7, new DateOnly(2026, 11, 27), "32.77", DocumentKind.PerjanjianKerjaSama);
        Assert.Equal("007/PKS-32.77/XI/11/2026/7", n);
    }
}
