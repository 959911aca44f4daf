using System.Security.Cryptography;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// What an authenticator app computes: RFC 6238 TOTP with HMAC-SHA1, 30-second steps and 6 digits,
/// from the base32 shared key the portal shows (RFC 4648; case, spaces and padding ignored).
/// Written independently of Identity, so the tests check the portal against the standard.
/// </summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Code(string sharedKey, DateTimeOffset at) => Code(Base32Decode(sharedKey), at.ToUnixTimeSeconds() / 30);

    public static string Now(string sharedKey) => Code(sharedKey, DateTimeOffset.UtcNow);

    /// <summary>A 6-digit code that no authenticator holding this key would show around now (steps -3 to +3).</summary>
    public static string Wrong(string sharedKey)
    {
        var key = Base32Decode(sharedKey);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var valid = Enumerable.Range(-3, 7).Select(i => Code(key, step + i)).ToHashSet();
        var candidate = int.Parse(Code(key, step), System.Globalization.CultureInfo.InvariantCulture);
        string wrong;
        do
        {
            candidate = (candidate + 1) % 1_000_000;
            wrong = candidate.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        }
        while (valid.Contains(wrong));

        return wrong;
    }

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; this is the algorithm under test, not our own security.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static byte[] Base32Decode(string text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=' or '-') continue;
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not a base32 character.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes.ToArray();
    }
}

/// <summary>The helper itself against the test vectors of RFC 6238 appendix B (SHA-1, last 6 digits).</summary>
public sealed class TotpTests
{
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Codes_match_the_RFC_6238_test_vectors(long unixSeconds, string expected)
    {
        // "12345678901234567890" in base32, written in lower case with spaces as the portal shows keys.
        const string key = "gezd gnbv gy3t qojq gezd gnbv gy3t qojq";

        Assert.Equal(expected, Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }
}
