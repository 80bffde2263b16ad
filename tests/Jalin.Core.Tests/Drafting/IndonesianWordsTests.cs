using Jalin.Core.Drafting;

namespace Jalin.Core.Tests.Drafting;

public class IndonesianWordsTests
{
    [Theory]
    [InlineData(0, "nol")]
    [InlineData(1, "satu")]
    [InlineData(10, "sepuluh")]
    [InlineData(11, "sebelas")]
    [InlineData(12, "dua belas")]
    [InlineData(19, "sembilan belas")]
    [InlineData(20, "dua puluh")]
    [InlineData(21, "dua puluh satu")]
    [InlineData(99, "sembilan puluh sembilan")]
    [InlineData(100, "seratus")]
    [InlineData(101, "seratus satu")]
    [InlineData(111, "seratus sebelas")]
    [InlineData(200, "dua ratus")]
    [InlineData(999, "sembilan ratus sembilan puluh sembilan")]
    [InlineData(1_000, "seribu")]
    [InlineData(1_001, "seribu satu")]
    [InlineData(1_100, "seribu seratus")]
    [InlineData(2_000, "dua ribu")]
    [InlineData(11_000, "sebelas ribu")]
    [InlineData(100_000, "seratus ribu")]
    [InlineData(101_000, "seratus satu ribu")]
    [InlineData(1_000_000, "satu juta")]
    [InlineData(1_001_000, "satu juta seribu")]
    [InlineData(2_026, "dua ribu dua puluh enam")]
    [InlineData(2_000_000_000, "dua miliar")]
    [InlineData(1_500_000_000, "satu miliar lima ratus juta")]
    [InlineData(1_000_000_000_000, "satu triliun")]
    [InlineData(12_345_678_901_234, "dua belas triliun tiga ratus empat puluh lima miliar enam ratus tujuh puluh delapan juta sembilan ratus satu ribu dua ratus tiga puluh empat")]
    public void Number_in_words(long value, string expected) => Assert.Equal(expected, IndonesianWords.Number(value));

    [Theory]
    [InlineData("1500000000", "Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah)")]
    [InlineData("0", "Rp0,00 (nol rupiah)")]
    [InlineData("1234.5", "Rp1.234,50 (seribu dua ratus tiga puluh empat rupiah lima puluh sen)")]
    [InlineData("1000000.01", "Rp1.000.000,01 (satu juta rupiah satu sen)")]
    [InlineData("75000000.999", "Rp75.000.001,00 (tujuh puluh lima juta satu rupiah)")]
    public void Rupiah_with_terbilang(string amount, string expected) =>
        Assert.Equal(expected, IndonesianWords.RupiahWithWords(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Negative_amount_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => IndonesianWords.RupiahInWords(-1));

    [Theory]
    [InlineData(2026, 11, 23, "Pada hari ini, Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam")]
    [InlineData(2026, 1, 1, "Pada hari ini, Kamis tanggal satu bulan Januari tahun dua ribu dua puluh enam")]
    [InlineData(2024, 2, 29, "Pada hari ini, Kamis tanggal dua puluh sembilan bulan Februari tahun dua ribu dua puluh empat")]
    [InlineData(2027, 8, 11, "Pada hari ini, Rabu tanggal sebelas bulan Agustus tahun dua ribu dua puluh tujuh")]
    [InlineData(2025, 6, 1, "Pada hari ini, Minggu tanggal satu bulan Juni tahun dua ribu dua puluh lima")]
    public void Opening_of_an_agreement(int y, int m, int d, string expected) => Assert.Equal(expected, IndonesianWords.Opening(new DateOnly(y, m, d)));

    [Fact]
    public void Short_date() => Assert.Equal("27 November 2026", IndonesianWords.Date(new DateOnly(2026, 11, 27)));
}
