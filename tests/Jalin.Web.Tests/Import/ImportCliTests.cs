using System.Text.RegularExpressions;
using Jalin.Core.Audit;
using Jalin.Core.Data;
using Jalin.Tests.Shared;
using Jalin.Web.Tests.Backup;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Import;

/// <summary>`jalin import` through the real command (jalin.dll): the same checks as the import page, the problems printed
/// with their rows, refusals with exit code 2 and nothing saved, then a commit that skips the problem rows, audited under
/// the officer's name.</summary>
public sealed class ImportCliTests
{
    [Fact]
    public async Task ImportCommand_ChecksRefusesThenCommits_WithExitCodes()
    {
        using var instance = BackupInstance.Create(DatabaseProvider.Sqlite);
        await instance.SeedDemoAsync();
        var env = BackupCliTests.EnvFor(instance);
        var tag = "cli" + Guid.NewGuid().ToString("N")[..6];
        var file = Path.Combine(instance.Dir, "register-lama.xlsx");
        await File.WriteAllBytesAsync(file, LegacyRegisters.Messy(tag));
        async Task<int> Imported()
        {
            await using var db = instance.NewDb();
            return await db.AgreementParties.CountAsync(p => p.DocumentNumber != null && p.DocumentNumber.Contains(tag));
        }

        var check = await BackupCliTests.JalinAsync(env, "import", file, "--user", "kerjasama.cimahi", "--check");
        Assert.Equal(2, check.Code);
        Assert.Contains("3 bermasalah", check.Out);
        foreach (var row in new[] { 6, 10, 12 }) Assert.Contains($"baris {row}: MASALAH", check.Err);
        Assert.Contains("saran: Kabupaten Bandung", check.Err);
        Assert.Contains("Hanya pemeriksaan", check.Out);

        var withProblems = await BackupCliTests.JalinAsync(env, "import", file, "--user", "kerjasama.cimahi", "--yes");
        Assert.Equal(2, withProblems.Code);
        Assert.Contains("3 baris masih bermasalah", withProblems.Err);

        var notOfficer = await BackupCliTests.JalinAsync(env, "import", file, "--user", "opd.cimahi", "--skip-problems", "--yes");
        Assert.Equal(2, notOfficer.Code);
        Assert.Contains("bukan akun petugas Bagian Kerja Sama", notOfficer.Err);

        var unconfirmed = await BackupCliTests.JalinAsync(env, "import", file, "--user", "kerjasama.cimahi", "--skip-problems");
        Assert.Equal(64, unconfirmed.Code);
        Assert.Contains("--yes", unconfirmed.Err);

        var missing = await BackupCliTests.JalinAsync(env, "import", Path.Combine(instance.Dir, "tidak-ada.xlsx"), "--user", "kerjasama.cimahi");
        Assert.Equal(2, missing.Code);
        var noUser = await BackupCliTests.JalinAsync(env, "import", file);
        Assert.Equal(64, noUser.Code);
        var badTarget = await BackupCliTests.JalinAsync(env, "import", file, "--user", "kerjasama.cimahi", "--target", "lain");
        Assert.Equal(64, badTarget.Code);
        var notXlsx = Path.Combine(instance.Dir, "bukan.xlsx");
        await File.WriteAllTextAsync(notXlsx, "ini bukan buku kerja");
        var refused = await BackupCliTests.JalinAsync(env, "import", notXlsx, "--user", "kerjasama.cimahi", "--yes");
        Assert.Equal(2, refused.Code);
        Assert.Contains("bukan buku kerja Excel", refused.Err);
        Assert.Equal(0, await Imported());

        var commit = await BackupCliTests.JalinAsync(env, "import", file, "--user", "kerjasama.cimahi", "--skip-problems", "--yes");
        Assert.True(commit.Code == 0, commit.Out + commit.Err);
        Assert.Contains("3 baris bermasalah dilewati", commit.Out);
        var created = int.Parse(Regex.Match(commit.Out, @"Tersimpan: (\d+) kerja sama baru").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(created > 0);
        Assert.Equal(created, await Imported());
        await using (var db = instance.NewDb())
        {
            var session = await db.ImportSessions.AsNoTracking().OrderByDescending(s => s.CreatedAt).FirstAsync(s => s.Status == Core.Import.ImportStatus.Committed);
            Assert.Equal((created, 3), (session.CreatedCount, session.SkippedRows));
            var ids = (await db.Agreements.Where(a => a.ImportSessionId == session.Id).Select(a => a.Id).ToListAsync()).Select(id => id.ToString()).ToList();
            Assert.Equal(created, ids.Count);
            var audited = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Agreement" && ids.Contains(a.EntityId)).ToListAsync();
            Assert.Equal(created, audited.Count);
            Assert.All(audited, a => Assert.Equal(("Rina Marlina, S.H.", "32.77", "Imported"), (a.ActorName, a.RegionCode, a.Action)));
        }
        var verify = await BackupCliTests.JalinAsync(env, "audit", "verify");
        Assert.True(verify.Code == 0, verify.Out + verify.Err);
    }
}
