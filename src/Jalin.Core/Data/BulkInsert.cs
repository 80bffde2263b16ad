using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Jalin.Core.Data;

/// <summary>Inserts many new rows of one entity type without the change tracker, inside the context's current transaction:
/// PostgreSQL binary COPY, SQLite prepared INSERTs bound by position. The columns, their names and their value conversions
/// (instants as ticks and Rupiah as sen on SQLite, enums as names) come from the EF model, so a row written here reads back
/// exactly as one EF wrote. It is for bulk work that writes its own audit rows (ADR 0013): nothing here passes the
/// interceptors. A database-generated key is left to the database unless the caller has set it.</summary>
public static class BulkInsert
{
    /// <summary>Writes <paramref name="rows"/> as new rows of <typeparamref name="T"/>'s table. Requires an open transaction
    /// (the caller's all-or-nothing unit).</summary>
    public static async Task<int> WriteAsync<T>(JalinDb db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return 0;
        var tx = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert memerlukan transaksi yang sedang berjalan.");
        var layout = Layout.For(db, typeof(T), includeGeneratedKey: rows.First() is var first && HasKeyValue(db, first));
        var conn = db.Database.GetDbConnection();
        if (conn is NpgsqlConnection pg)
        {
            var columns = string.Join(", ", layout.Columns.Select(c => Quote(c.Name)));
            await using var writer = await pg.BeginBinaryImportAsync($"COPY {Quote(layout.Table)} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
            // The synchronous calls: the importer buffers, and an await per value costs more than the value.
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                writer.StartRow();
                foreach (var c in layout.Columns) WritePg(writer, c.Value(row), c.Json || c.Mapping.StoreType == "jsonb");
            }
            await writer.CompleteAsync(ct);
            return rows.Count;
        }
        if (conn is SqliteConnection sqlite && layout.BindsDirectly)
        {
            WriteSqlite(sqlite, layout, rows, ct);
            return rows.Count;
        }
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {Quote(layout.Table)} ({string.Join(", ", layout.Columns.Select(c => Quote(c.Name)))}) " +
            $"VALUES ({string.Join(", ", layout.Columns.Select((_, i) => "@p" + i))})";
        var parameters = layout.Columns.Select((c, i) => c.Mapping.CreateParameter(cmd, "@p" + i, null, nullable: true)).ToArray();
        cmd.Parameters.AddRange(parameters);
        cmd.Prepare();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = layout.Columns[i].Value(row) ?? DBNull.Value;
            // SQLite's async calls run synchronously anyway; the sync call saves their overhead on every row.
            cmd.ExecuteNonQuery();
        }
        return rows.Count;
    }

    /// <summary>SQLite: a prepared INSERT on the connection's own handle, its values bound by position and stepped row after
    /// row. Microsoft.Data.Sqlite's command would look every parameter up by name and pick its binding per value on each row,
    /// which was a third of an import's SQLite write time. A table with triggers (the search entries, whose triggers feed the
    /// full-text index) takes many rows per statement (INSERT … VALUES (…), (…), …): SQLite opens a savepoint for each
    /// statement that fires triggers, and FTS5 writes its pending terms out as a new segment at every savepoint, so one row
    /// per statement meant one segment per row, merged again later (three times the time). Other tables take one row per
    /// statement, which SQLite runs faster than a long VALUES list. Each column is bound as Microsoft.Data.Sqlite binds its
    /// provider value (Guid as upper-case text, DateOnly as yyyy-MM-dd, bool as 0/1); a table with any other kind of column
    /// takes the command path.</summary>
    private static void WriteSqlite<T>(SqliteConnection conn, Layout layout, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var handle = conn.Handle!;
        var columns = layout.Columns;
        var list = rows as IReadOnlyList<T> ?? rows.ToList();
        var perStatement = HasTriggers(handle, layout.Table) ? Math.Clamp(MaxSqliteVariables / columns.Count, 1, MaxSqliteRowsPerStatement) : 1;
        sqlite3_stmt? full = null;
        var utf8 = new SqliteText();
        Span<byte> small = stackalloc byte[36];
        try
        {
            for (var done = 0; done < list.Count;)
            {
                ct.ThrowIfCancellationRequested();
                var n = Math.Min(perStatement, list.Count - done);
                var stmt = n == perStatement ? full ??= Prepare(handle, layout, n) : Prepare(handle, layout, n);
                try
                {
                    for (var r = 0; r < n; r++)
                    {
                        var row = list[done + r];
                        for (var i = 0; i < columns.Count; i++)
                        {
                            var c = columns[i];
                            var index = r * columns.Count + i + 1;
                            var v = c.Value(row);
                            var rc = v is null ? raw.sqlite3_bind_null(stmt, index) : c.Sqlite switch
                            {
                                SqliteBind.Text => raw.sqlite3_bind_text(stmt, index, utf8.Of((string)v)),
                                SqliteBind.Integer => raw.sqlite3_bind_int64(stmt, index, Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)),
                                SqliteBind.Boolean => raw.sqlite3_bind_int64(stmt, index, (bool)v ? 1 : 0),
                                SqliteBind.Real => raw.sqlite3_bind_double(stmt, index, Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)),
                                SqliteBind.Blob => raw.sqlite3_bind_blob(stmt, index, (byte[])v),
                                SqliteBind.Guid => raw.sqlite3_bind_text(stmt, index, SqliteText.Of((Guid)v, small)),
                                SqliteBind.Date => raw.sqlite3_bind_text(stmt, index, SqliteText.Of((DateOnly)v, small)),
                                _ => throw new InvalidOperationException($"Kolom {c.Name} tidak dapat ditulis langsung."),
                            };
                            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, handle);
                        }
                    }
                    var step = raw.sqlite3_step(stmt);
                    if (step != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(step, handle);
                    raw.sqlite3_reset(stmt);
                }
                finally
                {
                    if (stmt != full) stmt.Dispose();
                }
                done += n;
            }
        }
        finally
        {
            full?.Dispose();
        }
    }

    /// <summary>True when the table has triggers (the search entries feed their full-text index by trigger).</summary>
    private static bool HasTriggers(sqlite3 handle, string table)
    {
        var rc = raw.sqlite3_prepare_v2(handle, "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 LIMIT 1", out var stmt);
        using (stmt)
        {
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, handle);
            raw.sqlite3_bind_text(stmt, 1, table);
            rc = raw.sqlite3_step(stmt);
            if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE)) SqliteException.ThrowExceptionForRC(rc, handle);
            return rc == raw.SQLITE_ROW;
        }
    }

    /// <summary>SQLite's limit on a statement's parameters (SQLITE_MAX_VARIABLE_NUMBER, 32,766 since 3.32).</summary>
    private const int MaxSqliteVariables = 32_766;

    /// <summary>Rows per statement: past a few hundred, a longer statement saves nothing more.</summary>
    private const int MaxSqliteRowsPerStatement = 500;

    private static sqlite3_stmt Prepare(sqlite3 handle, Layout layout, int rows)
    {
        var width = layout.Columns.Count;
        var sql = new System.Text.StringBuilder($"INSERT INTO {Quote(layout.Table)} ({string.Join(", ", layout.Columns.Select(c => Quote(c.Name)))}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var i = 0; i < width; i++) sql.Append(i == 0 ? "?" : ", ?").Append(r * width + i + 1);
            sql.Append(')');
        }
        var rc = raw.sqlite3_prepare_v2(handle, sql.ToString(), out var stmt);
        if (rc != raw.SQLITE_OK)
        {
            stmt?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
        return stmt!;
    }

    /// <summary>Text as the UTF-8 bytes SQLite copies at once (SQLITE_TRANSIENT), encoded into one buffer reused for every
    /// value instead of a new array per value.</summary>
    private sealed class SqliteText
    {
        private byte[] _buffer = new byte[1024];

        public ReadOnlySpan<byte> Of(string text)
        {
            var need = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
            if (need > _buffer.Length) _buffer = new byte[Math.Max(need, _buffer.Length * 2)];
            return _buffer.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(text, _buffer));
        }

        /// <summary>A Guid as Microsoft.Data.Sqlite writes it: "D" form, upper case.</summary>
        public static ReadOnlySpan<byte> Of(Guid value, Span<byte> into)
        {
            value.TryFormat(into, out var n, "D");
            for (var i = 0; i < n; i++) if (into[i] is >= (byte)'a' and <= (byte)'f') into[i] -= 'a' - 'A';
            return into[..n];
        }

        /// <summary>A date as Microsoft.Data.Sqlite writes it: yyyy-MM-dd.</summary>
        public static ReadOnlySpan<byte> Of(DateOnly value, Span<byte> into)
        {
            value.TryFormat(into, out var n, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return into[..n];
        }
    }

    /// <summary>Reserves <paramref name="count"/> values of <typeparamref name="T"/>'s database-generated integer key, so rows
    /// written by <see cref="WriteAsync"/> carry keys known before the write (their audit rows name them). PostgreSQL takes
    /// them from the column's sequence; SQLite, whose write lock the open transaction already holds, continues after the
    /// largest key.</summary>
    public static async Task<long[]> ReserveKeysAsync<T>(JalinDb db, int count, CancellationToken ct) where T : class
    {
        if (count == 0) return [];
        var entity = db.Model.FindEntityType(typeof(T))!;
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var table = entity.GetTableName()!;
        var column = key.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
        var tx = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert memerlukan transaksi yang sedang berjalan.");
        return await ReserveKeysAsync(db.Database.GetDbConnection(), tx, table, column, count, ct);
    }

    /// <summary>As above, for a table and key column named in the database, inside <paramref name="tx"/>.</summary>
    public static async Task<long[]> ReserveKeysAsync(System.Data.Common.DbConnection conn, System.Data.Common.DbTransaction tx, string table, string column,
        int count, CancellationToken ct)
    {
        if (count == 0) return [];
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        if (conn is NpgsqlConnection)
        {
            cmd.CommandText = $"SELECT nextval(pg_get_serial_sequence(@t, @c)) FROM generate_series(1, @n)";
            var t = cmd.CreateParameter(); t.ParameterName = "t"; t.Value = Quote(table); cmd.Parameters.Add(t);
            var c = cmd.CreateParameter(); c.ParameterName = "c"; c.Value = column; cmd.Parameters.Add(c);
            var n = cmd.CreateParameter(); n.ParameterName = "n"; n.Value = count; cmd.Parameters.Add(n);
            var keys = new List<long>(count);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) keys.Add(reader.GetInt64(0));
            return [.. keys];
        }
        cmd.CommandText = $"SELECT COALESCE(MAX({Quote(column)}), 0) FROM {Quote(table)}";
        var max = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        // AUTOINCREMENT tables never reuse a key: start after the highest ever handed out, too.
        cmd.CommandText = "SELECT seq FROM sqlite_sequence WHERE name = @t";
        var p = cmd.CreateParameter(); p.ParameterName = "@t"; p.Value = table; cmd.Parameters.Add(p);
        try
        {
            if (await cmd.ExecuteScalarAsync(ct) is { } seq and not DBNull) max = Math.Max(max, Convert.ToInt64(seq, System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Microsoft.Data.Sqlite.SqliteException) { /* no AUTOINCREMENT table in this database */ }
        return [.. Enumerable.Range(1, count).Select(i => max + i)];
    }

    /// <summary>True when the row carries its own value of a database-generated integer key (reserved with
    /// <see cref="ReserveKeysAsync"/>): then the key column is written too.</summary>
    private static bool HasKeyValue(JalinDb db, object row)
    {
        var key = db.Model.FindEntityType(row.GetType())!.FindPrimaryKey()!.Properties;
        return key.Count == 1 && key[0].GetGetter().GetClrValue(row) is long and not 0 or int and not 0;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Value, bool Json)
    {
        /// <summary>How <see cref="WriteSqlite"/> binds the column's provider value.</summary>
        public SqliteBind Sqlite { get; init; } = SqliteBind.Other;
    }

    private enum SqliteBind { Other, Text, Integer, Boolean, Real, Blob, Guid, Date }

    /// <summary>The binding of a provider type as Microsoft.Data.Sqlite's own would choose it for a TEXT/INTEGER/REAL/BLOB
    /// column; anything else (decimals, times, a Guid stored as a blob) keeps the command path.</summary>
    private static SqliteBind SqliteBindOf(Type providerType, string storeType)
    {
        var t = Nullable.GetUnderlyingType(providerType) ?? providerType;
        return t switch
        {
            _ when t == typeof(string) => SqliteBind.Text,
            _ when t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(byte) => SqliteBind.Integer,
            _ when t == typeof(bool) => SqliteBind.Boolean,
            _ when t == typeof(double) || t == typeof(float) => SqliteBind.Real,
            _ when t == typeof(byte[]) => SqliteBind.Blob,
            _ when t == typeof(Guid) && storeType.Equals("TEXT", StringComparison.OrdinalIgnoreCase) => SqliteBind.Guid,
            _ when t == typeof(DateOnly) && storeType.Equals("TEXT", StringComparison.OrdinalIgnoreCase) => SqliteBind.Date,
            _ => SqliteBind.Other,
        };
    }

    /// <summary>True when SQLite rows of <paramref name="type"/> are bound directly (<see cref="WriteSqlite"/>), not through a command.</summary>
    internal static bool BindsDirectly(JalinDb db, Type type) => Layout.For(db, type, includeGeneratedKey: false).BindsDirectly;

    private sealed record Layout(string Table, IReadOnlyList<Column> Columns)
    {
        public bool BindsDirectly { get; } = Columns.All(c => c.Sqlite != SqliteBind.Other);

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel, Type, bool), Layout> Cache = new();

        public static Layout For(JalinDb db, Type type, bool includeGeneratedKey) => Cache.GetOrAdd((db.Model, type, includeGeneratedKey), k =>
        {
            var entity = k.Item1.FindEntityType(k.Item2) ?? throw new InvalidOperationException($"{k.Item2.Name} bukan entitas model.");
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var columns = new List<Column>();
            foreach (var p in entity.GetProperties())
            {
                if (p.IsShadowProperty()) throw new InvalidOperationException($"{entity.DisplayName()}.{p.Name} adalah properti bayangan; BulkInsert belum mendukungnya.");
                var generatedKey = p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType is var t && (t == typeof(long) || t == typeof(int));
                if (generatedKey && !k.Item3) continue;
                var mapping = p.GetRelationalTypeMapping();
                var getter = p.GetGetter();
                var converter = mapping.Converter;
                columns.Add(new Column(p.GetColumnName(store)!, mapping,
                    converter is null ? getter.GetClrValue : row => getter.GetClrValue(row) is { } v ? converter.ConvertToProvider(v) : null, false)
                {
                    Sqlite = SqliteBindOf(converter?.ProviderClrType ?? p.ClrType, mapping.StoreType),
                });
            }
            foreach (var n in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
            {
                // Owned JSON documents (a partner's contacts and signatories): only an empty list or none is written here.
                var column = n.TargetEntityType.GetContainerColumnName() ?? throw new InvalidOperationException($"{entity.DisplayName()}.{n.Name} bukan kolom JSON.");
                var getter = n.GetGetter();
                var mapping = k.Item1.GetRelationalModel().FindTable(table, entity.GetSchema())!.FindColumn(column)!.StoreTypeMapping;
                columns.Add(new Column(column, mapping, row => getter.GetClrValue(row) switch
                {
                    null => null,
                    System.Collections.ICollection { Count: 0 } => "[]",
                    _ => throw new NotSupportedException($"{entity.DisplayName()}.{n.Name} berisi data; BulkInsert hanya menulis daftar kosong."),
                }, true) { Sqlite = SqliteBind.Text });
            }
            return new Layout(table, columns);
        });
    }

    /// <summary>One value into a binary COPY, typed by its CLR type (the provider value of a column).</summary>
    internal static void WritePg(NpgsqlBinaryImporter w, object? v, bool json)
    {
        switch (v)
        {
            case null: w.WriteNull(); break;
            case string s: w.Write(s, json ? NpgsqlDbType.Jsonb : NpgsqlDbType.Text); break;
            case Guid g: w.Write(g, NpgsqlDbType.Uuid); break;
            case int i: w.Write(i, NpgsqlDbType.Integer); break;
            case long l: w.Write(l, NpgsqlDbType.Bigint); break;
            case bool b: w.Write(b, NpgsqlDbType.Boolean); break;
            case DateTimeOffset t: w.Write(t.ToUniversalTime(), NpgsqlDbType.TimestampTz); break;
            case DateOnly d: w.Write(d, NpgsqlDbType.Date); break;
            case decimal m: w.Write(m, NpgsqlDbType.Numeric); break;
            case short s: w.Write(s, NpgsqlDbType.Smallint); break;
            case double d: w.Write(d, NpgsqlDbType.Double); break;
            case float f: w.Write(f, NpgsqlDbType.Real); break;
            case DateTime t: w.Write(t, t.Kind == DateTimeKind.Utc ? NpgsqlDbType.TimestampTz : NpgsqlDbType.Timestamp); break;
            case TimeOnly t: w.Write(t, NpgsqlDbType.Time); break;
            case TimeSpan t: w.Write(t, NpgsqlDbType.Interval); break;
            case byte[] b: w.Write(b, NpgsqlDbType.Bytea); break;
            default: throw new InvalidOperationException($"Tipe {v.GetType().Name} belum didukung penulisan massal.");
        }
    }
}
