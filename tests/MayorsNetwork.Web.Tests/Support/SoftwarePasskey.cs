using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// A passkey authenticator in software, for tests over HTTP: one ES256 key, "none" attestation, user present and
/// verified, a signature counter. It answers the portal's WebAuthn options with the JSON a browser would post
/// (PublicKeyCredential.toJSON()), so Identity checks real signatures, challenges, origin and relying-party id.
/// The browser tests use Chromium's own virtual authenticator instead.
/// </summary>
public sealed class SoftwarePasskey(string origin = "https://localhost") : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint _signCount;

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(32);

    public string Id => Base64Url.EncodeToString(CredentialId);

    /// <summary>The account's user handle, as the creation options named it (base64url).</summary>
    public string? UserHandle { get; private set; }

    /// <summary>Answers navigator.credentials.create() for the creation options JSON.</summary>
    public string Create(string optionsJson)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var rpId = (string)options["rp"]!["id"]!;
        UserHandle = (string)options["user"]!["id"]!;
        var clientData = ClientData("webauthn.create", (string)options["challenge"]!);
        var authData = AuthenticatorData(rpId, withCredential: true);
        var attestation = Cbor.Map(
            (Cbor.Text("fmt"), Cbor.Text("none")),
            (Cbor.Text("attStmt"), Cbor.Map()),
            (Cbor.Text("authData"), Cbor.Bytes(authData)));
        return new JsonObject
        {
            ["id"] = Id,
            ["rawId"] = Id,
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject(),
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
                ["attestationObject"] = Base64Url.EncodeToString(attestation),
                ["transports"] = new JsonArray("internal"),
            },
        }.ToJsonString();
    }

    /// <summary>Answers navigator.credentials.get() for the request options JSON.</summary>
    public string Get(string optionsJson, bool forgeSignature = false)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var clientData = ClientData("webauthn.get", (string)options["challenge"]!);
        var authData = AuthenticatorData((string)options["rpId"]!, withCredential: false);
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        if (forgeSignature) signature[^1] ^= 0x01;
        return new JsonObject
        {
            ["id"] = Id,
            ["rawId"] = Id,
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject(),
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
                ["authenticatorData"] = Base64Url.EncodeToString(authData),
                ["signature"] = Base64Url.EncodeToString(signature),
                ["userHandle"] = UserHandle,
            },
        }.ToJsonString();
    }

    public void Dispose() => _key.Dispose();

    private byte[] ClientData(string type, string challenge) => Encoding.UTF8.GetBytes(
        new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = origin, ["crossOrigin"] = false }.ToJsonString());

    /// <summary>rpIdHash, flags (user present, user verified, and attested data on creation), counter, credential.</summary>
    private byte[] AuthenticatorData(string rpId, bool withCredential)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)));
        const byte userPresent = 0x01, userVerified = 0x04, attestedData = 0x40;
        data.Add((byte)(userPresent | userVerified | (withCredential ? attestedData : 0)));
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, withCredential ? _signCount : ++_signCount);
        data.AddRange(counter);
        if (!withCredential) return [.. data];

        data.AddRange(new byte[16]); // AAGUID: none
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)CredentialId.Length);
        data.AddRange(length);
        data.AddRange(CredentialId);
        var point = _key.ExportParameters(false).Q;
        // COSE_Key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
        data.AddRange(Cbor.Map(
            (Cbor.Int(1), Cbor.Int(2)),
            (Cbor.Int(3), Cbor.Int(-7)),
            (Cbor.Int(-1), Cbor.Int(1)),
            (Cbor.Int(-2), Cbor.Bytes(point.X!)),
            (Cbor.Int(-3), Cbor.Bytes(point.Y!))));
        return [.. data];
    }

    /// <summary>The few CBOR items WebAuthn needs (RFC 8949): integers, byte and text strings, maps.</summary>
    private static class Cbor
    {
        public static byte[] Int(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

        public static byte[] Bytes(byte[] value) => [.. Head(2, (ulong)value.Length), .. value];

        public static byte[] Text(string value)
        {
            var utf8 = Encoding.UTF8.GetBytes(value);
            return [.. Head(3, (ulong)utf8.Length), .. utf8];
        }

        public static byte[] Map(params (byte[] Key, byte[] Value)[] entries) =>
            [.. Head(5, (ulong)entries.Length), .. entries.SelectMany(e => e.Key.Concat(e.Value))];

        private static byte[] Head(int major, ulong value)
        {
            var type = (byte)(major << 5);
            return value switch
            {
                < 24 => [(byte)(type | (byte)value)],
                <= byte.MaxValue => [(byte)(type | 24), (byte)value],
                <= ushort.MaxValue => [(byte)(type | 25), (byte)(value >> 8), (byte)value],
                _ => [(byte)(type | 26), (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value],
            };
        }
    }
}
