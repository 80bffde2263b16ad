using System.Diagnostics;
using Jalin.Core.Backup;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Cli;

/// <summary>`jalin backup` and `jalin restore`: thin adapters over <see cref="CreateBackup"/> and
/// <see cref="RestoreBackup"/> (ADR 0012).</summary>
public static class BackupCommands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Refused = 2;
    public const int UsageError = 64;

    public const string BackupHelp = """
        Penggunaan: jalin backup --out BERKAS.jalin-backup.zip [--force]
          Mencadangkan seluruh basis data (SQLite atau PostgreSQL) dan berkas yang dirujuknya dari
          penyimpanan berkas ke satu arsip zip, dari satu snapshot yang konsisten: aplikasi boleh tetap
          berjalan selama pencadangan. Arsip dapat dipulihkan ke SQLite maupun PostgreSQL.
          --out BERKAS   arsip yang ditulis (disarankan berakhiran .jalin-backup.zip)
          --force        timpa BERKAS bila sudah ada
        Kode keluar: 0 berhasil, 1 gagal (misalnya berkas yang dirujuk hilang dari penyimpanan),
          2 ditolak (BERKAS sudah ada tanpa --force, basis data tidak dapat dipakai), 64 penggunaan salah.
        Basis data: Database__Provider=Sqlite|Postgres, ConnectionStrings__Jalin=...; berkas: Files__Root
        """;

    public const string RestoreHelp = """
        Penggunaan: jalin restore BERKAS.jalin-backup.zip [--yes]
          Memulihkan arsip `jalin backup` ke instans KOSONG (basis data baru, boleh sudah berisi data
          rujukan dari `jalin seed`; folder berkas baru). Migrasi diterapkan lebih dulu; arsip ditolak
          bila migrasinya berbeda dengan Jalin ini, bila isinya tidak cocok dengan sidik SHA-256 di
          manifest, atau bila tujuan sudah berisi data. Semua baris ditulis dalam satu transaksi: pemulihan
          yang gagal atau dihentikan tidak meninggalkan data. Arsip dari SQLite dapat dipulihkan ke
          PostgreSQL dan sebaliknya. Kunci audit (Audit__Keys__...) harus sama dengan instans asal agar
          `jalin audit verify` tetap utuh.
          --yes          tanpa pertanyaan konfirmasi (wajib bila masukan bukan terminal)
        Kode keluar: 0 berhasil, 1 gagal di tengah jalan (tujuan tetap kosong), 2 ditolak (arsip rusak atau
          diubah, tujuan tidak kosong, migrasi berbeda), 64 penggunaan salah.
        Basis data: Database__Provider=Sqlite|Postgres, ConnectionStrings__Jalin=...; berkas: Files__Root
        """;

    public const string ExportHelp = """
        Penggunaan: jalin export --region KODE --out BERKAS.jalin-daerah.zip [--force]
          Mengekspor seluruh data satu daerah (kode wilayah, misalnya 32.77 untuk Kota Cimahi) ke satu arsip zip:
          setiap tabel sebagai baris JSON (tables/*.jsonl), berkas yang dirujuknya (files/), dan manifest dengan sidik
          SHA-256 tiap isi, dari satu snapshot yang konsisten. Ikut: kerja sama dengan pihak, dokumen dan riwayatnya,
          naskah, usulan, pemantauan, perangkat daerah, mitra, pengguna daerah itu, jejak audit daerah itu; juga baris
          milik pihak lain yang dirujuknya (misalnya mitra yang didaftarkan daerah lain). Tidak ikut: data rujukan
          (daftar wilayah, urusan, hari libur nasional), indeks pencarian (dibangun ulang saat impor) dan antrean surel.
          Instans Jalin lain memasukkannya dengan `jalin import BERKAS.jalin-daerah.zip`. Arsip ini memuat data pribadi
          dan sidik kata sandi pengguna: simpan dan kirim seperti cadangan. Kunci verifikasi dua langkah tersandi dengan
          kunci Data Protection instans asal; tanpa kunci yang sama di tujuan, pengguna yang memakainya tidak dapat masuk
          sampai administrator memberi kata sandi baru dan mereka mendaftar ulang.
          --region KODE  kode wilayah daerah yang diekspor
          --out BERKAS   arsip yang ditulis (disarankan berakhiran .jalin-daerah.zip)
          --force        timpa BERKAS bila sudah ada
        Kode keluar: 0 berhasil, 1 gagal (misalnya berkas yang dirujuk hilang dari penyimpanan), 2 ditolak (kode wilayah
          tidak dikenal, BERKAS sudah ada tanpa --force, basis data tidak dapat dipakai), 64 penggunaan salah.
        Basis data: Database__Provider=Sqlite|Postgres, ConnectionStrings__Jalin=...; berkas: Files__Root
        """;

    public static async Task<int> ExportAsync(string[] args, DatabaseOptions database, string filesRoot, TextWriter stdout, TextWriter stderr, bool terminal)
    {
        var region = Option(args, "--region");
        var output = Option(args, "--out");
        if (region is null || output is null)
        {
            stderr.WriteLine(region is null ? "Isi --region KODE (kode wilayah daerah, misalnya 32.77)." : "Isi --out BERKAS.");
            stderr.WriteLine(ExportHelp);
            return UsageError;
        }
        if (File.Exists(output) && !args.Contains("--force"))
        {
            stderr.WriteLine($"Ditolak: {Path.GetFullPath(output)} sudah ada. Pakai --force untuk menimpanya.");
            return Refused;
        }
        var result = await WithProgressAsync(database, filesRoot, stdout, terminal,
            (db, files, progress) => ExportRegion.RunAsync(db, files, region.Trim(), output, TimeProvider.System, progress));
        if (!result.Ok)
        {
            stderr.WriteLine($"{(result.Error is Jalin.Core.Common.ValidationError ? "Ditolak" : "Gagal")}: {result.Error!.Message}");
            return result.Error is Jalin.Core.Common.ValidationError ? Refused : Failed;
        }
        var s = result.Value!;
        stdout.WriteLine($"Data {s.RegionName} ({s.Region}) diekspor: {s.Path}");
        stdout.WriteLine($"  {s.Rows:N0} baris daerah, {s.SharedRows:N0} baris pihak lain yang dirujuk, {s.Files:N0} berkas ({Size(s.FileBytes)}); arsip {Size(s.ArchiveBytes)}; {s.Elapsed.TotalSeconds:N1} detik.");
        return Ok;
    }

    /// <summary>`jalin import BERKAS.jalin-daerah.zip`: a region's export into this instance (<see cref="ImportRegion"/>).</summary>
    public static async Task<int> ImportRegionAsync(string archive, string[] args, DatabaseOptions database, string filesRoot, TextReader stdin, bool stdinRedirected,
        TextWriter stdout, TextWriter stderr, bool terminal)
    {
        if (Confirm(args, stdin, stdinRedirected, stdout, stderr, "mengimpor",
                $"Masukkan data daerah dari {Path.GetFileName(archive)} ke basis data {database.Provider} dan folder berkas {Path.GetFullPath(filesRoot)}?") is { } refused)
            return refused;
        var result = await WithProgressAsync(database, filesRoot, stdout, terminal,
            (db, files, progress) => ImportRegion.RunAsync(db, files, archive, TimeProvider.System, progress));
        if (!result.Ok)
        {
            stderr.WriteLine($"Ditolak: {result.Error!.Message}");
            return Refused;
        }
        var s = result.Value!;
        stdout.WriteLine($"Data {s.RegionName} ({s.Region}) dimasukkan dari ekspor {s.SourceProvider} {s.CreatedAt:yyyy-MM-dd HH:mm} UTC: {s.Rows:N0} baris, " +
            $"{s.SharedAdded:N0} baris pihak lain ditambahkan ({s.SharedPresent:N0} sudah ada), {s.Files:N0} berkas ({s.FilesWritten:N0} baru); {s.Elapsed.TotalSeconds:N1} detik.");
        if (s.WithoutPasswords)
            stdout.WriteLine("Ekspor ini dibuat dari aplikasi web tanpa kata sandi: administrator sistem memberi setiap pengguna daerah itu kata sandi baru " +
                "di halaman Pengguna, lalu mereka mendaftarkan ulang verifikasi dua langkah.");
        stdout.WriteLine("Indeks pencarian sudah dibangun ulang. Periksa jejak audit dengan `jalin audit verify --region " + s.Region + "` (kunci audit yang sama dengan instans asal).");
        return Ok;
    }

    /// <summary>A zip with a Jalin manifest at its root (an XLSX, also a zip, has none).</summary>
    internal static bool IsJalinArchive(string path)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            return zip.GetEntry(BackupManifest.EntryName) is not null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static async Task<int> BackupAsync(string[] args, DatabaseOptions database, string filesRoot, TextWriter stdout, TextWriter stderr, bool terminal)
    {
        var output = Option(args, "--out");
        if (output is null)
        {
            stderr.WriteLine("Isi --out BERKAS.");
            stderr.WriteLine(BackupHelp);
            return UsageError;
        }
        if (File.Exists(output) && !args.Contains("--force"))
        {
            stderr.WriteLine($"Ditolak: {Path.GetFullPath(output)} sudah ada. Pakai --force untuk menimpanya.");
            return Refused;
        }
        var result = await WithProgressAsync(database, filesRoot, stdout, terminal,
            (db, files, progress) => CreateBackup.RunAsync(db, files, output, TimeProvider.System, progress));
        if (!result.Ok)
        {
            stderr.WriteLine($"Gagal: {result.Error!.Message}");
            return Failed;
        }
        var s = result.Value!;
        stdout.WriteLine($"Cadangan ditulis: {s.Path}");
        stdout.WriteLine($"  {s.Tables} tabel, {s.Rows:N0} baris, {s.Files:N0} berkas ({Size(s.FileBytes)}); arsip {Size(s.ArchiveBytes)}; {s.Elapsed.TotalSeconds:N1} detik.");
        if (s.HistoryFilesMissing > 0)
            stderr.WriteLine($"Peringatan: {s.HistoryFilesMissing} berkas versi lama yang hanya disebut jejak audit tidak ada di penyimpanan berkas dan tidak ikut dicadangkan.");
        return Ok;
    }

    public static async Task<int> RestoreAsync(string[] args, DatabaseOptions database, string filesRoot, TextReader stdin, bool stdinRedirected,
        TextWriter stdout, TextWriter stderr, bool terminal)
    {
        var archive = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (archive is null)
        {
            stderr.WriteLine("Sebutkan berkas cadangan.");
            stderr.WriteLine(RestoreHelp);
            return UsageError;
        }
        if (Confirm(args, stdin, stdinRedirected, stdout, stderr, "memulihkan",
                $"Pulihkan {Path.GetFileName(archive)} ke basis data {database.Provider} dan folder berkas {Path.GetFullPath(filesRoot)}?") is { } refused)
            return refused;
        var result = await WithProgressAsync(database, filesRoot, stdout, terminal,
            (db, files, progress) => RestoreBackup.RunAsync(db, files, archive, progress));
        if (!result.Ok)
        {
            stderr.WriteLine($"Ditolak: {result.Error!.Message}");
            return Refused;
        }
        var s = result.Value!;
        stdout.WriteLine($"Dipulihkan dari cadangan {s.SourceProvider} {s.CreatedAt:yyyy-MM-dd HH:mm} UTC: {s.Tables} tabel, {s.Rows:N0} baris, {s.Files:N0} berkas " +
            $"({s.FilesWritten:N0} baru); {s.Elapsed.TotalSeconds:N1} detik.");
        stdout.WriteLine("Periksa jejak audit dengan `jalin audit verify` (kunci audit yang sama dengan instans asal).");
        return Ok;
    }

    /// <summary>Without --yes, asks <paramref name="question"/> on the terminal ("ya" goes on); null to go on, else the exit code.</summary>
    internal static int? Confirm(string[] args, TextReader stdin, bool stdinRedirected, TextWriter stdout, TextWriter stderr, string verb, string question,
        string cancelled = "Dibatalkan.")
    {
        if (args.Contains("--yes")) return null;
        if (stdinRedirected)
        {
            stderr.WriteLine($"Tambahkan --yes untuk {verb} tanpa konfirmasi (masukan bukan terminal).");
            return UsageError;
        }
        stdout.Write(question + " Ketik 'ya': ");
        if (string.Equals(stdin.ReadLine()?.Trim(), "ya", StringComparison.OrdinalIgnoreCase)) return null;
        stderr.WriteLine(cancelled);
        return Refused;
    }

    /// <summary>Runs a backup-family operation on this instance's database and file store with a progress line on the terminal.</summary>
    private static async Task<Jalin.Core.Common.Result<T>> WithProgressAsync<T>(DatabaseOptions database, string filesRoot, TextWriter stdout, bool terminal,
        Func<JalinDb, FileStore, IProgress<BackupProgress>, Task<Jalin.Core.Common.Result<T>>> run)
    {
        await using var db = NewDb(database);
        var files = new FileStore(new FileStoreOptions { Root = filesRoot });
        using var progress = new TerminalProgress(stdout, terminal);
        var result = await run(db, files, progress);
        progress.Finish();
        return result;
    }

    internal static JalinDb NewDb(DatabaseOptions database)
    {
        var builder = new DbContextOptionsBuilder<JalinDb>();
        database.Configure(builder, TimeProvider.System);
        return new JalinDb(builder.Options);
    }

    private static string Size(long bytes) => bytes >= 1 << 30 ? $"{bytes / (double)(1 << 30):N2} GB" : bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):N1} MB" : $"{bytes / 1024.0:N0} KB";

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

/// <summary>One self-overwriting progress line on a terminal (at most five times a second); nothing
/// when the output is redirected, where the closing summary lines are enough.</summary>
internal sealed class TerminalProgress(TextWriter output, bool terminal) : IProgress<BackupProgress>, IDisposable
{
    private readonly Stopwatch _last = Stopwatch.StartNew();
    private int _width;

    public void Report(BackupProgress p)
    {
        if (!terminal || (p.Done < p.Total && _last.ElapsedMilliseconds < 200)) return;
        _last.Restart();
        var unit = p.Item == "berkas" ? "" : " baris";
        var line = $"{p.Phase} {p.Item}: {p.Done:N0}/{p.Total:N0}{unit} ({(p.Total == 0 ? 100 : 100.0 * p.Done / p.Total):F0} %)";
        output.Write("\r" + line.PadRight(_width));
        _width = Math.Max(_width, line.Length);
    }

    public void Finish()
    {
        if (terminal && _width > 0) output.WriteLine("\r" + new string(' ', _width) + "\r");
        _width = 0;
    }

    public void Dispose() => Finish();
}
