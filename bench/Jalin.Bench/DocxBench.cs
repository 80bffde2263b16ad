using System.Diagnostics;
using Jalin.Core.Drafting;

/// <summary>`dotnet run -c Release --project bench/Jalin.Bench -- docx [--seconds 10]`: DOCX
/// generation rate for a ~20-page PKS (60 pasal of three ayat, two parties), one core; then
/// DOCX → PDF through headless LibreOffice (verification footer stamped): first (cold) conversion
/// and the median of five more.</summary>
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
        Import(NaskahDocx.Write(model), seconds);
        return Pdf(model);
    }

    /// <summary>Reading the same ≈20-page DOCX back into clauses, as "Impor dari Word" does.</summary>
    private static void Import(byte[] docx, int seconds)
    {
        int Parse()
        {
            var r = DocxImport.Parse(new MemoryStream(docx), TemplateLayout.Naskah);
            if (!r.Ok) throw new InvalidOperationException(r.Error!.Message);
            return r.Value!.Clauses.Count;
        }
        var clauses = Parse();
        for (var i = 0; i < 5; i++) Parse();
        var sw = Stopwatch.StartNew();
        var count = 0;
        while (sw.Elapsed.TotalSeconds < Math.Max(1, seconds / 2)) { Parse(); count++; }
        var each = sw.Elapsed.TotalMilliseconds / count;
        Console.WriteLine($"DOCX import (Impor dari Word) of the same naskah: {clauses} pasal read back, {each:F1} ms each ({count} in {sw.Elapsed.TotalSeconds:F1} s)");
    }

    private static int Pdf(NaskahModel model)
    {
        var converter = new PdfConverter(new PdfOptions());
        if (!converter.IsAvailable)
        {
            Console.WriteLine("PDF naskah: skipped, LibreOffice (soffice) is not installed (run scripts/install-test-deps)");
            return 0;
        }
        var code = VerificationMark.NewCode();
        var docx = VerificationMark.Stamp(NaskahDocx.Write(model), code, $"https://jalin.example.go.id/verifikasi/{code}");
        double Convert(out int bytes)
        {
            var sw = Stopwatch.StartNew();
            var result = converter.ConvertDocxAsync(docx, CancellationToken.None).GetAwaiter().GetResult();
            if (!result.Ok) throw new InvalidOperationException(result.Error!.Message);
            bytes = result.Value!.Length;
            return sw.Elapsed.TotalMilliseconds;
        }
        var cold = Convert(out var pdfSize);
        var warm = Enumerable.Range(0, 5).Select(_ => Convert(out _)).Order().ToList();
        Console.WriteLine($"PDF naskah (LibreOffice {converter.FindSoffice()}, same document with verification footer), {pdfSize / 1024.0:F0} KiB: "
                          + $"first conversion (cold) {cold:F0} ms, median of 5 following {warm[2]:F0} ms (min {warm[0]:F0}, max {warm[^1]:F0})");
        return 0;
    }
}
