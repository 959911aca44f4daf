namespace MayorsNetwork.Domain.Members;

/// <summary>The person changing a government's billing contacts, as recorded in its history.</summary>
public sealed record BillingContactEditor(string? UserId, string Name, string Email);
