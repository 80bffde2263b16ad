using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Jalin.Web.Tests.Account;

/// <summary>RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) as an authenticator app computes it
/// from the Base32 key Identity hands out. Identity's authenticator provider reads the real clock
/// (not the app's TimeProvider), so tests pass real time.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at, int stepOffset = 0)
    {
        var step = at.ToUnixTimeSeconds() / 30 + stepOffset;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = (hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    /// <summary>A six-digit code that is not valid anywhere near <paramref name="at"/>.</summary>
    public static string WrongCode(string base32Key, DateTimeOffset at)
    {
        var near = Enumerable.Range(-4, 9).Select(i => Code(base32Key, at, i)).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => ((123456 + i * 111_111) % 1_000_000).ToString("D6")).First(c => !near.Contains(c));
    }

    private static byte[] Base32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = input.Trim().TrimEnd('=').Replace(" ", "").ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var v = alphabet.IndexOf(c);
            if (v < 0) throw new FormatException($"not Base32: {c}");
            buffer = buffer << 5 | v;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return output.ToArray();
    }
}
