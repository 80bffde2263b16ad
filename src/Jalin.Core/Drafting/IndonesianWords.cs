using System.Globalization;

namespace Jalin.Core.Drafting;

/// <summary>Numbers, amounts and dates written out in Indonesian as legal documents need them:
/// "Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah)", "Pada hari ini, Senin tanggal dua
/// puluh tiga bulan November tahun dua ribu dua puluh enam".</summary>
public static class IndonesianWords
{
    private static readonly string[] Units = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];
    private static readonly (decimal Value, string Name)[] Scales =
        [(1_000_000_000_000m, "triliun"), (1_000_000_000m, "miliar"), (1_000_000m, "juta")];

    public static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public static readonly string[] Days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    // Written out rather than taken from the id-ID culture, so the output does not depend on ICU data.
    private static readonly NumberFormatInfo Indonesian = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };

    /// <summary>A whole number in words: 0 → "nol", 11 → "sebelas", 1000 → "seribu".</summary>
    public static string Number(long value)
    {
        if (value == 0) return "nol";
        if (value < 0) return "minus " + Number(-value);
        if (value >= 1_000_000_000_000_000) throw new ArgumentOutOfRangeException(nameof(value), "Paling besar 999 triliun.");
        return Join(Words(value));
    }

    private static IEnumerable<string> Words(decimal n)
    {
        foreach (var (scale, name) in Scales)
        {
            if (n >= scale)
            {
                foreach (var w in Words(Math.Floor(n / scale))) yield return w;
                yield return name;
                n %= scale;
            }
        }
        if (n >= 1000)
        {
            var thousands = Math.Floor(n / 1000);
            if (thousands == 1) yield return "seribu";
            else
            {
                foreach (var w in Words(thousands)) yield return w;
                yield return "ribu";
            }
            n %= 1000;
        }
        if (n >= 100)
        {
            var hundreds = (int)(n / 100);
            yield return hundreds == 1 ? "seratus" : Units[hundreds] + " ratus";
            n %= 100;
        }
        var rest = (int)n;
        if (rest == 0) yield break;
        if (rest < 10) yield return Units[rest];
        else if (rest == 10) yield return "sepuluh";
        else if (rest == 11) yield return "sebelas";
        else if (rest < 20) yield return Units[rest - 10] + " belas";
        else
        {
            yield return Units[rest / 10] + " puluh";
            if (rest % 10 > 0) yield return Units[rest % 10];
        }
    }

    private static string Join(IEnumerable<string> words) => string.Join(' ', words.Where(w => w.Length > 0));

    /// <summary>"Rp1.500.000.000,00".</summary>
    public static string Rupiah(decimal amount) =>
        "Rp" + Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", Indonesian);

    /// <summary>"satu miliar lima ratus juta rupiah"; sen when the amount has them.</summary>
    public static string RupiahInWords(decimal amount)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), "Nilai tidak boleh negatif.");
        amount = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var whole = (long)Math.Floor(amount);
        var sen = (int)((amount - whole) * 100);
        var words = Number(whole) + " rupiah";
        return sen > 0 ? $"{words} {Number(sen)} sen" : words;
    }

    /// <summary>"Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah)".</summary>
    public static string RupiahWithWords(decimal amount) => $"{Rupiah(amount)} ({RupiahInWords(amount)})";

    /// <summary>"Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam".</summary>
    public static string DateInWords(DateOnly date) =>
        $"{Days[(int)date.DayOfWeek]} tanggal {Number(date.Day)} bulan {Months[date.Month - 1]} tahun {Number(date.Year)}";

    /// <summary>The opening of a KB/PKS: "Pada hari ini, Senin tanggal ... tahun ...".</summary>
    public static string Opening(DateOnly date) => "Pada hari ini, " + DateInWords(date);

    /// <summary>"23 November 2026".</summary>
    public static string Date(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";
}
