using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jalin.Core.Audit;

/// <summary>The audit snapshot of a new entity, written straight to JSON by code compiled once per entity type. It gives the
/// text the interceptor's snapshot of a tracked entity gives (the same properties, secrets left out, names in ordinal order,
/// the same form of every value) without boxing each value, filling a sorted dictionary per row and going through EF's
/// boxing getters: a bulk import writes one per record, and that garbage kept the collector busy on the core the database
/// writer needs (ADR 0013).</summary>
internal sealed class SnapshotWriter
{
    private static readonly ConcurrentDictionary<(IModel, Type), SnapshotWriter> Cache = new();

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_json;

    private readonly (string Name, Action<Utf8JsonWriter, object> Write)[] _members;
    private readonly IProperty[] _key;

    /// <summary>The audit row's entity type: the CLR type's name.</summary>
    public string EntityType { get; }

    public static SnapshotWriter For(IModel model, Type type) => Cache.GetOrAdd((model, type), k => new SnapshotWriter(k.Item1, k.Item2));

    private SnapshotWriter(IModel model, Type clr)
    {
        var type = model.FindEntityType(clr) ?? throw new InvalidOperationException($"{clr.Name} bukan entitas model.");
        EntityType = type.ClrType.Name;
        _key = [.. type.FindPrimaryKey()!.Properties];
        var members = new List<(string, Action<Utf8JsonWriter, object>)>();
        foreach (var p in type.GetProperties())
            if (!AuditInterceptor.IsSecret(p.Name)) members.Add((p.Name, Compile(p, clr)));
        foreach (var n in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        {
            var getter = n.GetGetter();
            // an owned value is kept as its JSON text, a string inside the snapshot (as the interceptor keeps it)
            members.Add((n.Name, (json, entity) =>
            {
                var v = getter.GetClrValue(entity);
                if (v is null) json.WriteNullValue(); else json.WriteStringValue(JsonSerializer.Serialize(v));
            }));
        }
        _members = [.. members.OrderBy(m => m.Item1, StringComparer.Ordinal)];
    }

    /// <summary>The entity's key as the audit row names it (the key's values joined by commas).</summary>
    public string Key(object entity) => _key.Length == 1
        ? _key[0].GetGetter().GetClrValue(entity)?.ToString() ?? ""
        : string.Join(",", _key.Select(p => p.GetGetter().GetClrValue(entity)?.ToString()));

    /// <summary>The snapshot of <paramref name="entity"/>, with <paramref name="embedded"/> rows written under their names as
    /// arrays of their own snapshots.</summary>
    public string Json(IModel model, object entity, IReadOnlyList<(string Name, IEnumerable<object> Rows)>? embedded)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var json = t_json;
        if (json is null) t_json = json = new Utf8JsonWriter(buffer);
        else json.Reset(buffer);
        Write(json, model, entity, embedded);
        json.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void Write(Utf8JsonWriter json, IModel model, object entity, IReadOnlyList<(string Name, IEnumerable<object> Rows)>? embedded)
    {
        var extra = embedded is null or { Count: 0 } ? [] : embedded.OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
        json.WriteStartObject();
        var e = 0;
        foreach (var (name, write) in _members)
        {
            for (; e < extra.Length && string.CompareOrdinal(extra[e].Name, name) < 0; e++) WriteEmbedded(json, model, extra[e]);
            // an embedded list named like a property takes its place
            if (e < extra.Length && extra[e].Name == name) { WriteEmbedded(json, model, extra[e++]); continue; }
            json.WritePropertyName(name);
            write(json, entity);
        }
        for (; e < extra.Length; e++) WriteEmbedded(json, model, extra[e]);
        json.WriteEndObject();
    }

    private static void WriteEmbedded(Utf8JsonWriter json, IModel model, (string Name, IEnumerable<object> Rows) embedded)
    {
        json.WritePropertyName(embedded.Name);
        json.WriteStartArray();
        foreach (var row in embedded.Rows) For(model, row.GetType()).Write(json, model, row, null);
        json.WriteEndArray();
    }

    /// <summary>Reads the property as EF reads it (its backing field where EF uses one) with its own type, and writes it in the
    /// form <see cref="AuditInterceptor.SnapshotValue"/> gives it; kinds of value without a typed writer take that boxed path.</summary>
    private static Action<Utf8JsonWriter, object> Compile(IProperty property, Type clr)
    {
        if (property.IsShadowProperty())
        {
            var getter = property.GetGetter();
            return (json, entity) => AuditInterceptor.WriteSnapshotValue(json, AuditInterceptor.SnapshotValue(getter.GetClrValue(entity)));
        }
        var jsonParam = Expression.Parameter(typeof(Utf8JsonWriter), "json");
        var entityParam = Expression.Parameter(typeof(object), "entity");
        var member = property.GetMemberInfo(forMaterialization: false, forSet: false);
        var value = Expression.MakeMemberAccess(Expression.Convert(entityParam, member.DeclaringType!.IsAssignableFrom(clr) ? clr : member.DeclaringType), member);
        var type = value.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        Expression body;
        if (underlying is not null && TypedWriter(underlying) is { } typed)
            body = Expression.Condition(Expression.Property(value, "HasValue"),
                Expression.Call(typed, jsonParam, Expression.Property(value, "Value")),
                Expression.Call(jsonParam, typeof(Utf8JsonWriter).GetMethod(nameof(Utf8JsonWriter.WriteNullValue))!));
        else if (underlying is null && TypedWriter(type) is { } direct)
            body = Expression.Call(direct, jsonParam, value);
        else
            body = Expression.Call(typeof(Values).GetMethod(nameof(Values.Boxed))!, jsonParam, Expression.Convert(value, typeof(object)));
        return Expression.Lambda<Action<Utf8JsonWriter, object>>(body, jsonParam, entityParam).Compile();
    }

    private static MethodInfo? TypedWriter(Type t)
    {
        if (t.IsEnum) return typeof(Values).GetMethod(nameof(Values.Enum))!.MakeGenericMethod(t);
        var name = t == typeof(string) ? nameof(Values.String)
            : t == typeof(bool) ? nameof(Values.Boolean)
            : t == typeof(int) ? nameof(Values.Int32)
            : t == typeof(long) ? nameof(Values.Int64)
            : t == typeof(Guid) ? nameof(Values.Guid)
            : t == typeof(DateTimeOffset) ? nameof(Values.DateTimeOffset)
            : t == typeof(decimal) ? nameof(Values.Decimal)
            : null;
        return name is null ? null : typeof(Values).GetMethod(name)!;
    }

    /// <summary>The typed writers: each writes what <see cref="AuditInterceptor.SnapshotValue"/> and
    /// <see cref="AuditInterceptor.WriteSnapshotValue"/> write for the boxed value.</summary>
    internal static class Values
    {
        public static void String(Utf8JsonWriter json, string? v) { if (v is null) json.WriteNullValue(); else json.WriteStringValue(v); }
        public static void Boolean(Utf8JsonWriter json, bool v) => json.WriteBooleanValue(v);
        public static void Int32(Utf8JsonWriter json, int v) => json.WriteNumberValue(v);
        public static void Int64(Utf8JsonWriter json, long v) => json.WriteNumberValue(v);
        public static void Guid(Utf8JsonWriter json, Guid v) => json.WriteStringValue(v);

        /// <summary>The instant in UTC, round-trip form ("O").</summary>
        public static void DateTimeOffset(Utf8JsonWriter json, DateTimeOffset v)
        {
            Span<char> text = stackalloc char[40];
            if (v.UtcDateTime.TryFormat(text, out var n, "O", CultureInfo.InvariantCulture)) json.WriteStringValue(text[..n]);
            else json.WriteStringValue(v.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }

        /// <summary>The amount as invariant text (a JSON number would lose trailing zeros).</summary>
        public static void Decimal(Utf8JsonWriter json, decimal v)
        {
            Span<char> text = stackalloc char[64];
            if (v.TryFormat(text, out var n, default, CultureInfo.InvariantCulture)) json.WriteStringValue(text[..n]);
            else json.WriteStringValue(v.ToString(CultureInfo.InvariantCulture));
        }

        public static void Enum<T>(Utf8JsonWriter json, T v) where T : struct, System.Enum => json.WriteStringValue(EnumNames<T>.Of(v));

        public static void Boxed(Utf8JsonWriter json, object? v) => AuditInterceptor.WriteSnapshotValue(json, AuditInterceptor.SnapshotValue(v));
    }

    /// <summary>An enum's names by value, read once (a value without its own name, a combination of flags, is named by ToString).</summary>
    private static class EnumNames<T> where T : struct, System.Enum
    {
        private static readonly Dictionary<T, string> Names = System.Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => v.ToString());

        public static string Of(T v) => Names.TryGetValue(v, out var name) ? name : v.ToString();
    }
}
