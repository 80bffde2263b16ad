using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Jalin.Core.Backup;

/// <summary>The lossless JSON encoding of each portable type in <c>tables/*.jsonl</c>: numbers and
/// booleans as JSON numbers and booleans (decimal written from <see cref="decimal"/>, never through
/// double), Guid as "D" text, instants as ISO 8601 with offset and 100 ns ("O"), dates as
/// yyyy-MM-dd, times as HH:mm:ss.fffffff, byte arrays as base64, text as text; NULL as null.</summary>
public static class BackupValues
{
    public static string TypeName(Type t) => t == typeof(byte[]) ? "bytes" : t.Name.ToLowerInvariant();

    public static object Read(DbDataReader r, int i, Type t)
    {
        if (t == typeof(string)) return r.GetString(i);
        if (t == typeof(int)) return r.GetInt32(i);
        if (t == typeof(long)) return r.GetInt64(i);
        if (t == typeof(bool)) return r.GetBoolean(i);
        if (t == typeof(Guid)) return r.GetGuid(i);
        if (t == typeof(DateTimeOffset)) return r.GetFieldValue<DateTimeOffset>(i);
        if (t == typeof(DateOnly)) return r.GetFieldValue<DateOnly>(i);
        if (t == typeof(decimal)) return r.GetDecimal(i);
        if (t == typeof(short)) return r.GetInt16(i);
        if (t == typeof(double)) return r.GetDouble(i);
        if (t == typeof(float)) return r.GetFloat(i);
        if (t == typeof(DateTime)) return r.GetDateTime(i);
        if (t == typeof(TimeOnly)) return r.GetFieldValue<TimeOnly>(i);
        if (t == typeof(TimeSpan)) return r.GetFieldValue<TimeSpan>(i);
        if (t == typeof(byte[])) return r.GetFieldValue<byte[]>(i);
        throw new InvalidOperationException($"Tipe {t.Name} belum didukung cadangan.");
    }

    public static void Write(Utf8JsonWriter w, object? v)
    {
        switch (v)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case int n: w.WriteNumberValue(n); break;
            case long n: w.WriteNumberValue(n); break;
            case short n: w.WriteNumberValue(n); break;
            case bool b: w.WriteBooleanValue(b); break;
            case decimal d: w.WriteNumberValue(d); break;
            case double d: w.WriteNumberValue(d); break;
            case float f: w.WriteNumberValue(f); break;
            case Guid g: w.WriteStringValue(g.ToString("D")); break;
            case DateTimeOffset t: w.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTime t: w.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateOnly d: w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case TimeOnly t: w.WriteStringValue(t.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture)); break;
            case TimeSpan t: w.WriteStringValue(t.ToString("c", CultureInfo.InvariantCulture)); break;
            case byte[] b: w.WriteBase64StringValue(b); break;
            default: throw new InvalidOperationException($"Tipe {v.GetType().Name} belum didukung cadangan.");
        }
    }

    public static object? Parse(JsonElement e, Type t)
    {
        if (e.ValueKind == JsonValueKind.Null) return null;
        if (t == typeof(string)) return e.GetString();
        if (t == typeof(int)) return e.GetInt32();
        if (t == typeof(long)) return e.GetInt64();
        if (t == typeof(bool)) return e.GetBoolean();
        if (t == typeof(Guid)) return Guid.ParseExact(e.GetString()!, "D");
        if (t == typeof(DateTimeOffset)) return DateTimeOffset.ParseExact(e.GetString()!, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
        if (t == typeof(DateOnly)) return DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (t == typeof(decimal)) return e.GetDecimal();
        if (t == typeof(short)) return e.GetInt16();
        if (t == typeof(double)) return e.GetDouble();
        if (t == typeof(float)) return e.GetSingle();
        if (t == typeof(DateTime)) return DateTime.ParseExact(e.GetString()!, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        if (t == typeof(TimeOnly)) return TimeOnly.ParseExact(e.GetString()!, "HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        if (t == typeof(TimeSpan)) return TimeSpan.ParseExact(e.GetString()!, "c", CultureInfo.InvariantCulture);
        if (t == typeof(byte[])) return e.GetBytesFromBase64();
        throw new InvalidOperationException($"Tipe {t.Name} belum didukung cadangan.");
    }
}
