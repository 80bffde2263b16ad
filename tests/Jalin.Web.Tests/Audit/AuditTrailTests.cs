using System.Net;
using Jalin.Core.Audit;
using Jalin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Tests.Audit;

public abstract class AuditTrailTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    [Fact]
    public async Task Changes_AppendChainedRows_AndVerifyReportsOk()
    {
        var client = await app.ClientForAsync("kerjasama.cimahi");
        var agency = await client.FirstAgency("32.77");
        var partner = await client.PartnerOfKind("University");
        var id = await client.CreateAgreement(new
        {
            kind = "Ksdpk", ksdpkKind = "PublicService", title = "Uji jejak audit kerja sama riset", initiative = "ThirdParty", leadAgencyId = agency,
            parties = new[] { new { partnerId = partner } },
        });
        await using var db = app.NewDb();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == "32.77" && a.EntityId == id.ToString()).ToListAsync();
        var added = Assert.Single(rows, r => r.EntityType == "Agreement");
        Assert.Equal("Added", added.Action);
        Assert.Contains("Uji jejak audit", added.After);
        Assert.Null(added.Before);

        var auditor = await app.ClientForAsync("auditor.cimahi");
        var verify = (await auditor.GetAsync("/api/v1/audit/verify").OkJson()).AsArray();
        Assert.All(verify, r => Assert.True(r!["ok"]!.GetValue<bool>(), r.ToJsonString()));
        Assert.All(verify, r => Assert.Equal("32.77", r!["regionCode"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TamperedRow_IsDetected_WithTheFirstBrokenRow()
    {
        var client = await app.ClientForAsync("kerjasama.kupang");
        var agency = await client.FirstAgency("53.71");
        var id = await client.CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji perusakan jejak audit", leadAgencyId = agency, budgetedInApbd = true,
            parties = new[] { new { regionCode = "53.01" } },
        });
        await using var db = app.NewDb();
        var target = await db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == "53.71" && a.EntityId == id.ToString() && a.EntityType == "Agreement").SingleAsync();
        Assert.DoesNotContain(await VerifyAudit.RunAsync(db, "53.71"), r => r.FirstBroken is not null);

        // Someone with database access edits the recorded title.
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"After\" = REPLACE(\"After\", 'perusakan', 'perbaikan') WHERE \"Id\" = {target.Id}");
        var report = Assert.Single(await VerifyAudit.RunAsync(db, "53.71"));
        Assert.NotNull(report.FirstBroken);
        Assert.Equal(target.Id, report.FirstBroken!.Id);
        Assert.Contains("diubah", report.Problem);

        var admin = await app.ClientForAsync("admin");
        var api = (await admin.GetAsync("/api/v1/audit/verify").OkJson()).AsArray();
        var kupang = api.Single(r => r!["regionCode"]!.GetValue<string>() == "53.71")!;
        Assert.False(kupang["ok"]!.GetValue<bool>());
        Assert.Equal(target.Sequence, kupang["firstBrokenSequence"]!.GetValue<long>());

        // Put it back so other tests see an intact chain.
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"After\" = {target.After} WHERE \"Id\" = {target.Id}");
        Assert.Null(Assert.Single(await VerifyAudit.RunAsync(db, "53.71")).FirstBroken);
    }

    [Fact]
    public async Task DeletedRow_BreaksTheSequence()
    {
        await using var db = app.NewDb();
        var client = await app.ClientForAsync("kerjasama.garut");
        var agency = await client.FirstAgency("32.05");
        await client.CreateAgreement(new { kind = "KsddSukarela", title = "Uji penghapusan baris audit", leadAgencyId = agency, budgetedInApbd = true,
            parties = new[] { new { regionCode = "32.06" } } });
        var chain = await db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == "32.05").OrderBy(a => a.Sequence).ToListAsync();
        var victim = chain[chain.Count / 2];
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {victim.Id}");
        var report = Assert.Single(await VerifyAudit.RunAsync(db, "32.05"));
        Assert.NotNull(report.FirstBroken);
        Assert.Equal(victim.Sequence + 1, report.FirstBroken!.Sequence);
        Assert.Contains("urutan", report.Problem);
        await tx.RollbackAsync();
        Assert.Null(Assert.Single(await VerifyAudit.RunAsync(db, "32.05")).FirstBroken);
    }

    [Fact]
    public async Task AuditApi_IsForAuditorsAndAdmins_AuditorSeesOwnRegionOnly()
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        await officer.GetAsync("/api/v1/audit").Expect(HttpStatusCode.Forbidden);
        var auditor = await app.ClientForAsync("auditor.cimahi");
        await auditor.GetAsync("/api/v1/audit?regionCode=32.73").Expect(HttpStatusCode.Forbidden);
        var page = await auditor.GetAsync("/api/v1/audit?pageSize=50").OkJson();
        Assert.All(page["items"]!.AsArray(), r => Assert.Equal("32.77", r!["regionCode"]!.GetValue<string>()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAuditTrailTests(SqliteApp app) : AuditTrailTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditTrailTests(PostgresApp app) : AuditTrailTests<PostgresApp>(app);
