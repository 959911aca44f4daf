namespace MayorsNetwork.Infrastructure.Audit;

/// <summary>
/// Who did something and from where: the signed-in account (or, for a sign-in or a password reset, the account it
/// concerns), and the client address as the forwarded-headers setup resolved it.
/// </summary>
public sealed record AuditActor(string? UserId, string Name, string Email, string? RemoteAddress);
