using System.Text;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jalin.Cli;

/// <summary>`jalin create-admin` and `jalin demo deactivate`: the first administrator of a
/// production install without a published password, and the end of the demo accounts.</summary>
public static class AdminCommands
{
    public const int Ok = 0;
    /// <summary>Wrong use of the command (sysexits EX_USAGE).</summary>
    public const int UsageError = 64;
    /// <summary>Refused input: password rule, mismatch, user name (EX_DATAERR).</summary>
    public const int DataError = 65;
    /// <summary>An active administrator already exists (EX_CANTCREAT).</summary>
    public const int AlreadyExists = 73;

    public const string CreateAdminHelp = """
        Penggunaan: jalin create-admin --user NAMA --name "Nama Lengkap" [--email surel]
          Membuat administrator sistem pertama (hanya bila belum ada administrator aktif).
          Kata sandi diminta dua kali tanpa ditampilkan, atau dibaca dari baris pertama masukan
          standar bila dialirkan (contoh: printf '%s\n' "$SANDI" | jalin create-admin ...).
          Kata sandi paling sedikit 12 karakter dengan huruf besar, huruf kecil, angka dan simbol
          (Peraturan BSSN 4/2021). Pada masuk pertama administrator wajib mengaktifkan verifikasi
          dua langkah (aplikasi autentikator) sebelum dapat memakai Jalin.
        Kode keluar: 0 berhasil, 64 penggunaan salah, 65 isian ditolak (misalnya kata sandi),
          73 sudah ada administrator aktif, 2 basis data tidak dapat dipakai.
        Basis data: Database__Provider=Sqlite|Postgres, ConnectionStrings__Jalin=...
        """;

    public const string DemoHelp = """
        Penggunaan: jalin demo deactivate
          Menonaktifkan semua akun demo (kata sandinya dihapus dan sesi/tokennya berakhir). Data contoh
          tetap ada sebagai riwayat. Mode Produksi menolak berjalan selama masih ada akun demo aktif.
        Kode keluar: 0 berhasil, 2 basis data tidak dapat dipakai.
        """;

    public static ServiceProvider Services(DatabaseOptions database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<JalinDb>(o => database.Configure(o, TimeProvider.System));
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                PasswordPolicy.Apply(o.Password);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<JalinDb>()
            .AddErrorDescriber<IndonesianIdentityErrors>();
        return services.BuildServiceProvider();
    }

    public static async Task<int> CreateAdminAsync(string[] args, DatabaseOptions database, TextReader stdin, bool stdinRedirected, TextWriter stdout, TextWriter stderr)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            stdout.WriteLine(CreateAdminHelp);
            return Ok;
        }
        var user = Option(args, "--user");
        var name = Option(args, "--name");
        if (user is null || name is null)
        {
            stderr.WriteLine("Isi --user dan --name.");
            stderr.WriteLine(CreateAdminHelp);
            return UsageError;
        }
        string? password;
        if (stdinRedirected)
        {
            password = stdin.ReadLine();
        }
        else
        {
            password = ReadHidden("Kata sandi: ", stdout);
            var again = ReadHidden("Ulangi kata sandi: ", stdout);
            if (password != again)
            {
                stderr.WriteLine("Gagal: kedua kata sandi tidak sama.");
                return DataError;
            }
        }

        await using var sp = Services(database);
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JalinDb>();
        await DatabaseSetup.MigrateAsync(db);
        await Jalin.Core.Data.Seed.ReferenceData.SeedAsync(db);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await CreateFirstAdmin.HandleAsync(db, users, new FirstAdminInput(user, name, Option(args, "--email"), password), TimeProvider.System);
        if (result.Ok)
        {
            stdout.WriteLine($"Administrator sistem dibuat: {result.Value!.UserName} ({result.Value.FullName}).");
            stdout.WriteLine("Pada masuk pertama, aktifkan verifikasi dua langkah di halaman Akun Saya; sebelum itu akun hanya dapat membuka halaman tersebut.");
            return Ok;
        }
        stderr.WriteLine($"Gagal: {result.Error!.Message}");
        if (result.Error is ValidationError v)
            foreach (var (field, messages) in v.Fields)
                foreach (var m in messages) stderr.WriteLine($"  {Label(field)}: {m}");
        return result.Error is ConflictError ? AlreadyExists : DataError;
    }

    public static async Task<int> DeactivateDemoAsync(string[] args, DatabaseOptions database, TextWriter stdout)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            stdout.WriteLine(DemoHelp);
            return Ok;
        }
        await using var sp = Services(database);
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JalinDb>();
        await DatabaseSetup.MigrateAsync(db);
        var count = await DeactivateDemoAccounts.HandleAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
        stdout.WriteLine(count == 0 ? "Tidak ada akun demo aktif." : $"{count} akun demo dinonaktifkan.");
        return Ok;
    }

    private static string Label(string field) => field switch
    {
        "userName" => "--user",
        "fullName" => "--name",
        "email" => "--email",
        "password" => "kata sandi",
        _ => field,
    };

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string ReadHidden(string prompt, TextWriter stdout)
    {
        stdout.Write(prompt);
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (sb.Length > 0) sb.Length--; continue; }
            if (!char.IsControl(key.KeyChar)) sb.Append(key.KeyChar);
        }
        stdout.WriteLine();
        return sb.ToString();
    }
}
