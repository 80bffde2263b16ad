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
        Assert.True(s.DprdDeemedApproval);
        Assert.Equal(5, s.TermLimitYears);
        Assert.Null(s.OfferAnswerWorkingDays);
        Assert.True(s.CutiBersamaIsHoliday);
        Assert.Equal(LifecycleSettings.Default, s);
    }

    [Fact]
    public void Overrides_are_read()
    {
        var s = From(("lifecycle.dprdResponseWorkingDays", "30"), ("lifecycle.dprdDeemedApproval", "False"), ("lifecycle.termLimitYears", "25"),
            ("lifecycle.offerAnswerWorkingDays", "14"), ("calendar.cutiBersamaIsHoliday", "false"));
        Assert.Equal(new LifecycleSettings { DprdResponseWorkingDays = 30, DprdDeemedApproval = false, TermLimitYears = 25, OfferAnswerWorkingDays = 14, CutiBersamaIsHoliday = false }, s);
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
        var s = From(("lifecycle.dprdDeemedApproval", value), ("calendar.cutiBersamaIsHoliday", value));
        Assert.True(s.DprdDeemedApproval);
        Assert.True(s.CutiBersamaIsHoliday);
    }

    [Fact]
    public void Unknown_keys_are_ignored_and_every_known_key_is_listed()
    {
        Assert.Equal(LifecycleSettings.Default, From(("lifecycle.somethingElse", "7")));
        Assert.Equal(5, LifecycleSettings.Keys.Count);
        Assert.Equal(LifecycleSettings.Keys.Count, LifecycleSettings.Keys.Select(k => k.Key).Distinct().Count());
        // every listed key changes something when set to a non-default valid value
        foreach (var (key, _, _) in LifecycleSettings.Keys)
        {
            var value = key.Contains("Approval", StringComparison.Ordinal) || key.StartsWith("calendar.", StringComparison.Ordinal) ? "false" : "9";
            Assert.NotEqual(LifecycleSettings.Default, From((key, value)));
        }
    }
}
