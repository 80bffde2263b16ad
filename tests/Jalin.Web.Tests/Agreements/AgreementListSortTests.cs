using Jalin.Web.Tests.Infrastructure;

namespace Jalin.Web.Tests.Agreements;

/// <summary>Issue #9 item 4: sorting the agreement list puts empty values (end date, value, lead OPD)
/// last in both directions, on SQLite and on PostgreSQL (whose default puts NULLs first when descending).</summary>
public abstract class AgreementListSortTests<TApp>(TApp app) where TApp : JalinAppFactory
{
    [Theory]
    [InlineData("endsOn")]
    [InlineData("startsOn")]
    [InlineData("value")]
    [InlineData("lead")]
    public async Task Empty_values_sort_last_in_both_directions(string sort)
    {
        var officer = await app.ClientForAsync("kerjasama.cimahi");
        var agencies = (await officer.GetAsync("/api/v1/regions/32.77/agencies").OkJson()).AsArray()
            .Select(a => (Id: a!["id"]!.GetValue<Guid>(), Name: a["name"]!.GetValue<string>()))
            .OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        Assert.True(agencies.Count >= 2, "the demo region has OPDs");
        var marker = "Urut" + Guid.NewGuid().ToString("N")[..8];
        object Input(string suffix, string? starts, string? ends, decimal? value, Guid? lead) => new
        {
            kind = "KsddSukarela", title = $"{marker} {suffix}", budgetedInApbd = false, startsOn = starts, endsOn = ends, value, leadAgencyId = lead,
            parties = new[] { new { regionCode = "32.17" } },
        };
        await officer.CreateAgreement(Input("kosong", null, null, null, null));
        await officer.CreateAgreement(Input("awal", "2025-01-01", "2027-01-01", 1_000_000m, agencies[0].Id));
        await officer.CreateAgreement(Input("akhir", "2026-01-01", "2029-01-01", 9_000_000m, agencies[^1].Id));

        async Task<List<string>> Titles(bool desc) =>
            (await officer.GetAsync($"/api/v1/agreements?q={marker}&sort={sort}&desc={desc.ToString().ToLowerInvariant()}&pageSize=100").OkJson())["items"]!.AsArray()
            .Select(i => i!["title"]!.GetValue<string>()).ToList();
        Assert.Equal([$"{marker} awal", $"{marker} akhir", $"{marker} kosong"], await Titles(false));
        Assert.Equal([$"{marker} akhir", $"{marker} awal", $"{marker} kosong"], await Titles(true));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAgreementListSortTests(SqliteApp app) : AgreementListSortTests<SqliteApp>(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAgreementListSortTests(PostgresApp app) : AgreementListSortTests<PostgresApp>(app);
