using Jalin.Core.Lifecycle;

namespace Jalin.Core.Tests.Lifecycle;

public class LifecycleSettingsTests
{
    private static LifecycleSettings From(params (string Key, string Value)[] rows) =>
        LifecycleSettings.From(rows.ToDictionary(r => r.Key, r => r.Value));

    [Fact]
    public void Defaults_when_the_region_has_no_rows()
    {
        var s = From();
        Assert.Equal(45, s.DprdResponseWorkingDays);
        // PP 28/2018 Pasal 6 ayat (2) gives the DPRD no deadline for KSDD/KSDPK: no deemed approval unless the region decides so.
        Assert.False(s.DprdDeemedApproval);
        // PP 28/2018 Pasal 38 applies Pasal 30–31 (DPRD approval) to every KSDLL, penerusan included.
        Assert.False(s.KsdllForwardingSkipsDprd);
        Assert.Equal(5, s.TermLimitYears);
        Assert.Null(s.OfferAnswerWorkingDays);
        Assert.True(s.CutiBersamaIsHoliday);
        Assert.Equal(LifecycleSettings.Default, s);
    }

    [Fact]
    public void Overrides_are_read()
    {
        var s = From(("lifecycle.dprdResponseWorkingDays", "30"), ("lifecycle.dprdDeemedApproval", "False"), ("lifecycle.termLimitYears", "25"),
            ("lifecycle.offerAnswerWorkingDays", "14"), ("calendar.cutiBersamaIsHoliday", "false"), ("lifecycle.ksdllForwardingSkipsDprd", "true"));
        Assert.Equal(new LifecycleSettings { DprdResponseWorkingDays = 30, DprdDeemedApproval = false, TermLimitYears = 25, OfferAnswerWorkingDays = 14, CutiBersamaIsHoliday = false,
            KsdllForwardingSkipsDprd = true }, s);
        Assert.Equal(s, LifecycleSettings.From(s.ToValues()));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("")]
    [InlineData("4.5")]
    public void Bad_numbers_keep_the_default(string value)
    {
        var s = From(("lifecycle.dprdResponseWorkingDays", value), ("lifecycle.termLimitYears", value), ("lifecycle.offerAnswerWorkingDays", value));
        Assert.Equal(45, s.DprdResponseWorkingDays);
        Assert.Equal(5, s.TermLimitYears);
        Assert.Null(s.OfferAnswerWorkingDays);
    }

    [Theory]
    [InlineData("ya")]
    [InlineData("1")]
    [InlineData("")]
    public void Bad_booleans_keep_the_default(string value)
    {
        var s = From(("lifecycle.dprdDeemedApproval", value), ("calendar.cutiBersamaIsHoliday", value), ("lifecycle.ksdllForwardingSkipsDprd", value));
        Assert.False(s.DprdDeemedApproval);
        Assert.True(s.CutiBersamaIsHoliday);
        Assert.False(s.KsdllForwardingSkipsDprd);
    }

    [Fact]
    public void Unknown_keys_are_ignored_and_every_known_key_is_listed()
    {
        Assert.Equal(LifecycleSettings.Default, From(("lifecycle.somethingElse", "7")));
        Assert.Equal(6, LifecycleSettings.Keys.Count);
        Assert.Equal(LifecycleSettings.Keys.Count, LifecycleSettings.Keys.Select(k => k.Key).Distinct().Count());
        // every listed key changes something when set to a non-default valid value
        foreach (var k in LifecycleSettings.Keys)
        {
            var current = LifecycleSettings.Default.ToValues()[k.Key];
            var value = current switch { "true" => "false", "false" => "true", _ => "9" };
            Assert.NotEqual(LifecycleSettings.Default, From((k.Key, value)));
        }
    }

    [Fact]
    public void The_ksdll_forwarding_key_is_the_one_the_lifecycle_table_reads()
    {
        Assert.Equal("lifecycle.ksdllForwardingSkipsDprd", LifecycleSettings.KsdllForwardingSkipsDprdKey);
        Assert.True(From(("lifecycle.ksdllForwardingSkipsDprd", "true")).KsdllForwardingSkipsDprd);
    }

    [Fact]
    public void What_a_person_reads_carries_no_certainty_tags()
    {
        var texts = LifecycleSettings.Keys.SelectMany(k => new[] { k.Label, k.Basis }).Concat(LifecycleSettings.LawNotes).ToList();
        foreach (var t in texts)
            foreach (var tag in new[] { "[U]", "[I]", "[V", "DOMAIN", "Ps " })
                Assert.DoesNotContain(tag, t, StringComparison.Ordinal);
        Assert.Equal("pengaturan daerah; PP 28/2018 tidak mengatur batas waktu DPRD untuk KSDD/KSDPK",
            LifecycleSettings.Keys.Single(k => k.Key == LifecycleSettings.DprdResponseWorkingDaysKey).Basis);
        Assert.Equal(Jalin.Core.Common.Certainty.Unknown, LifecycleSettings.Keys.Single(k => k.Key == LifecycleSettings.DprdResponseWorkingDaysKey).Certainty);
        // The foreign 45 working days and deemed approval are law, said so with their pasal.
        Assert.Contains(LifecycleSettings.LawNotes, n => n.Contains("PP 28/2018 Pasal 30 ayat (4)", StringComparison.Ordinal));
        Assert.Contains(LifecycleSettings.LawNotes, n => n.Contains("Permendagri 25/2020 Pasal 17", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, "dprdResponseWorkingDays")]
    [InlineData(181, "dprdResponseWorkingDays")]
    [InlineData(null, "dprdResponseWorkingDays")]
    public void Validate_refuses_a_dprd_clock_outside_1_to_180(int? days, string field)
    {
        var r = RegionLifecycleSettings.Validate(LifecycleSettingsInput.Of(LifecycleSettings.Default) with { DprdResponseWorkingDays = days });
        var error = Assert.IsType<Jalin.Core.Common.ValidationError>(r.Error);
        Assert.Contains("hari kerja", Assert.Single(error.Fields[field]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_names_every_bad_field_and_accepts_no_offer_deadline()
    {
        var r = RegionLifecycleSettings.Validate(new LifecycleSettingsInput { DprdResponseWorkingDays = 30, TermLimitYears = 0, OfferAnswerWorkingDays = -1 });
        var error = Assert.IsType<Jalin.Core.Common.ValidationError>(r.Error);
        Assert.Equal(["cutiBersamaIsHoliday", "dprdDeemedApproval", "ksdllForwardingSkipsDprd", "offerAnswerWorkingDays", "termLimitYears"], error.Fields.Keys.Order());
        var ok = RegionLifecycleSettings.Validate(LifecycleSettingsInput.Of(LifecycleSettings.Default) with { OfferAnswerWorkingDays = null, DprdResponseWorkingDays = 180 });
        Assert.True(ok.Ok);
        Assert.Null(ok.Value!.OfferAnswerWorkingDays);
        Assert.Equal(180, ok.Value.DprdResponseWorkingDays);
    }
}
