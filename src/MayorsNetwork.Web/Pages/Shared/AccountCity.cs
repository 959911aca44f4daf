using System.Security.Claims;

namespace MayorsNetwork.Web.Pages.Shared;

/// <summary>The city a signed-in account acts for, as the account pages and the city's invoice downloads ask it.</summary>
public static class AccountCity
{
    /// <summary>
    /// The government the signed-in <paramref name="user"/>'s account is linked to; null when nobody is signed in, the
    /// account is linked to no city, or it no longer exists (a page then treats it as having no city, never a 500).
    /// </summary>
    public static async Task<int?> GovernmentIdAsync(this PortalDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return null;
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.GovernmentId).FirstOrDefaultAsync(cancellationToken);
    }
}
