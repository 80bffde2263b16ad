using System.Security.Cryptography;
using System.Text;

namespace Jalin.Core.Audit;

/// <summary>The HMAC-SHA256 keys of the audit chain, kept outside the database (ADR 0007). Each
/// audit row names the key id it was written with; new rows use <see cref="CurrentKeyId"/>, old rows
/// keep verifying with their own id as long as that key stays configured.</summary>
/// <remarks>Configuration: <c>Audit:Keys:&lt;id&gt;</c> = the key in base64 (at least 32 bytes), or
/// <c>Audit:KeyFiles:&lt;id&gt;</c> = the path of a file holding it; <c>Audit:CurrentKeyId</c> picks
/// the key for new rows (needed when more than one key is configured).</remarks>
public sealed class AuditKeyRing
{
    public const string DevelopmentKeyId = "dev";
    public const int MinimumKeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;

    public AuditKeyRing(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        if (!keys.ContainsKey(currentKeyId))
            throw new InvalidOperationException($"Audit:CurrentKeyId '{currentKeyId}' tidak ada di antara kunci audit yang dikonfigurasi (Audit:Keys / Audit:KeyFiles).");
        foreach (var (id, key) in keys)
        {
            if (id.Length is 0 or > 40) throw new InvalidOperationException($"Id kunci audit '{id}' harus 1–40 karakter.");
            if (key.Length < MinimumKeyBytes) throw new InvalidOperationException($"Kunci audit '{id}' terlalu pendek: minimal {MinimumKeyBytes} bita (base64 dari 32 bita acak, mis. `openssl rand -base64 32`).");
        }
        CurrentKeyId = currentKeyId;
        _keys = new Dictionary<string, byte[]>(keys, StringComparer.Ordinal);
        IsDevelopmentDefault = false;
    }

    public string CurrentKeyId { get; }
    public bool IsDevelopmentDefault { get; private init; }
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>A fixed, published key for development and tests only: it keeps the chain shape of
    /// production but proves nothing, so Production refuses it.</summary>
    public static AuditKeyRing Development { get; } = new(DevelopmentKeyId,
        new Dictionary<string, byte[]> { [DevelopmentKeyId] = SHA256.HashData(Encoding.UTF8.GetBytes("jalin-audit-development-key (bukan rahasia)")) })
    { IsDevelopmentDefault = true };

    public bool TryGet(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    public byte[] Current => _keys[CurrentKeyId];

    /// <summary>Reads the keys from flattened configuration pairs (<c>IConfiguration.AsEnumerable()</c>,
    /// or environment variables with <c>__</c> turned into <c>:</c>). No key configured: the
    /// development key, unless <paramref name="requireConfigured"/> (Production) makes it an error.</summary>
    public static AuditKeyRing FromConfiguration(IEnumerable<KeyValuePair<string, string?>> settings, bool requireConfigured)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? current = null;
        foreach (var (name, value) in settings)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (name.Equals("Audit:CurrentKeyId", StringComparison.OrdinalIgnoreCase)) { current = value.Trim(); continue; }
            if (Child(name, "Audit:Keys:") is { } id) keys[id] = Decode(id, value.Trim());
            else if (Child(name, "Audit:KeyFiles:") is { } fid)
            {
                if (!File.Exists(value)) throw new InvalidOperationException($"Berkas kunci audit '{fid}' tidak ditemukan: {value}");
                keys[fid] = Decode(fid, File.ReadAllText(value).Trim());
            }
        }
        if (keys.Count == 0)
        {
            if (requireConfigured)
                throw new InvalidOperationException("Kunci HMAC jejak audit belum dikonfigurasi. Di Production atur Audit__Keys__<id> (base64 32 bita, mis. `openssl rand -base64 32`) " +
                    "atau Audit__KeyFiles__<id> (jalur berkas kunci) dan Audit__CurrentKeyId=<id>. Simpan kunci di luar basis data.");
            return Development;
        }
        if (current is null)
        {
            if (keys.Count > 1) throw new InvalidOperationException("Beberapa kunci audit dikonfigurasi: tentukan Audit:CurrentKeyId untuk baris baru.");
            current = keys.Keys.Single();
        }
        return new AuditKeyRing(current, keys);
    }

    private static string? Child(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length && !name[prefix.Length..].Contains(':') ? name[prefix.Length..] : null;

    private static byte[] Decode(string id, string value)
    {
        try { return Convert.FromBase64String(value); }
        catch (FormatException) { throw new InvalidOperationException($"Kunci audit '{id}' bukan base64 yang sah."); }
    }
}
