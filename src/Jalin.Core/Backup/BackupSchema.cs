using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jalin.Core.Backup;

/// <summary>The tables a backup holds, read from the EF relational model of the context (so a new
/// entity is backed up without touching this code), in foreign-key order: a table comes after
/// every table it references. Tables only created by SQL in a migration (the SQLite FTS5 search
/// table and its shadow tables) are not in the model and are rebuilt by their triggers.</summary>
public sealed class BackupSchema
{
    private BackupSchema(IReadOnlyList<BackupTable> tables, IReadOnlyList<string> referenceEntities)
    {
        Tables = tables;
        ReferenceEntities = referenceEntities;
    }

    /// <summary>The audit trail's name (<c>EntityType</c>) for the entities of <see cref="ReplaceableTables"/>:
    /// seeding them writes audit rows, which a restore replaces along with them.</summary>
    public IReadOnlyList<string> ReferenceEntities { get; }

    public const string AuditTable = "AuditEntries";

    /// <summary>Parents before children.</summary>
    public IReadOnlyList<BackupTable> Tables { get; }

    /// <summary>Tables a freshly seeded instance already fills (`jalin seed`, the data protection
    /// keys of a web app started once): restore replaces them instead of refusing.</summary>
    public static readonly IReadOnlySet<string> ReplaceableTables = new HashSet<string>(StringComparer.Ordinal)
    {
        "Regions", "GovernmentAffairs", "Holidays", "DataProtectionKeys",
    };

    public static BackupSchema For(Data.JalinDb db)
    {
        var postgres = db.Database.IsNpgsql();
        var model = db.Model.GetRelationalModel();
        var tables = model.Tables.ToDictionary(t => t.Name, t => t, StringComparer.Ordinal);
        var ordered = new List<BackupTable>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false = visiting, true = done
        foreach (var name in tables.Keys.Order(StringComparer.Ordinal)) Visit(name);
        var reference = db.Model.GetEntityTypes().Where(e => e.GetTableName() is { } t && ReplaceableTables.Contains(t))
            .Select(e => e.ClrType.Name).Order(StringComparer.Ordinal).ToList();
        return new BackupSchema(ordered, reference);

        void Visit(string name)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (!done) throw new InvalidOperationException($"Siklus kunci asing antartabel melalui {name}: urutan pemulihan tidak dapat ditentukan.");
                return;
            }
            state[name] = false;
            var table = tables[name];
            foreach (var fk in table.ForeignKeyConstraints.OrderBy(f => f.PrincipalTable.Name, StringComparer.Ordinal))
                if (fk.PrincipalTable.Name != name && tables.ContainsKey(fk.PrincipalTable.Name)) Visit(fk.PrincipalTable.Name);
            state[name] = true;
            ordered.Add(BackupTable.From(table, postgres));
        }
    }
}

public sealed class BackupTable
{
    private BackupTable(string name, IReadOnlyList<BackupColumn> columns, IReadOnlyList<SelfReference> selfReferences, IReadOnlyList<string> key)
    {
        Name = name;
        Columns = columns;
        SelfReferences = selfReferences;
        Key = key;
    }

    public string Name { get; }
    public IReadOnlyList<BackupColumn> Columns { get; }
    /// <summary>Foreign keys from the table to itself: rows must be inserted parents first (or with the check deferred).</summary>
    public IReadOnlyList<SelfReference> SelfReferences { get; }
    /// <summary>Primary key columns, the order rows are written in (stable archives, row-by-row comparison).</summary>
    public IReadOnlyList<string> Key { get; }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string SelectSql() =>
        $"SELECT {string.Join(", ", Columns.Select(c => Quote(c.Name)))} FROM {Quote(Name)}"
        + (Key.Count > 0 ? $" ORDER BY {string.Join(", ", Key.Select(Quote))}" : "");

    internal static BackupTable From(ITable table, bool postgres)
    {
        var columns = table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => BackupColumn.From(c, postgres)).ToList();
        var self = table.ForeignKeyConstraints.Where(f => f.PrincipalTable == table)
            .Select(f => new SelfReference(f.Name ?? "", f.Columns.Select(c => c.Name).ToList(), f.PrincipalColumns.Select(c => c.Name).ToList()))
            .ToList();
        var key = table.PrimaryKey?.Columns.Select(c => c.Name).ToList() ?? [];
        return new BackupTable(table.Name, columns, self, key);
    }
}

public sealed record SelfReference(string ConstraintName, IReadOnlyList<string> Columns, IReadOnlyList<string> PrincipalColumns);

/// <summary>How one column travels through the archive. The archive holds each value in a
/// portable type: the entity's own type where a converter exists only to fit a provider
/// (SQLite keeps instants as ticks and Rupiah as sen; PostgreSQL keeps both natively), and the
/// stored value otherwise (enums as their stored names or numbers, JSON text as text).</summary>
public sealed class BackupColumn
{
    private static readonly HashSet<Type> Portable =
    [
        typeof(string), typeof(bool), typeof(short), typeof(int), typeof(long), typeof(double), typeof(float), typeof(decimal),
        typeof(Guid), typeof(DateTimeOffset), typeof(DateTime), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(byte[]),
    ];

    private BackupColumn(string name, Type providerType, Type portableType, ValueConverter? converter, RelationalTypeMapping mapping, bool json)
    {
        Name = name;
        ProviderType = providerType;
        PortableType = portableType;
        _converter = converter;
        Mapping = mapping;
        IsJson = json;
    }

    private readonly ValueConverter? _converter;

    public string Name { get; }
    /// <summary>The CLR type the ADO.NET reader returns for the stored value.</summary>
    public Type ProviderType { get; }
    /// <summary>The CLR type the archive encodes (<see cref="BackupValues"/>).</summary>
    public Type PortableType { get; }
    public RelationalTypeMapping Mapping { get; }
    /// <summary>A JSON document column (jsonb on PostgreSQL, text on SQLite).</summary>
    public bool IsJson { get; }

    public string PortableTypeName => BackupValues.TypeName(PortableType);

    internal static BackupColumn From(IColumn column, bool postgres)
    {
        var json = column.StoreType is "jsonb" or "json" || column.PropertyMappings.Count == 0;
        if (json)
            return new BackupColumn(column.Name, typeof(string), typeof(string), null, column.StoreTypeMapping, true);
        var mapping = column.PropertyMappings.First().TypeMapping;
        var converter = mapping.Converter;
        var provider = Unwrap(converter?.ProviderClrType ?? mapping.ClrType);
        if (converter is not null && Portable.Contains(Unwrap(converter.ModelClrType)))
            return new BackupColumn(column.Name, provider, Unwrap(converter.ModelClrType), converter, mapping, false);
        if (!Portable.Contains(provider))
            throw new InvalidOperationException($"Kolom {column.Table.Name}.{column.Name} bertipe {provider.Name} belum didukung cadangan.");
        return new BackupColumn(column.Name, provider, provider, null, mapping, false);
    }

    private static Type Unwrap(Type t) => Nullable.GetUnderlyingType(t) ?? t;

    /// <summary>The stored value at <paramref name="ordinal"/> as its portable value (null for NULL).</summary>
    public object? Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return null;
        var stored = BackupValues.Read(reader, ordinal, ProviderType);
        return _converter is null ? stored : _converter.ConvertFromProvider(stored);
    }

    /// <summary>The portable value as the value this provider stores.</summary>
    public object? ToStored(object? portable) =>
        portable is null ? null : _converter is null ? portable : _converter.ConvertToProvider(portable);
}
