namespace MayorsNetwork.Domain;

/// <summary>
/// Why a rule refused a change: a stable <paramref name="Code"/> for code to branch on, a message for people, and
/// the name of the property it concerns (the entity's or the input's own name, or null for the whole change), so a
/// page can put it next to the right field without reading the message.
/// </summary>
public sealed record RuleError(string Code, string Message, string? Property = null);
