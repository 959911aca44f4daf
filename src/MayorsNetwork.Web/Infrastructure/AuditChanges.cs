using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// The before and after of an entity's changed properties as compact JSON: {"Status":{"before":"Applied","after":"Active"}}.
/// Concurrency tokens and Identity's stamps are left out as noise; secrets (password hashes, token values, passkey
/// material) are never written: a changed secret reads "(changed)".
/// </summary>
public static class AuditChanges
{
    public const string Changed = "(changed)";

    private const int ValueLength = 300;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Never recorded at all: stamps, versions, normalized copies, folded search keys, counters.</summary>
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "Version", "ConcurrencyStamp", "SecurityStamp", "NormalizedEmail", "NormalizedUserName", "NormalizedName", "NameKey", "AccessFailedCount",
    };

    /// <summary>Secrets: recorded only as "(changed)", never their value.</summary>
    public static bool IsSecret(string property) =>
        property is "PasswordHash" or "Value" or "Data" or "CredentialId" or "PublicKey"
        || property.Contains("Token", StringComparison.Ordinal) || property.Contains("Secret", StringComparison.Ordinal)
        || property.Contains("Password", StringComparison.Ordinal);

    /// <summary>The changed properties of <paramref name="entry"/> (all set ones when added, all when deleted), named with <paramref name="prefix"/>.</summary>
    public static string Of(EntityEntry entry, EntityState state, string prefix)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            foreach (var property in entry.Properties)
            {
                var meta = property.Metadata;
                if (Skipped(meta) || (state == EntityState.Added && property.IsTemporary)) continue;
                var before = state == EntityState.Added ? null : property.OriginalValue;
                var after = state == EntityState.Deleted ? null : property.CurrentValue;
                if (state == EntityState.Modified && (!property.IsModified || Equals(before, after))) continue;
                if (state == EntityState.Added && after is null) continue;

                json.WritePropertyName(prefix + meta.Name);
                json.WriteStartObject();
                var secret = IsSecret(meta.Name);
                if (state != EntityState.Added) Write(json, "before", secret ? (before is null ? null : Changed) : before);
                if (state != EntityState.Deleted) Write(json, "after", secret ? (after is null ? null : Changed) : after);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Whether a property is left out: noise, a concurrency token, or binary/JSON content.</summary>
    public static bool Skipped(IProperty property) =>
        Noise.Contains(property.Name) || property.IsConcurrencyToken || property.ClrType == typeof(byte[]);

    /// <summary>Details of an event (a sign-in), as compact JSON.</summary>
    public static string Details(params (string Name, object? Value)[] details)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            foreach (var (name, value) in details) Write(json, name, value);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(name); break;
            case bool b: json.WriteBoolean(name, b); break;
            case int i: json.WriteNumber(name, i); break;
            case long l: json.WriteNumber(name, l); break;
            case decimal d: json.WriteNumber(name, d); break;
            case double d: json.WriteNumber(name, d); break;
            case DateTime t: json.WriteString(name, t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset t: json.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)); break;
            case DateOnly d: json.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case IEnumerable<string> list: // a primitive collection (a city's billing CC addresses): its items, not its type's name
                var joined = string.Join(", ", list);
                json.WriteString(name, joined.Length <= ValueLength ? joined : joined[..ValueLength] + "…");
                break;
            default:
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                json.WriteString(name, text.Length <= ValueLength ? text : text[..ValueLength] + "…");
                break;
        }
    }
}
