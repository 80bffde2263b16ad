using Jalin.Core.Audit;
using Jalin.Core.Data;
using Jalin.Core.Data.Seed;
using Jalin.Core.Files;
using Jalin.Core.Common;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

// `jalin` admin commands. They call the same Core use cases as the web app and read the same
// settings from the environment: Database__Provider (Sqlite|Postgres), ConnectionStrings__Jalin, Files__Root.
return await Cli.RunAsync(args);

internal static class Cli
{
    private const string Usage = """
        Penggunaan: jalin <perintah> [--help]
          lifecycle docs [--out docs/lifecycle.md]   tulis dokumentasi alur dari tabel tahapan
          drafting docs [--out docs/muatan.md]       tulis daftar muatan naskah dari tabel muatan
          lifecycle tick                             jalankan aksi otomatis yang tenggatnya lewat
          audit verify [--region KODE]               periksa rantai HMAC jejak audit dan jangkarnya
          audit anchor                               tulis kepala rantai tiap daerah ke berkas jangkar
          migrate                                    terapkan migrasi basis data
          seed [--demo]                              isi data rujukan (dan data contoh)
          reindex                                    bangun ulang indeks pencarian
          backup --out BERKAS [--force]              cadangkan basis data dan berkas ke satu arsip zip
          restore BERKAS [--yes]                     pulihkan arsip cadangan ke instans kosong
          import BERKAS --user NAMA [--target JENIS]  impor register lama (XLSX/CSV) seperti halaman Impor
          export --region KODE --out BERKAS          ekspor seluruh data satu daerah (JSON + berkas) untuk instans lain
          import BERKAS.jalin-daerah.zip [--yes]     masukkan ekspor satu daerah ke instans ini
          create-admin --user NAMA --name "Nama"     buat administrator sistem pertama
          demo deactivate                            nonaktifkan semua akun demo (sebelum mode Produksi)
        `jalin <perintah> --help` menjelaskan satu perintah.
        Kode keluar: 0 berhasil; 1 gagal (jejak audit rusak, cadangan gagal, pemulihan gagal di tengah jalan);
          2 ditolak atau tidak dapat dijalankan (arsip rusak, tujuan tidak kosong, basis data tidak dapat dipakai);
          64 penggunaan salah (perintah atau pilihan tidak dikenal); create-admin juga 65 dan 73 (lihat --help-nya).
        Basis data: Database__Provider=Sqlite|Postgres, ConnectionStrings__Jalin=...; berkas: Files__Root
        Jejak audit: Audit__Keys__<id>=<base64> atau Audit__KeyFiles__<id>=<berkas>, Audit__CurrentKeyId,
                     Audit__AnchorDirectory (bawaan: audit-anchors di samping folder berkas)
        """;

    private const string Environment_ = """
        Basis data: Database__Provider=Sqlite|Postgres, ConnectionStrings__Jalin=...; berkas: Files__Root
        """;

