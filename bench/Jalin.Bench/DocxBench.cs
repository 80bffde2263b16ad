using System.Diagnostics;
using Jalin.Core.Drafting;

/// <summary>`dotnet run -c Release --project bench/Jalin.Bench -- docx [--seconds 10]`: DOCX
/// generation rate for a ~20-page PKS (60 pasal of three ayat, two parties), one core.</summary>
static class DocxBench
{
    public static int Run(int seconds)
    {
        var sentence = "PARA PIHAK sepakat melaksanakan kegiatan sesuai rencana kerja yang ditetapkan bersama, dengan memperhatikan ketentuan peraturan perundang-undangan, "
                       + "asas efisiensi, efektivitas, sinergi, saling menguntungkan, kesepakatan bersama, itikad baik, kepentingan nasional dan keutuhan wilayah.";
        var model = new NaskahModel("Perjanjian Kerja Sama", "Pengelolaan Sampah Regional",
            [
                new("Pemerintah Kota Cimahi", "119/34/Bag.KS/2026", "Ngatiyana", "Wali Kota Cimahi", null),
                new("PT Data Kota Nusantara", "001/DKN/XI/2026", "Bambang Wirawan", "Direktur", null),
            ],
            new DateOnly(2026, 11, 23), "Cimahi",
            Enumerable.Range(1, 60).Select(i => new NaskahArticle($"Ketentuan {i}", [sentence, sentence, sentence])).ToList());
        var size = NaskahDocx.Write(model).Length;
        for (var i = 0; i < 20; i++) NaskahDocx.Write(model); // warm-up
        var sw = Stopwatch.StartNew();
        var count = 0;
        while (sw.Elapsed.TotalSeconds < seconds) { NaskahDocx.Write(model); count++; }
        var rate = count / sw.Elapsed.TotalSeconds;
        var older = string.Join("\n", model.Articles.SelectMany(x => x.Paragraphs));
        var newer = older.Replace("efisiensi", "efisiensi dan akuntabilitas").Replace("itikad baik", "itikad baik dan transparansi");
        VersionCompare.Words(older, newer);
        var cw = Stopwatch.StartNew();
        var segments = VersionCompare.Words(older, newer);
        Console.WriteLine($"Version compare (word level) of two ≈20-page versions ({older.Length:N0} characters, {segments.Count} segments): {cw.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"DOCX naskah: 60 pasal × 3 ayat (≈20 halaman A4), {size / 1024.0:F0} KiB: {rate:F0} documents/s on one core ({1000 / rate:F1} ms each), {count} in {sw.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
