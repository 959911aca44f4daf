using MayorsNetwork.Infrastructure.Data;

namespace MayorsNetwork.Infrastructure.Audit;

/// <summary>
/// One recorded action: who (the actor's account id, name and email as they were), when (UTC), from which address,
/// what (a kind such as "Membership.Status", the entity type and key, the city it concerns) and the changed values
/// before and after, as compact JSON. Insert-only: every property has a private setter and nothing offers an update;
/// the save interceptor refuses to save a changed or deleted entry, and the database's triggers refuse UPDATE and
/// DELETE on the table (migration AuditTrail).
/// </summary>
public sealed class AuditEntry
{
    public const int KindLength = 100;
    public const int EntityTypeLength = 100;
    public const int EntityKeyLength = 200;
    public const int AddressLength = 64;
    public const int ChangesLength = 16_000;

    private AuditEntry()
    {
    }

    public long Id { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>The actor's account; none for a failed sign-in with an address that has no account.</summary>
    public string? ActorUserId { get; private set; }

    public string ActorName { get; private set; } = "";

    public string ActorEmail { get; private set; } = "";

    public string? RemoteAddress { get; private set; }

    public string Kind { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityKey { get; private set; } = "";

    /// <summary>The government (city) the change concerns, where it can be derived.</summary>
    public int? GovernmentId { get; private set; }

    /// <summary>{"Property":{"before":…,"after":…}, …} for changes; other details for events such as a sign-in.</summary>
    public string Changes { get; private set; } = "{}";

    public static AuditEntry Record(AuditActor actor, DateTime atUtc, string kind, string entityType, string entityKey, int? governmentId, string changes) => new()
    {
        AtUtc = atUtc,
        ActorUserId = actor.UserId,
        ActorName = Cut(actor.Name, FieldLimits.Name),
        ActorEmail = Cut(actor.Email, FieldLimits.Email),
        RemoteAddress = actor.RemoteAddress is { } a ? Cut(a, AddressLength) : null,
        Kind = Cut(kind, KindLength),
        EntityType = Cut(entityType, EntityTypeLength),
        EntityKey = Cut(entityKey, EntityKeyLength),
        GovernmentId = governmentId,
        Changes = changes.Length <= ChangesLength ? changes : changes[..(ChangesLength - 1)] + "…",
    };

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
