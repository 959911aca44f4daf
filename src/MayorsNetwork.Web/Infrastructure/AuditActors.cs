using System.Security.Claims;
using MayorsNetwork.Infrastructure.Audit;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Who the audit trail names for a request: the signed-in account, or the account an event concerns.</summary>
public static class AuditActors
{
    private const string NameItem = "mn.audit.actor-name";

    /// <summary>The client's address (behind a proxy, the forwarded-headers middleware has already put the client's there).</summary>
    public static string? Address(HttpContext? http) => http?.Connection.RemoteIpAddress?.ToString();

    /// <summary>Whether the request is signed in as association staff (role Staff or Admin).</summary>
    public static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Admin);

    /// <summary>The account an event concerns (a sign-in, a password reset), as the actor.</summary>
    public static AuditActor For(PortalUser user, HttpContext? http) =>
        new(user.Id, user.FullName, user.Email ?? user.UserName ?? "", Address(http));

    /// <summary>Someone who typed an address that names no account.</summary>
    public static AuditActor Unknown(string typedEmail, HttpContext? http) => new(null, "", typedEmail.Trim(), Address(http));

    /// <summary>
    /// The signed-in account, its full name read once per request (the sign-in cookie carries the id and email, not
    /// the name); null when nobody is signed in.
    /// </summary>
    public static async Task<AuditActor?> SignedInAsync(HttpContext http, DbContext db, CancellationToken cancellationToken)
    {
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || http.User.Identity?.IsAuthenticated != true) return null;
        if (http.Items[NameItem] is not string name)
        {
            name = await db.Set<PortalUser>().AsNoTracking().Where(u => u.Id == id).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken) ?? "";
            http.Items[NameItem] = name;
        }

        var email = http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity?.Name ?? "";
        return new AuditActor(id, name, email, Address(http));
    }
}
