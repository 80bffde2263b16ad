using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jalin.Core.Backup;

/// <summary>Which rows of each table belong to one region, read from the EF relational model (ADR 0014), so a new
/// entity joins a region's export without touching this code:
/// <list type="number">
/// <item>a table with a required foreign key to a table of region data holds the rows of that region's parents (an
/// agreement's parties and documents, a user's claims and notifications), whatever their own RegionCode says;</item>
/// <item>otherwise a table with a <c>RegionCode</c> column holds the rows of that code;</item>
/// <item>otherwise a table whose optional foreign keys point to region data holds the rows one of them points into;</item>
/// <item>the rest is the instance's own (reference lists, national holidays, roles, data-protection keys) and stays.</item>
/// </list>
/// Search entries and the mail outbox are never exported: the import rebuilds the index, and mail queued at the source
/// is the source's to send. Rows a region's rows point to that are another's (a partner registered elsewhere) travel as
/// <em>shared</em> rows (<see cref="References"/>).</summary>
public sealed class RegionScope
{
    public const string RegionParameter = "@jalin_region";

    /// <summary>Tables never exported: rebuilt at the target (the search index) or the source's own business (queued mail),
    /// and the file list, whose rows travel with the files the region's rows name.</summary>
    public static readonly IReadOnlySet<string> NotExported = new HashSet<string>(StringComparer.Ordinal)
    {
        "SearchEntries", "MailOutbox", StoredFilesTable,
    };

    public const string StoredFilesTable = "StoredFiles";

    /// <summary>Tables whose RegionCode names the owner although a required key points elsewhere: an offer made to the
    /// region through the partner portal is the region's, whichever region registered the partner.</summary>
    private static readonly IReadOnlySet<string> RegionFirst = new HashSet<string>(StringComparer.Ordinal) { "PortalSubmissions" };

    /// <summary>Columns that point to another table's key without a foreign-key constraint.</summary>
    private static readonly (string Column, string Table)[] SoftReferences = [("PartnerId", "Partners"), ("StageChangeId", "StageChanges")];

    private RegionScope(IReadOnlyDictionary<string, string> predicates, IReadOnlySet<string> byRegionCode, IReadOnlyList<Reference> references,
        IReadOnlyDictionary<string, string> generatedKeys, IReadOnlyDictionary<string, string> keys)
    {
        Predicates = predicates;
        ByRegionCode = byRegionCode;
        References = references;
        GeneratedKeys = generatedKeys;
        Keys = keys;
    }

    /// <summary>Per exported table, the SQL condition (on its own columns, with <see cref="RegionParameter"/>) its region rows meet.</summary>
    public IReadOnlyDictionary<string, string> Predicates { get; }

    /// <summary>Tables whose region rows are those of its RegionCode: an import refuses a region any of them already holds.</summary>
    public IReadOnlySet<string> ByRegionCode { get; }

    /// <summary>Every single-column pointer from an exported table to another exported table's key (foreign keys and
    /// <see cref="SoftReferences"/>): what shared rows are gathered along, and what a remapped key is rewritten in.</summary>
    public IReadOnlyList<Reference> References { get; }

    /// <summary>Tables whose integer key the database generates (history rows, audit rows): an import gives their rows new keys.</summary>
    public IReadOnlyDictionary<string, string> GeneratedKeys { get; }

    /// <summary>The single-column primary key of each exported table (shared rows are found by it).</summary>
    public IReadOnlyDictionary<string, string> Keys { get; }

    public sealed record Reference(string Table, string Column, string PrincipalTable, string PrincipalColumn, bool Enforced);

    public bool Exports(string table) => Predicates.ContainsKey(table);

    public static RegionScope For(Data.JalinDb db, BackupSchema schema)
    {
        var model = db.Model.GetRelationalModel();
        var tables = model.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var predicates = new Dictionary<string, string>(StringComparer.Ordinal);
        var byRegion = new HashSet<string>(StringComparer.Ordinal);
        var generated = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in schema.Tables) // parents first: a child's condition names its parents'
        {
            if (NotExported.Contains(t.Name) || BackupSchema.ReplaceableTables.Contains(t.Name)) continue;
            var table = tables[t.Name];
            var fks = table.ForeignKeyConstraints
                .Where(f => f.PrincipalTable != table && f.Columns.Count == 1 && predicates.ContainsKey(f.PrincipalTable.Name)).ToList();
            var required = fks.Where(f => !f.Columns[0].IsNullable).ToList();
            var hasRegion = table.FindColumn("RegionCode") is not null;
            string? predicate = null;
            if (required.Count > 0 && !(hasRegion && RegionFirst.Contains(t.Name))) predicate = AnyParent(required);
            else if (hasRegion) { predicate = $"{Q("RegionCode")} = {RegionParameter}"; byRegion.Add(t.Name); }
            else if (fks.Count > 0) predicate = AnyParent(fks);
            if (predicate is null) continue;
            predicates[t.Name] = predicate;
            if (table.PrimaryKey is { Columns.Count: 1 } pk)
            {
                keys[t.Name] = pk.Columns[0].Name;
                var property = pk.Columns[0].PropertyMappings.First().Property;
                if (property.ValueGenerated == ValueGenerated.OnAdd && (Unwrap(property.ClrType) == typeof(long) || Unwrap(property.ClrType) == typeof(int)))
                    generated[t.Name] = pk.Columns[0].Name;
            }
        }

        var references = new List<Reference>();
        foreach (var name in predicates.Keys)
        {
            var table = tables[name];
            var fkColumns = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in table.ForeignKeyConstraints.Where(f => f.Columns.Count == 1 && f.PrincipalColumns.Count == 1 && predicates.ContainsKey(f.PrincipalTable.Name)))
            {
                references.Add(new Reference(name, f.Columns[0].Name, f.PrincipalTable.Name, f.PrincipalColumns[0].Name, true));
                fkColumns.Add(f.Columns[0].Name);
            }
            foreach (var (column, principal) in SoftReferences)
                if (principal != name && table.FindColumn(column) is not null && !fkColumns.Contains(column) && keys.TryGetValue(principal, out var pk))
                    references.Add(new Reference(name, column, principal, pk, false));
        }
        return new RegionScope(predicates, byRegion, references, generated, keys);

        string AnyParent(IEnumerable<IForeignKeyConstraint> fks) => "(" + string.Join(" OR ", fks.Select(f =>
            $"{Q(f.Columns[0].Name)} IN (SELECT {Q(f.PrincipalColumns[0].Name)} FROM {Q(f.PrincipalTable.Name)} WHERE {predicates[f.PrincipalTable.Name]})")) + ")";
    }

    private static string Q(string identifier) => BackupTable.Quote(identifier);

    private static Type Unwrap(Type t) => Nullable.GetUnderlyingType(t) ?? t;
}