    /// <summary>Each command's `--help`: what it does, its options and its exit codes.</summary>
    private static readonly Dictionary<string, string> Helps = new(StringComparer.Ordinal)
    {
        ["lifecycle docs"] = """
            Penggunaan: jalin lifecycle docs [--out docs/lifecycle.md]
              Menulis dokumentasi alur kerja sama (Markdown) dari tabel tahapan.
            Kode keluar: 0 berhasil, 1 gagal menulis.
            """,
        ["drafting docs"] = """
            Penggunaan: jalin drafting docs [--out docs/muatan.md]
              Menulis daftar muatan wajib naskah (Markdown) dari tabel muatan.
            Kode keluar: 0 berhasil, 1 gagal menulis.
            """,
        ["lifecycle tick"] = """
            Penggunaan: jalin lifecycle tick
              Menjalankan aksi tahapan otomatis yang tenggatnya sudah lewat dan pengingat yang jatuh tempo
              (sama dengan tugas per jam aplikasi web).
            Kode keluar: 0 berhasil, 1 gagal, 2 basis data tidak dapat dipakai.
            """ + "\n" + Environment_,
        ["audit verify"] = """
            Penggunaan: jalin audit verify [--region KODE]
              Memeriksa rantai HMAC jejak audit setiap daerah (atau satu daerah) dan jangkarnya: baris yang
              diubah, dihapus, disisipkan, atau ekor yang terpotong.
            Kode keluar: 0 utuh (atau kosong), 1 ada rantai rusak, 2 basis data atau kunci tidak dapat dipakai.
            """ + "\n" + Environment_ + "\n" + """
            Jejak audit: Audit__Keys__<id>=<base64> atau Audit__KeyFiles__<id>=<berkas>, Audit__CurrentKeyId,
                         Audit__AnchorDirectory
            """,
        ["audit anchor"] = """
            Penggunaan: jalin audit anchor
              Menambahkan kepala rantai audit setiap daerah ke berkas jangkar (audit-anchors.jsonl), agar
              `audit verify` dapat mengenali ekor rantai yang dipotong atau ditulis ulang.
            Kode keluar: 0 berhasil, 1 gagal menulis, 2 basis data tidak dapat dipakai.
            """ + "\n" + Environment_,
        ["migrate"] = """
            Penggunaan: jalin migrate
              Menerapkan migrasi basis data yang belum diterapkan.
            Kode keluar: 0 berhasil, 1 gagal, 2 basis data tidak dapat dipakai.
            """ + "\n" + Environment_,
        ["seed"] = """
            Penggunaan: jalin seed [--demo]
              Menerapkan migrasi dan mengisi data rujukan (provinsi, kabupaten/kota, urusan, hari libur);
              --demo juga membuat data contoh dan akun demo (bila belum ada kerja sama).
            Kode keluar: 0 berhasil, 1 gagal, 2 basis data tidak dapat dipakai.
            """ + "\n" + Environment_,
        ["reindex"] = """
            Penggunaan: jalin reindex
              Membangun ulang seluruh indeks pencarian, termasuk teks berkas dari penyimpanan berkas.
            Kode keluar: 0 berhasil, 1 gagal, 2 basis data tidak dapat dipakai.
            """ + "\n" + Environment_,
        ["backup"] = Jalin.Cli.BackupCommands.BackupHelp,
        ["restore"] = Jalin.Cli.BackupCommands.RestoreHelp,
        ["import"] = Jalin.Cli.ImportCommands.ImportHelp,
        ["export"] = Jalin.Cli.BackupCommands.ExportHelp,
        ["create-admin"] = Jalin.Cli.AdminCommands.CreateAdminHelp,
        ["demo deactivate"] = Jalin.Cli.AdminCommands.DemoHelp,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal) && a != "-h").ToArray();
        var command = string.Join(' ', words);
        // `restore FILE`: the file is an argument, not part of the command name.
        if (words.Length > 1 && words[0] is "restore" or "import") command = words[0];
        if (args.Contains("--help") || args.Contains("-h"))
        {
            if (Helps.TryGetValue(command, out var help))
            {
                Console.WriteLine(help);
                return 0;
            }
            return Help(command);
        }
        try
        {
            return command switch
            {
                "lifecycle docs" => await WriteDoc(Option(args, "--out") ?? Path.Combine("docs", "lifecycle.md"), LifecycleDescription.Markdown()),
                "lifecycle tick" => await Tick(),
                "drafting docs" => await WriteDoc(Option(args, "--out") ?? Path.Combine("docs", "muatan.md"), Jalin.Core.Drafting.Muatan.Markdown()),
                "audit verify" => await AuditVerify(Option(args, "--region")),
                "audit anchor" => await AuditAnchor(),
                "migrate" => await Migrate(),
                "seed" => await Seed(args.Contains("--demo")),
                "reindex" => await Reindex(),
                "backup" => await Jalin.Cli.BackupCommands.BackupAsync(args, Database(), FilesRoot(), Console.Out, Console.Error, !Console.IsOutputRedirected),
                "export" => await Jalin.Cli.BackupCommands.ExportAsync(args, Database(), FilesRoot(), Console.Out, Console.Error, !Console.IsOutputRedirected),
                "restore" => await Jalin.Cli.BackupCommands.RestoreAsync(args, Database(), FilesRoot(), Console.In, Console.IsInputRedirected,
                    Console.Out, Console.Error, !Console.IsOutputRedirected),
                "import" => await Jalin.Cli.ImportCommands.ImportAsync(args, Database(), FilesRoot(), Console.In, Console.IsInputRedirected,
                    Console.Out, Console.Error, !Console.IsOutputRedirected),
                "create-admin" => await Jalin.Cli.AdminCommands.CreateAdminAsync(args, Database(), Console.In, Console.IsInputRedirected, Console.Out, Console.Error),
                "demo deactivate" => await Jalin.Cli.AdminCommands.DeactivateDemoAsync(args, Database(), Console.Out),
                _ => Help(command),
            };
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"Gagal: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Gagal: {e.Message}");
            return 1;
        }
    }

    private static string FilesRoot() => Environment.GetEnvironmentVariable("Files__Root") is { Length: > 0 } root ? root : Path.Combine(WebDataFolder(), "files");

    private static int Help(string command)
    {
        if (command.Length > 0) Console.Error.WriteLine($"Perintah tidak dikenal: {command}");
        Console.WriteLine(Usage);
        return command.Length > 0 ? 64 : 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task<int> WriteDoc(string path, string content)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, content);
        Console.WriteLine($"Ditulis: {full}");
        return 0;
    }

    private static DatabaseOptions Database()
    {
        var provider = Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("Database__Provider"), true, out var p) ? p : DatabaseProvider.Sqlite;
        var cs = Environment.GetEnvironmentVariable("ConnectionStrings__Jalin");
        if (cs is null && provider == DatabaseProvider.Sqlite) cs = $"Data Source={Path.Combine(WebDataFolder(), "jalin.db")}";
        return new() { Provider = provider, ConnectionString = cs, AuditKeys = AuditKeyRing.FromConfiguration(Settings(), requireConfigured: IsProduction()) };
    }

    /// <summary>Environment variables as configuration pairs (Audit__Keys__k1 → Audit:Keys:k1).</summary>
    private static IEnumerable<KeyValuePair<string, string?>> Settings() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string?>(((string)e.Key).Replace("__", ":", StringComparison.Ordinal), e.Value as string));

    private static bool IsProduction() => string.Equals(
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"), "Production", StringComparison.OrdinalIgnoreCase);

    private static AuditAnchorLog Anchors()
    {
        return new AuditAnchorLog(Jalin.Core.CoreServiceCollectionExtensions.AnchorDirectory(Environment.GetEnvironmentVariable("Audit__AnchorDirectory"), FilesRoot()));
    }

    private static async Task<int> AuditAnchor()
    {
        await using var db = NewDb();
        var anchors = Anchors();
        var written = await anchors.WriteAsync(db, TimeProvider.System);
        foreach (var a in written) Console.WriteLine($"{a.RegionCode,-6} {a.Rows} baris, urutan terakhir {a.Sequence}, kepala {a.Head[..16]}… (kunci {a.KeyId ?? "-"})");
        Console.WriteLine(written.Count == 0 ? "Jejak audit kosong: tidak ada jangkar ditulis." : $"Jangkar ditambahkan ke {anchors.FilePath}");
        return 0;
    }

    /// <summary>The folder the web app uses by default (src/Jalin.Web/data when run from the
    /// repository), so `jalin audit verify` checks the database `dotnet run --project src/Jalin.Web` made.</summary>
    private static string WebDataFolder()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jalin.slnx"))) dir = dir.Parent;
        return dir is null ? "data" : Path.Combine(dir.FullName, "src", "Jalin.Web", "data");
    }

    private static JalinDb NewDb()
    {
        var builder = new DbContextOptionsBuilder<JalinDb>();
        Database().Configure(builder, TimeProvider.System);
        return new JalinDb(builder.Options);
    }

    private static async Task<int> Reindex()
    {
        await using var db = NewDb();
        var files = new FileStore(new FileStoreOptions { Root = FilesRoot() });
        var last = System.Diagnostics.Stopwatch.StartNew();
        var progress = new SyncProgress<(int Done, int Total)>(p =>
        {
            if (p.Done < p.Total && last.ElapsedMilliseconds < 2000) return;
            last.Restart();
            Console.Error.WriteLine($"Membangun indeks pencarian: {p.Done:N0} dari {p.Total:N0} subjek ({100.0 * p.Done / Math.Max(1, p.Total):F0} %)");
        });
        var n = await Jalin.Core.Search.SearchIndexer.ReindexAllAsync(db, TimeProvider.System, files, progress);
        Console.WriteLine($"Indeks pencarian dibangun ulang: {n} subjek.");
        return 0;
    }

    private static async Task<int> AuditVerify(string? region)
    {
        await using var db = NewDb();
        var anchors = Anchors();
        var reports = await VerifyAudit.RunAsync(db, region, anchors);
        if (reports.Count == 0)
        {
            Console.WriteLine("Jejak audit kosong.");
            return 0;
        }
        var broken = 0;
        foreach (var r in reports)
        {
            if (r.Intact) Console.WriteLine($"OK    {r.RegionCode,-6} {r.Rows} baris");
            else if (r.FirstBroken is null)
            {
                broken++;
                Console.WriteLine($"RUSAK {r.RegionCode,-6} {r.Problem}");
            }
            else
            {
                broken++;
                Console.WriteLine($"RUSAK {r.RegionCode,-6} baris pertama yang rusak: urutan {r.FirstBroken.Sequence} (id {r.FirstBroken.Id}, {r.FirstBroken.EntityType} {r.FirstBroken.EntityId}): {r.Problem}");
            }
        }
        Console.WriteLine(broken == 0 ? "Jejak audit utuh (OK)." : $"{broken} rantai rusak.");
        return broken == 0 ? 0 : 1;
    }

    private static async Task<int> Migrate()
    {
        await using var db = NewDb();
        await DatabaseSetup.MigrateAsync(db);
        Console.WriteLine("Migrasi diterapkan.");
        return 0;
    }

    private static async Task<int> Seed(bool demo)
    {
        await using (var db = NewDb())
        {
            await DatabaseSetup.MigrateAsync(db);
            await ReferenceData.SeedAsync(db);
        }
        Console.WriteLine("Data rujukan diisi.");
        if (demo)
        {
            var files = new FileStore(new FileStoreOptions { Root = FilesRoot() });
            var password = Environment.GetEnvironmentVariable("Demo__Password") is { Length: > 0 } p ? p : "Jalin#Demo2026";
            var seeded = await DemoData.SeedAsync(NewDb, files, password, Wib.Today(TimeProvider.System));
            Console.WriteLine(seeded ? "Data contoh dibuat." : "Data contoh sudah ada; tidak diubah.");
        }
        return 0;
    }

    private static async Task<int> Tick()
    {
        var applied = await RunLifecycleClocks.HandleAsync(NewDb, TimeProvider.System);
        foreach (var a in applied) Console.WriteLine($"{a.AgreementId}: {a.Action} {a.From} → {a.To}");
        Console.WriteLine($"{applied.Count} aksi otomatis dijalankan.");
        var reminders = await Jalin.Core.Reminders.RunReminders.HandleAsync(NewDb, TimeProvider.System);
        Console.WriteLine($"{reminders.Reminders} pengingat jatuh tempo; {reminders.NotificationsCreated} pemberitahuan baru.");
        return 0;
    }
}

/// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> posts to the thread pool and may print out of order).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
