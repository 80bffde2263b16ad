using Jalin.Core.Common;

namespace Jalin.Core.Tests.Common;

public class IndonesianFormatTests
{
    [Theory]
    [InlineData("250.000.000", "250000000")]
    [InlineData("Rp 250.000.000,00", "250000000")]
    [InlineData("Rp250.000.000", "250000000")]
    [InlineData("Rp. 1.500.000.000,50", "1500000000.50")]
    [InlineData("rp 1.500.000.000,5", "1500000000.5")]
    [InlineData("250000000", "250000000")]
    [InlineData("  12.345,67  ", "12345.67")]
    [InlineData("0", "0")]
    [InlineData("999", "999")]
    public void Rupiah_accepts_indonesian_forms(string text, string expected)
    {
        var r = IndonesianFormat.ParseRupiah(text);
        Assert.True(r.Ok, r.Error?.Message);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), r.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_rupiah_is_no_amount(string? text)
    {
        var r = IndonesianFormat.ParseRupiah(text);
        Assert.True(r.Ok);
        Assert.Null(r.Value);
    }

    [Theory]
    [InlineData("250,000,000.00")]   // English grouping
    [InlineData("250.00.000")]       // a group of two digits
    [InlineData("1.500,505")]        // three decimals
    [InlineData("dua ratus juta")]
    [InlineData("Rp")]
    [InlineData("12.5")]             // a dot that is not a thousands separator
    public void Rupiah_rejects_other_forms_with_the_expected_form(string text)
    {
        var r = IndonesianFormat.ParseRupiah(text);
        Assert.False(r.Ok);
        var v = Assert.IsType<ValidationError>(r.Error);
        Assert.Contains("tidak dapat dibaca sebagai nilai rupiah", v.Fields["value"][0]);
        Assert.Contains("250.000.000", v.Fields["value"][0]);
    }

    [Fact]
    public void Negative_rupiah_is_refused_in_indonesian()
    {
        var r = IndonesianFormat.ParseRupiah("-1.000");
        Assert.Equal("Nilai tidak boleh negatif.", r.Error!.Message);
    }

    [Theory]
    [InlineData(1500000000.50, "Rp 1.500.000.000,50")]
    [InlineData(250000000, "Rp 250.000.000,00")]
    public void Rupiah_is_shown_with_dots_and_a_comma(decimal v, string shown) =>
        Assert.Equal(shown, IndonesianFormat.FormatRupiah(v));

    [Theory]
    [InlineData(250000000, "250.000.000")]
    [InlineData(1500000000.5, "1.500.000.000,50")]
    public void Rupiah_input_text_round_trips(decimal v, string text)
    {
        Assert.Equal(text, IndonesianFormat.FormatRupiahInput(v));
        Assert.Equal(v, IndonesianFormat.ParseRupiah(text).Value);
    }

    [Theory]
    [InlineData("30/11/2026")]
    [InlineData("30-11-2026")]
    [InlineData("30.11.2026")]
    [InlineData("30 November 2026")]
    [InlineData("30 november 2026")]
    [InlineData("30 Nov 2026")]
    [InlineData("30 Nop 2026")]
    [InlineData("30 Nov. 2026")]
    [InlineData("30-Nov-2026")]
    [InlineData("2026-11-30")]
    [InlineData(" 30 / 11 / 2026 ")]
    public void Date_accepts_indonesian_forms(string text)
    {
        var r = IndonesianFormat.ParseDate(text);
        Assert.True(r.Ok, r.Error?.Message);
        Assert.Equal(new DateOnly(2026, 11, 30), r.Value);
    }

    [Theory]
    [InlineData("1 Januari 2027", 2027, 1, 1)]
    [InlineData("17 Agustus 1945", 1945, 8, 17)]
    [InlineData("17 Agt 2026", 2026, 8, 17)]
    [InlineData("5 Mei 2026", 2026, 5, 5)]
    [InlineData("31 Des 2029", 2029, 12, 31)]
    [InlineData("31 Desember 2029", 2029, 12, 31)]
    [InlineData("10 Okt 2026", 2026, 10, 10)]
    [InlineData("29 Februari 2028", 2028, 2, 29)]
    [InlineData("1/2/2027", 2027, 2, 1)] // day first, never month first
    public void Date_reads_month_names_in_indonesian(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), IndonesianFormat.ParseDate(text).Value);

    [Theory]
    [InlineData("31/11/2026", "Tanggal 31 tidak ada pada bulan November 2026.")]
    [InlineData("29 Februari 2027", "Tanggal 29 tidak ada pada bulan Februari 2027.")]
    [InlineData("30 Foo 2026", "Bulan \"Foo\" tidak dikenal.")]
    [InlineData("30 December 2026", "Bulan \"December\" tidak dikenal.")]
    [InlineData("11/30/2026", "Bulan 30 tidak ada")]
    [InlineData("30/11/26", "tidak dapat dibaca sebagai tanggal")]
    [InlineData("besok", "tidak dapat dibaca sebagai tanggal")]
    [InlineData("30/11/1800", "Tahun 1800 di luar rentang")]
    public void Date_rejections_say_what_is_expected_in_indonesian(string text, string message)
    {
        var r = IndonesianFormat.ParseDate(text, "startsOn");
        Assert.False(r.Ok);
        var v = Assert.IsType<ValidationError>(r.Error);
        Assert.Contains(message, v.Fields["startsOn"][0]);
    }

    [Fact]
    public void Empty_date_is_no_date() => Assert.Null(IndonesianFormat.ParseDate("  ").Value);

    [Fact]
    public void Dates_show_short_in_lists_and_long_on_a_record()
    {
        Assert.Equal("30 Nov 2026", IndonesianFormat.FormatDateShort(new DateOnly(2026, 11, 30)));
        Assert.Equal("30 November 2026", IndonesianFormat.FormatDateLong(new DateOnly(2026, 11, 30)));
        Assert.Equal("1 Januari 2027", IndonesianFormat.FormatDateLong(new DateOnly(2027, 1, 1)));
        Assert.Equal("17 Agu 2026", IndonesianFormat.FormatDateShort(new DateOnly(2026, 8, 17)));
    }
}
