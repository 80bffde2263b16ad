using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Lifecycle;
using Jalin.Core.Partners;
using Jalin.Core.Search;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Import;

/// <summary>BulkInsert on SQLite binds values itself on the connection's handle (not through SqliteCommand): a row it writes
/// must be stored exactly as EF stores the same entity — the same storage class and the same value in every column (Guids as
/// upper-case text, dates as yyyy-MM-dd, instants as ticks, rupiah as sen, enums as names, flags and booleans as integers).</summary>
public sealed class BulkInsertTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private TestDb _db = null!;

    public async Task InitializeAsync() => _db = await TestDb.CreateAsync(_clock);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Agreement NewAgreement(Guid id, Guid partnerId, string affair)
    {
        var now = _clock.GetUtcNow().AddTicks(1234567);
        var a = new Agreement
        {
            Id = id, RegionCode = "32.77", Kind = CooperationKind.Ksdpk, KsdpkKind = KsdpkKind.PublicService, Title = "Pengelolaan sampah terpadu",
            Object = "Sampah; \"kutip\" dan 'apostrof'", Scope = "Lingkup\nbaris kedua", AffairCode = affair, Value = 1_500_000.50m, FundingSource = FundingSource.Apbd,
            BudgetedInApbd = true, SignedOn = new DateOnly(2025, 3, 4), StartsOn = new DateOnly(2025, 4, 1), EndsOn = new DateOnly(2030, 3, 31),
            IsForwarding = true, CreatedAt = now, UpdatedAt = now.AddDays(1), PublishedAt = now.AddDays(2), PublishedBy = "kerjasama.cimahi",
            Confidential = Jalin.Core.Publication.ConfidentialFields.Object | Jalin.Core.Publication.ConfidentialFields.Scope,
        };
        a.RestoreStage(Stage.Implementation, null);
        a.SetDue(a.EndsOn, "end-term", "Jangka waktu berakhir");
        a.Parties.Add(new AgreementParty { AgreementId = id, Order = 1, RegionCode = "32.77", Name = "Pemerintah Kota Cimahi", DocumentNumber = "100/1/PKS/2025" });
        a.Parties.Add(new AgreementParty { AgreementId = id, Order = 2, PartnerId = partnerId, Name = "PT Mitra Sejahtera" });
        return a;
    }

    [Fact]
    public async Task A_bulk_written_row_is_stored_exactly_as_EF_stores_it()
    {
        Guid efId = Guid.NewGuid(), bulkId = Guid.NewGuid();
        var partner = new Partner { RegionCode = "32.77", Kind = PartnerKind.PrivateCompany, Name = "PT Mitra Sejahtera", Nib = "1234567890123", CreatedAt = _clock.GetUtcNow() };
        string affair;
        await using (var db = _db.NewDb())
        {
            affair = await db.GovernmentAffairs.Select(g => g.Code).OrderBy(c => c).FirstAsync();
            db.Partners.Add(partner);
            db.Agreements.Add(NewAgreement(efId, partner.Id, affair));
            await db.SaveChangesAsync();
        }
        var bulk = NewAgreement(bulkId, partner.Id, affair);
        var bulkPartner = new Partner { RegionCode = "32.77", Kind = PartnerKind.PrivateCompany, Name = "PT Mitra Sejahtera", Nib = "1234567890123", CreatedAt = _clock.GetUtcNow() };
        var history = new StageChange
        {
            Id = 900_001, AgreementId = bulkId, Action = ActionCode.Register, FromStage = Stage.Implementation, ToStage = Stage.Implementation,
            ActorUserId = "u1", ActorName = "Petugas", ActorRegionCode = "32.77", At = _clock.GetUtcNow(), Note = "Diimpor",
        };
        var entry = SearchIndexer.Entry(SearchKind.Agreement, bulkId, "32.77", bulkId, CooperationKind.Ksdpk, 2025, bulk.Title, "badan", false, _clock.GetUtcNow());
        await using (var db = _db.NewDb())
        {
            Assert.All(new[] { typeof(Partner), typeof(Agreement), typeof(AgreementParty), typeof(StageChange), typeof(SearchEntry), typeof(Jalin.Core.Audit.AuditEntry) },
                t => Assert.True(BulkInsert.BindsDirectly(db, t), $"{t.Name} takes the direct path"));
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkInsert.WriteAsync(db, [bulkPartner], default);
            await BulkInsert.WriteAsync(db, [bulk], default);
            await BulkInsert.WriteAsync(db, bulk.Parties, default);
            await BulkInsert.WriteAsync(db, [history], default);
            await BulkInsert.WriteAsync(db, [entry], default);
            await tx.CommitAsync();
        }

        var ef = await RowAsync("Agreements", "Id", efId);
        var written = await RowAsync("Agreements", "Id", bulkId);
        Assert.Equal(efId.ToString().ToUpperInvariant(), ef["Id"].Value);
        Assert.Equal(bulkId.ToString().ToUpperInvariant(), written["Id"].Value);
        Assert.Equal(Without(ef, "Id"), Without(written, "Id"));
        Assert.Equal(typeof(long), written["Value"].Type); // rupiah as sen
        Assert.Equal("2030-03-31", written["EndsOn"].Value);

        var efParties = await RowsAsync("AgreementParties", "AgreementId", efId);
        var bulkParties = await RowsAsync("AgreementParties", "AgreementId", bulkId);
        Assert.Equal(2, bulkParties.Count);
        Assert.Equal(efParties.OrderBy(r => r["Order"].Value).Select(r => Without(r, "Id", "AgreementId")),
            bulkParties.OrderBy(r => r["Order"].Value).Select(r => Without(r, "Id", "AgreementId")));

        Assert.Equal(Without(await RowAsync("Partners", "Id", partner.Id), "Id"), Without(await RowAsync("Partners", "Id", bulkPartner.Id), "Id"));

        // Read back through EF: the same entity.
        await using (var db = _db.NewDb())
        {
            var back = await db.Agreements.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == bulkId);
            Assert.Equal((1_500_000.50m, Stage.Implementation, new DateOnly(2030, 3, 31), "Jangka waktu berakhir"), (back.Value, back.Stage, back.DueOn, back.DueLabel));
            Assert.Equal(900_001L, back.History.Single().Id);
            Assert.True(await db.SearchEntries.AnyAsync(s => s.SubjectId == bulkId && s.Tokens == entry.Tokens));
        }
    }

    [Fact]
    public async Task A_bulk_row_the_database_refuses_is_a_SqliteException_and_the_transaction_keeps_nothing()
    {
        var orphan = new AgreementParty { AgreementId = Guid.NewGuid(), Order = 1, Name = "Tanpa kerja sama" };
        await using (var db = _db.NewDb())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var e = await Assert.ThrowsAsync<SqliteException>(() => BulkInsert.WriteAsync(db, [orphan], default));
            Assert.Contains("FOREIGN KEY", e.Message);
        }
        await using (var db = _db.NewDb())
            Assert.False(await db.AgreementParties.AnyAsync(p => p.Id == orphan.Id));
    }

    [Fact]
    public async Task Rows_spanning_several_statements_all_arrive_in_order_and_reach_the_full_text_index()
    {
        const int count = 1_234; // two statements of 500 rows and one of 234
        var entries = Enumerable.Range(0, count).Select(i => SearchIndexer.Entry(SearchKind.Partner, Guid.NewGuid(), "32.77", null, null, 2026,
            $"Mitra pengelolaan sampah nomor {i}", i % 2 == 0 ? "" : "badan", false, _clock.GetUtcNow())).ToList();
        await using var db = _db.NewDb();
        var before = await MatchesAsync(db, "sampah");
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.WriteAsync(db, entries, default);
            await tx.CommitAsync();
        }
        var ids = entries.Select(e => e.SubjectId).ToHashSet();
        var back = (await db.SearchEntries.AsNoTracking().Where(s => s.Kind == SearchKind.Partner).OrderBy(s => s.Id).ToListAsync()).Where(s => ids.Contains(s.SubjectId)).ToList();
        Assert.Equal(entries.Select(e => (e.SubjectId, e.Title, e.Body, e.Tokens)), back.Select(e => (e.SubjectId, e.Title, e.Body, e.Tokens)));
        Assert.Equal(count / 2, back.Count(e => e.Body == "")); // empty text stays empty text, not NULL
        Assert.Equal(before + count, await MatchesAsync(db, "sampah"));
    }

    [Fact]
    public async Task A_refused_row_inside_a_long_statement_leaves_nothing_of_the_others()
    {
        var id = Guid.NewGuid();
        string affair;
        await using (var db = _db.NewDb())
        {
            affair = await db.GovernmentAffairs.Select(g => g.Code).OrderBy(c => c).FirstAsync();
            var partner = new Partner { RegionCode = "32.77", Kind = PartnerKind.PrivateCompany, Name = "PT Mitra Sejahtera", CreatedAt = _clock.GetUtcNow() };
            db.Partners.Add(partner);
            db.Agreements.Add(NewAgreement(id, partner.Id, affair));
            await db.SaveChangesAsync();
        }
        var rows = Enumerable.Range(0, 700).Select(i => new StageChange
        {
            Id = 800_000 + i, AgreementId = i == 612 ? Guid.NewGuid() : id, Action = ActionCode.Register, FromStage = Stage.Implementation,
            ToStage = Stage.Implementation, ActorUserId = "u1", ActorName = "Petugas", At = _clock.GetUtcNow(),
        }).ToList();
        await using (var db = _db.NewDb())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var e = await Assert.ThrowsAsync<SqliteException>(() => BulkInsert.WriteAsync(db, rows, default));
            Assert.Contains("FOREIGN KEY", e.Message);
        }
        await using (var db = _db.NewDb())
            Assert.False(await db.StageChanges.AnyAsync(h => h.Id >= 800_000 && h.Id < 800_700));
    }

    private static async Task<long> MatchesAsync(JalinDb db, string term)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM \"SearchEntriesFts\" WHERE \"SearchEntriesFts\" MATCH $term";
        cmd.Parameters.Add(new SqliteParameter("$term", term));
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static Dictionary<string, (Type Type, object? Value)> Without(Dictionary<string, (Type Type, object? Value)> row, params string[] columns) =>
        row.Where(kv => !columns.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);

    private async Task<Dictionary<string, (Type Type, object? Value)>> RowAsync(string table, string column, Guid id) =>
        Assert.Single(await RowsAsync(table, column, id));

    /// <summary>Every column of the rows as SQLite stores it: the storage class (long, double, string, byte[], DBNull) and the value.</summary>
    private async Task<List<Dictionary<string, (Type Type, object? Value)>>> RowsAsync(string table, string column, Guid id)
    {
        await using var db = _db.NewDb();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{column}\" = $id ORDER BY rowid";
        cmd.Parameters.Add(new SqliteParameter("$id", id.ToString().ToUpperInvariant()));
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, (Type, object?)>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, (Type, object?)>();
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = (reader.GetFieldType(i), reader.IsDBNull(i) ? null : reader.GetValue(i));
            rows.Add(row);
        }
        return rows;
    }
}
