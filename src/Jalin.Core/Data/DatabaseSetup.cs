using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data;

public static class DatabaseSetup
{
    /// <summary>Applies migrations and, on SQLite, turns on WAL so readers don't block the writer;
    /// then re-chains, once, audit rows written before keyed chains (ADR 0007).</summary>
    public static async Task MigrateAsync(JalinDb db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally { await db.Database.CloseConnectionAsync(); }
        }
        await db.Database.MigrateAsync(ct);
        await Audit.RechainLegacyAudit.RunAsync(db, ct);
    }
}
