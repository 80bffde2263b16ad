using System.Diagnostics;
using Jalin.Core.Backup;
using Jalin.Core.Data;

namespace Jalin.Web.Tests.Backup;

/// <summary>The real `jalin` command (the built jalin.dll next to the tests, run with `dotnet`), its
/// `--help` on every command, its exit codes, and backup → restore → audit verify through it.</summary>
[Collection(BackupCollection.Name)]
public sealed class BackupCliTests(BackupSources sources)
{
    public sealed record Run(int Code, string Out, string Err);

    internal static async Task<Run> JalinAsync(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jalin.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("Database__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                     || k.StartsWith("Files__", StringComparison.Ordinal) || k.StartsWith("Audit__", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await p.WaitForExitAsync(timeout.Token);
        return new Run(p.ExitCode, await stdout, await stderr);
    }

    internal static Dictionary<string, string> EnvFor(BackupInstance instance, string? key = null) => new()
    {
        ["Database__Provider"] = instance.Provider.ToString(),
        ["ConnectionStrings__Jalin"] = instance.ConnectionString,
        ["Files__Root"] = instance.FilesRoot,
        ["Audit__Keys__k1"] = key ?? BackupInstance.KeyBase64,
        ["Audit__CurrentKeyId"] = "k1",
        ["Audit__AnchorDirectory"] = Path.Combine(instance.Dir, "anchors"),
    };

    public static TheoryData<string> Commands => new()
    {
        "lifecycle docs", "drafting docs", "lifecycle tick", "audit verify", "audit anchor", "migrate", "seed", "reindex",
        "backup", "restore", "import", "export", "create-admin", "demo deactivate",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_OnEveryCommand_PrintsItsUsageAndExitCodesWithoutTouchingTheDatabase(string command)
    {
        // A PostgreSQL provider without a connection string fails any command that opens the database.
        var env = new Dictionary<string, string> { ["Database__Provider"] = "Postgres" };

        var run = await JalinAsync(env, [.. command.Split(' '), "--help"]);

        Assert.True(run.Code == 0, run.Err);
        Assert.Contains($"Penggunaan: jalin {command}", run.Out);
        Assert.Contains("Kode keluar:", run.Out);
        Assert.Equal("", run.Err);
    }

    [Fact]
    public async Task Usage_ListsEveryCommandAndTheExitCodes_UnknownCommandIsAUsageError()
    {
        var help = await JalinAsync(new Dictionary<string, string>(), "--help");
        var unknown = await JalinAsync(new Dictionary<string, string>(), "cadangkan");

        Assert.Equal(0, help.Code);
        foreach (var command in Commands) Assert.Contains(command, help.Out);
        Assert.Contains("64 penggunaan salah", help.Out);
        Assert.Equal(64, unknown.Code);
        Assert.Contains("Perintah tidak dikenal: cadangkan", unknown.Err);
    }

    [Fact]
    public async Task BackupRestoreAndAuditVerify_ThroughTheCli_SqliteToPostgres()
    {
        var source = sources.Sqlite;
        using var target = BackupInstance.Create(DatabaseProvider.Postgres);
        var archive = Path.Combine(target.Dir, "cli" + BackupManifest.Extension);

        var backup = await JalinAsync(EnvFor(source), "backup", "--out", archive);
        var again = await JalinAsync(EnvFor(source), "backup", "--out", archive);
        var forced = await JalinAsync(EnvFor(source), "backup", "--out", archive, "--force");
        var noOut = await JalinAsync(EnvFor(source), "backup");

        Assert.True(backup.Code == 0, backup.Err);
        Assert.Contains("Cadangan ditulis:", backup.Out);
        Assert.DoesNotContain('\r', backup.Out); // no progress line when the output is not a terminal
        Assert.Equal(2, again.Code);
        Assert.Contains("sudah ada", again.Err);
        Assert.True(forced.Code == 0, forced.Err);
        Assert.Equal(64, noOut.Code);

        var unconfirmed = await JalinAsync(EnvFor(target), "restore", archive);
        Assert.Equal(64, unconfirmed.Code);
        Assert.Contains("--yes", unconfirmed.Err);

        var restore = await JalinAsync(EnvFor(target), "restore", archive, "--yes");
        Assert.True(restore.Code == 0, restore.Err + restore.Out);
        Assert.Contains("Dipulihkan dari cadangan Sqlite", restore.Out);
        Assert.Equal(await source.CountAsync("Agreements"), await target.CountAsync("Agreements"));

        var verify = await JalinAsync(EnvFor(target), "audit", "verify");
        Assert.True(verify.Code == 0, verify.Out + verify.Err);
        Assert.Contains("Jejak audit utuh (OK).", verify.Out);

        // Another key does not verify the restored chain: the check above could fail.
        var otherKey = await JalinAsync(EnvFor(target, Convert.ToBase64String(new byte[32])), "audit", "verify");
        Assert.Equal(1, otherKey.Code);
        Assert.Contains("RUSAK", otherKey.Out);

        var twice = await JalinAsync(EnvFor(target), "restore", archive, "--yes");
        Assert.Equal(2, twice.Code);
        Assert.Contains("tidak kosong", twice.Err);

        var notZip = Path.Combine(target.Dir, "bukan" + BackupManifest.Extension);
        await File.WriteAllTextAsync(notZip, "bukan arsip");
        using var empty = BackupInstance.Create(DatabaseProvider.Sqlite);
        var refused = await JalinAsync(EnvFor(empty), "restore", notZip, "--yes");
        Assert.Equal(2, refused.Code);
        Assert.Contains("bukan arsip cadangan Jalin", refused.Err);
    }
}

[CollectionDefinition(Name)]
public sealed class BackupCollection : ICollectionFixture<BackupSources>
{
    public const string Name = "backup sources";
}
