using Jalin.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jalin.Core.Tests.Law;

/// <summary>ADR 0006: rows ended with a code the law does not list are migrated to the law's reason,
/// and the history keeps what the officer chose. Runs the real SQLite migrations: a database at the
/// previous migration gets old rows, then migrates to the latest.</summary>
public sealed class RetiredEndReasonsMigrationTests
{
    private const string Previous = "20261127150407_Drafting";

    private static async Task InsertAsync(SqliteConnection c, string table, Dictionary<string, object?> values)
    {
        // Fill every NOT NULL column without a default that the test does not care about.
        var cols = new List<(string name, string type, bool notNull, bool hasDefault)>();
        // an INTEGER primary key is the rowid: SQLite numbers it
        await using (var info = c.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info(\"{table}\")";
            await using var r = await info.ExecuteReaderAsync();
            while (await r.ReadAsync()) cols.Add((r.GetString(1), r.GetString(2), r.GetInt32(3) == 1, !r.IsDBNull(4) || (r.GetInt32(5) > 0 && r.GetString(2) == "INTEGER")));
        }
        foreach (var (name, type, notNull, hasDefault) in cols)
            if (notNull && !hasDefault && !values.ContainsKey(name))
                values[name] = type.Contains("INT", StringComparison.OrdinalIgnoreCase) || type.Contains("REAL", StringComparison.OrdinalIgnoreCase) ? 0 : "x";
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", values.Keys.Select(k => $"\"{k}\""))}) VALUES ({string.Join(", ", values.Keys.Select((_, i) => $"$p{i}"))})";
        var n = 0;
        foreach (var v in values.Values) cmd.Parameters.AddWithValue($"$p{n++}", v ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Retired_codes_become_the_laws_reasons_and_the_history_keeps_the_old_one()
    {
        var file = Path.Combine(Path.GetTempPath(), $"jalin-migration-{Guid.NewGuid():N}.db");
        var cs = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        try
        {
            var builder = new DbContextOptionsBuilder<JalinDb>();
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = cs }.Configure(builder, TimeProvider.System);
            await using (var db = new JalinDb(builder.Options))
                await db.GetService<IMigrator>().MigrateAsync(Previous);

            var rows = new (string kind, string reason, string expected)[]
            {
                ("KsddSukarela", "CancelledByParty", "MutualAgreement"),
                ("Ksdpk", "PartyDefault", "MutualAgreement"),
                ("KsddWajib", "ForceMajeure", "MutualAgreement"),
                ("KsddSukarela", "ContraryToLaw", "PolicyChange"),
                ("Sinergi", "ReplacedByNewAgreement", "MutualAgreement"),
                ("Ksdpl", "ReplacedByNewAgreement", "ReplacedByNewAgreement"), // Permendagri 25/2020 Ps 34 keeps it for foreign kinds
                ("Ksdpk", "PartnerBankrupt", "PartnerBankrupt"),
            };
            var ids = new List<string>();
            await using (var c = new SqliteConnection(cs))
            {
                await c.OpenAsync();
                await using (var off = c.CreateCommand()) { off.CommandText = "PRAGMA foreign_keys = OFF"; await off.ExecuteNonQueryAsync(); }
                foreach (var (kind, reason, _) in rows)
                {
                    var id = Guid.NewGuid().ToString().ToUpperInvariant();
                    ids.Add(id);
                    await InsertAsync(c, "Agreements", new() { ["Id"] = id, ["RegionCode"] = "32.77", ["Kind"] = kind, ["Stage"] = "Ended", ["EndReason"] = reason, ["Title"] = "Lama" });
                    await InsertAsync(c, "StageChanges", new() { ["AgreementId"] = id, ["Action"] = "terminate", ["FromStage"] = "Implementation", ["ToStage"] = "Ended",
                        ["EndReason"] = reason, ["Note"] = "Mitra wanprestasi", ["ActorUserId"] = "u", ["ActorName"] = "Petugas" });
                }
            }

            await using (var db = new JalinDb(builder.Options))
                await db.Database.MigrateAsync();

            // read back as stored (the filler values of unrelated columns are not valid entities)
            await using (var c = new SqliteConnection(cs))
            {
                await c.OpenAsync();
                async Task<(string? reason, string? note)> ReadAsync(string sql, string id)
                {
                    await using var cmd = c.CreateCommand();
                    cmd.CommandText = sql;
                    cmd.Parameters.AddWithValue("$id", id);
                    await using var r = await cmd.ExecuteReaderAsync();
                    Assert.True(await r.ReadAsync());
                    return (r.IsDBNull(0) ? null : r.GetString(0), r.FieldCount > 1 && !r.IsDBNull(1) ? r.GetString(1) : null);
                }
                for (var i = 0; i < rows.Length; i++)
                {
                    var (agreementReason, _) = await ReadAsync("SELECT \"EndReason\" FROM \"Agreements\" WHERE \"Id\" = $id", ids[i]);
                    var (historyReason, note) = await ReadAsync("SELECT \"EndReason\", \"Note\" FROM \"StageChanges\" WHERE \"AgreementId\" = $id", ids[i]);
                    Assert.Equal(rows[i].expected, agreementReason);
                    Assert.Equal(rows[i].expected, historyReason);
                    Assert.True(Enum.TryParse<Jalin.Core.Lifecycle.EndReason>(historyReason, out _));
                    if (rows[i].expected != rows[i].reason)
                    {
                        Assert.StartsWith("Mitra wanprestasi (Alasan semula: ", note);
                        Assert.Contains("PP 28/2018 Pasal 9 ayat (1)", note);
                    }
                    else Assert.Equal("Mitra wanprestasi", note);
                }
            }
        }
        finally
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                try { File.Delete(f); } catch (IOException) { }
        }
    }
}
